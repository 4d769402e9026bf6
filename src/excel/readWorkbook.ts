/**
 * Reads the officer's workbook into plain cell matrices for the engine, in a fixed number of
 * requests: one for the sheet list, one for every sheet's used-range bounds, table names and
 * marker, then the values (with their number-format categories, where the host has them) in
 * blocks that keep each response under Excel on the web's 5 MB. A sheet whose used range is too
 * large to read whole (a stray value at XFD1048576 makes the whole grid "used") is read through
 * its cells holding a constant or a formula only (`getSpecialCellsOrNullObject`, ExcelApi 1.9),
 * two requests more; one that even so holds too many cells is refused with a message naming it.
 * Merged areas come from `getMergedAreasOrNullObject` where the host has ExcelApi 1.13.
 */
import { columnLetter } from "../domain/text";
import type { Bilingual, CellRange, CellSheet } from "../domain/types";
import { withDates } from "./dates";
import { blankCoveredCells } from "./mergedCells";
import { MARKER_KEY, MARKER_SETTING, isOwnMarker, markerMapFrom } from "./marker";
import {
  READ_BUDGET_CELLS,
  READ_BUDGET_CELLS_WITH_CATEGORIES,
  isPayloadTooLarge,
  rowBlocks,
} from "./payload";

export interface SheetInfo {
  readonly id: string;
  readonly name: string;
  readonly visible: boolean;
  /** The add-in's marker when the sheet is one of its own outputs, else null. */
  readonly marker: string | null;
  /** Names of the Excel tables (ListObjects) on the sheet. */
  readonly tables: readonly string[];
}

export interface WorkbookReading {
  /**
   * The officer's sheets, hidden ones included and marked `hidden` (the engine decides whether
   * to read them), as the engine reads them.
   */
  readonly sheets: readonly CellSheet[];
  /** Every sheet, own output sheets included. */
  readonly infos: readonly SheetInfo[];
}

export interface UsedBounds {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/**
 * True when this host has worksheet custom properties (ExcelApi 1.12), where the add-in keeps its
 * marker; older hosts get the document-settings fallback.
 */
export function hasWorksheetCustomProperties(): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", "1.12");
}

/**
 * True when ranges can report their number-format categories (ExcelApi 1.12), which tell a date
 * typed into a score cell from a number. Older hosts read values only: there a date arrives as
 * its serial number, as Office.js gives it, and is checked like any other number.
 */
export function hasNumberFormatCategories(): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", "1.12");
}

/** The sheet-id → marker map from document settings (the fallback store). */
export function storedMarkerMap(): Record<string, string> {
  return markerMapFrom(Office.context.document.settings.get(MARKER_SETTING));
}

/**
 * Cells of a used range read whole, in blocks. Above this, a sheet is read through its cells
 * holding a value only: a used range this large is mostly empty (a stray value far away), and
 * reading it whole would cost a request per few rows of blanks.
 */
export const MAX_DENSE_CELLS = 1_000_000;
/** Cells holding a value (constants and formulas) one sheet may have; the command line's limit. */
export const MAX_SPARSE_CELLS = 1_000_000;
/** Rectangles of such cells one sheet may have: each costs an item in a request and a read. */
export const MAX_SPARSE_AREAS = 20_000;
/** Rows per request when the merged areas of a whole used range are too many to ask at once. */
const MERGE_BLOCK_ROWS = 256;

/**
 * A sheet the add-in will not read because its data cannot be read in bounded requests; the
 * message names the sheet and its used range, in both languages.
 */
export class UnreadableSheetError extends Error {
  constructor(
    readonly sheet: string,
    readonly address: string,
    readonly bilingual: Bilingual,
  ) {
    super(`${bilingual.vi}\n${bilingual.en}`);
    this.name = "UnreadableSheetError";
  }
}

/**
 * True when ranges can list their cells holding constants or formulas (ExcelApi 1.9), which lets
 * a sheet with a huge used range be read through its real cells.
 */
