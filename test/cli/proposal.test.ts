/**
 * The command line's proposal outputs end to end on real files: the official list sheet and its
 * print setup, the decisions sheet and a re-run that applies it, decisions from another file,
 * review rounds, the 2022–2025 summary with its chart part, the budget in --json, and the .docx
 * submission's layout.
 */
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { readZipDirectory, readZipEntry } from "../../src/cli/zipPackage";
import type { ResultJson } from "../../src/domain/resultJson";
import { tempDir } from "../fixtures/workbooks";
import { runCli, type CliRun } from "./runCli";

const SAMPLE = path.resolve(__dirname, "../../samples/dti-sample-2024.xlsx");
const HISTORY = path.resolve(__dirname, "../../samples/dti-history-2022-2025.xlsx");
const DECISIONS = "Quyết định của Hội đồng";
const LIST = "Danh sách đề nghị khen thưởng";

/** The command line on 20 March 2025, when the 2025 regime and the history apply. */
const run = (argv: string[]): Promise<CliRun> => runCli(argv, new Date(2025, 2, 20, 10, 0));

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

function entryText(bytes: Buffer, name: string): string {
  const dir = readZipDirectory(bytes);
  if (!dir.ok) throw new Error("not a zip");
  const entry = dir.entries.find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name} in the package`);
  const data = readZipEntry(bytes, entry);
  if (!data) throw new Error(`${name} cannot be read`);
  return data.toString("utf8");
}

function entryNames(bytes: Buffer): string[] {
  const dir = readZipDirectory(bytes);
  return dir.ok ? dir.entries.map((e) => e.name) : [];
}

/** Every row of a sheet as its cell values from column A (blank rows as []). */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = Array.from({ length: sheet.rowCount }, () => []);
  sheet.eachRow((row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1);
  });
  return rows;
}

jest.setTimeout(120_000);

describe("dti-awards rank on the 2024 sample: the proposal list", () => {
  const dir = tempDir();
  const out = path.join(dir, "out.xlsx");
  let result: CliRun;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    result = await run(["rank", SAMPLE, "--decision-date", "2025-03-20", "--out", out]);
    workbook = await readBack(out);
  });

  it("adds the official list sheet, printed on A4 portrait one page wide with a repeated header", () => {
    expect(result.code).toBe(1); // the sample's planted invalid row
    const sheet = workbook.getWorksheet(LIST);
    expect(sheet).toBeDefined();
    expect(sheet?.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "9:9",
    });
    expect(sheet?.pageSetup.margins).toMatchObject({
      top: 0.79,
      bottom: 0.79,
      left: 1.18,
      right: 0.59,
    });
    expect(sheet?.headerFooter).toMatchObject({
      differentFirst: true,
      oddHeader: '&C&"Times New Roman,Regular"&13&P',
    });
  });

  it("has the heading block, the title, both sections and the award form on every line", () => {
    const sheet = workbook.getWorksheet(LIST) as ExcelJS.Worksheet;
    expect(sheet.getCell("A1").value).toBe("UBND THÀNH PHỐ CẦN THƠ");
    expect(sheet.getCell("A2").value).toBe("SỞ THÔNG TIN VÀ TRUYỀN THÔNG");
    expect(sheet.getCell("D1").value).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(sheet.getCell("D2").value).toBe("Độc lập - Tự do - Hạnh phúc");
    expect(sheet.getCell("A1").isMerged).toBe(true);
    expect(sheet.getCell("A1").font).toMatchObject({ name: "Times New Roman", size: 12 });
    const rows = rowsOf(sheet);
    const texts = rows.flat().filter((v) => typeof v === "string") as string[];
    expect(texts).toContain("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG");
    expect(texts).toContain("I. TẬP THỂ");
    expect(texts).toContain("II. CÁ NHÂN");
    const tuPhap = rows.find((r) => r[1] === "Sở Tư pháp");
    expect(tuPhap?.[4]).toBe(
      "Đạt tỷ lệ điểm 94,85%, xếp hạng 1/20 Khối 1 (sở, ban, ngành) theo Bộ chỉ số đánh giá chuyển đổi số thành phố Cần Thơ năm 2024.",
    );
    expect(tuPhap?.[5]).toBe("Bằng khen của Chủ tịch UBND thành phố");
    // The tie at bloc 3's last slot is stated, and the list is a draft until the council decides.
    expect(texts.some((t) => t.startsWith("Khối 3: còn 1 suất tập thể chờ Hội đồng"))).toBe(true);
    expect(texts.some((t) => t.startsWith("DỰ THẢO"))).toBe(true);
  });

  it("states the budget on the list and prints it with the summary", () => {
    const texts = rowsOf(workbook.getWorksheet(LIST) as ExcelJS.Worksheet).flat();
    expect(texts).toContain(
      "Tập thể: 5 × 4.680.000 = 23.400.000 đồng; cá nhân: 4 × 2.340.000 = 9.360.000 đồng; cộng 32.760.000 đồng. Chưa tính 2 suất bằng điểm chờ Hội đồng xét (7.020.000 đồng).",
    );
    expect(result.stdout).toContain(
      "Kinh phí 2024: tập thể 5 × 4.680.000 đ, cá nhân 4 × 2.340.000 đ; cộng 32.760.000 đ (chưa tính 2 suất bằng điểm: 7.020.000 đ)",
    );
  });

  it("adds a decisions sheet listing the open ties, their data recorded, decisions left blank", () => {
    const sheet = workbook.getWorksheet(DECISIONS) as ExcelJS.Worksheet;
    const rows = rowsOf(sheet).slice(3);
    expect(rows[0].slice(0, 7)).toEqual([
      "Năm",
      "Khối",
      "Đối tượng",
      "Đơn vị",
      "Quận, huyện",
      "Họ và tên",
      "Quyết định",
    ]);
    const units = rows.slice(1).map((r) => [r[2], r[3], r[6] ?? "", r[8], r[9], r[10], r[11]]);
    expect(units).toContainEqual(["Tập thể", "UBND phường Cái Khế", "", 0.932, 3, 2, 1]);
    expect(units).toContainEqual(["Tập thể", "UBND xã Trường Long", "", 0.932, 3, 2, 1]);
    expect(units.filter((u) => u[0] === "Cá nhân")).toHaveLength(2);
  });

  it("applies the council's choice written in that sheet on the next run, which keeps the sheet", async () => {
    const filled = await readBack(out);
    const sheet = filled.getWorksheet(DECISIONS) as ExcelJS.Worksheet;
    sheet.eachRow((row) => {
      if (row.getCell(4).value === "UBND xã Trường Long" && row.getCell(3).value === "Tập thể") {
        row.getCell(7).value = "Chọn";
      }
    });
    const input = path.join(dir, "with-decision.xlsx");
    await filled.xlsx.writeFile(input);
    const again = path.join(dir, "again.xlsx");
    const json = path.join(dir, "again.json");
    const second = await run([
      "rank",
      input,
      "--decision-date",
      "2025-03-20",
      "--out",
      again,
      "--json",
      json,
    ]);
    expect(second.stdout).toContain("đề xuất    #3   UBND xã Trường Long");
    const parsed = JSON.parse(readFileSync(json, "utf8")) as ResultJson;
    const bloc3 = parsed.years[0].blocs[2];
    const chosen = bloc3.units.find((u) => u.name === "UBND xã Trường Long");
    expect(chosen).toMatchObject({ status: "candidate" });
    expect(chosen?.decision).toEqual({ kind: "choose", reason: "", source: `${DECISIONS}!G6` });
    expect(bloc3.units.find((u) => u.name === "UBND phường Cái Khế")?.status).toBe("not-selected");
    expect(parsed.budget.years[0].collective).toMatchObject({ count: 6, pending: 0 });
    const written = await readBack(again);
    expect(written.worksheets.filter((ws) => ws.name.startsWith(DECISIONS))).toHaveLength(1);
    expect(rowsOf(written.getWorksheet(DECISIONS) as ExcelJS.Worksheet)).toEqual(rowsOf(sheet));
    const candidates = rowsOf(
      written.getWorksheet("Đề xuất khen thưởng 2024 (2)") as ExcelJS.Worksheet,
    );
    expect(candidates.find((r) => r[2] === "UBND xã Trường Long")?.[6]).toBe(
      "Đề xuất (Hội đồng chọn)",
    );
  });
});

describe("dti-awards rank --decisions", () => {
  const dir = tempDir();

  it("reads the decisions from a .csv file, matching units by name, not by row", async () => {
    const csv = path.join(dir, "quyet-dinh.csv");
    writeFileSync(
      csv,
      "Năm,Khối,Đối tượng,Đơn vị,Quận huyện,Họ và tên,Quyết định,Lý do\n" +
        '2024,3,Tập thể,UBND phường Cái Khế,"Quận Ninh Kiều",,Chọn,\n' +
        "2024,1,Tập thể,Sở Tư pháp,,,Rút đề nghị,Đã nhận Bằng khen chuyên đề\n",
    );
    const json = path.join(dir, "r.json");
    const result = await run([
      "rank",
      SAMPLE,
      "--decision-date",
      "2025-03-20",
      "--out",
      path.join(dir, "r.xlsx"),
      "--decisions",
      csv,
      "--json",
      json,
    ]);
    expect(result.code).toBe(1);
    const parsed = JSON.parse(readFileSync(json, "utf8")) as ResultJson;
    const [bloc1, , bloc3] = parsed.years[0].blocs;
    expect(bloc1.units[0]).toMatchObject({ name: "Sở Tư pháp", status: "excluded" });
    expect(bloc1.units[0].decision?.reason).toBe("Đã nhận Bằng khen chuyên đề");
    // The slot freed goes down the ranking, where two agencies share 88%: a new tie.
    expect(bloc1.units.slice(1, 3).map((u) => u.status)).toEqual(["tie", "tie"]);
    expect(bloc3.units.find((u) => u.name === "UBND phường Cái Khế")?.status).toBe("candidate");
    expect(parsed.issues.filter((i) => i.code === "DECISION_APPLIED")).toHaveLength(2);
  });

  it("says which decisions no longer fit, at their cells, when the scores changed", async () => {
    const csv = path.join(dir, "stale.csv");
    writeFileSync(
      csv,
      "Năm,Khối,Đơn vị,Quyết định,Tỷ lệ khi quyết định,Hạng khi quyết định\n" +
        "2024,3,UBND phường Cái Khế,Chọn,0.94,3\n" +
        "2024,3,UBND xã Không Có,Chọn,,\n",
    );
    const json = path.join(dir, "stale.json");
    await run([
      "rank",
      SAMPLE,
      "--out",
      path.join(dir, "s.xlsx"),
      "--decisions",
      csv,
      "--json",
      json,
    ]);
    const issues = (JSON.parse(readFileSync(json, "utf8")) as ResultJson).issues;
    expect(issues.find((i) => i.code === "DECISION_BASIS_CHANGED")).toMatchObject({
      cell: "D2",
      message: expect.stringContaining("tỷ lệ 94% → 93,20%") as unknown as string,
    });
    expect(issues.find((i) => i.code === "DECISION_UNIT_NOT_FOUND")?.cell).toBe("D3");
  });

  it("refuses a decisions .csv too large to be a decisions table, before reading it", async () => {
    const big = path.join(dir, "big.csv");
    writeFileSync(big, `Năm,Đơn vị,Quyết định\n${"2024,X,Chọn\n".repeat(100_000)}`);
    const result = await run([
      "rank",
      SAMPLE,
      "--out",
      path.join(dir, "b.xlsx"),
      "--decisions",
      big,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("quá lớn");
  });

  it("refuses a decisions source that is neither a sheet nor a file", async () => {
    const result = await run([
      "rank",
      SAMPLE,
      "--out",
      path.join(dir, "x.xlsx"),
      "--decisions",
      "QĐ",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Không có trang tính hoặc tệp quyết định “QĐ”");
  });
});

describe("dti-awards rank --round", () => {
  const dir = tempDir();

  it("gives the 2024 scores the quotas of the 2025 summary round and states both years", async () => {
    const json = path.join(dir, "round.json");
    const out = path.join(dir, "round.xlsx");
    const result = await run([
      "rank",
      SAMPLE,
      "--year",
      "2024",
      "--round",
      "2025",
      "--out",
      out,
      "--json",
      json,
    ]);
    expect(result.code).toBe(1);
    const parsed = JSON.parse(readFileSync(json, "utf8")) as ResultJson;
    expect(parsed.years[0]).toMatchObject({ year: 2024, round: 2025 });
    expect(parsed.years[0].blocs[2]).toMatchObject({ collectiveSlots: 6, individualSlots: 9 });
    const workbook = await readBack(out);
    expect(workbook.getWorksheet("Đề xuất khen thưởng 2024")?.getCell("A2").value).toBe(
      "Bảng điểm năm 2024 phục vụ đợt tổng kết năm 2025: số suất theo đợt xét.",
    );
    const list = rowsOf(workbook.getWorksheet(LIST) as ExcelJS.Worksheet).flat();
    expect(
      list.some((v) =>
        String(v).includes(
          "đợt tổng kết năm 2025 (kết quả Bộ chỉ số đánh giá chuyển đổi số năm 2024)",
        ),
      ),
    ).toBe(true);
  });

  it("refuses a bare round without the year it serves", async () => {
    const result = await run(["rank", SAMPLE, "--round", "2025"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("cần biết năm của bảng điểm");
  });
});

describe("dti-awards rank on the 2022–2025 workbook: the summary", () => {
  const dir = tempDir();
  const out = path.join(dir, "history.awards.xlsx");
  const json = path.join(dir, "history.json");
  let result: CliRun;

  beforeAll(async () => {
    result = await run([
      "rank",
      HISTORY,
      "--decision-date",
      "2025-12-20",
      "--out",
      out,
      "--json",
      json,
    ]);
  });

  it("writes one list per year and the “Tổng hợp 2022–2025” sheet", async () => {
    expect(result.code).toBe(0);
    const names = (await readBack(out)).worksheets.map((ws) => ws.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "DS đề nghị khen thưởng 2022",
        "DS đề nghị khen thưởng 2025",
        "Tổng hợp 2022–2025",
      ]),
    );
    // The workbook has its own decisions sheet: no second one is added.
    expect(names.filter((n) => n.startsWith(DECISIONS))).toHaveLength(1);
  });

  it("follows each unit over the four years on the summary sheet", async () => {
    const sheet = (await readBack(out)).getWorksheet("Tổng hợp 2022–2025") as ExcelJS.Worksheet;
    const rows = rowsOf(sheet);
    const tuPhap = rows.find((r) => r[1] === "Sở Tư pháp") ?? [];
    // 2022 withdrawn by the council, then proposed in 2023, 2024 and 2025.
    expect(tuPhap.slice(2, 14)).toEqual([
      0.93,
      1,
      "Rút + 1 cá nhân",
      0.952,
      1,
      "Tập thể + 1 cá nhân",
      0.9485,
      1,
      "Tập thể + 1 cá nhân",
      0.962,
      1,
      "Tập thể + 1 cá nhân",
    ]);
    expect(tuPhap.slice(14, 16)).toEqual([3, 4]);
    expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", printTitlesRow: "4:5" });
  });

  it("writes the chart as parts of the package, linked from the summary sheet", () => {
    const bytes = readFileSync(out);
    const names = entryNames(bytes);
    expect(names).toEqual(
      expect.arrayContaining(["xl/charts/chart1.xml", "xl/drawings/drawing1.xml"]),
    );
    const chart = entryText(bytes, "xl/charts/chart1.xml");
    expect(chart).toContain("<c:lineChart>");
    expect(chart.match(/<c:ser>/g)).toHaveLength(5);
    expect(chart).toContain("'Tổng hợp 2022–2025'!$C$");
    expect(chart).toContain("<c:v>Sở Tư pháp</c:v>");
    const types = entryText(bytes, "[Content_Types].xml");
    expect(types).toContain('PartName="/xl/charts/chart1.xml"');
    const workbookXml = entryText(bytes, "xl/workbook.xml");
    const tag = workbookXml
      .match(/<sheet\b[^>]*>/g)
      ?.find((t) => t.includes('name="Tổng hợp 2022–2025"'));
    const sheetId = / r:id="([^"]+)"/.exec(tag ?? "")?.[1];
    const rels = entryText(bytes, "xl/_rels/workbook.xml.rels");
    const target = new RegExp(`Id="${sheetId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? "";
    const sheetXml = entryText(bytes, `xl/${target.replace(/^\/?xl\//, "")}`);
    expect(sheetXml).toMatch(/<drawing r:id="rIdChart1"\/>/);
  });

  it("puts the budget per year and recipient, and each year's round, in --json", () => {
    const parsed = JSON.parse(readFileSync(json, "utf8")) as ResultJson;
    expect(parsed.years.map((y) => [y.year, y.round])).toEqual([
      [2022, 2022],
      [2023, 2023],
      [2024, 2024],
      [2025, 2025],
    ]);
    expect(
      parsed.budget.years.map((y) => [y.year, y.collective.count, y.individual.count]),
    ).toEqual([
      [2022, 6, 2],
      [2023, 6, 4],
      [2024, 5, 3],
      [2025, 12, 4],
    ]);
    expect(parsed.budget.years[3].totalVnd).toBe(12 * 7_020_000 + 4 * 3_510_000);
  });

  it("refuses two score years serving one round, ranking neither", async () => {
    const clash = path.join(dir, "clash.json");
    const r = await run([
      "rank",
      HISTORY,
      "--round",
      "2024=2025",
      "--out",
      path.join(dir, "clash.xlsx"),
      "--json",
      clash,
    ]);
    expect(r.code).toBe(1);
    const parsed = JSON.parse(readFileSync(clash, "utf8")) as ResultJson;
    expect(parsed.years.map((y) => y.year)).toEqual([2022, 2023]);
    expect(parsed.issues[0]).toMatchObject({ code: "ROUND_CONFLICT", severity: "error" });
  });
});

