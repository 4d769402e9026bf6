/**
 * `dti-awards`: argv → the sparse reader → the engine → SpreadsheetML added to a copy. Exit
 * codes: 0 ranked (warnings allowed), 1 ranked but some rows are invalid, 2 could not run. Every
 * failure is a message in Vietnamese and English that says what to do, never a stack trace.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import {
  buildCandidateSheets,
  candidateSheetName,
  dataCheckSheetName,
  dataCheckTitle,
  isIndividualTableHeader,
} from "../domain/candidateSheet";
import { describeIssue, sortIssues } from "../domain/issues";
import { rankWorkbook } from "../domain/rankWorkbook";
import { toResultJson } from "../domain/resultJson";
import { reportLines } from "../domain/readingReport";
import { BLOC_SHORT_NAMES } from "../domain/rules";
import type {
  AwardResult,
  Bilingual,
  BlocResult,
  CellSheet,
  DetectedTable,
  Lang,
  RankOptions,
  UnitResult,
} from "../domain/types";
import { AWARD_YEARS, LANGS } from "../domain/types";
import { isProposalListHeader } from "../domain/proposalList";
import {
  classifyNomineeHeader,
  findHeaderRow,
  isNomineeHeader,
  sheetValues,
} from "../domain/headers";
import { helpText, localIsoDate, parseArgs, type RunArgs } from "./args";
import {
  budgetSummary,
  proposalInputs,
  proposalSheets,
  proposalOwnSheetNames,
  writeProposalFiles,
} from "./proposalRun";
import { SAMPLE_FILE, samplePath } from "./projectRoot";
import { isOwnSheetName, readWorkbookFile, type ReadNote } from "./readWorkbook";
import { jsonSafe, oneLine, terminalSafe } from "./terminalText";
import { defaultOutputPath, sameFile, writeAwardWorkbook } from "./writeWorkbook";

/** Where the command line writes, and what "today" is: injectable for tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly now: () => Date;
}

/**
 * Lets a reader close the pipe early (`dti-awards rank … | head`): writing to a closed pipe
 * ends the output quietly instead of crashing with EPIPE; any other stream error still throws.
 * The files were written before the summary, and the exit code stays the run's.
 */
export function tolerateClosedPipe(stream: NodeJS.EventEmitter): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  now: () => new Date(),
};

export const EXIT_OK = 0;
export const EXIT_INVALID_ROWS = 1;
export const EXIT_CANNOT_RUN = 2;

const other = (lang: Lang): Lang => (lang === "vi" ? "en" : "vi");

/**
 * A message in the chosen language first, then in the other one, each on one line: a message
 * can quote a sheet name or a cell, whose control characters are shown, never acted on.
 */
function bilingual(message: Bilingual, lang: Lang): string {
  return `${oneLine(message[lang])}\n${oneLine(message[other(lang)])}\n`;
}

/**
 * True for a workbook this tool wrote: it holds the data-check sheet, named and titled as the tool
 * writes it ("Kiểm tra dữ liệu" with "KIỂM TRA DỮ LIỆU" in A1, or "Data check" / "DATA CHECK").
 */
export function isToolOutput(sheets: readonly CellSheet[]): boolean {
  return LANGS.some((lang) => {
    const name = dataCheckSheetName(lang);
    const sheet = sheets.find((s) => isOwnSheetName(s.name, [name]));
    const title = sheet?.values?.[0]?.[0];
    return typeof title === "string" && title.trim() === dataCheckTitle(lang);
  });
}

/**
 * True for a sheet holding a list of people with their units, other than the tables of people the
 * tool writes (the proposal list, the candidate sheet's individuals): an officer's nominee list.
 */
function listsNominees(sheet: CellSheet): boolean {
  const header = findHeaderRow(sheetValues(sheet), classifyNomineeHeader, isNomineeHeader);
  return (
    header !== null && !isProposalListHeader(header.texts) && !isIndividualTableHeader(header.texts)
  );
}

/** Every sheet name this tool writes, in both languages, for every year of the movement. */
export function ownSheetNames(): string[] {
  return LANGS.flatMap((lang) => [
    ...AWARD_YEARS.map((year) => candidateSheetName(year, lang)),
    dataCheckSheetName(lang),
  ]).concat(proposalOwnSheetNames());
}

