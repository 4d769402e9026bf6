import { budgetOf, budgetSentence, formatVnd } from "../../src/domain/budget";
import { readDecisions, decisionHeaderRow, decisionRowValues } from "../../src/domain/decisions";
import {
  agencyShort,
  buildProposalList,
  buildProposalSheets,
  proposalSheetModel,
  proposalSheetName,
  submitter,
  PROPOSAL_COLUMNS,
} from "../../src/domain/proposalList";
import { DECREE_30_MARGINS, wrappedLines } from "../../src/domain/printSheet";
import { rankReadings } from "../../src/domain/rankWorkbook";
import { buildSubmission } from "../../src/domain/submission";
import type { AwardResult, Bloc, CellSheet, UnitScore } from "../../src/domain/types";
import { readings } from "../fixtures/readings";
import { nominee, unit } from "../fixtures/units";

/** Decided 2025-12-20: Decree 152/2025, base 2,340,000: collective 7,020,000, individual 3,510,000. */
const DATE = "2025-12-20";

function units(b: Bloc, scores: readonly number[], max: number | null = 1000): UnitScore[] {
  return scores.map((score, i) =>
    unit({
      name: `Đơn vị ${b}.${i + 1}`,
      bloc: b,
      year: 2024,
      score,
      maxScore: max,
      order: b * 100 + i,
    }),
  );
}

/** Bloc 1 with a clear first place and a proposed official; bloc 3 with a tie for the last slot. */
function sample(): AwardResult {
  const scoreUnits = [
    ...units(1, [948.5, 900, 880]),
    ...units(3, [478, 471.5, 466, 466, 420], 500),
    ...units(4, [91, 88], null),
  ];
  const people = [
    nominee({
      name: "Nguyễn Thị Mai",
      unitName: "Đơn vị 1.1",
      title: "Trưởng phòng",
      direct: true,
    }),
    nominee({
      name: "Trần Văn Hùng",
      unitName: "Đơn vị 3.1",
      title: "Công chức Văn phòng - Thống kê",
    }),
  ].map((p) => ({ ...p, achievement: "Trực tiếp vận hành Cổng dịch vụ công" }));
  return rankReadings(readings(scoreUnits, { nominees: people }), { decisionDate: DATE });
}

describe("the budget line", () => {
  it("counts the awards proposed per year and recipient at the decision date's amounts", () => {
    const budget = budgetOf(sample());
    expect(budget.years[0].collective).toEqual({
      recipient: "collective",
      count: 4,
      pending: 1,
      unitVnd: 7_020_000,
      totalVnd: 28_080_000,
      pendingVnd: 7_020_000,
    });
    expect(budget.years[0].individual).toMatchObject({
      count: 2,
      unitVnd: 3_510_000,
      totalVnd: 7_020_000,
    });
    expect(budget.years[0].totalVnd).toBe(35_100_000);
    expect(budget.totalVnd).toBe(35_100_000);
    expect(budget.pendingVnd).toBe(7_020_000);
  });

  it("says it in one sentence, tied slots apart", () => {
    expect(budgetSentence(budgetOf(sample()).years[0], "vi")).toBe(
      "Tập thể: 4 × 7.020.000 = 28.080.000 đồng; cá nhân: 2 × 3.510.000 = 7.020.000 đồng; cộng 35.100.000 đồng. Chưa tính 1 suất bằng điểm chờ Hội đồng xét (7.020.000 đồng).",
    );
    expect(formatVnd(59_670_000, "en")).toBe("59,670,000");
  });

  it("computes no money for a decision date outside the prize tables", () => {
    const result = { ...sample(), prize: null };
    expect(budgetOf(result).years[0].collective.totalVnd).toBeNull();
    expect(budgetSentence(budgetOf(result).years[0], "en")).toContain(
      "Collectives: 4 (not computed)",
    );
  });
});

