/**
 * Which Chromium the browser tests drive. Looked for in this order, the first found wins:
 *
 * 1. `DTI_CHROMIUM`, then `CHROME_PATH`: the path of a Chrome or Chromium executable. A path that
 *    is not a file is an error, not a reason to look elsewhere: it was asked for. `DTI_CHROMIUM=npm`
 *    skips the installed browsers and takes the one of step 3.
 * 2. An installed Chrome or Chromium: Debian/Ubuntu (`/usr/bin/chromium`, `chromium-browser`,
 *    `google-chrome`), macOS (`/Applications/...`), Windows (Program Files, Local AppData; Edge last).
 * 3. On Linux x64, the Chromium that the npm package `@sparticuz/chromium` (a devDependency) ships
 *    inside itself, brotli-compressed with the few libraries it needs: inflated once into
 *    `node_modules/.cache/dti-awards-chromium/<version>/`, so `npm ci && npm test` needs no apt.
 *
 * When none is found the tests fail at once with one line saying how to get one.
 */
import { spawnSync } from "child_process";
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "fs";
import { dirname, join, resolve, sep } from "path";
import { pipeline } from "stream/promises";
import { brotliDecompressSync, createBrotliDecompress } from "zlib";
import { chromium, type Browser } from "playwright-core";

export const BROWSER_ENV_VARS = ["DTI_CHROMIUM", "CHROME_PATH"] as const;
/** The value of `DTI_CHROMIUM` that asks for the npm-shipped Chromium only. */
export const NPM_CHROMIUM = "npm";
const NPM_PACKAGE = "@sparticuz/chromium";

/** The one line a developer reads when no browser is found. */
export const HOW_TO_GET_A_BROWSER =
  "install Chrome or Chromium (Debian: apt-get install chromium), or set DTI_CHROMIUM to a " +
  `Chrome/Chromium executable; on Linux x64, npm ci installs one (${NPM_PACKAGE}).`;

/** Flags for a headless test browser on a machine without network or display. */
export const BROWSER_FLAGS = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
] as const;

export interface BrowserFound {
  readonly kind: "found";
  readonly executablePath: string;
  /** Where it came from, for messages: "DTI_CHROMIUM", "installed", "npm". */
  readonly source: string;
  /** Variables the executable needs (the npm-shipped one: its libraries and fonts). */
  readonly env: Readonly<Record<string, string>>;
}
export interface BrowserMissing {
  readonly kind: "missing";
  /** One line: what was wrong and how to get a browser. */
  readonly message: string;
}
export type BrowserLookup = BrowserFound | BrowserMissing;

/** What the lookup asks of the machine; tests give a made-up one. */
export interface BrowserLookupHost {
  readonly platform: NodeJS.Platform;
  readonly arch: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  isFile(path: string): boolean;
  /** The npm-shipped Chromium, ready to run, or null where the package is absent. */
  npmChromium(): Promise<BrowserFound | null>;
}

/**
 * Where Chrome, Chromium or Edge are installed on a platform, in the order they are tried.
 *
 * @example
 * installedBrowserPaths("linux", {})[0] //=> "/usr/bin/chromium"
 */
