import * as path from "path";
import ExcelJS from "exceljs";
import { rankReadings, rankWorkbook } from "../../src/domain/rankWorkbook";
import type {
  AwardResult,
  AwardYear,
  Bloc,
  BlocResult,
  CellSheet,
  UnitScore,
} from "../../src/domain/types";
import { flatTable, nomineeSheet, officerLayout } from "../fixtures/layouts";
import { NOMINEE_TABLE, invalidRows, readings } from "../fixtures/readings";
import { nominee, unit } from "../fixtures/units";

const DATE = "2024-03-31";
/** The officers' layout for 2023, made by samples/makeExample.ts. */
const EXAMPLE = path.resolve(__dirname, "../../samples/dti-example-2023.xlsx");

/** `scores` (of 1000) as units of one bloc and year, named by prefix and index. */
function bloc(b: Bloc, year: AwardYear, scores: readonly number[], prefix = `K${b}-`): UnitScore[] {
  return scores.map((score, i) =>
    unit({ name: `${prefix}${i}`, bloc: b, year, score, order: b * 1000 + i }),
  );
}

const blocOf = (result: AwardResult, year: number, b: Bloc): BlocResult => {
  const found = result.years.find((y) => y.year === year)?.blocs.find((x) => x.bloc === b);
  if (!found) throw new Error(`no bloc ${b} in ${year}`);
  return found;
};
const statuses = (b: BlocResult) => b.units.map((u) => u.status);
const codes = (result: AwardResult) => result.issues.map((i) => i.code);

