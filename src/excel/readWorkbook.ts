/**
 * Reads the officer's workbook into plain cell matrices for the engine, in a fixed number of
 * requests: one for the sheet list, one for every sheet's used-range bounds, table names and
 * marker, then the values (with their number-format categories, where the host has them) in
 * blocks that keep each response under Excel on the web's 5 MB.
 */
import type { CellSheet } from "../domain/types";
import { withDates } from "./dates";
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

interface UsedBounds {
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
 * Reads every sheet: names, visibility, markers, table names, and the values of the officer's
 * sheets, hidden ones too (`getUsedRangeOrNullObject(true)`: formatting alone does not make a cell
 * used; formula cells arrive as their computed values; date and time cells as Dates where the host
 * reports number-format categories). The add-in's own output sheets are not read.
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
  const toRead = pending
    .map((p, i) => ({ ...p, info: infos[i] }))
    .filter(({ info, used }) => info.marker === null && !used.isNullObject)
    .map(({ sheet, used, info }) => ({
      sheet,
      name: info.name,
      hidden: !info.visible,
      bounds: {
        rowIndex: used.rowIndex,
        columnIndex: used.columnIndex,
        rowCount: used.rowCount,
        columnCount: used.columnCount,
      },
    }));
  const categories = hasNumberFormatCategories();
  const budget = categories ? READ_BUDGET_CELLS_WITH_CATEGORIES : READ_BUDGET_CELLS;
  const values = await readValues(context, toRead, budget, categories);
  const sheets: CellSheet[] = toRead.map(({ name, bounds, hidden }, i) => ({
    name,
    values: values[i],
    rowOffset: bounds.rowIndex,
    colOffset: bounds.columnIndex,
    hidden,
  }));
  return { sheets, infos };
}

/**
 * Loads the values of every used range (and their number-format categories, in the same request,
 * when `categories`), packing row blocks of several sheets into one request until the cell budget
 * is reached; a request Excel finds too large is retried with half the budget.
 */
async function readValues(
  context: Excel.RequestContext,
  targets: readonly { sheet: Excel.Worksheet; bounds: UsedBounds }[],
  budgetCells: number,
  categories: boolean,
): Promise<(readonly unknown[])[][]> {
  const blocks = targets.flatMap(({ sheet, bounds }, target) =>
    rowBlocks(bounds.rowCount, bounds.columnCount, budgetCells).map((block) => ({
      target,
      sheet,
      bounds,
      ...block,
    })),
  );
  const results: (readonly unknown[])[][] = targets.map(() => []);
  let batch: { target: number; range: Excel.Range }[] = [];
  let cells = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await context.sync();
    for (const { target, range } of batch) {
      const kinds = categories ? range.numberFormatCategories : null;
      results[target].push(...withDates(range.values, kinds));
    }
    batch = [];
    cells = 0;
  };
  try {
    for (const block of blocks) {
      const size = block.count * block.bounds.columnCount;
      if (cells > 0 && cells + size > budgetCells) await flush();
      const range = block.sheet.getRangeByIndexes(
        block.bounds.rowIndex + block.start,
        block.bounds.columnIndex,
        block.count,
        block.bounds.columnCount,
      );
      range.load(categories ? "values,numberFormatCategories" : "values");
      batch.push({ target: block.target, range });
      cells += size;
    }
    await flush();
  } catch (error) {
    if (!isPayloadTooLarge(error) || budgetCells <= 1) throw error;
    return readValues(context, targets, Math.floor(budgetCells / 2), categories);
  }
  return results;
}
