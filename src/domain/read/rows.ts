/**
 * Reading a table's rows under a chosen set of columns. Each row is a unit, a bloc section, a
 * sub-heading (a district inside bloc 3), a total, average or count, or blank; a unit row's cells
 * are read in the table's number convention and checked, and every problem becomes an issue on
 * its cell. Nothing is dropped without being counted in the reading report.
 *
 * How rows are told apart (in this order, per row below the header):
 * - blank rows are skipped; a row with numbers but a blank unit name is reported
 *   (UNIT_NAME_MISSING) unless a cell of it reads as a total;
 * - totals, averages and counts ("Tổng cộng", "Cộng khối I", "TB khối III", "Điểm trung bình
 *   khối", "Số đơn vị") are skipped, matched as whole phrases ("Tổng công ty …" is a unit);
 * - section rows set the bloc of the rows below: a name starting with "Khối"/"Bloc", a Roman
 *   numeral in the first or row-number column, or — without any number in the row — a name made
 *   of bloc words only ("UBND CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ");
 * - a row with a name and no score, max or ratio is a sub-heading only when it has no row number,
 *   bloc or year, no exclusion mark, and reads as a heading ("Quận …", "Huyện …", ALL CAPS);
 * - every other row with a name is a unit; one marked "Không xét" without a score is excluded
 *   without a rank, not an error.
 */
import type { ParsedNumber } from "../cells";
import { cellText, parseCellNumber } from "../cells";
import { yearOfCell } from "../headers";
import { makeIssue } from "../issues";
import type { Issue, IssueCode, IssueParams } from "../issues";
import { isBloc } from "../rules";
import { adminTypeBloc, columnLetter, foldText, unitKey, unitNameForm } from "../text";
import type { AwardYear, Bloc, BlocSource, CellRef, UnitScore } from "../types";
import type { Grid } from "./grid";
import { isBlankCell, rowOf, shownValue, verticalMergesIn } from "./grid";
import type { ColumnPlan } from "./mapColumns";
import type { DecimalConvention, RatioScale } from "./numbers";
import { scaleOfRatio, settleNumber } from "./numbers";
import { ratioAgrees } from "./mapColumns";
import type { TableFrame } from "./locate";
import {
  AGGREGATE_FIRST_WORDS,
  aggregateKind,
  blocFromKeywords,
  describeHeader,
  isBlocWordsOnly,
  isExclusionText,
  mentionsExclusion,
  wordsBloc,
  type AggregateKind,
} from "./vocabulary";

/** Unit names are cut to this many characters (NAME_TOO_LONG). */
export const MAX_NAME_LENGTH = 1000;

/** A unit row before its year and duplicates are settled across the workbook. */
export interface RawRow {
  readonly name: string;
  readonly key: string;
  readonly source: CellRef;
  readonly group: string;
  readonly bloc: Bloc | null;
  readonly blocSource: BlocSource | null;
  /**
   * The year of the row's year cell (null when it reads as none); `undefined` when the table has
   * no year column or the cell is blank. Its cell is `yearCellOf(row, …)`, made only for an issue.
   */
  readonly cellYear: number | null | undefined;
  /** Null until read; a row ranked by its written ratio alone is given that ratio when placed. */
  score: number | null;
  readonly maxScore: number | null;
  /** The ratio the table writes, when the unit is ranked by it (see `UnitScore.rankedBy`). */
  readonly rankedBy: { readonly value: number; readonly of: number } | undefined;
  readonly excluded: boolean;
  /** Marked "Không xét" and without a score: listed as excluded, never ranked. */
  readonly unscored: boolean;
  readonly note: string;
  readonly issues: readonly Issue[];
  /** Set when the row is placed as a unit (`placeUnit`): its year, ratio and reading order. */
  year: number;
  ratio: number | null;
  order: number;
}

/**
 * A row that can be ranked, placed in its year at its position in reading order: the row becomes
 * the engine's `UnitScore` itself, so that a table of 100,000 units is not copied unit by unit
 * (the unit keeps the reader's own fields beside its own: `blocSource`, `issues` …). Each row is
 * placed once, by the reading that keeps it.
 */
export function placeUnit(
  row: RawRow & { readonly bloc: Bloc },
  year: AwardYear,
  order: number,
): UnitScore {
  const written = row.rankedBy;
  row.ratio =
    written !== undefined
      ? written.value / written.of
      : row.maxScore !== null && row.score !== null
        ? row.score / row.maxScore
        : null;
  row.score ??= written !== undefined ? written.value / written.of : 0;
  row.year = year;
  row.order = order;
  return row as UnitScore;
}

/** A row the reader skipped as not a unit, for the reading report. */
export interface SkippedRow {
  /**
   * A total, average, count or extreme, the "Điểm tối đa" row under the header, or a unit's
   * self-assessment row beside its appraised one.
   */
  readonly kind: AggregateKind | "max" | "self";
  readonly cell: string;
  readonly text: string;
}

export interface TableRows {
  readonly rows: readonly RawRow[];
  readonly skipped: readonly SkippedRow[];
  /** Blank bloc cells that took the bloc of the cell above (merged, or written once a group). */
  readonly filledBlocs: number;
  /** Problems not about one unit row (a row of scores without a name). */
  readonly issues: readonly Issue[];
  /** The unit-name cells of the units on hidden rows. */
  readonly hidden: readonly CellRef[];
}

/** Where the rows of a table get their bloc when no row or section states one. */
export interface BlocContext {
  /** From the sheet name, the title lines or the unit header. */
  readonly fallback: { readonly bloc: Bloc; readonly source: BlocSource } | null;
  /** The bloc the caller gave for a one-bloc sheet (`--bloc`, "Chọn cột"). */
  readonly caller: Bloc | null;
}

/* ---------------------------------------------------------------------------------------------
 * Blocs from cells and headings
 * ------------------------------------------------------------------------------------------- */

const ROMAN_BLOCS: Readonly<Record<string, Bloc>> = { i: 1, ii: 2, iii: 3, iv: 4 };

