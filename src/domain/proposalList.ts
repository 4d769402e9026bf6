/**
 * The official proposal list (danh sách đề nghị khen thưởng) as the Emulation and Commendation
 * Board receives it: the heading block of a Department of Can Tho City, the national name and
 * motto, the title, "I. Tập thể" and "II. Cá nhân" with one line per award (name, position, unit,
 * a short achievement summary built from the data, the award form), the budget line, and the
 * signature. Built as data here; the sheet writers and the .docx writer render it.
 *
 * Only decided awards are listed. Slots still tied for the council are stated under their
 * section and the list is marked as a draft, so that a list with an open tie can never pass for
 * the final one.
 */
import { budgetOf, budgetSentence, formatVnd, type Budget, type YearBudget } from "./budget";
import {
  DECREE_30_MARGINS,
  DOCUMENT_FONT,
  PrintSheetBuilder,
  type PrintSheetModel,
  type PrintStyle,
} from "./printSheet";
import { roundName } from "./reviewRound";
import { MOVEMENT_NAME } from "./rules";
import type {
  AwardResult,
  AwardYear,
  Bloc,
  BlocResult,
  CellRef,
  IndividualResult,
  Lang,
  UnitResult,
  YearResult,
} from "./types";
import { LANGS } from "./types";

/** The award form every line of the list proposes (Plan 140, section III.2.a). */
export const AWARD_FORM: Readonly<Record<Lang, string>> = {
  vi: "Bằng khen của Chủ tịch UBND thành phố",
  en: "Certificate of Merit of the City Chairman",
};

/** Who submits the list: the Department that aggregates and selects (Plan 140, section IV.2). */
export interface Submitter {
  /** The governing body, upper case: "UBND THÀNH PHỐ CẦN THƠ". */
  readonly parent: string;
  /** The Department, upper case: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG". */
  readonly agency: string;
  /** The Department as written in running text: "Sở Thông tin và Truyền thông". */
  readonly agencyName: string;
  /** Its abbreviation in document symbols: "STTTT". */
  readonly short: string;
  /** Who signs: "GIÁM ĐỐC". */
  readonly signer: string;
  /** The place in the date line: "Cần Thơ". */
  readonly place: string;
}

/**
 * The abbreviation of an agency name in document symbols: the initials of its words, "và"
 * left out.
 *
 * @example
 * agencyShort("SỞ THÔNG TIN VÀ TRUYỀN THÔNG") //=> "STTTT"
 * agencyShort("Sở Khoa học và Công nghệ") //=> "SKHCN"
 */
export function agencyShort(agency: string): string {
  return agency
    .normalize("NFC")
    .split(/[\s,]+/)
    .filter((w) => w !== "" && w.toLowerCase() !== "và")
    .map((w) => w[0].toUpperCase())
    .join("")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC");
}

/**
 * The submitter named in the plan, or another Department written as in running text (after the
 * 2025 merger the Department of Information and Communications became part of the Department of
 * Science and Technology).
 *
 * @example
 * submitter().agency //=> "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
 * submitter("Sở Khoa học và Công nghệ").short //=> "SKHCN"
 */
export function submitter(agency = "Sở Thông tin và Truyền thông"): Submitter {
  const name = agency.normalize("NFC").replace(/\s+/g, " ").trim();
  return {
    parent: "UBND THÀNH PHỐ CẦN THƠ",
    agency: name.toUpperCase(),
    agencyName: name,
    short: agencyShort(name),
    signer: "GIÁM ĐỐC",
    place: "Cần Thơ",
  };
}

export interface ProposalEntry {
  /** Number within its section, from 1. */
  readonly no: number;
  /** The collective (the unit) or the person. */
  readonly name: string;
  /** The person's position; "" for a collective. */
  readonly position: string;
  /** The person's unit; for a collective, its district when it has one. */
  readonly unit: string;
  readonly achievement: string;
  readonly form: string;
  readonly bloc: Bloc;
  readonly prizeVnd: number | null;
  /** Where the line comes from (the unit's name cell, or the nominee's row). */
  readonly source: CellRef;
}

