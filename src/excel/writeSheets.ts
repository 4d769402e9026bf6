/**
 * Renders the engine's sheet models (candidate sheets, data-check sheet) into the workbook. The
 * officer's sheets are never touched: only sheets carrying the add-in's marker are replaced.
 * Commands are queued in as few requests as the 5 MB payload limit allows.
 */
import type { RowStyle, SheetModel, SheetTable, SheetText, TextStyle } from "../domain/types";
import { MARKER_KEY, MARKER_SETTING, markerOf } from "./marker";
import { freeSheetName, freeTableName } from "../domain/sheetNames";
import { asCellInput } from "./names";
import { REQUEST_BUDGET_BYTES, jsonBytes, splitRowsByBytes } from "./payload";
import { hasWorksheetCustomProperties, storedMarkerMap, type SheetInfo } from "./readWorkbook";
import { SettingsNotSavedError } from "./failures";
import { saveSettings } from "./settings";

/** Excel's Good / Neutral / Bad cell styles, and grey for excluded units. */
export const ROW_FILLS: Readonly<Record<RowStyle, { fill: string; font: string } | null>> = {
  candidate: { fill: "#C6EFCE", font: "#006100" },
  tie: { fill: "#FFEB9C", font: "#9C5700" },
  invalid: { fill: "#FFC7CE", font: "#9C0006" },
  excluded: { fill: "#D9D9D9", font: "#404040" },
  "not-selected": null,
  plain: null,
};

export const NUMBER_FORMATS = {
  text: "General",
  integer: "0",
  number: "General",
  percent: "0.00%",
  vnd: "#,##0",
} as const;

export const TABLE_STYLE = "TableStyleMedium2";
/** Points per character of width: Calibri 11's digit is about 7 pixels wide. */
export const POINTS_PER_CHARACTER = 7;

/** Room for the method, ids and framing of one small command. */
const COMMAND_BYTES = 200;
/** Row blocks leave room for their number formats and fills in the same request. */
const BLOCK_BYTES = Math.floor(REQUEST_BUDGET_BYTES / 4);

export interface WrittenSheet {
  readonly name: string;
  readonly kind: SheetModel["kind"];
  readonly year: SheetModel["year"];
  readonly marker: string;
}

/** What a write did: the sheets, and whether the marker map could not be saved (older hosts). */
export interface WriteReport {
  readonly sheets: WrittenSheet[];
  /**
   * Set when the sheets were written but Office could not save, in document settings, which of
   * them are the add-in's: they stay marked until the pane is closed, and the officer is told.
   */
  readonly settingsNotSaved: SettingsNotSavedError | null;
}

/** Queues commands and syncs before a request would outgrow the payload budget. */
export class RequestBatch {
  private used = 0;
  constructor(private readonly context: Excel.RequestContext) {}

  async reserve(bytes: number): Promise<void> {
    if (this.used > 0 && this.used + bytes > REQUEST_BUDGET_BYTES) await this.flush();
    this.used += bytes;
  }

  async flush(): Promise<void> {
    await this.context.sync();
    this.used = 0;
  }
}

/**
 * The A1 reference a data-check link jumps to: `'DTI 2023'!D15`.
 *
 * @example
 * linkTarget({ sheet: "Bà Rịa's", cell: "D15" }) //=> "'Bà Rịa''s'!D15"
 */
export function linkTarget(ref: { sheet: string; cell: string }): string {
  return `'${ref.sheet.replace(/'/g, "''")}'!${ref.cell}`;
}

/**
 * Writes the models as new sheets, replacing the add-in's earlier output of the same kind and
 * year, then activates the first candidate sheet. Returns the names used.
 *
 * The new sheets are written first, under free names, and the earlier output is deleted only in
 * the last request, after which the new sheets and tables take the names it freed: a run that
 * fails halfway leaves the earlier output as it was.
 */
