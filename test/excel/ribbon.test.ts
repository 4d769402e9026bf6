/**
 * The ribbon's Rank button in the shared runtime, clicked the way Office.js dispatches a
 * `<FunctionName>` of the manifest (window first, then Office.actions' table): it ranks without
 * the task pane, honours the officer's saved column mapping, reports what it could not save, and
 * always releases the button.
 */
import { readFileSync } from "fs";
import { RIBBON_ACTIONS } from "../../src/commands/ribbonRun";
import { DECISION_DATE_SETTING, MAPPING_SETTING } from "../../src/excel/marker";
import { MANIFEST, functionNames } from "../e2e/manifestFacts";
import {
  FakeWorkbook,
  INVALID_CALLBACK,
  installOfficeGlobals,
  removeOfficeGlobals,
  type FakeOfficeGlobals,
} from "./fakeExcel";
import { EXAMPLE_WORKBOOK, fakeFromFile } from "./loadWorkbook";

const [RANK] = functionNames(readFileSync(MANIFEST, "utf8"));

/** The Office globals of a host, with commands.ts loaded into them as the page loads it. */
async function withCommands(host: FakeWorkbook): Promise<FakeOfficeGlobals> {
  const globals = installOfficeGlobals(host);
  await jest.isolateModulesAsync(async () => {
    await import("../../src/commands/commands");
  });
  return globals;
}

/** Clicks the ribbon button: dispatches its action and waits until it releases the button. */
async function click(globals: FakeOfficeGlobals, name = RANK): Promise<{ completed: number }> {
  let completed = 0;
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const { errorCode } = globals.dispatchAction(name, {
    completed: () => {
      completed += 1;
      release();
    },
  });
  if (errorCode !== 0) throw new Error(`Office.js would refuse the click: error ${errorCode}`);
  await released;
  return { completed };
}

afterEach(() => removeOfficeGlobals());

describe("the ribbon's Rank button", () => {
  it("runs the action the manifest names, associated once, and writes the candidate sheet", async () => {
    expect(functionNames(readFileSync(MANIFEST, "utf8"))).toEqual(Object.values(RIBBON_ACTIONS));
    const host = await fakeFromFile(EXAMPLE_WORKBOOK);
    const globals = await withCommands(host);
    expect([...globals.actions.keys()]).toEqual([RANK.toUpperCase()]);
    expect(await click(globals)).toEqual({ completed: 1 });
    expect(host.consoleWarnings).toEqual([]);
    const sheet = host.sheet("Đề xuất khen thưởng 2023");
    const row = sheet.findRow("Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ");
    expect(row).toBeGreaterThan(0);
    expect(sheet.peek(row, 0)?.fill).toBe("#C6EFCE");
  });

  it("is not shadowed by a page global of the action's first name that lacks the action", async () => {
    const host = await fakeFromFile(EXAMPLE_WORKBOOK);
    const globals = await withCommands(host);
    // What an element with id="DtiAwards" would be on the page: Office.js walks window.DtiAwards.
    (globalThis as Record<string, unknown>).DtiAwards = { tagName: "DIV" };
    try {
      expect(await click(globals)).toEqual({ completed: 1 });
    } finally {
      delete (globalThis as Record<string, unknown>).DtiAwards;
    }
  });

  it("uses the column mapping the officer saved in the workbook", async () => {
    const host = await fakeFromFile(EXAMPLE_WORKBOOK);
    // Only the enterprises' sheet, by the officer's choice.
    host.settings.set(MAPPING_SETTING, { sheet: "Khối 4 - Doanh nghiệp", year: 2023 });
    await click(await withCommands(host));
    const sheet = host.sheet("Đề xuất khen thưởng 2023");
    expect(sheet.findRow("FPT Telecom Cần Thơ")).toBeGreaterThan(0);
    expect(sheet.findRow("Sở Tư pháp")).toBe(-1);
  });

  it("prices the awards at the decision date last chosen in the pane, like the pane does", async () => {
    const host = await fakeFromFile(EXAMPLE_WORKBOOK);
    host.settings.set(DECISION_DATE_SETTING, "2023-03-15");
    await click(await withCommands(host));
    const sheet = host.sheet("Đề xuất khen thưởng 2023");
    const row = sheet.findRow("Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ");
    // Decree 91/2017 and a base salary of 1,490,000: a collective Bằng khen is 2,980,000.
    expect(sheet.rowValues(row)).toContain(2_980_000);
  });

  it("uses today when the saved decision date is not a real date", async () => {
    const host = await fakeFromFile(EXAMPLE_WORKBOOK);
    host.settings.set(DECISION_DATE_SETTING, "2023-02-30");
    await click(await withCommands(host));
    const sheet = host.sheet("Đề xuất khen thưởng 2023");
    const row = sheet.findRow("Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ");
    expect(sheet.rowValues(row)).not.toContain(2_980_000);
  });

  it("opens the task pane with the reason when there is nothing to rank, and writes nothing", async () => {
    const host = new FakeWorkbook();
    host.addSheet("Trang tính 1", [["Báo cáo quý"], ["Nội dung", "Ghi chú"]]);
    expect(await click(await withCommands(host))).toEqual({ completed: 1 });
    expect(host.taskpaneShown).toBe(1);
    expect(host.sheets.map((s) => s.name)).toEqual(["Trang tính 1"]);
  });

  it("does not open the pane when the sheet was written", async () => {
    const host = await fakeFromFile(EXAMPLE_WORKBOOK);
    await click(await withCommands(host));
    expect(host.taskpaneShown).toBe(0);
  });

  it("opens the pane when the sheets were written but Office could not save which are its own", async () => {
    const host = await fakeFromFile(EXAMPLE_WORKBOOK);
    // Without worksheet custom properties the marker map lives in document settings.
    host.unsupportedSets.add("ExcelApi 1.12");
    host.settingsSaveFailure = { code: 5001, message: "An internal error has occurred." };
    expect(await click(await withCommands(host))).toEqual({ completed: 1 });
    expect(host.sheets.map((s) => s.name)).toContain("Đề xuất khen thưởng 2023");
    expect(host.savedSettings.size).toBe(0);
    expect(host.taskpaneShown).toBe(1);
  });

  it("still releases the button when the workbook cannot be read", async () => {
    const host = await fakeFromFile(EXAMPLE_WORKBOOK);
    const globals = await withCommands(host);
    host.syncFailure = { code: "GeneralException", message: "There was an internal error." };
    expect(await click(globals)).toEqual({ completed: 1 });
    expect(host.taskpaneShown).toBe(1);
    expect(host.sheets.map((s) => s.name)).toEqual([
      "DTI 2023",
      "Khối 4 - Doanh nghiệp",
      "Cá nhân đề xuất",
    ]);
  });
});

