/**
 * Selection of award candidates from a bloc's ranking: collectives (the top units) and individuals
 * (one official per top unit). Matching nominees to units lives in `matchNominees.ts`.
 *
 * The plan says nothing about ties, so a group of equal ratios that does not fit in the slots left
 * is never cut silently: every unit of it is a "tie" for the council to decide.
 */
import type { NomineeDoubt } from "./matchNominees";
import type { Nominee, RankedUnit, UnitScore } from "./types";

export { matchNominees } from "./matchNominees";
export type { DoubtReason, NomineeDoubt, NomineeMatch } from "./matchNominees";

export interface CollectiveSelection {
  readonly ranked: RankedUnit;
  readonly status: "candidate" | "tie" | "not-selected" | "excluded";
  readonly tie: { readonly size: number; readonly open: number } | null;
}

/** Consecutive runs of one rank (equal ratios) of a ranking. */
function rankGroups<T extends { readonly rank: number }>(ranked: readonly T[]): T[][] {
  const groups: T[][] = [];
  for (const item of ranked) {
    const last = groups[groups.length - 1];
    if (last && last[0].rank === item.rank) last.push(item);
    else groups.push([item]);
  }
  return groups;
}

/** The status of a collective, without the excluded ones (see `visitCollectiveStatuses`). */
export type CollectiveStatus = CollectiveSelection["status"];

/**
 * Walks one bloc's ranking down, telling `visit` each unit's collective status by its position:
 * a group of equal ratios (excluded units left aside) that fits in the slots left is all
 * "candidate"; the first one that does not fit is all "tie" (with its size and the slots left);
 * everything below is "not-selected"; excluded units are "excluded". No object is made per unit,
 * so a ranking of 100,000 units costs one call each. The tie object is shared by its group.
 *
 * @example
 * const statuses: string[] = [];
 * visitCollectiveStatuses(ranked, 2, (i, status) => statuses.push(status)) //=> statuses ["candidate", "tie", "tie"]
 */
export function visitCollectiveStatuses(
  ranked: readonly RankedUnit[],
  slots: number,
  visit: (index: number, status: CollectiveStatus, tie: CollectiveSelection["tie"]) => void,
): void {
  let open = Math.max(0, slots);
  let start = 0;
  while (start < ranked.length) {
    // One group of equal ratios: [start, end).
    let end = start + 1;
    while (end < ranked.length && ranked[end].rank === ranked[start].rank) end += 1;
    let competing = 0;
    for (let i = start; i < end; i += 1) if (!ranked[i].unit.excluded) competing += 1;
    let status: "candidate" | "tie" | "not-selected";
    let tie: CollectiveSelection["tie"] = null;
    if (competing === 0) status = "not-selected";
    else if (competing <= open) status = "candidate";
    else if (open > 0) {
      status = "tie";
      tie = { size: competing, open };
    } else status = "not-selected";
    for (let i = start; i < end; i += 1) {
      if (ranked[i].unit.excluded) visit(i, "excluded", null);
      else visit(i, status, tie);
    }
    if (status === "candidate") open -= competing;
    else if (status === "tie") open = 0;
    start = end;
  }
}

/**
 * Marks the collectives of one bloc's ranking: down the ranking, skipping excluded units, a group
 * of equal ratios that fits in the slots left is all "candidate"; the first one that does not fit
 * is all "tie" (with its size and the slots left); everything below is "not-selected".
 *
 * @example
 * selectCollectiveAwards(rankUnitsWithinBloc(unitsWithScores([950, 900, 900])), 2).map((s) => s.status)
 * //=> ["candidate", "tie", "tie"]
 */
export function selectCollectiveAwards(
  ranked: readonly RankedUnit[],
  slots: number,
): CollectiveSelection[] {
  const selections: CollectiveSelection[] = new Array<CollectiveSelection>(ranked.length);
  visitCollectiveStatuses(ranked, slots, (i, status, tie) => {
    selections[i] = { ranked: ranked[i], status, tie };
  });
  return selections;
}