export const BLOC_NUMBER = /\b(?:khoi|bloc|block)\s*(iv|iii|ii|i|[1-4])\b/;

export function blocFromToken(token: string): Bloc | null {
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
 * blocFromCell("Khối huyện, thị xã, thành phố") //=> 2
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
  return blocFromKeywords(folded) ?? blocFromKeywords(`khoi ${folded}`);
}

const ROMAN_NUMERAL = /^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)$/;
/** A cell holding only a Roman numeral, as section rows number blocs ("I", "II.", "iii"). */
const ROMAN_CELL = /^(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\.?$/i;
const LEADING_NUMBERING = /^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|\d{1,2}|[a-d])\s+/;

/** A section heading's bloc (null: a heading of an unknown bloc). */
interface Heading {
  readonly bloc: Bloc | null;
}

/**
 * Reads a name as a bloc section heading. `numbered` is true when the row's first or row-number
 * cell holds a Roman numeral; `weak` allows headings made of bloc words only.
 */
export function sectionHeading(folded: string, numbered: boolean, weak: boolean): Heading | null {
  const prefix = LEADING_NUMBERING.exec(folded);
  const rest = prefix ? folded.slice(prefix[0].length) : folded;
  const romanPrefix = prefix !== null && ROMAN_NUMERAL.test(prefix[0].trim());
  if (/^(?:khoi|bloc|block)\b/.test(rest)) {
    const numberedBloc = /^(?:khoi|bloc|block)\s*(iv|iii|ii|i|[1-4])\b/.exec(rest);
    if (numberedBloc) return { bloc: blocFromToken(numberedBloc[1]) };
    return { bloc: blocFromKeywords(rest) };
  }
  if (rest === "" || ROMAN_NUMERAL.test(rest)) return null;
  if (numbered || romanPrefix) return { bloc: blocFromKeywords(rest) ?? wordsBloc(rest) };
  if (weak && isBlocWordsOnly(rest)) {
    // Only a text made of bloc words: "UBND phường Cái Khế" is a unit, not a heading.
    const bloc = wordsBloc(rest);
    if (bloc !== null) return { bloc };
  }
  return null;
}

/**
 * True for a numbered row's text that names one unit ("UBND quận Ninh Kiều", "Huyện Phong Điền":
 * a type word and a proper name) rather than a bloc ("KHỐI QUẬN, HUYỆN", "Các sở, ban, ngành").
 */
function namesUnit(name: string): boolean {
  const form = unitNameForm(name);
  return form.type !== null && form.words.length > 0;
}

const HEADING_START = /^(?:quan|huyen|thi xa|thanh pho|tp|khu vuc|district|town|city)\b/;

/**
 * The first line of what follows a table in an official document: the recipients ("Nơi nhận:"),
 * a note ("Ghi chú:"), the signer's title ("GIÁM ĐỐC", "KT. GIÁM ĐỐC", "TM. UBND") or the
 * preparer ("Người lập biểu").
 */
const SIGNATURE_START =
  /^(?:noi nhan|ghi chu|nguoi lap|nguoi ky|kt (?:giam doc|chu tich|truong)|tm (?:uy ban|ubnd)|(?:pho )?giam doc$|(?:pho )?chu tich$|recipients|prepared by)\b/;

/** True for a number, or a text with a digit in it ("914,31", "1.000"). */
function holdsNumber(value: unknown): boolean {
  return typeof value === "number" || (typeof value === "string" && /\d/.test(value));
}

/** True for a row without numbers whose text starts the signature block under a table. */
function isSignatureRow(cells: readonly unknown[]): boolean {
  for (let col = 0; col < cells.length; col += 1) {
    const value = cells[col];
    if (typeof value !== "string" || value.length > 200) continue;
    if (SIGNATURE_START.test(foldText(value))) return true;
  }
  return false;
}

/** The committee words a name may start with before its type ("UBND", "Ủy ban nhân dân"). */
const COMMITTEE = /^(?:ubnd|[uủ][yỷ] ban nhân dân)\s+/iu;
/** The first letters of the type words and their abbreviations: phường/P., xã/X., thị trấn/TT. … */
const TYPE_INITIAL = /^[pxtqh]/i;

/**
 * The bloc a unit's own name puts it in: a district (2) or a commune, ward or town (3). Names that
 * cannot start with a type word ("Sở …", "Ban …") are passed without reading them word by word:
 * a one-bloc sheet may hold 100,000 rows.
 */
function nameTypeBloc(name: string): Bloc | null {
  if (!TYPE_INITIAL.test(name.replace(COMMITTEE, ""))) return null;
  return adminTypeBloc(unitNameForm(name).type);
}

/**
 * True for the row of column numbers official forms put under the header: at least three cells,
 * each a number or "(n)", possibly with its formula ("(5)=(4)/(3)*100"), counting up.
 */
function isColumnNumbersRow(cells: readonly unknown[], from: number, to: number): boolean {
  let last = 0;
  let count = 0;
  for (let col = Math.max(0, from); col <= Math.min(to, cells.length - 1); col += 1) {
    const value = cells[col];
    if (isBlankCell(value)) continue;
    const text =
      typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
    const match = /^\(?(\d{1,2})\)?(?:\s*=.*)?$/.exec(text);
    if (!match) return false;
    const n = Number(match[1]);
    if (n <= last) return false;
    last = n;
    count += 1;
  }
  return count >= 3;
}

/** A group within a bloc: "Nhóm 1: …", "Nhóm II", "Nhóm cơ quan …", "Group 2". */
const GROUP_HEADING = /^(?:nhom|group)\s+(?:\d+|[ivx]+|[a-d]|co quan|don vi|cac)\b/;

/** True for a district-level name: "UBND huyện Thới Lai", "Quận Ninh Kiều", "TX. Long Mỹ". */
function isDistrictName(name: string): boolean {
  return nameTypeBloc(name) === 2;
}

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

