/**
 * Which number formats show a date or a time: what Office.js reports as the Date and Time
 * number-format categories, which the add-in turns into Dates. The command line decides the same
 * from the file's styles, so that both doors hand the engine a Date for the same cell.
 */

/**
 * Built-in format ids that are dates or times (ECMA-376 §18.8.30): 14–22, the East Asian date
 * formats 27–36 and 50–58, and the elapsed-time formats 45–47.
 */
const BUILT_IN_DATE_IDS: ReadonlySet<number> = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/**
 * True when a format code has date or time tokens outside quoted text, escapes, fills and
 * [brackets] (an elapsed [h], [m] or [s] counts as time).
 *
 * @example
 * isDateFormatCode("dd/mm/yyyy") //=> true
 * isDateFormatCode("[h]:mm") //=> true
 * isDateFormatCode('#,##0.00" điểm"') //=> false
 * isDateFormatCode("General") //=> false
 */
export function isDateFormatCode(code: string): boolean {
  if (code.trim() === "" || /^general$/i.test(code.trim())) return false;
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?:h+|m+|s+)\]/gi, "h")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_.|\*./g, "")
    .replace(/E[+-]/gi, "")
    .replace(/AM\/PM|A\/P/gi, "h");
  return /[ydmhsge]/i.test(bare);
}

/**
 * True when the format with this id (and code, for a custom one) shows a date or a time.
 *
 * @example
 * isDateFormat(14) //=> true
 * isDateFormat(10) //=> false
 * isDateFormat(164, "d/m/yyyy") //=> true
 */
export function isDateFormat(id: number, code?: string): boolean {
  if (code !== undefined) return isDateFormatCode(code);
  return BUILT_IN_DATE_IDS.has(id);
}
