/**
 * Header detection shared by the score-table and nominee readers. Headers are typed by different
 * people: with or without diacritics, in NFC or NFD, in Vietnamese or English, with "tỷ" or "tỉ".
 * Every header text is folded once (`headerKey`) and compared with folded synonyms; a synonym
 * matches the whole header or its first words ("Tỷ lệ (%)" starts with "tỷ lệ").
 */
import { cellText, parseCellNumber } from "./cells";
import { headerKey } from "./read/vocabulary";
import type { Bilingual, CellSheet, ColumnReading, ColumnRole, NomineeColumnRole } from "./types";
import { columnLetter } from "./text";

export {
  SCORE_HEADER_ROLES,
  classifyScoreHeader,
  headerKey,
  maxFromHeader,
} from "./read/vocabulary";
export type { ScoreHeaderRole } from "./read/vocabulary";

export const NOMINEE_HEADER_ROLES = [
  "index",
  "person",
  "title",
  "direct",
  "achievement",
  "unit",
  "year",
  "note",
] as const;
export type NomineeHeaderRole = (typeof NOMINEE_HEADER_ROLES)[number];

const NOMINEE_SYNONYMS: Readonly<Record<NomineeHeaderRole, readonly string[]>> = {
  index: ["STT", "TT", "Số TT", "Số thứ tự", "No", "No.", "#", "Nr"],
  person: ["Họ và tên", "Họ tên", "Full name", "Name"],
  title: ["Chức vụ", "Chức danh", "Title", "Position"],
  direct: ["Trực tiếp thực hiện", "Trực tiếp", "Directly", "Direct"],
  achievement: ["Tóm tắt thành tích", "Thành tích", "Achievement", "Achievements"],
  unit: [
    "Đơn vị công tác",
    "Đơn vị",
    "Cơ quan",
    "Cơ quan, đơn vị",
    "Cơ quan công tác",
    "Nơi công tác",
    "Tên đơn vị",
    "Unit",
  ],
  year: ["Năm", "Year"],
  note: ["Ghi chú", "Note", "Notes", "Remarks"],
};

type SynonymTable<R extends string> = readonly (readonly [R, readonly string[]])[];

function foldSynonyms<R extends string>(
  order: readonly R[],
  table: Readonly<Record<R, readonly string[]>>,
): SynonymTable<R> {
  return order.map((role) => [role, table[role].map(headerKey).filter((k) => k !== "")] as const);
}

const FOLDED_NOMINEE = foldSynonyms(NOMINEE_HEADER_ROLES, NOMINEE_SYNONYMS);

function classify<R extends string>(key: string, table: SynonymTable<R>): R | null {
  if (key === "") return null;
  for (const [role, synonyms] of table) {
    if (synonyms.some((s) => key === s || key.startsWith(`${s} `))) return role;
  }
  return null;
}

/**
 * The nominee-sheet role of a header text, or null.
 *
 * @example
 * classifyNomineeHeader("Họ và tên") //=> "person"
 * classifyNomineeHeader("Đơn vị công tác") //=> "unit"
 */
export function classifyNomineeHeader(text: string): NomineeHeaderRole | null {
  const key = headerKey(text);
  const role = classify(key, FOLDED_NOMINEE);
  // "Năm sinh" (birth year) and "Nam", "Nam/Nữ" (gender: "Nam" folds as "Năm" does) are not the
  // year of the proposal.
  if (role === "year" && (BIRTH_OR_GENDER.test(key) || /^nam\b/i.test(cellText(text)))) return null;
  // "Chức vụ, đơn vị công tác": one column for both, read as the unit (the title is split off).
  if (role === "title" && isTitleAndUnitKey(key)) return "unit";
  if (role !== null) return role;
  // "Là người trực tiếp thực hiện (x)": the mark column, however it is worded around.
  return DIRECT_PHRASE.test(key) ? "direct" : null;
}

