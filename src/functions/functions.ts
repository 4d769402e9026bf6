/**
 * The AWARD.* custom functions: thin wrappers over the domain engine that officers type in any
 * cell, so that a what-if ("if this commune gains 10 points, does it get a slot?") is just an
 * edit. The JSDoc of each function is the only source of its metadata (functions.json is built
 * from it). Bad input gives `#VALUE!` with a message in Vietnamese and English, never a thrown
 * error and never a wrong number.
 *
 * Excel learns which JavaScript function each id runs from `CustomFunctions.associate(id, fn)`;
 * custom-functions-metadata-plugin appends that call for every `@customfunction` when webpack
 * builds this file, so this file makes none itself (a second association is a DuplicatedName).
 * Vietnamese names and descriptions come from functions.vi.json, merged at build time.
 */
import { describeIssue } from "../domain/issues";
import { baseSalaryOn, prizeAmount } from "../domain/prize";
import { compareUnits, rankUnitsWithinBloc } from "../domain/rankUnits";
import { rankWorkbook } from "../domain/rankWorkbook";
import { awardSlots } from "../domain/rules";
import { selectCollectiveAwards } from "../domain/selectAwards";
import type {
  AwardResult,
  AwardYear,
  Bilingual,
  Bloc,
  CellSheet,
  Lang,
  UnitResult,
  UnitStatus,
} from "../domain/types";
import {
  type ExcelError,
  type Matrix,
  type Parsed,
  displayLang,
  isBlank,
  localToday,
  parseBloc,
  parseCount,
  parseDate,
  parseForm,
  parseIssuer,
  parseMatrix,
  parseNumber,
  parseRecipient,
  parseVector,
  parseYear,
  readRankRows,
  sameShape,
  valueError,
} from "./args";
import {
  type KeyPart,
  type RangeRanking,
  createComputeCache,
  placeInRanking,
  rankRange,
  rowUnit,
  unitsWithValue,
} from "./rankCache";

const SCORE: Bilingual = { vi: "Điểm", en: "Score" };
const MAX_SCORE: Bilingual = { vi: "Điểm tối đa", en: "Max score" };
const RATIO: Bilingual = { vi: "Tỷ lệ", en: "Ratio" };
const PROPOSED: Bilingual = { vi: "Số đề xuất", en: "Proposed count" };

/** The labels of a unit's outcome, as the candidate sheet words them. */
export const STATUS_LABELS: Readonly<Record<UnitStatus, Bilingual>> = {
  candidate: { vi: "Đề xuất", en: "Candidate" },
  tie: { vi: "Bằng điểm – Hội đồng xét", en: "Tie – council decides" },
  "not-selected": { vi: "Không đề xuất", en: "Not selected" },
  excluded: { vi: "Không xét", en: "Excluded" },
  invalid: { vi: "Dữ liệu lỗi", en: "Invalid data" },
};

/** Rankings of RANK/STATUS ranges, reused between the calls of a workbook's cells. */
const rankings = createComputeCache<Parsed<RangeRanking>>();

/** Forgets the rankings kept between calls (for benchmarks and tests). */
export function resetFunctionCaches(): void {
  rankings.clear();
}

/**
 * The ranking of the rows of `ratios`/`blocs` (and `excluded`), from the cache when an equal
 * input was ranked before: the ranges are compared as Excel passes them, and read only when
 * they are new.
 */
function rangeRanking(
  ratios: unknown,
  blocs: unknown,
  excluded: unknown,
  year: AwardYear | null,
): Parsed<RangeRanking> {
  const noExcluded = excluded === undefined || excluded === null;
  const key: KeyPart[] = [
    { grid: ratios },
    { grid: blocs },
    noExcluded ? null : { grid: excluded },
    year,
  ];
  return rankings.get(key, () =>
    readRangeRanking(ratios, blocs, noExcluded ? null : excluded, year),
  );
}

