import {
  isDirectMark,
  personName,
  readNominees,
  splitTitleAndUnit,
} from "../../src/domain/readNominees";
import type { CellSheet } from "../../src/domain/types";
import { matchKey } from "../../src/domain/text";
import { nomineeSheet, officerLayout } from "../fixtures/layouts";

describe("readNominees", () => {
  it("finds the nominee sheet by its headers and reads each person in listed order", () => {
    const reading = readNominees([officerLayout(), nomineeSheet()]);
    expect(reading.nominees.map((n) => [n.name, n.unitName, n.direct, n.order])).toEqual([
      ["Lý Ngọc Hải", "Sở Nội vụ", false, 0],
      ["Ngô Thị Mai", "Sở Nội vụ", true, 1],
      ["Võ Ngọc Dũng", "Ủy ban nhân dân xã Tân Thới", true, 2],
      ["Trần Văn Vy", "UBND quận Ninh Kiều", true, 3],
    ]);
    expect(reading.nominees[0]).toMatchObject({
      title: "Chuyên viên Văn phòng",
      achievement: "Tham mưu",
      year: null,
      unitKey: matchKey("Sở Nội vụ"),
      source: { sheet: "Cá nhân đề xuất", cell: "B2" },
    });
    expect(reading.nominees[2].unitKey).toBe(matchKey("UBND xã Tân Thới"));
    expect(reading.tables[0]).toMatchObject({
      sheet: "Cá nhân đề xuất",
      kind: "nominees",
      headerRow: 1,
      columns: { person: "B", title: "C", unit: "D", direct: "E", achievement: "F" },
      dataRows: 4,
    });
  });

  it("warns about a row with a unit but no person name, on the name cell", () => {
    const reading = readNominees([nomineeSheet()]);
    expect(reading.issues.map((i) => [i.code, i.severity, i.sheet, i.cell])).toEqual([
      ["NOMINEE_NAME_MISSING", "warning", "Cá nhân đề xuất", "B5"],
    ]);
  });

  it("warns about a person without a unit, on the unit cell, and does not consider them", () => {
    const sheet: CellSheet = {
      name: "Cá nhân",
      values: [
        ["Họ và tên", "Đơn vị công tác"],
        ["Lê Văn An", "Sở Y tế"],
        ["Trần Thị Bình", "\u200b "],
      ],
    };
    const reading = readNominees([sheet]);
    expect(reading.nominees.map((n) => n.name)).toEqual(["Lê Văn An"]);
    const missing = reading.issues.filter((i) => i.code === "NOMINEE_UNIT_MISSING");
    expect(missing.map((i) => [i.severity, i.cell, i.params.person])).toEqual([
      ["warning", "B3", "Trần Thị Bình"],
    ]);
  });

  it("reports a missing direct column and a missing nominee sheet as information", () => {
    const noDirect: CellSheet = {
      name: "Cá nhân",
      values: [
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị"],
        [1, "Nguyễn Văn An", "Chuyên viên", "Sở Tư pháp"],
      ],
    };
    const reading = readNominees([noDirect]);
    expect(reading.issues.map((i) => [i.code, i.severity])).toEqual([["NO_DIRECT_COLUMN", "info"]]);
    expect(reading.nominees[0].direct).toBe(false);
    const none = readNominees([officerLayout()]);
    expect(none.nominees).toEqual([]);
    expect(none.tables).toEqual([]);
    expect(none.issues.map((i) => [i.code, i.severity])).toEqual([["NO_NOMINEE_SHEET", "info"]]);
  });

  it("reads the sheet the user names, and reports one that does not exist", () => {
    const renamed = { ...nomineeSheet("Danh sách"), rowOffset: 3, colOffset: 1 };
    const reading = readNominees([officerLayout(), renamed], { nomineeSheet: "Danh sách" });
    expect(reading.nominees[0].source).toEqual({ sheet: "Danh sách", cell: "C5" });
    expect(reading.tables[0]?.headerRow).toBe(4);
    const missing = readNominees([nomineeSheet()], { nomineeSheet: "Khen thưởng" });
    expect(missing.issues.map((i) => [i.code, i.params.name])).toEqual([
      ["SHEET_NOT_FOUND", "Khen thưởng"],
    ]);
  });

  it("reads English headers and a year column, reporting years outside the movement", () => {
    const sheet: CellSheet = {
      name: "Nominees",
      values: [
        ["Full name", "Position", "Unit", "Directly", "Year"],
        ["An Nguyen", "Officer", "So Tu phap", "yes", 2024],
        ["Binh Tran", "Officer", "So Noi vu", "", 2021],
        ["Chi Le", "Officer", "So Y te", 1, ""],
        ["Dung Pham", "Officer", "So Xay dung", "", "năm nay"],
      ],
    };
    const reading = readNominees([sheet]);
    expect(reading.nominees.map((n) => [n.name, n.direct, n.year])).toEqual([
      ["An Nguyen", true, 2024],
      ["Chi Le", true, null],
    ]);
    // An unreadable year is reported, not taken as "any year".
    expect(reading.issues.map((i) => [i.code, i.cell])).toEqual([
      ["NOMINEE_YEAR_OUT_OF_RANGE", "E3"],
      ["NOMINEE_YEAR_OUT_OF_RANGE", "E5"],
    ]);
    expect(reading.issues[1].message.en).toContain("Year “năm nay” of “Dung Pham”");
  });

  it("skips a hidden nominee sheet, reports it once, and reads it when it is named", () => {
    const hidden: CellSheet = { ...nomineeSheet(), hidden: true };
    const skipped = readNominees([officerLayout(), hidden]);
    expect(skipped.nominees).toEqual([]);
    expect(skipped.tables).toEqual([]);
    expect(skipped.issues.map((i) => [i.code, i.severity, i.sheet, i.cell])).toEqual([
      ["SHEET_HIDDEN", "info", "Cá nhân đề xuất", null],
      ["NO_NOMINEE_SHEET", "info", null, null],
    ]);
    const named = readNominees([officerLayout(), hidden], { nomineeSheet: "Cá nhân đề xuất" });
    expect(named.nominees).toHaveLength(4);
    expect(named.issues.map((i) => i.code)).not.toContain("SHEET_HIDDEN");
  });

  it("reads every visible nominee sheet, each one's people after the sheet before", () => {
    const first = nomineeSheet();
    // Other people on the second sheet: a repeated person would be set aside (tested below).
    const second: CellSheet = {
      name: "Cá nhân khối 3",
      values: first.values.map((row, r) =>
        r === 0
          ? row
          : row.map((v, c) => (c === 1 && typeof v === "string" && v !== "" ? `${v} Hai` : v)),
      ),
    };
    const reading = readNominees([first, second]);
    expect(reading.tables.map((t) => t.sheet)).toEqual(["Cá nhân đề xuất", "Cá nhân khối 3"]);
    expect(reading.nominees).toHaveLength(2 * readNominees([first]).nominees.length);
    expect(reading.nominees.map((n) => n.order)).toEqual(reading.nominees.map((_n, i) => i));
    expect(reading.nominees.at(-1)?.source.sheet).toBe("Cá nhân khối 3");
  });

  it("reads the visible nominee sheet and reports the hidden one beside it", () => {
    const old: CellSheet = { ...nomineeSheet(), name: "Cá nhân 2022", hidden: true };
    const reading = readNominees([old, nomineeSheet()]);
    expect(reading.tables.map((t) => t.sheet)).toEqual(["Cá nhân đề xuất"]);
    expect(reading.issues.filter((i) => i.code === "SHEET_HIDDEN").map((i) => i.sheet)).toEqual([
      "Cá nhân 2022",
    ]);
  });

  it("says nothing of a hidden sheet that holds no nominees", () => {
    const reading = readNominees([{ ...officerLayout(), hidden: true }, nomineeSheet()]);
    expect(reading.issues.map((i) => i.code)).not.toContain("SHEET_HIDDEN");
  });

  it("ignores the sheets it is told to ignore", () => {
    const reading = readNominees([nomineeSheet()], { ignoreSheets: ["Cá nhân đề xuất"] });
    expect(reading.issues.map((i) => i.code)).toEqual(["NO_NOMINEE_SHEET"]);
  });
});