export function hasSpecialCells(): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", "1.9");
}

/** True when ranges can report their merged areas (ExcelApi 1.13). */
export function hasMergedAreas(): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", "1.13");
}

/**
 * A used range's A1 address, e.g. "A1:XFD1048576".
 *
 * @example
 * usedAddress({ rowIndex: 0, columnIndex: 0, rowCount: 1048576, columnCount: 16384 }) //=> "A1:XFD1048576"
 */
export function usedAddress(bounds: UsedBounds): string {
  const from = `${columnLetter(bounds.columnIndex)}${bounds.rowIndex + 1}`;
  const to = `${columnLetter(bounds.columnIndex + bounds.columnCount - 1)}${bounds.rowIndex + bounds.rowCount}`;
  return from === to ? from : `${from}:${to}`;
}

const formatCount = (n: number, lang: "vi" | "en"): string =>
  n.toLocaleString(lang === "vi" ? "vi-VN" : "en");

/** The refusal for a sheet whose cells holding a value are too many, or cannot be listed. */
function unreadable(
  name: string,
  bounds: UsedBounds,
  found: { cells: number; areas: number } | null,
): UnreadableSheetError {
  const address = usedAddress(bounds);
  const cells = bounds.rowCount * bounds.columnCount;
  const fix = {
    vi: "Hãy xóa các ô có dữ liệu nằm xa bảng điểm (Ctrl+End đưa tới ô cuối cùng đang dùng) hoặc chép bảng điểm sang một trang tính mới, rồi xếp hạng lại.",
    en: "Delete the cells holding data far from the score table (Ctrl+End goes to the last used cell) or copy the score table to a new sheet, then rank again.",
  };
  const message: Bilingual =
    found === null
      ? {
          vi: `Trang tính “${name}” có vùng đã dùng ${address} (${formatCount(cells, "vi")} ô), quá lớn để đọc hết, và phiên bản Excel này không liệt kê riêng được các ô có dữ liệu (cần ExcelApi 1.9). ${fix.vi}`,
          en: `Sheet “${name}” has the used range ${address} (${formatCount(cells, "en")} cells), too large to read whole, and this version of Excel cannot list the cells holding data on their own (ExcelApi 1.9 is needed). ${fix.en}`,
        }
      : {
          vi: `Trang tính “${name}” có vùng đã dùng ${address} với ${found.cells < 0 ? "hơn 2 tỷ" : formatCount(found.cells, "vi")} ô có dữ liệu trong ${formatCount(found.areas, "vi")} vùng: quá nhiều để đọc (tối đa ${formatCount(MAX_SPARSE_CELLS, "vi")} ô trong ${formatCount(MAX_SPARSE_AREAS, "vi")} vùng). ${fix.vi}`,
          en: `Sheet “${name}” has the used range ${address} with ${found.cells < 0 ? "over 2 billion" : formatCount(found.cells, "en")} cells holding data in ${formatCount(found.areas, "en")} areas: too many to read (at most ${formatCount(MAX_SPARSE_CELLS, "en")} cells in ${formatCount(MAX_SPARSE_AREAS, "en")} areas). ${fix.en}`,
        };
  return new UnreadableSheetError(name, address, message);
}

interface Target {
  readonly sheet: Excel.Worksheet;
  readonly name: string;
  readonly hidden: boolean;
  readonly bounds: UsedBounds;
  readonly used: Excel.Range;
}

/** A rectangle of a sheet to read, in sheet coordinates. */
interface Block {
  readonly target: number;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  /** True when the block is whole rows of the used range, read into the matrix as rows. */
  readonly whole: boolean;
}

