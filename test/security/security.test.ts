/**
 * The security review of docs/security.md, as tests: what the page may load, what the workbook
 * keeps in its settings, and that no HTML sink exists in the product's code.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { saveMapping } from "../../src/excel/mapping";
import { MAPPING_SETTING } from "../../src/excel/marker";
import { rankInExcel } from "../../src/excel/rankInExcel";
import { domainEngine } from "../../src/excel/engine";
import { FakeWorkbook, installOfficeGlobals, removeOfficeGlobals } from "../excel/fakeExcel";
import { fakeFromFile, EXAMPLE_WORKBOOK } from "../excel/loadWorkbook";

const ROOT = path.resolve(__dirname, "../..");
const PAGE = readFileSync(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8");

function cspDirectives(html: string): Map<string, string[]> {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (!meta) throw new Error("no Content-Security-Policy meta tag");
  return new Map(
    meta[1]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0] !== "")
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe("the task pane page's network policy", () => {
  const csp = cspDirectives(PAGE);

  it("denies everything by default and allows scripts only from itself and the Office.js host", () => {
    expect(csp.get("default-src")).toEqual(["'none'"]);
    expect(csp.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
  });

  it("allows no connection, frame, form or base URI beyond itself and Office.js", () => {
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    for (const sources of csp.values()) {
      for (const source of sources) {
        expect(["'self'", "'none'", "data:", "https://appsforoffice.microsoft.com"]).toContain(
          source,
        );
      }
    }
  });

  it("allows no inline or evaluated script", () => {
    expect(PAGE).not.toMatch(/unsafe-inline|unsafe-eval/);
    const inline = [...PAGE.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)];
    expect(inline).toEqual([]);
  });

  it("loads Office.js as its only external script", () => {
    const external = [...PAGE.matchAll(/<script[^>]*\bsrc="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(external).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
  });
});

describe("what the workbook keeps in its document settings", () => {
  afterEach(() => removeOfficeGlobals());

  it("keeps only the sheet, header row, year, columns and bloc of a mapping, never cell values", async () => {
    const host = new FakeWorkbook();
    installOfficeGlobals(host);
    const smuggled = {
      sheet: "DTI 2023",
      headerRow: 7,
      year: 2023,
      columns: { unit: "Tên cơ quan, đơn vị", score: "D", person: "Nguyễn Văn An" },
      bloc: 3,
      values: [["Nguyễn Văn An", "Chuyên viên"]],
    };
    await saveMapping(smuggled as never);
    expect(Object.fromEntries(host.settings)).toEqual({
      [MAPPING_SETTING]: {
        sheet: "DTI 2023",
        headerRow: 7,
        year: 2023,
        columns: { unit: "Tên cơ quan, đơn vị", score: "D" },
        bloc: 3,
      },
    });
  });

  it("stores nothing at all when a Rank runs on a host with worksheet custom properties", async () => {
    const host = await fakeFromFile(EXAMPLE_WORKBOOK);
    installOfficeGlobals(host);
    await rankInExcel({ options: { decisionDate: "2024-03-31" }, lang: "vi" }, domainEngine);
    expect([...host.settings.keys()]).toEqual([]);
  });
});

describe("the product's code", () => {
  function sourceFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? sourceFiles(full) : /\.ts$/.test(name) ? [full] : [];
    });
  }

  it("has no HTML sink: the lint rule that forbids them is on and finds none", async () => {
    // ESLint's flat config is an ES module: run the real command, as `npm test` does.
    const probe = spawnSync(
      process.execPath,
      [
        path.join(ROOT, "node_modules/eslint/bin/eslint.js"),
        "--format",
        "json",
        "--stdin",
        "--stdin-filename",
        "src/taskpane/probe.ts",
      ],
      {
        cwd: ROOT,
        input: "export function show(el: HTMLElement, name: string) { el.innerHTML = name; }\n",
        encoding: "utf8",
      },
    );
    const report = JSON.parse(probe.stdout) as { messages: { ruleId: string }[] }[];
    expect(report[0].messages.map((m) => m.ruleId)).toContain("no-restricted-properties");
    const files = sourceFiles(path.join(ROOT, "src"));
    expect(files.length).toBeGreaterThan(20);
    const text = files.map((f) => readFileSync(f, "utf8")).join("\n");
    expect(text).not.toMatch(/\.(innerHTML|outerHTML|insertAdjacentHTML)\b|document\.write\(/);
  }, 60_000);
});
