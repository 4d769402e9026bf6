/**
 * The council's decisions table as cells: the sheet and table the add-in creates ("Quyết định
 * của Hội đồng", table "QuyetDinhHoiDong"), its columns in Vietnamese and English, reading its rows
 * into decisions (any header row within the first 30 rows, headers typed without diacritics too),
 * and the rows the pane, the command line and the samples write into it.
 */
import { cellText, parseCellNumber } from "./cells";
import { makeIssue, type Issue } from "./issues";
import { blocFromCell } from "./readScoreTable";
import { isAwardYear } from "./rules";
import { cellAddress, foldText, matchKey } from "./text";
import type {
  AppliedDecision,
  AwardYear,
  Bloc,
  CellRef,
  CellSheet,
  CouncilDecision,
  DecisionBasis,
  DecisionKind,
  Lang,
  Recipient,
} from "./types";

/** The sheet the add-in creates for the decisions (at most 31 characters). */
export const DECISION_SHEET_NAME: Readonly<Record<Lang, string>> = {
  vi: "Quyết định của Hội đồng",
  en: "Council decisions",
};

/** The Excel table holding the decisions: found by this name even when the sheet is renamed. */
export const DECISION_TABLE_NAME = "QuyetDinhHoiDong";

/** The columns of the decisions table, in order. */
export const DECISION_COLUMN_ROLES = [
  "year",
  "bloc",
  "recipient",
  "unit",
  "group",
  "person",
  "kind",
  "reason",
  "ratio",
  "rank",
  "tieSize",
  "open",
  "recorded",
] as const;
export type DecisionColumnRole = (typeof DECISION_COLUMN_ROLES)[number];

/** Header texts the add-in writes, per language. */
export const DECISION_HEADERS: Readonly<
  Record<Lang, Readonly<Record<DecisionColumnRole, string>>>
> = {
  vi: {
    year: "Năm",
    bloc: "Khối",
    recipient: "Đối tượng",
    unit: "Đơn vị",
    group: "Quận, huyện",
    person: "Họ và tên",
    kind: "Quyết định",
    reason: "Lý do",
    ratio: "Tỷ lệ khi quyết định",
    rank: "Hạng khi quyết định",
    tieSize: "Số đơn vị bằng điểm",
    open: "Số suất còn lại",
    recorded: "Ngày ghi",
  },
  en: {
    year: "Year",
    bloc: "Bloc",
    recipient: "Recipient",
    unit: "Unit",
    group: "District",
    person: "Full name",
    kind: "Decision",
    reason: "Reason",
    ratio: "Ratio when decided",
    rank: "Rank when decided",
    tieSize: "Units tied",
    open: "Slots left",
    recorded: "Recorded on",
  },
};

/** The words written in the "Quyết định" and "Đối tượng" columns. */
export const DECISION_WORDS: Readonly<
  Record<Lang, Readonly<Record<DecisionKind | Recipient, string>>>
> = {
  vi: { choose: "Chọn", withdraw: "Rút đề nghị", collective: "Tập thể", individual: "Cá nhân" },
  en: {
    choose: "Choose",
    withdraw: "Withdraw",
    collective: "Collective",
    individual: "Individual",
  },
};

/** Folded header words per role (a header matches when its folded text starts with one). */
const HEADER_WORDS: Readonly<Record<DecisionColumnRole, readonly string[]>> = {
  year: ["nam", "year"],
  bloc: ["khoi", "bloc"],
  recipient: ["doi tuong", "recipient"],
  unit: ["don vi", "unit"],
  group: ["quan huyen", "district", "nhom"],
  person: ["ho va ten", "ho ten", "ca nhan", "full name", "person"],
  kind: ["quyet dinh", "decision"],
  reason: ["ly do", "reason"],
  ratio: ["ty le", "ti le", "ratio"],
  rank: ["hang", "rank"],
  tieSize: ["so don vi bang diem", "units tied"],
  open: ["so suat con lai", "slots left"],
  recorded: ["ngay ghi", "recorded"],
};

const KIND_WORDS: Readonly<Record<string, DecisionKind>> = {
  chon: "choose",
  "duoc chon": "choose",
  choose: "choose",
  chosen: "choose",
  rut: "withdraw",
  "rut de nghi": "withdraw",
  withdraw: "withdraw",
  withdrawn: "withdraw",
};

