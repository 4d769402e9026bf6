/**
 * Which column is the score: the reader follows what the index means, and refuses a table it can
 * read two ways with different outcomes instead of guessing.
 */
import { rankWorkbook } from "../../../src/domain/rankWorkbook";
import { readScoreTables } from "../../../src/domain/readScoreTable";
import type { AwardResult, CellSheet } from "../../../src/domain/types";

const OPTIONS = { decisionDate: "2024-03-31" };

function candidates(result: AwardResult, bloc = 1): string[] {
  return result.years
    .flatMap((y) => y.blocs)
    .filter((b) => b.bloc === bloc)
    .flatMap((b) => b.units.filter((u) => u.status === "candidate").map((u) => u.name));
}

function reading(result: AwardResult, role: string): string {
  const r = result.tables[0].readings.find((x) => x.role === role);
  return r ? `${r.column} ${r.header}` : "";
}

const errors = (result: AwardResult): string[] =>
  result.issues.filter((i) => i.severity === "error").map((i) => `${i.code} ${i.cell ?? ""}`);

describe("a total column after its pillar columns", () => {
  const sheet: CellSheet = {
    name: "DTI 2023",
    values: [
      [
        "STT",
        "Tên cơ quan, đơn vị",
        "Điểm chính quyền số",
        "Điểm kinh tế số",
        "Điểm xã hội số",
        "Tổng điểm",
        "Điểm tối đa",
      ],
      ["I", "KHỐI SỞ, BAN, NGÀNH"],
      [1, "Sở Tư pháp", 500, 100, 200, 800, 1000],
      [2, "Sở Nội vụ", 300, 300, 300, 900, 1000],
    ],
  };

  it("ranks by the total, not by the first pillar", () => {
    const result = rankWorkbook([sheet], OPTIONS);
    expect(errors(result)).toEqual([]);
    expect(candidates(result)).toEqual(["Sở Nội vụ"]);
    expect(reading(result, "score")).toBe("F Tổng điểm");
  });

  it("says in the reading report that the total was preferred over the pillars", () => {
    const result = rankWorkbook([sheet], OPTIONS);
    const why = result.tables[0].readings.find((r) => r.role === "score")?.why.en ?? "";
    expect(why).toContain("total column over 3 part columns");
    expect(why).toContain("C “Điểm chính quyền số”");
  });
});

