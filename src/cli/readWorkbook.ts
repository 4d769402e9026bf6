/**
 * Reads an .xlsx file into the cell matrices the engine takes, with each cell's value as Office.js
 * `range.values` would give it (formulas as their computed values, rich text as text, dates as
 * Dates), so that the command line and the add-in see the same workbook. Only cells that hold a
 * value are read, into sparse matrices: a sheet whose used range is the whole grid costs what its
 * real cells cost. ExcelJS never parses the officer's workbook.
 */
import { promises as fs } from "fs";
import type { Bilingual, CellSheet } from "../domain/types";
import { cellAddress } from "../domain/text";
import { readSheetCells, type CellContext } from "./sheetCells";
import {
  readDateStyles,
  readSharedStrings,
  readWorkbookInfo,
  sharedStringsPartName,
  stylesPartName,
  type PartReader,
} from "./workbookParts";
import { XmlDamage } from "./xmlScan";
import {
  checkXlsxPackage,
  DEFAULT_PACKAGE_LIMITS,
  readZipEntry,
  type PackageLimits,
  type ZipEntry,
} from "./zipPackage";

export type { OfficeValue } from "./sheetCells";

/** Something about the file (not the scores) worth telling the user. */
export interface ReadNote {
  readonly sheet: string;
  readonly cell: string;
  readonly message: Bilingual;
}

export interface LoadedWorkbook {
  /** The bytes read: the copy written later is made from exactly these. */
  readonly bytes: Buffer;
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
  | "truncated"
  | "corrupt";

export interface WorkbookFailure {
  readonly kind: WorkbookFailureKind;
  readonly message: Bilingual;
}

export type WorkbookLoad =
  | { readonly ok: true; readonly loaded: LoadedWorkbook }
  | { readonly ok: false; readonly failure: WorkbookFailure };

const FORMULA_NOT_COMPUTED: Bilingual = {
  vi: "Ô công thức chưa có giá trị đã tính (tệp chưa được mở và lưu bằng Excel/LibreOffice); ô được đọc là trống. Hãy mở tệp, lưu lại rồi chạy lại.",
  en: "The formula cell has no computed value (the file was never opened and saved in Excel/LibreOffice); it is read as blank. Open the file, save it and run again.",
};

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
    truncated: {
      vi: `Tệp “${file}” bị hỏng: tệp không đầy đủ (bị cắt ngang, thường do tải về hoặc sao chép chưa xong). Hãy tải hoặc chép lại tệp từ nơi gửi rồi chạy lại.`,
      en: `“${file}” is damaged: the file is incomplete (cut short, usually by an unfinished download or copy). Download or copy it again from where it came from and run again.`,
    },
    corrupt: {
      vi: `Tệp “${file}” bị hỏng${detail ? ` (${detail})` : ""}. Hãy mở bằng Excel (Excel có thể sửa tệp), lưu lại rồi chạy lại; nếu Excel không mở được, hãy lấy lại bản gốc của tệp.`,
      en: `“${file}” is damaged${detail ? ` (${detail})` : ""}. Open it in Excel (Excel may repair it), save it and run again; if Excel cannot open it, get the original file again.`,
    },
  };
  return { kind, message: messages[kind] };
}

function formatBytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const EMPTY_ROW: readonly unknown[] = Object.freeze([]);

/**
 * The rows of a sparse matrix with every missing row as one shared, frozen empty row: cells stay
 * sparse, and a reader that walks rows one by one never meets a hole. A million missing rows cost
 * a million pointers (8 MB), never a million row arrays.
 *
 * @example
 * withEmptyRows([, ["a"]] as unknown[][]) //=> [[], ["a"]]
 */
export function withEmptyRows(values: readonly (readonly unknown[])[]): (readonly unknown[])[] {
  const rows: (readonly unknown[])[] = new Array(values.length);
  for (let r = 0; r < values.length; r += 1) rows[r] = values[r] ?? EMPTY_ROW;
  return rows;
}

