/**
 * Selection of award candidates from a bloc's ranking: collectives (the top units), individuals
 * (one official per top unit), and the matching of nominees to the units they belong to.
 *
 * The plan says nothing about ties, so a group of equal ratios that does not fit in the slots left
 * is never cut silently: every unit of it is a "tie" for the council to decide.
 */
import type { Issue } from "./issues";
import { makeIssue } from "./issues";
import { editDistance, matchKey } from "./text";
import type { Nominee, RankedUnit, UnitScore } from "./types";

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
      const r = ranked[i];
      selections[i] = r.unit.excluded
        ? { ranked: r, status: "excluded", tie: null }
        : { ranked: r, status, tie };
    }
    if (status === "candidate") open -= competing;
    else if (status === "tie") open = 0;
    start = end;
  }
  return selections;
}

export interface NomineeMatch {
  readonly byUnit: ReadonlyMap<UnitScore, readonly Nominee[]>;
  readonly issues: readonly Issue[];
}

/** Leading words of a district-level group heading (as keys), dropped when comparing groups. */
const GROUP_PREFIX_KEYS = ["quận", "huyện", "thị xã", "thành phố", "tp.", "tp"].map(
  (prefix) => `${matchKey(prefix)} `,
);

/** "Huyện Phong Điền", "huyện Phong Điền" and "Phong Điền" compare equal. */
function groupKey(text: string): string {
  const key = matchKey(text.replace(/[()]/g, " "));
  const prefix = GROUP_PREFIX_KEYS.find((p) => key.startsWith(p));
  return prefix ? key.slice(prefix.length) : key;
}

/** A nominee's unit text split into the unit and a group it may name ("…, huyện X", "… (X)"). */
function splitGroup(unitName: string): { readonly unit: string; readonly group: string } | null {
  const parenthesis = /^(.*?)\s*\(([^()]+)\)\s*$/u.exec(unitName);
  if (parenthesis) return { unit: parenthesis[1], group: parenthesis[2] };
  const separated = /^(.*?)\s*(?:,|\s[-–—]\s)\s*(.+)$/u.exec(unitName);
  if (separated) return { unit: separated[1], group: separated[2] };
  return null;
}

function describeUnit(unit: UnitScore): string {
  return unit.group ? `${unit.name} (${unit.group})` : unit.name;
}

/** The up to three unit names closest to a key (edit distance over match keys, then name). */
function closestNames(key: string, units: readonly UnitScore[]): string {
  const byKey = new Map<string, string>();
  for (const u of units) {
    const k = matchKey(u.name);
    if (!byKey.has(k)) byKey.set(k, u.name);
  }
  return [...byKey.entries()]
    .map(([k, name]) => ({ name, distance: editDistance(key, k) }))
    .sort((a, b) => a.distance - b.distance || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, 3)
    .map((c) => c.name)
    .join(", ");
}

/** Resolves a nominee among the units of one year that share its unit key. */
function pickAmong(
  candidates: readonly UnitScore[],
  groupText: string | null,
): UnitScore | readonly UnitScore[] {
  if (candidates.length === 1) return candidates[0];
  if (groupText !== null) {
    const wanted = groupKey(groupText);
    const named = candidates.filter((u) => u.group !== "" && groupKey(u.group) === wanted);
    if (named.length === 1) return named[0];
  }
  return candidates;
}

/**
 * Matches each nominee to the unit of the score table it belongs to, by `matchKey` (so "Ủy ban
 * nhân dân xã Tân Thới", "UBND xã Tân Thới" and NFD text agree), in the nominee's year (a nominee
 * without a year matches every year). Unknown units, units that exist in several district groups
 * without the nominee naming one, and bloc-4 units are warnings; such nominees are left out.
 *
 * @example
 * matchNominees([nominee({ name: "An", unitName: "UBND phường Thạnh Hoà" })],
 *   [unit({ name: "Phường Thạnh Hòa", bloc: 3, score: 900 })]).byUnit.size //=> 1
 */
