/**
 * Reads the score tables of a workbook into typed unit rows. Nothing is lost: a row that looks
 * like a unit but cannot be ranked becomes an `InvalidUnitRow` with one error `Issue` per problem,
 * each naming its sheet and A1 cell. Reading never throws on bad data.
 *
 * How rows are told apart (in this order, per row below a header row):
 * - a row that passes header detection again starts a new table (two tables stacked on a sheet);
 * - blank rows are skipped; a row with numbers but a blank unit name is reported
 *   (UNIT_NAME_MISSING) unless a cell of it reads as a total;
 * - total and average rows ("Tổng cộng", "Cộng", "Trung bình", "Tổng số đơn vị …", "Total") are
 *   skipped;
 * - section rows set the bloc of the rows below: a name starting with "Khối"/"Bloc" ("KHỐI SỞ,
 *   BAN, NGÀNH", "Khối 2"), or a Roman numeral in the first column or the row-number column
 *   ("III | KHỐI UBND XÃ, PHƯỜNG, THỊ TRẤN"), or — without any number in the row — a name made of
 *   bloc words only ("Sở, ban, ngành", "Xã, phường, thị trấn");
 * - a row with a name but no score, max score or ratio value is a sub-heading (its text becomes
 *   the `group` of the units below it until the next section row) only when it has no number in
 *   the row-number (STT) column, no bloc or year value, and its name looks like a heading ("Quận
 *   …", "Huyện …", "Thị xã …", "Thành phố …", "Khu vực …", or ALL CAPS); otherwise it is a unit
 *   and is reported (SCORE_MISSING), so that nothing is lost silently;
 * - every other row with a name is a unit.
 */
import { cellText, parseCellNumber } from "./cells";
import type { ParsedNumber } from "./cells";
import {
  classifyNomineeHeader,
  classifyScoreHeader,
  columnReadings,
  findHeaderRow,
  headerKey,
  isNomineeHeader,
  isScoreHeader,
  mapHeaderRow,
  maxFromHeader,
  mayBeHeaderRow,
  offsetOf,
  rowAt,
  sameSheetName,
  scoreColumns,
  sheetValues,
  yearFromSheetName,
  yearFromTitleRows,
  yearOfCell,
} from "./headers";
import type { HeaderMatch, ScoreHeaderRole } from "./headers";
import { makeIssue } from "./issues";
import type { Issue, IssueCode, IssueParams } from "./issues";
import { isAwardYear, isBloc } from "./rules";
import type {
  Bloc,
  CellRef,
  CellSheet,
  DetectedTable,
  InvalidUnitRow,
  RankOptions,
  UnitScore,
} from "./types";
import { cellAddress, columnLetter, foldText, unitKey } from "./text";

export interface ReadScoreOptions {
  readonly year?: number;
  readonly sheets?: readonly string[];
  readonly columns?: RankOptions["columns"];
  readonly bloc?: RankOptions["bloc"];
  readonly headerRow?: number;
  readonly ignoreSheets?: readonly string[];
  readonly nomineeSheet?: string;
}

export interface ScoreReading {
  /** Valid rows, in reading order. */
  readonly units: readonly UnitScore[];
  /** Rows that look like units but cannot be ranked (each has at least one error issue). */
  readonly invalid: readonly InvalidUnitRow[];
  readonly issues: readonly Issue[];
  readonly tables: readonly DetectedTable[];
}

/** Unit names are cut to this many characters (NAME_TOO_LONG). */
export const MAX_NAME_LENGTH = 1000;

/* ---------------------------------------------------------------------------------------------
 * Blocs from cells, headings and sheet names
 * ------------------------------------------------------------------------------------------- */

const ROMAN_BLOCS: Readonly<Record<string, Bloc>> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** Bloc words, most specific first; matched as whole words in folded text. */
const BLOC_KEYWORDS: readonly (readonly [Bloc, readonly string[]])[] = [
  [
    3,
    ["xa phuong thi tran", "xa phuong", "phuong xa", "xa thi tran", "cap xa", "communes", "wards"],
  ],
  [2, ["quan huyen", "huyen quan", "cap huyen", "districts"]],
  [4, ["doanh nghiep", "vien thong", "cong nghe thong tin", "enterprise", "enterprises"]],
  [1, ["so ban nganh", "so nganh", "co quan chuyen mon", "agencies"]],
];

const ENTERPRISE_KEYWORDS = BLOC_KEYWORDS.find(([bloc]) => bloc === 4)?.[1] ?? [];

function hasWords(folded: string, phrase: string): boolean {
  return ` ${folded} `.includes(` ${phrase} `);
}

/** The bloc named by bloc words in folded text ("khoi ubnd quan huyen" → 2), or null. */
function blocFromKeywords(folded: string, keywords = BLOC_KEYWORDS): Bloc | null {
  for (const [bloc, phrases] of keywords) {
    if (phrases.some((p) => hasWords(folded, p))) return bloc;
  }
  return null;
}

const BLOC_NUMBER = /\b(?:khoi|bloc|block)\s*(iv|iii|ii|i|[1-4])\b/;