/** The two ranges RANK and STATUS take, read as one column or row each, of the same shape. */
function alignedRanges(ratios: unknown, blocs: unknown): Parsed<readonly [Matrix, Matrix]> {
  const ratioRange = parseVector(ratios, { vi: "Vùng tỷ lệ", en: "The ratios range" });
  if (!ratioRange.ok) return ratioRange;
  const blocRange = parseVector(blocs, { vi: "Vùng khối", en: "The blocs range" });
  if (!blocRange.ok) return blocRange;
  const shape = sameShape(ratioRange.value, blocRange.value, ["ratios", "blocs"]);
  if (!shape.ok) return shape;
  return { ok: true, value: [ratioRange.value, blocRange.value] };
}

function readRangeRanking(
  ratios: unknown,
  blocs: unknown,
  excluded: unknown,
  year: AwardYear | null,
): Parsed<RangeRanking> {
  const ranges = alignedRanges(ratios, blocs);
  if (!ranges.ok) return ranges;
  const [ratioRange, blocRange] = ranges.value;
  let excludedRange = null;
  if (excluded !== null) {
    const parsed = parseVector(excluded, { vi: "Vùng loại trừ", en: "The excluded range" });
    if (!parsed.ok) return parsed;
    const excludedShape = sameShape(ratioRange, parsed.value, ["ratios", "excluded"]);
    if (!excludedShape.ok) return excludedShape;
    excludedRange = parsed.value;
  }
  const rows = readRankRows(ratioRange, blocRange, excludedRange);
  return rows.ok ? { ok: true, value: rankRange(rows.value, year) } : rows;
}

/**
 * Number of Bằng khen slots of the City Chairman for a bloc in a year (Plan 140/KH-UBND).
 * @customfunction SLOTS
 * @param bloc Bloc: 1–4, "Khối 3", "K3" or "Khối III".
 * @param year Year of the movement, 2022–2025.
 * @param [recipient] "tập thể" (collective, the default) or "cá nhân" (individual).
 * @returns The number of slots.
 * @example
 * slots(3, 2025, "cá nhân") //=> 9
 */
export function slots(bloc: unknown, year: unknown, recipient?: unknown): number | ExcelError {
  const parsedBloc = parseBloc(bloc);
  if (!parsedBloc.ok) return valueError(parsedBloc.message);
  const parsedYear = parseYear(year);
  if (!parsedYear.ok) return valueError(parsedYear.message);
  const parsedRecipient = parseRecipient(recipient, "collective");
  if (!parsedRecipient.ok) return valueError(parsedRecipient.message);
  return awardSlots(parsedBloc.value, parsedYear.value, parsedRecipient.value);
}

/**
 * Score ratio of a unit: score divided by the maximum score.
 * @customfunction RATIO
 * @param score Score achieved.
 * @param maxScore Maximum score of the unit's index.
 * @returns The ratio, between 0 and 1 (blank when both are blank).
 * @example
 * ratio(460, 500) //=> 0.92
 */
export function ratio(score: unknown, maxScore: unknown): number | string | ExcelError {
  if (isBlank(score) && isBlank(maxScore)) return "";
  const parsedScore = parseNumber(score, SCORE);
  if (!parsedScore.ok) return valueError(parsedScore.message);
  const parsedMax = parseNumber(maxScore, MAX_SCORE);
  if (!parsedMax.ok) return valueError(parsedMax.message);
  const [s, m] = [parsedScore.value, parsedMax.value];
  if (m <= 0) {
    return valueError({
      vi: `Điểm tối đa phải lớn hơn 0 (đang là ${m})`,
      en: `The max score must be above 0 (it is ${m})`,
    });
  }
  if (s < 0) {
    return valueError({ vi: `Điểm là số âm (${s})`, en: `The score is negative (${s})` });
  }
  if (s > m) {
    return valueError({
      vi: `Điểm (${s}) lớn hơn điểm tối đa (${m})`,
      en: `The score (${s}) is above the max score (${m})`,
    });
  }
  return s / m;
}

