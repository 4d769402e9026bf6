import fc from "fast-check";
import * as rankUnits from "../../src/domain/rankUnits";
import { rank, ranks, resetFunctionCaches, status, statuses } from "../../src/functions/functions";
import {
  ShimError,
  column,
  useCustomFunctionsShim,
  isValueError,
  setDisplayLanguage,
} from "./customFunctionsShim";

useCustomFunctionsShim(resetFunctionCaches);

/** A cell's answer as compared between the two ways: errors by their code and message. */
const answer = (value: unknown): unknown =>
  value instanceof ShimError ? { error: value.code, message: value.message } : value;

const flat = (matrix: readonly (readonly unknown[])[]): unknown[] => matrix.flat().map(answer);

describe("AWARD.RANKS", () => {
  it("ranks a whole column in one call, spilling one rank per row", () => {
    const blocs = column([3, 3, 3, 3, 1]);
    const ratios = column([0.8, 0.9, 0.95, 0.9, 0.5]);
    expect(ranks(blocs, ratios)).toEqual([[4], [2], [1], [2], [1]]);
  });

  it("spills across when the table runs across", () => {
    expect(ranks([[3, 3, 3]], [[0.8, 0.9, 0.95]])).toEqual([[3, 2, 1]]);
  });

  it("leaves blank ratios blank and gives a bad row its own error", () => {
    const result = ranks(column([3, 3, 7, 3]), column([0.9, "", 0.8, "cao"]));
    expect(result[0][0]).toBe(1);
    expect(result[1][0]).toBe("");
    expect(isValueError(result[2][0])).toBe(true);
    expect(isValueError(result[3][0])).toBe(true);
  });

  it("answers ranges of different shapes with one error", () => {
    const result = ranks(column([3, 3]), column([0.9, 0.8, 0.7]));
    expect(result).toHaveLength(1);
    expect(isValueError(result[0][0])).toBe(true);
  });

  it("ranks the table once however many times it is asked", () => {
    const spy = jest.spyOn(rankUnits, "rankUnitsWithinBloc");
    const ratios = column([0.8, 0.9, 0.95]);
    ranks(column([3, 3, 3]), ratios);
    ranks(
      column([3, 3, 3]),
      ratios.map((row) => [...row]),
    );
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });
});

describe("AWARD.STATUSES", () => {
  const blocs = column([3, 3, 3, 3, 3]);
  const ratios = column([0.95, 0.9, 0.9, 0.9, 0.8]);

  it("gives every row its status in one call, the tie at the cut-off included", () => {
    expect(statuses(blocs, ratios, 2023)).toEqual([
      ["Đề xuất"],
      ["Bằng điểm – Hội đồng xét"],
      ["Bằng điểm – Hội đồng xét"],
      ["Bằng điểm – Hội đồng xét"],
      ["Không đề xuất"],
    ]);
  });

  it("lets excluded rows give their slot to the next one", () => {
    const excluded = column(["x", "", "", "", ""]);
    expect(statuses(blocs, ratios, 2023, excluded).flat()).toEqual([
      "Không xét",
      "Đề xuất",
      "Đề xuất",
      "Đề xuất",
      "Không đề xuất",
    ]);
  });

  it("speaks English when Office's display language is not Vietnamese", () => {
    setDisplayLanguage("en-US");
    expect(statuses(blocs, ratios, 2025).flat()[0]).toBe("Candidate");
  });

  it("gives the year's error on every ranked row and keeps blank rows blank", () => {
    const result = statuses(column([3, 3]), column([0.9, ""]), 2030).flat();
    expect(isValueError(result[0])).toBe(true);
    expect(result[1]).toBe("");
  });
});

/* ---------------------------------------------------------------------------------------------
 * The spilled functions give exactly what the per-cell ones give
 * ------------------------------------------------------------------------------------------- */

const ratioCell = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 40 }).map((n) => n / 40) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 2000 }).map((n) => n / 2000) },
  { weight: 1, arbitrary: fc.constantFrom("", null, "0,9", "91,25%", "cao", "#DIV/0!", -0.5) },
);
const blocCell = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(1, 2, 3, 4) },
  { weight: 2, arbitrary: fc.constantFrom("Khối 3", "K2", "Khối III", "3") },
  { weight: 1, arbitrary: fc.constantFrom(7, "", null, "Khối 9") },
);
const excludedCell = fc.oneof(
  { weight: 12, arbitrary: fc.constant("") },
  { weight: 2, arbitrary: fc.constantFrom("x", "có", true, 1) },
  { weight: 1, arbitrary: fc.constantFrom("không", 0, false) },
  { weight: 1, arbitrary: fc.constant("có lẽ") },
);
const rowArb = fc.record({ ratio: ratioCell, bloc: blocCell, excluded: excludedCell });
const tableArb = fc.record({
  rows: fc.array(rowArb, { minLength: 1, maxLength: 60 }),
  across: fc.boolean(),
  year: fc.constantFrom<unknown>(2022, 2023, 2024, 2025, "2025", 2030, ""),
  withExcluded: fc.boolean(),
  lang: fc.constantFrom<string | null>(null, "vi-VN", "en-US"),
});

/** A range laid out down a column or across a row, as Excel passes it. */
const laidOut = (cells: readonly unknown[], across: boolean): unknown[][] =>
  across ? [[...cells]] : cells.map((cell) => [cell]);

describe("the spilled functions against the per-cell ones on generated tables", () => {
  it("RANKS gives, row by row, exactly what RANK gives", () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        resetFunctionCaches();
        const ratios = laidOut(
          table.rows.map((r) => r.ratio),
          table.across,
        );
        const blocs = laidOut(
          table.rows.map((r) => r.bloc),
          table.across,
        );
        const perCell = table.rows.map((r) => answer(rank(r.ratio, r.bloc, ratios, blocs)));
        resetFunctionCaches();
        expect(flat(ranks(blocs, ratios))).toEqual(perCell);
      }),
      { numRuns: 300 },
    );
  });

  it("STATUSES gives, row by row, exactly what STATUS gives", () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        resetFunctionCaches();
        setDisplayLanguage(table.lang);
        const lay = (cells: readonly unknown[]) => laidOut(cells, table.across);
        const ratios = lay(table.rows.map((r) => r.ratio));
        const blocs = lay(table.rows.map((r) => r.bloc));
        const excluded = table.withExcluded ? lay(table.rows.map((r) => r.excluded)) : undefined;
        const perCell = table.rows.map((r) =>
          answer(status(r.ratio, r.bloc, table.year, ratios, blocs, excluded)),
        );
        resetFunctionCaches();
        expect(flat(statuses(blocs, ratios, table.year, excluded))).toEqual(perCell);
      }),
      { numRuns: 300 },
    );
  });
});
