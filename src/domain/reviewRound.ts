/**
 * Review rounds (đợt xét). The plan reviews "when the index is published" (section II.3.a): the
 * index of year N is often published in N+1, so a score table may serve a later round than its
 * own year. The round sets the quotas (2025 is the summary round, with larger ones); the score
 * year stays the identity of the data. Both are stated on every sheet that uses them.
 */
import { makeIssue, type Issue } from "./issues";
import { isAwardYear, SUMMARY_YEAR } from "./rules";
import type { AwardYear, Bilingual, Lang, RoundMap } from "./types";
import { AWARD_YEARS } from "./types";

/**
 * The round a score year serves: the one the officer chose, else the score year itself.
 *
 * @example
 * roundOf(2024, { 2024: 2025 }) //=> 2025
 * roundOf(2023, { 2024: 2025 }) //=> 2023
 */
export function roundOf(scoreYear: AwardYear, rounds: RoundMap | undefined): AwardYear {
  return rounds?.[scoreYear] ?? scoreYear;
}

/**
 * The round's name, as officers say it.
 *
 * @example
 * roundName(2023, "vi") //=> "đợt sơ kết năm 2023"
 * roundName(2025, "en") //=> "the 2025 summary round"
 */
export function roundName(round: AwardYear, lang: Lang): string {
  if (round === SUMMARY_YEAR) {
    return lang === "vi" ? `đợt tổng kết năm ${round}` : `the ${round} summary round`;
  }
  return lang === "vi" ? `đợt sơ kết năm ${round}` : `the ${round} annual review`;
}

/**
 * Each score year serving the next year's round (index published the year after), for the years
 * given; the last year of the movement has no next round and is left out.
 *
 * @example
 * nextYearRounds([2022, 2023, 2024]) //=> { 2022: 2023, 2023: 2024, 2024: 2025 }
 */
export function nextYearRounds(years: readonly AwardYear[]): RoundMap {
  const map: Partial<Record<AwardYear, AwardYear>> = {};
  for (const year of years) {
    const next = year + 1;
    if (isAwardYear(next)) map[year] = next;
  }
  return map;
}

export type RoundParse =
  | { readonly ok: true; readonly rounds: RoundMap }
  | { readonly ok: false; readonly message: Bilingual };

const ROUND_ENTRY = /^\s*(\d{4})\s*(?:=|->|→|:)\s*(\d{4})\s*$/u;

/**
 * Reads the officer's round choices: "2024=2025" (scores of 2024 serve the 2025 round), several
 * separated by commas, or one round "2025" for the single year `year` of the run.
 *
 * @example
 * parseRounds(["2024=2025"], undefined) //=> { ok: true, rounds: { 2024: 2025 } }
 * parseRounds(["2025"], 2024) //=> { ok: true, rounds: { 2024: 2025 } }
 * parseRounds(["2025"], undefined).ok //=> false
 */
export function parseRounds(texts: readonly string[], year: number | undefined): RoundParse {
  const map: Partial<Record<AwardYear, AwardYear>> = {};
  const entries = texts.flatMap((text) => text.split(",")).filter((t) => t.trim() !== "");
  for (const entry of entries) {
    const pair = ROUND_ENTRY.exec(entry);
    const single = /^\s*(\d{4})\s*$/.exec(entry);
    let scoreYear: number;
    let round: number;
    if (pair) {
      scoreYear = Number(pair[1]);
      round = Number(pair[2]);
    } else if (single) {
      if (year === undefined) {
        return fail(
          `Đợt xét “${entry.trim()}” cần biết năm của bảng điểm: ghi dạng NĂM_ĐIỂM=ĐỢT (ví dụ 2024=2025) hoặc chọn một năm.`,
          `The round “${entry.trim()}” needs the score year: write SCORE_YEAR=ROUND (e.g. 2024=2025) or choose one year.`,
        );
      }
      scoreYear = year;
      round = Number(single[1]);
    } else {
      return fail(
        `Không hiểu đợt xét “${entry.trim()}”: ghi dạng NĂM_ĐIỂM=ĐỢT, ví dụ 2024=2025.`,
        `Cannot read the round “${entry.trim()}”: write SCORE_YEAR=ROUND, e.g. 2024=2025.`,
      );
    }
    if (!isAwardYear(scoreYear) || !isAwardYear(round)) {
      return fail(
        `Năm điểm và đợt xét phải thuộc ${AWARD_YEARS.join(", ")} (nhận được ${scoreYear}=${round}).`,
        `The score year and the round must be among ${AWARD_YEARS.join(", ")} (got ${scoreYear}=${round}).`,
      );
    }
    if (map[scoreYear] !== undefined && map[scoreYear] !== round) {
      return fail(
        `Năm điểm ${scoreYear} được gán cho hai đợt (${map[scoreYear]} và ${round}).`,
        `Score year ${scoreYear} is given two rounds (${map[scoreYear]} and ${round}).`,
      );
    }
    map[scoreYear] = round;
  }
  return { ok: true, rounds: map };
}

function fail(vi: string, en: string): RoundParse {
  return { ok: false, message: { vi, en } };
}

/**
 * The years of a run whose round cannot be used, with an error each: a round before its score
 * year (an index cannot be reviewed before it exists), or two score years serving one round
 * (the quotas of a round are given once).
 *
 * @example
 * roundIssues([2024, 2025], { 2024: 2025 }).blocked //=> [2024, 2025]
 * roundIssues([2023], { 2023: 2024 }).blocked //=> []
 */
export function roundIssues(
  years: readonly AwardYear[],
  rounds: RoundMap | undefined,
): { readonly blocked: AwardYear[]; readonly issues: Issue[] } {
  const issues: Issue[] = [];
  const blocked = new Set<AwardYear>();
  for (const year of years) {
    const round = roundOf(year, rounds);
    if (round < year) {
      blocked.add(year);
      issues.push(makeIssue("ROUND_BEFORE_YEAR", null, { year, round }));
    }
  }
  const byRound = new Map<AwardYear, AwardYear[]>();
  for (const year of years) {
    if (blocked.has(year)) continue;
    const round = roundOf(year, rounds);
    byRound.set(round, [...(byRound.get(round) ?? []), year]);
  }
  for (const [round, served] of byRound) {
    if (served.length < 2) continue;
    served.forEach((y) => blocked.add(y));
    issues.push(
      makeIssue("ROUND_CONFLICT", null, {
        round,
        years: served.join(", "),
        roundVi: roundName(round, "vi"),
        roundEn: roundName(round, "en"),
      }),
    );
  }
  return { blocked: [...blocked].sort((a, b) => a - b), issues };
}

/**
 * The line a sheet states when the round is not the score year; null when they agree.
 *
 * @example
 * roundLine(2024, 2025, "vi")
 * //=> "Bảng điểm năm 2024 phục vụ đợt tổng kết năm 2025: số suất theo đợt xét."
 * roundLine(2024, 2024, "vi") //=> null
 */
export function roundLine(scoreYear: AwardYear, round: AwardYear, lang: Lang): string | null {
  if (scoreYear === round) return null;
  return lang === "vi"
    ? `Bảng điểm năm ${scoreYear} phục vụ ${roundName(round, "vi")}: số suất theo đợt xét.`
    : `The ${scoreYear} scores serve ${roundName(round, "en")}: the quotas are the round's.`;
}
