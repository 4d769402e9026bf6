/**
 * Locating score tables on a sheet: header rows anywhere in the used range (not only near the
 * top), headers of two or three rows ("Điểm" merged over "Đạt được | Tối đa"), tables side by
 * side on one header row, and tables stacked one under another.
 */
import { cellText } from "../cells";
import { columnLetter } from "../text";
import type { ColumnRole } from "../types";
import type { Grid } from "./grid";
import { eachCell, isBlankCell, mergeAt, mergesOnRow, rowOf, shownValue } from "./grid";
import type { HeaderInfo, ScoreHeaderRole } from "./vocabulary";
import { aggregateKind, describeHeader, headerKey } from "./vocabulary";

/** One column of a table's header. Columns are 0-based indexes into the grid's rows. */
export interface HeaderColumn {
  readonly col: number;
  /** The header as shown: the texts of a multi-row header joined with " / ". */
  readonly text: string;
  /** The texts of each header row for this column ("" where blank), top to bottom. */
  readonly parts: readonly string[];
  readonly info: HeaderInfo;
}

/** A table found on a sheet, before its columns are chosen. */
export interface TableFrame {
  readonly grid: Grid;
  /** The header rows, top to bottom (one to three). */
  readonly headerRows: readonly number[];
  /** First and last column of the table (inclusive). */
  readonly first: number;
  readonly last: number;
  /** Header columns with text, left to right. */
  readonly columns: readonly HeaderColumn[];
  /** First row after the table (exclusive end of its data). */
  readonly end: number;
}

/** The officer's choice of columns: role → header text or column letter. */
export type NamedColumns = Readonly<Partial<Record<ColumnRole, string>>>;

const MAX_HEADER_ROWS = 3;
/** Wider merged areas in a header row are titles, not group headers. */
const MAX_GROUP_WIDTH = 64;

/** Caches per read: the same header texts recur on every sheet of a workbook. */
export interface LocateCache {
  readonly infos: Map<string, HeaderInfo>;
}

export function newLocateCache(): LocateCache {
  return { infos: new Map() };
}

function infoOf(text: string, cache: LocateCache): HeaderInfo {
  let info = cache.infos.get(text);
  if (info === undefined) {
    info = describeHeader(text);
    cache.infos.set(text, info);
  }
  return info;
}

/** A number in a header row is data, except a year written as a number ("2022 | 2023"). */
function isHeaderNumber(value: unknown): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= 2000 && value <= 2099;
}

/**
 * True when a row can hold a header: no numbers (a row continuing a header may hold years, as
 * in "Điểm" over "2022 | 2023"), and at least `minTexts` text cells. Data rows almost always hold
 * a number, so this keeps header detection off the hot path.
 */
export function mayBeHeaderCells(cells: readonly unknown[], minTexts = 2, years = false): boolean {
  // An indexed loop (holes read as undefined and count for nothing): every row of the used
  // range comes here.
  let texts = 0;
  for (let i = 0; i < cells.length; i += 1) {
    const value = cells[i];
    if (typeof value === "number") {
      if (years && isHeaderNumber(value)) texts += 1;
      else return false;
    } else if (typeof value === "string" && value.trim() !== "") texts += 1;
  }
  return texts >= minTexts;
}

function headerText(value: unknown): string {
  if (typeof value === "string") return cellText(value);
  return isHeaderNumber(value) ? String(value) : "";
}

/**
 * A unit-name header reads like a header: short, no digits outside brackets. "Đơn vị số 1" is a
 * unit's name in a data row, not a header.
 */
function isHeaderLike(text: string): boolean {
  return text.length <= 80 && !/\d/.test(text.replace(/\([^)]*\)/g, ""));
}

/**
 * The text a header cell shows: its own, a merged area's (a group header merged across its
 * columns), or — where the host gave no merged areas — the group header to its left when this
 * column sits under the same group (blank here, text in the row below, like the group's first
 * column).
 */
function headerCellText(grid: Grid, row: number, col: number, below: number | null): string {
  const own = headerText(rowOf(grid, row)[col]);
  if (own !== "") return own;
  if (grid.merges.length > 0) {
    const m = mergeAt(grid, row, col);
    if (m !== null && m.top <= row) return headerText(shownValue(grid, row, col));
    return "";
  }
  if (below === null) return "";
  const under = (c: number): boolean => headerText(rowOf(grid, below)[c]) !== "";
  if (!under(col)) return "";
  for (let c = col - 1; c >= 0; c -= 1) {
    if (!under(c)) return "";
    const text = headerText(rowOf(grid, row)[c]);
    if (text !== "") return text;
  }
  return "";
}