describe("the proposal list", () => {
  it("lists the decided collectives with an achievement built from the data", () => {
    const list = buildProposalList(sample(), sample().years[0], "vi", submitter());
    expect(list.collectives.map((e) => [e.no, e.name])).toEqual([
      [1, "Đơn vị 1.1"],
      [2, "Đơn vị 3.1"],
      [3, "Đơn vị 3.2"],
      [4, "Đơn vị 4.1"],
    ]);
    expect(list.collectives[0].achievement).toBe(
      "Đạt tỷ lệ điểm 94,85%, xếp hạng 1/3 Khối 1 (sở, ban, ngành) theo Bộ chỉ số đánh giá chuyển đổi số thành phố Cần Thơ năm 2024.",
    );
    expect(list.collectives[3].achievement).toBe(
      "Đạt 91 điểm đánh giá, xếp hạng 1/2 Khối 4 (doanh nghiệp viễn thông, công nghệ thông tin).",
    );
    expect(list.collectives[0].form).toBe("Bằng khen của Chủ tịch UBND thành phố");
  });

  it("writes an index value to four decimals, so that two ranks never read alike", () => {
    const result = rankReadings(readings(units(4, [0.9483, 0.9471], null)), {
      decisionDate: DATE,
    });
    const list = buildProposalList(result, result.years[0], "vi", submitter());
    expect(list.collectives[0].achievement).toContain("Đạt 0,9483 điểm đánh giá, xếp hạng 1/2");
  });

  it("lists the individuals with position, unit and the nominee's own achievement", () => {
    const list = buildProposalList(sample(), sample().years[0], "vi", submitter());
    expect(list.individuals[0]).toMatchObject({
      no: 1,
      name: "Nguyễn Thị Mai",
      position: "Trưởng phòng",
      unit: "Đơn vị 1.1",
    });
    expect(list.individuals[0].achievement).toBe(
      "Cá nhân tiêu biểu của đơn vị đạt tỷ lệ điểm 94,85%, xếp hạng 1/3 Khối 1 (sở, ban, ngành) năm 2024; trực tiếp thực hiện nhiệm vụ chuyển đổi số; trực tiếp vận hành Cổng dịch vụ công.",
    );
  });

  it("states a tie still open and marks the list as a draft", () => {
    const list = buildProposalList(sample(), sample().years[0], "vi", submitter());
    expect(list.draft).toBe(true);
    expect(list.pending).toEqual([
      { bloc: 3, recipient: "collective", open: 1, names: ["Đơn vị 3.3", "Đơn vị 3.4"] },
    ]);
    const model = proposalSheetModel(list, false);
    const texts = model.cells.map((c) => c.value);
    expect(texts).toContain(
      "Khối 3: còn 1 suất tập thể chờ Hội đồng thi đua – khen thưởng xét chọn trong: Đơn vị 3.3, Đơn vị 3.4.",
    );
    expect(texts).toContain(
      "DỰ THẢO – còn trường hợp bằng điểm chờ Hội đồng thi đua – khen thưởng xét chọn",
    );
  });

  it("becomes final once the council chose, naming the choice in the achievement", () => {
    const sheet: CellSheet = {
      name: "Quyết định của Hội đồng",
      values: [
        decisionHeaderRow("vi"),
        decisionRowValues(
          {
            year: 2024,
            bloc: 3,
            recipient: "collective",
            unit: "Đơn vị 3.4",
            group: "",
            person: "",
            kind: "choose",
            reason: "",
            basis: { ratio: 0.932, rank: 3, tieSize: 2, open: 1 },
            recorded: "2025-12-01",
          },
          "vi",
        ),
      ],
    };
    const result = rankReadings(
      {
        ...readings(
          [
            ...units(1, [948.5, 900, 880]),
            ...units(3, [478, 471.5, 466, 466, 420], 500),
            ...units(4, [91, 88], null),
          ],
          {},
        ),
        decisions: readDecisions(sheet),
      },
      { decisionDate: DATE },
    );
    const list = buildProposalList(result, result.years[0], "vi", submitter());
    expect(list.draft).toBe(false);
    expect(list.collectives.map((e) => e.name)).toContain("Đơn vị 3.4");
    expect(list.collectives.find((e) => e.name === "Đơn vị 3.4")?.achievement).toContain(
      "được Hội đồng thi đua – khen thưởng xét chọn trong các đơn vị bằng điểm",
    );
  });

  it("states the round beside the score year when the scores serve a later round", () => {
    const base = rankReadings(readings(units(1, [900, 800])), {
      decisionDate: DATE,
      rounds: { 2024: 2025 },
    });
    const list = buildProposalList(base, base.years[0], "vi", submitter());
    expect(list.subtitle).toContain(
      "đợt tổng kết năm 2025 (kết quả Bộ chỉ số đánh giá chuyển đổi số năm 2024)",
    );
    expect(list.attachment).toBe(
      "(Kèm theo Tờ trình số       /TTr-STTTT ngày      tháng      năm 2025 của Sở Thông tin và Truyền thông)",
    );
  });

  it("is written in English when asked", () => {
    const list = buildProposalList(sample(), sample().years[0], "en", submitter());
    expect(list.title).toBe("AWARD PROPOSAL LIST");
    expect(list.collectives[0].achievement).toContain("Score ratio 94.85%, ranked 1/3 in");
  });
});

