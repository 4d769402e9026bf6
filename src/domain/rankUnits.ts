/**
 * Ranking of the units of one bloc and year by score ratio (score ÷ max score), the way the
 * index is published: standard competition ranks (1, 2, 2, 4) over every valid unit, excluded
 * ones included.
 *
 * Exactness. Scores arrive as doubles typed in decimal ("62,1", 942.5). The double nearest to
 * 62.1 is not 62.1, so 62.1/100 and 621/1000 can differ in the last bit as doubles although the
 * officer's numbers are equal. Each number is therefore read back as the decimal it was typed as
 * (the shortest decimal that round-trips, `String(value)`), and two ratios are compared as
 * fractions of those decimals with BigInt cross-multiplication. That is only needed when the
 * double ratios are within a relative 1e-9 of each other: any pair farther apart is ordered the
 * same by doubles and by exact fractions (the double error is a few units of 2^-53). Sorting
 * therefore orders by the double ratio first and re-sorts only runs of near-equal ratios exactly,
 * with a canonical reduced fraction per unit so that a large block of equal ratios costs one gcd
 * per unit, not one BigInt product per comparison.
 */
import type { RankedUnit, UnitScore } from "./types";

/** Ratios closer than this (relative) are compared exactly. */
const NEAR_RELATIVE = 1e-9;

/** A finite number as mantissa × 10^exponent, exactly as `String(value)` writes it. */
interface Decimal {
  readonly mantissa: bigint;
  readonly exponent: number;
}

function decimalOf(value: number): Decimal {
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!match) throw new Error(`Not a finite number: ${text}`);
  const [, sign, whole, fraction = "", exp = "0"] = match;
  const mantissa = BigInt(`${sign}${whole}${fraction}`);
  return { mantissa, exponent: Number(exp) - fraction.length };
}

function pow10(n: number): bigint {
  return BigInt(10) ** BigInt(n);
}

/** The value a unit is ranked by: its ratio, or its score when the table has no max score. */
interface RankValue {
  readonly hasMax: boolean;
  readonly approx: number;
  readonly score: number;
  readonly max: number;
}

function rankValueOf(unit: UnitScore): RankValue {
  if (unit.rankedBy !== undefined) {
    const { value, of } = unit.rankedBy;
    return { hasMax: true, approx: value / of, score: value, max: of };
  }
  const hasMax = unit.maxScore !== null;
  const max = unit.maxScore ?? 1;
  return { hasMax, approx: hasMax ? unit.score / max : unit.score, score: unit.score, max };
}

/** Sign of a.score/a.max − b.score/b.max (max positive), exactly, as typed in decimal. */
function compareExact(a: RankValue, b: RankValue): number {
  const [an, ad, bn, bd] = [a.score, a.max, b.score, b.max].map(decimalOf);
  const left = an.mantissa * bd.mantissa;
  const leftExp = an.exponent + bd.exponent;
  const right = bn.mantissa * ad.mantissa;
  const rightExp = bn.exponent + ad.exponent;
  const low = Math.min(leftExp, rightExp);
  const l = left * pow10(leftExp - low);
  const r = right * pow10(rightExp - low);
  return l < r ? -1 : l > r ? 1 : 0;
}

function areNear(a: number, b: number): boolean {
  return Math.abs(a - b) <= NEAR_RELATIVE * Math.max(Math.abs(a), Math.abs(b));
}

/** <0 when `a` ranks above `b`, 0 when they rank equal. */
function compareRankValues(a: RankValue, b: RankValue): number {
  // A unit with a ratio and a unit with a bare score cannot be compared; the reader keeps such
  // tables apart, and should they meet in one bloc the ratios rank first (a stable, total order).
  if (a.hasMax !== b.hasMax) return a.hasMax ? -1 : 1;
  if (!areNear(a.approx, b.approx)) return b.approx - a.approx;
  return compareExact(b, a);
}

/**
 * Compares two units of one bloc by score ratio, highest first; by score when a unit's table has
 * no max score. Exact: equal fractions compare equal whatever their doubles.
 *
 * @example
 * compareUnits(unit({ score: 450, maxScore: 500 }), unit({ score: 900, maxScore: 1000 })) //=> 0
 * compareUnits(unit({ score: 950, maxScore: 1000 }), unit({ score: 90, maxScore: 100 })) < 0 //=> true
 */
