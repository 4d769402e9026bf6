/**
 * Dates in the cells Office.js reads. `range.values` gives a date as its serial number, where
 * ExcelJS (the command line) gives a Date; with the cells' number-format categories (ExcelApi
 * 1.12) the adapter turns date and time cells back into Dates, so that the engine sees the same
 * cell from both doors and reports SCORE_IS_DATE instead of ranking 45181 as a score.
 */

const DAY_MS = 86_400_000;
/** Serial 0 in the 1900 date system as Excel counts from serial 61 on (1 March 1900). */
const EPOCH_FROM_MARCH_1900 = Date.UTC(1899, 11, 30);
/** Serial 0 as Excel counts before its fictitious 29 February 1900 (serial 1 = 1 January 1900). */
const EPOCH_BEFORE_MARCH_1900 = Date.UTC(1899, 11, 31);

/** The number-format categories that mark a cell as a date or a time of day. */
export const DATE_CATEGORIES = ["Date", "Time"] as const;

/**
 * A serial number of Excel's 1900 date system as a UTC Date. Serials below 61 count from
 * 31 December 1899, because Excel keeps Lotus 1-2-3's 29 February 1900 as serial 60 (which
 * becomes 1 March 1900 here, the day that does not exist being no date at all).
 *
 * @example
 * serialToDate(45181).toISOString() //=> "2023-09-12T00:00:00.000Z"
 * serialToDate(1).toISOString() //=> "1900-01-01T00:00:00.000Z"
 * serialToDate(61).toISOString() //=> "1900-03-01T00:00:00.000Z"
 */
export function serialToDate(serial: number): Date {
  if (serial < 60) return new Date(Math.round(EPOCH_BEFORE_MARCH_1900 + serial * DAY_MS));
  const at = serial < 61 ? serial + 1 : serial;
  return new Date(Math.round(EPOCH_FROM_MARCH_1900 + at * DAY_MS));
}

/**
 * True for a category Excel gives a date or time format.
 *
 * @example
 * isDateCategory("Date") //=> true
 * isDateCategory("Percentage") //=> false
 */
export function isDateCategory(category: unknown): boolean {
  return (DATE_CATEGORIES as readonly unknown[]).includes(category);
}

/**
 * A block of `range.values` with every number whose category is Date or Time as a Date. The
 * input is not changed: a row without such a cell is passed on as it is (no copy, for large
 * sheets), a row with one is a new row.
 *
 * @example
 * withDates([["Sở Y tế", 45181, 500]], [["General", "Date", "General"]])[0][1].toISOString()
 * //=> "2023-09-12T00:00:00.000Z"
 */
export function withDates(
  values: readonly (readonly unknown[])[],
  categories: readonly (readonly unknown[])[] | null,
): (readonly unknown[])[] {
  if (!categories) return [...values];
  return values.map((row, r) => {
    const kinds = categories[r];
    if (!kinds || !row.some((v, c) => typeof v === "number" && isDateCategory(kinds[c]))) {
      return row;
    }
    return row.map((v, c) =>
      typeof v === "number" && Number.isFinite(v) && isDateCategory(kinds[c]) ? serialToDate(v) : v,
    );
  });
}
