/**
 * The candidate sheets as data. Both writers (ExcelJS for the command line, Office.js for the
 * add-in) render these models and nothing else, so the sheet an officer reads is the same
 * whichever door produced it, and every decision on it is explained on the sheet itself.
 */
import { cellKey } from "./cells";
import { decisionLabel } from "./decisions";
import type { Issue } from "./issues";
import { roleLabel, tableSummary } from "./readingReport";
import { roundLine } from "./reviewRound";
import { BLOC_SHORT_NAMES, PLAN_REFERENCE } from "./rules";
import type {
  CellRef,
  AwardResult,
  AwardYear,
  BlocResult,
  ColumnFormat,
  DetectedTable,
  IndividualResult,
  IndividualStatus,
  Lang,
  RowStyle,
  Severity,
  SheetColumn,
  SheetModel,
  SheetRow,
  SheetTable,
  SheetText,
  UnitResult,
  UnitStatus,
  YearResult,
} from "./types";
import { LANGS } from "./types";

/**
 * The name of the candidate sheet of a year.
 *
 * @example
 * candidateSheetName(2023, "vi") //=> "Đề xuất khen thưởng 2023"
 * candidateSheetName(2023, "en") //=> "Award candidates 2023"
 */
export function candidateSheetName(year: AwardYear, lang: Lang): string {
  return lang === "vi" ? `Đề xuất khen thưởng ${year}` : `Award candidates ${year}`;
}

/**
 * The name of the data-check sheet.
 *
 * @example
 * dataCheckSheetName("vi") //=> "Kiểm tra dữ liệu"
 */
export function dataCheckSheetName(lang: Lang): string {
  return lang === "vi" ? "Kiểm tra dữ liệu" : "Data check";
}

/** The title the data-check sheet starts with (its cell A1). */
export function dataCheckTitle(lang: Lang): string {
  return lang === "vi" ? "KIỂM TRA DỮ LIỆU" : "DATA CHECK";
}

type Words = Readonly<Record<Lang, string>>;

const STATUS_LABELS: Readonly<Record<UnitStatus, Words>> = {
  candidate: { vi: "Đề xuất", en: "Candidate" },
  tie: { vi: "Bằng điểm – Hội đồng xét", en: "Tie – council decides" },
  "not-selected": { vi: "Không đề xuất", en: "Not selected" },
  excluded: { vi: "Không xét", en: "Excluded" },
  invalid: { vi: "Không hợp lệ", en: "Invalid" },
};

const SEVERITY_LABELS: Readonly<Record<Severity, Words>> = {
  error: { vi: "Lỗi", en: "Error" },
  warning: { vi: "Cảnh báo", en: "Warning" },
  info: { vi: "Thông tin", en: "Info" },
};

const SEVERITY_STYLES: Readonly<Record<Severity, RowStyle>> = {
  error: "invalid",
  warning: "tie",
  info: "plain",
};

function column(header: string, width: number, format: ColumnFormat): SheetColumn {
  return { header, width, format };
}

const UNIT_COLUMNS: Readonly<Record<Lang, readonly SheetColumn[]>> = {
  vi: [
    column("STT", 6, "integer"),
    column("Hạng", 7, "integer"),
    column("Đơn vị", 42, "text"),
    column("Điểm", 10, "number"),
    column("Điểm tối đa", 12, "number"),
    column("Tỷ lệ", 10, "percent"),
    column("Kết quả", 24, "text"),
    column("Cá nhân được chọn", 26, "text"),
    column("Chức vụ", 20, "text"),
    column("Tiền thưởng tập thể (đồng)", 16, "vnd"),
    column("Tiền thưởng cá nhân (đồng)", 16, "vnd"),
    column("Lý do", 52, "text"),
    column("Nguồn", 18, "text"),
  ],
  en: [
    column("No.", 6, "integer"),
    column("Rank", 7, "integer"),
    column("Unit", 42, "text"),
    column("Score", 10, "number"),
    column("Max score", 12, "number"),
    column("Ratio", 10, "percent"),
    column("Result", 24, "text"),
    column("Chosen individual", 26, "text"),
    column("Title", 20, "text"),
    column("Collective prize (VND)", 16, "vnd"),
    column("Individual prize (VND)", 16, "vnd"),
    column("Reason", 52, "text"),
    column("Source", 18, "text"),
  ],
};
const SOURCE_COLUMN = 12;

