/**
 * What the browser tests share: the built task pane (webpack, production) served on 127.0.0.1,
 * headless Chromium (the one findBrowser.ts finds) through playwright-core, Office.js answered by
 * the stand-in over an in-memory Excel host, and every other off-machine request aborted and
 * recorded.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { createServer, type Server } from "http";
import { tmpdir } from "os";
import { extname, join, normalize } from "path";
import type { Browser, Page } from "playwright-core";
import { FakeWorkbook } from "../excel/fakeExcel";
import { findBrowser, launchTestBrowser, type BrowserLookup } from "./findBrowser";
import { fixtureOf, type Fixture } from "./fixture";
import { onDeclaredHost } from "./manifestFacts";

export const ROOT = join(__dirname, "..", "..");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const webpackBin = join(ROOT, "node_modules", "webpack", "bin", "webpack.js");

let shots: string | null = null;

/**
 * Where screenshots go: the user guide's folder with UPDATE_SCREENSHOTS=1, otherwise a temporary
 * folder, so that testing never changes tracked files.
 */
export function screenshotDir(): string {
  if (shots === null) {
    shots =
      process.env.UPDATE_SCREENSHOTS === "1"
        ? join(ROOT, "docs", "img")
        : mkdtempSync(join(tmpdir(), "dti-awards-shots-"));
    mkdirSync(shots, { recursive: true });
  }
  return shots;
}

export interface Opened {
  readonly page: Page;
  /** Off-machine URLs the page asked for (all aborted). */
  readonly offMachine: string[];
  /** Messages of any alert, confirm or prompt the page opened (all dismissed). */
  readonly dialogs: string[];
}

export interface PaneHarness {
  /** A new browser context and page on the pane, over a host or a fixture taken from one. */
  openPane(workbook: FakeWorkbook | Fixture, displayLanguage?: string): Promise<Opened>;
  close(): Promise<void>;
}

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

/** Serves a folder on 127.0.0.1 (a free port), as the add-in's host would. */
export function serve(dir: string): Promise<Server> {
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

/** Closes a server and any connection still open to it, so that nothing keeps jest alive. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Starts the browser; when it cannot start, closes the server first, so that jest can exit. */
async function launchBrowserOrClose(server: Server, lookup: BrowserLookup): Promise<Browser> {
  try {
    return await launchTestBrowser(lookup);
  } catch (error) {
    await closeServer(server);
    throw error;
  }
}

/** Builds the add-in and the stand-in into a temporary folder, serves it and starts Chromium. */
export async function startPaneHarness(): Promise<PaneHarness> {
  // Look for the browser before the build, so that a machine without one fails in seconds.
  const lookup = await findBrowser();
  if (lookup.kind === "missing") throw new Error(lookup.message);
  const work = mkdtempSync(join(tmpdir(), "dti-e2e-"));
  const dist = join(work, "dist");
  execFileSync(process.execPath, [webpackBin, "--mode", "production", "--env", `outDir=${dist}`], {
    cwd: ROOT,
    stdio: "pipe",
  });
  const standIn = buildStandIn(work);
  const server = await serve(dist);
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const browser = await launchBrowserOrClose(server, lookup);

  async function openPane(
    workbook: FakeWorkbook | Fixture,
    displayLanguage = "vi-VN",
  ): Promise<Opened> {
    // 350 px: the user guide's screenshots, and about the narrowest task pane Office shows.
    const context = await browser.newContext({ viewport: { width: 350, height: 900 } });
    const offMachine: string[] = [];
    const dialogs: string[] = [];
    // The host offers what the manifest declares, no more: what the add-in may meet at the least.
    const data = onDeclaredHost(
      workbook instanceof FakeWorkbook ? fixtureOf(workbook, displayLanguage) : workbook,
    );
    const fixture = `window.__DTI_FIXTURE__ = ${JSON.stringify(data)};\n`;
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

  return {
    openPane,
    close: async () => {
      try {
        await browser.close();
      } finally {
        await closeServer(server);
      }
    },
  };
}

/**
 * The workbook an open pane's host holds now, as a reopened pane would find it: cells, markers
 * and saved document settings (unsaved settings are lost, as in Office).
 */
export function workbookOf(opened: Opened): Promise<Fixture> {
  return opened.page.evaluate(() =>
    (window as unknown as { __dtiFixture: () => Fixture }).__dtiFixture(),
  );
}