function isRomanCell(value: unknown): boolean {
  return typeof value === "string" && value.length <= 8 && ROMAN_CELL.test(value.trim());
}

/* ---------------------------------------------------------------------------------------------
 * Per-read caches
 * ------------------------------------------------------------------------------------------- */

/**
 * First words after which a name may be a total, an average, a count or a section heading; other
 * names are units without a closer look (rows without numbers are always looked at).
 */
const SPECIAL_FIRST_WORDS: ReadonlySet<string> = new Set([
  ...AGGREGATE_FIRST_WORDS,
  "khoi",
  "bloc",
  "block",
]);

/**
 * Per-read caches, so that 100,000 rows fold each distinct word once: unit keys are built word
 * by word (`unitKey` folds each word on its own) and first words are classified once.
 */
export interface RowCache {
  readonly wordKeys: Map<string, string>;
  readonly firstWords: Map<string, boolean>;
  /** The folded words of the name being keyed (one list for the whole read). */
  readonly words: string[];
}

export function newRowCache(): RowCache {
  return { wordKeys: new Map(), firstWords: new Map(), words: [] };
}

/**
 * `unitKey(name)` for a name that is already clean text, with each word folded once. A plain
 * ASCII name without "y" folds to its lower case; any other is folded word by word, each word
 * looked up as written (lower-casing a word alone gives what lower-casing the name gives, since
 * words are cut at spaces) and the folded words joined as they come.
 */
export function cachedUnitKey(name: string, cache: RowCache): string {
  const text = name.trim();
  const words = cache.words;
  words.length = 0;
  let start = 0;
  let plain = true;
  // One pass over the characters: a word of plain ASCII without "y" (a number, "UBND") folds to
  // its lower case with no cache entry (100,000 numbered names do not fill the cache); any other
  // word is folded once per read. The words are joined once, into one string.
  for (let i = 0; i <= text.length; i += 1) {
    const code = i < text.length ? text.charCodeAt(i) : 0x20;
    if (code !== 0x20) {
      if (code > 0x7f || code === 0x79 || code === 0x59) plain = false;
      continue;
    }
    const word = text.slice(start, i);
    let folded = plain ? word.toLowerCase() : cache.wordKeys.get(word);
    if (folded === undefined) {
      folded = unitKey(word.toLowerCase());
      cache.wordKeys.set(word, folded);
    }
    words.push(folded);
    start = i + 1;
    plain = true;
  }
  return words.length === 1 ? words[0] : words.join(" ");
}

