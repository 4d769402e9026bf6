/**
 * Reads the score tables of a workbook into typed unit rows, as a pipeline (each stage in
 * `./read/`): locate the tables (anywhere in the used range, side by side, stacked, headers of
 * several rows) → choose their columns with evidence (`mapColumns`) → read and classify their
 * rows (`rows`) → settle years and duplicates across the workbook → report how every table was
 * read. Nothing is lost and nothing is guessed: a row that looks like a unit but cannot be ranked
 * becomes an `InvalidUnitRow` with an error `Issue` on its cell; a table that can be read two
 * ways with different outcomes is refused with one error naming both columns and how to choose.
 * Reading never throws on bad data.
 */
import { cellKey, cellText, placeFrom } from "./cells";
import { abbreviatedTwins } from "./matchNominees";
import {
  classifyNomineeHeader,
  findHeaderRow,
  isNomineeHeader,
  sameSheetName,
  sheetValues,
  yearFromSheetName,
  yearsInText,
} from "./headers";
import { makeIssue } from "./issues";
import type { Issue, IssueCode } from "./issues";
import type { Grid } from "./read/grid";
import { gridOf, rowOf, shownValue } from "./read/grid";
import type { LocateCache, TableFrame } from "./read/locate";
import { locateTables, newLocateCache } from "./read/locate";
import type { Alternative, ColumnChoice, ColumnPlan } from "./read/mapColumns";
import { ROLE_OPTIONS, mapColumns, roleWords } from "./read/mapColumns";
import { firstDifference, outcomeOf } from "./read/outcome";
import type { BlocContext, RawRow, RowCache, TableRows } from "./read/rows";
import {
  BLOC_NUMBER,
  blocFromToken,
  newRowCache,
  placeUnit,
  readRows,
  sectionHeading,
  yearCellOf,
} from "./read/rows";
import {
  ENTERPRISE_KEYWORDS,
  blocFromKeywords,
  headerKey,
  maxFromHeader,
  type AggregateKind,
} from "./read/vocabulary";
import { isAwardYear } from "./rules";
import type {
  AwardYear,
  Bilingual,
  Bloc,
  BlocSource,
  CellRef,
  CellSheet,
  ColumnReading,
  ColumnRole,
  DetectedTable,
  InvalidUnitRow,
  RankOptions,
  UnitScore,
} from "./types";
import { cellAddress, columnLetter, foldText, unitKey, unitNameForm } from "./text";

export { MAX_NAME_LENGTH, blocFromCell, isExcludedMark } from "./read/rows";

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
  /** Units marked "Không xét" without a score: listed as excluded, never ranked. */
  readonly unscored: readonly InvalidUnitRow[];
  readonly issues: readonly Issue[];
  readonly tables: readonly DetectedTable[];
  /** The unit-name cells (`cellKey`) of the units read on hidden rows. */
  readonly hiddenUnits?: ReadonlySet<string>;
}

/* ---------------------------------------------------------------------------------------------
 * Blocs and years stated around a table
 * ------------------------------------------------------------------------------------------- */

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

/** The title lines above a table: up to ten rows above its header, stopping at a row of numbers. */
function titleTexts(frame: TableFrame, floor: number): string[] {
  const { grid } = frame;
  const header = frame.headerRows[0];
  const texts: string[] = [];
  const wide: string[] = [];
  for (let r = header - 1; r >= Math.max(floor, header - 10); r -= 1) {
    const cells = rowOf(grid, r);
    if (cells.some((v) => typeof v === "number")) break;
    const own: string[] = [];
    const everywhere: string[] = [];
    cells.forEach((_v, col) => {
      const value = shownValue(grid, r, col);
      if (typeof value !== "string") return;
      const text = cellText(value);
      if (text === "") return;
      if (col >= frame.first && col <= frame.last && !own.includes(text)) own.push(text);
      if (!everywhere.includes(text)) everywhere.push(text);
    });
    texts.unshift(...own);
    wide.unshift(...everywhere);
  }
  // A title over tables side by side may sit in the first column only.
  return texts.length > 0 ? texts : wide;
}

function yearOfTitles(titles: readonly string[]): number | null {
  for (const text of titles) {
    const year = yearsInText(text)[0];
    if (year !== undefined) return year;
  }
  return null;
}