describe("dti-awards rank --proposal", () => {
  const dir = tempDir();
  const docx = path.join(dir, "to-trinh.docx");
  const list = path.join(dir, "danh-sach.xlsx");
  let result: CliRun;

  beforeAll(async () => {
    result = await run([
      "rank",
      HISTORY,
      "--decision-date",
      "2025-12-20",
      "--out",
      path.join(dir, "o.xlsx"),
      "--proposal",
      docx,
      "--proposal",
      list,
    ]);
  });

  it("writes a standalone list workbook with the lists and the summary", async () => {
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Danh sách đề nghị: ${list}`);
    const names = (await readBack(list)).worksheets.map((ws) => ws.name);
    expect(names).toEqual([
      "DS đề nghị khen thưởng 2022",
      "DS đề nghị khen thưởng 2023",
      "DS đề nghị khen thưởng 2024",
      "DS đề nghị khen thưởng 2025",
      "Tổng hợp 2022–2025",
    ]);
  });

  it("writes the Tờ trình of the latest round with the layout of Decree 30/2020", () => {
    expect(result.stdout).toContain(
      `Tờ trình (đợt tổng kết năm 2025, bảng điểm năm 2025): ${docx}`,
    );
    const bytes = readFileSync(docx);
    const document = entryText(bytes, "word/document.xml");
    const text = document.replace(/<[^>]+>/g, "");
    for (const part of [
      "UBND THÀNH PHỐ CẦN THƠ",
      "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số:       /TTr-STTTT",
      "Cần Thơ, ngày      tháng      năm 2025",
      "TỜ TRÌNH",
      "Kính gửi: Chủ tịch Ủy ban nhân dân thành phố Cần Thơ.",
      "Nơi nhận:",
      "- Lưu: VT, STTTT.",
      "GIÁM ĐỐC",
      "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
      "I. TẬP THỂ",
      "II. CÁ NHÂN",
    ]) {
      expect(text).toContain(part);
    }
    // A4 portrait; margins 20 mm top and bottom, 30 mm left, 15 mm right; a first page apart.
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(document).toContain("<w:titlePg/>");
    expect(document).toContain('w:ascii="Times New Roman"');
    // The list's header row repeats on every page.
    expect(document).toContain("<w:tblHeader/>");
    const headers = entryNames(bytes).filter((n) => /^word\/header\d+\.xml$/.test(n));
    expect(headers.some((h) => entryText(bytes, h).includes("PAGE"))).toBe(true);
  });

  it("refuses a proposal file of another kind before reading anything", async () => {
    const r = await run(["rank", HISTORY, "--proposal", "list.pdf"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("phải có đuôi .xlsx (danh sách) hoặc .docx (Tờ trình)");
  });
});
