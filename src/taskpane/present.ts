/**
 * What the task pane shows, as plain data: the per-bloc summary, the count of data issues, the
 * reading report of each table, the column choices of "Chọn cột", and the choice a refused table
 * asks for. No DOM here; taskpane.ts draws it.
 */
import { describeIssue, type Issue } from "../domain/issues";
import { foldText, columnLetter } from "../domain/text";
import {
  COLUMN_ROLES,
  type AwardResult,
  type ColumnRole,
  type DetectedTable,
  type Lang,
} from "../domain/types";
import type { RankOutcome, SheetPreview } from "../excel/rankInExcel";
import { t, type StringKey } from "./i18n";

export interface BlocSummary {
  readonly year: number;
  readonly bloc: number;
  readonly slots: number;
  readonly candidates: readonly string[];
  readonly ties: readonly string[];
  readonly invalid: number;
}

/**
 * The per-bloc lines the pane shows after a run.
 *
 * @example
 * summarize({ years: [] } as unknown as AwardResult) //=> []
 */
export function summarize(result: AwardResult): BlocSummary[] {
  return result.years.flatMap((year) =>
    year.blocs.map((bloc) => ({
      year: year.year,
      bloc: bloc.bloc,
      slots: bloc.collectiveSlots,
      candidates: bloc.units.filter((u) => u.status === "candidate").map((u) => u.name),
      ties: bloc.units.filter((u) => u.status === "tie").map((u) => u.name),
      invalid: bloc.units.filter((u) => u.status === "invalid").length,
    })),
  );
}

/**
 * How many errors and warnings the data-check sheet lists.
 *
 * @example
 * issueCounts([{ severity: "error" }, { severity: "warning" }, { severity: "info" }] as Issue[])
 * //=> { errors: 1, warnings: 1 }
 */
export function issueCounts(issues: readonly Pick<Issue, "severity">[]): {
  errors: number;
  warnings: number;
} {
  return {
    errors: issues.filter((i) => i.severity === "error").length,
    warnings: issues.filter((i) => i.severity === "warning").length,
  };
}

/**
 * Why detection is unsure, if it is, in the pane's language: no table, no year (the engine's
 * message with its sheet!cell), or a sheet with two score tables.
 *
 * @example
 * unsureReason({ kind: "written", result: { issues: [], tables: [] } } as never, "vi") //=> null
 */
export function unsureReason(outcome: RankOutcome, lang: Lang): string | null {
  if (outcome.kind === "nothing") return outcome.message[lang];
  const noYear = outcome.result.issues.find((i) => i.code === "YEAR_MISSING");
  if (noYear) return describeIssue(noYear, lang);
  const scoreSheets = outcome.result.tables
    .filter((table) => table.kind === "scores")
    .map((x) => x.sheet);
  const twice = scoreSheets.find((s, i) => scoreSheets.indexOf(s) !== i);
  return twice === undefined ? null : t(lang, "twoTables", { sheet: twice });
}

/** A table refused because two columns would rank it differently: which column to choose. */
export interface ColumnToChoose {
  readonly issue: Issue;
  readonly sheet: string | null;
  readonly role: ColumnRole;
}

/**
 * The first COLUMN_AMBIGUOUS issue of a run, with the role whose column the officer must choose.
 *
 * @example
 * columnToChoose([]) //=> null
 */
export function columnToChoose(issues: readonly Issue[]): ColumnToChoose | null {
  for (const issue of issues) {
    if (issue.code !== "COLUMN_AMBIGUOUS") continue;
    const role = issue.params.option;
    if (!(COLUMN_ROLES as readonly unknown[]).includes(role)) continue;
    const sheet =
      issue.sheet ?? (typeof issue.params.sheet === "string" ? issue.params.sheet : null);
    return { issue, sheet, role: role as ColumnRole };
  }
  return null;
}

/** The reading report of one table, as the pane's lines. */
export interface TableReading {
  readonly title: string;
  readonly columns: readonly string[];
  readonly notes: readonly string[];
}

const NOMINEE_ROLE_LABELS: Readonly<Record<string, { vi: string; en: string }>> = {
  person: { vi: "Họ và tên", en: "Name" },
  title: { vi: "Chức vụ", en: "Position" },
  unit: { vi: "Đơn vị công tác", en: "Unit" },
  direct: { vi: "Trực tiếp thực hiện", en: "Works directly" },
  achievement: { vi: "Thành tích", en: "Achievement" },
  year: { vi: "Năm", en: "Year" },
  note: { vi: "Ghi chú", en: "Note" },
};

