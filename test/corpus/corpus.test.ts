/**
 * Every corpus workbook through both doors that read whole workbooks — the command line (ExcelJS,
 * real .xlsx files) and the Office adapter (the in-memory Excel host) — with the same outcome from
 * both, the source untouched, and a second run identical to the first.
 */
import { createHash } from "crypto";
import { readFileSync } from "fs";
import * as path from "path";
import { main, type CliIo } from "../../src/cli/main";
import { toResultJson } from "../../src/domain/resultJson";
import { domainEngine } from "../../src/excel/engine";
import { rankInExcel } from "../../src/excel/rankInExcel";
import { installOfficeGlobals, removeOfficeGlobals, type FakeWorkbook } from "../excel/fakeExcel";
import { fakeFromFile } from "../excel/loadWorkbook";
import { tempDir } from "../fixtures/workbooks";
import { buildWorkbook } from "./build";
import { CORPUS, type CorpusCase } from "./cases";
import { agreement, mismatches, type JsonResult } from "./expectations";

const DECISION_DATE = "2024-03-31";
const silent: CliIo = { stdout: () => undefined, stderr: () => undefined, now: () => new Date() };
const dir = tempDir("dti-awards-corpus-");
const outcomes = new Map<string, boolean>();

const sha256 = (file: string): string =>
  createHash("sha256").update(readFileSync(file)).digest("hex");

async function runCli(
  input: string,
  id: string,
  run: number,
  year?: number,
): Promise<{ code: number; json: JsonResult | null }> {
  const json = path.join(dir, `${id}.${run}.json`);
  const out = path.join(dir, `${id}.${run}.awards.xlsx`);
  const yearArgs = year !== undefined ? ["--year", String(year)] : [];
  const code = await main(
    ["rank", input, "--out", out, "--json", json, "--decision-date", DECISION_DATE, ...yearArgs],
    silent,
  );
  return { code, json: code === 2 ? null : (JSON.parse(readFileSync(json, "utf8")) as JsonResult) };
}

function sourceCells(host: FakeWorkbook, names: readonly string[]): unknown {
  return names.map((name) => [name, host.sheets.find((s) => s.name === name)?.snapshot()]);
}

async function runAdapter(host: FakeWorkbook, year?: number) {
  installOfficeGlobals(host);
  try {
    return await rankInExcel(
      {
        options: { decisionDate: DECISION_DATE, ...(year !== undefined ? { year } : {}) },
        lang: "vi",
      },
      domainEngine,
    );
  } finally {
    removeOfficeGlobals();
  }
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

describe("the 100,000-row corpus case", () => {
  it("is ranked completely by the command line, twice the same, the input untouched, and the same by the add-in", async () => {
    const big = CORPUS.find((c) => c.large) as CorpusCase;
    outcomes.set(big.id, false);
    const input = path.join(dir, `${big.id}.xlsx`);
    await buildWorkbook(big.sheets()).xlsx.writeFile(input);
    const before = sha256(input);
    const first = await runCli(input, big.id, 1);
    expect(first.code).toBe(0);
    expect(mismatches(first.json as JsonResult, big.expect)).toEqual([]);
    const second = await runCli(input, big.id, 2);
    expect(agreement(second.json as JsonResult)).toEqual(agreement(first.json as JsonResult));
    expect(sha256(input)).toBe(before);

    // The Office adapter on the same workbook: read and written in blocks under 5 MB, same result.
    const host = await fakeFromFile(input);
    const outcome = await runAdapter(host);
    expect(host.syncs.every((s) => s.requestBytes < 5 * 1024 * 1024)).toBe(true);
    expect(agreement(toResultJson(outcome.result, "vi") as unknown as JsonResult)).toEqual(
      agreement(first.json as JsonResult),
    );
    outcomes.set(big.id, true);
  }, 600_000);
});

afterAll(() => {
  const passed = [...outcomes.values()].filter(Boolean).length;
  process.stdout.write(`\ncorpus: ${outcomes.size} cases, ${passed} passed\n`);
});
