/**
 * Free names for the sheets and tables the doors add to a workbook, by Excel's rules: names compare
 * without case, a sheet name has at most 31 characters, and two tables may not share a name.
 */

const SHEET_NAME_MAX = 31;

/**
 * The preferred sheet name, or "Name (2)", "Name (3)"… when taken (case-insensitive, as Excel
 * compares), shortened so that the suffix fits Excel's 31 characters.
 *
 * @example
 * freeSheetName("Đề xuất khen thưởng 2023", ["đề xuất khen thưởng 2023"]) //=> "Đề xuất khen thưởng 2023 (2)"
 */
export function freeSheetName(preferred: string, taken: readonly string[]): string {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  const base = preferred.slice(0, SHEET_NAME_MAX);
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const candidate = `${preferred.slice(0, SHEET_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * The preferred table name, or "Name_2", "Name_3"… when the workbook already has it.
 *
 * @example
 * freeTableName("DeXuat2023", ["dexuat2023"]) //=> "DeXuat2023_2"
 */
export function freeTableName(preferred: string, taken: readonly string[]): string {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  if (!used.has(preferred.toLowerCase())) return preferred;
  for (let n = 2; ; n += 1) {
    const candidate = `${preferred}_${n}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
