/**
 * The reading report in words: for each table read, where it is, which column was taken for which
 * role with its header and why, and what else the reader did (rows skipped, a hidden sheet read,
 * a table refused). The data-check sheet, the task pane and the command line all show these lines,
 * so an officer can check the reading at a glance whichever door was used.
 */
import type { Bilingual, ColumnReading, DetectedTable, Lang } from "./types";

const ROLE_LABELS: Readonly<Record<ColumnReading["role"], Bilingual>> = {
  unit: { vi: "Tên đơn vị", en: "Unit name" },
  score: { vi: "Điểm", en: "Score" },
  maxScore: { vi: "Điểm tối đa", en: "Max score" },
  ratio: { vi: "Tỷ lệ", en: "Ratio" },
  bloc: { vi: "Khối", en: "Bloc" },
  year: { vi: "Năm", en: "Year" },
  excluded: { vi: "Không xét", en: "Excluded" },
  note: { vi: "Ghi chú", en: "Note" },
  district: { vi: "Quận, huyện", en: "District" },
  person: { vi: "Họ và tên", en: "Full name" },
  title: { vi: "Chức vụ", en: "Position" },
  direct: { vi: "Trực tiếp thực hiện", en: "Does the work directly" },
  achievement: { vi: "Thành tích", en: "Achievement" },
};

/**
 * The label of a column role.
 *
 * @example
 * roleLabel("maxScore", "vi") //=> "Điểm tối đa"
 */
export function roleLabel(role: ColumnReading["role"], lang: Lang): string {
  return ROLE_LABELS[role][lang];
}

const YEAR_SOURCES: Readonly<Record<DetectedTable["yearSource"], Bilingual>> = {
  column: { vi: "cột năm", en: "the year column" },
  sheet: { vi: "tên trang", en: "the sheet name" },
  title: { vi: "tiêu đề bảng", en: "the title" },
  header: { vi: "tiêu đề cột điểm", en: "the score header" },
  caller: { vi: "năm đã chọn", en: "the year chosen" },
  workbook: { vi: "năm của cả sổ", en: "the workbook's year" },
  none: { vi: "không rõ", en: "unknown" },
};

const BLOC_SOURCES: Readonly<Record<DetectedTable["blocSource"], Bilingual>> = {
  column: { vi: "theo cột khối", en: "from the bloc column" },
  sections: { vi: "theo dòng đề mục khối", en: "from the bloc headings" },
  sheet: { vi: "theo tên trang", en: "from the sheet name" },
  title: { vi: "theo tiêu đề", en: "from the title" },
  caller: { vi: "theo khối đã chọn", en: "as chosen" },
  none: { vi: "không rõ", en: "unknown" },
};

/**
 * One line that sums a table up: kind, place, year and where the blocs come from, rows read.
 *
 * @example
 * tableSummary(table, "en") //=> "Scores, DTI 2023!A7:G48; year 2023 (the sheet name); blocs from the bloc headings; 112 rows read"
 */
export function tableSummary(table: DetectedTable, lang: Lang): string {
  const kind =
    table.kind === "scores"
      ? { vi: "Bảng điểm", en: "Scores" }[lang]
      : { vi: "Cá nhân đề xuất", en: "Nominees" }[lang];
  const parts = [`${kind}, ${table.sheet}!${table.range}`];
  if (table.kind === "scores") {
    const year = table.year === null ? "?" : String(table.year);
    parts.push(
      lang === "vi"
        ? `năm ${year} (${YEAR_SOURCES[table.yearSource].vi})`
        : `year ${year} (${YEAR_SOURCES[table.yearSource].en})`,
    );
    parts.push(
      lang === "vi"
        ? `khối ${BLOC_SOURCES[table.blocSource].vi}`
        : `blocs ${BLOC_SOURCES[table.blocSource].en}`,
    );
  }
  parts.push(lang === "vi" ? `${table.dataRows} dòng đã đọc` : `${table.dataRows} rows read`);
  if (table.refused) {
    parts.push(
      lang === "vi"
        ? "KHÔNG XẾP HẠNG: hai cách đọc cho kết quả khác nhau, cần chọn cột"
        : "NOT RANKED: two readings give different results; choose the column",
    );
  }
  return parts.join("; ");
}

/**
 * One line per column read: "Điểm: F “Tổng điểm” — cột tổng thay cho 3 cột thành phần (…)".
 *
 * @example
 * columnLine(reading, "vi") //=> "Điểm: F “Tổng điểm” — tiêu đề cột khớp"
 */
export function columnLine(reading: ColumnReading, lang: Lang): string {
  return `${roleLabel(reading.role, lang)}: ${reading.column} “${reading.header}” — ${reading.why[lang]}`;
}

/**
 * The report of a table as lines: its summary, one line per column, then its notes.
 *
 * @example
 * reportLines(table, "en")[0] //=> "Scores, DTI 2023!A7:G48; year 2023 (the sheet name); …"
 */
export function reportLines(table: DetectedTable, lang: Lang): string[] {
  return [
    tableSummary(table, lang),
    ...table.readings.map((r) => columnLine(r, lang)),
    ...table.notes.map((n) => n[lang]),
  ];
}