function blocFromToken(token: string): Bloc | null {
  const roman = ROMAN_BLOCS[token];
  if (roman !== undefined) return roman;
  const n = Number(token);
  return isBloc(n) ? n : null;
}

/**
 * The bloc a bloc-column cell names: 1–4, "Khối 1", "Khối I", "K1", or bloc words.
 *
 * @example
 * blocFromCell("Khối I") //=> 1
 * blocFromCell("Khối UBND quận, huyện") //=> 2
 * blocFromCell(7) //=> null
 */
export function blocFromCell(value: unknown): Bloc | null {
  if (typeof value === "number") return isBloc(value) ? value : null;
  const folded = foldText(cellText(value));
  if (folded === "") return null;
  const alone = blocFromToken(folded);
  if (alone !== null) return alone;
  const numbered = /^(?:khoi|bloc|block|nhom|k)\s*(iv|iii|ii|i|[1-4])\b/.exec(folded);
  if (numbered) return blocFromToken(numbered[1]);
  return blocFromKeywords(folded);
}

/**
 * The bloc a sheet name states: "Khối 4 - Doanh nghiệp", "Khoi 3", "Bloc 1", or bloc words.
 *
 * @example
 * blocFromSheetName("Khối 4 - Doanh nghiệp") //=> 4
 * blocFromSheetName("DTI 2023") //=> null
 */
export function blocFromSheetName(name: string): Bloc | null {
  const folded = foldText(name);
  const numbered = BLOC_NUMBER.exec(folded);
  if (numbered) return blocFromToken(numbered[1]);
  return blocFromKeywords(folded);
}

/** A section heading's bloc; `undefined` when the text is not a section heading at all. */
interface Heading {
  readonly bloc: Bloc | null;
}

const ROMAN_NUMERAL = /^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)$/;
/** A cell holding only a Roman numeral, as section rows number blocs ("I", "II.", "iii"). */
const ROMAN_CELL = /^(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\.?$/i;
const LEADING_NUMBERING = /^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|\d{1,2}|[a-d])\s+/;

/**
 * Reads a name as a bloc section heading. `numbered` is true when the row's first or row-number
 * cell holds a Roman numeral; `weak` allows headings made of bloc words only.
 */
function sectionHeading(folded: string, numbered: boolean, weak: boolean): Heading | null {
  const prefix = LEADING_NUMBERING.exec(folded);
  const rest = prefix ? folded.slice(prefix[0].length) : folded;
  const romanPrefix = prefix !== null && ROMAN_NUMERAL.test(prefix[0].trim());
  if (/^(?:khoi|bloc|block)\b/.test(rest)) {
    const numberedBloc = /^(?:khoi|bloc|block)\s*(iv|iii|ii|i|[1-4])\b/.exec(rest);
    if (numberedBloc) return { bloc: blocFromToken(numberedBloc[1]) };
    return { bloc: blocFromKeywords(rest) };
  }
  if (rest === "" || ROMAN_NUMERAL.test(rest)) return null;
  if (numbered || romanPrefix) return { bloc: blocFromKeywords(rest) };
  if (weak) {
    // Only a text made of bloc words: "UBND phường Cái Khế" is a unit, not a heading.
    const bloc = blocFromKeywords(rest);
    if (bloc !== null && isBlocWordsOnly(rest)) return { bloc };
  }
  return null;
}

const BLOC_FILLER_WORDS = new Set([
  "khoi",
  "ubnd",
  "uy",
  "ban",
  "nhan",
  "dan",
  "cac",
  "co",
  "quan",
  "don",
  "vi",
  "thuoc",
  "thanh",
  "pho",
  "va",
  "so",
  "nganh",
  "huyen",
  "xa",
  "phuong",
  "thi",
  "tran",
  "doanh",
  "nghiep",
  "vien",
  "thong",
  "cong",
  "nghe",
  "tin",
  "cap",
  "chuyen",
  "mon",
  "city",
  "agencies",
  "districts",
  "communes",
  "wards",
  "enterprises",
  "and",
  "the",
]);

function isBlocWordsOnly(folded: string): boolean {
  return folded.split(" ").every((w) => BLOC_FILLER_WORDS.has(w));
}

/* ---------------------------------------------------------------------------------------------
 * Totals, sub-headings, marks
 * ------------------------------------------------------------------------------------------- */

const TOTAL_EXACT = new Set([
  "tong",
  "cong",
  "tong cong",
  "tong so",
  "trung binh",
  "binh quan",
  "total",
  "grand total",
  "sum",
  "average",
  "mean",
]);
const TOTAL_PREFIXES = [
  "tong cong ",
  "tong so ",
  "cong ",
  "trung binh ",
  "binh quan ",
  "diem trung binh",
  "diem binh quan",
  "total ",
  "average ",
  "grand total ",
];

/** "Công an thành phố" is a unit: a "Cộng" prefix counts only before a colon or a number. */
function isTotalText(folded: string): boolean {
  if (TOTAL_EXACT.has(folded)) return true;
  return TOTAL_PREFIXES.some((p) => {
    if (!folded.startsWith(p)) return false;
    if (p !== "cong ") return true;
    return /^cong (?:khoi|\d|i|ii|iii|iv)\b/.test(folded);
  });
}

