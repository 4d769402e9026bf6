/**
 * The 2022–2025 summary (tổng kết): each unit's history over the years of a run — ratio and rank
 * in its bloc per year, and the awards proposed per year — with a small chart of the leading
 * units' ratios, so that the summary report can cite one sheet.
 *
 * Units are followed from year to year by bloc and name (as a key) and district group. After the
 * 2025 reform the districts are gone and commune names are new or reused: a unit without a group
 * is joined to the one earlier unit of its bloc with the same name (when there is exactly one and
 * their years do not overlap); otherwise they stay separate rows, as they may be different units.
 */
import {
  DOCUMENT_FONT,
  PrintSheetBuilder,
  type ChartSpec,
  type PrintSheetModel,
  type PrintStyle,
} from "./printSheet";
import { groupKey } from "./decisions";
import { roundName } from "./reviewRound";
import { BLOC_SHORT_NAMES, MOVEMENT_NAME } from "./rules";
import { matchKey } from "./text";
import type { AwardResult, AwardYear, Bloc, Lang, UnitResult, UnitStatus } from "./types";

export interface HistoryYear {
  readonly year: AwardYear;
  readonly ratio: number | null;
  readonly score: number | null;
  readonly rank: number | null;
  readonly rankedCount: number;
  readonly status: UnitStatus;
  /** The council withdrew the unit's proposal that year. */
  readonly withdrawn: boolean;
  /** Individuals of the unit proposed that year (candidates). */
  readonly individuals: readonly string[];
}

export interface HistoryRow {
  readonly bloc: Bloc;
  /** The latest name the unit had. */
  readonly name: string;
  readonly group: string;
  readonly years: Readonly<Partial<Record<AwardYear, HistoryYear>>>;
  /** Collective awards proposed over the years (candidates). */
  readonly collectiveAwards: number;
  readonly individualAwards: number;
  /** Mean ratio over the years it has one (mean score for a bloc ranked by score), or null. */
  readonly mean: number | null;
}

export interface History {
  readonly years: readonly AwardYear[];
  /** Score year → round, for the years whose round is another year. */
  readonly rounds: Readonly<Partial<Record<AwardYear, AwardYear>>>;
  readonly rows: readonly HistoryRow[];
  /** The leading units (blocs 1–3, with a ratio in at least two years), for the chart. */
  readonly top: readonly HistoryRow[];
}

/** How many units the chart follows. */
export const CHART_UNITS = 5;

interface Draft {
  bloc: Bloc;
  key: string;
  group: string;
  name: string;
  years: Partial<Record<AwardYear, HistoryYear>>;
}

function yearOf(unit: UnitResult, year: AwardYear, individuals: readonly string[]): HistoryYear {
  return {
    year,
    ratio: unit.status === "invalid" ? null : unit.ratio,
    score: unit.score,
    rank: unit.rank,
    rankedCount: unit.rankedCount,
    status: unit.status,
    withdrawn: unit.decision?.kind === "withdraw",
    individuals,
  };
}

const yearsOfDraft = (d: Draft): AwardYear[] =>
  (Object.keys(d.years) as unknown as string[]).map(Number) as AwardYear[];

/** Joins a draft without a group into the only same-named draft of its bloc, when they fit. */
function joinAcrossReform(drafts: Draft[]): Draft[] {
  const result: Draft[] = [];
  const byKey = new Map<string, Draft[]>();
  for (const d of drafts) {
    const k = `${d.bloc}|${d.key}`;
    byKey.set(k, [...(byKey.get(k) ?? []), d]);
  }
  for (const group of byKey.values()) {
    const bare = group.filter((d) => d.group === "");
    const grouped = group.filter((d) => d.group !== "");
    if (bare.length === 1 && grouped.length === 1) {
      const [a, b] = [bare[0], grouped[0]];
      const overlap = yearsOfDraft(a).some((y) => b.years[y] !== undefined);
      if (!overlap) {
        const latest = Math.max(...yearsOfDraft(a)) > Math.max(...yearsOfDraft(b)) ? a : b;
        result.push({ ...b, name: latest.name, years: { ...b.years, ...a.years } });
        continue;
      }
    }
    result.push(...group);
  }
  return result;
}

function meanOf(years: readonly HistoryYear[], byScore: boolean): number | null {
  const values = years
    .map((y) => (byScore ? y.score : y.ratio))
    .filter((v): v is number => v !== null);
  return values.length === 0 ? null : values.reduce((a, v) => a + v, 0) / values.length;
}

