/**
 * The documents the command line writes, opened by another office suite: LibreOffice renders the
 * .docx submission and the .xlsx proposal list to PDF, on A4 portrait pages. These tests need
 * LibreOffice (`soffice`), so they run in `npm run test:full`; .ci/run installs it and runs that.
 * Without it they fail, on purpose: a CI run that cannot check the documents must not pass.
 */
import { spawnSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import * as path from "path";
import { main, type CliIo } from "../../src/cli/main";
import { tempDir } from "../fixtures/workbooks";

const SAMPLE = path.resolve(__dirname, "../../samples/dti-sample-2024.xlsx");
const HISTORY = path.resolve(__dirname, "../../samples/dti-history-2022-2025.xlsx");
/** A4 in points, as PDF media boxes give it. */
const A4 = { width: 595.3, height: 841.9 };

jest.setTimeout(240_000);

function sofficePath(): string {
  const found = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], {
    encoding: "utf8",
  });
  return found.stdout.trim().split("\n")[0] ?? "";
}

/** Converts files to `format` in `dir` with a private LibreOffice profile (tests run in parallel). */
function convert(files: readonly string[], format: string, dir: string): void {
  const profile = `file://${tempDir("dti-lo-profile-")}`;
  const run = spawnSync(
    sofficePath(),
    [
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--convert-to",
      format,
      "--outdir",
      dir,
      ...files,
    ],
    { encoding: "utf8", timeout: 200_000 },
  );
  if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr || run.stdout}`);
}

/** The media box of every page of a PDF LibreOffice wrote (its page objects are not packed). */
function pageSizes(pdf: Buffer): { width: number; height: number }[] {
  const text = pdf.toString("latin1");
  return [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)]
    .map((m) => ({ width: Number(m[1]), height: Number(m[2]) }))
    .slice(0, [...text.matchAll(/\/Type\s*\/Page(?!s)/g)].length);
}

async function rank(argv: string[]): Promise<number> {
  const io: CliIo = {
    stdout: () => undefined,
    stderr: () => undefined,
    now: () => new Date(2025, 11, 1),
  };
  return main(argv, io);
}

describe("LibreOffice on the documents the command line writes", () => {
  it("is installed, as the document tests need it (.ci/run installs it)", () => {
    expect(sofficePath()).toMatch(/soffice|libreoffice/);
  });

  it("opens the .docx submission and renders it to PDF on A4 portrait pages", async () => {
    const dir = tempDir();
    const docx = path.join(dir, "to-trinh.docx");
    expect(
      await rank([
        "rank",
        HISTORY,
        "--decision-date",
        "2025-12-20",
        "--out",
        path.join(dir, "out.xlsx"),
        "--proposal",
        docx,
      ]),
    ).toBe(0);
    convert([docx], "pdf", dir);
    convert([docx], "txt:Text", dir);
    const pdf = path.join(dir, "to-trinh.pdf");
    expect(existsSync(pdf)).toBe(true);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = pageSizes(bytes);
    // The letter, then the attached list on pages of its own.
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      expect(page.width).toBeCloseTo(A4.width, 0);
      expect(page.height).toBeCloseTo(A4.height, 0);
    }
    const text = readFileSync(path.join(dir, "to-trinh.txt"), "utf8");
    for (const part of [
      "TỜ TRÌNH",
      "Kính gửi: Chủ tịch Ủy ban nhân dân thành phố Cần Thơ.",
      "Nơi nhận:",
      "I. TẬP THỂ",
      "UBND phường Cái Khế",
    ]) {
      expect(text).toContain(part);
    }
  });

  it("renders the proposal list sheet on A4 portrait pages, one page wide", async () => {
    const dir = tempDir();
    const list = path.join(dir, "danh-sach.xlsx");
    await rank([
      "rank",
      SAMPLE,
      "--decision-date",
      "2025-03-20",
      "--out",
      path.join(dir, "out.xlsx"),
      "--proposal",
      list,
    ]);
    convert([list], "pdf", dir);
    const pages = pageSizes(readFileSync(path.join(dir, "danh-sach.pdf")));
    // Nine awards and two open ties fit on two pages; a list too wide for the page would spread
    // over twice as many, its columns cut across pages.
    expect(pages.length).toBe(2);
    for (const page of pages) expect(page.width).toBeLessThan(page.height);
  });
});
