/**
 * Renders the engine's candidate-sheet models with ExcelJS and adds them to a copy of the input
 * workbook. The models say what to show; this file only decides how it looks in Excel. The
 * officer's parts are copied as they are stored (see `addSheetsToPackage.ts`): ExcelJS renders
 * only the new sheets, in a workbook of their own.
 */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { addRenderedSheets, packageNames, type PackageNames } from "./addSheetsToPackage";
import { freeSheetName, freeTableName } from "../domain/sheetNames";
import type {
  Bilingual,
  CellRef,
  CellValue,
  ColumnFormat,
  RowStyle,
  SheetModel,
  SheetTable,
  TextStyle,
} from "../domain/types";

/** Fill and font colours per row style: Excel's Good, Neutral and Bad cell styles, and grey. */
export const ROW_COLOURS: Readonly<Record<RowStyle, { fill: string; font: string } | null>> = {
  candidate: { fill: "FFC6EFCE", font: "FF006100" },
  tie: { fill: "FFFFEB9C", font: "FF9C5700" },
  invalid: { fill: "FFFFC7CE", font: "FF9C0006" },
  excluded: { fill: "FFD9D9D9", font: "FF000000" },
  "not-selected": null,
  plain: null,
};

/** Excel number formats per column format. */
export const NUMBER_FORMATS: Readonly<Record<ColumnFormat, string | null>> = {
  text: "@",
  integer: "0",
  number: null,
  percent: "0.00%",
  vnd: "#,##0",
};

const TEXT_FONTS: Readonly<Record<TextStyle, Partial<ExcelJS.Font>>> = {
  title: { bold: true, size: 14 },
  subtitle: { italic: true },
  note: { italic: true, size: 10, color: { argb: "FF595959" } },
  section: { bold: true, size: 12 },
};

export const TABLE_STYLE = "TableStyleMedium2";

/**
 * The hyperlink target that selects a cell of this workbook. The absolute form ("$D$15") keeps
 * ExcelJS 4.4 from also writing a `location` attribute, which Excel would append to the target
 * (exceljs issue #3027) and so break the link.
 *
 * @example
 * internalLinkTarget({ sheet: "DTI 2023", cell: "D15" }) //=> "#'DTI 2023'!$D$15"
 * internalLinkTarget({ sheet: "O'Brien", cell: "A1" }) //=> "#'O''Brien'!$A$1"
 */
export function internalLinkTarget(ref: CellRef): string {
  const sheet = `'${ref.sheet.replace(/'/g, "''")}'`;
  const cell = ref.cell.replace(/^\$?([A-Za-z]{1,3})\$?(\d+)$/, (_m, col: string, row: string) => {
    return `$${col.toUpperCase()}$${row}`;
  });
  return `#${sheet}!${cell}`;
}

/** Every table name used anywhere in the workbook. */
function tableNames(workbook: ExcelJS.Workbook): string[] {
  return workbook.worksheets.flatMap((ws) =>
    // ExcelJS types getTables() as tuples; at run time it returns Table objects.
    (ws.getTables() as unknown as { name: string }[]).map((table) => table.name),
  );
}

