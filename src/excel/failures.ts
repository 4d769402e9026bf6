/**
 * What went wrong with Office or Excel, said the way an officer can act on it: a short code to
 * quote to IT, what happened and what to do, in Vietnamese and English. Office's own error text
 * is English-only and speaks of API calls; it never reaches a Vietnamese message (it stays in the
 * code, e.g. EXCEL-ItemNotFound, where IT can look it up).
 */
import type { Bilingual } from "../domain/types";

/** A failure the pane shows: the code to quote, what happened, what to do. */
export interface Failure {
  /** Short and stable, e.g. "EXCEL-AccessDenied", "SETTINGS-5001", "OFFICE-JS-MISSING". */
  readonly code: string;
  readonly message: Bilingual;
  readonly action: Bilingual;
}

/** The failures the add-in itself names (not Excel's error codes). */
export const FAILURE_CODES = [
  "OFFICE-JS-MISSING",
  "OUTSIDE-OFFICE",
  "NOT-EXCEL",
  "DATE-MISSING",
  "DATE-INVALID",
  "SHEET-GONE",
  "ROUND-NEEDS-YEAR",
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

const AGAIN: Bilingual = {
  vi: "Bấm “Xếp hạng” lại. Nếu vẫn lỗi, đóng và mở lại ngăn tác vụ, rồi báo bộ phận CNTT kèm mã lỗi.",
  en: "Click “Rank” again. If it still fails, close and reopen the task pane, then tell IT the error code.",
};

/** The add-in's own failures, each with what to do. */
export const FAILURES: Readonly<Record<FailureCode, Omit<Failure, "code">>> = {
  "OFFICE-JS-MISSING": {
    message: {
      vi: "Không tải được thư viện Office.js từ https://appsforoffice.microsoft.com, nên ngăn tác vụ chưa làm việc được với Excel.",
      en: "Office.js could not be loaded from https://appsforoffice.microsoft.com, so the task pane cannot work with Excel.",
    },
    action: {
      vi: "Kiểm tra kết nối mạng; nếu cơ quan dùng proxy hoặc tường lửa, nhờ bộ phận CNTT cho phép https://appsforoffice.microsoft.com. Sau đó đóng và mở lại ngăn tác vụ.",
      en: "Check the network connection; if your office uses a proxy or firewall, ask IT to allow https://appsforoffice.microsoft.com. Then close and reopen the task pane.",
    },
  },
  "OUTSIDE-OFFICE": {
    message: {
      vi: "Trang này là ngăn tác vụ của phần bổ trợ Excel “Khen thưởng Chuyển đổi số”; mở trong trình duyệt thì không có sổ làm việc nào để xếp hạng.",
      en: "This page is the task pane of the Excel add-in “DTI Awards”; opened in a web browser it has no workbook to rank.",
    },
    action: {
      vi: "Mở sổ làm việc có bảng điểm trong Excel, rồi trên thẻ Trang đầu (Home) bấm “Mở bảng” trong nhóm “Khen thưởng CĐS”.",
      en: "Open the score workbook in Excel, then on the Home tab click “Open pane” in the “DTI Awards” group.",
    },
  },
  "NOT-EXCEL": {
    message: {
      vi: "Phần bổ trợ này chỉ chạy trong Excel.",
      en: "This add-in runs only in Excel.",
    },
    action: {
      vi: "Mở sổ làm việc có bảng điểm trong Excel rồi mở lại phần bổ trợ.",
      en: "Open the score workbook in Excel and start the add-in there.",
    },
  },
  "DATE-MISSING": {
    message: {
      vi: "Chưa nhập ngày quyết định khen thưởng; ngày này quyết định nghị định và lương cơ sở để tính tiền thưởng.",
      en: "The award decision date is empty; it sets the decree and base salary of the prize money.",
    },
    action: {
      vi: "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 15/03/2024, rồi bấm “Xếp hạng”.",
      en: "Type the date as day/month/year, e.g. 15/03/2024, then click “Rank”.",
    },
  },
  "DATE-INVALID": {
    message: {
      vi: "Ngày quyết định khen thưởng không phải là một ngày có thật.",
      en: "The award decision date is not a real date.",
    },
    action: {
      vi: "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 15/03/2024, rồi bấm “Xếp hạng”.",
      en: "Type the date as day/month/year, e.g. 15/03/2024, then click “Rank”.",
    },
  },
  "SHEET-GONE": {
    message: {
      vi: "Trang tính này đã bị đổi tên hoặc xóa sau lần xếp hạng trước.",
      en: "This sheet was renamed or deleted after the last Rank.",
    },
    action: {
      vi: "Bấm “Xếp hạng” lại để ghi lại trang.",
      en: "Click “Rank” again to write it again.",
    },
  },
  "ROUND-NEEDS-YEAR": {
    message: {
      vi: "Đã chọn một đợt xét cụ thể nhưng chưa chọn năm xét.",
      en: "A particular review round is chosen, but no year.",
    },
    action: {
      vi: "Chọn “Năm xét” trước khi chọn đợt xét, rồi bấm “Xếp hạng” lại.",
      en: "Choose the “Year” before choosing a review round, then click “Rank” again.",
    },
  },
};

/**
 * One of the add-in's own failures.
 *
 * @example
 * failure("OUTSIDE-OFFICE").code //=> "OUTSIDE-OFFICE"
 */
export function failure(code: FailureCode): Failure {
  return { code, ...FAILURES[code] };
}

const TOO_LARGE: Omit<Failure, "code"> = {
  message: {
    vi: "Bảng quá lớn để Excel nhận trong một lần.",
    en: "The table is too large for Excel to take in one request.",
  },
  action: {
    vi: "Chọn một trang tính trong “Chọn cột” để chỉ đọc trang có bảng điểm, rồi bấm “Xếp hạng” lại.",
    en: "Pick one sheet under “Choose columns” so that only the score sheet is read, then click “Rank” again.",
  },
};

/** Excel's error codes (Excel.ErrorCodes and OfficeExtension's) the officer can do something about. */
const EXCEL_ERRORS: Readonly<Record<string, Omit<Failure, "code">>> = {
  InvalidOperationInCellEditMode: {
    message: {
      vi: "Excel đang ở chế độ sửa ô nên chưa nhận lệnh.",
      en: "Excel is editing a cell, so it does not take commands.",
    },
    action: {
      vi: "Bấm Enter hoặc Esc để kết thúc việc sửa ô, rồi bấm “Xếp hạng” lại.",
      en: "Press Enter or Esc to finish editing the cell, then click “Rank” again.",
    },
  },
  AccessDenied: {
    message: {
      vi: "Excel không cho phép ghi vào sổ làm việc này (sổ chỉ đọc, đang được bảo vệ, hoặc đang mở ở chế độ xem).",
      en: "Excel does not allow writing to this workbook (read-only, protected, or open for viewing only).",
    },
    action: {
      vi: "Bỏ bảo vệ sổ làm việc (Xem lại → Bảo vệ sổ làm việc) hoặc mở sổ ở chế độ chỉnh sửa, rồi bấm “Xếp hạng” lại.",
      en: "Unprotect the workbook (Review → Protect Workbook) or open it for editing, then click “Rank” again.",
    },
  },
  RequestPayloadSizeLimitExceeded: TOO_LARGE,
  ResponsePayloadSizeLimitExceeded: TOO_LARGE,
  ActivityLimitReached: {
    message: {
      vi: "Excel đang bận vì nhận quá nhiều yêu cầu cùng lúc.",
      en: "Excel is busy with too many requests at once.",
    },
    action: {
      vi: "Đợi khoảng một phút rồi bấm “Xếp hạng” lại.",
      en: "Wait about a minute, then click “Rank” again.",
    },
  },
  InactiveWorkbook: {
    message: {
      vi: "Sổ làm việc không còn đang mở trong cửa sổ này.",
      en: "The workbook is no longer active in this window.",
    },
    action: {
      vi: "Chuyển về cửa sổ Excel có bảng điểm rồi bấm “Xếp hạng” lại.",
      en: "Switch back to the Excel window with the scores, then click “Rank” again.",
    },
  },
};

const EXCEL_OTHER: Omit<Failure, "code"> = {
  message: {
    vi: "Excel báo lỗi khi đọc hoặc ghi sổ làm việc; không có trang nào của cán bộ bị thay đổi.",
    en: "Excel reported an error while reading or writing the workbook; none of your sheets was changed.",
  },
  action: AGAIN,
};

const SETTINGS_NOT_SAVED: Omit<Failure, "code"> = {
  message: {
    vi: "Excel không lưu được lựa chọn của phần bổ trợ (ngày quyết định, cột đã chọn, các trang đã ghi) vào sổ làm việc; lựa chọn chỉ còn đến khi đóng ngăn tác vụ.",
    en: "Excel could not save the add-in's choices (decision date, chosen columns, sheets written) in the workbook; they last only until the task pane is closed.",
  },
  action: {
    vi: "Kiểm tra sổ làm việc không ở chế độ chỉ đọc và còn kết nối (OneDrive/SharePoint), lưu sổ (Ctrl+S), rồi thử lại. Nếu vẫn lỗi, báo bộ phận CNTT kèm mã lỗi.",
    en: "Check the workbook is not read-only and still connected (OneDrive/SharePoint), save it (Ctrl+S), then try again. If it still fails, tell IT the error code.",
  },
};

const UNEXPECTED: Omit<Failure, "code"> = {
  message: {
    vi: "Phần bổ trợ gặp lỗi ngoài dự kiến; không có trang nào của cán bộ bị thay đổi.",
    en: "The add-in hit an unexpected error; none of your sheets was changed.",
  },
  action: AGAIN,
};

/** `document.settings.saveAsync` failed: the Office error it gave, kept for the failure code. */
export class SettingsNotSavedError extends Error {
  constructor(readonly officeCode: number | string | null) {
    super(`Office could not save the document settings (${officeCode ?? "no code"})`);
    this.name = "SettingsNotSavedError";
  }
}

/** Codes are quoted by phone or typed into a ticket: letters, digits and dashes only. */
const codePart = (value: unknown): string => String(value).replace(/[^A-Za-z0-9]+/g, "-");

/**
 * An error from Office, Excel or the add-in as a failure to show: Excel's code kept in the failure
 * code, the message and what to do in the officer's words.
 *
 * @example
 * failureOf({ code: "AccessDenied", message: "Access denied." }).code //=> "EXCEL-AccessDenied"
 * failureOf(new SettingsNotSavedError(5001)).code //=> "SETTINGS-5001"
 * failureOf(new TypeError("x is undefined")).code //=> "APP-TypeError"
 */
export function failureOf(error: unknown): Failure {
  if (error instanceof SettingsNotSavedError) {
    return { code: `SETTINGS-${codePart(error.officeCode ?? "FAILED")}`, ...SETTINGS_NOT_SAVED };
  }
  const excelCode = (error as { code?: unknown } | null)?.code;
  if (typeof excelCode === "string" && excelCode !== "") {
    return { code: `EXCEL-${codePart(excelCode)}`, ...(EXCEL_ERRORS[excelCode] ?? EXCEL_OTHER) };
  }
  const name = error instanceof Error ? error.name : typeof error;
  return { code: `APP-${codePart(name)}`, ...UNEXPECTED };
}
