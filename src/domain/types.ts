/**
 * The vocabulary of the award engine. Everything here is plain data: the three doors (task pane,
 * custom functions, command line) hand the engine cell matrices and get these values back.
 */
import type { Issue } from "./issues";

/** Blocs of Plan 140/KH-UBND, section III.2.a. */
export const BLOCS = [1, 2, 3, 4] as const;
export type Bloc = (typeof BLOCS)[number];

/** Years of the movement (section II.3): yearly reviews 2022–2024, the summary year 2025. */
export const AWARD_YEARS = [2022, 2023, 2024, 2025] as const;
export type AwardYear = (typeof AWARD_YEARS)[number];

export const RECIPIENTS = ["collective", "individual"] as const;
export type Recipient = (typeof RECIPIENTS)[number];

/** Award forms: the City Chairman's Certificate of Merit, a director's/chairman's Certificate. */
export const AWARD_FORMS = ["bang-khen", "giay-khen"] as const;
export type AwardForm = (typeof AWARD_FORMS)[number];

/** Who signs a Giấy khen: a head of department / district chairman, or a commune chairman. */
export const GIAY_KHEN_ISSUERS = ["department", "district", "commune"] as const;
export type GiayKhenIssuer = (typeof GIAY_KHEN_ISSUERS)[number];

export const UNIT_STATUSES = ["candidate", "tie", "not-selected", "excluded", "invalid"] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

export const INDIVIDUAL_STATUSES = ["candidate", "tie", "reserve"] as const;
export type IndividualStatus = (typeof INDIVIDUAL_STATUSES)[number];

export const LANGS = ["vi", "en"] as const;
export type Lang = (typeof LANGS)[number];

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** Text in both languages the product speaks. */
export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

/**
 * One sheet's cells as a matrix, the way Office.js `range.values` and ExcelJS give them.
 * `values[0][0]` is the cell at (`rowOffset`, `colOffset`), both 0-based (a used range need not
 * start at A1), so that every issue can name the real cell.
 */
export interface CellSheet {
  readonly name: string;
  readonly values: readonly (readonly unknown[])[];
  readonly rowOffset?: number;
  readonly colOffset?: number;
  /**
   * The officer hid the sheet. The readers skip a hidden sheet unless it is named (`sheets`,
   * `nomineeSheet`), so that every door ranks the same sheets.
   */
  readonly hidden?: boolean;
  /**
   * Merged areas of the sheet (0-based, absolute sheet coordinates, inclusive). A merged area's
   * value sits in its top-left cell only, as Office.js and the file format give it; the reader
   * uses the areas to fill a merged bloc cell or header down and across.
   */
  readonly merges?: readonly CellRange[];
  /**
   * Rows and columns the officer hid (0-based, absolute sheet coordinates). A hidden column is
   * not taken for a score, max or ratio while a visible one can be; a unit on a hidden row is
   * ranked, as Excel's formulas count it, and reported.
   */
  readonly hiddenRows?: readonly number[];
  readonly hiddenColumns?: readonly number[];
}

/** A rectangle of cells, 0-based and inclusive, in absolute sheet coordinates. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Where a value came from: a sheet and an A1 address. */
export interface CellRef {
  readonly sheet: string;
  readonly cell: string;
}

