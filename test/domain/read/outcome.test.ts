import { firstDifference, outcomeOf } from "../../../src/domain/read/outcome";
import type { RawRow } from "../../../src/domain/read/rows";

function row(name: string, bloc: 1 | 2 | 3 | 4, score: number): RawRow {
  return {
    name,
    key: name.toLowerCase(),
    source: { sheet: "S", cell: "A1" },
    group: "",
    bloc,
    blocSource: "column",
    cellYear: undefined,
    score,
    maxScore: 1000,
    rankedBy: undefined,
    excluded: false,
    unscored: false,
    note: "",
    issues: [],
    year: 0,
    ratio: null,
    order: 0,
  };
}

describe("outcomeOf", () => {
  it("is the same for two readings that pick the same candidates and top ranks", () => {
    const a = outcomeOf([row("A", 1, 900), row("B", 1, 800), row("C", 1, 100)], 2023);
    const b = outcomeOf([row("A", 1, 950), row("B", 1, 700), row("C", 1, 50)], 2023);
    expect(a).toBe(b);
  });

  it("differs when a candidate changes, and names the bloc", () => {
    const a = outcomeOf([row("A", 1, 900), row("B", 1, 800)], 2023);
    const b = outcomeOf([row("A", 1, 700), row("B", 1, 800)], 2023);
    expect(firstDifference(a, b)).toEqual({ bloc: "1", year: "2023" });
  });

  it("names the bloc and year that only one reading ranks", () => {
    const none = outcomeOf([], 2023);
    const some = outcomeOf([row("A", 2, 900)], 2023);
    expect(firstDifference(none, some)).toEqual({ bloc: "2", year: "2023" });
    const two = outcomeOf([row("A", 1, 900), row("B", 3, 400)], 2023);
    const three = outcomeOf([row("B", 3, 400)], 2023);
    expect(firstDifference(three, two)).toEqual({ bloc: "1", year: "2023" });
  });

  it("differs when the order within the bloc's widest quota changes", () => {
    // Bloc 3 in 2025 has 9 individual slots: ranks down to 9 matter.
    const names = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"];
    const a = outcomeOf(
      names.map((n, i) => row(n, 3, 1000 - i)),
      2025,
    );
    const swapped = names.map((n, i) => row(n, 3, i === 7 ? 991 : i === 8 ? 993 : 1000 - i));
    expect(outcomeOf(swapped, 2025)).not.toBe(a);
  });
});
