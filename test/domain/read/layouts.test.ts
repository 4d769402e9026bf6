/**
 * Rows that are not units, layouts the reader must find whole, other provinces' wording, and
 * numbers read in the context of their table.
 */
import { rankWorkbook } from "../../../src/domain/rankWorkbook";
import { readScoreTables } from "../../../src/domain/readScoreTable";
import type { AwardResult, CellSheet } from "../../../src/domain/types";

const OPTIONS = { decisionDate: "2024-03-31" };

const errors = (result: {
  issues: readonly { severity: string; code: string; cell: string | null }[];
}) => result.issues.filter((i) => i.severity === "error").map((i) => `${i.code} ${i.cell ?? ""}`);

function candidates(result: AwardResult, bloc: number): string[] {
  return result.years
    .flatMap((y) => y.blocs)
    .filter((b) => b.bloc === bloc)
    .flatMap((b) => b.units.filter((u) => u.status === "candidate").map((u) => u.name));
}

describe("rows that are totals, averages or counts", () => {
  const sheet: CellSheet = {
    name: "DTI 2023",
    values: [
      ["STT", "Tên đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
      [1, "Tổng công ty Viễn thông MobiFone – Chi nhánh Cần Thơ", 4, 100, 95],
      [2, "Viễn thông Cần Thơ (VNPT)", 4, 100, 90],
      ["", "Cộng khối IV", "", 200, 185],
      ["", "TB khối IV", "", 100, 92.5],
      [3, "Công an thành phố", 1, 1000, 800],
      [4, "Sở Tư pháp", 1, 1000, 700],
      ["", "Điểm trung bình khối", "", 1000, 750],
      ["", "Số đơn vị", "", "", 2],
      ["", "Tổng cộng", "", "", 2185],
    ],
  };

  it("ranks “Tổng công ty …” and “Công an …” as units and skips every aggregate row", () => {
    const result = readScoreTables([sheet]);
    expect(result.units.map((u) => u.name)).toEqual([
      "Tổng công ty Viễn thông MobiFone – Chi nhánh Cần Thơ",
      "Viễn thông Cần Thơ (VNPT)",
      "Công an thành phố",
      "Sở Tư pháp",
    ]);
    expect(errors(result)).toEqual([]);
    expect(result.invalid).toEqual([]);
  });

  it("lists the skipped rows in the reading report", () => {
    const note = readScoreTables([sheet]).tables[0].notes.find((n) => n.en.startsWith("Skipped"));
    expect(note?.en).toContain("Skipped 5 total, average, count row(s)");
    expect(note?.en).toContain("B4 “Cộng khối IV”");
  });
});

describe("a bloc column written once over merged cells", () => {
  it("gives every row of a merged bloc cell its bloc", () => {
    const result = readScoreTables([
      {
        name: "DTI 2023",
        values: [
          ["Khối", "Đơn vị", "Điểm tối đa", "Điểm"],
          ["Khối sở, ban, ngành", "Sở Tư pháp", 1000, 900],
          ["", "Sở Nội vụ", 1000, 800],
          ["Khối huyện", "UBND huyện Phong Điền", 1000, 700],
          ["", "UBND huyện Cờ Đỏ", 1000, 600],
        ],
        merges: [
          { top: 1, left: 0, bottom: 2, right: 0 },
          { top: 3, left: 0, bottom: 4, right: 0 },
        ],
      },
    ]);
    expect(errors(result)).toEqual([]);
    expect(result.units.map((u) => `${u.bloc} ${u.name}`)).toEqual([
      "1 Sở Tư pháp",
      "1 Sở Nội vụ",
      "2 UBND huyện Phong Điền",
      "2 UBND huyện Cờ Đỏ",
    ]);
    expect(result.tables[0].notes.map((n) => n.en)).toContain(
      "Bloc column: 2 cell(s) of merged cells take the bloc written at their top.",
    );
  });

  it("reports a blank bloc cell that is not merged instead of taking the bloc above", () => {
    const result = readScoreTables([
      {
        name: "DTI 2023",
        values: [
          ["Khối", "Đơn vị", "Điểm tối đa", "Điểm"],
          [1, "Sở Tư pháp", 1000, 900],
          ["", "Sở Nội vụ", 1000, 800],
        ],
      },
    ]);
    expect(errors(result)).toEqual(["BLOC_UNKNOWN B3"]);
  });
});

describe("tables side by side on one sheet", () => {
  it("reads both, each with its own columns and bloc", () => {
    const result = readScoreTables([
      {
        name: "DTI 2023",
        values: [
          ["KHỐI SỞ, BAN, NGÀNH", "", "", "", "KHỐI UBND QUẬN, HUYỆN"],
          ["STT", "Đơn vị", "Điểm", "", "STT", "Đơn vị", "Điểm", "Ghi chú"],
          [1, "Sở Tư pháp", 900, "", 1, "UBND quận Ninh Kiều", 700, ""],
          [2, "Sở Nội vụ", 800, "", 2, "UBND huyện Cờ Đỏ", 750, "x"],
        ],
      },
    ]);
    expect(result.tables.map((t) => t.range)).toEqual(["A2:C4", "E2:H4"]);
    expect(result.units.map((u) => `${u.bloc} ${u.name} ${u.score} ${u.source.cell}`)).toEqual([
      "1 Sở Tư pháp 900 B3",
      "1 Sở Nội vụ 800 B4",
      "2 UBND quận Ninh Kiều 700 F3",
      "2 UBND huyện Cờ Đỏ 750 F4",
    ]);
  });
});

describe("a table far from A1", () => {
  it("is found below row 30 and right of column E, and names the real cells", () => {
    const values: unknown[][] = Array.from({ length: 40 }, () => []);
    values.push(["", "", "", "", "", "", "Tên đơn vị", "Khối", "Điểm"]);
    values.push(["", "", "", "", "", "", "Sở Tư pháp", 1, 900]);
    const result = readScoreTables([{ name: "DTI 2023", values }]);
    expect(result.tables[0]).toMatchObject({ headerRow: 41, range: "G41:I42" });
    expect(result.units[0].source.cell).toBe("G42");
  });

  it("is read from a sparse matrix (a used range reaching far) at the cost of its cells", () => {
    const values: unknown[][] = [];
    values[5000] = [];
    values[5000][200] = "Tên đơn vị";
    values[5000][201] = "Khối";
    values[5000][202] = "Điểm";
    values[5001] = [];
    values[5001][200] = "Sở Tư pháp";
    values[5001][201] = 1;
    values[5001][202] = 900;
    values[1_048_575] = [];
    values[1_048_575][16_383] = "x";
    const result = readScoreTables([{ name: "DTI 2023", values }]);
    expect(result.units.map((u) => `${u.name} ${u.source.cell}`)).toEqual(["Sở Tư pháp GS5002"]);
  });
});

describe("hidden sheets and years", () => {
  it("names a hidden sheet with a table when a visible one is ranked", () => {
    const visible: CellSheet = {
      name: "DTI 2023",
      values: [
        ["Đơn vị", "Khối", "Điểm"],
        ["Sở Tư pháp", 1, 900],
      ],
    };
    const result = readScoreTables([visible, { ...visible, name: "DTI 2022", hidden: true }]);
    expect(result.issues.map((i) => [i.code, i.sheet])).toEqual([
      ["SHEET_HIDDEN", "DTI 2022"],
      ["SCORE_WITHOUT_MAX", "DTI 2023"],
    ]);
  });

  it("gives a year-less sheet the workbook's year, not the year asked for", () => {
    const dated: CellSheet = {
      name: "DTI 2023",
      values: [
        ["Đơn vị", "Khối", "Điểm"],
        ["Sở Tư pháp", 1, 900],
      ],
    };
    const yearless: CellSheet = {
      name: "Doanh nghiệp",
      values: [
        ["Tên doanh nghiệp", "Điểm"],
        ["VNPT Cần Thơ", 90],
      ],
    };
    const result = readScoreTables([dated, yearless], { year: 2024 });
    expect(result.units.map((u) => `${u.name} ${u.year}`)).toEqual([
      "Sở Tư pháp 2023",
      "VNPT Cần Thơ 2023",
    ]);
    expect(result.tables[1].yearSource).toBe("workbook");
  });
});

describe("other provinces' wording", () => {
  it.each([
    ["KHỐI HUYỆN, THỊ XÃ, THÀNH PHỐ"],
    ["KHỐI UBND HUYỆN, THỊ XÃ, THÀNH PHỐ"],
    ["UBND CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ"],
    ["Khối huyện"],
  ])("reads “%s” as the heading of bloc 2, with or without a Roman II beside it", (heading) => {
    for (const numeral of ["", "II"]) {
      const result = readScoreTables([
        {
          name: "DTI 2023",
          values: [
            ["STT", "Tên đơn vị", "Điểm tối đa", "Điểm"],
            [numeral, heading],
            [1, "UBND huyện Phong Điền", 1000, 800],
          ],
        },
      ]);
      expect(result.units.map((u) => u.bloc)).toEqual([2]);
      expect(errors(result)).toEqual([]);
    }
  });

  it.each([
    ["Tên địa phương", "Giá trị DTI"],
    ["Địa phương", "Chỉ số DTI"],
    ["Tỉnh, thành phố", "PDTI"],
    ["Các tỉnh, thành phố trực thuộc TW", "Giá trị DTI"],
  ])("reads a table headed “%s” | “%s”", (unit, score) => {
    const result = readScoreTables(
      [
        {
          name: "DTI 2023",
          values: [
            ["STT", unit, score],
            [1, "Đà Nẵng", "0,8340"],
            [2, "Bình Dương", "0,7411"],
          ],
        },
      ],
      { bloc: 2 },
    );
    expect(result.units.map((u) => `${u.name} ${u.score}`)).toEqual([
      "Đà Nẵng 0.834",
      "Bình Dương 0.7411",
    ]);
  });

  it("reads a max typed “1.000” as one thousand beside scores typed “914,31”", () => {
    const result = readScoreTables([
      {
        name: "DTI 2023",
        values: [
          ["Đơn vị", "Khối", "Điểm tối đa", "Điểm"],
          ["Sở Tư pháp", 1, "1.000", "914,31"],
          ["Sở Nội vụ", 1, "1.000", "747,5"],
        ],
      },
    ]);
    expect(errors(result)).toEqual([]);
    expect(result.units.map((u) => u.maxScore)).toEqual([1000, 1000]);
  });

  it("reads “thang điểm 1.000” in the score header as the max", () => {
    const result = readScoreTables([
      {
        name: "DTI 2023",
        values: [
          ["Đơn vị", "Khối", "Tổng điểm (thang điểm 1.000)"],
          ["Sở Tư pháp", 1, "914,31"],
        ],
      },
    ]);
    expect(result.units[0]).toMatchObject({ score: 914.31, maxScore: 1000 });
  });

  it("excludes a unit marked “Không xét” without a score, without an error", () => {
    const result = rankWorkbook(
      [
        {
          name: "DTI 2023",
          values: [
            ["Đơn vị", "Khối", "Điểm tối đa", "Điểm", "Ghi chú"],
            ["Sở Tư pháp", 1, 1000, "", "Không xét (đã sáp nhập)"],
            ["Sở Nội vụ", 1, 1000, "không xếp hạng", ""],
            ["Sở Y tế", 1, 1000, 700, ""],
          ],
        },
      ],
      OPTIONS,
    );
    expect(errors(result)).toEqual([]);
    const units = result.years[0].blocs[0].units;
    expect(units.map((u) => `${u.name} ${u.status} ${u.rank}`)).toEqual([
      "Sở Y tế candidate 1",
      "Sở Tư pháp excluded null",
      "Sở Nội vụ excluded null",
    ]);
    expect(result.issues.map((i) => i.code)).toContain("UNIT_EXCLUDED_UNSCORED");
  });
});

describe("mixed ratio scales", () => {
  it("flags 0.99 among 91 and 95 in a ratio column at its cell instead of reading it as 99 %", () => {
    const result = rankWorkbook(
      [
        {
          name: "DTI 2023",
          values: [
            ["Đơn vị", "Khối", "Tỷ lệ (%)"],
            ["Sở Tư pháp", 1, 0.99],
            ["Sở Nội vụ", 1, 95],
            ["Sở Y tế", 1, 91],
          ],
        },
      ],
      OPTIONS,
    );
    expect(errors(result)).toEqual(["RATIO_SCALE_MIXED C2"]);
    expect(candidates(result, 1)).toEqual(["Sở Nội vụ"]);
  });
});

describe("no table found", () => {
  it("says which header-like rows were seen and where", () => {
    const result = readScoreTables([
      { name: "DTI 2023", values: [["Bảng tổng hợp"], ["STT", "Tên đơn vị", "Kết luận"]] },
    ]);
    const issue = result.issues.find((i) => i.code === "NO_SCORE_TABLE");
    expect(issue?.message.vi).toContain("DTI 2023!2 (A: STT | B: Tên đơn vị | C: Kết luận)");
    expect(issue?.message.en).toContain("Header-like rows seen: DTI 2023!2");
    expect(issue?.message.en).toContain("--column");
  });
});
