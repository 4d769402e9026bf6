/**
 * The built add-in with the real Office.js library of `@microsoft/office-js` (office.debug.js and
 * the Excel host scripts for the web, Windows and Mac), in headless Chromium with the network
 * blocked. What only the library can tell: that the ribbon's actions reach the add-in through its
 * own dispatcher, that each custom function is associated once, that the page's CSP lets it run,
 * and what the pane shows where there is no Office at all.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { seriousViolations } from "./axe";
import { functionNames } from "./manifestFacts";
import { screenshotDir } from "./paneHarness";
import {
  EXCEL_HOSTS,
  startRealOfficeHarness,
  type LibraryPage,
  type RealOfficeHarness,
} from "./realOfficeHarness";

jest.setTimeout(120_000);

let harness: RealOfficeHarness;

beforeAll(async () => {
  harness = await startRealOfficeHarness();
});

afterAll(async () => {
  await harness?.close();
});

const builtManifest = (): string => readFileSync(join(harness.dist, "manifest.xml"), "utf8");
const functionIds = (file: string): string[] =>
  (
    JSON.parse(readFileSync(join(harness.dist, file), "utf8")) as { functions: { id: string }[] }
  ).functions.map((f) => f.id);

/** Waits until the host script has loaded and the add-in's bundle has run. */
async function libraryLoaded(opened: LibraryPage, functionCount: number): Promise<void> {
  await opened.page.waitForFunction((count) => {
    const w = window as unknown as {
      OfficeExt?: { AppCommand?: { AppCommandManager?: unknown } };
      CustomFunctions?: { _association?: { mappings: object } };
    };
    return (
      typeof w.OfficeExt?.AppCommand?.AppCommandManager === "function" &&
      Object.keys(w.CustomFunctions?._association?.mappings ?? {}).length >= count
    );
  }, functionCount);
}

/** The add-in's own uncaught errors (the library's, waiting for a host that is not there, aside). */
const ownErrors = (opened: LibraryPage): string[] =>
  opened.errors.filter((e) => /\/app\.js/.test(e));

interface Dispatch {
  readonly useAssociatedActionsOnly: boolean;
  readonly verified: number;
  readonly callback: string;
  /** The result code the library reported to Office when the add-in called event.completed(). */
  readonly completed: number | null;
  /** What the add-in's action told the pane (it ran). */
  readonly ribbonRuns: number;
}

/**
 * Runs a `<FunctionName>` through Office.js's ribbon dispatcher, as a click on the button does:
 * `_verifyManifestCallback` finds the function, `_processAppCommandInvocation` builds the event
 * and calls it; the call back to Office (no Office here) is recorded instead of sent.
 */
function dispatch(opened: LibraryPage, name: string): Promise<Dispatch> {
  return opened.page.evaluate(
    (action) =>
      new Promise<Dispatch>((resolve) => {
        type Manager = {
          _getUseAssociatedActionsOnly(): boolean;
          _verifyManifestCallback(name: string): { callback: unknown; errorCode: number };
          _processAppCommandInvocation(args: object): void;
          _invokeAppCommandCompletedMethod(id: string, code: number, data: string): void;
        };
        const ext = (
          window as unknown as {
            OfficeExt: { AppCommand: { AppCommandManager: new () => Manager } };
          }
        ).OfficeExt;
        const manager = new ext.AppCommand.AppCommandManager();
        const verify = manager._verifyManifestCallback(action);
        let ribbonRuns = 0;
        window.addEventListener("dti-awards:ribbon-run", () => (ribbonRuns += 1));
        const finish = (completed: number | null) =>
          resolve({
            useAssociatedActionsOnly: manager._getUseAssociatedActionsOnly(),
            verified: verify.errorCode,
            callback: typeof verify.callback,
            completed,
            ribbonRuns,
          });
        manager._invokeAppCommandCompletedMethod = (_id, code) => finish(code);
        manager._processAppCommandInvocation({
          appCommandId: "test-click",
          callbackName: action,
          eventObjStr: JSON.stringify({ source: { id: action } }),
        });
        setTimeout(() => finish(null), 20_000);
      }),
    name,
  );
}

