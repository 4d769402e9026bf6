/**
 * The whole engine in one call, the one the task pane, the custom functions and the command line
 * all use: read the score tables and the nominees, then for each year and each of the four blocs
 * rank, select, match the nominees, price the awards, and say why in one line per unit.
 */
import { cellKey } from "./cells";
import { dataCheckSheetName } from "./candidateSheet";
import { decideBloc, placeDecisions, readDecisions, type DecisionReading } from "./decisions";
import type { Issue } from "./issues";
import { makeIssue, sortIssues } from "./issues";
import { prizeBasis } from "./prize";
import { rankUnitsWithinBloc } from "./rankUnits";
import { readNominees } from "./readNominees";
import { readScoreTables } from "./readScoreTable";
import { roundIssues, roundOf } from "./reviewRound";
import { awardSlots, isAwardYear } from "./rules";
import type { CollectiveSelection, CollectiveStatus, IndividualSelection } from "./selectAwards";
import type { NomineeDoubt } from "./matchNominees";
import { doubtWords } from "./matchNominees";
import { matchNominees, visitCollectiveStatuses } from "./selectAwards";
import type {
  AppliedDecision,
  AwardResult,
  AwardYear,
  Bilingual,
  Bloc,
  BlocResult,
  CellSheet,
  CouncilDecision,
  DetectedTable,
  IndividualResult,
  InvalidUnitRow,
  Nominee,
  PrizeBasis,
  RankedUnit,
  RankOptions,
  UnitResult,
  UnitScore,
  YearResult,
} from "./types";
import { BLOCS } from "./types";

/** What the two readers found: the input of `rankReadings`. */
export interface EngineReadings {
  readonly scores: {
    readonly units: readonly UnitScore[];
    readonly invalid: readonly InvalidUnitRow[];
    /** Units marked "Không xét" without a score: listed as excluded, never ranked. */
    readonly unscored?: readonly InvalidUnitRow[];
    readonly issues: readonly Issue[];
    readonly tables: readonly DetectedTable[];
    /** Unit-name cells (`cellKey`) of the units read on hidden rows. */
    readonly hiddenUnits?: ReadonlySet<string>;
  };
  readonly nominees: {
    readonly nominees: readonly Nominee[];
    readonly issues: readonly Issue[];
    /** The nominee tables read (none without a nominee sheet). */
    readonly tables: readonly DetectedTable[];
  };
  /** The council's decisions, when a decisions table was given. */
  readonly decisions?: DecisionReading | null;
}

const slotWordsEn = (n: number): string => `${n} slot${n === 1 ? "" : "s"}`;

/** "tỷ lệ"/"ratio", or "điểm"/"score" for a table ranked by score. */
function measureOf(ratio: number | null): Bilingual {
  return ratio === null ? { vi: "điểm", en: "score" } : { vi: "tỷ lệ", en: "ratio" };
}

/**
 * "Hạng 12/20, ngoài 1 suất của khối": a unit's rank and the words its bloc shares, written out
 * in a language only when that language is read (a sheet or a JSON file shows one of the two, and
 * a bloc may hold 100,000 units), once: units of equal rank share one reason and its texts.
 * `JSON.stringify` writes it as the two texts.
 */
class RankReason implements Bilingual {
  private viText: string | null = null;
  private enText: string | null = null;

  constructor(
    readonly rank: number,
    readonly shared: Bilingual,
  ) {}

  get vi(): string {
    return (this.viText ??= "Hạng " + this.rank + this.shared.vi);
  }

  get en(): string {
    return (this.enText ??= "Rank " + this.rank + this.shared.en);
  }

  toJSON(): Bilingual {
    return { vi: this.vi, en: this.en };
  }
}

/**
 * The reasons of one bloc's collectives. The words every unit of the bloc shares ("/20, ngoài 1
 * suất của khối") are joined once per bloc, so that each unit's reason is its rank and those words
 * until it is read; units are asked in ranking order, and units of equal rank and status get the
 * same reason (a bloc may hold 100,000 units, many of them tied below the slots).
 */
