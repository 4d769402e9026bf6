/**
 * The council's decisions (Hội đồng thi đua – khen thưởng) applied to a ranking: which of the
 * units or people tied at the last slot it chose, and which candidates it withdrew, with the
 * reason. They live in a table of their own sheet (see `decisionTable.ts`), which the add-in
 * creates once and never overwrites, so a new Rank (which replaces the candidate sheets) cannot
 * lose them.
 *
 * Each decision names its unit by identity (score year, bloc, unit name as a key, district
 * group) and records the data it was taken on (ratio, rank, how many tied for how many slots).
 * A Rank applies a decision only while the data still supports it, and otherwise says which
 * decision no longer fits and why, at the decision's cell: silently carrying a choice over to
 * changed scores would be the worst kind of wrong.
 */
import { makeIssue, type Issue } from "./issues";
import type { CollectiveSelection, IndividualSelection } from "./selectAwards";
import type { NomineeDoubt } from "./matchNominees";
import { selectCollectiveAwards, selectIndividualAwards } from "./selectAwards";
import { foldText, matchKey } from "./text";
import type {
  AppliedDecision,
  AwardYear,
  Bilingual,
  Bloc,
  CellRef,
  CouncilDecision,
  DecisionBasis,
  DecisionKind,
  Lang,
  Nominee,
  RankedUnit,
  UnitScore,
} from "./types";

export * from "./decisionTable";

/** Two recorded ratios closer than this are the same number typed or stored differently. */
const SAME_NUMBER = 1e-9;

/* ---------------------------------------------------------------------------------------------
 * Placing decisions in their bloc and year
 * ------------------------------------------------------------------------------------------- */

/** Leading words of a district heading, dropped when comparing groups ("Huyện X" = "X"). */
const GROUP_PREFIXES = ["quan", "huyen", "thi xa", "thanh pho", "tp"];

/**
 * A district group compared without its leading word, case or diacritics.
 *
 * @example
 * groupKey("Huyện Phong Điền") === groupKey("phong dien") //=> true
 */
export function groupKey(text: string): string {
  const folded = foldText(text);
  const prefix = GROUP_PREFIXES.find((p) => folded.startsWith(`${p} `));
  return prefix ? folded.slice(prefix.length + 1) : folded;
}

function sameGroup(unit: UnitScore, decision: CouncilDecision): boolean {
  return decision.group === "" || groupKey(unit.group) === groupKey(decision.group);
}

/** "khối 3 năm 2024" / "bloc 3 of 2024". */
function whereOf(decision: CouncilDecision): { where: string; whereEn: string } {
  if (decision.bloc === null) {
    return { where: `năm ${decision.year}`, whereEn: `${decision.year}` };
  }
  return {
    where: `khối ${decision.bloc} năm ${decision.year}`,
    whereEn: `bloc ${decision.bloc} of ${decision.year}`,
  };
}

function describeUnit(unit: UnitScore): string {
  return unit.group
    ? `${unit.name} (${unit.group}, khối ${unit.bloc})`
    : `${unit.name} (khối ${unit.bloc})`;
}

export interface PlacedDecisions {
  /** Decisions by "year:bloc". */
  readonly byBloc: ReadonlyMap<string, readonly CouncilDecision[]>;
  readonly issues: readonly Issue[];
}

/**
 * Gives each decision its bloc (from the row, or from the only unit of its year with that name)
 * and reports the ones whose unit is not in the run. Decisions of years the run leaves out (a
 * run for one chosen year) are set aside without a word, like the score rows of those years.
 *
 * @example
 * placeDecisions([choose("UBND phường Cái Khế", 2024)], units, [2024], undefined).byBloc.get("2024:3")?.length //=> 1
 */
