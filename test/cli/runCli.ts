/**
 * Test helper: runs the command line in-process with captured output and a fixed clock (31 March
 * 2024, 10:00, unless another is given).
 */
import { readFileSync } from "fs";
import { main, type CliIo } from "../../src/cli/main";
import { readZipDirectory, readZipEntry } from "../../src/cli/zipPackage";

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(
  argv: readonly string[],
  now: Date = new Date(2024, 2, 31, 10, 0),
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    now: () => now,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** One part of a zip file, inflated, or null when the zip has no such part. */
export function zipPartBytes(bytes: Buffer, part: string): Buffer | null {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) throw new Error("not a zip");
  const entry = directory.entries.find((e) => e.name === part);
  return entry ? readZipEntry(bytes, entry) : null;
}

/** The names of the parts of a zip file. */
export function zipPartNames(file: string): string[] {
  const directory = readZipDirectory(readFileSync(file));
  if (!directory.ok) throw new Error("not a zip");
  return directory.entries.map((e) => e.name);
}
