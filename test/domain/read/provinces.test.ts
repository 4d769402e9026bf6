/**
 * Other provinces' published tables, typed as their departments lay them out: each must yield
 * exactly the units its fixture expects — the total, never a pillar; the right bloc or, for a
 * grouping that is no bloc of Plan 140, a reported row; no heading, total or average as a unit.
 */
import { rankWorkbook } from "../../../src/domain/rankWorkbook";
import { readScoreTables } from "../../../src/domain/readScoreTable";
import { bacNinh2023 } from "../../fixtures/provinces/bacNinh2023";
import { daNang2023 } from "../../fixtures/provinces/daNang2023";
import { haiDuong2023 } from "../../fixtures/provinces/haiDuong2023";
import { lamDong2023 } from "../../fixtures/provinces/lamDong2023";
import { laoCai2022 } from "../../fixtures/provinces/laoCai2022";
import type { ProvinceLayout } from "../../fixtures/provinces/layout";
import { quangNam2023 } from "../../fixtures/provinces/quangNam2023";
import { tuyenQuang2023 } from "../../fixtures/provinces/tuyenQuang2023";

const LAYOUTS: readonly ProvinceLayout[] = [
  tuyenQuang2023,
  lamDong2023,
  haiDuong2023,
  quangNam2023,
  daNang2023,
  bacNinh2023,
  laoCai2022,
];

const round = (n: number | null | undefined): number | null =>
  n === null || n === undefined ? null : Math.round(n * 10000) / 10000;

describe.each(LAYOUTS.map((layout) => [layout.title, layout] as const))("%s", (_title, layout) => {
  const reading = readScoreTables(layout.sheets);

  it("yields every unit of a Plan 140 bloc with its bloc, score, max and ratio", () => {
    const placed = layout.expected.units.filter((u) => u.bloc !== null);
    const got = reading.units.map((u) => ({
      name: u.name,
      bloc: u.bloc,
      score: u.rankedBy !== undefined && u.maxScore === 1 ? null : round(u.score),
      maxScore: round(u.maxScore),
      ratio: round(u.ratio),
      excluded: u.excluded,
      year: u.year,
    }));
    expect(got).toEqual(
      placed.map((u) => ({
        name: u.name,
        bloc: u.bloc,
        score: round(u.score),
        maxScore:
          u.maxScore !== undefined ? u.maxScore : u.score === null && u.ratioPercent ? 1 : null,
        ratio:
          u.ratioPercent !== undefined
            ? round(u.ratioPercent / 100)
            : u.maxScore !== undefined && u.score !== null
              ? round(u.score / u.maxScore)
              : null,
        excluded: u.excluded ?? false,
        year: layout.year,
      })),
    );
  });

  it("reports the rows of a grouping that is no Plan 140 bloc instead of placing them", () => {
    const unplaced = layout.expected.units.filter((u) => u.bloc === null).map((u) => u.name);
    expect(reading.invalid.map((u) => u.name)).toEqual(unplaced);
    for (const row of reading.invalid) expect(row.issueCodes).toEqual(["BLOC_UNKNOWN"]);
  });

  it("takes no heading, total or average for a unit", () => {
    const names = [...reading.units, ...reading.invalid].map((u) => u.name);
    for (const text of layout.expected.notUnits) expect(names).not.toContain(text);
  });

  it("ranks the table without any other error", () => {
    const result = rankWorkbook(layout.sheets, { decisionDate: "2024-03-31" });
    const errors = result.issues.filter((i) => i.severity === "error" && i.code !== "BLOC_UNKNOWN");
    expect(errors.map((i) => `${i.code} ${i.sheet}!${i.cell}`)).toEqual([]);
  });
});