const RECIPIENT_WORDS: Readonly<Record<string, Recipient>> = {
  "tap the": "collective",
  collective: "collective",
  "ca nhan": "individual",
  individual: "individual",
};

/** How far the reader looks for the header row. */
const HEADER_SEARCH_ROWS = 30;

export interface DecisionReading {
  readonly decisions: readonly CouncilDecision[];
  readonly issues: readonly Issue[];
  /** The sheet the decisions were read from, and the 1-based header row (0: none found). */
  readonly sheet: string;
  readonly headerRow: number;
}

function roleOfHeader(text: string): DecisionColumnRole | null {
  const folded = foldText(text);
  if (folded === "") return null;
  // Longest words first, so "số đơn vị bằng điểm" is not taken for "đơn vị".
  const pairs = DECISION_COLUMN_ROLES.flatMap((role) =>
    HEADER_WORDS[role].map((word) => ({ role, word })),
  ).sort((a, b) => b.word.length - a.word.length);
  const found = pairs.find(({ word }) => folded === word || folded.startsWith(`${word} `));
  return found ? found.role : null;
}

/** The header row's columns by role, when it has at least the year, unit and decision columns. */
function headerColumns(
  row: readonly unknown[],
): Partial<Record<DecisionColumnRole, number>> | null {
  const columns: Partial<Record<DecisionColumnRole, number>> = {};
  row.forEach((cell, index) => {
    const role = roleOfHeader(cellText(cell));
    if (role !== null && columns[role] === undefined) columns[role] = index;
  });
  return columns.year !== undefined && columns.unit !== undefined && columns.kind !== undefined
    ? columns
    : null;
}

function offset(value: unknown): number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : 0;
}

/** A recorded number: a number, or text such as "93,20%" (a percentage, divided by 100). */
function recordedNumber(value: unknown): number | null | "bad" {
  const parsed = parseCellNumber(value);
  if (parsed.kind === "blank") return null;
  if (parsed.kind !== "number") return "bad";
  return parsed.percent ? parsed.value / 100 : parsed.value;
}

function wholeOrNull(value: number | null | "bad"): number | null | "bad" {
  if (value === null || value === "bad") return value;
  return Number.isInteger(value) && value >= 0 ? value : "bad";
}

interface RowRead {
  readonly decision: CouncilDecision | null;
  readonly issue: Issue | null;
}

function invalidRow(where: CellRef, vi: string, en: string): RowRead {
  return {
    decision: null,
    issue: makeIssue("DECISION_ROW_INVALID", where, { detail: vi, detailEn: en }),
  };
}