/** A bloc a title line names: "Khối 2", a bloc heading ("KHỐI SỞ, BAN, NGÀNH"), enterprises. */
function blocOfTitles(titles: readonly string[]): Bloc | null {
  for (const text of titles) {
    const folded = foldText(text);
    const numbered = BLOC_NUMBER.exec(folded);
    if (numbered) return blocFromToken(numbered[1]);
    const heading = sectionHeading(folded, false, true);
    if (heading?.bloc) return heading.bloc;
    // "KẾT QUẢ … KHỐI SỞ, BAN, NGÀNH NĂM 2023": the bloc words inside a longer title.
    const inside = /\bkhoi ([a-z ]+?)(?: nam \d{4}\b.*)?$/.exec(folded);
    const named = inside ? sectionHeading(`khoi ${inside[1]}`, false, true) : null;
    if (named?.bloc) return named.bloc;
    // "… CÁC SỞ, BAN, NGÀNH NĂM 2023", "CHỈ SỐ … CẤP HUYỆN": the bloc words after "các" or "cấp",
    // when the title names one bloc only ("CẤP HUYỆN VÀ CẤP XÃ" names two, and gives none).
    const blocs = new Set<Bloc>();
    for (const m of folded.matchAll(/\b(?:cac|cap) ([a-z ]+?)(?= nam \d{4}\b| va |$)/g)) {
      const bloc = sectionHeading(`khoi ${m[1]}`, false, true)?.bloc;
      if (bloc) blocs.add(bloc);
    }
    if (blocs.size === 1) return [...blocs][0];
    if (blocs.size > 1) return null;
    if (blocFromKeywords(folded, ENTERPRISE_KEYWORDS) !== null) return 4;
  }
  return null;
}

function maxOfTitles(titles: readonly string[]): { value: number; header: string } | null {
  for (const text of titles) {
    const value = maxFromHeader(text);
    if (value !== null) return { value, header: text };
  }
  return null;
}

/* ---------------------------------------------------------------------------------------------
 * Sheets
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

function isNomineeSheet(sheet: CellSheet, nomineeSheet: string | undefined): boolean {
  if (nomineeSheet !== undefined) return sameSheetName(nomineeSheet, sheet.name);
  return findHeaderRow(sheetValues(sheet), classifyNomineeHeader, isNomineeHeader) !== null;
}

/** Sheet names of a draft or a copy: "Bản nháp 2024", "Dự thảo", "2023 (chưa thẩm định)", "Backup". */
const DRAFT_SHEET =
  /\b(?:nhap|du thao|draft|chua tham dinh|chua chinh thuc|tam tinh|sao luu|backup)\b/;

/**
 * True for a sheet whose name says it is a draft or a copy, not the scores to rank.
 *
 * @example
 * isDraftSheetName("Bản nháp 2024 (chưa thẩm định)") //=> true
 * isDraftSheetName("Chính thức 2023") //=> false
 */
export function isDraftSheetName(name: string): boolean {
  return DRAFT_SHEET.test(foldText(name));
}

interface SheetChoice {
  readonly read: CellSheet[];
  /** Visible draft sheets passed over: read only when no other visible sheet holds a table. */
  readonly drafts: CellSheet[];
  /** Hidden sheets passed over: read only when no other sheet holds a table. */
  readonly hidden: CellSheet[];
  /** Visible sheets the officer's chosen sheets leave out (named when they hold a table). */
  readonly leftOut: CellSheet[];
  readonly issues: Issue[];
}

function chooseSheets(sheets: readonly CellSheet[], options: ReadScoreOptions): SheetChoice {
  const issues: Issue[] = [];
  const ignored = options.ignoreSheets ?? [];
  const usable = sheets.filter(
    (s) =>
      s &&
      typeof s.name === "string" &&
      !ignored.some((n) => sameSheetName(n, s.name)) &&
      !isNomineeSheet(s, options.nomineeSheet),
  );
  const wanted = options.sheets ?? [];
  if (wanted.length > 0) {
    for (const name of wanted) {
      if (!sheets.some((s) => s && sameSheetName(name, s.name))) {
        issues.push(makeIssue("SHEET_NOT_FOUND", null, { name }));
      }
    }
    const isWanted = (s: CellSheet): boolean => wanted.some((n) => sameSheetName(n, s.name));
    return {
      read: usable.filter(isWanted),
      drafts: [],
      hidden: [],
      leftOut: usable.filter((s) => !isWanted(s) && s.hidden !== true),
      issues,
    };
  }
  const visible = usable.filter((s) => s.hidden !== true);
  return {
    read: visible.filter((s) => !isDraftSheetName(s.name)),
    drafts: visible.filter((s) => isDraftSheetName(s.name)),
    hidden: usable.filter((s) => s.hidden === true),
    leftOut: [],
    issues,
  };
}

/* ---------------------------------------------------------------------------------------------
 * Tables
 * ------------------------------------------------------------------------------------------- */

interface TableRead {
  readonly frame: TableFrame;
  readonly plan: ColumnPlan;
  readonly rows: TableRows;
  readonly statedYear: { readonly year: number; readonly source: "sheet" | "title" } | null;
  readonly notes: Bilingual[];
  readonly hiddenRead: boolean;
  /** The issue that refused the table, when it was refused. */
  readonly refusal: Issue | null;
}

interface ReadContext {
  readonly options: ReadScoreOptions;
  readonly locateCache: LocateCache;
  readonly rowCache: RowCache;
}

function headerCellOf(frame: TableFrame, col: number): CellRef {
  const { grid } = frame;
  return {
    sheet: grid.sheet,
    cell: cellAddress(grid.rowOffset + frame.headerRows[0], grid.colOffset + col),
  };
}