export function installedBrowserPaths(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): string[] {
  if (platform === "linux") {
    return [
      "/usr/bin/chromium",
      "/usr/bin/chromium-browser",
      "/usr/bin/google-chrome",
      "/usr/bin/google-chrome-stable",
    ];
  }
  if (platform === "darwin") {
    const apps = [
      "Google Chrome.app/Contents/MacOS/Google Chrome",
      "Chromium.app/Contents/MacOS/Chromium",
      "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ];
    const home = env.HOME ? [join(env.HOME, "Applications")] : [];
    return apps.flatMap((app) => ["/Applications", ...home].map((dir) => `${dir}/${app}`));
  }
  if (platform === "win32") {
    const roots = [env.PROGRAMFILES, env["PROGRAMFILES(X86)"], env.LOCALAPPDATA].filter(
      (root): root is string => Boolean(root),
    );
    const under = (tail: string) => roots.map((root) => `${root}\\${tail}`);
    return [
      ...under("Google\\Chrome\\Application\\chrome.exe"),
      ...under("Chromium\\Application\\chrome.exe"),
      ...under("Microsoft\\Edge\\Application\\msedge.exe"),
    ];
  }
  return [];
}

/**
 * Finds a browser for the tests (see the order at the top of this file).
 *
 * @example
 * await findBrowser({ ...host, env: { DTI_CHROMIUM: "/opt/chrome/chrome" } })
 * //=> { kind: "found", executablePath: "/opt/chrome/chrome", source: "DTI_CHROMIUM", env: {} }
 */
export async function findBrowser(host: BrowserLookupHost = realHost()): Promise<BrowserLookup> {
  let npmOnly = false;
  for (const name of BROWSER_ENV_VARS) {
    const value = host.env[name]?.trim();
    if (!value) continue;
    if (name === "DTI_CHROMIUM" && value === NPM_CHROMIUM) {
      npmOnly = true;
      break;
    }
    if (host.isFile(value)) return { kind: "found", executablePath: value, source: name, env: {} };
    return {
      kind: "missing",
      message: `No browser for the browser tests: ${name}=${value} is not a file; ${HOW_TO_GET_A_BROWSER}`,
    };
  }
  if (!npmOnly) {
    const installed = installedBrowserPaths(host.platform, host.env).find((p) => host.isFile(p));
    if (installed)
      return { kind: "found", executablePath: installed, source: "installed", env: {} };
  }
  if (host.platform === "linux" && host.arch === "x64") {
    const shipped = await host.npmChromium();
    if (shipped) return shipped;
  }
  const tried = npmOnly ? `DTI_CHROMIUM=${NPM_CHROMIUM}: no ${NPM_PACKAGE}` : "none found";
  return {
    kind: "missing",
    message: `No browser for the browser tests (${tried}): ${HOW_TO_GET_A_BROWSER}`,
  };
}

/** The lookup on this machine.
 *
 * @example
 * (await findBrowser(realHost())).kind //=> "found" on a machine with Chromium
 */
export function realHost(): BrowserLookupHost {
  return {
    platform: process.platform,
    arch: process.arch,
    env: process.env,
    isFile: (path) => {
      try {
        return statSync(path).isFile();
      } catch {
        return false;
      }
    },
    npmChromium: () => npmShippedChromium(join(__dirname, "..", "..")),
  };
}

/**
 * Finds a browser, starts it headless and returns it; throws the one-line reason when there is
 * none or it does not start within 30 s.
 *
 * @example
 * const browser = await launchTestBrowser();
 */
export async function launchTestBrowser(found?: BrowserLookup): Promise<Browser> {
  const lookup = found ?? (await findBrowser());
  if (lookup.kind === "missing") throw new Error(lookup.message);
  try {
    return await chromium.launch({
      executablePath: lookup.executablePath,
      args: [...BROWSER_FLAGS],
      env: { ...process.env, ...lookup.env },
      timeout: 30_000,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new Error(
      `The browser ${lookup.executablePath} (${lookup.source}) did not start: ${reason}`,
    );
  }
}

/** The folder of an installed npm package, or null; found from its entry point. */
function packageDir(name: string, from: string): string | null {
  let entry: string;
  try {
    entry = require.resolve(name, { paths: [from] });
  } catch {
    return null;
  }
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === name) {
      return dir;
    }
  }
  return null;
}

/**
 * The entries of a tar archive written under `dest`: regular files and folders only, none outside
 * `dest` (the archive comes from a package, but a path is still checked before it is written).
 *
 * @example
 * extractTar(brotliDecompressSync(readFileSync("fonts.tar.br")), "/tmp/x")
 * //=> ["/tmp/x/fonts.conf", "/tmp/x/fonts/Open_Sans/OpenSans-Bold.ttf", …]
 */
export function extractTar(tar: Buffer, dest: string): string[] {
  const root = resolve(dest);
  const written: string[] = [];
  for (let at = 0; at + 512 <= tar.length;) {
    const header = tar.subarray(at, at + 512);
    if (header.every((byte) => byte === 0)) break;
    const text = (from: number, to: number) =>
      header.subarray(from, to).toString("utf8").replace(/\0.*$/s, "");
    const prefix = text(345, 500);
    const name = prefix ? `${prefix}/${text(0, 100)}` : text(0, 100);
    const size = parseInt(text(124, 136).trim() || "0", 8);
    const type = text(156, 157);
    const target = resolve(root, name);
    if (target !== root && !target.startsWith(root + sep)) {
      throw new Error(`tar entry outside its folder: ${name}`);
    }
    if (type === "5") mkdirSync(target, { recursive: true });
    else if (type === "0" || type === "") {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, tar.subarray(at + 512, at + 512 + size), {
        mode: parseInt(text(100, 108).trim() || "644", 8) & 0o755,
      });
      written.push(target);
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return written;
}

/** A fontconfig file: the system's fonts when there are any, and the package's own. */
function fontConfig(fontsDir: string, cacheDir: string): string {
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    "<fontconfig>",
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    `  <dir>${fontsDir}</dir>`,
    `  <cachedir>${cacheDir}</cachedir>`,
    "</fontconfig>",
    "",
  ].join("\n");
}

/**
 * The Chromium `@sparticuz/chromium` ships, inflated once under `node_modules/.cache/` of the
 * project (a new version gets a new folder); null when the package is not installed. Several test
 * files may ask at once: each inflates into a folder of its own and renames it into place.
 *
 * @example
 * (await npmShippedChromium("/work/dti-awards"))?.executablePath
 * //=> "/work/dti-awards/node_modules/.cache/dti-awards-chromium/143.0.4/chromium"
 */
export async function npmShippedChromium(projectDir: string): Promise<BrowserFound | null> {
  const pkg = packageDir(NPM_PACKAGE, projectDir);
  if (!pkg) return null;
  const version = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).version as string;
  const home = join(projectDir, "node_modules", ".cache", "dti-awards-chromium");
  const ready = join(home, version);
  if (!existsSync(join(ready, "chromium"))) {
    const work = `${ready}.${process.pid}.${Date.now()}`;
    mkdirSync(work, { recursive: true });
    try {
      await pipeline(
        createReadStream(join(pkg, "bin", "chromium.br")),
        createBrotliDecompress(),
        createWriteStream(join(work, "chromium"), { mode: 0o755 }),
      );
      for (const archive of ["al2023.tar.br", "fonts.tar.br"]) {
        extractTar(brotliDecompressSync(readFileSync(join(pkg, "bin", archive))), work);
      }
      writeFileSync(
        join(work, "fonts.conf"),
        fontConfig(join(ready, "fonts"), join(ready, "fonts-cache")),
      );
      renameSync(work, ready);
    } catch (error) {
      rmSync(work, { recursive: true, force: true });
      // Another test file renamed its copy into place first: use that one.
      if (!existsSync(join(ready, "chromium"))) throw error;
    }
  }
  const libraries = join(ready, "lib");
  return {
    kind: "found",
    executablePath: join(ready, "chromium"),
    source: "npm",
    env: {
      LD_LIBRARY_PATH: [libraries, process.env.LD_LIBRARY_PATH].filter(Boolean).join(":"),
      FONTCONFIG_FILE: join(ready, "fonts.conf"),
    },
  };
}

/** The version line of a browser executable, or null when it does not run (a quick sanity check).
 *
 * @example
 * browserVersion(found) //=> "Chromium 143.0.7499.0"
 */
export function browserVersion(found: BrowserFound): string | null {
  const run = spawnSync(found.executablePath, ["--version"], {
    env: { ...process.env, ...found.env },
    encoding: "utf8",
    timeout: 15_000,
  });
  return run.status === 0 ? run.stdout.trim() : null;
}
