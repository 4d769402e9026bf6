/**
 * The proposal in the built task pane (headless Chromium, Office.js answered by the stand-in over
 * the in-memory host with the 2024 sample): the budget after a Rank, the council's choice among
 * the tied units recorded and applied by the next Rank, a withdrawal with its reason, and the
 * review round. Saves the user guide's screenshot of the panel.
 */
import { join, resolve } from "path";
import { fakeFromFile } from "../excel/loadWorkbook";
import type { FakeWorkbook } from "../excel/fakeExcel";
import { screenshotDir, startPaneHarness, type Opened, type PaneHarness } from "./paneHarness";

jest.setTimeout(180_000);

const SAMPLE = resolve(__dirname, "../../samples/dti-sample-2024.xlsx");
const DECISIONS = "Quyết định của Hội đồng";

let harness: PaneHarness;

beforeAll(async () => {
  harness = await startPaneHarness();
});

afterAll(async () => {
  await harness?.close();
});

async function rankedPane(): Promise<Opened> {
  const host = await fakeFromFile(SAMPLE);
  const opened = await harness.openPane(host);
  await opened.page.fill("#decision-date", "20/03/2025");
  await opened.page.click("#rank-button");
  await opened.page.waitForSelector("#proposal:not([hidden]) #budget li");
  return opened;
}

/** Reads something off the host the pane works on. */
function onHost<T>(opened: Opened, read: (host: FakeWorkbook) => T): Promise<T> {
  return opened.page.evaluate((fn) => {
    const host = (window as unknown as { __dtiHost: FakeWorkbook }).__dtiHost;
    return (new Function("host", `return (${fn})(host);`) as (h: FakeWorkbook) => T)(host);
  }, read.toString());
}

describe("the proposal panel in the task pane", () => {
  it("shows the budget and the open tie, and records the council's choice, which the next Rank applies", async () => {
    const opened = await rankedPane();
    const { page, offMachine, dialogs } = opened;
    expect(await page.textContent("#budget")).toContain(
      "Kinh phí 2024: tập thể 5 × 4.680.000, cá nhân 4 × 2.340.000; cộng 32.760.000 đồng (chưa tính 2 suất bằng điểm: 7.020.000 đồng)",
    );
    const tie = page.locator("fieldset.tie", {
      hasText: "Khối 3: 2 đơn vị bằng điểm tranh 1 suất",
    });
    expect(await tie.count()).toBe(1);
    await page.screenshot({ path: join(screenshotDir(), "taskpane-proposal.png"), fullPage: true });

    await tie.locator("input[data-unit='UBND xã Trường Long']").check();
    await tie.locator("button").click();
    await page.waitForFunction(() =>
      document.querySelector("#budget")?.textContent?.includes("tập thể 6 × 4.680.000"),
    );
    expect(await page.locator("fieldset.tie", { hasText: "2 đơn vị bằng điểm" }).count()).toBe(0);
    const written = await onHost(opened, (host) => {
      const sheet = host.sheets.find((s) => s.name === "Quyết định của Hội đồng");
      return sheet ? sheet.rowValues(4).slice(0, 7) : null;
    });
    expect(written).toEqual([
      2024,
      3,
      "Tập thể",
      "UBND xã Trường Long",
      "Huyện Phong Điền",
      "",
      "Chọn",
    ]);
    expect(await page.locator("button", { hasText: `Mở trang “${DECISIONS}”` }).count()).toBe(1);
    expect(offMachine).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it("asks for a reason before recording a withdrawal, then takes the candidate out", async () => {
    const opened = await rankedPane();
    const { page } = opened;
    await page.selectOption("#withdraw-who", { label: "2024 · Khối 1 · Sở Tư pháp" });
    await page.click("fieldset.withdraw button");
    expect(await page.textContent("#decision-status")).toBe("Hãy ghi lý do rút đề nghị.");
    await page.fill("#withdraw-reason", "Đã nhận Bằng khen chuyên đề");
    await page.click("fieldset.withdraw button");
    await page.waitForFunction(() =>
      document.querySelector("#decision-issues, fieldset.tie")?.textContent?.includes("Khối 1"),
    );
    const status = await onHost(opened, (host) => {
      const sheet = host.sheets.find((s) => s.name === "Đề xuất khen thưởng 2024");
      const row = sheet?.findRow("Sở Tư pháp", 2) ?? -1;
      return sheet ? sheet.value(row, 6) : null;
    });
    expect(status).toBe("Rút đề nghị (Hội đồng)");
    await page.context().close();
  });

  it("ranks for the review round chosen, and asks for the year a round needs", async () => {
    const host = await fakeFromFile(SAMPLE);
    const { page } = await harness.openPane(host);
    await page.fill("#decision-date", "20/03/2025");
    await page.selectOption("#round", "2025");
    await page.click("#rank-button");
    await page.waitForSelector("#error:not([hidden])");
    expect(await page.textContent("#error")).toContain(
      "Đã chọn một đợt xét cụ thể nhưng chưa chọn năm xét.",
    );
    expect(await page.textContent("#error")).toContain("ROUND-NEEDS-YEAR");
    await page.selectOption("#year", "2024");
    await page.click("#rank-button");
    await page.waitForSelector("#proposal:not([hidden]) #budget li");
    // The 2025 summary's quotas: six collectives in bloc 3.
    expect(await page.textContent("#result")).toContain("Khối 3 · 2024");
    const card = page.locator("section.bloc", { hasText: "Khối 3 · 2024" });
    expect(await card.locator("dd").first().textContent()).toBe("6");
    await page.context().close();
  });
});