export function placeDecisions(
  decisions: readonly CouncilDecision[],
  units: readonly UnitScore[],
  years: readonly AwardYear[],
  chosenYear: number | undefined,
): PlacedDecisions {
  const byBloc = new Map<string, CouncilDecision[]>();
  const issues: Issue[] = [];
  for (const decision of decisions) {
    if (!years.includes(decision.year)) {
      if (chosenYear === undefined) {
        issues.push(
          makeIssue("DECISION_UNIT_NOT_FOUND", decision.source, {
            unit: decision.unit,
            ...whereOf(decision),
          }),
        );
      }
      continue;
    }
    let bloc = decision.bloc;
    if (bloc === null) {
      const matching = units.filter(
        (u) =>
          u.year === decision.year &&
          matchKey(u.name) === decision.unitKey &&
          sameGroup(u, decision),
      );
      const blocs = [...new Set(matching.map((u) => u.bloc))];
      if (blocs.length === 0) {
        issues.push(
          makeIssue("DECISION_UNIT_NOT_FOUND", decision.source, {
            unit: decision.unit,
            ...whereOf(decision),
          }),
        );
        continue;
      }
      if (blocs.length > 1) {
        issues.push(
          makeIssue("DECISION_UNIT_AMBIGUOUS", decision.source, {
            unit: decision.unit,
            closest: matching.map(describeUnit).join(", "),
          }),
        );
        continue;
      }
      bloc = blocs[0];
    }
    const key = `${decision.year}:${bloc}`;
    byBloc.set(key, [...(byBloc.get(key) ?? []), { ...decision, bloc }]);
  }
  return { byBloc, issues };
}

/* ---------------------------------------------------------------------------------------------
 * Applying the decisions of one bloc
 * ------------------------------------------------------------------------------------------- */

export interface DecidedCollective extends CollectiveSelection {
  /** The council's decision behind this outcome, if any. */
  readonly decision: AppliedDecision | null;
  /** The reason line when a decision changed it (else the engine's own reason applies). */
  readonly note: Bilingual | null;
}

export interface DecidedIndividual extends IndividualSelection {
  readonly decision: AppliedDecision | null;
  readonly note: Bilingual | null;
}

export interface DecidedBloc {
  /**
   * The collectives as decided; null when no decision touched them: they are then exactly the
   * rules' selection, which `visitCollectiveStatuses` walks without an object per unit (a bloc may
   * hold 100,000 units).
   */
  readonly collectives: readonly DecidedCollective[] | null;
  readonly individuals: readonly DecidedIndividual[];
  readonly issues: readonly Issue[];
}

export interface BlocDecisionInput {
  readonly year: AwardYear;
  readonly bloc: Bloc;
  readonly ranked: readonly RankedUnit[];
  readonly nomineesByUnit: ReadonlyMap<UnitScore, readonly Nominee[]>;
  readonly collectiveSlots: number;
  readonly individualSlots: number;
  /** False for bloc 4, which has no individual awards. */
  readonly individualsAllowed: boolean;
  readonly decisions: readonly CouncilDecision[];
  /** Nominees matched to a unit by a loose spelling (to be confirmed), as `matchNominees` gives. */
  readonly doubts?: ReadonlyMap<Nominee, NomineeDoubt>;
}

const applied = (d: CouncilDecision): AppliedDecision => ({
  kind: d.kind,
  reason: d.reason,
  source: d.source,
});

const placeText = (ref: CellRef): string => `${ref.sheet}!${ref.cell}`;

/** "93,20%" / "93.20%", or the score for a table ranked by score. */
function measureText(unit: UnitScore, lang: Lang): string {
  const value = unit.ratio === null ? unit.score : unit.ratio * 100;
  const text = value.toFixed(2).replace(/\.00$/, "");
  const shown = lang === "vi" ? text.replace(".", ",") : text;
  return unit.ratio === null ? shown : `${shown}%`;
}

function recordedText(value: number, unit: UnitScore, lang: Lang): string {
  return measureText({ ...unit, ratio: unit.ratio === null ? null : value, score: value }, lang);
}

/** True when a recorded ratio is the unit's (as a fraction, or as a percentage typed by hand). */
function sameMeasure(recorded: number, unit: UnitScore): boolean {
  const current = unit.ratio ?? unit.score;
  if (Math.abs(recorded - current) <= SAME_NUMBER) return true;
  return unit.ratio !== null && Math.abs(recorded / 100 - unit.ratio) <= SAME_NUMBER;
}