function differentColumn(plan: ColumnPlan, alternative: Alternative): ColumnChoice | null {
  return alternative.role === "score"
    ? alternative.plan.score
    : alternative.role === "maxScore"
      ? alternative.plan.maxScore
      : alternative.plan.ratio;
}

function ambiguityIssue(
  frame: TableFrame,
  plan: ColumnPlan,
  alternative: Alternative,
  differs: { bloc: string; year: string },
): Issue {
  const { grid } = frame;
  const role: ColumnRole = alternative.role;
  const mine =
    role === "score"
      ? plan.score
      : role === "maxScore"
        ? plan.maxScore
        : (plan.ratio ?? plan.score);
  const other = differentColumn(plan, alternative) ?? alternative.plan.ratio;
  const letter = (c: ColumnChoice | null): string =>
    c === null ? "?" : columnLetter(grid.colOffset + c.col);
  const wording = roleWords(role);
  // Score ÷ max against the ratio the table writes: each reading has its own choice to name.
  const divided = role === "ratio" && plan.ratio === null && plan.score !== null;
  const maxHeader = plan.maxScore?.header ?? plan.statedMax?.header ?? "";
  const dividedHint: Record<string, string> =
    divided && other !== null
      ? {
          hint: `${ROLE_OPTIONS.maxScore}="${maxHeader}" (điểm ÷ điểm tối đa) hoặc --column ${ROLE_OPTIONS.ratio}="${other.header}" (tỷ lệ ghi trong bảng)`,
          hintEn: `${ROLE_OPTIONS.maxScore}="${maxHeader}" (score ÷ max) or --column ${ROLE_OPTIONS.ratio}="${other.header}" (the ratio the table writes)`,
          firstHeader: `${plan.score?.header ?? ""} ÷ ${maxHeader}`,
        }
      : {};
  const yearVi =
    differs.year !== String(2025) || plan.headerYear !== null ? ` năm ${differs.year}` : "";
  // Two years side by side ("Năm 2022 | Năm 2023" over the columns): the year is the choice.
  const years = [plan.headerYear, alternative.plan.headerYear];
  const yearsHint: Record<string, string> =
    years[0] !== null && years[1] !== null && years[0] !== years[1]
      ? {
          yearsVi: ` Bảng có điểm của hai năm (${years.join(", ")}): chọn năm cần xét bằng --year ${years[0]} hoặc --year ${years[1]} ở dòng lệnh, hoặc ô “Năm xét” trong ngăn tác vụ.`,
          yearsEn: ` The table holds the scores of two years (${years.join(", ")}): choose the year with --year ${years[0]} or --year ${years[1]} on the command line, or the “Year” box in the task pane.`,
        }
      : {};
  return makeIssue("COLUMN_AMBIGUOUS", headerCellOf(frame, mine?.col ?? frame.first), {
    sheet: grid.sheet,
    role: wording.vi,
    roleEn: wording.en,
    roleKey: role,
    option: ROLE_OPTIONS[role],
    first: letter(mine),
    firstHeader: mine?.header ?? "",
    second: letter(other),
    secondHeader: other?.header ?? "",
    differs: `khối ${differs.bloc}${yearVi}`,
    differsEn: `bloc ${differs.bloc}${yearVi.replace(" năm", ",")}`,
    ...dividedHint,
    ...yearsHint,
  });
}

function blocContextOf(
  frame: TableFrame,
  titles: readonly string[],
  plan: ColumnPlan,
  options: ReadScoreOptions,
): BlocContext {
  const fromSheet = blocFromSheetName(frame.grid.sheet);
  const fromTitle = blocOfTitles(titles);
  // The name column's header may say whose names it holds: "Tên doanh nghiệp", "Quận, huyện".
  const fromHeader =
    blocFromKeywords(headerKey(plan.unit.header), ENTERPRISE_KEYWORDS) ??
    sectionHeading(foldText(plan.unit.header), false, true)?.bloc ??
    null;
  const fallback: BlocContext["fallback"] =
    fromSheet !== null
      ? { bloc: fromSheet, source: "sheet" }
      : fromTitle !== null
        ? { bloc: fromTitle, source: "title" }
        : fromHeader !== null
          ? { bloc: fromHeader, source: "title" }
          : null;
  return { fallback, caller: options.bloc ?? null };
}