/**
 * A number the way the language writes it: "1.800.000" and "94,25" in Vietnamese,
 * "1,800,000" and "94.25" in English.
 *
 * @example
 * formatNumber(3600000, 0, "vi") //=> "3.600.000"
 * formatNumber(94.25, 2, "en") //=> "94.25"
 */
export function formatNumber(value: number, decimals: number, lang: Lang): string {
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split(".");
  const [thousands, point] = lang === "vi" ? [".", ","] : [",", "."];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return `${value < 0 ? "-" : ""}${grouped}${fraction ? `${point}${fraction}` : ""}`;
}

const WORDS = {
  vi: {
    workbook: "Sổ bảng điểm",
    decision: "Ngày quyết định",
    baseSalary: "lương cơ sở",
    bangKhen: "Bằng khen",
    collective: "tập thể",
    individual: "cá nhân",
    noPrize: "chưa tính được tiền thưởng (ngày quyết định nằm ngoài bảng mức thưởng)",
    year: "NĂM",
    ranked: "đơn vị xếp hạng",
    slots: (c: number, i: number) => `${c} suất tập thể, ${i} suất cá nhân`,
    empty: "không có đơn vị nào trong bảng điểm",
    candidate: "đề xuất",
    tie: "ngang hạng",
    tieNote: (size: number, open: number) => `${size} đơn vị tranh ${open} suất, Hội đồng xét chọn`,
    individuals: "Cá nhân",
    noIndividual: "chưa chọn được cá nhân",
    invalid: "dòng không hợp lệ",
    issues: "Vấn đề",
    errors: "lỗi",
    warnings: "cảnh báo",
    infos: "thông tin",
    more: (n: number) => `… và ${n} vấn đề khác (xem trang “Kiểm tra dữ liệu”)`,
    notes: "Lưu ý khi đọc tệp",
    reading: "Cách đọc bảng",
    written: "Đã ghi",
    json: "Đã ghi JSON",
    unplaced: "dòng không xác định được khối hoặc năm",
    currency: "đ",
    demoInvalid:
      "Sổ mẫu cố ý có một dòng không hợp lệ (điểm lớn hơn điểm tối đa) và một trường hợp ngang hạng ở khối 3.",
  },
  en: {
    workbook: "Score workbook",
    decision: "Decision date",
    baseSalary: "base salary",
    bangKhen: "Bằng khen",
    collective: "collective",
    individual: "individual",
    noPrize: "no prize money computed (the decision date is outside the prize tables)",
    year: "YEAR",
    ranked: "units ranked",
    slots: (c: number, i: number) => `${c} collective slot(s), ${i} individual slot(s)`,
    empty: "no unit in the score table",
    candidate: "candidate",
    tie: "tie",
    tieNote: (size: number, open: number) =>
      `${size} units for ${open} slot(s), the council decides`,
    individuals: "Individuals",
    noIndividual: "no individual chosen",
    invalid: "invalid row(s)",
    issues: "Issues",
    errors: "error(s)",
    warnings: "warning(s)",
    infos: "info",
    more: (n: number) => `… and ${n} more (see the “Data check” sheet)`,
    notes: "Notes on reading the file",
    reading: "How the tables were read",
    written: "Written",
    json: "JSON written",
    unplaced: "row(s) with no known bloc or year",
    currency: "VND",
    demoInvalid:
      "The sample deliberately has one invalid row (a score above the max score) and a tie in bloc 3.",
  },
} as const;

function measure(unit: UnitResult, lang: Lang): string {
  if (unit.ratio !== null) return `${formatNumber(unit.ratio * 100, 2, lang)}%`;
  return unit.score === null ? "" : formatNumber(unit.score, 2, lang).replace(/[.,]00$/, "");
}

function money(vnd: number | null, lang: Lang): string {
  return vnd === null ? "" : `${formatNumber(vnd, 0, lang)} ${WORDS[lang].currency}`;
}