/** True when a name's first word may start a total row or a heading (checked in full then). */
function mayBeSpecial(name: string, cache: RowCache): boolean {
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

/**
 * The cells of the row being read, named on demand: a table's rows share one `Places`, so that no
 * reference (and no A1 text) is made for a cell unless a unit or an issue keeps it.
 */
class Places {
  private readonly letters: string[] = [];
  /** The 1-based sheet row of the row being read. */
  sheetRow = 0;

  constructor(private readonly grid: Grid) {}

  /** The reference of a cell of the current row. */
  ref(col: number): CellRef {
    const letter = (this.letters[col] ??= columnLetter(this.grid.colOffset + col));
    return { sheet: this.grid.sheet, cell: `${letter}${this.sheetRow}` };
  }
}

/**
 * The reference of a row's year cell (in column `letter`, on the row of its unit cell), made only
 * for an issue about its year.
 *
 * @example
 * yearCellOf({ source: { sheet: "DTI", cell: "B7" }, … }, "D") //=> { sheet: "DTI", cell: "D7" }
 */
export function yearCellOf(row: RawRow, letter: string): CellRef {
  return { sheet: row.source.sheet, cell: `${letter}${/\d+$/.exec(row.source.cell)?.[0] ?? ""}` };
}

/** True for a cell that reads as a number (a row number, a score). */
function isNumberCell(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  return parseCellNumber(value).kind === "number";
}

const NO_ISSUES: readonly Issue[] = [];

/* ---------------------------------------------------------------------------------------------
 * Numbers of a row
 * ------------------------------------------------------------------------------------------- */

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

function formatComputed(computed: number, written: { value: number; percent: boolean }): string {
  return written.percent || written.value > 1.5
    ? `${Number((computed * 100).toFixed(4))}%`
    : String(Number(computed.toFixed(6)));
}

/** A number cell holding "Không xét" (or the like) instead of a number. */
function exclusionText(p: ParsedNumber | null): boolean {
  return p !== null && p.kind === "text" && isExclusionText(p.text);
}

/** A score typed with "%" ("91,25%") is a ratio: its value out of 100. */
function percentOf(p: ParsedNumber): boolean {
  return p.kind === "number" && p.percent;
}

/* ---------------------------------------------------------------------------------------------
 * Rows
 * ------------------------------------------------------------------------------------------- */

/**
 * The merged areas of a column, to fill a value written once over several rows down (a bloc, a
 * max score, a year). Only merged areas are filled: a blank cell that is not merged may be a value
 * left out, and is reported (BLOC_UNKNOWN, MAX_MISSING, YEAR_MISSING) rather than taken from the
 * row above.
 */
interface ColumnFill {
  readonly col: number;
  readonly merges: ReturnType<typeof verticalMergesIn>;
}

function columnFill(grid: Grid, col: number | undefined): ColumnFill | null {
  if (col === undefined) return null;
  const merges = verticalMergesIn(grid, col);
  return merges.length > 0 ? { col, merges } : null;
}

/** The value a blank cell of a column with merges shows: its merged area's, else none. */
function mergedValue(grid: Grid, fill: ColumnFill, row: number): unknown {
  for (const m of fill.merges) {
    if (m.top > row) break;
    if (m.bottom >= row) return shownValue(grid, row, fill.col);
  }
  return undefined;
}

interface Measure {
  score: number | null;
  maxScore: number | null;
  rankedBy: { value: number; of: number } | undefined;
}

/**
 * Reads the rows of one table under a plan. `callerBloc` and `fallback` give the bloc of rows no
 * bloc cell or section states.
 */
export function readRows(
  frame: TableFrame,
  plan: ColumnPlan,
  blocs: BlocContext,
  cache: RowCache,
): TableRows {
  const { grid } = frame;
  const start = frame.headerRows[frame.headerRows.length - 1] + 1;
  const unitCol = plan.unit.col;
  const places = new Places(grid);
  const unitContext: UnitContext = {
    sectionBloc: undefined,
    blocValue: undefined,
    hasBlocValue: false,
    yearValue: undefined,
    hasYearValue: false,
    excluded: false,
    footnote: "",
    pointsColumn: isPointsColumn(frame, plan, start),
    blocs,
  };
  const footnotes = footnotesOf(frame, start);
  // Made at its largest once (a table may hold 100,000 rows): no more rows than the table's rows
  // and the sheet's; cut to the rows read at the end.
  const rows = new Array<RawRow>(Math.max(0, Math.min(grid.rows.length, frame.end - start)));
  let rowCount = 0;
  const skipped: SkippedRow[] = [];
  const tableIssues: Issue[] = [];
  // The bloc is filled after headings are told apart (below); a max score or a year typed once
  // per group and merged down ("1000" over C8:C10) is filled before anything reads the row.
  const blocFill = columnFill(grid, plan.bloc?.col);
  const filledCols = [
    columnFill(grid, plan.maxScore?.col),
    columnFill(grid, plan.year?.col),
  ].filter((fill): fill is ColumnFill => fill !== null);
  const unitFill = columnFill(grid, unitCol);
  const assessmentCol = assessmentColumnOf(frame, start, unitCol);
  // Units on rows the officer hid: ranked like the others, and named in one warning.
  const hidden: CellRef[] = [];
  const hiddenRows: number[] = [];
  let filledBlocs = 0;
  let sectionBloc: Bloc | null | undefined;
  let group = "";
  let signed = false;
  const inRange = (col: number): boolean => col >= frame.first && col <= frame.last;
  const indexCol = plan.index;
  const firstCol = frame.first;

  // Indexed loops on the rows: a table may hold 100,000 of them.
  let first = true;
  for (let i = 0; i < grid.rows.length; i += 1) {
    const r = grid.rows[i];
    if (r < start) continue;
    if (r >= frame.end) break;
    let cells = rowOf(grid, r);
    for (const fill of filledCols) {
      if (!isBlankCell(cells[fill.col])) continue;
      const merged = mergedValue(grid, fill, r);
      if (isBlankCell(merged)) continue;
      const shown = cells.slice();
      shown[fill.col] = merged;
      cells = shown;
    }
    if (first) {
      first = false;
      // "(1) (2) (3) (4) (5)=(4)/(3)*100" under the header numbers the columns, as official
      // forms do: not a unit.
      if (isColumnNumbersRow(cells, frame.first, frame.last)) continue;
    }
    places.sheetRow = grid.rowOffset + r + 1;
    if (r === plan.maxRow) {
      // "Điểm tối đa | 300 | 100 | 100 | 500" under the header: the columns' maxima, not a unit.
      const label = cellText(cells[unitCol]) || cellText(cells[unitCol - 1]);
      skipped.push({ kind: "max", cell: places.ref(unitCol).cell, text: label });
      continue;
    }
    const scoreCell = plan.score !== null ? cells[plan.score.col] : undefined;
    const maxCell = plan.maxScore !== null ? cells[plan.maxScore.col] : undefined;
    const ratioCell = plan.ratio !== null ? cells[plan.ratio.col] : undefined;
    const hasData = !isBlankCell(scoreCell) || !isBlankCell(maxCell) || !isBlankCell(ratioCell);
    if (!holdsNumber(scoreCell) && !holdsNumber(maxCell) && !holdsNumber(ratioCell)) {
      // Under "Nơi nhận:" or the signer's title, rows without numbers are the document's, not
      // the table's; a row with numbers there is still read (and reported if it is not a unit).
      if (!signed && isSignatureRow(cells)) signed = true;
      if (signed) continue;
    }
    let rawName = cellText(cells[unitCol]);
    if (rawName === "" && hasData && unitFill !== null) {
      // A name merged down its unit's rows, each with its own scores (a self-assessed and an
      // appraised row): each row's. A row without scores under a merged name stays blank.
      rawName = cellText(mergedValue(grid, unitFill, r));
    }
    if (assessmentCol !== null && assessmentKind(cells[assessmentCol]) === "self") {
      // "Tự đánh giá" beside "Thẩm định" rows: the appraised score is the one ranked.
      skipped.push({
        kind: "self",
        cell: places.ref(assessmentCol).cell,
        text: rawName.slice(0, 80),
      });
      continue;
    }
    const numbered =
      isRomanCell(cells[firstCol]) || (indexCol !== null && isRomanCell(cells[indexCol]));

    if (rawName === "") {
      let aggregate: SkippedRow | null = null;
      let heading: Heading | null = null;
      cells.forEach((value, col) => {
        if (aggregate !== null || heading !== null || !inRange(col)) return;
        if (typeof value !== "string") return;
        const kind = aggregateKind(value);
        if (kind !== null) aggregate = { kind, cell: places.ref(col).cell, text: cellText(value) };
        else if (!hasData) heading = sectionHeading(foldText(value), numbered, false);
      });
      if (aggregate !== null) skipped.push(aggregate);
      else if (hasData) tableIssues.push(makeIssue("UNIT_NAME_MISSING", places.ref(unitCol)));
      else if (heading !== null) {
        sectionBloc = (heading as Heading).bloc;
        group = "";
      }
      continue;
    }
    const hasStt = indexCol !== null && isNumberCell(cells[indexCol]);
    const weak = !hasData && !hasStt;
    let folded = "";
    if (weak || numbered || mayBeSpecial(rawName, cache)) {
      folded = foldText(rawName.length > 80 ? rawName.slice(0, 80) : rawName);
      const kind = aggregateKind(rawName.length > 80 ? rawName.slice(0, 80) : rawName);
      if (kind !== null) {
        skipped.push({ kind, cell: places.ref(unitCol).cell, text: rawName.slice(0, 80) });
        continue;
      }
      const heading = sectionHeading(folded, numbered, weak);
      if (heading && numbered && hasData && namesUnit(rawName)) {
        // "I | UBND quận Ninh Kiều | 2 | 1000 | 860" over its communes: a district scored in its
        // own row. With its bloc in the bloc column it is a unit; without, it stays the heading
        // over the rows below, and its scores are said not to be ranked.
        if (plan.bloc !== null && !isBlankCell(cells[plan.bloc.col])) {
          folded = "";
        } else {
          tableIssues.push(
            makeIssue("HEADING_WITH_SCORES", places.ref(unitCol), { unit: rawName.slice(0, 80) }),
          );
          sectionBloc = heading.bloc;
          group = "";
          continue;
        }
      } else if (heading) {
        sectionBloc = heading.bloc;
        group = "";
        continue;
      }
    }
    // Exclusion marks: the excluded column, "Không xét" written in a note, rank or score cell, or
    // in brackets after the name ("Văn phòng UBND thành phố (không xếp hạng)"). A text that speaks
    // of it without marking it ("Đề nghị không xét") is named, and the unit ranked.
    let excluded =
      (plan.excluded !== null && isExcludedMark(cells[plan.excluded.col])) ||
      (rawName.endsWith(")") && bracketsExclude(rawName));
    const lastCol = Math.min(frame.last, cells.length - 1);
    for (let col = Math.max(0, frame.first); !excluded && col <= lastCol; col += 1) {
      const value = cells[col];
      // The shortest mark is "Excluded": shorter texts ("x", numbers as text) are not read.
      if (col === unitCol || typeof value !== "string" || value.length < 8) continue;
      if (isExclusionText(value)) excluded = true;
      else if (mentionsExclusion(value)) {
        tableIssues.push(
          makeIssue("NOTE_MENTIONS_EXCLUSION", places.ref(col), {
            unit: rawName.slice(0, 80),
            value: value.slice(0, 120),
          }),
        );
      }
    }
    let blocValue = plan.bloc !== null ? cells[plan.bloc.col] : undefined;
    let blocFilled = false;
    if (blocFill !== null && isBlankCell(blocValue)) {
      const merged = mergedValue(grid, blocFill, r);
      if (!isBlankCell(merged)) {
        blocValue = merged;
        blocFilled = true;
      }
    }
    const yearValue = plan.year !== null ? cells[plan.year.col] : undefined;
    const hasBlocValue = !isBlankCell(blocValue);
    const hasYearValue = !isBlankCell(yearValue);
    if (!hasData && !hasBlocValue && !hasYearValue && !excluded) {
      // Only text that reads as a heading is taken for one: a unit whose number and scores were
      // left blank must be reported, not silently turned into a heading. A group of a bloc
      // ("Nhóm 1: Cơ quan có dịch vụ công trực tuyến") is one, numbered or not; a district
      // ("UBND huyện Thới Lai") is one among communes, and a unit among districts.
      const f = folded || foldText(rawName);
      const district = isDistrictName(rawName);
      if (
        GROUP_HEADING.test(f) ||
        (district && sectionBloc === 3) ||
        (weak && looksLikeHeading(rawName, f) && !(district && sectionBloc === 2))
      ) {
        group = rawName;
        continue;
      }
    }
    if (blocFilled) filledBlocs += 1;
    // One context for the table's rows, refilled per row (readUnit keeps none of it).
    unitContext.sectionBloc = sectionBloc;
    unitContext.blocValue = blocValue;
    unitContext.hasBlocValue = hasBlocValue;
    unitContext.yearValue = yearValue;
    unitContext.hasYearValue = hasYearValue;
    unitContext.excluded = excluded;
    unitContext.footnote = "";
    if (!excluded && footnotes.size > 0) {
      // "Sở Thông tin và Truyền thông (*)" with "(*) … không tham gia xếp hạng." under the table.
      const note = footnotes.get(footnoteMark(rawName) ?? "");
      if (note !== undefined && isExclusionText(note)) {
        unitContext.excluded = true;
        unitContext.footnote = note;
      }
    }
    if (grid.hiddenRows.size > 0 && grid.hiddenRows.has(r)) {
      hidden.push(places.ref(unitCol));
      hiddenRows.push(places.sheetRow);
    }
    // A district column names each unit's group; else the heading above the unit does.
    const district = plan.district !== null ? cellText(cells[plan.district.col]) : "";
    const unitGroup = district !== "" ? district : group;
    rows[rowCount] = readUnit(plan, cells, places, rawName, unitGroup, cache, unitContext);
    rowCount += 1;
  }
  rows.length = rowCount;
  if (hidden.length > 0) {
    const shown = hiddenRows.slice(0, HIDDEN_ROWS_NAMED).join(", ");
    tableIssues.push(
      makeIssue("ROWS_HIDDEN_RANKED", hidden[0], {
        sheet: grid.sheet,
        count: hidden.length,
        rows: hidden.length > HIDDEN_ROWS_NAMED ? `${shown}…` : shown,
      }),
    );
  }
  return { rows, skipped, filledBlocs, issues: tableIssues, hidden };
}

/** How many hidden rows a warning names before it says "…". */
const HIDDEN_ROWS_NAMED = 10;

/** What the row loop knows of a unit row besides its cells. */
interface UnitContext {
  sectionBloc: Bloc | null | undefined;
  blocValue: unknown;
  hasBlocValue: boolean;
  yearValue: unknown;
  hasYearValue: boolean;
  excluded: boolean;
  /** The footnote that excludes the unit ("(*) … không tham gia xếp hạng"), or "". */
  footnote: string;
  /** The score column holds points (most numbers above 1): a 0.95 there is a shown "95%". */
  readonly pointsColumn: boolean;
  readonly blocs: BlocContext;
}

/** The cell that states a row's bloc: its bloc cell (`blocCol`), else its unit cell. */
function blocCellOf(places: Places, blocCol: number | null, source: CellRef): CellRef {
  return blocCol !== null ? places.ref(blocCol) : source;
}

/** Adds the issue of a number cell, if any, on that cell of the current row. */
function addProblem(issues: Issue[], places: Places, col: number, p: NumberProblem | null): void {
  if (p !== null) issues.push(makeIssue(p.code, places.ref(col), p.params));
}

function readUnit(
  plan: ColumnPlan,
  cells: readonly unknown[],
  places: Places,
  rawName: string,
  group: string,
  cache: RowCache,
  v: UnitContext,
): RawRow {
  const source = places.ref(plan.unit.col);
  const issues: Issue[] = [];
  let name = withoutListMarks(rawName);
  if (name.length > MAX_NAME_LENGTH) {
    issues.push(makeIssue("NAME_TOO_LONG", source, { length: name.length, kept: MAX_NAME_LENGTH }));
    name = name.slice(0, MAX_NAME_LENGTH);
  }
  const unit = name.length > 80 ? `${name.slice(0, 80)}…` : name;

  // Bloc: the row's bloc cell, else the section above, else the sheet's (name, title, header).
  // A bloc the caller gives for a one-bloc sheet must agree with any the table states.
  let bloc: Bloc | null = null;
  let blocSource: BlocSource | null = null;
  // The column of the bloc cell the row states its bloc in, if any (its cell is named only for an
  // issue: a table may hold 100,000 rows).
  const blocCol = v.hasBlocValue && plan.bloc !== null ? plan.bloc.col : null;
  if (blocCol !== null) {
    bloc = blocFromCell(v.blocValue);
    blocSource = "column";
    if (bloc === null) {
      issues.push(
        makeIssue("BLOC_UNKNOWN", blocCellOf(places, blocCol, source), {
          unit,
          value: cellText(v.blocValue),
        }),
      );
    } else if (v.sectionBloc !== undefined && v.sectionBloc !== null && v.sectionBloc !== bloc) {
      // Under "I. KHỐI SỞ, BAN, NGÀNH" with 3 in its bloc column: which is right is not ours to say.
      issues.push(
        makeIssue("BLOC_SECTION_CONFLICT", blocCellOf(places, blocCol, source), {
          unit,
          bloc,
          section: v.sectionBloc,
        }),
      );
    }
  } else if (v.sectionBloc !== undefined && v.sectionBloc !== null) {
    bloc = v.sectionBloc;
    blocSource = "sections";
  } else if (v.blocs.fallback !== null && v.blocs.caller === null) {
    // The sheet's name or title gives the bloc, unless the officer chose one for the sheet. It
    // must fit the unit's own name: "UBND phường Ninh Kiều" on a sheet named "Quận huyện"
    // (copied from last year) is not a district.
    bloc = v.blocs.fallback.bloc;
    blocSource = v.blocs.fallback.source;
    const type = nameTypeBloc(name);
    if (type !== null && type !== bloc) {
      issues.push(makeIssue("BLOC_NAME_CONFLICT", source, { unit, bloc, named: type }));
    }
  }
  const caller = v.blocs.caller;
  if (caller !== null) {
    if (bloc !== null && bloc !== caller) {
      issues.push(
        makeIssue("BLOC_CONFLICT", blocCellOf(places, blocCol, source), {
          unit,
          bloc,
          chosen: caller,
        }),
      );
    } else if (blocSource !== "column") {
      bloc = caller;
      blocSource = blocSource === null ? "caller" : blocSource;
    }
  } else if (bloc === null && blocSource === null) {
    issues.push(makeIssue("BLOC_UNKNOWN", source, { unit, value: "" }));
  }

  const cellYear = v.hasYearValue && plan.year !== null ? yearOfCell(v.yearValue) : undefined;

  const measure = readMeasure(plan, cells, unit, v.excluded, issues, places, v.pointsColumn);
  const unscored = v.excluded && measure.score === null && !issues.some(isNumberIssue);
  if (unscored) {
    // "Không xét" without a score: excluded, not an error.
    for (let i = issues.length - 1; i >= 0; i -= 1) {
      if (issues[i].code === "SCORE_MISSING") issues.splice(i, 1);
    }
    issues.push(makeIssue("UNIT_EXCLUDED_UNSCORED", source, { unit }));
  }

  return {
    name,
    key: cachedUnitKey(name, cache),
    source,
    group,
    bloc,
    blocSource,
    cellYear,
    score: measure.score,
    maxScore: measure.maxScore,
    rankedBy: measure.rankedBy,
    excluded: v.excluded,
    unscored,
    note: (plan.note !== null ? cellText(cells[plan.note.col]) : "") || v.footnote,
    issues: issues.length > 0 ? issues : NO_ISSUES,
    year: 0,
    ratio: null,
    order: 0,
  };
}

/** True when a bracket after a unit's name marks it not considered: "… (không xếp hạng)". */
function bracketsExclude(name: string): boolean {
  for (const match of name.matchAll(/\(([^()]{1,80})\)/g)) {
    if (isExclusionText(match[1])) return true;
  }
  return false;
}

/** How many rows of a table are looked at to tell a column of points. */
const SCALE_ROWS = 400;

/**
 * True when the score column holds points: at least two numbers above 1, their median 10 or more
 * (a DTI score is tens or hundreds of points), so that a 0.95 there may be a shown "95%".
 */
function isPointsColumn(frame: TableFrame, plan: ColumnPlan, start: number): boolean {
  const col = plan.score?.col;
  if (col === undefined) return false;
  const { grid } = frame;
  const above: number[] = [];
  let looked = 0;
  for (let i = 0; i < grid.rows.length && looked < SCALE_ROWS; i += 1) {
    const r = grid.rows[i];
    if (r < start) continue;
    if (r >= frame.end) break;
    const value = rowOf(grid, r)[col];
    if (typeof value !== "number") continue;
    looked += 1;
    if (value > 1) above.push(value);
  }
  if (above.length < 2) return false;
  above.sort((a, b) => a - b);
  return above[Math.floor(above.length / 2)] >= 10;
}

/** A list number typed before a name ("3. ", "2.1 ", "3) ") followed by a letter. */
const LEADING_NUMBER = /^\d{1,3}(?:(?:\.\d{1,3})+\.?|[.)])\s+(?=\p{L})/u;
/**
 * What a cell says its row is: a self-assessment ("Tự đánh giá", "Tự chấm") or the appraised score
 * ("Thẩm định", "Sau phúc khảo"); null for anything else.
 */
