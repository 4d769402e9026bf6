/**
 * Choosing a table's columns with evidence. Headers name candidates; the choice among several
 * follows what the index means: the table's own year over other years, an appraised score over a
 * self-assessment, the total over its parts (pillars, bonuses), a column that is the sum of the
 * others, a score and maximum that agree with the written ratio. What is still open after that is
 * returned as alternatives, which the reader keeps only when they give the same outcome.
 */
import type { ParsedNumber } from "../cells";
import { cellText, parseCellNumber } from "../cells";
import { makeIssue } from "../issues";
import type { Issue } from "../issues";
import { cellAddress, columnLetter, foldText } from "../text";
import type { Bilingual, ColumnRole } from "../types";
import type { Grid } from "./grid";
import { isBlankCell, rowOf } from "./grid";
import type { HeaderColumn, NamedColumns, TableFrame } from "./locate";
import { namedColumn } from "./locate";
import type { DecimalConvention, RatioScale } from "./numbers";
import {
  columnRatioScale,
  decimalConvention,
  ratioOnScale,
  scaleOfRatio,
  settleNumber,
} from "./numbers";
import type { ScoreHeaderRole } from "./vocabulary";
import { aggregateKind, classifyScoreHeader, wordsBloc } from "./vocabulary";

/** A column taken for a role, with the reading report's reason. */
export interface ColumnChoice {
  readonly col: number;
  readonly header: string;
  readonly why: Bilingual;
}

/** How a table's units are compared. */
export const MEASURES = ["computed-ratio", "written-ratio", "score", "ratio-only"] as const;
export type Measure = (typeof MEASURES)[number];

/** A maximum the table states once instead of in a max column. */
export interface StatedMax {
  readonly value: number;
  /** The header or title text that states it, or the label of the max row. */
  readonly header: string;
  /** The max row's grid row, when a "Điểm tối đa" row under the header states it. */
  readonly row?: number;
}

export interface ColumnPlan {
  readonly unit: ColumnChoice;
  readonly score: ColumnChoice | null;
  readonly maxScore: ColumnChoice | null;
  /**
   * A maximum stated in the score header, a title line or a "Điểm tối đa" row under the header
   * (`row`: its row in the grid), when there is no max column.
   */
  readonly statedMax: StatedMax | null;
  /** The "Điểm tối đa" row under the header (its row in the grid): not a unit. */
  readonly maxRow: number | null;
  readonly ratio: ColumnChoice | null;
  readonly bloc: ColumnChoice | null;
  readonly year: ColumnChoice | null;
  readonly excluded: ColumnChoice | null;
  readonly note: ColumnChoice | null;
  /** The column naming each unit's district, which groups same-named communes. */
  readonly district: ColumnChoice | null;
  readonly index: number | null;
  readonly measure: Measure;
  /** Decimal separator of the table's numbers typed as text. */
  readonly convention: DecimalConvention;
  /** Scale of the ratio column's bare numbers: their majority's, "mixed" when none has one. */
  readonly ratioScale: RatioScale | "mixed" | null;
  /** The year the chosen score column names ("Điểm năm 2023"), or null. */
  readonly headerYear: number | null;
  /** Facts of the choice for the reading report (columns set aside and why). */
  readonly notes: readonly Bilingual[];
}

export interface MapContext {
  readonly named: NamedColumns;
  /** The table's year as stated by its sheet, title or the caller, for year-named columns. */
  readonly year: number | null;
  /** A maximum a title line above the table states ("Thang điểm 1.000"). */
  readonly titleMax: { readonly value: number; readonly header: string } | null;
}

export type ColumnMapping =
  | {
      readonly ok: true;
      readonly plan: ColumnPlan;
      /** Other readings still open; the role they differ in comes first in `plan`. */
      readonly alternatives: readonly Alternative[];
    }
  | { readonly ok: false; readonly issues: readonly Issue[] };

export interface Alternative {
  readonly role: "score" | "maxScore" | "ratio";
  readonly plan: ColumnPlan;
}

const CHOSEN: Bilingual = { vi: "cột do người dùng chọn", en: "column chosen by the user" };
const MATCHED: Bilingual = { vi: "tiêu đề cột khớp", en: "the header matches" };

/** How many data rows are looked at for evidence: enough to judge, bounded for big tables. */
const SAMPLE_ROWS = 1000;

