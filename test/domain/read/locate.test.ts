import { gridOf } from "../../../src/domain/read/grid";
import { letterIndex, locateTables, newLocateCache } from "../../../src/domain/read/locate";
import type { CellSheet } from "../../../src/domain/types";

const locate = (sheet: CellSheet, named = {}) =>
  locateTables(gridOf(sheet), named, undefined, newLocateCache());

describe("locateTables", () => {
  it("finds a header under a letterhead, with its columns' roles", () => {
    const layout = locate({
      name: "S",
      values: [["UBND THÀNH PHỐ CẦN THƠ"], [], ["STT", "Tên đơn vị", "Điểm tối đa", "Điểm"]],
    });
    expect(layout.tables).toHaveLength(1);
    expect(layout.tables[0].headerRows).toEqual([2]);
    expect(layout.tables[0].columns.map((c) => c.info.role)).toEqual([
      "index",
      "unit",
      "maxScore",
      "score",
    ]);
  });

  it("joins a group header to the row below it", () => {
    const layout = locate({
      name: "S",
      values: [
        ["STT", "Đơn vị", "Điểm", "", "Ghi chú"],
        ["", "", "Tự đánh giá", "Thẩm định", ""],
        [1, "Sở Tư pháp", 900, 850, ""],
      ],
    });
    const columns = layout.tables[0].columns;
    expect(layout.tables[0].headerRows).toEqual([0, 1]);
    expect(columns.map((c) => c.text)).toEqual([
      "STT",
      "Đơn vị",
      "Điểm / Tự đánh giá",
      "Điểm / Thẩm định",
      "Ghi chú",
    ]);
    expect(columns[2].info).toMatchObject({ role: "score", self: true });
    expect(columns[3].info).toMatchObject({ role: "score", appraised: true });
  });

  it("does not take a section row under the header for a second header row", () => {
    const layout = locate({
      name: "S",
      values: [
        ["STT", "Tên đơn vị", "Điểm"],
        ["I", "KHỐI SỞ, BAN, NGÀNH", ""],
        [1, "Sở Tư pháp", 900],
      ],
    });
    expect(layout.tables[0].headerRows).toEqual([0]);
  });

  it("splits a header row into tables side by side and ends a table at the next header", () => {
    const layout = locate({
      name: "S",
      values: [
        ["Đơn vị", "Điểm", "", "Đơn vị", "Điểm"],
        ["Sở Tư pháp", 900, "", "UBND quận Ninh Kiều", 800],
        [],
        ["Tên doanh nghiệp", "Điểm"],
        ["VNPT Cần Thơ", 90],
      ],
    });
    expect(layout.tables.map((t) => [t.headerRows[0], t.first, t.end])).toEqual([
      [0, 0, 3],
      [0, 3, 5],
      [3, 0, 5],
    ]);
  });

  it("names the header-like rows it saw when it finds no table", () => {
    const layout = locate({ name: "S", values: [["STT", "Tên đơn vị", "Kết luận"]] });
    expect(layout.tables).toEqual([]);
    expect(layout.seen).toEqual(["S!1 (A: STT | B: Tên đơn vị | C: Kết luận)"]);
  });

  it("takes a data row whose name starts like a header for data, not for a new table", () => {
    const layout = locate({
      name: "S",
      values: [
        ["Đơn vị", "Khối", "Năm", "Điểm"],
        ["Đơn vị số 1", "K2", 2023, ""],
      ],
    });
    expect(layout.tables).toHaveLength(1);
  });
});

describe("letterIndex", () => {
  it("reads column letters", () => {
    expect(letterIndex("A")).toBe(0);
    expect(letterIndex("Z")).toBe(25);
    expect(letterIndex("AA")).toBe(26);
    expect(letterIndex("XFD")).toBe(16383);
  });
});