function readTable(
  frame: TableFrame,
  floor: number,
  context: ReadContext,
  hiddenRead: boolean,
): { read: TableRead | null; issues: Issue[] } {
  const { options } = context;
  const titles = titleTexts(frame, floor);
  const sheetYear = yearFromSheetName(frame.grid.sheet);
  const titleYear = yearOfTitles(titles);
  // A sheet copied from another year's file may keep its old name or its old title: when the two
  // state different years, the officer's choice of year settles it, else the table is refused.
  const conflict = sheetYear !== null && titleYear !== null && sheetYear !== titleYear;
  const statedYear =
    sheetYear !== null && (!conflict || options.year !== titleYear)
      ? ({ year: sheetYear, source: "sheet" } as const)
      : titleYear !== null
        ? ({ year: titleYear, source: "title" } as const)
        : null;
  const yearConflict =
    conflict && options.year !== sheetYear && options.year !== titleYear
      ? makeIssue("YEAR_CONFLICT", headerCellOf(frame, frame.first), {
          sheet: frame.grid.sheet,
          sheetYear: sheetYear as number,
          titleYear: titleYear as number,
        })
      : null;
  const mapping = mapColumns(frame, {
    named: options.columns ?? {},
    year: statedYear?.year ?? options.year ?? null,
    titleMax: maxOfTitles(titles),
  });
  if (!mapping.ok) return { read: null, issues: [...mapping.issues] };
  const { plan } = mapping;
  const blocs = blocContextOf(frame, titles, plan, options);
  const rows = readRows(frame, plan, blocs, context.rowCache);
  const notes: Bilingual[] = [];
  // A sheet named for one bloc under a title naming another ("Xã phường" / "KHỐI SỞ, BAN,
  // NGÀNH"): without a bloc column or the officer's choice, the table waits for a correction.
  const sheetBloc = blocFromSheetName(frame.grid.sheet);
  const titleBloc = blocOfTitles(titles);
  const blocConflict =
    plan.bloc === null &&
    options.bloc === undefined &&
    sheetBloc !== null &&
    titleBloc !== null &&
    sheetBloc !== titleBloc
      ? makeIssue("BLOC_SOURCES_DIFFER", headerCellOf(frame, frame.first), {
          sheet: frame.grid.sheet,
          sheetBloc,
          titleBloc,
        })
      : null;
  let refusal: Issue | null = yearConflict ?? blocConflict;
  if (refusal === null && mapping.alternatives.length > 0) {
    const year = statedYear?.year ?? plan.headerYear ?? options.year ?? null;
    const mine = outcomeOf(rows.rows, year);
    for (const alternative of mapping.alternatives) {
      const theirs = readRows(frame, alternative.plan, blocs, context.rowCache);
      const altYear = statedYear?.year ?? alternative.plan.headerYear ?? options.year ?? null;
      const differs = firstDifference(mine, outcomeOf(theirs.rows, altYear));
      const other = differentColumn(plan, alternative);
      if (differs !== null) {
        refusal = ambiguityIssue(frame, plan, alternative, differs);
        break;
      }
      const letter = other ? columnLetter(frame.grid.colOffset + other.col) : "?";
      notes.push({
        vi: `Cột ${letter} “${other?.header ?? ""}” cho cùng kết quả nên không cần chọn.`,
        en: `Column ${letter} “${other?.header ?? ""}” gives the same outcome, so no choice is needed.`,
      });
    }
  }
  return {
    read: { frame, plan, rows, statedYear, notes, hiddenRead, refusal },
    issues: refusal ? [refusal] : [],
  };
}

function readSheetTables(
  sheet: CellSheet,
  context: ReadContext,
  hiddenRead: boolean,
): { reads: TableRead[]; issues: Issue[]; seen: string[] } {
  const grid: Grid = gridOf(sheet);
  const { options } = context;
  const headerRow =
    options.headerRow !== undefined
      ? Math.trunc(options.headerRow) - 1 - grid.rowOffset
      : undefined;
  const layout = locateTables(grid, options.columns ?? {}, headerRow, context.locateCache);
  const reads: TableRead[] = [];
  const issues: Issue[] = [];
  let floor = 0;
  let lastHeader = -1;
  for (const frame of layout.tables) {
    if (frame.headerRows[0] !== lastHeader) floor = lastHeader + 1;
    lastHeader = frame.headerRows[0];
    const result = readTable(frame, floor, context, hiddenRead);
    issues.push(...result.issues);
    if (result.read) reads.push(result.read);
  }
  return { reads, issues, seen: [...layout.seen] };
}

/* ---------------------------------------------------------------------------------------------
 * The workbook
 * ------------------------------------------------------------------------------------------- */

interface TableYear {
  readonly year: number | null;
  readonly source: DetectedTable["yearSource"];
}

/**
 * Each table's year: its year column, its sheet name or title, its score column's header, the
 * year every other table states, or — only when no table states any — the caller's.
 */
