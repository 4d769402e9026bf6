/**
 * Builds the 2022–2025 sample workbook the summary (tổng kết) is shown on: one score sheet per
 * year in the officers' layout, the 2025 one after the reform of 1 July 2025 (no district bloc,
 * the merged departments and the new wards and communes of the former Can Tho), an enterprise
 * sheet per year, a nominee sheet with a year column, and the council's decisions of earlier
 * rounds. The units of 2022–2024 are those of the 2024 sample; scores are invented from a fixed
 * seed around the 2024 ones, so every run gives the same workbook.
 *
 * Planted for the demonstration: a tie for the last bloc-3 slot in 2023 that the council settled
 * (a "Chọn" row), a 2022 bloc-1 candidate the council withdrew (a "Rút đề nghị" row, with its
 * reason), and the 2024 tie of the 2024 sample, still open.
 *
 * Run: `npm run sample:history` (writes samples/dti-history-2022-2025.xlsx).
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { projectRoot } from "../src/cli/projectRoot";
import {
  DECISION_HEADER_ROW,
  DECISION_TABLE_NAME,
  decisionHeaderRow,
  decisionRowValues,
  decisionSheetIntro,
} from "../src/domain/decisions";
import { sampleUnits } from "./makeSample";
import { seededRandom } from "./seededRandom";

export const HISTORY_SAMPLE_FILE = "dti-history-2022-2025.xlsx";
export const HISTORY_YEARS = [2022, 2023, 2024, 2025] as const;
type Year = (typeof HISTORY_YEARS)[number];
const SEED = 20250140;

interface YearUnit {
  readonly name: string;
  readonly max: number;
  readonly score: number;
  readonly bloc: 1 | 2 | 3;
  readonly group: string;
}

/** The 14 specialised agencies and the zones board after the merger of 1 July 2025. */
const AGENCIES_2025: readonly (readonly [string, number])[] = [
  ["Văn phòng UBND thành phố", 1000],
  ["Sở Nội vụ", 1000],
  ["Sở Tài chính", 1000],
  ["Sở Tư pháp", 1000],
  ["Sở Công Thương", 1000],
  ["Sở Nông nghiệp và Môi trường", 1000],
  ["Sở Xây dựng", 1000],
  ["Sở Khoa học và Công nghệ", 1000],
  ["Sở Văn hóa, Thể thao và Du lịch", 1000],
  ["Sở Giáo dục và Đào tạo", 1000],
  ["Sở Y tế", 1000],
  ["Sở Dân tộc và Tôn giáo", 500],
  ["Thanh tra thành phố", 700],
  ["Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ", 700],
];

/** Wards and communes of the former Can Tho after the 2025 reform (no district level). */
const COMMUNES_2025 = [
  "phường Ninh Kiều",
  "phường Cái Khế",
  "phường Tân An",
  "phường An Bình",
  "phường Thới An Đông",
  "phường Bình Thủy",
  "phường Long Tuyền",
  "phường Cái Răng",
  "phường Hưng Phú",
  "phường Ô Môn",
  "phường Phước Thới",
  "phường Thới Long",
  "phường Trung Nhứt",
  "phường Thuận Hưng",
  "phường Thốt Nốt",
  "xã Phong Điền",
  "xã Nhơn Ái",
  "xã Trường Long",
  "xã Thới Lai",
  "xã Đông Thuận",
  "xã Trường Xuân",
  "xã Trường Thành",
  "xã Cờ Đỏ",
  "xã Đông Hiệp",
  "xã Thạnh Phú",
  "xã Thới Hưng",
  "xã Trung Hưng",
  "xã Vĩnh Thạnh",
  "xã Vĩnh Trinh",
  "xã Thạnh An",
  "xã Thạnh Quới",
];

const ENTERPRISES = [
  "VNPT Cần Thơ",
  "Viettel Cần Thơ",
  "Công ty Dịch vụ MobiFone Khu vực 9",
  "Bưu điện thành phố Cần Thơ",
  "FPT Telecom Cần Thơ",
];

/** Scores placed by hand (of each year's max) so the planted cases happen. */
const PLANTED: Readonly<Record<Year, Readonly<Record<string, number>>>> = {
  2022: { "Sở Tư pháp": 930, "Sở Y tế": 905, "UBND quận Ninh Kiều": 880 },
  2023: {
    "Sở Tư pháp": 952,
    "UBND quận Bình Thủy": 902,
    "UBND phường An Cư": 481,
    "UBND xã Thạnh Lợi": 474,
    "UBND phường Cái Khế": 468,
    "UBND xã Tân Thới": 468,
  },
  2024: {},
  2025: {
    "Sở Tư pháp": 962,
    "Sở Khoa học và Công nghệ": 948,
    "Sở Y tế": 931,
    "UBND phường Cái Khế": 486,
    "UBND xã Trường Long": 479,
    "UBND phường Ninh Kiều": 474,
    "UBND xã Phong Điền": 470,
    "UBND phường Bình Thủy": 468,
    "UBND xã Thới Lai": 461,
  },
};

