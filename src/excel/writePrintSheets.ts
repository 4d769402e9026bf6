/**
 * Renders print-ready sheet models (the official proposal list, the 2022–2025 summary) into the
 * workbook with Office.js: values in one block, formats by runs of cells of one style, merges,
 * column widths and row heights, then the page setup (A4, margins, one page wide, repeated header
 * rows, page numbers from page 2, page breaks) and the summary's line chart. Like the candidate
 * sheets, they carry the add-in's marker, and a new Rank replaces its own earlier ones only.
 */
import type { PrintSheetModel, PrintStyle } from "../domain/printSheet";
import { freeSheetName } from "../domain/sheetNames";
import type { SettingsNotSavedError } from "./failures";
import { MARKER_KEY } from "./marker";
import { asCellInput } from "./names";
import { jsonBytes } from "./payload";
import { hasWorksheetCustomProperties, type SheetInfo } from "./readWorkbook";
import { POINTS_PER_CHARACTER, RequestBatch, rememberMarkers, takeFreedNames } from "./writeSheets";

/** Room for the method, ids and framing of one small command. */
const COMMAND_BYTES = 200;
const POINTS_PER_MM = 72 / 25.4;
const BORDER_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;
const INSIDE_EDGES = ["InsideVertical", "InsideHorizontal"] as const;

export interface PrintedSheet {
  readonly name: string;
  readonly kind: PrintSheetModel["kind"];
  readonly year: PrintSheetModel["year"];
  readonly marker: string;
}

/**
 * The marker of a print-ready sheet: "proposal:2024" or "history".
 *
 * @example
 * printMarkerOf({ kind: "proposal", year: 2024 }) //=> "proposal:2024"
 */
export function printMarkerOf(model: Pick<PrintSheetModel, "kind" | "year">): string {
  return model.kind === "proposal" ? `proposal:${model.year ?? "all"}` : "history";
}

/** Consecutive cells of one row with one style: one format command each. */
export function printStyleRuns(
  model: PrintSheetModel,
): { row: number; col: number; count: number; style: string }[] {
  const byCell = new Map(model.cells.map((c) => [`${c.row},${c.col}`, c.style]));
  // Cells covered by a merge take the style of its first cell (borders frame the whole merge).
  for (const m of model.merges) {
    const style = byCell.get(`${m.top},${m.left}`);
    if (!style) continue;
    for (let r = m.top; r <= m.bottom; r += 1)
      for (let c = m.left; c <= m.right; c += 1) byCell.set(`${r},${c}`, style);
  }
  const runs: { row: number; col: number; count: number; style: string }[] = [];
  const keys = [...byCell.entries()]
    .map(([key, style]) => {
      const [row, col] = key.split(",").map(Number);
      return { row, col, style };
    })
    .sort((a, b) => a.row - b.row || a.col - b.col);
  for (const cell of keys) {
    const last = runs[runs.length - 1];
    if (
      last &&
      last.row === cell.row &&
      last.style === cell.style &&
      last.col + last.count === cell.col
    ) {
      last.count += 1;
    } else runs.push({ row: cell.row, col: cell.col, count: 1, style: cell.style });
  }
  return runs;
}

// Office.js takes its enums' string values; the strings keep this module loadable before Office.
const ALIGN = { left: "Left", center: "Center", right: "Right", justify: "Justify" } as const;

function applyStyle(range: Excel.Range, look: PrintStyle, font: string, cells: number): void {
  const format = range.format;
  format.font.name = font;
  format.font.size = look.size;
  format.font.bold = look.bold ?? false;
  format.font.italic = look.italic ?? false;
  format.font.color = "#000000";
  if (look.underline) format.font.underline = "Single";
  format.horizontalAlignment = ALIGN[look.align];
  format.verticalAlignment = look.valign === "top" ? "Top" : "Center";
  format.wrapText = look.wrap;
  if (look.shaded) format.fill.color = "#F2F2F2";
  if (look.border) {
    const edges = cells > 1 ? [...BORDER_EDGES, ...INSIDE_EDGES] : BORDER_EDGES;
    for (const edge of edges) {
      const border = format.borders.getItem(edge);
      border.style = "Continuous";
      border.color = "#000000";
    }
  }
}

