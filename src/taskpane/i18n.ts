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
    errorHint:
      "Hãy kiểm tra sổ làm việc đang mở rồi bấm “Xếp hạng” lại. Nếu vẫn lỗi, đóng và mở lại ngăn tác vụ.",
    nothingHint:
      "Nếu bảng điểm có tiêu đề cột khác thường, hãy chọn trang tính và các cột trong mục “Chọn cột” bên dưới, rồi bấm “Xếp hạng với các cột đã chọn”.",
    mappingTitle: "Chọn cột",
    mappingIntro:
      "Chọn trang tính, dòng tiêu đề, năm và cột tương ứng; lựa chọn được lưu trong sổ làm việc cho lần sau.",
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
    errorHint:
      "Check the open workbook and click “Rank” again. If it still fails, close and reopen the task pane.",
    nothingHint:
      "If the score table has unusual column headers, pick the sheet and the columns under “Choose columns” below, then click “Rank with these columns”.",
    mappingTitle: "Choose columns",
    mappingIntro:
      "Pick the sheet, header row, year and columns; the choice is saved in the workbook for next time.",
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