/**
 * Reads every sheet: names, visibility, markers, table names, and the values of the officer's
 * sheets, hidden ones too (`getUsedRangeOrNullObject(true)`: formatting alone does not make a cell
 * used; formula cells arrive as their computed values; date and time cells as Dates where the host
 * reports number-format categories), with their merged areas where the host has them. The
 * add-in's own output sheets are not read. Throws `UnreadableSheetError` for a sheet whose cells
 * holding data are too many to read in bounded requests.
 */
export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookReading> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id,items/visibility");
  await context.sync();

  const useProperties = hasWorksheetCustomProperties();
  const settingsMarkers = useProperties ? {} : storedMarkerMap();
  const pending = worksheets.items.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const tables = sheet.tables;
    tables.load("items/name");
    const marker = useProperties ? sheet.customProperties.getItemOrNullObject(MARKER_KEY) : null;
    marker?.load("value");
    return { sheet, used, tables, marker };
  });
  await context.sync();

  const infos: SheetInfo[] = pending.map(({ sheet, tables, marker }) => {
    const stored = marker && !marker.isNullObject ? marker.value : settingsMarkers[sheet.id];
    return {
      id: sheet.id,
      name: sheet.name,
      visible: sheet.visibility === "Visible",
      marker: isOwnMarker(stored) ? stored : null,
      tables: tables.items.map((t) => t.name),
    };
  });
  const toRead: Target[] = pending
    .map((p, i) => ({ ...p, info: infos[i] }))
    .filter(({ info, used }) => info.marker === null && !used.isNullObject)
    .map(({ sheet, used, info }) => ({
      sheet,
      used,
      name: info.name,
      hidden: !info.visible,
      bounds: {
        rowIndex: used.rowIndex,
        columnIndex: used.columnIndex,
        rowCount: used.rowCount,
        columnCount: used.columnCount,
      },
    }));
  const blocks = await blocksToRead(context, toRead);
  const categories = hasNumberFormatCategories();
  const budget = categories ? READ_BUDGET_CELLS_WITH_CATEGORIES : READ_BUDGET_CELLS;
  const values = await readValues(context, toRead, blocks, budget, categories);
  // The visible areas ride in the merged areas' request (ExcelApi 1.13, which includes 1.9's
  // special cells): no request more, and a failure there loses the hidden rows, never the values.
  // An older host reads no hidden rows or columns.
  const visible = hasMergedAreas() ? askVisibleAreas(toRead) : null;
  const merges = hasMergedAreas() ? await readMerges(context, toRead) : toRead.map(() => []);
  toRead.forEach(({ bounds }, i) =>
    blankCoveredCells(values[i] as unknown[][], merges[i], bounds.rowIndex, bounds.columnIndex, ""),
  );
  const hiddenParts = visible === null ? [] : hiddenPartsOf(visible, toRead, values);
  const sheets: CellSheet[] = toRead.map(({ name, bounds, hidden }, i) => {
    const parts = hiddenParts[i];
    return {
      name,
      values: values[i],
      rowOffset: bounds.rowIndex,
      colOffset: bounds.columnIndex,
      hidden,
      ...(merges[i].length > 0 ? { merges: merges[i] } : {}),
      ...(parts && parts.rows.length > 0 ? { hiddenRows: parts.rows } : {}),
      ...(parts && parts.columns.length > 0 ? { hiddenColumns: parts.columns } : {}),
    };
  });
  return { sheets, infos };
}

/** More visible areas than this (rows hidden one in two by a filter) are not listed. */
const MAX_VISIBLE_AREAS = 5000;

interface HiddenParts {
  readonly rows: number[];
  readonly columns: number[];
}

/**
 * Queues, for each used range, its visible areas (`getSpecialCellsOrNullObject("Visible")`,
 * ExcelApi 1.9): the hidden rows and columns are those no visible area covers. Loaded by the
 * next request.
 */
function askVisibleAreas(targets: readonly Target[]): VisibleAreas[] {
  return targets.map((t) => {
    const areas = t.used.getSpecialCellsOrNullObject("Visible");
    areas.load("areaCount");
    const items = areas.areas;
    items.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount");
    return { areas, items };
  });
}

