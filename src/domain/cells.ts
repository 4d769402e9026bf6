/**
 * Cell values as the readers see them. A cell arrives as Office.js `range.values` gives it (a
 * formula as its computed value, an error as its error string, a blank as "") or as the command
 * line's ExcelJS mapping adds (a Date). These functions turn one such value into a tagged result,
 * so that every caller decides what a bad value means in its own column.
 */
import { cleanText } from "./text";
import type { CellRef } from "./types";

export type ParsedNumber =
  | { kind: "number"; value: number; percent: boolean; decimals: number }
  | { kind: "blank" }
  | { kind: "error"; value: string }
  | { kind: "date"; text: string }
  | { kind: "ambiguous"; text: string; thousand: number; decimal: number }
  | { kind: "text"; text: string };

/** The error strings Excel shows in a cell (Office.js returns them as the cell's value). */
export const CELL_ERRORS = [
  "#N/A",
  "#DIV/0!",
  "#REF!",
  "#VALUE!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#GETTING_DATA",
] as const;

const CELL_ERROR_SET: ReadonlySet<string> = new Set(CELL_ERRORS);

const BLANK: ParsedNumber = { kind: "blank" };

/** Digits with optional single separators between them; signs and "%" are taken off first. */
const NUMBER_BODY = /^(?:\d+(?:[.,\s]\d+)*|[.,]\d+)$/;

/**
 * Reads a cell as a number, the way an officer typed it: a number, or text in the Vietnamese
 * convention (comma for decimals, dot for thousands) or the English one. A text with a single
 * separator followed by exactly three digits ("1.000", "1,000") could be either and is reported
 * as ambiguous rather than guessed.
 *
 * @example
 * parseCellNumber("912,5") //=> { kind: "number", value: 912.5, percent: false, decimals: 1 }
 * parseCellNumber("1.000,5") //=> { kind: "number", value: 1000.5, percent: false, decimals: 1 }
 * parseCellNumber("91,25%") //=> { kind: "number", value: 91.25, percent: true, decimals: 2 }
 * parseCellNumber("1.000") //=> { kind: "ambiguous", text: "1.000", thousand: 1000, decimal: 1 }
 * parseCellNumber("942,5 điểm") //=> { kind: "number", value: 942.5, percent: false, decimals: 1 }
 * parseCellNumber("-") //=> { kind: "blank" }
 * parseCellNumber("#N/A") //=> { kind: "error", value: "#N/A" }
 */
export function parseCellNumber(value: unknown): ParsedNumber {
  if (value === null || value === undefined) return BLANK;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "text", text: String(value) };
    const decimals = decimalsOf(value);
    if (decimals > 9) {
      // A formula's result carries the sum's binary noise (=SUM(300.1; 330.2; 299.8) gives
      // 930.0999999999999): read as Excel shows it, to its 15 significant digits (930.1), so that
      // it ties with 930.1 typed.
      const shown = Number(value.toPrecision(15));
      return { kind: "number", value: shown, percent: false, decimals: decimalsOf(shown) };
    }
    return { kind: "number", value, percent: false, decimals };
  }
  if (typeof value === "boolean") return { kind: "text", text: value ? "TRUE" : "FALSE" };
  if (value instanceof Date) {
    const time = value.getTime();
    if (Number.isNaN(time)) return { kind: "text", text: "Invalid Date" };
    return { kind: "date", text: isoDateText(value) };
  }
  if (typeof value !== "string") {
    const text = safeText(value);
    return text === "" ? BLANK : { kind: "text", text };
  }
  const text = cleanText(value);
  if (text === "" || DASHES.has(text)) return BLANK;
  const upper = text.toUpperCase();
  if (CELL_ERROR_SET.has(upper)) return { kind: "error", value: upper };
  return parseNumberText(text);
}

/** A dash typed for "no value" ("-", "–", "—"): blank, as an empty cell. */
const DASHES: ReadonlySet<string> = new Set(["-", "\u2013", "\u2014", "--"]);

/** A unit of points written after the number: "942,5 điểm", "1.000 điểm", "85 points". */
const POINTS_WORD = /\s*(?:điểm|điểm\.|diem|points?|pts?\.?)$/iu;

/** Parses trimmed, non-blank text; anything that is not a plain number is `text`. */
function parseNumberText(text: string): ParsedNumber {
  let body = text.replace(POINTS_WORD, "");
  if (body === "") return { kind: "text", text };
  let negative = false;
  let percent = false;
  if (body.endsWith("%")) {
    percent = true;
    body = body.slice(0, -1).trimEnd();
  }
  const sign = body.charAt(0);
  if (sign === "-" || sign === "+" || sign === "\u2212") {
    negative = sign !== "+";
    body = body.slice(1).trimStart();
  }
  if (!NUMBER_BODY.test(body)) return { kind: "text", text };
  const read = readDigits(body);
  if (read === null) return { kind: "text", text };
  const signed = (n: number): number => (negative ? -n : n);
  if (read.kind === "ambiguous") {
    return {
      kind: "ambiguous",
      text,
      thousand: signed(read.thousand),
      decimal: signed(read.decimal),
    };
  }
  return { kind: "number", value: signed(read.value), percent, decimals: read.decimals };
}