/** Slots of a bloc still tied, waiting for the council. */
export interface PendingTie {
  readonly bloc: Bloc;
  readonly recipient: "collective" | "individual";
  readonly open: number;
  readonly names: readonly string[];
}

export interface ProposalList {
  readonly lang: Lang;
  readonly year: AwardYear;
  readonly round: AwardYear;
  /** The year the documents are dated: the decision date's, else the round's. */
  readonly documentYear: number;
  readonly submitter: Submitter;
  readonly title: string;
  readonly subtitle: string;
  /** "(Kèm theo Tờ trình số …)". */
  readonly attachment: string;
  readonly collectives: readonly ProposalEntry[];
  readonly individuals: readonly ProposalEntry[];
  readonly pending: readonly PendingTie[];
  readonly budget: YearBudget;
  readonly budgetBasis: string;
  readonly budgetText: string;
  /** True while a tie waits for the council: the list is a draft. */
  readonly draft: boolean;
}

function percent(value: number, lang: Lang): string {
  const text = (value * 100).toFixed(2);
  return `${lang === "vi" ? text.replace(".", ",") : text}%`;
}

/**
 * A score as the list writes it, to four decimals: an index value such as 0.9483 must not read as
 * the 0.95 of the unit ranked below it.
 */
function scoreText(value: number, lang: Lang): string {
  const text = String(Math.round(value * 10000) / 10000);
  return lang === "vi" ? text.replace(".", ",") : text;
}

/** The bloc as a line of the list names it: short, with its members. */
const BLOC_LABELS: Readonly<Record<Bloc, Readonly<Record<Lang, string>>>> = {
  1: { vi: "Khối 1 (sở, ban, ngành)", en: "bloc 1 (city agencies)" },
  2: { vi: "Khối 2 (UBND quận, huyện)", en: "bloc 2 (districts)" },
  3: { vi: "Khối 3 (UBND xã, phường, thị trấn)", en: "bloc 3 (communes and wards)" },
  4: {
    vi: "Khối 4 (doanh nghiệp viễn thông, công nghệ thông tin)",
    en: "bloc 4 (telecom and IT enterprises)",
  },
};

/** "đạt tỷ lệ điểm 94,85%, xếp hạng 1/20 Khối 1 (sở, ban, ngành)" for a unit. */
function standing(unit: UnitResult, lang: Lang): string {
  const bloc = BLOC_LABELS[unit.bloc][lang];
  const rank = unit.rank === null ? "" : `${unit.rank}/${unit.rankedCount}`;
  if (lang === "vi") {
    const measure =
      unit.ratio === null
        ? `đạt ${scoreText(unit.score ?? 0, lang)} điểm đánh giá`
        : `đạt tỷ lệ điểm ${percent(unit.ratio, lang)}`;
    return `${measure}, xếp hạng ${rank} ${bloc}`;
  }
  const measure =
    unit.ratio === null
      ? `scored ${scoreText(unit.score ?? 0, lang)} in the assessment`
      : `score ratio ${percent(unit.ratio, lang)}`;
  return `${measure}, ranked ${rank} in ${bloc}`;
}

function indexOf(year: AwardYear, lang: Lang): string {
  return lang === "vi"
    ? `theo Bộ chỉ số đánh giá chuyển đổi số thành phố Cần Thơ năm ${year}`
    : `under the Can Tho digital-transformation index of ${year}`;
}

function collectiveAchievement(unit: UnitResult, year: AwardYear, lang: Lang): string {
  const chosen =
    unit.decision?.kind === "choose"
      ? lang === "vi"
        ? "; được Hội đồng thi đua – khen thưởng xét chọn trong các đơn vị bằng điểm"
        : "; chosen by the emulation and commendation council among the tied units"
      : "";
  const what = unit.bloc === 4 ? "" : ` ${indexOf(year, lang)}`;
  const text = `${standing(unit, lang)}${what}${chosen}.`;
  return text[0].toUpperCase() + text.slice(1);
}

