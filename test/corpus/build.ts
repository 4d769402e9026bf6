/**
 * Turns a corpus recipe into a real workbook with ExcelJS: values, cached formula results, errors,
 * single cells anywhere, merges, hidden rows and columns, AutoFilters and Excel tables.
 */
import ExcelJS from "exceljs";
import type { RecipeCell, SheetRecipe } from "./cases";

function originOf(recipe: SheetRecipe): { row: number; col: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(recipe.origin ?? "A1");
  if (!match) throw new Error(`Bad origin ${recipe.origin}`);
  const col = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(match[2]), col };
}

function toExcelValue(cell: RecipeCell): ExcelJS.CellValue {
  if (cell === null) return null;
  if (typeof cell === "object" && !(cell instanceof Date)) {
    if ("formula" in cell)
      return { formula: cell.formula, result: cell.result } as ExcelJS.CellValue;
    return { error: cell.error } as ExcelJS.CellValue;
  }
  return cell;
}

/** Builds the workbook a recipe describes. */
export function buildWorkbook(recipes: readonly SheetRecipe[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const recipe of recipes) {
    const sheet = workbook.addWorksheet(recipe.name);
    const origin = originOf(recipe);
    if (recipe.tableName && recipe.rows.length > 0) {
      const [header, ...body] = recipe.rows;
      sheet.addTable({
        name: recipe.tableName,
        ref: `${String.fromCharCode(64 + origin.col)}${origin.row}`,
        headerRow: true,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: header.map((h) => ({ name: String(h), filterButton: true })),
        rows: body.map((r) => r.map((c) => toExcelValue(c))),
      });
    } else {
      recipe.rows.forEach((row, r) => {
        row.forEach((cell, c) => {
          if (cell === null) return;
          sheet.getCell(origin.row + r, origin.col + c).value = toExcelValue(cell);
        });
      });
    }
    for (const [address, cell] of Object.entries(recipe.cells ?? {})) {
      sheet.getCell(address).value = toExcelValue(cell);
    }
    for (const range of recipe.merges ?? []) sheet.mergeCells(range);
    for (const row of recipe.hiddenRows ?? []) sheet.getRow(row).hidden = true;
    for (const col of recipe.hiddenColumns ?? []) sheet.getColumn(col).hidden = true;
    if (recipe.autoFilter) sheet.autoFilter = recipe.autoFilter;
    if (recipe.hidden) sheet.state = "hidden";
  }
  return workbook;
}

/** Writes the workbook a recipe describes to a file. */
export async function writeRecipe(recipes: readonly SheetRecipe[], file: string): Promise<void> {
  await buildWorkbook(recipes).xlsx.writeFile(file);
}
