/**
 * The command line's `--json` output: a stable, documented shape ("dti-awards/result@1") for
 * scripts and other systems. Fields may be added; the ones here are never renamed.
 */
import { budgetOf, type Budget } from "./budget";
import type { IssueCode } from "./issues";
import type {
  AppliedDecision,
  AwardResult,
  AwardYear,
  Bloc,
  BlocSource,
  IndividualStatus,
  Lang,
  PrizeBasis,
  Severity,
  UnitStatus,
} from "./types";

export interface ResultJsonUnit {
  readonly name: string;
  readonly score: number | null;
  readonly maxScore: number | null;
  /** score ÷ max as a fraction; null without a max score or for an invalid row. */
  readonly ratio: number | null;
  /** null for an invalid row. */
  readonly rank: number | null;
  readonly status: UnitStatus;
  readonly prizeVnd: number | null;
  /** "Sheet!A1" of the unit's name cell. */
  readonly source: string;
  readonly tie: { readonly size: number; readonly open: number } | null;
  readonly chosenIndividual: string | null;
  readonly reason: string;
  /** The council's decision behind the status, when there is one. */
  readonly decision?: ResultJsonDecision;
}

export interface ResultJsonDecision {
  readonly kind: "choose" | "withdraw";
  readonly reason: string;
  /** "Sheet!A1" of the decision. */
  readonly source: string;
}

export interface ResultJsonIndividual {
  readonly name: string;
  readonly title: string;
  readonly unit: string;
  readonly unitRank: number | null;
  readonly direct: boolean;
  readonly status: IndividualStatus;
  readonly prizeVnd: number | null;
  readonly source: string;
  readonly reason: string;
  readonly decision?: ResultJsonDecision;
}

export interface ResultJsonBloc {
  readonly bloc: Bloc;
  readonly collectiveSlots: number;
  readonly individualSlots: number;
  readonly empty: boolean;
  readonly units: readonly ResultJsonUnit[];
  readonly individuals: readonly ResultJsonIndividual[];
}

export interface ResultJsonIssue {
  readonly severity: Severity;
  readonly code: IssueCode;
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly message: string;
}

export interface ResultJsonUnplaced {
  readonly name: string;
  readonly bloc: Bloc | null;
  readonly year: number | null;
  readonly source: string;
  readonly issueCodes: readonly string[];
}

/** How one column of a table was read: the reading report's line for one role. */
export interface ResultJsonReading {
  /** The engine's role: unit, score, maxScore, ratio, bloc, year, excluded, note (or a nominee role). */
  readonly role: string;
  /** A1 column letter, e.g. "D". */
  readonly column: string;
  /** The header as written in the table. */
  readonly header: string;
  /** Why this column was taken, in the language of the run. */
  readonly why: string;
}

export interface ResultJsonTable {
  readonly sheet: string;
  readonly kind: "scores" | "nominees";
  /** The cells the table spans, header included, e.g. "A7:G48". */
  readonly range: string;
  /** 1-based sheet row of the header. */
  readonly headerRow: number;
  /** Role → column letter (the short form of `readings`). */
  readonly columns: Readonly<Record<string, string>>;
  /** One line per column read, in sheet column order. */
  readonly readings: readonly ResultJsonReading[];
  readonly dataRows: number;
  readonly year: number | null;
  readonly yearSource: string;
  /** Where the units' blocs came from: column, sections, sheet, title, caller (--bloc) or none. */
  readonly blocSource: BlocSource;
  /** Other facts of the reading (a hidden sheet read, rows skipped …), in the language of the run. */
  readonly notes: readonly string[];
  /** True for a table not ranked: two of its columns would rank it differently (COLUMN_AMBIGUOUS). */
  readonly refused: boolean;
}

export interface ResultJson {
  readonly schema: "dti-awards/result@1";
  /** The award decision date the prizes are computed for; null when none is known. */
  readonly decisionDate: string | null;
  readonly prize: PrizeBasis | null;
  readonly years: readonly {
    readonly year: AwardYear;
    /** The review round the year's scores serve (its quotas). */
    readonly round: AwardYear;
    readonly blocs: readonly ResultJsonBloc[];
  }[];
  /** Prize money per year and recipient; tied slots apart as "pending". */
  readonly budget: Budget;
  readonly issues: readonly ResultJsonIssue[];
  readonly unplaced: readonly ResultJsonUnplaced[];
  readonly tables: readonly ResultJsonTable[];
}

const place = (ref: { readonly sheet: string; readonly cell: string }): string =>
  `${ref.sheet}!${ref.cell}`;

const decisionJson = (decision: AppliedDecision | undefined): { decision?: ResultJsonDecision } =>
  decision
    ? { decision: { kind: decision.kind, reason: decision.reason, source: place(decision.source) } }
    : {};

/**
 * The JSON form of a result, messages in one language.
 *
 * @example
 * toResultJson(result, "en").years[0].blocs[0].units[0]
 * //=> { name: "Sở Tư pháp", score: 942.5, maxScore: 1000, ratio: 0.9425, rank: 1,
 * //     status: "candidate", prizeVnd: 3600000, source: "DTI 2023!B11", … }
 */
export function toResultJson(result: AwardResult, lang: Lang): ResultJson {
  return {
    schema: "dti-awards/result@1",
    decisionDate: result.decisionDate ?? result.prize?.decisionDate ?? null,
    prize: result.prize,
    years: result.years.map((year) => ({
      year: year.year,
      round: year.round ?? year.year,
      blocs: year.blocs.map((bloc) => ({
        bloc: bloc.bloc,
        collectiveSlots: bloc.collectiveSlots,
        individualSlots: bloc.individualSlots,
        empty: bloc.empty,
        units: bloc.units.map((u) => ({
          name: u.name,
          score: u.score,
          maxScore: u.maxScore,
          ratio: u.status === "invalid" ? null : u.ratio,
          rank: u.rank,
          status: u.status,
          prizeVnd: u.prizeVnd,
          source: place(u.source),
          tie: u.tie,
          chosenIndividual: u.chosenIndividual,
          reason: u.reason[lang],
          ...decisionJson(u.decision),
        })),
        individuals: bloc.individuals.map((p) => ({
          name: p.name,
          title: p.title,
          unit: p.unit,
          unitRank: p.unitRank,
          direct: p.direct,
          status: p.status,
          prizeVnd: p.prizeVnd,
          source: place(p.source),
          reason: p.reason[lang],
          ...decisionJson(p.decision),
        })),
      })),
    })),
    budget: budgetOf(result),
    issues: result.issues.map((issue) => ({
      severity: issue.severity,
      code: issue.code,
      sheet: issue.sheet,
      cell: issue.cell,
      message: issue.message[lang],
    })),
    unplaced: result.unplaced.map((row) => ({
      name: row.name,
      bloc: row.bloc,
      year: row.year,
      source: place(row.source),
      issueCodes: row.issueCodes,
    })),
    tables: result.tables.map((t) => ({
      sheet: t.sheet,
      kind: t.kind,
      range: t.range,
      headerRow: t.headerRow,
      columns: { ...t.columns } as Record<string, string>,
      readings: t.readings.map((r) => ({
        role: r.role,
        column: r.column,
        header: r.header,
        why: r.why[lang],
      })),
      dataRows: t.dataRows,
      year: t.year,
      yearSource: t.yearSource,
      blocSource: t.blocSource,
      notes: t.notes.map((note) => note[lang]),
      refused: t.refused,
    })),
  };
}
