import path from "path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { readScoreTables } from "../../src/domain/readScoreTable";
import type { ScoreReading } from "../../src/domain/readScoreTable";
import type { CellSheet } from "../../src/domain/types";
import {
  englishHeaders,
  flatSeveralYears,
  flatTable,
  headersWithoutDiacritics,
  nfdEverywhere,
  nomineeSheet,
  officerLayout,
  offsetRange,
  sheetPerBloc,
  stackedTables,
  textNumbers,
} from "../fixtures/layouts";

const EXAMPLE = path.resolve(__dirname, "../../samples/dti-example-2023.xlsx");

/** The issues of a reading as "CODE Sheet!A1" lines. */
function issueLines(reading: ScoreReading): string[] {
  return reading.issues.map((i) => `${i.code} ${i.sheet ?? ""}!${i.cell ?? ""}`);
}

function unitOf(reading: ScoreReading, name: string) {
  const unit = reading.units.find((u) => u.name === name);
  if (!unit) throw new Error(`no unit ${name}`);
  return unit;
}

function readOne(rows: readonly (readonly unknown[])[]): ScoreReading {
  return readScoreTables([flatTable(rows)]);
}

describe("readScoreTables on the layouts officers use", () => {
  it("reads the officers' layout: letterhead, sections, district groups, total row", () => {
    const reading = readScoreTables([officerLayout()]);
    expect(reading.invalid).toEqual([]);
    expect(reading.issues).toEqual([]);
    expect(reading.units.map((u) => [u.name, u.bloc, u.group])).toEqual([
      ["Văn phòng UBND thành phố", 1, ""],
      ["Sở Tư pháp", 1, ""],
      ["Sở Nội vụ", 1, ""],
      ["UBND quận Ninh Kiều", 2, ""],
      ["UBND quận Bình Thủy", 2, ""],
      ["UBND phường Cái Khế", 3, "Quận Ninh Kiều"],
      ["UBND phường An Hòa", 3, "Quận Ninh Kiều"],
      ["UBND xã Tân Thới", 3, "Huyện Phong Điền"],
    ]);
    expect(unitOf(reading, "Sở Tư pháp")).toMatchObject({
      year: 2023,
      score: 942.5,
      maxScore: 1000,
      ratio: 0.9425,
      source: { sheet: "DTI 2023", cell: "B10" },
      excluded: false,
    });
    expect(reading.units.map((u) => u.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(reading.tables).toEqual([
      {
        sheet: "DTI 2023",
        kind: "scores",
        headerRow: 7,
        headers: [
          "STT",
          "Tên cơ quan, đơn vị",
          "Điểm tối đa",
          "Điểm đạt được",
          "Tỷ lệ (%)",
          "Xếp hạng trong khối",
          "Ghi chú",
        ],
        columns: { unit: "B", maxScore: "C", score: "D", ratio: "E", note: "G" },
        dataRows: 8,
        yearSource: "sheet",
        year: 2023,
        range: "A7:G21",
        readings: expect.any(Array),
        blocSource: expect.any(String),
        notes: expect.any(Array),
        refused: false,
      },
    ]);
    expect(reading.tables[0].readings.map((r) => `${r.role}:${r.column}:${r.header}`)).toEqual([
      "unit:B:Tên cơ quan, đơn vị",
      "maxScore:C:Điểm tối đa",
      "score:D:Điểm đạt được",
      "ratio:E:Tỷ lệ (%)",
      "note:G:Ghi chú",
    ]);
  });

  it("takes the title's year over the dispatch line's when the sheet name has none", () => {
    const reading = readScoreTables([{ ...officerLayout(), name: "Bảng điểm" }]);
    expect(reading.units.every((u) => u.year === 2023)).toBe(true);
    expect(reading.tables[0].yearSource).toBe("title");
  });

  it("reads a flat table with a bloc column and several years", () => {
    const reading = readScoreTables([flatSeveralYears()]);
    expect(reading.invalid).toEqual([]);
    expect(reading.units.map((u) => [u.year, u.bloc, u.name])).toEqual([
      [2022, 1, "Sở Tư pháp"],
      [2022, 1, "Sở Nội vụ"],
      [2023, 1, "Sở Tư pháp"],
      [2023, 2, "UBND quận Ninh Kiều"],
      [2024, 1, "Sở Tư pháp"],
      [2024, 1, "Sở Nội vụ"],
      [2024, 3, "UBND xã Tân Thới"],
      [2025, 4, "VNPT Cần Thơ"],
    ]);
    expect(reading.tables[0]).toMatchObject({ yearSource: "column", year: null });
  });

  it("reads English headers with an excluded column and notes", () => {
    const reading = readScoreTables([englishHeaders()]);
    expect(reading.issues).toEqual([]);
    expect(reading.units.map((u) => [u.name, u.bloc, u.year, u.excluded, u.note])).toEqual([
      ["So Tu phap", 1, 2024, true, "late report"],
      ["So Noi vu", 1, 2024, false, ""],
      ["So Y te", 1, 2024, false, ""],
    ]);
  });

  it("reads Vietnamese headers typed without diacritics", () => {
    const reading = readScoreTables([headersWithoutDiacritics()]);
    expect(reading.tables[0].columns).toEqual({
      unit: "B",
      bloc: "C",
      maxScore: "D",
      score: "E",
      ratio: "F",
    });
    expect(reading.units.map((u) => u.score)).toEqual([700, 710]);
  });

  it("reads NFD text everywhere and gives names in NFC", () => {
    const reading = readScoreTables([nfdEverywhere()]);
    expect(reading.units.map((u) => [u.name, u.bloc, u.year])).toEqual([
      ["Sở Tư pháp".normalize("NFC"), 1, 2023],
      ["Sở Văn hóa, Thể thao và Du lịch".normalize("NFC"), 1, 2023],
    ]);
  });

  it("reads numbers typed as text with commas and percent signs", () => {
    const reading = readScoreTables([textNumbers()]);
    expect(reading.issues).toEqual([]);
    expect(reading.units.map((u) => [u.score, u.maxScore])).toEqual([
      [912.5, 1000],
      [913.25, 1000],
      [900, 1000.5],
      [900.5, 1000.5],
    ]);
  });

  it("reads one sheet per bloc, with the bloc from the sheet name", () => {
    const reading = readScoreTables(sheetPerBloc());
    expect(reading.units.map((u) => [u.name, u.bloc, u.year, u.maxScore])).toEqual([
      ["Sở Tư pháp", 1, 2023, 1000],
      ["Sở Nội vụ", 1, 2023, 500],
      ["UBND quận Ninh Kiều", 2, 2023, 1000],
      ["UBND xã Tân Thới", 3, 2023, 500],
      ["VNPT Cần Thơ", 4, 2023, 100],
      ["Viettel Cần Thơ", 4, 2023, 100],
    ]);
    expect(issueLines(reading)).toEqual([
      "MAX_FROM_HEADER Khối 4 - Doanh nghiệp!C1",
      "YEAR_FROM_WORKBOOK Khối 4 - Doanh nghiệp!B1",
    ]);
    expect(reading.tables.map((t) => t.yearSource)).toEqual([
      "sheet",
      "sheet",
      "sheet",
      "workbook",
    ]);
  });

  it("names real cells when the used range starts at C5", () => {
    const reading = readScoreTables([offsetRange()]);
    expect(issueLines(reading)).toEqual(["SCORE_ABOVE_MAX DTI 2023!F6"]);
    expect(reading.invalid[0].source).toEqual({ sheet: "DTI 2023", cell: "C6" });
    expect(unitOf(reading, "Sở Nội vụ").source.cell).toBe("C7");
    expect(reading.tables[0]).toMatchObject({
      headerRow: 5,
      columns: { unit: "C", bloc: "D", maxScore: "E", score: "F" },
    });
  });

  it("reads two tables stacked on one sheet, each with its own columns", () => {
    const reading = readScoreTables([stackedTables()]);
    expect(reading.tables.map((t) => [t.headerRow, t.dataRows, t.columns.score])).toEqual([
      [7, 8, "D"],
      [24, 2, "D"],
    ]);
    expect(unitOf(reading, "Viettel Cần Thơ")).toMatchObject({
      bloc: 4,
      year: 2023,
      score: 75,
      maxScore: 100,
      group: "",
    });
    expect(reading.units).toHaveLength(10);
  });
});

describe("rows that are not units", () => {
  it("skips total and average rows in several wordings", () => {
    const reading = readOne([
      ["Sở Tư pháp", 1, 1000, 900],
      ["Tổng cộng", "", 9000, 7000],
      ["Cộng", "", 9000, 7000],
      ["Trung bình", "", 900, 700],
      ["Bình quân", "", 900, 700],
      ["Tổng số đơn vị được đánh giá", "", "", 10],
      ["Total", "", 900, 700],
      ["Average", "", 900, 700],
      ["Công an thành phố", 1, 1000, 800],
    ]);
    expect(reading.units.map((u) => u.name)).toEqual(["Sở Tư pháp", "Công an thành phố"]);
    expect(reading.invalid).toEqual([]);
  });

  it("reports a row with scores but no unit name on its name cell, unless it is a total", () => {
    const reading = readOne([
      ["Sở Tư pháp", 1, 1000, 900],
      ["", 1, 1000, 850],
      ["", "Tổng cộng", 2000, 1750],
    ]);
    expect(reading.units.map((u) => u.name)).toEqual(["Sở Tư pháp"]);
    expect(issueLines(reading)).toContain("UNIT_NAME_MISSING DTI 2023!A3");
    expect(issueLines(reading).filter((l) => l.startsWith("UNIT_NAME_MISSING"))).toHaveLength(1);
  });

  it("reads section rows written in words only, and 'Khối 2'", () => {
    const reading = readScoreTables([
      {
        name: "DTI 2023",
        values: [
          ["STT", "Tên đơn vị", "Điểm tối đa", "Điểm đạt được"],
          ["", "KHỐI SỞ, BAN, NGÀNH"],
          [1, "Sở Tư pháp", 1000, 900],
          ["", "Khối 2"],
          [2, "UBND quận Ninh Kiều", 1000, 800],
          ["", "Xã, phường, thị trấn"],
          [3, "UBND xã Tân Thới", 500, 400],
          ["IV", "Doanh nghiệp viễn thông, công nghệ thông tin"],
          [4, "VNPT Cần Thơ", 100, 90],
        ],
      },
    ]);
    expect(reading.units.map((u) => u.bloc)).toEqual([1, 2, 3, 4]);
  });

  it("tells a sub-heading from a unit with no score (STT column present)", () => {
    const reading = readScoreTables([
      {
        name: "DTI 2023",
        values: [
          ["STT", "Tên đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
          ["", "Huyện Cờ Đỏ"],
          [1, "UBND xã Thạnh Phú", 3, 500, 480],
          [2, "UBND xã Trung An", "", "", ""],
          ["", "Huyện Vĩnh Thạnh"],
          [3, "UBND xã Thạnh Phú", 3, 500, 470],
        ],
      },
    ]);
    expect(reading.units.map((u) => [u.name, u.group])).toEqual([
      ["UBND xã Thạnh Phú", "Huyện Cờ Đỏ"],
      ["UBND xã Thạnh Phú", "Huyện Vĩnh Thạnh"],
    ]);
    expect(reading.invalid.map((r) => [r.name, r.issueCodes])).toEqual([
      ["UBND xã Trung An", ["BLOC_UNKNOWN", "SCORE_MISSING", "MAX_MISSING"]],
    ]);
    expect(issueLines(reading)).not.toContain("DUPLICATE_UNIT DTI 2023!B7");
  });

  it("reports a unit whose number and scores are blank instead of taking it for a heading", () => {
    const reading = readScoreTables([
      {
        name: "DTI 2023",
        values: [
          ["STT", "Tên đơn vị", "Điểm tối đa", "Điểm đạt được"],
          ["I", "KHỐI SỞ, BAN, NGÀNH"],
          [1, "Sở Y tế", 1000, 900],
          ["", "Sở Tư pháp"],
          [2, "Sở Nội vụ", 1000, 800],
        ],
      },
    ]);
    expect(reading.units.map((u) => [u.name, u.group])).toEqual([
      ["Sở Y tế", ""],
      ["Sở Nội vụ", ""],
    ]);
    expect(reading.invalid.map((r) => r.name)).toEqual(["Sở Tư pháp"]);
    expect(issueLines(reading)).toContain("SCORE_MISSING DTI 2023!D4");
  });

  it("tells a sub-heading from a unit with no score (no STT column)", () => {
    const reading = readOne([
      ["Quận Ninh Kiều", "", "", ""],
      ["UBND PHƯỜNG AN CƯ", "", "", ""],
      ["UBND phường Cái Khế", 3, 500, 450],
      ["UBND phường An Hòa", "", "", ""],
      ["UBND phường Tân An", 3, "", ""],
    ]);
    expect(reading.units.map((u) => [u.name, u.group])).toEqual([
      ["UBND phường Cái Khế", "UBND PHƯỜNG AN CƯ"],
    ]);
    expect(reading.invalid.map((r) => r.name)).toEqual([
      "UBND phường An Hòa",
      "UBND phường Tân An",
    ]);
    expect(issueLines(reading)).toEqual(
      expect.arrayContaining(["SCORE_MISSING DTI 2023!D5", "SCORE_MISSING DTI 2023!D6"]),
    );
  });
});

describe("validation: every unit-like row is kept, bad ones with an issue on their cell", () => {
  it.each([
    ["a blank score", ["Sở Y tế", 1, 1000, ""], "SCORE_MISSING", "D2"],
    ["a text score", ["Sở Y tế", 1, 1000, "chưa chấm"], "SCORE_NOT_NUMBER", "D2"],
    ["a boolean score", ["Sở Y tế", 1, 1000, true], "SCORE_NOT_NUMBER", "D2"],
    ["a date score", ["Sở Y tế", 1, 1000, new Date(Date.UTC(2023, 8, 12))], "SCORE_IS_DATE", "D2"],
    ["an error score", ["Sở Y tế", 1, 1000, "#N/A"], "CELL_ERROR", "D2"],
    ["an ambiguous score", ["Sở Y tế", 1, 1000, "1.000"], "NUMBER_AMBIGUOUS", "D2"],
    ["a negative score", ["Sở Y tế", 1, 1000, -5], "SCORE_NEGATIVE", "D2"],
    ["a score above max", ["Sở Y tế", 1, 1000, 1000.5], "SCORE_ABOVE_MAX", "D2"],
    ["a blank max", ["Sở Y tế", 1, "", 500], "MAX_MISSING", "C2"],
    ["a text max", ["Sở Y tế", 1, "nghìn", 500], "MAX_NOT_NUMBER", "C2"],
    ["a max of 0", ["Sở Y tế", 1, 0, 0], "MAX_NOT_POSITIVE", "C2"],
    ["a bloc of 7", ["Sở Y tế", 7, 1000, 500], "BLOC_UNKNOWN", "B2"],
  ] as const)("reports %s", (_what, row, code, cell) => {
    const reading = readOne([row, ["Sở Nội vụ", 1, 1000, 500]]);
    expect(reading.units.map((u) => u.name)).toEqual(["Sở Nội vụ"]);
    expect(reading.invalid).toHaveLength(1);
    expect(reading.invalid[0]).toMatchObject({
      name: "Sở Y tế",
      source: { sheet: "DTI 2023", cell: "A2" },
      issueCodes: [code],
    });
    const issue = reading.issues.find((i) => i.code === code);
    expect(issue).toMatchObject({ severity: "error", sheet: "DTI 2023", cell });
    expect(issue?.message.vi).toBeTruthy();
    expect(issue?.message.en).toBeTruthy();
  });

  it("gives a number that nothing settles both readings", () => {
    const reading = readOne([["Sở Y tế", 1, 1000, "1.000"]]);
    expect(reading.issues[0].params).toEqual({ value: "1.000", thousand: 1000, decimal: 1 });
  });

  it("reads a max typed “1.000” beside a score of 900 as one thousand: one cannot be the max", () => {
    const reading = readOne([["Sở Y tế", 1, "1.000", 900]]);
    expect(reading.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(reading.units[0]).toMatchObject({ score: 900, maxScore: 1000 });
  });

  it("lists every problem of a row", () => {
    const reading = readOne([["Sở Y tế", "Khối 9", "#REF!", "abc"]]);
    expect(reading.invalid[0].issueCodes).toEqual([
      "BLOC_UNKNOWN",
      "SCORE_NOT_NUMBER",
      "CELL_ERROR",
    ]);
  });

  it("reports a row with no bloc anywhere on its name cell", () => {
    const reading = readScoreTables([
      {
        name: "DTI 2023",
        values: [
          ["Đơn vị", "Điểm tối đa", "Điểm"],
          ["Sở Y tế", 1000, 500],
        ],
      },
    ]);
    expect(issueLines(reading)).toEqual(["BLOC_UNKNOWN DTI 2023!A2"]);
    expect(reading.invalid[0]).toMatchObject({ bloc: null, year: 2023 });
  });

  it("reports a missing year on each row, and a year outside 2022–2025 keeping it", () => {
    const missing = readScoreTables([flatTable([["Sở Y tế", 1, 1000, 500]], "Bảng điểm")]);
    expect(issueLines(missing)).toEqual(["YEAR_MISSING Bảng điểm!A2"]);
    const outside = readScoreTables([flatTable([["Sở Y tế", 1, 1000, 500]], "DTI 2021")]);
    expect(issueLines(outside)).toEqual(["YEAR_OUT_OF_RANGE DTI 2021!A2"]);
    expect(outside.invalid[0]).toMatchObject({ year: 2021, issueCodes: ["YEAR_OUT_OF_RANGE"] });
    const column = readScoreTables([
      {
        name: "Tổng hợp",
        values: [
          ["Đơn vị", "Khối", "Năm", "Điểm"],
          ["Sở Y tế", 1, 2026, 500],
          ["Sở Nội vụ", 1, "năm nào", 500],
        ],
      },
    ]);
    expect(issueLines(column)).toEqual([
      "SCORE_WITHOUT_MAX Tổng hợp!D1",
      "YEAR_OUT_OF_RANGE Tổng hợp!C2",
      "YEAR_MISSING Tổng hợp!C3",
    ]);
  });

  it("takes the caller's year for a table that states none", () => {
    const reading = readScoreTables([flatTable([["Sở Y tế", 1, 1000, 500]], "Bảng điểm")], {
      year: 2024,
    });
    expect(reading.units[0].year).toBe(2024);
    expect(reading.tables[0].yearSource).toBe("caller");
  });

  it("reports the same unit twice in a bloc and year on the second name cell", () => {
    const reading = readOne([
      ["Sở Tư pháp".normalize("NFC"), 1, 1000, 800],
      ["Sở Tư pháp".normalize("NFD"), 1, 1000, 900],
      ["  Sở  Tư pháp ", 2, 1000, 900],
      ["Sở Nội vụ", 1, 1000, 500],
    ]);
    expect(reading.units.map((u) => [u.name, u.bloc])).toEqual([
      ["Sở Tư pháp", 1],
      ["Sở Nội vụ", 1],
    ]);
    const dup = reading.issues.find((i) => i.code === "DUPLICATE_UNIT");
    expect(dup).toMatchObject({ cell: "A3", params: { first: "A2", bloc: 1, year: 2023 } });
    expect(reading.invalid[0]).toMatchObject({ source: { cell: "A3" }, score: 900 });
  });

  it("reports a unit written again in another bloc of the year on the later row, naming the first", () => {
    const reading = readOne([
      ["Sở Tư pháp", 1, 1000, 800],
      ["Sở Nội vụ", 1, 1000, 500],
      ["Sở Tư pháp", 3, 1000, 990],
    ]);
    expect(reading.units.map((u) => [u.name, u.bloc])).toEqual([
      ["Sở Tư pháp", 1],
      ["Sở Nội vụ", 1],
    ]);
    expect(reading.issues.find((i) => i.code === "UNIT_IN_TWO_BLOCS")).toMatchObject({
      cell: "A4",
      severity: "error",
      params: { first: "A2", firstBloc: 1, bloc: 3, year: 2023 },
    });
    expect(reading.invalid.map((r) => [r.source.cell, r.issueCodes])).toEqual([
      ["A4", ["UNIT_IN_TWO_BLOCS"]],
    ]);
  });

  it("keeps a district and a town that share a bare name, and not two rows that name the type", () => {
    const reading = readOne([
      ["Vĩnh Thạnh", 2, 1000, 800],
      ["Vĩnh Thạnh", 3, 500, 400],
      ["Huyện Cờ Đỏ", 2, 1000, 700],
      ["Huyện Cờ Đỏ", 3, 500, 450],
    ]);
    expect(reading.units.map((u) => [u.name, u.bloc])).toEqual([
      ["Vĩnh Thạnh", 2],
      ["Vĩnh Thạnh", 3],
      ["Huyện Cờ Đỏ", 2],
    ]);
    expect(reading.invalid.map((r) => [r.source.cell, r.issueCodes])).toEqual([
      ["A5", ["UNIT_IN_TWO_BLOCS"]],
    ]);
  });

  it("refuses a unit whose written ratio disagrees with score ÷ max beyond its rounding", () => {
    const reading = readScoreTables([
      {
        name: "DTI 2023",
        values: [
          ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được", "Tỷ lệ (%)"],
          ["Sở Tư pháp", 1, 1000, 900, 99],
          ["Sở Nội vụ", 1, 700, 448.5, 64.07],
          ["Sở Y tế", 1, 1000, 912.5, 0.9125],
          ["Sở Xây dựng", 1, 1000, 912.5, "91,25%"],
          ["Sở Công Thương", 1, 1000, 912.5, 0.92],
        ],
      },
    ]);
    expect(issueLines(reading)).toEqual([
      "RATIO_MISMATCH DTI 2023!E2",
      "RATIO_MISMATCH DTI 2023!E6",
    ]);
    expect(reading.issues[0]).toMatchObject({
      severity: "error",
      params: { written: "99", computed: "90%" },
    });
    expect(reading.units.map((u) => u.name)).toEqual(["Sở Nội vụ", "Sở Y tế", "Sở Xây dựng"]);
    expect(reading.invalid.map((u) => u.name)).toEqual(["Sở Tư pháp", "Sở Công Thương"]);
  });

  it("cuts names over 1,000 characters with a warning", () => {
    const long = `Sở ${"Dài ".repeat(2500)}`.trim();
    const reading = readOne([[long, 1, 1000, 800]]);
    expect(issueLines(reading)).toEqual(["NAME_TOO_LONG DTI 2023!A2"]);
    expect(reading.units[0].name).toHaveLength(1000);
  });

  it("reads any non-blank mark in the excluded column as excluded", () => {
    const marks: unknown[] = ["x", "có", "yes", "1", 1, true, "không xét", "", false, "không"];
    const reading = readScoreTables([
      {
        name: "DTI 2023",
        values: [
          ["Đơn vị", "Khối", "Điểm", "Không xét"],
          ...marks.map((mark, i) => [`Đơn vị ${i}`, 1, 50, mark]),
        ],
      },
    ]);
    expect(reading.units.map((u) => u.excluded)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe("tables without a max score column", () => {
  it("ranks by score when neither a max column nor a stated maximum exists", () => {
    const reading = readScoreTables([
      {
        name: "DTI 2023",
        values: [
          ["Đơn vị", "Khối", "Điểm"],
          ["Sở Y tế", 1, 80],
        ],
      },
    ]);
    expect(reading.units[0]).toMatchObject({ score: 80, maxScore: null, ratio: null });
    // Blocs 1–3 are ranked by ratio under the plan: ranking their raw scores is worth a warning.
    expect(issueLines(reading)).toEqual(["SCORE_WITHOUT_MAX DTI 2023!C1"]);
    expect(reading.issues[0].severity).toBe("warning");
    expect(reading.issues[0].message.en).toContain("add a “Điểm tối đa” or “Tỷ lệ (%)” column");
  });

  it("only notes a score ranking of index values within 0–1, already on one scale", () => {
    const reading = readScoreTables([
      {
        name: "DTI 2023",
        values: [
          ["Địa phương", "Khối", "Giá trị DTI"],
          ["Cần Thơ", 1, 0.9483],
          ["Hậu Giang", 1, 0.9471],
        ],
      },
    ]);
    expect(issueLines(reading)).toEqual(["RANKED_BY_SCORE DTI 2023!C1"]);
  });

  it("only notes a score ranking for enterprises, whose award is not by ratio", () => {
    const reading = readScoreTables([
      {
        name: "Doanh nghiệp 2023",
        values: [
          ["Doanh nghiệp", "Khối", "Điểm"],
          ["VNPT Cần Thơ", 4, 80],
        ],
      },
    ]);
    expect(issueLines(reading)).toEqual(["RANKED_BY_SCORE Doanh nghiệp 2023!C1"]);
    expect(reading.issues[0].severity).toBe("info");
  });

  it("reads a ratio column alone as the score out of 1, in any of its notations", () => {
    const table = (name: string, ratios: unknown[]) => ({
      name,
      values: [["Đơn vị", "Khối", "Tỷ lệ"], ...ratios.map((r, i) => [`${name} ${i + 1}`, 1, r])],
    });
    const reading = readScoreTables([
      table("Phân số 2023", [0.9125, 0.95]),
      table("Phần trăm 2023", [91.25, "91,25%", 120]),
    ]);
    expect(reading.units.map((u) => [u.score, u.maxScore])).toEqual([
      [0.9125, 1],
      [0.95, 1],
      [0.9125, 1],
      [0.9125, 1],
    ]);
    expect(issueLines(reading)).toEqual(["SCORE_ABOVE_MAX Phần trăm 2023!C4"]);
  });
});

describe("sheets and options", () => {
  it("reports a single NO_SCORE_TABLE when no sheet has a score table", () => {
    const reading = readScoreTables([{ name: "Sheet1", values: [["Ghi chú"], ["abc"]] }]);
    expect(reading.units).toEqual([]);
    expect(reading.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([
      ["NO_SCORE_TABLE", null, null],
    ]);
  });

  it("reads a header with nothing below as an empty table", () => {
    const reading = readScoreTables([
      { name: "DTI 2023", values: [["STT", "Tên cơ quan, đơn vị", "Điểm tối đa", "Điểm"]] },
    ]);
    expect(reading.issues).toEqual([]);
    expect(reading.tables[0].dataRows).toBe(0);
  });

  it("limits, ignores and names sheets", () => {
    const sheets: CellSheet[] = [officerLayout("DTI 2022", 2022), officerLayout("DTI 2023", 2023)];
    const only = readScoreTables(sheets, { sheets: ["DTI 2023", "DTI 2030"] });
    expect(new Set(only.units.map((u) => u.year))).toEqual(new Set([2023]));
    expect(only.issues.map((i) => [i.code, i.params.name ?? i.params.sheet])).toEqual([
      ["SHEET_NOT_FOUND", "DTI 2030"],
      ["SHEET_NOT_SELECTED", "DTI 2022"],
    ]);
    const ignored = readScoreTables(sheets, { ignoreSheets: ["DTI 2022"] });
    expect(new Set(ignored.units.map((u) => u.year))).toEqual(new Set([2023]));
  });

  it("skips a hidden sheet and reports it once, about the sheet and no cell", () => {
    const hidden: CellSheet = { ...officerLayout("DTI 2022", 2022), hidden: true };
    const reading = readScoreTables([hidden, officerLayout("DTI 2023", 2023)]);
    expect(new Set(reading.units.map((u) => u.year))).toEqual(new Set([2023]));
    expect(reading.tables.map((t) => t.sheet)).toEqual(["DTI 2023"]);
    const notes = reading.issues.filter((i) => i.code === "SHEET_HIDDEN");
    expect(notes.map((i) => [i.severity, i.sheet, i.cell, i.params.name])).toEqual([
      ["info", "DTI 2022", null, "DTI 2022"],
    ]);
    expect(notes[0].message).toEqual({
      vi: "Trang “DTI 2022” đang ẩn nên không được đọc; chọn trang này nếu cần xếp hạng.",
      en: "Sheet “DTI 2022” is hidden and was not read; choose it explicitly to rank it.",
    });
  });

  it("reads a hidden sheet that is named, and says nothing of the sheets not named", () => {
    const sheets: CellSheet[] = [
      { ...officerLayout("DTI 2022", 2022), hidden: true },
      { ...officerLayout("DTI 2023", 2023), hidden: true },
    ];
    const named = readScoreTables(sheets, { sheets: ["dti 2022"] });
    expect(new Set(named.units.map((u) => u.year))).toEqual(new Set([2022]));
    expect(named.issues.map((i) => i.code)).not.toContain("SHEET_HIDDEN");
  });

  it("reads the only score table even when its sheet is hidden, and says so", () => {
    const reading = readScoreTables([{ ...officerLayout(), hidden: true }]);
    expect(reading.units).toHaveLength(8);
    expect(reading.issues.map((i) => [i.code, i.sheet])).toEqual([
      ["SHEET_HIDDEN_READ", "DTI 2023"],
    ]);
    expect(reading.tables[0].notes.map((n) => n.en)).toContain(
      "Sheet “DTI 2023” is hidden but was read.",
    );
  });

  it("leaves a hidden nominee sheet and an ignored hidden sheet unreported", () => {
    const reading = readScoreTables(
      [
        officerLayout(),
        { ...nomineeSheet(), hidden: true },
        { ...officerLayout("Đề xuất khen thưởng 2023"), hidden: true },
      ],
      { ignoreSheets: ["Đề xuất khen thưởng 2023"] },
    );
    expect(reading.issues.map((i) => i.code)).not.toContain("SHEET_HIDDEN");
  });

  it("never reads the nominee sheet as a score table", () => {
    const reading = readScoreTables([officerLayout(), nomineeSheet()]);
    expect(reading.tables.map((t) => t.sheet)).toEqual(["DTI 2023"]);
    const named = readScoreTables([officerLayout(), officerLayout("Khác 2023")], {
      nomineeSheet: "Khác 2023",
    });
    expect(named.tables.map((t) => t.sheet)).toEqual(["DTI 2023"]);
  });

  it("names a sheet with a score table that the chosen sheets leave out", () => {
    const reading = readScoreTables(
      [
        flatTable([["Sở Y tế", 1, 1000, 900]]),
        {
          name: "Khối 4 - Doanh nghiệp",
          values: [
            ["STT", "Tên doanh nghiệp", "Điểm đánh giá"],
            [1, "VNPT", 80],
          ],
        },
        { name: "Ghi chép", values: [["Nội dung"], ["Họp ngày 5/3"]] },
        nomineeSheet(),
      ],
      { sheets: ["DTI 2023"] },
    );
    expect(reading.units.map((u) => u.name)).toEqual(["Sở Y tế"]);
    expect(issueLines(reading)).toEqual(["SHEET_NOT_SELECTED Khối 4 - Doanh nghiệp!A1"]);
    expect(reading.issues[0].message.en).toContain("only “DTI 2023” is read");
  });

  it("uses a header the user names, and reports one that is not in the header row", () => {
    const sheet: CellSheet = {
      name: "DTI 2023",
      values: [
        ["Đơn vị", "Khối", "Điểm", "Kết quả cuối"],
        ["Sở Y tế", 1, 10, 90],
      ],
    };
    const named = readScoreTables([sheet], { columns: { score: "ket qua cuoi" } });
    expect(named.units[0].score).toBe(90);
    const missing = readScoreTables([sheet], { columns: { score: "Điểm 2023" } });
    expect(missing.units).toEqual([]);
    expect(missing.issues.map((i) => [i.code, i.sheet, i.cell, i.params.header])).toEqual([
      ["HEADER_NOT_FOUND", "DTI 2023", "A1", "Điểm 2023"],
      ["NO_SCORE_TABLE", null, null, undefined],
    ]);
  });

  it("uses the header row the user gives", () => {
    const sheet: CellSheet = {
      name: "DTI 2023",
      rowOffset: 2,
      values: [
        ["Đơn vị", "Điểm"],
        ["Sở Tư pháp", 80],
        ["Tên đơn vị", "Tổng điểm"],
        ["Sở Y tế", 90],
      ],
    };
    expect(readScoreTables([sheet]).tables[0].headerRow).toBe(3);
    const chosen = readScoreTables([sheet], { headerRow: 5 });
    expect(chosen.tables.map((t) => t.headerRow)).toEqual([5]);
    expect(chosen.tables[0].headers).toEqual(["Tên đơn vị", "Tổng điểm"]);
  });
});

/** The example workbook's cells as Office.js would give them. */
function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) {
      return cellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    }
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("error" in value) return value.error;
    if ("text" in value) return value.text;
    return "";
  }
  return value;
}

async function loadExample(): Promise<CellSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(EXAMPLE);
  return workbook.worksheets.map((sheet) => {
    const values: unknown[][] = [];
    for (let r = 1; r <= sheet.rowCount; r += 1) {
      const row: unknown[] = [];
      for (let c = 1; c <= sheet.columnCount; c += 1)
        row.push(cellValue(sheet.getCell(r, c).value));
      values.push(row);
    }
    return { name: sheet.name, values };
  });
}

describe("the example workbook", () => {
  it("reads 112 units of the index and 7 enterprises, all in 2023", async () => {
    const reading = readScoreTables(await loadExample());
    const count = (bloc: number) => reading.units.filter((u) => u.bloc === bloc).length;
    expect(reading.invalid).toEqual([]);
    expect(reading.units).toHaveLength(119);
    expect([count(1), count(2), count(3), count(4)]).toEqual([20, 9, 83, 7]);
    expect(reading.units.every((u) => u.year === 2023)).toBe(true);
    const groups = new Map<string, number>();
    for (const u of reading.units.filter((x) => x.bloc === 3)) {
      groups.set(u.group, (groups.get(u.group) ?? 0) + 1);
    }
    expect(Object.fromEntries(groups)).toEqual({
      "Quận Ninh Kiều": 11,
      "Quận Bình Thủy": 8,
      "Quận Cái Răng": 7,
      "Quận Ô Môn": 7,
      "Quận Thốt Nốt": 9,
      "Huyện Phong Điền": 7,
      "Huyện Cờ Đỏ": 10,
      "Huyện Vĩnh Thạnh": 11,
      "Huyện Thới Lai": 13,
    });
    expect(unitOf(reading, "Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ")).toMatchObject({
      bloc: 1,
      score: 660,
      maxScore: 700,
      source: { cell: "B28" },
    });
    expect(unitOf(reading, "FPT Telecom Cần Thơ")).toMatchObject({
      bloc: 4,
      score: 93,
      maxScore: 100,
    });
    expect(reading.issues.map((i) => i.code)).toEqual(["MAX_FROM_HEADER", "YEAR_FROM_WORKBOOK"]);
    expect(reading.tables.map((t) => [t.sheet, t.headerRow, t.dataRows, t.yearSource])).toEqual([
      ["DTI 2023", 7, 112, "sheet"],
      ["Khối 4 - Doanh nghiệp", 1, 7, "workbook"],
    ]);
  });
});

describe("robustness", () => {
  const cell = fc.oneof(
    fc.string(),
    fc.constantFrom("", "Đơn vị", "Điểm", "Khối", "Năm", "Tỷ lệ", "STT", "I", "#N/A", "1.000"),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date(),
    fc.object(),
  );

  it("never throws on arbitrary cells, and every invalid row carries an error issue", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            name: fc.string(),
            values: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 30 }),
            rowOffset: fc.option(fc.nat(50), { nil: undefined }),
          }),
          { maxLength: 3 },
        ),
        (sheets) => {
          const reading = readScoreTables(sheets);
          for (const row of reading.invalid) expect(row.issueCodes.length).toBeGreaterThan(0);
          for (const unit of reading.units) expect(Number.isFinite(unit.score)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("never throws on values that are not even matrices", () => {
    const odd = [
      { name: "A", values: [null, "x", 3, [["nested"]]] },
      { name: "B", values: "not rows" },
      null,
    ] as unknown as CellSheet[];
    expect(() => readScoreTables(odd)).not.toThrow();
  });
});

describe("two years side by side in one undated table", () => {
  it("refuses with a message that points to choosing the year", () => {
    const reading = readScoreTables([
      {
        name: "DTI",
        values: [
          ["Đơn vị", "Khối", "Năm 2022", null, "Năm 2023", null],
          [null, null, "Điểm tối đa", "Điểm đạt được", "Điểm tối đa", "Điểm đạt được"],
          ["Sở Tư pháp", 1, 1000, 990, 1000, 800],
          ["Sở Y tế", 1, 1000, 700, 1000, 900],
        ],
        merges: [
          { top: 0, left: 2, bottom: 0, right: 3 },
          { top: 0, left: 4, bottom: 0, right: 5 },
        ],
      },
    ]);
    const refusal = reading.issues.find((i) => i.code === "COLUMN_AMBIGUOUS");
    expect(refusal?.message.vi).toContain("Bảng có điểm của hai năm (2022, 2023)");
    expect(refusal?.message.en).toContain("--year 2023");
  });
});

describe("a header three rows deep", () => {
  it("is reported as one table, the total under its group ranking", () => {
    const range = (top: number, left: number, bottom: number, right: number) => ({
      top,
      left,
      bottom,
      right,
    });
    const reading = readScoreTables([
      {
        name: "DTI 2023",
        values: [
          ["UBND THÀNH PHỐ CẦN THƠ"],
          ["BẢNG ĐIỂM CHỈ SỐ CHUYỂN ĐỔI SỐ NĂM 2023"],
          [],
          [null, "STT", "Tên cơ quan, đơn vị", "Kết quả đánh giá", null, null, null, null, null],
          [null, null, null, "Điểm tối đa", "Điểm đạt được", null, null, null, "Tỷ lệ (%)"],
          [null, null, null, null, "Chính quyền số", "Kinh tế số", "Xã hội số", "Tổng", null],
          [null, "I", "KHỐI SỞ, BAN, NGÀNH"],
          [null, 1, "Sở Tư pháp", 1000, 500, 100, 200, 800, 80],
          [null, 2, "Sở Nội vụ", 1000, 300, 300, 300, 900, 90],
        ],
        merges: [
          range(3, 1, 5, 1),
          range(3, 2, 5, 2),
          range(3, 3, 3, 8),
          range(4, 3, 5, 3),
          range(4, 4, 4, 7),
          range(4, 8, 5, 8),
        ],
      },
    ]);
    expect(reading.tables.map((t) => [t.range, t.dataRows])).toHaveLength(1);
    expect(reading.tables[0].readings.find((r) => r.role === "score")?.column).toBe("H");
  });
});

describe("a unit whose own name contradicts the bloc of its sheet", () => {
  it("is reported however the committee and the type are written, and a fitting one is ranked", () => {
    const reading = readScoreTables([
      {
        name: "Khối 3 năm 2023",
        values: [
          ["Đơn vị", "Điểm tối đa", "Điểm đạt được"],
          ["Ủy ban nhân dân huyện Phong Điền", 1000, 900],
          ["UBND TX. Long Mỹ", 1000, 800],
          ["UBND P. An Cư", 500, 450],
          ["Xã Tân Thạnh", 500, 400],
        ],
      },
    ]);
    expect(reading.units.map((u) => [u.name, u.bloc])).toEqual([
      ["UBND P. An Cư", 3],
      ["Xã Tân Thạnh", 3],
    ]);
    expect(
      reading.issues.filter((i) => i.code === "BLOC_NAME_CONFLICT").map((i) => [i.cell, i.params]),
    ).toEqual([
      ["A2", { unit: "Ủy ban nhân dân huyện Phong Điền", bloc: 3, named: 2 }],
      ["A3", { unit: "UBND TX. Long Mỹ", bloc: 3, named: 2 }],
    ]);
  });
});

describe("what the officer's choice settles", () => {
  const scores = [
    ["Đơn vị", "Điểm tối đa", "Điểm đạt được"],
    ["Sở Tư pháp", 1000, 800],
  ];

  it("reads a draft sheet the officer chose by name, without calling it a draft", () => {
    const official: CellSheet = { name: "Chính thức 2023", values: [["Đơn vị", "Khối", "Điểm"]] };
    const draft: CellSheet = {
      name: "Bản nháp 2023",
      values: [
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        ["Sở Tư pháp", 1, 1000, 800],
      ],
    };
    const reading = readScoreTables([official, draft], { sheets: ["Bản nháp 2023"] });
    expect(reading.units.map((u) => u.name)).toEqual(["Sở Tư pháp"]);
    expect(reading.issues.map((i) => i.code)).not.toContain("SHEET_DRAFT_SKIPPED");
    expect(reading.issues.map((i) => i.code)).not.toContain("SHEET_DRAFT_READ");
  });

  it("ranks a sheet whose name and title state different blocs in the bloc the officer chose", () => {
    const sheet: CellSheet = {
      name: "Xã phường 2023",
      values: [["KẾT QUẢ CHỈ SỐ CHUYỂN ĐỔI SỐ KHỐI SỞ, BAN, NGÀNH NĂM 2023"], [], ...scores],
    };
    const refused = readScoreTables([sheet]);
    expect(refused.units).toEqual([]);
    expect(refused.issues.map((i) => i.code)).toContain("BLOC_SOURCES_DIFFER");
    const chosen = readScoreTables([sheet], { bloc: 1 });
    expect(chosen.units.map((u) => [u.name, u.bloc])).toEqual([["Sở Tư pháp", 1]]);
    expect(chosen.issues.map((i) => i.code)).not.toContain("BLOC_SOURCES_DIFFER");
  });

  it("ranks a sheet whose name and title state different years in whichever of the two is chosen", () => {
    const sheet: CellSheet = {
      name: "DTI 2025",
      values: [["BẢNG ĐIỂM KHỐI SỞ, BAN, NGÀNH NĂM 2024"], [], ...scores],
    };
    expect(readScoreTables([sheet]).issues.map((i) => i.code)).toContain("YEAR_CONFLICT");
    for (const year of [2024, 2025]) {
      const chosen = readScoreTables([sheet], { year });
      expect(chosen.units.map((u) => u.year)).toEqual([year]);
      expect(chosen.issues.map((i) => i.code)).not.toContain("YEAR_CONFLICT");
    }
    expect(readScoreTables([sheet], { year: 2023 }).units).toEqual([]);
  });
});