// The totals and individuals tables sit under the bloc tables, in the same columns: each of their
// columns is placed where the bloc tables' column width suits it (names under "Đơn vị"), so that
// one set of column widths serves the whole sheet.
const TOTAL_COLUMNS: Readonly<Record<Lang, readonly SheetColumn[]>> = {
  vi: [
    column("Khối", 6, "integer"),
    column("Suất tập thể", 7, "integer"),
    column("Tên khối", 42, "text"),
    column("Đề xuất tập thể", 10, "integer"),
    column("Bằng điểm tập thể", 12, "integer"),
    column("Suất cá nhân", 10, "integer"),
    column("Đề xuất cá nhân", 24, "integer"),
    column("Bằng điểm cá nhân", 26, "integer"),
    column("Tiền thưởng dự kiến (đồng)", 20, "vnd"),
  ],
  en: [
    column("Bloc", 6, "integer"),
    column("Collective slots", 7, "integer"),
    column("Bloc name", 42, "text"),
    column("Collectives proposed", 10, "integer"),
    column("Collective ties", 12, "integer"),
    column("Individual slots", 10, "integer"),
    column("Individuals proposed", 24, "integer"),
    column("Individual ties", 26, "integer"),
    column("Expected prize money (VND)", 20, "vnd"),
  ],
};

const INDIVIDUAL_COLUMNS: Readonly<Record<Lang, readonly SheetColumn[]>> = {
  vi: [
    column("STT", 6, "integer"),
    column("Khối", 7, "integer"),
    column("Họ và tên", 42, "text"),
    column("Hạng đơn vị", 10, "integer"),
    column("Trực tiếp thực hiện", 12, "text"),
    column("Năm", 10, "integer"),
    column("Kết quả", 24, "text"),
    column("Đơn vị", 26, "text"),
    column("Chức vụ", 20, "text"),
    column("Nguồn", 16, "text"),
    column("Tiền thưởng (đồng)", 16, "vnd"),
    column("Lý do", 52, "text"),
  ],
  en: [
    column("No.", 6, "integer"),
    column("Bloc", 7, "integer"),
    column("Full name", 42, "text"),
    column("Unit rank", 10, "integer"),
    column("Does the work directly", 12, "text"),
    column("Year", 10, "integer"),
    column("Result", 24, "text"),
    column("Unit", 26, "text"),
    column("Title", 20, "text"),
    column("Source", 16, "text"),
    column("Prize (VND)", 16, "vnd"),
    column("Reason", 52, "text"),
  ],
};
const INDIVIDUAL_SOURCE_COLUMN = 9;

const INDIVIDUAL_LABELS: Readonly<Record<IndividualStatus, Words>> = {
  candidate: { vi: "Đề xuất", en: "Candidate" },
  tie: { vi: "Bằng điểm – Hội đồng xét", en: "Tie – council decides" },
  reserve: { vi: "Dự phòng", en: "Reserve" },
};

const INDIVIDUAL_STYLES: Readonly<Record<IndividualStatus, RowStyle>> = {
  candidate: "candidate",
  tie: "tie",
  reserve: "not-selected",
};

const ISSUE_COLUMNS: Readonly<Record<Lang, readonly SheetColumn[]>> = {
  vi: [
    column("STT", 6, "integer"),
    column("Mức độ", 12, "text"),
    column("Mã", 24, "text"),
    column("Trang tính", 24, "text"),
    column("Ô", 8, "text"),
    column("Nội dung", 100, "text"),
  ],
  en: [
    column("No.", 6, "integer"),
    column("Severity", 12, "text"),
    column("Code", 24, "text"),
    column("Sheet", 24, "text"),
    column("Cell", 8, "text"),
    column("Message", 100, "text"),
  ],
};
const ISSUE_LINK_COLUMN = 4;

