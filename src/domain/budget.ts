/**
 * The budget line (kinh phí khen thưởng): the prize money of the proposals, per year and per
 * recipient, under the regime and base salary in force on the decision date. Slots still tied
 * for the council are counted apart ("pending"), at the amount they would cost once filled, so
 * the total never silently includes or leaves out a decision the council has not taken.
 */
import type { AwardResult, AwardYear, BlocResult, Lang, PrizeBasis, Recipient } from "./types";

export interface BudgetLine {
  readonly recipient: Recipient;
  /** Awards proposed (candidates, the council's choices included). */
  readonly count: number;
  /** Slots still tied, waiting for the council. */
  readonly pending: number;
  /** One award's prize; null when the decision date is outside the prize tables. */
  readonly unitVnd: number | null;
  readonly totalVnd: number | null;
  readonly pendingVnd: number | null;
}

export interface YearBudget {
  readonly year: AwardYear;
  readonly round: AwardYear;
  readonly collective: BudgetLine;
  readonly individual: BudgetLine;
  readonly totalVnd: number | null;
  readonly pendingVnd: number | null;
}

export interface Budget {
  readonly basis: PrizeBasis | null;
  readonly years: readonly YearBudget[];
  readonly totalVnd: number | null;
  readonly pendingVnd: number | null;
}

/** Proposed and still-tied slots of a bloc, per recipient. */
function blocCounts(bloc: BlocResult): Record<Recipient, { count: number; pending: number }> {
  const collectiveTie = bloc.units.find((u) => u.status === "tie")?.tie ?? null;
  const individualCount = bloc.individuals.filter((p) => p.status === "candidate").length;
  const individualTies = bloc.individuals.filter((p) => p.status === "tie").length;
  return {
    collective: {
      count: bloc.units.filter((u) => u.status === "candidate").length,
      pending: collectiveTie?.open ?? 0,
    },
    individual: {
      count: individualCount,
      pending: Math.min(individualTies, Math.max(0, bloc.individualSlots - individualCount)),
    },
  };
}

function line(
  recipient: Recipient,
  count: number,
  pending: number,
  unitVnd: number | null,
): BudgetLine {
  return {
    recipient,
    count,
    pending,
    unitVnd,
    totalVnd: unitVnd === null ? null : count * unitVnd,
    pendingVnd: unitVnd === null ? null : pending * unitVnd,
  };
}

const sum = (values: readonly (number | null)[]): number | null =>
  values.some((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0);

/**
 * The budget of a result: for each year, the collectives and individuals proposed times the
 * Bằng khen amount of the decision date, and the tied slots apart.
 *
 * @example
 * budgetOf(result).years[0].collective //=> { recipient: "collective", count: 6, pending: 1,
 * //   unitVnd: 7020000, totalVnd: 42120000, pendingVnd: 7020000 }
 */
export function budgetOf(result: AwardResult): Budget {
  const basis = result.prize;
  const years: YearBudget[] = result.years.map((year) => {
    const totals = { collective: { count: 0, pending: 0 }, individual: { count: 0, pending: 0 } };
    for (const bloc of year.blocs) {
      const counts = blocCounts(bloc);
      for (const recipient of ["collective", "individual"] as const) {
        totals[recipient].count += counts[recipient].count;
        totals[recipient].pending += counts[recipient].pending;
      }
    }
    const collective = line(
      "collective",
      totals.collective.count,
      totals.collective.pending,
      basis?.bangKhenCollectiveVnd ?? null,
    );
    const individual = line(
      "individual",
      totals.individual.count,
      totals.individual.pending,
      basis?.bangKhenIndividualVnd ?? null,
    );
    return {
      year: year.year,
      round: year.round ?? year.year,
      collective,
      individual,
      totalVnd: sum([collective.totalVnd, individual.totalVnd]),
      pendingVnd: sum([collective.pendingVnd, individual.pendingVnd]),
    };
  });
  return {
    basis,
    years,
    totalVnd: sum(years.map((y) => y.totalVnd)),
    pendingVnd: sum(years.map((y) => y.pendingVnd)),
  };
}

/**
 * A whole number of đồng the way the language writes it: "7.020.000" or "7,020,000".
 *
 * @example
 * formatVnd(7020000, "vi") //=> "7.020.000"
 */
export function formatVnd(vnd: number, lang: Lang): string {
  return String(vnd).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "vi" ? "." : ",");
}

/**
 * The budget of one year in one sentence, for the proposal list and the submission.
 *
 * @example
 * budgetSentence(budgetOf(result).years[0], "vi")
 * //=> "Tập thể: 6 × 7.020.000 = 42.120.000 đồng; cá nhân: 5 × 3.510.000 = 17.550.000 đồng; cộng 59.670.000 đồng."
 */
export function budgetSentence(year: YearBudget, lang: Lang): string {
  const unit = lang === "vi" ? "đồng" : "VND";
  const words =
    lang === "vi"
      ? { collective: "Tập thể", individual: "cá nhân", total: "cộng", none: "chưa tính được" }
      : {
          collective: "Collectives",
          individual: "individuals",
          total: "total",
          none: "not computed",
        };
  const part = (l: BudgetLine, label: string): string =>
    l.unitVnd === null || l.totalVnd === null
      ? `${label}: ${l.count} (${words.none})`
      : `${label}: ${l.count} × ${formatVnd(l.unitVnd, lang)} = ${formatVnd(l.totalVnd, lang)} ${unit}`;
  const total =
    year.totalVnd === null ? "" : `; ${words.total} ${formatVnd(year.totalVnd, lang)} ${unit}`;
  let text = `${part(year.collective, words.collective)}; ${part(year.individual, words.individual)}${total}.`;
  const pending = year.collective.pending + year.individual.pending;
  if (pending > 0) {
    const money = year.pendingVnd === null ? "" : ` (${formatVnd(year.pendingVnd, lang)} ${unit})`;
    text +=
      lang === "vi"
        ? ` Chưa tính ${pending} suất bằng điểm chờ Hội đồng xét${money}.`
        : ` Not counted: ${pending} tied slot(s) waiting for the council${money}.`;
  }
  return text;
}
