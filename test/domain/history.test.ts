import {
  buildHistory,
  buildHistorySheets,
  historySheetModel,
  historySheetName,
} from "../../src/domain/history";
import { rankReadings } from "../../src/domain/rankWorkbook";
import type { AwardResult, AwardYear, Bloc, UnitScore } from "../../src/domain/types";
import { readings } from "../fixtures/readings";
import { nominee, unit } from "../fixtures/units";

const DATE = "2025-12-20";
let order = 0;

function scored(
  name: string,
  bloc: Bloc,
  year: AwardYear,
  score: number,
  group = "",
  maxScore: number | null = 1000,
): UnitScore {
  order += 1;
  return unit({ name, bloc, year, score, group, maxScore, order });
}

/** Four years of bloc 1 and of two communes; the 2025 commune has lost its district heading. */
function fourYears(): AwardResult {
  const units: UnitScore[] = [];
  const ratios: Record<string, number[]> = {
    "Sở Tư pháp": [900, 920, 948.5, 960],
    "Sở Y tế": [880, 930, 900, 910],
    "Sở Nội vụ": [700, 800, 850, 870],
  };
  ([2022, 2023, 2024, 2025] as const).forEach((year, i) => {
    for (const [name, scores] of Object.entries(ratios))
      units.push(scored(name, 1, year, scores[i]));
    if (year < 2025) {
      units.push(scored("UBND phường Cái Khế", 3, year, 400 + i * 20, "Quận Ninh Kiều", 500));
      units.push(scored("UBND xã Tân Thạnh", 3, year, 380, "Huyện Thới Lai", 500));
      units.push(scored("UBND xã Tân Thạnh", 3, year, 390, "Huyện Cờ Đỏ", 500));
    } else {
      units.push(scored("UBND phường Cái Khế", 3, year, 480, "", 500));
      units.push(scored("UBND xã Tân Thạnh", 3, year, 450, "", 500));
    }
  });
  units.push(scored("VNPT Cần Thơ", 4, 2024, 91, "", null));
  const people = [nominee({ name: "Nguyễn Thị Mai", unitName: "Sở Tư pháp", year: 2024 })];
  return rankReadings(readings(units, { nominees: people }), { decisionDate: DATE });
}

describe("the 2022–2025 history", () => {
  const history = buildHistory(fourYears());
  const row = (name: string, group = "") =>
    history.rows.find((r) => r.name === name && r.group === group);

  it("follows each unit over the years with its ratio, rank and awards", () => {
    expect(history.years).toEqual([2022, 2023, 2024, 2025]);
    const tuPhap = row("Sở Tư pháp");
    expect(tuPhap?.years[2024]).toMatchObject({
      ratio: 0.9485,
      rank: 1,
      rankedCount: 3,
      status: "candidate",
      individuals: ["Nguyễn Thị Mai"],
    });
    expect(tuPhap?.years[2023]?.rank).toBe(2);
    expect(tuPhap?.collectiveAwards).toBe(3);
    expect(tuPhap?.individualAwards).toBe(1);
  });

  it("joins a unit across the 2025 reform only when its bloc has one unit of that name", () => {
    const caiKhe = history.rows.filter((r) => r.name === "UBND phường Cái Khế");
    expect(caiKhe).toHaveLength(1);
    expect(Object.keys(caiKhe[0].years)).toEqual(["2022", "2023", "2024", "2025"]);
    const tanThanh = history.rows.filter((r) => r.name === "UBND xã Tân Thạnh");
    expect(tanThanh.map((r) => r.group).sort()).toEqual(["", "Huyện Cờ Đỏ", "Huyện Thới Lai"]);
  });

  it("orders units by bloc, then by their mean ratio", () => {
    expect(history.rows.map((r) => r.name).slice(0, 3)).toEqual([
      "Sở Tư pháp",
      "Sở Y tế",
      "Sở Nội vụ",
    ]);
    expect(history.rows[history.rows.length - 1].bloc).toBe(4);
  });

  it("takes the leading units with a ratio in at least two years for the chart", () => {
    expect(history.top.map((r) => r.name)).toEqual([
      "Sở Tư pháp",
      "Sở Y tế",
      "UBND phường Cái Khế",
      "Sở Nội vụ",
      "UBND xã Tân Thạnh",
    ]);
  });
});