/** A nominee's own sentence continuing the line: end punctuation off, first letter lower case
 * unless it starts an acronym ("UBND"). */
function continued(text: string): string {
  const trimmed = text.replace(/[.;\s]+$/, "");
  const [first, second] = [...trimmed];
  return second !== undefined && second === second.toLowerCase() && second !== second.toUpperCase()
    ? first.toLowerCase() + trimmed.slice(first.length)
    : trimmed;
}

function individualAchievement(
  person: IndividualResult,
  unit: UnitResult | undefined,
  year: AwardYear,
  lang: Lang,
): string {
  const parts: string[] = [];
  if (lang === "vi") {
    parts.push(
      unit
        ? `Cá nhân tiêu biểu của đơn vị ${standing(unit, lang)} năm ${year}`
        : `Cá nhân tiêu biểu của đơn vị ${person.unit}`,
    );
    if (person.direct) parts.push("trực tiếp thực hiện nhiệm vụ chuyển đổi số");
  } else {
    parts.push(
      unit
        ? `Outstanding official of a unit with ${standing(unit, lang)} in ${year}`
        : `Outstanding official of ${person.unit}`,
    );
    if (person.direct) parts.push("does the digital-transformation work directly");
  }
  if (person.achievement) parts.push(continued(person.achievement));
  if (person.decision?.kind === "choose") {
    parts.push(
      lang === "vi"
        ? "được Hội đồng thi đua – khen thưởng xét chọn"
        : "chosen by the emulation and commendation council",
    );
  }
  return `${parts.join("; ")}.`;
}

/** The name shown for a unit: with its district when another unit of the bloc has its name. */
function shownUnitName(bloc: BlocResult, name: string, group: string): string {
  const twins = bloc.units.filter((u) => u.name === name).length;
  return twins > 1 && group !== "" ? `${name} (${group})` : name;
}

function pendingOf(bloc: BlocResult): PendingTie[] {
  const pending: PendingTie[] = [];
  const ties = bloc.units.filter((u) => u.status === "tie");
  if (ties.length > 0) {
    pending.push({
      bloc: bloc.bloc,
      recipient: "collective",
      open: ties[0].tie?.open ?? 0,
      names: ties.map((u) => shownUnitName(bloc, u.name, u.group)),
    });
  }
  const people = bloc.individuals.filter((p) => p.status === "tie");
  if (people.length > 0) {
    const taken = bloc.individuals.filter((p) => p.status === "candidate").length;
    pending.push({
      bloc: bloc.bloc,
      recipient: "individual",
      open: Math.max(0, bloc.individualSlots - taken),
      names: people.map((p) => `${p.name} (${p.unit})`),
    });
  }
  return pending;
}

function titleOf(year: AwardYear, round: AwardYear, lang: Lang): [string, string] {
  const movement = MOVEMENT_NAME[lang];
  if (lang === "vi") {
    const basis = round === year ? "" : ` (kết quả Bộ chỉ số đánh giá chuyển đổi số năm ${year})`;
    return [
      "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
      `Tặng Bằng khen của Chủ tịch Ủy ban nhân dân thành phố cho các tập thể, cá nhân có thành tích xuất sắc trong ${movement}, ${roundName(round, "vi")}${basis}`,
    ];
  }
  const basis = round === year ? "" : ` (results of the ${year} digital-transformation index)`;
  return [
    "AWARD PROPOSAL LIST",
    `Certificates of Merit of the City Chairman for collectives and individuals with outstanding achievements in the ${movement}, ${roundName(round, "en")}${basis}`,
  ];
}