/** Why one sheet cannot be read, named for the officer: which sheet, which part, what is wrong. */
function damagedSheet(
  file: string,
  sheet: string,
  part: string | null,
  reason: Bilingual,
): WorkbookFailure {
  const where = part ? `${part}: ` : "";
  return {
    kind: "corrupt",
    message: {
      vi: `Tệp “${file}” bị hỏng: không đọc được trang tính “${sheet}” (${where}${reason.vi}). Hãy mở tệp bằng Excel (Excel có thể sửa tệp), lưu lại rồi chạy lại; nếu Excel không mở được, hãy lấy lại bản gốc của tệp.`,
      en: `“${file}” is damaged: sheet “${sheet}” cannot be read (${where}${reason.en}). Open the file in Excel (Excel may repair it), save it and run again; if Excel cannot open it, get the original file again.`,
    },
  };
}

const technical = (reason: string): Bilingual => ({ vi: reason, en: reason });

/** The package's parts by name, each inflated when asked for (and not kept). */
function partReader(bytes: Buffer, entries: readonly ZipEntry[]): PartReader {
  const byName = new Map(entries.map((e) => [e.name, e]));
  return (name) => {
    const entry = byName.get(name);
    return entry ? readZipEntry(bytes, entry) : null;
  };
}

/**
 * The shared strings, the date styles and the date system every sheet's cells need. Throws
 * `XmlDamage` when one of those parts is damaged.
 */
function cellContext(read: PartReader, workbookPart: string, date1904: boolean): CellContext {
  const stringsPart = sharedStringsPartName(read, workbookPart);
  const strings = stringsPart ? read(stringsPart) : null;
  const stylesPart = stylesPartName(read, workbookPart);
  const styles = stylesPart ? read(stylesPart) : null;
  return {
    sharedStrings: strings ? readSharedStrings(strings) : [],
    dateStyles: styles ? readDateStyles(styles) : [],
    date1904,
  };
}

/**
 * Reads workbook bytes after the package checks: every worksheet, sparsely, as a `CellSheet` with
 * its merged areas. Never throws: bad input is a `WorkbookFailure` with a message that says what
 * to do.
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
  const read = partReader(bytes, check.entries);
  let info: ReturnType<typeof readWorkbookInfo>;
  let context: CellContext;
  try {
    info = readWorkbookInfo(read);
    context = cellContext(read, info.workbookPart, info.date1904);
  } catch (error) {
    if (error instanceof XmlDamage)
      return { ok: false, failure: failure("corrupt", file, error.message) };
    throw error;
  }
  if (info.sheets.length === 0) {
    return { ok: false, failure: failure("corrupt", file, "the workbook lists no worksheet") };
  }
  const sheets: CellSheet[] = [];
  const notes: ReadNote[] = [];
  for (const sheet of info.sheets) {
    const part = sheet.part ? read(sheet.part) : null;
    if (part === null) {
      return {
        ok: false,
        failure: damagedSheet(file, sheet.name, sheet.part, {
          vi: "tệp không có phần dữ liệu của trang này",
          en: "the file has no data part for this sheet",
        }),
      };
    }
    if (part.length === 0) {
      return {
        ok: false,
        failure: damagedSheet(file, sheet.name, sheet.part, {
          vi: "phần dữ liệu của trang trống rỗng",
          en: "the sheet's data part is empty",
        }),
      };
    }
    const cells = readSheetCells(part, context);
    if (!cells.ok) {
      return {
        ok: false,
        failure: damagedSheet(file, sheet.name, sheet.part, technical(cells.detail)),
      };
    }
    for (const at of cells.cells.uncomputed) {
      notes.push({
        sheet: sheet.name,
        cell: cellAddress(at.row, at.col),
        message: FORMULA_NOT_COMPUTED,
      });
    }
    // Hidden and very hidden sheets are passed on marked: the engine decides whether to read them,
    // as it does for the add-in.
    sheets.push({
      name: sheet.name,
      values: withEmptyRows(cells.cells.values),
      rowOffset: 0,
      colOffset: 0,
      hidden: sheet.state !== "visible",
      merges: cells.cells.merges,
      ...(cells.cells.hiddenRows.length > 0 ? { hiddenRows: cells.cells.hiddenRows } : {}),
      ...(cells.cells.hiddenColumns.length > 0 ? { hiddenColumns: cells.cells.hiddenColumns } : {}),
    });
  }
  return { ok: true, loaded: { bytes, sheets, notes } };
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
