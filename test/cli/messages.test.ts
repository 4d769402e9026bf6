import { existsSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { readZipDirectory, readZipEntry, writeZip } from "../../src/cli/zipPackage";
import { rawXlsx, rowsXml, scoreRows, worksheetXml } from "../fixtures/rawXlsx";
import { tempDir } from "../fixtures/workbooks";
import { runCli } from "./runCli";

/** Any character a terminal would act on, or that reorders a line, if printed raw. */
const RAW_CONTROL =
  // eslint-disable-next-line no-control-regex -- the test looks for raw control characters
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

const GOOD_SHEET = worksheetXml({ sheetData: rowsXml(scoreRows()) });

async function rankBytes(bytes: Buffer, name: string, extra: string[] = []) {
  const dir = tempDir();
  const input = path.join(dir, name);
  writeFileSync(input, bytes);
  const result = await runCli(["rank", input, "--decision-date", "2024-03-31", ...extra]);
  return { ...result, dir, input };
}

/** What a damaged file must never show: the text of an internal error. */
function expectNoInternalError(text: string): void {
  expect(text).not.toMatch(/Cannot (set|read) propert|undefined|TypeError|Lỗi ngoài dự kiến/);
}

describe("a damaged workbook", () => {
  it("with an empty sheet part is called damaged, naming the sheet and what to do", async () => {
    const bytes = rawXlsx({
      sheets: [
        { name: "DTI 2023", xml: GOOD_SHEET },
        { name: "Trống", xml: "" },
      ],
    });
    const result = await rankBytes(bytes, "empty-part.xlsx");
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("bị hỏng");
    expect(result.stderr).toContain("“Trống”");
    expect(result.stderr).toContain("phần dữ liệu của trang trống rỗng");
    expect(result.stderr).toContain("is damaged");
    expect(result.stderr).toContain("Open the file in Excel (Excel may repair it)");
    expectNoInternalError(result.stderr);
  });

  it("with a sheet whose part is missing from the zip is called damaged", async () => {
    const bytes = rawXlsx({
      sheets: [
        { name: "DTI 2023", xml: GOOD_SHEET },
        { name: "Mất", xml: null },
      ],
    });
    const result = await rankBytes(bytes, "missing-part.xlsx", ["--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toContain(
      "is damaged: sheet “Mất” cannot be read (xl/worksheets/sheet2.xml: the file has no data part for this sheet)",
    );
    expectNoInternalError(result.stderr);
  });

  it.each([
    ["a row that never closes", GOOD_SHEET.replace("</row></sheetData>", "</sheetData>")],
    ["XML cut short", GOOD_SHEET.slice(0, Math.floor(GOOD_SHEET.length * 0.6))],
    ["tags that do not match", GOOD_SHEET.replace("</is></c>", "</c></is>")],
    ["a cell outside its row", GOOD_SHEET.replace('<c r="B4"', '<c r="B99"')],
    [
      "a document type declaration",
      GOOD_SHEET.replace("<worksheet", '<!DOCTYPE x [<!ENTITY a "b">]><worksheet'),
    ],
    ["text after the end", `${GOOD_SHEET}garbage`],
  ])("with %s in a sheet is called damaged", async (_what, xml) => {
    const bytes = rawXlsx({ sheets: [{ name: "DTI 2023", xml }] });
    const result = await rankBytes(bytes, "bad-xml.xlsx");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^Tệp “.*bad-xml\.xlsx” bị hỏng: không đọc được trang tính “DTI 2023”/,
    );
    expectNoInternalError(result.stderr);
  });

  it("with a cell pointing past the shared strings is called damaged", async () => {
    const xml = worksheetXml({ sheetData: '<row r="1"><c r="A1" t="s"><v>7</v></c></row>' });
    const bytes = rawXlsx({ sheets: [{ name: "DTI 2023", xml }], sharedStrings: ["Đơn vị"] });
    const result = await rankBytes(bytes, "strings.xlsx", ["--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("shared string 7 does not exist");
    expectNoInternalError(result.stderr);
  });

  it("whose list of parts cannot be extended is called damaged, and no output is written", async () => {
    const whole = rawXlsx({ sheets: [{ name: "DTI 2023", xml: GOOD_SHEET }] });
    const directory = readZipDirectory(whole);
    if (!directory.ok) throw new Error("zip");
    const broken = writeZip(
      directory.entries.map((entry) => {
        const data = readZipEntry(whole, entry) ?? Buffer.alloc(0);
        return {
          name: entry.name,
          data:
            entry.name === "[Content_Types].xml"
              ? Buffer.from(data.toString("utf8").replace("</Types>", ""))
              : data,
        };
      }),
    );
    if (!broken) throw new Error("zip");
    const result = await rankBytes(broken, "types.xlsx", ["--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is damaged: it cannot be copied with the result sheets added");
    expect(existsSync(path.join(result.dir, "types.awards.xlsx"))).toBe(false);
    expectNoInternalError(result.stderr);
  });

  it("cut short (an unfinished download) is called damaged and incomplete, with what to do", async () => {
    const whole = rawXlsx({ sheets: [{ name: "DTI 2023", xml: GOOD_SHEET }] });
    const result = await rankBytes(whole.subarray(0, Math.floor(whole.length * 0.7)), "cut.xlsx");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("bị hỏng: tệp không đầy đủ");
    expect(result.stderr).toContain("is damaged: the file is incomplete");
    expect(result.stderr).toContain("Download or copy it again");
    expectNoInternalError(result.stderr);
  });
});

describe("text from the cells in the terminal", () => {
  const hostileName = "Sở \u001b]0;pwned\u0007Y tế\u001b[2J";
  const bidiName = "Sở \u202eạt Tư pháp\u202c";
  const sheet = worksheetXml({
    sheetData: rowsXml([
      ["BẢNG ĐIỂM NĂM 2023"],
      ["STT", "Tên cơ quan, đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
      [1, hostileName, 3, 1000, 990],
      [2, bidiName, 3, 1000, 980],
      [3, "Sở\u0085Nội vụ\nỨng viên: Sở Xây dựng", 3, 1000, 2000],
    ]),
  });
  // A sheet name keeps what it holds; a unit's name loses its invisible characters when read.
  const bytes = rawXlsx({ sheets: [{ name: "DTI \u001b[1m2023\u202e", xml: sheet }] });

  it("shows control characters and bidirectional overrides escaped, never raw", async () => {
    const result = await rankBytes(bytes, "controls.xlsx");
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    expect(result.stderr).not.toMatch(RAW_CONTROL);
    expect(result.stdout).toContain("Sở \\u001B]0;pwned\\u0007Y tế\\u001B[2J");
    expect(result.stdout).toContain("DTI \\u001B[1m2023\\u202E!");
    // The reader drops direction overrides from a unit's name, as it drops every invisible mark.
    expect(result.stdout).toContain("Sở ạt Tư pháp");
    // A line break inside a cell cannot start a line of its own in the summary.
    expect(result.stdout).not.toMatch(/^Ứng viên/m);
  });

  it("keeps them escaped in the JSON written to standard output, which still parses", async () => {
    const result = await rankBytes(bytes, "controls-json.xlsx", ["--json", "-"]);
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    expect(result.stderr).not.toMatch(RAW_CONTROL);
    const json = JSON.parse(result.stdout);
    const names = json.years[0].blocs[2].units.map((u: { name: string }) => u.name);
    expect(names).toContain(hostileName);
    expect(names).toContain("Sở ạt Tư pháp");
    expect(json.tables[0].sheet).toBe("DTI \u001b[1m2023\u202e");
  });

  it("leaves the input file as it was", async () => {
    const result = await rankBytes(bytes, "controls-input.xlsx");
    expect(readFileSync(result.input).equals(bytes)).toBe(true);
  });
});