interface VisibleAreas {
  readonly areas: Excel.RangeAreas;
  readonly items: Excel.RangeCollection;
}

/**
 * The hidden rows (holding values) and columns of each used range, from its loaded visible
 * areas; null for a sheet whose areas could not be had (too many, or the request failed).
 */
function hiddenPartsOf(
  visible: readonly VisibleAreas[],
  targets: readonly Target[],
  values: readonly (readonly (readonly unknown[] | undefined)[])[],
): (HiddenParts | null)[] {
  return targets.map(({ bounds }, i) => {
    try {
      // No visible cell at all: every row and column of the used range is hidden.
      const { areas, items } = visible[i];
      if (areas.isNullObject) return uncovered(bounds, [], values[i]);
      if (areas.areaCount > MAX_VISIBLE_AREAS) return null;
      return uncovered(bounds, items.items, values[i]);
    } catch {
      return null;
    }
  });
}

type Area = { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number };

/** Sorted, merged [first, last] spans of a set of spans. */
function mergedSpans(spans: [number, number][]): [number, number][] {
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [first, last] of spans) {
    const prev = merged[merged.length - 1];
    if (prev && first <= prev[1] + 1) prev[1] = Math.max(prev[1], last);
    else merged.push([first, last]);
  }
  return merged;
}

