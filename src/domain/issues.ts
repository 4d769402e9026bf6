/**
 * The closed list of things the engine reports about a workbook. Expected outcomes are values:
 * a bad row becomes an `Issue` with a stable code, a fixed message in Vietnamese and English, and
 * the sheet and cell it is about. Code throws only for programmer errors.
 */
import type { Bilingual, CellRef, Lang, Severity } from "./types";

export type IssueParams = Readonly<Record<string, string | number>>;

interface IssueDefinition {
  readonly severity: Severity;
  readonly vi: (p: IssueParams) => string;
  readonly en: (p: IssueParams) => string;
}

const define = <T extends Record<string, IssueDefinition>>(defs: T): T => defs;

export const ISSUE_DEFINITIONS = define({
  NO_SCORE_TABLE: {
    severity: "error",
    vi: (p) =>
      `Không tìm thấy bảng điểm: cần một dòng tiêu đề có cột tên đơn vị và cột điểm hoặc tỷ lệ (ví dụ “Tên cơ quan, đơn vị” và “Điểm đạt được”) ở một trang tính.${p.seen ? ` Các dòng giống tiêu đề đã thấy: ${p.seen}.` : ""} Hãy chọn cột (“Chọn cột” trong ngăn tác vụ, hoặc --column ở dòng lệnh).`,
    en: (p) =>
      `No score table found: a header row with a unit-name column and a score or ratio column (e.g. “Unit” and “Score”) is needed on a sheet.${p.seen ? ` Header-like rows seen: ${p.seen}.` : ""} Choose the columns (“Chọn cột” in the task pane, or --column on the command line).`,
  },
  SHEET_NOT_FOUND: {
    severity: "error",
    vi: (p) => `Không có trang tính “${p.name}” trong sổ làm việc.`,
    en: (p) => `There is no sheet named “${p.name}” in the workbook.`,
  },
  HEADER_NOT_FOUND: {
    severity: "error",
    vi: (p) => `Không tìm thấy cột “${p.header}” (đã chỉ định cho ${p.role}) ở dòng tiêu đề.`,
    en: (p) => `Column “${p.header}” (named for ${p.role}) is not in the header row.`,
  },
  COLUMN_AMBIGUOUS: {
    severity: "error",
    vi: (p) =>
      `Bảng điểm ở trang “${p.sheet}” có hai cách đọc ${p.role}: cột ${p.first} “${p.firstHeader}” hoặc cột ${p.second} “${p.secondHeader}”, và hai cách cho kết quả khác nhau (${p.differs}); bảng này chưa được xếp hạng. Hãy chọn cột: trong ngăn tác vụ bấm “Chọn cột”, hoặc ở dòng lệnh ghi --column ${p.hint ?? `${p.option}="${p.firstHeader}" hoặc --column ${p.option}="${p.secondHeader}"`}.${p.yearsVi ?? ""}`,
    en: (p) =>
      `The score table on sheet “${p.sheet}” can be read two ways for ${p.roleEn}: column ${p.first} “${p.firstHeader}” or column ${p.second} “${p.secondHeader}”, and the two give different results (${p.differsEn}); this table is not ranked. Choose the column: “Chọn cột” (Choose columns) in the task pane, or --column ${p.hintEn ?? `${p.option}="${p.firstHeader}" or --column ${p.option}="${p.secondHeader}"`} on the command line.${p.yearsEn ?? ""}`,
  },
  YEAR_CONFLICT: {
    severity: "error",
    vi: (p) =>
      `Trang “${p.sheet}” mang tên năm ${p.sheetYear} nhưng tiêu đề bảng ghi năm ${p.titleYear}; số suất mỗi năm khác nhau nên bảng này chưa được xếp hạng. Hãy sửa tên trang hoặc tiêu đề, hoặc chọn năm khi chạy (--year ${p.titleYear} ở dòng lệnh, ô “Năm xét” trong ngăn tác vụ).`,
    en: (p) =>
      `Sheet “${p.sheet}” is named for ${p.sheetYear} but its title states ${p.titleYear}; quotas differ by year, so this table is not ranked. Correct the sheet name or the title, or choose the year for the run (--year ${p.titleYear} on the command line, the “Year” box in the task pane).`,
  },
  UNIT_NAME_MISSING: {
    severity: "error",
    vi: () => "Dòng có điểm nhưng không có tên đơn vị; dòng này không được xếp hạng.",
    en: () => "This row has scores but no unit name; it is not ranked.",
  },
  SCORE_MISSING: {
    severity: "error",
    vi: (p) => `Đơn vị “${p.unit}” chưa có điểm.`,
    en: (p) => `Unit “${p.unit}” has no score.`,
  },
  SCORE_NOT_NUMBER: {
    severity: "error",
    vi: (p) => `Điểm “${p.value}” của “${p.unit}” không phải là số.`,
    en: (p) => `The score “${p.value}” of “${p.unit}” is not a number.`,
  },
  SCORE_IS_DATE: {
    severity: "error",
    vi: (p) => `Ô điểm của “${p.unit}” chứa ngày tháng (${p.value}), không phải điểm.`,
    en: (p) => `The score cell of “${p.unit}” holds a date (${p.value}), not a score.`,
  },
  CELL_ERROR: {
    severity: "error",
    vi: (p) => `Ô ${p.what} của “${p.unit}” có lỗi công thức ${p.value}.`,
    en: (p) => `The ${p.whatEn} cell of “${p.unit}” holds the formula error ${p.value}.`,
  },
  NUMBER_AMBIGUOUS: {
    severity: "error",
    vi: (p) =>
      `Số “${p.value}” không rõ nghĩa: có thể là ${p.thousand} hoặc ${p.decimal}. Hãy nhập số (không nhập dạng chữ) hoặc ghi rõ phần thập phân bằng dấu phẩy.`,
    en: (p) =>
      `The number “${p.value}” is ambiguous: it may be ${p.thousand} or ${p.decimal}. Type it as a number, or write the decimals after a comma.`,
  },
  SCORE_NEGATIVE: {
    severity: "error",
    vi: (p) => `Điểm của “${p.unit}” là số âm (${p.score}).`,
    en: (p) => `The score of “${p.unit}” is negative (${p.score}).`,
  },
  SCORE_ABOVE_MAX: {
    severity: "error",
    vi: (p) => `Điểm của “${p.unit}” (${p.score}) lớn hơn điểm tối đa (${p.max}).`,
    en: (p) => `The score of “${p.unit}” (${p.score}) is above the max score (${p.max}).`,
  },
  MAX_MISSING: {
    severity: "error",
    vi: (p) => `Đơn vị “${p.unit}” chưa có điểm tối đa.`,
    en: (p) => `Unit “${p.unit}” has no max score.`,
  },
  MAX_NOT_NUMBER: {
    severity: "error",
    vi: (p) => `Điểm tối đa “${p.value}” của “${p.unit}” không phải là số.`,
    en: (p) => `The max score “${p.value}” of “${p.unit}” is not a number.`,
  },
  MAX_NOT_POSITIVE: {
    severity: "error",
    vi: (p) => `Điểm tối đa của “${p.unit}” phải lớn hơn 0 (đang là ${p.max}).`,
    en: (p) => `The max score of “${p.unit}” must be above 0 (it is ${p.max}).`,
  },
  BLOC_UNKNOWN: {
    severity: "error",
    vi: (p) =>
      `Không xác định được khối của “${p.unit}”${p.value ? ` (“${p.value}”)` : ""}: cần cột “Khối” (1–4), dòng đề mục khối (I, II, III…) hoặc tên trang tính có “Khối …”.`,
    en: (p) =>
      `The bloc of “${p.unit}” is unknown${p.value ? ` (“${p.value}”)` : ""}: a “Bloc” column (1–4), a bloc section row (I, II, III…) or a sheet name with “Khối …” is needed.`,
  },
  YEAR_MISSING: {
    severity: "error",
    vi: (p) =>
      `Không xác định được năm của “${p.unit}”: cần cột “Năm”, hoặc năm trong tên trang tính hay tiêu đề (năm chọn khi chạy chỉ dùng cho bảng không ghi năm khi không bảng nào khác ghi năm).`,
    en: (p) =>
      `The year of “${p.unit}” is unknown: a “Year” column, or a year in the sheet name or title, is needed (a year chosen for the run dates a year-less table only when no other table states a year).`,
  },
  YEAR_OUT_OF_RANGE: {
    severity: "error",
    vi: (p) =>
      `Năm ${p.year} của “${p.unit}” không thuộc phong trào (2022–2025, Kế hoạch 140/KH-UBND).`,
    en: (p) =>
      `Year ${p.year} of “${p.unit}” is not part of the movement (2022–2025, Plan 140/KH-UBND).`,
  },
  DUPLICATE_UNIT: {
    severity: "error",
    vi: (p) =>
      `“${p.unit}” xuất hiện hai lần trong khối ${p.bloc} năm ${p.year} (lần đầu ở ô ${p.first}).`,
    en: (p) =>
      `“${p.unit}” appears twice in bloc ${p.bloc}, year ${p.year} (first at cell ${p.first}).`,
  },
  UNIT_WRITTEN_TWICE: {
    severity: "error",
    vi: (p) =>
      `“${p.unit}” là “${p.other}” viết tắt, đã có trong khối ${p.bloc} năm ${p.year} (ở ô ${p.first}): dòng này không được xếp hạng. Nếu là hai đơn vị khác nhau, hãy ghi tên đầy đủ.`,
    en: (p) =>
      `“${p.unit}” is “${p.other}” abbreviated, already in bloc ${p.bloc}, year ${p.year} (at cell ${p.first}): this row is not ranked. If they are two units, write the names in full.`,
  },
  UNIT_IN_TWO_BLOCS: {
    severity: "error",
    vi: (p) =>
      `“${p.unit}” đã có ở khối ${p.firstBloc} năm ${p.year} (ô ${p.first}); một đơn vị chỉ thuộc một khối nên dòng này ở khối ${p.bloc} chưa được xếp hạng. Hãy xóa dòng thừa hoặc sửa khối.`,
    en: (p) =>
      `“${p.unit}” is already in bloc ${p.firstBloc}, year ${p.year} (cell ${p.first}); a unit belongs to one bloc, so this row in bloc ${p.bloc} is not ranked. Delete the extra row or correct the bloc.`,
  },
  RATIO_MISMATCH: {
    severity: "error",
    vi: (p) =>
      `Tỷ lệ ghi trong bảng của “${p.unit}” (${p.written}) khác điểm ÷ điểm tối đa (${p.computed}); không biết số nào đúng nên đơn vị này chưa được xếp hạng. Hãy sửa điểm, điểm tối đa hoặc tỷ lệ.`,
    en: (p) =>
      `The ratio written for “${p.unit}” (${p.written}) differs from score ÷ max score (${p.computed}); which one is right is unknown, so the unit is not ranked. Correct the score, the max score or the ratio.`,
  },
  RATIO_SCALE_MIXED: {
    severity: "error",
    vi: (p) =>
      `Tỷ lệ “${p.value}” của “${p.unit}” không cùng thang với các ô khác của cột (phân số như 0,91 hay phần trăm như 91); đơn vị này chưa được xếp hạng. Hãy ghi tỷ lệ cùng một thang.`,
    en: (p) =>
      `The ratio “${p.value}” of “${p.unit}” is not on the scale of the rest of its column (fractions like 0.91 or percentages like 91); the unit is not ranked. Write every ratio on one scale.`,
  },
  BLOC_CONFLICT: {
    severity: "error",
    vi: (p) =>
      `Bảng ghi “${p.unit}” thuộc khối ${p.bloc}, nhưng đã chọn xếp hạng cả trang là khối ${p.chosen}; đơn vị này chưa được xếp hạng. Hãy bỏ lựa chọn khối hoặc chọn đúng trang.`,
    en: (p) =>
      `The table puts “${p.unit}” in bloc ${p.bloc}, but the whole sheet was chosen as bloc ${p.chosen}; the unit is not ranked. Drop the bloc choice or choose the right sheet.`,
  },
  BLOC_SOURCES_DIFFER: {
    severity: "error",
    vi: (p) =>
      `Trang “${p.sheet}” mang tên khối ${p.sheetBloc} nhưng tiêu đề bảng ghi khối ${p.titleBloc}; bảng này chưa được xếp hạng. Hãy sửa tên trang hoặc tiêu đề, thêm cột “Khối”, hoặc chọn khối khi chạy (--bloc ${p.titleBloc}, “Chọn cột” trong ngăn tác vụ).`,
    en: (p) =>
      `Sheet “${p.sheet}” is named for bloc ${p.sheetBloc} but its title states bloc ${p.titleBloc}; this table is not ranked. Correct the sheet name or the title, add a “Khối” column, or choose the bloc (--bloc ${p.titleBloc}, “Chọn cột” in the task pane).`,
  },
  BLOC_SECTION_CONFLICT: {
    severity: "error",
    vi: (p) =>
      `“${p.unit}” ghi khối ${p.bloc} ở cột khối nhưng nằm dưới mục khối ${p.section}; đơn vị này chưa được xếp hạng. Hãy sửa cột khối hoặc chuyển dòng về đúng mục.`,
    en: (p) =>
      `“${p.unit}” is in bloc ${p.bloc} by its bloc column but under the bloc ${p.section} heading; the unit is not ranked. Correct the bloc column or move the row under its heading.`,
  },
  BLOC_NAME_CONFLICT: {
    severity: "error",
    vi: (p) =>
      `“${p.unit}” được xếp vào khối ${p.bloc} theo tên trang hoặc tiêu đề, nhưng tên đơn vị cho thấy khối ${p.named}; đơn vị này chưa được xếp hạng. Hãy kiểm tra trang (có thể chép từ năm trước) hoặc thêm cột “Khối”.`,
    en: (p) =>
      `“${p.unit}” is in bloc ${p.bloc} by the sheet's name or title, but its own name says bloc ${p.named}; the unit is not ranked. Check the sheet (perhaps copied from last year) or add a “Khối” column.`,
  },
  NAME_TOO_LONG: {
    severity: "warning",
    vi: (p) => `Tên đơn vị dài ${p.length} ký tự; chỉ ${p.kept} ký tự đầu được ghi ra.`,
    en: (p) =>
      `The unit name is ${p.length} characters long; only the first ${p.kept} are written.`,
  },
  BLOC_EMPTY: {
    severity: "warning",
    vi: (p) =>
      `Năm ${p.year} khối ${p.bloc} không có đơn vị nào trong bảng điểm; ${p.slots} suất Bằng khen của khối để trống.`,
    en: (p) =>
      `Bloc ${p.bloc} has no unit in the ${p.year} score table; its ${p.slots} Bằng khen slot(s) stay unfilled.`,
  },
  SLOTS_UNFILLED: {
    severity: "warning",
    vi: (p) =>
      `Năm ${p.year} khối ${p.bloc}: chỉ đề xuất được ${p.filled}/${p.slots} suất ${p.recipient}.`,
    en: (p) =>
      `Year ${p.year}, bloc ${p.bloc}: only ${p.filled} of ${p.slots} ${p.recipientEn} slot(s) can be proposed.`,
  },
  TIE_AT_CUTOFF: {
    severity: "warning",
    vi: (p) =>
      `Năm ${p.year} khối ${p.bloc}: ${p.count} đơn vị bằng tỷ lệ ở hạng ${p.rank} tranh ${p.open} suất còn lại; Hội đồng thi đua – khen thưởng xét chọn.`,
    en: (p) =>
      `Year ${p.year}, bloc ${p.bloc}: ${p.count} units tie at rank ${p.rank} for ${p.open} remaining slot(s); the emulation and commendation council decides.`,
  },
  INDIVIDUAL_TIE_AT_CUTOFF: {
    severity: "warning",
    vi: (p) =>
      `Năm ${p.year} khối ${p.bloc}: ${p.count} đơn vị bằng tỷ lệ ở hạng ${p.rank} tranh ${p.open} suất cá nhân còn lại; Hội đồng thi đua – khen thưởng xét chọn.`,
    en: (p) =>
      `Year ${p.year}, bloc ${p.bloc}: ${p.count} units tie at rank ${p.rank} for ${p.open} remaining individual slot(s); the emulation and commendation council decides.`,
  },
  NOMINEE_CHOSEN_BY_ORDER: {
    severity: "warning",
    vi: (p) =>
      `Năm ${p.year}: “${p.unit}” đề nghị nhiều người như nhau (${p.person}, ${p.others}); người ghi trước, ${p.person}, được chọn theo thứ tự danh sách. Nếu Hội đồng chọn người khác, hãy ghi vào trang Quyết định của Hội đồng.`,
    en: (p) =>
      `${p.year}: “${p.unit}” proposed several people alike (${p.person}, ${p.others}); the one listed first, ${p.person}, is taken by list order. If the council chooses another, record it on the council's decisions sheet.`,
  },
  NOMINEE_UNIT_UNKNOWN: {
    severity: "warning",
    vi: (p) =>
      `Đơn vị “${p.unit}” của “${p.person}” không có trong bảng điểm${p.closest ? `; gần nhất: ${p.closest}` : ""}.`,
    en: (p) =>
      `The unit “${p.unit}” of “${p.person}” is not in the score table${p.closest ? `; closest: ${p.closest}` : ""}.`,
  },
  NOMINEE_YEAR_UNSTATED: {
    severity: "error",
    vi: (p) =>
      `Danh sách cá nhân ở trang “${p.sheet}” không ghi năm, trong khi bảng điểm có các năm ${p.years}: ${p.count} người chưa được xét để không bị đề xuất ở mọi năm. Hãy thêm cột “Năm”, ghi năm vào tên trang (ví dụ “Cá nhân 2023”), hoặc chọn một năm để xếp hạng.`,
    en: (p) =>
      `The nominee list on sheet “${p.sheet}” states no year while the scores cover ${p.years}: ${p.count} people are not considered, so that none is proposed in every year. Add a “Năm” column, put the year in the sheet name (e.g. “Cá nhân 2023”), or choose one year to rank.`,
  },
  NOMINEE_YEAR_NOT_SCORED: {
    severity: "warning",
    vi: (p) =>
      `“${p.person}” được đề xuất cho năm ${p.year}, nhưng sổ không có bảng điểm năm ${p.year} (có: ${p.years || "không năm nào"}); người này chưa được xét. Hãy thêm bảng điểm năm đó hoặc sửa năm.`,
    en: (p) =>
      `“${p.person}” is proposed for ${p.year}, but the workbook has no ${p.year} scores (it has: ${p.years || "none"}); the person is not considered. Add that year's scores or correct the year.`,
  },
  NOMINEES_AWAIT_TABLE: {
    severity: "warning",
    vi: (p) =>
      `${p.count} người đề xuất có đơn vị không tìm thấy trong các bảng đã xếp hạng; đơn vị của họ có thể nằm ở bảng chưa được xếp hạng (trang ${p.sheet}). Hãy xử lý lỗi của bảng đó rồi chạy lại.`,
    en: (p) =>
      `${p.count} nominees have units not found in the ranked tables; their units may be in the table not ranked (sheet ${p.sheet}). Resolve that table's error and run again.`,
  },
  NOMINEE_UNIT_COLUMN_MISSING: {
    severity: "warning",
    vi: (p) =>
      `Trang “${p.sheet}” có danh sách người (${p.headers}) nhưng không có cột đơn vị công tác nên không được đọc; chưa xét cá nhân nào. Hãy đặt tiêu đề “Đơn vị công tác” cho cột đơn vị.`,
    en: (p) =>
      `Sheet “${p.sheet}” lists people (${p.headers}) but has no unit column, so it was not read and no individual is considered. Head the unit column “Đơn vị công tác”.`,
  },
  NOMINEE_LISTED_TWICE: {
    severity: "warning",
    vi: (p) =>
      `“${p.person}” đã có trong danh sách (ô ${p.first}, đơn vị “${p.unit}”); dòng này không được xét thêm, để một người không nhận hai Bằng khen trong một đợt.`,
    en: (p) =>
      `“${p.person}” is already listed (cell ${p.first}, unit “${p.unit}”); this row is not considered again, so that no one receives two Bằng khen in one round.`,
  },
  NOMINEE_SAME_NAME: {
    severity: "warning",
    vi: (p) =>
      `“${p.person}” trùng họ tên với người ở ô ${p.first} (đơn vị “${p.unit}”); nếu là một người thì chỉ được đề nghị một lần. Hãy xác nhận, hoặc ghi chức vụ để phân biệt.`,
    en: (p) =>
      `“${p.person}” has the same name as the person at cell ${p.first} (unit “${p.unit}”); if they are one person, they may be proposed only once. Confirm, or write the title to tell them apart.`,
  },
  NOMINEE_YEAR_SEVERAL: {
    severity: "warning",
    vi: (p) =>
      `Ô năm của “${p.person}” ghi nhiều năm (“${p.year}”); mỗi dòng là một người đề nghị cho một năm, nên người này chưa được xét. Hãy ghi một năm, mỗi năm một dòng.`,
    en: (p) =>
      `The year cell of “${p.person}” states several years (“${p.year}”); each row proposes a person for one year, so this person is not considered. Write one year, one row a year.`,
  },
  NOMINEE_UNIT_AMBIGUOUS: {
    severity: "warning",
    vi: (p) =>
      `Đơn vị “${p.unit}” của “${p.person}” trùng tên với nhiều đơn vị: ${p.closest}. Người này được xét tạm ở đơn vị xếp hạng cao nhất trong số đó và cần xác nhận; hãy ghi rõ đơn vị (ví dụ kèm tên quận, huyện).`,
    en: (p) =>
      `The unit “${p.unit}” of “${p.person}” matches several units: ${p.closest}. The person is considered, to be confirmed, at the highest-ranked of them; write the unit in full (e.g. with the district).`,
  },
  NOMINEE_BLOC_4: {
    severity: "warning",
    vi: (p) =>
      `“${p.person}” thuộc doanh nghiệp (khối 4); kế hoạch không có Bằng khen cá nhân cho khối 4.`,
    en: (p) =>
      `“${p.person}” belongs to an enterprise (bloc 4); the plan has no individual Bằng khen in bloc 4.`,
  },
  NOMINEE_NAME_MISSING: {
    severity: "warning",
    vi: () => "Dòng đề xuất cá nhân không có họ tên; dòng này không được xét.",
    en: () => "A nominee row has no name; it is not considered.",
  },
  NOMINEE_YEAR_OUT_OF_RANGE: {
    severity: "warning",
    vi: (p) =>
      `Năm “${p.year}” của “${p.person}” không phải một năm của phong trào (2022–2025); người này không được xét.`,
    en: (p) =>
      `Year “${p.year}” of “${p.person}” is not a year of the movement (2022–2025); the person is not considered.`,
  },
  NOMINEE_UNIT_UNSURE: {
    severity: "warning",
    vi: (p) =>
      `Đơn vị “${p.unit}” của “${p.person}” không khớp chắc chắn với bảng điểm (${p.why}); đã ghép tạm với ${p.matched}. Cần xác nhận đơn vị trước khi trình danh sách.`,
    en: (p) =>
      `The unit “${p.unit}” of “${p.person}” does not match the score table for sure (${p.whyEn}); it was matched to ${p.matched}. Confirm the unit before the list is submitted.`,
  },
  NOMINEE_UNIT_MISSING: {
    severity: "warning",
    vi: (p) => `“${p.person}” không ghi đơn vị công tác; người này không được xét.`,
    en: (p) => `“${p.person}” has no unit written; the person is not considered.`,
  },
  NO_DIRECT_COLUMN: {
    severity: "info",
    vi: () =>
      "Trang đề xuất cá nhân không có cột “Trực tiếp thực hiện”; trong mỗi đơn vị, người được chọn theo thứ tự trong danh sách.",
    en: () =>
      "The nominee sheet has no “directly does the work” column; within each unit, people are taken in listed order.",
  },
  NO_NOMINEE_SHEET: {
    severity: "info",
    vi: () =>
      "Không có trang đề xuất cá nhân (cột “Họ và tên” và cột đơn vị); chưa chọn cá nhân khen thưởng.",
    en: () =>
      "No nominee sheet (a “Full name” column and a unit column); no individual has been chosen.",
  },
  YEAR_FROM_WORKBOOK: {
    severity: "info",
    vi: (p) => `Trang “${p.sheet}” không ghi năm; dùng năm ${p.year} của sổ làm việc.`,
    en: (p) => `Sheet “${p.sheet}” states no year; the workbook's year ${p.year} is used.`,
  },
  MAX_FROM_HEADER: {
    severity: "info",
    vi: (p) => `Điểm tối đa ${p.max} lấy từ tiêu đề cột “${p.header}”.`,
    en: (p) => `Max score ${p.max} is taken from the column header “${p.header}”.`,
  },
  HEADING_WITH_SCORES: {
    severity: "warning",
    vi: (p) =>
      `Dòng “${p.unit}” được đọc là đề mục của các dòng bên dưới (đánh số La Mã), nên điểm ghi trên dòng này không được xếp hạng. Nếu đây là một đơn vị cần xếp hạng (ví dụ một quận, huyện), hãy ghi khối của nó vào cột Khối.`,
    en: (p) =>
      `The row “${p.unit}” is read as the heading of the rows below it (Roman-numbered), so the scores on it are not ranked. If it is a unit to rank (a district, say), write its bloc in the bloc column.`,
  },
  SUMMARY_TABLE_SKIPPED: {
    severity: "info",
    vi: (p) =>
      `Bảng ở trang “${p.sheet}” có cột “${p.header}”: đó là bảng tóm tắt theo khối, không phải bảng điểm từng đơn vị, nên không được đọc.`,
    en: (p) =>
      `The table on sheet “${p.sheet}” has a “${p.header}” column: it summarises the blocs and is not a score table of units, so it is not read.`,
  },
  SCORE_IS_PERCENT: {
    severity: "error",
    vi: (p) =>
      `Điểm của “${p.unit}” ghi “${p.value}” (phần trăm) trong cột điểm có điểm tối đa: không rõ là điểm hay tỷ lệ của điểm tối đa. Hãy ghi số điểm (ví dụ 950), hoặc ghi tỷ lệ vào cột tỷ lệ.`,
    en: (p) =>
      `The score of “${p.unit}” is written “${p.value}” (a percentage) in a score column that has a max score: points or a share of the max? Write the points (e.g. 950), or put the ratio in the ratio column.`,
  },
  SCORE_SCALE_MIXED: {
    severity: "warning",
    vi: (p) =>
      `Điểm của “${p.unit}” là ${p.value} giữa các điểm hàng chục, hàng trăm của cột, và được xếp hạng như vậy: nếu ô được định dạng phần trăm (hiện “${Math.round(Number(p.value) * 100)}%”), hãy gõ số điểm rồi chạy lại.`,
    en: (p) =>
      `The score of “${p.unit}” is ${p.value} among scores in the tens and hundreds in its column, and is ranked as such: if the cell is formatted as a percentage (showing “${Math.round(Number(p.value) * 100)}%”), type the points and run again.`,
  },
  NOMINEE_WITHDRAWN: {
    severity: "info",
    vi: (p) => `“${p.person}”: ghi chú “${p.value}” cho biết hồ sơ đã rút, nên không được xét.`,
    en: (p) =>
      `“${p.person}”: the note “${p.value}” says the proposal was withdrawn, so it is not considered.`,
  },
  NOMINEE_REFERENCE_SKIPPED: {
    severity: "info",
    vi: (p) =>
      `Trang “${p.sheet}” là danh sách để tham khảo (“${p.value}”), không phải danh sách đề nghị: không được đọc. Nếu đó là danh sách đề nghị, hãy chọn trang này làm trang cá nhân.`,
    en: (p) =>
      `Sheet “${p.sheet}” is a list kept for reference (“${p.value}”), not a proposal list: not read. If it is the proposal list, choose it as the nominee sheet.`,
  },
  NOMINEE_COLLECTIVES_SKIPPED: {
    severity: "info",
    vi: (p) =>
      `${p.count} dòng dưới đề mục “Tập thể” của danh sách đề nghị là tập thể, không phải cá nhân: không được xét cho suất cá nhân.`,
    en: (p) =>
      `${p.count} row(s) under the list's “Tập thể” (collectives) heading are collectives, not people: not considered for individual slots.`,
  },
  MAX_FROM_ROW: {
    severity: "info",
    vi: (p) =>
      `Điểm tối đa ${p.max} lấy từ dòng “${p.header}” dưới tiêu đề; dòng đó không phải đơn vị.`,
    en: (p) =>
      `Max score ${p.max} is taken from the “${p.header}” row under the header; that row is not a unit.`,
  },
  ROWS_OF_OTHER_YEARS: {
    severity: "info",
    vi: (p) =>
      `${p.count} dòng của năm khác (${p.years}) không xét trong lần chạy cho năm ${p.year}.`,
    en: (p) =>
      `${p.count} row(s) of other years (${p.years}) are not ranked in this run for ${p.year}.`,
  },
  AWARD_DATE_BEFORE_RESULTS: {
    severity: "warning",
    vi: (p) =>
      `Ngày quyết định ${p.date} còn trong năm điểm ${p.years}, trước khi có kết quả của năm đó; mức tiền thưởng tính theo ngày này. Hãy kiểm tra ngày quyết định.`,
    en: (p) =>
      `The decision date ${p.date} falls within score year ${p.years}, before that year's results exist; the prize money follows this date. Check the decision date.`,
  },
  PRIZE_DATE_UNKNOWN: {
    severity: "warning",
    vi: (p) =>
      `Ngày quyết định ${p.date} nằm ngoài bảng mức thưởng và lương cơ sở; chưa tính tiền thưởng.`,
    en: (p) =>
      `Decision date ${p.date} is outside the prize and base-salary tables; no prize money is computed.`,
  },
  NOTE_MENTIONS_EXCLUSION: {
    severity: "warning",
    vi: (p) =>
      `“${p.unit}”: ô ghi “${p.value}” nhắc đến việc không xét nhưng không phải dấu “Không xét”, nên đơn vị vẫn được xếp hạng. Nếu đơn vị không được xét năm nay, hãy ghi “Không xét” ở đầu ô hoặc đánh dấu cột không xét; nếu không, bỏ qua cảnh báo này.`,
    en: (p) =>
      `“${p.unit}”: the cell says “${p.value}”, which speaks of not considering the unit but is not a “Không xét” mark, so the unit is ranked. If it is not to be considered this year, write “Không xét” at the start of the cell or mark the excluded column; otherwise ignore this warning.`,
  },
  UNIT_EXCLUDED_UNSCORED: {
    severity: "info",
    vi: (p) => `“${p.unit}” ghi “Không xét” và không có điểm: không xếp hạng, không tính suất.`,
    en: (p) => `“${p.unit}” is marked not considered and has no score: not ranked, takes no slot.`,
  },
  SHEET_HIDDEN_READ: {
    severity: "warning",
    vi: (p) =>
      `Bảng điểm chỉ có ở trang đang ẩn “${p.name}”; trang này đã được đọc. Nếu đó không phải bảng điểm cần xét, hãy chọn trang khác.`,
    en: (p) =>
      `The only score table is on the hidden sheet “${p.name}”; it was read. If that is not the table to rank, choose another sheet.`,
  },
  ROWS_HIDDEN_RANKED: {
    severity: "warning",
    vi: (p) =>
      `Trang “${p.sheet}” có ${p.count} đơn vị ở dòng đang ẩn (dòng ${p.rows}); các đơn vị này vẫn được xếp hạng và xét như mọi đơn vị. Nếu đó là số liệu cũ hoặc không xét, hãy xóa dòng hoặc ghi “Không xét”.`,
    en: (p) =>
      `Sheet “${p.sheet}” has ${p.count} unit${p.count === 1 ? "" : "s"} on hidden rows (row${p.count === 1 ? "" : "s"} ${p.rows}); they are ranked and considered like any other. If they are old data or not to be considered, delete the rows or mark them “Không xét”.`,
  },
  HIDDEN_UNIT_PROPOSED: {
    severity: "warning",
    vi: (p) =>
      `“${p.unit}” ở một dòng đang ẩn lại được đề xuất (năm ${p.year}, khối ${p.bloc}). Hiện dòng đó và kiểm tra trước khi trình.`,
    en: (p) =>
      `“${p.unit}”, on a hidden row, is proposed (year ${p.year}, bloc ${p.bloc}). Unhide the row and check it before submitting.`,
  },
  SHEET_DRAFT_SKIPPED: {
    severity: "warning",
    vi: (p) =>
      `Trang “${p.name}” là bản nháp hoặc bản sao (theo tên trang) nên không được đọc; nếu đó là bảng điểm chính thức, hãy đổi tên trang hoặc chọn trang này.`,
    en: (p) =>
      `Sheet “${p.name}” is a draft or a copy (by its name) and was not read; if it holds the official scores, rename it or choose it.`,
  },
  SHEET_DRAFT_READ: {
    severity: "warning",
    vi: (p) =>
      `Bảng điểm chỉ có ở trang “${p.name}”, mà tên trang cho biết đây là bản nháp; trang này đã được đọc. Chỉ đề xuất theo kết quả đã thẩm định, chính thức.`,
    en: (p) =>
      `The only score table is on sheet “${p.name}”, whose name says it is a draft; it was read. Propose only from appraised, official results.`,
  },
  SHEET_HIDDEN: {
    severity: "info",
    vi: (p) => `Trang “${p.name}” đang ẩn nên không được đọc; chọn trang này nếu cần xếp hạng.`,
    en: (p) => `Sheet “${p.name}” is hidden and was not read; choose it explicitly to rank it.`,
  },
  SHEET_NOT_SELECTED: {
    severity: "warning",
    vi: (p) =>
      `Trang “${p.sheet}” có bảng điểm nhưng không được chọn nên không được xếp hạng (đang chỉ đọc: ${p.chosen}).`,
    en: (p) =>
      `Sheet “${p.sheet}” holds a score table but was not chosen, so it is not ranked (only ${p.chosen} is read).`,
  },
  SCORE_WITHOUT_MAX: {
    severity: "warning",
    vi: (p) =>
      `Trang “${p.sheet}” không có cột điểm tối đa hay tỷ lệ: các khối 1–3 được xếp hạng theo điểm “${p.header}”, chỉ đúng khi mọi đơn vị cùng một điểm tối đa. Nếu điểm tối đa khác nhau (ví dụ các nhóm sở, ban, ngành), hãy thêm cột “Điểm tối đa” hoặc “Tỷ lệ (%)” rồi xếp hạng lại.`,
    en: (p) =>
      `Sheet “${p.sheet}” has neither a max score nor a ratio column: blocs 1–3 are ranked by the score “${p.header}”, which is right only when every unit has the same maximum. If maxima differ (e.g. the groups of agencies), add a “Điểm tối đa” or “Tỷ lệ (%)” column and rank again.`,
  },
  RANKED_BY_SCORE: {
    severity: "info",
    vi: (p) => `Trang “${p.sheet}” không có cột điểm tối đa: xếp hạng theo điểm.`,
    en: (p) => `Sheet “${p.sheet}” has no max score column: units are ranked by score.`,
  },
  /* Review rounds and the council's decisions (issue 12). */
  ROUND_BEFORE_YEAR: {
    severity: "error",
    vi: (p) =>
      `Bảng điểm năm ${p.year} không thể phục vụ đợt xét năm ${p.round} (trước năm chấm điểm); năm ${p.year} chưa được xếp hạng. Hãy chọn lại đợt xét.`,
    en: (p) =>
      `The ${p.year} scores cannot serve the ${p.round} round (before the score year); ${p.year} is not ranked. Choose the round again.`,
  },
  ROUND_CONFLICT: {
    severity: "error",
    vi: (p) =>
      `Các năm điểm ${p.years} cùng phục vụ ${p.roundVi}; số suất của một đợt chỉ dùng một lần nên các năm này chưa được xếp hạng. Hãy chọn một năm, hoặc chọn lại đợt xét cho từng năm.`,
    en: (p) =>
      `The score years ${p.years} all serve ${p.roundEn}; a round's quotas are given once, so these years are not ranked. Choose one year, or choose each year's round again.`,
  },
  DECISION_ROW_INVALID: {
    severity: "warning",
    vi: (p) =>
      `Dòng quyết định của Hội đồng chưa đọc được: ${p.detail}; dòng này không được áp dụng.`,
    en: (p) => `A council decision row cannot be read: ${p.detailEn}; it is not applied.`,
  },
  DECISION_REASON_MISSING: {
    severity: "warning",
    vi: (p) =>
      `Quyết định rút đề nghị “${p.unit}” chưa ghi lý do; quyết định chưa được áp dụng. Hãy ghi lý do vào cột “Lý do”.`,
    en: (p) =>
      `The decision to withdraw “${p.unit}” gives no reason; it is not applied. Write the reason in the “Reason” column.`,
  },
  DECISION_UNIT_NOT_FOUND: {
    severity: "warning",
    vi: (p) =>
      `Quyết định về “${p.unit}” không còn áp dụng được: bảng điểm không còn đơn vị này ở ${p.where} (hoặc dòng của đơn vị không hợp lệ).`,
    en: (p) =>
      `The decision about “${p.unit}” no longer applies: the score table has no such unit in ${p.whereEn} (or its row is invalid).`,
  },
  DECISION_UNIT_AMBIGUOUS: {
    severity: "warning",
    vi: (p) =>
      `Quyết định về “${p.unit}” trùng tên nhiều đơn vị (${p.closest}); hãy ghi khối và quận, huyện. Quyết định chưa được áp dụng.`,
    en: (p) =>
      `The decision about “${p.unit}” matches several units (${p.closest}); write the bloc and the district. It is not applied.`,
  },
  DECISION_PERSON_NOT_FOUND: {
    severity: "warning",
    vi: (p) =>
      `Quyết định về cá nhân “${p.person}” không còn áp dụng được: “${p.unit}” không đề xuất người này.`,
    en: (p) =>
      `The decision about “${p.person}” no longer applies: “${p.unit}” does not propose this person.`,
  },
  DECISION_NOT_PROPOSED: {
    severity: "warning",
    vi: (p) =>
      `Quyết định rút đề nghị “${p.unit}” không còn cần: theo số liệu hiện tại “${p.unit}” không được đề xuất (${p.statusVi}). Hãy xóa hoặc sửa dòng quyết định.`,
    en: (p) =>
      `The decision to withdraw “${p.unit}” is no longer needed: on the current data “${p.unit}” is not proposed (${p.statusEn}). Delete or correct the decision row.`,
  },
  DECISION_NO_TIE: {
    severity: "warning",
    vi: (p) =>
      `Quyết định chọn “${p.unit}” không còn áp dụng: “${p.unit}” không còn bằng điểm ở suất cuối (${p.statusVi}). Hãy xóa hoặc sửa dòng quyết định.`,
    en: (p) =>
      `The decision to choose “${p.unit}” no longer applies: “${p.unit}” is no longer tied at the last slot (${p.statusEn}). Delete or correct the decision row.`,
  },
  DECISION_BASIS_CHANGED: {
    severity: "warning",
    vi: (p) =>
      `Số liệu của “${p.unit}” đã thay đổi từ khi Hội đồng quyết định (${p.changes}); quyết định chưa được áp dụng, trường hợp này vẫn chờ Hội đồng xét lại.`,
    en: (p) =>
      `The data of “${p.unit}” changed since the council decided (${p.changesEn}); the decision is not applied and the case waits for the council again.`,
  },
  DECISION_TOO_MANY: {
    severity: "warning",
    vi: (p) =>
      `Năm ${p.year} khối ${p.bloc}: Hội đồng chọn ${p.count} ${p.recipient} cho ${p.open} suất còn lại; các quyết định chọn này chưa được áp dụng.`,
    en: (p) =>
      `Year ${p.year}, bloc ${p.bloc}: the council chose ${p.count} ${p.recipientEn} for ${p.open} remaining slot(s); these choices are not applied.`,
  },
  DECISION_CONFLICT: {
    severity: "warning",
    vi: (p) =>
      `Có hai quyết định trái nhau về “${p.unit}” (chọn và rút đề nghị); cả hai chưa được áp dụng.`,
    en: (p) =>
      `Two decisions about “${p.unit}” contradict each other (choose and withdraw); neither is applied.`,
  },
  DECISION_APPLIED: {
    severity: "info",
    vi: (p) => `Đã áp dụng quyết định của Hội đồng: ${p.actionVi}.`,
    en: (p) => `The council's decision is applied: ${p.actionEn}.`,
  },
});

