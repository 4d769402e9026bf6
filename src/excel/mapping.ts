/**
 * The officer's column mapping, kept in the workbook's document settings so that the next Rank
 * (from the pane or the ribbon) reads the table the same way.
 */
import { COLUMN_ROLES, type ColumnRole, type RankOptions } from "../domain/types";
import { isIsoDate, localIsoDate } from "../domain/prize";
import { DECISION_DATE_SETTING, MAPPING_SETTING } from "./marker";

export interface ColumnMapping {
  readonly sheet?: string;
  readonly headerRow?: number;
  readonly year?: number;
  readonly headers?: Readonly<Partial<Record<ColumnRole, string>>>;
}

/**
 * A stored mapping, keeping only well-formed parts.
 *
 * @example
 * mappingFrom({ sheet: "DTI", headerRow: 7, headers: { unit: "Tên", bogus: 1 } })
 * //=> { sheet: "DTI", headerRow: 7, headers: { unit: "Tên" } }
 */
export function mappingFrom(stored: unknown): ColumnMapping {
  if (typeof stored !== "object" || stored === null) return {};
  const s = stored as Record<string, unknown>;
  const headers = Object.fromEntries(
    COLUMN_ROLES.flatMap((role) => {
      const h = (s.headers as Record<string, unknown> | undefined)?.[role];
      return typeof h === "string" && h.trim() !== "" ? [[role, h]] : [];
    }),
  ) as Partial<Record<ColumnRole, string>>;
  return {
    ...(typeof s.sheet === "string" && s.sheet !== "" ? { sheet: s.sheet } : {}),
    ...(Number.isInteger(s.headerRow) && (s.headerRow as number) > 0
      ? { headerRow: s.headerRow as number }
      : {}),
    ...(Number.isInteger(s.year) ? { year: s.year as number } : {}),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
  };
}

/**
 * The Rank options a mapping stands for.
 *
 * @example
 * optionsWithMapping({ decisionDate: "2024-03-15" }, { sheet: "DTI", year: 2023 })
 * //=> { decisionDate: "2024-03-15", sheets: ["DTI"], year: 2023 }
 */
export function optionsWithMapping(options: RankOptions, mapping: ColumnMapping): RankOptions {
  return {
    ...options,
    ...(mapping.sheet ? { sheets: [mapping.sheet] } : {}),
    ...(mapping.headerRow ? { headerRow: mapping.headerRow } : {}),
    ...(mapping.year && options.year === undefined ? { year: mapping.year } : {}),
    ...(mapping.headers ? { columns: mapping.headers } : {}),
  };
}

export function loadMapping(): ColumnMapping {
  return mappingFrom(Office.context.document.settings.get(MAPPING_SETTING));
}

/**
 * Stores the mapping in document settings, keeping only its well-formed parts: the workbook carries
 * a sheet name, a header row, a year and header texts, never cell values.
 */
export async function saveMapping(mapping: ColumnMapping | null): Promise<void> {
  const settings = Office.context.document.settings;
  if (mapping) settings.set(MAPPING_SETTING, mappingFrom(mapping));
  else settings.remove(MAPPING_SETTING);
  await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
}

/**
 * The decision date the officer last chose in the pane, if it is a real ISO date: the ribbon's
 * Rank uses it, so that both buttons price the awards alike.
 */
export function loadDecisionDate(): string | null {
  const stored: unknown = Office.context.document.settings.get(DECISION_DATE_SETTING);
  return typeof stored === "string" && isIsoDate(stored) ? stored : null;
}

export async function saveDecisionDate(date: string): Promise<void> {
  if (!isIsoDate(date)) return;
  const settings = Office.context.document.settings;
  settings.set(DECISION_DATE_SETTING, date);
  await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
}

/**
 * Today as an ISO date in local time (the default decision date).
 *
 * @example
 * isoToday(new Date(2024, 2, 15)) //=> "2024-03-15"
 */
export function isoToday(now: Date = new Date()): string {
  return localIsoDate(now);
}
