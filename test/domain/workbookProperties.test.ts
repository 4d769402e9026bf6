/**
 * Properties of the whole engine over generated cell matrices, the way the doors hand them over:
 * nothing thrown, nothing lost, order irrelevant, quotas kept, ties symmetric. 1,000 runs each.
 */
import fc from "fast-check";
import { awardSlots } from "../../src/domain/rules";
import { rankWorkbook } from "../../src/domain/rankWorkbook";
import type { AwardResult, CellSheet, UnitResult } from "../../src/domain/types";

const RUNS = { numRuns: 1000 };
const HEADER = ["Đơn vị", "Khối", "Năm", "Điểm tối đa", "Điểm đạt được", "Không xét"];
const OPTIONS = { decisionDate: "2024-03-31" };

/** A cell of a score column: mostly good numbers, sometimes text, blanks, errors or nonsense. */
const scoreCell = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 1000 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 2000 }).map((n) => n / 2) },
  { weight: 1, arbitrary: fc.constantFrom("", "#N/A", "#DIV/0!", "abc", "912,5", "1.000", -3) },
);
const maxCell = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(500, 700, 1000) },
  { weight: 1, arbitrary: fc.constantFrom(0, "", "x", -100, "1.000,0") },
);
const blocCell = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(1, 2, 3, 4, "Khối 3", "K2", "Khối I") },
  { weight: 1, arbitrary: fc.constantFrom(7, "", "khối lạ") },
);
const yearCell = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(2023, 2025) },
  { weight: 1, arbitrary: fc.constantFrom(2021, "", "năm nay") },
);
const excludedCell = fc.oneof(
  { weight: 9, arbitrary: fc.constant("") },
  { weight: 1, arbitrary: fc.constant("x") },
);

/** Unit rows with unique names (the k-th row is "Đơn vị số k"). */
const unitRows = fc
  .array(fc.tuple(blocCell, yearCell, maxCell, scoreCell, excludedCell), {
    minLength: 0,
    maxLength: 40,
  })
  .map((rows) => rows.map((cells, k) => [`Đơn vị số ${k + 1}`, ...cells]));

const sheetOf = (rows: readonly unknown[][]): CellSheet[] => [
  { name: "Bảng điểm", values: [HEADER, ...rows] },
];

function allUnits(result: AwardResult): UnitResult[] {
  return result.years.flatMap((y) => y.blocs.flatMap((b) => b.units));
}

/** Each unit's outcome by name, independent of where it is listed. */
function outcomes(result: AwardResult): Map<string, [string, number | null]> {
  return new Map(allUnits(result).map((u) => [`${u.year}|${u.name}`, [u.status, u.rank]]));
}

describe("the whole engine over generated workbooks", () => {
  it("never throws on arbitrary cells, with or without a header row", () => {
    const anyCell = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.date(),
      fc.constantFrom(...HEADER, "STT", "I", "KHỐI SỞ, BAN, NGÀNH", "Tổng cộng", "Họ và tên"),
    );
    fc.assert(
      fc.property(fc.array(fc.array(anyCell, { maxLength: 8 }), { maxLength: 25 }), (cells) => {
        expect(() => rankWorkbook([{ name: "S", values: cells }], OPTIONS)).not.toThrow();
        expect(() => rankWorkbook(sheetOf(cells), OPTIONS)).not.toThrow();
      }),
      RUNS,
    );
  });

  it("places every unit row exactly once: ranked, or invalid with an error on its row", () => {
    fc.assert(
      fc.property(unitRows, (rows) => {
        const result = rankWorkbook(sheetOf(rows), OPTIONS);
        const placed = [
          ...allUnits(result).map((u) => u.source.cell),
          ...result.unplaced.map((u) => u.source.cell),
        ];
        expect([...placed].sort()).toEqual(rows.map((_r, i) => `A${i + 2}`).sort());
        const errorRows = new Set(
          result.issues
            .filter((i) => i.severity === "error")
            .map((i) => i.cell?.replace(/\D/g, "")),
        );
        for (const unit of [
          ...allUnits(result).filter((u) => u.status === "invalid"),
          ...result.unplaced,
        ]) {
          expect(errorRows).toContain(unit.source.cell.slice(1));
        }
      }),
      RUNS,
    );
  });

  it("gives every unit the same status and rank whatever the row order", () => {
    fc.assert(
      fc.property(
        unitRows.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        ([rows, shuffled]) => {
          const a = outcomes(rankWorkbook(sheetOf(rows), OPTIONS));
          const b = outcomes(rankWorkbook(sheetOf(shuffled), OPTIONS));
          expect(b).toEqual(a);
        },
      ),
      RUNS,
    );
  });

  it("never proposes more collectives than a bloc's quota, and treats equal ratios alike", () => {
    fc.assert(
      fc.property(unitRows, (rows) => {
        const result = rankWorkbook(sheetOf(rows), OPTIONS);
        for (const year of result.years) {
          for (const bloc of year.blocs) {
            const candidates = bloc.units.filter((u) => u.status === "candidate");
            expect(candidates.length).toBeLessThanOrEqual(
              awardSlots(bloc.bloc, year.year, "collective"),
            );
            const chosenPeople = bloc.individuals.filter((i) => i.status === "candidate");
            expect(chosenPeople.length).toBeLessThanOrEqual(
              awardSlots(bloc.bloc, year.year, "individual"),
            );
            // Two competing units with the same rank share the same status.
            const competing = bloc.units.filter((u) => u.status !== "excluded" && u.rank !== null);
            for (const u of competing) {
              for (const v of competing) {
                if (u.rank === v.rank) expect(u.status).toBe(v.status);
              }
            }
          }
        }
      }),
      RUNS,
    );
  });

  it("never changes who is a candidate when a unit with a lower ratio is added", () => {
    fc.assert(
      fc.property(unitRows, fc.constantFrom(1, 2, 3, 4), (rows, bloc) => {
        const before = rankWorkbook(sheetOf(rows), OPTIONS);
        // Score 0 out of 1000: below or equal to every valid ratio; "equal" is a tie only when the
        // cut-off already sits at 0, so compare only blocs whose lowest candidate is above 0.
        const added = [...rows, ["Đơn vị thêm", bloc, 2023, 1000, 0, ""]];
        const after = rankWorkbook(sheetOf(added), OPTIONS);
        const candidates = (result: AwardResult) =>
          allUnits(result)
            .filter((u) => u.status === "candidate" && (u.ratio ?? u.score ?? 0) > 0)
            .map((u) => `${u.year}|${u.bloc}|${u.name}`)
            .sort();
        expect(candidates(after)).toEqual(candidates(before));
      }),
      RUNS,
    );
  });
});
