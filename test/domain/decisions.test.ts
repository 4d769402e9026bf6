import {
  DECISION_HEADER_ROW,
  decisionHeaderRow,
  decisionRowValues,
  decisionSheetIntro,
  groupKey,
  readDecisions,
  type DecisionRowInput,
} from "../../src/domain/decisions";
import { rankReadings, rankWorkbook } from "../../src/domain/rankWorkbook";
import type {
  AwardResult,
  AwardYear,
  Bloc,
  BlocResult,
  CellSheet,
  Lang,
  Nominee,
  UnitScore,
} from "../../src/domain/types";
import { officerLayout } from "../fixtures/layouts";
import { readings } from "../fixtures/readings";
import { nominee, unit } from "../fixtures/units";

const DATE = "2024-03-31";
const SHEET = "Quyết định của Hội đồng";

function units(b: Bloc, scores: readonly number[], year: AwardYear = 2023): UnitScore[] {
  return scores.map((score, i) =>
    unit({
      name: `U${i}`,
      bloc: b,
      year,
      score,
      order: i,
      source: { sheet: "DTI", cell: `B${i + 9}` },
    }),
  );
}

type Row = Partial<DecisionRowInput> & Pick<DecisionRowInput, "unit">;

/** A decisions sheet as the add-in lays it out: two intro lines, a blank, the header, the rows. */
function decisionSheet(rows: readonly Row[], lang: Lang = "vi"): CellSheet {
  const full = rows.map((r) =>
    decisionRowValues(
      {
        year: 2023,
        bloc: 3,
        recipient: "collective",
        group: "",
        person: "",
        kind: "choose",
        reason: "",
        basis: { ratio: null, rank: null, tieSize: null, open: null },
        recorded: "2024-03-20",
        ...r,
      },
      lang,
    ),
  );
  const intro = decisionSheetIntro(lang);
  return { name: SHEET, values: [[intro[0]], [intro[1]], [], decisionHeaderRow(lang), ...full] };
}

function run(
  scoreUnits: readonly UnitScore[],
  rows: readonly Row[],
  extra: { nominees?: readonly Nominee[]; year?: number } = {},
): AwardResult {
  const base = readings(scoreUnits, extra.nominees ? { nominees: extra.nominees } : {});
  return rankReadings(
    { ...base, decisions: readDecisions(decisionSheet(rows)) },
    { decisionDate: DATE, ...(extra.year ? { year: extra.year } : {}) },
  );
}

const blocOf = (result: AwardResult, b: Bloc, year = 2023): BlocResult => {
  const found = result.years.find((y) => y.year === year)?.blocs.find((x) => x.bloc === b);
  if (!found) throw new Error(`no bloc ${b}`);
  return found;
};
const statusOf = (b: BlocResult, name: string) => b.units.find((u) => u.name === name)?.status;
const issue = (result: AwardResult, code: string) => result.issues.find((i) => i.code === code);
const codes = (result: AwardResult) => result.issues.map((i) => i.code);

/** The first data row of the decisions sheet is row 5; its decision cell is G. */
const FIRST_DECISION_CELL = { sheet: SHEET, cell: "G5" };

