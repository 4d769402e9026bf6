import { compareUnits } from "../../src/domain/rankUnits";
import type { RankRow } from "../../src/functions/args";
import {
  DEFAULT_CACHE_CAPACITY,
  createComputeCache,
  fingerprint,
  placeInRanking,
  rankRange,
  rowUnit,
  sameKey,
} from "../../src/functions/rankCache";

const rows = (values: readonly number[], bloc: 1 | 2 | 3 | 4 = 3): RankRow[] =>
  values.map((value, index) => ({ value, bloc, excluded: false, index }));

/** A column range as Excel passes it. */
const column = (values: readonly unknown[]): { grid: unknown[][] } => ({
  grid: values.map((v) => [v]),
});

describe("fingerprints and key equality", () => {
  it("gives equal keys equal fingerprints", () => {
    expect(fingerprint([column([1, "a", null]), 2025])).toBe(
      fingerprint([column([1, "a", null]), 2025]),
    );
  });

  it("tells keys of different lengths or scalars apart", () => {
    expect(fingerprint([column([1, 2])])).not.toBe(fingerprint([column([1, 2, 3])]));
    expect(fingerprint([column([1, 2]), 2024])).not.toBe(fingerprint([column([1, 2]), 2025]));
    expect(fingerprint([column([1, 2]), null])).not.toBe(fingerprint([column([1, 2]), "null"]));
  });

  it("compares keys cell by cell, keeping numbers and text apart", () => {
    expect(sameKey([column([1, "3", null]), 2025], [column([1, "3", null]), 2025])).toBe(true);
    expect(sameKey([column([1, "3"])], [column([1, 3])])).toBe(false);
    expect(sameKey([column([1, 2])], [column([1, 2, 3])])).toBe(false);
    expect(sameKey([column([Number.NaN])], [column([Number.NaN])])).toBe(true);
    expect(sameKey([null], [{ grid: [] }])).toBe(false);
  });
});

