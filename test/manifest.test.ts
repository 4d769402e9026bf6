/**
 * Offline structure check of manifest.xml (office-addin-manifest validate needs the network):
 * a tiny XML tokenizer checks well-formedness, then ids, resids, URLs and icons are compared.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { RIBBON_ACTIONS } from "../src/commands/ribbonRun";

interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

/** Parses the XML subset manifests use; throws on anything not well-formed. */
function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  const token =
    /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  let match: RegExpExecArray | null;
  while ((match = token.exec(source))) {
    const [whole, close, open, attrs, selfClosing, text, stray] = match;
    if (stray) throw new Error(`stray "<" at ${match.index}`);
    if (whole.startsWith("<?") || whole.startsWith("<!--")) continue;
    const top = stack[stack.length - 1];
    if (text !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(text))
        throw new Error(`bad entity in ${text}`);
      top.text += text.trim();
    } else if (close) {
      if (top.name !== close) throw new Error(`</${close}> closes <${top.name}>`);
      stack.pop();
    } else if (open) {
      const attributes: Record<string, string> = {};
      for (const a of attrs.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (a[1] in attributes) throw new Error(`duplicate attribute ${a[1]} on <${open}>`);
        attributes[a[1]] = a[2] ?? a[3];
      }
      const element: XmlElement = { name: open, attributes, children: [], text: "" };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  if (root.children.length !== 1) throw new Error("one root element expected");
  return root.children[0];
}

function all(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(all)];
}

const local = (name: string) => name.replace(/^.*:/, "");

/** The product's source, where the APIs of the requirement sets are called. */
function sourceText(dir: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((full) =>
      statSync(full).isDirectory()
        ? sourceText(full)
        : /\.ts$/.test(full)
          ? readFileSync(full, "utf8")
          : "",
    )
    .join("\n");
}
const SOURCES = sourceText(join(__dirname, "..", "src"));

/**
 * The APIs the code calls without checking their set first, and the set each needs (the newest
 * one of a set is what the manifest must declare). APIs used behind isSetSupported are not here.
 */