function assessmentKind(value: unknown): "self" | "appraised" | null {
  if (typeof value !== "string" || value.length > 40) return null;
  const info = describeHeader(value);
  if (info.self === info.appraised) return null;
  return info.self ? "self" : "appraised";
}

/** How many rows of a table are looked at for a column of assessment kinds. */
const ASSESSMENT_ROWS = 400;

/**
 * The column that tells a unit's self-assessment row from its appraised row ("Hình thức: Tự đánh
 * giá / Thẩm định", each unit on two rows): a column holding both kinds in the table's first rows,
 * or null.
 */
function assessmentColumnOf(frame: TableFrame, start: number, unitCol: number): number | null {
  const { grid } = frame;
  const self = new Set<number>();
  const appraised = new Set<number>();
  let looked = 0;
  for (let i = 0; i < grid.rows.length && looked < ASSESSMENT_ROWS; i += 1) {
    const r = grid.rows[i];
    if (r < start) continue;
    if (r >= frame.end) break;
    looked += 1;
    const cells = rowOf(grid, r);
    const last = Math.min(frame.last, cells.length - 1);
    for (let col = Math.max(0, frame.first); col <= last; col += 1) {
      const kind = col === unitCol ? null : assessmentKind(cells[col]);
      if (kind === "self") self.add(col);
      else if (kind === "appraised") appraised.add(col);
    }
  }
  for (const col of self) if (appraised.has(col)) return col;
  return null;
}

