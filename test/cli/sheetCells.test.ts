import { isDateFormat, isDateFormatCode } from "../../src/cli/numberFormats";
import {
  clampRange,
  parseCellRef,
  parseRangeRef,
  readSheetCells,
  type CellContext,
} from "../../src/cli/sheetCells";
import { readDateStyles, readSharedStrings, resolvePartPath } from "../../src/cli/workbookParts";
import { decodeOoxmlEscapes, decodeXmlText, scanXml } from "../../src/cli/xmlScan";

const context: CellContext = {
  sharedStrings: ["Tên cơ quan, đơn vị", "Sở Y tế"],
  dateStyles: [false, true],
  date1904: false,
};

function read(sheetData: string, extra = "", ctx: CellContext = context) {
  const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData>${extra}</worksheet>`;
  const result = readSheetCells(Buffer.from(xml, "utf8"), ctx);
  if (!result.ok) throw new Error(result.detail);
  return result.cells;
}

describe("readSheetCells", () => {
  it("reports the hidden rows that hold values and the hidden columns within the cells' extent", () => {
    const cells = read(
      '<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row>' +
        '<row r="2" hidden="1"><c r="A2"><v>4</v></c></row>' +
        '<row r="3" hidden="true"/>' +
        '<row r="4"><c r="B4"><v>5</v></c></row>',
      // A column span over the whole grid costs the extent (A:C), not 16,384 columns.
      '<cols><col min="2" max="2" hidden="1"/><col min="3" max="16384" hidden="true"/></cols>',
    );
    expect(cells.hiddenRows).toEqual([1]);
    expect(cells.hiddenColumns).toEqual([1, 2]);
  });

  it("reports nothing hidden when no row or column is", () => {
    const cells = read(
      '<row r="1"><c r="A1"><v>1</v></c></row>',
      '<cols><col min="1" max="3"/></cols>',
    );
    expect(cells.hiddenRows).toEqual([]);
    expect(cells.hiddenColumns).toEqual([]);
  });

  it("reads every kind of cell as Office.js gives it", () => {
    const cells = read(
      '<row r="1">' +
        '<c r="A1" t="s"><v>1</v></c>' +
        '<c r="B1"><v>942.5</v></c>' +
        '<c r="C1" t="b"><v>1</v></c>' +
        '<c r="D1" t="e"><v>#DIV/0!</v></c>' +
        '<c r="E1" t="str"><f>A1&amp;""</f><v>Sở Y tế</v></c>' +
        '<c r="F1"><f>ROUND(B1/10,2)</f><v>94.25</v></c>' +
        '<c r="G1" s="1"><v>45181</v></c>' +
        '<c r="H1" t="inlineStr"><is><r><t>Sở </t></r><r><rPr><b/></rPr><t>Tư pháp</t></r><rPh><t>ソ</t></rPh></is></c>' +
        "</row>",
    );
    expect(cells.values[0]).toEqual([
      "Sở Y tế",
      942.5,
      true,
      "#DIV/0!",
      "Sở Y tế",
      94.25,
      new Date(Date.UTC(2023, 8, 12)),
      "Sở Tư pháp",
    ]);
    expect(cells.count).toBe(8);
  });

  it("decodes escaped control characters, entities and CDATA in text", () => {
    const cells = read(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>a_x001B_b &amp; &#x1EA0;</t></is></c>' +
        '<c r="B1" t="inlineStr"><is><t><![CDATA[<b>x</b>]]></t></is></c></row>',
    );
    expect(cells.values[0]).toEqual(["a\u001bb & Ạ", "<b>x</b>"]);
  });

  it("reads a formula without a cached result as blank and lists its cell", () => {
    const cells = read('<row r="3"><c r="F3"><f>ROUND(E3/D3*100,2)</f></c></row>');
    expect(cells.values).toEqual([]);
    expect(cells.uncomputed).toEqual([{ row: 2, col: 5 }]);
  });

  it("counts dates from 1904 in a workbook that says so", () => {
    const cells = read('<row r="1"><c r="A1" s="1"><v>43719</v></c></row>', "", {
      ...context,
      date1904: true,
    });
    expect(cells.values[0][0]).toEqual(new Date(Date.UTC(2023, 8, 12)));
  });

  it("places rows and cells written without their reference after the previous ones", () => {
    const cells = read(
      '<row r="2"><c><v>1</v></c><c r="C2"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>',
    );
    expect(Object.entries(cells.values[1])).toEqual([
      ["0", 1],
      ["2", 3],
      ["3", 4],
    ]);
    expect(cells.values[2]).toEqual([5]);
  });

  it("reads a part whose elements carry a namespace prefix", () => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Đơn vị</x:t></x:is></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>';
    const result = readSheetCells(Buffer.from(xml), context);
    expect(result.ok && result.cells.values).toEqual([["Đơn vị"]]);
  });

  it("keeps styled blanks, empty rows, the dimension and validations out of the values", () => {
    const cells = read(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="2"/></row><row r="500000" s="2" customFormat="1"/>',
      '<dataValidations count="1"><dataValidation type="list" sqref="A:XFD"><formula1>"a,b"</formula1></dataValidation></dataValidations>',
    );
    expect(cells.values).toHaveLength(1);
    expect(cells.values[0]).toEqual([1]);
  });

  it("clamps merged areas to the cells holding values and blanks the cells they cover", () => {
    const cells = read(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Tiêu đề</t></is></c><c r="B1" t="inlineStr"><is><t>Tiêu đề</t></is></c></row>' +
        '<row r="4"><c r="D4"><v>1</v></c></row>',
      '<mergeCells count="3"><mergeCell ref="A1:C1"/><mergeCell ref="A20:XFD1048576"/><mergeCell ref="C2:Z3"/></mergeCells>',
    );
    expect(cells.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 1, left: 2, bottom: 2, right: 3 },
    ]);
    expect(Object.keys(cells.values[0])).toEqual(["0"]);
  });

  it.each([
    ["an unclosed cell", '<row r="1"><c r="A1"><v>1</v></row>'],
    ["a row number past the grid", '<row r="1048577"><c r="A1048577"><v>1</v></c></row>'],
    ["a column past XFD", '<row r="1"><c r="XFE1"><v>1</v></c></row>'],
    ["a shared string that does not exist", '<row r="1"><c r="A1" t="s"><v>9</v></c></row>'],
  ])("calls a part with %s damaged", (_what, sheetData) => {
    const xml = `<worksheet><sheetData>${sheetData}</sheetData></worksheet>`;
    expect(readSheetCells(Buffer.from(xml), context).ok).toBe(false);
  });
});

describe("cell and range references", () => {
  it("reads A1 references within the grid only", () => {
    expect(parseCellRef("$B$7")).toEqual({ row: 6, col: 1 });
    expect(parseCellRef("XFD1048576")).toEqual({ row: 1_048_575, col: 16_383 });
    expect(parseCellRef("A0")).toBeNull();
    expect(parseCellRef("A1048577")).toBeNull();
  });

  it("reads ranges, whole columns and whole rows", () => {
    expect(parseRangeRef("C3")).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(parseRangeRef("A:XFD")).toEqual({ top: 0, left: 0, bottom: 1_048_575, right: 16_383 });
    expect(parseRangeRef("3:5")).toEqual({ top: 2, left: 0, bottom: 4, right: 16_383 });
    expect(parseRangeRef("A1:B2:C3")).toBeNull();
  });

  it("clamps a range to an extent and drops what is left of one cell or none", () => {
    const extent = { top: 0, left: 0, bottom: 47, right: 7 };
    expect(clampRange({ top: 19, left: 0, bottom: 1_048_575, right: 16_383 }, extent)).toEqual({
      top: 19,
      left: 0,
      bottom: 47,
      right: 7,
    });
    expect(clampRange({ top: 47, left: 7, bottom: 99, right: 99 }, extent)).toBeNull();
    expect(clampRange({ top: 60, left: 0, bottom: 99, right: 3 }, extent)).toBeNull();
  });
});

describe("the other parts", () => {
  it("reads shared strings with rich text joined and phonetic guides left out", () => {
    const sst = Buffer.from(
      '<sst><si><t xml:space="preserve"> Sở </t></si><si><r><t>Y</t></r><r><t> tế</t></r><rPh sb="0" eb="1"><t>ワイ</t></rPh></si><si/></sst>',
    );
    expect(readSharedStrings(sst)).toEqual([" Sở ", "Y tế", ""]);
  });

  it("tells date styles from the others, built-in and custom", () => {
    const styles = Buffer.from(
      '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0.00&quot; điểm&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="10"/><xf numFmtId="21"/></cellXfs><dxfs><dxf><numFmt numFmtId="166" formatCode="yyyy"/></dxf></dxfs></styleSheet>',
    );
    expect(readDateStyles(styles)).toEqual([false, true, true, false, false, true]);
  });

  it("knows date and time formats as Excel's Date and Time categories do", () => {
    expect(isDateFormatCode("[$-42A]dd mmmm yyyy")).toBe(true);
    expect(isDateFormatCode("[h]:mm:ss")).toBe(true);
    expect(isDateFormatCode("0.00E+00")).toBe(false);
    expect(isDateFormatCode('0.0 "ngày"')).toBe(false);
    expect(isDateFormatCode("@")).toBe(false);
    expect(isDateFormat(47)).toBe(true);
    expect(isDateFormat(49)).toBe(false);
  });

  it("resolves relationship targets", () => {
    expect(resolvePartPath("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml")).toBe(
      "xl/drawings/drawing1.xml",
    );
  });
});

describe("the XML scanner", () => {
  it("decodes entities and the format's escapes", () => {
    expect(decodeXmlText("&lt;&#65;&unknown;")).toBe("<A&unknown;");
    expect(decodeOoxmlEscapes("_x0007_")).toBe("\u0007");
  });

  it("refuses nesting deeper than any spreadsheet part has", () => {
    const deep = `<a>${"<b>".repeat(300)}${"</b>".repeat(300)}</a>`;
    expect(() => scanXml(Buffer.from(deep), {})).toThrow(/nesting too deep/);
  });
});
