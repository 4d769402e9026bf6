import { mkdirSync, mkdtempSync, existsSync, readFileSync, readdirSync, symlinkSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { chromium } from "playwright-core";
import {
  HOW_TO_GET_A_BROWSER,
  browserVersion,
  extractTar,
  findBrowser,
  installedBrowserPaths,
  launchTestBrowser,
  npmShippedChromium,
  type BrowserFound,
  type BrowserLookupHost,
} from "./findBrowser";

const ROOT = join(__dirname, "..", "..");
const SHIPPED: BrowserFound = {
  kind: "found",
  executablePath: "/project/node_modules/.cache/dti-awards-chromium/143.0.4/chromium",
  source: "npm",
  env: { LD_LIBRARY_PATH: "/project/node_modules/.cache/dti-awards-chromium/143.0.4/lib" },
};

/** A machine with these files, these variables and, unless told, the npm-shipped Chromium. */
function host(
  files: readonly string[],
  env: Record<string, string> = {},
  options: Partial<Pick<BrowserLookupHost, "platform" | "arch">> & { shipped?: boolean } = {},
): BrowserLookupHost & { npmAsked: () => number } {
  let asked = 0;
  return {
    platform: options.platform ?? "linux",
    arch: options.arch ?? "x64",
    env,
    isFile: (path) => files.includes(path),
    npmChromium: async () => {
      asked += 1;
      return options.shipped === false ? null : SHIPPED;
    },
    npmAsked: () => asked,
  };
}

/** A tar archive of [name, content] files (content null: a folder), as `tar` writes it. */
function tarOf(entries: readonly (readonly [string, string | null])[]): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, content] of entries) {
    const header = Buffer.alloc(512);
    header.write(name, 0, "utf8");
    header.write(content === null ? "0000755\0" : "0000644\0", 100);
    const body = Buffer.from(content ?? "", "utf8");
    header.write(`${body.length.toString(8).padStart(11, "0")}\0`, 124);
    header.write(content === null ? "5" : "0", 156);
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  return Buffer.concat([...blocks, Buffer.alloc(1024)]);
}