const HEADING_START = /^(?:quan|huyen|thi xa|thanh pho|tp|khu vuc|district|town|city)\b/;

/** Looks like a heading: "Quận …", "Huyện …", "Thị xã …", "Thành phố …", or ALL CAPS. */
function looksLikeHeading(name: string, folded: string): boolean {
  if (HEADING_START.test(folded)) return true;
  return /\p{L}/u.test(name) && name === name.toUpperCase() && name !== name.toLowerCase();
}

const NOT_A_MARK = new Set(["", "0", "khong", "no", "n", "false", "-"]);

/**
 * True for any non-blank mark in an "excluded" column ("x", "có", "yes", "1", true, "không
 * xét"); false for blanks and explicit "no" marks (0, "0", "không", "no", false).
 *
 * @example
 * isExcludedMark("x") //=> true
 * isExcludedMark("không xét") //=> true
 * isExcludedMark("") //=> false
 */
export function isExcludedMark(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  const text = cellText(value);
  if (text === "") return false;
  const folded = foldText(text);
  return folded === "" ? true : !NOT_A_MARK.has(folded);
}

/* ---------------------------------------------------------------------------------------------
 * Tables and raw rows
 * ------------------------------------------------------------------------------------------- */

interface TablePlan {
  readonly sheet: string;
  readonly rowOffset: number;
  readonly colOffset: number;
  readonly values: readonly (readonly unknown[])[];
  readonly header: HeaderMatch<ScoreHeaderRole>;
  /** Exclusive end row of the data. */
  readonly end: number;
  /** The year the sheet name or a title line states. */
  readonly statedYear: number | null;
  /** Bloc from the sheet name, title lines or the unit header, for rows with no other source. */
  readonly fallbackBloc: Bloc | null;
  readonly maxHeader: number | null;
}

interface RawRow {
  readonly table: number;
  readonly name: string;
  readonly key: string;
  readonly source: CellRef;
  readonly group: string;
  readonly bloc: Bloc | null;
  /** A year from the row's year cell; `undefined` when the table has none or the cell is blank. */
  readonly cellYear: { readonly year: number | null; readonly ref: CellRef } | undefined;
  readonly score: number | null;
  readonly maxScore: number | null;
  readonly excluded: boolean;
  readonly note: string;
  readonly issues: readonly Issue[];
}

interface TableYear {
  readonly year: number | null;
  readonly source: DetectedTable["yearSource"];
}

/** Rows above a header that may hold its title: up to the nearest row holding a number. */
function titleRowsAbove(
  values: readonly (readonly unknown[])[],
  header: number,
  floor: number,
): (readonly unknown[])[] {
  let start = header;
  while (start > floor) {
    const cells = rowAt(values, start - 1);
    if (cells.some((v) => typeof v === "number")) break;
    start -= 1;
  }
  return values.slice(start, header).map((_r, i) => rowAt(values, start + i));
}

function blocFromTitleRows(rows: readonly (readonly unknown[])[]): Bloc | null {
  for (const cells of rows) {
    for (const value of cells) {
      if (typeof value !== "string") continue;
      const folded = foldText(value);
      const numbered = BLOC_NUMBER.exec(folded);
      if (numbered) return blocFromToken(numbered[1]);
      if (blocFromKeywords(folded, [[4, ENTERPRISE_KEYWORDS]]) !== null) return 4;
    }
  }
  return null;
}

interface SheetPlans {
  readonly plans: TablePlan[];
  readonly issues: Issue[];
}

/** Finds the score tables of one sheet: the first header row, then any repeated header rows. */
function planSheet(sheet: CellSheet, options: ReadScoreOptions): SheetPlans {
  const values = sheetValues(sheet);
  const rowOffset = offsetOf(sheet.rowOffset);
  const colOffset = offsetOf(sheet.colOffset);
  const named = options.columns ?? {};
  const issues: Issue[] = [];
  const searchRows =
    options.headerRow !== undefined
      ? [Math.trunc(options.headerRow) - 1 - rowOffset].filter((r) => r >= 0 && r < values.length)
      : undefined;
  const first = findHeaderRow(values, classifyScoreHeader, isScoreHeader, named, searchRows);
  const headerRef = (row: number): CellRef => ({
    sheet: sheet.name,
    cell: cellAddress(rowOffset + row, colOffset),
  });
  const reportMissing = (match: HeaderMatch<ScoreHeaderRole>): void => {
    const missing = mapHeaderRow(rowAt(values, match.row), classifyScoreHeader, named).missing;
    for (const m of missing) {
      issues.push(makeIssue("HEADER_NOT_FOUND", headerRef(match.row), m));
    }
  };
  if (first === null) {
    if (Object.keys(named).length > 0) {
      const detected = findHeaderRow(values, classifyScoreHeader, isScoreHeader, {}, searchRows);
      if (detected) reportMissing(detected);
    }
    return { plans: [], issues };
  }
  if (first.missing.length > 0) {
    // A header the user named is not there: reading another column in its place would be a guess.
    reportMissing(first);
    return { plans: [], issues };
  }
  const headers: HeaderMatch<ScoreHeaderRole>[] = [first];
  for (let row = first.row + 1; row < values.length; row += 1) {
    const cells = rowAt(values, row);
    if (!mayBeHeaderRow(cells)) continue;
    const match = mapHeaderRow(cells, classifyScoreHeader, named, row);
    if (isScoreHeader(match) && match.missing.length === 0) headers.push(match);
  }
  const sheetYear = yearFromSheetName(sheet.name);
  const sheetBloc = blocFromSheetName(sheet.name);
  const plans = headers.map((header, i): TablePlan => {
    const floor = i === 0 ? 0 : headers[i - 1].row + 1;
    const titles = titleRowsAbove(values, header.row, floor);
    const unitHeader = header.texts[header.columns.unit ?? -1] ?? "";
    const scoreHeader = header.texts[header.columns.score ?? -1] ?? "";
    const headerBloc = blocFromKeywords(headerKey(unitHeader), [[4, ENTERPRISE_KEYWORDS]]);
    return {
      sheet: sheet.name,
      rowOffset,
      colOffset,
      values,
      header,
      end: i + 1 < headers.length ? headers[i + 1].row : values.length,
      statedYear: sheetYear ?? yearFromTitleRows(titles),
      fallbackBloc: sheetBloc ?? blocFromTitleRows(titles) ?? headerBloc,
      maxHeader:
        header.columns.maxScore === undefined && header.columns.score !== undefined
          ? maxFromHeader(scoreHeader)
          : null,
    };
  });
  return { plans, issues };
}