function covered(spans: readonly [number, number][], index: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (index < spans[mid][0]) hi = mid - 1;
    else if (index > spans[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * The rows holding values and the columns of a used range that no area covers (sheet
 * coordinates). Spans, not cells, are compared: a used range may reach row 1,048,576.
 */
function uncovered(
  bounds: UsedBounds,
  areas: readonly Area[],
  values: readonly (readonly unknown[] | undefined)[],
): HiddenParts {
  const rowSpans = mergedSpans(areas.map((a) => [a.rowIndex, a.rowIndex + a.rowCount - 1]));
  const colSpans = mergedSpans(
    areas.map((a) => [a.columnIndex, a.columnIndex + a.columnCount - 1]),
  );
  const rows: number[] = [];
  // forEach skips the holes of a sparse matrix: only rows that hold values are looked at.
  values.forEach((row, i) => {
    if (row !== undefined && !covered(rowSpans, bounds.rowIndex + i))
      rows.push(bounds.rowIndex + i);
  });
  const columns: number[] = [];
  for (let c = bounds.columnIndex; c < bounds.columnIndex + bounds.columnCount; c += 1) {
    if (!covered(colSpans, c)) columns.push(c);
  }
  return { rows, columns };
}

/**
 * The rectangles to read: a used range of at most `MAX_DENSE_CELLS` whole; a larger one through
 * its cells holding constants and formulas (two requests for all such sheets together), refused
 * when those are too many or the host cannot list them.
 */
async function blocksToRead(
  context: Excel.RequestContext,
  targets: readonly Target[],
): Promise<Block[]> {
  const whole = (t: Target, target: number): Block => ({
    target,
    ...t.bounds,
    whole: true,
  });
  const large = targets
    .map((t, target) => ({ t, target }))
    .filter(({ t }) => t.bounds.rowCount * t.bounds.columnCount > MAX_DENSE_CELLS);
  if (large.length === 0) return targets.map(whole);
  if (!hasSpecialCells()) throw unreadable(large[0].t.name, large[0].t.bounds, null);

  const special = large.map(({ t, target }) => {
    const kinds = [
      t.used.getSpecialCellsOrNullObject("Constants"),
      t.used.getSpecialCellsOrNullObject("Formulas"),
    ];
    for (const areas of kinds) areas.load("areaCount,cellCount");
    return { t, target, kinds };
  });
  await context.sync();
  for (const { t, kinds } of special) {
    const present = kinds.filter((k) => !k.isNullObject);
    const cells = present.some((k) => k.cellCount < 0)
      ? -1
      : present.reduce((n, k) => n + k.cellCount, 0);
    const areas = present.reduce((n, k) => n + k.areaCount, 0);
    if (cells < 0 || cells > MAX_SPARSE_CELLS || areas > MAX_SPARSE_AREAS) {
      throw unreadable(t.name, t.bounds, { cells, areas });
    }
  }
  const collections = special.map(({ target, kinds }) => ({
    target,
    ranges: kinds
      .filter((k) => !k.isNullObject)
      .map((k) => {
        const items = k.areas;
        items.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount");
        return items;
      }),
  }));
  await context.sync();
  const sparse = new Map<number, Block[]>(
    collections.map(({ target, ranges }) => [
      target,
      ranges.flatMap((collection) =>
        collection.items.map((area) => ({
          target,
          rowIndex: area.rowIndex,
          columnIndex: area.columnIndex,
          rowCount: area.rowCount,
          columnCount: area.columnCount,
          whole: false,
        })),
      ),
    ]),
  );
  return targets.flatMap((t, target) => sparse.get(target) ?? [whole(t, target)]);
}

const EMPTY_ROW: readonly unknown[] = Object.freeze([]);

/**
 * Loads the values of every block (and their number-format categories, in the same request,
 * when `categories`), packing row blocks of several sheets into one request until the cell
 * budget is reached; a request Excel finds too large is retried with half the budget. A sheet
 * read whole gets its rows as Excel gives them; a sheet read through its cells holding a value
 * gets a sparse matrix (missing rows share one empty row, missing cells are holes).
 */
async function readValues(
  context: Excel.RequestContext,
  targets: readonly Target[],
  blocks: readonly Block[],
  budgetCells: number,
  categories: boolean,
): Promise<(readonly unknown[])[][]> {
  const pieces = blocks.flatMap((block) =>
    rowBlocks(block.rowCount, block.columnCount, budgetCells).map((rows) => ({
      ...block,
      rowIndex: block.rowIndex + rows.start,
      rowCount: rows.count,
    })),
  );
  const results: (readonly unknown[])[][] = targets.map(() => []);
  let batch: { block: Block; range: Excel.Range }[] = [];
  let cells = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await context.sync();
    for (const { block, range } of batch) {
      const kinds = categories ? range.numberFormatCategories : null;
      const rows = withDates(range.values, kinds);
      if (block.whole) results[block.target].push(...rows);
      else placeCells(results[block.target], targets[block.target].bounds, block, rows);
    }
    batch = [];
    cells = 0;
  };
  try {
    for (const block of pieces) {
      const size = block.rowCount * block.columnCount;
      if (cells > 0 && cells + size > budgetCells) await flush();
      const range = targets[block.target].sheet.getRangeByIndexes(
        block.rowIndex,
        block.columnIndex,
        block.rowCount,
        block.columnCount,
      );
      range.load(categories ? "values,numberFormatCategories" : "values");
      batch.push({ block, range });
      cells += size;
    }
    await flush();
  } catch (error) {
    if (!isPayloadTooLarge(error) || budgetCells <= 1) throw error;
    return readValues(context, targets, blocks, Math.floor(budgetCells / 2), categories);
  }
  return results.map((rows, i) =>
    blocks.some((b) => b.target === i && !b.whole) ? withSharedEmptyRows(rows) : rows,
  );
}

/** Puts the cells of one block that hold a value into a sparse matrix relative to `bounds`. */
function placeCells(
  matrix: (readonly unknown[])[],
  bounds: UsedBounds,
  block: Block,
  rows: readonly (readonly unknown[])[],
): void {
  rows.forEach((row, r) => {
    const at = block.rowIndex + r - bounds.rowIndex;
    row.forEach((value, c) => {
      if (value === "" || value === null || value === undefined) return;
      const cells = (matrix[at] ??= []) as unknown[];
      cells[block.columnIndex + c - bounds.columnIndex] = value;
    });
  });
}

/** The rows of a sparse matrix with every missing row as one shared, frozen empty row. */
function withSharedEmptyRows(rows: (readonly unknown[])[]): (readonly unknown[])[] {
  const filled: (readonly unknown[])[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r += 1) filled[r] = rows[r] ?? EMPTY_ROW;
  return filled;
}

/**
 * The merged areas of each sheet read, cut to its used range (the cells holding values) and
 * dropped when less than two cells remain, as the command line keeps them. One request for all
 * sheets; Excel refuses to list more than 512 merged areas in one range, so a sheet that has more
 * is asked again in blocks of rows, and gives none if even those are too many.
 */
async function readMerges(
  context: Excel.RequestContext,
  targets: readonly Target[],
): Promise<CellRange[][]> {
  const ask = async (ranges: readonly Excel.Range[]): Promise<CellRange[][] | null> => {
    const collections = ranges.map((range) => {
      const merged = range.getMergedAreasOrNullObject();
      merged.load("isNullObject");
      const items = merged.areas;
      items.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount");
      return { merged, items };
    });
    try {
      await context.sync();
    } catch {
      return null;
    }
    return collections.map(({ merged, items }) =>
      merged.isNullObject
        ? []
        : items.items.map((area) => ({
            top: area.rowIndex,
            left: area.columnIndex,
            bottom: area.rowIndex + area.rowCount - 1,
            right: area.columnIndex + area.columnCount - 1,
          })),
    );
  };
  const all = await ask(targets.map((t) => t.used));
  const found: CellRange[][] = [];
  for (let i = 0; i < targets.length; i += 1) {
    let areas = all?.[i] ?? null;
    if (areas === null) areas = await mergesByRowBlocks(targets[i], ask);
    found.push(clampedMerges(areas, targets[i].bounds));
  }
  return found;
}

async function mergesByRowBlocks(
  target: Target,
  ask: (ranges: readonly Excel.Range[]) => Promise<CellRange[][] | null>,
): Promise<CellRange[]> {
  const { rowIndex, columnIndex, rowCount, columnCount } = target.bounds;
  const ranges: Excel.Range[] = [];
  for (let start = 0; start < rowCount; start += MERGE_BLOCK_ROWS) {
    const count = Math.min(MERGE_BLOCK_ROWS, rowCount - start);
    ranges.push(target.sheet.getRangeByIndexes(rowIndex + start, columnIndex, count, columnCount));
  }
  const answers = await ask(ranges);
  if (answers === null) return [];
  // An area that crosses a block boundary is listed by both blocks.
  const seen = new Set<string>();
  return answers.flat().filter((m) => {
    const key = `${m.top},${m.left},${m.bottom},${m.right}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Merged areas cut to a used range, keeping those that still span two cells or more.
 *
 * @example
 * clampedMerges([{ top: 19, left: 0, bottom: 1048575, right: 16383 }], { rowIndex: 0, columnIndex: 0, rowCount: 48, columnCount: 8 })
 * //=> [{ top: 19, left: 0, bottom: 47, right: 7 }]
 */
export function clampedMerges(areas: readonly CellRange[], bounds: UsedBounds): CellRange[] {
  const bottom = bounds.rowIndex + bounds.rowCount - 1;
  const right = bounds.columnIndex + bounds.columnCount - 1;
  return areas.flatMap((m) => {
    const cut = {
      top: Math.max(m.top, bounds.rowIndex),
      left: Math.max(m.left, bounds.columnIndex),
      bottom: Math.min(m.bottom, bottom),
      right: Math.min(m.right, right),
    };
    if (cut.top > cut.bottom || cut.left > cut.right) return [];
    if (cut.top === cut.bottom && cut.left === cut.right) return [];
    return [cut];
  });
}
