/**
 * The add-in's side of the proposal (issue 12) against the in-memory Excel host: the official
 * list and the 2022–2025 summary written print-ready in the same requests as the candidate
 * sheets, the decisions sheet created once and then only appended to, the decisions applied by
 * the next Rank, and the saved review rounds.
 */
import * as path from "path";
import {
  installOfficeGlobals,
  removeOfficeGlobals,
  type FakeSheet,
  type FakeWorkbook,
} from "./fakeExcel";
import { fakeFromFile } from "./loadWorkbook";
import { recordDecisions, findDecisionSheet } from "../../src/excel/decisionsSheet";
import { domainEngine } from "../../src/excel/engine";
import {
  PROPOSAL_SETTING,
  proposalSettingsFrom,
  saveProposalSettings,
} from "../../src/excel/proposalSettings";
import { rankInExcel, type RankOutcome } from "../../src/excel/rankInExcel";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { writePrintSheets } from "../../src/excel/writePrintSheets";
import type { DecisionRowInput } from "../../src/domain/decisions";

const SAMPLE = path.resolve(__dirname, "../../samples/dti-sample-2024.xlsx");
const HISTORY = path.resolve(__dirname, "../../samples/dti-history-2022-2025.xlsx");
const LIST = "Danh sách đề nghị khen thưởng";
const DECISIONS = "Quyết định của Hội đồng";
const request = { options: { decisionDate: "2025-03-20" }, lang: "vi" as const };

afterEach(() => removeOfficeGlobals());

async function sampleHost(file = SAMPLE): Promise<FakeWorkbook> {
  const host = await fakeFromFile(file);
  installOfficeGlobals(host);
  return host;
}

/** The 0-based row whose column B holds `text`. */
function rowOf(sheet: FakeSheet, text: string): number {
  return sheet.findRow(text, 1);
}

const choose = (unit: string, group: string): DecisionRowInput => ({
  year: 2024,
  bloc: 3,
  recipient: "collective",
  unit,
  group,
  person: "",
  kind: "choose",
  reason: "Hội đồng bỏ phiếu",
  basis: { ratio: 0.932, rank: 3, tieSize: 2, open: 1 },
  recorded: "2025-03-20",
});

function statusOf(outcome: RankOutcome, unit: string): string | undefined {
  return outcome.result.years[0].blocs[2].units.find((u) => u.name === unit)?.status;
}

describe("Rank writes the official proposal list", () => {
  it("in the candidate sheets' own requests, marked as the add-in's, print-ready on A4 portrait", async () => {
    const host = await sampleHost();
    const outcome = await rankInExcel(request, domainEngine);
    expect(host.syncCount).toBeLessThanOrEqual(4);
    expect(outcome.kind === "written" && outcome.printed).toEqual([
      { name: LIST, kind: "proposal", year: 2024, marker: "proposal:2024" },
    ]);
    const sheet = host.sheet(LIST);
    expect(sheet.customProperties.get("dti-awards")).toBe("proposal:2024");
    expect(sheet.pageLayout).toMatchObject({
      paperSize: "A4",
      orientation: "Portrait",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$9:$9",
      centerHorizontally: true,
      "headersFooters.state": "FirstAndDefault",
      "defaultForAllPages.centerHeader": '&"Times New Roman,Regular"&13&P',
      "firstPage.centerHeader": "",
    });
    // Decree 30/2020 margins: 20 mm top and bottom, 30 mm left, 15 mm right, in points.
    expect(sheet.pageLayout.topMargin).toBeCloseTo(56.69, 1);
    expect(sheet.pageLayout.leftMargin).toBeCloseTo(85.04, 1);
    expect(sheet.pageLayout.rightMargin).toBeCloseTo(42.52, 1);
    expect(sheet.showGridlines).toBe(false);
  });

  it("with the heading block merged and set in Times New Roman, and the table framed", async () => {
    const host = await sampleHost();
    await rankInExcel(request, domainEngine);
    const sheet = host.sheet(LIST);
    expect(sheet.value(0, 0)).toBe("UBND THÀNH PHỐ CẦN THƠ");
    expect(sheet.value(0, 3)).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(sheet.value(1, 3)).toBe("Độc lập - Tự do - Hạnh phúc");
    expect(sheet.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 2 });
    expect(sheet.peek(1, 3)).toMatchObject({
      fontName: "Times New Roman",
      bold: true,
      underline: "Single",
      horizontalAlignment: "Center",
    });
    const tuPhap = rowOf(sheet, "Sở Tư pháp");
    expect(sheet.value(tuPhap, 5)).toBe("Bằng khen của Chủ tịch UBND thành phố");
    expect(sheet.peek(tuPhap, 4)?.borders).toEqual(["bottom", "left", "right", "top"]);
    expect(sheet.peek(tuPhap, 4)?.wrapText).toBe(true);
    expect(sheet.rowHeights.get(tuPhap)).toBeGreaterThan(40);
  });

  it("replaces its own earlier list on the next Rank, never an officer's sheet of that name", async () => {
    const host = await sampleHost();
    host.addSheet(LIST, [["ghi chú của cán bộ"]]);
    await rankInExcel(request, domainEngine);
    await rankInExcel(request, domainEngine);
    const ours = host.sheets.filter(
      (s) => s.customProperties.get("dti-awards") === "proposal:2024",
    );
    expect(ours).toHaveLength(1);
    expect(ours[0].value(0, 0)).toBe("UBND THÀNH PHỐ CẦN THƠ");
    expect(host.sheet(LIST).snapshot()).toEqual([["ghi chú của cán bộ"]]);
  });

  it("reports a failed save of which list sheets are the add-in's, on a host keeping that in settings", async () => {
    const host = await sampleHost();
    host.unsupportedSets.add("ExcelApi 1.12");
    const reading = await Excel.run(async (context) => readWorkbook(context));
    const models = domainEngine.buildPrintSheets!(
      domainEngine.rankWorkbook(reading.sheets, request.options),
      "vi",
      undefined,
    );
    host.settingsSaveFailure = { code: 5001, message: "An internal error has occurred." };
    await expect(
      Excel.run((context) => writePrintSheets(context, models, reading.infos)),
    ).rejects.toMatchObject({ officeCode: 5001 });
    expect(host.sheets.map((s) => s.name)).toContain(LIST);
  });

  it("keeps working on hosts without the page-layout and custom-property sets", async () => {
    const host = await fakeFromFile(SAMPLE);
    host.unsupportedSets.add("ExcelApi 1.9");
    host.unsupportedSets.add("ExcelApi 1.12");
    installOfficeGlobals(host);
    await rankInExcel(request, domainEngine);
    await rankInExcel(request, domainEngine);
    expect(host.sheets.filter((s) => s.name.startsWith(LIST))).toHaveLength(1);
    expect(host.sheet(LIST).pageLayout).toEqual({});
  });
});

