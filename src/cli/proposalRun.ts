/**
 * What the command line adds to a run for the proposal (issue 12): the council's decisions
 * (`--decisions SHEET|FILE`, else the workbook's own "Quyết định của Hội đồng" sheet), the review
 * rounds (`--round 2024=2025`), the print-ready proposal lists and the 2022–2025 summary with its
 * chart in the output workbook, a decisions sheet listing the open ties when the workbook has
 * none, and the standalone proposal files (`--proposal list.xlsx`, `--proposal totrinh.docx`).
 * The sheets are models; the package writer (`writeWorkbook.ts`) renders them.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { budgetOf, formatVnd } from "../domain/budget";
import {
  DECISION_HEADER_ROW,
  DECISION_SHEET_NAME,
  DECISION_TABLE_NAME,
  decisionHeaderRow,
  decisionRowValues,
  decisionSheetIntro,
  type DecisionRowInput,
} from "../domain/decisions";
import { buildHistorySheets, historySheetName } from "../domain/history";
import type { PrintSheetModel } from "../domain/printSheet";
import {
  buildProposalList,
  buildProposalSheets,
  proposalSheetName,
  submitter,
  type Submitter,
} from "../domain/proposalList";
import { roundName } from "../domain/reviewRound";
import { buildSubmission } from "../domain/submission";
import type {
  AwardResult,
  AwardYear,
  CellSheet,
  Lang,
  RoundMap,
  YearResult,
} from "../domain/types";
import { AWARD_YEARS, LANGS } from "../domain/types";
import { checkProposalArgs, type Checked, type ProposalArgs } from "./proposalArgs";
import { readWorkbookFile } from "./readWorkbook";
import type { RenderModel, TableSheet } from "./renderSheets";
import { newWorkbookWithModels } from "./writeWorkbook";

/**
 * Every sheet name the proposal outputs take, in both languages, so that ranking an output file
 * again never reads its own lists as scores or nominees.
 *
 * @example
 * proposalOwnSheetNames().includes("Tổng hợp 2022–2025") //=> true
 */
export function proposalOwnSheetNames(): string[] {
  const spans: AwardYear[][] = [];
  for (const a of AWARD_YEARS) for (const b of AWARD_YEARS) if (b > a) spans.push([a, b]);
  return LANGS.flatMap((lang) => [
    proposalSheetName(2022, false, lang),
    ...AWARD_YEARS.map((year) => proposalSheetName(year, true, lang)),
    ...spans.map((years) => historySheetName(years, lang)),
  ]);
}

/** True for a sheet named like the decisions sheet, in either language. */
export const isDecisionSheetName = (name: string): boolean =>
  LANGS.some((lang) => DECISION_SHEET_NAME[lang].toLowerCase() === name.trim().toLowerCase());

export interface DecisionSource {
  /** The decisions table, from the workbook or from another file; none when there is none. */
  readonly sheet: CellSheet | null;
  /** Sheets of the workbook named like a decisions sheet but not used: never read as scores. */
  readonly ignore: readonly string[];
}

/** The largest decisions .csv read (an .xlsx goes through the workbook reader's own limits). */
export const MAX_DECISION_CSV_BYTES = 1024 * 1024;

async function sheetFromFile(file: string): Promise<Checked<CellSheet>> {
  if (/\.csv$/i.test(file)) {
    // A decisions table is a few dozen rows: a file this large is not one, and is not read.
    const size = await fs.stat(file).then(
      (stat) => stat.size,
      () => -1,
    );
    if (size > MAX_DECISION_CSV_BYTES) {
      return {
        ok: false,
        message: {
          vi: `Tệp quyết định “${file}” quá lớn (${Math.round(size / 1024)} KB; tối đa ${MAX_DECISION_CSV_BYTES / 1024} KB) nên không được đọc.`,
          en: `The decisions file “${file}” is too large (${Math.round(size / 1024)} KB; at most ${MAX_DECISION_CSV_BYTES / 1024} KB), so it is not read.`,
        },
      };
    }
    try {
      // A spreadsheet library is loaded only to read a .csv (never the officer's workbook).
      const ExcelJS = await import("exceljs");
      const workbook = new ExcelJS.Workbook();
      const worksheet = await workbook.csv.readFile(file);
      const values: unknown[][] = [];
      worksheet.eachRow({ includeEmpty: true }, (row, n) => {
        values[n - 1] = (row.values as unknown[]).slice(1).map((v) => v ?? "");
      });
      return { ok: true, value: { name: path.basename(file), values } };
    } catch (error) {
      const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
      return {
        ok: false,
        message: {
          vi: `Không đọc được tệp quyết định “${file}” (${detail}).`,
          en: `Cannot read the decisions file “${file}” (${detail}).`,
        },
      };
    }
  }
  const load = await readWorkbookFile(file);
  if (!load.ok) return { ok: false, message: load.failure.message };
  const sheets = load.loaded.sheets;
  const named = sheets.find((s) => isDecisionSheetName(s.name));
  return { ok: true, value: named ?? sheets[0] };
}

