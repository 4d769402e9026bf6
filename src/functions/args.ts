/**
 * Argument parsing at the boundary of the AWARD.* custom functions. Excel hands a custom function
 * numbers, strings, booleans, blanks (`null` or `""`; an omitted optional argument is `undefined`
 * or `null`) and ranges as 2-D arrays; these functions turn them into the engine's typed values
 * or into a bilingual message that becomes `#VALUE!`.
 *
 * This module also owns the two Office globals the functions touch (`CustomFunctions`,
 * `Office.context.displayLanguage`). They are reached through `globalThis` so that the module
 * loads and type-checks outside Excel (unit tests, the benchmark under the command-line build).
 */
import { parseCellNumber } from "../domain/cells";
import { localIsoDate } from "../domain/prize";
import { blocFromCell } from "../domain/readScoreTable";
import { foldText } from "../domain/text";
import type {
  AwardForm,
  AwardYear,
  Bilingual,
  Bloc,
  GiayKhenIssuer,
  IsoDate,
  Lang,
  Recipient,
} from "../domain/types";
import { AWARD_YEARS, BLOCS } from "../domain/types";

/** A parsed argument: its typed value, or why it is not acceptable. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | FailedParse;

export interface FailedParse {
  readonly ok: false;
  readonly message: Bilingual;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (vi: string, en: string): FailedParse => ({ ok: false, message: { vi, en } });

/* ---------------------------------------------------------------------------------------------
 * Office globals
 * ------------------------------------------------------------------------------------------- */

/** The part of the `CustomFunctions` runtime these functions use. */
interface CustomFunctionsRuntime {
  readonly Error: new (code: string, message?: string) => object;
  readonly ErrorCode: { readonly invalidValue: string };
}

/** What a function returns for bad input outside Excel, where there is no `CustomFunctions`. */
export class FunctionError {
  readonly code = "#VALUE!";
  constructor(readonly message: string) {}
}

/** The error value a function returns: `CustomFunctions.Error` inside Excel. */
export type ExcelError = object;

function customFunctionsRuntime(): CustomFunctionsRuntime | undefined {
  return (globalThis as { CustomFunctions?: CustomFunctionsRuntime }).CustomFunctions;
}

/**
 * `#VALUE!` with the message in both languages, the way Excel shows it in the error tooltip.
 *
 * @example
 * valueError({ vi: "Khối không hợp lệ", en: "Unknown bloc" }).message //=> "Khối không hợp lệ / Unknown bloc"
 */
export function valueError(message: Bilingual): ExcelError {
  const text = `${message.vi} / ${message.en}`;
  const runtime = customFunctionsRuntime();
  if (!runtime) return new FunctionError(text);
  return new runtime.Error(runtime.ErrorCode.invalidValue, text);
}

/**
 * True for the error values `valueError` makes.
 *
 * @example
 * isExcelError(valueError({ vi: "a", en: "b" })) //=> true
 * isExcelError(6) //=> false
 */
export function isExcelError(value: unknown): value is ExcelError {
  if (value instanceof FunctionError) return true;
  const runtime = customFunctionsRuntime();
  return runtime !== undefined && value instanceof runtime.Error;
}

/**
 * The language of the labels: Vietnamese unless Office says its display language is another.
 *
 * @example
 * displayLang() //=> "vi" (outside Office)
 */
export function displayLang(): Lang {
  let language: unknown;
  try {
    const office = (globalThis as { Office?: { context?: { displayLanguage?: unknown } } }).Office;
    language = office?.context?.displayLanguage;
  } catch {
    // Office.context may not be ready when Excel first calculates; the default language is fine.
    language = undefined;
  }
  if (typeof language !== "string" || language === "") return "vi";
  return language.toLowerCase().startsWith("vi") ? "vi" : "en";
}

/* ---------------------------------------------------------------------------------------------
 * Scalars
 * ------------------------------------------------------------------------------------------- */

/**
 * True for what Excel passes for an empty cell or an omitted argument.
 *
 * @example
 * isBlank("  ") //=> true
 * isBlank(0) //=> false
 */