function blocSummary(bloc: BlocResult, lang: Lang): string[] {
  const w = WORDS[lang];
  const title = BLOC_SHORT_NAMES[bloc.bloc][lang];
  if (bloc.empty)
    return [`${title}: ${w.empty} (${w.slots(bloc.collectiveSlots, bloc.individualSlots)})`];
  const ranked = bloc.units.filter((u) => u.status !== "invalid");
  const invalid = bloc.units.length - ranked.length;
  const lines = [
    `${title}: ${ranked.length} ${w.ranked}; ${w.slots(bloc.collectiveSlots, bloc.individualSlots)}`,
  ];
  const shown = bloc.units.filter((u) => u.status === "candidate" || u.status === "tie");
  const nameWidth = Math.min(52, Math.max(0, ...shown.map((u) => u.name.length)));
  for (const unit of shown) {
    const label = unit.status === "candidate" ? w.candidate : w.tie;
    const tie =
      unit.status === "tie" && unit.tie ? `  (${w.tieNote(unit.tie.size, unit.tie.open)})` : "";
    lines.push(
      `  ${label.padEnd(10)} #${String(unit.rank ?? "").padEnd(3)} ${oneLine(unit.name).padEnd(nameWidth)}  ${measure(unit, lang).padStart(8)}  ${money(unit.prizeVnd, lang)}${tie}`,
    );
  }
  if (bloc.individualSlots > 0) {
    const chosen = bloc.individuals.filter((i) => i.status !== "reserve");
    const names = chosen.map(
      (i) => `${oneLine(i.name)} (${oneLine(i.unit)})${i.status === "tie" ? ` [${w.tie}]` : ""}`,
    );
    lines.push(`  ${w.individuals}: ${names.length > 0 ? names.join("; ") : w.noIndividual}`);
  }
  if (invalid > 0) lines.push(`  ${invalid} ${w.invalid}`);
  return lines;
}

/**
 * The "how the tables were read" block: per table the reading report's lines (its place, year
 * and blocs, the column taken for each role with its header and why, the reader's notes), as the
 * data-check sheet and the pane give them, so that the officer can check the reading.
 *
 * @example
 * readingSummary(result.tables, "en")[1]
 * //=> "  Scores, DTI 2023!A7:G48; year 2023 (the sheet name); blocs from the bloc headings; 37 rows read"
 */
export function readingSummary(tables: readonly DetectedTable[], lang: Lang): string[] {
  if (tables.length === 0) return [];
  return [
    `${WORDS[lang].reading}:`,
    ...tables.flatMap((table) =>
      reportLines(table, lang).map((line, i) => `${i === 0 ? "  " : "    "}${oneLine(line)}`),
    ),
  ];
}

/**
 * The terminal summary: the prize basis, each year's blocs with their candidates and ties, the
 * issues by severity with the first errors, and the output path.
 *
 * @example
 * summaryText("dti.xlsx", result, [], "dti.awards.xlsx", "en").split("\n")[0]
 * //=> "Score workbook: dti.xlsx"
 */
export function summaryText(
  input: string,
  result: AwardResult,
  notes: readonly ReadNote[],
  written: string,
  lang: Lang,
): string {
  const w = WORDS[lang];
  const lines: string[] = [`${w.workbook}: ${oneLine(input)}`];
  const basis = result.prize;
  if (basis) {
    lines.push(
      `${w.decision}: ${basis.decisionDate} — ${basis.regimeReference}; ${w.baseSalary} ${money(basis.baseSalaryVnd, lang)} (${basis.baseSalaryReference})`,
      `${w.bangKhen}: ${w.collective} ${money(basis.bangKhenCollectiveVnd, lang)}, ${w.individual} ${money(basis.bangKhenIndividualVnd, lang)}`,
    );
  } else {
    lines.push(`${w.decision}: ${result.decisionDate ?? ""} — ${w.noPrize}`);
  }
  for (const year of result.years) {
    lines.push("", `${w.year} ${year.year}`);
    for (const bloc of year.blocs) lines.push(...blocSummary(bloc, lang));
  }
  if (result.unplaced.length > 0) lines.push("", `${result.unplaced.length} ${w.unplaced}`);

  const issues = sortIssues(result.issues);
  const count = (severity: string) => issues.filter((i) => i.severity === severity).length;
  lines.push(
    "",
    `${w.issues}: ${count("error")} ${w.errors}, ${count("warning")} ${w.warnings}, ${count("info")} ${w.infos}`,
  );
  const errors = issues.filter((i) => i.severity === "error");
  const listed = (
    errors.length > 0 ? errors : issues.filter((i) => i.severity === "warning")
  ).slice(0, 5);
  for (const issue of listed) lines.push(`  ${oneLine(describeIssue(issue, lang))}`);
  const rest = count("error") + count("warning") - listed.length;
  if (rest > 0 && listed.length > 0) lines.push(`  ${w.more(rest)}`);
  if (notes.length > 0) {
    lines.push("", `${w.notes}:`);
    for (const note of notes.slice(0, 3))
      lines.push(`  ${oneLine(note.sheet)}!${note.cell}: ${oneLine(note.message[lang])}`);
    if (notes.length > 3) lines.push(`  … (${notes.length - 3})`);
  }
  const reading = readingSummary(result.tables, lang);
  if (reading.length > 0) lines.push("", ...reading);
  lines.push("", `${w.written}: ${oneLine(written)}`);
  return terminalSafe(`${lines.join("\n")}\n`);
}