/** What changed between the recorded basis and the data now, in both languages; null if none. */
function basisChanges(
  basis: DecisionBasis,
  unit: UnitScore,
  rank: number,
  tie: { readonly size: number; readonly open: number } | null,
): Bilingual | null {
  const vi: string[] = [];
  const en: string[] = [];
  if (basis.ratio !== null && !sameMeasure(basis.ratio, unit)) {
    const what = unit.ratio === null ? ["điểm", "score"] : ["tỷ lệ", "ratio"];
    vi.push(`${what[0]} ${recordedText(basis.ratio, unit, "vi")} → ${measureText(unit, "vi")}`);
    en.push(`${what[1]} ${recordedText(basis.ratio, unit, "en")} → ${measureText(unit, "en")}`);
  }
  if (basis.rank !== null && basis.rank !== rank) {
    vi.push(`hạng ${basis.rank} → ${rank}`);
    en.push(`rank ${basis.rank} → ${rank}`);
  }
  if (tie && basis.tieSize !== null && basis.tieSize !== tie.size) {
    vi.push(`${basis.tieSize} → ${tie.size} đơn vị bằng điểm`);
    en.push(`${basis.tieSize} → ${tie.size} units tied`);
  }
  if (tie && basis.open !== null && basis.open !== tie.open) {
    vi.push(`${basis.open} → ${tie.open} suất còn lại`);
    en.push(`${basis.open} → ${tie.open} slots left`);
  }
  return vi.length > 0 ? { vi: vi.join("; "), en: en.join("; ") } : null;
}

const COLLECTIVE_STATUS: Readonly<Record<CollectiveSelection["status"], Bilingual>> = {
  candidate: { vi: "đề xuất", en: "candidate" },
  tie: { vi: "bằng điểm", en: "tied" },
  "not-selected": { vi: "ngoài số suất", en: "outside the slots" },
  excluded: { vi: "không xét", en: "not considered" },
};

function statusWords(rank: number, count: number, status: Bilingual): Bilingual {
  return {
    vi: `hạng ${rank}/${count}, ${status.vi}`,
    en: `rank ${rank} of ${count}, ${status.en}`,
  };
}

interface Resolved<T> {
  readonly decision: CouncilDecision;
  readonly target: T;
}

/** Finds a decision's unit among the bloc's ranking; reports it when it is gone or ambiguous. */
function unitOf(
  decision: CouncilDecision,
  ranked: readonly RankedUnit[],
  issues: Issue[],
): RankedUnit | null {
  const found = ranked.filter(
    (r) => matchKey(r.unit.name) === decision.unitKey && sameGroup(r.unit, decision),
  );
  if (found.length === 1) return found[0];
  if (found.length === 0) {
    issues.push(
      makeIssue("DECISION_UNIT_NOT_FOUND", decision.source, {
        unit: decision.unit,
        ...whereOf(decision),
      }),
    );
  } else {
    issues.push(
      makeIssue("DECISION_UNIT_AMBIGUOUS", decision.source, {
        unit: decision.unit,
        closest: found.map((r) => describeUnit(r.unit)).join(", "),
      }),
    );
  }
  return null;
}

function appliedIssue(decision: CouncilDecision, vi: string, en: string): Issue {
  return makeIssue("DECISION_APPLIED", decision.source, { actionVi: vi, actionEn: en });
}

/** Drops every decision of a unit or person that has both a choice and a withdrawal. */
function withoutConflicts<T>(resolved: readonly Resolved<T>[], issues: Issue[]): Resolved<T>[] {
  const kinds = new Map<T, Set<DecisionKind>>();
  for (const r of resolved) {
    kinds.set(r.target, (kinds.get(r.target) ?? new Set()).add(r.decision.kind));
  }
  const reported = new Set<T>();
  const kept: Resolved<T>[] = [];
  for (const r of resolved) {
    if ((kinds.get(r.target)?.size ?? 0) > 1) {
      if (!reported.has(r.target)) {
        reported.add(r.target);
        const name = r.decision.person || r.decision.unit;
        issues.push(makeIssue("DECISION_CONFLICT", r.decision.source, { unit: name }));
      }
      continue;
    }
    // The same decision written twice is one decision.
    if (kept.some((k) => k.target === r.target && k.decision.kind === r.decision.kind)) continue;
    kept.push(r);
  }
  return kept;
}