describe("readDecisions", () => {
  it("reads the rows under the header, skipping rows whose decision is still empty", () => {
    const sheet = decisionSheet([
      { unit: "UBND xã Trường Long", group: "Huyện Phong Điền", kind: "choose" },
      { unit: "UBND phường Cái Khế", kind: null },
      { unit: "Sở Y tế", bloc: 1, kind: "withdraw", reason: "Đang bị xem xét kỷ luật" },
    ]);
    const reading = readDecisions(sheet);
    expect(reading.headerRow).toBe(DECISION_HEADER_ROW + 1);
    expect(reading.issues).toEqual([]);
    expect(reading.decisions.map((d) => [d.unit, d.kind, d.source.cell])).toEqual([
      ["UBND xã Trường Long", "choose", "G5"],
      ["Sở Y tế", "withdraw", "G7"],
    ]);
    expect(reading.decisions[0]).toMatchObject({ year: 2023, bloc: 3, group: "Huyện Phong Điền" });
  });

  it("reads a table typed by hand with English or undiacritised headers and a percentage as text", () => {
    const sheet: CellSheet = {
      name: "QD",
      values: [
        ["Nam", "Don vi", "Quyet dinh", "Ty le khi quyet dinh"],
        ["2023", "U2", "chon", "90,00%"],
      ],
      rowOffset: 2,
      colOffset: 1,
    };
    const reading = readDecisions(sheet);
    expect(reading.decisions).toHaveLength(1);
    expect(reading.decisions[0]).toMatchObject({
      kind: "choose",
      recipient: "collective",
      bloc: null,
      basis: { ratio: 0.9 },
      source: { sheet: "QD", cell: "D4" },
    });
    const english = readDecisions(decisionSheet([{ unit: "U2" }], "en"));
    expect(english.decisions[0].kind).toBe("choose");
  });

  it("reports an unreadable decision, and a withdrawal without a reason, at their cells", () => {
    const sheet = decisionSheet([
      { unit: "U0", kind: "choose" },
      { unit: "U1", kind: "withdraw", reason: "" },
    ]);
    const rows = sheet.values.map((r) => [...r]);
    rows[4][6] = "Đồng ý";
    const reading = readDecisions({ ...sheet, values: rows });
    expect(reading.decisions).toEqual([]);
    expect(reading.issues.map((i) => [i.code, i.cell])).toEqual([
      ["DECISION_ROW_INVALID", "G5"],
      ["DECISION_REASON_MISSING", "G6"],
    ]);
    expect(reading.issues[0].message.vi).toContain("“Đồng ý”");
    expect(reading.issues[0].message.en).toContain("“Choose” or “Withdraw”");
  });

  it("says so when a sheet has no decisions table", () => {
    const reading = readDecisions({ name: "Trống", values: [["ghi chú"]] });
    expect(reading.decisions).toEqual([]);
    expect(reading.issues[0].code).toBe("DECISION_ROW_INVALID");
  });
});

