/** The task pane's words in Vietnamese (the default) and English. */
import type { Lang } from "../domain/types";

export const STRINGS = {
  vi: {
    title: "Khen thưởng Chuyển đổi số",
    intro:
      "Xếp hạng bảng điểm DTI theo khối và lập trang đề xuất khen thưởng ngay trong sổ làm việc này.",
    language: "English",
    languageLabel: "Chuyển sang tiếng Anh",
    decisionDate: "Ngày quyết định khen thưởng",
    decisionDateHint:
      "Ngày/tháng/năm, ví dụ 15/03/2024: quyết định nghị định và lương cơ sở để tính tiền thưởng.",
    formLegend: "Xếp hạng bảng điểm",
    connecting: "Đang kết nối với Excel…",
    resultTitle: "Kết quả xếp hạng",
    issuesSummary: "{errors} lỗi, {warnings} cảnh báo trong dữ liệu",
    noIssues: "Dữ liệu không có lỗi hay cảnh báo nào.",
    settingsNotSavedTitle: "Đã xếp hạng, nhưng chưa lưu được lựa chọn",
    errorCode: "Mã lỗi (báo cho bộ phận CNTT):",
    support: "Trang hỗ trợ",
    readingsTitle: "Cách đọc bảng",
    readingTable: "Trang “{sheet}”, vùng {range}, dòng tiêu đề {row}",
    readingYear: "năm {year}",
    readingNoYear: "chưa rõ năm",
    readingBloc: "khối lấy từ {source}",
    blocSource_column: "cột Khối",
    blocSource_sections: "các dòng đề mục khối",
    blocSource_sheet: "tên trang",
    blocSource_title: "tiêu đề bảng",
    blocSource_caller: "lựa chọn trong “Chọn cột”",
    readingNoBloc: "chưa rõ khối lấy từ đâu",
    readingColumn: "{role}: cột {column} “{header}” ({why})",
    ambiguousTitle: "Cần chọn cột",
    mappingYear: "Năm của bảng",
    mappingBloc: "Khối của cả trang (khi trang chỉ có một khối)",
    emptyHeader: "(trống)",
    year: "Năm xét",
    allYears: "Tất cả các năm",
    rank: "Xếp hạng",
    reading: "Đang đọc bảng điểm…",
    ranking: "Đang xếp hạng…",
    writing: "Đang ghi trang đề xuất…",
    done: "Đã ghi trang “{sheet}”.",
    bloc: "Khối {bloc}",
    slots: "Suất",
    candidates: "Đề xuất",
    ties: "Bằng điểm cần xét",
    invalid: "Dòng lỗi",
    openCheck: "Mở trang “{sheet}”",
    errorTitle: "Chưa xếp hạng được",
    notConnectedTitle: "Chưa làm việc được với Excel",
    nothingHint:
      "Nếu bảng điểm có tiêu đề cột khác thường, hãy chọn trang tính và các cột trong mục “Chọn cột” bên dưới, rồi bấm “Xếp hạng với các cột đã chọn”.",
    mappingTitle: "Chọn cột",
    mappingIntro:
      "Chọn trang tính, dòng tiêu đề, năm và các cột; mỗi cột ghi chữ cái và tiêu đề của nó. Lựa chọn được lưu trong sổ làm việc cho lần sau.",
    sheet: "Trang tính",
    headerRow: "Dòng tiêu đề",
    auto: "(tự nhận)",
    none: "(không có)",
    useMapping: "Xếp hạng với các cột đã chọn",
    clearMapping: "Bỏ lựa chọn, tự nhận lại",
    role_unit: "Tên đơn vị",
    role_score: "Điểm đạt được",
    role_maxScore: "Điểm tối đa",
    role_ratio: "Tỷ lệ",
    role_bloc: "Khối",
    role_year: "Năm",
    role_excluded: "Không xét",
    role_note: "Ghi chú",
    role_district: "Quận, huyện",
    unsure: "Chưa chắc chắn về bảng điểm: {detail}",
    twoTables: "Trang “{sheet}” có hai bảng điểm; hãy chọn trang và dòng tiêu đề bên dưới.",
  },
  en: {
    title: "DTI Awards",
    intro:
      "Ranks the DTI score table by bloc and drafts the award-candidate sheet in this workbook.",
    language: "Tiếng Việt",
    languageLabel: "Switch to Vietnamese",
    decisionDate: "Award decision date",
    decisionDateHint:
      "Day/month/year, e.g. 15/03/2024: it sets the decree and base salary of the prize money.",
    formLegend: "Rank the score table",
    connecting: "Connecting to Excel…",
    resultTitle: "Rank result",
    issuesSummary: "{errors} errors, {warnings} warnings in the data",
    noIssues: "The data has no errors or warnings.",
    settingsNotSavedTitle: "Ranked, but the choices were not saved",
    errorCode: "Error code (tell IT):",
    support: "Support page",
    readingsTitle: "How the tables were read",
    readingTable: "Sheet “{sheet}”, cells {range}, header row {row}",
    readingYear: "year {year}",
    readingNoYear: "year unknown",
    readingBloc: "bloc from {source}",
    blocSource_column: "the Bloc column",
    blocSource_sections: "the bloc heading rows",
    blocSource_sheet: "the sheet name",
    blocSource_title: "the table title",
    blocSource_caller: "the choice under “Choose columns”",
    readingNoBloc: "no source of the blocs recorded",
    readingColumn: "{role}: column {column} “{header}” ({why})",
    ambiguousTitle: "Choose a column",
    mappingYear: "Year of the table",
    mappingBloc: "Bloc of the whole sheet (when the sheet holds one bloc)",
    emptyHeader: "(blank)",
    year: "Year",
    allYears: "All years",
    rank: "Rank",
    reading: "Reading the score table…",
    ranking: "Ranking…",
    writing: "Writing the candidate sheet…",
    done: "Wrote the sheet “{sheet}”.",
    bloc: "Bloc {bloc}",
    slots: "Slots",
    candidates: "Candidates",
    ties: "Ties to decide",
    invalid: "Invalid rows",
    openCheck: "Open “{sheet}”",
    errorTitle: "Could not rank",
    notConnectedTitle: "Not working with Excel yet",
    nothingHint:
      "If the score table has unusual column headers, pick the sheet and the columns under “Choose columns” below, then click “Rank with these columns”.",
    mappingTitle: "Choose columns",
    mappingIntro:
      "Pick the sheet, header row, year and columns; each column shows its letter and header. The choice is saved in the workbook for next time.",
    sheet: "Sheet",
    headerRow: "Header row",
    auto: "(detect)",
    none: "(none)",
    useMapping: "Rank with these columns",
    clearMapping: "Forget the choice, detect again",
    role_unit: "Unit name",
    role_score: "Score",
    role_maxScore: "Max score",
    role_ratio: "Ratio",
    role_bloc: "Bloc",
    role_year: "Year",
    role_excluded: "Excluded",
    role_note: "Note",
    role_district: "District",
    unsure: "Not sure about the score table: {detail}",
    twoTables: "Sheet “{sheet}” has two score tables; pick the sheet and header row below.",
  },
} as const;

export type StringKey = keyof (typeof STRINGS)["vi"];

/**
 * The pane's language from Office's display language: Vietnamese for vi-*, else English.
 *
 * @example
 * langFromDisplayLanguage("vi-VN") //=> "vi"
 * langFromDisplayLanguage("en-US") //=> "en"
 */
export function langFromDisplayLanguage(displayLanguage: string | undefined): Lang {
  return /^vi\b/i.test(displayLanguage ?? "vi") ? "vi" : "en";
}

/**
 * A string with its {placeholders} filled.
 *
 * @example
 * t("en", "bloc", { bloc: 3 }) //=> "Bloc 3"
 */
export function t(
  lang: Lang,
  key: StringKey,
  params: Record<string, string | number> = {},
): string {
  return STRINGS[lang][key].replace(/\{(\w+)\}/g, (_m, name: string) => String(params[name] ?? ""));
}