export function isBlank(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/** The value as shown in a message. */
function shown(value: unknown): string {
  if (typeof value === "string") return `“${value}”`;
  return String(value);
}

/**
 * A number from a cell: a number, or text written the Vietnamese way ("912,5") or the English way.
 * Percent text ("91,25%") gives its fraction (0.9125).
 *
 * @example
 * parseNumber("912,5", { vi: "Điểm", en: "Score" }) //=> { ok: true, value: 912.5 }
 */
export function parseNumber(value: unknown, what: Bilingual): Parsed<number> {
  if (isBlank(value)) return fail(`${what.vi} đang trống`, `${what.en} is blank`);
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? ok(value)
      : fail(`${what.vi} không phải là số`, `${what.en} is not a number`);
  }
  if (typeof value === "string") {
    const parsed = parseCellNumber(value);
    if (parsed.kind === "number") return ok(parsed.percent ? parsed.value / 100 : parsed.value);
    if (parsed.kind === "ambiguous") {
      return fail(
        `${what.vi} ${shown(value)} không rõ nghĩa (${parsed.thousand} hay ${parsed.decimal}); hãy nhập dạng số`,
        `${what.en} ${shown(value)} is ambiguous (${parsed.thousand} or ${parsed.decimal}); type it as a number`,
      );
    }
  }
  return fail(
    `${what.vi} ${shown(value)} không phải là số`,
    `${what.en} ${shown(value)} is not a number`,
  );
}

/**
 * A bloc: 1–4, "3", "Khối 3", "K3", "Khối III", "Bloc 3".
 *
 * @example
 * parseBloc("Khối III") //=> { ok: true, value: 3 }
 * parseBloc(5).ok //=> false
 */
export function parseBloc(value: unknown): Parsed<Bloc> {
  if (isBlank(value)) return fail("Khối đang trống", "Bloc is blank");
  if (typeof value === "number") {
    return (BLOCS as readonly number[]).includes(value) ? ok(value as Bloc) : badBloc(value);
  }
  if (typeof value !== "string") return badBloc(value);
  // The same reading as a bloc column of the score table (so "Khối UBND xã, phường" works too).
  const bloc = blocFromCell(value);
  return bloc === null ? badBloc(value) : ok(bloc);
}

function badBloc(value: unknown): FailedParse {
  return fail(
    `Khối ${shown(value)} không hợp lệ (cần 1–4, “Khối 3”, “K3” hoặc “Khối III”)`,
    `Bloc ${shown(value)} is not valid (expected 1–4, “Khối 3”, “K3” or “Khối III”)`,
  );
}

/**
 * A year of the movement, 2022–2025, as a number or text ("2025", "Năm 2025").
 *
 * @example
 * parseYear(2025) //=> { ok: true, value: 2025 }
 * parseYear(2026).ok //=> false
 */
export function parseYear(value: unknown): Parsed<AwardYear> {
  if (isBlank(value)) return fail("Năm đang trống", "Year is blank");
  let year: number | null = null;
  if (typeof value === "number") year = value;
  else if (typeof value === "string") {
    const match = /^(?:nam|year)? ?(\d{4})$/.exec(foldText(value));
    if (match) year = Number(match[1]);
  }
  if (year === null || !Number.isInteger(year)) {
    return fail(`Năm ${shown(value)} không hợp lệ`, `Year ${shown(value)} is not valid`);
  }
  if (!(AWARD_YEARS as readonly number[]).includes(year)) {
    return fail(
      `Năm ${year} không thuộc phong trào (2022–2025, Kế hoạch 140/KH-UBND)`,
      `Year ${year} is not part of the movement (2022–2025, Plan 140/KH-UBND)`,
    );
  }
  return ok(year as AwardYear);
}

const RECIPIENT_WORDS: Readonly<Record<string, Recipient>> = {
  collective: "collective",
  "tap the": "collective",
  individual: "individual",
  "ca nhan": "individual",
};

/**
 * A recipient: "collective"/"tập thể" or "individual"/"cá nhân" (with or without diacritics);
 * blank gives `fallback` when there is one.
 *
 * @example
 * parseRecipient("Cá nhân") //=> { ok: true, value: "individual" }
 * parseRecipient(null, "collective") //=> { ok: true, value: "collective" }
 */