const READING_COLUMNS: Readonly<Record<Lang, readonly SheetColumn[]>> = {
  vi: [
    column("Trang tính", 22, "text"),
    column("Vùng bảng", 12, "text"),
    column("Nội dung", 16, "text"),
    column("Cột", 6, "text"),
    column("Tiêu đề cột", 30, "text"),
    column("Cách đọc và lý do", 90, "text"),
  ],
  en: [
    column("Sheet", 22, "text"),
    column("Table", 12, "text"),
    column("What", 16, "text"),
    column("Column", 6, "text"),
    column("Header", 30, "text"),
    column("How it was read, and why", 90, "text"),
  ],
};

/**
 * True for the header row of the candidate sheet's table of individuals (in either language), as
 * a reader finds it: the tool's own table is not an officer's list of nominees.
 */
export function isIndividualTableHeader(texts: readonly string[]): boolean {
  return LANGS.some((lang) => INDIVIDUAL_COLUMNS[lang].every((c, i) => texts[i] === c.header));
}

/** 1.800.000 (vi) or 1,800,000 (en): prize amounts in running text. */
function formatVnd(vnd: number, lang: Lang): string {
  return String(vnd).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "vi" ? "." : ",");
}

/** 2024-03-31 → 31/03/2024 in Vietnamese text. */
function formatDate(date: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return lang === "vi" && match ? `${match[3]}/${match[2]}/${match[1]}` : date;
}

function titleLines(result: AwardResult, year: AwardYear, lang: Lang): string[] {
  const prize = result.prize;
  if (lang === "vi") {
    const title = `DANH SÁCH ĐỀ XUẤT KHEN THƯỞNG NĂM ${year} – PHONG TRÀO THI ĐUA “CHUYỂN ĐỔI SỐ ĐẾN NĂM 2025”`;
    const basis = prize
      ? `Căn cứ ${PLAN_REFERENCE}. Ngày quyết định khen thưởng ${formatDate(prize.decisionDate, lang)}: mức thưởng theo ${prize.regimeReference}; lương cơ sở ${formatVnd(prize.baseSalaryVnd, lang)} đồng (${prize.baseSalaryReference}).`
      : `Căn cứ ${PLAN_REFERENCE}. Ngày quyết định nằm ngoài bảng mức thưởng: chưa tính tiền thưởng.`;
    const amounts = prize
      ? `Bằng khen của Chủ tịch UBND thành phố: tập thể ${formatVnd(prize.bangKhenCollectiveVnd, lang)} đồng, cá nhân ${formatVnd(prize.bangKhenIndividualVnd, lang)} đồng. Đơn vị bằng điểm ở suất cuối do Hội đồng thi đua – khen thưởng xét chọn.`
      : "Đơn vị bằng điểm ở suất cuối do Hội đồng thi đua – khen thưởng xét chọn.";
    return [title, basis, amounts];
  }
  const title = `AWARD CANDIDATES ${year} – EMULATION MOVEMENT “DIGITAL TRANSFORMATION BY 2025”`;
  const plan = "Plan 140/KH-UBND of 22 June 2022 of the Can Tho City People's Committee";
  const basis = prize
    ? `Basis: ${plan}. Award decision date ${prize.decisionDate}: prizes under ${prize.regimeReference}; base salary ${formatVnd(prize.baseSalaryVnd, lang)} VND (${prize.baseSalaryReference}).`
    : `Basis: ${plan}. The decision date is outside the prize tables: no prize money is computed.`;
  const amounts = prize
    ? `City Chairman's Certificate of Merit: collective ${formatVnd(prize.bangKhenCollectiveVnd, lang)} VND, individual ${formatVnd(prize.bangKhenIndividualVnd, lang)} VND. Units tied at the last slot are for the emulation and commendation council to decide.`
    : "Units tied at the last slot are for the emulation and commendation council to decide.";
  return [title, basis, amounts];
}

