import { DEFAULT_PACKAGE_LIMITS } from "../../src/cli/zipPackage";
import { createHash } from "crypto";
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { isOwnSheetName, loadWorkbookBytes, readWorkbookFile } from "../../src/cli/readWorkbook";
import {
  buildFixtureWorkbook,
  tempDir,
  uncachedFormulaSheets,
  writeFixture,
} from "../fixtures/workbooks";

const EXAMPLE = path.resolve(__dirname, "../../samples/dti-example-2023.xlsx");
const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** A row of a sparse matrix with its holes shown as "" up to its last cell, for comparisons. */
const dense = (row: readonly unknown[] | undefined): unknown[] =>
  Array.from({ length: row?.length ?? 0 }, (_v, c) => row?.[c] ?? "");

describe("readWorkbookFile", () => {
  it("reads the example workbook as Office would, without touching the file", async () => {
    const before = sha256(EXAMPLE);
    const load = await readWorkbookFile(EXAMPLE);
    expect(sha256(EXAMPLE)).toBe(before);
    expect(load.ok).toBe(true);
    if (!load.ok) return;
    const [dti, bloc4, nominees] = load.loaded.sheets;
    expect(load.loaded.sheets.map((s) => s.name)).toEqual([
      "DTI 2023",
      "Khối 4 - Doanh nghiệp",
      "Cá nhân đề xuất",
    ]);
    expect(dti.rowOffset).toBe(0);
    expect(dti.colOffset).toBe(0);
    // The merged letterhead: the value in its top-left cell, blank elsewhere (as Office.js).
    expect(dense(dti.values[0]).slice(0, 3)).toEqual(["UBND THÀNH PHỐ CẦN THƠ", "", ""]);
    expect(dti.merges).toEqual(expect.arrayContaining([{ top: 0, left: 0, bottom: 0, right: 2 }]));
    expect(dense(dti.values[6])).toEqual([
      "STT",
      "Tên cơ quan, đơn vị",
      "Điểm tối đa",
      "Điểm đạt được",
      "Tỷ lệ (%)",
      "Xếp hạng trong khối",
      "Ghi chú",
    ]);
    // Formula ratio cells arrive as their computed values.
    expect(dense(dti.values[8])).toEqual([1, "Văn phòng UBND thành phố", 1000, 607.5, 60.75]);
    expect(dti.values).toHaveLength(132);
    expect(dense(bloc4.values[0])).toEqual([
      "STT",
      "Tên doanh nghiệp",
      "Điểm đánh giá (thang 100)",
      "Ghi chú",
    ]);
    expect(nominees.values[2][4]).toBe("x");
    expect(load.loaded.notes).toEqual([]);
  });

  it("reads a formula without a cached result as blank and notes the cell", async () => {
    const file = await writeFixture(tempDir(), "uncached.xlsx", uncachedFormulaSheets());
    const load = await readWorkbookFile(file);
    expect(load.ok).toBe(true);
    if (!load.ok) return;
    expect(dense(load.loaded.sheets[0].values[2])).toEqual([1, "Sở Tư pháp", 1, 1000, 900]);
    expect(load.loaded.sheets[0].values[3][5]).toBe(80);
    expect(load.loaded.notes).toHaveLength(1);
    expect(load.loaded.notes[0]).toMatchObject({ sheet: "DTI 2024", cell: "F3" });
    expect(load.loaded.notes[0].message.en).toContain("Open the file, save it");
  });

  it("keeps only the cells that hold a value, as a sparse matrix ending at the last one", async () => {
    const bytes = Buffer.from(
      await buildFixtureWorkbook([
        { name: "S", rows: [["a", null, null], [null, "b"], [], [null, ""]] },
      ]).xlsx.writeBuffer(),
    );
    const load = await loadWorkbookBytes(bytes, "s.xlsx");
    if (!load.ok) throw new Error(load.failure.message.en);
    const values = load.loaded.sheets[0].values;
    expect(values).toHaveLength(2);
    expect(values[0]).toEqual(["a"]);
    expect(0 in values[1]).toBe(false);
    expect(values[1][1]).toBe("b");
  });

  it("passes hidden and very hidden sheets on, marked hidden, for the engine to decide", async () => {
    const workbook = buildFixtureWorkbook([
      { name: "DTI 2023", rows: [["Đơn vị", "Điểm"]] },
      { name: "Cũ", rows: [["Đơn vị", "Điểm"]] },
      { name: "Rất ẩn", rows: [["x"]] },
    ]);
    workbook.getWorksheet("Cũ")!.state = "hidden";
    workbook.getWorksheet("Rất ẩn")!.state = "veryHidden";
    const load = await loadWorkbookBytes(Buffer.from(await workbook.xlsx.writeBuffer()), "h.xlsx");
    expect(load.ok && load.loaded.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["DTI 2023", false],
      ["Cũ", true],
      ["Rất ẩn", true],
    ]);
    expect(load.ok && load.loaded.sheets[1].values).toEqual([["Đơn vị", "Điểm"]]);
  });

  it("says a missing file is missing", async () => {
    const load = await readWorkbookFile(path.join(tempDir(), "nope.xlsx"));
    expect(load.ok).toBe(false);
    if (load.ok) return;
    expect(load.failure.kind).toBe("missing");
    expect(load.failure.message.vi).toContain("Không tìm thấy tệp");
    expect(load.failure.message.en).toContain("Check the path");
  });

  it("says a CSV renamed to .xlsx is not a workbook", async () => {
    const file = path.join(tempDir(), "scores.xlsx");
    writeFileSync(file, "STT,Tên đơn vị,Điểm\n1,Sở Y tế,900\n");
    const load = await readWorkbookFile(file);
    expect(!load.ok && load.failure.kind).toBe("not-xlsx");
    expect(!load.ok && load.failure.message.en).toContain("save it as “Excel Workbook (*.xlsx)”");
  });

  it("refuses a file over the size limit before reading it", async () => {
    const load = await readWorkbookFile(EXAMPLE, {
      ...DEFAULT_PACKAGE_LIMITS,
      maxFileBytes: 1024,
    });
    expect(!load.ok && load.failure.kind).toBe("file-too-large");
  });

  it("refuses a folder", async () => {
    const load = await readWorkbookFile(tempDir());
    expect(!load.ok && load.failure.kind).toBe("unreadable");
  });
});

describe("isOwnSheetName", () => {
  const own = [
    "Đề xuất khen thưởng 2023",
    "Kiểm tra dữ liệu",
    "Award candidates 2023",
    "Data check",
  ];
  it("recognises the tool's own sheets, renamed with a number or not", () => {
    expect(isOwnSheetName("Đề xuất khen thưởng 2023", own)).toBe(true);
    expect(isOwnSheetName("Kiểm tra dữ liệu (3)", own)).toBe(true);
    expect(isOwnSheetName("data check", own)).toBe(true);
    expect(isOwnSheetName("Đề xuất khen thưởng 2023".normalize("NFD"), own)).toBe(true);
  });
  it("leaves the officers' sheets alone", () => {
    expect(isOwnSheetName("DTI 2023", own)).toBe(false);
    expect(isOwnSheetName("Cá nhân đề xuất", own)).toBe(false);
  });
});