/**
 * Where the run's decisions come from: `--decisions` naming a sheet of the workbook or a file
 * (.xlsx or .csv), else the workbook's own decisions sheet if it has one.
 *
 * @example
 * (await decisionSource(undefined, sheets)).sheet?.name //=> "Quyết định của Hội đồng"
 */
export async function decisionSource(
  option: string | undefined,
  sheets: readonly CellSheet[],
): Promise<Checked<DecisionSource>> {
  const named = sheets.filter((s) => isDecisionSheetName(s.name)).map((s) => s.name);
  if (option === undefined) {
    const own = sheets.find((s) => isDecisionSheetName(s.name)) ?? null;
    return { ok: true, value: { sheet: own, ignore: named.filter((n) => n !== own?.name) } };
  }
  const inWorkbook = sheets.find(
    (s) => s.name.normalize("NFC").toLowerCase() === option.normalize("NFC").toLowerCase(),
  );
  if (inWorkbook) {
    return {
      ok: true,
      value: { sheet: inWorkbook, ignore: named.filter((n) => n !== inWorkbook.name) },
    };
  }
  if (/\.(xlsx|csv)$/i.test(option)) {
    const read = await sheetFromFile(option);
    if (!read.ok) return read;
    return { ok: true, value: { sheet: read.value, ignore: named } };
  }
  return {
    ok: false,
    message: {
      vi: `Không có trang tính hoặc tệp quyết định “${option}”. Các trang có: ${sheets.map((s) => `“${s.name}”`).join(", ")}. Ghi tên trang (trong dấu ngoặc kép nếu có dấu cách) hoặc một tệp .xlsx/.csv sau --decisions.`,
      en: `There is no sheet or decisions file “${option}”. The sheets: ${sheets.map((s) => `“${s.name}”`).join(", ")}. Give a sheet name (quoted if it has spaces) or an .xlsx/.csv file after --decisions.`,
    },
  };
}

/** The rows of a new decisions table: every unit and person still tied, decision left blank. */
export function openTieRows(result: AwardResult, recorded: string): DecisionRowInput[] {
  const rows: DecisionRowInput[] = [];
  for (const year of result.years) {
    for (const bloc of year.blocs) {
      for (const unit of bloc.units.filter((u) => u.status === "tie")) {
        rows.push({
          year: year.year,
          bloc: bloc.bloc,
          recipient: "collective",
          unit: unit.name,
          group: unit.group,
          person: "",
          kind: null,
          reason: "",
          basis: {
            ratio: unit.ratio ?? unit.score,
            rank: unit.rank,
            tieSize: unit.tie?.size ?? null,
            open: unit.tie?.open ?? null,
          },
          recorded,
        });
      }
      const tied = bloc.individuals.filter((p) => p.status === "tie");
      const taken = bloc.individuals.filter((p) => p.status === "candidate").length;
      for (const person of tied) {
        const unit = bloc.units.find(
          (u) =>
            u.source.sheet === person.unitSource.sheet && u.source.cell === person.unitSource.cell,
        );
        rows.push({
          year: year.year,
          bloc: bloc.bloc,
          recipient: "individual",
          unit: person.unit,
          group: person.unitGroup,
          person: person.name,
          kind: null,
          reason: "",
          basis: {
            ratio: unit ? (unit.ratio ?? unit.score) : null,
            rank: person.unitRank,
            tieSize: tied.length,
            open: Math.max(0, bloc.individualSlots - taken),
          },
          recorded,
        });
      }
    }
  }
  return rows;
}