function sectionText(bloc: BlocResult, lang: Lang): string {
  const name = BLOC_SHORT_NAMES[bloc.bloc][lang].toUpperCase();
  const c = bloc.collectiveSlots;
  const i = bloc.individualSlots;
  const slots =
    lang === "vi"
      ? `${c} suất tập thể, ${i > 0 ? `${i} suất cá nhân` : "không có suất cá nhân"}`
      : `${c} collective slot${c === 1 ? "" : "s"}, ${i > 0 ? `${i} individual slot${i === 1 ? "" : "s"}` : "no individual slot"}`;
  const empty = bloc.empty ? (lang === "vi" ? " – không có đơn vị" : " – no units") : "";
  return `${name}: ${slots}${empty}`;
}

/**
 * Writes units' cells as the sheet shows them ("DTI 2023!B15"), the sheet's part made once for a
 * run of units of one sheet: a table may hold 100,000 of them.
 */
function placeWriter(): (ref: CellRef) => string {
  let sheet: string | null = null;
  let prefix = "";
  return (ref) => {
    if (ref.sheet !== sheet) {
      sheet = ref.sheet;
      prefix = `${ref.sheet}!`;
    }
    return prefix + ref.cell;
  };
}

function unitRow(
  unit: UnitResult,
  index: number,
  chosen: IndividualResult | undefined,
  shownName: string,
  place: string,
  lang: Lang,
): SheetRow {
  return {
    values: [
      index + 1,
      unit.rank,
      shownName,
      unit.score,
      unit.maxScore,
      unit.ratio,
      unit.decision ? decisionLabel(unit.decision, lang) : STATUS_LABELS[unit.status][lang],
      chosen ? chosen.name : null,
      chosen ? chosen.title : null,
      unit.prizeVnd,
      chosen ? chosen.prizeVnd : null,
      unit.reason[lang],
      place,
    ],
    style: unit.status,
    link: unit.source,
  };
}

/** The chosen (candidate or tie) individual of each unit of a bloc, by the unit's name cell. */
function chosenByUnit(bloc: BlocResult): ReadonlyMap<string, IndividualResult> {
  const chosen = new Map<string, IndividualResult>();
  for (const person of bloc.individuals) {
    const key = cellKey(person.unitSource);
    if (person.status !== "reserve" && !chosen.has(key)) chosen.set(key, person);
  }
  return chosen;
}

const asWritten = (name: string): string => name;

/**
 * A unit's name as the sheet shows it: with its group ("… (Huyện Cờ Đỏ)") only when another unit of
 * the bloc has the same name, so that the two rows can be told apart. A bloc without groups (most
 * of them) shows every name as written, without counting names.
 */
function namer(bloc: BlocResult): (name: string, group: string) => string {
  if (!bloc.units.some((u) => u.group !== "")) return asWritten;
  const seen = new Map<string, number>();
  for (const u of bloc.units) seen.set(u.name, (seen.get(u.name) ?? 0) + 1);
  return (name, group) => ((seen.get(name) ?? 0) > 1 && group !== "" ? `${name} (${group})` : name);
}

interface BlocTotals {
  readonly collectiveProposed: number;
  readonly collectiveTies: number;
  readonly individualProposed: number;
  readonly individualTies: number;
  readonly prizeVnd: number | null;
}

/** Money the proposals cost if the council fills every tied slot. */
function blocTotals(bloc: BlocResult, result: AwardResult): BlocTotals {
  let collectiveProposed = 0;
  let collectiveTies = 0;
  let tiedUnit: UnitResult | undefined;
  for (let i = 0; i < bloc.units.length; i += 1) {
    const u = bloc.units[i];
    if (u.status === "candidate") collectiveProposed += 1;
    else if (u.status === "tie") {
      collectiveTies += 1;
      tiedUnit ??= u;
    }
  }
  const individualProposed = bloc.individuals.filter((p) => p.status === "candidate").length;
  const individualTies = bloc.individuals.filter((p) => p.status === "tie").length;
  const individualOpen = Math.max(0, bloc.individualSlots - individualProposed);
  const prize = result.prize;
  const prizeVnd = prize
    ? (collectiveProposed + (tiedUnit?.tie?.open ?? 0)) * prize.bangKhenCollectiveVnd +
      (individualProposed + Math.min(individualTies, individualOpen)) * prize.bangKhenIndividualVnd
    : null;
  return { collectiveProposed, collectiveTies, individualProposed, individualTies, prizeVnd };
}