/** A column role in the pane's words (score roles, or a nominee table's roles). */
function roleLabel(table: DetectedTable, role: string, lang: Lang): string {
  if (table.kind === "nominees") return NOMINEE_ROLE_LABELS[role]?.[lang] ?? role;
  return (COLUMN_ROLES as readonly string[]).includes(role)
    ? t(lang, `role_${role}` as StringKey)
    : role;
}

/**
 * One line for the table (sheet, cells, header row, year, where the blocs came from), one per
 * column taken, and the reader's notes.
 *
 * @example
 * tableReading({ sheet: "DTI", kind: "scores", headerRow: 6, range: "A6:D9", year: 2023,
 *   readings: [{ role: "unit", column: "B", header: "Tên đơn vị", why: { vi: "tiêu đề cột khớp",
 *   en: "the header matches" } }], blocSource: "sections", notes: [] } as never, "en").columns
 * //=> ["Unit name: column B “Tên đơn vị” (the header matches)"]
 */
export function tableReading(table: DetectedTable, lang: Lang): TableReading {
  const facts = [
    t(lang, "readingTable", { sheet: table.sheet, range: table.range, row: table.headerRow }),
    table.year === null ? t(lang, "readingNoYear") : t(lang, "readingYear", { year: table.year }),
  ];
  if (table.kind === "scores") {
    facts.push(
      table.blocSource === "none"
        ? t(lang, "readingNoBloc")
        : t(lang, "readingBloc", {
            source: t(lang, `blocSource_${table.blocSource}` as StringKey),
          }),
    );
  }
  return {
    title: facts.join(" · "),
    columns: table.readings.map((reading) =>
      t(lang, "readingColumn", {
        role: roleLabel(table, reading.role, lang),
        column: reading.column,
        header: reading.header,
        why: reading.why[lang],
      }),
    ),
    notes: table.notes.map((note) => note[lang]),
  };
}

/** A column "Chọn cột" offers: what is stored when it is chosen, and what the officer sees. */
export interface ColumnChoice {
  /** The header text when it names one column only, else the column letter. */
  readonly value: string;
  readonly letter: string;
  readonly header: string;
}

/**
 * The 1-based sheet row "Chọn cột" takes its headers from: the officer's, else the detected
 * table's, else the first row of the preview with two filled cells.
 *
 * @example
 * headerRowOf({ name: "S", rowOffset: 0, colOffset: 0, rows: [["Bảng"], ["A", "B"]] }, null, null) //=> 2
 */
export function headerRowOf(
  preview: SheetPreview,
  chosen: number | null,
  detected: number | null,
): number | null {
  if (chosen !== null && chosen > 0) return chosen;
  if (detected !== null) return detected;
  const at = preview.rows.findIndex((r) => r.filter((v) => v !== "").length >= 2);
  return at < 0 ? null : at + 1 + preview.rowOffset;
}

/**
 * The columns of a header row: each with its letter and header; a header text shared by two
 * columns (or none) is stored as the letter, so that the choice names one column.
 *
 * @example
 * columnChoices({ name: "S", rowOffset: 0, colOffset: 0, rows: [["Đơn vị", "Điểm", "Điểm"]] }, 1)
 *   .map((c) => c.value) //=> ["Đơn vị", "B", "C"]
 */
export function columnChoices(preview: SheetPreview, headerRow: number | null): ColumnChoice[] {
  if (headerRow === null) return [];
  const row = preview.rows[headerRow - 1 - preview.rowOffset] ?? [];
  const last = row.reduce((end, v, i) => (v !== "" ? i : end), -1);
  const cells = row.slice(0, last + 1);
  const folded = cells.map((h) => foldText(h));
  return cells.map((header, i) => {
    const letter = columnLetter(preview.colOffset + i);
    const unique = header !== "" && folded.indexOf(folded[i]) === folded.lastIndexOf(folded[i]);
    return { value: unique ? header : letter, letter, header };
  });
}

/**
 * The choice a stored column stands for: the same header text (folded, as the reader compares
 * headers) or the same letter.
 *
 * @example
 * matchingChoice([{ value: "Điểm", letter: "D", header: "Điểm" }], "D") //=> "Điểm"
 * matchingChoice([{ value: "Điểm", letter: "D", header: "Điểm" }], "điểm") //=> "Điểm"
 */
export function matchingChoice(choices: readonly ColumnChoice[], stored: string): string | null {
  const wanted = foldText(stored);
  const found =
    choices.find((c) => c.value === stored) ??
    choices.find((c) => c.letter === stored.trim().toUpperCase()) ??
    choices.find((c) => c.header !== "" && foldText(c.header) === wanted);
  return found ? found.value : null;
}
