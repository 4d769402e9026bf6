import { compareUnits, rankUnitsWithinBloc } from "../../src/domain/rankUnits";
import { unit, unitsWithScores } from "../fixtures/units";

const ranks = (units: Parameters<typeof rankUnitsWithinBloc>[0]) =>
  rankUnitsWithinBloc(units).map((r) => [r.unit.name, r.rank]);

describe("compareUnits", () => {
  it("treats 450 of 500 as equal to 900 of 1000", () => {
    expect(
      compareUnits(unit({ score: 450, maxScore: 500 }), unit({ score: 900, maxScore: 1000 })),
    ).toBe(0);
  });

  it("puts the higher ratio first whatever the raw score", () => {
    const small = unit({ score: 95, maxScore: 100 });
    const large = unit({ score: 900, maxScore: 1000 });
    expect(compareUnits(small, large)).toBeLessThan(0);
    expect(compareUnits(large, small)).toBeGreaterThan(0);
  });

  it("does not let doubles such as 62.1 create a false difference", () => {
    // 0.3 / 3 and 0.1 / 1 differ as doubles but are the same ratio as typed.
    expect(0.3 / 3 === 0.1 / 1).toBe(false);
    expect(
      compareUnits(unit({ score: 62.1, maxScore: 100 }), unit({ score: 621, maxScore: 1000 })),
    ).toBe(0);
    expect(compareUnits(unit({ score: 0.3, maxScore: 3 }), unit({ score: 0.1, maxScore: 1 }))).toBe(
      0,
    );
  });

  it("still tells apart ratios that differ only far down the decimals", () => {
    const a = unit({ score: 912.5000001, maxScore: 1000 });
    const b = unit({ score: 912.5, maxScore: 1000 });
    expect(compareUnits(a, b)).toBeLessThan(0);
  });

  it("compares by score when the table has no max score", () => {
    expect(
      compareUnits(unit({ score: 88, maxScore: null }), unit({ score: 92, maxScore: null })),
    ).toBeGreaterThan(0);
    expect(
      compareUnits(unit({ score: 88, maxScore: null }), unit({ score: 88, maxScore: null })),
    ).toBe(0);
  });
});

describe("rankUnitsWithinBloc", () => {
  it("gives standard competition ranks 1, 2, 2, 4", () => {
    expect(ranks(unitsWithScores([900, 950, 900, 800]))).toEqual([
      ["U1", 1],
      ["U0", 2],
      ["U2", 2],
      ["U3", 4],
    ]);
  });

  it("ranks equal ratios with the same rank and keeps their reading order", () => {
    const units = [
      unit({ name: "B", score: 900, maxScore: 1000, order: 5 }),
      unit({ name: "A", score: 450, maxScore: 500, order: 2 }),
      unit({ name: "C", score: 62.1, maxScore: 69, order: 3 }),
      unit({ name: "D", score: 0.3, maxScore: 3, order: 1 }),
    ];
    expect(ranks(units)).toEqual([
      ["A", 1],
      ["C", 1],
      ["B", 1],
      ["D", 4],
    ]);
  });

  it("ranks excluded units too, as in the published index", () => {
    const units = [
      unit({ name: "A", score: 990, excluded: true, order: 0 }),
      unit({ name: "B", score: 900, order: 1 }),
    ];
    expect(ranks(units)).toEqual([
      ["A", 1],
      ["B", 2],
    ]);
  });

  it("ranks a table without max scores by score", () => {
    expect(ranks(unitsWithScores([80, 95, 80], { maxScore: null, bloc: 4 }))).toEqual([
      ["U1", 1],
      ["U0", 2],
      ["U2", 2],
    ]);
  });

  it("returns an empty ranking for no units", () => {
    expect(rankUnitsWithinBloc([])).toEqual([]);
  });

  it("does not change its input", () => {
    const units = unitsWithScores([1, 3, 2]);
    const copy = [...units];
    rankUnitsWithinBloc(units);
    expect(units).toEqual(copy);
  });

  it("ranks 100,000 units, many of them equal, consistently with compareUnits", () => {
    const units = Array.from({ length: 100_000 }, (_v, i) =>
      unit({
        name: `U${i}`,
        score: ((i * 7919) % 1000) + (i % 3) * 0.1,
        maxScore: i % 2 ? 1000 : 500,
        order: i,
      }),
    );
    const ranked = rankUnitsWithinBloc(units);
    expect(ranked).toHaveLength(100_000);
    const wrong: number[] = [];
    for (let i = 1; i < ranked.length; i += 1) {
      const order = compareUnits(ranked[i - 1].unit, ranked[i].unit);
      const rank = order === 0 ? ranked[i - 1].rank : i + 1;
      if (order > 0 || ranked[i].rank !== rank) wrong.push(i);
    }
    expect(wrong).toEqual([]);
  });
});
