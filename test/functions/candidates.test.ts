import path from "path";
import ExcelJS from "exceljs";
import { candidates } from "../../src/functions/functions";
import { useCustomFunctionsShim, isValueError, setDisplayLanguage } from "./customFunctionsShim";

const EXAMPLE = path.resolve(__dirname, "../../samples/dti-example-2023.xlsx");

/** A worksheet's cells the way Office.js `range.values` gives them: "" for blanks and merged-away cells, formulas as their results. */
function officeValues(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row: unknown[] = [];
    for (let c = 1; c <= sheet.columnCount; c += 1) {
      const cell = sheet.getCell(r, c);
      const value = cell.value;
      if (cell.isMerged && cell.master.address !== cell.address) row.push("");
      else if (value === null || value === undefined) row.push("");
      else if (typeof value === "object" && "result" in value) row.push(value.result ?? "");
      else if (typeof value === "object" && "richText" in value) {
        row.push(value.richText.map((run) => run.text).join(""));
      } else row.push(value);
    }
    rows.push(row);
  }
  return rows;
}

/** Runs CANDIDATES as if today were `date`. */
function candidatesOn(date: Date, ...args: Parameters<typeof candidates>): unknown[][] {
  jest.useFakeTimers({ now: date });
  try {
    return candidates(...args);
  } finally {
    jest.useRealTimers();
  }
}

useCustomFunctionsShim();

describe("AWARD.CANDIDATES on the example layout", () => {
  let scores: unknown[][];
  let nominees: unknown[][];

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(EXAMPLE);
    scores = officeValues(workbook.getWorksheet("DTI 2023")!);
    nominees = officeValues(workbook.getWorksheet("Cá nhân đề xuất")!);
  });

  it("spills a header row and one row per unit, read through the officers' layout", () => {
    const matrix = candidatesOn(new Date(2025, 11, 20), scores, 2023, nominees);
    expect(matrix[0]).toEqual([
      "Khối",
      "Hạng",
      "Đơn vị",
      "Điểm",
      "Điểm tối đa",
      "Tỷ lệ",
      "Kết quả",
      "Cá nhân được chọn",
      "Tiền thưởng (đồng)",
    ]);
    // 20 agencies, 9 districts and 83 communes; headings, sub-headings and the total are not units.
    expect(matrix).toHaveLength(1 + 20 + 9 + 83);
    expect(matrix.every((row) => row.length === 9)).toBe(true);
    expect(matrix.slice(1).map((row) => row[0])).toEqual([
      ...Array(20).fill(1),
      ...Array(9).fill(2),
      ...Array(83).fill(3),
    ]);
  });

  it("proposes the units with the highest ratio in each bloc, with their prize and individual", () => {
    const matrix = candidatesOn(new Date(2025, 11, 20), scores, 2023, nominees);
    const proposed = matrix.filter((row) => row[6] === "Đề xuất");
    expect(proposed.map((row) => [row[0], row[1], row[2]])).toEqual([
      [1, 1, "Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ"],
      [2, 1, "UBND quận Bình Thủy"],
      [3, 1, "UBND xã Tân Thạnh"],
      [3, 2, "UBND xã Trường Xuân"],
      [3, 3, "UBND xã Đông Bình"],
    ]);
    // A collective Bằng khen decided on 2025-12-20: 3.0 × 2,340,000.
    expect(proposed.every((row) => row[8] === 7_020_000)).toBe(true);
    const agency = matrix[1];
    expect(agency.slice(3, 6)).toEqual([660, 700, 660 / 700]);
    expect(typeof agency[7]).toBe("string");
    expect(agency[7]).not.toBe("");
    // Sở Tư pháp's 94.25 % is below the Board's 94.2857 % although the sheet rounds both to 94.3.
    expect(matrix[2].slice(1, 3)).toEqual([2, "Sở Tư pháp"]);
    expect(matrix[2][6]).toBe("Không đề xuất");
    expect(matrix[2][8]).toBe("");
  });

  it("gives equal ratios the same rank", () => {
    const matrix = candidatesOn(new Date(2025, 11, 20), scores, 2023);
    const equal = matrix.filter((row) => row[0] === 3 && row[5] === 0.935);
    expect(equal.map((row) => [row[1], row[2]])).toEqual([
      [5, "UBND phường An Cư"],
      [5, "UBND xã Tân Thới"],
    ]);
  });

  it("finds the year in the title when none is given, and works without nominees", () => {
    const withYear = candidatesOn(new Date(2025, 11, 20), scores, 2023);
    const withoutYear = candidatesOn(new Date(2025, 11, 20), scores);
    expect(withoutYear).toEqual(withYear);
    expect(withoutYear.slice(1).every((row) => row[7] === "")).toBe(true);
  });

  it("prices the awards on today's date", () => {
    // Before 1 July 2025 a collective Bằng khen is 2.0 × 2,340,000.
    const matrix = candidatesOn(new Date(2024, 9, 1), scores, 2023);
    expect(matrix[1][8]).toBe(4_680_000);
  });

  it("prices the awards on the decision date given, as an Excel date or ISO text", () => {
    // 2023-03-15: Decree 91/2017 and 1,490,000, so a collective Bằng khen is 2,980,000.
    const today = new Date(2026, 7, 1);
    expect(candidatesOn(today, scores, 2023, undefined, "2023-03-15")[1][8]).toBe(2_980_000);
    // Excel's serial 44999 is 2023-03-15.
    expect(candidatesOn(today, scores, 2023, undefined, 44999)[1][8]).toBe(2_980_000);
    const bad = candidatesOn(today, scores, 2023, undefined, "ngày mai");
    expect(bad).toHaveLength(1);
    expect(String((bad[0][0] as { message?: string }).message)).toMatch(/Ngày|date/i);
  });
});

