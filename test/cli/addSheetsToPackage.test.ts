import ExcelJS from "exceljs";
import { addRenderedSheets, packageNames } from "../../src/cli/addSheetsToPackage";
import { loadWorkbookBytes } from "../../src/cli/readWorkbook";
import { renderModels } from "../../src/cli/renderSheets";
import { workbookWithModels } from "../../src/cli/writeWorkbook";
import { compressedData, readZipDirectory } from "../../src/cli/zipPackage";
import type { SheetModel } from "../../src/domain/types";
import { rawXlsx, rowsXml, scoreRows, worksheetXml } from "../fixtures/rawXlsx";
import { buildFixtureWorkbook } from "../fixtures/workbooks";
import { zipPartBytes } from "./runCli";

const MODEL: SheetModel = {
  kind: "candidates",
  year: 2023,
  name: "Đề xuất khen thưởng 2023",
  texts: [{ row: 0, text: "DANH SÁCH ĐỀ XUẤT", style: "title" }],
  tables: [
    {
      name: "DeXuat2023",
      startRow: 2,
      columns: [
        { header: "Hạng", width: 6, format: "integer" },
        { header: "Đơn vị", width: 30, format: "text" },
        { header: "Tỷ lệ", width: 10, format: "percent" },
      ],
      rows: [{ values: [1, "Sở Y tế", 0.95], style: "candidate", link: null }],
      linkColumn: null,
      totalRow: false,
    },
  ],
  freezeRows: 3,
  columnWidths: [6, 30, 10],
};

