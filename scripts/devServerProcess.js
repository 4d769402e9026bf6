// @ts-check
/**
 * The development server that `npm run start:web` leaves running and `npm stop` ends: started as a
 * detached process group with its output in a log file, its process id recorded in
 * node_modules/.cache/dti-awards/dev-server.json, so that `stop` ends exactly what `start` started
 * and nothing else.
 */
"use strict";
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const https = require("https");
const path = require("path");

/**
 * @typedef {{ pid: number, port: number, log: string, startedAt: string }} DevServerState
 */

/**
 * Where the running server is recorded.
 *
 * @param {string} projectDir
 * @returns {string}
 * @example
 * statePath("/work/dti-awards") //=> "/work/dti-awards/node_modules/.cache/dti-awards/dev-server.json"
 */
function statePath(projectDir) {
  return path.join(projectDir, "node_modules", ".cache", "dti-awards", "dev-server.json");
}

/**
 * The server `start:web` recorded, or null when none is (or the record is unreadable).
 *
 * @param {string} projectDir
 * @returns {DevServerState | null}
 *
 * @example
 * readState("/work/dti-awards") //=> { pid: 4242, port: 3000, log: "…/dev-server.log", startedAt: "…" } or null
 */
function readState(projectDir) {
  try {
    const state = JSON.parse(fs.readFileSync(statePath(projectDir), "utf8"));
    return Number.isInteger(state.pid) && state.pid > 0 ? state : null;
  } catch {
    return null;
  }
}

/**
 * Records the server just started.
 *
 * @param {string} projectDir
 * @param {DevServerState} state
 *
 * @example
 * writeState("/work/dti-awards", { pid: 4242, port: 3000, log, startedAt })
 */
function writeState(projectDir, state) {
  fs.mkdirSync(path.dirname(statePath(projectDir)), { recursive: true });
  fs.writeFileSync(statePath(projectDir), `${JSON.stringify(state, null, 2)}\n`);
}

/**
 * Forgets the recorded server.
 *
 * @param {string} projectDir
 *
 * @example
 * clearState("/work/dti-awards"); readState("/work/dti-awards") //=> null
 */
function clearState(projectDir) {
  fs.rmSync(statePath(projectDir), { force: true });
}

/**
 * True while a process with this id exists.
 *
 * @param {number} pid
 * @returns {boolean}
 * @example
 * isAlive(process.pid) //=> true
 */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return /** @type {NodeJS.ErrnoException} */ (error).code === "EPERM";
  }
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Ends a detached process and everything it started (its process group; on Windows its tree),
 * politely first, then by force after `graceMs`. Resolves true when it is gone.
 *
 * @param {number} pid
 * @param {number} [graceMs]
 * @returns {Promise<boolean>}
 *
 * @example
 * await stopProcessTree(4242) //=> true
 */
async function stopProcessTree(pid, graceMs = 5000) {
  if (process.platform === "win32") {
    spawnSync("taskkill", ["/pid", String(pid), "/T", "/F"], { stdio: "ignore" });
  } else {
    for (const signal of /** @type {const} */ (["SIGTERM", "SIGKILL"])) {
      try {
        process.kill(-pid, signal);
      } catch {
        try {
          process.kill(pid, signal);
        } catch {
          // Already gone.
        }
      }
      const until = Date.now() + (signal === "SIGTERM" ? graceMs : 2000);
      while (isAlive(pid) && Date.now() < until) await sleep(100);
      if (!isAlive(pid)) break;
    }
  }
  return !isAlive(pid);
}

/**
 * Starts a command detached from this process, its output appended to `log`.
 *
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ cwd: string, log: string }} options
 * @returns {import("child_process").ChildProcess}
 *
 * @example
 * startDetached(process.execPath, [webpack, "serve"], { cwd, log }).pid //=> 4242
 */
function startDetached(command, args, options) {
  fs.mkdirSync(path.dirname(options.log), { recursive: true });
  const out = fs.openSync(options.log, "a");
  const child = spawn(command, [...args], {
    cwd: options.cwd,
    detached: true,
    stdio: ["ignore", out, out],
    windowsHide: true,
  });
  fs.closeSync(out);
  child.unref();
  return child;
}

/**
 * Resolves once https://localhost:<port>/<file> answers (any certificate accepted: this only asks
 * whether the server is up), or rejects when `timeoutMs` passes or `exited()` says the process died.
 *
 * @param {number} port
 * @param {{ file: string, timeoutMs: number, exited: () => boolean }} options
 * @returns {Promise<void>}
 *
 * @example
 * await waitForServer(3000, { file: "taskpane.html", timeoutMs: 180000, exited: () => false })
 */
async function waitForServer(port, options) {
  const until = Date.now() + options.timeoutMs;
  for (;;) {
    const status = await new Promise((resolve) => {
      const request = https.get(
        {
          host: "localhost",
          port,
          path: `/${options.file}`,
          rejectUnauthorized: false,
          timeout: 2000,
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on("error", () => resolve(0));
      request.on("timeout", () => request.destroy());
    });
    if (status === 200) return;
    if (options.exited()) throw new Error("the development server stopped before it was ready");
    if (Date.now() > until) {
      throw new Error(`the development server did not answer within ${options.timeoutMs / 1000} s`);
    }
    await sleep(500);
  }
}

/**
 * The last lines of a log file, for a message.
 *
 * @param {string} file
 * @param {number} [count]
 * @returns {string}
 *
 * @example
 * logTail("/tmp/dev-server.log", 2) //=> "webpack compiled successfully"
 */
function logTail(file, count = 15) {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-count).join("\n");
  } catch {
    return "";
  }
}

module.exports = {
  statePath,
  readState,
  writeState,
  clearState,
  isAlive,
  stopProcessTree,
  startDetached,
  waitForServer,
  logTail,
};
