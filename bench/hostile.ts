/**
 * Hostile little workbooks (a cell at XFD1048576, a merge or a validation over the whole grid, a
 * lying `<dimension>`, thousands of styled empty rows, all of them at once) ranked by the command
 * line, each in a fresh Node process: time, peak resident memory and exit code. Part of
 * `npm run bench`; also runs alone: `node build/bench/bench/hostile.js [path/to/main.js]`.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, statSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { HOSTILE_CASES, hostileWorkbook, type HostileCase } from "../test/fixtures/rawXlsx";

const ROOT = path.resolve(__dirname, "../../..");
const DEFAULT_MAIN = path.join(ROOT, "build/cli/src/cli/main.js");
/** A run that takes longer is stopped and reported as such. */
const TIMEOUT_MS = Number(process.env.HOSTILE_TIMEOUT_MS ?? 120_000);

export interface HostileRun {
  readonly kind: HostileCase;
  readonly bytes: number;
  readonly ms: number;
  /** Peak resident set size in MB; null when the run was stopped or crashed. */
  readonly peakMb: number | null;
  /** The exit code, or what stopped the run. */
  readonly outcome: string;
}

/** Ranks one file with the command line at `main` in a fresh process, measured. */
function runOnce(main: string, input: string, out: string): Omit<HostileRun, "kind" | "bytes"> {
  const report = "process.stderr.write(`\\nPEAK ${process.resourceUsage().maxRSS} CODE ${c}\\n`)";
  const script = `require(${JSON.stringify(main)}).main(["rank", process.argv[1], "--out", process.argv[2], "--decision-date", "2024-03-31"], {stdout(){}, stderr(){}, now: () => new Date()}).then((c) => { ${report}; })`;
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["-e", script, "--", input, out], {
    encoding: "utf8",
    timeout: TIMEOUT_MS,
    maxBuffer: 16 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const match = /PEAK (\d+) CODE (-?\d+)/.exec(child.stderr ?? "");
  if (match) return { ms, peakMb: Number(match[1]) / 1024, outcome: `exit ${match[2]}` };
  if (child.error && /ETIMEDOUT/.test(String(child.error))) {
    return { ms, peakMb: null, outcome: `stopped after ${TIMEOUT_MS / 1000} s` };
  }
  const last = (child.stderr ?? "").trim().split("\n").slice(-1)[0] ?? "";
  return {
    ms,
    peakMb: null,
    outcome: `crashed (${child.signal ?? child.status}): ${last.slice(0, 80)}`,
  };
}

/** Writes every hostile case to a temporary folder and ranks each once. */
export function runHostileBenchmark(main: string = DEFAULT_MAIN): HostileRun[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), "dti-awards-hostile-"));
  return HOSTILE_CASES.map((kind) => {
    const input = path.join(dir, `${kind}.xlsx`);
    writeFileSync(input, hostileWorkbook(kind));
    const run = runOnce(main, input, path.join(dir, `${kind}.awards.xlsx`));
    return { kind, bytes: statSync(input).size, ...run };
  });
}

/** The benchmark's Markdown section. */
export function formatHostileBenchmark(runs: readonly HostileRun[]): string[] {
  return [
    "## Command line on hostile little workbooks",
    "",
    "Each file holds a five-unit score table plus what makes it hostile; each run is a fresh Node",
    "process (peak memory is its maximum resident set size). Target: any workbook under 5 MB answered",
    "in under 10 s and 1 GB.",
    "",
    "| case | file (KB) | time (ms) | peak memory (MB) | outcome |",
    "| --- | ---: | ---: | ---: | --- |",
    ...runs.map(
      (r) =>
        `| ${r.kind} | ${(r.bytes / 1024).toFixed(1)} | ${r.ms.toFixed(0)} | ${r.peakMb === null ? "—" : r.peakMb.toFixed(0)} | ${r.outcome} |`,
    ),
    "",
  ];
}

if (require.main === module) {
  const runs = runHostileBenchmark(process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_MAIN);
  process.stdout.write(`${formatHostileBenchmark(runs).join("\n")}\n`);
}