/** Unique, non-empty header texts: Excel repairs (and renames) a table with duplicate headers. */
function uniqueHeaders(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((header, index) => {
    let name = header.trim() === "" ? `Cột ${index + 1}` : header;
    for (let n = 2; seen.has(name.toLowerCase()); n += 1) name = `${header} ${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** A value as the cell should hold it: text stays text (never a formula), numbers stay numbers. */
function cellValue(value: CellValue): string | number | null {
  if (value === null) return null;
  return value;
}

function styleRow(
  worksheet: ExcelJS.Worksheet,
  rowNumber: number,
  columns: number,
  style: RowStyle,
  bold: boolean,
): void {
  const colours = ROW_COLOURS[style];
  for (let c = 1; c <= columns; c += 1) {
    const cell = worksheet.getCell(rowNumber, c);
    if (colours) {
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: colours.fill } };
    }
    if (colours || bold) {
      cell.font = {
        ...(colours ? { color: { argb: colours.font } } : {}),
        ...(bold ? { bold } : {}),
      };
    }
  }
}

function renderTable(
  workbook: ExcelJS.Workbook,
  worksheet: ExcelJS.Worksheet,
  table: SheetTable,
  taken: PackageNames,
): void {
  const headerRow = table.startRow + 1;
  const headers = uniqueHeaders(table.columns.map((c) => c.header));
  const rows = table.rows.map((row) =>
    table.columns.map((_c, i) => cellValue(row.values[i] ?? null)),
  );
  if (rows.length > 0) {
    worksheet.addTable({
      name: freeTableName(table.name, [...taken.tables, ...tableNames(workbook)]),
      ref: `A${headerRow}`,
      headerRow: true,
      totalsRow: false,
      style: { theme: TABLE_STYLE, showRowStripes: false, showFirstColumn: false },
      columns: headers.map((name) => ({ name, filterButton: true })),
      rows,
    });
  } else {
    // Excel has no table without data rows: write the header as plain bold cells.
    headers.forEach((header, i) => {
      const cell = worksheet.getCell(headerRow, i + 1);
      cell.value = header;
      cell.font = { bold: true };
    });
  }
  // Headers wrap within the column widths (the totals and individuals tables have long headers
  // over narrow columns).
  headers.forEach((_header, i) => {
    worksheet.getCell(headerRow, i + 1).alignment = { wrapText: true, vertical: "middle" };
  });
  table.columns.forEach((column, i) => {
    const format = NUMBER_FORMATS[column.format];
    if (!format) return;
    for (let r = 0; r < rows.length; r += 1) {
      const cell = worksheet.getCell(headerRow + 1 + r, i + 1);
      if (column.format === "text" && typeof cell.value !== "string") continue;
      cell.numFmt = format;
    }
  });
  table.rows.forEach((row, r) => {
    const rowNumber = headerRow + 1 + r;
    const isTotal = table.totalRow && r === table.rows.length - 1;
    styleRow(worksheet, rowNumber, table.columns.length, row.style, isTotal);
    if (table.linkColumn !== null && row.link) {
      const cell = worksheet.getCell(rowNumber, table.linkColumn + 1);
      const text = row.values[table.linkColumn];
      cell.value = {
        text:
          text === null || text === undefined ? `${row.link.sheet}!${row.link.cell}` : String(text),
        hyperlink: internalLinkTarget(row.link),
        tooltip: `${row.link.sheet}!${row.link.cell}`,
      };
      cell.font = { ...cell.font, underline: true, color: { argb: "FF0563C1" } };
    }
  });
}

const NOTHING_TAKEN: PackageNames = { sheets: [], tables: [] };

/**
 * Adds one rendered model as a new worksheet and returns it, under a sheet name and table names
 * that neither the workbook nor `taken` (the officer's workbook it will join) uses.
 *
 * @example
 * addModelSheet(workbook, model).name //=> "Đề xuất khen thưởng 2023"
 * addModelSheet(workbook, model, { sheets: ["Đề xuất khen thưởng 2023"], tables: [] }).name
 * //=> "Đề xuất khen thưởng 2023 (2)"
 */
export function addModelSheet(
  workbook: ExcelJS.Workbook,
  model: SheetModel,
  taken: PackageNames = NOTHING_TAKEN,
): ExcelJS.Worksheet {
  const name = freeSheetName(model.name, [
    ...taken.sheets,
    ...workbook.worksheets.map((ws) => ws.name),
  ]);
  const worksheet = workbook.addWorksheet(name, {
    views: model.freezeRows > 0 ? [{ state: "frozen", ySplit: model.freezeRows }] : [],
    // Officers print the proposal list: A4 landscape, one page wide.
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  model.columnWidths.forEach((width, i) => {
    worksheet.getColumn(i + 1).width = width;
  });
  for (const text of model.texts) {
    const cell = worksheet.getCell(text.row + 1, 1);
    // A string value is written as a shared string: text that begins with "=" stays text.
    cell.value = text.text;
    cell.font = TEXT_FONTS[text.style];
  }
  for (const table of model.tables) renderTable(workbook, worksheet, table, taken);
  return worksheet;
}

export type WriteOutcome =
  | { readonly ok: true; readonly path: string; readonly sheetNames: readonly string[] }
  | { readonly ok: false; readonly message: Bilingual };

/**
 * The default output path: `<input>.awards.xlsx` beside the input.
 *
 * @example
 * defaultOutputPath("/data/dti-2023.xlsx") //=> "/data/dti-2023.awards.xlsx"
 */
export function defaultOutputPath(input: string): string {
  const parsed = path.parse(input);
  return path.join(parsed.dir, `${parsed.name}.awards.xlsx`);
}

/**
 * True when two paths name the same file (also through another path or a link to it).
 *
 * @example
 * await sameFile("in.xlsx", "./in.xlsx") //=> true
 */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * The bytes of the input workbook with every model added as a sheet after the officer's sheets,
 * and the names the new sheets got.
 *
 * @example
 * (await workbookWithModels(bytes, models)).sheetNames //=> ["Đề xuất khen thưởng 2023", "Kiểm tra dữ liệu"]
 */
export async function workbookWithModels(
  source: Buffer,
  models: readonly SheetModel[],
): Promise<{ bytes: Buffer; sheetNames: string[] }> {
  const taken = packageNames(source);
  const rendered = new ExcelJS.Workbook();
  const sheetNames = models.map((model) => addModelSheet(rendered, model, taken).name);
  const renderedBytes = Buffer.from(await rendered.xlsx.writeBuffer());
  return { bytes: addRenderedSheets(source, renderedBytes), sheetNames };
}

/**
 * Writes a copy of the input workbook (its bytes as read) with every model added as a sheet.
 * Refuses to overwrite the input; writes to a temporary file first so that a failed write never
 * leaves half a workbook.
 *
 * @example
 * (await writeAwardWorkbook(bytes, "in.xlsx", "in.awards.xlsx", models)).ok //=> true
 */
export async function writeAwardWorkbook(
  source: Buffer,
  inputPath: string,
  outPath: string,
  models: readonly SheetModel[],
): Promise<WriteOutcome> {
  if (await sameFile(inputPath, outPath)) {
    return {
      ok: false,
      message: {
        vi: `Không ghi đè tệp gốc “${inputPath}”: hãy chọn tệp kết quả khác bằng --out.`,
        en: `The input “${inputPath}” is never overwritten: choose another output file with --out.`,
      },
    };
  }
  const { bytes, sheetNames } = await workbookWithModels(source, models);
  const temp = path.join(
    path.dirname(outPath),
    `.${path.basename(outPath)}.${process.pid}.${Date.now()}.tmp`,
  );
  try {
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, outPath);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code ?? "";
    return {
      ok: false,
      message: {
        vi: `Không ghi được tệp kết quả “${outPath}”${code ? ` (${code})` : ""}: hãy kiểm tra thư mục, quyền ghi, và đóng tệp nếu đang mở trong Excel.`,
        en: `Cannot write the output “${outPath}”${code ? ` (${code})` : ""}: check the folder and permissions, and close the file if it is open in Excel.`,
      },
    };
  }
  return { ok: true, path: outPath, sheetNames };
}