function decideCollectives(input: BlocDecisionInput, issues: Issue[]): DecidedCollective[] {
  const { ranked, collectiveSlots, year, bloc } = input;
  const rankedCount = ranked.length;
  const resolved: Resolved<RankedUnit>[] = [];
  for (const decision of input.decisions.filter((d) => d.recipient === "collective")) {
    const target = unitOf(decision, ranked, issues);
    if (target) resolved.push({ decision, target });
  }
  const decisions = withoutConflicts(resolved, issues);
  const baseline = selectCollectiveAwards(ranked, collectiveSlots);
  const baselineOf = new Map(baseline.map((s) => [s.ranked, s]));

  // Withdrawals first: a withdrawn candidate takes no slot, the next unit moves up.
  const withdrawn = new Map<RankedUnit, CouncilDecision>();
  for (const { decision, target } of decisions.filter((d) => d.decision.kind === "withdraw")) {
    const before = baselineOf.get(target);
    if (!before || (before.status !== "candidate" && before.status !== "tie")) {
      const status = statusWords(
        target.rank,
        rankedCount,
        COLLECTIVE_STATUS[before?.status ?? "not-selected"],
      );
      issues.push(
        makeIssue("DECISION_NOT_PROPOSED", decision.source, {
          unit: decision.unit,
          statusVi: status.vi,
          statusEn: status.en,
        }),
      );
      continue;
    }
    withdrawn.set(target, decision);
  }
  const forSelection = ranked.map((r) =>
    withdrawn.has(r) ? { ...r, unit: { ...r.unit, excluded: true } } : r,
  );
  const selected: DecidedCollective[] = selectCollectiveAwards(forSelection, collectiveSlots).map(
    (s, i) => {
      const decision = withdrawn.get(ranked[i]);
      if (!decision) return { ...s, ranked: ranked[i], decision: null, note: null };
      issues.push(
        appliedIssue(
          decision,
          `rút đề nghị “${decision.unit}” (${decision.reason})`,
          `withdraw “${decision.unit}” (${decision.reason})`,
        ),
      );
      return {
        ranked: ranked[i],
        status: "excluded",
        tie: null,
        decision: applied(decision),
        note: {
          vi: `Hội đồng rút đề nghị: ${decision.reason} (${placeText(decision.source)}); hạng ${ranked[i].rank}/${rankedCount}`,
          en: `Withdrawn by the council: ${decision.reason} (${placeText(decision.source)}); rank ${ranked[i].rank} of ${rankedCount}`,
        },
      };
    },
  );

  // Then the choices among the units tied at the last slot.
  const chosen: Resolved<RankedUnit>[] = [];
  for (const d of decisions.filter((x) => x.decision.kind === "choose")) {
    const now = selected.find((s) => s.ranked === d.target);
    if (!now || now.status !== "tie" || !now.tie) {
      const status = statusWords(
        d.target.rank,
        rankedCount,
        now?.decision
          ? { vi: "đã rút đề nghị", en: "withdrawn" }
          : COLLECTIVE_STATUS[now?.status ?? "not-selected"],
      );
      issues.push(
        makeIssue("DECISION_NO_TIE", d.decision.source, {
          unit: d.decision.unit,
          statusVi: status.vi,
          statusEn: status.en,
        }),
      );
      continue;
    }
    const changes = basisChanges(d.decision.basis, d.target.unit, d.target.rank, now.tie);
    if (changes) {
      issues.push(
        makeIssue("DECISION_BASIS_CHANGED", d.decision.source, {
          unit: d.decision.unit,
          changes: changes.vi,
          changesEn: changes.en,
        }),
      );
      continue;
    }
    chosen.push(d);
  }
  const tie = selected.find((s) => s.status === "tie")?.tie ?? null;
  if (chosen.length === 0 || !tie) return selected;
  if (chosen.length > tie.open) {
    issues.push(
      makeIssue("DECISION_TOO_MANY", chosen[0].decision.source, {
        year,
        bloc,
        count: chosen.length,
        open: tie.open,
        recipient: "tập thể",
        recipientEn: "collectives",
      }),
    );
    return selected;
  }
  const chosenOf = new Map(chosen.map((c) => [c.target, c.decision]));
  const complete = chosen.length === tie.open;
  const sources = chosen.map((c) => placeText(c.decision.source)).join(", ");
  const measure = (u: UnitScore) =>
    u.ratio === null ? { vi: "điểm", en: "score" } : { vi: "tỷ lệ", en: "ratio" };
  return selected.map((s) => {
    if (s.status !== "tie" || !s.tie) return s;
    const m = measure(s.ranked.unit);
    const where = {
      vi: `Bằng ${m.vi} ở hạng ${s.ranked.rank} (${s.tie.size} đơn vị, còn ${s.tie.open} suất)`,
      en: `Equal ${m.en} at rank ${s.ranked.rank} (${s.tie.size} units, ${s.tie.open} slot(s) left)`,
    };
    const decision = chosenOf.get(s.ranked);
    if (decision) {
      issues.push(
        appliedIssue(
          decision,
          `chọn “${decision.unit}” trong các đơn vị bằng điểm`,
          `choose “${decision.unit}” among the tied units`,
        ),
      );
      return {
        ...s,
        status: "candidate",
        tie: null,
        decision: applied(decision),
        note: {
          vi: `${where.vi}: Hội đồng chọn (${placeText(decision.source)})`,
          en: `${where.en}: chosen by the council (${placeText(decision.source)})`,
        },
      };
    }
    if (complete) {
      return {
        ...s,
        status: "not-selected",
        tie: null,
        note: {
          vi: `${where.vi}: Hội đồng chọn đơn vị khác (${sources})`,
          en: `${where.en}: the council chose another unit (${sources})`,
        },
      };
    }
    return {
      ...s,
      tie: { size: s.tie.size - chosen.length, open: s.tie.open - chosen.length },
    };
  });
}

