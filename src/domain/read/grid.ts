/**
 * A sheet's cells as the reader walks them. The matrix may be dense (what `range.values` gives)
 * or sparse (rows and cells as holes, what a door gives for a sheet whose used range reaches
 * XFD1048576): rows are walked with `forEach`, which skips holes, so the cost follows the cells
 * that exist, not the used range.
 */
import { offsetOf } from "../headers";
import type { CellRange, CellSheet } from "../types";

type Row = readonly unknown[];

export interface Grid {
  readonly sheet: string;
  readonly hidden: boolean;
  /** Sheet row and column of `values[0][0]` (0-based). */
  readonly rowOffset: number;
  readonly colOffset: number;
  readonly values: readonly (Row | undefined)[];
  /** Indexes into `values` of the rows holding at least one non-blank cell, ascending. */
  readonly rows: readonly number[];
  /** Merged areas relative to `values` (0-based, inclusive), clipped to the matrix. */
  readonly merges: readonly CellRange[];
  /** Hidden rows and columns, relative to `values`. */
  readonly hiddenRows: ReadonlySet<number>;
  readonly hiddenColumns: ReadonlySet<number>;
}

/**
 * True for a blank cell: nothing, an empty or white-space text, an invalid date.
 *
 * @example
 * isBlankCell("  ") //=> true
 * isBlankCell(0) //=> false
 */
export function isBlankCell(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === "string" && value.trim() === "") ||
    (value instanceof Date && Number.isNaN(value.getTime()))
  );
}

const isFilled = (value: unknown): boolean => !isBlankCell(value);

function hasValue(row: Row): boolean {
  // `some` skips holes, so a sparse row costs what it holds.
  return row.some(isFilled);
}

/**
 * The grid of a sheet. Never throws on values that are not a matrix: they read as no rows.
 *
 * @example
 * gridOf({ name: "S", values: [["a"], [], ["b"]] }).rows //=> [0, 2]
 */
export function gridOf(sheet: CellSheet): Grid {
  const values: readonly (Row | undefined)[] = Array.isArray(sheet.values) ? sheet.values : [];
  const rows: number[] = [];
  values.forEach((row, index) => {
    if (Array.isArray(row) && hasValue(row)) rows.push(index);
  });
  const rowOffset = offsetOf(sheet.rowOffset);
  const colOffset = offsetOf(sheet.colOffset);
  const merges: CellRange[] = [];
  for (const m of Array.isArray(sheet.merges) ? sheet.merges : []) {
    if (!isRange(m)) continue;
    const clipped = {
      top: Math.max(0, m.top - rowOffset),
      left: Math.max(0, m.left - colOffset),
      bottom: Math.min(values.length - 1, m.bottom - rowOffset),
      right: m.right - colOffset,
    };
    if (clipped.bottom >= clipped.top && clipped.right >= clipped.left) merges.push(clipped);
  }
  return {
    sheet: typeof sheet.name === "string" ? sheet.name : "",
    hidden: sheet.hidden === true,
    rowOffset,
    colOffset,
    values,
    rows,
    merges,
    hiddenRows: relativeSet(sheet.hiddenRows, rowOffset),
    hiddenColumns: relativeSet(sheet.hiddenColumns, colOffset),
  };
}

const NO_INDEXES: ReadonlySet<number> = new Set();

/** Absolute indexes made relative to an offset; none when there are none or they are not a list. */
function relativeSet(indexes: unknown, offset: number): ReadonlySet<number> {
  if (!Array.isArray(indexes) || indexes.length === 0) return NO_INDEXES;
  const set = new Set<number>();
  for (const i of indexes as unknown[]) {
    if (typeof i === "number" && Number.isInteger(i) && i >= offset) set.add(i - offset);
  }
  return set;
}

function isRange(value: unknown): value is CellRange {
  if (typeof value !== "object" || value === null) return false;
  const r = value as Record<string, unknown>;
  return (["top", "left", "bottom", "right"] as const).every(
    (k) => typeof r[k] === "number" && Number.isInteger(r[k]) && (r[k] as number) >= 0,
  );
}

const EMPTY: Row = [];

/** The cells of a row; none for a hole or a value that is not an array. */
export function rowOf(grid: Grid, row: number): Row {
  const cells = grid.values[row];
  return Array.isArray(cells) ? cells : EMPTY;
}

/** Merged areas by row, so that a lookup costs the areas of one row, not of the sheet. */
interface MergeIndex {
  readonly byRow: ReadonlyMap<number, readonly CellRange[]>;
  /** Areas taller than `INDEXED_HEIGHT` rows, scanned on every lookup (there are few). */
  readonly tall: readonly CellRange[];
}

const INDEXED_HEIGHT = 64;
const mergeIndexes = new WeakMap<Grid, MergeIndex>();

function mergeIndexOf(grid: Grid): MergeIndex {
  let index = mergeIndexes.get(grid);
  if (index === undefined) {
    const byRow = new Map<number, CellRange[]>();
    const tall: CellRange[] = [];
    for (const m of grid.merges) {
      if (m.bottom - m.top >= INDEXED_HEIGHT) {
        tall.push(m);
        continue;
      }
      for (let r = m.top; r <= m.bottom; r += 1) {
        const list = byRow.get(r);
        if (list) list.push(m);
        else byRow.set(r, [m]);
      }
    }
    index = { byRow, tall };
    mergeIndexes.set(grid, index);
  }
  return index;
}

const covers = (m: CellRange, row: number, col: number): boolean =>
  row >= m.top && row <= m.bottom && col >= m.left && col <= m.right;

/** The merged area a cell lies in, or null. */
export function mergeAt(grid: Grid, row: number, col: number): CellRange | null {
  if (grid.merges.length === 0) return null;
  const index = mergeIndexOf(grid);
  for (const m of index.byRow.get(row) ?? EMPTY_RANGES) if (covers(m, row, col)) return m;
  for (const m of index.tall) if (covers(m, row, col)) return m;
  return null;
}

const EMPTY_RANGES: readonly CellRange[] = [];

/** The merged areas that cover a row. */
export function mergesOnRow(grid: Grid, row: number): readonly CellRange[] {
  if (grid.merges.length === 0) return EMPTY_RANGES;
  const index = mergeIndexOf(grid);
  const tall = index.tall.filter((m) => m.top <= row && m.bottom >= row);
  const own = index.byRow.get(row) ?? EMPTY_RANGES;
  return tall.length === 0 ? own : [...own, ...tall];
}

/**
 * A cell's value, or — for a blank cell inside a merged area — the value of the area's top-left
 * cell, as the officer sees it on screen.
 */
export function shownValue(grid: Grid, row: number, col: number): unknown {
  const value = rowOf(grid, row)[col];
  if (!isBlankCell(value) || grid.merges.length === 0) return value;
  const m = mergeAt(grid, row, col);
  return m === null ? value : rowOf(grid, m.top)[m.left];
}

/** Calls `fn` for each non-hole cell of a row, left to right. */
export function eachCell(cells: Row, fn: (value: unknown, col: number) => void): void {
  cells.forEach((value, col) => fn(value, col));
}

/**
 * The merged areas that span rows in one column, sorted by top row, for filling a column down.
 */
export function verticalMergesIn(grid: Grid, col: number): CellRange[] {
  return grid.merges
    .filter((m) => m.left <= col && m.right >= col && m.bottom > m.top)
    .sort((a, b) => a.top - b.top);
}
