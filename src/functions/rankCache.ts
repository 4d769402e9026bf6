/**
 * Reuse of rankings between custom-function calls. Excel calls `AWARD.RANK` and `AWARD.STATUS`
 * once per cell, each time with the same ranges: over a 10,000-row table that would be 10,000
 * full re-rankings. The ranking of an input is kept in a small least-recently-used cache, found
 * by a cheap fingerprint and reused only after a full equality check of the input, so that a
 * changed cell is never answered from a stale ranking.
 */
import { rankUnitsWithinBloc } from "../domain/rankUnits";
import { selectCollectiveAwards, type CollectiveSelection } from "../domain/selectAwards";
import { awardSlots } from "../domain/rules";
import type { AwardYear, Bloc, RankedUnit, UnitScore } from "../domain/types";
import type { RankRow } from "./args";

/** One part of a cache key: a range (as a row-major list of cells) or a scalar. */
export type KeyPart = readonly unknown[] | string | number | boolean | null;

/** How many cells the fingerprint looks at, spread evenly over each range. */
const FINGERPRINT_SAMPLES = 64;

function mixHash(hash: number, value: unknown): number {
  const text = typeof value === "string" ? `s${value}` : `${typeof value}${String(value)}`;
  let h = hash;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A cheap fingerprint of a key: the lengths of its ranges and a hash of a few evenly spread cells
 * (always the first and the last). It only picks the entry to compare; equality decides reuse,
 * so the fingerprint may ignore most cells and stay cheap on 10,000-row ranges.
 *
 * @example
 * fingerprint([[1, 2, 3], 2025]) === fingerprint([[1, 2, 3], 2025]) //=> true
 */
export function fingerprint(parts: readonly KeyPart[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    if (!Array.isArray(part)) {
      hash = mixHash(hash, part);
      continue;
    }
    hash = mixHash(hash, `#${part.length}`);
    const step = Math.max(1, Math.floor(part.length / FINGERPRINT_SAMPLES));
    for (let i = 0; i < part.length; i += step) hash = mixHash(hash, part[i]);
    if (part.length > 0) hash = mixHash(hash, part[part.length - 1]);
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
 * True when two keys have equal parts, cell by cell.
 *
 * @example
 * sameKey([[1, "3"], null], [[1, "3"], null]) //=> true
 * sameKey([[1, "3"]], [[1, 3]]) //=> false
 */
export function sameKey(a: readonly KeyPart[], b: readonly KeyPart[]): boolean {
  if (a.length !== b.length) return false;
  for (let p = 0; p < a.length; p += 1) {
    const x = a[p];
    const y = b[p];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) return false;
      for (let i = 0; i < x.length; i += 1) {
        if (x[i] !== y[i] && !sameCell(x[i], y[i])) return false;
      }
    } else if (Array.isArray(x) || Array.isArray(y) || !sameCell(x, y)) return false;
  }
  return true;
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
  readonly parts: readonly KeyPart[];
  readonly value: V;
}

/** Copies the ranges of a key: the caller may reuse or change its arrays after the call. */
function snapshot(parts: readonly KeyPart[]): readonly KeyPart[] {
  return parts.map((part) => (Array.isArray(part) ? part.slice() : part));
}

/**
 * A least-recently-used cache of computed values keyed by ranges and scalars.
 *
 * @example
 * const cache = createComputeCache<number>(4);
 * cache.get([[1, 2]], () => 3) //=> 3
 * cache.get([[1, 2]], () => 4) //=> 3 (reused)
 */
export function createComputeCache<V>(capacity = 4): ComputeCache<V> {
  let entries: CacheEntry<V>[] = [];
  return {
    get(parts, compute) {
      const print = fingerprint(parts);
      const index = entries.findIndex(
        (entry) => entry.fingerprint === print && sameKey(entry.parts, parts),
      );
      if (index >= 0) {
        const entry = entries[index];
        if (index > 0) entries = [entry, ...entries.slice(0, index), ...entries.slice(index + 1)];
        return entry.value;
      }
      const value = compute(parts);
      entries = [{ fingerprint: print, parts: snapshot(parts), value }, ...entries].slice(
        0,
        capacity,
      );
      return value;
    },
    clear() {
      entries = [];
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
