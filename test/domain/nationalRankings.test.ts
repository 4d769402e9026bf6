/**
 * The national provincial DTI rankings as published, and the same tables typed as an officer
 * would type them: every province typed must get its published rank, ties included.
 *
 * The fixtures hold what the published sources give (see their header comments): 2022 has all 63
 * ranks but few values; 2023 and 2024 have a handful of rows. A province is typed only when its
 * value is known, and its expected rank is then its published rank among the provinces typed (the
 * competition rank of the published ranks): for a complete table that is the published rank itself.
 */
import { rankWorkbook } from "../../src/domain/rankWorkbook";
import type { AwardResult, BlocResult, CellSheet, RankOptions } from "../../src/domain/types";
import { dti2022 } from "../fixtures/national/dti2022";
import { dti2023 } from "../fixtures/national/dti2023";
import { dti2024 } from "../fixtures/national/dti2024";
import { dti2024Merged } from "../fixtures/national/dti2024-34";
import type { PublishedRanking, PublishedRow } from "../fixtures/national/published";
import { publishedNumber, rowsWithValues } from "../fixtures/national/published";

const TABLES: readonly PublishedRanking[] = [dti2022, dti2023, dti2024, dti2024Merged];
const OPTIONS: RankOptions = { decisionDate: "2024-03-31", bloc: 2 };

const label = (table: PublishedRanking): string => `${table.year} (${table.provinces} provinces)`;
const nameKey = (name: string): string => name.normalize("NFC").toLowerCase();

/**
 * Pairs of rows whose published values and published ranks disagree: a higher value ranked
 * lower, or equal values ranked apart. Ranks published from unrounded values would show here.
 */
function rankValueDisagreements(rows: readonly PublishedRow[]): string[] {
  const valued = rows.filter((row) => row.value !== null);
  const found: string[] = [];
  for (const a of valued) {
    for (const b of valued) {
      const va = publishedNumber(a.value ?? "");
      const vb = publishedNumber(b.value ?? "");
      if ((va > vb && a.rank >= b.rank) || (va === vb && a.rank !== b.rank && a.rank < b.rank)) {
        found.push(`${a.province} ${a.value} #${a.rank} vs ${b.province} ${b.value} #${b.rank}`);
      }
    }
  }
  return found;
}

/**
 * Ranks a competition ranking could not have published: after k provinces tied at rank r, the
 * ranks r+1 … r+k-1 do not exist ("1, 2, 2, 4").
 */
function impossibleRanks(rows: readonly PublishedRow[]): number[] {
  const count = new Map<number, number>();
  for (const row of rows) count.set(row.rank, (count.get(row.rank) ?? 0) + 1);
  const skipped = new Set<number>();
  for (const [rank, k] of count) for (let r = rank + 1; r < rank + k; r++) skipped.add(r);
  return rows.map((row) => row.rank).filter((rank) => skipped.has(rank));
}

/** The rank a typed row must get: its published rank among the rows typed. */
function expectedRank(row: PublishedRow, typed: readonly PublishedRow[]): number {
  return 1 + typed.filter((other) => other.rank < row.rank).length;
}

/** The value as a decimal-comma text, as the Vietnamese press prints it: 0.8002 → "0,8002". */
const commaText = (value: number): string => value.toFixed(4).replace(".", ",");
/** The value as a percent text with a decimal comma: 0.8002 → "80,02%". */
const percentText = (value: number): string => `${(value * 100).toFixed(2).replace(".", ",")}%`;

interface TypedLayout {
  readonly name: string;
  readonly header: readonly string[];
  /** The data row of one province: its position in the typed table, the row, its value. */
  readonly row: (position: number, row: PublishedRow, value: number) => readonly unknown[];
}

/** The ways officers type a national table (issue 8, item 4), one workbook each. */
const LAYOUTS: readonly TypedLayout[] = [
  {
    name: "values as numbers, 'Tỉnh, thành phố' and 'Giá trị DTI', with the published rank",
    header: ["STT", "Tỉnh, thành phố", "Giá trị DTI", "Xếp hạng"],
    row: (i, row, value) => [i, row.province, value, row.rank],
  },
  {
    name: "values as decimal-comma text under 'Tên địa phương' and 'Chỉ số DTI'",
    header: ["STT", "Tên địa phương", "Chỉ số DTI"],
    row: (i, row, value) => [i, row.province, commaText(value)],
  },
  {
    name: "values as percent text under 'Địa phương' and 'PDTI'",
    header: ["STT", "Địa phương", "PDTI"],
    row: (i, row, value) => [i, row.province, percentText(value)],
  },
  {
    name: "percent-formatted numbers under 'Các tỉnh, thành phố trực thuộc TW'",
    header: ["STT", "Các tỉnh, thành phố trực thuộc TW", "Giá trị DTI (%)", "Xếp hạng"],
    row: (i, row, value) => [i, row.province, value, row.rank],
  },
  {
    name: "the published text pasted as is (rank first, '0.8002' with a point beside '0,6383')",
    header: ["Xếp hạng DTI", "Các tỉnh, thành phố trực thuộc TW", "CHUYỂN ĐỔI SỐ CẤP TỈNH (PDTI)"],
    row: (_i, row) => [row.rank, row.province, row.value],
  },
];