function readRow(
  row: readonly unknown[],
  columns: Partial<Record<DecisionColumnRole, number>>,
  place: (col: number) => CellRef,
): RowRead | null {
  const at = (role: DecisionColumnRole): unknown =>
    columns[role] === undefined ? "" : row[columns[role] as number];
  const text = (role: DecisionColumnRole): string => cellText(at(role));
  if (row.every((cell) => cellText(cell) === "")) return null;
  const kindText = foldText(text("kind"));
  // A row without a decision is a template row (a tie listed for the council): nothing to apply.
  if (kindText === "") return null;
  const where = place(columns.kind as number);
  const kind = KIND_WORDS[kindText];
  if (kind === undefined) {
    return invalidRow(
      where,
      `cột “Quyết định” ghi “${text("kind")}”, cần “Chọn” hoặc “Rút đề nghị”`,
      `the “Decision” column says “${text("kind")}”, “Choose” or “Withdraw” is needed`,
    );
  }
  const yearValue = recordedNumber(at("year"));
  if (yearValue === null || yearValue === "bad" || !isAwardYear(yearValue)) {
    return invalidRow(
      where,
      `năm “${text("year")}” không phải một năm của phong trào (2022–2025)`,
      `year “${text("year")}” is not a year of the movement (2022–2025)`,
    );
  }
  const unit = text("unit");
  if (unit === "") return invalidRow(where, "thiếu tên đơn vị", "the unit is missing");
  const blocText = text("bloc");
  const bloc = blocText === "" ? null : blocFromCell(at("bloc"));
  if (blocText !== "" && bloc === null) {
    return invalidRow(
      where,
      `khối “${blocText}” không rõ (cần 1–4)`,
      `bloc “${blocText}” is unknown (1–4 is needed)`,
    );
  }
  const person = text("person");
  const recipientText = foldText(text("recipient"));
  const recipient: Recipient | undefined =
    recipientText === ""
      ? person === ""
        ? "collective"
        : "individual"
      : RECIPIENT_WORDS[recipientText];
  if (recipient === undefined) {
    return invalidRow(
      where,
      `đối tượng “${text("recipient")}” không rõ (cần “Tập thể” hoặc “Cá nhân”)`,
      `recipient “${text("recipient")}” is unknown (“Collective” or “Individual” is needed)`,
    );
  }
  if (recipient === "individual" && person === "") {
    return invalidRow(
      where,
      "quyết định về cá nhân nhưng thiếu họ và tên",
      "an individual decision without the person's name",
    );
  }
  const ratio = recordedNumber(at("ratio"));
  const rank = wholeOrNull(recordedNumber(at("rank")));
  const tieSize = wholeOrNull(recordedNumber(at("tieSize")));
  const open = wholeOrNull(recordedNumber(at("open")));
  if (ratio === "bad" || rank === "bad" || tieSize === "bad" || open === "bad") {
    return invalidRow(
      where,
      "cột tỷ lệ, hạng, số đơn vị bằng điểm hoặc số suất còn lại không phải là số",
      "the ratio, rank, units tied or slots left column is not a number",
    );
  }
  const reason = text("reason");
  const decision: CouncilDecision = {
    year: yearValue,
    bloc,
    recipient,
    unit,
    unitKey: matchKey(unit),
    group: text("group"),
    person: recipient === "individual" ? person : "",
    kind,
    reason,
    basis: { ratio, rank, tieSize, open },
    source: where,
  };
  if (kind === "withdraw" && reason === "") {
    return {
      decision: null,
      issue: makeIssue("DECISION_REASON_MISSING", where, {
        unit: person === "" ? unit : person,
      }),
    };
  }
  return { decision, issue: null };
}

/**
 * Reads the decisions table of a sheet: the first row (within 30) with the year, unit and
 * decision columns is the header; every row below with a decision is read, rows without one
 * (ties listed for the council) are skipped, and an unreadable row is an issue at its cell.
 *
 * @example
 * readDecisions({ name: "QĐ", values: [["Năm", "Khối", "Đơn vị", "Quyết định"],
 *   [2024, 3, "UBND phường Cái Khế", "Chọn"]] }).decisions[0].kind //=> "choose"
 */
export function readDecisions(sheet: CellSheet): DecisionReading {
  const values = Array.isArray(sheet.values) ? sheet.values : [];
  const rowOffset = offset(sheet.rowOffset);
  const colOffset = offset(sheet.colOffset);
  const place = (row: number) => (col: number) => ({
    sheet: sheet.name,
    cell: cellAddress(rowOffset + row, colOffset + col),
  });
  let header = -1;
  let columns: Partial<Record<DecisionColumnRole, number>> | null = null;
  for (let r = 0; r < Math.min(values.length, HEADER_SEARCH_ROWS); r += 1) {
    columns = headerColumns(values[r] ?? []);
    if (columns) {
      header = r;
      break;
    }
  }
  if (!columns || header < 0) {
    return {
      decisions: [],
      issues: [
        makeIssue(
          "DECISION_ROW_INVALID",
          { sheet: sheet.name, cell: "A1" },
          {
            detail: "không tìm thấy dòng tiêu đề có các cột “Năm”, “Đơn vị” và “Quyết định”",
            detailEn: "no header row with the “Year”, “Unit” and “Decision” columns was found",
          },
        ),
      ],
      sheet: sheet.name,
      headerRow: 0,
    };
  }
  const decisions: CouncilDecision[] = [];
  const issues: Issue[] = [];
  for (let r = header + 1; r < values.length; r += 1) {
    const read = readRow(values[r] ?? [], columns, place(r));
    if (!read) continue;
    if (read.decision) decisions.push(read.decision);
    if (read.issue) issues.push(read.issue);
  }
  return { decisions, issues, sheet: sheet.name, headerRow: rowOffset + header + 1 };
}