/**
 * Rank of a ratio within its bloc; equal ratios share a rank (1, 2, 2, 4); blank rows are left out.
 * @customfunction RANK
 * @param ratio The ratio to rank (usually the row's own ratio cell).
 * @param bloc The bloc of the row: 1–4, "Khối 3", "K3" or "Khối III".
 * @param ratios The ratio column of the table (one column or one row).
 * @param blocs The bloc column of the table, the same shape as ratios.
 * @returns The competition rank within the bloc (blank when the ratio is blank).
 * @example
 * rank(0.9, 3, [[0.95], [0.9], [0.9], [0.8]], [[3], [3], [3], [3]]) //=> 2
 */
export function rank(
  ratio: unknown,
  bloc: unknown,
  ratios: unknown[][],
  blocs: unknown[][],
): number | string | ExcelError {
  if (isBlank(ratio)) return "";
  const value = parseNumber(ratio, RATIO);
  if (!value.ok) return valueError(value.message);
  const parsedBloc = parseBloc(bloc);
  if (!parsedBloc.ok) return valueError(parsedBloc.message);
  const ranking = rangeRanking(ratios, blocs, null, null);
  if (!ranking.ok) return valueError(ranking.message);
  const ranked = ranking.value.byBloc.get(parsedBloc.value) ?? [];
  const equal = unitsWithValue(ranked, value.value);
  if (equal.length > 0) return equal[0].rank;
  // A ratio no row has: where it would rank.
  const probe = rowUnit(
    { value: value.value, bloc: parsedBloc.value, excluded: false, index: -1 },
    null,
  );
  return placeInRanking(ranked, probe, compareUnits).above + 1;
}

/**
 * Award status of a row (candidate, tie for the council, not selected, excluded), as Rank selects.
 * @customfunction STATUS
 * @param ratio The row's ratio.
 * @param bloc The row's bloc: 1–4, "Khối 3", "K3" or "Khối III".
 * @param year Year of the movement, 2022–2025 (sets the number of slots).
 * @param ratios The ratio column of the table (one column or one row).
 * @param blocs The bloc column of the table, the same shape as ratios.
 * @param [excluded] Column of exclusion marks ("x" = not considered), the same shape as ratios.
 * @returns The status label (blank when the ratio is blank).
 * @example
 * status(0.9, 3, 2023, [[0.95], [0.9], [0.9], [0.8]], [[3], [3], [3], [3]]) //=> "Bằng điểm – Hội đồng xét"
 */
export function status(
  ratio: unknown,
  bloc: unknown,
  year: unknown,
  ratios: unknown[][],
  blocs: unknown[][],
  excluded?: unknown[][],
): string | ExcelError {
  if (isBlank(ratio)) return "";
  const value = parseNumber(ratio, RATIO);
  if (!value.ok) return valueError(value.message);
  const parsedBloc = parseBloc(bloc);
  if (!parsedBloc.ok) return valueError(parsedBloc.message);
  const parsedYear = parseYear(year);
  if (!parsedYear.ok) return valueError(parsedYear.message);
  const ranking = rangeRanking(ratios, blocs, excluded, parsedYear.value);
  if (!ranking.ok) return valueError(ranking.message);
  const found = statusInRanking(ranking.value, value.value, parsedBloc.value, parsedYear.value);
  return STATUS_LABELS[found][displayLang()];
}

/**
 * The status of a ratio in a ranked range. A ratio some rows share takes their status (that of
 * the rows still competing, when some of them are excluded); a ratio no row has is placed as one
 * more unit of the bloc, which answers a what-if without touching the table.
 */