/**
 * Why the run ranks nothing, or null when some score table was read: no score table was found
 * (the engine's NO_SCORE_TABLE, with a hint), or every one found was refused because two of its
 * columns rank it differently (the engine's COLUMN_AMBIGUOUS, which names both columns and the
 * `--column` to choose with). Nothing is written then, as the add-in writes nothing.
 *
 * @example
 * nothingRanked(resultOfAnEmptyWorkbook)?.en //=> "No score table found … Check the header row …"
 * nothingRanked(resultOfTheSample) //=> null
 */
export function nothingRanked(result: AwardResult): Bilingual | null {
  const tables = result.tables.filter((t) => t.kind === "scores");
  if (tables.some((t) => !t.refused)) return null;
  if (tables.length === 0) {
    const noTable = result.issues.find((i) => i.code === "NO_SCORE_TABLE");
    const hint: Bilingual = {
      vi: "Hãy kiểm tra dòng tiêu đề của bảng điểm, hoặc chỉ rõ trang tính bằng --sheet.",
      en: "Check the header row of the score table, or name the sheet with --sheet.",
    };
    return noTable
      ? { vi: `${noTable.message.vi} ${hint.vi}`, en: `${noTable.message.en} ${hint.en}` }
      : hint;
  }
  const refusals = result.issues.filter((i) => i.code === "COLUMN_AMBIGUOUS");
  const said = refusals.length > 0 ? refusals : result.issues.filter((i) => i.severity === "error");
  return {
    vi: said.map((i) => i.message.vi).join(" "),
    en: said.map((i) => i.message.en).join(" "),
  };
}

/** True when some row could not be ranked. */
export function hasInvalidRows(result: AwardResult): boolean {
  return (
    result.unplaced.length > 0 ||
    result.years.some((y) => y.blocs.some((b) => b.units.some((u) => u.status === "invalid"))) ||
    result.issues.some((i) => i.severity === "error")
  );
}

function missingSheets(
  sheets: readonly CellSheet[],
  args: RunArgs,
): { names: string[]; available: string[] } {
  const available = sheets.map((s) => s.name);
  const known = new Set(available.map((n) => n.normalize("NFC")));
  const asked = [...args.sheets, ...(args.nomineeSheet ? [args.nomineeSheet] : [])];
  return { names: asked.filter((n) => !known.has(n.normalize("NFC"))), available };
}

/**
 * The engine's options for a run: the same fields the task pane's saved column mapping sets
 * (`optionsWithMapping` in src/excel/mapping.ts), so that `--sheet`, `--header-row` and
 * `--column` read a table exactly as "Chọn cột" does.
 *
 * @example
 * rankOptionsFor({ ...args, sheets: ["DTI"], headerRow: 7, columns: { score: "Tổng điểm" } }, [])
 * //=> { decisionDate: "2024-03-31", sheets: ["DTI"], headerRow: 7, columns: { score: "Tổng điểm" }, … }
 */
export function rankOptionsFor(args: RunArgs, ignoreSheets: readonly string[]): RankOptions {
  return {
    ...(args.year !== undefined ? { year: args.year } : {}),
    decisionDate: args.decisionDate,
    ...(args.sheets.length > 0 ? { sheets: args.sheets } : {}),
    ...(args.nomineeSheet !== undefined ? { nomineeSheet: args.nomineeSheet } : {}),
    ...(args.headerRow !== undefined ? { headerRow: args.headerRow } : {}),
    ...(Object.keys(args.columns).length > 0 ? { columns: args.columns } : {}),
    ...(args.bloc !== undefined ? { bloc: args.bloc } : {}),
    ...(ignoreSheets.length > 0 ? { ignoreSheets } : {}),
  };
}

