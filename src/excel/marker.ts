/**
 * How the add-in recognises its own output sheets: a worksheet custom property (ExcelApi 1.12)
 * "dti-awards" = "candidates:2023" or "data-check", or on older hosts a document setting that maps
 * sheet ids to the same values. Names are never trusted: an officer may have a sheet called
 * "Đề xuất khen thưởng 2023" of their own.
 */
import type { SheetModel } from "../domain/types";

export const MARKER_KEY = "dti-awards";
/** Document setting holding { [sheetId]: marker } where custom properties are unavailable. */
export const MARKER_SETTING = "dti-awards.sheets";
/** Document setting holding the officer's column mapping (see the task pane). */
export const MAPPING_SETTING = "dti-awards.mapping";
/** Document setting holding the award decision date last chosen in the task pane. */
export const DECISION_DATE_SETTING = "dti-awards.decisionDate";

/**
 * The marker of a sheet model.
 *
 * @example
 * markerOf({ kind: "candidates", year: 2023 }) //=> "candidates:2023"
 * markerOf({ kind: "data-check", year: null }) //=> "data-check"
 */
export function markerOf(model: Pick<SheetModel, "kind" | "year">): string {
  return model.kind === "candidates" ? `candidates:${model.year ?? "all"}` : "data-check";
}

/**
 * True when a stored marker value is one the add-in writes.
 *
 * @example
 * isOwnMarker("candidates:2023") //=> true
 * isOwnMarker("proposal:2024") //=> true
 * isOwnMarker("") //=> false
 */
export function isOwnMarker(value: unknown): value is string {
  return (
    typeof value === "string" &&
    /^(candidates:(\d{4}|all)|data-check|proposal:(\d{4}|all)|history)$/.test(value)
  );
}

/**
 * The sheet-id → marker map kept in document settings, tolerant of anything else stored there.
 *
 * @example
 * markerMapFrom({ "{1}": "data-check", "{2}": 5 }) //=> { "{1}": "data-check" }
 */
export function markerMapFrom(stored: unknown): Record<string, string> {
  if (typeof stored !== "object" || stored === null) return {};
  return Object.fromEntries(
    Object.entries(stored as Record<string, unknown>).filter((entry): entry is [string, string] =>
      isOwnMarker(entry[1]),
    ),
  );
}