function statusInRanking(
  ranking: RangeRanking,
  value: number,
  bloc: Bloc,
  year: AwardYear,
): UnitStatus {
  const ranked = ranking.byBloc.get(bloc) ?? [];
  const equal = unitsWithValue(ranked, value);
  const competing = equal.find((r) => !r.unit.excluded);
  if (competing) return ranking.selection.get(competing.unit)?.status ?? "not-selected";
  if (equal.length > 0) return "excluded";
  const probe = rowUnit({ value, bloc, excluded: false, index: Number.MAX_SAFE_INTEGER }, year);
  const withProbe = rankUnitsWithinBloc([...ranked.map((r) => r.unit), probe]);
  const selection = selectCollectiveAwards(withProbe, awardSlots(bloc, year, "collective"));
  return selection.find((s) => s.ranked.unit === probe)?.status ?? "not-selected";
}

/* ---------------------------------------------------------------------------------------------
 * Whole columns in one call
 * ------------------------------------------------------------------------------------------- */

/**
 * A whole column's answers in one call, one per cell of the ratio range and laid out like it
 * (down a column or across a row): for each row what the per-cell function gives, blank for a
 * blank ratio, the error of a ratio or bloc that is not one, else `answers(count)(row)`.
 */
function spill(
  ratios: unknown,
  blocs: unknown,
  answers: (count: number) => (row: number) => unknown,
): unknown[][] {
  const ranges = alignedRanges(ratios, blocs);
  if (!ranges.ok) return [[valueError(ranges.message)]];
  const [ratioRange, blocRange] = ranges.value;
  const answer = answers(ratioRange.cells.length);
  const out = ratioRange.cells.map((ratio, i) => {
    if (isBlank(ratio)) return "";
    const value = parseNumber(ratio, RATIO);
    if (!value.ok) return valueError(value.message);
    const parsedBloc = parseBloc(blocRange.cells[i]);
    return parsedBloc.ok ? answer(i) : valueError(parsedBloc.message);
  });
  return ratioRange.columns === 1 ? out.map((v) => [v]) : [out];
}

/** The answer of every row when the ranking cannot be made: its error. */
function failed(message: Bilingual): (row: number) => unknown {
  const error = valueError(message);
  return () => error;
}

/**
 * Ranks of a whole ratio column within each row's bloc, in one call that spills down the column:
 * the fast way to rank a table, where RANK in every row re-reads both columns once per row.
 * Each cell is what RANK gives for its row: equal ratios share a rank (1, 2, 2, 4); blank where
 * the ratio is blank.
 * @customfunction RANKS
 * @param blocs The bloc column of the table: 1–4, "Khối 3", "K3" or "Khối III" (one column or one row).
 * @param ratios The ratio column of the table, the same shape as blocs.
 * @returns One rank per row of the table (blank where the ratio is blank).
 * @example
 * ranks([[3], [3], [3], [3]], [[0.95], [0.9], [0.9], [0.8]]) //=> [[1], [2], [2], [4]]
 */
export function ranks(blocs: unknown[][], ratios: unknown[][]): unknown[][] {
  // Typed `unknown[][]` (each cell a rank, "" or an error): the metadata plugin maps no union
  // inside a matrix.
  return spill(ratios, blocs, (count) => {
    const ranking = rangeRanking(ratios, blocs, null, null);
    if (!ranking.ok) return failed(ranking.message);
    // Each ranked row's position in the range → its competition rank in its bloc.
    const byRow = new Array<number>(count);
    for (const ranked of ranking.value.byBloc.values()) {
      for (const r of ranked) byRow[r.unit.order] = r.rank;
    }
    return (row) => byRow[row];
  });
}

/**
 * Each ranked row's position → its status as STATUS gives it: the status of the first unit still
 * competing among the units of its ratio (the same for all of them), or excluded when all are.
 */
function statusesByRow(ranking: RangeRanking, count: number): UnitStatus[] {
  const statuses = new Array<UnitStatus>(count);
  for (const ranked of ranking.byBloc.values()) {
    let start = 0;
    while (start < ranked.length) {
      let end = start + 1;
      while (end < ranked.length && ranked[end].rank === ranked[start].rank) end += 1;
      let found: UnitStatus = "excluded";
      for (let i = start; i < end; i += 1) {
        if (ranked[i].unit.excluded) continue;
        found = ranking.selection.get(ranked[i].unit)?.status ?? "not-selected";
        break;
      }
      for (let i = start; i < end; i += 1) statuses[ranked[i].unit.order] = found;
      start = end;
    }
  }
  return statuses;
}