/** A cell of a row with its A1 reference. */
interface RowReader {
  readonly cells: readonly unknown[];
  ref(col: number): CellRef;
}

interface NumberProblem {
  readonly code: IssueCode;
  readonly params: IssueParams;
}

/** What a parsed score, max or ratio cell means for that column. */
function numberProblem(
  parsed: ParsedNumber,
  column: "score" | "maxScore" | "ratio",
  unit: string,
): NumberProblem | null {
  const what = {
    score: { vi: "điểm", en: "score" },
    maxScore: { vi: "điểm tối đa", en: "max score" },
    ratio: { vi: "tỷ lệ", en: "ratio" },
  }[column];
  switch (parsed.kind) {
    case "number":
      return null;
    case "blank":
      return { code: column === "maxScore" ? "MAX_MISSING" : "SCORE_MISSING", params: { unit } };
    case "error":
      return {
        code: "CELL_ERROR",
        params: { unit, what: what.vi, whatEn: what.en, value: parsed.value },
      };
    case "ambiguous":
      return {
        code: "NUMBER_AMBIGUOUS",
        params: { value: parsed.text, thousand: parsed.thousand, decimal: parsed.decimal },
      };
    case "date":
      return column === "maxScore"
        ? { code: "MAX_NOT_NUMBER", params: { unit, value: parsed.text } }
        : { code: "SCORE_IS_DATE", params: { unit, value: parsed.text } };
    case "text":
      return column === "maxScore"
        ? { code: "MAX_NOT_NUMBER", params: { unit, value: parsed.text } }
        : { code: "SCORE_NOT_NUMBER", params: { unit, value: parsed.text } };
  }
}

/** A written ratio on its own scale: a percent when typed with "%" or above 1.5. */
function ratioFraction(parsed: { value: number; percent: boolean }): number {
  return parsed.percent || parsed.value > 1.5 ? parsed.value / 100 : parsed.value;
}

/**
 * True when a written ratio disagrees with score ÷ max by more than its written rounding (half a
 * unit of its last written decimal). A value of 1.5 or less without "%" may be a fraction or a
 * tiny percent: it agrees when either reading does.
 */
function ratioDisagrees(
  written: { value: number; percent: boolean; decimals: number },
  computed: number,
): boolean {
  const percentScale = written.percent || written.value > 1.5;
  const readings = percentScale ? [100] : [1, 100];
  const halfUnit = 0.5 * 10 ** -written.decimals;
  return readings.every(
    (scale) => Math.abs(written.value / scale - computed) > halfUnit / scale + 1e-9,
  );
}

function formatComputed(computed: number, written: { value: number; percent: boolean }): string {
  return written.percent || written.value > 1.5
    ? `${Number((computed * 100).toFixed(4))}%`
    : String(Number(computed.toFixed(6)));
}

/** Reads one cell of the year column: a number or a text stating a year. */

/** True for a blank cell without building its text. */
function isBlankCell(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === "string" && value.trim() === "") ||
    (value instanceof Date && Number.isNaN(value.getTime()))
  );
}

function isRomanCell(value: unknown): boolean {
  return typeof value === "string" && value.length <= 8 && ROMAN_CELL.test(value.trim());
}

/** First words after which a name may be a total, a section heading or a numbered heading. */
const SPECIAL_FIRST_WORDS = new Set([
  "tong",
  "cong",
  "trung",
  "binh",
  "diem",
  "total",
  "average",
  "grand",
  "sum",
  "mean",
  "khoi",
  "bloc",
  "block",
]);

/**
 * Per-read caches, so that 100,000 rows fold each distinct word once: unit keys are built word
 * by word (`unitKey` folds each word on its own) and first words are classified once.
 */
interface ReadCache {
  readonly wordKeys: Map<string, string>;
  readonly firstWords: Map<string, boolean>;
}