describe("Rank on the 2022–2025 workbook", () => {
  it("writes a list per year and the summary with its chart, the chart kept whole on a page", async () => {
    const host = await sampleHost(HISTORY);
    const outcome = await rankInExcel(
      { ...request, options: { decisionDate: "2025-12-20" } },
      domainEngine,
    );
    expect(outcome.kind === "written" && outcome.printed?.map((p) => p.name)).toEqual([
      "DS đề nghị khen thưởng 2022",
      "DS đề nghị khen thưởng 2023",
      "DS đề nghị khen thưởng 2024",
      "DS đề nghị khen thưởng 2025",
      "Tổng hợp 2022–2025",
    ]);
    const summary = host.sheet("Tổng hợp 2022–2025");
    expect(summary.customProperties.get("dti-awards")).toBe("history");
    const [chart] = summary.charts;
    expect(chart).toMatchObject({
      type: "Line",
      seriesBy: "Rows",
      title: "Tỷ lệ điểm của 5 đơn vị dẫn đầu, 2022–2025",
      legend: "Bottom",
    });
    // Its source: the year row over five series rows, names in the first column.
    expect(summary.value(chart.source.top, 2)).toBe("2022");
    expect(chart.source.bottom - chart.source.top).toBe(5);
    expect(summary.value(chart.source.top + 1, chart.source.left)).toBe("Sở Tư pháp");
    expect(summary.pageBreaks).toEqual([chart.source.top - 1]);
    expect(summary.pageLayout).toMatchObject({ orientation: "Landscape", printTitleRows: "$4:$5" });
  });

  it("applies the decisions of the workbook's own sheet, which it never rewrites", async () => {
    const host = await sampleHost(HISTORY);
    const before = JSON.stringify([...host.sheet(DECISIONS).cells]);
    const outcome = await rankInExcel(
      { ...request, options: { decisionDate: "2025-12-20", year: 2023 } },
      domainEngine,
    );
    expect(statusOf(outcome, "UBND xã Tân Thới")).toBe("candidate");
    expect(statusOf(outcome, "UBND phường Cái Khế")).toBe("not-selected");
    expect(JSON.stringify([...host.sheet(DECISIONS).cells])).toBe(before);
    expect(outcome.result.tables.map((t) => t.sheet)).not.toContain(DECISIONS);
  });
});