/**
 * Award statuses of a whole table in one call that spills down the ratio column (candidate, tie
 * for the council, not selected, excluded), as Rank selects: the fast way for whole columns. Each
 * cell is what STATUS gives for its row.
 * @customfunction STATUSES
 * @param blocs The bloc column of the table: 1–4, "Khối 3", "K3" or "Khối III" (one column or one row).
 * @param ratios The ratio column of the table, the same shape as blocs.
 * @param year Year of the movement, 2022–2025 (sets the number of slots).
 * @param [excluded] Column of exclusion marks ("x" = not considered), the same shape as ratios.
 * @returns One status label per row of the table (blank where the ratio is blank).
 * @example
 * statuses([[3], [3], [3], [3]], [[0.95], [0.9], [0.9], [0.8]], 2023) //=> [["Đề xuất"], ["Đề xuất"], ["Đề xuất"], ["Không đề xuất"]]
 */
export function statuses(
  blocs: unknown[][],
  ratios: unknown[][],
  year: unknown,
  excluded?: unknown[][],
): unknown[][] {
  return spill(ratios, blocs, (count) => {
    const parsedYear = parseYear(year);
    if (!parsedYear.ok) return failed(parsedYear.message);
    const ranking = rangeRanking(ratios, blocs, excluded, parsedYear.value);
    if (!ranking.ok) return failed(ranking.message);
    const byRow = statusesByRow(ranking.value, count);
    const lang = displayLang();
    return (row) => STATUS_LABELS[byRow[row]][lang];
  });
}

/**
 * Quota check of a number of proposals against the Bằng khen slots of a bloc and year.
 * @customfunction CHECK
 * @param bloc Bloc: 1–4, "Khối 3", "K3" or "Khối III".
 * @param year Year of the movement, 2022–2025.
 * @param proposed Number of units or people proposed.
 * @param [recipient] "tập thể" (collective, the default) or "cá nhân" (individual).
 * @returns "OK (proposed/slots)", or a sentence naming the excess.
 * @example
 * check(1, 2023, 3) //=> "Vượt 2 suất (tối đa 1)"
 */
export function check(
  bloc: unknown,
  year: unknown,
  proposed: unknown,
  recipient?: unknown,
): string | ExcelError {
  const quota = slots(bloc, year, recipient);
  if (typeof quota !== "number") return quota;
  const count = parseCount(proposed, PROPOSED);
  if (!count.ok) return valueError(count.message);
  if (count.value <= quota) return `OK (${count.value}/${quota})`;
  const over = count.value - quota;
  const sentence: Bilingual = {
    vi: `Vượt ${over} suất (tối đa ${quota})`,
    en: `${over} over the quota (max ${quota})`,
  };
  return sentence[displayLang()];
}

/**
 * Prize in VND under the rules and base salary in force on the decision date (rounded up).
 * @customfunction PRIZE
 * @param form "bằng khen" (or "BK") or "giấy khen" (or "GK").
 * @param recipient "tập thể" (collective) or "cá nhân" (individual).
 * @param decisionDate Date of the award decision: an Excel date or text "2024-10-01" / "01/10/2024".
 * @param [issuer] Who signs a Giấy khen: "sở" (default), "huyện" or "xã" (commune chairman).
 * @returns The prize in VND.
 * @example
 * prize("bằng khen", "cá nhân", 46011) //=> 3510000
 */