function totalsTable(
  year: YearResult,
  result: AwardResult,
  lang: Lang,
  startRow: number,
  name: string,
): SheetTable {
  const rows: SheetRow[] = [];
  const sums = [0, 0, 0, 0, 0, 0];
  let prizeSum: number | null = result.prize ? 0 : null;
  for (const bloc of year.blocs) {
    const t = blocTotals(bloc, result);
    const counts = [
      bloc.collectiveSlots,
      t.collectiveProposed,
      t.collectiveTies,
      bloc.individualSlots,
      t.individualProposed,
      t.individualTies,
    ];
    counts.forEach((n, i) => (sums[i] += n));
    if (prizeSum !== null && t.prizeVnd !== null) prizeSum += t.prizeVnd;
    rows.push({
      values: [
        bloc.bloc,
        counts[0],
        BLOC_SHORT_NAMES[bloc.bloc][lang],
        ...counts.slice(1),
        t.prizeVnd,
      ],
      style: "plain",
      link: null,
    });
  }
  rows.push({
    values: [null, sums[0], lang === "vi" ? "Tổng cộng" : "Total", ...sums.slice(1), prizeSum],
    style: "plain",
    link: null,
  });
  return { name, startRow, columns: TOTAL_COLUMNS[lang], rows, linkColumn: null, totalRow: true };
}

function individualRows(year: YearResult, lang: Lang): SheetRow[] {
  const rows: SheetRow[] = [];
  for (const bloc of year.blocs) {
    if (bloc.individuals.length === 0) continue;
    const shown = namer(bloc);
    for (const person of bloc.individuals) {
      rows.push({
        values: [
          rows.length + 1,
          bloc.bloc,
          person.name,
          person.unitRank,
          person.direct ? "x" : "",
          year.year,
          person.decision
            ? decisionLabel(person.decision, lang)
            : person.confirm && person.status !== "reserve"
              ? `${INDIVIDUAL_LABELS[person.status][lang]} – ${lang === "vi" ? "cần xác nhận đơn vị" : "unit to confirm"}`
              : INDIVIDUAL_LABELS[person.status][lang],
          shown(person.unit, person.unitGroup),
          person.title,
          `${person.source.sheet}!${person.source.cell}`,
          person.prizeVnd,
          person.reason[lang],
        ],
        // A person matched to the unit by a loose spelling is shown as one to confirm, like a tie.
        style:
          person.confirm && person.status === "candidate"
            ? "tie"
            : INDIVIDUAL_STYLES[person.status],
        link: person.source,
      });
    }
  }
  return rows;
}

/** Widest width per column over the tables, from column A. */
function columnWidthsOf(tables: readonly SheetTable[]): number[] {
  const widths: number[] = [];
  for (const table of tables) {
    table.columns.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, c.width);
    });
  }
  return widths;
}

function tableNames(
  year: AwardYear,
  lang: Lang,
): { bloc: (b: number) => string; totals: string; individuals: string } {
  const prefix = lang === "vi" ? `DeXuat${year}` : `Candidates${year}`;
  return {
    bloc: (b) => `${prefix}_${lang === "vi" ? "Khoi" : "Bloc"}${b}`,
    totals: `${prefix}_${lang === "vi" ? "TongHop" : "Totals"}`,
    individuals: `${prefix}_${lang === "vi" ? "CaNhan" : "Individuals"}`,
  };
}