describe("Recording the council's decisions", () => {
  it("creates the decisions sheet and its table once, then the next Rank applies the choice", async () => {
    const host = await sampleHost();
    const first = await rankInExcel(request, domainEngine);
    expect(statusOf(first, "UBND xã Trường Long")).toBe("tie");
    const name = await recordDecisions([choose("UBND xã Trường Long", "Huyện Phong Điền")], "vi");
    expect(name).toBe(DECISIONS);
    const sheet = host.sheet(DECISIONS);
    expect(sheet.value(3, 6)).toBe("Quyết định");
    expect(sheet.rowValues(4).slice(0, 7)).toEqual([
      2024,
      3,
      "Tập thể",
      "UBND xã Trường Long",
      "Huyện Phong Điền",
      "",
      "Chọn",
    ]);
    expect(host.tables.find((t) => t.sheet === sheet)?.name).toBe("QuyetDinhHoiDong");
    const second = await rankInExcel(request, domainEngine);
    expect(statusOf(second, "UBND xã Trường Long")).toBe("candidate");
    expect(statusOf(second, "UBND phường Cái Khế")).toBe("not-selected");
    expect(host.sheets.filter((s) => s.name.startsWith(DECISIONS))).toHaveLength(1);
  });

  it("appends later decisions under the earlier ones, changing none of them", async () => {
    const host = await sampleHost();
    await recordDecisions([choose("UBND xã Trường Long", "Huyện Phong Điền")], "vi");
    const earlier = host.sheet(DECISIONS).rowValues(4);
    await recordDecisions(
      [
        {
          ...choose("Sở Tư pháp", ""),
          bloc: 1,
          kind: "withdraw",
          reason: "Đã nhận Bằng khen chuyên đề",
        },
      ],
      "vi",
    );
    const sheet = host.sheet(DECISIONS);
    expect(sheet.rowValues(4)).toEqual(earlier);
    expect(sheet.rowValues(5).slice(3, 8)).toEqual([
      "Sở Tư pháp",
      "",
      "",
      "Rút đề nghị",
      "Đã nhận Bằng khen chuyên đề",
    ]);
    expect(host.tables.find((t) => t.sheet === sheet)?.bottom).toBe(5);
    const outcome = await rankInExcel(request, domainEngine);
    expect(outcome.result.years[0].blocs[0].units[0]).toMatchObject({
      name: "Sở Tư pháp",
      status: "excluded",
      decision: { kind: "withdraw", reason: "Đã nhận Bằng khen chuyên đề" },
    });
  });

  it("finds the decisions sheet by its table after the officer renamed it", async () => {
    const host = await sampleHost();
    await recordDecisions([choose("UBND xã Trường Long", "Huyện Phong Điền")], "vi");
    host.sheet(DECISIONS).name = "QĐ Hội đồng 2025";
    const found = await (async () => {
      const { Excel: excel } = globalThis as unknown as { Excel: typeof Excel };
      return excel.run(async (context) => findDecisionSheet((await readWorkbook(context)).infos));
    })();
    expect(found?.name).toBe("QĐ Hội đồng 2025");
    const outcome = await rankInExcel(request, domainEngine);
    expect(statusOf(outcome, "UBND xã Trường Long")).toBe("candidate");
  });
});

describe("The saved review round", () => {
  it("gives a Rank started anywhere the quotas of the round, stated on the candidate sheet", async () => {
    const host = await sampleHost();
    await saveProposalSettings({ rounds: { 2024: 2025 }, agency: "Sở Khoa học và Công nghệ" });
    expect(proposalSettingsFrom(host.savedSettings.get(PROPOSAL_SETTING))).toEqual({
      rounds: { 2024: 2025 },
      agency: "Sở Khoa học và Công nghệ",
    });
    const outcome = await rankInExcel(request, domainEngine);
    expect(outcome.result.years[0]).toMatchObject({ year: 2024, round: 2025 });
    expect(outcome.result.years[0].blocs[2].collectiveSlots).toBe(6);
    expect(host.sheet("Đề xuất khen thưởng 2024").value(1, 0)).toBe(
      "Bảng điểm năm 2024 phục vụ đợt tổng kết năm 2025: số suất theo đợt xét.",
    );
    expect(host.sheet(LIST).value(1, 0)).toBe("SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  });

  it("rejects saving the round with Office's code, the choice still set for this Rank", async () => {
    const host = await sampleHost();
    host.settingsSaveFailure = { code: 5001, message: "An internal error has occurred." };
    await expect(saveProposalSettings({ rounds: { 2024: 2025 } })).rejects.toMatchObject({
      officeCode: 5001,
    });
    expect(host.savedSettings.has(PROPOSAL_SETTING)).toBe(false);
    const outcome = await rankInExcel(request, domainEngine);
    expect(outcome.result.years[0]).toMatchObject({ year: 2024, round: 2025 });
  });

  it("keeps only well-formed saved choices", () => {
    expect(proposalSettingsFrom({ rounds: { 2024: 2025, 2019: 2020, x: 1 }, agency: 5 })).toEqual({
      rounds: { 2024: 2025 },
    });
    expect(proposalSettingsFrom(null)).toEqual({ rounds: {} });
  });
});