export function prize(
  form: unknown,
  recipient: unknown,
  decisionDate: unknown,
  issuer?: unknown,
): number | ExcelError {
  const parsedForm = parseForm(form);
  if (!parsedForm.ok) return valueError(parsedForm.message);
  const parsedRecipient = parseRecipient(recipient);
  if (!parsedRecipient.ok) return valueError(parsedRecipient.message);
  const date = parseDate(decisionDate);
  if (!date.ok) return valueError(date.message);
  const parsedIssuer = parseIssuer(issuer);
  if (!parsedIssuer.ok) return valueError(parsedIssuer.message);
  const quote = prizeAmount({
    form: parsedForm.value,
    recipient: parsedRecipient.value,
    decisionDate: date.value,
    issuer: parsedIssuer.value,
  });
  return quote ? quote.vnd : valueError(dateOutsideTables(date.value));
}

function dateOutsideTables(date: string): Bilingual {
  return {
    vi: `Ngày ${date} nằm ngoài bảng mức thưởng và lương cơ sở`,
    en: `Date ${date} is outside the prize and base-salary tables`,
  };
}

/**
 * Base salary (lương cơ sở) in VND a month in force on a date.
 * @customfunction BASESALARY
 * @param date The date: an Excel date or text "2024-07-01" / "01/07/2024".
 * @returns The base salary in VND.
 * @example
 * baseSalary(45474) //=> 2340000
 */
export function baseSalary(date: unknown): number | ExcelError {
  const parsed = parseDate(date);
  if (!parsed.ok) return valueError(parsed.message);
  const row = baseSalaryOn(parsed.value);
  return row ? row.vnd : valueError(dateOutsideTables(parsed.value));
}

/** The header of the CANDIDATES matrix. */
const CANDIDATE_HEADERS: readonly Bilingual[] = [
  { vi: "Khối", en: "Bloc" },
  { vi: "Hạng", en: "Rank" },
  { vi: "Đơn vị", en: "Unit" },
  { vi: "Điểm", en: "Score" },
  { vi: "Điểm tối đa", en: "Max score" },
  { vi: "Tỷ lệ", en: "Ratio" },
  { vi: "Kết quả", en: "Status" },
  { vi: "Cá nhân được chọn", en: "Chosen individual" },
  { vi: "Tiền thưởng (đồng)", en: "Prize (VND)" },
];
const YEAR_HEADER: Bilingual = { vi: "Năm", en: "Year" };

function candidateRow(unit: UnitResult, lang: Lang): (string | number)[] {
  return [
    unit.bloc,
    unit.rank ?? "",
    unit.name,
    unit.score ?? "",
    unit.maxScore ?? "",
    unit.ratio ?? "",
    STATUS_LABELS[unit.status][lang],
    unit.chosenIndividual ?? "",
    unit.prizeVnd ?? "",
  ];
}

/**
 * The candidate list of an engine result as a matrix: a header row, then every unit of every bloc
 * in rank order (invalid rows last in their bloc), then the rows no bloc or year could be given
 * (invalid); a year column first when several years are ranked.
 *
 * @example
 * candidateMatrix(result, "en")[0] //=> ["Bloc", "Rank", "Unit", "Score", "Max score", "Ratio", "Status", "Chosen individual", "Prize (VND)"]
 */
export function candidateMatrix(result: AwardResult, lang: Lang): (string | number)[][] {
  const manyYears = result.years.length > 1;
  const header = CANDIDATE_HEADERS.map((h) => h[lang]);
  const rows: (string | number)[][] = [manyYears ? [YEAR_HEADER[lang], ...header] : header];
  for (const year of result.years) {
    for (const bloc of year.blocs) {
      for (const unit of bloc.units) {
        const row = candidateRow(unit, lang);
        rows.push(manyYears ? [year.year, ...row] : row);
      }
    }
  }
  // Rows the engine could not place in a bloc and year (unknown bloc, year outside 2022–2025)
  // are listed last as invalid, so that no row of the table silently drops out of the list.
  for (const row of result.unplaced) {
    const cells = [
      row.bloc ?? "",
      "",
      row.name,
      row.score ?? "",
      row.maxScore ?? "",
      "",
      STATUS_LABELS.invalid[lang],
      "",
      "",
    ];
    rows.push(manyYears ? [row.year ?? "", ...cells] : cells);
  }
  return rows;
}