describe("isDirectMark", () => {
  it("accepts the marks officers use and nothing else", () => {
    for (const mark of ["x", "X", "✓", "có", "yes", "1", 1, true]) {
      expect(isDirectMark(mark)).toBe(true);
    }
    for (const mark of ["", null, "không", 0, false, "no"]) {
      expect(isDirectMark(mark)).toBe(false);
    }
  });
});

describe("readNominees: one person, one proposal a year", () => {
  const sheet = (rows: unknown[][], header = HEADER): CellSheet => ({
    name: "Cá nhân đề xuất",
    values: [header, ...rows],
  });
  const HEADER = ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Trực tiếp thực hiện"];

  it("sets aside a row that repeats a person of the same unit, however the name is addressed", () => {
    const reading = readNominees([
      sheet([
        [1, "Dương Hoàng Quân", "Công chức", "UBND xã Tân Thạnh", "x"],
        [2, "Ông Dương Hoàng Quân", "Công chức", "UBND X. Tân Thạnh", "x"],
        [3, "Dương Hoàng Quân", "", "UBND xã Tân Thạnh", ""],
      ]),
    ]);
    expect(reading.nominees.map((n) => [n.name, n.unitName])).toEqual([
      ["Dương Hoàng Quân", "UBND xã Tân Thạnh"],
    ]);
    expect(
      reading.issues.filter((i) => i.code === "NOMINEE_LISTED_TWICE").map((i) => i.cell),
    ).toEqual(["B3", "B4"]);
  });

  it("keeps two people of one name in two units, for confirmation", () => {
    const reading = readNominees([
      sheet([
        [1, "Nguyễn Văn An", "Chuyên viên", "Sở Tư pháp", "x"],
        [2, "Nguyễn Văn An", "Công chức", "UBND xã Tân Thạnh", "x"],
      ]),
    ]);
    expect(reading.nominees).toHaveLength(2);
    expect(reading.issues.find((i) => i.code === "NOMINEE_SAME_NAME")).toMatchObject({
      cell: "B3",
      params: { first: "B2", unit: "Sở Tư pháp" },
    });
  });

  it("reads “Trực tiếp” and “Gián tiếp” written as words, and a header worded around the mark", () => {
    const reading = readNominees([
      sheet(
        [
          [1, "Lê Văn Lãnh Đạo", "Giám đốc", "Sở Y tế", "Gián tiếp"],
          [2, "Trần Thị Chuyên", "Chuyên viên", "Sở Y tế", "Trực tiếp"],
        ],
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Là người trực tiếp thực hiện (x)"],
      ),
    ]);
    expect(reading.nominees.map((n) => [n.name, n.direct])).toEqual([
      ["Lê Văn Lãnh Đạo", false],
      ["Trần Thị Chuyên", true],
    ]);
    expect(reading.issues.map((i) => i.code)).not.toContain("NO_DIRECT_COLUMN");
  });

  it("splits “Chức vụ, đơn vị công tác” into the title and the unit", () => {
    const reading = readNominees([
      sheet(
        [[1, "Dương Hoàng Quân", "Kỹ sư CNTT, UBND xã Tân Thạnh", "x"]],
        ["STT", "Họ và tên", "Chức vụ, đơn vị công tác", "Trực tiếp thực hiện"],
      ),
    ]);
    expect(reading.nominees.map((n) => [n.title, n.unitName])).toEqual([
      ["Kỹ sư CNTT", "UBND xã Tân Thạnh"],
    ]);
  });

  it("does not guess the year of a person proposed for several years", () => {
    const reading = readNominees([
      sheet(
        [
          [1, "Dương Hoàng Quân", "Công chức", "UBND xã Tân Thạnh", "2022, 2023"],
          [2, "Lý Kim Long", "Công chức", "UBND xã Giai Xuân", "2022-2023"],
          [3, "Đỗ Hoàng An", "Công chức", "UBND quận Bình Thủy", "2023"],
        ],
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Năm"],
      ),
    ]);
    expect(reading.nominees.map((n) => [n.name, n.year])).toEqual([["Đỗ Hoàng An", 2023]]);
    expect(
      reading.issues.filter((i) => i.code === "NOMINEE_YEAR_SEVERAL").map((i) => i.cell),
    ).toEqual(["E2", "E3"]);
  });
});