const DIRECT_PHRASE = /(?:^| )truc tiep(?: |$)/;
const BIRTH_OR_GENDER = /^(?:nam sinh|ngay sinh|ngay thang nam sinh|year of birth|birth)\b/;

/** A header key naming the title and the unit in one column ("Chức vụ, đơn vị công tác"). */
function isTitleAndUnitKey(key: string): boolean {
  return /^(?:chuc vu|chuc danh)\b/.test(key) && /\b(?:don vi|co quan)\b/.test(key);
}

/**
 * True for the header of a column that holds the title and the unit together, "Kỹ sư, UBND xã
 * Tân Thạnh".
 *
 * @example
 * isTitleAndUnitHeader("Chức vụ, đơn vị công tác") //=> true
 */
export function isTitleAndUnitHeader(text: string): boolean {
  return isTitleAndUnitKey(headerKey(text));
}

const NONE: Readonly<Record<string, never>> = {};

/** A header row found on a sheet. Rows and columns are 0-based indexes into the cell matrix. */
export interface HeaderMatch<R extends string> {
  readonly row: number;
  /** Role → column index; the first column of a role wins. */
  readonly columns: Readonly<Partial<Record<R, number>>>;
  /** The header texts, from the first column to the last non-blank one. */
  readonly texts: readonly string[];
  /** Roles the caller named whose header text is not in this row. */
  readonly missing: readonly { readonly role: R; readonly header: string }[];
}

/**
 * Maps one row's header cells to roles. Headers the caller names (role → text, compared folded)
 * take their column first; detection fills the other roles from the remaining columns.
 *
 * @example
 * mapHeaderRow(["STT", "Đơn vị", "Điểm"], classifyScoreHeader).columns //=> { index: 0, unit: 1, score: 2 }
 */
export function mapHeaderRow<R extends string>(
  cells: readonly unknown[],
  classifyText: (text: string) => R | null,
  named: Readonly<Partial<Record<NoInfer<R>, string>>> = NONE,
  row = 0,
): HeaderMatch<R> {
  const texts = trimmedTexts(cells);
  const keys = texts.map(headerKey);
  const columns: Partial<Record<R, number>> = {};
  const taken = new Set<number>();
  const missing: { role: R; header: string }[] = [];
  for (const [role, header] of Object.entries(named) as [R, string | undefined][]) {
    if (header === undefined || headerKey(header) === "") continue;
    const wanted = headerKey(header);
    const at = keys.findIndex((k, i) => k === wanted && !taken.has(i));
    if (at < 0) {
      missing.push({ role, header });
      continue;
    }
    columns[role] = at;
    taken.add(at);
  }
  texts.forEach((text, i) => {
    if (taken.has(i)) return;
    const role = classifyText(text);
    if (role === null || role in named || columns[role] !== undefined) return;
    columns[role] = i;
  });
  return { row, columns, texts, missing };
}

function trimmedTexts(cells: readonly unknown[]): string[] {
  const texts = Array.from({ length: cells.length }, (_v, i) => headerCellText(cells[i]));
  let end = texts.length;
  while (end > 0 && texts[end - 1] === "") end -= 1;
  return texts.slice(0, end);
}

/** Only text cells can be headers: a number in a header row is data, not a header. */
function headerCellText(value: unknown): string {
  return typeof value === "string" ? cellText(value) : "";
}

/**
 * True when a row can hold a header: no numbers and at least two text cells. Data rows almost
 * always hold a number, so this keeps header detection off the hot path.
 */
export function mayBeHeaderRow(cells: readonly unknown[]): boolean {
  let texts = 0;
  for (let i = 0; i < cells.length; i += 1) {
    const value = cells[i];
    if (typeof value === "number") return false;
    if (typeof value === "string" && value.trim() !== "") texts += 1;
  }
  return texts >= 2;
}

/**
 * The first row among `rows` (0-based indexes into `values`) whose mapping passes `accept`.
 *
 * @example
 * findHeaderRow([["Title"], ["Đơn vị", "Điểm"]], classifyScoreHeader, (m) => m.columns.unit !== undefined)?.row //=> 1
 */
