/**
 * The award decision date as the officer reads and types it: day/month/year (15/03/2024), the
 * Vietnamese way, kept as an ISO date inside the add-in. An empty field is an error, never today:
 * the date sets the decree and the base salary of every prize on the sheet.
 */
import { isIsoDate } from "../domain/prize";
import type { IsoDate } from "../domain/types";

export type ParsedDecisionDate =
  | { readonly ok: true; readonly iso: IsoDate }
  | { readonly ok: false; readonly code: "DATE-MISSING" | "DATE-INVALID" };

/**
 * The ISO date a typed date stands for: "15/03/2024", "15-3-2024", "15.03.2024", or ISO
 * "2024-03-15" (what a date picker or a paste may give).
 *
 * @example
 * parseDecisionDate("15/03/2024") //=> { ok: true, iso: "2024-03-15" }
 * parseDecisionDate("") //=> { ok: false, code: "DATE-MISSING" }
 * parseDecisionDate("30/02/2024") //=> { ok: false, code: "DATE-INVALID" }
 */
export function parseDecisionDate(text: string): ParsedDecisionDate {
  const typed = text.trim();
  if (typed === "") return { ok: false, code: "DATE-MISSING" };
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(typed);
  const iso = dmy
    ? `${dmy[3]}-${dmy[2].padStart(2, "0")}-${dmy[1].padStart(2, "0")}`
    : /^\d{4}-\d{2}-\d{2}$/.test(typed)
      ? typed
      : null;
  return iso !== null && isIsoDate(iso) ? { ok: true, iso } : { ok: false, code: "DATE-INVALID" };
}

/**
 * An ISO date as the pane shows it: day/month/year.
 *
 * @example
 * formatDecisionDate("2024-03-15") //=> "15/03/2024"
 */
export function formatDecisionDate(iso: IsoDate): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}
