import {
  FakeRequestContext,
  FakeWorkbook,
  PAYLOAD_LIMIT_BYTES,
  installOfficeGlobals,
  removeOfficeGlobals,
} from "./fakeExcel";
import { candidateModel, dataCheckModel, scoreRows, stubEngine } from "./helpers";
import { rankInExcel } from "../../src/excel/rankInExcel";
import { writeSheetModels } from "../../src/excel/writeSheets";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { MARKER_SETTING } from "../../src/excel/marker";

const options = { decisionDate: "2024-03-15" };

function hostWithScores(count: number, name?: (i: number) => string): FakeWorkbook {
  const host = new FakeWorkbook();
  host.addSheet("DTI 2023", scoreRows(count, name), 6, 1);
  return host;
}

afterEach(() => removeOfficeGlobals());

describe("the in-memory Excel host", () => {
  it("throws PropertyNotLoaded when a property is read before load and sync", async () => {
    const host = hostWithScores(3);
    installOfficeGlobals(host);
    const context = new FakeRequestContext(host);
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    expect(() => sheets.items).toThrow(/not available/);
    await context.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(["DTI 2023"]);
    expect(() => sheets.items[0].id).toThrow(/not available/);
  });

  it("rejects a request over 5 MB like Excel on the web and applies nothing", async () => {
    const host = hostWithScores(1);
    const context = new FakeRequestContext(host);
    const big = Array.from({ length: 6000 }, () => ["x".repeat(1000)]);
    context.workbook.worksheets.getItem("DTI 2023").getRangeByIndexes(100, 0, 6000, 1).values = big;
    await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(host.sheet("DTI 2023").value(100, 0)).toBe("");
  });
});

