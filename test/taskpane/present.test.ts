/**
 * What the task pane shows, as data: the decision date the Vietnamese way, the issue counts, the
 * reading report of a table, the columns "Chọn cột" offers and the column a refused table asks for.
 */
import { makeIssue } from "../../src/domain/issues";
import type { DetectedTable } from "../../src/domain/types";
import { formatDecisionDate, parseDecisionDate } from "../../src/taskpane/decisionDate";
import {
  columnChoices,
  columnToChoose,
  headerRowOf,
  issueCounts,
  matchingChoice,
  tableReading,
} from "../../src/taskpane/present";

describe("the decision date", () => {
  it("is typed day/month/year and kept as an ISO date", () => {
    expect(parseDecisionDate("15/03/2024")).toEqual({ ok: true, iso: "2024-03-15" });
    expect(parseDecisionDate(" 1-7-2025 ")).toEqual({ ok: true, iso: "2025-07-01" });
    expect(parseDecisionDate("1.7.2025")).toEqual({ ok: true, iso: "2025-07-01" });
    expect(parseDecisionDate("2024-03-15")).toEqual({ ok: true, iso: "2024-03-15" });
    expect(formatDecisionDate("2025-07-01")).toBe("01/07/2025");
  });

  it("is an error when empty or not a real day, never today", () => {
    expect(parseDecisionDate("")).toEqual({ ok: false, code: "DATE-MISSING" });
    expect(parseDecisionDate("   ")).toEqual({ ok: false, code: "DATE-MISSING" });
    expect(parseDecisionDate("29/02/2023")).toEqual({ ok: false, code: "DATE-INVALID" });
    expect(parseDecisionDate("03/15/2024")).toEqual({ ok: false, code: "DATE-INVALID" });
    expect(parseDecisionDate("hôm nay")).toEqual({ ok: false, code: "DATE-INVALID" });
  });
});

describe("the summary", () => {
  it("counts the errors and warnings the data-check sheet lists", () => {
    const issues = [
      makeIssue("SCORE_MISSING", { sheet: "DTI", cell: "D9" }, { unit: "Sở Y tế" }),
      makeIssue("NO_SCORE_TABLE", null),
    ];
    expect(issueCounts(issues)).toEqual({ errors: 2, warnings: 0 });
    expect(issueCounts([{ severity: "warning" }, { severity: "info" }])).toEqual({
      errors: 0,
      warnings: 1,
    });
  });
});

describe("how a table was read", () => {
  const table: DetectedTable = {
    sheet: "DTI 2023",
    kind: "scores",
    headerRow: 7,
    headers: ["STT", "Tên cơ quan, đơn vị", "Điểm đạt được"],
    columns: { unit: "B", score: "C" },
    dataRows: 40,
    yearSource: "sheet",
    year: 2023,
    range: "A7:C48",
    refused: false,
    readings: [
      {
        role: "unit",
        column: "B",
        header: "Tên cơ quan, đơn vị",
        why: { vi: "tiêu đề cột khớp", en: "the header matches" },
      },
      {
        role: "score",
        column: "C",
        header: "Điểm đạt được",
        why: { vi: "cột tổng, không lấy 3 cột thành phần", en: "the total over 3 parts" },
      },
    ],
    blocSource: "sections",
    notes: [{ vi: "Trang đang ẩn vẫn được đọc.", en: "The hidden sheet was read." }],
  };

  it("is one line for the table, one per column taken, then the notes", () => {
    expect(tableReading(table, "vi")).toEqual({
      title:
        "Trang “DTI 2023”, vùng A7:C48, dòng tiêu đề 7 · năm 2023 · khối lấy từ các dòng đề mục khối",
      columns: [
        "Tên đơn vị: cột B “Tên cơ quan, đơn vị” (tiêu đề cột khớp)",
        "Điểm đạt được: cột C “Điểm đạt được” (cột tổng, không lấy 3 cột thành phần)",
      ],
      notes: ["Trang đang ẩn vẫn được đọc."],
    });
    expect(tableReading({ ...table, year: null, blocSource: "none" }, "en").title).toBe(
      "Sheet “DTI 2023”, cells A7:C48, header row 7 · year unknown · no source of the blocs recorded",
    );
  });

  it("names a nominee table's columns in its own words", () => {
    const nominees: DetectedTable = {
      ...table,
      kind: "nominees",
      readings: [{ role: "person", column: "B", header: "Họ và tên", why: table.readings[0].why }],
    };
    expect(tableReading(nominees, "vi").columns).toEqual([
      "Họ và tên: cột B “Họ và tên” (tiêu đề cột khớp)",
    ]);
    expect(tableReading(nominees, "vi").title).not.toContain("khối");
  });
});

describe("the columns Chọn cột offers", () => {
  const preview = {
    name: "DTI",
    rowOffset: 2,
    colOffset: 1,
    rows: [["Bảng điểm"], ["Đơn vị", "Điểm", "", "điểm", ""], ["Sở Y tế", 90, "", 91]].map((r) =>
      r.map(String),
    ),
  };

  it("takes the header row chosen, else the detected one, else the first with two cells", () => {
    expect(headerRowOf(preview, 9, 4)).toBe(9);
    expect(headerRowOf(preview, null, 4)).toBe(4);
    expect(headerRowOf(preview, null, null)).toBe(4);
  });

  it("shows each column's letter and header, and stores a letter where the header is shared or blank", () => {
    expect(columnChoices(preview, 4)).toEqual([
      { value: "Đơn vị", letter: "B", header: "Đơn vị" },
      { value: "C", letter: "C", header: "Điểm" },
      { value: "D", letter: "D", header: "" },
      { value: "E", letter: "E", header: "điểm" },
    ]);
  });

  it("finds a saved column by its value, its letter or its header written another way", () => {
    const choices = columnChoices(preview, 4);
    expect(matchingChoice(choices, "Đơn vị")).toBe("Đơn vị");
    expect(matchingChoice(choices, "e")).toBe("E");
    expect(matchingChoice(choices, "ĐƠN VỊ")).toBe("Đơn vị");
    expect(matchingChoice(choices, "Tên")).toBeNull();
  });
});

describe("a table refused because two columns would rank it differently", () => {
  it("asks for the column of the role its issue names", () => {
    const issue = makeIssue(
      "COLUMN_AMBIGUOUS",
      { sheet: "DTI 2024", cell: "C6" },
      { sheet: "DTI 2024", option: "score", first: "C", second: "D" },
    );
    expect(columnToChoose([issue])).toEqual({ issue, sheet: "DTI 2024", role: "score" });
    const unknownRole = makeIssue("COLUMN_AMBIGUOUS", null, { option: "person" });
    expect(columnToChoose([unknownRole])).toBeNull();
  });
});