function typedSheet(table: PublishedRanking, layout: TypedLayout): CellSheet {
  const merged = table.provinces === 34 ? " (34 TỈNH, THÀNH PHỐ SAU SẮP XẾP)" : "";
  const title = `BẢNG XẾP HẠNG CHỈ SỐ CHUYỂN ĐỔI SỐ CẤP TỈNH (DTI) NĂM ${table.year}${merged}`;
  const rows = rowsWithValues(table).map((row, i) =>
    layout.row(i + 1, row, publishedNumber(row.value ?? "")),
  );
  const width = layout.header.length;
  return {
    name: `DTI ${table.year}${table.provinces === 34 ? " 34 tỉnh" : ""}`,
    values: [Array(width).fill(title), Array(width).fill(""), layout.header, ...rows],
  };
}

function bloc2(result: AwardResult, year: number): BlocResult | undefined {
  return result.years.find((y) => y.year === year)?.blocs.find((b) => b.bloc === 2);
}

describe("the published national rankings (fixture data)", () => {
  describe.each(TABLES.map((table) => [label(table), table] as const))("%s", (_label, table) => {
    it("lists each province once", () => {
      const keys = table.rows.map((row) => nameKey(row.province));
      expect(new Set(keys).size).toBe(keys.length);
    });

    it("is marked complete exactly when every province is listed with its value", () => {
      const everyValue = table.rows.every((row) => row.value !== null);
      expect(table.complete).toBe(table.rows.length === table.provinces && everyValue);
      expect(table.rows.length).toBeLessThanOrEqual(table.provinces);
    });

    it("lists its rows in published order, with ranks between 1 and the number of provinces", () => {
      const ranks = table.rows.map((row) => row.rank);
      expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
      expect(ranks.every((r) => Number.isInteger(r) && r >= 1 && r <= table.provinces)).toBe(true);
    });

    it("publishes ranks a competition ranking can give (no rank inside a tie's gap)", () => {
      expect(impossibleRanks(table.rows)).toEqual([]);
    });

    it("writes every value on the 0–1 scale with four decimals", () => {
      for (const row of rowsWithValues(table)) {
        expect(row.value).toMatch(/^0[.,]\d{4}$/);
      }
    });

    // No disagreement was found in any source read: the published values, as printed with four
    // decimals, order the provinces as their published ranks do.
    it("orders the published values as the published ranks, ties included", () => {
      expect(rankValueDisagreements(table.rows)).toEqual([]);
    });
  });

  it("2022 gives all 63 ranks, with the published tie at 15 (Thanh Hóa, Yên Bái) and no 16", () => {
    const ranks = dti2022.rows.map((row) => row.rank);
    const competition = Array.from({ length: 63 }, (_v, i) => (i === 15 ? 15 : i + 1));
    expect(ranks).toEqual(competition);
    expect(dti2022.rows.filter((row) => row.rank === 15).map((row) => row.province)).toEqual([
      "Thanh Hóa",
      "Yên Bái",
    ]);
  });

  it("detects a value ranked below a smaller one, and equal values ranked apart", () => {
    const rows: PublishedRow[] = [
      { province: "A", value: "0,7000", rank: 1 },
      { province: "B", value: "0,7100", rank: 2 },
      { province: "C", value: "0,6000", rank: 3 },
      { province: "D", value: "0,6000", rank: 4 },
    ];
    expect(rankValueDisagreements(rows)).toEqual([
      "B 0,7100 #2 vs A 0,7000 #1",
      "C 0,6000 #3 vs D 0,6000 #4",
    ]);
    expect(impossibleRanks([...rows.slice(0, 2), { ...rows[2], rank: 2 }])).toEqual([]);
    expect(impossibleRanks([rows[0], { ...rows[1], rank: 1 }, { ...rows[2], rank: 2 }])).toEqual([
      2,
    ]);
  });
});

/*
 * Every province typed must be read into bloc 2 (the `bloc` option: a one-bloc sheet) and get its
 * published rank. These assertions need the reader being rewritten for issue 8 (the `bloc` option,
 * the national header wordings, percent and decimal-comma text): they fail until it lands.
 */
describe("a national ranking typed by an officer", () => {
  const cases = TABLES.flatMap((table) =>
    LAYOUTS.map((layout) => [label(table), layout.name, table, layout] as const),
  );

  it.each(cases)("%s, %s: every province gets its published rank", (_t, _l, table, layout) => {
    const typed = rowsWithValues(table);
    const result = rankWorkbook([typedSheet(table, layout)], OPTIONS);
    const units = bloc2(result, table.year)?.units ?? [];

    expect(units.map((u) => u.name).sort()).toEqual(typed.map((row) => row.province).sort());
    const ranks = Object.fromEntries(units.map((u) => [u.name, u.rank]));
    const expected = Object.fromEntries(
      typed.map((row) => [row.province, expectedRank(row, typed)]),
    );
    expect(ranks).toEqual(expected);
    expect(result.issues.filter((issue) => issue.severity === "error")).toEqual([]);
  });
});