export async function writeSheetModels(
  context: Excel.RequestContext,
  models: readonly SheetModel[],
  infos: readonly SheetInfo[],
): Promise<WriteReport> {
  const batch = new RequestBatch(context);
  const useProperties = hasWorksheetCustomProperties();
  const markers = new Set(models.map(markerOf));
  const replaced = infos.filter((info) => info.marker !== null && markers.has(info.marker));
  const kept = infos.filter((info) => !replaced.includes(info));
  // While writing, the earlier output still exists: its names are taken too.
  const takenSheets = infos.map((info) => info.name);
  const takenTables = infos.flatMap((info) => info.tables);

  const written: { info: WrittenSheet; sheet: Excel.Worksheet }[] = [];
  const tables: { table: Excel.Table; name: string; preferred: string }[] = [];
  for (const model of models) {
    const name = freeSheetName(model.name, takenSheets);
    takenSheets.push(name);
    await batch.reserve(COMMAND_BYTES * 2);
    const sheet = context.workbook.worksheets.add(name);
    const marker = markerOf(model);
    if (useProperties) sheet.customProperties.add(MARKER_KEY, marker);
    for (const text of model.texts) await writeText(batch, sheet, text);
    for (const table of model.tables) {
      const tableName = freeTableName(table.name, takenTables);
      takenTables.push(tableName);
      const excelTable = await writeTable(batch, sheet, table, tableName);
      if (excelTable) tables.push({ table: excelTable, name: tableName, preferred: table.name });
    }
    await writeLayout(batch, sheet, model);
    written.push({ info: { name, kind: model.kind, year: model.year, marker }, sheet });
  }

  // The swap, in the last request: the earlier output goes, the new sheets and tables take the
  // names it held (an officer's sheet of the same name keeps its own).
  for (const old of replaced) {
    await batch.reserve(COMMAND_BYTES);
    context.workbook.worksheets.getItem(old.id).delete();
  }
  await takeFreedNames(batch, written, models, kept);
  const finalTables = kept.flatMap((info) => info.tables);
  for (const t of tables) {
    const name = freeTableName(t.preferred, finalTables);
    finalTables.push(name);
    if (name !== t.name) {
      await batch.reserve(COMMAND_BYTES);
      t.table.name = name;
    }
  }

  const first = written.find((w) => w.info.kind === "candidates") ?? written[0];
  if (first) first.sheet.activate();
  if (!useProperties) written.forEach((w) => w.sheet.load("id"));
  await batch.flush();
  const settingsNotSaved = useProperties ? null : await rememberMarkers(written, replaced);
  return { sheets: written.map((w) => w.info), settingsNotSaved };
}

async function writeText(
  batch: RequestBatch,
  sheet: Excel.Worksheet,
  text: SheetText,
): Promise<void> {
  await batch.reserve(jsonBytes(text.text) + COMMAND_BYTES * 3);
  const cell = sheet.getRangeByIndexes(text.row, 0, 1, 1);
  cell.values = [[asCellInput(text.text)]];
  applyTextStyle(cell, text.style);
}

const TEXT_STYLES: Readonly<
  Record<TextStyle, { bold?: boolean; italic?: boolean; size?: number; color?: string }>
> = {
  title: { bold: true, size: 14 },
  subtitle: { italic: true },
  section: { bold: true, size: 12 },
  note: { italic: true, color: "#595959" },
};

function applyTextStyle(cell: Excel.Range, style: TextStyle): void {
  const look = TEXT_STYLES[style];
  if (look.bold) cell.format.font.bold = true;
  if (look.italic) cell.format.font.italic = true;
  if (look.size) cell.format.font.size = look.size;
  if (look.color) cell.format.font.color = look.color;
}

async function writeTable(
  batch: RequestBatch,
  sheet: Excel.Worksheet,
  table: SheetTable,
  tableName: string,
): Promise<Excel.Table | null> {
  const width = table.columns.length;
  const header = table.columns.map((column) => asCellInput(column.header));
  await batch.reserve(jsonBytes(header) + COMMAND_BYTES * 2);
  const headerRange = sheet.getRangeByIndexes(table.startRow, 0, 1, width);
  headerRange.values = [header];
  headerRange.format.font.bold = true;
  // Long headers over narrow columns (totals, individuals) wrap instead of being cut.
  headerRange.format.wrapText = true;

  const rows = table.rows.map((row) =>
    table.columns.map((_column, c) => asCellInput(row.values[c] ?? null)),
  );
  const formats = table.columns.map((column) => NUMBER_FORMATS[column.format]);
  for (const block of splitRowsByBytes(rows, BLOCK_BYTES)) {
    const top = table.startRow + 1 + block.start;
    const formatGrid = block.rows.map(() => formats);
    await batch.reserve(block.bytes + jsonBytes(formatGrid) + COMMAND_BYTES * 2);
    const range = sheet.getRangeByIndexes(top, 0, block.rows.length, width);
    range.values = block.rows;
    range.numberFormat = formatGrid;
    for (const run of styleRuns(table.rows.slice(block.start, block.start + block.rows.length))) {
      const look = ROW_FILLS[run.style];
      if (!look) continue;
      await batch.reserve(COMMAND_BYTES * 2);
      const runRange = sheet.getRangeByIndexes(top + run.start, 0, run.count, width);
      runRange.format.fill.color = look.fill;
      runRange.format.font.color = look.font;
    }
  }

  if (table.linkColumn !== null) {
    const column = table.linkColumn;
    for (const [i, row] of table.rows.entries()) {
      if (!row.link) continue;
      const shown = row.values[column];
      await batch.reserve(COMMAND_BYTES + jsonBytes(row.link) + jsonBytes(shown));
      sheet.getRangeByIndexes(table.startRow + 1 + i, column, 1, 1).hyperlink = {
        documentReference: linkTarget(row.link),
        textToDisplay: shown === null || shown === undefined ? row.link.cell : String(shown),
        screenTip: `${row.link.sheet}!${row.link.cell}`,
      };
    }
  }

  if (table.totalRow && table.rows.length > 0) {
    await batch.reserve(COMMAND_BYTES);
    sheet.getRangeByIndexes(table.startRow + table.rows.length, 0, 1, width).format.font.bold =
      true;
  }

  // An Excel table needs a data row; a header-only section stays plain bold text.
  if (table.rows.length === 0) return null;
  await batch.reserve(COMMAND_BYTES * 3);
  const excelTable = sheet.tables.add(
    sheet.getRangeByIndexes(table.startRow, 0, table.rows.length + 1, width),
    true,
  );
  excelTable.name = tableName;
  excelTable.style = TABLE_STYLE;
  return excelTable;
}

