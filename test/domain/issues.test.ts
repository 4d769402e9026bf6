import {
  ISSUE_CODES,
  ISSUE_DEFINITIONS,
  describeIssue,
  makeIssue,
  sortIssues,
} from "../../src/domain/issues";
import type { IssueParams } from "../../src/domain/issues";

const SAMPLE_PARAMS: IssueParams = {
  unit: "Sở Y tế",
  value: "abc",
  others: "Trần Thị Bình",
  other: "Sở Thông tin và Truyền thông",
  score: 1,
  max: 2,
  year: 2023,
  bloc: 1,
  first: "B9",
  firstBloc: 1,
  sheetYear: 2025,
  sheetBloc: 3,
  titleBloc: 1,
  section: 1,
  named: 3,
  headers: "STT | Họ và tên | Chức vụ",
  titleYear: 2024,
  person: "An",
  closest: "Sở Tư pháp",
  name: "DTI",
  header: "Điểm",
  role: "score",
  what: "điểm",
  whatEn: "score",
  thousand: 1000,
  decimal: 1,
  written: "90%",
  computed: "91%",
  length: 1200,
  kept: 1000,
  slots: 3,
  filled: 1,
  recipient: "tập thể",
  recipientEn: "collective",
  count: 2,
  rank: 3,
  open: 1,
  sheet: "DTI",
  rows: "12, 15",
  years: "2022",
  chosen: "“DTI 2023”",
  date: "2015-01-01",
  roleEn: "the score",
  firstHeader: "Điểm tự đánh giá",
  second: "E",
  secondHeader: "Điểm thẩm định",
  differs: "khối 1: hạng 1",
  differsEn: "bloc 1: rank 1",
  option: "score",
  seen: "DTI!7 (A: STT | B: Tên)",
  matched: "Phường An Cư (Quận Ninh Kiều)",
  why: "tên viết gần đúng",
  whyEn: "the name is spelt differently",
  round: 2025,
  roundVi: "đợt tổng kết năm 2025",
  roundEn: "the 2025 summary round",
  detail: "thiếu năm",
  detailEn: "no year",
  where: "khối 3 năm 2024",
  whereEn: "bloc 3 of 2024",
  statusVi: "hạng 1/20, đề xuất",
  statusEn: "rank 1 of 20, candidate",
  changes: "tỷ lệ 93,20% → 93,40%",
  changesEn: "ratio 93.20% → 93.40%",
  actionVi: "chọn “Sở Y tế”",
  actionEn: "choose “Sở Y tế”",
};

describe("the issue catalogue", () => {
  it.each(ISSUE_CODES.map((code) => [code]))(
    "%s has a Vietnamese and an English message with every parameter filled",
    (code) => {
      const issue = makeIssue(code, { sheet: "DTI", cell: "D9" }, SAMPLE_PARAMS);
      expect(issue.severity).toBe(ISSUE_DEFINITIONS[code].severity);
      for (const text of [issue.message.vi, issue.message.en]) {
        expect(text.length).toBeGreaterThan(10);
        expect(text).not.toContain("undefined");
      }
    },
  );

  it("has unique codes", () => {
    expect(new Set(ISSUE_CODES).size).toBe(ISSUE_CODES.length);
  });
});

describe("makeIssue and describeIssue", () => {
  it("builds an issue with its place and messages", () => {
    const issue = makeIssue(
      "SCORE_NEGATIVE",
      { sheet: "DTI", cell: "D9" },
      { unit: "Sở Y tế", score: -1 },
    );
    expect(issue).toMatchObject({
      code: "SCORE_NEGATIVE",
      severity: "error",
      sheet: "DTI",
      cell: "D9",
    });
    expect(issue.message.en).toBe("The score of “Sở Y tế” is negative (-1).");
    expect(describeIssue(issue, "en")).toBe("DTI!D9: The score of “Sở Y tế” is negative (-1).");
  });

  it("describes an issue about no cell without a place", () => {
    const issue = makeIssue("NO_SCORE_TABLE", null);
    expect(issue.sheet).toBeNull();
    expect(describeIssue(issue, "vi")).toBe(issue.message.vi);
  });
});

describe("sortIssues", () => {
  it("puts errors first, then warnings, then infos, keeping reading order within each", () => {
    const info = makeIssue("NO_NOMINEE_SHEET", null);
    const warning1 = makeIssue("BLOC_EMPTY", null, { year: 2025, bloc: 2, slots: 3 });
    const error = makeIssue("SCORE_MISSING", { sheet: "S", cell: "D3" }, { unit: "A" });
    const warning2 = makeIssue("BLOC_EMPTY", null, { year: 2025, bloc: 4, slots: 3 });
    const input = [info, warning1, error, warning2];
    expect(sortIssues(input)).toEqual([error, warning1, warning2, info]);
    expect(input).toEqual([info, warning1, error, warning2]);
  });
});
