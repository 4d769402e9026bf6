/**
 * Merged areas and the cells under them, the same in both doors: Office shows a merged area's
 * value in its top-left cell only, so every other cell of the area reads blank, whatever the file
 * keeps under it. Pure code, shared by the add-in's reader and the command line's.
 */
import type { CellRange } from "../domain/types";

function lastStartingAtOrBefore(sorted: readonly CellRange[], col: number): CellRange | null {
  let lo = 0;
  let hi = sorted.length - 1;
  let found: CellRange | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].left <= col) {
      found = sorted[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Blanks, in place, every cell of a (sparse) matrix that a merged area covers other than its
 * top-left cell: deleted (a hole) by default, or set to `blank` (the add-in's "" in rows read
 * whole). `merges` are in sheet coordinates; `values[0][0]` is the cell at (`rowOffset`,
 * `colOffset`). Only rows and cells that exist are visited.
 *
 * @example
 * const values = [["Tiêu đề", "Tiêu đề", "Tiêu đề"]];
 * blankCoveredCells(values, [{ top: 0, left: 0, bottom: 0, right: 2 }]);
 * values //=> [["Tiêu đề", , ,]]
 */
export function blankCoveredCells(
  values: unknown[][],
  merges: readonly CellRange[],
  rowOffset = 0,
  colOffset = 0,
  blank?: unknown,
): void {
  if (merges.length === 0) return;
  const byTop = [...merges].sort((a, b) => a.top - b.top);
  let next = 0;
  let active: CellRange[] = [];
  values.forEach((cells, r) => {
    const row = r + rowOffset;
    while (next < byTop.length && byTop[next].top <= row) active.push(byTop[next++]);
    active = active.filter((m) => m.bottom >= row);
    if (active.length === 0 || !Array.isArray(cells)) return;
    const sorted = [...active].sort((a, b) => a.left - b.left);
    cells.forEach((_v, c) => {
      const col = c + colOffset;
      const m = lastStartingAtOrBefore(sorted, col);
      if (!m || col > m.right || (row === m.top && col === m.left)) return;
      if (blank === undefined) delete cells[c];
      else cells[c] = blank;
    });
  });
}
