/**
 * The command line and the add-in must see the same cells for the same workbook: one workbook,
 * built as an .xlsx file and as the in-memory Excel host, read through both doors.
 */
import { loadWorkbookBytes } from "../../src/cli/readWorkbook";
import type { CellRange, CellSheet } from "../../src/domain/types";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { doorHost, doorXlsx, type DoorSheet, type DoorWorkbook } from "../fixtures/bothDoors";
import { FakeRequestContext, installOfficeGlobals, removeOfficeGlobals } from "./fakeExcel";

afterEach(() => removeOfficeGlobals());

const LAST_ROW = 1_048_575;
const LAST_COL = 16_383;

/** What a door saw of one sheet, in sheet coordinates, blanks left out. */
function seen(sheet: CellSheet) {
  const cells: [number, number, unknown][] = [];
  sheet.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === "" || value === undefined || value === null) return;
      cells.push([r + (sheet.rowOffset ?? 0), c + (sheet.colOffset ?? 0), value]);
    }),
  );
  const byPlace = (a: CellRange, b: CellRange) => a.top - b.top || a.left - b.left;
  return {
    name: sheet.name,
    hidden: sheet.hidden === true,
    cells: cells.sort((a, b) => a[0] - b[0] || a[1] - b[1]),
    merges: [...(sheet.merges ?? [])].sort(byPlace),
  };
}

async function throughBothDoors(workbook: DoorWorkbook) {
  const load = await loadWorkbookBytes(doorXlsx(workbook), "same.xlsx");
  if (!load.ok) throw new Error(load.failure.message.en);
  const host = doorHost(workbook);
  host.offeredSets.set("ExcelApi", "1.13");
  installOfficeGlobals(host);
  const reading = await readWorkbook(
    new FakeRequestContext(host) as unknown as Excel.RequestContext,
  );
  return { cli: load.loaded.sheets.map(seen), addIn: reading.sheets.map(seen) };
}

const at = (row: number, col: number, cell: DoorSheet["cells"][number]["cell"]) => ({
  row,
  col,
  cell,
});

/** An officer's score sheet: letterhead merged, bloc merged down, dates, formulas, errors. */
const SCORES: DoorSheet = {
  name: "DTI 2023",
  cells: [
    at(0, 0, "BẢNG ĐIỂM CHỈ SỐ CHUYỂN ĐỔI SỐ NĂM 2023"),
    at(2, 0, "STT"),
    at(2, 1, { shared: 0 }),
    at(2, 2, "Khối"),
    at(2, 3, "Điểm tối đa"),
    at(2, 4, "Điểm đạt được"),
    at(2, 5, "Tỷ lệ (%)"),
    at(2, 6, "Ngày nộp"),
    at(2, 7, "Đạt"),
    ...[0, 1, 2].flatMap((i) => [
      at(3 + i, 0, i + 1),
      at(3 + i, 1, { shared: 1 + i }),
      at(3 + i, 3, 1000),
      at(3 + i, 4, 900 - 10 * i),
      at(3 + i, 5, { formula: `ROUND(E${4 + i}/D${4 + i}*100,2)`, result: 90 - i }),
      at(3 + i, 6, { date: 45181 + i }),
      at(3 + i, 7, { bool: i !== 1 }),
    ]),
    at(3, 2, "I"),
    at(6, 1, "Sở Xây dựng"),
    at(6, 4, { error: "#N/A" }),
    at(6, 5, { formula: 'IFERROR(E7/D7,"")', result: "chưa có" }),
  ],
  merges: [
    { top: 0, left: 0, bottom: 0, right: 7 },
    { top: 3, left: 2, bottom: 5, right: 2 },
  ],
};

describe("the command line and the add-in", () => {
  it("see the same cells, hidden flags and merged areas on an officer's workbook", async () => {
    const workbook: DoorWorkbook = {
      sharedStrings: ["Tên cơ quan, đơn vị", "Sở Tư pháp", "Sở Y tế", "Sở Nội vụ"],
      sheets: [
        SCORES,
        {
          name: "Năm trước",
          hidden: true,
          cells: [at(1, 1, "Đơn vị"), at(1, 2, "Điểm"), at(2, 1, "Sở Y tế"), at(2, 2, 812.5)],
        },
      ],
    };
    const { cli, addIn } = await throughBothDoors(workbook);
    expect(addIn).toEqual(cli);
    expect(cli[0].cells).toContainEqual([3, 6, new Date(Date.UTC(2023, 8, 12))]);
    expect(cli[0].cells).toContainEqual([6, 4, "#N/A"]);
    expect(cli[1].hidden).toBe(true);
    expect(cli[0].merges).toHaveLength(2);
  });

  it("see the same cells and clamped merges on a sheet whose used range is the whole grid", async () => {
    const workbook: DoorWorkbook = {
      sharedStrings: ["Tên cơ quan, đơn vị", "Sở Tư pháp", "Sở Y tế", "Sở Nội vụ"],
      sheets: [
        {
          ...SCORES,
          cells: [...SCORES.cells, at(LAST_ROW, LAST_COL, "x"), at(40, 300, 7)],
          merges: [
            ...(SCORES.merges ?? []),
            { top: 19, left: 0, bottom: LAST_ROW, right: LAST_COL - 1 },
          ],
        },
      ],
    };
    const { cli, addIn } = await throughBothDoors(workbook);
    expect(addIn).toEqual(cli);
    expect(cli[0].cells).toContainEqual([LAST_ROW, LAST_COL, "x"]);
    // A value kept under a merged area reads blank through both doors, as Excel shows it.
    expect(cli[0].cells).not.toContainEqual([40, 300, 7]);
    expect(cli[0].merges).toContainEqual({
      top: 19,
      left: 0,
      bottom: LAST_ROW,
      right: LAST_COL - 1,
    });
  });

  it("see a merge that reaches past the last value cut to the same rectangle", async () => {
    const workbook: DoorWorkbook = {
      sheets: [
        {
          name: "S",
          cells: [at(1, 1, "a"), at(9, 4, "b")],
          merges: [
            { top: 5, left: 0, bottom: 400, right: 2 },
            { top: 30, left: 0, bottom: 31, right: 9 },
          ],
        },
      ],
    };
    const { cli, addIn } = await throughBothDoors(workbook);
    expect(addIn).toEqual(cli);
    expect(cli[0].merges).toEqual([{ top: 5, left: 1, bottom: 9, right: 2 }]);
  });
});
