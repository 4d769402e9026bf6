/**
 * A print-ready sheet model (the proposal list, the 2022–2025 summary; `domain/printSheet.ts`)
 * written as a SpreadsheetML worksheet: its cells in Times New Roman with their borders, fills,
 * alignment and number formats, merged heading cells, column widths and row heights, no grid
 * lines, frozen header rows, and the page setup the Board prints it with (A4, one page wide,
 * centred, margins of Decree 30/2020/NĐ-CP, page numbers from page 2, repeated header rows, page
 * breaks). Its chart goes with it as parts for the package (`xlsxChart.ts`).
 */
import type { PrintSheetModel, PrintStyle, PrintValue } from "../domain/printSheet";
import { columnLetter } from "../domain/text";
import type { CellRange } from "../domain/types";
import type { RenderedSheet } from "./renderSheets";
import {
  FormatRegistry,
  MAIN_NS,
  REL_NS,
  RowWriter,
  xmlCellText,
  type CellFormat,
} from "./sheetXml";
import { CHART_REL_ID, chartXml, drawingXml } from "./xlsxChart";

const MM_PER_INCH = 25.4;
/** The light grey of a table's header row. */
export const HEADER_FILL = "FFF2F2F2";
const BLACK = "FF000000";
/** The relationship id a print sheet names its drawing by (it has no table to number before). */
export const DRAWING_REL_ID = "rIdChart1";

/**
 * The page header that numbers pages in the centre of the top margin from page 2 on (the first
 * page's header is empty), in the document's font at 13 points.
 *
 * @example
 * pageNumberHeader("Times New Roman") //=> "&C&\"Times New Roman,Regular\"&13&P"
 */
export function pageNumberHeader(font: string): string {
  return `&C&"${font},Regular"&13&P`;
}

/**
 * Millimetres as the inches a worksheet's page margins are written in, to the hundredth.
 *
 * @example
 * marginInches(30) //=> 1.18
 */
export function marginInches(mm: number): number {
  return Math.round((mm / MM_PER_INCH) * 100) / 100;
}

/**
 * The cell format of a print style in the sheet's font, in black.
 *
 * @example
 * printFormat({ size: 12, bold: true, align: "center", valign: "middle", wrap: true, border: true }, "Times New Roman").alignment
 * //=> { horizontal: "center", vertical: "center", wrap: true }
 */
export function printFormat(look: PrintStyle, font: string): CellFormat {
  return {
    font: {
      name: font,
      size: look.size,
      ...(look.bold ? { bold: true } : {}),
      ...(look.italic ? { italic: true } : {}),
      ...(look.underline ? { underline: true } : {}),
      color: BLACK,
    },
    alignment: {
      horizontal: look.align,
      vertical: look.valign === "top" ? "top" : "center",
      ...(look.wrap ? { wrap: true } : {}),
    },
    ...(look.border ? { border: true } : {}),
    ...(look.shaded ? { fill: HEADER_FILL } : {}),
    ...(look.numberFormat ? { numberFormat: look.numberFormat } : {}),
  };
}

type Cell = readonly [PrintValue, number | null];

/**
 * The model's cells by row, each with its format; the cells a merge covers take the merge's
 * format (blank), so that a bordered or shaded merge is framed and filled all over.
 */
function cellsByRow(model: PrintSheetModel, formats: FormatRegistry): Map<number, Cell[]> {
  const rows = new Map<number, Cell[]>();
  const put = (row: number, col: number, cell: Cell): void => {
    let cells = rows.get(row);
    if (!cells) {
      cells = [];
      rows.set(row, cells);
    }
    cells[col] = cell;
  };
  const mergeAt = new Map<string, CellRange>(model.merges.map((m) => [`${m.top}:${m.left}`, m]));
  for (const item of model.cells) {
    const look = model.styles[item.style];
    if (!look) throw new Error(`Unknown print style ${item.style}`);
    const style = formats.of(printFormat(look, model.font));
    const merge = mergeAt.get(`${item.row}:${item.col}`);
    if (merge) {
      for (let r = merge.top; r <= merge.bottom; r += 1) {
        for (let c = merge.left; c <= merge.right; c += 1) put(r, c, [null, style]);
      }
    }
    put(item.row, item.col, [item.value, style]);
  }
  return rows;
}