describe("a council choice among units tied at the last slot", () => {
  // Bloc 3 has 3 slots: U0 and U1 take two, U2 and U3 tie (ratio 0.9, rank 3) for the third.
  const TIED = [990, 950, 900, 900, 800];
  const choice: Row = { unit: "U3", basis: { ratio: 0.9, rank: 3, tieSize: 2, open: 1 } };

  it("makes the chosen unit a candidate and the other tied unit not selected, saying why", () => {
    const result = run(units(3, TIED), [choice]);
    const b3 = blocOf(result, 3);
    expect(b3.units.map((u) => [u.name, u.status])).toEqual([
      ["U0", "candidate"],
      ["U1", "candidate"],
      ["U2", "not-selected"],
      ["U3", "candidate"],
      ["U4", "not-selected"],
    ]);
    const u3 = b3.units.find((u) => u.name === "U3");
    expect(u3?.decision).toEqual({ kind: "choose", reason: "", source: FIRST_DECISION_CELL });
    expect(u3?.reason.vi).toBe(
      `Bằng tỷ lệ ở hạng 3 (2 đơn vị, còn 1 suất): Hội đồng chọn (${SHEET}!G5)`,
    );
    expect(u3?.prizeVnd).toBe(3_600_000);
    expect(b3.units.find((u) => u.name === "U2")?.reason.en).toContain(
      "the council chose another unit",
    );
    expect(b3.units.find((u) => u.name === "U2")?.prizeVnd).toBeNull();
    expect(codes(result)).not.toContain("TIE_AT_CUTOFF");
    expect(issue(result, "DECISION_APPLIED")).toMatchObject({ sheet: SHEET, cell: "G5" });
  });

  it("keeps the decision on a re-run that finds the rows elsewhere (identity, not row numbers)", () => {
    const moved = units(3, TIED).map((u, i) => ({
      ...u,
      order: 10 - i,
      source: { sheet: "DTI 2023 (bản sửa)", cell: `C${40 - i}` },
    }));
    const b3 = blocOf(run(moved, [choice]), 3);
    expect(statusOf(b3, "U3")).toBe("candidate");
    expect(statusOf(b3, "U2")).toBe("not-selected");
  });

  it("is not applied, and says what changed, when a third unit now shares the ratio", () => {
    const result = run(units(3, [990, 950, 900, 900, 900]), [choice]);
    const b3 = blocOf(result, 3);
    expect(b3.units.slice(2).map((u) => u.status)).toEqual(["tie", "tie", "tie"]);
    const changed = issue(result, "DECISION_BASIS_CHANGED");
    expect(changed).toMatchObject({ sheet: SHEET, cell: "G5" });
    expect(changed?.message.vi).toContain("2 → 3 đơn vị bằng điểm");
    expect(codes(result)).toContain("TIE_AT_CUTOFF");
  });

  it("is not applied when the unit's ratio changed, naming both ratios", () => {
    const result = run(units(3, [990, 950, 930, 930, 800]), [choice]);
    expect(issue(result, "DECISION_BASIS_CHANGED")?.message.en).toContain("ratio 90% → 93%");
    expect(statusOf(blocOf(result, 3), "U3")).toBe("tie");
  });

  it("says the tie is resolved when the scores no longer tie", () => {
    const result = run(units(3, [990, 950, 900, 901, 800]), [choice]);
    const b3 = blocOf(result, 3);
    expect(statusOf(b3, "U3")).toBe("candidate");
    expect(b3.units.find((u) => u.name === "U3")?.decision).toBeUndefined();
    const noTie = issue(result, "DECISION_NO_TIE");
    expect(noTie).toMatchObject({ sheet: SHEET, cell: "G5" });
    expect(noTie?.message.vi).toContain("hạng 3/5, đề xuất");
  });

  it("says the unit is gone when the score table no longer has it", () => {
    const result = run(units(3, [990, 950, 900]), [choice]);
    const gone = issue(result, "DECISION_UNIT_NOT_FOUND");
    expect(gone).toMatchObject({ sheet: SHEET, cell: "G5" });
    expect(gone?.message.vi).toContain("khối 3 năm 2023");
  });

  it("applies a choice typed by hand without the recorded data, while the tie exists", () => {
    const b3 = blocOf(run(units(3, TIED), [{ unit: "U2" }]), 3);
    expect(statusOf(b3, "U2")).toBe("candidate");
    expect(statusOf(b3, "U3")).toBe("not-selected");
  });

  it("refuses more choices than slots left, leaving the tie to the council", () => {
    const result = run(units(3, TIED), [{ unit: "U2" }, { unit: "U3" }]);
    expect(statusOf(blocOf(result, 3), "U2")).toBe("tie");
    expect(issue(result, "DECISION_TOO_MANY")?.message.en).toContain(
      "the council chose 2 collectives for 1 remaining slot",
    );
  });

  it("keeps a partly settled tie open for the slots still left", () => {
    // Four units tie at rank 2 for the last two slots; the council has chosen one so far.
    const result = run(units(3, [990, 900, 900, 900, 900]), [{ unit: "U4" }]);
    const b3 = blocOf(result, 3);
    expect(statusOf(b3, "U4")).toBe("candidate");
    expect(b3.units.filter((u) => u.status === "tie").map((u) => u.tie)).toEqual([
      { size: 3, open: 1 },
      { size: 3, open: 1 },
      { size: 3, open: 1 },
    ]);
  });
});