describe.each(EXCEL_HOSTS)("the add-in on Office.js with $script", ({ hostInfo, script }) => {
  it("dispatches every <FunctionName> of the built manifest to the add-in through Office.js's ribbon dispatcher", async () => {
    const opened = await harness.open({ hostInfo });
    await libraryLoaded(opened, functionIds("functions.json").length);
    const names = functionNames(builtManifest());
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const result = await dispatch(opened, name);
      expect({ name, ...result }).toEqual({
        name,
        useAssociatedActionsOnly: true,
        verified: 0,
        callback: "function",
        // The add-in's action ran (no workbook here: it reports why) and released the button.
        completed: 0,
        ribbonRuns: 1,
      });
    }
    // An element named like an action cannot shadow it (the trap of the first release).
    await opened.page.evaluate((all) => {
      for (const name of all) {
        for (const id of [name, name.split(".")[0]]) {
          const shadow = document.createElement("button");
          shadow.id = id;
          document.body.append(shadow);
        }
      }
    }, names);
    for (const name of names) expect((await dispatch(opened, name)).verified).toBe(0);
    expect(ownErrors(opened)).toEqual([]);
    await opened.page.context().close();
  });

  it("associates every id of functions.json exactly once, with no DuplicatedName warning", async () => {
    const ids = functionIds("functions.json");
    // The Vietnamese metadata names the same functions.
    expect(functionIds("functions-vi.json")).toEqual(ids);
    const opened = await harness.open({ hostInfo });
    await libraryLoaded(opened, ids.length);
    const associated = await opened.page.evaluate(() => {
      const mappings = (
        window as unknown as {
          CustomFunctions: { _association: { mappings: Record<string, unknown> } };
        }
      ).CustomFunctions._association.mappings;
      return Object.entries(mappings).map(([id, fn]) => [id, typeof fn]);
    });
    expect(associated.sort()).toEqual(ids.map((id) => [id.toUpperCase(), "function"]).sort());
    expect(opened.warnings.filter((w) => /DuplicatedName|InvalidArg/.test(w))).toEqual([]);
    expect(ownErrors(opened)).toEqual([]);
    await opened.page.context().close();
  });

  it("runs the functions on the library's CustomFunctions runtime: numbers, and #VALUE! with a message", async () => {
    const opened = await harness.open({ hostInfo });
    await libraryLoaded(opened, functionIds("functions.json").length);
    const results = await opened.page.evaluate(() => {
      const cf = (
        window as unknown as {
          CustomFunctions: {
            Error: new (...args: unknown[]) => { code: string; message?: string };
            _association: { mappings: Record<string, (...args: unknown[]) => unknown> };
          };
        }
      ).CustomFunctions;
      const bad = cf._association.mappings.SLOTS(9, 2025) as { code: string; message?: string };
      return {
        six: cf._association.mappings.SLOTS(3, 2025),
        isError: bad instanceof cf.Error,
        code: bad.code,
        message: bad.message ?? "",
      };
    });
    expect(results.six).toBe(6);
    expect(results.isError).toBe(true);
    expect(results.code).toBe("#VALUE!");
    expect(results.message).toMatch(/Khối 9 .* \/ Bloc 9 /);
    await opened.page.context().close();
  });

  it(`lets the library run under the pane's Content-Security-Policy, with no other request (${script})`, async () => {
    const opened = await harness.open({ hostInfo });
    await libraryLoaded(opened, functionIds("functions.json").length);
    expect(opened.library).toEqual(
      expect.arrayContaining(["office.debug.js", script, "vi-vn/office_strings.debug.js"]),
    );
    expect(await opened.cspViolations()).toEqual([]);
    expect(opened.offMachine).toEqual([]);
    expect(ownErrors(opened)).toEqual([]);
    await opened.page.context().close();
  });
});

describe("the pane where there is no Office", () => {
  it("shows its labels and says what to do when the page is opened in a browser", async () => {
    const opened = await harness.open();
    const { page } = opened;
    await page.waitForSelector("body[data-ready='failed']");
    expect(await page.textContent("#rank-button")).toBe("Xếp hạng");
    expect(await page.textContent("#decision-date-label")).toBe("Ngày quyết định khen thưởng");
    expect(await page.isDisabled("#rank-button")).toBe(true);
    const error = (await page.textContent("#error")) ?? "";
    expect(error).toContain("mở trong trình duyệt thì không có sổ làm việc nào để xếp hạng");
    expect(error).toContain("bấm “Mở bảng”");
    expect(error).toContain("OUTSIDE-OFFICE");
    expect(await page.getAttribute("#error a", "href")).toMatch(/^https:\/\//);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({
      path: join(screenshotDir(), "taskpane-outside-office.png"),
      fullPage: true,
    });
    // A plain browser makes Office.js try its Office 2013 telemetry frame: the CSP blocks it
    // before any request leaves, and nothing else is blocked. Chromium reports the blocked frame
    // by its origin or by its whole address, depending on its version.
    const blocked = await opened.cspViolations();
    for (const violation of blocked) {
      expect(violation).toEqual(
        expect.objectContaining({
          blocked: expect.stringMatching(
            /^(https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com(?:\/|$)|inline)/,
          ),
        }),
      );
    }
    expect(opened.offMachine).toEqual([]);
    expect(ownErrors(opened)).toEqual([]);
    await page.context().close();
  });

  it("shows its labels and says what to do when Office.js cannot be loaded", async () => {
    const opened = await harness.open({ officeJs: "blocked" });
    const { page } = opened;
    await page.waitForSelector("body[data-ready='failed']");
    expect(await page.textContent("#rank-button")).toBe("Xếp hạng");
    const error = (await page.textContent("#error")) ?? "";
    expect(error).toContain("Không tải được thư viện Office.js");
    expect(error).toContain("cho phép https://appsforoffice.microsoft.com");
    expect(error).toContain("OFFICE-JS-MISSING");
    expect(await seriousViolations(page)).toEqual([]);
    await page.click("#lang");
    expect(await page.textContent("#error")).toContain("Office.js could not be loaded");
    // The one request that failed is the one a blocking proxy refuses.
    expect(opened.offMachine).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
    ]);
    expect(ownErrors(opened)).toEqual([]);
    await page.context().close();
  });
});
