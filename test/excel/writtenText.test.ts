/**
 * Text the add-in writes stays exactly the text. Excel parses a string written to `range.values`
 * as if it were typed; the in-memory host does the same (formulas, logicals, error values, numbers
 * in brackets or after spaces, dates, percentages), so these tests fail if a string slips through
 * without the apostrophe that keeps it text.
 */
import { asCellInput } from "../../src/excel/names";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { writeSheetModels } from "../../src/excel/writeSheets";
import {
  FakeRequestContext,
  FakeWorkbook,
  excelParse,
  installOfficeGlobals,
  removeOfficeGlobals,
} from "./fakeExcel";
import { candidateModel, dataCheckModel } from "./helpers";

/** Names, reasons and titles as they may come out of a workbook typed by many people. */
const TRICKY = [
  "TRUE",
  "false",
  "#N/A",
  "#DIV/0!",
  "(5)",
  " 12",
  "May 10",
  "2018-12-31",
  "1/2",
  "50%",
  "1,000",
  "$5",
  "1e3",
  '=HYPERLINK("http://x")',
  "+84 292 3820 000",
  "-5",
  "@SUM(A1)",
  "'quoted",
  "Sở Tư pháp",
];

afterEach(() => removeOfficeGlobals());

describe("the in-memory host parses unprefixed strings as Excel does", () => {
  it("turns each tricky string written as it is into something other than its text", async () => {
    const host = new FakeWorkbook();
    host.addSheet("S");
    const context = new FakeRequestContext(host);
    const risky = TRICKY.filter((s) => s !== "Sở Tư pháp");
    context.workbook.worksheets.getItem("S").getRangeByIndexes(0, 0, risky.length, 1).values =
      risky.map((text) => [text]);
    await context.sync();
    const sheet = host.sheet("S");
    risky.forEach((text, row) => {
      const cell = sheet.peek(row, 0);
      const changed = cell?.value !== text || cell.formula !== null || cell.error === true;
      expect({ text, changed }).toEqual({ text, changed: true });
    });
    expect(excelParse("May 10", 2024)).toEqual({ value: 45422, numberFormat: "d-mmm" });
    expect(excelParse("#N/A")).toEqual({ value: "#N/A", error: true });
  });
});

describe("text written by the add-in", () => {
  it("gets the apostrophe that Excel hides and that keeps what follows as text", () => {
    expect(asCellInput("TRUE")).toBe("'TRUE");
    expect(asCellInput("'quoted")).toBe("''quoted");
    expect(asCellInput(12)).toBe(12);
    expect(asCellInput("")).toBe("");
    expect(asCellInput(null)).toBe("");
  });

  it("stays exactly the text in titles, headers, names, reasons and linked cells", async () => {
    const host = new FakeWorkbook();
    host.addSheet("DTI 2023", [["Đơn vị", "Điểm"]]);
    installOfficeGlobals(host);
    const context = new FakeRequestContext(host);
    const infos = (await readWorkbook(context as unknown as Excel.RequestContext)).infos;
    const candidates = candidateModel(TRICKY);
    const model = {
      ...candidates,
      texts: TRICKY.map((text, row) => ({ row, text, style: "note" as const })),
      tables: candidates.tables.map((table) => ({
        ...table,
        startRow: TRICKY.length + 1,
        columns: table.columns.map((c, i) => (i === 1 ? { ...c, header: "(5)" } : c)),
      })),
    };
    const check = dataCheckModel(TRICKY.map((text) => ({ sheet: "DTI 2023", cell: "B2", text })));
    await writeSheetModels(context as unknown as Excel.RequestContext, [model, check], infos);

    const sheet = host.sheet("Đề xuất khen thưởng 2023");
    TRICKY.forEach((text, row) => expect([row, sheet.value(row, 0)]).toEqual([row, text]));
    const top = TRICKY.length + 1;
    expect(sheet.value(top, 1)).toBe("(5)");
    TRICKY.forEach((text, i) => expect(sheet.value(top + 1 + i, 1)).toBe(text));
    const data = host.sheet("Kiểm tra dữ liệu");
    TRICKY.forEach((text, i) => expect(data.value(3 + i, 3)).toBe(text));
    for (const s of [sheet, data]) {
      for (const cell of s.cells.values()) {
        expect(cell.formula).toBeNull();
        expect(cell.error).toBeUndefined();
      }
    }
  });
});
