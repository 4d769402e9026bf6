import { buildCandidateSheets } from "../../src/domain/candidateSheet";
import { rankWorkbook } from "../../src/domain/rankWorkbook";
import { columnLine, reportLines, tableSummary } from "../../src/domain/readingReport";
import { officerLayout } from "../fixtures/layouts";

const result = rankWorkbook([officerLayout()], { decisionDate: "2024-03-31" });
const table = result.tables[0];

describe("the reading report", () => {
  it("sums a table up in one line: place, year and its source, blocs, rows read", () => {
    expect(tableSummary(table, "en")).toBe(
      "Scores, DTI 2023!A7:G21; year 2023 (the sheet name); blocs from the bloc headings; 8 rows read",
    );
    expect(tableSummary(table, "vi")).toBe(
      "Bảng điểm, DTI 2023!A7:G21; năm 2023 (tên trang); khối theo dòng đề mục khối; 8 dòng đã đọc",
    );
  });

  it("gives one line per column taken, with the header and why", () => {
    expect(table.readings.map((r) => columnLine(r, "vi"))).toEqual([
      "Tên đơn vị: B “Tên cơ quan, đơn vị” — tiêu đề cột khớp",
      "Điểm tối đa: C “Điểm tối đa” — tiêu đề cột khớp",
      "Điểm: D “Điểm đạt được” — tiêu đề cột khớp",
      "Tỷ lệ: E “Tỷ lệ (%)” — tiêu đề cột khớp",
      "Ghi chú: G “Ghi chú” — tiêu đề cột khớp",
    ]);
  });

  it("ends with the notes: here the count row that was skipped", () => {
    expect(reportLines(table, "en").at(-1)).toBe(
      "Skipped 1 count row(s): B21 “Tổng số đơn vị được đánh giá”.",
    );
  });

  it("is on the data-check sheet, each column linked to its header cell", () => {
    const check = buildCandidateSheets(result, "en").at(-1);
    const report = check?.tables.find((t) => t.name === "TableReading");
    expect(report?.rows.map((r) => r.values[2])).toEqual([
      "Scores",
      "Unit name",
      "Max score",
      "Score",
      "Ratio",
      "Note",
      "Note",
    ]);
    expect(report?.rows[3].link).toEqual({ sheet: "DTI 2023", cell: "D7" });
    expect(report?.rows[3].values.slice(3)).toEqual(["D", "Điểm đạt được", "the header matches"]);
  });

  it("marks a refused table and says the column must be chosen", () => {
    const refused = rankWorkbook(
      [
        {
          name: "Bảng điểm",
          values: [
            ["Đơn vị", "Khối", "Điểm tối đa", "Điểm năm 2022", "Điểm năm 2023"],
            ["Sở Tư pháp", 1, 1000, 990, 700],
            ["Sở Nội vụ", 1, 1000, 800, 790],
          ],
        },
      ],
      { decisionDate: "2024-03-31" },
    );
    expect(tableSummary(refused.tables[0], "en")).toContain(
      "NOT RANKED: two readings give different results; choose the column",
    );
    const rows = buildCandidateSheets(refused, "vi")
      .at(-1)
      ?.tables.find((t) => t.name === "CachDocBang")?.rows;
    expect(rows?.every((r) => r.style === "invalid")).toBe(true);
  });
});