const ROLE_WORDS: Readonly<Record<ColumnRole, Bilingual>> = {
  unit: { vi: "tên đơn vị", en: "the unit name" },
  score: { vi: "điểm", en: "the score" },
  maxScore: { vi: "điểm tối đa", en: "the max score" },
  ratio: { vi: "tỷ lệ", en: "the ratio" },
  bloc: { vi: "khối", en: "the bloc" },
  year: { vi: "năm", en: "the year" },
  excluded: { vi: "không xét", en: "exclusion" },
  note: { vi: "ghi chú", en: "the note" },
  district: { vi: "quận, huyện", en: "the district" },
};

/** The command-line name of a role (`--column name=…`). */
export const ROLE_OPTIONS: Readonly<Record<ColumnRole, string>> = {
  unit: "name",
  score: "score",
  maxScore: "max",
  ratio: "ratio",
  bloc: "bloc",
  year: "year",
  excluded: "exclude",
  note: "note",
  district: "district",
};

export function roleWords(role: ColumnRole): Bilingual {
  return ROLE_WORDS[role];
}

/** "C “Điểm tự đánh giá”" for a list of columns. */
function listColumns(grid: Grid, columns: readonly HeaderColumn[]): string {
  return columns.map((c) => `${columnLetter(grid.colOffset + c.col)} “${c.text}”`).join(", ");
}

/** The data rows that give evidence: rows with a unit name that is not a total. */
/**
 * The "Điểm tối đa" row some forms put right under the header (its name cell, or the cell before
 * it, reads as a max score: "Điểm tối đa", "Thang điểm", "Max score"), with the maximum of each
 * column in its cells: its grid row, or null. Only the first two rows under the header are looked
 * at (the column numbers row may come first).
 */
function maxRowOf(frame: TableFrame, unitCol: number): number | null {
  const start = frame.headerRows[frame.headerRows.length - 1] + 1;
  let looked = 0;
  for (const r of frame.grid.rows) {
    if (r < start) continue;
    if (r >= frame.end || looked >= 2) break;
    looked += 1;
    const cells = rowOf(frame.grid, r);
    for (let col = Math.max(frame.first, unitCol - 1); col <= unitCol; col += 1) {
      const text = cells[col];
      if (typeof text !== "string" || text.length > 60) continue;
      if (classifyScoreHeader(text) === "maxScore") return r;
    }
  }
  return null;
}

function sampleRows(
  frame: TableFrame,
  unitCol: number,
  maxRow: number | null,
): (readonly unknown[])[] {
  const rows: (readonly unknown[])[] = [];
  const start = frame.headerRows[frame.headerRows.length - 1] + 1;
  for (const r of frame.grid.rows) {
    if (r < start || r === maxRow) continue;
    if (r >= frame.end || rows.length >= SAMPLE_ROWS) break;
    const cells = rowOf(frame.grid, r);
    const name = cells[unitCol];
    if (isBlankCell(name)) continue;
    if (typeof name === "string" && aggregateKind(name) !== null) continue;
    rows.push(cells);
  }
  return rows;
}

function isNumeric(p: ParsedNumber): boolean {
  return p.kind === "number" || p.kind === "ambiguous";
}

/** True when at least half the non-blank sample cells of a column read as numbers. */
function holdsNumbers(rows: readonly (readonly unknown[])[], col: number): boolean {
  let numbers = 0;
  let filled = 0;
  for (const cells of rows) {
    const p = parseCellNumber(cells[col]);
    if (p.kind === "blank") continue;
    filled += 1;
    if (isNumeric(p)) numbers += 1;
  }
  return filled > 0 && numbers * 2 >= filled;
}

interface Preference {
  readonly kept: HeaderColumn[];
  /** Why the kept columns won, when others were set aside. */
  readonly why: Bilingual | null;
  readonly notes: Bilingual[];
}

/** Applies one preference: keeps `better` when any column has it and says what was set aside. */
function preferWhere(
  current: Preference,
  grid: Grid,
  better: (c: HeaderColumn) => boolean,
  because: (set: string, count: number) => Bilingual,
  asideNote: (set: string) => Bilingual,
): Preference {
  const kept = current.kept.filter(better);
  if (kept.length === 0 || kept.length === current.kept.length) return current;
  const aside = current.kept.filter((c) => !better(c));
  const set = listColumns(grid, aside);
  return {
    kept,
    why: because(set, aside.length),
    notes: [...current.notes, asideNote(set)],
  };
}

