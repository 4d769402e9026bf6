import { rankReadings } from "../../src/domain/rankWorkbook";
import {
  nextYearRounds,
  parseRounds,
  roundIssues,
  roundLine,
  roundName,
  roundOf,
} from "../../src/domain/reviewRound";
import type { AwardYear, Bloc, UnitScore } from "../../src/domain/types";
import { readings } from "../fixtures/readings";
import { unit } from "../fixtures/units";

const DATE = "2025-03-31";

function units(b: Bloc, year: AwardYear, count: number): UnitScore[] {
  return Array.from({ length: count }, (_v, i) =>
    unit({ name: `K${b}-${year}-${i}`, bloc: b, year, score: 990 - i * 10, order: i }),
  );
}

describe("review rounds", () => {
  it("are the score year unless the officer chose another", () => {
    expect(roundOf(2024, undefined)).toBe(2024);
    expect(roundOf(2024, { 2024: 2025 })).toBe(2025);
    expect(roundName(2025, "vi")).toBe("đợt tổng kết năm 2025");
    expect(roundName(2023, "en")).toBe("the 2023 annual review");
  });

  it("read the officer's choice as SCORE_YEAR=ROUND, or one round for the single year of a run", () => {
    expect(parseRounds(["2023=2024", "2024 = 2025"], undefined)).toEqual({
      ok: true,
      rounds: { 2023: 2024, 2024: 2025 },
    });
    expect(parseRounds(["2022=2023,2023=2024"], undefined)).toEqual({
      ok: true,
      rounds: { 2022: 2023, 2023: 2024 },
    });
    expect(parseRounds(["2025"], 2024)).toEqual({ ok: true, rounds: { 2024: 2025 } });
  });

  it("refuse a round without its score year, outside the movement, or given twice", () => {
    const noYear = parseRounds(["2025"], undefined);
    expect(noYear.ok).toBe(false);
    if (!noYear.ok) expect(noYear.message.en).toContain("needs the score year");
    const outside = parseRounds(["2024=2026"], undefined);
    expect(!outside.ok && outside.message.vi).toContain("2022, 2023, 2024, 2025");
    expect(parseRounds(["2024=2025", "2024=2024"], undefined).ok).toBe(false);
    expect(parseRounds(["abc"], undefined).ok).toBe(false);
  });

  it("for an index published the year after, serve the next year's round", () => {
    expect(nextYearRounds([2022, 2023, 2024, 2025])).toEqual({
      2022: 2023,
      2023: 2024,
      2024: 2025,
    });
  });

  it("block a round before its score year, and two score years serving one round", () => {
    expect(roundIssues([2024], { 2024: 2023 }).blocked).toEqual([2024]);
    const clash = roundIssues([2024, 2025], { 2024: 2025 });
    expect(clash.blocked).toEqual([2024, 2025]);
    expect(clash.issues[0].code).toBe("ROUND_CONFLICT");
    expect(clash.issues[0].message.vi).toContain("2024, 2025 cùng phục vụ đợt tổng kết năm 2025");
    expect(roundIssues([2022, 2023], nextYearRounds([2022, 2023])).issues).toEqual([]);
  });

  it("state the round on the sheet only when it is not the score year", () => {
    expect(roundLine(2024, 2025, "en")).toBe(
      "The 2024 scores serve the 2025 summary round: the quotas are the round's.",
    );
    expect(roundLine(2023, 2023, "vi")).toBeNull();
  });
});

describe("ranking for a review round", () => {
  it("gives the quotas of the round: 2024 scores serving the 2025 summary get its larger quotas", () => {
    const scoreUnits = [...units(3, 2024, 12), ...units(1, 2024, 5)];
    const plain = rankReadings(readings(scoreUnits), { decisionDate: DATE });
    const summary = rankReadings(readings(scoreUnits), {
      decisionDate: DATE,
      rounds: { 2024: 2025 },
    });
    const bloc3 = (r: typeof plain) => r.years[0].blocs[2];
    expect(plain.years[0]).toMatchObject({ year: 2024, round: 2024 });
    expect(bloc3(plain)).toMatchObject({ collectiveSlots: 3, individualSlots: 3 });
    expect(summary.years[0]).toMatchObject({ year: 2024, round: 2025 });
    expect(bloc3(summary)).toMatchObject({ year: 2024, collectiveSlots: 6, individualSlots: 9 });
    expect(bloc3(summary).units.filter((u) => u.status === "candidate")).toHaveLength(6);
  });

  it("does not rank a year whose round cannot be used, and says why", () => {
    const scoreUnits = [...units(1, 2024, 3), ...units(1, 2025, 3), ...units(1, 2023, 3)];
    const result = rankReadings(readings(scoreUnits), {
      decisionDate: DATE,
      rounds: { 2024: 2025 },
    });
    expect(result.years.map((y) => y.year)).toEqual([2023]);
    expect(result.issues.find((i) => i.code === "ROUND_CONFLICT")?.severity).toBe("error");
  });
});
