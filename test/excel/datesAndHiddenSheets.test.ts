/**
 * The two places where the add-in and the command line used to see different workbooks: a date
 * typed into a score cell (a serial number in Office.js, a Date in ExcelJS) and hidden sheets.
 */
import { readFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { main, type CliIo } from "../../src/cli/main";
import { toResultJson } from "../../src/domain/resultJson";
import type { RankOptions } from "../../src/domain/types";
import { domainEngine } from "../../src/excel/engine";
import { isDateCategory, serialToDate, withDates } from "../../src/excel/dates";
import { rankInExcel } from "../../src/excel/rankInExcel";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { tempDir } from "../fixtures/workbooks";
import {
  FakeRequestContext,
  FakeWorkbook,
  installOfficeGlobals,
  numberFormatCategory,
  removeOfficeGlobals,
} from "./fakeExcel";
import { scoreRows } from "./helpers";
import { DEFAULT_DATE_FORMAT, excelSerial, fakeFromFile } from "./loadWorkbook";

const DECISION_DATE = "2024-03-31";
const silent: CliIo = { stdout: () => undefined, stderr: () => undefined, now: () => new Date() };
const dir = tempDir("dti-awards-doors-");

afterEach(() => removeOfficeGlobals());

interface JsonIssue {
  readonly code: string;
  readonly sheet: string | null;
  readonly cell: string | null;
}
interface JsonUnit {
  readonly name: string;
  readonly status: string;
  readonly source: string;
}
interface JsonResult {
  readonly years: readonly { readonly blocs: readonly { readonly units: JsonUnit[] }[] }[];
  readonly issues: readonly JsonIssue[];
}

/** What both doors must agree on: every unit's status and source, every issue's place. */
function outcomeOf(result: JsonResult) {
  return {
    units: result.years.flatMap((y) =>
      y.blocs.flatMap((b) => b.units.map((u) => [u.name, u.status, u.source])),
    ),
    issues: result.issues.map((i) => [i.code, i.sheet, i.cell]),
  };
}

async function runCli(file: string, extra: readonly string[] = []): Promise<JsonResult> {
  const json = `${file}.json`;
  const code = await main(
    [
      "rank",
      file,
      "--out",
      `${file}.out.xlsx`,
      "--json",
      json,
      "--decision-date",
      DECISION_DATE,
      ...extra,
    ],
    silent,
  );
  expect(code).not.toBe(2);
  return JSON.parse(readFileSync(json, "utf8")) as JsonResult;
}

async function runAdapter(
  host: FakeWorkbook,
  options: Partial<RankOptions> = {},
): Promise<JsonResult> {
  installOfficeGlobals(host);
  const outcome = await rankInExcel(
    { options: { decisionDate: DECISION_DATE, ...options }, lang: "vi" },
    domainEngine,
  );
  removeOfficeGlobals();
  return toResultJson(outcome.result, "vi") as unknown as JsonResult;
}

const HEADER = ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"];

async function writeWorkbook(
  file: string,
  build: (workbook: ExcelJS.Workbook) => void,
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const target = path.join(dir, file);
  await workbook.xlsx.writeFile(target);
  return target;
}

describe("serialToDate", () => {
  it("reads serials of Excel's 1900 date system as UTC dates", () => {
    expect(serialToDate(45181).toISOString()).toBe("2023-09-12T00:00:00.000Z");
    expect(serialToDate(45382.5).toISOString()).toBe("2024-03-31T12:00:00.000Z");
    expect(serialToDate(61).toISOString()).toBe("1900-03-01T00:00:00.000Z");
  });

  it("counts from 1 January 1900 before Excel's fictitious 29 February 1900", () => {
    expect(serialToDate(1).toISOString()).toBe("1900-01-01T00:00:00.000Z");
    expect(serialToDate(59).toISOString()).toBe("1900-02-28T00:00:00.000Z");
    expect(serialToDate(60).toISOString()).toBe("1900-03-01T00:00:00.000Z");
  });

  it("is the inverse of the serial Excel stores for a date", () => {
    for (const iso of ["1900-01-01", "1900-02-28", "1900-03-01", "2023-09-12", "2025-12-31"]) {
      const date = new Date(`${iso}T00:00:00.000Z`);
      expect(serialToDate(excelSerial(date)).toISOString()).toBe(date.toISOString());
    }
  });
});

describe("withDates", () => {
  it("turns numbers of the Date and Time categories into dates and leaves the rest", () => {
    const values = [
      ["Sở Y tế", 45181, 0.5, 45181, "45181"],
      ["Sở Tư pháp", 900, 1000, 0.9, ""],
    ];
    const categories = [
      ["General", "Date", "Time", "Number", "Date"],
      ["General", "General", "Number", "Percentage", "Date"],
    ];
    const out = withDates(values, categories);
    expect(out[0][1]).toEqual(serialToDate(45181));
    expect(out[0][2]).toEqual(serialToDate(0.5));
    expect(out[0].slice(3)).toEqual([45181, "45181"]);
    expect(out[1]).toBe(values[1]);
    expect(values[0][1]).toBe(45181);
  });

  it("passes values through when the host gives no categories", () => {
    const values = [["Sở Y tế", 45181]];
    expect(withDates(values, null)).toEqual(values);
    expect(isDateCategory("Time")).toBe(true);
    expect(isDateCategory("Custom")).toBe(false);
  });
});

describe("the in-memory host's number-format categories", () => {
  it.each([
    ["General", "General"],
    ["dd/mm/yyyy", "Date"],
    ["mm-dd-yy", "Date"],
    ["d mmm yyyy", "Date"],
    ["[$-42A]dd/mm/yyyy", "Date"],
    ["h:mm", "Time"],
    ["mm:ss", "Time"],
    ["[h]:mm", "Time"],
    ["h:mm AM/PM", "Time"],
    ["0.00%", "Percentage"],
    ["#,##0", "Number"],
    ["0.00", "Number"],
    ["0.00E+00", "Number"],
    ['0 "ngày"', "Number"],
    ["@", "Text"],
    ["[Red]#,##0;[Blue]-#,##0", "Number"],
  ])("gives %s the category %s", (format, category) => {
    expect(numberFormatCategory(format)).toBe(category);
  });

  it("reports categories only after load and sync, and not without ExcelApi 1.12", async () => {
    const host = new FakeWorkbook();
    const sheet = host.addSheet("S", [["Ngày", 45181]]);
    sheet.cell(0, 1).numberFormat = "dd/mm/yyyy";
    const context = new FakeRequestContext(host);
    const range = context.workbook.worksheets.getItem("S").getRange("A1:B1");
    range.load("values,numberFormatCategories");
    expect(() => range.numberFormatCategories).toThrow(/not available/);
    await context.sync();
    expect(range.numberFormatCategories).toEqual([["General", "Date"]]);

    host.unsupportedSets.add("ExcelApi 1.12");
    const old = new FakeRequestContext(host);
    old.workbook.worksheets.getItem("S").getRange("A1:B1").load("numberFormatCategories");
    await expect(old.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("carries a date cell's number format from the file, dd/mm/yyyy when it has none", async () => {
    const file = await writeWorkbook("formats.xlsx", (workbook) => {
      const sheet = workbook.addWorksheet("S");
      sheet.getCell("A1").value = new Date(Date.UTC(2023, 8, 12));
      sheet.getCell("B1").value = new Date(Date.UTC(2023, 8, 12));
      sheet.getCell("B1").numFmt = "d mmm yyyy";
      sheet.getCell("C1").value = 0.5;
      sheet.getCell("C1").numFmt = "0.00%";
    });
    const host = await fakeFromFile(file);
    const cells = host.sheet("S");
    expect(cells.value(0, 0)).toBe(45181);
    expect(numberFormatCategory(cells.peek(0, 0)?.numberFormat ?? "")).toBe("Date");
    expect(cells.peek(0, 1)?.numberFormat).toBe("d mmm yyyy");
    expect(cells.peek(0, 2)?.numberFormat).toBe("0.00%");
    expect(DEFAULT_DATE_FORMAT).toBe("dd/mm/yyyy");
  });
});

describe("readWorkbook with number-format categories", () => {
  function hostWithDate(): FakeWorkbook {
    const host = new FakeWorkbook();
    const sheet = host.addSheet("DTI 2023", scoreRows(3), 6, 1);
    sheet.cell(8, 4).value = 45181;
    sheet.cell(8, 4).numberFormat = "dd/mm/yyyy";
    return host;
  }

  it("hands the engine a date cell as a Date, in the same request as the values", async () => {
    const host = hostWithDate();
    installOfficeGlobals(host);
    const reading = await readWorkbook(
      new FakeRequestContext(host) as unknown as Excel.RequestContext,
    );
    expect(reading.sheets[0].values[2][3]).toEqual(new Date(Date.UTC(2023, 8, 12)));
    expect(reading.sheets[0].values[1][3]).toBe(500);
    expect(host.syncCount).toBe(3);
  });

  it("reads values only where ExcelApi 1.12 is missing, a date then being its serial", async () => {
    const host = hostWithDate();
    host.unsupportedSets.add("ExcelApi 1.12");
    installOfficeGlobals(host);
    const reading = await readWorkbook(
      new FakeRequestContext(host) as unknown as Excel.RequestContext,
    );
    expect(reading.sheets[0].values[2][3]).toBe(45181);
    expect(host.syncCount).toBe(3);
  });
});

describe("a date typed into a score cell, through both doors", () => {
  it("is SCORE_IS_DATE on the score cell from the add-in as from the command line", async () => {
    const file = await writeWorkbook("date-in-score.xlsx", (workbook) => {
      const sheet = workbook.addWorksheet("DTI 2023");
      sheet.addRows([
        HEADER,
        ["Sở Tư pháp", 1, 1000, new Date(Date.UTC(2023, 8, 12))],
        ["Sở Y tế", 1, 1000, 500],
      ]);
    });
    const cli = await runCli(file);
    const office = await runAdapter(await fakeFromFile(file));
    expect(office.issues).toContainEqual(
      expect.objectContaining({ code: "SCORE_IS_DATE", sheet: "DTI 2023", cell: "D2" }),
    );
    expect(office.issues.map((i) => i.code)).not.toContain("SCORE_ABOVE_MAX");
    expect(outcomeOf(office)).toEqual(outcomeOf(cli));
  });

  it("is SCORE_IS_DATE, not a score of 45181, in a table without a max score", async () => {
    const file = await writeWorkbook("date-no-max.xlsx", (workbook) => {
      const sheet = workbook.addWorksheet("DTI 2023");
      sheet.addRows([
        ["Đơn vị", "Khối", "Điểm"],
        ["Sở Tư pháp", 1, new Date(Date.UTC(2023, 8, 12))],
        ["Sở Y tế", 1, 90],
      ]);
      sheet.getCell("C2").numFmt = "d/m/yyyy";
    });
    const cli = await runCli(file);
    const office = await runAdapter(await fakeFromFile(file));
    expect(office.issues).toContainEqual(
      expect.objectContaining({ code: "SCORE_IS_DATE", cell: "C2" }),
    );
    const statuses = outcomeOf(office).units.map(([name, status]) => [name, status]);
    expect(statuses).toEqual([
      ["Sở Y tế", "candidate"],
      ["Sở Tư pháp", "invalid"],
    ]);
    expect(outcomeOf(office)).toEqual(outcomeOf(cli));
  });
});

describe("a hidden sheet, through both doors", () => {
  async function hiddenSheetWorkbook(): Promise<string> {
    return writeWorkbook("hidden-sheet.xlsx", (workbook) => {
      workbook
        .addWorksheet("DTI 2023")
        .addRows([HEADER, ["Sở Y tế", 1, 1000, 900], ["Sở Tư pháp", 1, 1000, 800]]);
      const old = workbook.addWorksheet("DTI 2022 (cũ)");
      old.addRows([HEADER, ["Sở Nội vụ", 1, 1000, 990]]);
      old.state = "hidden";
    });
  }

  it("is not ranked, is reported once with SHEET_HIDDEN, the same from both doors", async () => {
    const file = await hiddenSheetWorkbook();
    const cli = await runCli(file);
    const office = await runAdapter(await fakeFromFile(file));
    const hidden = office.issues.filter((i) => i.code === "SHEET_HIDDEN");
    expect(hidden).toEqual([expect.objectContaining({ sheet: "DTI 2022 (cũ)", cell: null })]);
    expect(outcomeOf(office).units.map(([name]) => name)).toEqual(["Sở Y tế", "Sở Tư pháp"]);
    expect(outcomeOf(office)).toEqual(outcomeOf(cli));
  });

  it("is ranked when it is named, from both doors", async () => {
    const file = await hiddenSheetWorkbook();
    const cli = await runCli(file, ["--sheet", "DTI 2022 (cũ)"]);
    const office = await runAdapter(await fakeFromFile(file), { sheets: ["DTI 2022 (cũ)"] });
    expect(outcomeOf(office).units).toEqual([["Sở Nội vụ", "candidate", "DTI 2022 (cũ)!A2"]]);
    expect(office.issues.map((i) => i.code)).not.toContain("SHEET_HIDDEN");
    expect(outcomeOf(office)).toEqual(outcomeOf(cli));
  });
});
