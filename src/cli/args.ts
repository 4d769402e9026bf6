/**
 * The command line, parsed into a value: a command to run or a message that says what is wrong.
 */
import { isIsoDate, localIsoDate } from "../domain/prize";
import type { Bilingual, Bloc, ColumnRole, IsoDate, Lang } from "../domain/types";
import { AWARD_YEARS, BLOCS, LANGS } from "../domain/types";
import { checkProposalArgs, proposalHelp, type ProposalArgs } from "./proposalArgs";

/** Options shared by `rank` and `demo` (the proposal ones only when given). */
export interface RunArgs extends ProposalArgs {
  readonly year: number | undefined;
  readonly decisionDate: IsoDate;
  readonly sheets: readonly string[];
  readonly nomineeSheet: string | undefined;
  readonly out: string | undefined;
  /** A file, or "-" for standard output. */
  readonly json: string | undefined;
  readonly lang: Lang;
  /**
   * The columns chosen with `--column ROLE=…` (as "Chọn cột" in the pane): role → header text, or
   * column letter in capitals.
   */
  readonly columns: Readonly<Partial<Record<ColumnRole, string>>>;
  /** `--header-row N`: the 1-based header row of the score tables read. */
  readonly headerRow: number | undefined;
  /** `--bloc N`: the bloc of every unit of the sheets read. */
  readonly bloc: Bloc | undefined;
}

/**
 * The roles `--column` takes, as an officer names them, and the engine's role for each.
 * The same roles as "Chọn cột" in the task pane.
 */
export const CLI_COLUMN_ROLES = {
  name: "unit",
  score: "score",
  max: "maxScore",
  ratio: "ratio",
  bloc: "bloc",
  year: "year",
  exclude: "excluded",
  note: "note",
  district: "district",
} as const satisfies Record<string, ColumnRole>;
export type CliColumnRole = keyof typeof CLI_COLUMN_ROLES;

/** The last column of a worksheet, XFD, as a number (A = 1). */
const LAST_COLUMN = 16_384;

export type CliCommand =
  | { readonly kind: "rank"; readonly input: string; readonly args: RunArgs }
  | { readonly kind: "demo"; readonly args: RunArgs }
  | { readonly kind: "help"; readonly lang: Lang };

export type ParsedArgs =
  | { readonly ok: true; readonly command: CliCommand }
  | { readonly ok: false; readonly message: Bilingual; readonly lang: Lang };

const VALUE_OPTIONS = [
  "--year",
  "--decision-date",
  "--sheet",
  "--nominees",
  "--out",
  "--json",
  "--lang",
  "--decisions",
  "--round",
  "--proposal",
  "--agency",
  "--column",
  "--header-row",
  "--bloc",
] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

function isValueOption(name: string): name is ValueOption {
  return (VALUE_OPTIONS as readonly string[]).includes(name);
}

export { localIsoDate };

/** The language asked for anywhere on the line, so that even an error speaks it. */
function langOf(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i += 1) {
    const [name, inline] = argv[i].split(/=(.*)/s, 2);
    const value = name === "--lang" ? (inline ?? argv[i + 1]) : undefined;
    if (value && (LANGS as readonly string[]).includes(value)) return value as Lang;
  }
  return "vi";
}

const HELP_HINT: Bilingual = {
  vi: "Xem hướng dẫn: dti-awards --help",
  en: "See: dti-awards --help",
};

function fail(lang: Lang, vi: string, en: string): ParsedArgs {
  return { ok: false, lang, message: { vi: `${vi} ${HELP_HINT.vi}`, en: `${en} ${HELP_HINT.en}` } };
}

/**
 * Parses the arguments after the program name. `today` is the default decision date.
 *
 * @example
 * parseArgs(["rank", "dti.xlsx", "--year", "2023"], "2024-03-31")
 * //=> { ok: true, command: { kind: "rank", input: "dti.xlsx", args: { year: 2023, decisionDate: "2024-03-31", sheets: [], … } } }
 * parseArgs(["rank"], "2024-03-31").ok //=> false
 */
