import fc from "fast-check";
import { compareUnits, rankUnitsWithinBloc } from "../../src/domain/rankUnits";
import { selectCollectiveAwards } from "../../src/domain/selectAwards";
import type { UnitScore } from "../../src/domain/types";
import { unit } from "../fixtures/units";

const RUNS = { numRuns: 1000 };

interface Row {
  readonly tenths: number;
  readonly max: number;
  readonly excluded: boolean;
}

/** Scores typed with one decimal (62.1), so doubles may disagree where fractions do not. */
const rowArb: fc.Arbitrary<Row> = fc.record({
  tenths: fc.integer({ min: 0, max: 1000 }),
  max: fc.constantFrom(100, 500, 1000, 69, 3),
  excluded: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

function toUnits(rows: readonly Row[]): UnitScore[] {
  return rows.map((row, i) =>
    unit({
      name: `U${i}`,
      score: Math.min(row.tenths / 10, row.max),
      maxScore: row.max,
      excluded: row.excluded,
      order: i,
    }),
  );
}

/** score ÷ max compared independently of the engine: tenths × other max, in integers. */
function ratioOrder(a: UnitScore, b: UnitScore): number {
  const left = Math.round(a.score * 10) * (b.maxScore ?? 1);
  const right = Math.round(b.score * 10) * (a.maxScore ?? 1);
  return Math.sign(right - left);
}

const unitsArb = fc.array(rowArb, { minLength: 0, maxLength: 14 }).map(toUnits);
const slotsArb = fc.integer({ min: 0, max: 9 });

describe("ranking and selection properties", () => {
  it("ranks independently of row order", () => {
    fc.assert(
      fc.property(unitsArb, fc.infiniteStream(fc.nat()), (units, stream) => {
        const keys = [...stream.take(units.length)];
        const shuffled = units
          .map((u, i) => ({ u, k: keys[i] }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.u);
        const view = (list: readonly UnitScore[]) =>
          rankUnitsWithinBloc(list).map((r) => [r.unit.name, r.rank]);
        expect(view(shuffled)).toEqual(view(units));
      }),
      RUNS,
    );
  });

  it("never proposes more candidates than slots", () => {
    fc.assert(
      fc.property(unitsArb, slotsArb, (units, slots) => {
        const selection = selectCollectiveAwards(rankUnitsWithinBloc(units), slots);
        expect(selection.filter((s) => s.status === "candidate").length).toBeLessThanOrEqual(slots);
        const tie = selection.find((s) => s.status === "tie")?.tie;
        if (tie) {
          const candidates = selection.filter((s) => s.status === "candidate").length;
          expect(candidates + tie.open).toBe(slots);
          expect(tie.size).toBeGreaterThan(tie.open);
        }
      }),
      RUNS,
    );
  });

  it("never ranks a unit above one with a higher ratio", () => {
    fc.assert(
      fc.property(unitsArb, (units) => {
        const ranked = rankUnitsWithinBloc(units);
        const wrong: string[] = [];
        for (let i = 0; i < ranked.length; i += 1) {
          for (let j = i + 1; j < ranked.length; j += 1) {
            const order = ratioOrder(ranked[i].unit, ranked[j].unit);
            const sameRank = ranked[i].rank === ranked[j].rank;
            if (order > 0 || sameRank !== (order === 0)) wrong.push(`${i}/${j}`);
            if (compareUnits(ranked[i].unit, ranked[j].unit) !== order) wrong.push(`cmp ${i}/${j}`);
          }
        }
        expect(wrong).toEqual([]);
      }),
      RUNS,
    );
  });

  it("gives equal ratios the same status", () => {
    fc.assert(
      fc.property(unitsArb, slotsArb, (units, slots) => {
        const selection = selectCollectiveAwards(rankUnitsWithinBloc(units), slots).filter(
          (s) => s.status !== "excluded",
        );
        for (const a of selection) {
          for (const b of selection) {
            if (ratioOrder(a.ranked.unit, b.ranked.unit) === 0) {
              expect(a.status).toBe(b.status);
              expect(a.tie).toEqual(b.tie);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it("never changes who is a candidate when a lower-ratio unit is added", () => {
    fc.assert(
      fc.property(unitsArb, slotsArb, fc.boolean(), (units, slots, excluded) => {
        const candidates = (list: readonly UnitScore[]) =>
          selectCollectiveAwards(rankUnitsWithinBloc(list), slots)
            .filter((s) => s.status === "candidate")
            .map((s) => s.ranked.unit.name);
        const lowest = units.reduce(
          (min, u) => Math.min(min, u.ratio ?? 0),
          Number.POSITIVE_INFINITY,
        );
        if (!(lowest > 0)) return;
        const added = unit({
          name: "Added",
          score: 0,
          maxScore: 1000,
          excluded,
          order: units.length,
        });
        expect(candidates([...units, added]).filter((n) => n !== "Added")).toEqual(
          candidates(units),
        );
      }),
      RUNS,
    );
  });
});
