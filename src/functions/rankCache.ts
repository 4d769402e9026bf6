/**
 * Reuse of rankings between custom-function calls. Excel calls `AWARD.RANK` and `AWARD.STATUS`
 * once per cell, each time with the same ranges: over a 10,000-row table that would be 10,000
 * full re-rankings. The ranking of an input is kept in a least-recently-used cache, found by a
 * cheap fingerprint and reused only after a full equality check of the input, so that a changed
 * cell is never answered from a stale ranking. Ranges are compared as Excel passes them (arrays
 * of rows), without being copied first; only a ranking computed anew stores a copy.
 */
import { rankUnitsWithinBloc } from "../domain/rankUnits";
import { selectCollectiveAwards, type CollectiveSelection } from "../domain/selectAwards";
import { awardSlots } from "../domain/rules";
import type { AwardYear, Bloc, RankedUnit, UnitScore } from "../domain/types";
import type { RankRow } from "./args";

/**
 * A range argument as Excel passes it (an array of rows, or a single value for a one-cell
 * reference), used as part of a key without being copied.
 */
export interface GridPart {
  readonly grid: unknown;
}

/** One part of a cache key: a range as passed, or a scalar. */
export type KeyPart = GridPart | string | number | boolean | null;

/** How many cells the fingerprint looks at, spread evenly over each range. */
const FINGERPRINT_SAMPLES = 64;

/** The bits of a number, to hash without writing it out as text. */
const NUMBER_BITS = new Float64Array(1);
const NUMBER_WORDS = new Int32Array(NUMBER_BITS.buffer);

const mix = (hash: number, value: number): number => Math.imul(hash ^ value, 0x01000193) >>> 0;

/** Mixes a cell into a hash by its type and value, allocating nothing for numbers and text. */
function mixCell(hash: number, value: unknown): number {
  if (typeof value === "number") {
    NUMBER_BITS[0] = value;
    return mix(mix(mix(hash, 1), NUMBER_WORDS[0]), NUMBER_WORDS[1]);
  }
  const text = typeof value === "string" ? value : `${typeof value}${String(value)}`;
  let h = mix(hash, typeof value === "string" ? 2 : 3);
  for (let i = 0; i < text.length; i += 1) h = mix(h, text.charCodeAt(i));
  return h;
}

const isGrid = (part: KeyPart): part is GridPart => typeof part === "object" && part !== null;

/** The cell at a row-major position of a grid; undefined where a row is missing or short. */
function gridCell(grid: unknown, columns: number, index: number): unknown {
  if (!Array.isArray(grid)) return grid;
  const row: unknown = grid[Math.floor(index / columns)];
  return Array.isArray(row) ? row[index % columns] : undefined;
}

/**
 * A cheap fingerprint of a key: the shapes of its ranges (from their first rows) and a hash of a
 * few evenly spread cells (always the first and the last). It only picks the entry to compare;
 * equality decides reuse, so the fingerprint may ignore most cells and rows and stay cheap on
 * 10,000-row ranges.
 *
 * @example
 * fingerprint([{ grid: [[1], [2], [3]] }, 2025]) === fingerprint([{ grid: [[1], [2], [3]] }, 2025]) //=> true
 */
export function fingerprint(parts: readonly KeyPart[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    if (!isGrid(part)) {
      hash = mixCell(mix(hash, 9), part);
      continue;
    }
    const { grid } = part;
    const rows = Array.isArray(grid) ? grid.length : 1;
    const first: unknown = Array.isArray(grid) ? grid[0] : [grid];
    const columns = Array.isArray(first) ? first.length : 0;
    const count = rows * columns;
    hash = mix(mix(hash, rows), columns);
    const step = Math.max(1, Math.floor(count / FINGERPRINT_SAMPLES));
    for (let i = 0; i < count; i += step) hash = mixCell(hash, gridCell(grid, columns, i));
    if (count > 0) hash = mixCell(hash, gridCell(grid, columns, count - 1));
  }
  return hash;
}

function sameCell(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "number") return Number.isNaN(a) && Number.isNaN(b);
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return false;
}

/**
 * A grid's cells kept by the cache: its shape and a row-major copy (the caller's arrays may
 * change after the call); -1 columns for a ragged array, which equals nothing.
 */
interface StoredGrid {
  readonly rows: number;
  readonly columns: number;
  /** A single value passed for a one-cell reference. */
  readonly scalar: boolean;
  readonly cells: readonly unknown[];
  /** The cells again when every one is a number: compared without reading a boxed number. */
  readonly numbers: Float64Array | null;
}

type StoredPart = StoredGrid | string | number | boolean | null;