describe("a self-assessed score before the appraised one", () => {
  it("ranks by the appraised score", () => {
    const result = rankWorkbook(
      [
        {
          name: "DTI 2023",
          values: [
            ["Đơn vị", "Khối", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định"],
            ["Sở Tư pháp", 1, 1000, 990, 700],
            ["Sở Nội vụ", 1, 1000, 800, 790],
          ],
        },
      ],
      OPTIONS,
    );
    expect(candidates(result)).toEqual(["Sở Nội vụ"]);
    expect(reading(result, "score")).toBe("E Điểm thẩm định");
    expect(result.tables[0].notes.map((n) => n.en).join(" ")).toContain("self-assessment");
  });
});

describe("score columns of two years on one year's table", () => {
  const values = [
    ["Đơn vị", "Khối", "Điểm tối đa", "Điểm năm 2022", "Điểm năm 2023"],
    ["Sở Tư pháp", 1, 1000, 990, 700],
    ["Sở Nội vụ", 1, 1000, 800, 790],
  ];

  it("takes the column of the table's own year", () => {
    const result = rankWorkbook([{ name: "DTI 2023", values }], OPTIONS);
    expect(candidates(result)).toEqual(["Sở Nội vụ"]);
    expect(reading(result, "score")).toBe("E Điểm năm 2023");
  });

  it("takes the column of the year asked for when the table states none", () => {
    const result = rankWorkbook([{ name: "Bảng điểm", values }], { ...OPTIONS, year: 2022 });
    expect(candidates(result)).toEqual(["Sở Tư pháp"]);
  });

  it("refuses the table, naming both columns, when no year says which", () => {
    const result = rankWorkbook([{ name: "Bảng điểm", values }], OPTIONS);
    const issue = result.issues.find((i) => i.code === "COLUMN_AMBIGUOUS");
    expect(issue).toMatchObject({ severity: "error", sheet: "Bảng điểm" });
    expect(issue?.message.en).toContain("D “Điểm năm 2022”");
    expect(issue?.message.en).toContain("E “Điểm năm 2023”");
    expect(issue?.message.en).toContain('--column score="Điểm năm 2022"');
    expect(issue?.message.vi).toContain("Chọn cột");
    expect(result.tables[0].refused).toBe(true);
    expect(candidates(result)).toEqual([]);
  });
});

describe("a ratio column and no max column", () => {
  it("ranks by the written ratio, not by the raw score", () => {
    const result = rankWorkbook(
      [
        {
          name: "DTI 2023",
          values: [
            ["Đơn vị", "Khối", "Tổng điểm", "Tỷ lệ (%)"],
            ["Sở Tư pháp", 1, 900, 90],
            ["Sở Nội vụ", 1, 665, 95],
          ],
        },
      ],
      OPTIONS,
    );
    expect(errors(result)).toEqual([]);
    expect(candidates(result)).toEqual(["Sở Nội vụ"]);
    const unit = result.years[0].blocs[0].units[0];
    expect(unit).toMatchObject({ name: "Sở Nội vụ", score: 665, ratio: 0.95 });
    expect(result.tables[0].notes.map((n) => n.en)).toContain(
      "The table has no max score column: units are ranked by the ratio it writes.",
    );
  });
});

describe("a two-row header: “Điểm” over “Đạt được | Tối đa”", () => {
  const values = [
    ["STT", "Tên đơn vị", "Điểm", "", "Tỷ lệ (%)"],
    ["", "", "Đạt được", "Tối đa", ""],
    [1, "Sở Tư pháp", 450, 500, 90],
    [2, "Sở Nội vụ", 900, 1000, 90],
    [3, "Sở Y tế", 700, 700, 100],
  ];

  it("reads score and max from the lower row when the host gives the merged areas", () => {
    const sheet: CellSheet = {
      name: "Khối 1 năm 2023",
      values,
      merges: [
        { top: 0, left: 2, bottom: 0, right: 3 },
        { top: 0, left: 0, bottom: 1, right: 0 },
        { top: 0, left: 1, bottom: 1, right: 1 },
        { top: 0, left: 4, bottom: 1, right: 4 },
      ],
    };
    const result = rankWorkbook([sheet], OPTIONS);
    expect(errors(result)).toEqual([]);
    expect(candidates(result)).toEqual(["Sở Y tế"]);
    expect(reading(result, "score")).toBe("C Điểm / Đạt được");
    expect(reading(result, "maxScore")).toBe("D Điểm / Tối đa");
  });

  it("reads the same without merged areas (hosts before ExcelApi 1.13)", () => {
    const result = rankWorkbook([{ name: "Khối 1 năm 2023", values }], OPTIONS);
    expect(errors(result)).toEqual([]);
    expect(candidates(result)).toEqual(["Sở Y tế"]);
    expect(result.tables[0].dataRows).toBe(3);
  });
});

describe("two score columns the reader cannot tell apart", () => {
  const table = (rows: unknown[][]): CellSheet => ({
    name: "DTI 2023",
    values: [["Đơn vị", "Khối", "Điểm tối đa", "Điểm", "Điểm đánh giá"], ...rows],
  });

  it("refuses the table when the two give different candidates", () => {
    const result = rankWorkbook(
      [
        table([
          ["Sở Tư pháp", 1, 1000, 990, 700],
          ["Sở Nội vụ", 1, 1000, 800, 790],
        ]),
      ],
      OPTIONS,
    );
    expect(result.issues.map((i) => i.code)).toContain("COLUMN_AMBIGUOUS");
    expect(candidates(result)).toEqual([]);
  });

  it("reads the table when both give the same outcome, and says which was used", () => {
    const result = rankWorkbook(
      [
        table([
          ["Sở Tư pháp", 1, 1000, 990, 980],
          ["Sở Nội vụ", 1, 1000, 800, 790],
        ]),
      ],
      OPTIONS,
    );
    expect(errors(result)).toEqual([]);
    expect(candidates(result)).toEqual(["Sở Tư pháp"]);
    expect(result.tables[0].notes.map((n) => n.en).join(" ")).toContain("gives the same outcome");
  });

  it("reads the column the officer chose, by header or by letter", () => {
    const rows = [
      ["Sở Tư pháp", 1, 1000, 990, 700],
      ["Sở Nội vụ", 1, 1000, 800, 790],
    ];
    const byHeader = rankWorkbook([table(rows)], {
      ...OPTIONS,
      columns: { score: "Điểm đánh giá" },
    });
    expect(candidates(byHeader)).toEqual(["Sở Nội vụ"]);
    const byLetter = rankWorkbook([table(rows)], { ...OPTIONS, columns: { score: "D" } });
    expect(candidates(byLetter)).toEqual(["Sở Tư pháp"]);
    expect(byLetter.tables[0].readings.find((r) => r.role === "score")?.why.en).toBe(
      "column chosen by the user",
    );
  });

  it("refuses a chosen column that is not in the table, naming it", () => {
    const result = readScoreTables([table([["Sở Tư pháp", 1, 1000, 990, 700]])], {
      columns: { score: "Điểm thẩm định" },
    });
    expect(result.issues.map((i) => [i.code, i.params.header])).toContainEqual([
      "HEADER_NOT_FOUND",
      "Điểm thẩm định",
    ]);
    expect(result.units).toEqual([]);
  });
});

describe("score, max and ratio that agree", () => {
  it("takes the score column that the written ratio was computed from", () => {
    const result = rankWorkbook(
      [
        {
          name: "DTI 2023",
          values: [
            ["Đơn vị", "Khối", "Điểm", "Điểm số", "Điểm tối đa", "Tỷ lệ (%)"],
            ["Sở Tư pháp", 1, 990, 700, 1000, 70],
            ["Sở Nội vụ", 1, 800, 790, 1000, 79],
            ["Sở Y tế", 1, 850, 600, 1000, 60],
          ],
        },
      ],
      OPTIONS,
    );
    expect(errors(result)).toEqual([]);
    expect(candidates(result)).toEqual(["Sở Nội vụ"]);
    expect(result.tables[0].readings.find((r) => r.role === "score")?.why.en).toContain(
      "agrees with ratio column F on 3 of 3 rows",
    );
  });

  /** A ratio column that disagrees with score ÷ max on most rows, and ranks differently. */
  const RATIO_DISAGREES: CellSheet[] = [
    {
      name: "DTI 2023",
      values: [
        ["Đơn vị", "Khối", "Điểm đạt được", "Điểm tối đa", "Tỷ lệ (%)"],
        ["Sở Tư pháp", 1, 900, 1000, 60],
        ["Sở Nội vụ", 1, 800, 1000, 95],
        ["Sở Y tế", 1, 700, 1000, 50],
      ],
    },
  ];

  it("refuses a table whose ratio column disagrees on most rows when the two rank differently", () => {
    const result = rankWorkbook(RATIO_DISAGREES, OPTIONS);
    const refusal = result.issues.find((i) => i.code === "COLUMN_AMBIGUOUS");
    expect(refusal?.params).toMatchObject({ option: "ratio" });
    // Each reading with the choice that names it: the max to divide by, or the written ratio.
    expect(refusal?.message.vi).toContain(
      `--column max="Điểm tối đa" (điểm ÷ điểm tối đa) hoặc --column ratio="Tỷ lệ (%)"`,
    );
    expect(refusal?.message.en).toContain(
      `--column max="Điểm tối đa" (score ÷ max) or --column ratio="Tỷ lệ (%)"`,
    );
    expect(candidates(result)).toEqual([]);
  });

  it.each([
    [{ ratio: "Tỷ lệ (%)" }, ["Sở Nội vụ"]],
    [{ maxScore: "Điểm tối đa" }, ["Sở Tư pháp"]],
  ] as const)("ranks as the officer chose after such a refusal: %j", (columns, chosen) => {
    const result = rankWorkbook(RATIO_DISAGREES, { ...OPTIONS, columns });
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(candidates(result)).toEqual(chosen);
  });
});