/**
 * The decisions range as the sheet the engine reads decisions from (the Rank button reads the
 * same table from its sheet), or null when none was given.
 */
function decisionsArgument(decisions: unknown[][] | undefined): Parsed<CellSheet> | null {
  if (!Array.isArray(decisions) || decisions.every((row) => row.every(isBlank))) return null;
  const parsed = parseMatrix(decisions, { vi: "Bảng quyết định", en: "The decisions table" });
  if (!parsed.ok) return parsed;
  return { ok: true, value: { name: "decisions", values: decisions } };
}

/** Why a table gave no unit at all: its first error, or a general message. */
function noUnitsMessage(result: AwardResult): Bilingual {
  const first = result.issues.find((issue) => issue.severity === "error");
  if (first) return { vi: describeIssue(first, "vi"), en: describeIssue(first, "en") };
  return {
    vi: "Bảng không có đơn vị nào để xếp hạng",
    en: "The table has no unit to rank",
  };
}

/**
 * The award-candidate list of a score table: a header row, then one row per unit, with the prize
 * money as of the award decision date (today when none is given).
 * @customfunction CANDIDATES
 * @param table The score table, including its header row (unit, score, max score, bloc… columns).
 * @param [year] The year to rank, 2022–2025 (default: the year the table states).
 * @param [nominees] The table of proposed individuals, including its header row.
 * @param [decisionDate] The award decision date, which sets the decree and base salary of the prize money (default: today).
 * @param [decisions] The council's decisions table ("Quyết định của Hội đồng"), including its header row: ties it settled and candidates it withdrew.
 * @returns The candidate list, header row first.
 * @example
 * candidates([["Tên đơn vị", "Khối", "Điểm", "Điểm tối đa"], ["Sở Tư pháp", 1, 942.5, 1000]], 2023)[1][6] //=> "Đề xuất"
 */
export function candidates(
  table: unknown[][],
  year?: unknown,
  nominees?: unknown[][],
  decisionDate?: unknown,
  decisions?: unknown[][],
): unknown[][] {
  const parsedTable = parseMatrix(table, { vi: "Bảng điểm", en: "The score table" });
  if (!parsedTable.ok || parsedTable.value.rows < 2) {
    return [
      [
        valueError({
          vi: "Bảng điểm phải là một vùng ô có dòng tiêu đề",
          en: "The score table must be a range including its header row",
        }),
      ],
    ];
  }
  let chosenYear: AwardYear | undefined;
  if (!isBlank(year)) {
    const parsedYear = parseYear(year);
    if (!parsedYear.ok) return [[valueError(parsedYear.message)]];
    chosenYear = parsedYear.value;
  }
  const sheets: CellSheet[] = [{ name: "table", values: table }];
  if (Array.isArray(nominees) && !nominees.every((row) => row.every(isBlank))) {
    const parsedNominees = parseMatrix(nominees, { vi: "Bảng đề xuất", en: "The nominee table" });
    if (!parsedNominees.ok) return [[valueError(parsedNominees.message)]];
    sheets.push({ name: "nominees", values: nominees });
  }
  let date = localToday();
  if (!isBlank(decisionDate)) {
    const parsedDate = parseDate(decisionDate);
    if (!parsedDate.ok) return [[valueError(parsedDate.message)]];
    date = parsedDate.value;
  }
  const decisionSheet = decisionsArgument(decisions);
  if (decisionSheet && !decisionSheet.ok) return [[valueError(decisionSheet.message)]];
  const result = rankWorkbook(sheets, {
    decisionDate: date,
    ...(chosenYear === undefined ? {} : { year: chosenYear }),
    ...(sheets.length > 1 ? { nomineeSheet: "nominees" } : {}),
    ...(decisionSheet ? { decisions: decisionSheet.value } : {}),
  });
  const matrix = candidateMatrix(result, displayLang());
  return matrix.length > 1 ? matrix : [[valueError(noUnitsMessage(result))]];
}