function collectiveReasons(
  rankedCount: number,
  slots: number,
): (
  unit: UnitScore,
  rank: number,
  status: CollectiveSelection["status"],
  tie: CollectiveSelection["tie"],
) => Bilingual {
  const within = {
    vi: `/${rankedCount}, trong ${slots} suất của khối`,
    en: ` of ${rankedCount}, within the bloc's ${slotWordsEn(slots)}`,
  };
  const outside = {
    vi: `/${rankedCount}, ngoài ${slots} suất của khối`,
    en: ` of ${rankedCount}, outside the bloc's ${slotWordsEn(slots)}`,
  };
  let last: RankReason | null = null;
  const rankReason = (rank: number, shared: Bilingual): RankReason => {
    if (last === null || last.rank !== rank || last.shared !== shared) {
      last = new RankReason(rank, shared);
    }
    return last;
  };
  return (unit, rank, status, tie) => {
    switch (status) {
      case "candidate":
        return rankReason(rank, within);
      case "not-selected":
        return rankReason(rank, outside);
      case "tie": {
        const measure = measureOf(unit.ratio);
        const { size, open } = tie ?? { size: 0, open: 0 };
        return {
          vi: `Bằng ${measure.vi} ở hạng ${rank} (${size} đơn vị, còn ${open} suất): Hội đồng xét`,
          en: `Equal ${measure.en} at rank ${rank} (${size} units, ${slotWordsEn(open)} left): the council decides`,
        };
      }
      case "excluded":
        return {
          vi: `Không xét theo ghi chú${unit.note ? `: ${unit.note}` : ""}`,
          en: `Not considered, as noted${unit.note ? `: ${unit.note}` : ""}`,
        };
    }
  };
}

function invalidReason(cell: string | null): Bilingual {
  const place = (lang: "vi" | "en") =>
    cell ? `${dataCheckSheetName(lang)} (${cell})` : dataCheckSheetName(lang);
  return {
    vi: `Dữ liệu không hợp lệ: xem ${place("vi")}`,
    en: `Invalid data: see ${place("en")}`,
  };
}

interface IndividualContext {
  readonly rankedCount: number;
  readonly slots: number;
  readonly tie: { readonly size: number; readonly open: number } | null;
  readonly chosenByUnit: ReadonlyMap<UnitScore, Nominee>;
}

/** The reason of a person whose unit is to be confirmed: what to confirm, then why chosen. */
function individualReason(selection: IndividualSelection, context: IndividualContext): Bilingual {
  const reason = rankingReason(selection, context);
  if (!selection.doubt) return reason;
  const why = doubtWords(selection.doubt, selection.unit);
  const written = selection.nominee.unitName;
  return {
    vi: `Cần xác nhận đơn vị (ghi “${written}”: ${why.vi}). ${reason.vi}`,
    en: `Unit to be confirmed (written “${written}”: ${why.en}). ${reason.en}`,
  };
}

function rankingReason(selection: IndividualSelection, context: IndividualContext): Bilingual {
  const { unitRank: rank, unit, nominee } = selection;
  const { rankedCount, slots } = context;
  const direct = nominee.direct
    ? { vi: "; trực tiếp thực hiện", en: "; does the work directly" }
    : { vi: "", en: "" };
  if (selection.status === "candidate") {
    return {
      vi: `Đơn vị hạng ${rank}/${rankedCount}, trong ${slots} suất cá nhân của khối${direct.vi}`,
      en: `Unit ranked ${rank} of ${rankedCount}, within the bloc's ${slots} individual slot${slots === 1 ? "" : "s"}${direct.en}`,
    };
  }
  if (selection.status === "tie") {
    const measure = measureOf(unit.ratio);
    const { size, open } = context.tie ?? { size: 0, open: 0 };
    return {
      vi: `Đơn vị bằng ${measure.vi} ở hạng ${rank} (${size} đơn vị, còn ${open} suất cá nhân): Hội đồng xét`,
      en: `Unit of equal ${measure.en} at rank ${rank} (${size} units, ${open} individual slot${open === 1 ? "" : "s"} left): the council decides`,
    };
  }
  const chosen = context.chosenByUnit.get(unit);
  if (chosen) {
    return {
      vi: `Dự phòng: đơn vị đã chọn ${chosen.name}`,
      en: `Reserve: the unit's choice is ${chosen.name}`,
    };
  }
  if (unit.excluded) {
    return {
      vi: "Dự phòng: đơn vị không xét theo ghi chú",
      en: "Reserve: the unit is not considered, as noted",
    };
  }
  return {
    vi: `Dự phòng: đơn vị hạng ${rank}/${rankedCount}, ngoài ${slots} suất cá nhân của khối`,
    en: `Reserve: unit ranked ${rank} of ${rankedCount}, outside the bloc's ${slots} individual slot${slots === 1 ? "" : "s"}`,
  };
}

