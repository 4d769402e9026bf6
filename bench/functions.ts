/**
 * Benchmark of the AWARD.* custom functions the way Excel calls them: RANK entered in every row of
 * a large table (one call per cell, each with the whole ratio and bloc columns), and one
 * CANDIDATES over the same table. The baseline re-ranks on every call, as the functions would
 * without the ranking cache; it runs fewer calls in the same process and is extrapolated linearly
 * (each naive call does the same work), which the figures say.
 */
import { candidates, rank, resetFunctionCaches } from "../src/functions/functions";
import { seededRandom } from "../samples/seededRandom";

export interface FunctionsBenchmarkOptions {
  /** Rows of the table (default 10,000). */
  readonly rows?: number;
  /** RANK calls, one per row (default: as many as rows). */
  readonly rankCalls?: number;
  /** Naive RANK calls actually measured for the baseline (default 20). */
  readonly naiveCalls?: number;
}

export interface FunctionsBenchmark {
  readonly rows: number;
  readonly rankCalls: number;
  /** All RANK calls with the ranking cache, ms. */
  readonly cachedRankMs: number;
  /** Naive calls measured, and their time, ms. */
  readonly naiveCallsMeasured: number;
  readonly naiveMeasuredMs: number;
  /** The naive time for `rankCalls` calls, extrapolated from the measured ones, ms. */
  readonly naiveRankMsExtrapolated: number;
  /** naive (extrapolated) ÷ cached. */
  readonly speedup: number;
  /** One CANDIDATES call over the table, ms, and the rows it returned (header included). */
  readonly candidatesMs: number;
  readonly candidatesRows: number;
  readonly notes: readonly string[];
}

interface BenchTable {
  /** Header row first: STT, unit, bloc, max score, score. */
  readonly table: (string | number)[][];
  readonly ratios: number[][];
  readonly blocs: number[][];
}

/**
 * A score table of `rows` units over blocs 1–3, with scores in half points so that equal ratios
 * (ties) occur the way they do in real tables.
 *
 * @example
 * benchTable(3).table[0] //=> ["STT", "Tên đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"]
 */
export function benchTable(rows: number): BenchTable {
  const random = seededRandom(140);
  const table: (string | number)[][] = [
    ["STT", "Tên đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
  ];
  const ratios: number[][] = [];
  const blocs: number[][] = [];
  for (let i = 0; i < rows; i += 1) {
    const bloc = 1 + (i % 3);
    const max = bloc === 3 ? 500 : 1000;
    const score = Math.round(random() * max * 2) / 2;
    table.push([i + 1, `Đơn vị ${i + 1}`, bloc, max, score]);
    ratios.push([Math.round((score / max) * 10_000) / 10_000]);
    blocs.push([bloc]);
  }
  return { table, ratios, blocs };
}

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/**
 * Runs the measurements and returns the figures.
 *
 * @example
 * runFunctionsBenchmark({ rows: 1000 }).speedup > 1 //=> true
 */
export function runFunctionsBenchmark(options: FunctionsBenchmarkOptions = {}): FunctionsBenchmark {
  const rows = options.rows ?? 10_000;
  const rankCalls = Math.min(options.rankCalls ?? rows, rows);
  const naiveCalls = Math.min(options.naiveCalls ?? 20, rankCalls);
  const { table, ratios, blocs } = benchTable(rows);

  resetFunctionCaches();
  const cachedRankMs = timed(() => {
    for (let i = 0; i < rankCalls; i += 1) rank(ratios[i][0], blocs[i][0], ratios, blocs);
  });

  const naiveMeasuredMs = timed(() => {
    for (let i = 0; i < naiveCalls; i += 1) {
      resetFunctionCaches();
      rank(ratios[i][0], blocs[i][0], ratios, blocs);
    }
  });
  const naiveRankMsExtrapolated = (naiveMeasuredMs / naiveCalls) * rankCalls;

  resetFunctionCaches();
  let candidatesRows = 0;
  const candidatesMs = timed(() => {
    candidatesRows = candidates(table, 2025).length;
  });

  return {
    rows,
    rankCalls,
    cachedRankMs,
    naiveCallsMeasured: naiveCalls,
    naiveMeasuredMs,
    naiveRankMsExtrapolated,
    speedup: naiveRankMsExtrapolated / cachedRankMs,
    candidatesMs,
    candidatesRows,
    notes: [
      `The naive baseline clears the ranking cache before each call; ${naiveCalls} calls were measured and extrapolated linearly to ${rankCalls}.`,
      "Every cached call still checks the whole input against the cached one (no shortcut on array identity), as it must when Excel passes new arrays.",
      "Excel's own cost of passing a 10,000-row range to each call is not included.",
    ],
  };
}

/**
 * The figures as a Markdown table for docs/benchmarks.md.
 *
 * @example
 * formatFunctionsBenchmark(runFunctionsBenchmark({ rows: 100 })).startsWith("| measurement") //=> true
 */
export function formatFunctionsBenchmark(figures: FunctionsBenchmark): string {
  const ms = (value: number): string => `${value.toFixed(1)} ms`;
  return [
    "| measurement | time |",
    "|---|---|",
    `| ${figures.rankCalls} RANK calls over ${figures.rows}-row ranges, with the ranking cache | ${ms(figures.cachedRankMs)} |`,
    `| the same, re-ranking on every call (extrapolated from ${figures.naiveCallsMeasured} calls: ${ms(figures.naiveMeasuredMs)}) | ${ms(figures.naiveRankMsExtrapolated)} |`,
    `| speed-up | ${figures.speedup.toFixed(0)}× |`,
    `| one CANDIDATES over ${figures.rows} rows (${figures.candidatesRows} rows returned) | ${ms(figures.candidatesMs)} |`,
    "",
    ...figures.notes.map((note) => `- ${note}`),
  ].join("\n");
}