/** The values of a model as one grid from A1 to its last cell. */
function valueGrid(model: PrintSheetModel): (string | number)[][] {
  const rows = Math.max(...model.cells.map((c) => c.row)) + 1;
  const cols = Math.max(model.columns.length, ...model.cells.map((c) => c.col + 1));
  const grid: (string | number)[][] = Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => ""),
  );
  for (const cell of model.cells) grid[cell.row][cell.col] = asCellInput(cell.value);
  return grid;
}

async function writeModel(
  batch: RequestBatch,
  sheet: Excel.Worksheet,
  model: PrintSheetModel,
): Promise<void> {
  const grid = valueGrid(model);
  await batch.reserve(jsonBytes(grid) + COMMAND_BYTES);
  sheet.getRangeByIndexes(0, 0, grid.length, grid[0].length).values = grid;
  for (const merge of model.merges) {
    await batch.reserve(COMMAND_BYTES);
    sheet
      .getRangeByIndexes(
        merge.top,
        merge.left,
        merge.bottom - merge.top + 1,
        merge.right - merge.left + 1,
      )
      .merge(false);
  }
  for (const run of printStyleRuns(model)) {
    const look = model.styles[run.style];
    await batch.reserve(COMMAND_BYTES * 12);
    const range = sheet.getRangeByIndexes(run.row, run.col, 1, run.count);
    applyStyle(range, look, model.font, run.count);
    if (look.numberFormat) {
      range.numberFormat = [Array.from({ length: run.count }, () => look.numberFormat as string)];
    }
  }
  for (const [c, width] of model.columns.entries()) {
    await batch.reserve(COMMAND_BYTES);
    sheet.getRangeByIndexes(0, c, 1, 1).getEntireColumn().format.columnWidth =
      width * POINTS_PER_CHARACTER;
  }
  for (const { row, points } of model.rowHeights) {
    await batch.reserve(COMMAND_BYTES);
    sheet.getRangeByIndexes(row, 0, 1, 1).format.rowHeight = points;
  }
  if (model.freezeRows > 0) {
    await batch.reserve(COMMAND_BYTES);
    sheet.freezePanes.freezeRows(model.freezeRows);
  }
  await writePageSetup(batch, sheet, model);
  if (model.chart) {
    const chart = model.chart;
    await batch.reserve(COMMAND_BYTES * 6);
    // The chart's source: the year row over the series rows, names in the first column.
    const top = chart.categories.top;
    const last = chart.series[chart.series.length - 1].values.bottom;
    const source = sheet.getRangeByIndexes(
      top,
      chart.series[0].name.col,
      last - top + 1,
      chart.categories.right - chart.series[0].name.col + 1,
    );
    const added = sheet.charts.add("Line", source, "Rows");
    added.title.text = chart.title;
    added.legend.position = "Bottom";
    added.setPosition(
      sheet.getRangeByIndexes(chart.anchor.top, chart.anchor.left, 1, 1),
      sheet.getRangeByIndexes(chart.anchor.bottom, chart.anchor.right, 1, 1),
    );
  }
}

/**
 * A4, the model's orientation and margins, one page wide, the header rows repeated and page
 * numbers from page 2 (ExcelApi 1.9; older hosts keep the workbook's page setup).
 */
