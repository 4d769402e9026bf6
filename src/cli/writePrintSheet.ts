/**
 * Renders a print-ready sheet model (the proposal list, the 2022–2025 summary) with ExcelJS: the
 * model says what goes where and how it looks; this file only maps it onto ExcelJS's cells, merges
 * and page setup. The chart, which ExcelJS cannot write, is added to the saved package by
 * `xlsxChart.ts`.
 */
import ExcelJS from "exceljs";
import type { PrintSheetModel, PrintStyle } from "../domain/printSheet";
import { freeSheetName } from "../domain/sheetNames";
import { cellAddress } from "../domain/text";

const MM_PER_INCH = 25.4;
const THIN: ExcelJS.Border = { style: "thin", color: { argb: "FF000000" } };
const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFF2F2F2" },
};

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

function cellStyle(cell: ExcelJS.Cell, look: PrintStyle, font: string): void {
  cell.font = {
    name: font,
    size: look.size,
    bold: look.bold ?? false,
    italic: look.italic ?? false,
    underline: look.underline ?? false,
    color: { argb: "FF000000" },
  };
  cell.alignment = {
    horizontal: look.align,
    vertical: look.valign === "top" ? "top" : "middle",
    wrapText: look.wrap,
  };
  if (look.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (look.shaded) cell.fill = HEADER_FILL;
  if (look.numberFormat) cell.numFmt = look.numberFormat;
}

/**
 * Adds a print-ready sheet model as a new worksheet (under a free name) and returns it.
 *
 * @example
 * addPrintSheet(workbook, proposalModel).pageSetup.orientation //=> "portrait"
 */
export function addPrintSheet(
  workbook: ExcelJS.Workbook,
  model: PrintSheetModel,
): ExcelJS.Worksheet {
  const name = freeSheetName(
    model.name,
    workbook.worksheets.map((ws) => ws.name),
  );
  const margins = model.page.margins;
  const inches = (mm: number) => Math.round((mm / MM_PER_INCH) * 100) / 100;
  const worksheet = workbook.addWorksheet(name, {
    views: [
      {
        showGridLines: false,
        ...(model.freezeRows > 0 ? { state: "frozen" as const, ySplit: model.freezeRows } : {}),
      },
    ],
    pageSetup: {
      paperSize: 9,
      orientation: model.page.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: {
        top: inches(margins.top),
        bottom: inches(margins.bottom),
        left: inches(margins.left),
        right: inches(margins.right),
        header: inches(Math.max(5, margins.top - 10)),
        footer: inches(Math.max(5, margins.bottom - 10)),
      },
      ...(model.page.titleRows
        ? { printTitlesRow: `${model.page.titleRows.from + 1}:${model.page.titleRows.to + 1}` }
        : {}),
    },
    headerFooter: model.page.pageNumbers
      ? { differentFirst: true, firstHeader: "", oddHeader: pageNumberHeader(model.font) }
      : {},
  });
  model.columns.forEach((width, i) => {
    worksheet.getColumn(i + 1).width = width;
  });
  for (const { row, points } of model.rowHeights) worksheet.getRow(row + 1).height = points;
  // A break is set on the row above the one that starts the new page.
  for (const row of model.page.breaksBefore) {
    if (row > 0) worksheet.getRow(row).addPageBreak();
  }
  for (const merge of model.merges) {
    worksheet.mergeCells(merge.top + 1, merge.left + 1, merge.bottom + 1, merge.right + 1);
  }
  for (const item of model.cells) {
    const cell = worksheet.getCell(item.row + 1, item.col + 1);
    // A string is written as a shared string: text that begins with "=" stays text.
    cell.value = item.value;
    const look = model.styles[item.style];
    cellStyle(cell, look, model.font);
    // A bordered merge needs its covered cells bordered too, or the frame shows gaps.
    const merge = model.merges.find((m) => m.top === item.row && m.left === item.col);
    if (merge && look.border) {
      for (let r = merge.top; r <= merge.bottom; r += 1) {
        for (let c = merge.left; c <= merge.right; c += 1) {
          worksheet.getCell(cellAddress(r, c)).border = {
            top: THIN,
            left: THIN,
            bottom: THIN,
            right: THIN,
          };
        }
      }
    }
  }
  return worksheet;
}
