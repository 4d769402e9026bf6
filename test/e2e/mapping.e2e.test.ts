/**
 * The task pane's "Chọn cột" in headless Debian Chromium: a table the reader cannot understand on
 * its own is ranked once the officer maps its columns; the choice is kept in the workbook's
 * document settings, used again by the next Rank after the pane is reopened, and forgotten on
 * request. Every field is labelled, every id unique, no serious axe-core violation; no off-machine
 * request and no dialog along the way.
 */
import type { Page } from "playwright-core";
import { join } from "path";
import { FakeWorkbook } from "../excel/fakeExcel";
import { seriousViolations } from "./axe";
import type { Fixture } from "./fixture";
import { screenshotDir, startPaneHarness, workbookOf, type PaneHarness } from "./paneHarness";

jest.setTimeout(120_000);

const SCORES = "Bảng 1";
const CANDIDATES = "Đề xuất khen thưởng 2024";
const MAPPING_SETTING = "dti-awards.mapping";
const HEADERS = ["Cột A", "Cột B", "Cột C", "Cột D"];
const MAPPING = {
  sheet: SCORES,
  headerRow: 2,
  year: 2024,
  columns: { unit: "Cột A", bloc: "Cột B", maxScore: "Cột C", score: "Cột D" },
};
/** The same choice as saved before columns could be letters: still read. */
const OLD_MAPPING = { sheet: SCORES, headerRow: 2, year: 2024, headers: MAPPING.columns };
/** Each column as "Chọn cột" shows it: its letter, then its header. */
const CHOICES = HEADERS.map((h, i) => `${"ABCD"[i]} · ${h}`);
const ROLES = ["unit", "score", "maxScore", "ratio", "bloc", "year", "excluded", "note"];
/** The best ratio of bloc 1 (190/200 = 95 %), ahead of a higher raw score out of a lower maximum. */
const BEST_OF_BLOC_1 = "Sở Xây dựng";
/** A value left in the old candidate sheet, gone once the sheet is replaced. */
const STALE = "giá trị cũ";

/** A title row, then a header row whose texts say nothing of what the columns hold. */
function unreadableWorkbook(): FakeWorkbook {
  const host = new FakeWorkbook();
  host.addSheet(SCORES, [
    ["Bảng tổng hợp kết quả đánh giá chuyển đổi số"],
    HEADERS,
    ["Sở Y tế", 1, 100, 92],
    ["Sở Xây dựng", 1, 200, 190],
    ["Sở Tư pháp", 1, 100, 80],
    ["Sở Tài chính", 1, 100, 70],
    ["UBND xã Mỹ Khánh", 3, 100, 88],
    ["UBND phường An Hòa", 3, 100, 75],
    ["UBND xã Tân Thạnh", 3, 100, 60],
  ]);
  return host;
}

interface HostView {
  readonly sheets: string[];
  readonly candidates: string[];
  readonly stale: boolean;
  readonly settings: Record<string, unknown>;
  readonly saved: Record<string, unknown>;
}

/** What the page's in-memory host holds now. */
function hostView(page: Page): Promise<HostView> {
  return page.evaluate(
    ([name, stale]) => {
      const h = (window as unknown as { __dtiHost: FakeWorkbook }).__dtiHost;
      const sheet = h.sheets.find((s) => s.name === name);
      const cells = sheet ? [...sheet.cells.values()] : [];
      return {
        sheets: h.sheets.map((s) => s.name),
        candidates: cells.filter((c) => c.fill === "#C6EFCE").map((c) => String(c.value)),
        stale: cells.some((c) => c.value === stale),
        settings: Object.fromEntries(h.settings),
        saved: Object.fromEntries(h.savedSettings),
      };
    },
    [CANDIDATES, STALE],
  );
}

/** Ids used by more than one element of the page. */
function duplicateIds(page: Page): Promise<string[]> {
  return page.$$eval("[id]", (elements) => {
    const ids = elements.map((e) => e.id);
    return ids.filter((id, i) => ids.indexOf(id) !== i);
  });
}

/** The option texts of a drop-down, blank choice first. */
function optionsOf(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(`${selector} option`, (options) => options.map((o) => o.textContent ?? ""));
}