export interface IndividualSelection {
  readonly nominee: Nominee;
  readonly unit: UnitScore;
  readonly unitRank: number;
  readonly status: "candidate" | "tie" | "reserve";
  /** Set when the nominee's unit is not sure: the officer confirms it before submitting. */
  readonly doubt: NomineeDoubt | null;
}

/**
 * The unit's nominee to choose: a sure one before one whose unit is to be confirmed (a doubtful
 * match never displaces a sure one), then the one who does the work directly, then listed order.
 */
function preferredNominee(
  list: readonly Nominee[],
  doubtOf: (person: Nominee) => NomineeDoubt | null,
): Nominee {
  return [...list].sort(
    (a, b) =>
      Number(doubtOf(a) !== null) - Number(doubtOf(b) !== null) ||
      Number(b.direct) - Number(a.direct) ||
      a.order - b.order,
  )[0];
}

/**
 * Chooses the individuals of one bloc: one official per unit, down the ranking, skipping excluded
 * units and units that proposed nobody (whatever the unit's collective status: in 2025 bloc 3
 * has 9 individual slots but 6 collective ones). Within a unit a sure nominee comes before one
 * whose unit is to be confirmed, then the person marked as working directly, then listed order.
 * A nominee offered to several units (`doubts`: a unit name that fits more than one) is chosen at
 * most once, at the highest-ranked of them, and flagged: the slot of a unit whose nominee wrote
 * its name loosely stays with that unit, for confirmation, instead of passing down the ranking.
 * A group of equal-ratio units that does not fit in the slots left gives "tie" to each of its
 * units' chosen person; every other nominee is "reserve", listed once, at their highest unit.
 * Result: the chosen in slot order, then the reserves in ranking order.
 *
 * @example
 * selectIndividualAwards(ranked, new Map([[u1, [a, b]]]), 1).map((s) => [s.nominee.name, s.status])
 * //=> [["A", "candidate"], ["B", "reserve"]]
 */
export function selectIndividualAwards(
  ranked: readonly RankedUnit[],
  nomineesByUnit: ReadonlyMap<UnitScore, readonly Nominee[]>,
  slots: number,
  doubts: ReadonlyMap<Nominee, NomineeDoubt> = new Map(),
): IndividualSelection[] {
  if (nomineesByUnit.size === 0) return [];
  const doubtAt =
    (unit: UnitScore) =>
    (person: Nominee): NomineeDoubt | null => {
      const doubt = doubts.get(person);
      return doubt && doubt.units.includes(unit) ? doubt : null;
    };
  const chosen: IndividualSelection[] = [];
  const taken = new Set<Nominee>();
  let open = Math.max(0, slots);
  for (const group of rankGroups(ranked)) {
    if (open === 0) break;
    // In reading order, each unit takes its preferred nominee not already taken above it.
    const picks: { readonly ranked: RankedUnit; readonly person: Nominee }[] = [];
    for (const r of group) {
      if (r.unit.excluded) continue;
      const free = (nomineesByUnit.get(r.unit) ?? []).filter((p) => !taken.has(p));
      if (free.length === 0) continue;
      const person = preferredNominee(free, doubtAt(r.unit));
      taken.add(person);
      picks.push({ ranked: r, person });
    }
    if (picks.length === 0) continue;
    const status = picks.length <= open ? "candidate" : "tie";
    for (const { ranked: r, person } of picks) {
      chosen.push({
        nominee: person,
        unit: r.unit,
        unitRank: r.rank,
        status,
        doubt: doubtAt(r.unit)(person),
      });
    }
    open = status === "candidate" ? open - picks.length : 0;
  }
  const reserves: IndividualSelection[] = [];
  for (const r of ranked) {
    const proposed = nomineesByUnit.get(r.unit);
    if (!proposed) continue;
    const list = [...proposed].sort((a, b) => a.order - b.order);
    for (const person of list) {
      if (taken.has(person)) continue;
      taken.add(person);
      reserves.push({
        nominee: person,
        unit: r.unit,
        unitRank: r.rank,
        status: "reserve",
        doubt: doubtAt(r.unit)(person),
      });
    }
  }
  return [...chosen, ...reserves];
}