export function parseArgs(argv: readonly string[], today: IsoDate): ParsedArgs {
  const lang = langOf(argv);
  const positional: string[] = [];
  const values: Partial<Record<ValueOption, string>> = {};
  const sheets: string[] = [];
  const repeated: { "--round": string[]; "--proposal": string[] } = {
    "--round": [],
    "--proposal": [],
  };
  const columnArgs: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h" || arg === "help") {
      help = true;
      continue;
    }
    if (arg === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith("-") && arg !== "-") {
      const eq = arg.indexOf("=");
      const name = eq >= 0 ? arg.slice(0, eq) : arg;
      if (!isValueOption(name)) {
        return fail(lang, `Không có tùy chọn “${name}”.`, `Unknown option “${name}”.`);
      }
      let value: string | undefined;
      if (eq >= 0) value = arg.slice(eq + 1);
      else {
        value = argv[i + 1];
        i += 1;
      }
      if (value === undefined || value === "") {
        return fail(lang, `Tùy chọn ${name} cần một giá trị.`, `Option ${name} needs a value.`);
      }
      if (name === "--sheet") sheets.push(value);
      else if (name === "--round" || name === "--proposal") repeated[name].push(value);
      else if (name === "--column") columnArgs.push(value);
      else if (values[name] !== undefined) {
        return fail(
          lang,
          `Tùy chọn ${name} chỉ được ghi một lần.`,
          `Option ${name} may be given only once.`,
        );
      } else values[name] = value;
      continue;
    }
    positional.push(arg);
  }
  if (help || positional.length === 0) return { ok: true, command: { kind: "help", lang } };

  const [command, ...rest] = positional;
  if (command !== "rank" && command !== "demo") {
    return fail(
      lang,
      `Không có lệnh “${command}”; các lệnh: rank, demo.`,
      `Unknown command “${command}”; commands: rank, demo.`,
    );
  }

  if (values["--lang"] !== undefined && !(LANGS as readonly string[]).includes(values["--lang"])) {
    return fail(
      lang,
      `Ngôn ngữ “${values["--lang"]}” không hỗ trợ; dùng --lang vi hoặc --lang en.`,
      `Language “${values["--lang"]}” is not supported; use --lang vi or --lang en.`,
    );
  }

  let year: number | undefined;
  if (values["--year"] !== undefined) {
    const text = values["--year"];
    year = /^\d{4}$/.test(text) ? Number(text) : NaN;
    if (!(AWARD_YEARS as readonly number[]).includes(year)) {
      return fail(
        lang,
        `Năm “${text}” không hợp lệ: phong trào có các năm ${AWARD_YEARS.join(", ")} (ví dụ --year 2023).`,
        `Year “${text}” is not valid: the movement's years are ${AWARD_YEARS.join(", ")} (e.g. --year 2023).`,
      );
    }
  }

  const decisionDate = values["--decision-date"] ?? today;
  if (!isIsoDate(decisionDate)) {
    return fail(
      lang,
      `Ngày quyết định “${decisionDate}” không hợp lệ: ghi theo dạng NĂM-THÁNG-NGÀY, ví dụ --decision-date 2024-03-31.`,
      `Decision date “${decisionDate}” is not valid: write it as YEAR-MONTH-DAY, e.g. --decision-date 2024-03-31.`,
    );
  }

  const out = values["--out"];
  if (out !== undefined && !/\.xlsx$/i.test(out)) {
    return fail(
      lang,
      `Tệp kết quả “${out}” phải có đuôi .xlsx.`,
      `The output file “${out}” must end in .xlsx.`,
    );
  }

  const proposal: ProposalArgs = {
    ...(values["--decisions"] !== undefined ? { decisions: values["--decisions"] } : {}),
    ...(repeated["--round"].length > 0 ? { rounds: repeated["--round"] } : {}),
    ...(repeated["--proposal"].length > 0 ? { proposals: repeated["--proposal"] } : {}),
    ...(values["--agency"] !== undefined ? { agency: values["--agency"] } : {}),
  };
  const checked = checkProposalArgs(proposal, year);
  if (!checked.ok) return fail(lang, checked.message.vi, checked.message.en);

  const columns = parseColumns(columnArgs);
  if (!columns.ok) return fail(lang, columns.message.vi, columns.message.en);
  const headerRow = parseHeaderRow(values["--header-row"]);
  if (!headerRow.ok) return fail(lang, headerRow.message.vi, headerRow.message.en);
  const bloc = parseBloc(values["--bloc"]);
  if (!bloc.ok) return fail(lang, bloc.message.vi, bloc.message.en);
  if (bloc.value !== undefined && columns.value.bloc !== undefined) {
    return fail(
      lang,
      `--bloc ${bloc.value} và --column bloc=${columns.value.bloc} mâu thuẫn nhau: hoặc mọi đơn vị thuộc một khối (--bloc), hoặc khối đọc từ một cột (--column bloc=…), không dùng cả hai.`,
      `--bloc ${bloc.value} and --column bloc=${columns.value.bloc} contradict each other: either every unit is of one bloc (--bloc) or the bloc is read from a column (--column bloc=…), not both.`,
    );
  }

  const args: RunArgs = {
    year,
    decisionDate,
    sheets,
    nomineeSheet: values["--nominees"],
    out,
    json: values["--json"],
    lang: (values["--lang"] as Lang | undefined) ?? "vi",
    columns: columns.value,
    headerRow: headerRow.value,
    bloc: bloc.value,
    ...proposal,
  };

  if (command === "demo") {
    if (rest.length > 0) {
      return fail(
        lang,
        `Lệnh demo không nhận tệp (“${rest[0]}”); nó xếp hạng sổ mẫu của dự án.`,
        `The demo command takes no file (“${rest[0]}”); it ranks the project's sample workbook.`,
      );
    }
    return { ok: true, command: { kind: "demo", args } };
  }
  if (rest.length === 0) {
    return fail(
      lang,
      "Thiếu tệp bảng điểm: dti-awards rank <tệp.xlsx>.",
      "The score workbook is missing: dti-awards rank <workbook.xlsx>.",
    );
  }
  if (rest.length > 1) {
    return fail(
      lang,
      `Chỉ xếp hạng một tệp mỗi lần (nhận được ${rest.length}: ${rest.join(", ")}).`,
      `Only one workbook per run (got ${rest.length}: ${rest.join(", ")}).`,
    );
  }
  return { ok: true, command: { kind: "rank", input: rest[0], args } };
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: Bilingual };

