import { createHash } from "crypto";
import { EventEmitter } from "events";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { readZipDirectory, readZipEntry } from "../../src/cli/zipPackage";
import {
  hostileNamesSheets,
  noScoreTableSheets,
  tempDir,
  uncachedFormulaSheets,
  writeFixture,
} from "../fixtures/workbooks";
import { isToolOutput, tolerateClosedPipe } from "../../src/cli/main";
import { runCli, type CliRun } from "./runCli";

const EXAMPLE = path.resolve(__dirname, "../../samples/dti-example-2023.xlsx");
const SAMPLE = path.resolve(__dirname, "../../samples/dti-sample-2024.xlsx");
const GOOD = "FFC6EFCE";
const NEUTRAL = "FFFFEB9C";
const BAD = "FFFFC7CE";

const run = (argv: string[]): Promise<CliRun> => runCli(argv);

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The 1-based row whose cells include this text, searching from the top. */
function rowWith(sheet: ExcelJS.Worksheet, text: string): ExcelJS.Row {
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const values = Array.isArray(row.values) ? row.values : [];
    if (values.some((v) => v === text)) return row;
  }
  throw new Error(`No row with “${text}” on ${sheet.name}`);
}

function fillOf(row: ExcelJS.Row, col = 2): string | undefined {
  return (row.getCell(col).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
}

function columnOf(sheet: ExcelJS.Worksheet, header: string, row: ExcelJS.Row): number {
  const headerRow = [...Array(row.number).keys()]
    .map((i) => sheet.getRow(row.number - i))
    .find((r) => Array.isArray(r.values) && r.values.includes(header));
  if (!headerRow || !Array.isArray(headerRow.values)) throw new Error(`No header ${header}`);
  return headerRow.values.indexOf(header);
}

function zipPart(file: string, part: string): string {
  const bytes = readFileSync(file);
  const directory = readZipDirectory(bytes);
  if (!directory.ok) throw new Error("not a zip");
  const entry = directory.entries.find((e) => e.name === part);
  return entry ? (readZipEntry(bytes, entry)?.toString("utf8") ?? "") : "";
}

describe("dti-awards rank on the example workbook", () => {
  const dir = tempDir();
  const input = path.join(dir, "dti-example-2023.xlsx");
  const out = path.join(dir, "result.xlsx");
  let result: CliRun;
  let before: string;

  beforeAll(async () => {
    copyFileSync(EXAMPLE, input);
    before = sha256(input);
    result = await run(["rank", input, "--out", out, "--decision-date", "2024-03-31"]);
  });

  it("ranks and exits 0", () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("prints the prize basis, the candidates per bloc and the output path", () => {
    expect(result.stdout).toContain("Ngày quyết định: 2024-03-31");
    expect(result.stdout).toContain("Nghị định 98/2023/NĐ-CP");
    expect(result.stdout).toContain("1.800.000");
    expect(result.stdout).toContain("NĂM 2023");
    expect(result.stdout).toMatch(/Khối 1[^\n]*\n\s+đề xuất\s+#1\s+Ban Quản lý các Khu chế xuất/);
    expect(result.stdout).toContain("94,29%");
    expect(result.stdout).toContain(`Đã ghi: ${out}`);
  });

  it("leaves the input byte-identical", () => {
    expect(sha256(input)).toBe(before);
  });

  it("writes the candidate sheet with fills, formats, a frozen header and tables", async () => {
    const workbook = await readBack(out);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      "DTI 2023",
      "Khối 4 - Doanh nghiệp",
      "Cá nhân đề xuất",
      "Đề xuất khen thưởng 2023",
      "Kiểm tra dữ liệu",
      // The proposal list, and the decisions sheet a workbook without one gets (issue 12).
      "Danh sách đề nghị khen thưởng",
      "Quyết định của Hội đồng",
    ]);
    const sheet = workbook.getWorksheet("Đề xuất khen thưởng 2023");
    if (!sheet) throw new Error("no candidate sheet");
    const top = rowWith(sheet, "Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ");
    expect(fillOf(top)).toBe(GOOD);
    expect(top.getCell(2).font?.color?.argb).toBe("FF006100");
    const ratioCol = columnOf(sheet, "Tỷ lệ", top);
    expect(top.getCell(ratioCol).value).toBeCloseTo(660 / 700, 10);
    expect(top.getCell(ratioCol).numFmt).toBe("0.00%");
    expect(fillOf(rowWith(sheet, "Sở Nội vụ"))).toBeUndefined();
    expect(sheet.views[0]).toMatchObject({ state: "frozen" });
    expect((sheet.views[0] as { ySplit?: number }).ySplit).toBeGreaterThan(0);
    expect(sheet.getTables().length).toBeGreaterThan(0);
    expect(zipPart(out, "xl/tables/table1.xml")).toContain("TableStyleMedium2");
  });
});

describe("dti-awards rank on the project's sample", () => {
  const dir = tempDir();
  const out = path.join(dir, "sample.awards.xlsx");
  const json = path.join(dir, "sample.json");
  let result: CliRun;
  let before: string;

  beforeAll(async () => {
    before = sha256(SAMPLE);
    result = await run([
      "rank",
      SAMPLE,
      "--out",
      out,
      "--json",
      json,
      "--decision-date",
      "2025-03-31",
      "--lang",
      "en",
    ]);
  });

  it("exits 1 because one row is invalid, and names its cell", () => {
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("Issues: 1 error(s)");
    expect(result.stdout).toContain("DTI 2024!D59: The score of “UBND phường Long Hòa” (521)");
    expect(sha256(SAMPLE)).toBe(before);
  });

  it("shows the tie at the bloc-3 cut-off", () => {
    expect(result.stdout).toMatch(/tie\s+#3\s+UBND phường Cái Khế[^\n]*2 units for 1 slot/);
    expect(result.stdout).toMatch(/tie\s+#3\s+UBND xã Trường Long/);
  });

  it("fills candidate, tie and invalid rows with Excel's Good, Neutral and Bad colours", async () => {
    const sheet = (await readBack(out)).getWorksheet("Award candidates 2024");
    if (!sheet) throw new Error("no candidate sheet");
    expect(fillOf(rowWith(sheet, "UBND phường An Cư"))).toBe(GOOD);
    expect(fillOf(rowWith(sheet, "UBND phường Cái Khế"))).toBe(NEUTRAL);
    expect(fillOf(rowWith(sheet, "UBND xã Trường Long"))).toBe(NEUTRAL);
    const invalid = rowWith(sheet, "UBND phường Long Hòa");
    expect(fillOf(invalid)).toBe(BAD);
    expect(invalid.getCell(2).font?.color?.argb).toBe("FF9C0006");
  });

  it("links the data-check rows to the offending cell", async () => {
    const workbook = await readBack(out);
    const index = workbook.worksheets.findIndex((ws) => ws.name === "Data check");
    expect(index).toBeGreaterThan(0);
    // A link inside the workbook is a location on the sheet's <hyperlink>, as Excel writes it.
    const xml = zipPart(out, `xl/worksheets/sheet${index + 1}.xml`);
    expect(xml).toMatch(/<hyperlink ref="[A-Z]+\d+" location="'DTI 2024'!\$D\$59"/);
  });

  it("writes the JSON result in the fixed shape", () => {
    const data = JSON.parse(readFileSync(json, "utf8"));
    expect(data.schema).toBe("dti-awards/result@1");
    expect(data.decisionDate).toBe("2025-03-31");
    expect(data.years.map((y: { year: number }) => y.year)).toEqual([2024]);
    const blocs = data.years[0].blocs;
    expect(blocs.map((b: { bloc: number }) => b.bloc)).toEqual([1, 2, 3, 4]);
    expect(blocs[2]).toMatchObject({ bloc: 3, collectiveSlots: 3, individualSlots: 3 });
    const first = blocs[0].units[0];
    expect(first).toEqual(
      expect.objectContaining({
        name: "Sở Tư pháp",
        score: 948.5,
        maxScore: 1000,
        ratio: 0.9485,
        rank: 1,
        status: "candidate",
        prizeVnd: 4680000,
        source: "DTI 2024!B11",
      }),
    );
    const invalid = blocs[2].units.find((u: { name: string }) => u.name === "UBND phường Long Hòa");
    expect(invalid).toMatchObject({ status: "invalid", rank: null });
    expect(blocs[0].individuals[0]).toEqual(
      expect.objectContaining({
        unit: "Sở Tư pháp",
        status: "candidate",
        prizeVnd: 2340000,
      }),
    );
    expect(blocs[0].individuals[0].source).toMatch(/^Cá nhân đề xuất!B\d+$/);
    expect(data.issues[0]).toEqual(
      expect.objectContaining({
        severity: "error",
        code: "SCORE_ABOVE_MAX",
        sheet: "DTI 2024",
        cell: "D59",
      }),
    );
    expect(data.issues[0].message).toContain("above the max score");
  });

  it("gives the same result when run again on its own output", async () => {
    const again = path.join(dir, "again.xlsx");
    const againJson = path.join(dir, "again.json");
    const second = await run([
      "rank",
      out,
      "--out",
      again,
      "--json",
      againJson,
      "--decision-date",
      "2025-03-31",
      "--lang",
      "en",
    ]);
    expect(second.code).toBe(1);
    // The sheets skipped as the tool's own output are said, in case an officer's sheet has the name.
    expect(second.stdout).toContain("has the name of one of this tool's output sheets");
    const first = JSON.parse(readFileSync(json, "utf8"));
    const next = JSON.parse(readFileSync(againJson, "utf8"));
    expect(next.years).toEqual(first.years);
    expect(next.issues).toEqual(first.issues);
    const names = (await readBack(again)).worksheets.map((ws) => ws.name);
    expect(names).toEqual(expect.arrayContaining(["Award candidates 2024 (2)", "Data check (2)"]));
  });
});

describe("dti-awards rank with hostile names", () => {
  it("writes names that begin with = + - @ as text, never as formulas", async () => {
    const dir = tempDir();
    const input = await writeFixture(dir, "hostile.xlsx", hostileNamesSheets());
    const out = path.join(dir, "hostile.awards.xlsx");
    const result = await run(["rank", input, "--out", out, "--decision-date", "2024-03-31"]);
    expect(result.code).toBe(0);
    const workbook = await readBack(out);
    const sheet = workbook.getWorksheet("Đề xuất khen thưởng 2023");
    if (!sheet) throw new Error("no candidate sheet");
    const hostile = [
      '=HYPERLINK("http://evil.example","Sở Y tế")',
      "+Sở Tư pháp",
      "-Sở Xây dựng",
      "@Sở Nội vụ",
      "@Nguyễn Văn An",
    ];
    for (const name of hostile) {
      const row = rowWith(sheet, name);
      const cell = (Array.isArray(row.values) ? row.values : []).indexOf(name);
      expect(row.getCell(cell).type).toBe(ExcelJS.ValueType.String);
      expect(row.getCell(cell).formula).toBeUndefined();
    }
    const written = workbook.worksheets.map((_ws, i) =>
      zipPart(out, `xl/worksheets/sheet${i + 1}.xml`),
    );
    // The input's own ratio formulas stay; the added sheets hold no formula at all.
    expect(written[0]).toContain("<f>");
    for (const xml of written.slice(2)) expect(xml).not.toContain("<f>");
  });
});

describe("dti-awards exit codes", () => {
  const dir = tempDir();

  it("exits 2 for a missing file, saying so in both languages", async () => {
    const result = await run(["rank", path.join(dir, "missing.xlsx")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Không tìm thấy tệp");
    expect(result.stderr).toContain("does not exist");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 for a file that is not an xlsx", async () => {
    const file = path.join(dir, "scores.xlsx");
    writeFileSync(file, "STT;Tên đơn vị;Điểm\n1;Sở Y tế;900\n");
    const result = await run(["rank", file, "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toContain("is not an Excel workbook");
  });

  it("exits 2 when the workbook has no score table, and writes nothing", async () => {
    const input = await writeFixture(dir, "notes.xlsx", noScoreTableSheets());
    const out = path.join(dir, "notes.awards.xlsx");
    const result = await run(["rank", input, "--out", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Không tìm thấy bảng điểm");
    expect(result.stderr).toContain("--sheet");
    expect(existsSync(out)).toBe(false);
  });

  it("exits 2 for a bad --decision-date", async () => {
    const result = await run(["rank", EXAMPLE, "--decision-date", "31/03/2024"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--decision-date 2024-03-31");
  });

  it("exits 2 for a bad --year", async () => {
    const result = await run(["rank", EXAMPLE, "--year", "2030"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("2022, 2023, 2024, 2025");
  });

  it("exits 2 for a --sheet the workbook does not have, listing its sheets", async () => {
    const result = await run(["rank", EXAMPLE, "--sheet", "DTI 2022", "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("no sheet “DTI 2022”");
    expect(result.stderr).toContain("“DTI 2023”");
  });

  it("exits 2 rather than overwrite the input", async () => {
    const input = path.join(dir, "same.xlsx");
    copyFileSync(EXAMPLE, input);
    const before = sha256(input);
    const result = await run(["rank", input, "--out", input]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("never overwritten");
    expect(sha256(input)).toBe(before);
  });

  it("exits 2 rather than write the JSON over the input or the output workbook", async () => {
    const input = path.join(dir, "json-same.xlsx");
    copyFileSync(EXAMPLE, input);
    const before = sha256(input);
    const onInput = await run(["rank", input, "--json", input, "--lang", "en"]);
    expect(onInput.code).toBe(2);
    expect(onInput.stderr).toContain("never overwritten");
    expect(sha256(input)).toBe(before);
    const out = path.join(dir, "json-same.out.xlsx");
    const onOutput = await run(["rank", input, "--out", out, "--json", out, "--lang", "en"]);
    expect(onOutput.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it("prints help and exits 0", async () => {
    const result = await run(["--help", "--lang", "en"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("dti-awards rank <workbook.xlsx>");
  });

  it("notes a formula without a computed value and still ranks", async () => {
    const input = await writeFixture(dir, "uncached.xlsx", uncachedFormulaSheets());
    const result = await run([
      "rank",
      input,
      "--out",
      path.join(dir, "uncached.awards.xlsx"),
      "--lang",
      "en",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("DTI 2024!F3: The formula cell has no computed value");
  });
});

describe("dti-awards --json -", () => {
  it("writes only JSON to standard output and the summary to standard error", async () => {
    const dir = tempDir();
    const result = await run([
      "rank",
      EXAMPLE,
      "--out",
      path.join(dir, "x.xlsx"),
      "--json",
      "-",
      "--decision-date",
      "2024-03-31",
    ]);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout);
    expect(data.schema).toBe("dti-awards/result@1");
    expect(data.decisionDate).toBe("2024-03-31");
    const unit = data.years[0].blocs[0].units[0];
    for (const field of [
      "name",
      "score",
      "maxScore",
      "ratio",
      "rank",
      "status",
      "prizeVnd",
      "source",
    ]) {
      expect(unit).toHaveProperty(field);
    }
    expect(result.stderr).toContain("Đã ghi:");
  });
});

describe("dti-awards demo", () => {
  it("ranks the sample, prints the table and the written path, and exits 0", async () => {
    const dir = tempDir();
    const out = path.join(dir, "demo.xlsx");
    const result = await run(["demo", "--out", out, "--decision-date", "2025-03-31"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("UBND phường An Cư");
    expect(result.stdout).toContain(`Đã ghi: ${out}`);
    expect(existsSync(out)).toBe(true);
  });
});

describe("dti-awards output into a pipe closed early", () => {
  it("ends the output quietly when the reader has gone, and still throws any other error", () => {
    const stream = new EventEmitter();
    tolerateClosedPipe(stream);
    expect(() =>
      stream.emit("error", Object.assign(new Error("write EPIPE"), { code: "EPIPE" })),
    ).not.toThrow();
    expect(() =>
      stream.emit("error", Object.assign(new Error("no space left"), { code: "ENOSPC" })),
    ).toThrow("no space left");
  });
});

describe("isToolOutput", () => {
  it("knows a workbook this tool wrote by its data-check sheet and that sheet's title", () => {
    expect(isToolOutput([{ name: "Kiểm tra dữ liệu", values: [["KIỂM TRA DỮ LIỆU"]] }])).toBe(true);
    expect(isToolOutput([{ name: "Data check", values: [["DATA CHECK"]] }])).toBe(true);
  });

  it("takes an officer's workbook with a sheet of the same name but other content for theirs", () => {
    expect(isToolOutput([{ name: "Kiểm tra dữ liệu", values: [["Ghi chú của phòng"]] }])).toBe(
      false,
    );
    expect(isToolOutput([{ name: "Danh sách đề nghị khen thưởng", values: [["STT"]] }])).toBe(
      false,
    );
  });
});

describe("an officer's list named like an output sheet, run again on the output", () => {
  it("gives the same individuals on every run (the officer's list is read, the tool's are not)", async () => {
    const dir = tempDir();
    const input = path.join(dir, "scores.xlsx");
    const book = new ExcelJS.Workbook();
    book.addWorksheet("DTI 2023").addRows([
      ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
      ["Sở Tư pháp", 1, 1000, 950],
      ["Sở Y tế", 1, 1000, 900],
    ]);
    book.addWorksheet("Danh sách đề nghị khen thưởng").addRows([
      ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Trực tiếp thực hiện"],
      [1, "Trần Thị Bình", "Chuyên viên", "Sở Tư pháp", "x"],
    ]);
    await book.xlsx.writeFile(input);
    const individuals: string[][] = [];
    let from = input;
    for (let i = 1; i <= 3; i += 1) {
      const out = path.join(dir, `run${i}.xlsx`);
      const json = path.join(dir, `run${i}.json`);
      const result = await run([
        "rank",
        from,
        "--out",
        out,
        "--json",
        json,
        "--decision-date",
        "2024-03-31",
      ]);
      expect(result.code).toBe(0);
      const data = JSON.parse(readFileSync(json, "utf8"));
      individuals.push(
        data.years.flatMap((y: { blocs: { individuals: { name: string; status: string }[] }[] }) =>
          y.blocs.flatMap((b) => b.individuals.map((p) => `${p.name}:${p.status}`)),
        ),
      );
      from = out;
    }
    expect(individuals).toEqual([
      ["Trần Thị Bình:candidate"],
      ["Trần Thị Bình:candidate"],
      ["Trần Thị Bình:candidate"],
    ]);
  });
});