describe("the summary sheet", () => {
  const model = historySheetModel(buildHistory(fourYears()), "vi");
  const at = (row: number, col: number) =>
    model.cells.find((c) => c.row === row && c.col === col)?.value;

  it("has a column block per year and the award counts, printed landscape with repeated headers", () => {
    expect(model.name).toBe("Tổng hợp 2022–2025");
    expect(model.columns).toHaveLength(2 + 4 * 3 + 2);
    expect(at(3, 2)).toBe("Năm 2022");
    expect(at(4, 2)).toBe("Tỷ lệ");
    expect(at(4, 4)).toBe("Đề nghị khen thưởng");
    expect(at(3, 14)).toBe("Số lần đề nghị");
    expect(model.page).toMatchObject({
      orientation: "landscape",
      titleRows: { from: 3, to: 4 },
      pageNumbers: true,
    });
  });

  it("shows each year's ratio, rank and the awards proposed", () => {
    const tuPhapRow = model.cells.find((c) => c.value === "Sở Tư pháp" && c.col === 1)?.row ?? -1;
    expect(at(tuPhapRow, 8)).toBe(0.9485);
    expect(at(tuPhapRow, 9)).toBe(1);
    expect(at(tuPhapRow, 10)).toBe("Tập thể + 1 cá nhân");
    expect(
      model.styles[model.cells.find((c) => c.row === tuPhapRow && c.col === 8)?.style ?? ""]
        .numberFormat,
    ).toBe("0.00%");
  });

  it("charts the leading units' ratios from cells on the sheet, with their values cached", () => {
    const chart = model.chart;
    expect(chart?.series).toHaveLength(5);
    expect(chart?.cache.categories).toEqual(["2022", "2023", "2024", "2025"]);
    expect(chart?.cache.series[0]).toEqual({
      name: "Sở Tư pháp",
      values: [0.9, 0.92, 0.9485, 0.96],
    });
    const first = chart?.series[0];
    expect(at(first?.name.row ?? -1, first?.name.col ?? -1)).toBe("Sở Tư pháp");
    expect(at(first?.values.top ?? -1, first?.values.left ?? -1)).toBe(0.9);
    expect(at(chart?.categories.top ?? -1, chart?.categories.left ?? -1)).toBe("2022");
    expect(chart?.anchor.top).toBeGreaterThan(first?.values.top ?? 0);
    // The chart's block starts a printed page of its own, so the chart is never cut in two.
    const noteRow = model.cells.find((c) => String(c.value).startsWith("Số liệu của biểu đồ"))?.row;
    expect(model.page.breaksBefore).toEqual([noteRow]);
  });

  it("is made only for a run over several years", () => {
    const oneYear = rankReadings(readings([scored("Sở Tư pháp", 1, 2024, 900)]), {
      decisionDate: DATE,
    });
    expect(buildHistorySheets(oneYear, "vi")).toEqual([]);
    expect(historySheetName([2023, 2024], "en")).toBe("Summary 2023–2024");
  });

  it("states the rounds that are not their score year", () => {
    const result = rankReadings(
      readings([scored("Sở Tư pháp", 1, 2023, 900), scored("Sở Tư pháp", 1, 2024, 910)]),
      { decisionDate: DATE, rounds: { 2023: 2024, 2024: 2025 } },
    );
    const sheet = historySheetModel(buildHistory(result), "vi");
    expect(String(sheet.cells[1].value)).toContain(
      "điểm năm 2023 phục vụ đợt sơ kết năm 2024; điểm năm 2024 phục vụ đợt tổng kết năm 2025",
    );
  });
});