describe("AWARD.CANDIDATES on a small table", () => {
  const table = [
    ["Tên đơn vị", "Khối", "Điểm đạt được", "Điểm tối đa", "Không xét"],
    ["Sở Tư pháp", 1, 942.5, 1000, ""],
    ["Sở Y tế", "Khối I", 471.25, 500, ""],
    ["Sở Nội vụ", 1, 800, 1000, ""],
    ["UBND xã Tân Thới", 3, 450, 500, "x"],
    ["UBND xã Nhơn Ái", "K3", 400, 500, ""],
    ["UBND xã Giai Xuân", 3, "abc", 500, ""],
  ];
  const nominees = [
    ["Họ và tên", "Chức vụ", "Đơn vị công tác", "Trực tiếp thực hiện"],
    ["Nguyễn Văn A", "Chuyên viên", "Sở Tư pháp", "x"],
    ["Trần Thị B", "Chuyên viên", "Sở Y tế", ""],
  ];

  it("shows a tie at the cut-off, an excluded unit and an invalid row", () => {
    const matrix = candidatesOn(new Date(2025, 11, 20), table, 2024, nominees);
    expect(matrix.slice(1).map((row) => [row[0], row[1], row[2], row[6]])).toEqual([
      [1, 1, "Sở Tư pháp", "Bằng điểm – Hội đồng xét"],
      [1, 1, "Sở Y tế", "Bằng điểm – Hội đồng xét"],
      [1, 3, "Sở Nội vụ", "Không đề xuất"],
      [3, 1, "UBND xã Tân Thới", "Không xét"],
      [3, 2, "UBND xã Nhơn Ái", "Đề xuất"],
      [3, "", "UBND xã Giai Xuân", "Dữ liệu lỗi"],
    ]);
  });

  it("lists a row with an unknown bloc last, as invalid, instead of dropping it", () => {
    const withStray = [...table, ["Sở Ngoại vụ", "Khối 7", 990, 1000, ""]];
    const matrix = candidatesOn(new Date(2025, 11, 20), withStray, 2024, nominees);
    expect(matrix.slice(1)).toHaveLength(withStray.length - 1);
    expect(matrix[matrix.length - 1].slice(0, 7)).toEqual([
      "",
      "",
      "Sở Ngoại vụ",
      990,
      1000,
      "",
      "Dữ liệu lỗi",
    ]);
  });

  it("speaks English when Office's display language is not Vietnamese", () => {
    setDisplayLanguage("en-US");
    const matrix = candidatesOn(new Date(2025, 11, 20), table, 2024);
    expect(matrix[0]).toEqual([
      "Bloc",
      "Rank",
      "Unit",
      "Score",
      "Max score",
      "Ratio",
      "Status",
      "Chosen individual",
      "Prize (VND)",
    ]);
    expect(matrix.slice(1).map((row) => row[6])).toEqual([
      "Tie – council decides",
      "Tie – council decides",
      "Not selected",
      "Excluded",
      "Candidate",
      "Invalid data",
    ]);
  });

  it("puts a year column first when the table holds several years", () => {
    const years = [
      ["Năm", "Tên đơn vị", "Khối", "Điểm", "Điểm tối đa"],
      [2023, "Sở Tư pháp", 1, 900, 1000],
      [2024, "Sở Tư pháp", 1, 950, 1000],
    ];
    const matrix = candidatesOn(new Date(2025, 11, 20), years);
    expect(matrix[0][0]).toBe("Năm");
    expect(matrix.slice(1).map((row) => [row[0], row[1], row[3]])).toEqual([
      [2023, 1, "Sở Tư pháp"],
      [2024, 1, "Sở Tư pháp"],
    ]);
    expect(candidatesOn(new Date(2025, 11, 20), years, 2024)).toHaveLength(2);
  });

  it("treats blank optional arguments as omitted", () => {
    const plain = candidatesOn(new Date(2025, 11, 20), table, 2024);
    expect(candidatesOn(new Date(2025, 11, 20), table, 2024, [[""]])).toEqual(plain);
    expect(candidatesOn(new Date(2025, 11, 20), table, 2024, null as never)).toEqual(plain);
  });

  it.each([
    ["a single cell", "Sở Tư pháp" as never, undefined],
    ["a header row alone", [table[0]], undefined],
    [
      "a table without a unit and a score column",
      [
        ["a", "b"],
        [1, 2],
      ],
      undefined,
    ],
    ["a year outside the movement", table, 2030],
    ["a year that is not a year", table, "last year"],
  ])("returns one #VALUE! cell for %s", (_what, input, year) => {
    const matrix = candidatesOn(new Date(2025, 11, 20), input as unknown[][], year);
    expect(matrix).toHaveLength(1);
    expect(matrix[0]).toHaveLength(1);
    expect(isValueError(matrix[0][0])).toBe(true);
  });

  it("names the engine's reason when no unit can be read", () => {
    const [[error]] = candidatesOn(new Date(2025, 11, 20), [
      ["a", "b"],
      [1, 2],
    ]);
    expect(isValueError(error) && error.message).toMatch(/score table/);
  });
});

