/**
 * The command line's proposal options (issue 12), checked before anything is read:
 * `--decisions SHEET|FILE`, `--round SCORE_YEAR=ROUND` (repeatable), `--proposal FILE.xlsx|.docx`
 * (repeatable) and `--agency "Sở …"`.
 */
import { parseRounds } from "../domain/reviewRound";
import type { Bilingual, Lang, RoundMap } from "../domain/types";

/** The proposal options of a run, as `parseArgs` gives them. */
export interface ProposalArgs {
  /** A sheet of the workbook, or an .xlsx/.csv file holding the decisions table. */
  readonly decisions?: string;
  /** "2024=2025", or "2025" for the single year of the run. */
  readonly rounds?: readonly string[];
  /** Standalone outputs: .xlsx (the lists and the summary) or .docx (the Tờ trình). */
  readonly proposals?: readonly string[];
  /** The submitting Department as written in text, e.g. "Sở Khoa học và Công nghệ". */
  readonly agency?: string;
}

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: Bilingual };

/**
 * Checks the proposal options on the command line before anything is read.
 *
 * @example
 * checkProposalArgs({ proposals: ["list.pdf"] }, undefined).ok //=> false
 */
export function checkProposalArgs(
  args: ProposalArgs,
  year: number | undefined,
): Checked<RoundMap | undefined> {
  for (const file of args.proposals ?? []) {
    if (!/\.(xlsx|docx)$/i.test(file)) {
      return {
        ok: false,
        message: {
          vi: `Tệp đề nghị “${file}” phải có đuôi .xlsx (danh sách) hoặc .docx (Tờ trình).`,
          en: `The proposal file “${file}” must end in .xlsx (the list) or .docx (the submission).`,
        },
      };
    }
  }
  if (!args.rounds || args.rounds.length === 0) return { ok: true, value: undefined };
  const parsed = parseRounds(args.rounds, year);
  return parsed.ok ? { ok: true, value: parsed.rounds } : { ok: false, message: parsed.message };
}

/**
 * The help lines of the proposal options.
 *
 * @example
 * proposalHelp("en").startsWith("  --decisions") //=> true
 */
export function proposalHelp(lang: Lang): string {
  if (lang === "en") {
    return `  --decisions SHEET|FILE    the council's decisions: a sheet of the workbook, or an .xlsx/.csv file;
                            default: the sheet "Quyết định của Hội đồng" when there is one
  --round YEAR=ROUND        the review round a score year serves (e.g. 2024=2025: the 2025 summary's
                            quotas); with --year, just the round (repeatable)
  --proposal FILE           also write the proposal list (.xlsx) or the draft submission with the
                            list attached (.docx, Decree 30/2020 layout) (repeatable)
  --agency "Sở …"           the submitting Department; default: Sở Thông tin và Truyền thông
`;
  }
  return `  --decisions TRANG|TỆP    quyết định của Hội đồng: một trang của sổ, hoặc tệp .xlsx/.csv;
                            mặc định: trang “Quyết định của Hội đồng” nếu có
  --round NĂM=ĐỢT           đợt xét mà bảng điểm một năm phục vụ (ví dụ 2024=2025: số suất của đợt
                            tổng kết 2025); kèm --year thì chỉ ghi đợt (ghi nhiều lần được)
  --proposal TỆP            ghi thêm danh sách đề nghị (.xlsx) hoặc dự thảo Tờ trình kèm danh sách
                            (.docx, thể thức Nghị định 30/2020) (ghi nhiều lần được)
  --agency "Sở …"           cơ quan trình; mặc định: Sở Thông tin và Truyền thông
`;
}
