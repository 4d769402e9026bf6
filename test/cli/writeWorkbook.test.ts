import { readFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import {
  defaultOutputPath,
  internalLinkTarget,
  writeAwardWorkbook,
  xmlCellText,
} from "../../src/cli/writeWorkbook";
import { readZipDirectory, readZipEntry } from "../../src/cli/zipPackage";
import type { SheetModel } from "../../src/domain/types";
import { buildFixtureWorkbook, tempDir } from "../fixtures/workbooks";

const candidates: SheetModel = {
  kind: "candidates",
  year: 2023,
  name: "Đề xuất khen thưởng 2023",
  texts: [
    { row: 0, text: "DANH SÁCH ĐỀ XUẤT KHEN THƯỞNG NĂM 2023", style: "title" },
    { row: 1, text: "Căn cứ Kế hoạch 140/KH-UBND", style: "subtitle" },
    { row: 2, text: "=not a formula", style: "note" },
  ],
  tables: [
    {
      name: "DeXuat2023",
      startRow: 4,
      columns: [
        { header: "Hạng", width: 6, format: "integer" },
        { header: "Đơn vị", width: 40, format: "text" },
        { header: "Tỷ lệ", width: 10, format: "percent" },
        { header: "Tiền thưởng", width: 14, format: "vnd" },
      ],
      rows: [
        { values: [1, "=SUM(A1:A9)", 0.9425, 3600000], style: "candidate", link: null },
        { values: [2, "+Sở Tư pháp", 0.9, 3600000], style: "tie", link: null },
        { values: [2, "-Sở Y tế", 0.9, 3600000], style: "tie", link: null },
        { values: [4, "@Sở Nội vụ", 0.8, null], style: "excluded", link: null },
        { values: [5, "Sở Xây dựng", 0.7, null], style: "not-selected", link: null },
        { values: [null, "Sở Tài chính", null, null], style: "invalid", link: null },
        { values: [null, "Tổng cộng", null, 10800000], style: "plain", link: null },
      ],
      linkColumn: null,
      totalRow: true,
    },
  ],
  freezeRows: 5,
  columnWidths: [6, 40, 10, 14],
};

const dataCheck: SheetModel = {
  kind: "data-check",
  year: null,
  name: "Kiểm tra dữ liệu",
  texts: [{ row: 0, text: "KIỂM TRA DỮ LIỆU", style: "title" }],
  tables: [
    {
      name: "KiemTra",
      startRow: 2,
      columns: [
        { header: "Mức độ", width: 10, format: "text" },
        { header: "Ô", width: 16, format: "text" },
        { header: "Nội dung", width: 80, format: "text" },
      ],
      rows: [
        {
          values: ["Lỗi", "DTI 2023!D15", "Điểm lớn hơn điểm tối đa"],
          style: "invalid",
          link: { sheet: "DTI 2023", cell: "D15" },
        },
      ],
      linkColumn: 1,
      totalRow: false,
    },
  ],
  freezeRows: 3,
  columnWidths: [10, 16, 80],
};

async function inputFile(dir: string, extraSheets: string[] = []): Promise<string> {
  const file = path.join(dir, "input.xlsx");
  await buildFixtureWorkbook([
    {
      name: "DTI 2023",
      rows: [
        ["STT", "Đơn vị"],
        [1, "Sở Y tế"],
      ],
    },
    ...extraSheets.map((name) => ({ name, rows: [["old"]] })),
  ]).xlsx.writeFile(file);
  return file;
}

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

function zipText(file: string, part: string): string {
  const bytes = readFileSync(file);
  const directory = readZipDirectory(bytes);
  if (!directory.ok) throw new Error("not a zip");
  const entry = directory.entries.find((e) => e.name === part);
  if (!entry) throw new Error(`no ${part}`);
  return readZipEntry(bytes, entry)?.toString("utf8") ?? "";
}

describe("internalLinkTarget", () => {
  it("quotes the sheet and makes the cell absolute", () => {
    expect(internalLinkTarget({ sheet: "DTI 2023", cell: "D15" })).toBe("#'DTI 2023'!$D$15");
    expect(internalLinkTarget({ sheet: "O'Brien", cell: "a1" })).toBe("#'O''Brien'!$A$1");
  });
});

describe("defaultOutputPath", () => {
  it("puts <input>.awards.xlsx beside the input", () => {
    expect(defaultOutputPath(path.join("data", "dti-2023.xlsx"))).toBe(
      path.join("data", "dti-2023.awards.xlsx"),
    );
  });
});

describe("xmlCellText", () => {
  it("escapes XML and writes the characters XML cannot carry as the format's escapes", () => {
    expect(xmlCellText("Sở <Y tế> & \u001b\u0007")).toBe("Sở &lt;Y tế&gt; &amp; _x001B__x0007_");
    expect(xmlCellText("_x0041_")).toBe("_x005F_x0041_");
    expect(xmlCellText("a\tb\nc")).toBe("a\tb\nc");
    expect(xmlCellText("\ud800")).toBe("_xD800_");
  });
});

describe("the rendered sheet", () => {
  let sheet: ExcelJS.Worksheet;

  beforeAll(async () => {
    const dir = tempDir();
    const input = await inputFile(dir);
    const out = path.join(dir, "out.xlsx");
    await writeAwardWorkbook(readFileSync(input), input, out, [candidates]);
    const found = (await readBack(out)).getWorksheet("Đề xuất khen thưởng 2023");
    if (!found) throw new Error("missing sheet");
    sheet = found;
  });

  it("has its texts, an Excel table, formats, widths and the frozen header", () => {
    expect(sheet.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(sheet.getCell("A2").font).toMatchObject({ italic: true });
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
    expect(sheet.getColumn(2).width).toBe(40);
    expect(sheet.getCell("B5").value).toBe("Đơn vị");
    expect(sheet.getCell("C6").numFmt).toBe("0.00%");
    expect(sheet.getCell("D6").numFmt).toBe("#,##0");
    expect(sheet.getCell("A6").numFmt).toBe("0");
  });

  it("wraps header cells and is set up for printing on A4 landscape, one page wide", () => {
    expect(sheet.getCell("B5").alignment).toMatchObject({ wrapText: true });
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
  });
});

describe("writeAwardWorkbook", () => {
  it("writes a copy with the model sheets, keeping the input's sheets and bytes", async () => {
    const dir = tempDir();
    const input = await inputFile(dir);
    const before = readFileSync(input);
    const out = path.join(dir, "out.xlsx");
    const outcome = await writeAwardWorkbook(before, input, out, [candidates, dataCheck]);
    expect(outcome).toEqual({
      ok: true,
      path: out,
      sheetNames: ["Đề xuất khen thưởng 2023", "Kiểm tra dữ liệu"],
    });
    expect(readFileSync(input).equals(before)).toBe(true);

    const written = await readBack(out);
    expect(written.worksheets.map((ws) => ws.name)).toEqual([
      "DTI 2023",
      "Đề xuất khen thưởng 2023",
      "Kiểm tra dữ liệu",
    ]);
    expect(written.getWorksheet("DTI 2023")?.getCell("B2").value).toBe("Sở Y tế");
    const sheet = written.getWorksheet("Đề xuất khen thưởng 2023");
    if (!sheet) throw new Error("missing sheet");
    const fill = (address: string) =>
      (sheet.getCell(address).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(fill("A6")).toBe("FFC6EFCE");
    expect(sheet.getCell("B6").font?.color?.argb).toBe("FF006100");
    expect(fill("D7")).toBe("FFFFEB9C");
    expect(sheet.getCell("B8").font?.color?.argb).toBe("FF9C5700");
    expect(fill("B9")).toBe("FFD9D9D9");
    expect(fill("B10")).toBeUndefined();
    expect(fill("B11")).toBe("FFFFC7CE");
    expect(sheet.getCell("B11").font?.color?.argb).toBe("FF9C0006");
    expect(sheet.getCell("B12").font?.bold).toBe(true);
    expect(sheet.getCell("C6").numFmt).toBe("0.00%");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });

    const tableXml = zipText(out, "xl/tables/table1.xml");
    expect(tableXml).toContain('name="DeXuat2023"');
    expect(tableXml).toContain('ref="A5:D12"');
    expect(tableXml).toContain("TableStyleMedium2");
  });

  it("writes text that begins with = + - @ as text, never as a formula", async () => {
    const dir = tempDir();
    const input = await inputFile(dir);
    const out = path.join(dir, "out.xlsx");
    await writeAwardWorkbook(readFileSync(input), input, out, [candidates]);
    const sheet = (await readBack(out)).getWorksheet("Đề xuất khen thưởng 2023");
    if (!sheet) throw new Error("missing sheet");
    for (const address of ["A3", "B6", "B7", "B8", "B9"]) {
      const cell = sheet.getCell(address);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
    expect(sheet.getCell("B6").value).toBe("=SUM(A1:A9)");
    expect(zipText(out, "xl/worksheets/sheet2.xml")).not.toContain("<f>");
  });

  it("links each data-check row to the cell it is about", async () => {
    const dir = tempDir();
    const input = await inputFile(dir);
    const out = path.join(dir, "out.xlsx");
    await writeAwardWorkbook(readFileSync(input), input, out, [dataCheck]);
    const sheet = (await readBack(out)).getWorksheet("Kiểm tra dữ liệu");
    const cell = sheet?.getCell("B4");
    expect(cell?.text).toBe("DTI 2023!D15");
    // A link inside the workbook: a location, no external relationship.
    expect(zipText(out, "xl/worksheets/sheet2.xml")).toContain(
      `<hyperlink ref="B4" location="'DTI 2023'!$D$15"`,
    );
  });

  it("uses free sheet and table names when the workbook already has them", async () => {
    const dir = tempDir();
    const input = await inputFile(dir, ["Kiểm tra dữ liệu"]);
    const first = path.join(dir, "first.xlsx");
    await writeAwardWorkbook(readFileSync(input), input, first, [candidates, dataCheck]);
    const second = path.join(dir, "second.xlsx");
    const outcome = await writeAwardWorkbook(readFileSync(first), first, second, [
      candidates,
      dataCheck,
    ]);
    expect(outcome.ok && outcome.sheetNames).toEqual([
      "Đề xuất khen thưởng 2023 (2)",
      "Kiểm tra dữ liệu (3)",
    ]);
    const written = await readBack(second);
    const names = written.worksheets.flatMap((ws) =>
      (ws.getTables() as unknown as { name: string }[]).map((t) => t.name),
    );
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(["DeXuat2023", "DeXuat2023_2"]));
  });

  it("refuses to overwrite the input", async () => {
    const dir = tempDir();
    const input = await inputFile(dir);
    const before = readFileSync(input);
    const outcome = await writeAwardWorkbook(before, input, path.join(dir, ".", "input.xlsx"), [
      candidates,
    ]);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message.en).toContain("never overwritten");
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("says so when the output folder does not exist", async () => {
    const dir = tempDir();
    const input = await inputFile(dir);
    const outcome = await writeAwardWorkbook(
      readFileSync(input),
      input,
      path.join(dir, "no", "such", "out.xlsx"),
      [candidates],
    );
    expect(!outcome.ok && outcome.message.vi).toContain("Không ghi được tệp kết quả");
  });

  it("writes a header without a table when a table has no rows", async () => {
    const dir = tempDir();
    const input = await inputFile(dir);
    const out = path.join(dir, "out.xlsx");
    const empty: SheetModel = {
      ...dataCheck,
      tables: [{ ...dataCheck.tables[0], rows: [] }],
    };
    await writeAwardWorkbook(readFileSync(input), input, out, [empty]);
    const sheet = (await readBack(out)).getWorksheet("Kiểm tra dữ liệu");
    expect(sheet?.getCell("A3").value).toBe("Mức độ");
  });
});