describe("readNominees: a list of people whose unit column is not found", () => {
  it("names the sheet and its headers instead of saying there is no nominee sheet", () => {
    const reading = readNominees([
      {
        name: "Cá nhân đề xuất",
        values: [
          ["STT", "Họ và tên", "Chức vụ", "Địa chỉ công tác"],
          [1, "Dương Hoàng Quân", "Công chức", "UBND xã Tân Thạnh"],
        ],
      },
    ]);
    expect(reading.tables).toEqual([]);
    expect(reading.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([
      ["NOMINEE_UNIT_COLUMN_MISSING", "Cá nhân đề xuất", "A1"],
    ]);
    expect(reading.issues[0].severity).toBe("warning");
  });

  it("reads “Nơi công tác” as the unit column", () => {
    const reading = readNominees([
      {
        name: "Cá nhân đề xuất",
        values: [
          ["STT", "Họ và tên", "Chức vụ", "Nơi công tác"],
          [1, "Dương Hoàng Quân", "Công chức", "UBND xã Tân Thạnh"],
        ],
      },
    ]);
    expect(reading.nominees.map((n) => n.unitName)).toEqual(["UBND xã Tân Thạnh"]);
  });
});

describe("personName", () => {
  it.each([
    ["Ông Dương Hoàng Quân", "Dương Hoàng Quân"],
    ["Bà Nguyễn Thị Thu Linh", "Nguyễn Thị Thu Linh"],
    ["Đồng chí Lê Văn An", "Lê Văn An"],
    ["Đ/c Lê Văn An", "Lê Văn An"],
    ["Ông Văn Tùng", "Ông Văn Tùng"],
    ["Lê Lợi", "Lê Lợi"],
  ])("reads “%s” as “%s”", (written, name) => {
    expect(personName(written)).toBe(name);
  });
});

describe("readNominees: one person in two years", () => {
  it("keeps a person proposed for 2022 and again for 2023, once a year", () => {
    const reading = readNominees([
      {
        name: "Cá nhân đề xuất",
        values: [
          ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Năm"],
          [1, "Dương Hoàng Quân", "Công chức", "UBND xã Tân Thạnh", 2022],
          [2, "Dương Hoàng Quân", "Công chức", "UBND xã Tân Thạnh", 2023],
        ],
      },
    ]);
    expect(reading.nominees.map((n) => n.year)).toEqual([2022, 2023]);
    expect(reading.issues.map((i) => i.code)).not.toContain("NOMINEE_LISTED_TWICE");
  });
});

describe("splitTitleAndUnit", () => {
  it("takes the unit named inside the title, with the district written after it", () => {
    expect(splitTitleAndUnit("Chủ tịch UBND phường Cái Khế, quận Ninh Kiều")).toEqual({
      title: "Chủ tịch",
      unit: "UBND phường Cái Khế, quận Ninh Kiều",
    });
    expect(splitTitleAndUnit("Phó Giám đốc Sở Y tế")).toEqual({
      title: "Phó Giám đốc",
      unit: "Sở Y tế",
    });
  });

  it("takes the title before the first comma and the unit after it otherwise", () => {
    expect(splitTitleAndUnit("Kỹ sư CNTT, UBND xã Tân Thạnh")).toEqual({
      title: "Kỹ sư CNTT",
      unit: "UBND xã Tân Thạnh",
    });
    expect(splitTitleAndUnit("Chuyên viên Phòng Nội vụ, UBND quận Ninh Kiều")).toEqual({
      title: "Chuyên viên Phòng Nội vụ",
      unit: "UBND quận Ninh Kiều",
    });
  });

  it("drops what follows a unit's name when it is not a place", () => {
    expect(
      splitTitleAndUnit("Giám đốc Sở Thông tin và Truyền thông, Trưởng Ban chỉ đạo").unit,
    ).toBe("Sở Thông tin và Truyền thông");
  });
});