function storeGrid(grid: unknown): StoredGrid {
  if (!Array.isArray(grid)) {
    return { rows: 1, columns: 1, scalar: true, cells: [grid], numbers: null };
  }
  const first: unknown = grid[0];
  const columns = Array.isArray(first) ? first.length : -1;
  const cells: unknown[] = [];
  for (const row of grid as unknown[]) {
    if (!Array.isArray(row) || row.length !== columns) {
      return { rows: grid.length, columns: -1, scalar: false, cells: [], numbers: null };
    }
    for (const cell of row as unknown[]) cells.push(cell);
  }
  const numeric = cells.every((cell) => typeof cell === "number");
  const numbers = numeric ? Float64Array.from(cells as number[]) : null;
  return { rows: grid.length, columns, scalar: false, cells, numbers };
}

/** Copies the ranges of a key. */
function snapshot(parts: readonly KeyPart[]): readonly StoredPart[] {
  return parts.map((part) => (isGrid(part) ? storeGrid(part.grid) : part));
}

/** True when a grid as passed equals a stored one, cell by cell. */
function sameGrid(stored: StoredGrid, grid: unknown): boolean {
  if (!Array.isArray(grid)) return stored.scalar && sameCell(stored.cells[0], grid);
  const { columns, cells, numbers } = stored;
  if (stored.scalar || columns < 0 || grid.length !== stored.rows) return false;
  for (let r = 0; r < grid.length; r += 1) {
    const row: unknown = grid[r];
    if (!Array.isArray(row) || row.length !== columns) return false;
    if (numbers !== null && columns === 1) {
      // A column of numbers, the usual range: no boxed number read from the copy.
      const x: unknown = row[0];
      const y = numbers[r];
      if (typeof x !== "number" || (x !== y && (x === x || y === y))) return false;
      continue;
    }
    const base = r * columns;
    for (let c = 0; c < columns; c += 1) {
      if (row[c] !== cells[base + c] && !sameCell(row[c], cells[base + c])) return false;
    }
  }
  return true;
}

function sameStoredKey(stored: readonly StoredPart[], parts: readonly KeyPart[]): boolean {
  if (stored.length !== parts.length) return false;
  for (let p = 0; p < parts.length; p += 1) {
    const x = stored[p];
    const y = parts[p];
    const same =
      typeof x === "object" && x !== null
        ? isGrid(y) && sameGrid(x, y.grid)
        : !isGrid(y) && sameCell(x, y);
    if (!same) return false;
  }
  return true;
}

/**
 * True when two keys have equal parts, cell by cell.
 *
 * @example
 * sameKey([{ grid: [[1], ["3"]] }, null], [{ grid: [[1], ["3"]] }, null]) //=> true
 * sameKey([{ grid: [[1], ["3"]] }], [{ grid: [[1], [3]] }]) //=> false
 */
export function sameKey(a: readonly KeyPart[], b: readonly KeyPart[]): boolean {
  return sameStoredKey(snapshot(a), b);
}

export interface ComputeCache<V> {
  /** The value computed for an equal key, or `compute(key)` remembered for the next calls. */
  get(parts: readonly KeyPart[], compute: (parts: readonly KeyPart[]) => V): V;
  /** Forgets every entry. */
  clear(): void;
  readonly size: number;
}

interface CacheEntry<V> {
  readonly fingerprint: number;
  readonly parts: readonly StoredPart[];
  readonly value: V;
}

/**
 * The default capacity: a workbook's tables times the years asked (RANK keys one entry per
 * table, STATUS one per table, year and excluded column), with room to spare, so that several
 * tables on one workbook do not evict each other on every recalculation.
 */
export const DEFAULT_CACHE_CAPACITY = 32;

/**
 * A least-recently-used cache of computed values keyed by ranges and scalars.
 *
 * @example
 * const cache = createComputeCache<number>(4);
 * cache.get([[1, 2]], () => 3) //=> 3
 * cache.get([[1, 2]], () => 4) //=> 3 (reused)
 */
export function createComputeCache<V>(capacity = DEFAULT_CACHE_CAPACITY): ComputeCache<V> {
  // Most recent first; a hit moves its entry to the front in place (no new list per call).
  const entries: CacheEntry<V>[] = [];
  return {
    get(parts, compute) {
      const print = fingerprint(parts);
      for (let i = 0; i < entries.length; i += 1) {
        const entry = entries[i];
        if (entry.fingerprint !== print || !sameStoredKey(entry.parts, parts)) continue;
        for (let j = i; j > 0; j -= 1) entries[j] = entries[j - 1];
        entries[0] = entry;
        return entry.value;
      }
      const value = compute(parts);
      entries.unshift({ fingerprint: print, parts: snapshot(parts), value });
      if (entries.length > capacity) entries.length = capacity;
      return value;
    },
    clear() {
      entries.length = 0;
    },
    get size() {
      return entries.length;
    },
  };
}