/* ---------------------------------------------------------------------------------------------
 * Rows for the decisions table
 * ------------------------------------------------------------------------------------------- */

/** What the pane (or a template) writes as one row of the decisions table. */
export interface DecisionRowInput {
  readonly year: AwardYear;
  readonly bloc: Bloc;
  readonly recipient: Recipient;
  readonly unit: string;
  readonly group: string;
  readonly person: string;
  /** null for a template row the officer fills in. */
  readonly kind: DecisionKind | null;
  readonly reason: string;
  readonly basis: DecisionBasis;
  readonly recorded: string;
}

/**
 * One row of the decisions table, in `DECISION_COLUMN_ROLES` order.
 *
 * @example
 * decisionRowValues({ year: 2024, bloc: 3, recipient: "collective", unit: "UBND xã Trường Long",
 *   group: "Huyện Phong Điền", person: "", kind: "choose", reason: "",
 *   basis: { ratio: 0.932, rank: 3, tieSize: 2, open: 1 }, recorded: "2025-03-20" }, "vi")
 * //=> [2024, 3, "Tập thể", "UBND xã Trường Long", "Huyện Phong Điền", "", "Chọn", "", 0.932, 3, 2, 1, "2025-03-20"]
 */
export function decisionRowValues(row: DecisionRowInput, lang: Lang): (string | number)[] {
  const words = DECISION_WORDS[lang];
  const byRole: Record<DecisionColumnRole, string | number> = {
    year: row.year,
    bloc: row.bloc,
    recipient: words[row.recipient],
    unit: row.unit,
    group: row.group,
    person: row.person,
    kind: row.kind === null ? "" : words[row.kind],
    reason: row.reason,
    ratio: row.basis.ratio ?? "",
    rank: row.basis.rank ?? "",
    tieSize: row.basis.tieSize ?? "",
    open: row.basis.open ?? "",
    recorded: row.recorded,
  };
  return DECISION_COLUMN_ROLES.map((role) => byRole[role]);
}

/**
 * The header row of the decisions table in a language.
 *
 * @example
 * decisionHeaderRow("vi")[6] //=> "Quyết định"
 */
export function decisionHeaderRow(lang: Lang): string[] {
  return DECISION_COLUMN_ROLES.map((role) => DECISION_HEADERS[lang][role]);
}

/**
 * The two lines above the decisions table: its title and how to fill it.
 *
 * @example
 * decisionSheetIntro("vi")[0] //=> "QUYẾT ĐỊNH CỦA HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG"
 */
export function decisionSheetIntro(lang: Lang): [string, string] {
  return lang === "vi"
    ? [
        "QUYẾT ĐỊNH CỦA HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG",
        "Mỗi quyết định một dòng. Cột “Quyết định”: “Chọn” (chọn đơn vị hoặc cá nhân bằng điểm ở suất cuối, hoặc chọn cá nhân khác của đơn vị) hoặc “Rút đề nghị” (ghi lý do). Dòng để trống cột “Quyết định” không được áp dụng. Phần bổ trợ không bao giờ ghi đè trang này; khi số liệu thay đổi, trang “Kiểm tra dữ liệu” nêu quyết định nào không còn phù hợp.",
      ]
    : [
        "DECISIONS OF THE EMULATION AND COMMENDATION COUNCIL",
        "One decision per row. “Decision”: “Choose” (a unit or person tied at the last slot, or another person of a unit) or “Withdraw” (give the reason). Rows with an empty “Decision” are not applied. The add-in never overwrites this sheet; when the data change, the “Data check” sheet says which decisions no longer fit.",
      ];
}

/** 0-based row of the decisions table's header on a sheet the add-in creates. */
export const DECISION_HEADER_ROW = 3;

/**
 * The result label of an outcome the council's decision set, as the candidate sheet shows it.
 *
 * @example
 * decisionLabel({ kind: "withdraw", reason: "…", source }, "vi") //=> "Rút đề nghị (Hội đồng)"
 */
export function decisionLabel(decision: AppliedDecision, lang: Lang): string {
  if (decision.kind === "withdraw") {
    return lang === "vi" ? "Rút đề nghị (Hội đồng)" : "Withdrawn (council)";
  }
  return lang === "vi" ? "Đề xuất (Hội đồng chọn)" : "Candidate (council's choice)";
}