const DECISION_WIDTHS = [7, 7, 11, 34, 20, 24, 14, 30, 12, 10, 10, 10, 12];
/** The decisions table's ratio column (0-based), shown as a percentage. */
const DECISION_RATIO_COLUMN = 8;

/**
 * The decisions sheet (title, how to fill it, the table with the open ties) as a model, laid out
 * as the add-in lays it out (src/excel/decisionsSheet.ts): the table's header on row 4, frozen,
 * and an empty row waiting for the first decision when no tie is open (an Excel table needs one).
 *
 * @example
 * decisionSheetModel(rows, "vi").name //=> "Quyết định của Hội đồng"
 */
export function decisionSheetModel(rows: readonly DecisionRowInput[], lang: Lang): TableSheet {
  const [title, how] = decisionSheetIntro(lang);
  const header = decisionHeaderRow(lang);
  const values = rows.map((row) =>
    decisionRowValues(row, lang).map((value) => (value === "" ? null : value)),
  );
  return {
    kind: "decisions",
    year: null,
    name: DECISION_SHEET_NAME[lang],
    texts: [
      { row: 0, text: title, style: "title" },
      { row: 1, text: how, style: "note" },
    ],
    tables: [
      {
        name: DECISION_TABLE_NAME,
        startRow: DECISION_HEADER_ROW,
        columns: header.map((text, c) => ({
          header: text,
          width: DECISION_WIDTHS[c] ?? 12,
          format: c === DECISION_RATIO_COLUMN ? "percent" : "number",
        })),
        rows: (values.length > 0 ? values : [header.map(() => null)]).map((v) => ({
          values: v,
          style: "plain",
          link: null,
        })),
        linkColumn: null,
        totalRow: false,
        style: { name: "TableStyleLight9", stripes: true },
      },
    ],
    freezeRows: DECISION_HEADER_ROW + 1,
    columnWidths: DECISION_WIDTHS,
  };
}

function printModels(result: AwardResult, lang: Lang, by: Submitter): PrintSheetModel[] {
  return [...buildProposalSheets(result, lang, by), ...buildHistorySheets(result, lang)];
}

/**
 * What the output workbook gets besides the candidate sheets: the proposal list of each year,
 * the summary when the run spans several years (with its chart), and a decisions sheet listing
 * the open ties when the workbook has no decisions sheet yet.
 *
 * @example
 * writeAwardWorkbook(bytes, input, out, [...models, ...proposalSheets(result, "vi", args, false, today)])
 */
export function proposalSheets(
  result: AwardResult,
  lang: Lang,
  args: ProposalArgs,
  hasDecisionSheet: boolean,
  today: string,
): RenderModel[] {
  return [
    ...printModels(result, lang, submitter(args.agency)),
    ...(hasDecisionSheet ? [] : [decisionSheetModel(openTieRows(result, today), lang)]),
  ];
}

/** The year a Tờ trình is drawn up for: the one whose round is the latest. */
function submissionYear(result: AwardResult): YearResult | null {
  return (
    [...result.years].sort(
      (a, b) => (b.round ?? b.year) - (a.round ?? a.year) || b.year - a.year,
    )[0] ?? null
  );
}