export function findHeaderRow<R extends string>(
  values: readonly (readonly unknown[])[],
  classifyText: (text: string) => R | null,
  accept: (match: HeaderMatch<R>) => boolean,
  named: Readonly<Partial<Record<NoInfer<R>, string>>> = NONE,
  rows?: readonly number[],
): HeaderMatch<R> | null {
  let found: HeaderMatch<R> | null = null;
  const tryRow = (cells: readonly unknown[] | undefined, row: number): void => {
    if (found !== null || !Array.isArray(cells) || !mayBeHeaderRow(cells)) return;
    const match = mapHeaderRow(cells, classifyText, named, row);
    if (accept(match)) found = match;
  };
  if (rows !== undefined) {
    for (let i = 0; i < rows.length && found === null; i += 1) tryRow(values[rows[i]], rows[i]);
  } else {
    // Every row the matrix holds: a header may sit anywhere in the used range, as both doors
    // hand it over. `forEach` skips holes, so a sparse matrix (a sheet reaching row 1,048,576)
    // costs the rows it holds, not the grid's; no list of rows is made (each sheet of a workbook
    // is searched for a nominee header, and may hold 100,000 data rows).
    values.forEach(tryRow);
  }
  return found;
}

/** A row of a matrix that may be ragged or hold non-arrays. */
export function rowAt(values: readonly (readonly unknown[])[], row: number): readonly unknown[] {
  const cells = values[row];
  return Array.isArray(cells) ? cells : [];
}

/** A nominee-sheet header row: a person-name column and a unit column. */
export function isNomineeHeader(match: HeaderMatch<NomineeHeaderRole>): boolean {
  return match.columns.person !== undefined && match.columns.unit !== undefined;
}

/** Nominee roles as the public `NomineeColumnRole`. */
export function nomineeColumns(
  columns: Readonly<Partial<Record<NomineeHeaderRole, number>>>,
): Partial<Record<NomineeColumnRole, number>> {
  const { index: _index, ...rest } = columns;
  return rest;
}

/* ---------------------------------------------------------------------------------------------
 * Years stated in sheet names and title lines
 * ------------------------------------------------------------------------------------------- */

const YEAR_IN_TEXT = /(?:^|[^0-9])(20\d\d)(?![0-9])/g;

/**
 * Parts of a title line whose year is not the year of the scores: dates ("ngày 15 tháng 3 năm
 * 2024", "15/3/2024"), the movement's own name ("đến năm 2025") and periods ("2022 - 2025").
 */
const NOT_THE_SCORE_YEAR = [
  /ngay\s*(?:\d+\s*)?thang\s*(?:\d+\s*)?nam\s*20\d\d/g,
  /\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*20\d\d/g,
  /20\d\d\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{1,2}/g,
  /den nam 20\d\d/g,
  /20\d\d\s*[-–—]\s*20\d\d/g,
  /giai doan\s*20\d\d/g,
];

/** A line that refers to a dispatch or decision rather than titling the table. */
const REFERENCE_LINE = /^(?:kem theo|ban hanh kem theo|theo|can cu|attached|cong van|quyet dinh)\b/;

/**
 * The years 2000–2099 a text states, without the ones inside dates, periods or references.
 *
 * @example
 * yearsInText("BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CHỈ SỐ CHUYỂN ĐỔI SỐ (DTI) NĂM 2023") //=> [2023]
 * yearsInText("(Kèm theo Công văn số /STTTT-CĐS ngày tháng năm 2024)") //=> []
 */
