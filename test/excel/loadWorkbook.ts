/**
 * Test helper: an .xlsx file (through ExcelJS) into the in-memory Excel host, with the values
 * Office.js would report: formula results, error strings, dates as serial numbers with their
 * number format (so that the host can report the Date category), "" for the covered cells of a
 * merge, merged areas, hidden sheets kept hidden, and Excel tables (ListObjects) kept as tables.
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { FakeWorkbook, type FakeValue } from "./fakeExcel";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MARCH_1900_MS = Date.UTC(1900, 2, 1);

/** Excel's serial of a date (1900 system: before 1 March 1900 Excel counts one day less). */
export function excelSerial(date: Date): number {
  const days = (date.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
  return date.getTime() < MARCH_1900_MS ? days - 1 : days;
}
/** The format a date cell gets when the file names none (what an officer in Vietnam types). */
export const DEFAULT_DATE_FORMAT = "dd/mm/yyyy";

/** A cell value as Office.js `range.values` gives it. */
export function officeValue(value: ExcelJS.CellValue): FakeValue {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return excelSerial(value);
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return result === undefined ? 0 : officeValue(result as ExcelJS.CellValue);
    }
    if ("error" in value) return String((value as ExcelJS.CellErrorValue).error);
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("text" in value) return String((value as ExcelJS.CellHyperlinkValue).text);
    return String(value);
  }
  return value as FakeValue;
}

/** True for a Date, or a formula whose cached result is one. */
function isDateValue(value: ExcelJS.CellValue): boolean {
  if (value instanceof Date) return true;
  if (typeof value === "object" && value !== null && "result" in value) {
    return (value as ExcelJS.CellFormulaValue).result instanceof Date;
  }
  return false;
}

/** Loads every worksheet of an ExcelJS workbook into a new fake host. */
export function fakeFromExcelJs(workbook: ExcelJS.Workbook): FakeWorkbook {
  const host = new FakeWorkbook();
  workbook.eachSheet((worksheet) => {
    const sheet = host.addSheet(worksheet.name);
    if (worksheet.state !== "visible")
      sheet.visibility = worksheet.state === "hidden" ? "Hidden" : "VeryHidden";
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (row.hidden) sheet.hiddenRows.add(rowNumber - 1);
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (cell.isMerged && cell.master !== cell) return;
        const value = officeValue(cell.value);
        if (value === "") return;
        const target = sheet.cell(rowNumber - 1, colNumber - 1);
        target.value = value;
        if (cell.numFmt) target.numberFormat = cell.numFmt;
        else if (isDateValue(cell.value)) target.numberFormat = DEFAULT_DATE_FORMAT;
      });
    });
    // Only the columns the file defines: asking for each of 16,384 would create them all.
    (worksheet.columns ?? []).forEach((column, i) => {
      if (column.hidden) sheet.hiddenColumns.add(i);
    });
    const merges = (worksheet.model as { merges?: string[] }).merges ?? [];
    for (const ref of merges) {
      const [a, b = a] = ref.split(":");
      const at = (text: string): [number, number] => {
        const m = /^([A-Z]+)(\d+)$/.exec(text) as RegExpExecArray;
        const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
        return [Number(m[2]) - 1, col - 1];
      };
      const [top, left] = at(a);
      const [bottom, right] = at(b);
      sheet.merges.push({ top, left, bottom, right });
    }
    for (const table of worksheet.getTables?.() ?? []) {
      const t = (table as unknown as { table?: { name: string; tableRef?: string; ref?: string } })
        .table;
      const ref = t?.tableRef ?? t?.ref;
      if (!t || !ref) continue;
      const [a, b] = ref.split(":");
      const cell = (text: string): [number, number] => {
        const m = /^([A-Z]+)(\d+)$/.exec(text) as RegExpExecArray;
        const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
        return [Number(m[2]) - 1, col - 1];
      };
      const [top, left] = cell(a);
      const [bottom, right] = cell(b);
      host.addTable(sheet, t.name, top, left, bottom, right);
    }
  });
  return host;
}

/** Reads an .xlsx file into a new fake host. */
export async function fakeFromFile(path: string): Promise<FakeWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return fakeFromExcelJs(workbook);
}

/** The officers' layout for 2023, made by samples/makeExample.ts and kept in the repository. */
export const EXAMPLE_WORKBOOK = path.resolve(__dirname, "../../samples/dti-example-2023.xlsx");
