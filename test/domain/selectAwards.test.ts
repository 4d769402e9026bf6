import { rankUnitsWithinBloc } from "../../src/domain/rankUnits";
import {
  matchNominees,
  selectCollectiveAwards,
  selectIndividualAwards,
} from "../../src/domain/selectAwards";
import type { Nominee, UnitScore } from "../../src/domain/types";
import { nominee, unit, unitsWithScores } from "../fixtures/units";

const collective = (units: readonly UnitScore[], slots: number) =>
  selectCollectiveAwards(rankUnitsWithinBloc(units), slots).map((s) => [
    s.ranked.unit.name,
    s.status,
    s.tie,
  ]);

describe("selectCollectiveAwards", () => {
  it("proposes the top units within the slots and not the rest", () => {
    expect(collective(unitsWithScores([900, 950, 800]), 1)).toEqual([
      ["U1", "candidate", null],
      ["U0", "not-selected", null],
      ["U2", "not-selected", null],
    ]);
  });

  it("marks every unit of an equal group that does not fit as a tie with its size and open slots", () => {
    expect(collective(unitsWithScores([990, 900, 900, 900, 800]), 3)).toEqual([
      ["U0", "candidate", null],
      ["U1", "tie", { size: 3, open: 2 }],
      ["U2", "tie", { size: 3, open: 2 }],
      ["U3", "tie", { size: 3, open: 2 }],
      ["U4", "not-selected", null],
    ]);
  });

  it("takes a whole equal group when it fits", () => {
    expect(collective(unitsWithScores([900, 900, 800]), 2).map((s) => s[1])).toEqual([
      "candidate",
      "candidate",
      "not-selected",
    ]);
  });

  it("skips excluded units but keeps them ranked", () => {
    const units = [
      unit({ name: "A", score: 990, excluded: true, order: 0 }),
      unit({ name: "B", score: 900, order: 1 }),
      unit({ name: "C", score: 800, order: 2 }),
    ];
    expect(collective(units, 1)).toEqual([
      ["A", "excluded", null],
      ["B", "candidate", null],
      ["C", "not-selected", null],
    ]);
  });

  it("does not count an excluded unit in a tie group", () => {
    const units = [
      unit({ name: "A", score: 900, excluded: true, order: 0 }),
      unit({ name: "B", score: 900, order: 1 }),
      unit({ name: "C", score: 800, order: 2 }),
    ];
    expect(collective(units, 1).map((s) => s[1])).toEqual([
      "excluded",
      "candidate",
      "not-selected",
    ]);
  });

  it("proposes everyone when there are fewer units than slots", () => {
    expect(collective(unitsWithScores([900, 800]), 3).map((s) => s[1])).toEqual([
      "candidate",
      "candidate",
    ]);
  });

  it("selects nothing in an empty bloc", () => {
    expect(selectCollectiveAwards([], 3)).toEqual([]);
  });

  it("ranks bloc 4 on its score the same way", () => {
    const units = unitsWithScores([88, 92, 92], { bloc: 4, maxScore: null });
    expect(collective(units, 1).map((s) => s[1])).toEqual(["tie", "tie", "not-selected"]);
  });
});