function newCache(): ReadCache {
  return { wordKeys: new Map(), firstWords: new Map() };
}

// eslint-disable-next-line no-control-regex
const ASCII_WITHOUT_Y = /^[\x00-\x78\x7a-\x7f]*$/;

/** `unitKey(name)` for a name that is already clean text, with each word folded once. */
function cachedUnitKey(name: string, cache: ReadCache): string {
  const words = name.trim().toLowerCase().split(" ");
  let key = "";
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i];
    // A plain ASCII word without "y" folds to itself (it is already lower case): no cache entry.
    let folded = ASCII_WITHOUT_Y.test(word) ? word : cache.wordKeys.get(word);
    if (folded === undefined) {
      folded = unitKey(word);
      cache.wordKeys.set(word, folded);
    }
    key = i === 0 ? folded : `${key} ${folded}`;
  }
  return key;
}

/** True when a name's first word may start a total row or a heading (checked in full then). */
function mayBeSpecial(name: string, cache: ReadCache): boolean {
  const space = name.indexOf(" ");
  const word = space < 0 ? name : name.slice(0, space);
  let special = cache.firstWords.get(word);
  if (special === undefined) {
    const folded = foldText(word);
    special =
      SPECIAL_FIRST_WORDS.has(folded) ||
      ROMAN_NUMERAL.test(folded) ||
      /^(?:\d{1,2}|[a-d])$/.test(folded);
    cache.firstWords.set(word, special);
  }
  return special;
}

/** Reads the data rows of one table into raw rows (year and duplicates are settled later). */
function readTableRows(
  plan: TablePlan,
  tableIndex: number,
  cache: ReadCache,
  issues: Issue[],
): RawRow[] {
  const { values, header, colOffset, rowOffset } = plan;
  const c = header.columns;
  const unitCol = c.unit ?? 0;
  const letters: string[] = [];
  const rows: RawRow[] = [];
  let sectionBloc: Bloc | null | undefined;
  let group = "";
  for (let r = header.row + 1; r < plan.end; r += 1) {
    const cells = rowAt(values, r);
    const sheetRow = rowOffset + r + 1;
    const ref = (col: number): CellRef => {
      const letter = (letters[col] ??= columnLetter(colOffset + col));
      return { sheet: plan.sheet, cell: `${letter}${sheetRow}` };
    };
    const scoreParsed = c.score !== undefined ? parseCellNumber(cells[c.score]) : null;
    const maxParsed = c.maxScore !== undefined ? parseCellNumber(cells[c.maxScore]) : null;
    const ratioParsed = c.ratio !== undefined ? parseCellNumber(cells[c.ratio]) : null;
    const hasData =
      (scoreParsed !== null && scoreParsed.kind !== "blank") ||
      (maxParsed !== null && maxParsed.kind !== "blank") ||
      (ratioParsed !== null && ratioParsed.kind !== "blank");
    const rawName = cellText(cells[unitCol]);
    const numbered =
      isRomanCell(cells[0]) || (c.index !== undefined && isRomanCell(cells[c.index]));
    if (rawName === "") {
      if (hasData && !cells.some((v) => typeof v === "string" && isTotalText(foldText(v)))) {
        issues.push(makeIssue("UNIT_NAME_MISSING", ref(unitCol)));
      }
      if (!hasData) {
        for (const value of cells) {
          if (typeof value !== "string") continue;
          const heading = sectionHeading(foldText(value), numbered, false);
          if (heading) {
            sectionBloc = heading.bloc;
            group = "";
            break;
          }
        }
      }
      continue;
    }
    const hasStt = c.index !== undefined && parseCellNumber(cells[c.index]).kind === "number";
    const weak = !hasData && !hasStt;
    let folded = "";
    if (weak || numbered || mayBeSpecial(rawName, cache)) {
      folded = foldText(rawName.length > 64 ? rawName.slice(0, 64) : rawName);
      if (isTotalText(folded)) continue;
      const heading = sectionHeading(folded, numbered, weak);
      if (heading) {
        sectionBloc = heading.bloc;
        group = "";
        continue;
      }
    }
    const blocValue = c.bloc !== undefined ? cells[c.bloc] : undefined;
    const yearValue = c.year !== undefined ? cells[c.year] : undefined;
    const hasBlocValue = !isBlankCell(blocValue);
    const hasYearValue = !isBlankCell(yearValue);
    if (weak && !hasBlocValue && !hasYearValue) {
      // Only text that reads as a heading is taken for one: a unit whose number and scores were
      // left blank must be reported, not silently turned into a heading.
      if (looksLikeHeading(rawName, folded)) {
        group = rawName;
        continue;
      }
    }
    rows.push(
      readUnitRow(plan, tableIndex, { cells, ref }, rawName, group, cache, {
        scoreParsed,
        maxParsed,
        ratioParsed,
        sectionBloc,
        blocValue,
        hasBlocValue,
        yearValue,
        hasYearValue,
      }),
    );
  }
  return rows;
}

interface RowValues {
  readonly scoreParsed: ParsedNumber | null;
  readonly maxParsed: ParsedNumber | null;
  readonly ratioParsed: ParsedNumber | null;
  readonly sectionBloc: Bloc | null | undefined;
  readonly blocValue: unknown;
  readonly hasBlocValue: boolean;
  readonly yearValue: unknown;
  readonly hasYearValue: boolean;
}