/**
 * The history of every unit over the years of a result, by bloc, the best mean ratio first.
 *
 * @example
 * buildHistory(result).rows[0].years[2024]?.rank //=> 1
 */
export function buildHistory(result: AwardResult): History {
  const drafts = new Map<string, Draft>();
  const rounds: Partial<Record<AwardYear, AwardYear>> = {};
  for (const year of result.years) {
    if ((year.round ?? year.year) !== year.year) rounds[year.year] = year.round;
    for (const bloc of year.blocs) {
      for (const unit of bloc.units) {
        const people = bloc.individuals
          .filter(
            (p) =>
              p.status === "candidate" &&
              p.unitSource.sheet === unit.source.sheet &&
              p.unitSource.cell === unit.source.cell,
          )
          .map((p) => p.name);
        const key = matchKey(unit.name);
        const id = `${bloc.bloc}|${key}|${groupKey(unit.group)}`;
        const draft = drafts.get(id) ?? {
          bloc: bloc.bloc,
          key,
          group: unit.group,
          name: unit.name,
          years: {},
        };
        draft.years[year.year] = yearOf(unit, year.year, people);
        draft.name = unit.name;
        drafts.set(id, draft);
      }
    }
  }
  const rows: HistoryRow[] = joinAcrossReform([...drafts.values()]).map((d) => {
    const years = Object.values(d.years) as HistoryYear[];
    return {
      bloc: d.bloc,
      name: d.name,
      group: d.group,
      years: d.years,
      collectiveAwards: years.filter((y) => y.status === "candidate").length,
      individualAwards: years.reduce((n, y) => n + y.individuals.length, 0),
      mean: meanOf(years, d.bloc === 4),
    };
  });
  rows.sort(
    (a, b) =>
      a.bloc - b.bloc ||
      (b.mean ?? -1) - (a.mean ?? -1) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  const top = rows
    .filter(
      (r) =>
        r.bloc !== 4 &&
        r.mean !== null &&
        Object.values(r.years).filter((y) => y?.ratio !== null).length >= 2,
    )
    .sort((a, b) => (b.mean ?? 0) - (a.mean ?? 0))
    .slice(0, CHART_UNITS);
  return { years: result.years.map((y) => y.year), rounds, rows, top };
}

/* ---------------------------------------------------------------------------------------------
 * The summary sheet: A4 landscape, one row per unit, a chart of the leading units
 * ------------------------------------------------------------------------------------------- */

const base = { valign: "middle", wrap: true } as const;

export const HISTORY_STYLES: Readonly<Record<string, PrintStyle>> = {
  title: { ...base, size: 14, bold: true, align: "center" },
  subtitle: { ...base, size: 12, italic: true, align: "center" },
  header: { ...base, size: 11, bold: true, align: "center", border: true, shaded: true },
  bloc: { ...base, size: 11, bold: true, align: "left", border: true },
  no: { ...base, size: 11, align: "center", border: true },
  name: { ...base, size: 11, align: "left", border: true },
  ratio: { ...base, size: 11, align: "right", border: true, numberFormat: "0.00%" },
  score: { ...base, size: 11, align: "right", border: true },
  rank: { ...base, size: 11, align: "center", border: true },
  award: { ...base, size: 10, align: "center", border: true },
  count: { ...base, size: 11, bold: true, align: "center", border: true },
  section: { ...base, size: 12, bold: true, align: "left" },
  note: { ...base, size: 10, italic: true, align: "left" },
};

/** Columns: STT, Đơn vị, then per year Tỷ lệ | Hạng | Khen thưởng, then two award counts. */
const LEAD_COLUMNS = [5, 34] as const;
const YEAR_COLUMNS = [9, 7, 17] as const;
const COUNT_COLUMNS = [9, 9] as const;

const WORDS = {
  vi: {
    title: "TỔNG HỢP KẾT QUẢ PHONG TRÀO THI ĐUA “CHUYỂN ĐỔI SỐ ĐẾN NĂM 2025”",
    no: "STT",
    unit: "Đơn vị",
    year: (y: number) => `Năm ${y}`,
    ratio: "Tỷ lệ",
    score: "Điểm",
    rank: "Hạng",
    award: "Đề nghị khen thưởng",
    counts: "Số lần đề nghị",
    collective: "Tập thể",
    individual: "Cá nhân",
    tie: "Bằng điểm",
    invalid: "Lỗi số liệu",
    withdrawn: "Rút",
    people: (n: number) => `${n} cá nhân`,
    chart: (n: number, a: number, b: number) => `Tỷ lệ điểm của ${n} đơn vị dẫn đầu, ${a}–${b}`,
    chartNote:
      "Số liệu của biểu đồ (đơn vị có tỷ lệ điểm bình quân cao nhất, có số liệu từ hai năm trở lên):",
    join: "Đơn vị được nối giữa các năm theo khối, tên và quận, huyện; sau sắp xếp đơn vị hành chính năm 2025, đơn vị cùng tên chỉ được nối khi khối chỉ có một đơn vị trùng tên.",
  },
  en: {
    title: "SUMMARY OF THE EMULATION MOVEMENT “DIGITAL TRANSFORMATION BY 2025”",
    no: "No.",
    unit: "Unit",
    year: (y: number) => `${y}`,
    ratio: "Ratio",
    score: "Score",
    rank: "Rank",
    award: "Proposed",
    counts: "Times proposed",
    collective: "Collective",
    individual: "Individual",
    tie: "Tie",
    invalid: "Invalid data",
    withdrawn: "Withdrawn",
    people: (n: number) => `${n} individual${n === 1 ? "" : "s"}`,
    chart: (n: number, a: number, b: number) => `Score ratio of the ${n} leading units, ${a}–${b}`,
    chartNote: "Chart data (units with the highest mean ratio, with data in at least two years):",
    join: "Units are followed across years by bloc, name and district; after the 2025 reform a unit of a reused name is joined only when its bloc has one unit of that name.",
  },
} as const;

function awardText(y: HistoryYear, lang: Lang): string {
  const w = WORDS[lang];
  const parts: string[] = [];
  if (y.status === "candidate") parts.push(w.collective);
  if (y.status === "tie") parts.push(w.tie);
  if (y.status === "invalid") parts.push(w.invalid);
  if (y.withdrawn) parts.push(w.withdrawn);
  if (y.individuals.length > 0) parts.push(w.people(y.individuals.length));
  return parts.join(" + ");
}

/**
 * The summary sheet's name for the years of a run.
 *
 * @example
 * historySheetName([2022, 2023, 2024, 2025], "vi") //=> "Tổng hợp 2022–2025"
 */
export function historySheetName(years: readonly AwardYear[], lang: Lang): string {
  const span = `${Math.min(...years)}–${Math.max(...years)}`;
  return lang === "vi" ? `Tổng hợp ${span}` : `Summary ${span}`;
}

/**
 * The summary laid out for printing (A4 landscape), with the chart's data under the table and the
 * chart under them.
 *
 * @example
 * historySheetModel(buildHistory(result), "vi").chart?.series.length //=> 5
 */
export function historySheetModel(history: History, lang: Lang): PrintSheetModel {
  const w = WORDS[lang];
  const years = history.years;
  const columns = [...LEAD_COLUMNS, ...years.flatMap(() => [...YEAR_COLUMNS]), ...COUNT_COLUMNS];
  const width = columns.length;
  const b = new PrintSheetBuilder(HISTORY_STYLES, columns);
  const first = Math.min(...years);
  const last = Math.max(...years);
  b.put(0, 0, `${w.title} ${first}–${last}`, "title", width);
  const roundNotes = (Object.entries(history.rounds) as [string, AwardYear][]).map(([y, r]) =>
    lang === "vi"
      ? `điểm năm ${y} phục vụ ${roundName(r, "vi")}`
      : `the ${y} scores serve ${roundName(r, "en")}`,
  );
  const subtitle =
    lang === "vi"
      ? `Tỷ lệ điểm, thứ hạng trong khối và đề nghị khen thưởng theo từng năm (Kế hoạch 140/KH-UBND, ${MOVEMENT_NAME.vi})${roundNotes.length ? `; ${roundNotes.join("; ")}` : ""}.`
      : `Score ratio, rank in the bloc and awards proposed per year (Plan 140/KH-UBND, ${MOVEMENT_NAME.en})${roundNotes.length ? `; ${roundNotes.join("; ")}` : ""}.`;
  b.put(1, 0, subtitle, "subtitle", width);
  const top = 3;
  b.put(top, 0, w.no, "header");
  b.put(top + 1, 0, "", "header");
  b.put(top, 1, w.unit, "header");
  b.put(top + 1, 1, "", "header");
  const merges = [
    { top, left: 0, bottom: top + 1, right: 0 },
    { top, left: 1, bottom: top + 1, right: 1 },
  ];
  years.forEach((year, i) => {
    const col = 2 + i * 3;
    b.put(top, col, w.year(year), "header", 3);
    b.put(top + 1, col, w.ratio, "header");
    b.put(top + 1, col + 1, w.rank, "header");
    b.put(top + 1, col + 2, w.award, "header");
  });
  const countCol = 2 + years.length * 3;
  b.put(top, countCol, w.counts, "header", 2);
  b.put(top + 1, countCol, w.collective, "header");
  b.put(top + 1, countCol + 1, w.individual, "header");

  let row = top + 2;
  let bloc: Bloc | 0 = 0;
  let no = 0;
  for (const unit of history.rows) {
    if (unit.bloc !== bloc) {
      bloc = unit.bloc;
      no = 0;
      b.put(row++, 0, BLOC_SHORT_NAMES[bloc][lang], "bloc", width);
    }
    no += 1;
    b.put(row, 0, no, "no");
    b.put(row, 1, unit.group ? `${unit.name} (${unit.group})` : unit.name, "name");
    years.forEach((year, i) => {
      const col = 2 + i * 3;
      const y = unit.years[year];
      const byScore = unit.bloc === 4;
      b.put(row, col, y ? (byScore ? y.score : y.ratio) : null, byScore ? "score" : "ratio");
      b.put(row, col + 1, y?.rank ?? null, "rank");
      b.put(row, col + 2, y ? awardText(y, lang) : "", "award");
    });
    b.put(row, countCol, unit.collectiveAwards, "count");
    b.put(row, countCol + 1, unit.individualAwards, "count");
    row += 1;
  }
  row += 1;
  b.put(row++, 0, w.join, "note", width);

  let chart: ChartSpec | null = null;
  const breaksBefore: number[] = [];
  if (history.top.length > 0) {
    row += 1;
    // The chart and its data print together, on a page of their own.
    breaksBefore.push(row);
    b.put(row++, 0, w.chartNote, "section", width);
    const headerRow = row;
    b.put(row, 1, w.unit, "header");
    years.forEach((year, i) => b.put(row, 2 + i, String(year), "header"));
    row += 1;
    const seriesRows: number[] = [];
    for (const unit of history.top) {
      b.put(row, 1, unit.name, "name");
      years.forEach((year, i) => b.put(row, 2 + i, unit.years[year]?.ratio ?? null, "ratio"));
      seriesRows.push(row);
      row += 1;
    }
    const anchorTop = row + 1;
    chart = {
      title: w.chart(history.top.length, first, last),
      categories: { top: headerRow, left: 2, bottom: headerRow, right: 1 + years.length },
      series: seriesRows.map((r) => ({
        name: { row: r, col: 1 },
        values: { top: r, left: 2, bottom: r, right: 1 + years.length },
      })),
      anchor: { top: anchorTop, left: 1, bottom: anchorTop + 18, right: Math.min(width - 1, 8) },
      valueFormat: "0%",
      cache: {
        categories: years.map(String),
        series: history.top.map((unit) => ({
          name: unit.name,
          values: years.map((year) => unit.years[year]?.ratio ?? null),
        })),
      },
    };
  }
  const built = b.build();
  return {
    kind: "history",
    year: null,
    name: historySheetName(years, lang),
    font: DOCUMENT_FONT,
    styles: HISTORY_STYLES,
    columns,
    cells: built.cells,
    merges: [...merges, ...built.merges],
    rowHeights: built.rowHeights,
    page: {
      orientation: "landscape",
      margins: { top: 20, bottom: 20, left: 20, right: 15 },
      fitToWidth: true,
      titleRows: { from: top, to: top + 1 },
      pageNumbers: true,
      breaksBefore,
    },
    chart,
    freezeRows: top + 2,
  };
}

/**
 * The summary sheet of a result when it spans several years; none for a single year.
 *
 * @example
 * buildHistorySheets(resultOf2022to2025, "vi").map((s) => s.name) //=> ["Tổng hợp 2022–2025"]
 */
export function buildHistorySheets(result: AwardResult, lang: Lang): PrintSheetModel[] {
  if (result.years.length < 2) return [];
  return [historySheetModel(buildHistory(result), lang)];
}