describe("matchNominees", () => {
  const soTuPhap = unit({ name: "Sở Tư pháp", bloc: 1, score: 942.5 });
  const thanhHoa = unit({ name: "Phường Thạnh Hòa", bloc: 3, score: 900 });
  const truongLongPD = unit({
    name: "Xã Trường Long",
    bloc: 3,
    score: 800,
    group: "Huyện Phong Điền",
  });
  const truongLongCT = unit({ name: "Xã Trường Long", bloc: 3, score: 700, group: "Huyện Cờ Đỏ" });
  const viettel = unit({ name: "Viettel Cần Thơ", bloc: 4, score: 95, maxScore: 100 });
  const units = [soTuPhap, thanhHoa, truongLongPD, truongLongCT, viettel];

  const matchedUnit = (n: Nominee): UnitScore | undefined => {
    const { byUnit } = matchNominees([n], units);
    return [...byUnit.entries()].find(([, list]) => list.includes(n))?.[0];
  };

  it("matches a unit written in decomposed Unicode", () => {
    expect(matchedUnit(nominee({ name: "An", unitName: "Sở Tư pháp".normalize("NFD") }))).toBe(
      soTuPhap,
    );
  });

  it("ignores a leading “Ủy ban nhân dân” or “UBND” and the tone placement of “Hoà”", () => {
    expect(matchedUnit(nominee({ name: "An", unitName: "Uỷ ban nhân dân phường Thạnh Hoà" }))).toBe(
      thanhHoa,
    );
    expect(matchedUnit(nominee({ name: "An", unitName: "UBND phường thạnh hoà" }))).toBe(thanhHoa);
  });

  it("never strips “xã” or “phường”: a ward and a commune of the same name are different units", () => {
    const result = matchNominees([nominee({ name: "An", unitName: "Xã Thạnh Hòa" })], units);
    expect(result.byUnit.size).toBe(0);
    expect(result.issues.map((i) => i.code)).toEqual(["NOMINEE_UNIT_UNKNOWN"]);
  });

  it("offers a commune name two districts share to both communes, for confirmation, naming their districts", () => {
    const person = nominee({ name: "Bình", unitName: "UBND xã Trường Long" });
    const result = matchNominees([person], units);
    expect(result.byUnit.get(truongLongPD)).toEqual([person]);
    expect(result.byUnit.get(truongLongCT)).toEqual([person]);
    expect(result.doubts.get(person)).toEqual({
      reason: "several-units",
      units: [truongLongPD, truongLongCT],
    });
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0].code).toBe("NOMINEE_UNIT_AMBIGUOUS");
    expect(result.issues[0].params.closest).toBe(
      "Xã Trường Long (Huyện Phong Điền), Xã Trường Long (Huyện Cờ Đỏ)",
    );
  });

  it("resolves a same-name commune when the nominee names the district", () => {
    expect(
      matchedUnit(nominee({ name: "Bình", unitName: "UBND xã Trường Long, huyện Phong Điền" })),
    ).toBe(truongLongPD);
    expect(matchedUnit(nominee({ name: "Bình", unitName: "Xã Trường Long (Cờ Đỏ)" }))).toBe(
      truongLongCT,
    );
  });

  it("names up to three closest units for an unknown unit", () => {
    const result = matchNominees([nominee({ name: "Cúc", unitName: "Sở Tài chính" })], units);
    expect(result.byUnit.size).toBe(0);
    expect(result.issues[0].code).toBe("NOMINEE_UNIT_UNKNOWN");
    expect(result.issues[0].sheet).toBe("Cá nhân đề xuất");
    const closest = String(result.issues[0].params.closest).split(", ");
    expect(closest).toHaveLength(3);
    expect(closest[0]).toBe("Sở Tư pháp");
  });

  it("offers a unit written without some diacritics to that unit, for confirmation", () => {
    const person = nominee({ name: "Cúc", unitName: "Sở Tư Phap" });
    const result = matchNominees([person], units);
    expect(result.byUnit.get(soTuPhap)).toEqual([person]);
    expect(result.doubts.get(person)?.reason).toBe("near-spelling");
    expect(result.issues.map((i) => i.code)).toEqual(["NOMINEE_UNIT_UNSURE"]);
  });

  it("warns about a nominee of a bloc-4 enterprise and leaves them out", () => {
    const result = matchNominees([nominee({ name: "Dũng", unitName: "Viettel Cần Thơ" })], units);
    expect(result.byUnit.size).toBe(0);
    expect(result.issues.map((i) => i.code)).toEqual(["NOMINEE_BLOC_4"]);
  });

  it("matches only units of the nominee's year, and every year when the nominee has none", () => {
    const y2023 = unit({ name: "Sở Y tế", year: 2023, score: 900 });
    const y2024 = unit({ name: "Sở Y tế", year: 2024, score: 900 });
    const dated = nominee({ name: "E", unitName: "Sở Y tế", year: 2024 });
    const undated = nominee({ name: "F", unitName: "Sở Y tế", year: null });
    const { byUnit } = matchNominees([dated, undated], [y2023, y2024]);
    expect(byUnit.get(y2023)).toEqual([undated]);
    expect(byUnit.get(y2024)).toEqual([dated, undated]);
  });
});

