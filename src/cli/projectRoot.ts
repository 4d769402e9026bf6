/**
 * Finds the project's folder from a module's folder, so that the same code finds `samples/` when
 * run from TypeScript sources (tests) and from the compiled `build/cli/` tree.
 */
import { existsSync, readFileSync } from "fs";
import * as path from "path";

/**
 * The nearest folder at or above `from` whose package.json is this project's.
 *
 * @example
 * projectRoot("/work/main/build/cli/src/cli") //=> "/work/main"
 */
export function projectRoot(from: string): string | null {
  let dir = path.resolve(from);
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest)) {
      try {
        if (
          (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "dti-awards"
        ) {
          return dir;
        }
      } catch {
        // An unreadable package.json is not ours; keep looking above it.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The file name of the sample workbook the project ships. */
export const SAMPLE_FILE = "dti-sample-2024.xlsx";

/**
 * The path of the shipped sample workbook, or `null` outside the project.
 *
 * @example
 * samplePath(__dirname) //=> "/work/main/samples/dti-sample-2024.xlsx"
 */
export function samplePath(from: string): string | null {
  const root = projectRoot(from);
  return root ? path.join(root, "samples", SAMPLE_FILE) : null;
}