export type IssueCode = keyof typeof ISSUE_DEFINITIONS;
export const ISSUE_CODES = Object.keys(ISSUE_DEFINITIONS) as readonly IssueCode[];

export interface Issue {
  readonly code: IssueCode;
  readonly severity: Severity;
  /** Sheet and A1 cell, when the issue is about one. */
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly params: IssueParams;
  readonly message: Bilingual;
}

/**
 * Builds an issue with its fixed bilingual message.
 *
 * @example
 * makeIssue("SCORE_NEGATIVE", { sheet: "DTI", cell: "D9" }, { unit: "Sở Y tế", score: -1 }).message.en
 * //=> "The score of “Sở Y tế” is negative (-1)."
 */
export function makeIssue(code: IssueCode, where: CellRef | null, params: IssueParams = {}): Issue {
  const def = ISSUE_DEFINITIONS[code];
  return {
    code,
    severity: def.severity,
    sheet: where?.sheet ?? null,
    cell: where?.cell ?? null,
    params,
    message: { vi: def.vi(params), en: def.en(params) },
  };
}

/** The message of an issue in one language, with its place: "DTI 2023!D15: …". */
export function describeIssue(issue: Issue, lang: Lang): string {
  const place = issue.sheet ? `${issue.sheet}${issue.cell ? `!${issue.cell}` : ""}: ` : "";
  return `${place}${issue.message[lang]}`;
}

/** Errors first, then warnings, then infos; within a severity, in reading order. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  const weight: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => weight[a.issue.severity] - weight[b.issue.severity] || a.index - b.index)
    .map(({ issue }) => issue);
}