export function yearsInText(text: string): number[] {
  let folded = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[()[\]"“”]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (REFERENCE_LINE.test(folded)) return [];
  for (const pattern of NOT_THE_SCORE_YEAR) folded = folded.replace(pattern, " ");
  return Array.from(folded.matchAll(YEAR_IN_TEXT), (m) => Number(m[1]));
}

/**
 * The year of a sheet name ("DTI 2023", "Year 2024", "Khối 1 năm 2023"), or null.
 *
 * @example
 * yearFromSheetName("DTI 2023") //=> 2023
 * yearFromSheetName("Khối 4 - Doanh nghiệp") //=> null
 */
export function yearFromSheetName(name: string): number | null {
  return yearsInText(name)[0] ?? null;
}

/**
 * The year of the first title line that states one, among the rows given (top to bottom).
 * Merged cells repeat their text; each distinct text of a row is read once.
 *
 * @example
 * yearFromTitleRows([["(Kèm theo Công văn … năm 2024)"], ["KẾT QUẢ NĂM 2023"]]) //=> 2023
 */
export function yearFromTitleRows(rows: readonly (readonly unknown[])[]): number | null {
  for (const cells of rows) {
    const seen = new Set<string>();
    for (const value of Array.isArray(cells) ? cells : []) {
      if (typeof value !== "string") continue;
      const text = cellText(value);
      if (text === "" || seen.has(text)) continue;
      seen.add(text);
      const year = yearsInText(text)[0];
      if (year !== undefined) return year;
    }
  }
  return null;
}

/* ---------------------------------------------------------------------------------------------
 * Small readers shared by the score-table and nominee readers
 * ------------------------------------------------------------------------------------------- */

/**
 * The cell matrix of a sheet, or none when the sheet carries something else.
 *
 * @example
 * sheetValues({ name: "S", values: [[1]] }) //=> [[1]]
 */
export function sheetValues(sheet: CellSheet): readonly (readonly unknown[])[] {
  return Array.isArray(sheet.values) ? sheet.values : [];
}

/**
 * A row or column offset as given, or 0 when it is not a whole number of at least 0.
 *
 * @example
 * offsetOf(4) //=> 4
 * offsetOf(-1) //=> 0
 */
export function offsetOf(value: unknown): number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : 0;
}

/**
 * True when two sheet names are the same for Excel (case and surrounding spaces ignored).
 *
 * @example
 * sameSheetName("DTI 2023", " dti 2023") //=> true
 */
export function sameSheetName(a: string, b: string): boolean {
  return a === b || a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The year a year cell holds: a whole number, a date's year, or the first year in its text.
 *
 * @example
 * yearOfCell("Năm 2024") //=> 2024
 * yearOfCell("năm nay") //=> null
 */
export function yearOfCell(value: unknown): number | null {
  if (typeof value === "number") return Number.isInteger(value) ? value : null;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value.getUTCFullYear();
  }
  const parsed = parseCellNumber(value);
  if (parsed.kind === "number") return Number.isInteger(parsed.value) ? parsed.value : null;
  if (parsed.kind === "text") return yearsInText(parsed.text)[0] ?? null;
  return null;
}

/** The reading-report reason of a column whose header matched its role's words. */
export const HEADER_MATCHED: Bilingual = {
  vi: "tiêu đề cột khớp",
  en: "the header matches",
};

/**
 * The reading report's lines for a header row's roles, in sheet column order.
 *
 * @example
 * columnReadings(["Đơn vị", "Điểm"], { unit: 0, score: 1 }, 0).map((r) => r.column) //=> ["A", "B"]
 */
export function columnReadings(
  texts: readonly string[],
  columns: Readonly<Partial<Record<ColumnRole | NomineeColumnRole, number>>>,
  colOffset: number,
  why: (role: ColumnRole | NomineeColumnRole) => Bilingual = () => HEADER_MATCHED,
): ColumnReading[] {
  return (Object.entries(columns) as [ColumnRole | NomineeColumnRole, number | undefined][])
    .filter((entry): entry is [ColumnRole | NomineeColumnRole, number] => entry[1] !== undefined)
    .sort((a, b) => a[1] - b[1])
    .map(([role, col]) => ({
      role,
      column: columnLetter(colOffset + col),
      header: texts[col] ?? "",
      why: why(role),
    }));
}
