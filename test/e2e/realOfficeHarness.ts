/**
 * The built add-in on the real Office.js library: `office.debug.js` and the Excel host scripts of
 * the `@microsoft/office-js` package answer every request for https://appsforoffice.microsoft.com,
 * the page is served from 127.0.0.1 with its own Content-Security-Policy, and every other request
 * is aborted and recorded. Office.js then runs as in Excel until it waits for a host that is not
 * there: enough to drive its own ribbon dispatcher and custom-function associations, and to see
 * the pane outside Office. Workbook behaviour is tested on the in-memory host (paneHarness.ts).
 */
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync } from "fs";
import type { Server } from "http";
import { tmpdir } from "os";
import { join, normalize } from "path";
import type { Browser, Page } from "playwright-core";
import { findBrowser, launchTestBrowser } from "./findBrowser";
import { ROOT, serve } from "./paneHarness";

const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
export const LIBRARY = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const webpackBin = join(ROOT, "node_modules", "webpack", "bin", "webpack.js");

/** The Excel host scripts of the package the test runs, with the host info Excel gives each. */
export const EXCEL_HOSTS = [
  { platform: "web", script: "excel-web-16.00.debug.js", hostInfo: "Excel$Web$16.00$vi-VN$$$$0" },
  {
    platform: "win32",
    script: "excel-win32-16.01.debug.js",
    hostInfo: "Excel$Win32$16.01$vi-VN$$$$0",
  },
  { platform: "mac", script: "excel-mac-16.00.debug.js", hostInfo: "Excel$Mac$16.00$vi-VN$$$$0" },
] as const;

export interface LibraryPage {
  readonly page: Page;
  /** Files of the package Office.js asked for (all served from node_modules). */
  readonly library: string[];
  /** Requests that left the machine and were aborted (none is allowed). */
  readonly offMachine: string[];
  /** console.warn messages, e.g. Office.js's "[DuplicatedName] Function=…". */
  readonly warnings: string[];
  /** Uncaught errors, with their stacks. */
  readonly errors: string[];
  /** The Content-Security-Policy violations the page reported so far. */
  cspViolations(): Promise<{ directive: string; blocked: string }[]>;
}

export interface RealOfficeHarness {
  /** The built add-in's folder (manifest.xml, functions.json, taskpane.html…). */
  readonly dist: string;
  /**
   * The pane in a new browser context. `hostInfo` is Excel's `_host_Info` (absent: a plain
   * browser); `officeJs: "blocked"` aborts the Office.js request, as a blocking proxy does.
   */
  open(options?: { hostInfo?: string; officeJs?: "real" | "blocked" }): Promise<LibraryPage>;
  close(): Promise<void>;
}

/** Builds the add-in into a temporary folder, serves it and starts Chromium. */
export async function startRealOfficeHarness(): Promise<RealOfficeHarness> {
  // Look for the browser before the build, so that a machine without one fails in seconds.
  const lookup = await findBrowser();
  if (lookup.kind === "missing") throw new Error(lookup.message);
  const dist = join(mkdtempSync(join(tmpdir(), "dti-office-js-")), "dist");
  execFileSync(process.execPath, [webpackBin, "--mode", "production", "--env", `outDir=${dist}`], {
    cwd: ROOT,
    stdio: "pipe",
  });
  const server: Server = await serve(dist);
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  let browser: Browser;
  try {
    browser = await launchTestBrowser(lookup);
  } catch (error) {
    // A browser that does not start must not leave the server open behind it.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }

  async function open(
    options: { hostInfo?: string; officeJs?: "real" | "blocked" } = {},
  ): Promise<LibraryPage> {
    const context = await browser.newContext({ viewport: { width: 350, height: 900 } });
    const library: string[] = [];
    const offMachine: string[] = [];
    const warnings: string[] = [];
    const errors: string[] = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(origin)) return route.continue();
      if (url.startsWith(CDN) && options.officeJs !== "blocked") {
        const path = new URL(url).pathname.slice(new URL(CDN).pathname.length);
        // The page asks for office.js; the debug build is the same library, readable in stacks.
        const file = normalize(path === "office.js" ? "office.debug.js" : path);
        const full = join(LIBRARY, file);
        if (!file.startsWith("..") && existsSync(full)) {
          library.push(file);
          return route.fulfill({ contentType: "text/javascript", body: readFileSync(full) });
        }
      }
      offMachine.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    // Before any script of the page: every CSP violation is recorded.
    await page.addInitScript(() => {
      const seen: { directive: string; blocked: string }[] = [];
      (window as unknown as { __csp: typeof seen }).__csp = seen;
      document.addEventListener("securitypolicyviolation", (event) =>
        seen.push({ directive: event.violatedDirective, blocked: event.blockedURI }),
      );
    });
    page.on("console", (message) => {
      if (message.type() === "warning") warnings.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(`${error.message}\n${error.stack ?? ""}`));
    const query = options.hostInfo ? `?_host_Info=${encodeURIComponent(options.hostInfo)}` : "";
    await page.goto(`${origin}/taskpane.html${query}`);
    return {
      page,
      library,
      offMachine,
      warnings,
      errors,
      cspViolations: () =>
        page.evaluate(
          () => (window as unknown as { __csp: { directive: string; blocked: string }[] }).__csp,
        ),
    };
  }

  return {
    dist,
    open,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