function readUnitRow(
  plan: TablePlan,
  tableIndex: number,
  row: RowReader,
  rawName: string,
  group: string,
  cache: ReadCache,
  v: RowValues,
): RawRow {
  const c = plan.header.columns;
  const unitCol = c.unit ?? 0;
  const source = row.ref(unitCol);
  const issues: Issue[] = [];
  let name = rawName;
  if (name.length > MAX_NAME_LENGTH) {
    issues.push(makeIssue("NAME_TOO_LONG", source, { length: name.length, kept: MAX_NAME_LENGTH }));
    name = name.slice(0, MAX_NAME_LENGTH);
  }
  const unit = name.length > 80 ? `${name.slice(0, 80)}…` : name;
  const problem = (col: number, p: NumberProblem): void => {
    issues.push(makeIssue(p.code, row.ref(col), p.params));
  };

  // Bloc: the row's bloc cell, else the section above, else the sheet name, title or header.
  let bloc: Bloc | null = null;
  if (v.hasBlocValue && c.bloc !== undefined) {
    bloc = blocFromCell(v.blocValue);
    if (bloc === null) {
      issues.push(
        makeIssue("BLOC_UNKNOWN", row.ref(c.bloc), { unit, value: cellText(v.blocValue) }),
      );
    }
  } else {
    bloc = v.sectionBloc ?? plan.fallbackBloc;
    if (bloc === null) issues.push(makeIssue("BLOC_UNKNOWN", source, { unit, value: "" }));
  }

  let cellYear: RawRow["cellYear"];
  if (v.hasYearValue && c.year !== undefined) {
    cellYear = { year: yearOfCell(v.yearValue), ref: row.ref(c.year) };
  }

  let score: number | null = null;
  let maxScore: number | null = null;
  if (c.score !== undefined && v.scoreParsed) {
    const p = v.scoreParsed;
    if (p.kind === "number") score = p.value;
    else problem(c.score, numberProblem(p, "score", unit) as NumberProblem);
    if (c.maxScore !== undefined && v.maxParsed) {
      const m = v.maxParsed;
      if (m.kind === "number") {
        if (m.value > 0) maxScore = m.value;
        else problem(c.maxScore, { code: "MAX_NOT_POSITIVE", params: { unit, max: m.value } });
      } else {
        problem(c.maxScore, numberProblem(m, "maxScore", unit) as NumberProblem);
      }
    } else if (plan.maxHeader !== null) {
      maxScore = plan.maxHeader;
    }
    if (score !== null && score < 0) {
      problem(c.score, { code: "SCORE_NEGATIVE", params: { unit, score } });
    } else if (score !== null && maxScore !== null && score > maxScore) {
      problem(c.score, { code: "SCORE_ABOVE_MAX", params: { unit, score, max: maxScore } });
    }
    const r = v.ratioParsed;
    if (c.ratio !== undefined && r && r.kind === "number" && score !== null && score >= 0) {
      if (maxScore !== null && score <= maxScore && ratioDisagrees(r, score / maxScore)) {
        issues.push(
          makeIssue("RATIO_MISMATCH", row.ref(c.ratio), {
            unit,
            written: cellText(row.cells[c.ratio]),
            computed: formatComputed(score / maxScore, r),
          }),
        );
      }
    }
  } else if (c.ratio !== undefined && v.ratioParsed) {
    // A ratio column and no score column: the ratio is the score, out of 1.
    const p = v.ratioParsed;
    maxScore = 1;
    if (p.kind === "number") {
      score = ratioFraction(p);
      if (score < 0) problem(c.ratio, { code: "SCORE_NEGATIVE", params: { unit, score: p.value } });
      else if (score > 1) {
        const max = p.percent || p.value > 1.5 ? "100%" : 1;
        problem(c.ratio, { code: "SCORE_ABOVE_MAX", params: { unit, score: p.value, max } });
      }
    } else {
      problem(c.ratio, numberProblem(p, "ratio", unit) as NumberProblem);
    }
  }

  return {
    table: tableIndex,
    name,
    key: cachedUnitKey(name, cache),
    source,
    group,
    bloc,
    cellYear,
    score,
    maxScore,
    excluded: c.excluded !== undefined && isExcludedMark(row.cells[c.excluded]),
    note: c.note !== undefined ? cellText(row.cells[c.note]) : "",
    issues,
  };
}

/* ---------------------------------------------------------------------------------------------
 * The workbook
 * ------------------------------------------------------------------------------------------- */

/**
 * The info that a hidden sheet was not read: about the sheet, not one of its cells.
 *
 * @example
 * sheetHiddenIssue("DTI 2022").message.en
 * //=> "Sheet “DTI 2022” is hidden and was not read; choose it explicitly to rank it."
 */
export function sheetHiddenIssue(name: string): Issue {
  return { ...makeIssue("SHEET_HIDDEN", null, { name }), sheet: name };
}

