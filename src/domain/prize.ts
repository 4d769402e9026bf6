/**
 * Prize money (rules §6): coefficient of the regime in force on the decision date × the base
 * salary in force on that date, rounded up to the next 10,000 VND. Coefficients are hundredths
 * and the arithmetic is in whole numbers, so 1.5 × 2,530,000 is 3,795,000 and not 3,794,999.99.
 */
import type { BaseSalaryRow, PrizeRegime } from "./rules";
import {
  BASE_SALARIES,
  COLLECTIVE_MULTIPLIER,
  PRIZE_REGIMES,
  PRIZE_ROUNDING_VND,
  isCommuneIssuer,
} from "./rules";
import type { AwardForm, GiayKhenIssuer, IsoDate, PrizeBasis, Recipient } from "./types";

export interface PrizeQuery {
  readonly form: AwardForm;
  readonly recipient: Recipient;
  readonly decisionDate: IsoDate;
  /** Who signs a Giấy khen; default "department". */
  readonly issuer?: GiayKhenIssuer;
}

export interface PrizeQuote {
  readonly vnd: number;
  readonly regime: PrizeRegime;
  readonly baseSalary: BaseSalaryRow;
  /** The coefficient applied, in hundredths of the base salary (collective multiplier included). */
  readonly hundredths: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True for a real calendar date written `YYYY-MM-DD`.
 *
 * @example
 * isIsoDate("2024-02-29") //=> true
 * isIsoDate("2023-02-29") //=> false
 */
export function isIsoDate(date: string): boolean {
  const match = ISO_DATE.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
}

/**
 * A moment's calendar date where the user is (local time), as `YYYY-MM-DD`: what "today" means for
 * a decision date. The doors pass the moment; the engine never reads the clock.
 *
 * @example
 * localIsoDate(new Date(2024, 2, 5, 23, 30)) //=> "2024-03-05"
 */
export function localIsoDate(moment: Date): IsoDate {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** The last row in force on a date: rows are sorted by `from`, and ISO dates sort as text. */
function inForce<T extends { readonly from: IsoDate }>(
  rows: readonly T[],
  date: IsoDate,
): T | null {
  if (!isIsoDate(date)) return null;
  let found: T | null = null;
  for (const row of rows) if (row.from <= date) found = row;
  return found;
}

/**
 * The base salary (lương cơ sở) in force on a date, or null before the table.
 *
 * @example
 * baseSalaryOn("2023-06-30")?.vnd //=> 1490000
 * baseSalaryOn("2023-07-01")?.vnd //=> 1800000
 */
export function baseSalaryOn(date: IsoDate): BaseSalaryRow | null {
  return inForce(BASE_SALARIES, date);
}

/**
 * The prize regulation in force on a decision date, or null before the table.
 *
 * @example
 * prizeRegimeOn("2024-10-01")?.id //=> "98/2023/NĐ-CP"
 */
export function prizeRegimeOn(date: IsoDate): PrizeRegime | null {
  return inForce(PRIZE_REGIMES, date);
}

function coefficientHundredths(regime: PrizeRegime, query: PrizeQuery): number {
  const individual =
    query.form === "bang-khen"
      ? regime.bangKhenHundredths
      : isCommuneIssuer(query.issuer ?? "department")
        ? regime.giayKhenCommuneHundredths
        : regime.giayKhenHundredths;
  return query.recipient === "collective" ? individual * COLLECTIVE_MULTIPLIER : individual;
}

/** hundredths × base ÷ 100, rounded up to the next 10,000, in integers. */
function roundedUpAmount(hundredths: number, baseVnd: number): number {
  const unit = 100 * PRIZE_ROUNDING_VND;
  const product = hundredths * baseVnd;
  const steps = (product - (product % unit)) / unit + (product % unit === 0 ? 0 : 1);
  return steps * PRIZE_ROUNDING_VND;
}

/**
 * The prize money of one award, or null when the decision date precedes the tables.
 *
 * @example
 * prizeAmount({ form: "bang-khen", recipient: "individual", decisionDate: "2026-08-01" })?.vnd
 * //=> 3800000
 * prizeAmount({ form: "giay-khen", recipient: "collective", decisionDate: "2024-10-01" })?.vnd
 * //=> 1410000
 */
export function prizeAmount(query: PrizeQuery): PrizeQuote | null {
  const regime = prizeRegimeOn(query.decisionDate);
  const baseSalary = baseSalaryOn(query.decisionDate);
  if (!regime || !baseSalary) return null;
  const hundredths = coefficientHundredths(regime, query);
  return { vnd: roundedUpAmount(hundredths, baseSalary.vnd), regime, baseSalary, hundredths };
}

/**
 * What the Bằng khen amounts of a run are computed with, or null when the date precedes the
 * tables.
 *
 * @example
 * prizeBasis("2024-03-31")?.bangKhenCollectiveVnd //=> 3600000
 */
export function prizeBasis(decisionDate: IsoDate): PrizeBasis | null {
  const collective = prizeAmount({ form: "bang-khen", recipient: "collective", decisionDate });
  const individual = prizeAmount({ form: "bang-khen", recipient: "individual", decisionDate });
  if (!collective || !individual) return null;
  return {
    decisionDate,
    regimeId: collective.regime.id,
    regimeReference: collective.regime.reference,
    baseSalaryVnd: collective.baseSalary.vnd,
    baseSalaryReference: collective.baseSalary.reference,
    bangKhenCollectiveVnd: collective.vnd,
    bangKhenIndividualVnd: individual.vnd,
  };
}