function halfPoints(value: number): number {
  return Math.round(value * 2) / 2;
}

/** A year's score: planted, else a step away from the 2024 score, below the planted ones. */
function yearScore(
  random: () => number,
  name: string,
  max: number,
  base: number,
  year: Year,
): number {
  const planted = PLANTED[year][name];
  if (planted !== undefined) return planted;
  const drift = (HISTORY_YEARS.indexOf(year) - 2) * 0.015 + (random() - 0.5) * 0.08;
  let share = Math.max(0.45, base / max + drift);
  // Above the ceiling a score is drawn below it instead of stopping at it: capped scores would
  // all tie at the top, where the planted ones belong.
  if (share > 0.87) share = 0.87 - random() * 0.05;
  return halfPoints(max * share);
}

/** The units of one year with their scores. */
export function unitsOfYear(year: Year): YearUnit[] {
  const random = seededRandom(SEED + year);
  const base = sampleUnits();
  if (year !== 2025) {
    return base.map((u) => {
      // The 2024 sample's planted invalid row (a score above the max) is a valid score here.
      const score = u.score > u.max ? halfPoints(u.max * 0.8) : u.score;
      return { ...u, score: year === 2024 ? score : yearScore(random, u.name, u.max, score, year) };
    });
  }
  const byName = new Map(base.map((u) => [u.name, u]));
  // A merged department keeps the share of the maximum its predecessor of the same name had.
  const shareOf = (name: string, fallback: number) => {
    const old = byName.get(name);
    return old ? old.score / old.max : fallback;
  };
  const agencies: YearUnit[] = AGENCIES_2025.map(([name, max]) => ({
    name,
    max,
    score: yearScore(random, name, max, shareOf(name, 0.7) * max, year),
    bloc: 1,
    group: "",
  }));
  const communes: YearUnit[] = COMMUNES_2025.map((commune) => {
    const name = `UBND ${commune}`;
    return {
      name,
      max: 500,
      score: yearScore(random, name, 500, shareOf(name, 0.76) * 500, year),
      bloc: 3,
      group: "",
    };
  });
  return [...agencies, ...communes];
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

function addScoreSheet(workbook: ExcelJS.Workbook, year: Year, units: readonly YearUnit[]): void {
  const sheet = workbook.addWorksheet(`DTI ${year}`, { views: [{ state: "frozen", ySplit: 7 }] });
  sheet.columns = [6, 48, 12, 12, 10, 22].map((width) => ({ width }));
  sheet.getCell("A1").value = "UBND THÀNH PHỐ CẦN THƠ";
  sheet.getCell("A2").value =
    year === 2025 ? "SỞ KHOA HỌC VÀ CÔNG NGHỆ" : "SỞ THÔNG TIN VÀ TRUYỀN THÔNG";
  sheet.getCell("D1").value = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
  sheet.getCell("D2").value = "Độc lập - Tự do - Hạnh phúc";
  sheet.getCell("A4").value =
    `BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CHỈ SỐ CHUYỂN ĐỔI SỐ (DTI) NĂM ${year}`;
  for (const range of ["A1:C1", "D1:F1", "A2:C2", "D2:F2", "A4:F4"]) sheet.mergeCells(range);
  for (const address of ["A1", "A2", "D1", "D2", "A4"]) {
    sheet.getCell(address).font = { bold: true };
    sheet.getCell(address).alignment = { horizontal: "center" };
  }
  const header = sheet.getRow(7);
  header.values = [
    "STT",
    "Tên cơ quan, đơn vị",
    "Điểm tối đa",
    "Điểm đạt được",
    "Tỷ lệ (%)",
    "Ghi chú",
  ];
  header.font = { bold: true };
  const sections: Record<1 | 2 | 3, string> = {
    1: "KHỐI SỞ, BAN, NGÀNH",
    2: "KHỐI UBND QUẬN, HUYỆN",
    3: "KHỐI UBND XÃ, PHƯỜNG, THỊ TRẤN",
  };
  const roman: Record<1 | 2 | 3, string> = { 1: "I", 2: "II", 3: "III" };
  let rowNumber = 8;
  let bloc = 0;
  let group = "";
  let stt = 0;
  for (const unit of units) {
    if (unit.bloc !== bloc) {
      bloc = unit.bloc;
      stt = 0;
      group = "";
      sheet.getRow(rowNumber).values = [roman[unit.bloc], sections[unit.bloc]];
      sheet.getRow(rowNumber).font = { bold: true };
      rowNumber += 1;
    }
    if (unit.group !== group) {
      group = unit.group;
      sheet.getRow(rowNumber).values = ["", group];
      sheet.getRow(rowNumber).font = { bold: true, italic: true };
      rowNumber += 1;
    }
    stt += 1;
    const row = sheet.getRow(rowNumber);
    row.values = [
      stt,
      unit.name,
      unit.max,
      unit.score,
      {
        formula: `ROUND(D${rowNumber}/C${rowNumber}*100,2)`,
        result: Math.round((unit.score / unit.max) * 10000) / 100,
      },
    ];
    for (let c = 1; c <= 6; c += 1) row.getCell(c).border = THIN;
    rowNumber += 1;
  }
}

function addEnterpriseSheet(workbook: ExcelJS.Workbook, random: () => number): void {
  const sheet = workbook.addWorksheet("Khối 4 - Doanh nghiệp");
  sheet.columns = [6, 40, 10, 16].map((width) => ({ width }));
  sheet.getRow(1).values = ["STT", "Tên doanh nghiệp", "Năm", "Điểm đánh giá (thang 100)"];
  sheet.getRow(1).font = { bold: true };
  let row = 2;
  for (const year of HISTORY_YEARS) {
    // Distinct whole scores each year: one clear winner of bloc 4's slot.
    const used = new Set<number>();
    ENTERPRISES.forEach((name, i) => {
      let score = 72 + Math.floor(random() * 20);
      while (used.has(score)) score += 1;
      used.add(score);
      sheet.getRow(row).values = [i + 1, name, year, score];
      row += 1;
    });
  }
}

const PEOPLE: readonly (readonly [Year, string, string, string, boolean, string])[] = [
  [
    2022,
    "Trần Minh Khoa",
    "Trưởng phòng",
    "Sở Tư pháp",
    true,
    "Xây dựng cơ sở dữ liệu hộ tịch điện tử",
  ],
  [
    2022,
    "Nguyễn Thị Lan",
    "Chuyên viên",
    "Sở Y tế",
    true,
    "Triển khai bệnh án điện tử tại các bệnh viện",
  ],
  [
    2022,
    "Lê Quốc Hùng",
    "Phó Chủ tịch UBND",
    "UBND quận Ninh Kiều",
    false,
    "Chỉ đạo số hóa hồ sơ một cửa",
  ],
  [
    2023,
    "Phạm Thanh Tâm",
    "Phó Trưởng phòng",
    "Sở Tư pháp",
    true,
    "Vận hành Cổng dịch vụ công của ngành",
  ],
  [
    2023,
    "Huỳnh Kim Yến",
    "Công chức Văn phòng - Thống kê",
    "UBND phường An Cư",
    true,
    "Hướng dẫn người dân dùng dịch vụ công trực tuyến",
  ],
  [
    2023,
    "Võ Hữu Nam",
    "Công chức Văn phòng - Thống kê",
    "UBND phường Cái Khế",
    true,
    "Số hóa hồ sơ lưu trữ của phường",
  ],
  [
    2023,
    "Đặng Văn Phúc",
    "Phó Chủ tịch UBND",
    "UBND xã Tân Thới",
    false,
    "Chỉ đạo chuyển đổi số cấp xã",
  ],
  [
    2024,
    "Bùi Ngọc Trang",
    "Trưởng phòng",
    "Sở Tư pháp",
    true,
    "Trực tiếp vận hành hệ thống thông tin ngành",
  ],
  [
    2024,
    "Trương Thị Mai",
    "Chuyên viên",
    "UBND quận Bình Thủy",
    true,
    "Triển khai thanh toán không dùng tiền mặt",
  ],
  [
    2024,
    "Phan Quốc Tuấn",
    "Công chức Văn phòng - Thống kê",
    "UBND phường An Cư",
    true,
    "Nâng tỷ lệ hồ sơ trực tuyến toàn trình",
  ],
  [
    2025,
    "Nguyễn Hoàng Long",
    "Phó Giám đốc",
    "Sở Khoa học và Công nghệ",
    false,
    "Chỉ đạo hợp nhất hạ tầng số sau sắp xếp",
  ],
  [
    2025,
    "Lê Thị Thu Hạnh",
    "Chuyên viên",
    "Sở Tư pháp",
    true,
    "Kết nối dữ liệu hộ tịch với cơ sở dữ liệu quốc gia",
  ],
  [
    2025,
    "Trần Văn Dũng",
    "Công chức Văn phòng - Thống kê",
    "UBND phường Cái Khế",
    true,
    "Vận hành bộ phận một cửa điện tử phường mới",
  ],
  [
    2025,
    "Võ Thị Ngọc Giang",
    "Công chức Văn phòng - Thống kê",
    "UBND xã Trường Long",
    true,
    "Hướng dẫn người dân dùng ứng dụng công dân số",
  ],
];

function addNomineeSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet("Cá nhân đề xuất");
  sheet.columns = [6, 8, 24, 30, 40, 12, 50].map((width) => ({ width }));
  sheet.getRow(1).values = [
    "STT",
    "Năm",
    "Họ và tên",
    "Chức vụ",
    "Đơn vị công tác",
    "Trực tiếp thực hiện",
    "Tóm tắt thành tích",
  ];
  sheet.getRow(1).font = { bold: true };
  PEOPLE.forEach(([year, name, title, unit, direct, achievement], i) => {
    sheet.getRow(i + 2).values = [i + 1, year, name, title, unit, direct ? "x" : "", achievement];
  });
}