/**
 * Consecutive rows of the same style, so that one fill covers each run.
 *
 * @example
 * styleRuns([{ style: "candidate" }, { style: "candidate" }, { style: "plain" }])
 * //=> [{ style: "candidate", start: 0, count: 2 }, { style: "plain", start: 2, count: 1 }]
 */
export function styleRuns(
  rows: readonly { readonly style: RowStyle }[],
): { style: RowStyle; start: number; count: number }[] {
  const runs: { style: RowStyle; start: number; count: number }[] = [];
  rows.forEach((row, i) => {
    const last = runs[runs.length - 1];
    if (last && last.style === row.style) last.count += 1;
    else runs.push({ style: row.style, start: i, count: 1 });
  });
  return runs;
}

async function writeLayout(
  batch: RequestBatch,
  sheet: Excel.Worksheet,
  model: SheetModel,
): Promise<void> {
  for (const [c, width] of model.columnWidths.entries()) {
    await batch.reserve(COMMAND_BYTES);
    sheet.getRangeByIndexes(0, c, 1, 1).getEntireColumn().format.columnWidth =
      width * POINTS_PER_CHARACTER;
  }
  if (model.freezeRows > 0) {
    await batch.reserve(COMMAND_BYTES);
    sheet.freezePanes.freezeRows(model.freezeRows);
  }
  // Officers print the proposal list: A4 landscape (page layout needs ExcelApi 1.9; older hosts
  // keep the workbook's default page setup).
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.9")) {
    await batch.reserve(COMMAND_BYTES * 2);
    sheet.pageLayout.orientation = Excel.PageOrientation.landscape;
    sheet.pageLayout.paperSize = Excel.PaperType.a4;
  }
}

/**
 * Older hosts: keep the sheet-id → marker map in document settings. A failed save is returned, not
 * thrown: the sheets are written and the map stays in memory for this session.
 */
/**
 * After the earlier output is deleted: each new sheet takes its model's name where it is free now
 * (an officer's sheet of that name keeps its own), in the same request.
 */
export async function takeFreedNames(
  batch: RequestBatch,
  written: { info: { name: string }; sheet: Excel.Worksheet }[],
  models: readonly { readonly name: string }[],
  kept: readonly SheetInfo[],
): Promise<void> {
  const finalSheets = kept.map((info) => info.name);
  for (const [i, w] of written.entries()) {
    const name = freeSheetName(models[i].name, finalSheets);
    finalSheets.push(name);
    if (name !== w.info.name) {
      await batch.reserve(COMMAND_BYTES);
      w.sheet.name = name;
      w.info = { ...w.info, name };
    }
  }
}

/**
 * Records in document settings which sheets are the add-in's (hosts without worksheet custom
 * properties), forgetting the replaced ones; a failed save is returned, never lost.
 */
export async function rememberMarkers(
  written: readonly { info: { readonly marker: string }; sheet: Excel.Worksheet }[],
  replaced: readonly SheetInfo[],
): Promise<SettingsNotSavedError | null> {
  const map = storedMarkerMap();
  for (const old of replaced) delete map[old.id];
  for (const w of written) map[w.sheet.id] = w.info.marker;
  Office.context.document.settings.set(MARKER_SETTING, map);
  try {
    await saveSettings();
    return null;
  } catch (error) {
    if (error instanceof SettingsNotSavedError) return error;
    throw error;
  }
}