function budgetBasisText(budget: Budget, lang: Lang): string {
  const basis = budget.basis;
  if (!basis) {
    return lang === "vi"
      ? "Ngày quyết định nằm ngoài bảng mức thưởng: chưa tính được kinh phí."
      : "The decision date is outside the prize tables: no budget is computed.";
  }
  const date = basis.decisionDate.split("-").reverse().join("/");
  return lang === "vi"
    ? `Kinh phí khen thưởng (mức thưởng theo ${basis.regimeReference}; lương cơ sở ${formatVnd(basis.baseSalaryVnd, lang)} đồng theo ${basis.baseSalaryReference}; ngày quyết định ${date}):`
    : `Prize money (under ${basis.regimeReference}; base salary ${formatVnd(basis.baseSalaryVnd, lang)} VND under ${basis.baseSalaryReference}; decision date ${basis.decisionDate}):`;
}

/**
 * The proposal list of one year of a result: the decided collectives and individuals in bloc
 * order and rank order, the ties still open, and the budget line.
 *
 * @example
 * buildProposalList(result, result.years[0], "vi", submitter()).collectives[0].achievement
 * //=> "Đạt tỷ lệ điểm 94,85%, xếp hạng 1/20 Khối sở, ban, ngành (…) theo Bộ chỉ số … năm 2024."
 */
export function buildProposalList(
  result: AwardResult,
  year: YearResult,
  lang: Lang,
  by: Submitter,
): ProposalList {
  const round = year.round ?? year.year;
  const form = AWARD_FORM[lang];
  const collectives: ProposalEntry[] = [];
  const individuals: ProposalEntry[] = [];
  const pending: PendingTie[] = [];
  for (const bloc of year.blocs) {
    for (const unit of bloc.units.filter((u) => u.status === "candidate")) {
      collectives.push({
        no: collectives.length + 1,
        name: shownUnitName(bloc, unit.name, unit.group),
        position: "",
        unit: unit.group,
        achievement: collectiveAchievement(unit, year.year, lang),
        form,
        bloc: bloc.bloc,
        prizeVnd: unit.prizeVnd,
        source: unit.source,
      });
    }
    for (const person of bloc.individuals.filter((p) => p.status === "candidate")) {
      const unit = bloc.units.find(
        (u) =>
          u.source.sheet === person.unitSource.sheet && u.source.cell === person.unitSource.cell,
      );
      individuals.push({
        no: individuals.length + 1,
        name: person.name,
        position: person.title,
        unit: shownUnitName(bloc, person.unit, person.unitGroup),
        achievement: individualAchievement(person, unit, year.year, lang),
        form,
        bloc: bloc.bloc,
        prizeVnd: person.prizeVnd,
        source: person.source,
      });
    }
    pending.push(...pendingOf(bloc));
  }
  const budget = budgetOf({ ...result, years: [year] });
  const [title, subtitle] = titleOf(year.year, round, lang);
  const ofAgency = by.agencyName;
  const documentYear = Number((result.decisionDate ?? "").slice(0, 4)) || round;
  const attachment =
    lang === "vi"
      ? `(Kèm theo Tờ trình số       /TTr-${by.short} ngày      tháng      năm ${documentYear} của ${ofAgency})`
      : `(Attached to submission No.       /TTr-${by.short} of the ${ofAgency}, ${documentYear})`;
  return {
    lang,
    year: year.year,
    round,
    documentYear,
    submitter: by,
    title,
    subtitle,
    attachment,
    collectives,
    individuals,
    pending,
    budget: budget.years[0],
    budgetBasis: budgetBasisText(budget, lang),
    budgetText: budgetSentence(budget.years[0], lang),
    draft: pending.length > 0,
  };
}

/* ---------------------------------------------------------------------------------------------
 * The list as a print-ready sheet: A4 portrait, Times New Roman, Decree 30 margins
 * ------------------------------------------------------------------------------------------- */

const base = { valign: "middle", wrap: true } as const;