function tableYears(reads: readonly TableRead[], callerYear: number | undefined): TableYear[] {
  const found = new Set<number>();
  for (const read of reads) {
    if (read.refusal) continue;
    if (read.statedYear !== null) found.add(read.statedYear.year);
    else if (read.plan.headerYear !== null) found.add(read.plan.headerYear);
    const rows = read.rows.rows;
    for (let i = 0; i < rows.length; i += 1) {
      const year = rows[i].cellYear;
      if (year != null) found.add(year);
    }
  }
  const workbookYear = found.size === 1 ? [...found][0] : null;
  return reads.map((read): TableYear => {
    const own =
      read.statedYear ??
      (read.plan.headerYear !== null
        ? { year: read.plan.headerYear, source: "header" as const }
        : null);
    if (read.plan.year !== null) {
      const inColumn = new Set<number | null>();
      const rows = read.rows.rows;
      for (let i = 0; i < rows.length; i += 1) inColumn.add(rows[i].cellYear ?? null);
      const single = inColumn.size === 1 ? [...inColumn][0] : null;
      return { year: single ?? own?.year ?? null, source: "column" };
    }
    if (own !== null) return own;
    if (workbookYear !== null) return { year: workbookYear, source: "workbook" };
    if (found.size === 0 && callerYear !== undefined) return { year: callerYear, source: "caller" };
    return { year: null, source: "none" };
  });
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
  const chosen = chooseSheets(Array.isArray(sheets) ? sheets : [], options);
  const issues: Issue[] = [...chosen.issues];
  const context: ReadContext = {
    options,
    locateCache: newLocateCache(),
    rowCache: newRowCache(),
  };
  const reads: TableRead[] = [];
  const seen: string[] = [];
  for (const sheet of chosen.read) {
    const result = readSheetTables(sheet, context, sheet.hidden === true);
    reads.push(...result.reads);
    issues.push(...result.issues);
    seen.push(...result.seen);
  }
  // Sheets read only when no sheet before them holds a table, with a warning, and else named:
  // drafts after the official sheets, then hidden sheets after the visible ones.
  const readInstead = (
    sheets: readonly CellSheet[],
    hiddenRead: boolean,
    named: IssueCode,
    read: IssueCode,
  ): void => {
    const tablesBefore = reads.length > 0 || issues.some((i) => i.code === "COLUMN_AMBIGUOUS");
    for (const sheet of sheets) {
      const result = readSheetTables(sheet, context, hiddenRead);
      if (result.reads.length === 0 && result.issues.length === 0) continue;
      const code = tablesBefore ? named : read;
      issues.push({ ...makeIssue(code, null, { name: sheet.name }), sheet: sheet.name });
      if (tablesBefore) continue;
      reads.push(...result.reads);
      issues.push(...result.issues);
      seen.push(...result.seen);
    }
  };
  readInstead(chosen.drafts, false, "SHEET_DRAFT_SKIPPED", "SHEET_DRAFT_READ");
  readInstead(chosen.hidden, true, "SHEET_HIDDEN", "SHEET_HIDDEN_READ");
  for (const sheet of chosen.leftOut) {
    const probe = readSheetTables(
      sheet,
      { ...context, options: { ...options, columns: {}, headerRow: undefined } },
      false,
    );
    if (probe.reads.length > 0) {
      issues.push(
        makeIssue(
          "SHEET_NOT_SELECTED",
          { sheet: sheet.name, cell: "A1" },
          { sheet: sheet.name, chosen: (options.sheets ?? []).map((n) => `“${n}”`).join(", ") },
        ),
      );
    }
  }
  if (reads.length === 0) {
    if (!issues.some((i) => i.code === "COLUMN_AMBIGUOUS" || i.code === "HEADER_NOT_FOUND")) {
      issues.push(makeIssue("NO_SCORE_TABLE", null, { seen: seen.slice(0, 3).join("; ") }));
    } else {
      issues.push(makeIssue("NO_SCORE_TABLE", null, { seen: "" }));
    }
    return { units: [], invalid: [], unscored: [], issues, tables: [] };
  }
  const years = tableYears(reads, options.year);
  return settle(reads, years, issues);
}

/* ---------------------------------------------------------------------------------------------
 * Settling rows and the reading report
 * ------------------------------------------------------------------------------------------- */

/** A unit row already read, by its bloc and cell: the first row of a unit in its year and group. */
interface Seen {
  readonly bloc: Bloc;
  readonly source: CellRef;
}

/** A row that repeats a unit read before: in the same bloc, or in another bloc of the year. */
interface Repeat {
  readonly first: CellRef;
  readonly bloc: Bloc;
}

/**
 * True when two rows of one name in two blocs are the same unit. A district and a commune may
 * share a bare name ("Vĩnh Thạnh" the district, "Vĩnh Thạnh" the town): blocs 2 and 3 clash only
 * when the name says what it is ("Huyện Vĩnh Thạnh" in both).
 */
function sameUnitAcrossBlocs(a: Bloc, b: Bloc, name: string): boolean {
  if ((a === 2 && b === 3) || (a === 3 && b === 2)) return unitNameForm(name).type !== null;
  return true;
}

/**
 * The rows of each unit read so far, by year, group and unit key, to report a unit written twice
 * in one bloc or in two blocs. Nested maps: no text key is built per row.
 */
class FirstSeen {
  /**
   * Year → group → unit key → the first row of that unit (the row itself: no object is made per
   * unit), or the first row of each bloc it was read in when there are several.
   */
  private readonly byYear = new Map<number, Map<string, Map<string, Seen | Seen[]>>>();

