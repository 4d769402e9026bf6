/**
 * Reads an .xlsx file into the cell matrices the engine takes, with each cell's value as Office.js
 * `range.values` would give it (formulas as their computed values, rich text as text), so that the
 * command line and the add-in see the same workbook.
 */
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import type { Bilingual, CellSheet } from "../domain/types";
import { cellAddress } from "../domain/text";
import { checkXlsxPackage, DEFAULT_PACKAGE_LIMITS, type PackageLimits } from "./zipPackage";

/** Something about the file (not the scores) worth telling the user. */
export interface ReadNote {
  readonly sheet: string;
  readonly cell: string;
  readonly message: Bilingual;
}

export interface LoadedWorkbook {
  /** The bytes read, so that the copy written later is made from exactly what was ranked. */
  readonly bytes: Buffer;
  readonly workbook: ExcelJS.Workbook;
  readonly sheets: readonly CellSheet[];
  readonly notes: readonly ReadNote[];
}

export type WorkbookFailureKind =
  | "missing"
  | "unreadable"
  | "file-too-large"
  | "uncompressed-too-large"
  | "too-many-cells"
  | "too-many-strings"
  | "legacy-or-encrypted"
  | "not-xlsx"
  | "corrupt";

export interface WorkbookFailure {
  readonly kind: WorkbookFailureKind;
  readonly message: Bilingual;
}

export type WorkbookLoad =
  | { readonly ok: true; readonly loaded: LoadedWorkbook }
  | { readonly ok: false; readonly failure: WorkbookFailure };

/** A cell value the engine accepts. */
export type OfficeValue = string | number | boolean | Date;

type FormulaLike = { formula?: string; sharedFormula?: string; result?: unknown };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !(value instanceof Date);
}

function richTextToString(value: unknown): string {
  if (isRecord(value) && Array.isArray(value.richText)) {
    return value.richText.map((run: { text?: unknown }) => String(run.text ?? "")).join("");
  }
  return typeof value === "string" ? value : value == null ? "" : String(value);
}

/** A formula's cached result as Office gives it; `undefined` when the file has none. */
function formulaResult(result: unknown): OfficeValue | undefined {
  if (result === undefined || result === null) return undefined;
  if (isRecord(result) && typeof result.error === "string") return result.error;
  if (isRecord(result)) return richTextToString(result);
  return result as OfficeValue;
}

/**
 * One ExcelJS cell value as Office.js would give it: text for strings, rich text and hyperlinks;
 * the cached result of a formula (`undefined` when there is none); the error text of an error
 * cell; dates kept as `Date`; blank as "".
 *
 * @example
 * officeValue({ formula: "ROUND(D9/C9*100,2)", result: 62.4 }) //=> 62.4
 * officeValue({ richText: [{ text: "Sở " }, { text: "Y tế" }] }) //=> "Sở Y tế"
 * officeValue({ error: "#N/A" }) //=> "#N/A"
 */
export function officeValue(value: ExcelJS.CellValue | undefined): OfficeValue | undefined {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return value;
  }
  if (value instanceof Date) return value;
  if (!isRecord(value)) return String(value);
  if ("formula" in value || "sharedFormula" in value) {
    return formulaResult((value as FormulaLike).result);
  }
  if (typeof value.error === "string") return value.error;
  if (Array.isArray(value.richText)) return richTextToString(value);
  if ("hyperlink" in value) return richTextToString(value.text);
  return "";
}

const FORMULA_NOT_COMPUTED: Bilingual = {
  vi: "Ô công thức chưa có giá trị đã tính (tệp chưa được mở và lưu bằng Excel/LibreOffice); ô được đọc là trống. Hãy mở tệp, lưu lại rồi chạy lại.",
  en: "The formula cell has no computed value (the file was never opened and saved in Excel/LibreOffice); it is read as blank. Open the file, save it and run again.",
};

/**
 * One worksheet as a `CellSheet` starting at A1, trimmed to the last row and column holding a
 * value, marked `hidden` when the officer hid the sheet. Merged cells other than the top-left one
 * are blank, as in Office.js.
 *
 * @example
 * worksheetToCellSheet(sheetWith({ A1: "STT", B1: "Đơn vị" })).sheet.values //=> [["STT", "Đơn vị"]]
 */
