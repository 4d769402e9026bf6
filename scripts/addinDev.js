#!/usr/bin/env node
// @ts-check
/**
 * The developer loop's commands:
 *   npm start                               → sideload into Excel desktop (Windows, macOS)
 *   npm run start:web -- --document <URL>   → the dev server, then the workbook in Excel on the web
 *   npm stop                                → end what start left running
 * On Linux, where Excel desktop does not run, `npm start` says what to do instead, starts
 * nothing and exits 1. The web sideload address is built here (sideloadUrl.js) because Office's
 * tooling appends its parameters with "&" even to an address without a query.
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { manifestId, sideloadUrl } = require("./sideloadUrl");
const server = require("./devServerProcess");

const PROJECT = path.join(__dirname, "..");
const MANIFEST = "manifest.xml";
const PORT = 3000;
const READY_TIMEOUT_MS = 180_000;

const WEB_HOWTO = [
  '  npm run start:web -- --document "<the workbook\'s address in Excel on the web>"',
  "      starts the development server and opens the workbook with the add-in loaded;",
  "      in Excel on the web, Share > Copy link gives the address.",
  "  Or by hand: npm run dev-server, then in Excel on the web: Home > Add-ins > More Settings",
  "      > Upload My Add-in > manifest.xml (docs/deployment.md, “Sideloading”).",
];

/**
 * What a start command will do, decided before anything is started.
 *
 * @param {{ platform: NodeJS.Platform, target: string, document: string | undefined, manifestXml: string }} request
 * @returns {{ kind: "refuse", exitCode: number, lines: string[] }
 *   | { kind: "desktop" }
 *   | { kind: "web", url: string }}
 * @example
 * planStart({ platform: "linux", target: "desktop", document: undefined, manifestXml }).kind //=> "refuse"
 */
function planStart(request) {
  if (request.target === "desktop") {
    if (request.platform === "win32" || request.platform === "darwin") return { kind: "desktop" };
    return {
      kind: "refuse",
      exitCode: 1,
      lines: [
        `npm start sideloads into Excel desktop, which does not run on ${request.platform === "linux" ? "Linux" : request.platform}. Instead:`,
        ...WEB_HOWTO,
        "Nothing was started.",
      ],
    };
  }
  if (request.target === "web") {
    if (!request.document) {
      return {
        kind: "refuse",
        exitCode: 2,
        lines: ["start:web needs the workbook's address:", ...WEB_HOWTO.slice(0, 3)],
      };
    }
    try {
      const url = sideloadUrl(request.document, {
        port: PORT,
        manifestFile: MANIFEST,
        manifestId: manifestId(request.manifestXml),
      });
      return { kind: "web", url };
    } catch (error) {
      return { kind: "refuse", exitCode: 2, lines: [/** @type {Error} */ (error).message] };
    }
  }
  return {
    kind: "refuse",
    exitCode: 2,
    lines: [`Unknown target “${request.target}”: use desktop or web.`],
  };
}

/**
 * The value of `--document URL` or `--document=URL` in a command line.
 *
 * @param {readonly string[]} args
 * @returns {string | undefined}
 * @example
 * documentArgument(["web", "--document", "https://x/Book.xlsx"]) //=> "https://x/Book.xlsx"
 */
function documentArgument(args) {
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === "--document") return args[i + 1];
    if (args[i].startsWith("--document=")) return args[i].slice("--document=".length);
  }
  return undefined;
}

/**
 * Opens an address in the default browser when there is a desktop to open it on.
 *
 * @param {string} url
 * @returns {boolean} whether a browser was asked to open it
 *
 * @example
 * openInBrowser("https://x.example/Book.xlsx?wdaddindevserverport=3000…") //=> false without a desktop
 */
function openInBrowser(url) {
  const opener =
    process.platform === "darwin"
      ? ["open", [url]]
      : process.platform === "win32"
        ? ["cmd", ["/c", "start", "", url]]
        : process.env.DISPLAY || process.env.WAYLAND_DISPLAY
          ? ["xdg-open", [url]]
          : null;
  if (!opener) return false;
  const run = spawnSync(/** @type {string} */ (opener[0]), /** @type {string[]} */ (opener[1]), {
    stdio: "ignore",
  });
  return run.status === 0;
}