export const PROPOSAL_STYLES: Readonly<Record<string, PrintStyle>> = {
  parent: { ...base, size: 12, align: "center" },
  agency: { ...base, size: 12, bold: true, align: "center" },
  nation: { ...base, size: 12, bold: true, align: "center", wrap: false },
  motto: { ...base, size: 13, bold: true, underline: true, align: "center", wrap: false },
  title: { ...base, size: 14, bold: true, align: "center" },
  subtitle: { ...base, size: 13, bold: true, align: "center" },
  attachment: { ...base, size: 13, italic: true, align: "center" },
  draft: { ...base, size: 12, bold: true, italic: true, align: "center" },
  header: { ...base, size: 12, bold: true, align: "center", border: true, shaded: true },
  section: { ...base, size: 12, bold: true, align: "left", border: true },
  no: { ...base, size: 12, align: "center", border: true },
  text: { ...base, valign: "top", size: 12, align: "left", border: true },
  pending: { ...base, size: 12, italic: true, align: "left", border: true },
  budget: { ...base, size: 13, align: "justify" },
  budgetBold: { ...base, size: 13, bold: true, align: "left" },
  signTitle: { ...base, size: 13, bold: true, align: "center" },
  signNote: { ...base, size: 13, italic: true, align: "center" },
};

/** STT | Tên | Chức vụ | Đơn vị | Tóm tắt thành tích | Hình thức: 90 characters wide (about one A4 portrait page at full size). */
export const PROPOSAL_COLUMNS = [5, 19, 11, 14, 29, 12] as const;

const HEADERS: Readonly<Record<Lang, readonly string[]>> = {
  vi: [
    "STT",
    "Tên tập thể, họ và tên cá nhân",
    "Chức vụ",
    "Đơn vị",
    "Tóm tắt thành tích",
    "Hình thức khen thưởng",
  ],
  en: ["No.", "Collective or person", "Position", "Unit", "Achievement", "Award"],
};

/**
 * True for the header row of the proposal list this tool writes (in either language), as a reader
 * finds it: the tool's own list is not an officer's list of nominees.
 *
 * @example
 * isProposalListHeader(["STT", "Tên tập thể, họ và tên cá nhân", "Chức vụ", "Đơn vị", "Tóm tắt thành tích", "Hình thức khen thưởng"]) //=> true
 */
export function isProposalListHeader(texts: readonly string[]): boolean {
  return LANGS.some((lang) => HEADERS[lang].every((header, i) => texts[i] === header));
}

const SECTION_TITLES: Readonly<Record<Lang, readonly [string, string]>> = {
  vi: ["I. TẬP THỂ", "II. CÁ NHÂN"],
  en: ["I. COLLECTIVES", "II. INDIVIDUALS"],
};

function pendingText(tie: PendingTie, lang: Lang): string {
  const names = tie.names.join(", ");
  return lang === "vi"
    ? `Khối ${tie.bloc}: còn ${tie.open} suất ${tie.recipient === "collective" ? "tập thể" : "cá nhân"} chờ Hội đồng thi đua – khen thưởng xét chọn trong: ${names}.`
    : `Bloc ${tie.bloc}: ${tie.open} ${tie.recipient} slot(s) wait for the council to choose among: ${names}.`;
}

/**
 * The sheet name of a proposal list: the plain name when the run has one year, the year added
 * (within Excel's 31 characters) when it has several.
 *
 * @example
 * proposalSheetName(2024, false, "vi") //=> "Danh sách đề nghị khen thưởng"
 * proposalSheetName(2024, true, "vi") //=> "DS đề nghị khen thưởng 2024"
 */
export function proposalSheetName(year: AwardYear, severalYears: boolean, lang: Lang): string {
  if (lang === "vi") {
    return severalYears ? `DS đề nghị khen thưởng ${year}` : "Danh sách đề nghị khen thưởng";
  }
  return severalYears ? `Award proposals ${year}` : "Award proposal list";
}

