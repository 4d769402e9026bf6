/**
 * The built task pane in headless Debian Chromium: Office.js is answered by a stand-in over the
 * in-memory Excel host pre-loaded with the example workbook; every other off-machine request is
 * aborted and must not happen. Saves the screenshots the user guide shows.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { createServer, type Server } from "http";
import { tmpdir } from "os";
import { extname, join, normalize } from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { EXAMPLE_WORKBOOK, fakeFromFile } from "../excel/loadWorkbook";
import { FakeWorkbook } from "../excel/fakeExcel";
import type { Fixture } from "./officeStandIn";

jest.setTimeout(120_000);

const ROOT = join(__dirname, "..", "..");
// The user guide's screenshots are refreshed with UPDATE_SCREENSHOTS=1; an ordinary run writes
// them to a temporary folder so that testing never changes tracked files.
const SHOTS =
  process.env.UPDATE_SCREENSHOTS === "1"
    ? join(ROOT, "docs", "img")
    : mkdtempSync(join(tmpdir(), "dti-awards-shots-"));
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const HOSTILE = "<img src=x onerror=alert(1)>";
const hasFunctions = existsSync(join(ROOT, "src", "functions", "functions.ts"));
const CHROMIUM = "/usr/bin/chromium";

let work: string;
let server: Server;
let origin: string;
let browser: Browser;
let standIn: string;

const webpackBin = join(ROOT, "node_modules", "webpack", "bin", "webpack.js");

function buildStandIn(outDir: string): string {
  const config = join(outDir, "standin.config.js");
  writeFileSync(
    config,
    `module.exports = ${JSON.stringify({
      mode: "production",
      entry: join(__dirname, "officeStandIn.ts"),
      output: { path: outDir, filename: "standin.js" },
      resolve: { extensions: [".ts", ".js"] },
      module: {
        rules: [
          {
            test: "TS",
            use: {
              loader: require.resolve("ts-loader"),
              options: { transpileOnly: true, configFile: join(ROOT, "tsconfig.json") },
            },
          },
        ],
      },
    }).replace('"TS"', "/\\.ts$/")};`,
  );
  execFileSync(process.execPath, [webpackBin, "--config", config], { cwd: ROOT, stdio: "pipe" });
  return readFileSync(join(outDir, "standin.js"), "utf8");
}

function fixtureOf(host: FakeWorkbook, displayLanguage: string): Fixture {
  return {
    displayLanguage,
    sheets: host.sheets.map((sheet) => ({
      name: sheet.name,
      visibility: sheet.visibility,
      cells: [...sheet.cells].map(([key, cell]) => {
        const [r, c] = key.split(",").map(Number);
        return [r, c, cell.value, cell.numberFormat] as [
          number,
          number,
          string | number | boolean,
          string,
        ];
      }),
    })),
  };
}

function serve(dir: string): Promise<Server> {
  const types: Record<string, string> = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".png": "image/png",
    ".xml": "application/xml",
  };
  const s = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
}

interface Opened {
  page: Page;
  offMachine: string[];
  dialogs: string[];
}

async function openPane(host: FakeWorkbook, displayLanguage = "vi-VN"): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
  const offMachine: string[] = [];
  const dialogs: string[] = [];
  const fixture = `window.__DTI_FIXTURE__ = ${JSON.stringify(fixtureOf(host, displayLanguage))};\n`;
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) {
      return route.fulfill({ contentType: "text/javascript", body: fixture + standIn });
    }
    if (url.startsWith(origin) || url.startsWith("data:")) return route.continue();
    offMachine.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${origin}/taskpane.html`);
  await page.waitForSelector("body[data-ready='true']");
  return { page, offMachine, dialogs };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "dti-e2e-"));
  const dist = join(work, "dist");
  execFileSync(process.execPath, [webpackBin, "--mode", "production", "--env", `outDir=${dist}`], {
    cwd: ROOT,
    stdio: "pipe",
  });
  standIn = buildStandIn(work);
  server = await serve(dist);
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe("the task pane in Chromium", () => {
  it("ranks the example workbook, writes the sheet and shows the summary", async () => {
    const host = await fakeFromFile(EXAMPLE_WORKBOOK);
    const { page, offMachine, dialogs } = await openPane(host);
    expect(await page.textContent("#rank")).toBe("Xếp hạng");
    // A fixed decision date keeps the screenshots and prize amounts stable.
    await page.fill("#decision-date", "2024-03-15");
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, "taskpane-ready.png"), fullPage: true });

    await page.click("#rank");
    await page.waitForSelector("#result:not([hidden])");
    const status = await page.textContent("#status");
    expect(status).toContain("Đề xuất khen thưởng 2023");
    const summary = await page.textContent("#result");
    expect(summary).toContain("Khối 1");
    expect(summary).toContain("Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ");
    expect(summary).toContain("UBND xã Tân Thạnh");

    const written = await page.evaluate(() => {
      const h = (window as unknown as { __dtiHost: FakeWorkbook }).__dtiHost;
      const sheet = h.sheets.find((s) => s.name === "Đề xuất khen thưởng 2023");
      const names: string[] = [];
      if (sheet)
        for (const cell of sheet.cells.values())
          if (cell.fill === "#C6EFCE") names.push(String(cell.value));
      return { sheets: h.sheets.map((s) => s.name), active: h.activeSheet?.name, names };
    });
    expect(written.sheets).toContain("Đề xuất khen thưởng 2023");
    expect(written.sheets).toContain("Kiểm tra dữ liệu");
    expect(written.active).toBe("Đề xuất khen thưởng 2023");
    expect(written.names).toContain("UBND xã Đông Bình");
    await page.screenshot({ path: join(SHOTS, "taskpane-done.png"), fullPage: true });
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
    await page.click("#rank");
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
    await page.click("#rank");
    await page.waitForSelector("#result:not([hidden]) .message");
    const text = (await page.textContent("#result .message")) ?? "";
    expect(text).toContain("Bảng điểm!A2: Không xác định được năm của “Sở Y tế”");
    expect(text).not.toContain("YEAR_MISSING");
    expect(await page.getAttribute("#mapping", "open")).not.toBeNull();
    await page.click("#lang");
    await page.click("#rank");
    await page.waitForSelector("#result:not([hidden]) .message");
    expect(await page.textContent("#result .message")).toContain(
      "Bảng điểm!A2: The year of “Sở Y tế” is unknown",
    );
    expect(offMachine).toEqual([]);
    await page.context().close();
  });

  it("switches to English where Office speaks English", async () => {
    const host = await fakeFromFile(EXAMPLE_WORKBOOK);
    const { page } = await openPane(host, "en-US");
    expect(await page.textContent("#rank")).toBe("Rank");
    await page.click("#lang");
    expect(await page.textContent("#rank")).toBe("Xếp hạng");
    await page.context().close();
  });

  it("registers the eight custom functions, and SLOTS(3, 2025) is 6", async () => {
    if (!hasFunctions) {
      console.warn("src/functions/functions.ts does not exist yet: custom-function checks skipped");
      return;
    }
    const host = await fakeFromFile(EXAMPLE_WORKBOOK);
    const { page } = await openPane(host);
    const result = await page.evaluate(() => {
      const office = (
        window as unknown as {
          __dtiOffice: { functions: Map<string, (...args: unknown[]) => unknown> };
        }
      ).__dtiOffice;
      return {
        ids: [...office.functions.keys()].sort(),
        slots: office.functions.get("SLOTS")?.(3, 2025),
      };
    });
    expect(result.ids).toEqual([
      "BASESALARY",
      "CANDIDATES",
      "CHECK",
      "PRIZE",
      "RANK",
      "RATIO",
      "SLOTS",
      "STATUS",
    ]);
    expect(result.slots).toBe(6);
    await page.context().close();
  });
});