export function matchNominees(
  nominees: readonly Nominee[],
  units: readonly UnitScore[],
): NomineeMatch {
  if (nominees.length === 0) return { byUnit: new Map(), issues: [] };
  const index = new Map<string, UnitScore[]>();
  for (const u of units) {
    const key = matchKey(u.name);
    const list = index.get(key);
    if (list) list.push(u);
    else index.set(key, [u]);
  }
  const byUnit = new Map<UnitScore, Nominee[]>();
  const issues: Issue[] = [];
  const ordered = [...nominees].sort((a, b) => a.order - b.order);
  for (const person of ordered) {
    const inYear = (u: UnitScore): boolean => person.year === null || u.year === person.year;
    let candidates = (index.get(person.unitKey) ?? []).filter(inYear);
    let groupText: string | null = null;
    const split = splitGroup(person.unitName);
    if (split) {
      const baseCandidates = (index.get(matchKey(split.unit)) ?? []).filter(inYear);
      if (candidates.length === 0 || (candidates.length > 1 && baseCandidates.length > 0)) {
        candidates = baseCandidates;
        groupText = split.group;
      }
    }
    if (candidates.length === 0) {
      issues.push(
        makeIssue("NOMINEE_UNIT_UNKNOWN", person.source, {
          unit: person.unitName,
          person: person.name,
          closest: closestNames(person.unitKey, units.filter(inYear)),
        }),
      );
      continue;
    }
    const years = [...new Set(candidates.map((u) => u.year))].sort();
    const chosen: UnitScore[] = [];
    const ambiguous: UnitScore[] = [];
    for (const year of years) {
      const picked = pickAmong(
        candidates.filter((u) => u.year === year),
        groupText,
      );
      if (Array.isArray(picked)) ambiguous.push(...picked);
      else chosen.push(picked as UnitScore);
    }
    if (ambiguous.length > 0) {
      const names = [...new Set(ambiguous.map(describeUnit))];
      issues.push(
        makeIssue("NOMINEE_UNIT_AMBIGUOUS", person.source, {
          unit: person.unitName,
          person: person.name,
          closest: names.join(", "),
        }),
      );
    }
    if (chosen.some((u) => u.bloc === 4)) {
      issues.push(makeIssue("NOMINEE_BLOC_4", person.source, { person: person.name }));
    }
    for (const u of chosen) {
      if (u.bloc === 4) continue;
      const list = byUnit.get(u);
      if (list) list.push(person);
      else byUnit.set(u, [person]);
    }
  }
  return { byUnit, issues };
}

export interface IndividualSelection {
  readonly nominee: Nominee;
  readonly unit: UnitScore;
  readonly unitRank: number;
  readonly status: "candidate" | "tie" | "reserve";
}

/** The unit's nominee who does the work directly, first in listed order; else the first listed. */
function preferredNominee(list: readonly Nominee[]): Nominee {
  const sorted = [...list].sort((a, b) => a.order - b.order);
  return sorted.find((n) => n.direct) ?? sorted[0];
}

/**
 * Chooses the individuals of one bloc: one official per unit, down the ranking, skipping excluded
 * units and units that proposed nobody (whatever the unit's collective status: in 2025 bloc 3
 * has 9 individual slots but 6 collective ones). Within a unit the person marked as working
 * directly comes first, then listed order. A group of equal-ratio units that does not fit in the
 * slots left gives "tie" to each of its units' chosen person; every other nominee is "reserve".
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
): IndividualSelection[] {
  if (nomineesByUnit.size === 0) return [];
  const chosen: IndividualSelection[] = [];
  const chosenSet = new Set<Nominee>();
  let open = Math.max(0, slots);
  for (const group of rankGroups(ranked)) {
    if (open === 0) break;
    const eligible = group.filter(
      (r) => !r.unit.excluded && (nomineesByUnit.get(r.unit)?.length ?? 0) > 0,
    );
    if (eligible.length === 0) continue;
    const status = eligible.length <= open ? "candidate" : "tie";
    for (const r of eligible) {
      const person = preferredNominee(nomineesByUnit.get(r.unit) ?? []);
      chosenSet.add(person);
      chosen.push({ nominee: person, unit: r.unit, unitRank: r.rank, status });
    }
    open = status === "candidate" ? open - eligible.length : 0;
  }
  const reserves: IndividualSelection[] = [];
  for (const r of ranked) {
    const proposed = nomineesByUnit.get(r.unit);
    if (!proposed) continue;
    const list = [...proposed].sort((a, b) => a.order - b.order);
    for (const person of list) {
      if (!chosenSet.has(person)) {
        reserves.push({ nominee: person, unit: r.unit, unitRank: r.rank, status: "reserve" });
      }
    }
  }
  return [...chosen, ...reserves];
}
