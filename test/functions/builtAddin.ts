/**
 * The built add-in for tests that read what webpack emits (functions.json, functions-vi.json, the
 * page bundle): dist/ when it is newer than every source it is built from, otherwise a fresh
 * production build in a temporary folder.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");

function newestSource(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestSource(path.join(entry, name))));
}

function distIsFresh(): boolean {
  const built = path.join(DIST, "app.js");
  if (!fs.existsSync(built) || !fs.existsSync(path.join(DIST, "functions-vi.json"))) return false;
  const sources = ["src", "webpack.config.js", "manifest.xml", "package-lock.json"].map((p) =>
    newestSource(path.join(ROOT, p)),
  );
  return fs.statSync(built).mtimeMs >= Math.max(...sources);
}

let built: { dir: string; temporary: boolean } | null = null;

/** The folder of a build of the current sources (built on first use). */
export function builtAddin(): string {
  if (built) return built.dir;
  if (distIsFresh()) {
    built = { dir: DIST, temporary: false };
    return DIST;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dti-awards-build-"));
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules/webpack/bin/webpack.js"),
      "--mode",
      "production",
      "--env",
      `outDir=${dir}`,
    ],
    { cwd: ROOT, stdio: "pipe" },
  );
  built = { dir, temporary: true };
  return dir;
}

/** Removes a temporary build. */
export function removeBuiltAddin(): void {
  if (built?.temporary) fs.rmSync(built.dir, { recursive: true, force: true });
  built = null;
}
