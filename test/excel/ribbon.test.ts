/**
 * The ribbon's Rank button, registered through Office.actions.associate in the shared runtime:
 * it ranks without the task pane, honours the officer's saved column mapping, and always releases
 * the button.
 */
import { DECISION_DATE_SETTING, MAPPING_SETTING } from "../../src/excel/marker";
import { FakeWorkbook, installOfficeGlobals, removeOfficeGlobals } from "./fakeExcel";
import { EXAMPLE_WORKBOOK, fakeFromFile } from "./loadWorkbook";

type Action = (event?: unknown) => Promise<void> | void;

async function ribbonAction(host: FakeWorkbook): Promise<Action> {
  const globals = installOfficeGlobals(host);
  await jest.isolateModulesAsync(async () => {
    await import("../../src/commands/commands");
  });
  // Office.onReady resolves asynchronously in the host, as in Excel.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const action = globals.actions.get("rank");
  if (!action) throw new Error("the ribbon action 'rank' is not registered");
  return action as Action;
}

afterEach(() => removeOfficeGlobals());

describe("the ribbon's Rank button", () => {
  it("is registered as 'rank', writes the candidate sheet and releases the button", async () => {
    const host = await fakeFromFile(EXAMPLE_WORKBOOK);
    const rank = await ribbonAction(host);
    const completed = jest.fn();
    await rank({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    const sheet = host.sheet("Đề xuất khen thưởng 2023");
    const row = sheet.findRow("Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ");
    expect(row).toBeGreaterThan(0);
    expect(sheet.peek(row, 0)?.fill).toBe("#C6EFCE");
  });

  it("uses the column mapping the officer saved in the workbook", async () => {
    const host = await fakeFromFile(EXAMPLE_WORKBOOK);
    // Only the enterprises' sheet, by the officer's choice.
    host.settings.set(MAPPING_SETTING, { sheet: "Khối 4 - Doanh nghiệp", year: 2023 });
    const rank = await ribbonAction(host);
    await rank({ completed: jest.fn() });
    const sheet = host.sheet("Đề xuất khen thưởng 2023");
    expect(sheet.findRow("FPT Telecom Cần Thơ")).toBeGreaterThan(0);
    expect(sheet.findRow("Sở Tư pháp")).toBe(-1);
  });

  it("prices the awards at the decision date last chosen in the pane, like the pane does", async () => {
    const host = await fakeFromFile(EXAMPLE_WORKBOOK);
    host.settings.set(DECISION_DATE_SETTING, "2023-03-15");
    const rank = await ribbonAction(host);
    await rank({ completed: jest.fn() });
    const sheet = host.sheet("Đề xuất khen thưởng 2023");
    const row = sheet.findRow("Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ");
    // Decree 91/2017 and a base salary of 1,490,000: a collective Bằng khen is 2,980,000.
    expect(sheet.rowValues(row)).toContain(2_980_000);
  });

  it("uses today when the saved decision date is not a real date", async () => {
    const host = await fakeFromFile(EXAMPLE_WORKBOOK);
    host.settings.set(DECISION_DATE_SETTING, "2023-02-30");
    const rank = await ribbonAction(host);
    await rank({ completed: jest.fn() });
    const sheet = host.sheet("Đề xuất khen thưởng 2023");
    const row = sheet.findRow("Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ");
    expect(sheet.rowValues(row)).not.toContain(2_980_000);
  });

  it("opens the task pane with the reason when there is nothing to rank, and writes nothing", async () => {
    const host = new FakeWorkbook();
    host.addSheet("Trang tính 1", [["Báo cáo quý"], ["Nội dung", "Ghi chú"]]);
    const rank = await ribbonAction(host);
    const completed = jest.fn();
    await rank({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(host.taskpaneShown).toBe(1);
    expect(host.sheets.map((s) => s.name)).toEqual(["Trang tính 1"]);
  });

  it("does not open the pane when the sheet was written", async () => {
    const host = await fakeFromFile(EXAMPLE_WORKBOOK);
    const rank = await ribbonAction(host);
    await rank({ completed: jest.fn() });
    expect(host.taskpaneShown).toBe(0);
  });

  it("still releases the button when the workbook cannot be read", async () => {
    const host = await fakeFromFile(EXAMPLE_WORKBOOK);
    const rank = await ribbonAction(host);
    const excel = (globalThis as unknown as { Excel: { run: () => Promise<never> } }).Excel;
    excel.run = () => Promise.reject(new Error("GeneralException"));
    const completed = jest.fn();
    await rank({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(host.taskpaneShown).toBe(1);
    expect(host.sheets.map((s) => s.name)).toEqual([
      "DTI 2023",
      "Khối 4 - Doanh nghiệp",
      "Cá nhân đề xuất",
    ]);
  });
});
