/**
 * The council's decisions sheet in the open workbook. The add-in creates it once, the first time
 * the officer records a decision, and from then on only adds rows to its table: it is never
 * replaced or rewritten, so a Rank (which replaces the candidate sheets) cannot lose a decision.
 * It is found by its table's name (a renamed sheet is still found), else by its name.
 */
import {
  DECISION_HEADER_ROW,
  DECISION_SHEET_NAME,
  DECISION_TABLE_NAME,
  decisionHeaderRow,
  decisionRowValues,
  decisionSheetIntro,
  type DecisionRowInput,
} from "../domain/decisions";
import { freeSheetName, freeTableName } from "../domain/sheetNames";
import type { CellSheet, Lang } from "../domain/types";
import { LANGS } from "../domain/types";
import { asCellInput } from "./names";
import { readWorkbook, type SheetInfo } from "./readWorkbook";

const WIDTHS = [7, 7, 11, 34, 20, 24, 14, 30, 12, 10, 10, 10, 12];
const POINTS_PER_CHARACTER = 7;

/** True for a table name the add-in gives the decisions table ("QuyetDinhHoiDong", "…_2"). */
function isDecisionTable(name: string): boolean {
  return (
    name.toLowerCase() === DECISION_TABLE_NAME.toLowerCase() ||
    name.toLowerCase().startsWith(`${DECISION_TABLE_NAME.toLowerCase()}_`)
  );
}

/**
 * The decisions sheet among the workbook's sheets: the one holding the decisions table, else
 * the one named like it (in either language); null when there is none.
 *
 * @example
 * findDecisionSheet([{ id: "1", name: "QĐ", visible: true, marker: null, tables: ["QuyetDinhHoiDong"] }])?.name //=> "QĐ"
 */
export function findDecisionSheet(infos: readonly SheetInfo[]): SheetInfo | null {
  const byTable = infos.find((info) => info.marker === null && info.tables.some(isDecisionTable));
  if (byTable) return byTable;
  const names = LANGS.map((lang) => DECISION_SHEET_NAME[lang].toLowerCase());
  return (
    infos.find((info) => info.marker === null && names.includes(info.name.trim().toLowerCase())) ??
    null
  );
}

/**
 * The decisions sheet's cells among the sheets read, for the engine's `decisions` option.
 *
 * @example
 * decisionCells(reading)?.name //=> "Quyết định của Hội đồng"
 */
export function decisionCells(
  infos: readonly SheetInfo[],
  sheets: readonly CellSheet[],
): CellSheet | null {
  const info = findDecisionSheet(infos);
  return info ? (sheets.find((s) => s.name === info.name) ?? null) : null;
}

/**
 * Adds decision rows to the decisions table, creating the sheet and its table the first time.
 * Returns the sheet's name. Nothing already written is changed.
 */
export async function recordDecisions(
  rows: readonly DecisionRowInput[],
  lang: Lang,
): Promise<string> {
  return Excel.run(async (context) => {
    const { infos } = await readWorkbook(context);
    const values = rows.map((row) => decisionRowValues(row, lang).map(asCellInput));
    const existing = findDecisionSheet(infos);
    const tableName = existing?.tables.find(isDecisionTable);
    if (existing && tableName) {
      const table = context.workbook.worksheets.getItem(existing.id).tables.getItem(tableName);
      if (values.length > 0) table.rows.add(undefined, values);
      await context.sync();
      return existing.name;
    }
    if (existing) {
      // The officer removed the table but kept the sheet: add the rows under what is there.
      const sheet = context.workbook.worksheets.getItem(existing.id);
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("rowIndex,rowCount");
      await context.sync();
      const next = used.isNullObject ? DECISION_HEADER_ROW + 1 : used.rowIndex + used.rowCount;
      if (values.length > 0) {
        sheet.getRangeByIndexes(next, 0, values.length, values[0].length).values = values;
      }
      await context.sync();
      return existing.name;
    }
    const name = freeSheetName(
      DECISION_SHEET_NAME[lang],
      infos.map((info) => info.name),
    );
    const sheet = context.workbook.worksheets.add(name);
    const [title, how] = decisionSheetIntro(lang);
    sheet.getRangeByIndexes(0, 0, 1, 1).values = [[title]];
    sheet.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
    sheet.getRangeByIndexes(0, 0, 1, 1).format.font.size = 14;
    sheet.getRangeByIndexes(1, 0, 1, 1).values = [[how]];
    sheet.getRangeByIndexes(1, 0, 1, 1).format.font.italic = true;
    const header = decisionHeaderRow(lang);
    sheet.getRangeByIndexes(DECISION_HEADER_ROW, 0, 1, header.length).values = [header];
    const body = values.length > 0 ? values : [header.map(() => "")];
    sheet.getRangeByIndexes(DECISION_HEADER_ROW + 1, 0, body.length, header.length).values = body;
    sheet.getRangeByIndexes(DECISION_HEADER_ROW + 1, 8, body.length, 1).numberFormat = body.map(
      () => ["0.00%"],
    );
    const table = sheet.tables.add(
      sheet.getRangeByIndexes(DECISION_HEADER_ROW, 0, body.length + 1, header.length),
      true,
    );
    table.name = freeTableName(
      DECISION_TABLE_NAME,
      infos.flatMap((info) => info.tables),
    );
    table.style = "TableStyleLight9";
    WIDTHS.forEach((width, c) => {
      sheet.getRangeByIndexes(0, c, 1, 1).getEntireColumn().format.columnWidth =
        width * POINTS_PER_CHARACTER;
    });
    sheet.freezePanes.freezeRows(DECISION_HEADER_ROW + 1);
    await context.sync();
    return name;
  });
}