/** The nominee a decision names among a unit's nominees (by name, compared as a key). */
function personOf(decision: CouncilDecision, list: readonly Nominee[]): Nominee | null {
  const key = matchKey(decision.person);
  return list.find((n) => matchKey(n.name) === key) ?? null;
}

const INDIVIDUAL_STATUS: Readonly<Record<IndividualSelection["status"], Bilingual>> = {
  candidate: { vi: "đề xuất", en: "candidate" },
  tie: { vi: "bằng điểm", en: "tied" },
  reserve: { vi: "dự phòng", en: "reserve" },
};

function decideIndividuals(input: BlocDecisionInput, issues: Issue[]): DecidedIndividual[] {
  const { ranked, nomineesByUnit, individualSlots, year, bloc, doubts } = input;
  const own = input.decisions.filter((d) => d.recipient === "individual");
  if (!input.individualsAllowed) {
    for (const decision of own) {
      issues.push(
        makeIssue("DECISION_PERSON_NOT_FOUND", decision.source, {
          person: decision.person,
          unit: decision.unit,
        }),
      );
    }
    return [];
  }
  const rankedCount = ranked.length;
  const resolved: Resolved<Nominee>[] = [];
  const unitOfPerson = new Map<Nominee, RankedUnit>();
  for (const decision of own) {
    const unit = unitOf(decision, ranked, issues);
    if (!unit) continue;
    const person = personOf(decision, nomineesByUnit.get(unit.unit) ?? []);
    if (!person) {
      issues.push(
        makeIssue("DECISION_PERSON_NOT_FOUND", decision.source, {
          person: decision.person,
          unit: decision.unit,
        }),
      );
      continue;
    }
    unitOfPerson.set(person, unit);
    resolved.push({ decision, target: person });
  }
  const decisions = withoutConflicts(resolved, issues);
  const baseline = selectIndividualAwards(ranked, nomineesByUnit, individualSlots, doubts);
  const statusOf = new Map(baseline.map((s) => [s.nominee, s.status]));

  const withdrawn = new Map<Nominee, CouncilDecision>();
  for (const { decision, target } of decisions.filter((d) => d.decision.kind === "withdraw")) {
    const status = statusOf.get(target) ?? "reserve";
    if (status === "reserve") {
      const unit = unitOfPerson.get(target) as RankedUnit;
      const words = statusWords(unit.rank, rankedCount, INDIVIDUAL_STATUS.reserve);
      issues.push(
        makeIssue("DECISION_NOT_PROPOSED", decision.source, {
          unit: decision.person,
          statusVi: `đơn vị ${words.vi}`,
          statusEn: `unit ${words.en}`,
        }),
      );
      continue;
    }
    withdrawn.set(target, decision);
  }
  const pool = new Map<UnitScore, readonly Nominee[]>();
  for (const [unit, list] of nomineesByUnit) {
    const left = list.filter((n) => !withdrawn.has(n));
    if (left.length > 0) pool.set(unit, left);
  }
  let selected: DecidedIndividual[] = selectIndividualAwards(
    ranked,
    pool,
    individualSlots,
    doubts,
  ).map((s) => ({ ...s, decision: null, note: null }));
  for (const [person, decision] of withdrawn) {
    const unit = unitOfPerson.get(person) as RankedUnit;
    issues.push(
      appliedIssue(
        decision,
        `rút đề nghị cá nhân “${person.name}” (${decision.reason})`,
        `withdraw “${person.name}” (${decision.reason})`,
      ),
    );
    selected.push({
      nominee: person,
      unit: unit.unit,
      unitRank: unit.rank,
      status: "reserve",
      doubt: null,
      decision: applied(decision),
      note: {
        vi: `Hội đồng rút đề nghị: ${decision.reason} (${placeText(decision.source)})`,
        en: `Withdrawn by the council: ${decision.reason} (${placeText(decision.source)})`,
      },
    });
  }

  // Choices: a person the council prefers within a unit takes the unit's place; a choice among
  // the units tied at the last slot settles that tie.
  const tieOpen = (list: readonly DecidedIndividual[]) => {
    const size = list.filter((s) => s.status === "tie").length;
    const taken = list.filter((s) => s.status === "candidate").length;
    return size > 0 ? { size, open: individualSlots - taken } : null;
  };
  const tieBefore = tieOpen(selected);
  const tieChoices: Resolved<Nominee>[] = [];
  for (const d of decisions.filter((x) => x.decision.kind === "choose")) {
    const unit = unitOfPerson.get(d.target) as RankedUnit;
    const pickIndex = selected.findIndex(
      (s) => s.unit === unit.unit && s.status !== "reserve" && !s.decision,
    );
    const recordedTie = (d.decision.basis.tieSize ?? 0) > 0;
    if (pickIndex < 0) {
      const words = statusWords(unit.rank, rankedCount, INDIVIDUAL_STATUS.reserve);
      issues.push(
        makeIssue("DECISION_NO_TIE", d.decision.source, {
          unit: d.decision.person,
          statusVi: `đơn vị ${words.vi}`,
          statusEn: `unit ${words.en}`,
        }),
      );
      continue;
    }
    const pick = selected[pickIndex];
    const tie = pick.status === "tie" ? tieBefore : null;
    if (recordedTie && pick.status !== "tie") {
      const words = statusWords(unit.rank, rankedCount, INDIVIDUAL_STATUS.candidate);
      issues.push(
        makeIssue("DECISION_NO_TIE", d.decision.source, {
          unit: d.decision.person,
          statusVi: `đơn vị ${words.vi}`,
          statusEn: `unit ${words.en}`,
        }),
      );
      continue;
    }
    const changes = basisChanges(d.decision.basis, unit.unit, unit.rank, tie);
    if (changes) {
      issues.push(
        makeIssue("DECISION_BASIS_CHANGED", d.decision.source, {
          unit: d.decision.person,
          changes: changes.vi,
          changesEn: changes.en,
        }),
      );
      continue;
    }
    if (pick.status === "tie") tieChoices.push(d);
    else selected = swapInto(selected, pickIndex, d, issues);
  }
  if (tieChoices.length === 0 || !tieBefore) return selected;
  if (tieChoices.length > tieBefore.open) {
    issues.push(
      makeIssue("DECISION_TOO_MANY", tieChoices[0].decision.source, {
        year,
        bloc,
        count: tieChoices.length,
        open: tieBefore.open,
        recipient: "cá nhân",
        recipientEn: "individuals",
      }),
    );
    return selected;
  }
  for (const choice of tieChoices) {
    const unit = unitOfPerson.get(choice.target) as RankedUnit;
    const index = selected.findIndex((s) => s.unit === unit.unit && s.status === "tie");
    selected = swapInto(selected, index, choice, issues, "candidate");
  }
  const complete = tieChoices.length === tieBefore.open;
  const sources = tieChoices.map((c) => placeText(c.decision.source)).join(", ");
  return selected.map((s) => {
    if (s.status !== "tie") return s;
    if (complete) {
      return {
        ...s,
        status: "reserve",
        note: {
          vi: `Dự phòng: đơn vị bằng điểm ở suất cuối, Hội đồng chọn cá nhân khác (${sources})`,
          en: `Reserve: the unit tied at the last slot, the council chose another person (${sources})`,
        },
      };
    }
    return s;
  });
}

