import { isIsoDate, localIsoDate } from "../domain/prize";
/**
 * The command line, parsed into a value: a command to run or a message that says what is wrong.
 */
import type { Bilingual, IsoDate, Lang } from "../domain/types";
import { AWARD_YEARS, LANGS } from "../domain/types";
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
}

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

  const args: RunArgs = {
    year,
    decisionDate,
    sheets,
    nomineeSheet: values["--nominees"],
    out,
    json: values["--json"],
    lang: (values["--lang"] as Lang | undefined) ?? "vi",
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
  --nominees SHEET          the sheet of proposed individuals; default: found by its headers
  --out FILE.xlsx           where to write the result; default: <workbook>.awards.xlsx beside it
  --json FILE|-             also write the result as JSON (to standard output with -)
  --lang vi|en              language of the sheets and messages; default: vi
${proposalHelp("en")}
Exit codes: 0 ranked (warnings allowed); 1 ranked, but some rows are invalid (see the data-check
sheet); 2 could not run (bad arguments, unreadable file, no score table).
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
  --nominees TÊN            trang đề xuất cá nhân; mặc định: tự tìm theo tiêu đề cột
  --out TỆP.xlsx            nơi ghi kết quả; mặc định: <tệp>.awards.xlsx cạnh tệp gốc
  --json TỆP|-              ghi thêm kết quả dạng JSON (ra màn hình nếu là -)
  --lang vi|en              ngôn ngữ của trang kết quả và thông báo; mặc định: vi
${proposalHelp("vi")}
Mã thoát: 0 đã xếp hạng (có thể có cảnh báo); 1 đã xếp hạng nhưng có dòng không hợp lệ (xem trang
Kiểm tra dữ liệu); 2 không chạy được (sai tham số, không đọc được tệp, không có bảng điểm).
`;
}
