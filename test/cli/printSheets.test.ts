/**
 * The print-ready sheets (proposal list, 2022–2025 summary) and the decisions sheet as the package
 * writer renders them into the officer's copy and into a new workbook: cell formats, merges, page
 * setup, print titles, page breaks and the chart's parts, read back from the package's XML and by
 * ExcelJS as an officer's Excel would read them.
 */
import ExcelJS from "exceljs";
import { emptyWorkbookPackage, packageNames } from "../../src/cli/addSheetsToPackage";
import { decisionSheetModel } from "../../src/cli/proposalRun";
import { marginInches, pageNumberHeader } from "../../src/cli/renderPrintSheet";
import { newWorkbookWithModels, workbookWithModels } from "../../src/cli/writeWorkbook";
import { readZipDirectory, readZipEntry, writeZip } from "../../src/cli/zipPackage";
import { DECREE_30_MARGINS, type PrintSheetModel } from "../../src/domain/printSheet";
import { rawXlsx, rowsXml, worksheetXml } from "../fixtures/rawXlsx";
import { zipPartBytes } from "./runCli";

const STYLES = {
  head: { size: 12, bold: true, align: "center", valign: "middle", wrap: true },
  th: {
    size: 12,
    bold: true,
    align: "center",
    valign: "middle",
    wrap: true,
    border: true,
    shaded: true,
  },
  td: { size: 12, align: "left", valign: "top", wrap: true, border: true },
  pct: {
    size: 12,
    align: "right",
    valign: "top",
    wrap: false,
    border: true,
    numberFormat: "0.00%",
  },
  note: { size: 11, italic: true, underline: true, align: "left", valign: "top", wrap: false },
} as const;

/** A small list: a merged heading, a bordered merged note, a shaded header row, two data rows. */
const LIST: PrintSheetModel = {
  kind: "proposal",
  year: 2024,
  name: "Danh sách đề nghị khen thưởng",
  font: "Times New Roman",
  styles: STYLES,
  columns: [5, 30, 12],
  cells: [
    { row: 0, col: 0, value: "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", style: "head" },
    { row: 2, col: 0, value: "STT", style: "th" },
    { row: 2, col: 1, value: "Đơn vị", style: "th" },
    { row: 2, col: 2, value: "Tỷ lệ", style: "th" },
    { row: 3, col: 0, value: 1, style: "td" },
    { row: 3, col: 1, value: "=Sở Tư pháp", style: "td" },
    { row: 3, col: 2, value: 0.9485, style: "pct" },
    { row: 4, col: 0, value: "Khối 3: còn 1 suất chờ Hội đồng", style: "td" },
    { row: 6, col: 0, value: "Kinh phí", style: "note" },
  ],
  merges: [
    { top: 0, left: 0, bottom: 0, right: 2 },
    { top: 4, left: 0, bottom: 4, right: 2 },
  ],
  rowHeights: [
    { row: 0, points: 18 },
    { row: 3, points: 48.5 },
    { row: 5, points: 30 },
  ],
  page: {
    orientation: "portrait",
    margins: DECREE_30_MARGINS,
    fitToWidth: true,
    titleRows: { from: 2, to: 2 },
    pageNumbers: true,
    breaksBefore: [6],
  },
  chart: null,
  freezeRows: 3,
};

const SUMMARY: PrintSheetModel = {
  ...LIST,
  kind: "history",
  year: null,
  name: "Tổng hợp 2022–2025",
  page: { ...LIST.page, orientation: "landscape", titleRows: null, pageNumbers: false },
  chart: {
    title: "Tỷ lệ điểm",
    categories: { top: 2, left: 1, bottom: 2, right: 2 },
    series: [{ name: { row: 3, col: 0 }, values: { top: 3, left: 1, bottom: 3, right: 2 } }],
    anchor: { top: 8, left: 0, bottom: 20, right: 2 },
    valueFormat: "0%",
    cache: { categories: ["2022", "2023"], series: [{ name: "Sở Tư pháp", values: [0.9, 0.95] }] },
  },
};

