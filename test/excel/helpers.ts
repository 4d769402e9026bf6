/** Shared builders for the adapter tests: a stub engine, sheet models, large score sheets. */
import type {
  AwardResult,
  CellSheet,
  Lang,
  RankOptions,
  SheetModel,
  SheetRow,
} from "../../src/domain/types";
import type { Engine } from "../../src/excel/rankInExcel";

export const SCORE_HEADER = [
  "STT",
  "Tên cơ quan, đơn vị",
  "Điểm tối đa",
  "Điểm đạt được",
  "Khối",
  "Năm",
];

/** A flat score table of `count` units (header row first). */
export function scoreRows(count: number, name = (i: number) => `UBND xã Số ${i + 1}`): unknown[][] {
  return [
    SCORE_HEADER,
    ...Array.from({ length: count }, (_v, i) => [
      i + 1,
      name(i),
      1000,
      500 + ((i * 37) % 500),
      3,
      2023,
    ]),
  ];
}

export const emptyResult = (): AwardResult => ({
  schema: "dti-awards/result@1",
  prize: null,
  years: [],
  unplaced: [],
  issues: [],
  tables: [],
});

/** A candidate-sheet model with one row per unit name given. */
export function candidateModel(
  names: readonly string[],
  year: 2023 | 2024 = 2023,
  lang: Lang = "vi",
): SheetModel {
  const styles = ["candidate", "tie", "not-selected", "excluded", "invalid"] as const;
  const rows: SheetRow[] = names.map((name, i) => ({
    values: [
      i + 1,
      name,
      1000,
      900 - i,
      (900 - i) / 1000,
      styles[i % styles.length],
      i === 0 ? 4_680_000 : null,
    ],
    style: styles[i % styles.length],
    link: null,
  }));
  return {
    kind: "candidates",
    year,
    name: lang === "vi" ? `Đề xuất khen thưởng ${year}` : `Award candidates ${year}`,
    texts: [
      { row: 0, text: `Danh sách đề xuất khen thưởng năm ${year}`, style: "title" },
      { row: 1, text: "Căn cứ Kế hoạch 140/KH-UBND", style: "subtitle" },
      { row: 3, text: "I. Khối Sở, ban, ngành", style: "section" },
    ],
    tables: [
      {
        name: `DeXuat${year}_Khoi1`,
        startRow: 4,
        columns: [
          { header: "STT", width: 5, format: "integer" },
          { header: "Đơn vị", width: 40, format: "text" },
          { header: "Điểm tối đa", width: 10, format: "number" },
          { header: "Điểm đạt được", width: 10, format: "number" },
          { header: "Tỷ lệ", width: 10, format: "percent" },
          { header: "Kết quả", width: 14, format: "text" },
          { header: "Tiền thưởng (đồng)", width: 14, format: "vnd" },
        ],
        rows,
        linkColumn: null,
        totalRow: false,
      },
    ],
    freezeRows: 5,
    columnWidths: [5, 40, 10, 10, 10, 14, 14],
  };
}

export function dataCheckModel(
  links: readonly { sheet: string; cell: string; text: string }[],
): SheetModel {
  return {
    kind: "data-check",
    year: null,
    name: "Kiểm tra dữ liệu",
    texts: [{ row: 0, text: "Kiểm tra dữ liệu", style: "title" }],
    tables: [
      {
        name: "KiemTraDuLieu",
        startRow: 2,
        columns: [
          { header: "Mức độ", width: 10, format: "text" },
          { header: "Trang", width: 20, format: "text" },
          { header: "Ô", width: 8, format: "text" },
          { header: "Nội dung", width: 80, format: "text" },
        ],
        rows: links.map((link) => ({
          values: ["Lỗi", link.sheet, link.cell, link.text],
          style: "invalid" as const,
          link: { sheet: link.sheet, cell: link.cell },
        })),
        linkColumn: 2,
        totalRow: false,
      },
    ],
    freezeRows: 3,
    columnWidths: [10, 20, 8, 80],
  };
}

/**
 * An engine stand-in: "ranks" every row under a "Tên cơ quan, đơn vị" header and renders one
 * candidate row per unit, so that the adapter can be tested at any size without the real engine.
 */
export function stubEngine(): Engine & { seen: CellSheet[][]; options: RankOptions[] } {
  const seen: CellSheet[][] = [];
  const options: RankOptions[] = [];
  const names = (sheets: readonly CellSheet[]): string[] =>
    sheets.flatMap((sheet) => {
      const headerAt = sheet.values.findIndex((row) => row.includes("Tên cơ quan, đơn vị"));
      if (headerAt < 0) return [];
      const col = sheet.values[headerAt].indexOf("Tên cơ quan, đơn vị");
      return sheet.values.slice(headerAt + 1).map((row) => String(row[col]));
    });
  let lastNames: string[] = [];
  return {
    seen,
    options,
    rankWorkbook(sheets, opts) {
      seen.push([...sheets]);
      options.push(opts);
      lastNames = names(sheets);
      const result = emptyResult();
      if (lastNames.length === 0) return result;
      return {
        ...result,
        years: [
          {
            year: 2023,
            blocs: [
              {
                bloc: 3,
                year: 2023,
                collectiveSlots: 3,
                individualSlots: 3,
                units: [{} as never],
                individuals: [],
                empty: false,
              },
            ],
          },
        ],
      };
    },
    buildCandidateSheets(_result, lang) {
      return [candidateModel(lastNames, 2023, lang), dataCheckModel([])];
    },
  };
}