/** The 1-based row number of an A1 address ("D15" → 15). */
function rowOfCell(cell: string): number {
  const match = /(\d+)$/.exec(cell);
  return match ? Number(match[1]) : 0;
}

/** For each sheet row with an error issue, the first error's cell: invalid rows point there. */
function errorCellsByRow(issues: readonly Issue[]): Map<string, string> {
  const cells = new Map<string, string>();
  for (const issue of issues) {
    if (issue.severity !== "error" || issue.sheet === null || issue.cell === null) continue;
    const key = `${issue.sheet}\u0000${rowOfCell(issue.cell)}`;
    if (!cells.has(key)) cells.set(key, issue.cell);
  }
  return cells;
}

function invalidUnitResult(
  row: InvalidUnitRow,
  bloc: Bloc,
  year: AwardYear,
  rankedCount: number,
  errorCell: string | null,
): UnitResult {
  return {
    name: row.name,
    key: row.key,
    bloc,
    year,
    score: row.score,
    maxScore: row.maxScore,
    ratio: null,
    rank: null,
    rankedCount,
    status: "invalid",
    tie: null,
    prizeVnd: null,
    chosenIndividual: null,
    note: "",
    group: row.group,
    source: row.source,
    reason: invalidReason(errorCell),
  };
}

/** A unit marked "Không xét" without a score: in its bloc's list, without a rank. */
function unscoredUnitResult(
  row: InvalidUnitRow,
  bloc: Bloc,
  year: AwardYear,
  rankedCount: number,
): UnitResult {
  return {
    ...invalidUnitResult(row, bloc, year, rankedCount, null),
    status: "excluded",
    reason: {
      vi: "Không xét theo ghi chú; không có điểm nên không xếp hạng",
      en: "Not considered, as noted; no score, so not ranked",
    },
  };
}

interface BlocInput {
  readonly bloc: Bloc;
  readonly year: AwardYear;
  readonly units: readonly UnitScore[];
  readonly invalid: readonly InvalidUnitRow[];
  readonly unscored: readonly InvalidUnitRow[];
  readonly nomineesByUnit: ReadonlyMap<UnitScore, readonly Nominee[]>;
  readonly doubts: ReadonlyMap<Nominee, NomineeDoubt>;
  readonly hasNomineeTable: boolean;
  readonly basis: PrizeBasis | null;
  readonly errorCells: ReadonlyMap<string, string>;
  /** Unit-name cells (`cellKey`) on hidden rows. */
  readonly hiddenUnits: ReadonlySet<string> | undefined;
  /** The review round the year serves: it sets the quotas. */
  readonly round: AwardYear;
  readonly decisions: readonly CouncilDecision[];
}

/** How many selections have a status, counted without building a list. */
function countStatus(selections: readonly { readonly status: string }[], status: string): number {
  let count = 0;
  for (let i = 0; i < selections.length; i += 1) if (selections[i].status === status) count += 1;
  return count;
}

const tieOf = (
  selections: readonly { readonly status: string }[],
  slots: number,
): { size: number; open: number } | null => {
  const size = countStatus(selections, "tie");
  const taken = countStatus(selections, "candidate");
  return size > 0 ? { size, open: slots - taken } : null;
};