export function parseRecipient(value: unknown, fallback?: Recipient): Parsed<Recipient> {
  if (isBlank(value)) {
    return fallback
      ? ok(fallback)
      : fail(
          "Đối tượng khen thưởng đang trống (“tập thể” hoặc “cá nhân”)",
          "Recipient is blank (“collective” or “individual”)",
        );
  }
  const recipient = typeof value === "string" ? RECIPIENT_WORDS[foldText(value)] : undefined;
  return recipient
    ? ok(recipient)
    : fail(
        `Đối tượng ${shown(value)} không hợp lệ (cần “tập thể” hoặc “cá nhân”)`,
        `Recipient ${shown(value)} is not valid (expected “collective” or “individual”)`,
      );
}

const FORM_WORDS: Readonly<Record<string, AwardForm>> = {
  bangkhen: "bang-khen",
  bk: "bang-khen",
  giaykhen: "giay-khen",
  gk: "giay-khen",
};

/**
 * An award form: "bằng khen"/"BK" or "giấy khen"/"GK".
 *
 * @example
 * parseForm("BK") //=> { ok: true, value: "bang-khen" }
 */
export function parseForm(value: unknown): Parsed<AwardForm> {
  const form =
    typeof value === "string" ? FORM_WORDS[foldText(value).replace(/ /g, "")] : undefined;
  return form
    ? ok(form)
    : fail(
        `Hình thức ${shown(value)} không hợp lệ (cần “bằng khen”, “BK”, “giấy khen” hoặc “GK”)`,
        `Award form ${shown(value)} is not valid (expected “bằng khen”, “BK”, “giấy khen” or “GK”)`,
      );
}

/** Words that name a Giấy khen issuer, as folded tokens; the first match wins. */
const ISSUER_WORDS: readonly (readonly [RegExp, GiayKhenIssuer])[] = [
  [/\b(xa|phuong|thi tran|commune|ward)\b/, "commune"],
  [/\b(huyen|quan|district)\b/, "district"],
  [/\b(so|ban|nganh|giam doc|department|agency)\b/, "department"],
];

/**
 * Who signs a Giấy khen: "xã" (also "phường", "thị trấn", "commune") is a commune chairman,
 * "huyện"/"quận" a district chairman, "sở"/"ban"/"ngành" a head of department. Blank: none.
 *
 * @example
 * parseIssuer("Chủ tịch UBND xã") //=> { ok: true, value: "commune" }
 * parseIssuer(undefined) //=> { ok: true, value: undefined }
 */
export function parseIssuer(value: unknown): Parsed<GiayKhenIssuer | undefined> {
  if (isBlank(value)) return ok(undefined);
  const folded = typeof value === "string" ? foldText(value) : "";
  const found = ISSUER_WORDS.find(([pattern]) => pattern.test(folded));
  return found
    ? ok(found[1])
    : fail(
        `Cấp khen ${shown(value)} không hợp lệ (cần “sở”, “huyện” hoặc “xã”)`,
        `Issuer ${shown(value)} is not valid (expected “department”, “district” or “commune”)`,
      );
}

/* ---------------------------------------------------------------------------------------------
 * Dates
 * ------------------------------------------------------------------------------------------- */

const MS_PER_DAY = 86_400_000;
/** Serial 61 is 1900-03-01; from there on, serial n is n days after 1899-12-30. */
const FIRST_TRUE_SERIAL = 61;
/** 9999-12-31, the last date Excel knows. */
const LAST_SERIAL = 2_958_465;

function isoOfUtc(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The ISO date of a valid calendar day, or null ("2023-02-29" is not one). */
function isoOfParts(year: number, month: number, day: number): IsoDate | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 9999) return null;
  const valid =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? isoOfUtc(date.getTime()) : null;
}

/**
 * The date of an Excel serial in the 1900 date system. Excel counts a 29 February 1900 that did
 * not exist (serial 60), so serials below 61 are one day later than a plain day count gives.
 *
 * @example
 * excelSerialToIso(45657) //=> "2024-12-31"
 * excelSerialToIso(59) //=> "1900-02-28"
 * excelSerialToIso(60) //=> null
 */
export function excelSerialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day < 1 || day > LAST_SERIAL || day === 60) return null;
  const epoch = Date.UTC(1899, 11, day < FIRST_TRUE_SERIAL ? 31 : 30);
  return isoOfUtc(epoch + day * MS_PER_DAY);
}

