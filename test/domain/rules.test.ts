import {
  BASE_SALARIES,
  PRIZE_REGIMES,
  QUOTAS,
  awardSlots,
  isAwardYear,
  isBloc,
} from "../../src/domain/rules";
import type { AwardYear, Bloc, Recipient } from "../../src/domain/types";

describe("awardSlots: every quota of rules §3", () => {
  const table: [Bloc, Recipient, number, number][] = [
    [1, "collective", 1, 3],
    [1, "individual", 1, 3],
    [2, "collective", 1, 3],
    [2, "individual", 1, 3],
    [3, "collective", 3, 6],
    [3, "individual", 3, 9],
    [4, "collective", 1, 3],
    [4, "individual", 0, 0],
  ];
  it.each(table)(
    "bloc %i %s: %i a year in 2022–2024 and %i in 2025",
    (bloc, recipient, normal, summary) => {
      for (const year of [2022, 2023, 2024] as AwardYear[]) {
        expect(awardSlots(bloc, year, recipient)).toBe(normal);
      }
      expect(awardSlots(bloc, 2025, recipient)).toBe(summary);
    },
  );
});

describe("rule tables", () => {
  it("has one quota row per bloc", () => {
    expect(QUOTAS.map((q) => q.bloc)).toEqual([1, 2, 3, 4]);
  });

  it("keeps regimes and base salaries sorted by their start date, each with a reference", () => {
    for (const rows of [PRIZE_REGIMES, BASE_SALARIES]) {
      const dates = rows.map((r) => r.from);
      expect([...dates].sort()).toEqual(dates);
      for (const row of rows) expect(row.reference).toMatch(/NĐ-CP/);
    }
  });

  it("knows the years and blocs of the movement", () => {
    expect([2021, 2022, 2025, 2026].map(isAwardYear)).toEqual([false, true, true, false]);
    expect([0, 1, 4, 5, "1"].map(isBloc)).toEqual([false, true, true, false, false]);
  });
});