/** Ranks, selects and prices one bloc of one year; returns its result and its warnings. */
function rankBloc(input: BlocInput): { readonly result: BlocResult; readonly issues: Issue[] } {
  const { bloc, year, basis } = input;
  const issues: Issue[] = [];
  const collectiveSlots = awardSlots(bloc, input.round, "collective");
  const individualSlots = awardSlots(bloc, input.round, "individual");
  const ranked = rankUnitsWithinBloc(input.units);
  const rankedCount = ranked.length;
  const decided = decideBloc({
    year,
    bloc,
    ranked,
    nomineesByUnit: input.nomineesByUnit,
    collectiveSlots,
    individualSlots,
    individualsAllowed: bloc !== 4,
    decisions: input.decisions,
    doubts: input.doubts,
  });
  issues.push(...decided.issues);
  const individuals = decided.individuals;
  const chosenByUnit = new Map<UnitScore, Nominee>();
  for (const s of individuals) if (s.status !== "reserve") chosenByUnit.set(s.unit, s.nominee);

  // The units' results, in ranking order: straight from the rules' statuses when no decision
  // touched them (no object per unit besides its result), else from the decided collectives.
  const reasonOf = collectiveReasons(rankedCount, collectiveSlots);
  const collectivePrize = basis ? basis.bangKhenCollectiveVnd : null;
  const units: UnitResult[] = [];
  const resultOf = (
    { unit, rank }: RankedUnit,
    status: CollectiveStatus,
    tie: CollectiveSelection["tie"],
    decision: AppliedDecision | null,
    note: Bilingual | null,
  ): UnitResult => {
    const awarded = status === "candidate" || status === "tie";
    const result: UnitResult = {
      name: unit.name,
      key: unit.key,
      bloc,
      year,
      score: unit.score,
      maxScore: unit.maxScore,
      ratio: unit.ratio,
      rank,
      rankedCount,
      status,
      tie,
      prizeVnd: awarded ? collectivePrize : null,
      chosenIndividual: chosenByUnit.size > 0 ? (chosenByUnit.get(unit)?.name ?? null) : null,
      note: unit.note,
      group: unit.group,
      source: unit.source,
      reason: note ?? reasonOf(unit, rank, status, tie),
    };
    // Only a decided unit carries its decision (a rare copy).
    return decision ? { ...result, decision } : result;
  };
  if (decided.collectives === null) {
    units.length = rankedCount;
    visitCollectiveStatuses(ranked, collectiveSlots, (i, status, tie) => {
      units[i] = resultOf(ranked[i], status, tie, null, null);
    });
  } else {
    for (const s of decided.collectives) {
      units.push(resultOf(s.ranked, s.status, s.tie, s.decision, s.note));
    }
  }

  const empty =
    input.units.length === 0 && input.invalid.length === 0 && input.unscored.length === 0;
  const fillIssues = (
    selections: readonly { readonly status: string }[],
    slots: number,
    recipient: "collective" | "individual",
  ): void => {
    const tie = tieOf(selections, slots);
    const taken = countStatus(selections, "candidate");
    const filled = taken + (tie ? tie.open : 0);
    if (filled < slots) {
      issues.push(
        makeIssue("SLOTS_UNFILLED", null, {
          year,
          bloc,
          filled,
          slots,
          recipient: recipient === "collective" ? "tập thể" : "cá nhân",
          recipientEn: recipient,
        }),
      );
    }
  };

  if (empty) {
    issues.push(makeIssue("BLOC_EMPTY", null, { year, bloc, slots: collectiveSlots }));
  } else {
    fillIssues(units, collectiveSlots, "collective");
    if (input.hasNomineeTable && individualSlots > 0) {
      fillIssues(individuals, individualSlots, "individual");
    }
  }
  if (input.hiddenUnits !== undefined) {
    for (const u of units) {
      if (
        (u.status === "candidate" || u.status === "tie") &&
        input.hiddenUnits.has(cellKey(u.source))
      ) {
        issues.push(makeIssue("HIDDEN_UNIT_PROPOSED", u.source, { unit: u.name, year, bloc }));
      }
    }
  }
  const firstTie = units.find((u) => u.status === "tie");
  if (firstTie?.tie && firstTie.rank !== null) {
    issues.push(
      makeIssue("TIE_AT_CUTOFF", firstTie.source, {
        year,
        bloc,
        count: firstTie.tie.size,
        rank: firstTie.rank,
        open: firstTie.tie.open,
      }),
    );
  }
  const individualTie = tieOf(individuals, individualSlots);
  const firstIndividualTie = individuals.find((s) => s.status === "tie");
  if (individualTie && firstIndividualTie) {
    issues.push(
      makeIssue("INDIVIDUAL_TIE_AT_CUTOFF", firstIndividualTie.unit.source, {
        year,
        bloc,
        count: individualTie.size,
        rank: firstIndividualTie.unitRank,
        open: individualTie.open,
      }),
    );
  }

  // A unit that proposed several people equally preferred (each working directly, or none): the
  // first listed is taken, and the others are named, so that the council may choose otherwise.
  for (const chosen of individuals) {
    if (chosen.status === "reserve" || chosen.decision) continue;
    const alike = (input.nomineesByUnit.get(chosen.unit) ?? []).filter(
      (p) =>
        p !== chosen.nominee &&
        p.direct === chosen.nominee.direct &&
        (input.doubts.get(p) === undefined) === (chosen.doubt === null),
    );
    if (alike.length === 0) continue;
    issues.push(
      makeIssue("NOMINEE_CHOSEN_BY_ORDER", chosen.nominee.source, {
        unit: chosen.unit.name,
        person: chosen.nominee.name,
        others: alike.map((p) => p.name).join(", "),
        year,
      }),
    );
  }

  for (const row of [...input.unscored].sort((a, b) => a.order - b.order)) {
    units.push(unscoredUnitResult(row, bloc, year, rankedCount));
  }
  for (const row of [...input.invalid].sort((a, b) => a.order - b.order)) {
    const errorCell =
      input.errorCells.get(`${row.source.sheet}\u0000${rowOfCell(row.source.cell)}`) ?? null;
    units.push(invalidUnitResult(row, bloc, year, rankedCount, errorCell));
  }

  const context: IndividualContext = {
    rankedCount,
    slots: individualSlots,
    tie: individualTie,
    chosenByUnit,
  };
  const individualResults: IndividualResult[] = individuals.map((selection) => ({
    name: selection.nominee.name,
    title: selection.nominee.title,
    unit: selection.unit.name,
    unitGroup: selection.unit.group,
    unitSource: selection.unit.source,
    unitRank: selection.unitRank,
    direct: selection.nominee.direct,
    status: selection.status,
    confirm: selection.doubt !== null,
    prizeVnd: selection.status !== "reserve" && basis ? basis.bangKhenIndividualVnd : null,
    source: selection.nominee.source,
    reason: selection.note ?? individualReason(selection, context),
    ...(selection.nominee.achievement ? { achievement: selection.nominee.achievement } : {}),
    ...(selection.decision ? { decision: selection.decision } : {}),
  }));

  return {
    result: {
      bloc,
      year,
      collectiveSlots,
      individualSlots,
      units,
      individuals: individualResults,
      empty,
    },
    issues,
  };
}