describe("rankReadings", () => {
  it("always returns the four blocs of each year in order", () => {
    const result = rankReadings(readings(bloc(1, 2023, [900])), { decisionDate: DATE });
    expect(result.years.map((y) => y.year)).toEqual([2023]);
    expect(result.years[0].blocs.map((b) => b.bloc)).toEqual([1, 2, 3, 4]);
    expect(result.schema).toBe("dti-awards/result@1");
    expect(result.decisionDate).toBe(DATE);
  });

  it("explains each unit in one line in both languages", () => {
    const units = bloc(1, 2023, [900, 950, ...Array.from({ length: 18 }, (_v, i) => 500 + i)]);
    const b1 = blocOf(rankReadings(readings(units), { decisionDate: DATE }), 2023, 1);
    const texts = (r: { vi: string; en: string }) => ({ vi: r.vi, en: r.en });
    expect(texts(b1.units[0].reason)).toEqual({
      vi: "Hạng 1/20, trong 1 suất của khối",
      en: "Rank 1 of 20, within the bloc's 1 slot",
    });
    expect(texts(b1.units[1].reason)).toEqual({
      vi: "Hạng 2/20, ngoài 1 suất của khối",
      en: "Rank 2 of 20, outside the bloc's 1 slot",
    });
    // Written out as the two texts wherever the result is serialized.
    expect(JSON.parse(JSON.stringify(b1.units[1]))).toMatchObject({
      reason: {
        vi: "Hạng 2/20, ngoài 1 suất của khối",
        en: "Rank 2 of 20, outside the bloc's 1 slot",
      },
    });
    expect(b1.units[0].rankedCount).toBe(20);
  });

  it("prices candidate and tie collectives with the Bằng khen of the decision date, others null", () => {
    const result = rankReadings(readings(bloc(3, 2023, [990, 950, 900, 900, 800])), {
      decisionDate: DATE,
    });
    const b3 = blocOf(result, 2023, 3);
    expect(statuses(b3)).toEqual(["candidate", "candidate", "tie", "tie", "not-selected"]);
    expect(b3.units.map((u) => u.prizeVnd)).toEqual([
      3_600_000,
      3_600_000,
      3_600_000,
      3_600_000,
      null,
    ]);
    expect(result.prize?.bangKhenCollectiveVnd).toBe(3_600_000);
  });

  it("gives every quota of the plan in normal years and in 2025", () => {
    const units = ([1, 2, 3, 4] as const).flatMap((b) =>
      ([2023, 2025] as const).flatMap((y) =>
        bloc(
          b,
          y,
          Array.from({ length: 12 }, (_v, i) => 990 - i * 10),
          `${y}-K${b}-`,
        ),
      ),
    );
    const result = rankReadings(readings(units), { decisionDate: DATE });
    const slots = (year: number) =>
      ([1, 2, 3, 4] as const).map((b) => {
        const r = blocOf(result, year, b);
        return [
          r.collectiveSlots,
          r.individualSlots,
          statuses(r).filter((s) => s === "candidate").length,
        ];
      });
    expect(slots(2023)).toEqual([
      [1, 1, 1],
      [1, 1, 1],
      [3, 3, 3],
      [1, 0, 1],
    ]);
    expect(slots(2025)).toEqual([
      [3, 3, 3],
      [3, 3, 3],
      [6, 9, 6],
      [3, 0, 3],
    ]);
  });

  it("reports a tie at the cut-off in each bloc for the council", () => {
    const units = ([1, 2, 3, 4] as const).flatMap((b) =>
      bloc(b, 2023, b === 3 ? [990, 980, 900, 900, 900, 800] : [900, 900, 800]),
    );
    const result = rankReadings(readings(units), { decisionDate: DATE });
    const ties = result.issues.filter((i) => i.code === "TIE_AT_CUTOFF");
    expect(ties.map((i) => [i.params.bloc, i.params.count, i.params.rank, i.params.open])).toEqual([
      [1, 2, 1, 1],
      [2, 2, 1, 1],
      [3, 3, 3, 1],
      [4, 2, 1, 1],
    ]);
    const b3 = blocOf(result, 2023, 3);
    expect(b3.units[2].reason.vi).toBe("Bằng tỷ lệ ở hạng 3 (3 đơn vị, còn 1 suất): Hội đồng xét");
    expect(b3.units[2].tie).toEqual({ size: 3, open: 1 });
    expect(ties[2].sheet).toBe("DTI 2023");
  });

  it("reports an empty bloc 2 in 2025 as a warning, its slots unfilled", () => {
    const units = [...bloc(1, 2025, [900, 800, 700]), ...bloc(3, 2025, [900, 800])];
    const result = rankReadings(readings(units), { decisionDate: DATE });
    const b2 = blocOf(result, 2025, 2);
    expect(b2.empty).toBe(true);
    expect(b2.units).toEqual([]);
    expect(b2.collectiveSlots).toBe(3);
    const empty = result.issues.filter((i) => i.code === "BLOC_EMPTY");
    expect(empty.map((i) => [i.params.bloc, i.severity])).toEqual([
      [2, "warning"],
      [4, "warning"],
    ]);
    expect(result.issues.some((i) => i.severity === "error")).toBe(false);
    const unfilled = result.issues.filter((i) => i.code === "SLOTS_UNFILLED");
    expect(unfilled.map((i) => [i.params.bloc, i.params.filled, i.params.slots])).toEqual([
      [3, 2, 6],
    ]);
  });

  it("skips excluded units in selection but ranks them", () => {
    const units = [
      unit({ name: "A", bloc: 1, score: 990, excluded: true, note: "Không xét", order: 0 }),
      unit({ name: "B", bloc: 1, score: 900, order: 1 }),
    ];
    const b1 = blocOf(rankReadings(readings(units), { decisionDate: DATE }), 2023, 1);
    expect(b1.units.map((u) => [u.name, u.rank, u.status, u.prizeVnd])).toEqual([
      ["A", 1, "excluded", null],
      ["B", 2, "candidate", 3_600_000],
    ]);
    expect(b1.units[0].reason.vi).toBe("Không xét theo ghi chú: Không xét");
  });

  it("puts invalid rows of a known bloc into the bloc, pointing to the bad cell", () => {
    const {
      aboveMax: bad,
      noBloc: lost,
      issues,
    } = invalidRows({ aboveMax: "Sở Y tế", noBloc: "Sở X" }, 7);
    const result = rankReadings(readings(bloc(1, 2023, [900]), { invalid: [bad, lost], issues }), {
      decisionDate: DATE,
    });
    const b1 = blocOf(result, 2023, 1);
    expect(b1.units.map((u) => [u.name, u.rank, u.status])).toEqual([
      ["K1-0", 1, "candidate"],
      ["Sở Y tế", null, "invalid"],
    ]);
    expect(b1.units[1].reason).toEqual({
      vi: "Dữ liệu không hợp lệ: xem Kiểm tra dữ liệu (D15)",
      en: "Invalid data: see Data check (D15)",
    });
    expect(result.unplaced.map((r) => r.name)).toEqual(["Sở X"]);
    expect(codes(result).slice(0, 2)).toEqual(["SCORE_ABOVE_MAX", "BLOC_UNKNOWN"]);
  });

  it("ranks only the chosen year and counts the rows of other years", () => {
    const units = [
      ...bloc(1, 2023, [900]),
      ...bloc(1, 2024, [900, 800], "B"),
      ...bloc(2, 2022, [700], "C"),
    ];
    const result = rankReadings(readings(units), { decisionDate: DATE, year: 2024 });
    expect(result.years.map((y) => y.year)).toEqual([2024]);
    const other = result.issues.find((i) => i.code === "ROWS_OF_OTHER_YEARS");
    expect(other?.severity).toBe("info");
    expect(other?.params).toEqual({ count: 2, years: "2022, 2023", year: 2024 });
  });

  it("sets aside nominees of other years with the chosen year, and reports their unscored year without", () => {
    const units = bloc(1, 2024, [900]);
    const nominees = [nominee({ name: "An", unitName: "K1-0", year: 2023 })];
    const chosen = rankReadings(readings(units, { nominees }), { decisionDate: DATE, year: 2024 });
    expect(chosen.issues.find((i) => i.code === "ROWS_OF_OTHER_YEARS")?.params.count).toBe(1);
    expect(codes(chosen)).not.toContain("NOMINEE_UNIT_UNKNOWN");
    const all = rankReadings(readings(units, { nominees }), { decisionDate: DATE });
    // The year, not the unit, is what is missing: the message says so.
    expect(codes(all)).not.toContain("NOMINEE_UNIT_UNKNOWN");
    expect(all.issues.find((i) => i.code === "NOMINEE_YEAR_NOT_SCORED")?.params).toMatchObject({
      person: "An",
      year: 2023,
      years: "2024",
    });
  });

  it("says once that nominees may belong to a table not ranked, instead of one unknown unit each", () => {
    const units = bloc(1, 2024, [900]);
    const nominees = [
      nominee({ name: "An", unitName: "Sở Y tế", year: 2024 }),
      nominee({ name: "Bình", unitName: "Sở Nội vụ", year: 2024 }),
    ];
    const base = readings(units, { nominees });
    const refusedTable = {
      ...NOMINEE_TABLE,
      sheet: "DTI 2024 (khối 2)",
      kind: "scores" as const,
      refused: true,
    };
    const result = rankReadings(
      { ...base, scores: { ...base.scores, tables: [refusedTable] } },
      { decisionDate: DATE },
    );
    expect(codes(result)).not.toContain("NOMINEE_UNIT_UNKNOWN");
    expect(result.issues.find((i) => i.code === "NOMINEES_AWAIT_TABLE")?.params).toEqual({
      count: 2,
      sheet: "“DTI 2024 (khối 2)”",
    });
    // Without a refused table, each is reported at its row.
    expect(
      codes(rankReadings(base, { decisionDate: DATE })).filter((c) => c === "NOMINEE_UNIT_UNKNOWN"),
    ).toHaveLength(2);
  });

  it("ranks every year present when no year is chosen", () => {
    const units = [...bloc(1, 2024, [900]), ...bloc(1, 2023, [900], "B")];
    const result = rankReadings(readings(units), { decisionDate: DATE });
    expect(result.years.map((y) => y.year)).toEqual([2023, 2024]);
    expect(codes(result)).not.toContain("ROWS_OF_OTHER_YEARS");
  });

  it("warns when the decision date falls within a score year it rewards", () => {
    const units = [...bloc(1, 2024, [900]), ...bloc(1, 2023, [900], "B")];
    const early = rankReadings(readings(units), { decisionDate: "2024-03-31" });
    expect(early.issues.find((i) => i.code === "AWARD_DATE_BEFORE_RESULTS")).toMatchObject({
      severity: "warning",
      params: { date: "2024-03-31", years: "2024" },
    });
    const after = rankReadings(readings(units), { decisionDate: "2025-01-01" });
    expect(codes(after)).not.toContain("AWARD_DATE_BEFORE_RESULTS");
  });

  it("computes no prize before the tables and says so", () => {
    const result = rankReadings(readings(bloc(1, 2023, [900])), { decisionDate: "2015-01-01" });
    expect(result.prize).toBeNull();
    expect(blocOf(result, 2023, 1).units[0].prizeVnd).toBeNull();
    expect(result.issues.find((i) => i.code === "PRIZE_DATE_UNKNOWN")?.severity).toBe("warning");
  });

  it("chooses the unit's direct nominee and prices the individual", () => {
    const units = bloc(1, 2023, [900, 800]);
    const nominees = [
      nominee({ name: "Lan", unitName: "K1-0", order: 1 }),
      nominee({ name: "Mai", unitName: "K1-0", direct: true, order: 2 }),
      nominee({ name: "Nam", unitName: "K1-1", order: 3 }),
    ];
    const b1 = blocOf(rankReadings(readings(units, { nominees }), { decisionDate: DATE }), 2023, 1);
    expect(b1.units[0].chosenIndividual).toBe("Mai");
    expect(b1.units[1].chosenIndividual).toBeNull();
    expect(b1.individuals.map((p) => [p.name, p.status, p.prizeVnd])).toEqual([
      ["Mai", "candidate", 1_800_000],
      ["Lan", "reserve", null],
      ["Nam", "reserve", null],
    ]);
    expect(b1.individuals[0].reason.vi).toBe(
      "Đơn vị hạng 1/2, trong 1 suất cá nhân của khối; trực tiếp thực hiện",
    );
    expect(b1.individuals[1].reason.vi).toBe("Dự phòng: đơn vị đã chọn Mai");
  });

  it("shows a tie for the individual slot when the units below a unit without nominee are equal", () => {
    // K1-0 takes the collective slot but proposed nobody; K1-1 and K1-2 tie for the one
    // individual slot, so both of their people go to the council, and the tie is reported.
    const units = bloc(1, 2023, [950, 900, 900, 800]);
    const nominees = [
      nominee({ name: "Hà", unitName: "K1-1", order: 1 }),
      nominee({ name: "Huy", unitName: "K1-2", order: 2 }),
      nominee({ name: "Hoa", unitName: "K1-3", order: 3 }),
    ];
    const result = rankReadings(readings(units, { nominees }), { decisionDate: DATE });
    const b1 = blocOf(result, 2023, 1);
    expect(statuses(b1)).toEqual(["candidate", "not-selected", "not-selected", "not-selected"]);
    expect(b1.individuals.map((p) => [p.name, p.status, p.prizeVnd])).toEqual([
      ["Hà", "tie", 1_800_000],
      ["Huy", "tie", 1_800_000],
      ["Hoa", "reserve", null],
    ]);
    const tie = result.issues.find((i) => i.code === "INDIVIDUAL_TIE_AT_CUTOFF");
    expect(tie?.params).toMatchObject({ bloc: 1, year: 2023, count: 2, open: 1 });
  });

  it("takes 2025 bloc 3 individuals from the top 9 units although 6 collectives are proposed", () => {
    const units = bloc(
      3,
      2025,
      Array.from({ length: 12 }, (_v, i) => 990 - i * 10),
    );
    const nominees = units.map((u, i) => nominee({ name: `P${i}`, unitName: u.name, order: i }));
    const b3 = blocOf(rankReadings(readings(units, { nominees }), { decisionDate: DATE }), 2025, 3);
    expect(statuses(b3).filter((s) => s === "candidate")).toHaveLength(6);
    expect(b3.individuals.filter((p) => p.status === "candidate").map((p) => p.name)).toEqual([
      "P0",
      "P1",
      "P2",
      "P3",
      "P4",
      "P5",
      "P6",
      "P7",
      "P8",
    ]);
    expect(b3.units[7].status).toBe("not-selected");
    expect(b3.units[7].chosenIndividual).toBe("P7");
  });

  it("points a nominee's unknown or ambiguous unit at the unit cell of the nominee's row", () => {
    const units = bloc(1, 2023, [900]);
    const nominees = [
      {
        ...nominee({ name: "An", unitName: "Sở Không Có" }),
        source: { sheet: "Cá nhân đề xuất", cell: "B7" },
      },
    ];
    const result = rankReadings(readings(units, { nominees }), { decisionDate: DATE });
    const unknown = result.issues.find((i) => i.code === "NOMINEE_UNIT_UNKNOWN");
    expect([unknown?.sheet, unknown?.cell]).toEqual(["Cá nhân đề xuất", "D7"]);
  });

  it("warns about individual slots nobody was proposed for", () => {
    const units = bloc(3, 2023, [900, 800, 700]);
    const nominees = [nominee({ name: "An", unitName: "K3-0" })];
    const result = rankReadings(readings(units, { nominees }), { decisionDate: DATE });
    const unfilled = result.issues.filter((i) => i.code === "SLOTS_UNFILLED");
    expect(unfilled.map((i) => [i.params.bloc, i.params.recipientEn, i.params.filled])).toEqual([
      [3, "individual", 1],
    ]);
  });

  it("sorts issues errors first and is deterministic", () => {
    const units = bloc(1, 2023, [900, 900]);
    const run = () => rankReadings(readings(units), { decisionDate: DATE });
    const first = run();
    expect(run()).toEqual(first);
    const severities = first.issues.map((i) => i.severity);
    expect(
      [...severities].sort(
        (a, b) => ["error", "warning", "info"].indexOf(a) - ["error", "warning", "info"].indexOf(b),
      ),
    ).toEqual(severities);
  });

  it("ranks and selects 100,000 rows", () => {
    const units = Array.from({ length: 100_000 }, (_v, i) =>
      unit({ name: `U${i}`, bloc: ((i % 4) + 1) as Bloc, score: (i * 7919) % 1000, order: i }),
    );
    const result = rankReadings(readings(units), { decisionDate: DATE });
    expect(result.years[0].blocs.map((b) => b.units.length)).toEqual([
      25_000, 25_000, 25_000, 25_000,
    ]);
  });
});