/** The table's own year, appraised over self-assessed, totals over parts. */
function preferred(
  candidates: readonly HeaderColumn[],
  grid: Grid,
  year: number | null,
  label: Bilingual,
): Preference {
  let p: Preference = { kept: [...candidates], why: null, notes: [] };
  // What the officer sees on screen first: a hidden column is an old or working one.
  p = preferWhere(
    p,
    grid,
    (c) => !grid.hiddenColumns.has(c.col),
    (set) => ({
      vi: `cột đang hiện thay cho cột đang ẩn ${set}`,
      en: `the visible column over the hidden ${set}`,
    }),
    (set) => ({
      vi: `Không dùng ${set}: cột đang ẩn.`,
      en: `Not used: ${set}, a hidden column.`,
    }),
  );
  if (year !== null) {
    p = preferWhere(
      p,
      grid,
      (c) => c.info.year === year,
      (set) => ({
        vi: `cột của năm ${year} (năm của bảng); không dùng ${set}`,
        en: `the column of ${year} (the table's year); not ${set}`,
      }),
      (set) => ({
        vi: `Không dùng ${set}: ${label.vi} của năm khác.`,
        en: `Not used: ${set}, ${label.en} of another year.`,
      }),
    );
    p = preferWhere(
      p,
      grid,
      (c) => c.info.year === null || c.info.year === year,
      (set) => ({
        vi: `không dùng cột của năm khác: ${set}`,
        en: `not the columns of other years: ${set}`,
      }),
      (set) => ({
        vi: `Không dùng ${set}: ${label.vi} của năm khác.`,
        en: `Not used: ${set}, ${label.en} of another year.`,
      }),
    );
  }
  p = preferWhere(
    p,
    grid,
    (c) => !c.info.self,
    (set) => ({
      vi: `điểm thẩm định thay cho điểm tự đánh giá (${set})`,
      en: `the appraised score over the self-assessment (${set})`,
    }),
    (set) => ({
      vi: `Không dùng ${set}: điểm tự đánh giá.`,
      en: `Not used: ${set}, a self-assessment.`,
    }),
  );
  p = preferWhere(
    p,
    grid,
    (c) => !c.info.part,
    (set, n) => ({
      vi: `cột tổng thay cho ${n} cột thành phần (${set})`,
      en: `the total column over ${n} part column${n === 1 ? "" : "s"} (${set})`,
    }),
    (set) => ({
      vi: `Không dùng ${set}: điểm thành phần, không phải tổng.`,
      en: `Not used: ${set}, parts of the index, not its total.`,
    }),
  );
  p = preferWhere(
    p,
    grid,
    (c) => c.info.total,
    (set) => ({
      vi: `cột tổng thay cho ${set}`,
      en: `the total column over ${set}`,
    }),
    (set) => ({
      vi: `Không dùng ${set}: bảng có cột tổng.`,
      en: `Not used: ${set}; the table has a total column.`,
    }),
  );
  p = preferWhere(
    p,
    grid,
    (c) => c.info.appraised,
    (set) => ({
      vi: `điểm thẩm định thay cho ${set}`,
      en: `the appraised score over ${set}`,
    }),
    (set) => ({
      vi: `Không dùng ${set}: bảng có điểm thẩm định.`,
      en: `Not used: ${set}; the table has an appraised score.`,
    }),
  );
  return p;
}

function valueOf(
  cells: readonly unknown[],
  col: number,
  convention: DecimalConvention,
): number | null {
  const p = settleNumber(parseCellNumber(cells[col]), convention);
  return p.kind === "number" ? p.value : null;
}

/** The one candidate that is the sum of the others on nine rows in ten, or null. */
function sumOfOthers(
  candidates: readonly HeaderColumn[],
  rows: readonly (readonly unknown[])[],
  convention: DecimalConvention,
): HeaderColumn | null {
  if (candidates.length < 3) return null;
  const sums = candidates.filter((total) => {
    const others = candidates.filter((c) => c !== total);
    let checked = 0;
    let equal = 0;
    for (const cells of rows) {
      const t = valueOf(cells, total.col, convention);
      const parts = others.map((o) => valueOf(cells, o.col, convention));
      if (t === null || parts.some((v) => v === null)) continue;
      checked += 1;
      const sum = (parts as number[]).reduce((a, b) => a + b, 0);
      if (Math.abs(sum - t) <= 0.01 + 1e-9 * Math.abs(t)) equal += 1;
    }
    return checked >= 2 && equal * 10 >= checked * 9;
  });
  return sums.length === 1 ? sums[0] : null;
}