describe("the compute cache", () => {
  it("computes an input once and reuses it for equal inputs in new arrays", () => {
    const cache = createComputeCache<number>(4);
    const compute = jest.fn(() => 42);
    for (let i = 0; i < 100; i += 1) {
      expect(cache.get([column([0.9, 0.8]), column([3, 3]), null], compute)).toBe(42);
    }
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it("keeps the four most recently used inputs", () => {
    const cache = createComputeCache<number>(4);
    const compute = jest.fn(
      (parts: readonly unknown[]) => (parts[0] as { grid: number[][] }).grid[0][0],
    );
    for (const n of [1, 2, 3, 4]) cache.get([column([n])], compute);
    cache.get([column([1])], compute); // 1 becomes the most recent
    cache.get([column([5])], compute); // evicts 2, the least recent
    expect(cache.size).toBe(4);
    expect(compute).toHaveBeenCalledTimes(5);
    cache.get([column([1])], compute);
    cache.get([column([3])], compute);
    expect(compute).toHaveBeenCalledTimes(5);
    cache.get([column([2])], compute);
    expect(compute).toHaveBeenCalledTimes(6);
  });

  it("forgets everything when cleared", () => {
    const cache = createComputeCache<number>(4);
    const compute = jest.fn(() => 1);
    cache.get([column([1])], compute);
    cache.clear();
    cache.get([column([1])], compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });
});

describe("the compute cache on ranges as Excel passes them", () => {
  const grid = (values: readonly number[]): number[][] => values.map((v) => [v]);

  it("finds a grid equal to one it has seen, in new arrays, without copying it first", () => {
    const cache = createComputeCache<number>();
    const compute = jest.fn(() => 7);
    const values = Array.from({ length: 1000 }, (_v, i) => i / 1000);
    for (let i = 0; i < 50; i += 1) cache.get([{ grid: grid(values) }, 2025], compute);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it("computes again when a grid cell the fingerprint does not sample changes", () => {
    const cache = createComputeCache<number>();
    const values = Array.from({ length: 10_000 }, (_v, i) => i / 10_000);
    const compute = jest.fn((parts: readonly unknown[]) =>
      (parts[0] as { grid: number[][] }).grid[37][0] === 5 ? 2 : 1,
    );
    expect(cache.get([{ grid: grid(values) }], compute)).toBe(1);
    const changed = grid(values);
    changed[37][0] = 5;
    expect(fingerprint([{ grid: changed }])).toBe(fingerprint([{ grid: grid(values) }]));
    expect(cache.get([{ grid: changed }], compute)).toBe(2);
  });

  it("is not fooled by the caller changing its grid after a call", () => {
    const cache = createComputeCache<string>();
    const input = grid([1, 2, 3]);
    cache.get([{ grid: input }], () => "first");
    input[1][0] = 20;
    expect(cache.get([{ grid: input }], () => "second")).toBe("second");
  });

  it("tells a column from a row, a single value from a one-cell range, a ragged array from any", () => {
    const cache = createComputeCache<string>();
    cache.get([{ grid: [[1], [2]] }], () => "column");
    expect(cache.get([{ grid: [[1, 2]] }], () => "row")).toBe("row");
    cache.get([{ grid: 5 }], () => "value");
    expect(cache.get([{ grid: [[5]] }], () => "range")).toBe("range");
    expect(cache.get([{ grid: [["1"], ["2"]] }], () => "text")).toBe("text");
    const ragged = [[1], [2, 3]];
    cache.get([{ grid: ragged }], () => "ragged");
    expect(cache.get([{ grid: ragged }], () => "again")).toBe("again");
  });

  it("keeps sixteen tables or more, so that a workbook's tables do not evict each other", () => {
    expect(DEFAULT_CACHE_CAPACITY).toBeGreaterThanOrEqual(16);
    const cache = createComputeCache<number>();
    const compute = jest.fn(() => 0);
    const tables = Array.from({ length: 16 }, (_v, t) => grid([t, t + 0.5, t + 0.25]));
    for (let round = 0; round < 5; round += 1) {
      for (const table of tables) {
        cache.get([{ grid: table }, null], compute);
        cache.get([{ grid: table }, 2025], compute);
      }
    }
    expect(compute).toHaveBeenCalledTimes(32);
  });
});

describe("range rankings", () => {
  it("ranks each bloc apart with competition ranks", () => {
    const ranking = rankRange([...rows([0.8, 0.9, 0.9, 0.95], 3), ...rows([0.5], 1)], null);
    expect(ranking.byBloc.get(3)?.map((r) => [r.unit.score, r.rank])).toEqual([
      [0.95, 1],
      [0.9, 2],
      [0.9, 2],
      [0.8, 4],
    ]);
    expect(ranking.byBloc.get(1)?.map((r) => r.rank)).toEqual([1]);
    expect(ranking.byBloc.has(2)).toBe(false);
    expect(ranking.selection.size).toBe(0);
  });

  it("selects the collectives of a bloc when the year is known", () => {
    // Bloc 3 has 3 collective slots in 2023: 0.95 and the two 0.9 fill them.
    const ranking = rankRange(rows([0.95, 0.9, 0.9, 0.8]), 2023);
    const statuses = ranking.byBloc.get(3)?.map((r) => ranking.selection.get(r.unit)?.status);
    expect(statuses).toEqual(["candidate", "candidate", "candidate", "not-selected"]);
  });

  it("places a value in a ranking: units above it and units equal to it", () => {
    const ranked = rankRange(rows([0.95, 0.9, 0.9, 0.8]), null).byBloc.get(3) ?? [];
    const probe = (value: number) =>
      placeInRanking(
        ranked,
        rowUnit({ value, bloc: 3, excluded: false, index: -1 }, null),
        compareUnits,
      );
    expect(probe(0.9).above).toBe(1);
    expect(probe(0.9).equal.map((r) => r.rank)).toEqual([2, 2]);
    expect(probe(0.99)).toEqual({ above: 0, equal: [] });
    expect(probe(0.85)).toEqual({ above: 3, equal: [] });
    expect(probe(0.1)).toEqual({ above: 4, equal: [] });
  });
});
