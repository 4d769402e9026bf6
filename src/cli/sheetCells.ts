/**
 * One worksheet part read sparsely: only the cells that hold a value become values, in a sparse
 * matrix (missing rows and cells are holes), whatever the sheet's used range, its `<dimension>`,
 * its styled empty rows or its data validations say. Merged areas are kept as rectangles, clamped
 * to the cells that hold values, never expanded cell by cell.
 */
import type { CellRange } from "../domain/types";
import { serialToDate } from "../excel/dates";
import { blankCoveredCells } from "../excel/mergedCells";
import { decodeOoxmlEscapes, scanXml, XmlDamage } from "./xmlScan";

/** The grid of a worksheet: 1,048,576 rows × 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A cell value the engine accepts, as Office.js `range.values` gives it (dates as Dates). */
export type OfficeValue = string | number | boolean | Date;

/** What the workbook part and styles tell about every sheet's cells. */
export interface CellContext {
  readonly sharedStrings: readonly string[];
  /** Per cell style (`s`): true when its number format is a date or a time. */
  readonly dateStyles: readonly boolean[];
  /** The workbook counts dates from 1904 (old Mac files). */
  readonly date1904: boolean;
}

export interface SheetCells {
  /** `values[row][col]`, 0-based, absolute; rows and cells without a value are holes. */
  readonly values: OfficeValue[][];
  /**
   * Merged areas cut to the rectangle of the cells holding a value or a formula (what Excel calls
   * the used range, formats aside), and kept when they still span two cells.
   */
  readonly merges: CellRange[];
  /** 0-based row and column of formula cells without a computed value (read as blank). */
  readonly uncomputed: { readonly row: number; readonly col: number }[];
  /** How many cells hold a value. */
  readonly count: number;
  /** Hidden rows that hold a value, and hidden columns within the cells' extent (0-based). */
  readonly hiddenRows: number[];
  readonly hiddenColumns: number[];
}

export type SheetRead =
  | { readonly ok: true; readonly cells: SheetCells }
  | { readonly ok: false; readonly detail: string };

/**
 * A 0-based row and column from an A1 reference ("$" allowed), or null when it is not one or lies
 * outside the grid.
 *
 * @example
 * parseCellRef("XFD1048576") //=> { row: 1048575, col: 16383 }
 * parseCellRef("XFE1") //=> null
 */
export function parseCellRef(text: string): { row: number; col: number } | null {
  // Read character by character: every cell of a sheet goes through here.
  let i = 0;
  let end = text.length;
  while (i < end && text.charCodeAt(i) <= 0x20) i += 1;
  while (end > i && text.charCodeAt(end - 1) <= 0x20) end -= 1;
  if (text.charCodeAt(i) === 0x24) i += 1;
  let col = 0;
  let letters = 0;
  for (; i < end; i += 1) {
    const ch = text.charCodeAt(i) & ~0x20;
    if (ch < 0x41 || ch > 0x5a) break;
    col = col * 26 + ch - 64;
    letters += 1;
  }
  if (letters === 0 || letters > 3) return null;
  if (text.charCodeAt(i) === 0x24) i += 1;
  let row = 0;
  let digits = 0;
  for (; i < end; i += 1) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9 || (digits === 0 && d === 0)) return null;
    row = row * 10 + d;
    digits += 1;
  }
  if (digits === 0 || digits > 7 || col > MAX_COLUMNS || row > MAX_ROWS) return null;
  return { row: row - 1, col: col - 1 };
}

/**
 * A range reference ("A20:XFD1048576", or one cell) as a 0-based inclusive rectangle, or null.
 * Whole columns ("A:XFD") and whole rows ("3:5") are read too, as data validations write them.
 *
 * @example
 * parseRangeRef("B2:A1") //=> { top: 0, left: 0, bottom: 1, right: 1 }
 * parseRangeRef("A:C") //=> { top: 0, left: 0, bottom: 1048575, right: 2 }
 */
export function parseRangeRef(text: string): CellRange | null {
  const [a, b = a, extra] = text.trim().split(":");
  if (extra !== undefined) return null;
  const whole = (x: string, y: string): CellRange | null => {
    const cols = /^\$?([A-Za-z]{1,3})$/;
    const rows = /^\$?([1-9][0-9]{0,6})$/;
    if (cols.test(x) && cols.test(y)) {
      const p = parseCellRef(`${x.replace("$", "")}1`);
      const q = parseCellRef(`${y.replace("$", "")}1`);
      return p && q ? box(0, p.col, MAX_ROWS - 1, q.col) : null;
    }
    if (rows.test(x) && rows.test(y)) {
      const p = parseCellRef(`A${x.replace("$", "")}`);
      const q = parseCellRef(`A${y.replace("$", "")}`);
      return p && q ? box(p.row, 0, q.row, MAX_COLUMNS - 1) : null;
    }
    return null;
  };
  const p = parseCellRef(a);
  const q = parseCellRef(b);
  if (!p || !q) return whole(a, b);
  return box(p.row, p.col, q.row, q.col);
}