describe("installedBrowserPaths", () => {
  it("tries Debian's Chromium first on Linux, then Ubuntu's and Google's", () => {
    expect(installedBrowserPaths("linux", {})).toEqual([
      "/usr/bin/chromium",
      "/usr/bin/chromium-browser",
      "/usr/bin/google-chrome",
      "/usr/bin/google-chrome-stable",
    ]);
  });

  it("looks in /Applications and ~/Applications on macOS, Chrome first", () => {
    const paths = installedBrowserPaths("darwin", { HOME: "/Users/lan" });
    expect(paths[0]).toBe("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
    expect(paths).toContain("/Users/lan/Applications/Chromium.app/Contents/MacOS/Chromium");
  });

  it("looks under Program Files and Local AppData on Windows, Edge last", () => {
    const paths = installedBrowserPaths("win32", {
      PROGRAMFILES: "C:\\Program Files",
      "PROGRAMFILES(X86)": "C:\\Program Files (x86)",
      LOCALAPPDATA: "C:\\Users\\lan\\AppData\\Local",
    });
    expect(paths[0]).toBe("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe");
    expect(paths).toContain(
      "C:\\Users\\lan\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe",
    );
    expect(paths[paths.length - 1]).toBe(
      "C:\\Users\\lan\\AppData\\Local\\Microsoft\\Edge\\Application\\msedge.exe",
    );
  });
});

describe("findBrowser", () => {
  it("takes DTI_CHROMIUM first, before CHROME_PATH and the installed browsers", async () => {
    const machine = host(["/opt/chrome/chrome", "/usr/bin/chromium", "/opt/other"], {
      DTI_CHROMIUM: "/opt/chrome/chrome",
      CHROME_PATH: "/opt/other",
    });
    expect(await findBrowser(machine)).toEqual({
      kind: "found",
      executablePath: "/opt/chrome/chrome",
      source: "DTI_CHROMIUM",
      env: {},
    });
    expect(machine.npmAsked()).toBe(0);
  });

  it("takes CHROME_PATH when DTI_CHROMIUM is not set", async () => {
    const found = await findBrowser(host(["/opt/other"], { CHROME_PATH: "/opt/other" }));
    expect(found).toMatchObject({ executablePath: "/opt/other", source: "CHROME_PATH" });
  });

  it("refuses a variable that names no file instead of quietly using another browser", async () => {
    const found = await findBrowser(host(["/usr/bin/chromium"], { DTI_CHROMIUM: "/opt/gone" }));
    expect(found.kind).toBe("missing");
    if (found.kind === "missing") {
      expect(found.message).toContain("DTI_CHROMIUM=/opt/gone is not a file");
      expect(found.message).not.toContain("\n");
    }
  });

  it("takes the first installed browser in the documented order", async () => {
    const found = await findBrowser(host(["/usr/bin/google-chrome", "/usr/bin/chromium-browser"]));
    expect(found).toMatchObject({ executablePath: "/usr/bin/chromium-browser" });
  });

  it("falls back to the npm-shipped Chromium on Linux x64 when none is installed", async () => {
    expect(await findBrowser(host([]))).toBe(SHIPPED);
  });

  it("takes the npm-shipped Chromium with DTI_CHROMIUM=npm even when one is installed", async () => {
    expect(await findBrowser(host(["/usr/bin/chromium"], { DTI_CHROMIUM: "npm" }))).toBe(SHIPPED);
  });

  it("does not offer the x64 binary on other processors", async () => {
    const machine = host([], {}, { arch: "arm64" });
    expect((await findBrowser(machine)).kind).toBe("missing");
    expect(machine.npmAsked()).toBe(0);
  });

  it("says in one line how to get a browser when there is none", async () => {
    const found = await findBrowser(host([], {}, { shipped: false }));
    expect(found).toEqual({
      kind: "missing",
      message: `No browser for the browser tests (none found): ${HOW_TO_GET_A_BROWSER}`,
    });
    if (found.kind === "missing") {
      expect(found.message).toContain("apt-get install chromium");
      expect(found.message).toContain("DTI_CHROMIUM");
      expect(found.message).not.toContain("\n");
    }
  });
});

describe("launchTestBrowser", () => {
  it("fails with the lookup's line, without trying to start anything, when there is no browser", async () => {
    const launch = jest.spyOn(chromium, "launch");
    try {
      await expect(
        launchTestBrowser({ kind: "missing", message: "No browser for the browser tests: x" }),
      ).rejects.toThrow("No browser for the browser tests: x");
      expect(launch).not.toHaveBeenCalled();
    } finally {
      launch.mockRestore();
    }
  });

  it("names the executable that did not start", async () => {
    const notABrowser = join(mkdtempSync(join(tmpdir(), "dti-browser-")), "chrome");
    await expect(
      launchTestBrowser({
        kind: "found",
        executablePath: notABrowser,
        source: "CHROME_PATH",
        env: {},
      }),
    ).rejects.toThrow(`The browser ${notABrowser} (CHROME_PATH) did not start`);
  });
});

describe("extractTar", () => {
  it("writes the archive's folders and files under the target folder", () => {
    const dest = mkdtempSync(join(tmpdir(), "dti-tar-"));
    const written = extractTar(
      tarOf([
        ["lib/", null],
        ["lib/libnss3.so", "ELF"],
        ["fonts.conf", "<fontconfig/>"],
      ]),
      dest,
    );
    expect(written).toEqual([join(dest, "lib", "libnss3.so"), join(dest, "fonts.conf")]);
    expect(readFileSync(join(dest, "lib", "libnss3.so"), "utf8")).toBe("ELF");
  });

  it("refuses an entry that would land outside the target folder", () => {
    const dest = mkdtempSync(join(tmpdir(), "dti-tar-"));
    expect(() => extractTar(tarOf([["../escaped", "x"]]), dest)).toThrow(/outside its folder/);
    expect(existsSync(join(dirname(dest), "escaped"))).toBe(false);
  });
});

const onLinuxX64 = process.platform === "linux" && process.arch === "x64";
// The package ships a Linux x64 binary only; elsewhere findBrowser never asks for it (see above).
(onLinuxX64 ? describe : describe.skip)("the npm-shipped Chromium (Linux x64)", () => {
  it("is inflated once, by one of several callers at the same time, and runs", async () => {
    // A project of its own, so that this test inflates from scratch and leaves the real cache alone.
    const project = mkdtempSync(join(tmpdir(), "dti-shipped-"));
    mkdirSync(join(project, "node_modules", "@sparticuz"), { recursive: true });
    symlinkSync(
      join(ROOT, "node_modules", "@sparticuz", "chromium"),
      join(project, "node_modules", "@sparticuz", "chromium"),
    );
    const [one, two] = await Promise.all([
      npmShippedChromium(project),
      npmShippedChromium(project),
    ]);
    expect(one).toEqual(two);
    expect(one?.executablePath.startsWith(join(project, "node_modules", ".cache"))).toBe(true);
    // The losing caller's work folder is gone: only the version's folder is left.
    expect(readdirSync(join(project, "node_modules", ".cache", "dti-awards-chromium"))).toEqual([
      JSON.parse(readFileSync(join(ROOT, "node_modules/@sparticuz/chromium/package.json"), "utf8"))
        .version,
    ]);
    expect(browserVersion(one as BrowserFound)).toMatch(/^Chromium \d+\./);
  }, 60_000);
});
