/**
 * The council's decisions (Hội đồng thi đua – khen thưởng): which of the units or people tied at
 * the last slot it chose, and which candidates it withdrew, with the reason. They live in a table
 * of their own sheet, "Quyết định của Hội đồng", which the add-in creates once and never
 * overwrites, so a new Rank (which replaces the candidate sheets) cannot lose them.
 *
 * Each decision names its unit by identity (score year, bloc, unit name as a key, district
 * group) and records the data it was taken on (ratio, rank, how many tied for how many slots).
 * A Rank applies a decision only while the data still supports it, and otherwise says which
 * decision no longer fits and why, at the decision's cell: silently carrying a choice over to
 * changed scores would be the worst kind of wrong.
 */
import { cellText, parseCellNumber } from "./cells";
import { makeIssue, type Issue } from "./issues";
import { blocFromCell } from "./readScoreTable";
import { isAwardYear } from "./rules";
import type { CollectiveSelection, IndividualSelection } from "./selectAwards";
import { selectCollectiveAwards, selectIndividualAwards } from "./selectAwards";
import { cellAddress, foldText, matchKey } from "./text";
import type {
  AppliedDecision,
  AwardYear,
  Bilingual,
  Bloc,
  CellRef,
  CellSheet,
  CouncilDecision,
  DecisionBasis,
  DecisionKind,
  Lang,
  Nominee,
  RankedUnit,
  Recipient,
  UnitScore,
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
/** Two recorded ratios closer than this are the same number typed or stored differently. */
const SAME_NUMBER = 1e-9;

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
 * Placing decisions in their bloc and year
 * ------------------------------------------------------------------------------------------- */

/** Leading words of a district heading, dropped when comparing groups ("Huyện X" = "X"). */
const GROUP_PREFIXES = ["quan", "huyen", "thi xa", "thanh pho", "tp"];

/**
 * A district group compared without its leading word, case or diacritics.
 *
 * @example
 * groupKey("Huyện Phong Điền") === groupKey("phong dien") //=> true
 */
export function groupKey(text: string): string {
  const folded = foldText(text);
  const prefix = GROUP_PREFIXES.find((p) => folded.startsWith(`${p} `));
  return prefix ? folded.slice(prefix.length + 1) : folded;
}

function sameGroup(unit: UnitScore, decision: CouncilDecision): boolean {
  return decision.group === "" || groupKey(unit.group) === groupKey(decision.group);
}

/** "khối 3 năm 2024" / "bloc 3 of 2024". */
function whereOf(decision: CouncilDecision): { where: string; whereEn: string } {
  if (decision.bloc === null) {
    return { where: `năm ${decision.year}`, whereEn: `${decision.year}` };
  }
  return {
    where: `khối ${decision.bloc} năm ${decision.year}`,
    whereEn: `bloc ${decision.bloc} of ${decision.year}`,
  };
}

function describeUnit(unit: UnitScore): string {
  return unit.group
    ? `${unit.name} (${unit.group}, khối ${unit.bloc})`
    : `${unit.name} (khối ${unit.bloc})`;
}

export interface PlacedDecisions {
  /** Decisions by "year:bloc". */
  readonly byBloc: ReadonlyMap<string, readonly CouncilDecision[]>;
  readonly issues: readonly Issue[];
}

/**
 * Gives each decision its bloc (from the row, or from the only unit of its year with that name)
 * and reports the ones whose unit is not in the run. Decisions of years the run leaves out (a
 * run for one chosen year) are set aside without a word, like the score rows of those years.
 *
 * @example
 * placeDecisions([choose("UBND phường Cái Khế", 2024)], units, [2024], undefined).byBloc.get("2024:3")?.length //=> 1
 */
export function placeDecisions(
  decisions: readonly CouncilDecision[],
  units: readonly UnitScore[],
  years: readonly AwardYear[],
  chosenYear: number | undefined,
): PlacedDecisions {
  const byBloc = new Map<string, CouncilDecision[]>();
  const issues: Issue[] = [];
  for (const decision of decisions) {
    if (!years.includes(decision.year)) {
      if (chosenYear === undefined) {
        issues.push(
          makeIssue("DECISION_UNIT_NOT_FOUND", decision.source, {
            unit: decision.unit,
            ...whereOf(decision),
          }),
        );
      }
      continue;
    }
    let bloc = decision.bloc;
    if (bloc === null) {
      const matching = units.filter(
        (u) =>
          u.year === decision.year &&
          matchKey(u.name) === decision.unitKey &&
          sameGroup(u, decision),
      );
      const blocs = [...new Set(matching.map((u) => u.bloc))];
      if (blocs.length === 0) {
        issues.push(
          makeIssue("DECISION_UNIT_NOT_FOUND", decision.source, {
            unit: decision.unit,
            ...whereOf(decision),
          }),
        );
        continue;
      }
      if (blocs.length > 1) {
        issues.push(
          makeIssue("DECISION_UNIT_AMBIGUOUS", decision.source, {
            unit: decision.unit,
            closest: matching.map(describeUnit).join(", "),
          }),
        );
        continue;
      }
      bloc = blocs[0];
    }
    const key = `${decision.year}:${bloc}`;
    byBloc.set(key, [...(byBloc.get(key) ?? []), { ...decision, bloc }]);
  }
  return { byBloc, issues };
}

/* ---------------------------------------------------------------------------------------------
 * Applying the decisions of one bloc
 * ------------------------------------------------------------------------------------------- */

export interface DecidedCollective extends CollectiveSelection {
  /** The council's decision behind this outcome, if any. */
  readonly decision: AppliedDecision | null;
  /** The reason line when a decision changed it (else the engine's own reason applies). */
  readonly note: Bilingual | null;
}

export interface DecidedIndividual extends IndividualSelection {
  readonly decision: AppliedDecision | null;
  readonly note: Bilingual | null;
}

export interface DecidedBloc {
  readonly collectives: readonly DecidedCollective[];
  readonly individuals: readonly DecidedIndividual[];
  readonly issues: readonly Issue[];
}

export interface BlocDecisionInput {
  readonly year: AwardYear;
  readonly bloc: Bloc;
  readonly ranked: readonly RankedUnit[];
  readonly nomineesByUnit: ReadonlyMap<UnitScore, readonly Nominee[]>;
  readonly collectiveSlots: number;
  readonly individualSlots: number;
  /** False for bloc 4, which has no individual awards. */
  readonly individualsAllowed: boolean;
  readonly decisions: readonly CouncilDecision[];
}

const applied = (d: CouncilDecision): AppliedDecision => ({
  kind: d.kind,
  reason: d.reason,
  source: d.source,
});

const placeText = (ref: CellRef): string => `${ref.sheet}!${ref.cell}`;

/** "93,20%" / "93.20%", or the score for a table ranked by score. */
function measureText(unit: UnitScore, lang: Lang): string {
  const value = unit.ratio === null ? unit.score : unit.ratio * 100;
  const text = value.toFixed(2).replace(/\.00$/, "");
  const shown = lang === "vi" ? text.replace(".", ",") : text;
  return unit.ratio === null ? shown : `${shown}%`;
}

function recordedText(value: number, unit: UnitScore, lang: Lang): string {
  return measureText({ ...unit, ratio: unit.ratio === null ? null : value, score: value }, lang);
}

/** True when a recorded ratio is the unit's (as a fraction, or as a percentage typed by hand). */
function sameMeasure(recorded: number, unit: UnitScore): boolean {
  const current = unit.ratio ?? unit.score;
  if (Math.abs(recorded - current) <= SAME_NUMBER) return true;
  return unit.ratio !== null && Math.abs(recorded / 100 - unit.ratio) <= SAME_NUMBER;
}

/** What changed between the recorded basis and the data now, in both languages; null if none. */
function basisChanges(
  basis: DecisionBasis,
  unit: UnitScore,
  rank: number,
  tie: { readonly size: number; readonly open: number } | null,
): Bilingual | null {
  const vi: string[] = [];
  const en: string[] = [];
  if (basis.ratio !== null && !sameMeasure(basis.ratio, unit)) {
    const what = unit.ratio === null ? ["điểm", "score"] : ["tỷ lệ", "ratio"];
    vi.push(`${what[0]} ${recordedText(basis.ratio, unit, "vi")} → ${measureText(unit, "vi")}`);
    en.push(`${what[1]} ${recordedText(basis.ratio, unit, "en")} → ${measureText(unit, "en")}`);
  }
  if (basis.rank !== null && basis.rank !== rank) {
    vi.push(`hạng ${basis.rank} → ${rank}`);
    en.push(`rank ${basis.rank} → ${rank}`);
  }
  if (tie && basis.tieSize !== null && basis.tieSize !== tie.size) {
    vi.push(`${basis.tieSize} → ${tie.size} đơn vị bằng điểm`);
    en.push(`${basis.tieSize} → ${tie.size} units tied`);
  }
  if (tie && basis.open !== null && basis.open !== tie.open) {
    vi.push(`${basis.open} → ${tie.open} suất còn lại`);
    en.push(`${basis.open} → ${tie.open} slots left`);
  }
  return vi.length > 0 ? { vi: vi.join("; "), en: en.join("; ") } : null;
}

const COLLECTIVE_STATUS: Readonly<Record<CollectiveSelection["status"], Bilingual>> = {
  candidate: { vi: "đề xuất", en: "candidate" },
  tie: { vi: "bằng điểm", en: "tied" },
  "not-selected": { vi: "ngoài số suất", en: "outside the slots" },
  excluded: { vi: "không xét", en: "not considered" },
};

function statusWords(rank: number, count: number, status: Bilingual): Bilingual {
  return {
    vi: `hạng ${rank}/${count}, ${status.vi}`,
    en: `rank ${rank} of ${count}, ${status.en}`,
  };
}

interface Resolved<T> {
  readonly decision: CouncilDecision;
  readonly target: T;
}

/** Finds a decision's unit among the bloc's ranking; reports it when it is gone or ambiguous. */
function unitOf(
  decision: CouncilDecision,
  ranked: readonly RankedUnit[],
  issues: Issue[],
): RankedUnit | null {
  const found = ranked.filter(
    (r) => matchKey(r.unit.name) === decision.unitKey && sameGroup(r.unit, decision),
  );
  if (found.length === 1) return found[0];
  if (found.length === 0) {
    issues.push(
      makeIssue("DECISION_UNIT_NOT_FOUND", decision.source, {
        unit: decision.unit,
        ...whereOf(decision),
      }),
    );
  } else {
    issues.push(
      makeIssue("DECISION_UNIT_AMBIGUOUS", decision.source, {
        unit: decision.unit,
        closest: found.map((r) => describeUnit(r.unit)).join(", "),
      }),
    );
  }
  return null;
}

function appliedIssue(decision: CouncilDecision, vi: string, en: string): Issue {
  return makeIssue("DECISION_APPLIED", decision.source, { actionVi: vi, actionEn: en });
}

/** Drops every decision of a unit or person that has both a choice and a withdrawal. */
function withoutConflicts<T>(resolved: readonly Resolved<T>[], issues: Issue[]): Resolved<T>[] {
  const kinds = new Map<T, Set<DecisionKind>>();
  for (const r of resolved) {
    kinds.set(r.target, (kinds.get(r.target) ?? new Set()).add(r.decision.kind));
  }
  const reported = new Set<T>();
  const kept: Resolved<T>[] = [];
  for (const r of resolved) {
    if ((kinds.get(r.target)?.size ?? 0) > 1) {
      if (!reported.has(r.target)) {
        reported.add(r.target);
        const name = r.decision.person || r.decision.unit;
        issues.push(makeIssue("DECISION_CONFLICT", r.decision.source, { unit: name }));
      }
      continue;
    }
    // The same decision written twice is one decision.
    if (kept.some((k) => k.target === r.target && k.decision.kind === r.decision.kind)) continue;
    kept.push(r);
  }
  return kept;
}

function decideCollectives(input: BlocDecisionInput, issues: Issue[]): DecidedCollective[] {
  const { ranked, collectiveSlots, year, bloc } = input;
  const rankedCount = ranked.length;
  const resolved: Resolved<RankedUnit>[] = [];
  for (const decision of input.decisions.filter((d) => d.recipient === "collective")) {
    const target = unitOf(decision, ranked, issues);
    if (target) resolved.push({ decision, target });
  }
  const decisions = withoutConflicts(resolved, issues);
  const baseline = selectCollectiveAwards(ranked, collectiveSlots);
  const baselineOf = new Map(baseline.map((s) => [s.ranked, s]));

  // Withdrawals first: a withdrawn candidate takes no slot, the next unit moves up.
  const withdrawn = new Map<RankedUnit, CouncilDecision>();
  for (const { decision, target } of decisions.filter((d) => d.decision.kind === "withdraw")) {
    const before = baselineOf.get(target);
    if (!before || (before.status !== "candidate" && before.status !== "tie")) {
      const status = statusWords(
        target.rank,
        rankedCount,
        COLLECTIVE_STATUS[before?.status ?? "not-selected"],
      );
      issues.push(
        makeIssue("DECISION_NOT_PROPOSED", decision.source, {
          unit: decision.unit,
          statusVi: status.vi,
          statusEn: status.en,
        }),
      );
      continue;
    }
    withdrawn.set(target, decision);
  }
  const forSelection = ranked.map((r) =>
    withdrawn.has(r) ? { ...r, unit: { ...r.unit, excluded: true } } : r,
  );
  const selected: DecidedCollective[] = selectCollectiveAwards(forSelection, collectiveSlots).map(
    (s, i) => {
      const decision = withdrawn.get(ranked[i]);
      if (!decision) return { ...s, ranked: ranked[i], decision: null, note: null };
      issues.push(
        appliedIssue(
          decision,
          `rút đề nghị “${decision.unit}” (${decision.reason})`,
          `withdraw “${decision.unit}” (${decision.reason})`,
        ),
      );
      return {
        ranked: ranked[i],
        status: "excluded",
        tie: null,
        decision: applied(decision),
        note: {
          vi: `Hội đồng rút đề nghị: ${decision.reason} (${placeText(decision.source)}); hạng ${ranked[i].rank}/${rankedCount}`,
          en: `Withdrawn by the council: ${decision.reason} (${placeText(decision.source)}); rank ${ranked[i].rank} of ${rankedCount}`,
        },
      };
    },
  );

  // Then the choices among the units tied at the last slot.
  const chosen: Resolved<RankedUnit>[] = [];
  for (const d of decisions.filter((x) => x.decision.kind === "choose")) {
    const now = selected.find((s) => s.ranked === d.target);
    if (!now || now.status !== "tie" || !now.tie) {
      const status = statusWords(
        d.target.rank,
        rankedCount,
        now?.decision
          ? { vi: "đã rút đề nghị", en: "withdrawn" }
          : COLLECTIVE_STATUS[now?.status ?? "not-selected"],
      );
      issues.push(
        makeIssue("DECISION_NO_TIE", d.decision.source, {
          unit: d.decision.unit,
          statusVi: status.vi,
          statusEn: status.en,
        }),
      );
      continue;
    }
    const changes = basisChanges(d.decision.basis, d.target.unit, d.target.rank, now.tie);
    if (changes) {
      issues.push(
        makeIssue("DECISION_BASIS_CHANGED", d.decision.source, {
          unit: d.decision.unit,
          changes: changes.vi,
          changesEn: changes.en,
        }),
      );
      continue;
    }
    chosen.push(d);
  }
  const tie = selected.find((s) => s.status === "tie")?.tie ?? null;
  if (chosen.length === 0 || !tie) return selected;
  if (chosen.length > tie.open) {
    issues.push(
      makeIssue("DECISION_TOO_MANY", chosen[0].decision.source, {
        year,
        bloc,
        count: chosen.length,
        open: tie.open,
        recipient: "tập thể",
        recipientEn: "collectives",
      }),
    );
    return selected;
  }
  const chosenOf = new Map(chosen.map((c) => [c.target, c.decision]));
  const complete = chosen.length === tie.open;
  const sources = chosen.map((c) => placeText(c.decision.source)).join(", ");
  const measure = (u: UnitScore) =>
    u.ratio === null ? { vi: "điểm", en: "score" } : { vi: "tỷ lệ", en: "ratio" };
  return selected.map((s) => {
    if (s.status !== "tie" || !s.tie) return s;
    const m = measure(s.ranked.unit);
    const where = {
      vi: `Bằng ${m.vi} ở hạng ${s.ranked.rank} (${s.tie.size} đơn vị, còn ${s.tie.open} suất)`,
      en: `Equal ${m.en} at rank ${s.ranked.rank} (${s.tie.size} units, ${s.tie.open} slot(s) left)`,
    };
    const decision = chosenOf.get(s.ranked);
    if (decision) {
      issues.push(
        appliedIssue(
          decision,
          `chọn “${decision.unit}” trong các đơn vị bằng điểm`,
          `choose “${decision.unit}” among the tied units`,
        ),
      );
      return {
        ...s,
        status: "candidate",
        tie: null,
        decision: applied(decision),
        note: {
          vi: `${where.vi}: Hội đồng chọn (${placeText(decision.source)})`,
          en: `${where.en}: chosen by the council (${placeText(decision.source)})`,
        },
      };
    }
    if (complete) {
      return {
        ...s,
        status: "not-selected",
        tie: null,
        note: {
          vi: `${where.vi}: Hội đồng chọn đơn vị khác (${sources})`,
          en: `${where.en}: the council chose another unit (${sources})`,
        },
      };
    }
    return {
      ...s,
      tie: { size: s.tie.size - chosen.length, open: s.tie.open - chosen.length },
    };
  });
}

/** The nominee a decision names among a unit's nominees (by name, compared as a key). */
function personOf(decision: CouncilDecision, list: readonly Nominee[]): Nominee | null {
  const key = matchKey(decision.person);
  return list.find((n) => matchKey(n.name) === key) ?? null;
}

const INDIVIDUAL_STATUS: Readonly<Record<IndividualSelection["status"], Bilingual>> = {
  candidate: { vi: "đề xuất", en: "candidate" },
  tie: { vi: "bằng điểm", en: "tied" },
  reserve: { vi: "dự phòng", en: "reserve" },
};

function decideIndividuals(input: BlocDecisionInput, issues: Issue[]): DecidedIndividual[] {
  const { ranked, nomineesByUnit, individualSlots, year, bloc } = input;
  const own = input.decisions.filter((d) => d.recipient === "individual");
  if (!input.individualsAllowed) {
    for (const decision of own) {
      issues.push(
        makeIssue("DECISION_PERSON_NOT_FOUND", decision.source, {
          person: decision.person,
          unit: decision.unit,
        }),
      );
    }
    return [];
  }
  const rankedCount = ranked.length;
  const resolved: Resolved<Nominee>[] = [];
  const unitOfPerson = new Map<Nominee, RankedUnit>();
  for (const decision of own) {
    const unit = unitOf(decision, ranked, issues);
    if (!unit) continue;
    const person = personOf(decision, nomineesByUnit.get(unit.unit) ?? []);
    if (!person) {
      issues.push(
        makeIssue("DECISION_PERSON_NOT_FOUND", decision.source, {
          person: decision.person,
          unit: decision.unit,
        }),
      );
      continue;
    }
    unitOfPerson.set(person, unit);
    resolved.push({ decision, target: person });
  }
  const decisions = withoutConflicts(resolved, issues);
  const baseline = selectIndividualAwards(ranked, nomineesByUnit, individualSlots);
  const statusOf = new Map(baseline.map((s) => [s.nominee, s.status]));

  const withdrawn = new Map<Nominee, CouncilDecision>();
  for (const { decision, target } of decisions.filter((d) => d.decision.kind === "withdraw")) {
    const status = statusOf.get(target) ?? "reserve";
    if (status === "reserve") {
      const unit = unitOfPerson.get(target) as RankedUnit;
      const words = statusWords(unit.rank, rankedCount, INDIVIDUAL_STATUS.reserve);
      issues.push(
        makeIssue("DECISION_NOT_PROPOSED", decision.source, {
          unit: decision.person,
          statusVi: `đơn vị ${words.vi}`,
          statusEn: `unit ${words.en}`,
        }),
      );
      continue;
    }
    withdrawn.set(target, decision);
  }
  const pool = new Map<UnitScore, readonly Nominee[]>();
  for (const [unit, list] of nomineesByUnit) {
    const left = list.filter((n) => !withdrawn.has(n));
    if (left.length > 0) pool.set(unit, left);
  }
  let selected: DecidedIndividual[] = selectIndividualAwards(ranked, pool, individualSlots).map(
    (s) => ({ ...s, decision: null, note: null }),
  );
  for (const [person, decision] of withdrawn) {
    const unit = unitOfPerson.get(person) as RankedUnit;
    issues.push(
      appliedIssue(
        decision,
        `rút đề nghị cá nhân “${person.name}” (${decision.reason})`,
        `withdraw “${person.name}” (${decision.reason})`,
      ),
    );
    selected.push({
      nominee: person,
      unit: unit.unit,
      unitRank: unit.rank,
      status: "reserve",
      decision: applied(decision),
      note: {
        vi: `Hội đồng rút đề nghị: ${decision.reason} (${placeText(decision.source)})`,
        en: `Withdrawn by the council: ${decision.reason} (${placeText(decision.source)})`,
      },
    });
  }

  // Choices: a person the council prefers within a unit takes the unit's place; a choice among
  // the units tied at the last slot settles that tie.
  const tieOpen = (list: readonly DecidedIndividual[]) => {
    const size = list.filter((s) => s.status === "tie").length;
    const taken = list.filter((s) => s.status === "candidate").length;
    return size > 0 ? { size, open: individualSlots - taken } : null;
  };
  const tieBefore = tieOpen(selected);
  const tieChoices: Resolved<Nominee>[] = [];
  for (const d of decisions.filter((x) => x.decision.kind === "choose")) {
    const unit = unitOfPerson.get(d.target) as RankedUnit;
    const pickIndex = selected.findIndex(
      (s) => s.unit === unit.unit && s.status !== "reserve" && !s.decision,
    );
    const recordedTie = (d.decision.basis.tieSize ?? 0) > 0;
    if (pickIndex < 0) {
      const words = statusWords(unit.rank, rankedCount, INDIVIDUAL_STATUS.reserve);
      issues.push(
        makeIssue("DECISION_NO_TIE", d.decision.source, {
          unit: d.decision.person,
          statusVi: `đơn vị ${words.vi}`,
          statusEn: `unit ${words.en}`,
        }),
      );
      continue;
    }
    const pick = selected[pickIndex];
    const tie = pick.status === "tie" ? tieBefore : null;
    if (recordedTie && pick.status !== "tie") {
      const words = statusWords(unit.rank, rankedCount, INDIVIDUAL_STATUS.candidate);
      issues.push(
        makeIssue("DECISION_NO_TIE", d.decision.source, {
          unit: d.decision.person,
          statusVi: `đơn vị ${words.vi}`,
          statusEn: `unit ${words.en}`,
        }),
      );
      continue;
    }
    const changes = basisChanges(d.decision.basis, unit.unit, unit.rank, tie);
    if (changes) {
      issues.push(
        makeIssue("DECISION_BASIS_CHANGED", d.decision.source, {
          unit: d.decision.person,
          changes: changes.vi,
          changesEn: changes.en,
        }),
      );
      continue;
    }
    if (pick.status === "tie") tieChoices.push(d);
    else selected = swapInto(selected, pickIndex, d, issues);
  }
  if (tieChoices.length === 0 || !tieBefore) return selected;
  if (tieChoices.length > tieBefore.open) {
    issues.push(
      makeIssue("DECISION_TOO_MANY", tieChoices[0].decision.source, {
        year,
        bloc,
        count: tieChoices.length,
        open: tieBefore.open,
        recipient: "cá nhân",
        recipientEn: "individuals",
      }),
    );
    return selected;
  }
  for (const choice of tieChoices) {
    const unit = unitOfPerson.get(choice.target) as RankedUnit;
    const index = selected.findIndex((s) => s.unit === unit.unit && s.status === "tie");
    selected = swapInto(selected, index, choice, issues, "candidate");
  }
  const complete = tieChoices.length === tieBefore.open;
  const sources = tieChoices.map((c) => placeText(c.decision.source)).join(", ");
  return selected.map((s) => {
    if (s.status !== "tie") return s;
    if (complete) {
      return {
        ...s,
        status: "reserve",
        note: {
          vi: `Dự phòng: đơn vị bằng điểm ở suất cuối, Hội đồng chọn cá nhân khác (${sources})`,
          en: `Reserve: the unit tied at the last slot, the council chose another person (${sources})`,
        },
      };
    }
    return s;
  });
}

/**
 * Puts the chosen person in the place of a unit's pick (the pick becomes a reserve), with the
 * status given (a tie choice becomes a candidate) or the pick's own.
 */
function swapInto(
  selected: readonly DecidedIndividual[],
  index: number,
  choice: Resolved<Nominee>,
  issues: Issue[],
  status?: IndividualSelection["status"],
): DecidedIndividual[] {
  const pick = selected[index];
  const person = choice.target;
  const decision = choice.decision;
  const others = selected.filter((s, i) => i !== index && s.nominee !== person);
  const replaced = pick.nominee !== person;
  issues.push(
    appliedIssue(
      decision,
      `chọn cá nhân “${person.name}” của “${decision.unit}”`,
      `choose “${person.name}” of “${decision.unit}”`,
    ),
  );
  const chosen: DecidedIndividual = {
    nominee: person,
    unit: pick.unit,
    unitRank: pick.unitRank,
    status: status ?? pick.status,
    decision: applied(decision),
    note: {
      vi: `Hội đồng chọn (${placeText(decision.source)})${replaced ? `, thay cho ${pick.nominee.name}` : ""}`,
      en: `Chosen by the council (${placeText(decision.source)})${replaced ? `, instead of ${pick.nominee.name}` : ""}`,
    },
  };
  const result = [...others.slice(0, index), chosen, ...others.slice(index)];
  if (replaced) {
    result.push({
      nominee: pick.nominee,
      unit: pick.unit,
      unitRank: pick.unitRank,
      status: "reserve",
      decision: null,
      note: {
        vi: `Dự phòng: Hội đồng chọn ${person.name} (${placeText(decision.source)})`,
        en: `Reserve: the council chose ${person.name} (${placeText(decision.source)})`,
      },
    });
  }
  return result;
}

/**
 * Selects the collectives and individuals of one bloc and year as the rules do, then applies the
 * council's decisions that still fit the data: withdrawals first (the next unit or person moves
 * up, which may open a new tie), then choices among those tied at the last slot, and a person
 * chosen within a unit. Every decision either changes the outcome (and says so on its row) or is
 * reported at its cell with the reason it no longer fits.
 *
 * @example
 * decideBloc({ year: 2024, bloc: 3, ranked, nomineesByUnit: new Map(), collectiveSlots: 3,
 *   individualSlots: 3, individualsAllowed: true, decisions: [chooseCaiKhe] })
 *   .collectives.find((c) => c.ranked.unit.name === "UBND phường Cái Khế")?.status //=> "candidate"
 */
export function decideBloc(input: BlocDecisionInput): DecidedBloc {
  if (input.decisions.length === 0) {
    // The common case selects once, exactly as the rules do.
    const plain = { decision: null, note: null };
    return {
      collectives: selectCollectiveAwards(input.ranked, input.collectiveSlots).map((s) => ({
        ...s,
        ...plain,
      })),
      individuals: input.individualsAllowed
        ? selectIndividualAwards(input.ranked, input.nomineesByUnit, input.individualSlots).map(
            (s) => ({ ...s, ...plain }),
          )
        : [],
      issues: [],
    };
  }
  const issues: Issue[] = [];
  const collectives = decideCollectives(input, issues);
  const individuals = decideIndividuals(input, issues);
  return { collectives, individuals, issues };
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