describe("a council withdrawal", () => {
  it("takes the candidate out with its reason and gives the slot to the next unit", () => {
    const result = run(units(1, [950, 900, 800]), [
      { unit: "U0", bloc: 1, kind: "withdraw", reason: "Vi phạm quy định về an toàn thông tin" },
    ]);
    const b1 = blocOf(result, 1);
    expect(b1.units.map((u) => [u.name, u.status])).toEqual([
      ["U0", "excluded"],
      ["U1", "candidate"],
      ["U2", "not-selected"],
    ]);
    expect(b1.units[0].decision?.reason).toBe("Vi phạm quy định về an toàn thông tin");
    expect(b1.units[0].reason.vi).toBe(
      `Hội đồng rút đề nghị: Vi phạm quy định về an toàn thông tin (${SHEET}!G5); hạng 1/3`,
    );
    expect(b1.units[0].prizeVnd).toBeNull();
  });

  it("may open a new tie below, which then waits for the council", () => {
    const result = run(units(1, [950, 900, 900]), [
      { unit: "U0", bloc: 1, kind: "withdraw", reason: "Tự nguyện rút" },
    ]);
    expect(blocOf(result, 1).units.map((u) => u.status)).toEqual(["excluded", "tie", "tie"]);
    expect(codes(result)).toContain("TIE_AT_CUTOFF");
  });

  it("is not needed, and says so, for a unit that is no longer proposed", () => {
    const result = run(units(1, [950, 900, 800]), [
      { unit: "U2", bloc: 1, kind: "withdraw", reason: "Lý do" },
    ]);
    expect(statusOf(blocOf(result, 1), "U2")).toBe("not-selected");
    expect(issue(result, "DECISION_NOT_PROPOSED")?.message.vi).toContain("hạng 3/3");
  });

  it("contradicting a choice of the same unit, neither is applied", () => {
    const result = run(units(3, [990, 950, 900, 900, 800]), [
      { unit: "U2" },
      { unit: "U2", kind: "withdraw", reason: "Lý do" },
    ]);
    expect(statusOf(blocOf(result, 3), "U2")).toBe("tie");
    expect(issue(result, "DECISION_CONFLICT")).toMatchObject({ cell: "G5" });
  });
});

describe("where a decision belongs", () => {
  it("finds the bloc from the unit when the row leaves it blank", () => {
    // U0 and U1 tie for bloc 1's single slot; another bloc has a unit of another name.
    const scoreUnits = [...units(1, [900, 900]), unit({ name: "X", bloc: 3, score: 999 })];
    const sheet = decisionSheet([{ unit: "U1" }]);
    const rows = sheet.values.map((r) => [...r]);
    rows[4][1] = "";
    const result = rankReadings(
      { ...readings(scoreUnits), decisions: readDecisions({ ...sheet, values: rows }) },
      { decisionDate: DATE },
    );
    expect(statusOf(blocOf(result, 1), "U1")).toBe("candidate");
    expect(statusOf(blocOf(result, 1), "U0")).toBe("not-selected");
  });

  it("tells units of the same name apart by their district", () => {
    const twin = (group: string, score: number, order: number) =>
      unit({ name: "UBND xã Tân Thạnh", bloc: 3, score, group, order });
    const scoreUnits = [
      unit({ name: "A", bloc: 3, score: 990, order: 0 }),
      unit({ name: "B", bloc: 3, score: 980, order: 1 }),
      twin("Huyện Thới Lai", 900, 2),
      twin("Huyện Cờ Đỏ", 900, 3),
    ];
    const chosen = run(scoreUnits, [{ unit: "UBND xã Tân Thạnh", group: "huyện Cờ Đỏ" }]);
    const b3 = blocOf(chosen, 3);
    expect(b3.units.map((u) => [u.group, u.status]).slice(2)).toEqual([
      ["Huyện Thới Lai", "not-selected"],
      ["Huyện Cờ Đỏ", "candidate"],
    ]);
    const unclear = run(scoreUnits, [{ unit: "UBND xã Tân Thạnh" }]);
    expect(issue(unclear, "DECISION_UNIT_AMBIGUOUS")?.message.vi).toContain("Huyện Cờ Đỏ");
  });

  it("sets aside decisions of other years in a run for one chosen year", () => {
    const scoreUnits = [...units(1, [950, 900], 2023), ...units(1, [950, 900], 2024)];
    const result = run(
      scoreUnits,
      [{ unit: "U1", bloc: 1, year: 2024, kind: "withdraw", reason: "R" }],
      {
        year: 2023,
      },
    );
    expect(result.issues.filter((i) => i.code.startsWith("DECISION_"))).toEqual([]);
  });

  it("reports a decision of a year the workbook does not hold", () => {
    const result = run(units(1, [950]), [{ unit: "U0", bloc: 1, year: 2025 }]);
    expect(issue(result, "DECISION_UNIT_NOT_FOUND")?.message.en).toContain("bloc 1 of 2025");
  });

  it("compares district groups without their leading word, case or diacritics", () => {
    expect(groupKey("Huyện Phong Điền")).toBe(groupKey("phong dien"));
    expect(groupKey("Quận Ninh Kiều")).not.toBe(groupKey("Huyện Phong Điền"));
  });
});