async function officerWorkbook(): Promise<Buffer> {
  const workbook = buildFixtureWorkbook([
    {
      name: "DTI 2023",
      rows: [
        ["STT", "Đơn vị"],
        [1, "Sở Y tế"],
      ],
      merges: ["A3:B3"],
    },
  ]);
  const sheet = workbook.getWorksheet("DTI 2023");
  if (!sheet) throw new Error("no sheet");
  sheet.getCell("A1").font = { bold: true, name: "Times New Roman", size: 13 };
  sheet.getCell("B2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  sheet.getCell("C2").numFmt = '#,##0.00" điểm"';
  sheet.addTable({
    name: "DeXuat2023",
    ref: "E1",
    columns: [{ name: "a" }],
    rows: [[1]],
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function entries(bytes: Buffer) {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) throw new Error("not a zip");
  return directory.entries;
}

function text(bytes: Buffer, part: string): string {
  return zipPartBytes(bytes, part)?.toString("utf8") ?? "";
}

describe("adding rendered sheets to the officer's package", () => {
  it("copies every part of the officer's file as stored, except the lists that name parts and the styles", async () => {
    const officer = await officerWorkbook();
    const { bytes } = workbookWithModels(officer, [MODEL]);
    const changed = [
      "[Content_Types].xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
    ];
    const out = new Map(entries(bytes).map((e) => [e.name, e]));
    for (const entry of entries(officer)) {
      const copy = out.get(entry.name);
      expect(copy).toBeDefined();
      if (!copy || changed.includes(entry.name)) continue;
      expect(
        compressedData(bytes, copy)?.equals(compressedData(officer, entry) ?? Buffer.alloc(0)),
      ).toBe(true);
      expect(copy.crc32).toBe(entry.crc32);
    }
  });

  it("keeps the officer's cell formats and appends its own after them", async () => {
    const officer = await officerWorkbook();
    const { bytes } = workbookWithModels(officer, [MODEL]);
    const before = text(officer, "xl/styles.xml");
    const after = text(bytes, "xl/styles.xml");
    const xfs = (xml: string) => /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
    const count = (xml: string) => (xfs(xml).match(/<xf\b/g) ?? []).length;
    expect(xfs(after).startsWith(xfs(before))).toBe(true);
    expect(count(after)).toBeGreaterThan(count(before));
    expect(after).toMatch(new RegExp(`<cellXfs count="${count(after)}"`));
    // The officer's sheet still shows its fonts, fills and formats.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const dti = workbook.getWorksheet("DTI 2023");
    expect(dti?.getCell("A1").font).toMatchObject({
      bold: true,
      name: "Times New Roman",
      size: 13,
    });
    expect((dti?.getCell("B2").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFFF00");
    expect(dti?.getCell("C2").numFmt).toBe('#,##0.00" điểm"');
    const added = workbook.getWorksheet("Đề xuất khen thưởng 2023");
    expect(added?.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(added?.getCell("C4").numFmt).toBe("0.00%");
    expect((added?.getCell("B4").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFC6EFCE");
    expect(dti?.model.merges).toEqual(["A3:B3"]);
  });

  it("gives new tables names and ids no table of the officer's file has", async () => {
    const officer = await officerWorkbook();
    const { bytes } = workbookWithModels(officer, [MODEL]);
    const tables = entries(bytes).filter((e) => /^xl\/tables\/.*\.xml$/.test(e.name));
    expect(tables).toHaveLength(2);
    const roots = tables.map((e) => /<table\b[^>]*>/.exec(text(bytes, e.name))?.[0] ?? "");
    const ids = roots.map((r) => /\sid="(\d+)"/.exec(r)?.[1]);
    const names = roots.map((r) => /\sname="([^"]+)"/.exec(r)?.[1]);
    expect(new Set(ids).size).toBe(2);
    expect(names.sort()).toEqual(["DeXuat2023", "DeXuat2023_2"]);
    expect(packageNames(bytes).tables).toEqual(expect.arrayContaining(["DeXuat2023_2"]));
  });

  it("writes the strings of its own sheets inline, leaving the officer's string table alone", async () => {
    const officer = await officerWorkbook();
    const { bytes } = workbookWithModels(officer, [MODEL]);
    expect(text(bytes, "xl/sharedStrings.xml")).toBe(text(officer, "xl/sharedStrings.xml"));
    expect(text(bytes, "xl/worksheets/sheet2.xml")).toMatch(
      /<c r="B4" s="\d+" t="inlineStr"><is><t xml:space="preserve">Sở Y tế<\/t><\/is><\/c>/,
    );
    expect(text(bytes, "xl/worksheets/sheet2.xml")).not.toContain('t="s"');
  });

  it("adds to a package written with a namespace prefix and without a styles part", async () => {
    const sheet = worksheetXml({ sheetData: rowsXml(scoreRows()) });
    const plain = rawXlsx({ sheets: [{ name: "DTI 2023", xml: sheet }] });
    // The same package with x:-prefixed workbook elements and no styles part.
    const parts = entries(plain).map((e) => ({ name: e.name, data: zipPartBytes(plain, e.name) }));
    const { writeZip } = await import("../../src/cli/zipPackage");
    const prefixed = writeZip(
      parts
        .filter((p) => p.name !== "xl/styles.xml")
        .map((p) => {
          let xml = p.data?.toString("utf8") ?? "";
          if (p.name === "xl/workbook.xml") {
            xml = xml
              .replace(/<(\/?)(workbook|sheets|sheet)\b/g, "<$1x:$2")
              .replace('xmlns="', 'xmlns:x="');
          }
          if (p.name === "xl/_rels/workbook.xml.rels") {
            xml = xml.replace(/<Relationship Id="rIdStyles"[^>]*\/>/, "");
          }
          return { name: p.name, data: Buffer.from(xml, "utf8") };
        }),
    );
    if (!prefixed) throw new Error("zip");
    const out = addRenderedSheets(prefixed, renderModels([MODEL], packageNames(prefixed)));
    expect(text(out, "xl/workbook.xml")).toMatch(
      /<x:sheet name="Đề xuất khen thưởng 2023" sheetId="2" r:id="rId\d+"\/><\/x:sheets>/,
    );
    expect(entries(out).map((e) => e.name)).toContain("xl/styles.xml");
    const load = await loadWorkbookBytes(out, "out.xlsx");
    expect(load.ok && load.loaded.sheets.map((s) => s.name)).toEqual([
      "DTI 2023",
      "Đề xuất khen thưởng 2023",
    ]);
  });
});
