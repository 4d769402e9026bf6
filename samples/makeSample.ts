/**
 * Builds the sample workbook the demo ranks: the officers' layout (letterhead, merged title with
 * the year, Roman-numeral bloc sections, district sub-headings, ratio formulas with cached results,
 * a total row, a bloc-4 sheet and a nominee sheet) with the real names of Can Tho's units before
 * the 2025 reform. Scores and people are invented, from a fixed seed, so every run gives the same
 * workbook. Two things are planted for the demo: a tie at the bloc-3 cut-off and one invalid row
 * (a score above the max score).
 *
 * Run: `npm run sample` (writes samples/dti-sample-2024.xlsx).
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { projectRoot, SAMPLE_FILE } from "../src/cli/projectRoot";
import { seededRandom } from "./seededRandom";

export const SAMPLE_YEAR = 2024;
const SEED = 20240140;

/** City agencies (bloc 1) with the maximum of their index group (1000, 700 or 500 points). */
const AGENCIES: readonly (readonly [string, number])[] = [
  ["Văn phòng UBND thành phố", 1000],
  ["Sở Nội vụ", 700],
  ["Sở Tư pháp", 1000],
  ["Sở Kế hoạch và Đầu tư", 1000],
  ["Sở Tài chính", 700],
  ["Sở Công Thương", 1000],
  ["Sở Nông nghiệp và Phát triển nông thôn", 1000],
  ["Sở Giao thông vận tải", 700],
  ["Sở Xây dựng", 700],
  ["Sở Tài nguyên và Môi trường", 1000],
  ["Sở Thông tin và Truyền thông", 700],
  ["Sở Lao động - Thương binh và Xã hội", 1000],
  ["Sở Văn hóa, Thể thao và Du lịch", 1000],
  ["Sở Khoa học và Công nghệ", 500],
  ["Sở Giáo dục và Đào tạo", 1000],
  ["Sở Y tế", 1000],
  ["Sở Ngoại vụ", 500],
  ["Thanh tra thành phố", 700],
  ["Ban Dân tộc", 500],
  ["Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ", 700],
];

/** Districts (bloc 2) and their communes, wards and towns (bloc 3), before 1 July 2025. */
const DISTRICTS: readonly (readonly [string, string, readonly string[]])[] = [
  [
    "UBND quận Ninh Kiều",
    "Quận Ninh Kiều",
    [
      "phường Cái Khế",
      "phường An Hòa",
      "phường Thới Bình",
      "phường An Nghiệp",
      "phường An Cư",
      "phường Tân An",
      "phường An Phú",
      "phường Xuân Khánh",
      "phường Hưng Lợi",
      "phường An Khánh",
      "phường An Bình",
    ],
  ],
  [
    "UBND quận Bình Thủy",
    "Quận Bình Thủy",
    [
      "phường Bình Thủy",
      "phường Trà An",
      "phường Trà Nóc",
      "phường Thới An Đông",
      "phường An Thới",
      "phường Bùi Hữu Nghĩa",
      "phường Long Hòa",
      "phường Long Tuyền",
    ],
  ],
  [
    "UBND quận Cái Răng",
    "Quận Cái Răng",
    [
      "phường Lê Bình",
      "phường Hưng Phú",
      "phường Hưng Thạnh",
      "phường Ba Láng",
      "phường Thường Thạnh",
      "phường Phú Thứ",
      "phường Tân Phú",
    ],
  ],
  [
    "UBND quận Ô Môn",
    "Quận Ô Môn",
    [
      "phường Châu Văn Liêm",
      "phường Thới Hòa",
      "phường Thới Long",
      "phường Long Hưng",
      "phường Thới An",
      "phường Phước Thới",
      "phường Trường Lạc",
    ],
  ],
  [
    "UBND quận Thốt Nốt",
    "Quận Thốt Nốt",
    [
      "phường Thốt Nốt",
      "phường Thới Thuận",
      "phường Thuận An",
      "phường Tân Lộc",
      "phường Trung Nhứt",
      "phường Thạnh Hoà",
      "phường Trung Kiên",
      "phường Tân Hưng",
      "phường Thuận Hưng",
    ],
  ],
  [
    "UBND huyện Phong Điền",
    "Huyện Phong Điền",
    [
      "thị trấn Phong Điền",
      "xã Nhơn Ái",
      "xã Giai Xuân",
      "xã Tân Thới",
      "xã Trường Long",
      "xã Mỹ Khánh",
      "xã Nhơn Nghĩa",
    ],
  ],
  [
    "UBND huyện Cờ Đỏ",
    "Huyện Cờ Đỏ",
    [
      "thị trấn Cờ Đỏ",
      "xã Thới Hưng",
      "xã Trung An",
      "xã Trung Thạnh",
      "xã Trung Hưng",
      "xã Thới Đông",
      "xã Thới Xuân",
      "xã Đông Hiệp",
      "xã Đông Thắng",
      "xã Thạnh Phú",
    ],
  ],
  [
    "UBND huyện Vĩnh Thạnh",
    "Huyện Vĩnh Thạnh",
    [
      "thị trấn Thạnh An",
      "thị trấn Vĩnh Thạnh",
      "xã Thạnh Mỹ",
      "xã Vĩnh Trinh",
      "xã Thạnh An",
      "xã Thạnh Tiến",
      "xã Thạnh Thắng",
      "xã Thạnh Lợi",
      "xã Thạnh Quới",
      "xã Thạnh Lộc",
      "xã Vĩnh Bình",
    ],
  ],
  [
    "UBND huyện Thới Lai",
    "Huyện Thới Lai",
    [
      "thị trấn Thới Lai",
      "xã Thới Thạnh",
      "xã Tân Thạnh",
      "xã Xuân Thắng",
      "xã Đông Bình",
      "xã Đông Thuận",
      "xã Thới Tân",
      "xã Trường Thắng",
      "xã Định Môn",
      "xã Trường Thành",
      "xã Trường Xuân",
      "xã Trường Xuân A",
      "xã Trường Xuân B",
    ],
  ],
];