/**
 * The sheets to read for scores, with SHEET_NOT_FOUND for names that are not there and
 * SHEET_HIDDEN for hidden sheets passed over. A hidden nominee sheet is left to `readNominees`
 * to report, so that a run reports each hidden sheet once.
 */
function scoreSheets(
  sheets: readonly CellSheet[],
  options: ReadScoreOptions,
): { sheets: CellSheet[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const ignored = options.ignoreSheets ?? [];
  let chosen = sheets.filter(
    (s) => s && typeof s.name === "string" && !ignored.some((n) => sameSheetName(n, s.name)),
  );
  if (options.sheets && options.sheets.length > 0) {
    for (const name of options.sheets) {
      if (!sheets.some((s) => s && sameSheetName(name, s.name))) {
        issues.push(makeIssue("SHEET_NOT_FOUND", null, { name }));
      }
    }
    // Named sheets are read whether hidden or not; the others are not read, but a visible one
    // that holds a score table is named, so that a whole sheet never drops out unnoticed.
    const wanted = options.sheets;
    const isWanted = (s: CellSheet): boolean => wanted.some((n) => sameSheetName(n, s.name));
    const chosenList = wanted.map((n) => `“${n}”`).join(", ");
    for (const sheet of chosen) {
      if (isWanted(sheet) || sheet.hidden === true || isNomineeSheet(sheet, options.nomineeSheet)) {
        continue;
      }
      if (findHeaderRow(sheetValues(sheet), classifyScoreHeader, isScoreHeader) !== null) {
        issues.push(
          makeIssue(
            "SHEET_NOT_SELECTED",
            { sheet: sheet.name, cell: "A1" },
            {
              sheet: sheet.name,
              chosen: chosenList,
            },
          ),
        );
      }
    }
    chosen = chosen.filter(isWanted).filter((s) => !isNomineeSheet(s, options.nomineeSheet));
    return { sheets: chosen, issues };
  }
  chosen = chosen.filter((s) => !isNomineeSheet(s, options.nomineeSheet));
  for (const sheet of chosen) if (sheet.hidden === true) issues.push(sheetHiddenIssue(sheet.name));
  return { sheets: chosen.filter((s) => s.hidden !== true), issues };
}

function isNomineeSheet(sheet: CellSheet, nomineeSheet: string | undefined): boolean {
  if (nomineeSheet !== undefined) return sameSheetName(nomineeSheet, sheet.name);
  return findHeaderRow(sheetValues(sheet), classifyNomineeHeader, isNomineeHeader) !== null;
}

/**
 * Reads every score table of a workbook.
 *
 * @example
 * readScoreTables([{ name: "DTI 2023", values: [["Đơn vị", "Khối", "Điểm"], ["Sở Y tế", 1, 90]] }]).units[0]
 * //=> { name: "Sở Y tế", bloc: 1, year: 2023, score: 90, maxScore: null, ratio: null, … }
 */
export function readScoreTables(
  sheets: readonly CellSheet[],
  options: ReadScoreOptions = {},
): ScoreReading {
  const selected = scoreSheets(Array.isArray(sheets) ? sheets : [], options);
  const issues: Issue[] = [...selected.issues];
  const plans: TablePlan[] = [];
  for (const sheet of selected.sheets) {
    const sheetPlans = planSheet(sheet, options);
    issues.push(...sheetPlans.issues);
    plans.push(...sheetPlans.plans);
  }
  if (plans.length === 0) {
    issues.push(makeIssue("NO_SCORE_TABLE", null));
    return { units: [], invalid: [], issues, tables: [] };
  }
  const cache = newCache();
  const rawByTable = plans.map((plan, i) => readTableRows(plan, i, cache, issues));
  const years = tableYears(plans, rawByTable, options.year);
  return settleRows(plans, rawByTable, years, issues);
}

/** Each table's year: its column, its sheet name or title, the caller's, or the workbook's. */
function tableYears(
  plans: readonly TablePlan[],
  rawByTable: readonly (readonly RawRow[])[],
  callerYear: number | undefined,
): TableYear[] {
  const found = new Set<number>();
  plans.forEach((plan, i) => {
    if (plan.statedYear !== null) found.add(plan.statedYear);
    for (const row of rawByTable[i]) if (row.cellYear?.year != null) found.add(row.cellYear.year);
  });
  const workbookYear = found.size === 1 ? [...found][0] : null;
  return plans.map((plan, i): TableYear => {
    if (plan.header.columns.year !== undefined) {
      const inColumn = new Set(rawByTable[i].map((r) => r.cellYear?.year ?? null));
      const single = inColumn.size === 1 ? [...inColumn][0] : null;
      return { year: single ?? plan.statedYear ?? callerYear ?? null, source: "column" };
    }
    if (plan.statedYear !== null) return { year: plan.statedYear, source: "sheet" };
    if (callerYear !== undefined) return { year: callerYear, source: "caller" };
    if (workbookYear !== null) return { year: workbookYear, source: "workbook" };
    return { year: null, source: "none" };
  });
}

/** Settles years and duplicates and splits raw rows into units and invalid rows. */
function settleRows(
  plans: readonly TablePlan[],
  rawByTable: readonly (readonly RawRow[])[],
  years: readonly TableYear[],
  issues: Issue[],
): ScoreReading {
  const units: UnitScore[] = [];
  const invalid: InvalidUnitRow[] = [];
  const tables: DetectedTable[] = [];
  const firstSeen = new Map<string, CellRef>();
  const groupKeys = new Map<string, string>();
  let order = 0;
  plans.forEach((plan, t) => {
    const c = plan.header.columns;
    const tableYear = years[t];
    const headerCell = (col: number): CellRef => ({
      sheet: plan.sheet,
      cell: cellAddress(plan.rowOffset + plan.header.row, plan.colOffset + col),
    });
    if (plan.maxHeader !== null && c.score !== undefined) {
      issues.push(
        makeIssue("MAX_FROM_HEADER", headerCell(c.score), {
          max: plan.maxHeader,
          header: plan.header.texts[c.score],
        }),
      );
    } else if (c.maxScore === undefined && c.score !== undefined) {
      issues.push(makeIssue("RANKED_BY_SCORE", headerCell(c.score), { sheet: plan.sheet }));
    }
    if (tableYear.source === "workbook" && tableYear.year !== null) {
      issues.push(
        makeIssue("YEAR_FROM_WORKBOOK", headerCell(c.unit ?? 0), {
          sheet: plan.sheet,
          year: tableYear.year,
        }),
      );
    }
    const fallbackYear = tableYear.source === "column" ? (plan.statedYear ?? null) : tableYear.year;
    for (const raw of rawByTable[t]) {
      const rowIssues = raw.issues.length > 0 ? [...raw.issues] : [];
      const unit = raw.name;
      let year: number | null;
      if (raw.cellYear !== undefined) {
        year = raw.cellYear.year;
        if (year === null) {
          rowIssues.push(makeIssue("YEAR_MISSING", raw.cellYear.ref, { unit }));
        } else if (!isAwardYear(year)) {
          rowIssues.push(makeIssue("YEAR_OUT_OF_RANGE", raw.cellYear.ref, { unit, year }));
        }
      } else {
        year = tableYear.source === "column" ? (fallbackYear ?? null) : tableYear.year;
        if (year === null) rowIssues.push(makeIssue("YEAR_MISSING", raw.source, { unit }));
        else if (!isAwardYear(year)) {
          rowIssues.push(makeIssue("YEAR_OUT_OF_RANGE", raw.source, { unit, year }));
        }
      }
      if (raw.bloc !== null && year !== null) {
        let groupKey = groupKeys.get(raw.group);
        if (groupKey === undefined) {
          groupKey = unitKey(raw.group);
          groupKeys.set(raw.group, groupKey);
        }
        const dupKey = `${raw.bloc}\u0000${year}\u0000${groupKey}\u0000${raw.key}`;
        const first = firstSeen.get(dupKey);
        if (first === undefined) firstSeen.set(dupKey, raw.source);
        else {
          rowIssues.push(
            makeIssue("DUPLICATE_UNIT", raw.source, {
              unit,
              bloc: raw.bloc,
              year,
              first: first.sheet === raw.source.sheet ? first.cell : `${first.sheet}!${first.cell}`,
            }),
          );
        }
      }
      issues.push(...rowIssues);
      const errors = rowIssues.filter((i) => i.severity === "error");
      if (
        errors.length === 0 &&
        raw.bloc !== null &&
        year !== null &&
        isAwardYear(year) &&
        raw.score !== null
      ) {
        units.push({
          name: raw.name,
          key: raw.key,
          bloc: raw.bloc,
          year,
          score: raw.score,
          maxScore: raw.maxScore,
          ratio: raw.maxScore !== null ? raw.score / raw.maxScore : null,
          excluded: raw.excluded,
          note: raw.note,
          group: raw.group,
          source: raw.source,
          order,
        });
      } else {
        invalid.push({
          name: raw.name,
          key: raw.key,
          bloc: raw.bloc,
          year,
          score: raw.score,
          maxScore: raw.maxScore,
          group: raw.group,
          source: raw.source,
          order,
          issueCodes: [...new Set(errors.map((i) => i.code))],
        });
      }
      order += 1;
    }
    tables.push(detectedTable(plan, rawByTable[t].length, tableYear));
  });
  return { units, invalid, issues, tables };
}

function detectedTable(plan: TablePlan, dataRows: number, year: TableYear): DetectedTable {
  const columns: Partial<Record<string, string>> = {};
  for (const [role, col] of Object.entries(scoreColumns(plan.header.columns))) {
    if (col !== undefined) columns[role] = columnLetter(plan.colOffset + col);
  }
  return {
    sheet: plan.sheet,
    kind: "scores",
    headerRow: plan.rowOffset + plan.header.row + 1,
    headers: plan.header.texts,
    columns,
    dataRows,
    yearSource: year.source,
    year: year.year,
    range: `${cellAddress(plan.rowOffset + plan.header.row, plan.colOffset)}:${cellAddress(
      plan.rowOffset + plan.end - 1,
      plan.colOffset + Math.max(0, plan.header.texts.length - 1),
    )}`,
    readings: columnReadings(plan.header.texts, scoreColumns(plan.header.columns), plan.colOffset),
    blocSource: plan.header.columns.bloc !== undefined ? "column" : "none",
    notes: [],
  };
}
