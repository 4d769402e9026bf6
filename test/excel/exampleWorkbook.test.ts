import { installOfficeGlobals, removeOfficeGlobals, type FakeSheet } from "./fakeExcel";
import { EXAMPLE_WORKBOOK, fakeFromFile } from "./loadWorkbook";
import { rankInExcel } from "../../src/excel/rankInExcel";
import { domainEngine } from "../../src/excel/engine";

const request = { options: { decisionDate: "2024-03-15" }, lang: "vi" as const };

/** Unit names (column C of the candidate tables) of the rows filled with `fill`. */
function namesFilled(sheet: FakeSheet, fill: string): string[] {
  const names: string[] = [];
  for (let r = 0; r < 400; r += 1) {
    if (sheet.peek(r, 2)?.fill === fill) names.push(String(sheet.value(r, 2)));
  }
  return names;
}

afterEach(() => removeOfficeGlobals());

describe("Rank on the Department's example workbook", () => {
  it("writes the bloc candidates, highlighted green, in four requests", async () => {
    const host = await fakeFromFile(EXAMPLE_WORKBOOK);
    installOfficeGlobals(host);
    const outcome = await rankInExcel(request, domainEngine);
    expect(outcome.kind).toBe("written");
    expect(host.syncCount).toBeLessThanOrEqual(4);
    const sheet = host.sheet("Đề xuất khen thưởng 2023");
    const candidates = namesFilled(sheet, "#C6EFCE");
    expect(candidates).toEqual(
      expect.arrayContaining([
        "Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ",
        "UBND xã Tân Thạnh",
        "UBND xã Trường Xuân",
        "UBND xã Đông Bình",
      ]),
    );
    expect(candidates).not.toContain("Sở Tư pháp");
    const bql = sheet.findRow("Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ", 2);
    const tuPhap = sheet.findRow("Sở Tư pháp", 2);
    expect(bql).toBeLessThan(tuPhap);
    expect(sheet.value(bql, 5)).toBeCloseTo(660 / 700, 10);
    expect(sheet.peek(bql, 5)?.numberFormat).toBe("0.00%");
    expect(sheet.peek(bql, 2)?.fontColor).toBe("#006100");
    expect(host.tables.filter((t) => t.sheet === sheet).length).toBeGreaterThanOrEqual(3);
    expect(sheet.frozenRows).toBeGreaterThan(0);
    expect(host.activeSheet).toBe(sheet);
    expect(host.sheet("Kiểm tra dữ liệu").customProperties.get("dti-awards")).toBe("data-check");
  });

  it("leaves the officer's three sheets unchanged, also when run twice", async () => {
    const host = await fakeFromFile(EXAMPLE_WORKBOOK);
    installOfficeGlobals(host);
    const names = ["DTI 2023", "Khối 4 - Doanh nghiệp", "Cá nhân đề xuất"];
    const before = names.map((n) => JSON.stringify([...host.sheet(n).cells]));
    await rankInExcel(request, domainEngine);
    const first = host.sheet("Đề xuất khen thưởng 2023").snapshot();
    await rankInExcel(request, domainEngine);
    expect(names.map((n) => JSON.stringify([...host.sheet(n).cells]))).toEqual(before);
    expect(host.sheets.map((s) => s.name)).toEqual([
      ...names,
      // The proposal list (issue 12), written in the same requests just before the candidates.
      "Danh sách đề nghị khen thưởng",
      "Đề xuất khen thưởng 2023",
      "Kiểm tra dữ liệu",
    ]);
    expect(host.sheet("Đề xuất khen thưởng 2023").snapshot()).toEqual(first);
  });

  it("writes English sheet names and headers when asked", async () => {
    const host = await fakeFromFile(EXAMPLE_WORKBOOK);
    installOfficeGlobals(host);
    await rankInExcel({ ...request, lang: "en" }, domainEngine);
    expect(host.findSheet("Award candidates 2023")).toBeDefined();
    expect(host.findSheet("Data check")).toBeDefined();
  });

  it("writes a hostile unit name from the score table as text", async () => {
    const host = await fakeFromFile(EXAMPLE_WORKBOOK);
    const scores = host.sheet("DTI 2023");
    const row = scores.findRow("Sở Tư pháp", 1);
    scores.cell(row, 1).value = '=HYPERLINK("http://x","y")';
    installOfficeGlobals(host);
    await rankInExcel(request, domainEngine);
    const sheet = host.sheet("Đề xuất khen thưởng 2023");
    const at = sheet.findRow('=HYPERLINK("http://x","y")', 2);
    expect(at).toBeGreaterThan(0);
    expect(sheet.peek(at, 2)?.formula).toBeNull();
  });
});