const ROLE_LIST = Object.keys(CLI_COLUMN_ROLES).join(", ");

/**
 * A column letter's number (A = 1), or null when the text is not one to three letters.
 *
 * @example
 * columnNumber("xfd") //=> 16384
 * columnNumber("Tổng điểm") //=> null
 */
export function columnNumber(text: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(text)) return null;
  return [...text.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** Header texts compared as the officer would read them: case, spacing and Unicode form aside. */
const sameHeader = (a: string, b: string): boolean =>
  a.normalize("NFC").toLowerCase().replace(/\s+/g, " ") ===
  b.normalize("NFC").toLowerCase().replace(/\s+/g, " ");

/**
 * The `--column ROLE=HEADER|LETTER` options as the engine's column choices. One to three letters
 * are a column letter (up to XFD), anything else a header text as written in the table.
 *
 * @example
 * parseColumns(["score=Tổng điểm", "name=b"])
 * //=> { ok: true, value: { score: "Tổng điểm", unit: "B" } }
 */
export function parseColumns(
  given: readonly string[],
): Parsed<Partial<Record<ColumnRole, string>>> {
  const columns: Partial<Record<ColumnRole, string>> = {};
  const chosenBy = new Map<ColumnRole, CliColumnRole>();
  for (const arg of given) {
    const eq = arg.indexOf("=");
    const roleText = (eq < 0 ? arg : arg.slice(0, eq)).trim().toLowerCase();
    const target = eq < 0 ? "" : arg.slice(eq + 1).trim();
    if (!(roleText in CLI_COLUMN_ROLES)) {
      return {
        ok: false,
        message: {
          vi: `Vai trò cột “${roleText}” không có trong --column ${arg}; các vai trò: ${ROLE_LIST}. Ví dụ: --column score="Tổng điểm" hoặc --column score=F.`,
          en: `Unknown column role “${roleText}” in --column ${arg}; the roles are: ${ROLE_LIST}. For example: --column score="Tổng điểm" or --column score=F.`,
        },
      };
    }
    const cliRole = roleText as CliColumnRole;
    const role = CLI_COLUMN_ROLES[cliRole];
    if (target === "") {
      return {
        ok: false,
        message: {
          vi: `--column ${cliRole} cần tiêu đề cột hoặc chữ cái của cột, ví dụ --column ${cliRole}="Tổng điểm" hoặc --column ${cliRole}=F.`,
          en: `--column ${cliRole} needs a column header or a column letter, e.g. --column ${cliRole}="Tổng điểm" or --column ${cliRole}=F.`,
        },
      };
    }
    const number = columnNumber(target);
    if (number !== null && number > LAST_COLUMN) {
      return {
        ok: false,
        message: {
          vi: `Cột “${target}” trong --column ${cliRole}=${target} không có: cột cuối của trang tính là XFD. Ghi chữ cái của cột (ví dụ F) hoặc tiêu đề cột.`,
          en: `There is no column “${target}” (--column ${cliRole}=${target}): the last column of a sheet is XFD. Give the column's letter (e.g. F) or its header.`,
        },
      };
    }
    if (/^\$?[A-Za-z]{1,3}\$?\d+$/.test(target)) {
      return {
        ok: false,
        message: {
          vi: `“${target}” trong --column ${cliRole}=${target} là một ô, không phải một cột: ghi chữ cái của cột (ví dụ ${target.replace(/[$\d]/g, "").toUpperCase()}) hoặc tiêu đề cột; dòng tiêu đề chọn bằng --header-row.`,
          en: `“${target}” in --column ${cliRole}=${target} is a cell, not a column: give the column's letter (e.g. ${target.replace(/[$\d]/g, "").toUpperCase()}) or its header; choose the header row with --header-row.`,
        },
      };
    }
    const value = number !== null ? target.toUpperCase() : target;
    if (chosenBy.has(role)) {
      return {
        ok: false,
        message: {
          vi: `Vai trò “${cliRole}” được chọn hai lần trong --column; mỗi vai trò chỉ một cột.`,
          en: `Role “${cliRole}” is chosen twice with --column; each role takes one column.`,
        },
      };
    }
    const clash = Object.entries(columns).find(([, v]) => v !== undefined && sameHeader(v, value));
    if (clash) {
      const other = Object.entries(CLI_COLUMN_ROLES).find(([, r]) => r === clash[0])?.[0];
      return {
        ok: false,
        message: {
          vi: `Cột “${value}” được chọn cho cả “${other}” và “${cliRole}”; mỗi cột chỉ một vai trò.`,
          en: `Column “${value}” is chosen for both “${other}” and “${cliRole}”; each column takes one role.`,
        },
      };
    }
    chosenBy.set(role, cliRole);
    columns[role] = value;
  }
  return { ok: true, value: columns };
}

/**
 * `--header-row N`: a whole number from 1 to 1,048,576 (the last row of a sheet).
 *
 * @example
 * parseHeaderRow("7") //=> { ok: true, value: 7 }
 * parseHeaderRow("0").ok //=> false
 */
export function parseHeaderRow(text: string | undefined): Parsed<number | undefined> {
  if (text === undefined) return { ok: true, value: undefined };
  const n = /^\d{1,7}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 1_048_576) {
    return {
      ok: false,
      message: {
        vi: `Dòng tiêu đề “${text}” không hợp lệ: ghi số dòng như Excel đánh số, từ 1 (ví dụ --header-row 7).`,
        en: `Header row “${text}” is not valid: give the row number as Excel shows it, from 1 (e.g. --header-row 7).`,
      },
    };
  }
  return { ok: true, value: n };
}

