import { existsSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { parseArgs } from "../../src/cli/args";
import { rankOptionsFor } from "../../src/cli/main";
import { optionsWithMapping } from "../../src/excel/mapping";
import { rawXlsx, rowsXml, worksheetXml } from "../fixtures/rawXlsx";
import { tempDir } from "../fixtures/workbooks";
import { runCli, zipPartBytes } from "./runCli";

const TODAY = "2024-03-31";

function runArgs(argv: string[]) {
  const parsed = parseArgs(["rank", "a.xlsx", ...argv], TODAY);
  if (!parsed.ok || parsed.command.kind !== "rank") throw new Error("not parsed");
  return parsed.command.args;
}

/** A 2023 table with last year's score beside this year's: the column to rank by is a choice. */
function twoScoreColumns(): string {
  const dir = tempDir();
  const input = path.join(dir, "two-scores.xlsx");
  const xml = worksheetXml({
    sheetData: rowsXml([
      ["BẢNG ĐIỂM NĂM 2023"],
      ["STT", "Tên cơ quan, đơn vị", "Khối", "Điểm tối đa", "Điểm năm 2022", "Điểm năm 2023"],
      [1, "Sở A", 1, 1000, 990, 800],
      [2, "Sở B", 1, 1000, 900, 950],
    ]),
  });
  writeFileSync(input, rawXlsx({ sheets: [{ name: "DTI 2023", xml }] }));
  return input;
}

describe("the command line's column choice", () => {
  it("gives the engine the same options as the pane's saved “Chọn cột” mapping", () => {
    const args = runArgs([
      "--sheet",
      "DTI 2023",
      "--header-row",
      "7",
      "--column",
      "name=Tên cơ quan, đơn vị",
      "--column",
      "score=Tổng điểm",
      "--column",
      "max=Điểm tối đa",
      "--year",
      "2023",
    ]);
    const fromPane = optionsWithMapping(
      { decisionDate: TODAY, year: 2023 },
      {
        sheet: "DTI 2023",
        headerRow: 7,
        columns: { unit: "Tên cơ quan, đơn vị", score: "Tổng điểm", maxScore: "Điểm tối đa" },
      },
    );
    expect(rankOptionsFor(args, [])).toEqual(fromPane);
  });

  it("passes a one-bloc sheet's bloc and the sheets to ignore", () => {
    expect(rankOptionsFor(runArgs(["--bloc", "3"]), ["Kiểm tra dữ liệu"])).toEqual({
      decisionDate: TODAY,
      bloc: 3,
      ignoreSheets: ["Kiểm tra dữ liệu"],
    });
  });

  it("ranks by the score column named with --column and says so in the reading block", async () => {
    const input = twoScoreColumns();
    const result = await runCli([
      "rank",
      input,
      "--decision-date",
      TODAY,
      "--column",
      "score=Điểm năm 2023",
      "--lang",
      "en",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/candidate\s+#1\s+Sở B\s+95\.00%/);
    expect(result.stdout).toContain("How the tables were read:");
    // The reading report's own lines, as the data-check sheet gives them.
    expect(result.stdout).toContain(
      "\n  Scores, DTI 2023!A2:F4; year 2023 (the sheet name); blocs from the bloc column; 2 rows read\n",
    );
    expect(result.stdout).toContain("\n    Score: F “Điểm năm 2023” — column chosen by the user\n");
    expect(result.stdout).toContain(
      "\n    Unit name: B “Tên cơ quan, đơn vị” — the header matches\n",
    );
    expect(result.stdout).not.toContain("Ratio:");
  });

  it("reads the header from the row given with --header-row, and finds no table on a unit row", async () => {
    const input = twoScoreColumns();
    const onUnitRow = await runCli(["rank", input, "--decision-date", TODAY, "--header-row", "3"]);
    expect(onUnitRow.code).toBe(2);
    expect(onUnitRow.stderr).toContain("Không tìm thấy bảng điểm");
    const onHeader = await runCli(["rank", input, "--decision-date", TODAY, "--header-row", "2"]);
    expect(onHeader.code).toBe(0);
    expect(onHeader.stdout).toContain("Bảng điểm, DTI 2023!A2:F4;");
  });
});

/** A 2023 table with two score columns that rank it differently, neither preferred. */
function refusedTable(): string {
  const input = path.join(tempDir(), "refused.xlsx");
  const xml = worksheetXml({
    sheetData: rowsXml([
      ["BẢNG ĐIỂM NĂM 2023"],
      ["STT", "Tên cơ quan, đơn vị", "Khối", "Điểm đánh giá", "Điểm DTI", "Điểm tối đa"],
      [1, "Sở Tư pháp", 1, 990, 700, 1000],
      [2, "Sở Nội vụ", 1, 800, 790, 1000],
      [3, "Sở Y tế", 1, 850, 600, 1000],
    ]),
  });
  writeFileSync(input, rawXlsx({ sheets: [{ name: "DTI 2023", xml }] }));
  return input;
}

/** A one-bloc sheet: district committees, with no bloc column, heading or telling sheet name. */
function oneBlocTable(): string {
  const input = path.join(tempDir(), "one-bloc.xlsx");
  const xml = worksheetXml({
    sheetData: rowsXml([
      ["BẢNG ĐIỂM NĂM 2023"],
      ["STT", "Tên đơn vị", "Điểm tối đa", "Điểm đạt được"],
      [1, "UBND quận Ninh Kiều", 1000, 900],
      [2, "UBND quận Bình Thủy", 1000, 950],
      [3, "UBND huyện Phong Điền", 1000, 800],
    ]),
  });
  writeFileSync(input, rawXlsx({ sheets: [{ name: "DTI 2023", xml }] }));
  return input;
}

describe("a table the reader refuses, on the command line", () => {
  it("exits 2 naming both columns and the --column to choose with, and writes nothing", async () => {
    const input = refusedTable();
    const result = await runCli(["rank", input, "--decision-date", TODAY, "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(
      "can be read two ways for the score: column D “Điểm đánh giá” or column E “Điểm DTI”",
    );
    expect(result.stderr).toContain(
      '--column score="Điểm đánh giá" or --column score="Điểm DTI" on the command line',
    );
    expect(result.stderr).toContain("có hai cách đọc");
    expect(existsSync(input.replace(/\.xlsx$/, ".awards.xlsx"))).toBe(false);
  });

  it("is marked refused in --json beside a table that is ranked, and the run exits 1", async () => {
    const input = path.join(tempDir(), "refused-and-ranked.xlsx");
    const good = worksheetXml({
      sheetData: rowsXml([
        ["BẢNG ĐIỂM NĂM 2023"],
        ["STT", "Tên cơ quan, đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [1, "UBND quận Bình Thủy", 2, 1000, 950],
      ]),
    });
    const refused = readFileSync(refusedTable());
    const sheetOf = (bytes: Buffer) =>
      zipPartBytes(bytes, "xl/worksheets/sheet1.xml")?.toString("utf8") ?? "";
    writeFileSync(
      input,
      rawXlsx({
        sheets: [
          { name: "DTI 2023", xml: sheetOf(refused) },
          { name: "Quận huyện 2023", xml: good },
        ],
      }),
    );
    const result = await runCli(["rank", input, "--decision-date", TODAY, "--json", "-"]);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(
      json.tables.map((t: { sheet: string; refused: boolean }) => [t.sheet, t.refused]),
    ).toEqual([
      ["DTI 2023", true],
      ["Quận huyện 2023", false],
    ]);
    expect(json.issues[0]).toMatchObject({ code: "COLUMN_AMBIGUOUS", severity: "error" });
  });

  it.each([
    ["by its letter", "score=D"],
    ["by its header", "score=Điểm đánh giá"],
  ])("is ranked by the score column chosen %s", async (_how, choice) => {
    const input = refusedTable();
    const result = await runCli(["rank", input, "--decision-date", TODAY, "--column", choice]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/đề xuất\s+#1\s+Sở Tư pháp\s+99,00%/);
    expect(result.stdout).toContain("Điểm: D “Điểm đánh giá” — ");
    expect(result.stdout).not.toContain("KHÔNG XẾP HẠNG");
  });

  it("ranks by the other column when that one is chosen, with another winner", async () => {
    const input = refusedTable();
    const result = await runCli(["rank", input, "--decision-date", TODAY, "--column", "score=E"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/đề xuất\s+#1\s+Sở Nội vụ\s+79,00%/);
  });
});

describe("--bloc on a one-bloc sheet", () => {
  it("ranks every unit of the sheet in the bloc given, and says the bloc was chosen", async () => {
    const input = oneBlocTable();
    const json = path.join(path.dirname(input), "one-bloc.json");
    const result = await runCli([
      "rank",
      input,
      "--decision-date",
      TODAY,
      "--bloc",
      "2",
      "--json",
      json,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Khối 2 – UBND quận, huyện: 3 đơn vị xếp hạng");
    expect(result.stdout).toMatch(/đề xuất\s+#1\s+UBND quận Bình Thủy\s+95,00%/);
    expect(result.stdout).toContain("khối theo khối đã chọn");
    const parsed = JSON.parse(readFileSync(json, "utf8"));
    const blocs = parsed.years[0].blocs.map((b: { units: unknown[] }) => b.units.length);
    expect(blocs).toEqual([0, 3, 0, 0]);
    expect(parsed.tables[0].blocSource).toBe("caller");
  });

  it("leaves the same units without a bloc, each reported, when no bloc is given", async () => {
    const result = await runCli(["rank", oneBlocTable(), "--decision-date", TODAY, "--json", "-"]);
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.years).toEqual([]);
    expect(parsed.unplaced).toHaveLength(3);
    expect(parsed.issues.filter((i: { code: string }) => i.code === "BLOC_UNKNOWN")).toHaveLength(
      3,
    );
  });
});

describe("the reading report in --json", () => {
  it("carries each table's sheet, range, header row, and per column its role, letter, header and why", async () => {
    const input = twoScoreColumns();
    const result = await runCli([
      "rank",
      input,
      "--decision-date",
      TODAY,
      "--json",
      "-",
      "--column",
      "score=Điểm năm 2023",
      "--lang",
      "en",
    ]);
    const json = JSON.parse(result.stdout);
    expect(json.tables).toHaveLength(1);
    const [table] = json.tables;
    expect(table).toMatchObject({
      sheet: "DTI 2023",
      kind: "scores",
      range: "A2:F4",
      headerRow: 2,
      columns: { unit: "B", bloc: "C", maxScore: "D", score: "F" },
      dataRows: 2,
      year: 2023,
      blocSource: "column",
      notes: [],
    });
    expect(table.readings).toEqual(
      expect.arrayContaining([
        { role: "unit", column: "B", header: "Tên cơ quan, đơn vị", why: expect.any(String) },
        { role: "score", column: "F", header: "Điểm năm 2023", why: expect.any(String) },
        { role: "maxScore", column: "D", header: "Điểm tối đa", why: expect.any(String) },
      ]),
    );
    for (const reading of table.readings) expect(reading.why.length).toBeGreaterThan(0);
  });
});
