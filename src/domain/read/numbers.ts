/**
 * Numbers read in the context of their table. A text "1.000" alone may be one thousand or one;
 * in a table whose other text numbers are written "914,31" (comma for decimals) it is one
 * thousand, and as the maximum of a score of 914.31 it cannot be one. A ratio column's scale
 * (fractions 0.91 or percentages 91) is the scale most of its cells are written on.
 */
import type { ParsedNumber } from "../cells";
import { parseCellNumber } from "../cells";

/** Which separator a table's numbers typed as text use for decimals. */
export type DecimalConvention = "comma" | "dot" | null;

/**
 * The decimal convention the text numbers of some cells show: "comma" when some are written
 * like "914,31" or "1.000,5" and none like "914.31"; "dot" the other way; null when the cells
 * show neither or both.
 *
 * @example
 * decimalConvention(["914,31", "1.000"]) //=> "comma"
 * decimalConvention([914.31, "1.000"]) //=> null
 */
export function decimalConvention(values: Iterable<unknown>): DecimalConvention {
  let comma = false;
  let dot = false;
  for (const value of values) {
    if (typeof value !== "string") continue;
    const text = value.replace(/[\s%]/g, "");
    if (/^[-+]?\d{1,3}(?:\.\d{3})+,\d+$/.test(text) || /^[-+]?\d*,(?:\d{1,2}|\d{4,})$/.test(text)) {
      comma = true;
    } else if (
      /^[-+]?\d{1,3}(?:,\d{3})+\.\d+$/.test(text) ||
      /^[-+]?\d*\.(?:\d{1,2}|\d{4,})$/.test(text)
    ) {
      dot = true;
    }
  }
  if (comma === dot) return null;
  return comma ? "comma" : "dot";
}

/**
 * A parsed number with an ambiguous "1.000" settled by the table's convention, else by what the
 * value must be (`fits`: e.g. a maximum at least the row's score). Anything else is unchanged,
 * and an ambiguity nothing settles stays ambiguous (reported, never guessed).
 *
 * @example
 * settleNumber(parseCellNumber("1.000"), "comma") //=> { kind: "number", value: 1000, … }
 * settleNumber(parseCellNumber("1,050"), "dot") //=> { kind: "number", value: 1050, … }
 * settleNumber(parseCellNumber("1.000"), null, (v) => v >= 914.31) //=> { kind: "number", value: 1000, … }
 */
export function settleNumber(
  parsed: ParsedNumber,
  convention: DecimalConvention,
  fits?: (value: number) => boolean,
): ParsedNumber {
  if (parsed.kind !== "ambiguous") return parsed;
  const thousand = { kind: "number", value: parsed.thousand, percent: false, decimals: 0 } as const;
  const decimals = (/[.,](\d+)/.exec(parsed.text)?.[1] ?? "").length;
  const decimal = { kind: "number", value: parsed.decimal, percent: false, decimals } as const;
  // The convention tells which separator is the decimal one: under "914,31" a "1.000" is one
  // thousand and a "1,000" is one; under "914.31" the other way round.
  if (convention !== null) {
    const separator = /[.,]/.exec(parsed.text)?.[0];
    return separator === (convention === "comma" ? "," : ".") ? decimal : thousand;
  }
  if (fits) {
    const t = fits(parsed.thousand);
    const d = fits(parsed.decimal);
    if (t && !d) return thousand;
    if (d && !t) return decimal;
  }
  return parsed;
}

/** A cell read as a number in its table's convention. */
export function numberIn(value: unknown, convention: DecimalConvention): ParsedNumber {
  return settleNumber(parseCellNumber(value), convention);
}

/** The scale of a ratio cell: a fraction (0.9125) or a percentage (91.25, "91,25%"). */
export type RatioScale = "fraction" | "percent";

/** A written ratio's own scale: "%" or above 1.5 is a percentage, else a fraction. */
export function scaleOfRatio(parsed: { value: number; percent: boolean }): RatioScale {
  return parsed.percent || parsed.value > 1.5 ? "percent" : "fraction";
}

/**
 * The scale of a ratio column: the scale most of its bare numbers are written on, "mixed" when
 * as many are on each, null when it has none. A text with "%" says its own scale and is not
 * counted. A bare number off the column's scale is then flagged, not read on its own scale: 0.99
 * among 91 and 95 is not 99 %.
 *
 * @example
 * columnRatioScale([91, 95, 0.99]) //=> "percent"
 * columnRatioScale([0.91, 0.95]) //=> "fraction"
 * columnRatioScale([0.91, 95]) //=> "mixed"
 */
export function columnRatioScale(bare: readonly number[]): RatioScale | "mixed" | null {
  let percent = 0;
  let fraction = 0;
  for (const value of bare) {
    if (value > 1.5) percent += 1;
    else fraction += 1;
  }
  if (percent === 0 && fraction === 0) return null;
  if (percent > fraction) return "percent";
  if (fraction > percent) return "fraction";
  return "mixed";
}

/** A written ratio as a fraction on the given scale. */
export function ratioOnScale(value: number, scale: RatioScale): number {
  return scale === "percent" ? value / 100 : value;
}