/** Issues about a nominee's unit text point at the unit cell of the nominee's row. */
const UNIT_TEXT_CODES: readonly string[] = [
  "NOMINEE_UNIT_UNKNOWN",
  "NOMINEE_UNIT_AMBIGUOUS",
  "NOMINEE_UNIT_UNSURE",
];

function atUnitCell(issue: Issue, tables: readonly DetectedTable[]): Issue {
  const column = tables.find((t) => t.sheet === issue.sheet)?.columns.unit;
  if (!column || issue.cell === null || !UNIT_TEXT_CODES.includes(issue.code)) return issue;
  return { ...issue, cell: `${column}${rowOfCell(issue.cell)}` };
}

/** The years a run covers: the chosen year, else every movement year present. */
function yearsOfRun(readings: EngineReadings, year: number | undefined): AwardYear[] {
  if (year !== undefined) return isAwardYear(year) ? [year] : [];
  const years = new Set<AwardYear>();
  const units = readings.scores.units;
  for (let i = 0; i < units.length; i += 1) years.add(units[i].year);
  for (const row of [...readings.scores.invalid, ...(readings.scores.unscored ?? [])]) {
    if (row.bloc !== null && isAwardYear(row.year)) years.add(row.year);
  }
  return [...years].sort((a, b) => a - b);
}