/** office-addin-debugging, run from this project. */
function officeDebugging(/** @type {string[]} */ args) {
  const bin = require.resolve("office-addin-debugging/cli.js", { paths: [PROJECT] });
  return (
    spawnSync(process.execPath, [bin, ...args], { cwd: PROJECT, stdio: "inherit" }).status ?? 1
  );
}

/**
 * @param {string} url
 * @param {(line: string) => void} say
 * @returns {Promise<number>}
 */
async function startWeb(url, say) {
  const running = server.readState(PROJECT);
  if (running && server.isAlive(running.pid)) {
    say(`The development server is already running (process ${running.pid}).`);
  } else {
    const log = path.join(path.dirname(server.statePath(PROJECT)), "dev-server.log");
    fs.rmSync(log, { force: true });
    const webpack = require.resolve("webpack/bin/webpack.js", { paths: [PROJECT] });
    const child = server.startDetached(
      process.execPath,
      [webpack, "serve", "--mode", "development"],
      {
        cwd: PROJECT,
        log,
      },
    );
    if (!child.pid) {
      say("The development server could not be started.");
      return 1;
    }
    server.writeState(PROJECT, {
      pid: child.pid,
      port: PORT,
      log,
      startedAt: new Date().toISOString(),
    });
    say(`Starting the development server (process ${child.pid}, log: ${log})…`);
    let exited = false;
    child.on("exit", () => {
      exited = true;
    });
    try {
      await server.waitForServer(PORT, {
        file: "taskpane.html",
        timeoutMs: READY_TIMEOUT_MS,
        exited: () => exited,
      });
    } catch (error) {
      await server.stopProcessTree(child.pid);
      server.clearState(PROJECT);
      say(`The development server did not start: ${/** @type {Error} */ (error).message}.`);
      const tail = server.logTail(log);
      if (tail) say(tail);
      return 1;
    }
    say(`The development server answers on https://localhost:${PORT}/.`);
  }
  say("Open this address to load the add-in in Excel on the web:");
  say(`  ${url}`);
  if (!openInBrowser(url)) say("(No desktop browser to open it here: copy it into your browser.)");
  say("End it with: npm stop");
  return 0;
}

/**
 * @param {(line: string) => void} say
 * @returns {Promise<number>}
 */
async function stop(say) {
  const running = server.readState(PROJECT);
  if (running && server.isAlive(running.pid)) {
    const gone = await server.stopProcessTree(running.pid);
    if (!gone) {
      say(`The development server (process ${running.pid}) did not stop.`);
      return 1;
    }
    say(`Stopped the development server (process ${running.pid}).`);
  } else {
    say("No development server started by npm run start:web is running.");
  }
  server.clearState(PROJECT);
  // Excel desktop: office-addin-debugging undoes its own sideload and ends its own server.
  if (process.platform === "win32" || process.platform === "darwin") {
    return officeDebugging(["stop", MANIFEST]);
  }
  return 0;
}

/**
 * @param {readonly string[]} argv the arguments after the script's name
 * @param {{ platform?: NodeJS.Platform, say?: (line: string) => void, complain?: (line: string) => void }} [io]
 * @returns {Promise<number>} the exit code
 *
 * @example
 * await main(["start", "desktop"], { platform: "linux" }) //=> 1
 */
async function main(argv, io = {}) {
  const platform = io.platform ?? process.platform;
  const say = io.say ?? ((line) => process.stdout.write(`${line}\n`));
  const complain = io.complain ?? ((line) => process.stderr.write(`${line}\n`));
  const [command, ...rest] = argv;
  if (command === "stop") return stop(say);
  if (command !== "start") {
    complain("Use: addinDev.js start desktop | start web --document <URL> | stop");
    return 2;
  }
  const target = rest[0] && !rest[0].startsWith("--") ? rest[0] : "desktop";
  const plan = planStart({
    platform,
    target,
    document: documentArgument(rest),
    manifestXml: fs.readFileSync(path.join(PROJECT, MANIFEST), "utf8"),
  });
  if (plan.kind === "refuse") {
    for (const line of plan.lines) complain(line);
    return plan.exitCode;
  }
  if (plan.kind === "desktop") {
    const code = officeDebugging(["start", MANIFEST, "desktop"]);
    // A sideload that failed must not leave its server behind.
    if (code !== 0) officeDebugging(["stop", MANIFEST]);
    return code;
  }
  return startWeb(plan.url, say);
}

module.exports = { planStart, documentArgument, main };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
