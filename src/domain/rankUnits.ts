/**
 * Ranking of the units of one bloc and year by score ratio (score ÷ max score), the way the
 * index is published: standard competition ranks (1, 2, 2, 4) over every valid unit, excluded
 * ones included.
 *
 * Exactness. Scores arrive as doubles typed in decimal ("62,1", 942.5). The double nearest to
 * 62.1 is not 62.1, so 62.1/100 and 621/1000 can differ in the last bit as doubles although the
 * officer's numbers are equal. Each number is therefore read back as the decimal it was typed as
 * (the shortest decimal that round-trips, as `String(value)` writes it), and two ratios are
 * compared as fractions of those decimals. That is only needed when the double ratios are within
 * a relative 1e-9 of each other: any pair farther apart is ordered the same by doubles and by
 * exact fractions (the double error is a few units of 2^-53).
 *
 * Speed. Typed scores have a few decimals, so each unit's ratio is kept once as a fraction of two
 * safe integers in lowest terms (62.1/100 → 621/1000): equal ratios are equal pairs of integers
 * and near ones compare by one exact integer cross-product. Only a value with more than nine
 * decimals, in exponent form or too large falls back to BigInt arithmetic on its decimals. The
 * values live in typed arrays indexed by the unit's position, so a bloc of 100,000 units is
 * sorted without one object per unit besides its `RankedUnit`.
 */
import type { RankedUnit, UnitScore } from "./types";

/** Ratios closer than this (relative) are compared exactly. */
const NEAR_RELATIVE = 1e-9;
/** Fractions are kept as safe integers only up to this decimal scale. */
const MAX_SCALE = 1e9;
/** Below this, `value × 10^d` rounds to the exact integer of the decimal: no String needed. */
const EXACT_PRODUCT = 2 ** 50;

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

/** Sign of a/b − c/d (b, d positive), exactly, each number as typed in decimal. */
function compareDecimalFractions(a: number, b: number, c: number, d: number): number {
  const [an, ad, bn, bd] = [a, b, c, d].map(decimalOf);
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

/**
 * Digits after the decimal point as `String(value)` writes it, when at most nine and not in
 * exponent form; -1 otherwise. The first `d` with `round(value × 10^d) / 10^d === value` is that
 * count whenever the product is exact, which covers typed scores without building a string.
 */
function decimalsOf(value: number): number {
  const size = Math.abs(value);
  if (size !== 0 && (size < 1e-6 || size >= 1e21)) return -1;
  let scale = 1;
  for (let d = 0; d <= 9; d += 1) {
    const scaled = value * scale;
    if (Math.abs(scaled) >= EXACT_PRODUCT) break;
    if (Math.round(scaled) / scale === value) return d;
    scale *= 10;
  }
  const text = String(value);
  if (text.includes("e")) return -1;
  const point = text.indexOf(".");
  const decimals = point < 0 ? 0 : text.length - point - 1;
  return decimals <= 9 ? decimals : -1;
}

function gcdNumber(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/**
 * The rank values of a list of units, by position: the ratio as a double, as typed (score and
 * max), and — where it fits — as a fraction of safe integers in lowest terms (`den` 0 otherwise).
 */
class RankValues {
  readonly hasMax: Uint8Array;
  readonly approx: Float64Array;
  readonly score: Float64Array;
  readonly max: Float64Array;
  readonly num: Float64Array;
  readonly den: Float64Array;

  constructor(n: number) {
    this.hasMax = new Uint8Array(n);
    this.approx = new Float64Array(n);
    this.score = new Float64Array(n);
    this.max = new Float64Array(n);
    this.num = new Float64Array(n);
    this.den = new Float64Array(n);
  }

  /** Puts the rank value of `unit` at position `i`. */
  load(i: number, unit: UnitScore): void {
    let hasMax: boolean;
    let score: number;
    let max: number;
    if (unit.rankedBy !== undefined) {
      hasMax = true;
      score = unit.rankedBy.value;
      max = unit.rankedBy.of;
    } else {
      hasMax = unit.maxScore !== null;
      score = unit.score;
      max = unit.maxScore ?? 1;
    }
    this.hasMax[i] = hasMax ? 1 : 0;
    this.approx[i] = hasMax ? score / max : score;
    this.score[i] = score;
    this.max[i] = max;
    this.num[i] = 0;
    this.den[i] = 0;
    const ds = decimalsOf(score);
    const dm = decimalsOf(max);
    if (ds < 0 || dm < 0) return;
    const scale = 10 ** Math.max(ds, dm);
    const num = Math.round(score * scale);
    const den = Math.round(max * scale);
    if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || scale > MAX_SCALE) return;
    const divisor = gcdNumber(num, den) || 1;
    this.num[i] = num / divisor;
    this.den[i] = den / divisor;
  }

  /**
   * Sign of value(b) − value(a), exactly: below 0 when `a` ranks above `b`. Both must have the
   * same `hasMax`.
   */
  exactOrder(a: number, b: number): number {
    const da = this.den[a];
    const db = this.den[b];
    if (da !== 0 && db !== 0) {
      const na = this.num[a];
      const nb = this.num[b];
      if (na === nb && da === db) return 0;
      const left = nb * da;
      const right = na * db;
      if (Math.abs(left) <= Number.MAX_SAFE_INTEGER && Math.abs(right) <= Number.MAX_SAFE_INTEGER) {
        return left < right ? -1 : left > right ? 1 : 0;
      }
      const l = BigInt(nb) * BigInt(da);
      const r = BigInt(na) * BigInt(db);
      return l < r ? -1 : l > r ? 1 : 0;
    }
    return compareDecimalFractions(this.score[b], this.max[b], this.score[a], this.max[a]);
  }

  /** Below 0 when `a` ranks above `b`, 0 when they rank equal. */
  compare(a: number, b: number): number {
    if (this.hasMax[a] !== this.hasMax[b]) return this.hasMax[a] === 1 ? -1 : 1;
    const x = this.approx[a];
    const y = this.approx[b];
    // -1 or 1, never the difference: a fractional result would be boxed on every comparison.
    if (x !== y && !areNear(x, y)) return y > x ? 1 : -1;
    return this.exactOrder(a, b);
  }
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
  PAIR.load(0, a);
  PAIR.load(1, b);
  return Math.sign(PAIR.compare(0, 1));
}

/** The two values `compareUnits` compares, reused between calls (nothing else runs meanwhile). */
const PAIR = new RankValues(2);

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
  const n = units.length;
  const values = new RankValues(n);
  for (let i = 0; i < n; i += 1) values.load(i, units[i]);
  const order = new Float64Array(n);
  for (let i = 0; i < n; i += 1) order[i] = units[i].order;
  const positions = new Array<number>(n);
  for (let i = 0; i < n; i += 1) positions[i] = i;
  // Equal ratios keep reading order, then input order: the same result as a stable sort.
  positions.sort(
    (a, b) => values.compare(a, b) || (order[a] < order[b] ? -1 : order[a] > order[b] ? 1 : a - b),
  );
  const ranked = new Array<RankedUnit>(n);
  let rank = 0;
  for (let i = 0; i < n; i += 1) {
    const at = positions[i];
    if (i === 0 || values.compare(positions[i - 1], at) !== 0) rank = i + 1;
    ranked[i] = { unit: units[at], rank };
  }
  return ranked;
}
