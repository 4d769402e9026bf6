/**
 * Reads the officer's workbook into plain cell matrices for the engine, in a fixed number of
 * requests: one for the sheet list, one for every sheet's used-range bounds, table names and
 * marker, then the values in blocks that keep each response under Excel on the web's 5 MB.
 */
import type { CellSheet } from "../domain/types";
import { MARKER_KEY, MARKER_SETTING, isOwnMarker, markerMapFrom } from "./marker";
import { READ_BUDGET_CELLS, isPayloadTooLarge, rowBlocks } from "./payload";

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
  /** The officer's visible sheets, as the engine reads them. */
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

/** The sheet-id → marker map from document settings (the fallback store). */
export function storedMarkerMap(): Record<string, string> {
  return markerMapFrom(Office.context.document.settings.get(MARKER_SETTING));
}

/**
 * Reads every sheet: names, visibility, markers, table names, and the values of the officer's
 * visible sheets (`getUsedRangeOrNullObject(true)`: formatting alone does not make a cell used;
 * formula cells arrive as their computed values).
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
    .filter(({ info, used }) => info.visible && info.marker === null && !used.isNullObject)
    .map(({ sheet, used, info }) => ({
      sheet,
      name: info.name,
      bounds: {
        rowIndex: used.rowIndex,
        columnIndex: used.columnIndex,
        rowCount: used.rowCount,
        columnCount: used.columnCount,
      },
    }));
  const values = await readValues(context, toRead, READ_BUDGET_CELLS);
  const sheets: CellSheet[] = toRead.map(({ name, bounds }, i) => ({
    name,
    values: values[i],
    rowOffset: bounds.rowIndex,
    colOffset: bounds.columnIndex,
  }));
  return { sheets, infos };
}

/**
 * Loads the values of every used range, packing row blocks of several sheets into one request
 * until the cell budget is reached; a request Excel finds too large is retried with half the
 * budget.
 */
async function readValues(
  context: Excel.RequestContext,
  targets: readonly { sheet: Excel.Worksheet; bounds: UsedBounds }[],
  budgetCells: number,
): Promise<unknown[][][]> {
  const blocks = targets.flatMap(({ sheet, bounds }, target) =>
    rowBlocks(bounds.rowCount, bounds.columnCount, budgetCells).map((block) => ({
      target,
      sheet,
      bounds,
      ...block,
    })),
  );
  const results: unknown[][][] = targets.map(() => []);
  let batch: { target: number; range: Excel.Range }[] = [];
  let cells = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await context.sync();
    for (const { target, range } of batch) results[target].push(...range.values);
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
      range.load("values");
      batch.push({ target: block.target, range });
      cells += size;
    }
    await flush();
  } catch (error) {
    if (!isPayloadTooLarge(error) || budgetCells <= 1) throw error;
    return readValues(context, targets, Math.floor(budgetCells / 2));
  }
  return results;
}