function columnsOfRows(grid: Grid, rows: readonly number[], cache: LocateCache): HeaderColumn[] {
  const cols = new Set<number>();
  for (const r of rows) {
    eachCell(rowOf(grid, r), (value, col) => {
      if (headerText(value) !== "") cols.add(col);
    });
    // A group header merged across its sub-columns covers them all.
    for (const m of mergesOnRow(grid, r)) {
      if (m.right - m.left >= MAX_GROUP_WIDTH) continue;
      if (headerText(rowOf(grid, m.top)[m.left]) === "") continue;
      for (let c = m.left; c <= m.right; c += 1) cols.add(c);
    }
  }
  const last = rows[rows.length - 1];
  const columns: HeaderColumn[] = [];
  for (const col of [...cols].sort((a, b) => a - b)) {
    const parts = rows.map((r, i) =>
      headerCellText(grid, r, col, i < rows.length - 1 ? last : null),
    );
    const distinct = parts.filter((p, i) => p !== "" && parts.indexOf(p) === i);
    if (distinct.length === 0) continue;
    const text = distinct.join(" / ");
    const leaf = distinct[distinct.length - 1];
    const leafInfo = infoOf(leaf, cache);
    const joined = distinct.length > 1 ? infoOf(distinct.join(" "), cache) : leafInfo;
    const info: HeaderInfo = {
      role: leafInfo.role ?? joined.role,
      year: leafInfo.year ?? joined.year,
      total: joined.total,
      part: joined.part,
      self: joined.self,
      appraised: joined.appraised,
      normalized: leafInfo.normalized || joined.normalized,
      statedMax: leafInfo.statedMax ?? joined.statedMax,
    };
    columns.push({ col, text, parts, info });
  }
  return columns;
}

/** A row that continues a header: header words only, nothing that reads as a heading or total. */
function continuesHeader(grid: Grid, row: number, unitCol: number, cache: LocateCache): boolean {
  const cells = rowOf(grid, row);
  if (!mayBeHeaderCells(cells, 1, true)) return false;
  if (!isBlankCell(cells[unitCol])) return false;
  let ok = true;
  eachCell(cells, (value) => {
    if (!ok) return;
    const text = headerText(value);
    if (text === "") return;
    if (aggregateKind(text) !== null || /^(?:khoi|bloc|block)\b/.test(headerKey(text))) {
      ok = false;
      return;
    }
    const info = infoOf(text, cache);
    const says =
      info.role !== null || info.year !== null || info.part || info.self || info.appraised;
    if (!says && text.length > 40) ok = false;
  });
  return ok;
}

const MEASURES: readonly ScoreHeaderRole[] = ["score", "ratio"];

/** Splits a header row's columns into tables: a new table starts where a unit or row-number
 * column comes again after a unit and a score column. */
function segment(columns: readonly HeaderColumn[]): HeaderColumn[][] {
  const segments: HeaderColumn[][] = [];
  let current: HeaderColumn[] = [];
  let hasUnit = false;
  let hasMeasure = false;
  for (const column of columns) {
    const role = column.info.role;
    if ((role === "unit" || role === "index") && hasUnit && hasMeasure) {
      segments.push(current);
      current = [];
      hasUnit = false;
      hasMeasure = false;
    }
    current.push(column);
    if (role === "unit") hasUnit = true;
    if (role !== null && MEASURES.includes(role)) hasMeasure = true;
  }
  if (current.length > 0) segments.push(current);
  return segments;
}

const LETTERS = /^[A-Z]{1,3}$/;

/**
 * The column an officer's choice names among a table's header columns: the header whose text
 * (folded; the full multi-row text or its last row) equals the choice, else — for "A" to "XFD" —
 * the column of that letter. A header text wins over a letter ("TT" is a header before a column).
 */
export function namedColumn(
  choice: string,
  columns: readonly HeaderColumn[],
  grid: Grid,
  range: { readonly first: number; readonly last: number },
): number | null {
  const wanted = headerKey(choice);
  if (wanted === "") return null;
  for (const c of columns) {
    if (c.col < range.first || c.col > range.last) continue;
    const leaf = c.parts.filter((p) => p !== "").pop() ?? "";
    if (headerKey(c.text) === wanted || headerKey(leaf) === wanted) return c.col;
  }
  const letters = choice.trim().toUpperCase();
  if (LETTERS.test(letters)) {
    const col = letterIndex(letters) - grid.colOffset;
    if (col >= range.first && col <= range.last) return col;
  }
  return null;
}

/**
 * The 0-based column index of A1 letters.
 *
 * @example
 * letterIndex("A") //=> 0
 * letterIndex("AB") //=> 27
 */
export function letterIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** True when a column range is a table: a unit column and a score or ratio column. */
function isTable(
  columns: readonly HeaderColumn[],
  named: NamedColumns,
  grid: Grid,
  range: { first: number; last: number },
): boolean {
  // A column the officer named counts, and so does one detected: a named column missing from
  // a table is reported when the table's columns are chosen, never passed over in silence.
  const roleCol = (role: ColumnRole): boolean => {
    const choice = named[role];
    if (choice !== undefined && namedColumn(choice, columns, grid, range) !== null) return true;
    return columns.some((c) => c.info.role === role);
  };
  return roleCol("unit") && (roleCol("score") || roleCol("ratio"));
}