/** The columns the reader knows. */
export const COLUMN_ROLES = [
  "unit",
  "score",
  "maxScore",
  "ratio",
  "bloc",
  "year",
  "excluded",
  "note",
  "district",
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export const NOMINEE_COLUMN_ROLES = [
  "person",
  "title",
  "unit",
  "direct",
  "achievement",
  "year",
  "note",
] as const;
export type NomineeColumnRole = (typeof NOMINEE_COLUMN_ROLES)[number];

/** A score row that can be ranked. */
export interface UnitScore {
  /** The name as written (trimmed, inner spaces collapsed, NFC). */
  readonly name: string;
  /** The name folded for comparison (see `unitKey`). */
  readonly key: string;
  readonly bloc: Bloc;
  readonly year: AwardYear;
  readonly score: number;
  /** `null` where the table has no max score column: such a table is ranked by score. */
  readonly maxScore: number | null;
  /** score ÷ maxScore, `null` without a max score. For display; comparisons use `compareUnits`. */
  readonly ratio: number | null;
  readonly excluded: boolean;
  /**
   * What the unit is ranked by when that is not `score ÷ maxScore` (or `score`): the ratio its
   * table writes, as typed, out of 1 or 100 — a table with a ratio column and no max score.
   */
  readonly rankedBy?: { readonly value: number; readonly of: number };
  readonly note: string;
  /**
   * The sub-section heading the row sits under (e.g. "Huyện Phong Điền" inside bloc 3), or "".
   * Two units of one bloc with the same name in different groups are different units.
   */
  readonly group: string;
  /** The unit-name cell of the row. */
  readonly source: CellRef;
  /** The row's position in reading order, for stable output. */
  readonly order: number;
}

/** A row that looks like a unit but cannot be ranked; its issues say why. */
export interface InvalidUnitRow {
  readonly name: string;
  readonly key: string;
  readonly bloc: Bloc | null;
  readonly year: number | null;
  readonly score: number | null;
  readonly maxScore: number | null;
  readonly group: string;
  readonly source: CellRef;
  readonly order: number;
  readonly issueCodes: readonly string[];
}

/** An official proposed by a unit for an individual Bằng khen. */
export interface Nominee {
  readonly name: string;
  readonly title: string;
  /** The unit as written on the nominee sheet. */
  readonly unitName: string;
  readonly unitKey: string;
  readonly direct: boolean;
  readonly achievement: string;
  readonly year: AwardYear | null;
  readonly source: CellRef;
  /** Position on the nominee sheet: the unit's listed order. */
  readonly order: number;
}

/** How one column of a table was read: the reading report's line for one role. */
export interface ColumnReading {
  readonly role: ColumnRole | NomineeColumnRole;
  /** A1 column letter. */
  readonly column: string;
  /** The header as written (the texts of a two-row header joined with " / "). */
  readonly header: string;
  /** Why this column was taken, e.g. "total column preferred over 3 pillar columns". */
  readonly why: Bilingual;
}

/** Where the units of a table got their bloc. */
export const BLOC_SOURCES = ["column", "sections", "sheet", "title", "caller", "none"] as const;
export type BlocSource = (typeof BLOC_SOURCES)[number];

/** What the reader found, so the officer can see (and correct) it. */
export interface DetectedTable {
  readonly sheet: string;
  readonly kind: "scores" | "nominees";
  /** 1-based sheet row of the header. */
  readonly headerRow: number;
  readonly headers: readonly string[];
  /** Role → A1 column letter. */
  readonly columns: Readonly<Partial<Record<ColumnRole | NomineeColumnRole, string>>>;
  /** Rows read as data (units or nominees). */
  readonly dataRows: number;
  /** Where the year of this table came from. */
  readonly yearSource: "column" | "sheet" | "title" | "header" | "caller" | "workbook" | "none";
  readonly year: number | null;
  /** The cells the table spans, header included, e.g. "A6:H48". */
  readonly range: string;
  /** How each column was read, in sheet column order: the reading report. */
  readonly readings: readonly ColumnReading[];
  /** Where the units' blocs came from (the first source that gave one, in reading order). */
  readonly blocSource: BlocSource;
  /** Other facts of the reading an officer should see (hidden sheet read, rows skipped …). */
  readonly notes: readonly Bilingual[];
  /** True when the table was not ranked (an error issue says why and what to choose). */
  readonly refused: boolean;
}

/* ---------------------------------------------------------------------------------------------
 * Engine results
 * ------------------------------------------------------------------------------------------- */

/** A unit with its competition rank within its bloc and year (1, 2, 2, 4). */
export interface RankedUnit {
  readonly unit: UnitScore;
  readonly rank: number;
}

/** The outcome for one unit row (valid or invalid) of a bloc and year. */
export interface UnitResult {
  readonly name: string;
  readonly key: string;
  readonly bloc: Bloc;
  readonly year: AwardYear;
  readonly score: number | null;
  readonly maxScore: number | null;
  readonly ratio: number | null;
  /** `null` for an invalid row. */
  readonly rank: number | null;
  /** How many valid units the bloc ranks (the "of 20" in "rank 2 of 20"). */
  readonly rankedCount: number;
  readonly status: UnitStatus;
  /** For a `tie`: how many units share the cut-off and how many of them can be chosen. */
  readonly tie: { readonly size: number; readonly open: number } | null;
  /** Bằng khen prize for the collective (candidate and tie only). */
  readonly prizeVnd: number | null;
  /** The nominee chosen (candidate or tie) for this unit's individual slot, if any. */
  readonly chosenIndividual: string | null;
  readonly note: string;
  /** The sub-section heading the row sits under (e.g. a district), or "". */
  readonly group: string;
  readonly source: CellRef;
  /** One line, e.g. "Hạng 2/20, ngoài 1 suất của khối". */
  readonly reason: Bilingual;
  /** The council's decision that set this outcome, if any. */
  readonly decision?: AppliedDecision;
}

export interface IndividualResult {
  readonly name: string;
  readonly title: string;
  /** The unit's name as in the score table. */
  readonly unit: string;
  /** The unit's sub-section heading (e.g. its district), or "". */
  readonly unitGroup: string;
  /** The unit's name cell: which unit this is, even when two units share a name. */
  readonly unitSource: CellRef;
  readonly unitRank: number | null;
  readonly direct: boolean;
  readonly status: IndividualStatus;
  /**
   * The nominee's unit was written so that it fits this unit only loosely (near spelling, a name
   * several units share …): the officer confirms the unit before submitting; the reason says why.
   */
  readonly confirm: boolean;
  readonly prizeVnd: number | null;
  readonly source: CellRef;
  readonly reason: Bilingual;
  /** The nominee's achievement summary as written on the nominee sheet, if any. */
  readonly achievement?: string;
  /** The council's decision that set this outcome, if any. */
  readonly decision?: AppliedDecision;
}

export interface BlocResult {
  readonly bloc: Bloc;
  readonly year: AwardYear;
  readonly collectiveSlots: number;
  readonly individualSlots: number;
  /** Ranked units in rank order (ties in reading order), then invalid rows in reading order. */
  readonly units: readonly UnitResult[];
  /** Nominees matched to this bloc's units: chosen ones in slot order, then reserves. */
  readonly individuals: readonly IndividualResult[];
  /** True when the score table has no row for this bloc and year. */
  readonly empty: boolean;
}

export interface YearResult {
  readonly year: AwardYear;
  /** The review round the year's scores serve (its quotas); the score year when not set. */
  readonly round?: AwardYear;
  /** Always the four blocs, in order. */
  readonly blocs: readonly BlocResult[];
}

/** The regime and base salary the prize amounts were computed with. */
export interface PrizeBasis {
  readonly decisionDate: IsoDate;
  readonly regimeId: string;
  readonly regimeReference: string;
  readonly baseSalaryVnd: number;
  readonly baseSalaryReference: string;
  readonly bangKhenCollectiveVnd: number;
  readonly bangKhenIndividualVnd: number;
}

export interface RankOptions {
  /** Rank only this year; also the year of a table that states none. */
  readonly year?: number;
  /** The award decision date, for the prize money. */
  readonly decisionDate: IsoDate;
  /** Read only these sheets for scores (by name); default: every sheet with a score table. */
  readonly sheets?: readonly string[];
  /** The nominee sheet; default: found by its headers. */
  readonly nomineeSheet?: string;
  /**
   * Columns the officer chose ("Chọn cột", `--column ROLE=…`), overriding detection: each is a
   * header text (compared folded, as the reader compares headers) or a column letter ("D").
   */
  readonly columns?: Readonly<Partial<Record<ColumnRole, string>>>;
  /** 1-based header row, overriding detection (applies to the sheets read). */
  readonly headerRow?: number;
  /** The bloc of every unit of the sheets read, for a one-bloc sheet without bloc headings. */
  readonly bloc?: Bloc;
  /** Sheets to ignore entirely (e.g. the add-in's own output sheets). */
  readonly ignoreSheets?: readonly string[];
  /** The council's decisions table (its own sheet, or a sheet of another file). */
  readonly decisions?: CellSheet;
  /** Score year → review round, where the round (and so the quotas) is not the score year. */
  readonly rounds?: RoundMap;
}

export interface AwardResult {
  readonly schema: "dti-awards/result@1";
  /** The award decision date of the run (also known when it precedes the prize tables). */
  readonly decisionDate?: IsoDate;
  readonly prize: PrizeBasis | null;
  readonly years: readonly YearResult[];
  /** Rows that could not be placed in a bloc and year (unknown bloc, bad year): see issues. */
  readonly unplaced: readonly InvalidUnitRow[];
  readonly issues: readonly Issue[];
  readonly tables: readonly DetectedTable[];
}

/* ---------------------------------------------------------------------------------------------
 * The candidate sheet as data: both writers (ExcelJS, Office.js) render this and nothing else.
 * ------------------------------------------------------------------------------------------- */

export type ColumnFormat = "text" | "integer" | "number" | "percent" | "vnd";
/** Abstract row styles; writers map them to Excel's Good / Neutral / Bad fills and grey. */
export type RowStyle = "candidate" | "tie" | "not-selected" | "excluded" | "invalid" | "plain";
export type TextStyle = "title" | "subtitle" | "note" | "section";
export type CellValue = string | number | null;

export interface SheetColumn {
  readonly header: string;
  /** Width in characters. */
  readonly width: number;
  readonly format: ColumnFormat;
}

export interface SheetRow {
  readonly values: readonly CellValue[];
  readonly style: RowStyle;
  /** A cell this row is about (the data-check sheet links to it). */
  readonly link: CellRef | null;
}

export interface SheetTable {
  /** A valid Excel table name, unique in the model. */
  readonly name: string;
  /** 0-based row of the header. */
  readonly startRow: number;
  readonly columns: readonly SheetColumn[];
  readonly rows: readonly SheetRow[];
  /** The column whose cells carry `link` as a hyperlink, if any. */
  readonly linkColumn: number | null;
  /** Bold last row (a total). */
  readonly totalRow: boolean;
}

export interface SheetText {
  /** 0-based row; the text goes in column A. */
  readonly row: number;
  readonly text: string;
  readonly style: TextStyle;
}

export interface SheetModel {
  readonly kind: "candidates" | "data-check";
  readonly year: AwardYear | null;
  /** The preferred sheet name (at most 31 characters, no []:*?/\). */
  readonly name: string;
  readonly texts: readonly SheetText[];
  readonly tables: readonly SheetTable[];
  /** Rows frozen at the top (the first table's header included). */
  readonly freezeRows: number;
  /** Column widths in characters, from column A. */
  readonly columnWidths: readonly number[];
}

/* ---------------------------------------------------------------------------------------------
 * The council's decisions and the review rounds (issue 12). Optional everywhere, so that a run
 * without them is the run it always was.
 * ------------------------------------------------------------------------------------------- */

/** What the council decided about a candidate: chose it among equals, or withdrew it. */
export const DECISION_KINDS = ["choose", "withdraw"] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** The data a decision was taken on, as recorded beside it (null: not recorded). */
export interface DecisionBasis {
  /** The unit's ratio (or score, for a table ranked by score). */
  readonly ratio: number | null;
  readonly rank: number | null;
  /** How many units shared the cut-off, and how many slots they competed for. */
  readonly tieSize: number | null;
  readonly open: number | null;
}

/**
 * One row of the "Quyết định của Hội đồng" table. A decision names its unit by identity (score
 * year, bloc, unit name as a key, district group), never by a row number of any sheet.
 */
export interface CouncilDecision {
  /** The score year the decision is about. */
  readonly year: AwardYear;
  /** null when the row leaves it blank: found from the unit when only one unit fits. */
  readonly bloc: Bloc | null;
  readonly recipient: Recipient;
  readonly unit: string;
  /** `matchKey` of the unit name. */
  readonly unitKey: string;
  /** The district group as written, or "". */
  readonly group: string;
  /** The person, for an individual decision; "" for a collective one. */
  readonly person: string;
  readonly kind: DecisionKind;
  readonly reason: string;
  readonly basis: DecisionBasis;
  /** The decision cell of the row. */
  readonly source: CellRef;
}

/** A decision the engine applied to a unit or a person, with where it is written. */
export interface AppliedDecision {
  readonly kind: DecisionKind;
  readonly reason: string;
  readonly source: CellRef;
}

/** Score year → the review round (đợt xét) it serves, when they differ. */
export type RoundMap = Readonly<Partial<Record<AwardYear, AwardYear>>>;