describe("rankWorkbook", () => {
  it("ranks the officers' layout with its nominee sheet", () => {
    const result = rankWorkbook([officerLayout(), nomineeSheet()], { decisionDate: DATE });
    expect(result.years.map((y) => y.year)).toEqual([2023]);
    const b1 = blocOf(result, 2023, 1);
    expect(b1.units.length).toBeGreaterThan(1);
    expect(b1.units[0].status).toBe("candidate");
    expect(b1.units[0].source.sheet).toBe("DTI 2023");
    expect(result.tables.map((t) => t.kind)).toEqual(["scores", "nominees"]);
  });

  it("passes the chosen year through and reports other years", () => {
    const sheet = flatTable([
      ["Sở Tư pháp", 1, 1000, 900],
      ["Sở Y tế", 1, 1000, 800],
    ]);
    const withYears: CellSheet = {
      name: "DTI",
      values: [
        ["Đơn vị", "Khối", "Năm", "Điểm tối đa", "Điểm đạt được"],
        ["Sở Tư pháp", 1, 2023, 1000, 900],
        ["Sở Y tế", 1, 2024, 1000, 800],
      ],
    };
    expect(
      rankWorkbook([sheet], { decisionDate: DATE, year: 2023 }).years.map((y) => y.year),
    ).toEqual([2023]);
    const result = rankWorkbook([withYears], { decisionDate: DATE, year: 2024 });
    expect(blocOf(result, 2024, 1).units.map((u) => u.name)).toEqual(["Sở Y tế"]);
    expect(codes(result)).toContain("ROWS_OF_OTHER_YEARS");
  });

  it("ranks the example workbook: 20, 9, 83 and 7 units with their candidates", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(EXAMPLE);
    const sheets = workbook.worksheets.map(toCellSheet);
    const result = rankWorkbook(sheets, { decisionDate: DATE });
    const counts = result.years[0].blocs.map((b) => b.units.length);
    expect(counts).toEqual([20, 9, 83, 7]);
    const candidates = result.years[0].blocs.map(
      (b) => statuses(b).filter((s) => s === "candidate" || s === "tie").length,
    );
    expect(candidates).toEqual([1, 1, 3, 1]);
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
    const chosen = blocOf(result, 2023, 3).individuals.filter((p) => p.status === "candidate");
    expect(chosen).toHaveLength(3);
    // Trường Xuân, Đông Bình and An Cư propose nobody and are passed over; "Trường Xuân A" and
    // "B" are other communes, not Trường Xuân's people.
    expect(chosen.map((p) => [p.unit, p.unitRank])).toEqual([
      ["UBND xã Tân Thạnh", 1],
      ["UBND xã Thới Đông", 4],
      ["UBND xã Tân Thới", 5],
    ]);
    expect(chosen.every((p) => p.direct)).toBe(true);
  });
});

function toCellSheet(sheet: ExcelJS.Worksheet): CellSheet {
  const values: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells[c - 1] = plainValue(cell.value);
    });
    values[r - 1] = Array.from(cells, (v) => v ?? "");
  });
  return { name: sheet.name, values: Array.from(values, (row) => row ?? []) };
}

function plainValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return "";
  if (value instanceof Date || typeof value !== "object") return value;
  if ("result" in value) return plainValue(value.result as ExcelJS.CellValue);
  if ("richText" in value) return value.richText.map((t) => t.text).join("");
  if ("error" in value) return value.error;
  if ("text" in value) return value.text;
  return "";
}