/**
 * True when a written ratio agrees with score ÷ max within its written rounding (half a unit of
 * its last decimal), on the column's scale — or, without one, on either reading of its own.
 */
export function ratioAgrees(
  written: { readonly value: number; readonly percent: boolean; readonly decimals: number },
  computed: number,
  columnScale: RatioScale | null,
): boolean {
  const own = written.percent ? "percent" : (columnScale ?? null);
  const scales: RatioScale[] =
    own !== null
      ? [own]
      : scaleOfRatio(written) === "percent"
        ? ["percent"]
        : ["fraction", "percent"];
  const halfUnit = 0.5 * 10 ** -written.decimals;
  return scales.some((scale) => {
    const unit = scale === "percent" ? 100 : 1;
    return Math.abs(ratioOnScale(written.value, scale) - computed) <= halfUnit / unit + 1e-9;
  });
}

interface Agreement {
  readonly checked: number;
  readonly agreeing: number;
}

function agreementOf(
  rows: readonly (readonly unknown[])[],
  score: number,
  max: { readonly col: number } | { readonly value: number },
  ratio: number,
  convention: DecimalConvention,
  columnScale: RatioScale | "mixed" | null,
): Agreement {
  const scale = columnScale === "mixed" ? null : columnScale;
  let checked = 0;
  let agreeing = 0;
  for (const cells of rows) {
    const s = valueOf(cells, score, convention);
    const m = "col" in max ? valueOf(cells, max.col, convention) : max.value;
    const r = settleNumber(parseCellNumber(cells[ratio]), convention);
    if (s === null || m === null || m <= 0 || r.kind !== "number") continue;
    checked += 1;
    if (ratioAgrees(r, s / m, scale)) agreeing += 1;
  }
  return { checked, agreeing };
}

const agreesMostly = (a: Agreement): boolean => a.checked > 0 && a.agreeing * 5 >= a.checked * 4;
const disagreesMostly = (a: Agreement): boolean => a.checked >= 2 && a.agreeing * 2 < a.checked;

function choice(grid: Grid, column: HeaderColumn, why: Bilingual): ColumnChoice {
  return { col: column.col, header: column.text, why };
}

function headerAt(columns: readonly HeaderColumn[], col: number): string {
  return columns.find((c) => c.col === col)?.text ?? "";
}

/** The numbers of a column written without "%", in the table's convention. */
function bareNumbers(
  rows: readonly (readonly unknown[])[],
  col: number,
  convention: DecimalConvention,
): number[] {
  const bare: number[] = [];
  for (const cells of rows) {
    const p = settleNumber(parseCellNumber(cells[col]), convention);
    if (p.kind === "number" && !p.percent) bare.push(p.value);
  }
  return bare;
}

/** A name column headed with district words only ("Quận, huyện", "Huyện, thị xã, thành phố"). */
function isDistrictHeading(text: string): boolean {
  return wordsBloc(foldText(text)) === 2;
}

/**
 * Headers only a summary of blocs has: how many units, the leading unit ("Khối | Số đơn vị |
 * Điểm trung bình | Đơn vị dẫn đầu | Điểm cao nhất" on a cover page). A table with one is not a
 * score table of units.
 */
const SUMMARY_HEADER =
  /^(?:so don vi|so luong don vi|tong so don vi|don vi dan dau|number of units|leading unit)\b/;

/**
 * Chooses the columns of a table. Named columns (the officer's choice) are taken as named; a
 * named column that is not in the table refuses the table (HEADER_NOT_FOUND), since reading
 * another column in its place would be a guess.
 */