describe("council decisions about individuals", () => {
  // Bloc 1 has one individual slot; U1 and U2 tie at rank 2 after U0, which proposes nobody.
  const scoreUnits = units(1, [950, 900, 900, 800]);
  const people = [
    nominee({ name: "Trần Văn An", unitName: "U1", order: 1 }),
    nominee({ name: "Lê Thị Bình", unitName: "U2", order: 2 }),
    nominee({ name: "Phạm Minh Châu", unitName: "U2", order: 3, direct: true }),
    nominee({ name: "Võ Hữu Dũng", unitName: "U3", order: 4 }),
  ];
  const individuals = (result: AwardResult) =>
    blocOf(result, 1).individuals.map((p) => [p.name, p.status]);

  it("settles an individual tie with the person the council chose", () => {
    const result = run(
      scoreUnits,
      [
        {
          unit: "U1",
          bloc: 1,
          recipient: "individual",
          person: "Trần Văn An",
          basis: { ratio: 0.9, rank: 2, tieSize: 2, open: 1 },
        },
      ],
      { nominees: people },
    );
    expect(individuals(result)).toEqual([
      ["Trần Văn An", "candidate"],
      ["Phạm Minh Châu", "reserve"],
      ["Lê Thị Bình", "reserve"],
      ["Võ Hữu Dũng", "reserve"],
    ]);
    expect(blocOf(result, 1).individuals[0].decision?.source.cell).toBe("G5");
    expect(codes(result)).not.toContain("INDIVIDUAL_TIE_AT_CUTOFF");
  });

  it("settles the tie with the unit of a person chosen who is not the unit's first choice", () => {
    const result = run(
      scoreUnits,
      [
        { unit: "U2", bloc: 1, recipient: "individual", person: "Lê Thị Bình" },
        { unit: "U2", bloc: 1, recipient: "individual", person: "Lê Thị Bình" },
      ],
      { nominees: people },
    );
    const b1 = blocOf(result, 1);
    expect(b1.individuals.find((p) => p.name === "Lê Thị Bình")?.status).toBe("candidate");
    expect(b1.individuals.find((p) => p.name === "Trần Văn An")?.status).toBe("reserve");
    expect(b1.individuals.find((p) => p.name === "Phạm Minh Châu")?.reason.vi).toContain(
      "Hội đồng chọn Lê Thị Bình",
    );
  });

  it("lets the council choose another person of a proposed unit, who takes the unit's place", () => {
    const result = run(
      units(1, [950, 800]),
      [{ unit: "U0", bloc: 1, recipient: "individual", person: "Lê Thị Bình" }],
      {
        nominees: [
          nominee({ name: "Lê Thị Bình", unitName: "U0", order: 1 }),
          nominee({ name: "Phạm Minh Châu", unitName: "U0", order: 2, direct: true }),
        ],
      },
    );
    const b1 = blocOf(result, 1);
    expect(b1.individuals.map((p) => [p.name, p.status])).toEqual([
      ["Lê Thị Bình", "candidate"],
      ["Phạm Minh Châu", "reserve"],
    ]);
    expect(b1.units[0].chosenIndividual).toBe("Lê Thị Bình");
    expect(b1.individuals[0].reason.vi).toBe(
      `Hội đồng chọn (${SHEET}!G5), thay cho Phạm Minh Châu`,
    );
  });

  it("withdraws a person, and the unit's next nominee takes the place", () => {
    const result = run(
      units(1, [950, 800]),
      [
        {
          unit: "U0",
          bloc: 1,
          recipient: "individual",
          person: "Phạm Minh Châu",
          kind: "withdraw",
          reason: "Chuyển công tác",
        },
      ],
      {
        nominees: [
          nominee({ name: "Lê Thị Bình", unitName: "U0", order: 1 }),
          nominee({ name: "Phạm Minh Châu", unitName: "U0", order: 2, direct: true }),
        ],
      },
    );
    const b1 = blocOf(result, 1);
    expect(b1.individuals.map((p) => [p.name, p.status])).toEqual([
      ["Lê Thị Bình", "candidate"],
      ["Phạm Minh Châu", "reserve"],
    ]);
    expect(b1.individuals[1].decision?.kind).toBe("withdraw");
    expect(b1.individuals[1].reason.en).toContain("Withdrawn by the council: Chuyển công tác");
  });

  it("reports a person the unit does not propose", () => {
    const result = run(
      scoreUnits,
      [{ unit: "U1", bloc: 1, recipient: "individual", person: "Người Lạ" }],
      { nominees: people },
    );
    expect(issue(result, "DECISION_PERSON_NOT_FOUND")?.message.vi).toContain("“Người Lạ”");
  });
});