/** One number per bloc and year (blocs are 1–4): no text key is built per row. */
const blocYearKey = (year: number, bloc: number): number => year * 10 + bloc;

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The engine after reading: ranks and selects what the readers found. `rankWorkbook` is this
 * applied to `readScoreTables` and `readNominees`; it is exported so that a caller holding
 * readings (or a test) need not go through cells.
 *
 * @example
 * rankReadings({ scores: { units: [soTuPhap], invalid: [], issues: [], tables: [] },
 *   nominees: { nominees: [], issues: [], tables: [] } }, { decisionDate: "2024-03-31" })
 *   .years[0].blocs[0].units[0].status //=> "candidate"
 */
export function rankReadings(readings: EngineReadings, options: RankOptions): AwardResult {
  const issues: Issue[] = [...readings.scores.issues, ...readings.nominees.issues];
  const basis = prizeBasis(options.decisionDate);
  const rounds = roundIssues(yearsOfRun(readings, options.year), options.rounds);
  issues.push(...rounds.issues);
  // A year whose round cannot be used is not ranked: its quotas would be a guess.
  const years = yearsOfRun(readings, options.year).filter((y) => !rounds.blocked.includes(y));
  const inRun = new Set<number>(years);

  const unitsByBloc = new Map<number, UnitScore[]>();
  const invalidByBloc = new Map<number, InvalidUnitRow[]>();
  const unplaced: InvalidUnitRow[] = [];
  const otherYears = new Map<number, number>();
  const countOtherYear = (year: number): void => {
    otherYears.set(year, (otherYears.get(year) ?? 0) + 1);
  };
  const unitsInRun: UnitScore[] = [];
  const units = readings.scores.units;
  for (let i = 0; i < units.length; i += 1) {
    const u = units[i];
    if (!inRun.has(u.year)) {
      countOtherYear(u.year);
      continue;
    }
    unitsInRun.push(u);
    pushTo(unitsByBloc, blocYearKey(u.year, u.bloc), u);
  }
  for (const row of readings.scores.invalid) {
    if (row.bloc === null || !isAwardYear(row.year)) unplaced.push(row);
    else if (!inRun.has(row.year)) countOtherYear(row.year);
    else pushTo(invalidByBloc, blocYearKey(row.year, row.bloc), row);
  }
  const unscoredByBloc = new Map<number, InvalidUnitRow[]>();
  for (const row of readings.scores.unscored ?? []) {
    if (row.bloc === null || !isAwardYear(row.year)) continue;
    if (!inRun.has(row.year)) countOtherYear(row.year);
    else pushTo(unscoredByBloc, blocYearKey(row.year, row.bloc), row);
  }
  // With a chosen year, nominees of other years are set aside like score rows; without one, a
  // nominee of a year the score table lacks is reported as an unknown unit by the matching.
  // A nominee without a year in a run of several years would be proposed in every one of them:
  // such nominees are set aside with one error that says how to date them.
  const undated = years.length > 1 ? readings.nominees.nominees.filter((n) => n.year === null) : [];
  const undatedSheets = new Map<string, Nominee[]>();
  for (const person of undated) pushTo(undatedSheets, person.source.sheet, person);
  for (const [sheet, people] of undatedSheets) {
    const table = readings.nominees.tables.find((t) => t.sheet === sheet);
    issues.push(
      makeIssue(
        "NOMINEE_YEAR_UNSTATED",
        table ? { sheet, cell: table.range.split(":")[0] } : people[0].source,
        { sheet, count: people.length, years: years.join(", ") },
      ),
    );
  }
  const nominees = readings.nominees.nominees.filter((n) => {
    if (n.year === null) return undated.length === 0;
    if (options.year === undefined || inRun.has(n.year)) return true;
    countOtherYear(n.year);
    return false;
  });
  const match = matchNominees(nominees, unitsInRun);
  // With a score table not ranked, a nominee's unit may well be in it: one warning says so,
  // instead of a message per person that their unit does not exist.
  const refused = readings.scores.tables.filter((t) => t.kind === "scores" && t.refused);
  const unknown = match.issues.filter((i) => i.code === "NOMINEE_UNIT_UNKNOWN");
  if (refused.length > 0 && unknown.length > 0) {
    issues.push(
      makeIssue("NOMINEES_AWAIT_TABLE", null, {
        count: unknown.length,
        sheet: refused.map((t) => `“${t.sheet}”`).join(", "),
      }),
    );
  }
  for (const issue of match.issues) {
    if (refused.length > 0 && issue.code === "NOMINEE_UNIT_UNKNOWN") continue;
    issues.push(atUnitCell(issue, readings.nominees.tables));
  }

  const errorCells = errorCellsByRow(readings.scores.issues);
  issues.push(...(readings.decisions?.issues ?? []));
  const placed = placeDecisions(
    readings.decisions?.decisions ?? [],
    unitsInRun,
    years,
    options.year,
  );
  issues.push(...placed.issues);
  const yearResults: YearResult[] = years.map((year) => ({
    year,
    round: roundOf(year, options.rounds),
    blocs: BLOCS.map((bloc) => {
      const key = blocYearKey(year, bloc);
      const { result, issues: blocIssues } = rankBloc({
        bloc,
        year,
        units: unitsByBloc.get(key) ?? [],
        invalid: invalidByBloc.get(key) ?? [],
        unscored: unscoredByBloc.get(key) ?? [],
        nomineesByUnit: match.byUnit,
        doubts: match.doubts,
        hasNomineeTable: readings.nominees.tables.length > 0,
        basis,
        errorCells,
        hiddenUnits: readings.scores.hiddenUnits,
        round: roundOf(year, options.rounds),
        decisions: placed.byBloc.get(`${year}:${bloc}`) ?? [],
      });
      issues.push(...blocIssues);
      return result;
    }),
  }));

  if (!basis) issues.push(makeIssue("PRIZE_DATE_UNKNOWN", null, { date: options.decisionDate }));
  // A decision cannot come before the year it rewards is over: the date (and so the prize money)
  // is then most likely last year's, typed again.
  const early = years.filter((year) => options.decisionDate < `${year + 1}-01-01`);
  if (early.length > 0) {
    issues.push(
      makeIssue("AWARD_DATE_BEFORE_RESULTS", null, {
        date: options.decisionDate,
        years: early.join(", "),
      }),
    );
  }
  if (otherYears.size > 0 && options.year !== undefined) {
    const count = [...otherYears.values()].reduce((sum, n) => sum + n, 0);
    const list = [...otherYears.keys()].sort((a, b) => a - b).join(", ");
    issues.push(makeIssue("ROWS_OF_OTHER_YEARS", null, { count, years: list, year: options.year }));
  }

  return {
    schema: "dti-awards/result@1",
    decisionDate: options.decisionDate,
    prize: basis,
    years: yearResults,
    unplaced: [...unplaced].sort((a, b) => a.order - b.order),
    issues: sortIssues(issues),
    tables: [...readings.scores.tables, ...readings.nominees.tables],
  };
}