function box(r1: number, c1: number, r2: number, c2: number): CellRange {
  return {
    top: Math.min(r1, r2),
    left: Math.min(c1, c2),
    bottom: Math.max(r1, r2),
    right: Math.max(c1, c2),
  };
}

/**
 * A merged area cut to the rectangle of the cells that hold values, or null when it no longer
 * spans two cells: "A20:XFD1048576" over values in A1:H48 is A20:H48. Office.js and the reader
 * only ever look at cells that hold values, so nothing outside that rectangle can matter.
 *
 * @example
 * clampRange({ top: 19, left: 0, bottom: 1048575, right: 16383 }, { top: 0, left: 0, bottom: 47, right: 7 })
 * //=> { top: 19, left: 0, bottom: 47, right: 7 }
 */
export function clampRange(range: CellRange, extent: CellRange): CellRange | null {
  const clamped = {
    top: Math.max(range.top, extent.top),
    left: Math.max(range.left, extent.left),
    bottom: Math.min(range.bottom, extent.bottom),
    right: Math.min(range.right, extent.right),
  };
  if (clamped.top > clamped.bottom || clamped.left > clamped.right) return null;
  if (clamped.top === clamped.bottom && clamped.left === clamped.right) return null;
  return clamped;
}

const EPOCH_1904_OFFSET_DAYS = 1462;

/** A numeric cell as the engine gets it: a Date when its format is a date or time. */
function numericValue(text: string, isDate: boolean, date1904: boolean): OfficeValue {
  const trimmed = text.trim();
  const n = Number(trimmed);
  if (trimmed === "" || !Number.isFinite(n)) return trimmed;
  if (!isDate) return n;
  return serialToDate(date1904 ? n + EPOCH_1904_OFFSET_DAYS : n);
}

interface PendingCell {
  row: number;
  col: number;
  type: string;
  style: number;
  hasFormula: boolean;
  value: string | null;
  inline: string[] | null;
}

/**
 * Reads one worksheet part. Cells without a value (styled blanks, empty rows) cost nothing;
 * `dimension`, data validations, conditional formats and every other part of the sheet are not
 * read at all. Never throws: a damaged part is `{ ok: false, detail }`.
 *
 * @example
 * const read = readSheetCells(Buffer.from('<worksheet><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>Sở Y tế</t></is></c></row></sheetData></worksheet>'), context);
 * read.ok && read.cells.values[1][1] //=> "Sở Y tế"
 */