/**
 * A decision date: an Excel date serial, ISO text ("2024-10-01") or Vietnamese day-first text
 * ("01/10/2024", also with "-" or ".").
 *
 * @example
 * parseDate(45657) //=> { ok: true, value: "2024-12-31" }
 * parseDate("01/10/2024") //=> { ok: true, value: "2024-10-01" }
 */
export function parseDate(value: unknown): Parsed<IsoDate> {
  if (isBlank(value)) return fail("Ngày đang trống", "Date is blank");
  let iso: IsoDate | null = null;
  if (typeof value === "number") iso = excelSerialToIso(value);
  else if (value instanceof Date && !Number.isNaN(value.getTime())) {
    iso = isoOfParts(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  } else if (typeof value === "string") {
    const text = value.trim();
    const isoMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    const dmyMatch = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(text);
    if (isoMatch) iso = isoOfParts(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));
    else if (dmyMatch) {
      iso = isoOfParts(Number(dmyMatch[4]), Number(dmyMatch[3]), Number(dmyMatch[1]));
    }
  }
  return iso
    ? ok(iso)
    : fail(
        `Ngày ${shown(value)} không hợp lệ (cần ngày của Excel, “2024-10-01” hoặc “01/10/2024”)`,
        `Date ${shown(value)} is not valid (expected an Excel date, “2024-10-01” or “01/10/2024”)`,
      );
}

/**
 * Today's date on this computer (local time), as ISO text.
 *
 * @example
 * localToday(new Date(2025, 11, 20, 23, 59)) //=> "2025-12-20"
 */
export function localToday(now: Date = new Date()): IsoDate {
  return localIsoDate(now);
}

/* ---------------------------------------------------------------------------------------------
 * Ranges
 * ------------------------------------------------------------------------------------------- */

/** A range argument: its cells, row-major, and its shape. */
export interface Matrix {
  readonly rows: number;
  readonly columns: number;
  readonly cells: readonly unknown[];
}

/**
 * A range argument as a matrix. A single value (Excel passes one for a one-cell reference typed
 * where a scalar was expected) is a 1×1 matrix; a ragged or empty array is not a range.
 *
 * @example
 * parseMatrix([[1], [2]], { vi: "Tỷ lệ", en: "Ratios" }) //=> { ok: true, value: { rows: 2, columns: 1, cells: [1, 2] } }
 */
export function parseMatrix(value: unknown, what: Bilingual): Parsed<Matrix> {
  if (!Array.isArray(value)) return ok({ rows: 1, columns: 1, cells: [value] });
  const rows = value.length;
  const first: unknown = value[0];
  const columns = Array.isArray(first) ? first.length : 0;
  if (rows === 0 || columns === 0) {
    return fail(`${what.vi} không phải là một vùng ô`, `${what.en} is not a range`);
  }
  // Indexed loops into a preallocated list: this runs on every RANK/STATUS call over the whole
  // range, and iterators made it the most expensive step of a cached call.
  const cells: unknown[] = new Array(rows * columns);
  for (let r = 0; r < rows; r += 1) {
    const row: unknown = value[r];
    if (!Array.isArray(row) || row.length !== columns) {
      return fail(`${what.vi} không phải là một vùng ô`, `${what.en} is not a range`);
    }
    for (let c = 0; c < columns; c += 1) cells[r * columns + c] = row[c];
  }
  return ok({ rows, columns, cells });
}

/**
 * A range that must be one column or one row, as a list of its cells.
 *
 * @example
 * parseVector([[1, 2, 3]], { vi: "Tỷ lệ", en: "Ratios" }) //=> { ok: true, value: { rows: 1, columns: 3, cells: [1, 2, 3] } }
 */
export function parseVector(value: unknown, what: Bilingual): Parsed<Matrix> {
  const matrix = parseMatrix(value, what);
  if (!matrix.ok) return matrix;
  if (matrix.value.rows > 1 && matrix.value.columns > 1) {
    return fail(
      `${what.vi} phải là một cột hoặc một dòng (đang là ${matrix.value.rows}×${matrix.value.columns})`,
      `${what.en} must be one column or one row (it is ${matrix.value.rows}×${matrix.value.columns})`,
    );
  }
  return matrix;
}

/**
 * Checks that two ranges that go row by row together have the same shape.
 *
 * @example
 * sameShape({ rows: 3, columns: 1, cells: [] }, { rows: 1, columns: 3, cells: [] }, ["ratios", "blocs"]).ok //=> false
 */