describe("selectIndividualAwards", () => {
  const pick = (
    units: readonly UnitScore[],
    nominees: ReadonlyMap<UnitScore, readonly Nominee[]>,
    slots: number,
  ) =>
    selectIndividualAwards(rankUnitsWithinBloc(units), nominees, slots).map((s) => [
      s.nominee.name,
      s.status,
    ]);

  it("prefers the nominee who does the work directly, then listed order", () => {
    const [u0] = unitsWithScores([900]);
    const byUnit = new Map([
      [
        u0,
        [
          nominee({ name: "A", unitName: "U0", order: 1 }),
          nominee({ name: "B", unitName: "U0", direct: true, order: 2 }),
          nominee({ name: "C", unitName: "U0", direct: true, order: 3 }),
        ],
      ],
    ]);
    expect(pick([u0], byUnit, 1)).toEqual([
      ["B", "candidate"],
      ["A", "reserve"],
      ["C", "reserve"],
    ]);
  });

  it("takes one person per unit down the ranking, skipping units with no nominee and excluded units", () => {
    const units = [
      unit({ name: "A", score: 990, excluded: true, order: 0 }),
      unit({ name: "B", score: 950, order: 1 }),
      unit({ name: "C", score: 900, order: 2 }),
      unit({ name: "D", score: 850, order: 3 }),
      unit({ name: "E", score: 800, order: 4 }),
    ];
    const byUnit = new Map([
      [units[0], [nominee({ name: "a", unitName: "A", order: 0 })]],
      [units[2], [nominee({ name: "c", unitName: "C", order: 2 })]],
      [units[3], [nominee({ name: "d", unitName: "D", order: 3 })]],
      [units[4], [nominee({ name: "e", unitName: "E", order: 4 })]],
    ]);
    expect(pick(units, byUnit, 2)).toEqual([
      ["c", "candidate"],
      ["d", "candidate"],
      ["a", "reserve"],
      ["e", "reserve"],
    ]);
  });

  it("marks the chosen people of an equal group that does not fit as a tie", () => {
    const units = unitsWithScores([950, 900, 900, 800]);
    const byUnit = new Map(
      units.map((u, i) => [u, [nominee({ name: `p${i}`, unitName: u.name, order: i })]]),
    );
    expect(pick(units, byUnit, 2)).toEqual([
      ["p0", "candidate"],
      ["p1", "tie"],
      ["p2", "tie"],
      ["p3", "reserve"],
    ]);
  });

  it("fills 9 individual slots from the top 9 units although only 6 are collective candidates", () => {
    const units = unitsWithScores([990, 980, 970, 960, 950, 940, 930, 920, 910, 900, 890], {
      bloc: 3,
      year: 2025,
    });
    const byUnit = new Map(
      units.map((u, i) => [u, [nominee({ name: `p${i}`, unitName: u.name, order: i })]]),
    );
    const ranked = rankUnitsWithinBloc(units);
    expect(selectCollectiveAwards(ranked, 6).filter((s) => s.status === "candidate")).toHaveLength(
      6,
    );
    const chosen = selectIndividualAwards(ranked, byUnit, 9).filter(
      (s) => s.status === "candidate",
    );
    expect(chosen.map((s) => s.nominee.name)).toEqual([
      "p0",
      "p1",
      "p2",
      "p3",
      "p4",
      "p5",
      "p6",
      "p7",
      "p8",
    ]);
  });

  it("chooses a nominee offered to two units once, at the higher-ranked one, flagged for confirmation", () => {
    const units = unitsWithScores([950, 900, 850]);
    const shared = nominee({ name: "s", unitName: "U", order: 0 });
    const other = nominee({ name: "o", unitName: "U1", order: 1 });
    const byUnit = new Map([
      [units[0], [shared]],
      [units[1], [other]],
      [units[2], [shared]],
    ]);
    const doubt = { reason: "several-units" as const, units: [units[0], units[2]] };
    const selected = selectIndividualAwards(
      rankUnitsWithinBloc(units),
      byUnit,
      3,
      new Map([[shared, doubt]]),
    );
    expect(selected.map((s) => [s.nominee.name, s.unit.name, s.status, s.doubt])).toEqual([
      ["s", "U0", "candidate", doubt],
      ["o", "U1", "candidate", null],
    ]);
  });

  it("lists a nominee offered to two units below the slots once, as a reserve of the higher one", () => {
    const units = unitsWithScores([950, 900, 850]);
    const shared = nominee({ name: "s", unitName: "U", order: 1 });
    const byUnit = new Map([
      [units[0], [nominee({ name: "t", unitName: "U0", order: 0 })]],
      [units[1], [shared]],
      [units[2], [shared]],
    ]);
    const doubt = { reason: "several-units" as const, units: [units[1], units[2]] };
    const selected = selectIndividualAwards(
      rankUnitsWithinBloc(units),
      byUnit,
      1,
      new Map([[shared, doubt]]),
    );
    expect(selected.map((s) => [s.nominee.name, s.unit.name, s.status])).toEqual([
      ["t", "U0", "candidate"],
      ["s", "U1", "reserve"],
    ]);
  });

  it("prefers a surely matched nominee to a direct one whose unit is to be confirmed", () => {
    const [u0] = unitsWithScores([900]);
    const loose = nominee({ name: "L", unitName: "U 0", direct: true, order: 1 });
    const exact = nominee({ name: "E", unitName: "U0", order: 2 });
    const selected = selectIndividualAwards(
      rankUnitsWithinBloc([u0]),
      new Map([[u0, [loose, exact]]]),
      1,
      new Map([[loose, { reason: "near-spelling" as const, units: [u0] }]]),
    );
    expect(selected.map((s) => [s.nominee.name, s.status, s.doubt?.reason ?? null])).toEqual([
      ["E", "candidate", null],
      ["L", "reserve", "near-spelling"],
    ]);
  });

  it("chooses nobody when there are no slots", () => {
    const units = unitsWithScores([900]);
    const byUnit = new Map([[units[0], [nominee({ name: "x", unitName: "U0" })]]]);
    expect(pick(units, byUnit, 0)).toEqual([["x", "reserve"]]);
  });
});