/* ---------------------------------------------------------------------------------------------
 * The ranking the cache keeps
 * ------------------------------------------------------------------------------------------- */

/** The rankings of every bloc of a range, and the selection when a year is known. */
export interface RangeRanking {
  readonly byBloc: ReadonlyMap<Bloc, readonly RankedUnit[]>;
  readonly selection: ReadonlyMap<UnitScore, CollectiveSelection>;
  readonly year: AwardYear | null;
}

/** The year of units built for a RANK call, which knows none; ranking ignores it. */
const ANY_YEAR: AwardYear = 2025;

/**
 * A range row as a unit the engine can rank: its value as the score and no max score, so that
 * `compareUnits` orders rows by the ratio as written.
 *
 * @example
 * rowUnit({ value: 0.92, bloc: 3, excluded: false, index: 4 }, 2025).score //=> 0.92
 */
export function rowUnit(row: RankRow, year: AwardYear | null): UnitScore {
  const name = `#${row.index + 1}`;
  return {
    name,
    key: name,
    bloc: row.bloc,
    year: year ?? ANY_YEAR,
    score: row.value,
    maxScore: null,
    ratio: null,
    excluded: row.excluded,
    note: "",
    group: "",
    source: { sheet: "", cell: name },
    order: row.index,
  };
}

/**
 * Ranks the rows of a range bloc by bloc with the engine, and selects the Bằng khen collectives
 * of each bloc when the year is known (the same selection as the Rank button).
 *
 * @example
 * rankRange([{ value: 0.9, bloc: 3, excluded: false, index: 0 }], null).byBloc.get(3)?.[0].rank //=> 1
 */
export function rankRange(rows: readonly RankRow[], year: AwardYear | null): RangeRanking {
  const unitsByBloc = new Map<Bloc, UnitScore[]>();
  for (const row of rows) {
    const units = unitsByBloc.get(row.bloc) ?? [];
    units.push(rowUnit(row, year));
    unitsByBloc.set(row.bloc, units);
  }
  const byBloc = new Map<Bloc, readonly RankedUnit[]>();
  const selection = new Map<UnitScore, CollectiveSelection>();
  for (const [bloc, units] of unitsByBloc) {
    const ranked = rankUnitsWithinBloc(units);
    byBloc.set(bloc, ranked);
    if (year === null) continue;
    for (const chosen of selectCollectiveAwards(ranked, awardSlots(bloc, year, "collective"))) {
      selection.set(chosen.ranked.unit, chosen);
    }
  }
  return { byBloc, selection, year };
}

/**
 * Where a value falls in a bloc's ranking: how many units rank strictly above it (so its
 * competition rank is that plus one) and the units that rank equal to it.
 *
 * @example
 * placeInRanking(ranked, probe) //=> { above: 1, equal: [{ unit, rank: 2 }, …] }
 */
export function placeInRanking(
  ranked: readonly RankedUnit[],
  probe: UnitScore,
  compare: (a: UnitScore, b: UnitScore) => number,
): { readonly above: number; readonly equal: readonly RankedUnit[] } {
  let low = 0;
  let high = ranked.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(ranked[middle].unit, probe) < 0) low = middle + 1;
    else high = middle;
  }
  let end = low;
  while (end < ranked.length && compare(ranked[end].unit, probe) === 0) end += 1;
  return { above: low, equal: ranked.slice(low, end) };
}

/** Per ranking of a bloc: its units by the value they are ranked by, built on first use. */
const UNITS_BY_VALUE = new WeakMap<
  readonly RankedUnit[],
  ReadonlyMap<number, readonly RankedUnit[]>
>();

/**
 * The units of a range's bloc ranking whose value is exactly `value` (empty when none), as
 * `placeInRanking` gives them as `equal`, found in a map rather than by comparisons: the rows of
 * a range are ranked by their value as written, where equal numbers are equal ratios and
 * different numbers different ones, so the map is exact. A per-cell call mostly asks for the
 * value of its own row.
 *
 * @example
 * unitsWithValue(ranked, 0.9).map((r) => r.rank) //=> [2, 2]
 */
export function unitsWithValue(
  ranked: readonly RankedUnit[],
  value: number,
): readonly RankedUnit[] {
  let byValue = UNITS_BY_VALUE.get(ranked);
  if (byValue === undefined) {
    const groups = new Map<number, RankedUnit[]>();
    for (const r of ranked) {
      const group = groups.get(r.unit.score);
      if (group) group.push(r);
      else groups.set(r.unit.score, [r]);
    }
    byValue = groups;
    UNITS_BY_VALUE.set(ranked, byValue);
  }
  return byValue.get(value) ?? NO_UNITS;
}

const NO_UNITS: readonly RankedUnit[] = [];