/**
 * Puts the chosen person in the place of a unit's pick (the pick becomes a reserve), with the
 * status given (a tie choice becomes a candidate) or the pick's own.
 */
function swapInto(
  selected: readonly DecidedIndividual[],
  index: number,
  choice: Resolved<Nominee>,
  issues: Issue[],
  status?: IndividualSelection["status"],
): DecidedIndividual[] {
  const pick = selected[index];
  const person = choice.target;
  const decision = choice.decision;
  const others = selected.filter((s, i) => i !== index && s.nominee !== person);
  const replaced = pick.nominee !== person;
  issues.push(
    appliedIssue(
      decision,
      `chọn cá nhân “${person.name}” của “${decision.unit}”`,
      `choose “${person.name}” of “${decision.unit}”`,
    ),
  );
  const chosen: DecidedIndividual = {
    nominee: person,
    unit: pick.unit,
    unitRank: pick.unitRank,
    status: status ?? pick.status,
    // The council chose this person for this unit: nothing is left to confirm.
    doubt: null,
    decision: applied(decision),
    note: {
      vi: `Hội đồng chọn (${placeText(decision.source)})${replaced ? `, thay cho ${pick.nominee.name}` : ""}`,
      en: `Chosen by the council (${placeText(decision.source)})${replaced ? `, instead of ${pick.nominee.name}` : ""}`,
    },
  };
  const result = [...others.slice(0, index), chosen, ...others.slice(index)];
  if (replaced) {
    result.push({
      nominee: pick.nominee,
      unit: pick.unit,
      unitRank: pick.unitRank,
      status: "reserve",
      doubt: pick.doubt,
      decision: null,
      note: {
        vi: `Dự phòng: Hội đồng chọn ${person.name} (${placeText(decision.source)})`,
        en: `Reserve: the council chose ${person.name} (${placeText(decision.source)})`,
      },
    });
  }
  return result;
}