/**
 * The proposal list laid out for printing on A4 portrait: heading block (left: the City People's
 * Committee and the Department; right: the national name and motto), title, the table with a
 * repeated header row, the budget, the signature; page numbers from page 2.
 *
 * @example
 * proposalSheetModel(list, false).page.orientation //=> "portrait"
 */
export function proposalSheetModel(list: ProposalList, severalYears: boolean): PrintSheetModel {
  const lang = list.lang;
  const cols = PROPOSAL_COLUMNS;
  const b = new PrintSheetBuilder(PROPOSAL_STYLES, cols);
  b.put(0, 0, list.submitter.parent, "parent", 3);
  b.put(0, 3, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "nation", 3);
  b.put(1, 0, list.submitter.agency, "agency", 3);
  b.put(1, 3, "Độc lập - Tự do - Hạnh phúc", "motto", 3);
  let row = 3;
  b.put(row++, 0, list.title, "title", 6);
  b.put(row++, 0, list.subtitle, "subtitle", 6);
  b.put(row++, 0, list.attachment, "attachment", 6);
  if (list.draft) {
    b.put(
      row++,
      0,
      lang === "vi"
        ? "DỰ THẢO – còn trường hợp bằng điểm chờ Hội đồng thi đua – khen thưởng xét chọn"
        : "DRAFT – ties still wait for the emulation and commendation council",
      "draft",
      6,
    );
  }
  row += 1;
  const headerRow = row;
  b.row(row++, HEADERS[lang], "header");
  const entries: [string, readonly ProposalEntry[], "collective" | "individual"][] = [
    [SECTION_TITLES[lang][0], list.collectives, "collective"],
    [SECTION_TITLES[lang][1], list.individuals, "individual"],
  ];
  for (const [title, lines, recipient] of entries) {
    b.put(row++, 0, title, "section", 6);
    for (const entry of lines) {
      b.row(
        row++,
        [entry.no, entry.name, entry.position, entry.unit, entry.achievement, entry.form],
        ["no", "text", "text", "text", "text", "text"],
      );
    }
    for (const tie of list.pending.filter((p) => p.recipient === recipient)) {
      b.put(row++, 0, pendingText(tie, lang), "pending", 6);
    }
    if (lines.length === 0 && !list.pending.some((p) => p.recipient === recipient)) {
      b.put(row++, 0, lang === "vi" ? "(Không có)" : "(None)", "pending", 6);
    }
  }
  row += 1;
  b.put(row++, 0, list.budgetBasis, "budgetBold", 6);
  b.put(row++, 0, list.budgetText, "budget", 6);
  row += 1;
  b.put(
    row++,
    3,
    lang === "vi"
      ? `${list.submitter.place}, ngày      tháng      năm ${list.documentYear}`
      : `${list.submitter.place}, ${list.documentYear}`,
    "signNote",
    3,
  );
  b.put(row++, 3, list.submitter.signer, "signTitle", 3);
  const built = b.build();
  return {
    kind: "proposal",
    year: list.year,
    name: proposalSheetName(list.year, severalYears, lang),
    font: DOCUMENT_FONT,
    styles: PROPOSAL_STYLES,
    columns: cols,
    ...built,
    page: {
      orientation: "portrait",
      margins: DECREE_30_MARGINS,
      fitToWidth: true,
      titleRows: { from: headerRow, to: headerRow },
      pageNumbers: true,
      breaksBefore: [],
    },
    chart: null,
    freezeRows: 0,
  };
}

/**
 * The proposal lists of a result, one per year ranked, as print-ready sheets.
 *
 * @example
 * buildProposalSheets(result, "vi", submitter()).map((s) => s.name) //=> ["Danh sách đề nghị khen thưởng"]
 */
export function buildProposalSheets(
  result: AwardResult,
  lang: Lang,
  by: Submitter,
): PrintSheetModel[] {
  const several = result.years.length > 1;
  return result.years.map((year) =>
    proposalSheetModel(buildProposalList(result, year, lang, by), several),
  );
}
