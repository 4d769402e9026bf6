/**
 * The corpus's 100,000-row case, in `npm run test:full` (CI runs it; `npm test` leaves it out to
 * stay quick): the command line ranks every row, twice the same, the input untouched, and the
 * add-in reads and writes it in requests under Excel's 5 MB limit with the same result.
 */
import * as path from "path";
import { toResultJson } from "../../src/domain/resultJson";
import { fakeFromFile } from "../excel/loadWorkbook";
import { tempDir } from "../fixtures/workbooks";
import { buildWorkbook } from "./build";
import { CORPUS, type CorpusCase } from "./cases";
import { agreement, mismatches, type JsonResult } from "./expectations";
import { runAdapter, runCli, sha256 } from "./runDoors";

const dir = tempDir("dti-awards-corpus-");

describe("the 100,000-row corpus case", () => {
  it("is ranked completely by the command line, twice the same, the input untouched, and the same by the add-in", async () => {
    const big = CORPUS.find((c) => c.large) as CorpusCase;
    const input = path.join(dir, `${big.id}.xlsx`);
    await buildWorkbook(big.sheets()).xlsx.writeFile(input);
    const before = sha256(input);
    const first = await runCli(dir, input, big.id, 1);
    expect(first.code).toBe(0);
    expect(mismatches(first.json as JsonResult, big.expect)).toEqual([]);
    const second = await runCli(dir, input, big.id, 2);
    expect(agreement(second.json as JsonResult)).toEqual(agreement(first.json as JsonResult));
    expect(sha256(input)).toBe(before);

    // The Office adapter on the same workbook: read and written in blocks under 5 MB, same result.
    const host = await fakeFromFile(input);
    const outcome = await runAdapter(host);
    expect(host.syncs.every((s) => s.requestBytes < 5 * 1024 * 1024)).toBe(true);
    expect(agreement(toResultJson(outcome.result, "vi") as unknown as JsonResult)).toEqual(
      agreement(first.json as JsonResult),
    );
  }, 600_000);
});