const ENTERPRISES = [
  "VNPT Cần Thơ",
  "Viettel Cần Thơ",
  "Công ty Dịch vụ MobiFone Khu vực 9",
  "Bưu điện thành phố Cần Thơ",
  "FPT Telecom Cần Thơ",
  "Chi nhánh VTVcab Cần Thơ",
  "Công ty TNHH Phần mềm Cần Thơ",
];

/**
 * Scores placed by hand so the demo shows what it must: a clear first place in blocs 1 and 2,
 * two agencies with equal ratios on different maxima (440/500 = 880/1000), a tie for the last
 * bloc-3 slot (ranks 3 and 4 at 466/500), and a score typed above the max score.
 */
const PLANTED: Readonly<Record<string, number>> = {
  "Sở Tư pháp": 948.5,
  "Sở Khoa học và Công nghệ": 440,
  "Sở Tài nguyên và Môi trường": 880,
  "UBND quận Bình Thủy": 915.5,
  "UBND huyện Vĩnh Thạnh": 884,
  "UBND phường An Cư": 478,
  "UBND xã Thạnh Lợi": 471.5,
  "UBND phường Cái Khế": 466,
  "UBND xã Trường Long": 466,
  "UBND thị trấn Thới Lai": 462.5,
  "UBND phường Long Hòa": 521,
};
/** Random scores stay below the planted ones: at most this share of the max. */
const RANDOM_CEILING = { 1: 0.87, 2: 0.87, 3: 0.9 } as const;
const RANDOM_FLOOR = { 1: 0.58, 2: 0.62, 3: 0.5 } as const;

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Đặng", "Bùi"];
const MIDDLE = ["Văn", "Thị", "Minh", "Thanh", "Ngọc", "Hoàng", "Quốc", "Kim", "Hữu", "Thị Thu"];
const GIVEN = ["An", "Bình", "Châu", "Dũng", "Giang", "Hải", "Hạnh", "Hùng", "Khoa", "Lan"].concat([
  "Long",
  "Mai",
  "Nam",
  "Nhung",
  "Phúc",
  "Quân",
  "Tâm",
  "Thảo",
  "Trang",
  "Tuấn",
  "Yến",
]);
const TITLES_CITY = ["Chuyên viên", "Phó Trưởng phòng", "Trưởng phòng", "Kỹ sư CNTT"];
const TITLES_LOCAL = ["Công chức Văn phòng - Thống kê", "Phó Chủ tịch UBND", "Chuyên viên"];
const ACHIEVEMENTS = [
  "Tham mưu triển khai các nhiệm vụ chuyển đổi số của đơn vị",
  "Trực tiếp vận hành Cổng dịch vụ công, nâng tỷ lệ hồ sơ trực tuyến toàn trình",
  "Xây dựng và cập nhật cơ sở dữ liệu chuyên ngành, số hóa hồ sơ lưu trữ",
  "Hướng dẫn người dân cài đặt, sử dụng ứng dụng và dịch vụ công trực tuyến",
];

interface SampleUnit {
  readonly name: string;
  readonly max: number;
  readonly score: number;
  readonly bloc: 1 | 2 | 3;
  readonly group: string;
}

