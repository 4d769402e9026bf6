/**
 * The officer's column mapping ("Chọn cột"), kept in the workbook's document settings so that the
 * next Rank (from the pane or the ribbon) reads the table the same way.
 */
import { BLOCS, COLUMN_ROLES, type Bloc, type ColumnRole, type RankOptions } from "../domain/types";
import { isIsoDate, localIsoDate } from "../domain/prize";
import { DECISION_DATE_SETTING, MAPPING_SETTING } from "./marker";
import { saveSettings } from "./settings";

export interface ColumnMapping {
  readonly sheet?: string;
  readonly headerRow?: number;
  readonly year?: number;
  /** Role → header text or column letter ("D"), as `RankOptions.columns`. */
  readonly columns?: Readonly<Partial<Record<ColumnRole, string>>>;
  /** The bloc of every unit of a one-bloc sheet. */
  readonly bloc?: Bloc;
}

function columnsFrom(stored: unknown): Partial<Record<ColumnRole, string>> {
  if (typeof stored !== "object" || stored === null) return {};
  return Object.fromEntries(
    COLUMN_ROLES.flatMap((role) => {
      const h = (stored as Record<string, unknown>)[role];
      return typeof h === "string" && h.trim() !== "" ? [[role, h]] : [];
    }),
  );
}

/**
 * A stored mapping, keeping only well-formed parts. Mappings saved before the columns could be
 * letters kept them under `headers`: they are still read.
 *
 * @example
 * mappingFrom({ sheet: "DTI", headerRow: 7, columns: { unit: "Tên", bogus: 1 }, bloc: 3 })
 * //=> { sheet: "DTI", headerRow: 7, columns: { unit: "Tên" }, bloc: 3 }
 * mappingFrom({ headers: { score: "Điểm" } }) //=> { columns: { score: "Điểm" } }
 */
export function mappingFrom(stored: unknown): ColumnMapping {
  if (typeof stored !== "object" || stored === null) return {};
  const s = stored as Record<string, unknown>;
  const columns = { ...columnsFrom(s.headers), ...columnsFrom(s.columns) };
  return {
    ...(typeof s.sheet === "string" && s.sheet !== "" ? { sheet: s.sheet } : {}),
    ...(Number.isInteger(s.headerRow) && (s.headerRow as number) > 0
      ? { headerRow: s.headerRow as number }
      : {}),
    ...(Number.isInteger(s.year) ? { year: s.year as number } : {}),
    ...(Object.keys(columns).length > 0 ? { columns } : {}),
    ...((BLOCS as readonly unknown[]).includes(s.bloc) ? { bloc: s.bloc as Bloc } : {}),
  };
}

/**
 * The Rank options a mapping stands for.
 *
 * @example
 * optionsWithMapping({ decisionDate: "2024-03-15" }, { sheet: "DTI", year: 2023, bloc: 1 })
 * //=> { decisionDate: "2024-03-15", sheets: ["DTI"], year: 2023, bloc: 1 }
 */
export function optionsWithMapping(options: RankOptions, mapping: ColumnMapping): RankOptions {
  return {
    ...options,
    ...(mapping.sheet ? { sheets: [mapping.sheet] } : {}),
    ...(mapping.headerRow ? { headerRow: mapping.headerRow } : {}),
    ...(mapping.year && options.year === undefined ? { year: mapping.year } : {}),
    ...(mapping.columns ? { columns: mapping.columns } : {}),
    ...(mapping.bloc ? { bloc: mapping.bloc } : {}),
  };
}

export function loadMapping(): ColumnMapping {
  return mappingFrom(Office.context.document.settings.get(MAPPING_SETTING));
}

/**
 * Stores the mapping in document settings, keeping only its well-formed parts: the workbook carries
 * a sheet name, a header row, a year, header texts or column letters and a bloc, never cell values.
 * Rejects with `SettingsNotSavedError` when Office cannot save.
 */
export async function saveMapping(mapping: ColumnMapping | null): Promise<void> {
  const settings = Office.context.document.settings;
  if (mapping) settings.set(MAPPING_SETTING, mappingFrom(mapping));
  else settings.remove(MAPPING_SETTING);
  await saveSettings();
}

/**
 * The decision date the officer last chose in the pane, if it is a real ISO date: the ribbon's
 * Rank uses it, so that both buttons price the awards alike.
 */
export function loadDecisionDate(): string | null {
  const stored: unknown = Office.context.document.settings.get(DECISION_DATE_SETTING);
  return typeof stored === "string" && isIsoDate(stored) ? stored : null;
}

/** Stores the decision date; rejects with `SettingsNotSavedError` when Office cannot save. */
export async function saveDecisionDate(date: string): Promise<void> {
  if (!isIsoDate(date)) return;
  const settings = Office.context.document.settings;
  settings.set(DECISION_DATE_SETTING, date);
  await saveSettings();
}

/**
 * Today as an ISO date in local time (the ribbon's decision date when the pane never chose one).
 *
 * @example
 * isoToday(new Date(2024, 2, 15)) //=> "2024-03-15"
 */
export function isoToday(now: Date = new Date()): string {
  return localIsoDate(now);
}