async function writeBytes(file: string, bytes: Buffer): Promise<Checked<string>> {
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`,
  );
  try {
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, file);
    return { ok: true, value: file };
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code ?? "";
    return {
      ok: false,
      message: {
        vi: `Không ghi được tệp “${file}” (${code}): hãy kiểm tra thư mục, quyền ghi, và đóng tệp nếu đang mở.`,
        en: `Cannot write “${file}” (${code}): check the folder and permissions, and close the file if it is open.`,
      },
    };
  }
}

/**
 * Writes the standalone proposal files: an .xlsx with the lists (and the summary), a .docx with
 * the Tờ trình for the latest round of the run and its list attached. Returns one line per file
 * for the terminal summary.
 *
 * @example
 * await writeProposalFiles(result, { proposals: ["totrinh.docx"] }, "vi") //=> { ok: true, value: ["…"] }
 */
export async function writeProposalFiles(
  result: AwardResult,
  args: ProposalArgs,
  lang: Lang,
): Promise<Checked<string[]>> {
  const by = submitter(args.agency);
  const lines: string[] = [];
  for (const file of args.proposals ?? []) {
    if (/\.docx$/i.test(file)) {
      const year = submissionYear(result);
      if (!year) continue;
      // An administrative document is written in Vietnamese, whatever the run's language.
      const list = buildProposalList(result, year, "vi", by);
      // The .docx library is loaded only for a run that writes one (it weighs 13 MB in memory).
      const { submissionDocx } = await import("./writeDocx");
      const written = await writeBytes(file, await submissionDocx(buildSubmission(list)));
      if (!written.ok) return written;
      const round = roundName(year.round ?? year.year, lang);
      lines.push(
        lang === "vi"
          ? `Tờ trình (${round}, bảng điểm năm ${year.year}): ${file}${list.draft ? " — DỰ THẢO, còn bằng điểm chờ Hội đồng" : ""}`
          : `Submission (${round}, ${year.year} scores): ${file}${list.draft ? " — DRAFT, ties wait for the council" : ""}`,
      );
      continue;
    }
    const written = await writeBytes(file, newWorkbookWithModels(printModels(result, lang, by)));
    if (!written.ok) return written;
    lines.push(lang === "vi" ? `Danh sách đề nghị: ${file}` : `Proposal list: ${file}`);
  }
  return { ok: true, value: lines };
}

/**
 * The terminal lines of the budget: per year, collectives and individuals at the decision
 * date's amounts, tied slots apart.
 *
 * @example
 * budgetSummary(result, "en")[0] //=> "Budget 2024: collectives 4 × 7,020,000 = …"
 */
export function budgetSummary(result: AwardResult, lang: Lang): string[] {
  const budget = budgetOf(result);
  if (!budget.basis) return [];
  const unit = lang === "vi" ? "đ" : "VND";
  const money = (n: number | null) => (n === null ? "" : `${formatVnd(n, lang)} ${unit}`);
  return budget.years.map((y) => {
    const pending = y.collective.pending + y.individual.pending;
    const head = lang === "vi" ? `Kinh phí ${y.year}` : `Budget ${y.year}`;
    const c = `${y.collective.count} × ${money(y.collective.unitVnd)}`;
    const i = `${y.individual.count} × ${money(y.individual.unitVnd)}`;
    const rest =
      pending === 0
        ? ""
        : lang === "vi"
          ? ` (chưa tính ${pending} suất bằng điểm: ${money(y.pendingVnd)})`
          : ` (not counted: ${pending} tied slot(s), ${money(y.pendingVnd)})`;
    return lang === "vi"
      ? `${head}: tập thể ${c}, cá nhân ${i}; cộng ${money(y.totalVnd)}${rest}`
      : `${head}: collectives ${c}, individuals ${i}; total ${money(y.totalVnd)}${rest}`;
  });
}

export interface ProposalInputs {
  /** What the run passes to the engine. */
  readonly options: { readonly decisions?: CellSheet; readonly rounds?: RoundMap };
  /** Decision-named sheets not used: never read as scores or nominees. */
  readonly ignore: readonly string[];
  /** True when the workbook itself holds a decisions sheet (none is added to the output). */
  readonly hasDecisionSheet: boolean;
}

/**
 * The proposal inputs of a run: its decisions table and its review rounds.
 *
 * @example
 * (await proposalInputs({ rounds: ["2024=2025"] }, sheets, undefined)).ok //=> true
 */
export async function proposalInputs(
  args: ProposalArgs,
  sheets: readonly CellSheet[],
  year: number | undefined,
): Promise<Checked<ProposalInputs>> {
  const checked = checkProposalArgs(args, year);
  if (!checked.ok) return checked;
  const source = await decisionSource(args.decisions, sheets);
  if (!source.ok) return source;
  return {
    ok: true,
    value: {
      options: {
        ...(source.value.sheet ? { decisions: source.value.sheet } : {}),
        ...(checked.value ? { rounds: checked.value } : {}),
      },
      ignore: source.value.ignore,
      hasDecisionSheet: sheets.some((s) => isDecisionSheetName(s.name)),
    },
  };
}