/**
 * Ranks a whole workbook: reads the score tables and the nominee sheet, then for each year present
 * (or only `options.year`) and each of the four blocs ranks, selects, matches and prices.
 * Deterministic: the same cells and options give a deep-equal result.
 *
 * @example
 * rankWorkbook([{ name: "DTI 2023", values: cells }], { decisionDate: "2024-03-31" })
 *   .years.map((y) => y.year) //=> [2023]
 */
export function rankWorkbook(sheets: readonly CellSheet[], options: RankOptions): AwardResult {
  // The decisions table is never read as scores or nominees, wherever it sits.
  const decisionSheet = options.decisions;
  const ignoreSheets =
    decisionSheet && sheets.includes(decisionSheet)
      ? [...(options.ignoreSheets ?? []), decisionSheet.name]
      : options.ignoreSheets;
  const scores = readScoreTables(sheets, {
    year: options.year,
    sheets: options.sheets,
    columns: options.columns,
    bloc: options.bloc,
    headerRow: options.headerRow,
    ignoreSheets,
    nomineeSheet: options.nomineeSheet,
  });
  const nominees = readNominees(sheets, {
    nomineeSheet: options.nomineeSheet,
    year: options.year,
    ignoreSheets,
  });
  const decisions = decisionSheet ? readDecisions(decisionSheet) : null;
  return rankReadings({ scores, nominees, decisions }, options);
}