function sheetViewXml(freezeRows: number): string {
  if (freezeRows <= 0) {
    return `<sheetViews><sheetView showGridLines="0" workbookViewId="0"/></sheetViews>`;
  }
  const top = `A${freezeRows + 1}`;
  return (
    `<sheetViews><sheetView showGridLines="0" workbookViewId="0">` +
    `<pane ySplit="${freezeRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`
  );
}

/** The print settings after the cells: margins, paper, header, page breaks, drawing. */
function pageXml(model: PrintSheetModel, hasChart: boolean): string {
  const page = model.page;
  const m = page.margins;
  const breaks = page.breaksBefore.filter((row) => row > 0);
  return (
    `<printOptions horizontalCentered="1"/>` +
    `<pageMargins left="${marginInches(m.left)}" right="${marginInches(m.right)}" top="${marginInches(m.top)}" bottom="${marginInches(m.bottom)}" header="${marginInches(Math.max(5, m.top - 10))}" footer="${marginInches(Math.max(5, m.bottom - 10))}"/>` +
    // Fit to one page wide; 0 pages tall is the file format's "as many as needed".
    `<pageSetup paperSize="9" orientation="${page.orientation}" fitToWidth="1" fitToHeight="0"/>` +
    (page.pageNumbers
      ? `<headerFooter differentFirst="1"><oddHeader>${xmlCellText(pageNumberHeader(model.font))}</oddHeader></headerFooter>`
      : "") +
    // A break is written on the row above the one that starts the new page (1-based: that row).
    (breaks.length > 0
      ? `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((row) => `<brk id="${row}" max="16383" man="1"/>`).join("")}</rowBreaks>`
      : "") +
    (hasChart ? `<drawing r:id="${DRAWING_REL_ID}"/>` : "")
  );
}

/**
 * Renders a print-ready model as a worksheet named `name`, its formats asked of `formats`.
 *
 * @example
 * renderPrintSheet(proposalModel, "Danh sách đề nghị khen thưởng", formats).printTitles
 * //=> { from: 9, to: 9 }
 */
export function renderPrintSheet(
  model: PrintSheetModel,
  name: string,
  formats: FormatRegistry,
): RenderedSheet {
  const cells = cellsByRow(model, formats);
  const heights = new Map(model.rowHeights.map((h) => [h.row, h.points]));
  const rows = new RowWriter();
  const order = [...new Set([...cells.keys(), ...heights.keys()])].sort((a, b) => a - b);
  for (const row of order) rows.row(row + 1, cells.get(row) ?? [], heights.get(row));
  const dimension =
    rows.lastRow > 0 ? `A1:${columnLetter(Math.max(0, rows.lastCol - 1))}${rows.lastRow}` : "A1";
  const cols =
    model.columns.length > 0
      ? `<cols>${model.columns.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`
      : "";
  const merges =
    model.merges.length > 0
      ? `<mergeCells count="${model.merges.length}">${model.merges.map((m) => `<mergeCell ref="${columnLetter(m.left)}${m.top + 1}:${columnLetter(m.right)}${m.bottom + 1}"/>`).join("")}</mergeCells>`
      : "";
  const head =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="${dimension}"/>` +
    `${sheetViewXml(model.freezeRows)}<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`;
  const tail = `</sheetData>${merges}${pageXml(model, model.chart !== null)}</worksheet>`;
  const titles = model.page.titleRows;
  return {
    name,
    data: Buffer.concat([Buffer.from(head, "utf8"), rows.out.finish(), Buffer.from(tail, "utf8")]),
    tables: [],
    chart: model.chart
      ? {
          chart: chartXml(name, model.chart),
          drawing: drawingXml(model.chart.anchor, CHART_REL_ID),
        }
      : null,
    printTitles: titles ? { from: titles.from + 1, to: titles.to + 1 } : null,
  };
}
