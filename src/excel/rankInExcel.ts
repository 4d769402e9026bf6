/**
 * The whole Rank inside Excel: read the workbook, hand the cells to the engine, write the
 * candidate and data-check sheets. Used by the task pane and the ribbon command alike.
 */
import type { Issue } from "../domain/issues";
import type { PrintSheetModel } from "../domain/printSheet";
import type {
  AwardResult,
  Bilingual,
  CellSheet,
  Lang,
  RankOptions,
  SheetModel,
} from "../domain/types";
import { proposalRankOptions } from "./proposalSettings";
import { readWorkbook } from "./readWorkbook";
import type { SettingsNotSavedError } from "./failures";
import { queuePrintSheets, type PrintedSheet } from "./writePrintSheets";
import { writeSheetModels, type WrittenSheet } from "./writeSheets";

/** The two engine calls the adapter needs (injected, so the adapter can be tested alone). */
export interface Engine {
  rankWorkbook(sheets: readonly CellSheet[], options: RankOptions): AwardResult;
  buildCandidateSheets(result: AwardResult, lang: Lang): SheetModel[];
  /** The proposal lists and the summary, print-ready (an engine may have none). */
  buildPrintSheets?(result: AwardResult, lang: Lang, agency: string | undefined): PrintSheetModel[];
}

export const RANK_STEPS = ["reading", "ranking", "writing"] as const;
export type RankStep = (typeof RANK_STEPS)[number];

export interface RankRequest {
  readonly options: RankOptions;
  readonly lang: Lang;
  readonly onStep?: (step: RankStep) => void;
}

/** The first rows of a sheet as text: what the task pane offers for column mapping. */
export interface SheetPreview {
  readonly name: string;
  /** 0-based row of `rows[0]`. */
  readonly rowOffset: number;
  readonly colOffset: number;
  readonly rows: readonly (readonly string[])[];
}

export type RankOutcome =
  | {
      readonly kind: "written";
      readonly result: AwardResult;
      readonly sheets: readonly WrittenSheet[];
      readonly previews: readonly SheetPreview[];
      /** The sheets are written, but Office could not save which ones are the add-in's. */
      readonly settingsNotSaved: SettingsNotSavedError | null;
      /** The proposal lists and the summary written beside them. */
      readonly printed?: readonly PrintedSheet[];
      /** The council's decisions sheet the Rank read, if the workbook has one. */
      readonly decisionSheet?: string;
    }
  | {
      /** Nothing could be ranked: nothing was written. */
      readonly kind: "nothing";
      readonly result: AwardResult;
      readonly message: Bilingual;
      readonly previews: readonly SheetPreview[];
    };

const PREVIEW_ROWS = 30;
const PREVIEW_COLUMNS = 26;

const NOTHING_FOUND: Bilingual = {
  vi: "Không tìm thấy bảng điểm nào để xếp hạng. Hãy mở trang tính có bảng điểm (cột tên đơn vị và cột điểm), hoặc chọn trang, dòng tiêu đề và các cột trong ô “Chọn cột”.",
  en: "No score table to rank was found. Open the sheet with the scores (a unit-name column and a score column), or pick the sheet, header row and columns under “Choose columns”.",
};

/**
 * True when the engine placed at least one row (valid or not) in a bloc: something to write.
 *
 * @example
 * hasRankedRows({ years: [], unplaced: [] } as unknown as AwardResult) //=> false
 */
export function hasRankedRows(result: AwardResult): boolean {
  return (
    result.unplaced.length > 0 ||
    result.years.some((year) => year.blocs.some((bloc) => bloc.units.length > 0))
  );
}

/**
 * The message for a run that found nothing: the engine's own NO_SCORE_TABLE (or first error)
 * message when it has one.
 *
 * @example
 * nothingMessage([]).en.startsWith("No score table") //=> true
 */
export function nothingMessage(issues: readonly Issue[]): Bilingual {
  const issue =
    issues.find((i) => i.code === "NO_SCORE_TABLE") ?? issues.find((i) => i.severity === "error");
  return issue ? issue.message : NOTHING_FOUND;
}

/**
 * The first rows and columns of each sheet as text.
 *
 * @example
 * sheetPreviews([{ name: "S", values: [[1, "a"]] }])[0].rows //=> [["1", "a"]]
 */
export function sheetPreviews(sheets: readonly CellSheet[]): SheetPreview[] {
  return sheets.map((sheet) => ({
    name: sheet.name,
    rowOffset: sheet.rowOffset ?? 0,
    colOffset: sheet.colOffset ?? 0,
    rows: sheet.values
      .slice(0, PREVIEW_ROWS)
      .map((row) =>
        row
          .slice(0, PREVIEW_COLUMNS)
          .map((v) => (v === null || v === undefined ? "" : String(v).trim())),
      ),
  }));
}

/**
 * Runs Rank on the open workbook: at most four requests when the data fits in one, more only when
 * the 5 MB payload limit asks for blocks.
 */
export function rankInExcel(request: RankRequest, engine: Engine): Promise<RankOutcome> {
  // The pane and the ribbon share one runtime: a second Rank waits for the first, so that two runs
  // never replace the same output sheet at once.
  const run = queue.then(() => rankOnce(request, engine));
  queue = run.catch(() => undefined);
  return run;
}

let queue: Promise<unknown> = Promise.resolve();

async function rankOnce(request: RankRequest, engine: Engine): Promise<RankOutcome> {
  return Excel.run(async (context) => {
    request.onStep?.("reading");
    const reading = await readWorkbook(context);
    const ownSheets = reading.infos.filter((info) => info.marker !== null).map((i) => i.name);
    const proposal = proposalRankOptions(reading.infos, reading.sheets, request.options);
    const options: RankOptions = {
      ...request.options,
      ignoreSheets: [...(request.options.ignoreSheets ?? []), ...ownSheets],
      ...proposal.options,
    };
    request.onStep?.("ranking");
    const result = engine.rankWorkbook(reading.sheets, options);
    const previews = sheetPreviews(reading.sheets);
    if (!hasRankedRows(result)) {
      return { kind: "nothing", result, message: nothingMessage(result.issues), previews };
    }
    request.onStep?.("writing");
    const models = engine.buildCandidateSheets(result, request.lang);
    // The proposal lists and the summary ride in the candidate sheets' requests.
    const printing = engine.buildPrintSheets
      ? await queuePrintSheets(
          context,
          engine.buildPrintSheets(result, request.lang, proposal.agency),
          reading.infos,
        )
      : null;
    const written = await writeSheetModels(context, models, reading.infos);
    const { sheets } = written;
    const finished = printing ? await printing.finish() : null;
    const printed = finished?.printed ?? [];
    const settingsNotSaved = written.settingsNotSaved ?? finished?.settingsNotSaved ?? null;
    const decisionSheet = proposal.options.decisions?.name;
    return {
      kind: "written",
      result,
      sheets,
      previews,
      settingsNotSaved,
      printed,
      ...(decisionSheet ? { decisionSheet } : {}),
    };
  });
}