/** The council's decisions of the 2022 and 2023 rounds (the ratios as they were then). */
function addDecisionSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet("Quyết định của Hội đồng");
  const [title, how] = decisionSheetIntro("vi");
  sheet.getCell("A1").value = title;
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.getCell("A2").value = how;
  [7, 7, 11, 34, 20, 24, 14, 30, 12, 10, 10, 10, 12].forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  const rows = [
    decisionRowValues(
      {
        year: 2022,
        bloc: 1,
        recipient: "collective",
        unit: "Sở Tư pháp",
        group: "",
        person: "",
        kind: "withdraw",
        reason: "Đơn vị đã nhận Bằng khen chuyên đề cùng năm; nhường suất theo đề nghị của đơn vị",
        basis: { ratio: 0.93, rank: 1, tieSize: null, open: null },
        recorded: "2023-03-10",
      },
      "vi",
    ),
    decisionRowValues(
      {
        year: 2023,
        bloc: 3,
        recipient: "collective",
        unit: "UBND xã Tân Thới",
        group: "Huyện Phong Điền",
        person: "",
        kind: "choose",
        reason: "Hội đồng bỏ phiếu ngày 15/3/2024",
        basis: { ratio: 0.936, rank: 3, tieSize: 2, open: 1 },
        recorded: "2024-03-15",
      },
      "vi",
    ),
  ];
  sheet.addTable({
    name: DECISION_TABLE_NAME,
    ref: `A${DECISION_HEADER_ROW + 1}`,
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: decisionHeaderRow("vi").map((name) => ({ name, filterButton: true })),
    rows,
  });
}