  /**
   * Null for the first row of a unit in its year (remembered as `row`), else the row it repeats:
   * the first in the same bloc, or one in another bloc of the same year.
   */
  claim(
    row: Seen & { readonly bloc: Bloc },
    year: number,
    group: string,
    key: string,
    name: string,
  ): Repeat | null {
    let groups = this.byYear.get(year);
    if (groups === undefined) {
      groups = new Map<string, Map<string, Seen | Seen[]>>();
      this.byYear.set(year, groups);
    }
    let keys = groups.get(group);
    if (keys === undefined) {
      keys = new Map<string, Seen | Seen[]>();
      groups.set(group, keys);
    }
    const head = keys.get(key);
    if (head === undefined) {
      keys.set(key, row);
      return null;
    }
    const seen = Array.isArray(head) ? head : [head];
    for (const first of seen)
      if (first.bloc === row.bloc) return { first: first.source, bloc: row.bloc };
    for (const first of seen) {
      if (sameUnitAcrossBlocs(first.bloc, row.bloc, name))
        return { first: first.source, bloc: first.bloc };
    }
    keys.set(key, [...seen, row]);
    return null;
  }
}

function settle(
  reads: readonly TableRead[],
  years: readonly TableYear[],
  issues: Issue[],
): ScoreReading {
  const units: UnitScore[] = [];
  const invalid: InvalidUnitRow[] = [];
  const unscored: InvalidUnitRow[] = [];
  const tables: DetectedTable[] = [];
  const firstSeen = new FirstSeen();
  const groupKeys = new Map<string, string>();
  const hiddenUnits = new Set<string>();
  let order = 0;
  reads.forEach((read, t) => {
    const tableYear = years[t];
    tables.push(detectedTable(read, tableYear));
    if (read.refusal) return;
    const { plan, frame } = read;
    issues.push(...read.rows.issues);
    // Ranked by raw score: said here once the rows tell whether blocs 1–3 (ranked by ratio under
    // the plan) are among them.
    const byScoreAt = plan.measure === "score" && plan.score !== null ? issues.length : -1;
    let ratedBloc = false;
    // Scores all within 0–1 are index values ("Giá trị DTI" 0,9483): already on one scale.
    let pointsScale = false;
    if (plan.statedMax !== null && plan.score !== null) {
      const { row } = plan.statedMax;
      issues.push(
        row === undefined
          ? makeIssue("MAX_FROM_HEADER", headerCellOf(frame, plan.score.col), {
              max: plan.statedMax.value,
              header: plan.statedMax.header,
            })
          : makeIssue(
              "MAX_FROM_ROW",
              {
                sheet: frame.grid.sheet,
                cell: cellAddress(
                  frame.grid.rowOffset + row,
                  frame.grid.colOffset + plan.score.col,
                ),
              },
              { max: plan.statedMax.value, header: plan.statedMax.header },
            ),
      );
    }
    if (tableYear.source === "workbook" && tableYear.year !== null) {
      issues.push(
        makeIssue("YEAR_FROM_WORKBOOK", headerCellOf(frame, plan.unit.col), {
          sheet: frame.grid.sheet,
          year: tableYear.year,
        }),
      );
    }
    const fallbackYear =
      tableYear.source === "column"
        ? (read.statedYear?.year ?? plan.headerYear ?? null)
        : tableYear.year;
    const yearLetter = plan.year !== null ? columnLetter(frame.grid.colOffset + plan.year.col) : "";
    for (const h of read.rows.hidden) hiddenUnits.add(cellKey(h));
    const rows = read.rows.rows;
    for (let r = 0; r < rows.length; r += 1) {
      const raw = rows[r];
      let rowIssues: Issue[] | null = raw.issues.length > 0 ? [...raw.issues] : null;
      const unit = raw.name;
      const year = raw.cellYear !== undefined ? raw.cellYear : fallbackYear;
      if (year === null || !isAwardYear(year)) {
        const where = raw.cellYear !== undefined ? yearCellOf(raw, yearLetter) : raw.source;
        (rowIssues ??= []).push(
          year === null
            ? makeIssue("YEAR_MISSING", where, { unit })
            : makeIssue("YEAR_OUT_OF_RANGE", where, { unit, year }),
        );
      }
      if (raw.bloc !== null && year !== null) {
        let groupKey = groupKeys.get(raw.group);
        if (groupKey === undefined) {
          groupKey = unitKey(raw.group);
          groupKeys.set(raw.group, groupKey);
        }
        // The row has its bloc (tested above): it is remembered as it is.
        const repeat = firstSeen.claim(raw as Seen, year, groupKey, raw.key, unit);
        if (repeat !== null) {
          const firstCell = placeFrom(repeat.first, raw.source.sheet);
          (rowIssues ??= []).push(
            repeat.bloc === raw.bloc
              ? makeIssue("DUPLICATE_UNIT", raw.source, {
                  unit,
                  bloc: raw.bloc,
                  year,
                  first: firstCell,
                })
              : makeIssue("UNIT_IN_TWO_BLOCS", raw.source, {
                  unit,
                  bloc: raw.bloc,
                  firstBloc: repeat.bloc,
                  year,
                  first: firstCell,
                }),
          );
        }
      }
      let errors = 0;
      if (rowIssues !== null) {
        for (const issue of rowIssues) {
          issues.push(issue);
          if (issue.severity === "error") errors += 1;
        }
      }
      if (raw.bloc !== null && raw.bloc !== 4) ratedBloc = true;
      if (raw.score !== null && raw.score > 1) pointsScale = true;
      const placed = raw.bloc !== null && year !== null && isAwardYear(year);
      if (errors === 0 && placed && raw.unscored) {
        unscored.push(invalidRow(raw, year, order, []));
      } else if (errors === 0 && placed && (raw.score !== null || raw.rankedBy !== undefined)) {
        units.push(placeUnit(raw as RawRow & { bloc: Bloc }, year as AwardYear, order));
      } else {
        const codes = new Set<string>();
        for (const issue of rowIssues ?? []) if (issue.severity === "error") codes.add(issue.code);
        invalid.push(invalidRow(raw, year, order, [...codes]));
      }
      order += 1;
    }
    if (byScoreAt >= 0 && plan.score !== null) {
      const where = headerCellOf(frame, plan.score.col);
      const params = { sheet: frame.grid.sheet, header: plan.score.header };
      issues.splice(
        byScoreAt,
        0,
        makeIssue(
          ratedBloc && pointsScale ? "SCORE_WITHOUT_MAX" : "RANKED_BY_SCORE",
          where,
          params,
        ),
      );
    }
  });
  // One unit written twice in a year and bloc, once with an abbreviation ("Sở TT&TT" below "Sở
  // Thông tin và Truyền thông"): the later row is reported and not ranked, as a duplicate is.
  const twins = abbreviatedTwins(units);
  const dropped = new Set(twins.map((t) => t.later));
  for (const { first, later } of twins) {
    issues.push(
      makeIssue("UNIT_WRITTEN_TWICE", later.source, {
        unit: later.name,
        other: first.name,
        bloc: later.bloc,
        year: later.year,
        first: placeFrom(first.source, later.source.sheet),
      }),
    );
    // The unit is its read row, placed (`placeUnit`).
    const row = later as unknown as RawRow;
    invalid.push(invalidRow(row, later.year, later.order, ["UNIT_WRITTEN_TWICE"]));
  }
  return {
    units: dropped.size > 0 ? units.filter((u) => !dropped.has(u)) : units,
    invalid,
    unscored,
    issues,
    tables,
    ...(hiddenUnits.size > 0 ? { hiddenUnits } : {}),
  };
}