/** An officer's workbook with a hidden sheet and a defined name of its own. */
function officerPackage(): Buffer {
  const sheet = worksheetXml({ sheetData: rowsXml([["STT", "Tên cơ quan, đơn vị"]]) });
  const plain = rawXlsx({
    sheets: [
      { name: "DTI 2024", xml: sheet },
      { name: "Ẩn", xml: sheet, state: "hidden" },
    ],
  });
  const workbook = zipPartBytes(plain, "xl/workbook.xml")?.toString("utf8") ?? "";
  const withName = workbook.replace(
    "</sheets>",
    "</sheets><definedNames><definedName name=\"Vung\">'DTI 2024'!$A$1:$B$1</definedName></definedNames>",
  );
  return replacePart(plain, "xl/workbook.xml", withName);
}

/** The package with one part's text replaced. */
function replacePart(bytes: Buffer, name: string, text: string): Buffer {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) throw new Error("not a zip");
  const zip = writeZip(
    directory.entries.map((entry) => ({
      name: entry.name,
      data:
        entry.name === name
          ? Buffer.from(text, "utf8")
          : (readZipEntry(bytes, entry) ?? Buffer.alloc(0)),
    })),
  );
  if (!zip) throw new Error("zip");
  return zip;
}

const partText = (bytes: Buffer, name: string): string =>
  zipPartBytes(bytes, name)?.toString("utf8") ?? "";

async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe("a print-ready sheet rendered into the officer's copy", () => {
  const officer = officerPackage();
  const { bytes, sheetNames } = workbookWithModels(officer, [LIST]);

  it("is added after the officer's sheets, hidden ones counted", () => {
    expect(sheetNames).toEqual(["Danh sách đề nghị khen thưởng"]);
    expect(packageNames(bytes).sheets).toEqual(["DTI 2024", "Ẩn", "Danh sách đề nghị khen thưởng"]);
  });

  it("prints its header row on every page through a Print_Titles name local to its own sheet", () => {
    const workbook = partText(bytes, "xl/workbook.xml");
    expect(workbook).toContain(
      `<definedNames><definedName name="Vung">'DTI 2024'!$A$1:$B$1</definedName><definedName name="_xlnm.Print_Titles" localSheetId="2">'Danh sách đề nghị khen thưởng'!$3:$3</definedName></definedNames>`,
    );
  });

  it("sets A4, the orientation, one page wide, centred, the margins in inches and page numbers from page 2", async () => {
    const sheet = (await readBack(bytes)).getWorksheet(LIST.name) as ExcelJS.Worksheet;
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: "3:3",
    });
    expect(sheet.pageSetup.margins).toMatchObject({
      top: marginInches(20),
      bottom: marginInches(20),
      left: marginInches(30),
      right: marginInches(15),
      header: marginInches(10),
      footer: marginInches(10),
    });
    expect(sheet.headerFooter).toMatchObject({
      differentFirst: true,
      oddHeader: pageNumberHeader("Times New Roman"),
    });
    expect(sheet.views[0]).toMatchObject({ showGridLines: false, state: "frozen", ySplit: 3 });
  });

  it("breaks the page above a row that starts a new page", () => {
    const xml = partText(bytes, "xl/worksheets/sheet3.xml");
    expect(xml).toContain(
      '<rowBreaks count="1" manualBreakCount="1"><brk id="6" max="16383" man="1"/></rowBreaks>',
    );
  });

  it("writes every cell in Times New Roman, with its borders, fill, alignment and format", async () => {
    const sheet = (await readBack(bytes)).getWorksheet(LIST.name) as ExcelJS.Worksheet;
    expect(sheet.getCell("A1").font).toMatchObject({
      name: "Times New Roman",
      size: 12,
      bold: true,
    });
    expect(sheet.getCell("A1").alignment).toMatchObject({
      horizontal: "center",
      vertical: "middle",
      wrapText: true,
    });
    const header = sheet.getCell("B3");
    expect((header.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFF2F2F2");
    expect(header.border).toMatchObject({
      top: { style: "thin" },
      left: { style: "thin" },
      bottom: { style: "thin" },
      right: { style: "thin" },
    });
    expect(sheet.getCell("C4").numFmt).toBe("0.00%");
    expect(sheet.getCell("C4").value).toBe(0.9485);
    expect(sheet.getCell("A4").value).toBe(1);
    // Text that looks like a formula stays text.
    expect(sheet.getCell("B4").value).toBe("=Sở Tư pháp");
    expect(sheet.getCell("A7").font).toMatchObject({ italic: true, underline: true, size: 11 });
    expect(sheet.getCell("A1").border).toEqual({});
  });

  it("merges the heading and frames every cell a bordered merge covers", async () => {
    const sheet = (await readBack(bytes)).getWorksheet(LIST.name) as ExcelJS.Worksheet;
    expect(sheet.model.merges).toEqual(["A1:C1", "A5:C5"]);
    for (const address of ["A5", "B5", "C5"]) {
      expect(sheet.getCell(address).border).toMatchObject({
        top: { style: "thin" },
        bottom: { style: "thin" },
      });
    }
  });

  it("gives rows their heights, a row without cells too, and columns their widths", async () => {
    const sheet = (await readBack(bytes)).getWorksheet(LIST.name) as ExcelJS.Worksheet;
    expect([1, 4, 6].map((r) => sheet.getRow(r).height)).toEqual([18, 48.5, 30]);
    expect([1, 2, 3].map((c) => sheet.getColumn(c).width)).toEqual([5, 30, 12]);
  });
});

