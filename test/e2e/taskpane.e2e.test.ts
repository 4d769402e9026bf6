/**
 * The built task pane in headless Debian Chromium as an officer meets it: Office.js answered by a
 * stand-in over the in-memory Excel host (offering exactly the requirement sets the manifest
 * declares), every other off-machine request aborted and asserted absent, no serious or critical
 * axe-core violation in any state. Saves the screenshots the user guide shows.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import { makeIssue } from "../../src/domain/issues";
import type { AwardResult } from "../../src/domain/types";
import type { RankOutcome } from "../../src/excel/rankInExcel";
import { EXAMPLE_WORKBOOK, fakeFromFile } from "../excel/loadWorkbook";
import { FakeWorkbook } from "../excel/fakeExcel";
import { seriousViolations } from "./axe";
import { MANIFEST, functionNames } from "./manifestFacts";
import {
  ROOT,
  screenshotDir,
  startPaneHarness,
  type Opened,
  type PaneHarness,
} from "./paneHarness";

jest.setTimeout(120_000);

const HOSTILE = "<img src=x onerror=alert(1)>";
/**
 * The bundled sample workbook: one error and five warnings with the decision date these tests
 * type (a score above its max; a collective and an individual tie; two namesakes among the
 * nominees; a decision dated within the score year 2024).
 */
const SAMPLE = join(ROOT, "samples", "dti-sample-2024.xlsx");
const SUPPORT_URL = /<SupportUrl DefaultValue="([^"]+)"/.exec(readFileSync(MANIFEST, "utf8"))![1];

let harness: PaneHarness;
const openPane = (host: FakeWorkbook, displayLanguage?: string): Promise<Opened> =>
  harness.openPane(host, displayLanguage);

beforeAll(async () => {
  harness = await startPaneHarness();
});

afterAll(async () => {
  await harness?.close();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshotDir(), name), fullPage: true });

/** What the page's in-memory host holds. */
const hostOf = (page: Page) =>
  page.evaluate(() => {
    const h = (window as unknown as { __dtiHost: FakeWorkbook }).__dtiHost;
    return {
      sheets: h.sheets.map((s) => s.name),
      active: h.activeSheet?.name,
      warnings: [...h.consoleWarnings],
    };
  });

