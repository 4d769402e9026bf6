/**
 * Benchmark of the AWARD.* custom functions the way Excel calls them: RANK entered in every row of
 * a large table (one call per cell, each with the whole ratio and bloc columns), the same ranks
 * from one spilled RANKS call, STATUS cells beside one STATUSES call, RANK cells over several
 * tables of one workbook recalculated in turn (which a small cache would evict from each other),
 * and one CANDIDATES over the table. The naive baseline re-ranks on every call, as the functions
 * would without the ranking cache; it runs fewer calls in the same process and is extrapolated
 * linearly (each naive call does the same work), which the figures say.
 */
import {
  candidates,
  rank,
  ranks,
  resetFunctionCaches,
  status,
  statuses,
} from "../src/functions/functions";
import { seededRandom } from "../samples/seededRandom";

export interface FunctionsBenchmarkOptions {
  /** Rows of the table (default 10,000). */
  readonly rows?: number;
  /** RANK calls, one per row (default: as many as rows). */
  readonly rankCalls?: number;
  /** Naive RANK calls actually measured for the baseline (default 20). */
  readonly naiveCalls?: number;
  /** Tables of the several-tables measurement (default 5). */
  readonly tables?: number;
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
  /** One RANKS call over the table, ms (median of a few), and whether it equals the RANK cells. */
  readonly spilledRanksMs: number;
  readonly spilledRanksAgree: boolean;
  /** STATUS in every row with the cache, and one STATUSES call, ms. */
  readonly statusCellsMs: number;
  readonly spilledStatusesMs: number;
  readonly spilledStatusesAgree: boolean;
  /** RANK cells over several tables recalculated in turn, ms, and the tables' count and rows. */
  readonly severalTablesMs: number;
  readonly tables: number;
  readonly rowsPerTable: number;
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
export function benchTable(rows: number, seed = 140): BenchTable {
  const random = seededRandom(seed);
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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A range as Excel passes it to each call: new arrays with the same values. */
const fresh = (range: readonly (readonly number[])[]): number[][] => range.map((row) => [...row]);

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
  const cellRanks: unknown[] = [];
  const cachedRankMs = timed(() => {
    for (let i = 0; i < rankCalls; i += 1)
      cellRanks.push(rank(ratios[i][0], blocs[i][0], ratios, blocs));
  });

  const naiveMeasuredMs = timed(() => {
    for (let i = 0; i < naiveCalls; i += 1) {
      resetFunctionCaches();
      rank(ratios[i][0], blocs[i][0], ratios, blocs);
    }
  });
  const naiveRankMsExtrapolated = (naiveMeasuredMs / naiveCalls) * rankCalls;

  // One spilled call per recalculation: each run starts with an empty cache, as after an edit.
  let spilled: unknown[][] = [];
  const spilledRanksMs = median(
    [0, 1, 2, 3, 4].map(() => {
      resetFunctionCaches();
      return timed(() => {
        spilled = ranks(fresh(blocs), fresh(ratios));
      });
    }),
  );
  const spilledRanksAgree = cellRanks.every((r, i) => spilled[i][0] === r);

  resetFunctionCaches();
  const cellStatuses: unknown[] = [];
  const statusCellsMs = timed(() => {
    for (let i = 0; i < rankCalls; i += 1) {
      cellStatuses.push(status(ratios[i][0], blocs[i][0], 2025, ratios, blocs));
    }
  });
  let spilledStatus: unknown[][] = [];
  const spilledStatusesMs = median(
    [0, 1, 2, 3, 4].map(() => {
      resetFunctionCaches();
      return timed(() => {
        spilledStatus = statuses(fresh(blocs), fresh(ratios), 2025);
      });
    }),
  );
  const spilledStatusesAgree = cellStatuses.every((s, i) => spilledStatus[i][0] === s);

  // Several tables of one workbook, their RANK cells recalculated in turn, table after table,
  // round after round: a 4-entry cache evicted each table before its next cell.
  const tableCount = options.tables ?? 5;
  const rowsPerTable = Math.floor(rows / tableCount);
  const several = Array.from({ length: tableCount }, (_v, t) => benchTable(rowsPerTable, 200 + t));
  resetFunctionCaches();
  const severalTablesMs = timed(() => {
    for (let i = 0; i < rowsPerTable; i += 1) {
      for (const t of several) rank(t.ratios[i][0], t.blocs[i][0], t.ratios, t.blocs);
    }
  });

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
    spilledRanksMs,
    spilledRanksAgree,
    statusCellsMs,
    spilledStatusesMs,
    spilledStatusesAgree,
    severalTablesMs,
    tables: tableCount,
    rowsPerTable,
    candidatesMs,
    candidatesRows,
    notes: [
      `The naive baseline clears the ranking cache before each call; ${naiveCalls} calls were measured and extrapolated linearly to ${rankCalls}.`,
      "Every cached call still checks the whole input against the cached one (no shortcut on array identity), as it must when Excel passes new arrays.",
      "A spilled call is timed from an empty cache (median of 5), as after an edit; its ranges are passed as new arrays.",
      "Excel's own cost of passing a 10,000-row range to each call is not included: it falls on the per-cell functions once per cell, on the spilled ones once.",
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
  const agree = (yes: boolean): string => (yes ? "same as the cells" : "DIFFERS from the cells");
  return [
    "| measurement | time |",
    "|---|---|",
    `| ${figures.rankCalls} RANK cells over ${figures.rows}-row ranges, with the ranking cache | ${ms(figures.cachedRankMs)} |`,
    `| the same, re-ranking on every call (extrapolated from ${figures.naiveCallsMeasured} calls: ${ms(figures.naiveMeasuredMs)}) | ${ms(figures.naiveRankMsExtrapolated)} |`,
    `| naive ÷ cached | ${figures.speedup.toFixed(0)}× |`,
    `| one RANKS call spilling ${figures.rows} ranks (${agree(figures.spilledRanksAgree)}) | ${ms(figures.spilledRanksMs)} |`,
    `| RANK cells ÷ RANKS | ${(figures.cachedRankMs / figures.spilledRanksMs).toFixed(0)}× |`,
    `| ${figures.rankCalls} STATUS cells, with the ranking cache | ${ms(figures.statusCellsMs)} |`,
    `| one STATUSES call spilling ${figures.rows} statuses (${agree(figures.spilledStatusesAgree)}) | ${ms(figures.spilledStatusesMs)} |`,
    `| RANK cells of ${figures.tables} tables of ${figures.rowsPerTable} rows, recalculated in turn | ${ms(figures.severalTablesMs)} |`,
    `| one CANDIDATES over ${figures.rows} rows (${figures.candidatesRows} rows returned) | ${ms(figures.candidatesMs)} |`,
    "",
    ...figures.notes.map((note) => `- ${note}`),
  ].join("\n");
}