interface RunContext {
  readonly input: string;
  readonly out: string;
  readonly args: RunArgs;
  readonly io: CliIo;
}

async function runRanking(
  context: RunContext,
): Promise<{ code: number; result: AwardResult | null }> {
  const { input, out, args, io } = context;
  const lang = args.lang;
  if (args.json !== undefined && args.json !== "-") {
    const clash = (await sameFile(args.json, input))
      ? input
      : (await sameFile(args.json, out))
        ? out
        : null;
    if (clash !== null) {
      io.stderr(
        bilingual(
          {
            vi: `Tệp JSON “${args.json}” trùng với “${clash}”; không ghi đè: hãy chọn tên khác sau --json.`,
            en: `The JSON file “${args.json}” is the same file as “${clash}”; it is never overwritten: choose another name after --json.`,
          },
          lang,
        ),
      );
      return { code: EXIT_CANNOT_RUN, result: null };
    }
  }
  const load = await readWorkbookFile(input);
  if (!load.ok) {
    io.stderr(bilingual(load.failure.message, lang));
    return { code: EXIT_CANNOT_RUN, result: null };
  }
  // A file carries no marker of which sheets this tool wrote: in a workbook this tool wrote (its
  // data-check sheet is there, under its own title) they are known by name, and each one skipped
  // is said; in any other workbook a sheet with one of those names is the officer's own (“Danh
  // sách đề nghị khen thưởng” is a common name for a proposal list) and is read.
  const own = ownSheetNames();
  const toolOutput = isToolOutput(load.loaded.sheets);
  // The officer's own list keeps its name in the tool's output (the tool's proposal list beside
  // it is named “… (2)”): a sheet listing people by “Họ và tên” and unit is never the tool's.
  const ignored = toolOutput
    ? load.loaded.sheets
        .filter((s) => isOwnSheetName(s.name, own) && !listsNominees(s))
        .map((s) => s.name)
    : [];
  const sheets = load.loaded.sheets.filter((s) => !ignored.includes(s.name));
  const notes: ReadNote[] = [
    ...ignored.map((name) => ({
      sheet: name,
      cell: "A1",
      message: {
        vi: `Trang mang tên trang kết quả của công cụ nên không được đọc; nếu đây là bảng điểm, hãy đổi tên trang.`,
        en: `This sheet has the name of one of this tool's output sheets and was not read; rename it if it holds scores.`,
      },
    })),
    ...load.loaded.notes,
  ];

  const missing = missingSheets(sheets, args);
  if (missing.names.length > 0) {
    const list = missing.available.map((n) => `“${n}”`).join(", ");
    const asked = missing.names.map((n) => `“${n}”`).join(", ");
    io.stderr(
      bilingual(
        {
          vi: `Sổ làm việc không có trang tính ${asked}. Các trang có: ${list}. Hãy sửa tên sau --sheet/--nominees (đặt trong dấu ngoặc kép nếu có dấu cách).`,
          en: `The workbook has no sheet ${asked}. Its sheets: ${list}. Correct the name after --sheet/--nominees (quote it if it has spaces).`,
        },
        lang,
      ),
    );
    return { code: EXIT_CANNOT_RUN, result: null };
  }

  const proposal = await proposalInputs(args, sheets, args.year);
  if (!proposal.ok) {
    io.stderr(bilingual(proposal.message, lang));
    return { code: EXIT_CANNOT_RUN, result: null };
  }
  const result = rankWorkbook(sheets, {
    ...rankOptionsFor(args, [...ignored, ...proposal.value.ignore]),
    ...proposal.value.options,
  });
  const nothing = nothingRanked(result);
  if (nothing) {
    io.stderr(bilingual(nothing, lang));
    return { code: EXIT_CANNOT_RUN, result };
  }

  const models = buildCandidateSheets(result, lang);
  const written = await writeAwardWorkbook(load.loaded.bytes, input, out, [
    ...models,
    ...proposalSheets(result, lang, args, proposal.value.hasDecisionSheet, localIsoDate(io.now())),
  ]);
  if (!written.ok) {
    io.stderr(bilingual(written.message, lang));
    return { code: EXIT_CANNOT_RUN, result };
  }

  // With the JSON on standard output, the summary goes to standard error to keep it parseable.
  const say = args.json === "-" ? io.stderr : io.stdout;
  if (args.json !== undefined) {
    const json = `${jsonSafe(JSON.stringify(toResultJson(result, lang), null, 2))}\n`;
    if (args.json === "-") io.stdout(json);
    else {
      try {
        await fs.writeFile(args.json, json, "utf8");
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? "";
        io.stderr(
          bilingual(
            {
              vi: `Không ghi được tệp JSON “${args.json}” (${code}); hãy kiểm tra thư mục và quyền ghi. Sổ kết quả đã ghi: ${written.path}`,
              en: `Cannot write the JSON file “${args.json}” (${code}); check the folder and permissions. The result workbook was written: ${written.path}`,
            },
            lang,
          ),
        );
        return { code: EXIT_CANNOT_RUN, result };
      }
    }
  }
  const files = await writeProposalFiles(result, args, lang);
  if (!files.ok) {
    io.stderr(bilingual(files.message, lang));
    return { code: EXIT_CANNOT_RUN, result };
  }
  say(summaryText(input, result, notes, written.path, lang));
  for (const line of [...budgetSummary(result, lang), ...files.value]) say(`${oneLine(line)}\n`);
  if (args.json !== undefined && args.json !== "-") {
    say(`${WORDS[lang].json}: ${oneLine(args.json)}\n`);
  }
  return { code: hasInvalidRows(result) ? EXIT_INVALID_ROWS : EXIT_OK, result };
}