type DigitReading =
  | { kind: "number"; value: number; decimals: number }
  | { kind: "ambiguous"; thousand: number; decimal: number };

/** Splits digits at their separators and decides which one, if any, is the decimal point. */
function readDigits(body: string): DigitReading | null {
  const separators = body.replace(/\d/g, "");
  if (separators === "") return { kind: "number", value: Number(body), decimals: 0 };
  if (/^[.,]/.test(body)) {
    const fraction = body.slice(1);
    return { kind: "number", value: Number(`0.${fraction}`), decimals: fraction.length };
  }
  const last = separators.charAt(separators.length - 1);
  const kinds = new Set(separators);
  if (kinds.size > 1) {
    // Both kinds: the last separator is the decimal point and appears once; the rest group.
    if (last === " " || separators.indexOf(last) !== separators.length - 1) return null;
    const at = body.lastIndexOf(last);
    const whole = groupedInteger(body.slice(0, at));
    if (whole === null) return null;
    const fraction = body.slice(at + 1);
    return { kind: "number", value: Number(`${whole}.${fraction}`), decimals: fraction.length };
  }
  if (separators.length > 1 || last === " ") {
    const whole = groupedInteger(body);
    return whole === null ? null : { kind: "number", value: Number(whole), decimals: 0 };
  }
  const [integer, fraction] = body.split(last);
  if (fraction.length === 3 && integer.length <= 3 && !integer.startsWith("0")) {
    return {
      kind: "ambiguous",
      thousand: Number(`${integer}${fraction}`),
      decimal: Number(`${integer}.${fraction}`),
    };
  }
  return { kind: "number", value: Number(`${integer}.${fraction}`), decimals: fraction.length };
}

/** "1.000.000" → "1000000" when every group after the first has three digits, else null. */
function groupedInteger(text: string): string | null {
  const groups = text.split(/[.,\s]/);
  if (groups[0].length === 0 || groups[0].length > 3) return null;
  if (groups.slice(1).some((g) => g.length !== 3)) return null;
  return groups.join("");
}

/** Below this, `value × 10^d` rounds to the exact integer of a d-decimal number. */
const EXACT_PRODUCT = 2 ** 50;

/**
 * Digits after the decimal point of a number as JavaScript writes it (1e-7 counts 7). A typed
 * score has a few decimals: the first `d` with `round(value × 10^d) / 10^d === value` is that count
 * while the product is exact, found without writing the number out as text.
 */
function decimalsOf(value: number): number {
  if (Number.isInteger(value)) return 0;
  let scale = 1;
  for (let d = 0; d <= 9; d += 1) {
    const scaled = value * scale;
    if (Math.abs(scaled) >= EXACT_PRODUCT) break;
    if (Math.round(scaled) / scale === value) return d;
    scale *= 10;
  }
  const text = String(Math.abs(value));
  const e = text.indexOf("e");
  const mantissa = e < 0 ? text : text.slice(0, e);
  const dot = mantissa.indexOf(".");
  const fraction = dot < 0 ? 0 : mantissa.length - dot - 1;
  return Math.max(0, fraction - (e < 0 ? 0 : Number(text.slice(e + 1))));
}

/** A date as YYYY-MM-DD (UTC, the way ExcelJS hands over date-only cells). */
function isoDateText(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Text of a value that is none of the cell types; never throws. */
function safeText(value: unknown): string {
  try {
    return cleanText(String(value));
  } catch {
    return "";
  }
}

/**
 * A cell shown as text: trimmed, spaces collapsed, NFC; "" for a blank.
 *
 * @example
 * cellText("  Sở   Tư pháp ") //=> "Sở Tư pháp"
 * cellText(912.5) //=> "912.5"
 * cellText(null) //=> ""
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return cleanText(value);
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? "" : isoDateText(value);
  }
  return safeText(value);
}

/**
 * One text key per cell of the workbook, for sets and maps of cells.
 *
 * @example
 * cellKey({ sheet: "DTI 2023", cell: "B9" }) === cellKey({ sheet: "DTI 2023", cell: "B9" }) //=> true
 */
export function cellKey(ref: CellRef): string {
  return `${ref.sheet}\u0000${ref.cell}`;
}

/**
 * A cell as a message about another cell of `sheet` names it: its address alone on the same
 * sheet, with its sheet otherwise.
 *
 * @example
 * placeFrom({ sheet: "DTI 2023", cell: "B9" }, "DTI 2023") //=> "B9"
 * placeFrom({ sheet: "DTI 2022", cell: "B9" }, "DTI 2023") //=> "DTI 2022!B9"
 */
export function placeFrom(ref: CellRef, sheet: string): string {
  return ref.sheet === sheet ? ref.cell : `${ref.sheet}!${ref.cell}`;
}
