/**
 * Renders the user guide's pictures of the proposal: the official list of the 2024 sample, the
 * first page of the draft submission (Tờ trình), and the 2022–2025 summary with its chart, as
 * LibreOffice prints them (`soffice --headless --convert-to pdf`, then `pdftoppm -png`).
 *
 * Run: `npm run guide:pages` (needs LibreOffice and poppler-utils; writes docs/img/*.png).
 */
import { spawnSync } from "child_process";
import { mkdtempSync, renameSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { main } from "../src/cli/main";
import { projectRoot } from "../src/cli/projectRoot";

function run(command: string, args: readonly string[]): void {
  const done = spawnSync(command, args, { encoding: "utf8" });
  if (done.status !== 0) throw new Error(`${command} failed: ${done.stderr || done.stdout}`);
}

/** The first page of a PDF whose text holds `text`. */
function pageWith(pdf: string, text: string): number {
  const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  for (let page = 1; page <= pages; page += 1) {
    const found = spawnSync("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"], {
      encoding: "utf8",
    }).stdout;
    if (found.includes(text)) return page;
  }
  throw new Error(`No page of ${pdf} holds “${text}”`);
}

/** Renders page `page` of a PDF to `target` (PNG, 80 dpi). */
function renderPage(pdf: string, page: number, target: string): void {
  const base = target.replace(/\.png$/, "");
  run("pdftoppm", [
    "-png",
    "-r",
    "80",
    "-f",
    String(page),
    "-l",
    String(page),
    "-singlefile",
    pdf,
    base,
  ]);
}

/** The pictures, written to docs/img of the project (or `dir`). */
export async function renderGuidePages(dir?: string): Promise<string[]> {
  const root = projectRoot(__dirname) ?? process.cwd();
  const out = dir ?? path.join(root, "docs", "img");
  const work = mkdtempSync(path.join(tmpdir(), "dti-guide-"));
  const quiet = {
    stdout: () => undefined,
    stderr: () => undefined,
    now: () => new Date(2025, 11, 1),
  };
  const list = path.join(work, "danh-sach-2024.xlsx");
  const letter = path.join(work, "to-trinh-2024.docx");
  await main(
    [
      "rank",
      path.join(root, "samples", "dti-sample-2024.xlsx"),
      "--decision-date",
      "2025-03-20",
      "--out",
      path.join(work, "sample.awards.xlsx"),
      "--proposal",
      list,
      "--proposal",
      letter,
    ],
    quiet,
  );
  const summary = path.join(work, "tong-hop.xlsx");
  await main(
    [
      "rank",
      path.join(root, "samples", "dti-history-2022-2025.xlsx"),
      "--decision-date",
      "2025-12-20",
      "--out",
      path.join(work, "history.awards.xlsx"),
      "--proposal",
      summary,
    ],
    quiet,
  );
  const profile = `-env:UserInstallation=file://${path.join(work, "profile")}`;
  run("soffice", [
    profile,
    "--headless",
    "--convert-to",
    "pdf",
    "--outdir",
    work,
    list,
    letter,
    summary,
  ]);
  // The summary's sheet follows the four yearly lists: its first page, and its chart's page.
  const pictures: [string, string, string][] = [
    ["danh-sach-2024.pdf", "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", "proposal-list.png"],
    ["to-trinh-2024.pdf", "TỜ TRÌNH", "to-trinh.png"],
    ["tong-hop.pdf", "TỔNG HỢP KẾT QUẢ PHONG TRÀO", "summary-2022-2025.png"],
    ["tong-hop.pdf", "Số liệu của biểu đồ", "summary-chart.png"],
  ];
  const written: string[] = [];
  for (const [pdf, text, name] of pictures) {
    const target = path.join(work, name);
    const file = path.join(work, pdf);
    renderPage(file, pageWith(file, text), target);
    renameSync(target, path.join(out, name));
    written.push(path.join(out, name));
  }
  return written;
}

if (require.main === module) {
  renderGuidePages(process.argv[2]).then(
    (files) => process.stdout.write(`${files.join("\n")}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