describe("the in-memory host's ribbon dispatcher, as strict as Office.js", () => {
  it("finds a window property before the association table, and refuses one that is not a function", () => {
    const globals = installOfficeGlobals(new FakeWorkbook());
    const action = jest.fn();
    globals.Office.actions.associate("rank", action);
    // The first release: <button id="rank"> made window.rank an element.
    (globalThis as Record<string, unknown>).rank = { tagName: "BUTTON" };
    try {
      expect(globals.dispatchAction("rank", {})).toEqual({ errorCode: INVALID_CALLBACK });
    } finally {
      delete (globalThis as Record<string, unknown>).rank;
    }
    expect(globals.dispatchAction("rank", {})).toEqual({ errorCode: 0 });
  });

  it("matches names case-insensitively and warns about a second association", () => {
    const host = new FakeWorkbook();
    const globals = installOfficeGlobals(host);
    globals.Office.actions.associate("DtiAwards.Rank", jest.fn());
    globals.Office.actions.associate("DTIAWARDS.RANK", jest.fn());
    globals.CustomFunctions.associate("SLOTS", jest.fn());
    globals.CustomFunctions.associate("slots", jest.fn());
    expect(host.consoleWarnings).toEqual([
      "[DuplicatedName] Function=DTIAWARDS.RANK",
      "[DuplicatedName] Function=slots",
    ]);
    expect(globals.dispatchAction("dtiawards.rank", {})).toEqual({ errorCode: 0 });
  });

  it("gives CustomFunctions.Error only to a host that offers CustomFunctionsRuntime 1.2", () => {
    const old = new FakeWorkbook();
    old.offeredSets.set("CustomFunctionsRuntime", "1.1");
    expect(installOfficeGlobals(old).CustomFunctions.Error).toBeUndefined();
    const current = new FakeWorkbook();
    current.offeredSets.set("CustomFunctionsRuntime", "1.2");
    expect(installOfficeGlobals(current).CustomFunctions.Error).toBeDefined();
  });
});