export function compareUnits(a: UnitScore, b: UnitScore): number {
  return Math.sign(compareRankValues(rankValueOf(a), rankValueOf(b)));
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Digits after the decimal point as `String(value)` writes it; null in exponent notation. */
function decimalsOf(value: number): number | null {
  const text = String(value);
  if (text.includes("e")) return null;
  const point = text.indexOf(".");
  return point < 0 ? 0 : text.length - point - 1;
}

function gcdNumber(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** Most scores have a few decimals: scaled to integers they reduce without BigInt. */
function smallExactKey(value: RankValue): string | null {
  const ds = decimalsOf(value.score);
  const dm = decimalsOf(value.max);
  if (ds === null || dm === null) return null;
  const scale = 10 ** Math.max(ds, dm);
  const num = Math.round(value.score * scale);
  const den = Math.round(value.max * scale);
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || scale > 1e9) return null;
  const divisor = gcdNumber(num, den) || 1;
  return `${value.hasMax ? "r" : "s"}${num / divisor}/${den / divisor}`;
}

/** The reduced fraction of a rank value as text: equal ratios give equal keys. */
function exactKey(value: RankValue): string {
  const small = smallExactKey(value);
  if (small !== null) return small;
  const n = decimalOf(value.score);
  const d = decimalOf(value.max);
  const shift = n.exponent - d.exponent;
  let num = n.mantissa * (shift > 0 ? pow10(shift) : 1n);
  let den = d.mantissa * (shift < 0 ? pow10(-shift) : 1n);
  const divisor = gcd(num, den);
  if (divisor > 1n) {
    num /= divisor;
    den /= divisor;
  }
  return `${value.hasMax ? "r" : "s"}${num}/${den}`;
}

interface Entry {
  readonly unit: UnitScore;
  readonly order: number;
  readonly hasMax: boolean;
  readonly approx: number;
  readonly value: RankValue;
  /** Set for entries inside a run of near-equal values; equal keys mean equal rank. */
  key: string | null;
}

/** Re-sorts each run of near-equal neighbours exactly (see the module comment). */
function sortNearRunsExactly(entries: Entry[]): void {
  let start = 0;
  while (start < entries.length) {
    let end = start + 1;
    while (
      end < entries.length &&
      entries[end].hasMax === entries[end - 1].hasMax &&
      areNear(entries[end].approx, entries[end - 1].approx)
    ) {
      end += 1;
    }
    if (end - start > 1) {
      const run = entries.slice(start, end);
      for (const entry of run) entry.key = exactKey(entry.value);
      run.sort(
        (a, b) => (a.key === b.key ? 0 : compareExact(b.value, a.value)) || a.order - b.order,
      );
      for (let i = 0; i < run.length; i += 1) entries[start + i] = run[i];
    }
    start = end;
  }
}

/**
 * Ranks the units of one bloc and year: sorted by ratio (or score), highest first, with standard
 * competition ranks (1, 2, 2, 4); equal ones keep reading order. Excluded units are ranked too,
 * as in the published index. The input is not changed.
 *
 * @example
 * rankUnitsWithinBloc(unitsWithScores([900, 950, 900, 800])).map((r) => [r.unit.name, r.rank])
 * //=> [["U1", 1], ["U0", 2], ["U2", 2], ["U3", 4]]
 */
export function rankUnitsWithinBloc(units: readonly UnitScore[]): RankedUnit[] {
  const entries: Entry[] = units.map((unit) => {
    const value = rankValueOf(unit);
    return {
      unit,
      order: unit.order,
      hasMax: value.hasMax,
      approx: value.approx,
      value,
      key: null,
    };
  });
  entries.sort(
    (a, b) =>
      (a.hasMax === b.hasMax ? b.approx - a.approx : a.hasMax ? -1 : 1) || a.order - b.order,
  );
  sortNearRunsExactly(entries);
  const ranked: RankedUnit[] = [];
  let rank = 0;
  for (let i = 0; i < entries.length; i += 1) {
    const entry = entries[i];
    const previous = i > 0 ? entries[i - 1] : null;
    const tiedWithPrevious = previous !== null && entry.key !== null && entry.key === previous.key;
    if (!tiedWithPrevious) rank = i + 1;
    ranked.push({ unit: entry.unit, rank });
  }
  return ranked;
}
