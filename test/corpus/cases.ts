/**
 * The corpus of hard workbooks. Each case is a recipe (sheets as rows of cell values, with merges,
 * hidden rows, filters or an Excel table where the case needs them) and the outcome expected from
 * every door: who is a candidate, which rows are invalid and with which code at which cell.
 */
import type { IssueCode } from "../../src/domain/issues";
import { seededRandom } from "../../samples/seededRandom";
import type { UnitStatus } from "../../src/domain/types";
import { READER_CASES } from "./readerCases";

/** A cell as a recipe writes it: a value, or a formula with its cached result, or an error. */
export type RecipeCell =
  | string
  | number
  | boolean
  | Date
  | null
  | { formula: string; result: number | string }
  | { error: string };

export interface SheetRecipe {
  readonly name: string;
  /** Rows from A1 (or from `origin`). */
  readonly rows: readonly (readonly RecipeCell[])[];
  /** Where rows[0][0] goes, e.g. "C5". Default A1. */
  readonly origin?: string;
  readonly merges?: readonly string[];
  /** 1-based sheet rows hidden by the officer. */
  readonly hiddenRows?: readonly number[];
  /** 1-based sheet columns hidden. */
  readonly hiddenColumns?: readonly number[];
  /** The officer hid the sheet. */
  readonly hidden?: boolean;
  /** An AutoFilter over this range (e.g. "A1:E20"). */
  readonly autoFilter?: string;
  /** The rows form an Excel table (ListObject) with this name; rows[0] is its header. */
  readonly tableName?: string;
  /** Single cells anywhere on the sheet, by address (e.g. a stray value at "XFD1048576"). */
  readonly cells?: Readonly<Record<string, RecipeCell>>;
}

export interface ExpectedIssue {
  readonly code: IssueCode;
  readonly sheet?: string;
  readonly cell?: string;
}

export interface CorpusExpectation {
  /** False when nothing can be ranked (no score table): the CLI exits 2, the pane writes nothing. */
  readonly runnable: boolean;
  /** Collective candidates: "year/bloc" → names, in rank order. */
  readonly candidates?: Readonly<Record<string, readonly string[]>>;
  /** Statuses of named units: [year, unit name, status]. */
  readonly statuses?: readonly (readonly [number, string, UnitStatus])[];
  /** Issues that must be reported. */
  readonly issues?: readonly ExpectedIssue[];
  /** Codes that must NOT be reported. */
  readonly absent?: readonly IssueCode[];
  /** The number of unit rows ranked (valid) and reported invalid (placed or unplaced). */
  readonly ranked?: number;
  readonly invalid?: number;
  /** Individuals chosen: "year/bloc" → names. */
  readonly individuals?: Readonly<Record<string, readonly string[]>>;
}

export interface CorpusCase {
  readonly id: string;
  readonly title: string;
  readonly sheets: () => readonly SheetRecipe[];
  readonly year?: number;
  readonly expect: CorpusExpectation;
  /** Large cases run only in `npm run test:full` (test/corpus/largeCorpus.full.test.ts). */
  readonly large?: boolean;
}

const HEADER = [
  "STT",
  "Tên cơ quan, đơn vị",
  "Điểm tối đa",
  "Điểm đạt được",
  "Tỷ lệ (%)",
  "Ghi chú",
];

type UnitLine = readonly [name: string, max: RecipeCell, score: RecipeCell, ratio?: RecipeCell];