function candidateSheet(result: AwardResult, year: YearResult, lang: Lang): SheetModel {
  const texts: SheetText[] = [];
  const tables: SheetTable[] = [];
  const names = tableNames(year.year, lang);
  const round = roundLine(year.year, year.round ?? year.year, lang);
  const lines = titleLines(result, year.year, lang);
  if (round) lines.splice(1, 0, round);
  lines.forEach((text, i) =>
    texts.push({ row: i, text, style: i === 0 ? "title" : i === 1 ? "subtitle" : "note" }),
  );
  let row = lines.length + 1;
  for (const bloc of year.blocs) {
    texts.push({ row, text: sectionText(bloc, lang), style: "section" });
    row += 1;
    if (bloc.units.length > 0) {
      const chosen = chosenByUnit(bloc);
      const shown = namer(bloc);
      const placeOf = placeWriter();
      const rows = new Array<SheetRow>(bloc.units.length);
      for (let i = 0; i < rows.length; i += 1) {
        const u = bloc.units[i];
        const person = u.chosenIndividual ? chosen.get(cellKey(u.source)) : undefined;
        rows[i] = unitRow(u, i, person, shown(u.name, u.group), placeOf(u.source), lang);
      }
      tables.push({
        name: names.bloc(bloc.bloc),
        startRow: row,
        columns: UNIT_COLUMNS[lang],
        rows,
        linkColumn: SOURCE_COLUMN,
        totalRow: false,
      });
      row += rows.length + 1;
    }
    row += 1;
  }
  texts.push({
    row,
    text: lang === "vi" ? "TỔNG HỢP THEO KHỐI" : "TOTALS BY BLOC",
    style: "section",
  });
  const totals = totalsTable(year, result, lang, row + 1, names.totals);
  tables.push(totals);
  row = totals.startRow + totals.rows.length + 2;
  const people = individualRows(year, lang);
  if (people.length > 0) {
    texts.push({
      row,
      text:
        lang === "vi"
          ? "CÁ NHÂN ĐƯỢC ĐỀ XUẤT (mỗi đơn vị một người, theo thứ hạng của đơn vị)"
          : "INDIVIDUALS PROPOSED (one person per unit, by the unit's rank)",
      style: "section",
    });
    tables.push({
      name: names.individuals,
      startRow: row + 1,
      columns: INDIVIDUAL_COLUMNS[lang],
      rows: people,
      linkColumn: INDIVIDUAL_SOURCE_COLUMN,
      totalRow: false,
    });
  }
  return {
    kind: "candidates",
    year: year.year,
    name: candidateSheetName(year.year, lang),
    texts,
    tables,
    freezeRows: tables[0].startRow + 1,
    columnWidths: columnWidthsOf(tables),
  };
}

function issueRow(issue: Issue, index: number, lang: Lang): SheetRow {
  return {
    values: [
      index + 1,
      SEVERITY_LABELS[issue.severity][lang],
      issue.code,
      issue.sheet,
      issue.cell,
      issue.message[lang],
    ],
    style: SEVERITY_STYLES[issue.severity],
    link:
      issue.sheet !== null && issue.cell !== null ? { sheet: issue.sheet, cell: issue.cell } : null,
  };
}

/** The reading report of one table: its summary, one row per column read, one per note. */
function readingRows(table: DetectedTable, lang: Lang): SheetRow[] {
  const headerCell = (letter: string): CellRef => ({
    sheet: table.sheet,
    cell: `${letter}${table.headerRow}`,
  });
  const first = /^[A-Z]+/.exec(table.range)?.[0] ?? "A";
  const style: RowStyle = table.refused ? "invalid" : "plain";
  const kind =
    table.kind === "scores" ? { vi: "Bảng điểm", en: "Scores" } : { vi: "Cá nhân", en: "Nominees" };
  return [
    {
      values: [table.sheet, table.range, kind[lang], null, null, tableSummary(table, lang)],
      style,
      link: headerCell(first),
    },
    ...table.readings.map((r): SheetRow => ({
      values: [table.sheet, table.range, roleLabel(r.role, lang), r.column, r.header, r.why[lang]],
      style,
      link: headerCell(r.column),
    })),
    ...table.notes.map((n): SheetRow => ({
      values: [table.sheet, table.range, lang === "vi" ? "Ghi chú" : "Note", null, null, n[lang]],
      style,
      link: null,
    })),
  ];
}

