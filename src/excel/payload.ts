/**
 * Request sizing. Excel on the web rejects a request or a response over 5 MB
 * (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded), so reads and writes are
 * split into blocks whose JSON stays well under it.
 */

/** What one request may carry: 5 MB less room for Office's own framing. */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;
/** Cells whose values one read asks for; halved on a payload error. */
export const READ_BUDGET_CELLS = 100_000;
/**
 * Cells per read when their number-format categories come too: a category costs up to 13 bytes
 * of JSON ("Percentage" with quotes and comma) on top of the ~42 bytes a value is budgeted
 * (4 MB / 100,000), so a block holds three quarters as many cells for the same response size.
 */
export const READ_BUDGET_CELLS_WITH_CATEGORIES = 75_000;

/**
 * UTF-8 size of a value as JSON (Vietnamese letters take two or three bytes).
 *
 * @example
 * jsonBytes([["Sở", 1]]) //=> 12
 */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value ?? null) ?? "";
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00)
      bytes += 2; // half of a 4-byte pair
    else bytes += 3;
  }
  return bytes;
}

/**
 * Splits `rowCount` rows of `columnCount` cells into blocks of at most `budgetCells` cells.
 *
 * @example
 * rowBlocks(10, 3, 12) //=> [{ start: 0, count: 4 }, { start: 4, count: 4 }, { start: 8, count: 2 }]
 */
export function rowBlocks(
  rowCount: number,
  columnCount: number,
  budgetCells: number,
): { start: number; count: number }[] {
  const perBlock = Math.max(1, Math.floor(budgetCells / Math.max(1, columnCount)));
  const blocks: { start: number; count: number }[] = [];
  for (let start = 0; start < rowCount; start += perBlock) {
    blocks.push({ start, count: Math.min(perBlock, rowCount - start) });
  }
  return blocks;
}

/**
 * Splits rows into consecutive blocks whose JSON size stays under `budgetBytes` (a single row
 * larger than the budget gets a block of its own).
 *
 * @example
 * splitRowsByBytes([["a"], ["b"], ["c"]], 16).map((b) => b.rows.length) //=> [2, 1]
 */
export function splitRowsByBytes<T>(
  rows: readonly T[],
  budgetBytes: number,
): { start: number; rows: T[]; bytes: number }[] {
  const blocks: { start: number; rows: T[]; bytes: number }[] = [];
  let current: { start: number; rows: T[]; bytes: number } = { start: 0, rows: [], bytes: 2 };
  rows.forEach((row, index) => {
    const size = jsonBytes(row) + 1;
    if (current.rows.length > 0 && current.bytes + size > budgetBytes) {
      blocks.push(current);
      current = { start: index, rows: [], bytes: 2 };
    }
    current.rows.push(row);
    current.bytes += size;
  });
  if (current.rows.length > 0) blocks.push(current);
  return blocks;
}

/**
 * True for Excel's answer to an oversized request or response.
 *
 * @example
 * isPayloadTooLarge({ code: "RequestPayloadSizeLimitExceeded" }) //=> true
 */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}