function halfPoints(value: number): number {
  return Math.round(value * 2) / 2;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function scoreFor(random: () => number, name: string, max: number, bloc: 1 | 2 | 3): number {
  const planted = PLANTED[name];
  if (planted !== undefined) return planted;
  const share = RANDOM_FLOOR[bloc] + random() * (RANDOM_CEILING[bloc] - RANDOM_FLOOR[bloc]);
  return halfPoints(max * share);
}

/** Every unit of blocs 1–3 with its invented score, in the sheet's order. */
export function sampleUnits(): SampleUnit[] {
  const random = seededRandom(SEED);
  const units: SampleUnit[] = AGENCIES.map(([name, max]) => ({
    name,
    max,
    score: scoreFor(random, name, max, 1),
    bloc: 1,
    group: "",
  }));
  for (const [district] of DISTRICTS) {
    units.push({
      name: district,
      max: 1000,
      score: scoreFor(random, district, 1000, 2),
      bloc: 2,
      group: "",
    });
  }
  for (const [, heading, communes] of DISTRICTS) {
    for (const commune of communes) {
      const name = `UBND ${commune}`;
      units.push({
        name,
        max: 500,
        score: scoreFor(random, name, 500, 3),
        bloc: 3,
        group: heading,
      });
    }
  }
  return units;
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

function borderRow(row: ExcelJS.Row, columns: number): void {
  for (let c = 1; c <= columns; c += 1) row.getCell(c).border = THIN;
}

function addScoreSheet(workbook: ExcelJS.Workbook, units: readonly SampleUnit[]): void {
  const sheet = workbook.addWorksheet(`DTI ${SAMPLE_YEAR}`, {
    views: [{ state: "frozen", ySplit: 7 }],
  });
  sheet.columns = [6, 48, 12, 12, 10, 12, 22].map((width) => ({ width }));
  const centred: Partial<ExcelJS.Alignment> = {
    horizontal: "center",
    vertical: "middle",
    wrapText: true,
  };
  sheet.getCell("A1").value = "UBND THÀNH PHỐ CẦN THƠ";
  sheet.getCell("A2").value = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG";
  sheet.getCell("E1").value = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
  sheet.getCell("E2").value = "Độc lập - Tự do - Hạnh phúc";
  sheet.getCell("A4").value =
    `BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CHỈ SỐ CHUYỂN ĐỔI SỐ (DTI) NĂM ${SAMPLE_YEAR}`;
  sheet.getCell("A5").value =
    `(Kèm theo Công văn số      /STTTT-CĐS ngày     tháng     năm ${SAMPLE_YEAR + 1} của Sở Thông tin và Truyền thông)`;
  for (const range of ["A1:C1", "E1:G1", "A2:C2", "E2:G2", "A4:G4", "A5:G5"])
    sheet.mergeCells(range);
  for (const address of ["A1", "A2", "E1", "E2", "A4", "A5"]) {
    sheet.getCell(address).alignment = centred;
    sheet.getCell(address).font = { bold: address !== "A5", italic: address === "A5" };
  }
  sheet.getRow(4).height = 32;

  const header = sheet.getRow(7);
  header.values = [
    "STT",
    "Tên cơ quan, đơn vị",
    "Điểm tối đa",
    "Điểm đạt được",
    "Tỷ lệ (%)",
    "Xếp hạng trong khối",
    "Ghi chú",
  ];
  header.font = { bold: true };
  header.alignment = centred;
  borderRow(header, 7);

  const sections: Record<1 | 2 | 3, string> = {
    1: "KHỐI SỞ, BAN, NGÀNH",
    2: "KHỐI UBND QUẬN, HUYỆN",
    3: "KHỐI UBND XÃ, PHƯỜNG, THỊ TRẤN",
  };
  const roman: Record<1 | 2 | 3, string> = { 1: "I", 2: "II", 3: "III" };
  let rowNumber = 8;
  let bloc: 1 | 2 | 3 | 0 = 0;
  let group = "";
  let stt = 0;
  for (const unit of units) {
    if (unit.bloc !== bloc) {
      bloc = unit.bloc;
      stt = 0;
      group = "";
      const row = sheet.getRow(rowNumber);
      row.values = [roman[bloc], sections[bloc]];
      row.font = { bold: true };
      borderRow(row, 7);
      rowNumber += 1;
    }
    if (unit.group !== group) {
      group = unit.group;
      const row = sheet.getRow(rowNumber);
      row.values = ["", group];
      row.font = { bold: true, italic: true };
      borderRow(row, 7);
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
    row.getCell(1).alignment = { horizontal: "center" };
    row.getCell(5).numFmt = "0.00";
    borderRow(row, 7);
    rowNumber += 1;
  }
  const total = sheet.getRow(rowNumber);
  total.values = ["", "Tổng số đơn vị được đánh giá", "", units.length];
  total.font = { bold: true };
  borderRow(total, 7);
}

function addEnterpriseSheet(workbook: ExcelJS.Workbook, random: () => number): void {
  const sheet = workbook.addWorksheet("Khối 4 - Doanh nghiệp");
  sheet.columns = [6, 44, 16, 22].map((width) => ({ width }));
  sheet.getRow(1).values = ["STT", "Tên doanh nghiệp", "Điểm đánh giá (thang 100)", "Ghi chú"];
  sheet.getRow(1).font = { bold: true };
  // Distinct whole scores, so bloc 4's single slot has one clear winner.
  const scores = new Set<number>();
  ENTERPRISES.forEach((name, i) => {
    let score = 70 + Math.floor(random() * 22);
    while (scores.has(score)) score += 1;
    scores.add(score);
    sheet.getRow(i + 2).values = [i + 1, name, score];
  });
}

/**
 * Units that propose nobody: Bình Thủy shows a unit passed over for the individual slot; the row
 * with the score above the max is not ranked, so its people would only add a warning.
 */
const NO_NOMINEE = new Set(["UBND quận Bình Thủy", "UBND phường Long Hòa"]);

function addNomineeSheet(
  workbook: ExcelJS.Workbook,
  units: readonly SampleUnit[],
  random: () => number,
): void {
  const sheet = workbook.addWorksheet("Cá nhân đề xuất");
  sheet.columns = [6, 26, 30, 44, 12, 60].map((width) => ({ width }));
  sheet.getRow(1).values = [
    "STT",
    "Họ và tên",
    "Chức vụ",
    "Đơn vị công tác",
    "Trực tiếp thực hiện",
    "Tóm tắt thành tích",
  ];
  sheet.getRow(1).font = { bold: true };
  let stt = 0;
  for (const unit of units) {
    if (NO_NOMINEE.has(unit.name)) continue;
    const planted = PLANTED[unit.name] !== undefined;
    if (!planted && random() < 0.35) continue;
    const people = planted || random() < 0.3 ? 2 : 1;
    for (let p = 0; p < people; p += 1) {
      stt += 1;
      const name = `${pick(random, FAMILY)} ${pick(random, MIDDLE)} ${pick(random, GIVEN)}`;
      const title = pick(random, unit.bloc === 1 ? TITLES_CITY : TITLES_LOCAL);
      // The second person of a two-person proposal does the work directly: the rules prefer them.
      const direct = people === 2 ? p === 1 : random() < 0.6;
      // One unit written the long way, as some units do: the matcher must still find it.
      const unitName =
        unit.name === "UBND xã Thạnh Lợi" ? "Ủy ban nhân dân xã Thạnh Lợi" : unit.name;
      sheet.getRow(stt + 1).values = [
        stt,
        name,
        title,
        unitName,
        direct ? "x" : "",
        pick(random, ACHIEVEMENTS),
      ];
    }
  }
}

/**
 * The sample workbook, built in memory.
 *
 * @example
 * buildSampleWorkbook().worksheets.map((ws) => ws.name)
 * //=> ["DTI 2024", "Khối 4 - Doanh nghiệp", "Cá nhân đề xuất"]
 */
export function buildSampleWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const fixed = new Date(Date.UTC(SAMPLE_YEAR + 1, 2, 15));
  workbook.creator = "Sở Thông tin và Truyền thông thành phố Cần Thơ (dữ liệu mẫu)";
  workbook.created = fixed;
  workbook.modified = fixed;
  const units = sampleUnits();
  const random = seededRandom(SEED + 1);
  addScoreSheet(workbook, units);
  addEnterpriseSheet(workbook, random);
  addNomineeSheet(workbook, units, random);
  return workbook;
}

/**
 * Writes the sample workbook (default: samples/dti-sample-2024.xlsx in the project).
 *
 * @example
 * await writeSampleWorkbook("/tmp/sample.xlsx") //=> "/tmp/sample.xlsx"
 */
export async function writeSampleWorkbook(file?: string): Promise<string> {
  const target = file ?? path.join(projectRoot(__dirname) ?? process.cwd(), "samples", SAMPLE_FILE);
  await buildSampleWorkbook().xlsx.writeFile(target);
  return target;
}

if (require.main === module) {
  writeSampleWorkbook(process.argv[2]).then(
    (file) => process.stdout.write(`${file}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