function countSummary(issues: readonly Issue[], lang: Lang): string {
  const count = (s: Severity) => issues.filter((i) => i.severity === s).length;
  return lang === "vi"
    ? `${count("error")} lỗi, ${count("warning")} cảnh báo, ${count("info")} thông tin. Bấm vào ô trong cột “Ô” để đến ô có vấn đề.`
    : `${count("error")} error(s), ${count("warning")} warning(s), ${count("info")} info(s). Click a cell of the “Cell” column to go to the cell concerned.`;
}

function dataCheckSheet(result: AwardResult, lang: Lang): SheetModel {
  const texts: SheetText[] = [
    {
      row: 0,
      text: dataCheckTitle(lang),
      style: "title",
    },
    { row: 1, text: countSummary(result.issues, lang), style: "subtitle" },
  ];
  const tables: SheetTable[] = [];
  let row = 3;
  if (result.issues.length > 0) {
    tables.push({
      name: lang === "vi" ? "KiemTraDuLieu" : "DataCheck",
      startRow: row,
      columns: ISSUE_COLUMNS[lang],
      rows: result.issues.map((issue, i) => issueRow(issue, i, lang)),
      linkColumn: ISSUE_LINK_COLUMN,
      totalRow: false,
    });
    row += result.issues.length + 2;
  } else {
    texts.push({
      row,
      text: lang === "vi" ? "Không phát hiện vấn đề nào." : "No problem found.",
      style: "note",
    });
    row += 2;
  }
  if (result.unplaced.length > 0) {
    texts.push({
      row,
      text:
        lang === "vi"
          ? "Các dòng không xếp được vào khối và năm (lý do ở các lỗi trên):"
          : "Rows that could not be placed in a bloc and year (see the errors above):",
      style: "section",
    });
    row += 1;
    for (const unplaced of result.unplaced) {
      const where = `${unplaced.source.sheet}!${unplaced.source.cell}`;
      texts.push({
        row,
        text: `“${unplaced.name}” (${where}): ${unplaced.issueCodes.join(", ")}`,
        style: "note",
      });
      row += 1;
    }
    row += 1;
  }
  if (result.tables.length > 0) {
    texts.push({
      row,
      text:
        lang === "vi"
          ? "CÁCH ĐỌC CÁC BẢNG (kiểm tra cột nào được lấy cho tên, điểm, điểm tối đa, tỷ lệ, khối)"
          : "HOW THE TABLES WERE READ (check which column was taken for name, score, max, ratio, bloc)",
      style: "section",
    });
    tables.push({
      name: lang === "vi" ? "CachDocBang" : "TableReading",
      startRow: row + 1,
      columns: READING_COLUMNS[lang],
      rows: result.tables.flatMap((t) => readingRows(t, lang)),
      linkColumn: 0,
      totalRow: false,
    });
  }
  return {
    kind: "data-check",
    year: null,
    name: dataCheckSheetName(lang),
    texts,
    tables,
    freezeRows: tables.length > 0 && result.issues.length > 0 ? tables[0].startRow + 1 : 0,
    columnWidths: columnWidthsOf(tables),
  };
}

/**
 * The sheets to write for a result: one candidate sheet per year (title, legal basis, one table
 * per bloc, a totals table, then the individuals with their status when there are any), then
 * the data-check sheet (every issue, linked to its cell).
 *
 * @example
 * buildCandidateSheets(result, "vi").map((s) => s.name)
 * //=> ["Đề xuất khen thưởng 2023", "Kiểm tra dữ liệu"]
 */
export function buildCandidateSheets(result: AwardResult, lang: Lang): SheetModel[] {
  return [
    ...result.years.map((year) => candidateSheet(result, year, lang)),
    dataCheckSheet(result, lang),
  ];
}