/**
 * The 2022–2025 sample workbook, built in memory.
 *
 * @example
 * buildHistoryWorkbook().worksheets.map((ws) => ws.name)
 * //=> ["DTI 2022", "DTI 2023", "DTI 2024", "DTI 2025", "Khối 4 - Doanh nghiệp", "Cá nhân đề xuất", "Quyết định của Hội đồng"]
 */
export function buildHistoryWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const fixed = new Date(Date.UTC(2025, 11, 1));
  workbook.creator = "Sở Thông tin và Truyền thông thành phố Cần Thơ (dữ liệu mẫu)";
  workbook.created = fixed;
  workbook.modified = fixed;
  for (const year of HISTORY_YEARS) addScoreSheet(workbook, year, unitsOfYear(year));
  addEnterpriseSheet(workbook, seededRandom(SEED));
  addNomineeSheet(workbook);
  addDecisionSheet(workbook);
  return workbook;
}

/**
 * Writes the 2022–2025 sample (default: samples/dti-history-2022-2025.xlsx in the project).
 *
 * @example
 * await writeHistoryWorkbook("/tmp/history.xlsx") //=> "/tmp/history.xlsx"
 */
export async function writeHistoryWorkbook(file?: string): Promise<string> {
  const target =
    file ?? path.join(projectRoot(__dirname) ?? process.cwd(), "samples", HISTORY_SAMPLE_FILE);
  await buildHistoryWorkbook().xlsx.writeFile(target);
  return target;
}

if (require.main === module) {
  writeHistoryWorkbook(process.argv[2]).then(
    (file) => process.stdout.write(`${file}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
