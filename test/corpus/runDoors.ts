/**
 * The two doors that read whole workbooks, as the corpus tests run them: the command line on a real
 * .xlsx file (its JSON result read back) and the Office adapter on the in-memory Excel host.
 */
import { createHash } from "crypto";
import { readFileSync } from "fs";
import * as path from "path";
import { main, type CliIo } from "../../src/cli/main";
import { domainEngine } from "../../src/excel/engine";
import { rankInExcel } from "../../src/excel/rankInExcel";
import { installOfficeGlobals, removeOfficeGlobals, type FakeWorkbook } from "../excel/fakeExcel";
import type { JsonResult } from "./expectations";

export const DECISION_DATE = "2024-03-31";
const silent: CliIo = { stdout: () => undefined, stderr: () => undefined, now: () => new Date() };

/** The SHA-256 of a file, to show that a run left its input untouched. */
export const sha256 = (file: string): string =>
  createHash("sha256").update(readFileSync(file)).digest("hex");

/** `dti-awards rank` on `input`, writing beside it in `dir`; the JSON result unless it exited 2. */
export async function runCli(
  dir: string,
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

/**
 * Rank in the add-in, on a workbook loaded into the in-memory host (for `year` only). The host
 * offers ExcelApi 1.13, as Microsoft 365 Excel does, so that merged areas reach the reader as they
 * reach it from the file on the command line.
 */
export async function runAdapter(host: FakeWorkbook, year?: number) {
  host.offeredSets.set("ExcelApi", "1.13");
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
