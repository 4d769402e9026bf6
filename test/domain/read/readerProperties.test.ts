/**
 * Properties of the reader over generated tables: the columns in any order, pillar columns
 * added before the total, total, average and count rows added anywhere — the same units are read
 * with the same scores and blocs, and the same candidates come out.
 */
import fc from "fast-check";
import { rankWorkbook } from "../../../src/domain/rankWorkbook";
import type { AwardResult, CellSheet } from "../../../src/domain/types";

const RUNS = { numRuns: 300 };
const OPTIONS = { decisionDate: "2024-03-31" };

interface Unit {
  readonly name: string;
  readonly bloc: number;
  readonly max: number;
  readonly score: number;
}

const units = fc
  .array(
    fc.record({
      bloc: fc.constantFrom(1, 2, 3, 4),
      max: fc.constantFrom(500, 700, 1000),
      tenths: fc.integer({ min: 0, max: 5000 }),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((rows) =>
    rows.map((r, k): Unit => ({
      name: `Đơn vị thử ${String.fromCharCode(65 + (k % 26))}${Math.floor(k / 26)}`,
      bloc: r.bloc,
      max: r.max,
      score: Math.min(r.max, r.tenths / 10),
    })),
  );

const BASE_HEADER = ["Tên đơn vị", "Khối", "Điểm tối đa", "Tổng điểm"] as const;
const PILLARS = ["Điểm chính quyền số", "Điểm kinh tế số", "Điểm xã hội số"] as const;
const AGGREGATES = ["Tổng cộng", "Điểm trung bình khối", "Số đơn vị", "Cộng khối I", "TB khối III"];

/** A table of `list` with its columns in `order` (a permutation of the base columns and pillars). */
function tableOf(
  list: readonly Unit[],
  order: readonly number[],
  pillars: boolean,
  aggregates: readonly (readonly [number, string])[],
): CellSheet {
  const header: string[] = [...BASE_HEADER, ...(pillars ? PILLARS : [])];
  const rowOf = (u: Unit, k: number): unknown[] => {
    const parts = pillars ? [u.score * 0.5, u.score * 0.3, (k % 7) + 1] : [];
    return [u.name, u.bloc, u.max, u.score, ...parts];
  };
  const rows: unknown[][] = list.map(rowOf);
  for (const [at, text] of [...aggregates].sort((a, b) => b[0] - a[0])) {
    const index = Math.min(at, rows.length);
    rows.splice(index, 0, [text, "", "", 1234.5, ...(pillars ? [1, 2, 3] : [])]);
  }
  const permute = (cells: readonly unknown[]): unknown[] => order.map((i) => cells[i]);
  return { name: "DTI 2023", values: [permute(header), ...rows.map(permute)] };
}

function readOutcome(result: AwardResult): string[] {
  return result.years.flatMap((y) =>
    y.blocs.flatMap((b) =>
      b.units.map((u) => `${b.bloc}|${u.name}|${u.score}|${u.maxScore}|${u.status}|${u.rank}`),
    ),
  );
}

describe("the reader over generated tables", () => {
  it("reads the same units and candidates whatever the order of the columns", () => {
    fc.assert(
      fc.property(
        units,
        fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
        (list, order) => {
          const plain = rankWorkbook([tableOf(list, [0, 1, 2, 3], false, [])], OPTIONS);
          const shuffled = rankWorkbook([tableOf(list, order, false, [])], OPTIONS);
          expect(readOutcome(shuffled)).toEqual(readOutcome(plain));
          expect(readOutcome(plain)).toHaveLength(list.length);
        },
      ),
      RUNS,
    );
  });

  it("ranks by the total when pillar columns stand anywhere beside it", () => {
    fc.assert(
      fc.property(
        units,
        fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6], { minLength: 7, maxLength: 7 }),
        (list, order) => {
          const plain = rankWorkbook([tableOf(list, [0, 1, 2, 3], false, [])], OPTIONS);
          const withPillars = rankWorkbook([tableOf(list, order, true, [])], OPTIONS);
          expect(readOutcome(withPillars)).toEqual(readOutcome(plain));
          expect(withPillars.issues.filter((i) => i.severity === "error")).toEqual([]);
        },
      ),
      RUNS,
    );
  });

  it("skips total, average and count rows wherever they are", () => {
    fc.assert(
      fc.property(
        units,
        fc.array(fc.tuple(fc.nat({ max: 30 }), fc.constantFrom(...AGGREGATES)), { maxLength: 4 }),
        (list, aggregates) => {
          const plain = rankWorkbook([tableOf(list, [0, 1, 2, 3], false, [])], OPTIONS);
          const withTotals = rankWorkbook(
            [tableOf(list, [0, 1, 2, 3], false, aggregates)],
            OPTIONS,
          );
          expect(readOutcome(withTotals)).toEqual(readOutcome(plain));
          expect(withTotals.issues.filter((i) => i.severity === "error")).toEqual([]);
        },
      ),
      RUNS,
    );
  });
});