export function worksheetToCellSheet(worksheet: ExcelJS.Worksheet): {
  sheet: CellSheet;
  notes: ReadNote[];
} {
  const rows: OfficeValue[][] = [];
  const notes: ReadNote[] = [];
  let lastRow = 0;
  let lastCol = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: OfficeValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Office shows a merged area's value in its top-left cell only.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      let value = officeValue(cell.value);
      if (value === undefined) {
        notes.push({
          sheet: worksheet.name,
          cell: cellAddress(rowNumber - 1, colNumber - 1),
          message: FORMULA_NOT_COMPUTED,
        });
        value = "";
      }
      if (value === "") return;
      values[colNumber - 1] = value;
      lastCol = Math.max(lastCol, colNumber);
      lastRow = rowNumber;
    });
    rows[rowNumber - 1] = values;
  });
  const values: OfficeValue[][] = [];
  for (let r = 0; r < lastRow; r += 1) {
    const source = rows[r] ?? [];
    const row: OfficeValue[] = [];
    for (let c = 0; c < lastCol; c += 1) row.push(source[c] ?? "");
    values.push(row);
  }
  // Hidden and very hidden sheets are passed on marked: the engine decides whether to read them,
  // as it does for the add-in.
  const hidden = worksheet.state !== "visible";
  return { sheet: { name: worksheet.name, values, rowOffset: 0, colOffset: 0, hidden }, notes };
}

function failure(kind: WorkbookFailureKind, file: string, detail = ""): WorkbookFailure {
  const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
  const messages: Record<WorkbookFailureKind, Bilingual> = {
    missing: {
      vi: `Không tìm thấy tệp “${file}”. Hãy kiểm tra đường dẫn.`,
      en: `File “${file}” does not exist. Check the path.`,
    },
    unreadable: {
      vi: `Không đọc được tệp “${file}”${detail ? ` (${detail})` : ""}. Hãy kiểm tra quyền đọc tệp.`,
      en: `Cannot read “${file}”${detail ? ` (${detail})` : ""}. Check that the file can be read.`,
    },
    "file-too-large": {
      vi: `Tệp “${file}” quá lớn (${detail}; tối đa ${mb(DEFAULT_PACKAGE_LIMITS.maxFileBytes)}). Hãy chỉ giữ lại các trang tính bảng điểm.`,
      en: `“${file}” is too large (${detail}; at most ${mb(DEFAULT_PACKAGE_LIMITS.maxFileBytes)}). Keep only the score sheets.`,
    },
    "uncompressed-too-large": {
      vi: `Tệp “${file}” khi giải nén lớn bất thường (${detail}; tối đa ${mb(DEFAULT_PACKAGE_LIMITS.maxUncompressedBytes)}) nên không được mở. Hãy mở bằng Excel, chép bảng điểm sang sổ mới và lưu lại.`,
      en: `“${file}” unpacks to an unusual size (${detail}; at most ${mb(DEFAULT_PACKAGE_LIMITS.maxUncompressedBytes)}), so it is not opened. Open it in Excel, copy the score table to a new workbook and save that.`,
    },
    "too-many-cells": {
      vi: `Tệp “${file}” có quá nhiều ô (${detail}; tối đa ${DEFAULT_PACKAGE_LIMITS.maxCells.toLocaleString("vi-VN")}) nên không được mở. Hãy chép bảng điểm sang sổ mới và xếp hạng sổ đó.`,
      en: `“${file}” has too many cells (${detail}; at most ${DEFAULT_PACKAGE_LIMITS.maxCells.toLocaleString("en")}), so it is not opened. Copy the score table to a new workbook and rank that.`,
    },
    "too-many-strings": {
      vi: `Tệp “${file}” có bảng chuỗi dùng chung quá lớn (${detail} chuỗi; tối đa ${DEFAULT_PACKAGE_LIMITS.maxSharedStrings.toLocaleString("vi-VN")}) nên không được mở. Hãy mở bằng Excel, chép bảng điểm sang sổ mới và lưu lại.`,
      en: `“${file}” has an oversized shared-strings table (${detail} strings; at most ${DEFAULT_PACKAGE_LIMITS.maxSharedStrings.toLocaleString("en")}), so it is not opened. Open it in Excel, copy the score table to a new workbook and save that.`,
    },
    "legacy-or-encrypted": {
      vi: `Tệp “${file}” là tệp Excel cũ (.xls) hoặc có đặt mật khẩu. Hãy mở bằng Excel và lưu thành .xlsx không mật khẩu.`,
      en: `“${file}” is an old Excel file (.xls) or is password-protected. Open it in Excel and save it as .xlsx without a password.`,
    },
    "not-xlsx": {
      vi: `Tệp “${file}” không phải sổ làm việc Excel (.xlsx). Hãy mở bằng Excel và lưu thành “Sổ làm việc Excel (*.xlsx)”.`,
      en: `“${file}” is not an Excel workbook (.xlsx). Open it in Excel and save it as “Excel Workbook (*.xlsx)”.`,
    },
    corrupt: {
      vi: `Tệp “${file}” bị hỏng${detail ? ` (${detail})` : ""}. Hãy mở bằng Excel (Excel có thể sửa tệp) và lưu lại.`,
      en: `“${file}” is damaged${detail ? ` (${detail})` : ""}. Open it in Excel (Excel may repair it) and save it again.`,
    },
  };
  return { kind, message: messages[kind] };
}

function formatBytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Reads workbook bytes with ExcelJS after the package checks. Never throws: bad input is a
 * `WorkbookFailure` with a message that says what to do.
 *
 * @example
 * (await loadWorkbookBytes(Buffer.from("hello"), "a.xlsx")).ok //=> false
 */
export async function loadWorkbookBytes(
  bytes: Buffer,
  file: string,
  limits: PackageLimits = DEFAULT_PACKAGE_LIMITS,
): Promise<WorkbookLoad> {
  const check = checkXlsxPackage(bytes, limits);
  if (!check.ok) {
    const detail =
      check.reason === "too-many-cells" || check.reason === "too-many-strings"
        ? check.bytes.toLocaleString("en")
        : formatBytes(check.bytes);
    return { ok: false, failure: failure(check.reason, file, detail) };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS reads from a copy: the caller's bytes stay what was on disk.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    return { ok: false, failure: failure("corrupt", file, firstLine(error)) };
  }
  const sheets: CellSheet[] = [];
  const notes: ReadNote[] = [];
  for (const worksheet of workbook.worksheets) {
    const read = worksheetToCellSheet(worksheet);
    sheets.push(read.sheet);
    notes.push(...read.notes);
  }
  return { ok: true, loaded: { bytes, workbook, sheets, notes } };
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0].slice(0, 200);
}

/**
 * Reads an .xlsx file from disk (read-only; the file is never written) into cell matrices.
 *
 * @example
 * const load = await readWorkbookFile("missing.xlsx");
 * load.ok || load.failure.kind //=> "missing"
 */
export async function readWorkbookFile(
  file: string,
  limits: PackageLimits = DEFAULT_PACKAGE_LIMITS,
): Promise<WorkbookLoad> {
  let size: number;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { ok: false, failure: failure("unreadable", file, "not a file") };
    size = stat.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      return { ok: false, failure: failure("missing", file) };
    return { ok: false, failure: failure("unreadable", file, code ?? firstLine(error)) };
  }
  // Refuse a huge file before reading it into memory.
  if (size > limits.maxFileBytes) {
    return { ok: false, failure: failure("file-too-large", file, formatBytes(size)) };
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, failure: failure("unreadable", file, code ?? firstLine(error)) };
  }
  return loadWorkbookBytes(bytes, file, limits);
}

/**
 * True for a sheet name this tool writes (in either language, with or without a " (2)" suffix),
 * so that ranking an output file again does not read its own results as scores.
 *
 * @example
 * isOwnSheetName("Đề xuất khen thưởng 2023 (2)", ["Đề xuất khen thưởng 2023"]) //=> true
 * isOwnSheetName("DTI 2023", ["Đề xuất khen thưởng 2023"]) //=> false
 */
export function isOwnSheetName(name: string, ownNames: readonly string[]): boolean {
  const base = name
    .replace(/ \(\d+\)$/, "")
    .normalize("NFC")
    .toLowerCase();
  return ownNames.some((own) => own.normalize("NFC").toLowerCase() === base);
}
