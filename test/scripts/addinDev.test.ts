import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { documentArgument, main, planStart } from "../../scripts/addinDev";
import { statePath } from "../../scripts/devServerProcess";

const ROOT = join(__dirname, "..", "..");
const manifestXml = readFileSync(join(ROOT, "manifest.xml"), "utf8");

describe("planStart", () => {
  it("refuses Excel desktop on Linux with exit 1, pointing to Excel on the web", () => {
    const plan = planStart({
      platform: "linux",
      target: "desktop",
      document: undefined,
      manifestXml,
    });
    expect(plan.kind).toBe("refuse");
    if (plan.kind !== "refuse") return;
    expect(plan.exitCode).toBe(1);
    const text = plan.lines.join("\n");
    expect(text).toContain("does not run on Linux");
    expect(text).toContain("npm run start:web -- --document");
    expect(text).toContain("Home > Add-ins > More Settings");
    expect(text).toContain("Upload My Add-in");
    expect(plan.lines[plan.lines.length - 1]).toBe("Nothing was started.");
  });

  it.each(["win32", "darwin"] as const)("sideloads into Excel desktop on %s", (platform) => {
    expect(planStart({ platform, target: "desktop", document: undefined, manifestXml })).toEqual({
      kind: "desktop",
    });
  });

  it("builds the Excel on the web address before anything starts", () => {
    const plan = planStart({
      platform: "linux",
      target: "web",
      document: "https://x.example/Book.xlsx",
      manifestXml,
    });
    expect(plan.kind === "web" && plan.url).toMatch(
      /^https:\/\/x\.example\/Book\.xlsx\?wdaddindevserverport=3000&wdaddinmanifestfile=manifest\.xml&wdaddinmanifestguid=[0-9a-f-]{36}$/,
    );
  });

  it("refuses with exit 2 a web start without a workbook, or with a bad address", () => {
    const none = planStart({ platform: "linux", target: "web", document: undefined, manifestXml });
    expect(none).toMatchObject({ kind: "refuse", exitCode: 2 });
    const bad = planStart({ platform: "linux", target: "web", document: "Book.xlsx", manifestXml });
    expect(bad).toMatchObject({ kind: "refuse", exitCode: 2 });
    expect(bad.kind === "refuse" && bad.lines[0]).toContain("is not a web address");
  });
});

describe("documentArgument", () => {
  it("reads --document URL and --document=URL", () => {
    expect(documentArgument(["web", "--document", "https://x/B.xlsx?a=1"])).toBe(
      "https://x/B.xlsx?a=1",
    );
    expect(documentArgument(["web", "--document=https://x/B.xlsx"])).toBe("https://x/B.xlsx");
    expect(documentArgument(["web"])).toBeUndefined();
  });
});

describe("addinDev main", () => {
  it("on Linux, npm start says what to do instead, exits 1 and starts no server", async () => {
    const recorded = existsSync(statePath(ROOT));
    const said: string[] = [];
    const complained: string[] = [];
    const code = await main(["start", "desktop"], {
      platform: "linux",
      say: (line) => said.push(line),
      complain: (line) => complained.push(line),
    });
    expect(code).toBe(1);
    expect(said).toEqual([]);
    expect(complained.join("\n")).toContain("npm run start:web");
    expect(existsSync(statePath(ROOT))).toBe(recorded);
  });

  it("answers an unknown command with its usage and exit 2", async () => {
    const complained: string[] = [];
    expect(await main(["launch"], { complain: (line) => complained.push(line) })).toBe(2);
    expect(complained[0]).toContain("start desktop | start web --document <URL> | stop");
  });
});