export function mapColumns(frame: TableFrame, context: MapContext): ColumnMapping {
  const { grid, columns } = frame;
  const headerRow = frame.headerRows[0];
  const named: Partial<Record<ColumnRole, ColumnChoice>> = {};
  const issues: Issue[] = [];
  for (const [role, wanted] of Object.entries(context.named) as [ColumnRole, string][]) {
    if (wanted === undefined || wanted.trim() === "") continue;
    const col = namedColumn(wanted, columns, grid, frame);
    if (col === null) {
      issues.push(
        makeIssue(
          "HEADER_NOT_FOUND",
          {
            sheet: grid.sheet,
            cell: cellAddress(grid.rowOffset + headerRow, grid.colOffset + frame.first),
          },
          { role: ROLE_OPTIONS[role], header: wanted },
        ),
      );
    } else {
      named[role] = { col, header: headerAt(columns, col), why: CHOSEN };
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const summary = columns.find((c) => SUMMARY_HEADER.test(foldText(c.text)));
  if (summary !== undefined && Object.keys(named).length === 0) {
    // A cover page's summary of blocs: its "leading unit" is not a unit to rank again.
    return {
      ok: false,
      issues: [
        makeIssue(
          "SUMMARY_TABLE_SKIPPED",
          {
            sheet: grid.sheet,
            cell: cellAddress(grid.rowOffset + headerRow, grid.colOffset + summary.col),
          },
          { sheet: grid.sheet, header: summary.text },
        ),
      ],
    };
  }
  const taken = new Set(Object.values(named).map((c) => c.col));
  const free = (role: ScoreHeaderRole): HeaderColumn[] =>
    columns.filter((c) => c.info.role === role && !taken.has(c.col));
  const simple = (role: ColumnRole): ColumnChoice | null => {
    if (named[role]) return named[role];
    const first = free(role)[0];
    return first ? choice(grid, first, MATCHED) : null;
  };

  // "Xã, phường, thị trấn" beside "Quận, huyện": the communes are the units, the other column
  // their districts. A district table may head its names "Quận, huyện": with no other name
  // column, that is it.
  const nameColumns = free("unit");
  const districtNames =
    !named.unit && !named.district && nameColumns.length > 1
      ? (nameColumns.find((c) => isDistrictHeading(c.text)) ?? null)
      : null;
  const otherNames = nameColumns.find((c) => c !== districtNames);
  const namedUnit =
    districtNames !== null && otherNames !== undefined
      ? choice(grid, otherNames, MATCHED)
      : simple("unit");
  const unitIsDistrict = namedUnit === null && !named.district && free("district").length > 0;
  const unitChoice =
    namedUnit ?? (unitIsDistrict ? choice(grid, free("district")[0], MATCHED) : null);
  if (unitChoice === null) return { ok: false, issues: [] };
  const maxRow = maxRowOf(frame, unitChoice.col);
  const rows = sampleRows(frame, unitChoice.col, maxRow);
  const numeric = (cands: HeaderColumn[]): HeaderColumn[] => {
    const withNumbers = cands.filter((c) => holdsNumbers(rows, c.col));
    return withNumbers.length > 0 ? withNumbers : cands.slice(0, 1);
  };
  const scoreCands = named.score ? [] : numeric(free("score"));
  const maxCands = named.maxScore ? [] : numeric(free("maxScore"));
  const ratioCands = named.ratio ? [] : numeric(free("ratio"));

  const measureCols = [
    ...scoreCands,
    ...maxCands,
    ...ratioCands,
    ...[named.score, named.maxScore, named.ratio].filter((c) => c !== undefined),
  ].map((c) => c.col);
  const convention = decimalConvention(
    (function* texts() {
      for (const cells of rows) for (const col of measureCols) yield cells[col];
    })(),
  );

  const notes: Bilingual[] = [];
  const pick = (
    cands: HeaderColumn[],
    label: Bilingual,
  ): { kept: HeaderColumn[]; why: Bilingual | null } => {
    const p = preferred(cands, grid, context.year, label);
    notes.push(...p.notes);
    return { kept: p.kept, why: p.why };
  };
  const maxes = pick(maxCands, ROLE_WORDS.maxScore);
  let scores = pick(scoreCands, ROLE_WORDS.score);
  // Without a maximum to divide by, a score brought to one scale ranks, not the raw points.
  if (maxes.kept.length === 0 && !named.maxScore && context.titleMax === null) {
    const normalized = preferWhere(
      { kept: scores.kept, why: scores.why, notes: [] },
      grid,
      (c) => c.info.normalized,
      (set) => ({
        vi: `điểm đã quy về một thang, không có điểm tối đa để chia điểm thô (${set})`,
        en: `the score brought to one scale, with no max to divide the raw points by (${set})`,
      }),
      (set) => ({
        vi: `Không dùng ${set}: điểm thô, không có điểm tối đa.`,
        en: `Not used: ${set}, raw points without a max.`,
      }),
    );
    notes.push(...normalized.notes);
    scores = { kept: normalized.kept, why: normalized.why };
  }
  const ratios = pick(ratioCands, ROLE_WORDS.ratio);

  // A column that is the sum of the other score columns is their total.
  let scoreWhy = scores.why;
  if (scores.kept.length > 1) {
    const total = sumOfOthers(scores.kept, rows, convention);
    if (total !== null) {
      const others = scores.kept.filter((c) => c !== total);
      scoreWhy = {
        vi: `bằng tổng các cột ${listColumns(grid, others)}`,
        en: `the sum of columns ${listColumns(grid, others)}`,
      };
      scores.kept = [total];
    }
  }

  // A "score" column whose values are another score ÷ max on most rows ("Kết quả" 95 beside
  // 950 of 1000) is the table's ratio, written without "%".
  let ratioWhy = ratios.why;
  if (
    scores.kept.length > 1 &&
    ratios.kept.length === 0 &&
    !named.ratio &&
    !named.score &&
    maxes.kept.length === 1
  ) {
    const maxCol = { col: maxes.kept[0].col };
    for (const candidate of scores.kept) {
      const scale = columnRatioScale(bareNumbers(rows, candidate.col, convention));
      if (scale === null || scale === "mixed") continue;
      const base = scores.kept.find(
        (other) =>
          other !== candidate &&
          agreesMostly(agreementOf(rows, other.col, maxCol, candidate.col, convention, scale)),
      );
      if (base === undefined) continue;
      scores.kept = scores.kept.filter((c) => c !== candidate);
      ratios.kept = [candidate];
      ratioWhy = {
        vi: `bằng cột ${listColumns(grid, [base])} ÷ điểm tối đa`,
        en: `column ${listColumns(grid, [base])} ÷ max`,
      };
      break;
    }
  }

  const ratioCol = named.ratio?.col ?? ratios.kept[0]?.col ?? null;
  const ratioScale = columnRatioScale(
    ratioCol !== null ? bareNumbers(rows, ratioCol, convention) : [],
  );

  // Score and max that agree with the written ratio are the ones it was computed from.
  const stated = (col: number): StatedMax | null => {
    const column = columns.find((c) => c.col === col);
    const own = column?.info.statedMax ?? null;
    if (own !== null && column) return { value: own, header: column.text };
    if (maxRow !== null) {
      const cells = rowOf(grid, maxRow);
      const parsed = parseCellNumber(cells[col]);
      if (parsed.kind === "number" && parsed.value > 0 && !parsed.percent) {
        const label = cells.slice(frame.first).find((c) => typeof c === "string" && c.trim());
        return { value: parsed.value, header: cellText(label), row: maxRow };
      }
    }
    return context.titleMax;
  };
  let maxWhy = maxes.why;
  if (ratioCol !== null && !named.score && !named.maxScore) {
    const combos: { score: HeaderColumn; max: HeaderColumn | null; a: Agreement }[] = [];
    for (const s of scores.kept) {
      const maxOptions: (HeaderColumn | null)[] = maxes.kept.length > 0 ? maxes.kept : [null];
      for (const m of maxOptions) {
        const statedMax = m === null ? stated(s.col) : null;
        if (m === null && statedMax === null) continue;
        const max = m !== null ? { col: m.col } : { value: (statedMax as { value: number }).value };
        combos.push({
          score: s,
          max: m,
          a: agreementOf(rows, s.col, max, ratioCol, convention, ratioScale),
        });
      }
    }
    const agreeing = combos.filter((c) => agreesMostly(c.a));
    if (combos.length > 1 && agreeing.length === 1) {
      const best = agreeing[0];
      const ratioLetter = columnLetter(grid.colOffset + ratioCol);
      const why: Bilingual = {
        vi: `điểm ÷ điểm tối đa khớp cột tỷ lệ ${ratioLetter} ở ${best.a.agreeing}/${best.a.checked} dòng`,
        en: `score ÷ max agrees with ratio column ${ratioLetter} on ${best.a.agreeing} of ${best.a.checked} rows`,
      };
      if (scores.kept.length > 1) scoreWhy = why;
      if (maxes.kept.length > 1) maxWhy = why;
      scores.kept = [best.score];
      if (best.max !== null) maxes.kept = [best.max];
    }
  }

  const chosenScore =
    named.score ?? (scores.kept[0] ? choice(grid, scores.kept[0], scoreWhy ?? MATCHED) : null);
  const chosenMax =
    named.maxScore ?? (maxes.kept[0] ? choice(grid, maxes.kept[0], maxWhy ?? MATCHED) : null);
  const chosenRatio =
    named.ratio ?? (ratios.kept[0] ? choice(grid, ratios.kept[0], ratioWhy ?? MATCHED) : null);
  const statedMax = chosenScore !== null && chosenMax === null ? stated(chosenScore.col) : null;

  const base = {
    unit: unitChoice,
    bloc: simple("bloc"),
    year: simple("year"),
    excluded: simple("excluded"),
    note: simple("note"),
    district: unitIsDistrict
      ? null
      : districtNames !== null
        ? choice(grid, districtNames, MATCHED)
        : simple("district"),
    index: columns.find((c) => c.info.role === "index" && !taken.has(c.col))?.col ?? null,
    convention,
    ratioScale,
    maxRow,
  };
  const build = (
    score: ColumnChoice | null,
    max: ColumnChoice | null,
    ratio: ColumnChoice | null,
    extraNotes: readonly Bilingual[] = [],
    measureOverride?: Measure,
  ): ColumnPlan => {
    const sMax = score !== null && max === null ? stated(score.col) : null;
    const measure: Measure =
      measureOverride ??
      (score !== null
        ? max !== null || sMax !== null
          ? "computed-ratio"
          : ratio !== null
            ? "written-ratio"
            : "score"
        : "ratio-only");
    const yearOf = (c: ColumnChoice | null): number | null =>
      c === null ? null : (columns.find((h) => h.col === c.col)?.info.year ?? null);
    return {
      ...base,
      score,
      maxScore: max,
      statedMax: sMax,
      ratio,
      measure,
      headerYear: yearOf(score) ?? yearOf(ratio),
      notes: [...notes, ...extraNotes],
    };
  };

  const plan = build(chosenScore, chosenMax, chosenRatio);
  const alternatives: Alternative[] = [];
  const differently = (
    role: Alternative["role"],
    kept: readonly HeaderColumn[],
    make: (c: ColumnChoice) => ColumnPlan,
  ): void => {
    for (const other of kept.slice(1)) {
      alternatives.push({ role, plan: make(choice(grid, other, MATCHED)) });
    }
  };
  if (!named.score) differently("score", scores.kept, (c) => build(c, chosenMax, chosenRatio));
  if (!named.maxScore)
    differently("maxScore", maxes.kept, (c) => build(chosenScore, c, chosenRatio));
  if (!named.ratio) differently("ratio", ratios.kept, (c) => build(chosenScore, chosenMax, c));

  // A written ratio that disagrees with score ÷ max on most rows is another reading: ranked by
  // it, the table may come out differently.
  if (plan.measure === "computed-ratio" && chosenScore !== null && chosenRatio !== null) {
    const max =
      chosenMax !== null
        ? { col: chosenMax.col }
        : { value: (statedMax as { value: number }).value };
    const a = agreementOf(rows, chosenScore.col, max, chosenRatio.col, convention, ratioScale);
    if (disagreesMostly(a)) {
      const note: Bilingual = {
        vi: `Cột tỷ lệ ${columnLetter(grid.colOffset + chosenRatio.col)} không khớp điểm ÷ điểm tối đa ở ${a.checked - a.agreeing}/${a.checked} dòng.`,
        en: `Ratio column ${columnLetter(grid.colOffset + chosenRatio.col)} disagrees with score ÷ max on ${a.checked - a.agreeing} of ${a.checked} rows.`,
      };
      const written = build(chosenScore, null, chosenRatio, [note], "written-ratio");
      const computed = { ...plan, notes: [...plan.notes, note], ratio: null };
      // The officer's choice settles it: a named ratio is ranked as written, a named max (or
      // score) is divided; with neither, the two readings are compared.
      if (named.ratio) return { ok: true, plan: written, alternatives };
      if (named.maxScore || named.score) return { ok: true, plan: computed, alternatives };
      alternatives.push({ role: "ratio", plan: written });
      return { ok: true, plan: computed, alternatives };
    }
  }
  return { ok: true, plan, alternatives };
}
