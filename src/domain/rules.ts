/**
 * The rules as data. Each row carries its legal reference, so that a new decree or base salary is
 * a one-line change here and nowhere else.
 */
import type { AwardYear, Bilingual, Bloc, GiayKhenIssuer, IsoDate, Recipient } from "./types";
import { AWARD_YEARS, BLOCS } from "./types";

export const PLAN_REFERENCE =
  "Kế hoạch số 140/KH-UBND ngày 22/6/2022 của UBND thành phố Cần Thơ (Phong trào thi đua “Chuyển đổi số đến năm 2025”)";

export const MOVEMENT_NAME: Bilingual = {
  vi: "Phong trào thi đua “Chuyển đổi số đến năm 2025”",
  en: "Emulation movement “Digital transformation by 2025”",
};

/** The summary year (năm tổng kết), with larger quotas. Plan 140, section II.3.b. */
export const SUMMARY_YEAR: AwardYear = 2025;

export interface QuotaRow {
  readonly bloc: Bloc;
  readonly collective: number;
  readonly collectiveSummaryYear: number;
  readonly individual: number;
  readonly individualSummaryYear: number;
}

/**
 * Bằng khen of the City Chairman, per bloc and year. Plan 140, section III.2.a (which applies
 * Decision 16/2018/QĐ-UBND): bloc 4 has no individual awards.
 */
export const QUOTAS: readonly QuotaRow[] = [
  { bloc: 1, collective: 1, collectiveSummaryYear: 3, individual: 1, individualSummaryYear: 3 },
  { bloc: 2, collective: 1, collectiveSummaryYear: 3, individual: 1, individualSummaryYear: 3 },
  { bloc: 3, collective: 3, collectiveSummaryYear: 6, individual: 3, individualSummaryYear: 9 },
  { bloc: 4, collective: 1, collectiveSummaryYear: 3, individual: 0, individualSummaryYear: 0 },
];

export const BLOC_NAMES: Readonly<Record<Bloc, Bilingual>> = {
  1: {
    vi: "Khối sở, ban, ngành (cơ quan chuyên môn thuộc UBND thành phố, Ban Quản lý các Khu chế xuất và Công nghiệp)",
    en: "City agencies (specialised agencies and the Export Processing & Industrial Zones Board)",
  },
  2: { vi: "Khối UBND quận, huyện", en: "District People's Committees" },
  3: { vi: "Khối UBND xã, phường, thị trấn", en: "Commune, ward and town People's Committees" },
  4: {
    vi: "Khối doanh nghiệp viễn thông, công nghệ thông tin",
    en: "Telecom and IT enterprises",
  },
};

export const BLOC_SHORT_NAMES: Readonly<Record<Bloc, Bilingual>> = {
  1: { vi: "Khối 1 – Sở, ban, ngành", en: "Bloc 1 – City agencies" },
  2: { vi: "Khối 2 – UBND quận, huyện", en: "Bloc 2 – Districts" },
  3: { vi: "Khối 3 – UBND xã, phường, thị trấn", en: "Bloc 3 – Communes and wards" },
  4: { vi: "Khối 4 – Doanh nghiệp", en: "Bloc 4 – Enterprises" },
};

/** True for 2022–2025, the years of the movement. */
export function isAwardYear(year: unknown): year is AwardYear {
  return typeof year === "number" && (AWARD_YEARS as readonly number[]).includes(year);
}

/** True for 1–4. */
export function isBloc(bloc: unknown): bloc is Bloc {
  return typeof bloc === "number" && (BLOCS as readonly number[]).includes(bloc);
}

/**
 * The number of Bằng khen slots of a bloc in a year.
 *
 * @example
 * awardSlots(3, 2025, "collective") //=> 6
 * awardSlots(3, 2025, "individual") //=> 9
 * awardSlots(4, 2023, "individual") //=> 0
 */
export function awardSlots(bloc: Bloc, year: AwardYear, recipient: Recipient): number {
  const row = QUOTAS.find((q) => q.bloc === bloc);
  if (!row) throw new Error(`No quota row for bloc ${bloc}`);
  const summary = year === SUMMARY_YEAR;
  if (recipient === "collective") return summary ? row.collectiveSummaryYear : row.collective;
  return summary ? row.individualSummaryYear : row.individual;
}

/**
 * A prize regime: the coefficients of base salary in force from a decision date. Coefficients are
 * in hundredths so that amounts are computed in whole numbers.
 */
export interface PrizeRegime {
  readonly id: string;
  readonly from: IsoDate;
  readonly reference: string;
  /** Bằng khen of a provincial chairman, individual; a collective gets twice. */
  readonly bangKhenHundredths: number;
  /** Giấy khen of a department head or a district chairman, individual. */
  readonly giayKhenHundredths: number;
  /** Giấy khen of a commune chairman, individual. */
  readonly giayKhenCommuneHundredths: number;
}

export const PRIZE_REGIMES: readonly PrizeRegime[] = [
  {
    id: "91/2017/NĐ-CP",
    from: "2017-07-31",
    reference: "Nghị định 91/2017/NĐ-CP, Điều 73",
    bangKhenHundredths: 100,
    giayKhenHundredths: 30,
    giayKhenCommuneHundredths: 15,
  },
  {
    id: "98/2023/NĐ-CP",
    from: "2024-01-01",
    reference: "Nghị định 98/2023/NĐ-CP, Điều 58",
    bangKhenHundredths: 100,
    giayKhenHundredths: 30,
    giayKhenCommuneHundredths: 15,
  },
  {
    id: "152/2025/NĐ-CP",
    from: "2025-07-01",
    reference: "Nghị định 152/2025/NĐ-CP, Điều 54",
    bangKhenHundredths: 150,
    giayKhenHundredths: 30,
    giayKhenCommuneHundredths: 30,
  },
];

/** A collective's prize is this many times an individual's (every regime above). */
export const COLLECTIVE_MULTIPLIER = 2;

export interface BaseSalaryRow {
  readonly from: IsoDate;
  readonly vnd: number;
  readonly reference: string;
}

/** Lương cơ sở, VND a month. */
export const BASE_SALARIES: readonly BaseSalaryRow[] = [
  { from: "2019-07-01", vnd: 1_490_000, reference: "Nghị định 38/2019/NĐ-CP" },
  { from: "2023-07-01", vnd: 1_800_000, reference: "Nghị định 24/2023/NĐ-CP" },
  { from: "2024-07-01", vnd: 2_340_000, reference: "Nghị định 73/2024/NĐ-CP" },
  { from: "2026-07-01", vnd: 2_530_000, reference: "Nghị định 161/2026/NĐ-CP" },
];

/** Prize amounts are rounded up to this many VND (làm tròn lên hàng chục nghìn đồng). */
export const PRIZE_ROUNDING_VND = 10_000;

/** Which Giấy khen issuer is which coefficient. */
export function isCommuneIssuer(issuer: GiayKhenIssuer): boolean {
  return issuer === "commune";
}