/** How many rows under a table its footnotes are looked for. */
const FOOTNOTE_ROWS = 15;
/** A footnote under a table: its mark, then its text ("(*) Sở … không tham gia xếp hạng."). */
const FOOTNOTE_LINE = /^\s*(\(\*+\)|\*+)\s*(\S[\s\S]*)$/;

/** "*" for "(*)" or "*", "**" for "(**)": the mark as a key. */
const markKey = (mark: string): string => mark.replace(/[()\s]/g, "");

/** The footnote mark after a unit's name ("Ban Dân tộc (*)" → "*"), or null. */
function footnoteMark(name: string): string | null {
  const match = FOOTNOTE_MARK.exec(name);
  return match ? markKey(match[0]) : null;
}

/**
 * The footnotes of a table by mark: a row, within the table or just under it, whose first cell
 * starts with "(*)" or "*" and goes on with text.
 */
function footnotesOf(frame: TableFrame, start: number): Map<string, string> {
  const notes = new Map<string, string>();
  const { grid } = frame;
  for (let i = 0; i < grid.rows.length; i += 1) {
    const r = grid.rows[i];
    if (r < start) continue;
    if (r >= frame.end + FOOTNOTE_ROWS) break;
    const cells = rowOf(grid, r);
    for (let col = Math.max(0, frame.first); col < cells.length && col <= frame.last; col += 1) {
      const value = cells[col];
      if (isBlankCell(value)) continue;
      if (typeof value === "string" && (value.startsWith("(") || value.startsWith("*"))) {
        const match = FOOTNOTE_LINE.exec(value);
        if (match) notes.set(markKey(match[1]), cellText(match[2]));
      }
      break;
    }
  }
  return notes;
}