const ROMAN_BLOCS: Readonly<Record<string, Bloc>> = { I: 1, II: 2, III: 3, IV: 4 };

/**
 * `--bloc N`: a bloc of the plan, 1 to 4 (or I to IV, as the officers' sheets write it).
 *
 * @example
 * parseBloc("3") //=> { ok: true, value: 3 }
 * parseBloc("IV") //=> { ok: true, value: 4 }
 * parseBloc("5").ok //=> false
 */
export function parseBloc(text: string | undefined): Parsed<Bloc | undefined> {
  if (text === undefined) return { ok: true, value: undefined };
  const trimmed = text.trim();
  const n = /^\d$/.test(trimmed) ? Number(trimmed) : ROMAN_BLOCS[trimmed.toUpperCase()];
  if (!(BLOCS as readonly number[]).includes(n)) {
    return {
      ok: false,
      message: {
        vi: `Khối “${text}” không hợp lệ: Kế hoạch 140/KH-UBND có các khối 1, 2, 3, 4 (ví dụ --bloc 3 cho UBND xã, phường, thị trấn).`,
        en: `Bloc “${text}” is not valid: Plan 140/KH-UBND has blocs 1, 2, 3 and 4 (e.g. --bloc 3 for commune, ward and town People's Committees).`,
      },
    };
  }
  return { ok: true, value: n as Bloc };
}