/** The fixture with a stray value put in the candidate sheet, as an officer might have typed. */
function withStaleValue(fixture: Fixture): Fixture {
  return {
    ...fixture,
    sheets: fixture.sheets.map((sheet) =>
      sheet.name === CANDIDATES ? { ...sheet, cells: [...sheet.cells, [200, 20, STALE]] } : sheet,
    ),
  };
}

let harness: PaneHarness;

beforeAll(async () => {
  harness = await startPaneHarness();
});

afterAll(async () => {
  await harness?.close();
});

describe("the column mapping in Chromium", () => {
  it("ranks an unreadable table with the chosen columns, keeps the choice and forgets it on request", async () => {
    // 1. Nothing is found, said in words, and "Chọn cột" opens with the sheet's headers.
    const first = await harness.openPane(unreadableWorkbook());
    const { page } = first;
    await page.fill("#decision-date", "15/03/2024");
    expect(await page.getAttribute("#mapping", "open")).toBeNull();
    await page.click("#rank-button");
    await page.waitForSelector("#error:not([hidden])");
    const error = (await page.textContent("#error")) ?? "";
    expect(error).toContain("Không tìm thấy bảng điểm");
    // The way forward is the column mapping, and the message says so.
    expect(error).toContain("chọn trang tính và các cột trong mục “Chọn cột”");
    expect(error).not.toMatch(/\b[A-Z]+_[A-Z_]+\b/);
    expect(await page.isHidden("#result")).toBe(true);
    expect(await page.getAttribute("#mapping", "open")).not.toBeNull();
    expect(await page.textContent("#mapping-title")).toBe("Chọn cột");
    expect(await optionsOf(page, "#map-sheet")).toEqual(["(tự nhận)", SCORES]);
    // Every role, the excluded mark and the note included; the header row is found on its own.
    for (const role of ROLES) {
      expect(await optionsOf(page, `#map-col-${role}`)).toEqual(["(không có)", ...CHOICES]);
      expect(await page.inputValue(`#map-col-${role}`)).toBe("");
    }
    expect(await optionsOf(page, "#map-sheet-bloc")).toEqual([
      "(tự nhận)",
      "Khối 1",
      "Khối 2",
      "Khối 3",
      "Khối 4",
    ]);
    expect(await duplicateIds(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    expect((await hostView(page)).sheets).toEqual([SCORES]);

    // 2. The officer's choice ranks the table and is stored in the workbook.
    await page.selectOption("#map-sheet", SCORES);
    await page.fill("#map-header-row", "2");
    await page.dispatchEvent("#map-header-row", "change");
    await page.selectOption("#map-rank-year", "2024");
    await page.selectOption("#map-col-unit", "Cột A");
    await page.selectOption("#map-col-bloc", "Cột B");
    await page.selectOption("#map-col-maxScore", "Cột C");
    await page.selectOption("#map-col-score", "Cột D");
    expect(await seriousViolations(page)).toEqual([]);
    // "Chọn cột" across the pane's full 350 px.
    const box = await page.locator("#mapping").boundingBox();
    await page.screenshot({
      path: join(screenshotDir(), "mapping-chosen.png"),
      fullPage: true,
      clip: {
        x: 0,
        y: Math.max(0, (box?.y ?? 0) - 16),
        width: 350,
        height: (box?.height ?? 0) + 32,
      },
    });
    await page.click("#use-mapping");
    await page.waitForSelector("#result:not([hidden])");
    expect(await page.textContent("#result .message-bar.success")).toContain(CANDIDATES);
    expect(await page.isHidden("#error")).toBe(true);
    const bloc1 = page.locator("#result section.bloc", { hasText: "Khối 1 · 2024" });
    expect(await bloc1.locator("li").allTextContents()).toEqual([BEST_OF_BLOC_1]);
    expect(await page.locator("#result section.bloc", { hasText: "Khối 3 · 2024" }).count()).toBe(
      1,
    );
    const ranked = await hostView(page);
    expect(ranked.sheets).toContain(CANDIDATES);
    expect(ranked.candidates).toContain(BEST_OF_BLOC_1);
    expect(ranked.candidates).not.toContain("Sở Y tế");
    expect(ranked.settings[MAPPING_SETTING]).toStrictEqual(MAPPING);
    expect(ranked.saved[MAPPING_SETTING]).toStrictEqual(MAPPING);
    // The form shows the stored choice after the run.
    expect(await page.inputValue("#map-sheet")).toBe(SCORES);
    expect(await page.inputValue("#map-col-score")).toBe("Cột D");
    expect(first.offMachine).toEqual([]);
    expect(first.dialogs).toEqual([]);
    const kept = withStaleValue(await workbookOf(first));
    await page.context().close();

    // 3. Reopened on the same workbook, Rank uses the stored choice without the form.
    const second = await harness.openPane(kept);
    const again = second.page;
    expect((await hostView(again)).stale).toBe(true);
    await again.fill("#decision-date", "15/03/2024");
    await again.click("#rank-button");
    await again.waitForSelector("#result:not([hidden])");
    expect(await again.textContent("#result .message-bar.success")).toContain(CANDIDATES);
    expect(
      await again
        .locator("#result section.bloc", { hasText: "Khối 1 · 2024" })
        .locator("li")
        .allTextContents(),
    ).toEqual([BEST_OF_BLOC_1]);
    const rerun = await hostView(again);
    expect(rerun.sheets.filter((name) => name.startsWith("Đề xuất khen thưởng"))).toEqual([
      CANDIDATES,
    ]);
    expect(rerun.sheets).toHaveLength(ranked.sheets.length);
    expect(rerun.stale).toBe(false);
    expect(rerun.candidates).toContain(BEST_OF_BLOC_1);
    expect(rerun.settings[MAPPING_SETTING]).toStrictEqual(MAPPING);
    // Once the run has read the sheets, the form shows the stored choice.
    expect(await again.inputValue("#map-sheet")).toBe(SCORES);
    expect(await again.inputValue("#map-header-row")).toBe("2");
    expect(await again.inputValue("#map-rank-year")).toBe("2024");
    for (const [role, header] of Object.entries(MAPPING.columns)) {
      expect(await again.inputValue(`#map-col-${role}`)).toBe(header);
    }

    // Forgetting the choice clears the setting and the form; Rank then finds nothing again.
    // A run that found its table leaves "Chọn cột" folded: the officer unfolds it.
    expect(await again.getAttribute("#mapping", "open")).toBeNull();
    await again.click("#mapping-title");
    await again.click("#clear-mapping");
    await again.waitForFunction(
      (key) => !(window as unknown as { __dtiHost: FakeWorkbook }).__dtiHost.savedSettings.has(key),
      MAPPING_SETTING,
    );
    // The form is drawn again once the settings are saved: wait for it, not for a fixed time.
    await again.waitForFunction(
      () => (document.querySelector("#map-sheet") as HTMLSelectElement | null)?.value === "",
    );
    const cleared = await hostView(again);
    expect(cleared.settings).not.toHaveProperty([MAPPING_SETTING]);
    expect(cleared.saved).not.toHaveProperty([MAPPING_SETTING]);
    expect(await again.inputValue("#map-sheet")).toBe("");
    expect(await again.inputValue("#map-header-row")).toBe("");
    expect(await again.inputValue("#map-col-unit")).toBe("");
    await again.click("#rank-button");
    await again.waitForSelector("#error:not([hidden])");
    expect(await again.textContent("#error")).toContain("Không tìm thấy bảng điểm");
    expect(second.offMachine).toEqual([]);
    expect(second.dialogs).toEqual([]);
    await again.context().close();
  });

  it("shows a choice saved the old way in a freshly opened pane and keeps it when run from the form", async () => {
    const host = unreadableWorkbook();
    host.settings.set(MAPPING_SETTING, OLD_MAPPING);
    host.savedSettings.set(MAPPING_SETTING, OLD_MAPPING);
    const { page, offMachine, dialogs } = await harness.openPane(host);
    await page.fill("#decision-date", "15/03/2024");
    // No run has read the sheets yet: the saved sheet and headers are still the choices shown.
    await page.click("#mapping-title");
    expect(await page.inputValue("#map-sheet")).toBe(SCORES);
    expect(await page.inputValue("#map-header-row")).toBe("2");
    for (const [role, header] of Object.entries(MAPPING.columns)) {
      expect(await page.inputValue(`#map-col-${role}`)).toBe(header);
    }
    await page.click("#use-mapping");
    await page.waitForSelector("#result:not([hidden])");
    const view = await hostView(page);
    expect(view.candidates).toContain(BEST_OF_BLOC_1);
    expect(view.settings[MAPPING_SETTING]).toStrictEqual(MAPPING);
    expect(offMachine).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });
});