describe("the 2022–2025 summary's chart", () => {
  const { bytes } = workbookWithModels(officerPackage(), [LIST, SUMMARY]);

  it("goes into the package as a chart and a drawing linked from the summary sheet only", () => {
    const summary = partText(bytes, "xl/worksheets/sheet4.xml");
    expect(summary).toMatch(/<drawing r:id="rIdChart1"\/><\/worksheet>$/);
    expect(partText(bytes, "xl/worksheets/sheet3.xml")).not.toContain("<drawing");
    expect(partText(bytes, "xl/worksheets/_rels/sheet4.xml.rels")).toContain(
      'Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"',
    );
    expect(partText(bytes, "xl/drawings/_rels/drawing1.xml.rels")).toContain(
      'Target="../charts/chart1.xml"',
    );
    const chart = partText(bytes, "xl/charts/chart1.xml");
    expect(chart).toContain("'Tổng hợp 2022–2025'!$B$4:$C$4");
    expect(chart).toContain("<c:v>Sở Tư pháp</c:v>");
    const types = partText(bytes, "[Content_Types].xml");
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml"');
  });

  it("prints the summary landscape without page numbers", async () => {
    const sheet = (await readBack(bytes)).getWorksheet(SUMMARY.name) as ExcelJS.Worksheet;
    expect(sheet.pageSetup.orientation).toBe("landscape");
    expect(partText(bytes, "xl/worksheets/sheet4.xml")).not.toContain("<headerFooter");
  });
});

describe("the standalone proposal list", () => {
  it("is a new workbook of the lists alone, which ExcelJS opens", async () => {
    const bytes = newWorkbookWithModels([LIST, SUMMARY]);
    expect(packageNames(bytes).sheets).toEqual([LIST.name, SUMMARY.name]);
    const workbook = await readBack(bytes);
    expect(workbook.getWorksheet(LIST.name)?.getCell("A1").value).toBe(
      "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
    );
    expect(workbook.getWorksheet(LIST.name)?.pageSetup.printTitlesRow).toBe("3:3");
    expect(partText(bytes, "xl/workbook.xml")).toContain('localSheetId="0"');
  });

  it("starts from an empty package with no sheet", () => {
    expect(packageNames(emptyWorkbookPackage())).toEqual({ sheets: [], tables: [], formats: 1 });
  });
});

describe("the decisions sheet", () => {
  it("holds an empty table row waiting for the first decision when no tie is open", async () => {
    const bytes = newWorkbookWithModels([decisionSheetModel([], "vi")]);
    const table = partText(bytes, "xl/tables/table1.xml");
    expect(table).toContain('name="QuyetDinhHoiDong"');
    expect(table).toContain('ref="A4:M5"');
    expect(table).toContain('<tableStyleInfo name="TableStyleLight9"');
    expect(table).toContain('showRowStripes="1"');
    const sheet = (await readBack(bytes)).getWorksheet("Quyết định của Hội đồng");
    expect(sheet?.getCell("A1").value).toBe("QUYẾT ĐỊNH CỦA HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG");
    expect(sheet?.getCell("G4").value).toBe("Quyết định");
    expect(sheet?.getCell("I5").numFmt).toBe("0.00%");
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
  });
});