/** The text of `dti-awards --help`. */
export function helpText(lang: Lang): string {
  if (lang === "en") {
    return `dti-awards — award candidates of the emulation movement "Digital transformation by 2025" (Plan 140/KH-UBND, Can Tho)

Usage:
  dti-awards rank <workbook.xlsx> [options]   rank a score workbook and write a copy with the candidate sheets
  dti-awards demo [options]                   rank the project's sample workbook
  dti-awards --help                           this text

Options:
  --year N                  rank only year N (2022–2025); default: every year in the workbook
  --decision-date YYYY-MM-DD  date of the award decision, for the prize money; default: today
  --sheet NAME              read scores only from this sheet (repeatable)
  --header-row N            the score table's header is row N (as Excel numbers rows); default: found
  --column ROLE=HEADER|LETTER
                            read ROLE from this column, named by its header as written in the table
                            or by its letter (one to three letters, A to XFD, are a letter);
                            repeatable, one column per role. Roles: name (unit name), score,
                            max (max score), ratio, bloc, year, exclude (marks a unit not
                            considered), note, district (the district of each commune, which
                            tells same-named communes apart). The same choice as "Chọn cột" in
                            the task pane.
                            E.g. --column score="Tổng điểm" --column max=E
  --bloc N                  every unit of the sheets read is of bloc N (1–4), for a one-bloc sheet
                            without bloc headings or a bloc column
  --nominees SHEET          the sheet of proposed individuals; default: found by its headers
  --out FILE.xlsx           where to write the result; default: <workbook>.awards.xlsx beside it
  --json FILE|-             also write the result as JSON (to standard output with -)
  --lang vi|en              language of the sheets and messages; default: vi
${proposalHelp("en")}
Exit codes: 0 ranked (warnings allowed); 1 ranked, but some rows are invalid (see the data-check
sheet); 2 could not run (bad arguments, unreadable file, no score table, or every score table
refused because two columns rank it differently: choose one with --column).
`;
  }
  return `dti-awards — đề xuất khen thưởng Phong trào thi đua "Chuyển đổi số đến năm 2025" (Kế hoạch 140/KH-UBND, TP Cần Thơ)

Cách dùng:
  dti-awards rank <tệp.xlsx> [tùy chọn]   xếp hạng sổ bảng điểm, ghi bản sao có trang đề xuất khen thưởng
  dti-awards demo [tùy chọn]              xếp hạng sổ mẫu của dự án
  dti-awards --help                       hướng dẫn này

Tùy chọn:
  --year N                  chỉ xét năm N (2022–2025); mặc định: mọi năm có trong sổ
  --decision-date YYYY-MM-DD  ngày ký quyết định khen thưởng, để tính tiền thưởng; mặc định: hôm nay
  --sheet TÊN               chỉ đọc điểm ở trang tính này (ghi nhiều lần được)
  --header-row N            dòng tiêu đề của bảng điểm là dòng N (số dòng như Excel hiện);
                            mặc định: tự tìm
  --column VAI_TRÒ=TIÊU_ĐỀ|CHỮ_CỘT
                            đọc VAI_TRÒ ở cột này, gọi bằng tiêu đề cột như ghi trong bảng hoặc
                            bằng chữ cái của cột (một đến ba chữ cái, A đến XFD, là chữ cột);
                            ghi nhiều lần được, mỗi vai trò một cột. Vai trò: name (tên đơn vị),
                            score (điểm), max (điểm tối đa), ratio (tỷ lệ), bloc (khối), year
                            (năm), exclude (đánh dấu đơn vị không xét), note (ghi chú),
                            district (quận, huyện của mỗi xã, phân biệt các xã trùng tên).
                            Giống “Chọn cột” trong ngăn tác vụ.
                            Ví dụ: --column score="Tổng điểm" --column max=E
  --bloc N                  mọi đơn vị của các trang được đọc thuộc khối N (1–4), cho trang chỉ
                            có một khối, không có dòng tên khối hay cột khối
  --nominees TÊN            trang đề xuất cá nhân; mặc định: tự tìm theo tiêu đề cột
  --out TỆP.xlsx            nơi ghi kết quả; mặc định: <tệp>.awards.xlsx cạnh tệp gốc
  --json TỆP|-              ghi thêm kết quả dạng JSON (ra màn hình nếu là -)
  --lang vi|en              ngôn ngữ của trang kết quả và thông báo; mặc định: vi
${proposalHelp("vi")}
Mã thoát: 0 đã xếp hạng (có thể có cảnh báo); 1 đã xếp hạng nhưng có dòng không hợp lệ (xem trang
Kiểm tra dữ liệu); 2 không chạy được (sai tham số, không đọc được tệp, không có bảng điểm, hoặc mọi
bảng điểm đều chưa xếp hạng vì hai cột cho kết quả khác nhau: chọn cột bằng --column).
`;
}