function invalidRow(
  raw: RawRow,
  year: number | null,
  order: number,
  codes: readonly string[],
): InvalidUnitRow {
  return {
    name: raw.name,
    key: raw.key,
    bloc: raw.bloc,
    year,
    score: raw.score,
    maxScore: raw.maxScore,
    group: raw.group,
    source: raw.source,
    order,
    issueCodes: codes,
  };
}

const MEASURE_NOTES: Readonly<Record<ColumnPlan["measure"], Bilingual | null>> = {
  "computed-ratio": null,
  "written-ratio": {
    vi: "Bảng không có cột điểm tối đa: xếp hạng theo tỷ lệ ghi trong bảng.",
    en: "The table has no max score column: units are ranked by the ratio it writes.",
  },
  score: {
    vi: "Bảng không có cột điểm tối đa hay tỷ lệ: xếp hạng theo điểm.",
    en: "The table has neither a max score nor a ratio column: units are ranked by score.",
  },
  "ratio-only": {
    vi: "Bảng chỉ có cột tỷ lệ: xếp hạng theo tỷ lệ.",
    en: "The table has only a ratio column: units are ranked by ratio.",
  },
};

const KIND_WORDS: Readonly<Record<AggregateKind | "max" | "self", Bilingual>> = {
  max: { vi: "điểm tối đa", en: "max score" },
  self: {
    vi: "tự đánh giá (xếp hạng theo điểm thẩm định)",
    en: "self-assessment (ranked by the appraised score)",
  },
  total: { vi: "tổng", en: "total" },
  average: { vi: "trung bình", en: "average" },
  count: { vi: "số đơn vị", en: "count" },
  extreme: { vi: "cao nhất/thấp nhất", en: "highest/lowest" },
};

const BLOC_SOURCE_ORDER: readonly BlocSource[] = ["column", "sections", "sheet", "title", "caller"];