/** What a sheet holds: its tables, and the header-like rows seen (for a message when none). */
export interface SheetLayout {
  readonly tables: readonly TableFrame[];
  /** Rows that looked like headers but hold no table: "A7: STT | Tên | Kết quả". */
  readonly seen: readonly string[];
}

interface HeaderRowMatch {
  readonly rows: readonly number[];
  readonly segments: readonly { first: number; last: number; columns: HeaderColumn[] }[];
}

function matchHeaderRow(
  grid: Grid,
  row: number,
  named: NamedColumns,
  cache: LocateCache,
): HeaderRowMatch | null {
  const cells = rowOf(grid, row);
  if (!mayBeHeaderCells(cells)) return null;
  const single = columnsOfRows(grid, [row], cache).filter(
    (c) => c.info.role !== "unit" || isHeaderLike(c.text),
  );
  const unit = single.find((c) => c.info.role === "unit");
  const rows = [row];
  // Rows below that continue the header (a group header over its sub-columns).
  while (rows.length < MAX_HEADER_ROWS) {
    const next = rows[rows.length - 1] + 1;
    const unitCol = unit?.col ?? single[0]?.col ?? 0;
    if (!continuesHeader(grid, next, unitCol, cache)) break;
    rows.push(next);
  }
  const columns =
    rows.length > 1
      ? columnsOfRows(grid, rows, cache).filter(
          (c) => c.info.role !== "unit" || isHeaderLike(c.text),
        )
      : single;
  const segments = segment(columns).map((cols, i, all) => {
    const first = i === 0 ? 0 : cols[0].col;
    const last = i + 1 < all.length ? all[i + 1][0].col - 1 : Number.MAX_SAFE_INTEGER;
    return { first, last, columns: cols };
  });
  const tables = segments.filter((s) => isTable(s.columns, named, grid, s));
  if (tables.length === 0) {
    // A header the officer named may be in a row that reads as no table on its own.
    const whole = { first: 0, last: Number.MAX_SAFE_INTEGER, columns };
    if (Object.keys(named).length > 0 && isTable(columns, named, grid, whole)) {
      return { rows, segments: [whole] };
    }
    return null;
  }
  return { rows, segments: tables };
}

function describeSeen(grid: Grid, row: number): string {
  const texts: string[] = [];
  eachCell(rowOf(grid, row), (value, col) => {
    const text = headerText(value);
    if (text !== "" && texts.length < 8) {
      texts.push(`${columnLetter(grid.colOffset + col)}: ${text.slice(0, 40)}`);
    }
  });
  return `${grid.sheet}!${grid.rowOffset + row + 1} (${texts.join(" | ")})`;
}

/**
 * Finds the score tables of a sheet: every header row in the used range, each split into tables
 * side by side; a table ends where the next header row over its columns begins. With
 * `headerRow` (0-based, into the grid), the first table's header is that row.
 */
export function locateTables(
  grid: Grid,
  named: NamedColumns,
  headerRow: number | undefined,
  cache: LocateCache,
): SheetLayout {
  const matches: HeaderRowMatch[] = [];
  const seen: string[] = [];
  let skipUntil = -1;
  for (let i = 0; i < grid.rows.length; i += 1) {
    const row = grid.rows[i];
    if (row <= skipUntil) continue;
    if (headerRow !== undefined && matches.length === 0 && row !== headerRow) continue;
    const match = matchHeaderRow(grid, row, named, cache);
    if (match === null) {
      if (seen.length < 3 && mayBeHeaderCells(rowOf(grid, row), 2)) {
        const texts = columnsOfRows(grid, [row], cache);
        if (texts.some((c) => c.info.role !== null)) seen.push(describeSeen(grid, row));
      }
      continue;
    }
    matches.push(match);
    skipUntil = match.rows[match.rows.length - 1];
  }
  const tables: TableFrame[] = [];
  matches.forEach((match, i) => {
    for (const s of match.segments) {
      // The table runs to the next header row that has a table over any of its columns (as far
      // as their headers reach: a last table's range is open to the right).
      const span = (o: (typeof match.segments)[number]): [number, number] => [
        Math.min(o.first, ...o.columns.map((c) => c.col)),
        Math.max(...o.columns.map((c) => c.col)),
      ];
      const [from, to] = span(s);
      let end = grid.values.length;
      let followed = false;
      for (const later of matches.slice(i + 1)) {
        if (later.segments.some((o) => span(o)[0] <= to && span(o)[1] >= from)) {
          end = later.rows[0];
          followed = true;
          break;
        }
      }
      // A header straight above another header over the same columns is the upper rows of one
      // header three rows deep, not a table of its own.
      if (followed && end === match.rows[match.rows.length - 1] + 1) continue;
      tables.push({
        grid,
        headerRows: match.rows,
        first: s.first,
        last: s.last,
        columns: s.columns,
        end,
      });
    }
  });
  return { tables, seen };
}