async function runDemo(args: RunArgs, io: CliIo): Promise<number> {
  const input = samplePath(__dirname);
  if (!input) {
    io.stderr(
      bilingual(
        {
          vi: `Không tìm thấy sổ mẫu samples/${SAMPLE_FILE}: hãy chạy lệnh trong thư mục dự án, hoặc tạo lại bằng “npm run sample”.`,
          en: `The sample workbook samples/${SAMPLE_FILE} was not found: run this inside the project folder, or make it with “npm run sample”.`,
        },
        args.lang,
      ),
    );
    return EXIT_CANNOT_RUN;
  }
  let out = args.out;
  if (out === undefined) {
    const dir = path.join(os.tmpdir(), "dti-awards-demo");
    await fs.mkdir(dir, { recursive: true });
    out = path.join(dir, SAMPLE_FILE.replace(/\.xlsx$/, ".awards.xlsx"));
  }
  const { code } = await runRanking({ input, out, args, io });
  if (code === EXIT_CANNOT_RUN) return code;
  (args.json === "-" ? io.stderr : io.stdout)(`\n${WORDS[args.lang].demoInvalid}\n`);
  // The sample's invalid row is planted: the demo ran as it should.
  return EXIT_OK;
}

/**
 * Runs the command line and returns its exit code. Never throws and never prints a stack trace.
 *
 * @example
 * await main(["rank", "scores.xlsx", "--decision-date", "2024-03-31"]) //=> 0
 * await main(["rank", "missing.xlsx"]) //=> 2
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const parsed = parseArgs(argv, localIsoDate(io.now()));
  if (!parsed.ok) {
    io.stderr(bilingual(parsed.message, parsed.lang));
    return EXIT_CANNOT_RUN;
  }
  const command = parsed.command;
  try {
    if (command.kind === "help") {
      io.stdout(helpText(command.lang));
      return EXIT_OK;
    }
    if (command.kind === "demo") return await runDemo(command.args, io);
    const out = command.args.out ?? defaultOutputPath(command.input);
    return (await runRanking({ input: command.input, out, args: command.args, io })).code;
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    const lang = command.kind === "help" ? command.lang : command.args.lang;
    io.stderr(
      bilingual(
        {
          vi: `Lỗi ngoài dự kiến (${detail}). Hãy gửi tệp và câu lệnh này cho Sở Thông tin và Truyền thông để được hỗ trợ.`,
          en: `Unexpected error (${detail}). Please send the workbook and this command to the Department of Information and Communications.`,
        },
        lang,
      ),
    );
    return EXIT_CANNOT_RUN;
  }
}