function readingsOf(read: TableRead): ColumnReading[] {
  const { plan, frame } = read;
  const letter = (col: number): string => columnLetter(frame.grid.colOffset + col);
  const out: ColumnReading[] = [];
  const add = (role: ColumnRole, c: ColumnChoice | null): void => {
    if (c !== null) out.push({ role, column: letter(c.col), header: c.header, why: c.why });
  };
  add("unit", plan.unit);
  add("score", plan.score);
  add("maxScore", plan.maxScore);
  if (plan.statedMax !== null && plan.score !== null) {
    out.push({
      role: "maxScore",
      column: letter(plan.score.col),
      header: plan.statedMax.header,
      why:
        plan.statedMax.row === undefined
          ? {
              vi: `điểm tối đa ${plan.statedMax.value} ghi trong tiêu đề`,
              en: `max score ${plan.statedMax.value} stated in the heading`,
            }
          : {
              vi: `điểm tối đa ${plan.statedMax.value} ghi ở dòng “${plan.statedMax.header}” dưới tiêu đề (dòng ${frame.grid.rowOffset + plan.statedMax.row + 1})`,
              en: `max score ${plan.statedMax.value} written in the “${plan.statedMax.header}” row under the header (row ${frame.grid.rowOffset + plan.statedMax.row + 1})`,
            },
    });
  }
  if (plan.ratio !== null && plan.measure === "written-ratio") {
    add("ratio", {
      ...plan.ratio,
      why: {
        vi: `${plan.ratio.why.vi}; xếp hạng theo cột này (không có điểm tối đa)`,
        en: `${plan.ratio.why.en}; units are ranked by it (no max score)`,
      },
    });
  } else add("ratio", plan.ratio);
  add("bloc", plan.bloc);
  add("year", plan.year);
  add("excluded", plan.excluded);
  add("note", plan.note);
  add("district", plan.district);
  return out.sort((a, b) => a.column.length - b.column.length || a.column.localeCompare(b.column));
}

function notesOf(read: TableRead): Bilingual[] {
  const notes: Bilingual[] = [];
  if (read.hiddenRead) {
    notes.push({
      vi: `Trang “${read.frame.grid.sheet}” đang ẩn nhưng đã được đọc.`,
      en: `Sheet “${read.frame.grid.sheet}” is hidden but was read.`,
    });
  }
  notes.push(...read.plan.notes, ...read.notes);
  const measure = MEASURE_NOTES[read.plan.measure];
  if (measure) notes.push(measure);
  if (read.plan.convention !== null) {
    notes.push(
      read.plan.convention === "comma"
        ? {
            vi: "Số ghi dạng chữ đọc theo quy ước dấu phẩy thập phân (ví dụ 914,31; 1.000 là một nghìn).",
            en: "Numbers typed as text are read with a decimal comma (914,31; 1.000 is one thousand).",
          }
        : {
            vi: "Số ghi dạng chữ đọc theo quy ước dấu chấm thập phân (ví dụ 914.31).",
            en: "Numbers typed as text are read with a decimal point (914.31).",
          },
    );
  }
  const skipped = read.rows.skipped;
  if (skipped.length > 0) {
    const kinds = [...new Set(skipped.map((s) => s.kind))];
    const list = skipped
      .slice(0, 5)
      .map((s) => `${s.cell} “${s.text}”`)
      .join(", ");
    const more = skipped.length > 5 ? ", …" : "";
    notes.push({
      vi: `Bỏ qua ${skipped.length} dòng ${kinds.map((k) => KIND_WORDS[k].vi).join(", ")}: ${list}${more}.`,
      en: `Skipped ${skipped.length} ${kinds.map((k) => KIND_WORDS[k].en).join(", ")} row(s): ${list}${more}.`,
    });
  }
  if (read.rows.filledBlocs > 0 && read.plan.bloc !== null) {
    notes.push({
      vi: `Cột khối: ${read.rows.filledBlocs} ô thuộc ô gộp lấy khối ghi ở đầu ô gộp.`,
      en: `Bloc column: ${read.rows.filledBlocs} cell(s) of merged cells take the bloc written at their top.`,
    });
  }
  return notes;
}

function blocSourceOf(read: TableRead): BlocSource {
  const used = new Set<BlocSource | null>();
  const rows = read.rows.rows;
  for (let i = 0; i < rows.length; i += 1) used.add(rows[i].blocSource);
  return BLOC_SOURCE_ORDER.find((s) => used.has(s)) ?? "none";
}

function detectedTable(read: TableRead, year: TableYear): DetectedTable {
  const { frame } = read;
  const { grid } = frame;
  const firstCol = Math.min(...frame.columns.map((c) => c.col));
  const lastCol = Math.max(...frame.columns.map((c) => c.col));
  const texts: string[] = [];
  for (let c = frame.first; c <= lastCol; c += 1) {
    texts.push(frame.columns.find((h) => h.col === c)?.text ?? "");
  }
  const readings = readingsOf(read);
  const columns: Partial<Record<string, string>> = {};
  for (const r of readings) columns[r.role] ??= r.column;
  let lastRow = frame.headerRows[frame.headerRows.length - 1];
  for (let i = 0; i < grid.rows.length; i += 1) {
    const r = grid.rows[i];
    if (r >= frame.end) break;
    if (r > lastRow) lastRow = r;
  }
  return {
    sheet: grid.sheet,
    kind: "scores",
    headerRow: grid.rowOffset + frame.headerRows[0] + 1,
    headers: texts,
    columns,
    dataRows: read.rows.rows.length,
    yearSource: year.source,
    year: year.year,
    range: `${cellAddress(grid.rowOffset + frame.headerRows[0], grid.colOffset + firstCol)}:${cellAddress(grid.rowOffset + lastRow, grid.colOffset + lastCol)}`,
    readings,
    blocSource: blocSourceOf(read),
    notes: notesOf(read),
    refused: read.refusal !== null,
  };
}