describe("the decisions sheet inside the workbook", () => {
  it("is never read as a score table", () => {
    const scores = officerLayout();
    const decisions = decisionSheet([
      { unit: "Sở Tư pháp", bloc: 1, kind: "withdraw", reason: "R" },
    ]);
    const result = rankWorkbook([scores, decisions], { decisionDate: DATE, decisions });
    expect(result.tables.map((t) => t.sheet)).not.toContain(SHEET);
    const withdrawn = result.years[0].blocs[0].units.find((u) => u.name === "Sở Tư pháp");
    expect(withdrawn?.decision?.kind).toBe("withdraw");
  });
});

describe("the candidate sheet after council decisions and for another round", () => {
  it("labels a withdrawn unit and a chosen one, and states the round beside the score year", () => {
    const { buildCandidateSheets } = jest.requireActual<
      typeof import("../../src/domain/candidateSheet")
    >("../../src/domain/candidateSheet");
    // U0 withdrawn: U1 and U2 move into two slots, U3 and U4 tie for the third; U4 chosen.
    const base = readings(units(3, [990, 950, 940, 900, 900]));
    const result = rankReadings(
      {
        ...base,
        decisions: readDecisions(
          decisionSheet([
            { unit: "U4" },
            { unit: "U0", kind: "withdraw", reason: "Hồ sơ chưa đủ" },
          ]),
        ),
      },
      { decisionDate: DATE, rounds: { 2023: 2024 } },
    );
    const sheet = buildCandidateSheets(result, "vi")[0];
    expect(sheet.texts[1].text).toBe(
      "Bảng điểm năm 2023 phục vụ đợt sơ kết năm 2024: số suất theo đợt xét.",
    );
    const rows = sheet.tables[0].rows.map((r) => [r.values[2], r.values[6]]);
    expect(rows).toEqual([
      ["U0", "Rút đề nghị (Hội đồng)"],
      ["U1", "Đề xuất"],
      ["U2", "Đề xuất"],
      ["U3", "Không đề xuất"],
      ["U4", "Đề xuất (Hội đồng chọn)"],
    ]);
  });
});