export function sameShape(a: Matrix, b: Matrix, names: readonly [string, string]): Parsed<true> {
  if (a.rows === b.rows && a.columns === b.columns) return ok(true);
  return fail(
    `Vùng ${names[0]} (${a.rows}×${a.columns}) và ${names[1]} (${b.rows}×${b.columns}) phải cùng kích thước`,
    `Ranges ${names[0]} (${a.rows}×${a.columns}) and ${names[1]} (${b.rows}×${b.columns}) must have the same shape`,
  );
}

const TRUE_MARKS = new Set(["x", "co", "yes", "y", "true", "1", "khong xet", "loai", "excluded"]);
const FALSE_MARKS = new Set(["khong", "no", "n", "false", "0"]);

/**
 * An "excluded" mark: TRUE, 1, "x", "có", "yes", "không xét" mean excluded; blank, FALSE, 0,
 * "không", "no" mean not excluded; anything else is not understood (`null`).
 *
 * @example
 * parseExcludedMark("x") //=> true
 * parseExcludedMark("") //=> false
 * parseExcludedMark("maybe") //=> null
 */
export function parseExcludedMark(value: unknown): boolean | null {
  if (isBlank(value)) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (typeof value !== "string") return null;
  const folded = foldText(value);
  if (TRUE_MARKS.has(folded)) return true;
  if (FALSE_MARKS.has(folded)) return false;
  return null;
}

/**
 * A non-negative whole number of proposals; blank counts as 0, the way Excel reads an empty cell.
 *
 * @example
 * parseCount("3", { vi: "Số đề xuất", en: "Proposed" }) //=> { ok: true, value: 3 }
 */
export function parseCount(value: unknown, what: Bilingual): Parsed<number> {
  if (isBlank(value)) return ok(0);
  const parsed = parseNumber(value, what);
  if (!parsed.ok) return parsed;
  if (!Number.isInteger(parsed.value) || parsed.value < 0) {
    return fail(
      `${what.vi} phải là số nguyên không âm (đang là ${shown(value)})`,
      `${what.en} must be a whole number, 0 or more (it is ${shown(value)})`,
    );
  }
  return ok(parsed.value);
}

/** A row of a RANK/STATUS range that can be ranked. */
export interface RankRow {
  readonly value: number;
  readonly bloc: Bloc;
  readonly excluded: boolean;
  /** 0-based position in the range. */
  readonly index: number;
}

/**
 * The rankable rows of the `ratios`/`blocs` (and `excluded`) ranges of RANK and STATUS. Rows
 * whose ratio is blank or not a number, or whose bloc is not a bloc, are not units (section and
 * district headings, totals) and are left out. An `excluded` mark that is not understood is an
 * error: guessing would change who gets a slot.
 *
 * @example
 * readRankRows(column([0.9, "", 0.8]), column([3, 3, "K3"]), null)
 * //=> { ok: true, value: [{ value: 0.9, bloc: 3, excluded: false, index: 0 }, { value: 0.8, bloc: 3, excluded: false, index: 2 }] }
 */
export function readRankRows(
  ratios: Matrix,
  blocs: Matrix,
  excluded: Matrix | null,
): Parsed<RankRow[]> {
  const rows: RankRow[] = [];
  for (let index = 0; index < ratios.cells.length; index += 1) {
    const ratio = ratios.cells[index];
    const value = typeof ratio === "number" ? ratio : parseNumber(ratio, RATIO_WORDS);
    const number = typeof value === "number" ? value : value.ok ? value.value : null;
    if (number === null || !Number.isFinite(number)) continue;
    const bloc = parseBloc(blocs.cells[index]);
    if (!bloc.ok) continue;
    const mark = excluded ? parseExcludedMark(excluded.cells[index]) : false;
    if (mark === null) {
      return fail(
        `Ô thứ ${index + 1} của vùng “loại trừ” (${shown(excluded?.cells[index])}) không rõ; dùng “x” hoặc để trống`,
        `Cell ${index + 1} of the excluded range (${shown(excluded?.cells[index])}) is not understood; use “x” or leave it blank`,
      );
    }
    rows.push({ value: number, bloc: bloc.value, excluded: mark, index });
  }
  return ok(rows);
}

const RATIO_WORDS: Bilingual = { vi: "Tỷ lệ", en: "Ratio" };