const UNGUARDED_USES: readonly { set: string; version: string; api: string; pattern: RegExp }[] = [
  {
    set: "SharedRuntime",
    version: "1.1",
    api: "Office.addin.showAsTaskpane",
    pattern: /Office\.addin\.showAsTaskpane\(/,
  },
  {
    set: "CustomFunctionsRuntime",
    version: "1.2",
    api: "CustomFunctions.Error",
    pattern: /new runtime\.Error\(/,
  },
  {
    set: "Settings",
    version: "1.1",
    api: "Office.context.document.settings",
    pattern: /Office\.context\.document\.settings/,
  },
  {
    set: "ExcelApi",
    version: "1.7",
    api: "Worksheet.getRangeByIndexes",
    pattern: /\.getRangeByIndexes\(/,
  },
  {
    set: "ExcelApi",
    version: "1.7",
    api: "Worksheet.freezePanes",
    pattern: /\.freezePanes\.freezeRows\(/,
  },
  { set: "ExcelApi", version: "1.7", api: "Range.hyperlink", pattern: /\.hyperlink = \{/ },
  {
    set: "ExcelApi",
    version: "1.4",
    api: "Worksheet.getUsedRangeOrNullObject",
    pattern: /\.getUsedRangeOrNullObject\(/,
  },
  { set: "ExcelApi", version: "1.1", api: "Excel.run", pattern: /Excel\.run\(/ },
];

/** True when version a is above b, part by part (1.12 is above 1.9). */
function versionAbove(a: string, b: string): boolean {
  const [aMajor, aMinor] = a.split(".").map(Number);
  const [bMajor, bMinor] = b.split(".").map(Number);
  return aMajor > bMajor || (aMajor === bMajor && aMinor > bMinor);
}
const manifestText = readFileSync(join(__dirname, "..", "manifest.xml"), "utf8");
const manifest = parseXml(manifestText);
const elements = all(manifest);
const named = (name: string) => elements.filter((e) => local(e.name) === name);

describe("manifest.xml", () => {
  it("is well-formed XML with an OfficeApp task-pane root", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(manifest.attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(() => parseXml("<a><b></a>")).toThrow();
  });

  it("defines every resid it uses, once", () => {
    const resources = named("Resources")[0];
    const defined = all(resources)
      .filter((e) => e.attributes.id)
      .map((e) => e.attributes.id);
    expect(new Set(defined).size).toBe(defined.length);
    const used = elements.filter((e) => e.attributes.resid).map((e) => e.attributes.resid);
    expect(used.length).toBeGreaterThan(0);
    for (const resid of used) expect(defined).toContain(resid);
  });

  it("gives controls unique ids and runs Rank as the action commands.ts associates", () => {
    const ids = named("Control").map((c) => c.attributes.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(named("FunctionName").map((f) => f.text)).toEqual([RIBBON_ACTIONS.rank]);
    expect(named("Action").map((a) => a.attributes["xsi:type"])).toEqual([
      "ExecuteFunction",
      "ShowTaskpane",
    ]);
    expect(named("OfficeTab")[0].attributes.id).toBe("TabHome");
  });

  it("uses the custom-functions namespace AWARD", () => {
    const namespace = named("Namespace")[0].attributes.resid;
    const value = named("String").find((s) => s.attributes.id === namespace);
    expect(value?.attributes.DefaultValue).toBe("AWARD");
  });

  it("names actions no element of the pane can shadow, looked up only among associated actions", () => {
    const page = readFileSync(join(__dirname, "..", "src", "taskpane", "taskpane.html"), "utf8");
    const pageIds = [...page.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    for (const name of named("FunctionName").map((f) => f.text)) {
      // Office.js walks window.A.B for "A.B": an element id is never the whole dotted name's path.
      expect(name).toMatch(/^[A-Za-z]\w*\.[A-Za-z]\w*$/);
      expect(pageIds).not.toContain(name);
      expect(pageIds).not.toContain(name.split(".")[0]);
    }
    expect(page).toMatch(
      /<script\s+src="https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"\s+data-use-associated-actions-only="1"\s*>/,
    );
  });

  it("requires the shared runtime and points runtime, function file and functions page at one page", () => {
    const sets = named("Set").map((s) => `${s.attributes.Name} ${s.attributes.MinVersion}`);
    expect(sets).toEqual(
      expect.arrayContaining(["SharedRuntime 1.1", "CustomFunctionsRuntime 1.2", "ExcelApi 1.7"]),
    );
    const runtime = named("Runtime")[0];
    expect(runtime.attributes).toMatchObject({ resid: "Taskpane.Url", lifetime: "long" });
    expect(named("FunctionFile")[0].attributes.resid).toBe("Taskpane.Url");
    const page = named("Page")[0].children[0];
    expect(page.attributes.resid).toBe("Taskpane.Url");
  });

  it("puts every URL under one origin, apart from the support placeholder", () => {
    const namespaces = new Set(
      elements.flatMap((e) =>
        Object.entries(e.attributes)
          .filter(([name]) => name === "xmlns" || name.startsWith("xmlns:"))
          .map(([, value]) => value),
      ),
    );
    const urls = [...manifestText.matchAll(/https?:\/\/[^"<\s]+/g)]
      .map((m) => m[0])
      .filter((u) => !namespaces.has(u));
    const support = named("SupportUrl")[0].attributes.DefaultValue;
    expect(support).toBe("https://example.invalid/support");
    const origins = new Set(urls.filter((u) => u !== support).map((u) => new URL(u).origin));
    expect([...origins]).toEqual(["https://localhost:3000"]);
  });

  it("names icons that exist in assets/", () => {
    const icons = [
      ...manifestText.matchAll(/https:\/\/localhost:3000\/(assets\/[^"<]+\.png)/g),
    ].map((m) => m[1]);
    expect(icons.length).toBeGreaterThanOrEqual(4);
    for (const icon of icons) expect(existsSync(join(__dirname, "..", icon))).toBe(true);
    for (const size of [16, 32, 64, 80, 128]) {
      const png = readFileSync(join(__dirname, "..", "assets", `icon-${size}.png`));
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(size);
    }
  });

  it("declares exactly the requirement sets the code uses without a feature check", () => {
    const declared = Object.fromEntries(
      named("Set").map((s) => [s.attributes.Name, s.attributes.MinVersion]),
    );
    const needed: Record<string, string> = {};
    for (const use of UNGUARDED_USES) {
      // Every use listed is really in the code (the table is not a wish list).
      expect({ api: use.api, found: use.pattern.test(SOURCES) }).toEqual({
        api: use.api,
        found: true,
      });
      if (!needed[use.set] || versionAbove(use.version, needed[use.set])) {
        needed[use.set] = use.version;
      }
    }
    expect(declared).toEqual(needed);
    // Newer APIs are used only behind a check of their set.
    for (const version of ["1.9", "1.12"]) {
      expect(SOURCES).toContain(`isSetSupported("ExcelApi", "${version}")`);
    }
  });

  it("lists every declared requirement set, with what uses it, in docs/deployment.md", () => {
    const deployment = readFileSync(join(__dirname, "..", "docs", "deployment.md"), "utf8");
    for (const set of named("Set")) {
      expect(deployment).toContain(`${set.attributes.Name} ${set.attributes.MinVersion}`);
    }
    for (const use of UNGUARDED_USES) expect(deployment).toContain(use.api);
  });

  it("speaks English by default and Vietnamese where Office runs in Vietnamese", () => {
    expect(named("DefaultLocale").map((d) => d.text)).toEqual(["en-US"]);
    const localised = [
      ...named("DisplayName"),
      ...named("Description"),
      ...named("String").filter((s) => s.attributes.id !== "Functions.Namespace"),
    ].filter((e) => e.attributes.DefaultValue !== undefined);
    expect(localised.length).toBeGreaterThan(6);
    for (const element of localised) {
      const overrides = element.children.filter((c) => local(c.name) === "Override");
      expect({
        id: element.attributes.id,
        locales: overrides.map((o) => o.attributes.Locale),
      }).toEqual({ id: element.attributes.id, locales: ["vi-VN"] });
      expect(overrides[0].attributes.Value).toMatch(
        /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i,
      );
    }
  });

  it("serves the custom functions' Vietnamese names and help to Excel in Vietnamese", () => {
    const metadata = named("Url").find((u) => u.attributes.id === "Functions.Metadata.Url");
    expect(metadata?.attributes.DefaultValue).toBe("https://localhost:3000/functions.json");
    expect(metadata?.children.map((o) => [o.attributes.Locale, o.attributes.Value])).toEqual([
      ["vi-VN", "https://localhost:3000/functions-vi.json"],
    ]);
  });

  it("asks for ReadWriteDocument and nothing more", () => {
    expect(named("Permissions").map((p) => p.text)).toEqual(["ReadWriteDocument"]);
  });

  it("names the Department as provider", () => {
    expect(named("ProviderName")[0].text).toBe("Sở Thông tin và Truyền thông thành phố Cần Thơ");
  });
});

describe("the production manifest (npm run build -- --env urlProd=…)", () => {
  // The transform webpack applies when it copies manifest.xml into dist/.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { manifestFor } = require("../webpack.config.js") as {
    manifestFor: (content: string, urlProd?: string) => string;
  };

  it("replaces every development URL, not only the first, and keeps the XML well formed", () => {
    const prod = manifestFor(manifestText, "https://awards.example.gov.vn/dti/");
    expect(prod).not.toContain("localhost");
    const urls = [...prod.matchAll(/https:\/\/[^"<\s]+/g)].map((m) => m[0]);
    const ours = urls.filter((u) => u.includes("awards.example.gov.vn"));
    expect(ours.length).toBeGreaterThan(5);
    expect(ours.every((u) => u.startsWith("https://awards.example.gov.vn"))).toBe(true);
    expect(prod).toContain('DefaultValue="https://awards.example.gov.vn/dti/taskpane.html"');
    expect(() => parseXml(prod)).not.toThrow();
  });

  it("adds the trailing slash a host path needs, and leaves the development manifest as it is", () => {
    expect(manifestFor(manifestText, "https://host.example/path")).toContain(
      "https://host.example/path/taskpane.html",
    );
    expect(manifestFor(manifestText)).toBe(manifestText);
  });
});
