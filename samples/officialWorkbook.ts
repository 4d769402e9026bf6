/**
 * The officers' layout of the Department's score workbook, built from a spec: letterhead, merged
 * title with the year, Roman-numeral bloc sections, district sub-headings in bloc 3, ratio formulas
 * with cached results, a total row, a bloc-4 sheet scored on a 100-point assessment, and a nominee
 * sheet with "Trực tiếp thực hiện". The unit names are Can Tho's before the 2025 reform; scores and
 * people are invented from a fixed seed, except the scores a spec plants by hand. The zip entries
 * carry a fixed date, so the same spec gives the same bytes on every run.
 *
 * Two specs use it: samples/makeSample.ts (the demo's 2024 workbook, with a tie and an invalid row
 * planted) and samples/makeExample.ts (a clean 2023 workbook that the tests read).
 */
import ExcelJS from "exceljs";
import { seededRandom } from "./seededRandom";
import { withFixedZipTimes } from "./fixedZipTimes";

/** City agencies (bloc 1) with the maximum of their index group (1000, 700 or 500 points). */
export const AGENCIES: readonly (readonly [string, number])[] = [
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
export const DISTRICTS: readonly (readonly [string, string, readonly string[]])[] = [
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

export const ENTERPRISES = [
  "VNPT Cần Thơ",
  "Viettel Cần Thơ",
  "Công ty Dịch vụ MobiFone Khu vực 9",
  "Bưu điện thành phố Cần Thơ",
  "FPT Telecom Cần Thơ",
  "Chi nhánh VTVcab Cần Thơ",
  "Công ty TNHH Phần mềm Cần Thơ",
];

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

type IndexBloc = 1 | 2 | 3;

/** What makes one workbook of the officers' layout differ from another. */
export interface OfficialWorkbookSpec {
  /** The year of the index results (sheet "DTI <year>", title "... NĂM <year>"). */
  readonly year: number;
  /** Seed of the invented scores; seed + 1 seeds the enterprises and the people. */
  readonly seed: number;
  /** City agencies (bloc 1) with the maximum of their index group, in the sheet's order. */
  readonly agencies: readonly (readonly [string, number])[];
  /** Scores placed by hand, by unit name (blocs 1–3, "UBND ..." names for blocs 2 and 3). */
  readonly planted: Readonly<Record<string, number>>;
  /** Random scores fall between these shares of the max, so that they stay below the planted ones. */
  readonly randomFloor: Readonly<Record<IndexBloc, number>>;
  readonly randomCeiling: Readonly<Record<IndexBloc, number>>;
  /** Bloc-4 assessment scores placed by hand; the others are distinct whole numbers from 70 to 91. */
  readonly plantedEnterprises: Readonly<Record<string, number>>;
  /** Units that propose nobody. */
  readonly noNominee: ReadonlySet<string>;
  /** Units that always propose two people (planted units always do). */
  readonly twoNominees: ReadonlySet<string>;
  /** Units whose nominees write the unit's name another way, as some units do. */
  readonly nomineeUnitSpelling: Readonly<Record<string, string>>;
}

export interface OfficialUnit {
  readonly name: string;
  readonly max: number;
  readonly score: number;
  readonly bloc: IndexBloc;
  readonly group: string;
}

function halfPoints(value: number): number {
  return Math.round(value * 2) / 2;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function scoreFor(
  spec: OfficialWorkbookSpec,
  random: () => number,
  name: string,
  max: number,
  bloc: IndexBloc,
): number {
  const planted = spec.planted[name];
  if (planted !== undefined) return planted;
  const floor = spec.randomFloor[bloc];
  const share = floor + random() * (spec.randomCeiling[bloc] - floor);
  return halfPoints(max * share);
}

/**
 * Every unit of blocs 1–3 with its score, in the sheet's order.
 *
 * @example
 * officialUnits(spec).filter((u) => u.bloc === 3).length //=> 83
 */
export function officialUnits(spec: OfficialWorkbookSpec): OfficialUnit[] {
  const random = seededRandom(spec.seed);
  const units: OfficialUnit[] = spec.agencies.map(([name, max]) => ({
    name,
    max,
    score: scoreFor(spec, random, name, max, 1),
    bloc: 1,
    group: "",
  }));
  for (const [district] of DISTRICTS) {
    units.push({
      name: district,
      max: 1000,
      score: scoreFor(spec, random, district, 1000, 2),
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
        score: scoreFor(spec, random, name, 500, 3),
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

function addScoreSheet(workbook: ExcelJS.Workbook, year: number, units: readonly OfficialUnit[]) {
  const sheet = workbook.addWorksheet(`DTI ${year}`, {
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
    `BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CHỈ SỐ CHUYỂN ĐỔI SỐ (DTI) NĂM ${year}`;
  sheet.getCell("A5").value =
    `(Kèm theo Công văn số      /STTTT-CĐS ngày     tháng     năm ${year + 1} của Sở Thông tin và Truyền thông)`;
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

  const sections: Record<IndexBloc, string> = {
    1: "KHỐI SỞ, BAN, NGÀNH",
    2: "KHỐI UBND QUẬN, HUYỆN",
    3: "KHỐI UBND XÃ, PHƯỜNG, THỊ TRẤN",
  };
  const roman: Record<IndexBloc, string> = { 1: "I", 2: "II", 3: "III" };
  let rowNumber = 8;
  let bloc: IndexBloc | 0 = 0;
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

function addEnterpriseSheet(
  workbook: ExcelJS.Workbook,
  spec: OfficialWorkbookSpec,
  random: () => number,
): void {
  const sheet = workbook.addWorksheet("Khối 4 - Doanh nghiệp");
  sheet.columns = [6, 44, 16, 22].map((width) => ({ width }));
  sheet.getRow(1).values = ["STT", "Tên doanh nghiệp", "Điểm đánh giá (thang 100)", "Ghi chú"];
  sheet.getRow(1).font = { bold: true };
  // Distinct scores, so bloc 4's single slot has one clear winner.
  const scores = new Set<number>(Object.values(spec.plantedEnterprises));
  ENTERPRISES.forEach((name, i) => {
    let score = spec.plantedEnterprises[name];
    if (score === undefined) {
      score = 70 + Math.floor(random() * 22);
      while (scores.has(score)) score += 1;
      scores.add(score);
    }
    sheet.getRow(i + 2).values = [i + 1, name, score];
  });
}

function addNomineeSheet(
  workbook: ExcelJS.Workbook,
  spec: OfficialWorkbookSpec,
  units: readonly OfficialUnit[],
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
    if (spec.noNominee.has(unit.name)) continue;
    const chosen = spec.planted[unit.name] !== undefined || spec.twoNominees.has(unit.name);
    if (!chosen && random() < 0.35) continue;
    const people = chosen || random() < 0.3 ? 2 : 1;
    for (let p = 0; p < people; p += 1) {
      stt += 1;
      const name = `${pick(random, FAMILY)} ${pick(random, MIDDLE)} ${pick(random, GIVEN)}`;
      const title = pick(random, unit.bloc === 1 ? TITLES_CITY : TITLES_LOCAL);
      // The second person of a two-person proposal does the work directly: the rules prefer them.
      const direct = people === 2 ? p === 1 : random() < 0.6;
      sheet.getRow(stt + 1).values = [
        stt,
        name,
        title,
        spec.nomineeUnitSpelling[unit.name] ?? unit.name,
        direct ? "x" : "",
        pick(random, ACHIEVEMENTS),
      ];
    }
  }
}

/**
 * A workbook of the officers' layout, built in memory.
 *
 * @example
 * buildOfficialWorkbook(spec).worksheets.map((ws) => ws.name)
 * //=> ["DTI 2024", "Khối 4 - Doanh nghiệp", "Cá nhân đề xuất"]
 */
export function buildOfficialWorkbook(spec: OfficialWorkbookSpec): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const fixed = officialWorkbookDate(spec);
  workbook.creator = "Sở Thông tin và Truyền thông thành phố Cần Thơ (dữ liệu mẫu)";
  workbook.created = fixed;
  workbook.modified = fixed;
  const units = officialUnits(spec);
  const random = seededRandom(spec.seed + 1);
  addScoreSheet(workbook, spec.year, units);
  addEnterpriseSheet(workbook, spec, random);
  addNomineeSheet(workbook, spec, units, random);
  return workbook;
}

/** The date the workbook says it was made: 15 March of the year after the results. */
function officialWorkbookDate(spec: OfficialWorkbookSpec): Date {
  return new Date(Date.UTC(spec.year + 1, 2, 15));
}

/**
 * The .xlsx bytes of a spec: the same spec gives the same bytes on every run and machine.
 *
 * @example
 * (await officialWorkbookBytes(spec)).equals(await officialWorkbookBytes(spec)) //=> true
 */
export async function officialWorkbookBytes(spec: OfficialWorkbookSpec): Promise<Buffer> {
  const bytes = Buffer.from(await buildOfficialWorkbook(spec).xlsx.writeBuffer());
  return withFixedZipTimes(bytes, officialWorkbookDate(spec));
}
