/**
 * Writes the command line's sheets into a copy of the input workbook: the engine's candidate and
 * data-check sheets, the print-ready proposal lists and summary, the decisions sheet. The models
 * are rendered as SpreadsheetML (`renderSheets.ts`, `renderPrintSheet.ts`) and added to the
 * officer's package part by part (`addSheetsToPackage.ts`), every officer part copied as it is
 * stored. A standalone list workbook is the same sheets added to an empty package.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { Bilingual } from "../domain/types";
import { addRenderedSheets, emptyWorkbookPackage, packageNames } from "./addSheetsToPackage";
import { renderModels, type RenderModel } from "./renderSheets";

export {
  NUMBER_FORMATS,
  ROW_COLOURS,
  TABLE_STYLE,
  TEXT_FONTS,
  internalLinkTarget,
  xmlCellText,
} from "./renderSheets";

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
 * workbookWithModels(bytes, models).sheetNames //=> ["Đề xuất khen thưởng 2023", "Kiểm tra dữ liệu"]
 */
export function workbookWithModels(
  source: Buffer,
  models: readonly RenderModel[],
): { bytes: Buffer; sheetNames: string[] } {
  const rendered = renderModels(models, packageNames(source));
  return {
    bytes: addRenderedSheets(source, rendered),
    sheetNames: rendered.sheets.map((s) => s.name),
  };
}

/**
 * A new workbook holding only the models' sheets (the standalone proposal list).
 *
 * @example
 * newWorkbookWithModels(printModels) //=> <Buffer 50 4b 03 04 …>
 */
export function newWorkbookWithModels(models: readonly RenderModel[]): Buffer {
  return workbookWithModels(emptyWorkbookPackage(), models).bytes;
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
  models: readonly RenderModel[],
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
  let built: { bytes: Buffer; sheetNames: string[] };
  try {
    built = workbookWithModels(source, models);
  } catch (error) {
    // The file was read, but a part the copy must extend (the sheet list, its relationships, the
    // content types) is not what it should be.
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return {
      ok: false,
      message: {
        vi: `Tệp “${inputPath}” bị hỏng: không chép được để thêm trang kết quả (${detail}). Hãy mở tệp bằng Excel (Excel có thể sửa tệp), lưu lại rồi chạy lại.`,
        en: `“${inputPath}” is damaged: it cannot be copied with the result sheets added (${detail}). Open it in Excel (Excel may repair it), save it and run again.`,
      },
    };
  }
  const { bytes, sheetNames } = built;
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