export function readSheetCells(part: Buffer, context: CellContext): SheetRead {
  const values: OfficeValue[][] = [];
  const rawMerges: CellRange[] = [];
  const hiddenRowList: number[] = [];
  // <col min max hidden="1"> spans, 1-based as written; cut to the cells' extent at the end.
  const hiddenColumnSpans: { min: number; max: number }[] = [];
  const uncomputed: { row: number; col: number }[] = [];
  let count = 0;
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;

  const path: string[] = [];
  let row = -1;
  let col = -1;
  let cell: PendingCell | null = null;
  // Text is collected for <v>, and for <t> inside <is> but not inside a phonetic run <rPh>.
  let collecting: string[] | null = null;
  let inPhonetic = false;

  const extend = (c: PendingCell): void => {
    if (c.row < top) top = c.row;
    if (c.row > bottom) bottom = c.row;
    if (c.col < left) left = c.col;
    if (c.col > right) right = c.col;
  };
  const finishCell = (c: PendingCell): void => {
    const value = cellValue(c, context);
    // A formula cell is "used" even when it shows nothing, as Excel's used range counts it.
    if (c.hasFormula) extend(c);
    if (value === undefined) {
      uncomputed.push({ row: c.row, col: c.col });
      return;
    }
    if (value === "") return;
    count += 1;
    (values[c.row] ??= [])[c.col] = value;
    extend(c);
  };

  try {
    scanXml(part, {
      open: (name, attributes, selfClosing) => {
        const parent = path[path.length - 1];
        if (!selfClosing) path.push(name);
        if (name === "row" && parent === "sheetData") {
          const r = attributes.get("r");
          const n = r === undefined ? row + 2 : Number(r);
          if (!Number.isInteger(n) || n < 1 || n > MAX_ROWS) {
            throw new XmlDamage(`row number “${r}”`, 0);
          }
          row = n - 1;
          col = -1;
          if (isTrue(attributes.get("hidden"))) hiddenRowList.push(row);
        } else if (name === "c" && parent === "row") {
          const ref = attributes.get("r");
          let at: { row: number; col: number } | null;
          if (ref === undefined) {
            at = col + 1 < MAX_COLUMNS ? { row, col: col + 1 } : null;
          } else {
            at = parseCellRef(ref);
            if (at && at.row !== row) at = null;
          }
          if (!at) throw new XmlDamage(`cell reference “${ref ?? ""}” in row ${row + 1}`, 0);
          col = at.col;
          const style = Number(attributes.get("s") ?? 0);
          cell = {
            row: at.row,
            col: at.col,
            type: attributes.get("t") ?? "n",
            style: Number.isInteger(style) && style >= 0 ? style : 0,
            hasFormula: false,
            value: null,
            inline: null,
          };
          if (selfClosing) {
            finishCell(cell);
            cell = null;
          }
        } else if (cell && parent === "c" && name === "v") {
          collecting = [];
          if (selfClosing) {
            cell.value = "";
            collecting = null;
          }
        } else if (cell && parent === "c" && name === "f") {
          cell.hasFormula = true;
        } else if (cell && parent === "c" && name === "is") {
          cell.inline = [];
        } else if (cell && cell.inline && name === "rPh") {
          inPhonetic = !selfClosing;
        } else if (cell && cell.inline && name === "t" && !inPhonetic && !selfClosing) {
          collecting = cell.inline;
        } else if (name === "col" && parent === "cols") {
          const min = Number(attributes.get("min"));
          const max = Number(attributes.get("max"));
          if (isTrue(attributes.get("hidden")) && Number.isInteger(min) && Number.isInteger(max)) {
            hiddenColumnSpans.push({ min, max });
          }
        } else if (name === "mergeCell" && parent === "mergeCells") {
          const range = parseRangeRef(attributes.get("ref") ?? "");
          if (range) rawMerges.push(range);
        }
      },
      close: (name) => {
        if (path[path.length - 1] === name) path.pop();
        if (name === "v" && cell && collecting) {
          cell.value = collecting.join("");
          collecting = null;
        } else if (name === "t" && collecting) {
          collecting = null;
        } else if (name === "rPh") {
          inPhonetic = false;
        } else if (name === "c" && cell) {
          finishCell(cell);
          cell = null;
        }
      },
      wantText: () => collecting !== null,
      text: (text) => {
        collecting?.push(text);
      },
    });
  } catch (error) {
    if (error instanceof XmlDamage) return { ok: false, detail: error.reason };
    throw error;
  }
  const extent = { top, left, bottom, right };
  const merges =
    bottom < 0
      ? []
      : rawMerges.flatMap((m) => {
          const clamped = clampRange(m, extent);
          return clamped ? [clamped] : [];
        });
  blankCoveredCells(values, merges);
  // Only what can matter to a reading: rows holding values, columns within the extent (a span
  // may cover all 16,384 columns).
  const hiddenRows = hiddenRowList.filter((r) => values[r] !== undefined);
  const hiddenSet = new Set<number>();
  if (right >= 0) {
    for (const span of hiddenColumnSpans) {
      for (let c = Math.max(span.min - 1, left); c <= Math.min(span.max - 1, right); c += 1) {
        hiddenSet.add(c);
      }
    }
  }
  const hiddenColumns = [...hiddenSet].sort((a, b) => a - b);
  return { ok: true, cells: { values, merges, uncomputed, count, hiddenRows, hiddenColumns } };
}

/**
 * A cell's value: text for shared, inline and formula strings; the cached result of a formula
 * (`undefined` when the file has none); the error text of an error cell; numbers, or Dates where
 * the format is a date or time; "" for a cell without a value.
 */
function cellValue(cell: PendingCell, context: CellContext): OfficeValue | undefined {
  if (cell.inline !== null && cell.type === "inlineStr") {
    return decodeOoxmlEscapes(cell.inline.join(""));
  }
  if (cell.value === null) return cell.hasFormula ? undefined : "";
  const text = cell.value;
  switch (cell.type) {
    case "s": {
      const index = Number(text);
      const found = Number.isInteger(index) ? context.sharedStrings[index] : undefined;
      if (found === undefined) {
        throw new XmlDamage(`shared string ${text} does not exist`, 0);
      }
      return found;
    }
    case "str":
    case "inlineStr":
      return decodeOoxmlEscapes(text);
    case "b":
      return text.trim() === "1" || text.trim().toLowerCase() === "true";
    case "e":
      return text.trim();
    case "d": {
      const date = new Date(text.trim());
      return Number.isNaN(date.getTime()) ? text.trim() : date;
    }
    default:
      return numericValue(text, context.dateStyles[cell.style] === true, context.date1904);
  }
}

/** An XML boolean attribute that is set ("1" or "true"). */
function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}