describe("the submitter", () => {
  it("abbreviates a Department's name for the document symbol", () => {
    expect(agencyShort("SỞ THÔNG TIN VÀ TRUYỀN THÔNG")).toBe("STTTT");
    expect(agencyShort("Sở Khoa học và Công nghệ")).toBe("SKHCN");
    expect(agencyShort("Sở Giáo dục và Đào tạo")).toBe("SGDĐT");
    expect(submitter("Sở Khoa học và Công nghệ")).toMatchObject({
      agency: "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
      agencyName: "Sở Khoa học và Công nghệ",
      short: "SKHCN",
    });
  });
});

describe("the proposal list as a print-ready sheet", () => {
  const model = proposalSheetModel(
    buildProposalList(sample(), sample().years[0], "vi", submitter()),
    false,
  );
  const at = (row: number, col: number) =>
    model.cells.find((c) => c.row === row && c.col === col)?.value;

  it("is A4 portrait with Decree 30 margins, one page wide, page numbers and a repeated header", () => {
    expect(model.name).toBe("Danh sách đề nghị khen thưởng");
    expect(model.font).toBe("Times New Roman");
    expect(model.page).toEqual({
      orientation: "portrait",
      margins: DECREE_30_MARGINS,
      fitToWidth: true,
      titleRows: { from: 8, to: 8 },
      pageNumbers: true,
      breaksBefore: [],
    });
    expect(at(8, 0)).toBe("STT");
    expect(at(8, 5)).toBe("Hình thức khen thưởng");
  });

  it("has the heading block: City People's Committee and Department left, nation and motto right", () => {
    expect(at(0, 0)).toBe("UBND THÀNH PHỐ CẦN THƠ");
    expect(at(1, 0)).toBe("SỞ THÔNG TIN VÀ TRUYỀN THÔNG");
    expect(at(0, 3)).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(at(1, 3)).toBe("Độc lập - Tự do - Hạnh phúc");
    expect(model.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 2 });
    expect(model.merges).toContainEqual({ top: 1, left: 3, bottom: 1, right: 5 });
    expect(model.styles.motto).toMatchObject({ bold: true, underline: true, size: 13 });
  });

  it("has the two sections with one row per award and a row tall enough for its text", () => {
    const values = model.cells.map((c) => c.value);
    expect(values).toContain("I. TẬP THỂ");
    expect(values).toContain("II. CÁ NHÂN");
    const mai = model.cells.find((c) => c.value === "Nguyễn Thị Mai");
    const achievement = model.cells.find((c) => c.row === mai?.row && c.col === 4)?.value;
    const height = model.rowHeights.find((h) => h.row === mai?.row)?.points ?? 0;
    const lines = wrappedLines(String(achievement), PROPOSAL_COLUMNS[4], 12);
    expect(lines).toBeGreaterThan(5);
    expect(height).toBeGreaterThanOrEqual(lines * 15);
  });

  it("ends with the budget and the signature", () => {
    const values = model.cells.map((c) => String(c.value));
    expect(
      values.some((v) =>
        v.startsWith("Kinh phí khen thưởng (mức thưởng theo Nghị định 152/2025/NĐ-CP, Điều 54"),
      ),
    ).toBe(true);
    expect(values).toContain("GIÁM ĐỐC");
  });

  it("takes the year into the sheet name when a run ranks several years", () => {
    expect(proposalSheetName(2024, true, "vi")).toBe("DS đề nghị khen thưởng 2024");
    expect(buildProposalSheets(sample(), "en", submitter()).map((s) => s.name)).toEqual([
      "Award proposal list",
    ]);
  });
});

describe("the submission (Tờ trình)", () => {
  it("has the parts of an administrative document, the number left for the clerk", () => {
    const submission = buildSubmission(
      buildProposalList(sample(), sample().years[0], "vi", submitter()),
    );
    expect(submission.number).toBe("Số:       /TTr-STTTT");
    // Dated in the year of the decision date (2025-12-20), for the 2024 round.
    expect(submission.dateLine).toBe("Cần Thơ, ngày      tháng      năm 2025");
    expect(submission.kind).toBe("TỜ TRÌNH");
    expect(submission.subject).toContain("đợt sơ kết năm 2024");
    expect(submission.paragraphs[1]).toBe("Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ;");
    expect(submission.paragraphs[3]).toContain("tặng Bằng khen cho 4 tập thể và 2 cá nhân");
    expect(submission.receivers[submission.receivers.length - 1]).toBe("- Lưu: VT, STTTT.");
    expect(submission.draftNote).toContain("còn 1 suất bằng điểm");
  });
});