describe("rankInExcel with a stand-in engine", () => {
  it("writes the candidate sheet with values, formats, fills, a table, frozen rows and widths", async () => {
    const host = hostWithScores(5);
    installOfficeGlobals(host);
    const outcome = await rankInExcel({ options, lang: "vi" }, stubEngine());
    expect(outcome.kind).toBe("written");
    const sheet = host.sheet("Đề xuất khen thưởng 2023");
    expect(sheet.value(0, 0)).toBe("Danh sách đề xuất khen thưởng năm 2023");
    expect(sheet.peek(0, 0)?.bold).toBe(true);
    expect(sheet.rowValues(4)).toEqual([
      "STT",
      "Đơn vị",
      "Điểm tối đa",
      "Điểm đạt được",
      "Tỷ lệ",
      "Kết quả",
      "Tiền thưởng (đồng)",
    ]);
    expect(sheet.value(5, 1)).toBe("UBND xã Số 1");
    expect(sheet.peek(5, 4)?.numberFormat).toBe("0.00%");
    expect(sheet.peek(5, 6)?.numberFormat).toBe("#,##0");
    expect(sheet.peek(5, 0)?.numberFormat).toBe("0");
    expect(sheet.peek(5, 1)).toMatchObject({ fill: "#C6EFCE", fontColor: "#006100" });
    expect(sheet.peek(6, 1)).toMatchObject({ fill: "#FFEB9C", fontColor: "#9C5700" });
    expect(sheet.peek(7, 1)?.fill).toBeNull();
    expect(sheet.peek(8, 1)?.fill).toBe("#D9D9D9");
    expect(sheet.peek(9, 1)).toMatchObject({ fill: "#FFC7CE", fontColor: "#9C0006" });
    expect(host.tables.find((t) => t.sheet === sheet)).toMatchObject({
      name: "DeXuat2023_Khoi1",
      top: 4,
      bottom: 9,
      left: 0,
      right: 6,
      style: "TableStyleMedium2",
      showHeaders: true,
    });
    expect(sheet.frozenRows).toBe(5);
    expect(sheet.columnWidths.get(1)).toBe(280);
    expect(sheet.customProperties.get("dti-awards")).toBe("candidates:2023");
    expect(host.sheet("Kiểm tra dữ liệu").customProperties.get("dti-awards")).toBe("data-check");
    expect(host.activeSheet).toBe(sheet);
  });

  it("wraps header cells and sets A4 landscape where ExcelApi 1.9 allows, and nothing where not", async () => {
    const host = hostWithScores(5);
    installOfficeGlobals(host);
    await rankInExcel({ options, lang: "vi" }, stubEngine());
    const sheet = host.sheet("Đề xuất khen thưởng 2023");
    expect(sheet.peek(4, 0)?.wrapText).toBe(true);
    expect(sheet.pageLayout).toEqual({ orientation: "Landscape", paperSize: "A4" });

    const older = hostWithScores(5);
    older.unsupportedSets.add("ExcelApi 1.9");
    installOfficeGlobals(older);
    await rankInExcel({ options, lang: "vi" }, stubEngine());
    expect(older.sheet("Đề xuất khen thưởng 2023").pageLayout).toEqual({});
  });

  it("needs at most four requests for 100 rows", async () => {
    const host = hostWithScores(100);
    installOfficeGlobals(host);
    await rankInExcel({ options, lang: "vi" }, stubEngine());
    expect(host.syncCount).toBeLessThanOrEqual(4);
  });

  it("keeps every request under 5 MB and the request count small for 10,000 rows", async () => {
    const host = hostWithScores(
      10_000,
      (i) => `Ủy ban nhân dân xã có tên rất dài số ${i + 1} – Cần Thơ`,
    );
    installOfficeGlobals(host);
    const engine = stubEngine();
    const outcome = await rankInExcel({ options, lang: "vi" }, engine);
    expect(outcome.kind).toBe("written");
    expect(engine.seen[0][0].values).toHaveLength(10_001);
    expect(host.sheet("Đề xuất khen thưởng 2023").value(10_004, 1)).toBe(
      "Ủy ban nhân dân xã có tên rất dài số 10000 – Cần Thơ",
    );
    expect(host.syncCount).toBeLessThanOrEqual(8);
    for (const sync of host.syncs) {
      expect(sync.requestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
      expect(sync.responseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    }
  });

  it("reads a large sheet in blocks when one response would exceed 5 MB", async () => {
    const host = hostWithScores(40_000, (i) => `${"Đơn vị có tên dài ".repeat(4)}${i}`);
    installOfficeGlobals(host);
    const context = new FakeRequestContext(host);
    const reading = await readWorkbook(context as unknown as Excel.RequestContext);
    expect(reading.sheets[0].values).toHaveLength(40_001);
    expect(reading.sheets[0].values[40_000][1]).toBe(`${"Đơn vị có tên dài ".repeat(4)}39999`);
    expect(host.syncs.every((s) => s.responseBytes < PAYLOAD_LIMIT_BYTES)).toBe(true);
  });

  it("hands the engine the used range with its offsets, hidden sheets marked hidden", async () => {
    const host = hostWithScores(2);
    host.addSheet("Ẩn", scoreRows(1)).visibility = "Hidden";
    host.addSheet("Rất ẩn", scoreRows(1)).visibility = "VeryHidden";
    installOfficeGlobals(host);
    const engine = stubEngine();
    await rankInExcel({ options, lang: "vi" }, engine);
    const [sheet, hidden, veryHidden] = engine.seen[0];
    expect(engine.seen[0]).toHaveLength(3);
    expect(sheet).toMatchObject({ name: "DTI 2023", rowOffset: 6, colOffset: 1, hidden: false });
    expect(sheet.values[1]).toEqual([1, "UBND xã Số 1", 1000, 500, 3, 2023]);
    expect(hidden).toMatchObject({ name: "Ẩn", hidden: true });
    expect(hidden.values[1]).toEqual([1, "UBND xã Số 1", 1000, 500, 3, 2023]);
    expect(veryHidden).toMatchObject({ name: "Rất ẩn", hidden: true });
  });

  it("replaces only its own sheet when run again, and gives the same result", async () => {
    const host = hostWithScores(4);
    installOfficeGlobals(host);
    await rankInExcel({ options, lang: "vi" }, stubEngine());
    const first = host.sheet("Đề xuất khen thưởng 2023").snapshot();
    const engine = stubEngine();
    await rankInExcel({ options, lang: "vi" }, engine);
    expect(host.sheets.map((s) => s.name)).toEqual([
      "DTI 2023",
      "Đề xuất khen thưởng 2023",
      "Kiểm tra dữ liệu",
    ]);
    expect(host.sheet("Đề xuất khen thưởng 2023").snapshot()).toEqual(first);
    expect(engine.seen[0].map((s) => s.name)).toEqual(["DTI 2023"]);
    expect(engine.options[0].ignoreSheets).toEqual([
      "Đề xuất khen thưởng 2023",
      "Kiểm tra dữ liệu",
    ]);
  });

  it("keeps an officer's sheet that merely has the output's name and writes under a free name", async () => {
    const host = hostWithScores(3);
    const officers = host.addSheet("Đề xuất khen thưởng 2023", [["Bản nháp của tôi"]]);
    installOfficeGlobals(host);
    const engine = stubEngine();
    await rankInExcel({ options, lang: "vi" }, engine);
    await rankInExcel({ options, lang: "vi" }, engine);
    expect(host.sheet("Đề xuất khen thưởng 2023")).toBe(officers);
    expect(officers.value(0, 0)).toBe("Bản nháp của tôi");
    expect(host.sheets.map((s) => s.name)).toEqual([
      "DTI 2023",
      "Đề xuất khen thưởng 2023",
      "Đề xuất khen thưởng 2023 (2)",
      "Kiểm tra dữ liệu",
    ]);
  });

  it("falls back to document settings for its marker where custom properties are missing", async () => {
    const host = hostWithScores(3);
    host.unsupportedSets.add("ExcelApi 1.12");
    installOfficeGlobals(host);
    await rankInExcel({ options, lang: "vi" }, stubEngine());
    const own = host.sheet("Đề xuất khen thưởng 2023");
    expect(own.customProperties.size).toBe(0);
    expect(host.savedSettings.get(MARKER_SETTING)).toMatchObject({ [own.id]: "candidates:2023" });
    await rankInExcel({ options, lang: "vi" }, stubEngine());
    expect(host.sheets.map((s) => s.name)).toEqual([
      "DTI 2023",
      "Đề xuất khen thưởng 2023",
      "Kiểm tra dữ liệu",
    ]);
    expect(Object.keys(host.savedSettings.get(MARKER_SETTING) as object)).toHaveLength(2);
  });

  it("reads a score table kept as an Excel table (ListObject)", async () => {
    const host = new FakeWorkbook();
    const sheet = host.addSheet("Bảng", scoreRows(3), 2, 2);
    host.addTable(sheet, "Diem2023", 2, 2, 5, 7);
    installOfficeGlobals(host);
    const engine = stubEngine();
    const outcome = await rankInExcel({ options, lang: "vi" }, engine);
    expect(outcome.kind).toBe("written");
    expect(engine.seen[0][0].values[3][1]).toBe("UBND xã Số 3");
    const context = new FakeRequestContext(host);
    const reading = await readWorkbook(context as unknown as Excel.RequestContext);
    expect(reading.infos.find((i) => i.name === "Bảng")?.tables).toEqual(["Diem2023"]);
  });

  it("writes names that look like formulas or markup as text", async () => {
    const hostile = [
      '=HYPERLINK("http://x","y")',
      "+1",
      "-2",
      "@SUM(A1)",
      "<img src=x onerror=alert(1)>",
    ];
    const host = hostWithScores(hostile.length, (i) => hostile[i]);
    installOfficeGlobals(host);
    await rankInExcel({ options, lang: "vi" }, stubEngine());
    const sheet = host.sheet("Đề xuất khen thưởng 2023");
    hostile.forEach((name, i) => {
      expect(sheet.value(5 + i, 1)).toBe(name);
      expect(sheet.peek(5 + i, 1)?.formula).toBeNull();
    });
  });

  it("writes nothing and explains why when the workbook has no score table", async () => {
    const host = new FakeWorkbook();
    host.addSheet("Ghi chú", [["Chỉ có ghi chú"], ["không có bảng điểm"]]);
    installOfficeGlobals(host);
    const outcome = await rankInExcel({ options, lang: "vi" }, stubEngine());
    expect(outcome.kind).toBe("nothing");
    if (outcome.kind !== "nothing") return;
    expect(outcome.message.vi).toMatch(/bảng điểm/);
    expect(outcome.message.en).toMatch(/score table/);
    expect(host.sheets.map((s) => s.name)).toEqual(["Ghi chú"]);
    expect(outcome.previews[0].rows[0]).toEqual(["Chỉ có ghi chú"]);
  });

  it("leaves the officer's cells exactly as they were", async () => {
    const host = hostWithScores(50);
    installOfficeGlobals(host);
    const before = host.sheet("DTI 2023").snapshot();
    const cellsBefore = JSON.stringify([...host.sheet("DTI 2023").cells]);
    await rankInExcel({ options, lang: "vi" }, stubEngine());
    expect(host.sheet("DTI 2023").snapshot()).toEqual(before);
    expect(JSON.stringify([...host.sheet("DTI 2023").cells])).toBe(cellsBefore);
  });
});

describe("writeSheetModels", () => {
  it("links each data-check row to the cell it is about", async () => {
    const host = hostWithScores(1);
    installOfficeGlobals(host);
    const context = new FakeRequestContext(host);
    const infos = (await readWorkbook(context as unknown as Excel.RequestContext)).infos;
    await writeSheetModels(
      context as unknown as Excel.RequestContext,
      [
        candidateModel(["Sở Tư pháp"]),
        dataCheckModel([{ sheet: "DTI 2023", cell: "D15", text: "Điểm âm" }]),
      ],
      infos,
    );
    const check = host.sheet("Kiểm tra dữ liệu");
    expect(check.peek(3, 2)?.hyperlink).toMatchObject({
      documentReference: "'DTI 2023'!D15",
      textToDisplay: "D15",
    });
    expect(check.value(3, 2)).toBe("D15");
  });

  it("renames a table whose name the workbook already uses", async () => {
    const host = hostWithScores(1);
    host.addTable(host.sheet("DTI 2023"), "DeXuat2023_Khoi1", 6, 1, 7, 6);
    installOfficeGlobals(host);
    const context = new FakeRequestContext(host);
    const infos = (await readWorkbook(context as unknown as Excel.RequestContext)).infos;
    await writeSheetModels(
      context as unknown as Excel.RequestContext,
      [candidateModel(["A"])],
      infos,
    );
    expect(host.tables.map((t) => t.name)).toEqual(["DeXuat2023_Khoi1", "DeXuat2023_Khoi1_2"]);
  });
});

describe("two Ranks at once (the pane and the ribbon share one runtime)", () => {
  it("runs them one after the other: one output sheet, the officer's sheets untouched", async () => {
    const host = hostWithScores(50);
    installOfficeGlobals(host);
    const before = host.sheet("DTI 2023").snapshot();
    const [a, b] = await Promise.all([
      rankInExcel({ options, lang: "vi" }, stubEngine()),
      rankInExcel({ options, lang: "vi" }, stubEngine()),
    ]);
    expect(a.kind).toBe("written");
    expect(b.kind).toBe("written");
    expect(host.sheets.map((s) => s.name).filter((n) => n.startsWith("Đề xuất"))).toEqual([
      "Đề xuất khen thưởng 2023",
    ]);
    expect(host.sheet("DTI 2023").snapshot()).toEqual(before);
  });

  it("lets a later Rank run after an earlier one failed", async () => {
    const host = hostWithScores(5);
    installOfficeGlobals(host);
    const broken = {
      ...stubEngine(),
      rankWorkbook: () => {
        throw new Error("engine failure");
      },
    };
    await expect(rankInExcel({ options, lang: "vi" }, broken)).rejects.toThrow("engine failure");
    await expect(rankInExcel({ options, lang: "vi" }, stubEngine())).resolves.toMatchObject({
      kind: "written",
    });
  });
});

describe("a Rank that fails while writing", () => {
  it("leaves the earlier output as it was, and the next Rank cleans up", async () => {
    const host = hostWithScores(5);
    installOfficeGlobals(host);
    await rankInExcel({ options, lang: "vi" }, stubEngine());
    const output = host.sheet("Đề xuất khen thưởng 2023");
    const before = output.snapshot();

    const failing = stubEngine();
    const buildCandidateSheets = failing.buildCandidateSheets.bind(failing);
    failing.buildCandidateSheets = (result, lang) =>
      buildCandidateSheets(result, lang).map((model) =>
        model.kind === "candidates"
          ? {
              ...model,
              texts: model.texts.map((t) => ({ ...t, text: `${t.text} (lần chạy lỗi)` })),
              tables: model.tables.map((t) => ({ ...t, name: "tên không hợp lệ!" })),
            }
          : model,
      );
    await expect(rankInExcel({ options, lang: "vi" }, failing)).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    expect(host.sheet("Đề xuất khen thưởng 2023").snapshot()).toEqual(before);
    expect(host.sheet("Đề xuất khen thưởng 2023").customProperties.get("dti-awards")).toBe(
      "candidates:2023",
    );

    await rankInExcel({ options, lang: "vi" }, stubEngine());
    expect(host.sheets.map((s) => s.name)).toEqual([
      "DTI 2023",
      "Đề xuất khen thưởng 2023",
      "Kiểm tra dữ liệu",
    ]);
  });
});
