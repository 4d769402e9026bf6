import { isIsoDate } from "../../src/domain/prize";
import {
  CLI_COLUMN_ROLES,
  helpText,
  localIsoDate,
  parseArgs,
  type RunArgs,
} from "../../src/cli/args";

const TODAY = "2024-03-31";

describe("parseArgs", () => {
  it("reads a rank command with every option", () => {
    const parsed = parseArgs(
      [
        "rank",
        "scores.xlsx",
        "--year",
        "2023",
        "--decision-date=2024-10-01",
        "--sheet",
        "DTI 2023",
        "--sheet",
        "Khối 4",
        "--nominees",
        "Cá nhân đề xuất",
        "--out",
        "result.xlsx",
        "--json",
        "-",
        "--lang",
        "en",
        "--header-row",
        "7",
        "--column",
        "score=Tổng điểm",
        "--column=max=e",
        "--column",
        "name=Tên đơn vị",
        "--bloc",
        "3",
      ],
      TODAY,
    );
    expect(parsed).toEqual({
      ok: true,
      command: {
        kind: "rank",
        input: "scores.xlsx",
        args: {
          year: 2023,
          decisionDate: "2024-10-01",
          sheets: ["DTI 2023", "Khối 4"],
          nomineeSheet: "Cá nhân đề xuất",
          out: "result.xlsx",
          json: "-",
          lang: "en",
          columns: { score: "Tổng điểm", maxScore: "E", unit: "Tên đơn vị" },
          headerRow: 7,
          bloc: 3,
        },
      },
    });
  });

  it("maps every role of --column to the engine's role, as the pane's “Chọn cột” does", () => {
    const given = Object.keys(CLI_COLUMN_ROLES).map((role, i) => `${role}=${"ABCDEFGHI"[i]}`);
    const parsed = parseArgs(["rank", "a.xlsx", ...given.flatMap((g) => ["--column", g])], TODAY);
    expect(parsed.ok && parsed.command.kind === "rank" && parsed.command.args.columns).toEqual({
      unit: "A",
      score: "B",
      maxScore: "C",
      ratio: "D",
      bloc: "E",
      year: "F",
      excluded: "G",
      note: "H",
      district: "I",
    });
  });

  it("takes a bloc written in Roman numerals, as the officers' sheets write it", () => {
    const parsed = parseArgs(["rank", "a.xlsx", "--bloc", "iii"], TODAY);
    expect(parsed.ok && parsed.command.kind === "rank" && parsed.command.args.bloc).toBe(3);
  });

  it("keeps a header text of four letters or more as a header, and XFD as the last column", () => {
    const parsed = parseArgs(
      ["rank", "a.xlsx", "--column", "score=PDTI", "--column", "max=xfd"],
      TODAY,
    );
    expect(parsed.ok && parsed.command.kind === "rank" && parsed.command.args.columns).toEqual({
      score: "PDTI",
      maxScore: "XFD",
    });
  });

  it("defaults the decision date to today, every year and Vietnamese", () => {
    const parsed = parseArgs(["rank", "a.xlsx"], TODAY);
    const defaults: RunArgs = {
      year: undefined,
      decisionDate: TODAY,
      sheets: [],
      nomineeSheet: undefined,
      out: undefined,
      json: undefined,
      lang: "vi",
      columns: {},
      headerRow: undefined,
      bloc: undefined,
    };
    expect(parsed.ok && parsed.command.kind === "rank" && parsed.command.args).toEqual(defaults);
  });

  it("shows help for --help, -h and no arguments", () => {
    expect(parseArgs(["--help"], TODAY)).toEqual({
      ok: true,
      command: { kind: "help", lang: "vi" },
    });
    expect(parseArgs(["-h", "--lang", "en"], TODAY)).toEqual({
      ok: true,
      command: { kind: "help", lang: "en" },
    });
    expect(parseArgs([], TODAY)).toEqual({ ok: true, command: { kind: "help", lang: "vi" } });
  });

  it("reads the demo command without a file", () => {
    const parsed = parseArgs(["demo", "--decision-date", "2025-12-20"], TODAY);
    expect(parsed.ok && parsed.command.kind).toBe("demo");
    expect(parseArgs(["demo", "x.xlsx"], TODAY).ok).toBe(false);
  });

  it.each([
    [["rank"], "workbook is missing"],
    [["rank", "a.xlsx", "b.xlsx"], "Only one workbook"],
    [["rank", "a.xlsx", "--year", "2019"], "Year “2019” is not valid"],
    [["rank", "a.xlsx", "--year", "twenty"], "Year “twenty” is not valid"],
    [["rank", "a.xlsx", "--decision-date", "31/03/2024"], "Decision date “31/03/2024”"],
    [["rank", "a.xlsx", "--decision-date", "2023-02-29"], "Decision date “2023-02-29”"],
    [["rank", "a.xlsx", "--lang", "fr"], "Language “fr”"],
    [["rank", "a.xlsx", "--out", "result.csv"], "must end in .xlsx"],
    [["rank", "a.xlsx", "--bogus"], "Unknown option “--bogus”"],
    [["rank", "a.xlsx", "--year"], "needs a value"],
    [["rank", "a.xlsx", "--year", "2023", "--year", "2024"], "only once"],
    [["sort", "a.xlsx"], "Unknown command “sort”"],
    [["rank", "a.xlsx", "--column", "points=E"], "Unknown column role “points”"],
    [
      ["rank", "a.xlsx", "--column", "score"],
      "--column score needs a column header or a column letter",
    ],
    [["rank", "a.xlsx", "--column", "score="], "--column score needs a column header"],
    [["rank", "a.xlsx", "--column", "score=XFE"], "There is no column “XFE”"],
    [["rank", "a.xlsx", "--column", "score=ZZZ"], "the last column of a sheet is XFD"],
    [
      ["rank", "a.xlsx", "--column", "score=D7"],
      "“D7” in --column score=D7 is a cell, not a column",
    ],
    [
      ["rank", "a.xlsx", "--column", "score=D", "--column", "score=E"],
      "Role “score” is chosen twice",
    ],
    [
      ["rank", "a.xlsx", "--column", "score=D", "--column", "max=d"],
      "Column “D” is chosen for both “score” and “max”",
    ],
    [["rank", "a.xlsx", "--header-row", "0"], "Header row “0” is not valid"],
    [["rank", "a.xlsx", "--header-row", "seven"], "Header row “seven” is not valid"],
    [["rank", "a.xlsx", "--header-row", "1048577"], "Header row “1048577” is not valid"],
    [["rank", "a.xlsx", "--bloc", "5"], "Bloc “5” is not valid"],
    [["rank", "a.xlsx", "--bloc", "0"], "blocs 1, 2, 3 and 4"],
    [["rank", "a.xlsx", "--bloc", "2", "--column", "bloc=C"], "contradict each other"],
    [["rank", "a.xlsx", "--bloc", "2", "--bloc", "3"], "only once"],
  ])("refuses %j with a message that says what to do", (argv, english) => {
    const parsed = parseArgs(argv, TODAY);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message.en).toContain(english);
    expect(parsed.message.en).toContain("dti-awards --help");
    expect(parsed.message.vi).toContain("dti-awards --help");
    expect(parsed.message.vi).not.toEqual(parsed.message.en);
  });

  it("speaks the language asked for even when refusing", () => {
    const parsed = parseArgs(["rank", "--lang", "en"], TODAY);
    expect(!parsed.ok && parsed.lang).toBe("en");
  });
});

describe("isIsoDate", () => {
  it("accepts real calendar dates only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-13-01")).toBe(false);
    expect(isIsoDate("2024-3-1")).toBe(false);
  });
});

describe("localIsoDate", () => {
  it("gives the local calendar date", () => {
    expect(localIsoDate(new Date(2024, 2, 31, 23, 30))).toBe("2024-03-31");
    expect(localIsoDate(new Date(2025, 0, 5, 0, 5))).toBe("2025-01-05");
  });
});

describe("helpText", () => {
  it("lists both commands and every option in both languages", () => {
    for (const lang of ["vi", "en"] as const) {
      const text = helpText(lang);
      for (const word of [
        "rank",
        "demo",
        "--year",
        "--decision-date",
        "--sheet",
        "--nominees",
        "--out",
        "--json",
        "--lang",
        "--header-row",
        "--column",
        "--bloc",
        ...Object.keys(CLI_COLUMN_ROLES),
      ]) {
        expect(text).toContain(word);
      }
    }
  });
});