describe("AWARD.CANDIDATES with the council's decisions", () => {
  // Bloc 3 of 2024 has three slots: two units lead, two tie at 93.2% for the third.
  const table = [
    ["Tên cơ quan, đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được", "Năm"],
    ["UBND phường An Cư", 3, 500, 478, 2024],
    ["UBND xã Thạnh Lợi", 3, 500, 471.5, 2024],
    ["UBND phường Cái Khế", 3, 500, 466, 2024],
    ["UBND xã Trường Long", 3, 500, 466, 2024],
  ];
  const statusOf = (matrix: unknown[][], unit: string) =>
    matrix.find((row) => row[2] === unit)?.[6];

  it("reads the decisions range the Rank button reads from its sheet, and settles the tie", () => {
    const decisions = [
      ["Năm", "Khối", "Đơn vị", "Quyết định", "Tỷ lệ khi quyết định", "Hạng khi quyết định"],
      [2024, 3, "UBND xã Trường Long", "Chọn", 0.932, 3],
    ];
    const undecided = candidates(table, 2024, undefined, "2025-03-20");
    expect(statusOf(undecided, "UBND xã Trường Long")).toBe("Bằng điểm – Hội đồng xét");
    const decided = candidates(table, 2024, undefined, "2025-03-20", decisions);
    expect(statusOf(decided, "UBND xã Trường Long")).toBe("Đề xuất");
    expect(statusOf(decided, "UBND phường Cái Khế")).toBe("Không đề xuất");
  });

  it("leaves the tie to the council when the recorded ratio no longer matches", () => {
    const stale = [
      ["Năm", "Khối", "Đơn vị", "Quyết định", "Tỷ lệ khi quyết định"],
      [2024, 3, "UBND xã Trường Long", "Chọn", 0.94],
    ];
    const result = candidates(table, 2024, undefined, "2025-03-20", stale);
    expect(statusOf(result, "UBND xã Trường Long")).toBe("Bằng điểm – Hội đồng xét");
  });

  it("treats an empty decisions range as no decisions", () => {
    const blank = [
      ["", ""],
      ["", ""],
    ];
    expect(candidates(table, 2024, undefined, "2025-03-20", blank)).toEqual(
      candidates(table, 2024, undefined, "2025-03-20"),
    );
  });
});