/** A footnote mark after a name: " (*)", "(**)", " *". */
const FOOTNOTE_MARK = /\s*(?:\(\*+\)|\*+)$/;

/**
 * A unit name without the list number or footnote mark the officer typed into its cell
 * ("3. Sở Tư pháp", "Ban Dân tộc (*)"); any other name as it is.
 *
 * @example
 * withoutListMarks("2.3 UBND xã Tân Thạnh") //=> "UBND xã Tân Thạnh"
 * withoutListMarks("Phường 1") //=> "Phường 1"
 */
export function withoutListMarks(name: string): string {
  const first = name.charCodeAt(0);
  let out = name;
  if (first >= 0x30 && first <= 0x39) out = out.replace(LEADING_NUMBER, "");
  if (out.endsWith("*") || out.endsWith("*)")) out = out.replace(FOOTNOTE_MARK, "");
  return out === "" ? name : out;
}

const NUMBER_ISSUES: ReadonlySet<string> = new Set([
  "CELL_ERROR",
  "NUMBER_AMBIGUOUS",
  "SCORE_IS_DATE",
  "SCORE_NEGATIVE",
  "SCORE_ABOVE_MAX",
  "MAX_NOT_NUMBER",
  "MAX_NOT_POSITIVE",
  "MAX_MISSING",
  "RATIO_MISMATCH",
  "RATIO_SCALE_MIXED",
  "SCORE_IS_PERCENT",
]);

function isNumberIssue(issue: Issue): boolean {
  return NUMBER_ISSUES.has(issue.code);
}

/**
 * The scale a ratio cell is read on: its own "%", else its column's; null for a bare number off
 * its column's scale, or in a column with as many numbers on each scale (flagged, not guessed).
 */
function bareScale(
  parsed: { value: number; percent: boolean },
  columnScale: RatioScale | "mixed" | null,
): RatioScale | null {
  if (parsed.percent) return "percent";
  const own = scaleOfRatio(parsed);
  if (columnScale === null) return own;
  return own === columnScale ? own : null;
}