/** The officers' layout: letterhead, title with the year, header, Roman-numeral bloc sections. */
function officerSheet(
  name: string,
  year: number,
  sections: readonly (readonly [heading: string, units: readonly UnitLine[]])[],
  extra: { total?: string; subHeadings?: Readonly<Record<string, number>> } = {},
): SheetRecipe {
  const rows: RecipeCell[][] = [
    ["UBND THÀNH PHỐ CẦN THƠ", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["SỞ THÔNG TIN VÀ TRUYỀN THÔNG", null, null, "Độc lập - Tự do - Hạnh phúc"],
    [],
    [`BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CHỈ SỐ CHUYỂN ĐỔI SỐ (DTI) NĂM ${year}`],
    [],
    [...HEADER],
  ];
  const numerals = ["I", "II", "III", "IV"];
  let stt = 0;
  sections.forEach(([heading, units], s) => {
    rows.push([numerals[s], heading]);
    units.forEach((u) => {
      stt += 1;
      const r = rows.length + 1;
      const ratio: RecipeCell =
        u[3] !== undefined
          ? u[3]
          : typeof u[1] === "number" && typeof u[2] === "number"
            ? {
                formula: `ROUND(D${r}/C${r}*100,2)`,
                result: Math.round((u[2] / u[1]) * 10000) / 100,
              }
            : null;
      rows.push([stt, u[0], u[1], u[2], ratio, null]);
    });
  });
  if (extra.total) rows.push([null, extra.total, null, stt]);
  return { name, rows, merges: ["A1:C1", "D1:F1", "A4:F4"] };
}

/** A flat table: one row a unit, with bloc and year columns. */
function flatSheet(
  name: string,
  header: readonly string[],
  lines: readonly (readonly RecipeCell[])[],
): SheetRecipe {
  return { name, rows: [[...header], ...lines.map((l) => [...l])] };
}

const AGENCIES = [
  "Sở Tư pháp",
  "Sở Nội vụ",
  "Sở Tài chính",
  "Sở Y tế",
  "Sở Xây dựng",
  "Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ",
];
const DISTRICTS = ["UBND quận Ninh Kiều", "UBND quận Bình Thủy", "UBND huyện Phong Điền"];
const COMMUNES = [
  "UBND phường Cái Khế",
  "UBND phường An Hòa",
  "UBND xã Tân Thạnh",
  "UBND xã Trường Xuân",
  "UBND xã Đông Bình",
  "UBND xã Thới Đông",
  "UBND thị trấn Cờ Đỏ",
];

/** A plain three-bloc table used by many cases: bloc 1 top is Sở Tư pháp, bloc 2 Bình Thủy. */
function standardSections(): (readonly [string, readonly UnitLine[]])[] {
  return [
    [
      "KHỐI SỞ, BAN, NGÀNH",
      [
        [AGENCIES[0], 1000, 942.5],
        [AGENCIES[1], 700, 448.5],
        [AGENCIES[2], 700, 554.5],
      ],
    ],
    [
      "KHỐI UBND QUẬN, HUYỆN",
      [
        [DISTRICTS[0], 1000, 686.5],
        [DISTRICTS[1], 1000, 907],
      ],
    ],
    [
      "KHỐI UBND XÃ, PHƯỜNG, THỊ TRẤN",
      [
        [COMMUNES[0], 500, 455.5],
        [COMMUNES[1], 500, 374.5],
        [COMMUNES[2], 500, 474],
        [COMMUNES[3], 500, 473.5],
        [COMMUNES[4], 500, 472],
      ],
    ],
  ];
}

const STANDARD_CANDIDATES = {
  "2023/1": [AGENCIES[0]],
  "2023/2": [DISTRICTS[1]],
  "2023/3": [COMMUNES[2], COMMUNES[3], COMMUNES[4]],
};

function withRow(
  sections: (readonly [string, readonly UnitLine[]])[],
  section: number,
  line: UnitLine,
): (readonly [string, readonly UnitLine[]])[] {
  return sections.map((s, i) => (i === section ? [s[0], [...s[1], line]] : s));
}

/** Sheet row of the n-th unit line (0-based) when sections come before units as in officerSheet. */
const OFFICER_FIRST_UNIT_ROW = 8; // header at row 6, section I at row 7

function bigFlatRows(n: number): RecipeCell[][] {
  const rows: RecipeCell[][] = [];
  const next = seededRandom(42);
  for (let i = 0; i < n; i += 1) {
    const bloc = (i % 3) + 1;
    rows.push([i + 1, `UBND đơn vị số ${i + 1}`, bloc, 2024, 1000, Math.round(next() * 9000) / 10]);
  }
  return rows;
}

const ALL_CASES: readonly CorpusCase[] = [
  {
    id: "empty-workbook",
    title: "An empty workbook",
    sheets: () => [{ name: "Sheet1", rows: [] }],
    expect: { runnable: false, issues: [{ code: "NO_SCORE_TABLE" }] },
  },
  {
    id: "header-only",
    title: "A header row and nothing below",
    sheets: () => [{ name: "DTI 2023", rows: [[...HEADER]] }],
    expect: { runnable: true, ranked: 0, invalid: 0 },
  },
  {
    id: "header-low",
    title: "The header in row 25 under a long letterhead",
    sheets: () => {
      const base = officerSheet("DTI 2023", 2023, standardSections());
      const padding: RecipeCell[][] = Array.from({ length: 19 }, (_v, i) => [
        i === 3 ? "Kèm theo Công văn số 123/STTTT-CĐS ngày 15 tháng 3 năm 2024" : null,
      ]);
      return [{ ...base, rows: [...base.rows.slice(0, 5), ...padding, ...base.rows.slice(5)] }];
    },
    expect: { runnable: true, candidates: STANDARD_CANDIDATES, ranked: 10, invalid: 0 },
  },
  {
    id: "two-tables-one-sheet",
    title: "Two score tables stacked on one sheet (2023 then a bloc-4 table)",
    sheets: () => {
      const first = officerSheet("DTI 2023", 2023, standardSections());
      return [
        {
          name: "DTI 2023",
          rows: [
            ...first.rows,
            [],
            [],
            ["STT", "Tên doanh nghiệp", "Khối", "Điểm đạt được", "Điểm tối đa"],
            [1, "VNPT Cần Thơ", 4, 66, 100],
            [2, "Viettel Cần Thơ", 4, 75, 100],
          ],
          merges: first.merges,
        },
      ];
    },
    expect: {
      runnable: true,
      candidates: { ...STANDARD_CANDIDATES, "2023/4": ["Viettel Cần Thơ"] },
      ranked: 12,
    },
  },
  {
    id: "merged-title",
    title: "Merged title and letterhead cells (the officers' layout)",
    sheets: () => [officerSheet("DTI 2023", 2023, standardSections())],
    expect: { runnable: true, candidates: STANDARD_CANDIDATES, ranked: 10, invalid: 0 },
  },
  {
    id: "hidden-rows-columns",
    title: "Hidden rows and a hidden column are still read (hiding is not excluding)",
    sheets: () => [
      {
        ...officerSheet("DTI 2023", 2023, standardSections()),
        hiddenRows: [9],
        hiddenColumns: [6],
      },
    ],
    expect: {
      runnable: true,
      candidates: STANDARD_CANDIDATES,
      ranked: 10,
      issues: [{ code: "ROWS_HIDDEN_RANKED", sheet: "DTI 2023", cell: "B9" }],
    },
  },
  {
    id: "filtered-rows",
    title: "An AutoFilter on the table does not drop rows",
    sheets: () => [
      {
        ...officerSheet("DTI 2023", 2023, standardSections()),
        autoFilter: "A6:F18",
        hiddenRows: [10, 11],
      },
    ],
    expect: { runnable: true, candidates: STANDARD_CANDIDATES, ranked: 10 },
  },
  {
    id: "list-object",
    title: "An Excel table (ListObject) as the source",
    sheets: () => [
      {
        ...flatSheet(
          "Bảng điểm",
          ["Đơn vị", "Khối", "Năm", "Điểm tối đa", "Điểm đạt được"],
          [
            [AGENCIES[0], 1, 2024, 1000, 900],
            [AGENCIES[1], 1, 2024, 1000, 950],
            [DISTRICTS[0], 2, 2024, 1000, 800],
          ],
        ),
        tableName: "BangDiem2024",
      },
    ],
    expect: {
      runnable: true,
      candidates: { "2024/1": [AGENCIES[1]], "2024/2": [DISTRICTS[0]] },
      ranked: 3,
    },
  },
  {
    id: "sheet-per-bloc",
    title: "One sheet per bloc, the bloc in the sheet name",
    sheets: () => [
      flatSheet(
        "Khối 1 năm 2023",
        ["STT", "Tên đơn vị", "Điểm tối đa", "Điểm đạt được"],
        [
          [1, AGENCIES[0], 1000, 800],
          [2, AGENCIES[1], 500, 450],
        ],
      ),
      flatSheet(
        "Khối 2 năm 2023",
        ["STT", "Tên đơn vị", "Điểm tối đa", "Điểm đạt được"],
        [
          [1, DISTRICTS[0], 1000, 700],
          [2, DISTRICTS[1], 1000, 710],
        ],
      ),
      flatSheet(
        "Khối 3 năm 2023",
        ["STT", "Tên đơn vị", "Điểm tối đa", "Điểm đạt được"],
        [
          [1, COMMUNES[0], 500, 400],
          [2, COMMUNES[1], 500, 410],
          [3, COMMUNES[2], 500, 420],
          [4, COMMUNES[3], 500, 430],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: {
        "2023/1": [AGENCIES[1]],
        "2023/2": [DISTRICTS[1]],
        "2023/3": [COMMUNES[3], COMMUNES[2], COMMUNES[1]],
      },
      ranked: 8,
    },
  },
  {
    id: "sheet-per-year",
    title: "One sheet per year",
    sheets: () => [
      officerSheet("DTI 2022", 2022, standardSections()),
      officerSheet("DTI 2023", 2023, withRow(standardSections(), 0, ["Sở Công Thương", 1000, 990])),
    ],
    expect: {
      runnable: true,
      candidates: {
        "2022/1": [AGENCIES[0]],
        "2023/1": ["Sở Công Thương"],
        "2023/3": STANDARD_CANDIDATES["2023/3"],
      },
      ranked: 21,
    },
  },
  {
    id: "several-years-one-table",
    title: "Several years in one flat table with a year column",
    sheets: () => [
      flatSheet(
        "Tổng hợp",
        ["Năm", "Khối", "Tên cơ quan, đơn vị", "Điểm tối đa", "Tổng điểm"],
        [
          [2022, 1, AGENCIES[0], 1000, 700],
          [2022, 1, AGENCIES[1], 1000, 800],
          [2023, 1, AGENCIES[0], 1000, 900],
          [2023, 1, AGENCIES[1], 1000, 850],
          [2024, "Khối I", AGENCIES[0], 1000, 600],
          [2024, "K1", AGENCIES[1], 1000, 650],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: { "2022/1": [AGENCIES[1]], "2023/1": [AGENCIES[0]], "2024/1": [AGENCIES[1]] },
      ranked: 6,
    },
  },
  {
    id: "sections-words-only",
    title: "Bloc sections written in words only, without Roman numerals",
    sheets: () => {
      const base = officerSheet("DTI 2023", 2023, standardSections());
      return [
        {
          ...base,
          rows: base.rows.map((r) =>
            ["I", "II", "III"].includes(String(r[0])) ? [null, r[1]] : r,
          ),
        },
      ];
    },
    expect: { runnable: true, candidates: STANDARD_CANDIDATES, ranked: 10 },
  },
  {
    id: "district-subheadings",
    title: "District sub-headings inside bloc 3 are not units",
    sheets: () => {
      const base = officerSheet("DTI 2023", 2023, standardSections());
      const rows = [...base.rows];
      const bloc3 = rows.findIndex((r) => r[0] === "III");
      rows.splice(bloc3 + 1, 0, [null, "Quận Ninh Kiều"]);
      rows.splice(bloc3 + 4, 0, [null, "Huyện Phong Điền"]);
      return [{ ...base, rows }];
    },
    expect: { runnable: true, candidates: STANDARD_CANDIDATES, ranked: 10, invalid: 0 },
  },
  {
    id: "total-rows",
    title: "Total and average rows in several wordings",
    sheets: () => {
      const base = officerSheet("DTI 2023", 2023, standardSections());
      return [
        {
          ...base,
          rows: [
            ...base.rows,
            [null, "Tổng cộng", 9000, 7000],
            [null, "Cộng", 9000, 7000],
            [null, "Trung bình", 900, 700],
            [null, "Bình quân", 900, 700],
            [null, "Tổng số đơn vị được đánh giá", null, 10],
          ],
        },
      ];
    },
    expect: { runnable: true, candidates: STANDARD_CANDIDATES, ranked: 10, invalid: 0 },
  },
  {
    id: "text-numbers-vi",
    title: "Scores typed as text with Vietnamese separators",
    sheets: () => [
      flatSheet(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          [AGENCIES[0], 1, "1.000,0", "912,5"],
          [AGENCIES[1], 1, "1000", "913,25"],
          [DISTRICTS[0], 2, "1.000,5", "900"],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": [AGENCIES[1]], "2023/2": [DISTRICTS[0]] },
      ranked: 3,
    },
  },
  {
    id: "text-numbers-en",
    title: "Scores typed as text with English separators",
    sheets: () => [
      flatSheet(
        "DTI 2023",
        ["Unit", "Bloc", "Max score", "Score"],
        [
          [AGENCIES[0], 1, "1,000.5", "912.5"],
          [AGENCIES[1], 1, "1000", "913.25"],
        ],
      ),
    ],
    expect: { runnable: true, candidates: { "2023/1": [AGENCIES[1]] }, ranked: 2 },
  },
  {
    id: "ambiguous-thousand",
    title: "A “1.000” that nothing settles is an error on its cell, never a guess",
    sheets: () => [
      flatSheet(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          [AGENCIES[0], 1, 1000, "1.000"],
          [AGENCIES[1], 1, 1000, 800],
        ],
      ),
    ],
    expect: {
      runnable: true,
      issues: [{ code: "NUMBER_AMBIGUOUS", sheet: "DTI 2023", cell: "D2" }],
      candidates: { "2023/1": [AGENCIES[1]] },
      ranked: 1,
      invalid: 1,
    },
  },
  {
    id: "max-thousand-as-text",
    title: "A max typed “1.000” beside scores like “914,31” is one thousand",
    sheets: () => [
      flatSheet(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          [AGENCIES[0], 1, "1.000", "914,31"],
          [AGENCIES[1], 1, "1.000", 900],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": [AGENCIES[0]] },
      absent: ["NUMBER_AMBIGUOUS"],
      ranked: 2,
      invalid: 0,
    },
  },
  {
    id: "percent-fraction",
    title: "Ratios only, as fractions (0.9125)",
    sheets: () => [
      flatSheet(
        "DTI 2023",
        ["Đơn vị", "Khối", "Tỷ lệ"],
        [
          [AGENCIES[0], 1, 0.9125],
          [AGENCIES[1], 1, 0.95],
        ],
      ),
    ],
    expect: { runnable: true, candidates: { "2023/1": [AGENCIES[1]] }, ranked: 2 },
  },
  {
    id: "percent-number",
    title: "Ratios only, as percentages (91.25)",
    sheets: () => [
      flatSheet(
        "DTI 2023",
        ["Đơn vị", "Khối", "Tỷ lệ (%)"],
        [
          [AGENCIES[0], 1, 91.25],
          [AGENCIES[1], 1, 95],
        ],
      ),
    ],
    expect: { runnable: true, candidates: { "2023/1": [AGENCIES[1]] }, ranked: 2 },
  },
  {
    id: "percent-text",
    title: "Ratios only, as text with a percent sign (“91,25%”)",
    sheets: () => [
      flatSheet(
        "DTI 2023",
        ["Đơn vị", "Khối", "Tỉ lệ"],
        [
          [AGENCIES[0], 1, "91,25%"],
          [AGENCIES[1], 1, "95%"],
        ],
      ),
    ],
    expect: { runnable: true, candidates: { "2023/1": [AGENCIES[1]] }, ranked: 2 },
  },
  {
    id: "ratio-disagrees",
    title: "A unit whose written ratio disagrees with score ÷ max is refused on its ratio cell",
    sheets: () => [
      officerSheet("DTI 2023", 2023, [
        [
          "KHỐI SỞ, BAN, NGÀNH",
          [
            [AGENCIES[0], 1000, 900, 99],
            [AGENCIES[1], 1000, 950, 95],
          ],
        ],
      ]),
    ],
    expect: {
      runnable: true,
      issues: [{ code: "RATIO_MISMATCH", sheet: "DTI 2023", cell: `E${OFFICER_FIRST_UNIT_ROW}` }],
      candidates: { "2023/1": [AGENCIES[1]] },
      ranked: 1,
      invalid: 1,
    },
  },
  {
    id: "error-values",
    title: "Formula errors (#N/A, #DIV/0!, #REF!) in score cells",
    sheets: () => [
      flatSheet(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          [AGENCIES[0], 1, 1000, { error: "#N/A" }],
          [AGENCIES[1], 1, 1000, { error: "#DIV/0!" }],
          [AGENCIES[2], 1, 1000, { error: "#REF!" }],
          [AGENCIES[3], 1, 1000, 500],
        ],
      ),
    ],
    expect: {
      runnable: true,
      issues: [
        { code: "CELL_ERROR", cell: "D2" },
        { code: "CELL_ERROR", cell: "D3" },
        { code: "CELL_ERROR", cell: "D4" },
      ],
      candidates: { "2023/1": [AGENCIES[3]] },
      ranked: 1,
      invalid: 3,
    },
  },
  {
    id: "date-in-score",
    title: "A date typed into a score cell",
    sheets: () => [
      flatSheet(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          [AGENCIES[0], 1, 1000, new Date(Date.UTC(2023, 8, 12))],
          [AGENCIES[1], 1, 1000, 500],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": [AGENCIES[1]] },
      ranked: 1,
      invalid: 1,
    },
  },
  {
    id: "score-above-max",
    title: "A score above the max score",
    sheets: () => [
      flatSheet(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          [AGENCIES[0], 1, 1000, 1000.5],
          [AGENCIES[1], 1, 1000, 500],
        ],
      ),
    ],
    expect: {
      runnable: true,
      issues: [{ code: "SCORE_ABOVE_MAX", sheet: "DTI 2023", cell: "D2" }],
      candidates: { "2023/1": [AGENCIES[1]] },
      invalid: 1,
    },
  },
  {
    id: "negative-score",
    title: "A negative score",
    sheets: () => [
      flatSheet(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          [AGENCIES[0], 1, 1000, -5],
          [AGENCIES[1], 1, 1000, 500],
        ],
      ),
    ],
    expect: { runnable: true, issues: [{ code: "SCORE_NEGATIVE", cell: "D2" }], invalid: 1 },
  },
  {
    id: "max-zero",
    title: "A max score of 0",
    sheets: () => [
      flatSheet(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          [AGENCIES[0], 1, 0, 0],
          [AGENCIES[1], 1, 1000, 500],
        ],
      ),
    ],
    expect: { runnable: true, issues: [{ code: "MAX_NOT_POSITIVE", cell: "C2" }], invalid: 1 },
  },
  {
    id: "duplicate-nfc-nfd",
    title: "The same unit twice, once in NFC and once in NFD",
    sheets: () => [
      flatSheet(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          ["Sở Tư pháp".normalize("NFC"), 1, 1000, 800],
          ["Sở Tư pháp".normalize("NFD"), 1, 1000, 900],
          [AGENCIES[1], 1, 1000, 500],
        ],
      ),
    ],
    expect: {
      runnable: true,
      issues: [{ code: "DUPLICATE_UNIT", sheet: "DTI 2023", cell: "A3" }],
      ranked: 2,
      invalid: 1,
    },
  },
  {
    id: "messy-spaces",
    title: "Names with leading, trailing and double spaces are one unit",
    sheets: () => [
      flatSheet(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          ["  Sở  Tư pháp ", 1, 1000, 800],
          ["Sở Tư pháp", 1, 1000, 900],
        ],
      ),
    ],
    expect: { runnable: true, issues: [{ code: "DUPLICATE_UNIT", cell: "A3" }], invalid: 1 },
  },
  {
    id: "spelling-variants",
    title: "“tỷ”/“tỉ” headers and “Uỷ”/“Ủy”, “Hoà”/“Hòa” spellings",
    sheets: () => [
      flatSheet(
        "DTI 2023",
        ["Đơn vị", "Khối", "Tỉ lệ (%)"],
        [
          ["Uỷ ban nhân dân phường An Hoà", 3, 80],
          ["Ủy ban nhân dân phường An Hòa", 3, 81],
          [COMMUNES[2], 3, 70],
        ],
      ),
    ],
    expect: { runnable: true, issues: [{ code: "DUPLICATE_UNIT", cell: "A3" }], invalid: 1 },
  },
  {
    id: "hostile-names",
    title: "Names starting with =, +, -, @ and names with HTML",
    sheets: () => [
      flatSheet(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          ['=HYPERLINK("http://example.invalid","x")', 1, 1000, 990],
          ["+1 Sở lạ", 1, 1000, 980],
          ["-2 Sở lạ", 1, 1000, 970],
          ["@SUM(A1)", 1, 1000, 960],
          ["<img src=x onerror=alert(1)>", 2, 1000, 900],
          ["<script>alert(1)</script>", 2, 1000, 800],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: {
        "2023/1": ['=HYPERLINK("http://example.invalid","x")'],
        "2023/2": ["<img src=x onerror=alert(1)>"],
      },
      ranked: 6,
    },
  },
  {
    id: "long-text",
    title: "A 10,000-character cell text",
    sheets: () => [
      flatSheet(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được", "Ghi chú"],
        [
          [`Sở ${"Dài ".repeat(2500)}`.trim(), 1, 1000, 800, "x".repeat(10000)],
          [AGENCIES[1], 1, 1000, 900, null],
        ],
      ),
    ],
    expect: { runnable: true, issues: [{ code: "NAME_TOO_LONG", cell: "A2" }], ranked: 2 },
  },
  {
    id: "year-outside",
    title: "A year outside 2022–2025",
    sheets: () => [officerSheet("DTI 2021", 2021, standardSections())],
    expect: { runnable: true, issues: [{ code: "YEAR_OUT_OF_RANGE" }], ranked: 0, invalid: 10 },
  },
  {
    id: "2025-without-bloc-2",
    title: "2025 after the reform: no bloc 2 at all",
    sheets: () => [
      officerSheet("DTI 2025", 2025, [
        standardSections()[0],
        [
          "KHỐI UBND XÃ, PHƯỜNG, THỊ TRẤN",
          COMMUNES.map((c, i) => [c, 500, 400 + i * 10] as UnitLine),
        ],
      ]),
    ],
    expect: {
      runnable: true,
      issues: [{ code: "BLOC_EMPTY" }],
      candidates: {
        "2025/1": [AGENCIES[0], AGENCIES[2], AGENCIES[1]],
        "2025/3": [COMMUNES[6], COMMUNES[5], COMMUNES[4], COMMUNES[3], COMMUNES[2], COMMUNES[1]],
      },
    },
  },
  {
    id: "bloc4-without-scores",
    title: "Bloc 4 enterprises listed without scores",
    sheets: () => [
      officerSheet("DTI 2023", 2023, standardSections()),
      flatSheet(
        "Khối 4 - Doanh nghiệp",
        ["STT", "Tên doanh nghiệp", "Điểm đánh giá", "Ghi chú"],
        [
          [1, "VNPT Cần Thơ", null, null],
          [2, "Viettel Cần Thơ", null, null],
        ],
      ),
    ],
    expect: {
      runnable: true,
      issues: [{ code: "SCORE_MISSING", sheet: "Khối 4 - Doanh nghiệp", cell: "C2" }],
      candidates: STANDARD_CANDIDATES,
      invalid: 2,
    },
  },
  {
    id: "nominee-sheet-named-like-an-output-sheet",
    title:
      "The officer's own list on a sheet named “Danh sách đề nghị khen thưởng” (the name of an output sheet) is read",
    sheets: () => [
      officerSheet("DTI 2023", 2023, standardSections()),
      flatSheet(
        "Danh sách đề nghị khen thưởng",
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Trực tiếp thực hiện"],
        [[1, "Trần Thị Bình", "Chuyên viên", "UBND quận Bình Thủy", "x"]],
      ),
    ],
    expect: {
      runnable: true,
      absent: ["NO_NOMINEE_SHEET"],
      individuals: { "2023/2": ["Trần Thị Bình"] },
    },
  },
  {
    id: "title-and-unit-in-one-cell",
    title:
      "“Chức vụ, đơn vị công tác” written “Chủ tịch UBND phường Cái Khế, quận Ninh Kiều” or “Phó Giám đốc Sở Tư pháp”: the unit is the ward, the department",
    sheets: () => [
      officerSheet("DTI 2023", 2023, standardSections()),
      flatSheet(
        "Cá nhân đề xuất",
        ["STT", "Họ và tên", "Chức vụ, đơn vị công tác", "Trực tiếp thực hiện"],
        [
          [1, "Lê Thị Cúc", "Chủ tịch UBND phường Cái Khế, quận Ninh Kiều", "x"],
          [2, "Nguyễn Văn An", "Phó Giám đốc Sở Tư pháp", "x"],
        ],
      ),
    ],
    expect: {
      runnable: true,
      absent: ["NOMINEE_UNIT_UNKNOWN"],
      individuals: { "2023/1": ["Nguyễn Văn An"], "2023/2": [], "2023/3": ["Lê Thị Cúc"] },
    },
  },
  {
    id: "nominees-with-birth-year-and-gender",
    title: "“Năm sinh” and “Nam/Nữ” columns in the list of people are not the year of the proposal",
    sheets: () => [
      officerSheet("DTI 2023", 2023, standardSections()),
      flatSheet(
        "Cá nhân đề xuất",
        ["STT", "Họ và tên", "Năm sinh", "Nam/Nữ", "Chức vụ", "Đơn vị công tác"],
        [
          [1, "Nguyễn Văn An", 1978, "Nam", "Phó Giám đốc", "Sở Tư pháp"],
          [2, "Trần Thị Bình", 1985, "Nữ", "Chuyên viên", "UBND quận Bình Thủy"],
        ],
      ),
    ],
    expect: {
      runnable: true,
      absent: ["NOMINEE_YEAR_OUT_OF_RANGE"],
      individuals: { "2023/1": ["Nguyễn Văn An"], "2023/2": ["Trần Thị Bình"] },
    },
  },
  {
    id: "nominees-with-the-proposing-unit-first",
    title:
      "An “Đơn vị đề nghị” column before “Chức vụ, đơn vị công tác”: each person's own unit is the later column",
    sheets: () => [
      officerSheet("DTI 2023", 2023, standardSections()),
      flatSheet(
        "Cá nhân đề xuất",
        ["STT", "Họ và tên", "Đơn vị đề nghị", "Chức vụ, đơn vị công tác"],
        [[1, "Lê Thị Cúc", "UBND quận Ninh Kiều", "Chủ tịch UBND phường Cái Khế"]],
      ),
    ],
    expect: {
      runnable: true,
      individuals: { "2023/2": [], "2023/3": ["Lê Thị Cúc"] },
    },
  },
  {
    id: "proposal-list-with-collectives-then-individuals",
    title:
      "One list with “I | TẬP THỂ” (small collectives) then “II | CÁ NHÂN”: only the people are considered for individual slots",
    sheets: () => [
      officerSheet("DTI 2023", 2023, standardSections()),
      flatSheet(
        "DS đề nghị",
        ["TT", "Họ và tên", "Đơn vị công tác", "Trực tiếp thực hiện"],
        [
          ["I", "TẬP THỂ", null, null],
          [1, "Phòng Hành chính - Tư pháp", "Sở Tư pháp", "x"],
          [2, "Bộ phận Một cửa", "UBND xã Tân Thạnh", "x"],
          ["II", "CÁ NHÂN", null, null],
          [1, "Nguyễn Văn An", "Sở Tư pháp", "x"],
          [2, "Lê Thị Cúc", "UBND xã Tân Thạnh", "x"],
        ],
      ),
    ],
    expect: {
      runnable: true,
      issues: [{ code: "NOMINEE_COLLECTIVES_SKIPPED", sheet: "DS đề nghị", cell: "B2" }],
      individuals: { "2023/1": ["Nguyễn Văn An"], "2023/3": ["Lê Thị Cúc"] },
    },
  },
  {
    id: "district-office-is-not-the-city-office",
    title:
      "“Văn phòng UBND quận Ninh Kiều”, “Thanh tra quận Ninh Kiều” are not the city's “Văn phòng UBND thành phố”, “Thanh tra thành phố”",
    sheets: () => [
      flatSheet(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          ["Văn phòng UBND thành phố", 1, 1000, 990],
          ["Thanh tra thành phố", 1, 1000, 950],
          ["Sở Y tế", 1, 1000, 900],
        ],
      ),
      flatSheet(
        "Cá nhân đề xuất",
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác"],
        [
          [1, "Trần Văn Bình", "Chánh Văn phòng", "Văn phòng UBND quận Ninh Kiều"],
          [2, "Lê Văn Cường", "Thanh tra viên", "Thanh tra quận Ninh Kiều"],
          [3, "Nguyễn Văn An", "Giám đốc", "Sở Y tế"],
        ],
      ),
    ],
    expect: {
      runnable: true,
      issues: [
        { code: "NOMINEE_UNIT_UNKNOWN", sheet: "Cá nhân đề xuất", cell: "D2" },
        { code: "NOMINEE_UNIT_UNKNOWN", sheet: "Cá nhân đề xuất", cell: "D3" },
      ],
      individuals: { "2023/1": ["Nguyễn Văn An"] },
    },
  },
  {
    id: "nominee-header-on-two-rows",
    title:
      "“Đối tượng” merged over “Trực tiếp | Lãnh đạo, quản lý”: the people marked as working directly are preferred",
    sheets: () => [
      officerSheet("DTI 2023", 2023, standardSections()),
      {
        name: "Cá nhân đề xuất",
        rows: [
          ["TT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Đối tượng", null],
          [null, null, null, null, "Trực tiếp", "Lãnh đạo, quản lý"],
          [1, "Nguyễn Văn An", "Giám đốc", "Sở Tư pháp", null, "x"],
          [2, "Phạm Thị Bé", "Chuyên viên", "Sở Tư pháp", "x", null],
        ],
        merges: ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1"],
      },
    ],
    expect: {
      runnable: true,
      absent: ["NO_DIRECT_COLUMN"],
      individuals: { "2023/1": ["Phạm Thị Bé"] },
    },
  },
  {
    id: "list-of-people-already-awarded",
    title:
      "A sheet “Đã khen (tham khảo)” listing people already awarded is not a proposal list; the real one is read",
    sheets: () => [
      officerSheet("DTI 2023", 2023, standardSections()),
      flatSheet(
        "Cá nhân đề xuất",
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Trực tiếp thực hiện"],
        [[1, "Hồ Văn Khoa", "Chuyên viên", "Sở Tư pháp", "x"]],
      ),
      {
        name: "Đã khen (tham khảo)",
        rows: [
          ["DANH SÁCH CÁ NHÂN ĐÃ ĐƯỢC TẶNG BẰNG KHEN (không đề nghị lại)"],
          ["STT", "Họ và tên", "Đơn vị", "Số quyết định"],
          [1, "Nguyễn Văn An", "Sở Tư pháp", "123/QĐ-UBND"],
          [2, "Lê Thị Cúc", "UBND xã Tân Thạnh", "123/QĐ-UBND"],
        ],
      },
    ],
    expect: {
      runnable: true,
      issues: [{ code: "NOMINEE_REFERENCE_SKIPPED", sheet: "Đã khen (tham khảo)", cell: "A1" }],
      individuals: { "2023/1": ["Hồ Văn Khoa"], "2023/3": [] },
    },
  },
  {
    id: "nominee-withdrawn-by-a-note",
    title:
      "A nominee whose note says “Rút hồ sơ (chuyển công tác)” is not proposed; the next one is",
    sheets: () => [
      officerSheet("DTI 2023", 2023, standardSections()),
      flatSheet(
        "Cá nhân đề xuất",
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Trực tiếp thực hiện", "Ghi chú"],
        [
          [1, "Nguyễn Văn An", "Chuyên viên", "Sở Tư pháp", "x", "Rút hồ sơ (chuyển công tác)"],
          [2, "Phạm Thị Bé", "Chuyên viên", "Sở Tư pháp", "x", null],
        ],
      ),
    ],
    expect: {
      runnable: true,
      issues: [{ code: "NOMINEE_WITHDRAWN", sheet: "Cá nhân đề xuất", cell: "F2" }],
      individuals: { "2023/1": ["Phạm Thị Bé"] },
    },
  },
  {
    id: "nominee-unit-merged-over-its-people",
    title:
      "A unit written once and merged down over its people: each has that unit, and the one working directly is preferred",
    sheets: () => [
      officerSheet("DTI 2023", 2023, standardSections()),
      {
        name: "Cá nhân đề xuất",
        rows: [
          ["STT", "Đơn vị công tác", "Họ và tên", "Chức vụ", "Trực tiếp thực hiện"],
          [1, "Sở Tư pháp", "Nguyễn Văn An", "Giám đốc", null],
          [2, null, "Phạm Thị Bé", "Chuyên viên", "x"],
        ],
        merges: ["B2:B3"],
      },
    ],
    expect: {
      runnable: true,
      absent: ["NOMINEE_UNIT_MISSING"],
      individuals: { "2023/1": ["Phạm Thị Bé"] },
    },
  },
  {
    id: "unit-proposes-two-people-alike",
    title:
      "A unit proposing two people both working directly: the first listed is taken and the other named for the council",
    sheets: () => [
      officerSheet("DTI 2023", 2023, standardSections()),
      flatSheet(
        "Cá nhân đề xuất",
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Trực tiếp thực hiện"],
        [
          [1, "Nguyễn Văn An", "Chuyên viên", "Sở Tư pháp", "x"],
          [2, "Phạm Thị Bé", "Chuyên viên", "Sở Tư pháp", "x"],
        ],
      ),
    ],
    expect: {
      runnable: true,
      issues: [{ code: "NOMINEE_CHOSEN_BY_ORDER", sheet: "Cá nhân đề xuất", cell: "B2" }],
      individuals: { "2023/1": ["Nguyễn Văn An"] },
    },
  },
  {
    id: "nominees-unknown-unit",
    title: "Nominees for a unit that is not in the score table",
    sheets: () => [
      officerSheet("DTI 2023", 2023, standardSections()),
      flatSheet(
        "Cá nhân đề xuất",
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Trực tiếp thực hiện"],
        [
          [1, "Nguyễn Văn An", "Chuyên viên", "Sở Du lịch", "x"],
          [2, "Trần Thị Bình", "Chuyên viên", "UBND quận Bình Thủy", "x"],
        ],
      ),
    ],
    expect: {
      runnable: true,
      issues: [{ code: "NOMINEE_UNIT_UNKNOWN", sheet: "Cá nhân đề xuất" }],
      individuals: { "2023/2": ["Trần Thị Bình"] },
    },
  },
  {
    id: "nominees-units-spelt-loosely",
    title:
      "Nominee units abbreviated, in capitals, with invisible characters, and the top unit's typed without diacritics",
    sheets: () => [
      officerSheet("DTI 2023", 2023, standardSections()),
      flatSheet(
        "Cá nhân đề xuất",
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Trực tiếp thực hiện"],
        [
          [1, "Nguyễn Văn An", "Chuyên viên", "So Tu phap", "x"],
          [2, "Phạm Văn Bảo", "Chuyên viên", "Sở Tài chính", "x"],
          [3, "Trần Thị Bình", "Chuyên viên", "UBND Q.Bình Thủy", "x"],
          [4, "Lê Văn Cờ", "Chuyên viên", "UBND X. TÂN THẠNH", "x"],
          [
            5,
            "Võ Thị Dung",
            "Chuyên viên",
            "UBND xã\u00a0\u200bTrường \u00adXuân".normalize("NFD"),
            "x",
          ],
          [6, "Đỗ Văn Em", "Chuyên viên", "Ủy ban nhân dân xã Đông Bình", "x"],
        ],
      ),
    ],
    expect: {
      runnable: true,
      issues: [{ code: "NOMINEE_UNIT_UNSURE", sheet: "Cá nhân đề xuất", cell: "D2" }],
      absent: ["NOMINEE_UNIT_UNKNOWN", "NOMINEE_UNIT_AMBIGUOUS"],
      individuals: {
        "2023/1": ["Nguyễn Văn An"],
        "2023/2": ["Trần Thị Bình"],
        "2023/3": ["Lê Văn Cờ", "Võ Thị Dung", "Đỗ Văn Em"],
      },
    },
  },
  {
    id: "nominees-same-commune-name",
    title: "Two communes with the same name in different districts; nominees name the district",
    sheets: () =>
      [
        officerSheet("DTI 2023", 2023, [
          standardSections()[0],
          standardSections()[1],
          [
            "KHỐI UBND XÃ, PHƯỜNG, THỊ TRẤN",
            [
              ["UBND xã Thạnh Phú", 500, 480],
              ["UBND xã Thạnh Phú", 500, 470],
              [COMMUNES[0], 500, 300],
            ],
          ],
        ]),
      ]
        .map((s): SheetRecipe => {
          const rows = [...s.rows];
          const bloc3 = rows.findIndex((r) => r[0] === "III");
          rows.splice(bloc3 + 1, 0, [null, "Huyện Cờ Đỏ"]);
          rows.splice(bloc3 + 3, 0, [null, "Huyện Vĩnh Thạnh"]);
          return { ...s, rows };
        })
        .concat([
          flatSheet(
            "Cá nhân đề xuất",
            ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Trực tiếp thực hiện"],
            [
              [1, "Lê Văn Cờ", "Chuyên viên", "UBND xã Thạnh Phú, huyện Cờ Đỏ", "x"],
              [2, "Lê Văn Vĩnh", "Chuyên viên", "UBND xã Thạnh Phú (Vĩnh Thạnh)", "x"],
              [3, "Lê Văn Mơ", "Chuyên viên", "UBND xã Thạnh Phú", "x"],
            ],
          ),
        ]),
    expect: {
      runnable: true,
      absent: ["DUPLICATE_UNIT"],
      issues: [{ code: "NOMINEE_UNIT_AMBIGUOUS", sheet: "Cá nhân đề xuất", cell: "D4" }],
      individuals: { "2023/3": ["Lê Văn Cờ", "Lê Văn Vĩnh"] },
    },
  },
  {
    id: "nominees-no-direct-column",
    title: "A nominee sheet without a “directly does the work” column",
    sheets: () => [
      officerSheet("DTI 2023", 2023, standardSections()),
      flatSheet(
        "Cá nhân",
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị"],
        [
          [1, "Nguyễn Văn An", "Chuyên viên", "Sở Tư pháp"],
          [2, "Phạm Văn Bảo", "Trưởng phòng", "Sở Tư pháp"],
        ],
      ),
    ],
    expect: {
      runnable: true,
      issues: [{ code: "NO_DIRECT_COLUMN" }],
      individuals: { "2023/1": ["Nguyễn Văn An"] },
    },
  },
  {
    id: "nominees-direct-preferred",
    title: "The nominee marked as directly doing the work is preferred",
    sheets: () => [
      officerSheet("DTI 2023", 2023, standardSections()),
      flatSheet(
        "Cá nhân đề xuất",
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Trực tiếp thực hiện"],
        [
          [1, "Nguyễn Văn An", "Phó Giám đốc", "Sở Tư pháp", null],
          [2, "Phạm Văn Bảo", "Chuyên viên", "Sở Tư pháp", "x"],
        ],
      ),
    ],
    expect: { runnable: true, individuals: { "2023/1": ["Phạm Văn Bảo"] } },
  },
  {
    id: "english-headers",
    title: "English headers, no diacritics anywhere",
    sheets: () => [
      flatSheet(
        "Scores 2024",
        ["No.", "Unit", "Bloc", "Max score", "Score", "Excluded"],
        [
          [1, "So Tu phap", 1, 1000, 990, "x"],
          [2, "So Noi vu", 1, 1000, 900, null],
          [3, "So Y te", 1, 1000, 800, null],
        ],
      ),
    ],
    expect: {
      runnable: true,
      statuses: [
        [2024, "So Tu phap", "excluded"],
        [2024, "So Noi vu", "candidate"],
      ],
    },
  },
  {
    id: "headers-without-diacritics",
    title: "Vietnamese headers typed without diacritics",
    sheets: () => [
      flatSheet(
        "DTI 2023",
        ["STT", "Ten co quan, don vi", "Khoi", "Diem toi da", "Diem dat duoc"],
        [
          [1, AGENCIES[0], 1, 1000, 700],
          [2, AGENCIES[1], 1, 1000, 710],
        ],
      ),
    ],
    expect: { runnable: true, candidates: { "2023/1": [AGENCIES[1]] }, ranked: 2 },
  },
  {
    id: "tie-at-cutoff",
    title: "A tie at the bloc-1 cut-off (450/500 equals 900/1000)",
    sheets: () => [
      flatSheet(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          [AGENCIES[0], 1, 1000, 900],
          [AGENCIES[1], 1, 500, 450],
          [AGENCIES[2], 1, 1000, 800],
        ],
      ),
    ],
    expect: {
      runnable: true,
      issues: [{ code: "TIE_AT_CUTOFF" }],
      statuses: [
        [2023, AGENCIES[0], "tie"],
        [2023, AGENCIES[1], "tie"],
        [2023, AGENCIES[2], "not-selected"],
      ],
    },
  },
  {
    id: "used-range-offset",
    title: "A table that starts at C5",
    sheets: () => [
      {
        ...flatSheet(
          "DTI 2023",
          ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
          [
            [AGENCIES[0], 1, 1000, 1200],
            [AGENCIES[1], 1, 1000, 500],
          ],
        ),
        origin: "C5",
      },
    ],
    expect: { runnable: true, issues: [{ code: "SCORE_ABOVE_MAX", cell: "F6" }], invalid: 1 },
  },
  {
    id: "unknown-bloc",
    title: "A bloc value that is not 1–4",
    sheets: () => [
      flatSheet(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          [AGENCIES[0], 7, 1000, 900],
          [AGENCIES[1], 1, 1000, 500],
        ],
      ),
    ],
    expect: { runnable: true, issues: [{ code: "BLOC_UNKNOWN" }], ranked: 1, invalid: 1 },
  },
  {
    id: "rows-100000",
    title: "A 100,000-row flat table",
    large: true,
    sheets: () => [
      flatSheet(
        "DTI 2024",
        ["STT", "Đơn vị", "Khối", "Năm", "Điểm tối đa", "Điểm đạt được"],
        bigFlatRows(100_000),
      ),
    ],
    expect: { runnable: true, ranked: 100_000, invalid: 0 },
  },
];

/** Every corpus case: the cases above and the reader's (issue 8 classes) in readerCases.ts. */
export const CORPUS: readonly CorpusCase[] = [...ALL_CASES, ...READER_CASES];