describe("the task pane in Chromium", () => {
  it("ranks the sample workbook: ready, working with a spinner, then done with the data check first", async () => {
    const host = await fakeFromFile(SAMPLE);
    const { page, offMachine, dialogs } = await openPane(host);
    expect(await page.textContent("#rank-button")).toBe("Xếp hạng");
    expect(await page.textContent("#decision-date-label")).toBe("Ngày quyết định khen thưởng");
    // A fixed decision date keeps the screenshots and prize amounts stable.
    await page.fill("#decision-date", "15/03/2024");
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, "taskpane-ready.png");

    // Working: Excel is held at its first request while the pane shows progress.
    await page.evaluate(() =>
      (window as unknown as { __dtiHost: FakeWorkbook }).__dtiHost.holdSyncs(),
    );
    await page.click("#rank-button");
    await page.waitForSelector("#spinner:not([hidden])");
    expect(await page.getAttribute("#result", "aria-busy")).toBe("true");
    expect(await page.getAttribute("#rank-form", "aria-busy")).toBe("true");
    expect(await page.isDisabled("#rank-button")).toBe(true);
    expect(await page.textContent("#status")).toBe("Đang đọc bảng điểm…");
    expect(await page.isHidden("#result")).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, "taskpane-working.png");
    await page.evaluate(() =>
      (window as unknown as { __dtiHost: FakeWorkbook }).__dtiHost.releaseSyncs(),
    );

    // Done: a success bar (not the progress line), the issues counted, the data check first.
    await page.waitForSelector("#result:not([hidden])");
    expect(await page.isHidden("#spinner")).toBe(true);
    expect(await page.getAttribute("#result", "aria-busy")).toBe("false");
    expect(await page.textContent("#status")).toBe("");
    expect(await page.textContent("#result .message-bar.success")).toContain(
      "Đã ghi trang “Đề xuất khen thưởng 2024”",
    );
    expect(await page.textContent("#result .issues")).toContain("1 lỗi, 5 cảnh báo trong dữ liệu");
    const order = await page.evaluate(() => {
      const check = document.querySelector("#open-check");
      const firstBloc = document.querySelector("#result section.bloc");
      return check && firstBloc
        ? check.compareDocumentPosition(firstBloc) & Node.DOCUMENT_POSITION_FOLLOWING
        : 0;
    });
    expect(order).toBeTruthy();
    const summary = await page.textContent("#result");
    expect(summary).toContain("Khối 1 · 2024");
    // How the tables were read: one line per table, then its columns.
    expect(await page.textContent("#readings-title")).toBe("Cách đọc bảng");
    const readings = await page.locator("#readings-list > li > .reading-title").allTextContents();
    expect(readings[0]).toMatch(/^Trang “DTI 2024”, vùng [A-Z]+\d+:[A-Z]+\d+, dòng tiêu đề \d+/);
    expect(
      await page.locator("#readings-list > li").first().locator("li").allTextContents(),
    ).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Tên đơn vị: cột [A-Z]+ “.+” \(.+\)$/)]),
    );
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, "taskpane-done.png");

    await page.click("#open-check");
    await page.waitForFunction(
      () =>
        (window as unknown as { __dtiHost: FakeWorkbook }).__dtiHost.activeSheet?.name ===
        "Kiểm tra dữ liệu",
    );
    expect((await hostOf(page)).sheets).toContain("Đề xuất khen thưởng 2024");
    expect(offMachine).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it("shows a unit name that looks like markup as text", async () => {
    const host = await fakeFromFile(EXAMPLE_WORKBOOK);
    const scores = host.sheet("DTI 2023");
    scores.cell(scores.findRow("Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ", 1), 1).value =
      HOSTILE;
    const { page, offMachine, dialogs } = await openPane(host);
    await page.fill("#decision-date", "15/03/2024");
    await page.click("#rank-button");
    await page.waitForSelector("#result:not([hidden])");
    expect(await page.locator("#result li", { hasText: HOSTILE }).count()).toBe(1);
    expect(await page.locator("#result img").count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(offMachine).toEqual([]);
    await page.context().close();
  });

  it("says in words, with the sheet and cell, why it is unsure of the table", async () => {
    const host = new FakeWorkbook();
    host.addSheet("Bảng điểm", [
      ["Đơn vị", "Khối", "Điểm"],
      ["Sở Y tế", 1, 90],
    ]);
    const { page, offMachine } = await openPane(host);
    await page.fill("#decision-date", "15/03/2024");
    await page.click("#rank-button");
    await page.waitForSelector("#result:not([hidden]) .message-bar.warning");
    const text = (await page.textContent("#result .message-bar.warning")) ?? "";
    expect(text).toContain("Bảng điểm!A2: Không xác định được năm của “Sở Y tế”");
    expect(text).not.toContain("YEAR_MISSING");
    expect(await page.getAttribute("#mapping", "open")).not.toBeNull();
    // The language switch redraws the result in English at once.
    await page.click("#lang");
    expect(await page.textContent("#result .message-bar.warning")).toContain(
      "Bảng điểm!A2: The year of “Sở Y tế” is unknown",
    );
    expect(offMachine).toEqual([]);
    await page.context().close();
  });

  it("switches to English where Office speaks English", async () => {
    const host = await fakeFromFile(SAMPLE);
    const { page } = await openPane(host, "en-US");
    expect(await page.textContent("#rank-button")).toBe("Rank");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await page.click("#lang");
    expect(await page.textContent("#rank-button")).toBe("Xếp hạng");
    await page.context().close();
  });

  it("takes the decision date as day/month/year and refuses an empty one instead of using today", async () => {
    const host = await fakeFromFile(SAMPLE);
    host.settings.set("dti-awards.decisionDate", "2024-03-15");
    host.savedSettings.set("dti-awards.decisionDate", "2024-03-15");
    const { page } = await openPane(host);
    // The date last chosen, shown the Vietnamese way.
    expect(await page.inputValue("#decision-date")).toBe("15/03/2024");
    await page.fill("#decision-date", "");
    await page.click("#rank-button");
    await page.waitForSelector("#decision-date-error:not([hidden])");
    expect(await page.textContent("#decision-date-error")).toContain(
      "Chưa nhập ngày quyết định khen thưởng",
    );
    expect(await page.getAttribute("#decision-date", "aria-invalid")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("decision-date");
    expect(await seriousViolations(page)).toEqual([]);
    expect((await hostOf(page)).sheets).not.toContain("Đề xuất khen thưởng 2024");
    await page.fill("#decision-date", "31/02/2024");
    await page.click("#rank-button");
    expect(await page.textContent("#decision-date-error")).toContain(
      "không phải là một ngày có thật",
    );
    await page.fill("#decision-date", "1-7-2025");
    await page.dispatchEvent("#decision-date", "change");
    expect(await page.inputValue("#decision-date")).toBe("01/07/2025");
    await page.click("#rank-button");
    await page.waitForSelector("#result:not([hidden])");
    expect(await page.isHidden("#decision-date-error")).toBe(true);
    const saved = await page.evaluate(() =>
      (window as unknown as { __dtiHost: FakeWorkbook }).__dtiHost.savedSettings.get(
        "dti-awards.decisionDate",
      ),
    );
    expect(saved).toBe("2025-07-01");
    await page.context().close();
  });

  it("translates an Excel error, with a code to quote to IT and the support page", async () => {
    const host = await fakeFromFile(SAMPLE);
    host.syncFailure = {
      code: "AccessDenied",
      message: "Access denied. You don't have permission.",
    };
    const { page, offMachine } = await openPane(host);
    await page.fill("#decision-date", "15/03/2024");
    await page.click("#rank-button");
    await page.waitForSelector("#error:not([hidden])");
    const error = (await page.textContent("#error")) ?? "";
    expect(error).toContain("Excel không cho phép ghi vào sổ làm việc này");
    expect(error).toContain("Bỏ bảo vệ sổ làm việc");
    expect(error).toContain("Mã lỗi (báo cho bộ phận CNTT): EXCEL-AccessDenied");
    expect(await page.textContent("#error strong")).toBe("EXCEL-AccessDenied");
    expect(error).not.toContain("Access denied");
    expect(await page.getAttribute("#error a", "href")).toBe(SUPPORT_URL);
    expect(await page.isHidden("#spinner")).toBe(true);
    expect(await page.isDisabled("#rank-button")).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, "taskpane-error.png");
    expect(offMachine).toEqual([]);
    await page.context().close();
  });

  it("ranks, and says with a code that the workbook could not keep its choices", async () => {
    const host = await fakeFromFile(SAMPLE);
    host.settingsSaveFailure = { code: 5001, message: "An internal error has occurred." };
    const { page } = await openPane(host);
    await page.fill("#decision-date", "15/03/2024");
    await page.click("#rank-button");
    await page.waitForSelector("#result:not([hidden])");
    const notice = (await page.textContent("#result .message-bar.warning")) ?? "";
    expect(notice).toContain("Đã xếp hạng, nhưng chưa lưu được lựa chọn");
    expect(notice).toContain("SETTINGS-5001");
    expect(await page.textContent("#result .message-bar.success")).toContain("Đã ghi trang");
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("registers the ten custom functions once, on the runtime the manifest declares", async () => {
    const host = await fakeFromFile(SAMPLE);
    const { page } = await openPane(host);
    const result = await page.evaluate(() => {
      const office = (
        window as unknown as {
          __dtiOffice: { functions: Map<string, (...args: unknown[]) => unknown> };
        }
      ).__dtiOffice;
      const bad = office.functions.get("SLOTS")?.(9, 2025) as { code?: string };
      return {
        ids: [...office.functions.keys()].sort(),
        slots: office.functions.get("SLOTS")?.(3, 2025),
        bad: bad?.code,
      };
    });
    expect(result).toEqual({
      ids: [
        "BASESALARY",
        "CANDIDATES",
        "CHECK",
        "PRIZE",
        "RANK",
        "RANKS",
        "RATIO",
        "SLOTS",
        "STATUS",
        "STATUSES",
      ],
      slots: 6,
      // CustomFunctions.Error: the host offers it because the manifest declares runtime 1.2.
      bad: "#VALUE!",
    });
    expect((await hostOf(page)).warnings).toEqual([]);
    await page.context().close();
  });

  it("runs each ribbon action of the manifest through the dispatcher and shows its result", async () => {
    const host = await fakeFromFile(SAMPLE);
    const { page } = await openPane(host);
    for (const name of functionNames(readFileSync(MANIFEST, "utf8"))) {
      const click = await page.evaluate(
        (action) =>
          new Promise<{ errorCode: number; completed: boolean }>((resolve) => {
            const office = (
              window as unknown as {
                __dtiOffice: {
                  dispatchAction(n: string, e: unknown): { errorCode: number };
                };
              }
            ).__dtiOffice;
            const { errorCode } = office.dispatchAction(action, {
              completed: () => resolve({ errorCode, completed: true }),
            });
            if (errorCode !== 0) resolve({ errorCode, completed: false });
          }),
        name,
      );
      expect({ name, ...click }).toEqual({ name, errorCode: 0, completed: true });
    }
    await page.waitForSelector("#result:not([hidden])");
    expect(await page.textContent("#result .message-bar.success")).toContain(
      "Đề xuất khen thưởng 2024",
    );
    expect((await hostOf(page)).sheets).toContain("Đề xuất khen thưởng 2024");
    await page.context().close();
  });

  it("refuses a table the reader can read two ways, then ranks it with the column the officer chooses", async () => {
    const host = new FakeWorkbook();
    host.addSheet("Bảng điểm", [
      ["Tên đơn vị", "Khối", "Điểm tối đa", "Điểm năm 2023", "Điểm năm 2024"],
      ["Sở Tư pháp", 1, 1000, 990, 700],
      ["Sở Nội vụ", 1, 1000, 800, 790],
    ]);
    const { page } = await openPane(host);
    await page.fill("#decision-date", "31/03/2025");
    await page.click("#rank-button");
    await page.waitForSelector("#error:not([hidden])");
    const error = (await page.textContent("#error")) ?? "";
    expect(error).toContain("cột D “Điểm năm 2023” hoặc cột E “Điểm năm 2024”");
    expect(await page.getAttribute("#mapping", "open")).not.toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("map-col-score");
    expect((await hostOf(page)).sheets).toEqual(["Bảng điểm"]);
    expect(await seriousViolations(page)).toEqual([]);

    // The officer picks the 2024 column (and the year it is) and ranks with it.
    await page.selectOption("#map-col-score", { label: "E · Điểm năm 2024" });
    await page.selectOption("#map-rank-year", "2024");
    await page.click("#use-mapping");
    await page.waitForSelector("#result .message-bar.success");
    expect((await hostOf(page)).sheets).toContain("Đề xuất khen thưởng 2024");
    const candidates = await page.evaluate(() => {
      const h = (window as unknown as { __dtiHost: FakeWorkbook }).__dtiHost;
      const sheet = h.sheets.find((x) => x.name === "Đề xuất khen thưởng 2024");
      return sheet
        ? [...sheet.cells.values()].filter((c) => c.fill === "#C6EFCE").map((c) => String(c.value))
        : [];
    });
    expect(candidates).toContain("Sở Nội vụ");
    expect(candidates).not.toContain("Sở Tư pháp");
    await page.context().close();
  });

  it("shows why a table was refused and opens Chọn cột on the column to choose", async () => {
    const host = new FakeWorkbook();
    host.addSheet("DTI 2024", [
      ["Tên đơn vị", "Khối", "Điểm tự đánh giá", "Điểm thẩm định"],
      ["Sở Y tế", 1, 95, 90],
    ]);
    const { page } = await openPane(host);
    const issue = makeIssue(
      "COLUMN_AMBIGUOUS",
      { sheet: "DTI 2024", cell: "C1" },
      {
        sheet: "DTI 2024",
        role: "điểm đạt được",
        roleEn: "the score",
        first: "C",
        firstHeader: "Điểm tự đánh giá",
        second: "D",
        secondHeader: "Điểm thẩm định",
        differs: "Sở Y tế xếp hạng khác",
        differsEn: "Sở Y tế ranks differently",
        option: "score",
      },
    );
    const result: AwardResult = {
      schema: "dti-awards/result@1",
      prize: null,
      years: [],
      unplaced: [],
      issues: [issue],
      tables: [],
    };
    const outcome: RankOutcome = {
      kind: "nothing",
      result,
      message: issue.message,
      previews: [
        {
          name: "DTI 2024",
          rowOffset: 0,
          colOffset: 0,
          rows: [["Tên đơn vị", "Khối", "Điểm tự đánh giá", "Điểm thẩm định"]],
        },
      ],
    };
    // What the ribbon's Rank hands the pane when the engine refuses the table.
    await page.evaluate((detail) => {
      window.dispatchEvent(
        new CustomEvent("dti-awards:ribbon-run", { detail: { outcome: detail } }),
      );
    }, outcome);
    await page.waitForSelector("#error:not([hidden])");
    const error = (await page.textContent("#error")) ?? "";
    expect(error).toContain("Cần chọn cột");
    expect(error).toContain("cột C “Điểm tự đánh giá” hoặc cột D “Điểm thẩm định”");
    expect(await page.getAttribute("#mapping", "open")).not.toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("map-col-score");
    expect(await page.inputValue("#map-sheet")).toBe("DTI 2024");
    expect(
      await page.$$eval("#map-col-score option", (options) => options.map((o) => o.textContent)),
    ).toEqual([
      "(không có)",
      "A · Tên đơn vị",
      "B · Khối",
      "C · Điểm tự đánh giá",
      "D · Điểm thẩm định",
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
