/**
 * Whether two readings of one table decide the same: the collective candidates and ties of every
 * bloc, and the order of the units high enough to take an individual slot. Two readings that
 * agree on that may both stand (the report names the one used); two that do not refuse the table.
 */
import { rankUnitsWithinBloc } from "../rankUnits";
import { awardSlots, isAwardYear } from "../rules";
import { selectCollectiveAwards } from "../selectAwards";
import type { Bloc, UnitScore } from "../types";
import type { RawRow } from "./rows";

/** Years of unknown review are judged with the summary year's quotas, the largest. */
const WIDEST_YEAR = 2025;

function provisionalUnits(rows: readonly RawRow[], year: number): Map<Bloc, UnitScore[]> {
  const byBloc = new Map<Bloc, UnitScore[]>();
  rows.forEach((row, order) => {
    if (row.bloc === null || (row.score === null && row.rankedBy === undefined)) return;
    if (row.issues.some((i) => i.severity === "error")) return;
    const rowYear = row.cellYear ?? year;
    const unit: UnitScore = {
      name: row.name,
      key: `${rowYear}\u0000${row.group}\u0000${row.key}`,
      bloc: row.bloc,
      year: isAwardYear(rowYear) ? rowYear : WIDEST_YEAR,
      score: row.score ?? 0,
      maxScore: row.maxScore,
      ratio: null,
      excluded: row.excluded,
      ...(row.rankedBy !== undefined ? { rankedBy: row.rankedBy } : {}),
      note: "",
      group: row.group,
      source: row.source,
      order,
    };
    const key = row.bloc;
    const list = byBloc.get(key);
    if (list) list.push(unit);
    else byBloc.set(key, [unit]);
  });
  return byBloc;
}

/**
 * A text that is equal for two readings exactly when they decide the same: per bloc (and year
 * of a year column), the candidates and ties, and the ranks down to the bloc's widest quota.
 *
 * @example
 * outcomeOf(rowsReadOneWay, 2023) === outcomeOf(rowsReadAnotherWay, 2023) //=> true when both pick the same units
 */
export function outcomeOf(rows: readonly RawRow[], year: number | null): string {
  const parts: string[] = [];
  const tableYear = year !== null && isAwardYear(year) ? year : WIDEST_YEAR;
  const byBloc = provisionalUnits(rows, tableYear);
  for (const bloc of [...byBloc.keys()].sort()) {
    const units = byBloc.get(bloc) ?? [];
    const years = [...new Set(units.map((u) => u.year))].sort();
    for (const y of years) {
      const ofYear = units.filter((u) => u.year === y);
      const ranked = rankUnitsWithinBloc(ofYear);
      const collective = awardSlots(bloc, y, "collective");
      const depth = Math.max(collective, awardSlots(bloc, y, "individual"));
      const chosen = selectCollectiveAwards(ranked, collective)
        .filter((s) => s.status === "candidate" || s.status === "tie")
        .map((s) => `${s.ranked.unit.key}:${s.status}`)
        .sort();
      const top = ranked
        .filter((r) => r.rank <= depth)
        .map((r) => `${r.unit.key}@${r.rank}`)
        .sort();
      parts.push(`${bloc}/${y}|${chosen.join(",")}|${top.join(",")}`);
    }
  }
  return parts.join("\n");
}

/**
 * The first bloc whose decision differs between two outcomes, for the message ("khối 1"), or
 * null when they decide the same.
 */
export function firstDifference(a: string, b: string): { bloc: string; year: string } | null {
  if (a === b) return null;
  // Lines by their "bloc/year" head: a bloc one reading has and the other lacks differs too.
  const lines = (text: string): Map<string, string> =>
    new Map(
      text
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => [line.split("|")[0], line] as const),
    );
  const left = lines(a);
  const right = lines(b);
  const heads = [...new Set([...left.keys(), ...right.keys()])].sort();
  for (const head of heads) {
    if (left.get(head) === right.get(head)) continue;
    const [bloc, year] = head.split("/");
    return { bloc, year: year ?? "?" };
  }
  return { bloc: "?", year: "?" };
}
