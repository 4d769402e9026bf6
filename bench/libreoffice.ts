/**
 * The spreadsheet baseline of the engine: the officer's own way of ranking, a COUNTIFS rank
 * formula in every row (`=COUNTIFS(blocs, bloc, ratios, ">"&ratio)+1`), recalculated by
 * LibreOffice Calc headless on the same table the engine ranks. LibreOffice is taken from the
 * PATH, or installed from Debian when the benchmark runs as root; without it the measurement is
 * skipped and the report says why.
 */
import { spawnSync } from "child_process";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";

const DEBIAN_PACKAGE = "libreoffice-calc-nogui";
const NAMES = ["soffice", "libreoffice", "localc"] as const;

export type LibreOffice =
  | {
      readonly found: true;
      readonly command: string;
      readonly version: string;
      readonly installed: boolean;
    }
  | { readonly found: false; readonly why: string };

function onPath(): string | null {
  for (const name of NAMES) {
    const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    const where = (found.stdout ?? "").trim();
    if (found.status === 0 && where !== "") return where;
  }
  return null;
}

function versionOf(command: string): string {
  const run = spawnSync(command, ["--version"], { encoding: "utf8", timeout: 60_000 });
  return (run.stdout ?? "").trim().split("\n")[0] || "version unknown";
}

/**
 * LibreOffice from the PATH, or installed with apt-get when running as root.
 *
 * @example
 * findLibreOffice().found //=> true on a machine with LibreOffice
 */
export function findLibreOffice(install = true): LibreOffice {
  const existing = onPath();
  if (existing)
    return { found: true, command: existing, version: versionOf(existing), installed: false };
  if (!install) return { found: false, why: "LibreOffice is not on the PATH" };
  if (process.getuid?.() !== 0) {
    return {
      found: false,
      why: `LibreOffice is not on the PATH, and installing ${DEBIAN_PACKAGE} needs root`,
    };
  }
  if (spawnSync("sh", ["-c", "command -v apt-get"]).status !== 0) {
    return {
      found: false,
      why: "LibreOffice is not on the PATH, and there is no apt-get to install it",
    };
  }
  const apt = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", DEBIAN_PACKAGE], {
    encoding: "utf8",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    timeout: 30 * 60_000,
  });
  const installed = onPath();
  if (apt.status !== 0 || !installed) {
    const detail = (apt.stderr ?? "").trim().split("\n").pop() ?? "";
    return {
      found: false,
      why: `LibreOffice is not on the PATH and apt-get install ${DEBIAN_PACKAGE} failed (${detail})`,
    };
  }
  return { found: true, command: installed, version: versionOf(installed), installed: true };
}

/** A user profile that recalculates every formula of an .xlsx file on load. */
function recalculatingProfile(dir: string): string {
  const user = path.join(dir, "user");
  mkdirSync(user, { recursive: true });
  writeFileSync(
    path.join(user, "registrymodifications.xcu"),
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
      // 0 = always recalculate an Excel 2007+ file on load (not only formulas without a value).
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>',
      "</oor:items>",
      "",
    ].join("\n"),
  );
  return `file://${dir}`;
}

export interface CountifsTable {
  /** Rows of the score table: STT, unit, bloc, year, max score, score. */
  readonly rows: readonly (readonly unknown[])[];
}

/**
 * Writes the table twice: with the ratio and the officer's COUNTIFS rank in every row (formulas
 * without a stored value, so that nothing is taken from the file), and with the ratio alone.
 */
async function writeWorkbooks(
  table: CountifsTable,
  dir: string,
): Promise<{ ranks: string; plain: string }> {
  const files = { ranks: path.join(dir, "countifs.xlsx"), plain: path.join(dir, "plain.xlsx") };
  const last = table.rows.length;
  for (const withRanks of [true, false]) {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("DTI 2024");
    table.rows.forEach((row, i) => {
      if (i === 0) {
        sheet.addRow([...row, "Tỷ lệ", "Hạng"]);
        return;
      }
      const r = i + 1;
      const ratio = Number(row[5]) / Number(row[4]);
      const rankCell = withRanks
        ? { formula: `COUNTIFS($C$2:$C$${last},C${r},$G$2:$G$${last},">"&G${r})+1` }
        : null;
      sheet.addRow([...row, ratio, rankCell]);
    });
    await workbook.xlsx.writeFile(withRanks ? files.ranks : files.plain);
  }
  return files;
}

function convert(command: string, profile: string, file: string, outDir: string): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(
    command,
    [
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76",
      "--outdir",
      outDir,
      file,
    ],
    { encoding: "utf8", timeout: 30 * 60_000 },
  );
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`LibreOffice failed on ${file}: ${run.stderr}`);
  return ms;
}

export interface CountifsRun {
  /** Converting the workbook with the COUNTIFS ranks (start, load, recalculation, export), ms. */
  readonly withRanksMs: number;
  /** Converting the same workbook without them (start, load, export), ms. */
  readonly withoutRanksMs: number;
  /** The difference: LibreOffice's recalculation of the ranks, ms. */
  readonly recalculationMs: number;
  /** LibreOffice's ranks, one per data row. */
  readonly ranks: readonly number[];
}

/**
 * Times LibreOffice recalculating the COUNTIFS ranks of a table (the best of `repeat` runs of
 * each conversion, in one warm profile).
 *
 * @example
 * (await countifsRanks(office, table, dir)).recalculationMs > 0 //=> true
 */
export async function countifsRanks(
  office: Extract<LibreOffice, { found: true }>,
  table: CountifsTable,
  dir: string,
  repeat = 2,
): Promise<CountifsRun> {
  mkdirSync(dir, { recursive: true });
  const files = await writeWorkbooks(table, dir);
  const profile = recalculatingProfile(path.join(dir, "profile"));
  const out = path.join(dir, "out");
  // A first conversion creates the profile: not timed.
  convert(office.command, profile, files.plain, out);
  let withoutRanksMs = Infinity;
  let withRanksMs = Infinity;
  for (let i = 0; i < repeat; i += 1) {
    withoutRanksMs = Math.min(withoutRanksMs, convert(office.command, profile, files.plain, out));
    withRanksMs = Math.min(withRanksMs, convert(office.command, profile, files.ranks, out));
  }
  const csv = readFileSync(path.join(out, "countifs.csv"), "utf8").trim().split(/\r?\n/);
  const ranks = csv.slice(1).map((line) => Number(line.split(",").pop()));
  return {
    withRanksMs,
    withoutRanksMs,
    recalculationMs: Math.max(0, withRanksMs - withoutRanksMs),
    ranks,
  };
}