async function writePageSetup(
  batch: RequestBatch,
  sheet: Excel.Worksheet,
  model: PrintSheetModel,
): Promise<void> {
  if (!Office.context.requirements.isSetSupported("ExcelApi", "1.9")) return;
  const page = model.page;
  await batch.reserve(COMMAND_BYTES * 16);
  const layout = sheet.pageLayout;
  layout.paperSize = "A4";
  layout.orientation = page.orientation === "portrait" ? "Portrait" : "Landscape";
  layout.topMargin = page.margins.top * POINTS_PER_MM;
  layout.bottomMargin = page.margins.bottom * POINTS_PER_MM;
  layout.leftMargin = page.margins.left * POINTS_PER_MM;
  layout.rightMargin = page.margins.right * POINTS_PER_MM;
  layout.centerHorizontally = true;
  // Fit to one page wide; 0 pages tall is the file format's "as many as needed".
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (page.titleRows)
    layout.setPrintTitleRows(`$${page.titleRows.from + 1}:$${page.titleRows.to + 1}`);
  if (page.pageNumbers) {
    layout.headersFooters.state = "FirstAndDefault";
    layout.headersFooters.defaultForAllPages.centerHeader = `&"${model.font},Regular"&13&P`;
    layout.headersFooters.firstPage.centerHeader = "";
  }
  for (const row of page.breaksBefore) {
    await batch.reserve(COMMAND_BYTES);
    sheet.horizontalPageBreaks.add(sheet.getRangeByIndexes(row, 0, 1, 1));
  }
}

export interface QueuedPrintSheets {
  /**
   * After the caller's last request has been synced: records the markers where the host keeps
   * them in document settings (hosts without worksheet custom properties), and returns the names
   * and a failed save of the settings, if any.
   */
  finish(): Promise<{
    readonly printed: PrintedSheet[];
    readonly settingsNotSaved: SettingsNotSavedError | null;
  }>;
}

/**
 * Queues print-ready models as new sheets, and the removal of the add-in's earlier sheets of the
 * same markers (their names then go to the new sheets), without a request of its own unless the
 * payload limit asks for one: the caller's last request carries them, so the Rank keeps its
 * number of requests.
 */
export async function queuePrintSheets(
  context: Excel.RequestContext,
  models: readonly PrintSheetModel[],
  infos: readonly SheetInfo[],
): Promise<QueuedPrintSheets> {
  const batch = new RequestBatch(context);
  const useProperties = hasWorksheetCustomProperties();
  const markers = new Set(models.map(printMarkerOf));
  const replaced = infos.filter((info) => info.marker !== null && markers.has(info.marker));
  const kept = infos.filter((info) => !replaced.includes(info));
  const taken = infos.map((info) => info.name);
  const written: { info: PrintedSheet; sheet: Excel.Worksheet }[] = [];
  for (const model of models) {
    const name = freeSheetName(model.name, taken);
    taken.push(name);
    await batch.reserve(COMMAND_BYTES * 2);
    const sheet = context.workbook.worksheets.add(name);
    const marker = printMarkerOf(model);
    if (useProperties) sheet.customProperties.add(MARKER_KEY, marker);
    sheet.showGridlines = false;
    await writeModel(batch, sheet, model);
    written.push({ info: { name, kind: model.kind, year: model.year, marker }, sheet });
  }
  for (const old of replaced) {
    await batch.reserve(COMMAND_BYTES);
    context.workbook.worksheets.getItem(old.id).delete();
  }
  await takeFreedNames(batch, written, models, kept);
  if (!useProperties) written.forEach((w) => w.sheet.load("id"));
  return {
    finish: async () => {
      const settingsNotSaved =
        !useProperties && written.length > 0 ? await rememberMarkers(written, replaced) : null;
      return { printed: written.map((w) => w.info), settingsNotSaved };
    },
  };
}

/**
 * Writes print-ready models as new sheets in requests of their own, replacing the add-in's
 * earlier sheets of the same markers. Returns the names used.
 */
export async function writePrintSheets(
  context: Excel.RequestContext,
  models: readonly PrintSheetModel[],
  infos: readonly SheetInfo[],
): Promise<PrintedSheet[]> {
  const queued = await queuePrintSheets(context, models, infos);
  await context.sync();
  const { printed, settingsNotSaved } = await queued.finish();
  if (settingsNotSaved) throw settingsNotSaved;
  return printed;
}