function readMeasure(
  plan: ColumnPlan,
  cells: readonly unknown[],
  unit: string,
  excluded: boolean,
  issues: Issue[],
  places: Places,
  pointsColumn: boolean,
): Measure {
  const convention: DecimalConvention = plan.convention;
  const out: Measure = { score: null, maxScore: null, rankedBy: undefined };
  const scoreParsed = plan.score !== null ? parseCellNumber(cells[plan.score.col]) : null;
  const maxParsed = plan.maxScore !== null ? parseCellNumber(cells[plan.maxScore.col]) : null;
  const ratioParsed = plan.ratio !== null ? parseCellNumber(cells[plan.ratio.col]) : null;
  const firmScore = scoreParsed?.kind === "number" ? scoreParsed.value : null;
  // Only an ambiguous text ("1.000") needs settling, and the test of which reading fits.
  const max =
    maxParsed?.kind === "ambiguous"
      ? settleNumber(maxParsed, convention, (m) => firmScore === null || m >= firmScore)
      : maxParsed;
  const firmMax =
    max?.kind === "number" ? max.value : plan.statedMax !== null ? plan.statedMax.value : null;
  const score =
    scoreParsed?.kind === "ambiguous"
      ? settleNumber(scoreParsed, convention, (s) => firmMax === null || s <= firmMax)
      : scoreParsed;
  const ratio =
    ratioParsed?.kind === "ambiguous" ? settleNumber(ratioParsed, convention) : ratioParsed;

  if (plan.measure === "ratio-only" || plan.measure === "written-ratio") {
    if (plan.measure === "written-ratio" && plan.score !== null && score !== null) {
      if (score.kind === "number") out.score = score.value;
      else if (!(excluded && (score.kind === "blank" || exclusionText(score)))) {
        addProblem(issues, places, plan.score.col, numberProblem(score, "score", unit));
      }
    }
    if (plan.ratio === null || ratio === null) return out;
    if (ratio.kind !== "number") {
      if (!(excluded && (ratio.kind === "blank" || exclusionText(ratio)))) {
        addProblem(issues, places, plan.ratio.col, numberProblem(ratio, "ratio", unit));
      }
      return out;
    }
    const scale = bareScale(ratio, plan.ratioScale);
    if (scale === null) {
      addProblem(issues, places, plan.ratio.col, {
        code: "RATIO_SCALE_MIXED",
        params: { unit, value: cellText(cells[plan.ratio.col]) },
      });
      return out;
    }
    const of = scale === "percent" ? 100 : 1;
    if (ratio.value < 0) {
      addProblem(issues, places, plan.ratio.col, {
        code: "SCORE_NEGATIVE",
        params: { unit, score: ratio.value },
      });
      return out;
    }
    if (ratio.value > of) {
      const shown = of === 100 ? "100%" : 1;
      addProblem(issues, places, plan.ratio.col, {
        code: "SCORE_ABOVE_MAX",
        params: { unit, score: ratio.value, max: shown },
      });
      return out;
    }
    out.rankedBy = { value: ratio.value, of };
    if (plan.measure === "ratio-only") {
      out.score = ratio.value / of;
      out.maxScore = 1;
    }
    return out;
  }

  if (plan.score === null || score === null) return out;
  if (score.kind === "number") {
    if (percentOf(score) && plan.measure === "score") {
      // "64,20%" in a score column without a maximum: the ratio it states.
      out.rankedBy = { value: score.value, of: 100 };
    } else if (percentOf(score)) {
      // "95%" among points out of a maximum: 95 points, or 95 % of the maximum? Not ours to say.
      addProblem(issues, places, plan.score.col, {
        code: "SCORE_IS_PERCENT",
        params: { unit, value: cellText(cells[plan.score.col]) },
      });
      return out;
    } else if (
      pointsColumn &&
      score.value > 0 &&
      score.value <= 1 &&
      plan.measure !== "score" &&
      (firmMax === null || score.value * 100 <= firmMax)
    ) {
      // 0.95 among 93 and 90 out of 100: perhaps a cell formatted "95%", which a reader of
      // values cannot see. Ranked as written (a score of 0.95 is possible), and named.
      addProblem(issues, places, plan.score.col, {
        code: "SCORE_SCALE_MIXED",
        params: { unit, value: cellText(cells[plan.score.col]) },
      });
    }
    out.score = score.value;
  } else if (!(excluded && (score.kind === "blank" || exclusionText(score)))) {
    addProblem(issues, places, plan.score.col, numberProblem(score, "score", unit));
  }
  if (plan.maxScore !== null && max !== null) {
    if (max.kind === "number") {
      if (max.value > 0) out.maxScore = max.value;
      else
        addProblem(issues, places, plan.maxScore.col, {
          code: "MAX_NOT_POSITIVE",
          params: { unit, max: max.value },
        });
    } else if (!(excluded && (max.kind === "blank" || exclusionText(max)) && out.score === null)) {
      addProblem(issues, places, plan.maxScore.col, numberProblem(max, "maxScore", unit));
    }
  } else if (plan.statedMax !== null) {
    out.maxScore = plan.statedMax.value;
  }
  const s = out.score;
  if (s !== null && s < 0) {
    addProblem(issues, places, plan.score.col, {
      code: "SCORE_NEGATIVE",
      params: { unit, score: s },
    });
  } else if (s !== null && out.maxScore !== null && s > out.maxScore) {
    addProblem(issues, places, plan.score.col, {
      code: "SCORE_ABOVE_MAX",
      params: { unit, score: s, max: out.maxScore },
    });
  }
  if (
    plan.ratio !== null &&
    ratio !== null &&
    ratio.kind === "number" &&
    s !== null &&
    s >= 0 &&
    out.maxScore !== null &&
    s <= out.maxScore &&
    !ratioAgrees(ratio, s / out.maxScore, null)
  ) {
    issues.push(
      makeIssue("RATIO_MISMATCH", places.ref(plan.ratio.col), {
        unit,
        written: cellText(cells[plan.ratio.col]),
        computed: formatComputed(s / out.maxScore, ratio),
      }),
    );
  }
  return out;
}