/**
 * Selects the collectives and individuals of one bloc and year as the rules do, then applies the
 * council's decisions that still fit the data: withdrawals first (the next unit or person moves
 * up, which may open a new tie), then choices among those tied at the last slot, and a person
 * chosen within a unit. Every decision either changes the outcome (and says so on its row) or is
 * reported at its cell with the reason it no longer fits.
 *
 * @example
 * decideBloc({ year: 2024, bloc: 3, ranked, nomineesByUnit: new Map(), collectiveSlots: 3,
 *   individualSlots: 3, individualsAllowed: true, decisions: [chooseCaiKhe] })
 *   .collectives?.find((c) => c.ranked.unit.name === "UBND phường Cái Khế")?.status //=> "candidate"
 */
export function decideBloc(input: BlocDecisionInput): DecidedBloc {
  if (input.decisions.length === 0) {
    // The common case: the collectives are the rules' selection (walked by the caller); the
    // individuals, a few per bloc, each selection as it is, with no decision.
    const individuals: DecidedIndividual[] = input.individualsAllowed
      ? selectIndividualAwards(
          input.ranked,
          input.nomineesByUnit,
          input.individualSlots,
          input.doubts,
        ).map((s) => ({ ...s, decision: null, note: null }))
      : [];
    return { collectives: null, individuals, issues: [] };
  }
  const issues: Issue[] = [];
  const collectives = decideCollectives(input, issues);
  const individuals = decideIndividuals(input, issues);
  return { collectives, individuals, issues };
}
