/**
 * Every corpus workbook through both doors that read whole workbooks — the command line (ExcelJS,
 * real .xlsx files) and the Office adapter (the in-memory Excel host) — with the same outcome from
 * both, the source untouched, and a second run identical to the first.
 */
import * as path from "path";
import { toResultJson } from "../../src/domain/resultJson";
import type { FakeWorkbook } from "../excel/fakeExcel";
import { fakeFromFile } from "../excel/loadWorkbook";
import { tempDir } from "../fixtures/workbooks";
import { buildWorkbook } from "./build";
import { CORPUS, type CorpusCase } from "./cases";
import { agreement, mismatches, type JsonResult } from "./expectations";
import { runAdapter, runCli as runCliIn, sha256 } from "./runDoors";

const dir = tempDir("dti-awards-corpus-");
const outcomes = new Map<string, boolean>();
const runCli = (input: string, id: string, run: number, year?: number) =>
  runCliIn(dir, input, id, run, year);

/**
 * The officer's sheets as the cells they hold (value, formula, format), sparsely: a sheet may
 * reach the grid's last cell.
 */
function sourceCells(host: FakeWorkbook, names: readonly string[]): unknown {
  return names.map((name) => {
    const sheet = host.sheets.find((s) => s.name === name);
    const cells = [...(sheet?.cells ?? [])]
      .filter(([, cell]) => cell.value !== "" || cell.formula !== null)
      .map(([key, cell]) => [key, cell.value, cell.formula, cell.numberFormat])
      .sort(([a], [b]) => String(a).localeCompare(String(b)));
    return [name, cells];
  });
}

async function checkCase(corpusCase: CorpusCase): Promise<void> {
  const input = path.join(dir, `${corpusCase.id}.xlsx`);
  await buildWorkbook(corpusCase.sheets()).xlsx.writeFile(input);
  const before = sha256(input);

  // The command line, twice.
  const first = await runCli(input, corpusCase.id, 1, corpusCase.year);
  const second = await runCli(input, corpusCase.id, 2, corpusCase.year);
  expect(sha256(input)).toBe(before);
  expect(second.code).toBe(first.code);
  expect(second.json).toEqual(first.json);

  // The Office adapter, twice, on the same workbook loaded into the in-memory host.
  const host = await fakeFromFile(input);
  const officerSheets = host.sheets.map((s) => s.name);
  const cellsBefore = sourceCells(host, officerSheets);
  const one = await runAdapter(host, corpusCase.year);
  const sheetsAfterOne = host.sheets.map((s) => s.name);
  const two = await runAdapter(host, corpusCase.year);
  expect(sourceCells(host, officerSheets)).toEqual(cellsBefore);
  expect(host.sheets.map((s) => s.name)).toEqual(sheetsAfterOne);

  if (!corpusCase.expect.runnable) {
    expect(first.code).toBe(2);
    expect(one.kind).toBe("nothing");
    expect(two.kind).toBe("nothing");
    expect(sheetsAfterOne).toEqual(officerSheets);
    // Why nothing was ranked, as the engine said it.
    const said = toResultJson(one.result, "vi") as unknown as JsonResult;
    expect(mismatches(said, corpusCase.expect)).toEqual([]);
    return;
  }
  expect(first.json).not.toBeNull();
  const cli = first.json as JsonResult;
  expect(mismatches(cli, corpusCase.expect)).toEqual([]);
  if (corpusCase.expect.invalid !== undefined) {
    // Exit 1 exactly when some row could not be ranked.
    expect(first.code).toBe(corpusCase.expect.invalid > 0 ? 1 : 0);
  }

  const office = toResultJson(one.result, "vi") as unknown as JsonResult;
  expect(agreement(office)).toEqual(agreement(cli));
  expect(agreement(toResultJson(two.result, "vi") as unknown as JsonResult)).toEqual(
    agreement(office),
  );
}

describe.each(CORPUS.filter((c) => !c.large).map((c) => [c.id, c] as const))(
  "corpus case %s",
  (id, corpusCase) => {
    it(`${corpusCase.title}: same outcome from the command line and from Excel, source untouched, re-run identical`, async () => {
      outcomes.set(id, false);
      await checkCase(corpusCase);
      outcomes.set(id, true);
    });
  },
);

afterAll(() => {
  const passed = [...outcomes.values()].filter(Boolean).length;
  process.stdout.write(`\ncorpus: ${outcomes.size} cases, ${passed} passed\n`);
});
