/**
 * The engine's sheet models written as SpreadsheetML parts, directly: a worksheet part per model,
 * a table part per table, and the cell formats they use. Written as text in one pass, so that a
 * candidate sheet of a hundred thousand rows costs its XML and nothing more (a spreadsheet
 * library would hold every cell and its style as objects). The models say what to show; this
 * file decides how it looks in Excel (the print-ready lists are laid out by
 * `renderPrintSheet.ts`); `addSheetsToPackage.ts` puts the parts into the officer's workbook.
 */
import type { PrintSheetModel } from "../domain/printSheet";
import { freeSheetName, freeTableName } from "../domain/sheetNames";
import { columnLetter } from "../domain/text";
import type {
  CellRef,
  CellValue,
  ColumnFormat,
  RowStyle,
  SheetModel,
  SheetTable,
  TextStyle,
} from "../domain/types";
import { renderPrintSheet } from "./renderPrintSheet";
import {
  ByteWriter,
  FormatRegistry,
  MAIN_NS,
  REL_NS,
  RowWriter,
  xmlAttribute,
  type CellFormat,
  type FontSpec,
} from "./sheetXml";

export { xmlCellText, type CellFormat, type FontSpec } from "./sheetXml";

/** Fill and font colours per row style: Excel's Good, Neutral and Bad cell styles, and grey. */
export const ROW_COLOURS: Readonly<Record<RowStyle, { fill: string; font: string } | null>> = {
  candidate: { fill: "FFC6EFCE", font: "FF006100" },
  tie: { fill: "FFFFEB9C", font: "FF9C5700" },
  invalid: { fill: "FFFFC7CE", font: "FF9C0006" },
  excluded: { fill: "FFD9D9D9", font: "FF000000" },
  "not-selected": null,
  plain: null,
};

/** Excel number formats per column format. */
export const NUMBER_FORMATS: Readonly<Record<ColumnFormat, string | null>> = {
  text: "@",
  integer: "0",
  number: null,
  percent: "0.00%",
  vnd: "#,##0",
};

/** The font of each text style (sizes in points, colours ARGB). */
export const TEXT_FONTS: Readonly<Record<TextStyle, FontSpec>> = {
  title: { bold: true, size: 14 },
  subtitle: { italic: true },
  note: { italic: true, size: 10, color: "FF595959" },
  section: { bold: true, size: 12 },
};

export const TABLE_STYLE = "TableStyleMedium2";
const LINK_COLOUR = "FF0563C1";

/** A chart of a sheet: its chart part and the drawing part that anchors it (`xlsxChart.ts`). */
export interface RenderedChart {
  readonly chart: string;
  /** The drawing part; it names the chart by the relationship id `CHART_REL_ID`. */
  readonly drawing: string;
}

/** A worksheet ready for the package: its XML refers to formats by index into `formats`. */
export interface RenderedSheet {
  readonly name: string;
  /** The worksheet part, UTF-8. */
  readonly data: Buffer;
  /** Table parts, in the order of the sheet's `<tablePart r:id="rIdN"/>` (rId1, rId2 …). */
  readonly tables: readonly string[];
  /** The sheet's chart, its drawing named from the sheet by `DRAWING_REL_ID`; null without. */
  readonly chart: RenderedChart | null;
  /** 1-based rows printed at the top of every page (`_xlnm.Print_Titles`); null without. */
  readonly printTitles: { readonly from: number; readonly to: number } | null;
}

/** A table as the renderer takes it: the engine's, with a table style of its own if it says. */
export interface RenderTable extends SheetTable {
  readonly style?: { readonly name: string; readonly stripes: boolean };
}

/**
 * A sheet of text lines and tables: the engine's candidate and data-check sheets, or the
 * council's decisions sheet the command line adds.
 */
export interface TableSheet extends Omit<SheetModel, "kind" | "tables"> {
  readonly kind: SheetModel["kind"] | "decisions";
  readonly tables: readonly RenderTable[];
}

/** Anything the command line adds to a workbook as a sheet. */
export type RenderModel = TableSheet | PrintSheetModel;

/** True for a print-ready model (the proposal list, the 2022–2025 summary). */
export function isPrintModel(model: RenderModel): model is PrintSheetModel {
  return model.kind === "proposal" || model.kind === "history";
}

export interface RenderedSheets {
  readonly sheets: readonly RenderedSheet[];
  /**
   * The cell formats the sheets use: `s="N"` is format N − `formatBase`, the workbook's formats
   * up to `formatBase` being its own.
   */
  readonly formats: readonly CellFormat[];
  readonly formatBase: number;
}

/** What the target workbook already uses: sheet and table names, and how many cell formats. */
export interface TakenNames {
  readonly sheets: readonly string[];
  readonly tables: readonly string[];
  /** The number of cell formats (`cellXfs`) the workbook has; the new ones come after. */
  readonly formats: number;
}

/**
 * The hyperlink location that selects a cell of this workbook.
 *
 * @example
 * internalLinkTarget({ sheet: "DTI 2023", cell: "D15" }) //=> "#'DTI 2023'!$D$15"
 * internalLinkTarget({ sheet: "O'Brien", cell: "A1" }) //=> "#'O''Brien'!$A$1"
 */
export function internalLinkTarget(ref: CellRef): string {
  const sheet = `'${ref.sheet.replace(/'/g, "''")}'`;
  const cell = ref.cell.replace(/^\$?([A-Za-z]{1,3})\$?(\d+)$/, (_m, col: string, row: string) => {
    return `$${col.toUpperCase()}$${row}`;
  });
  return `#${sheet}!${cell}`;
}

/** Unique, non-empty header texts: Excel repairs (and renames) a table with duplicate headers. */
function uniqueHeaders(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((header, index) => {
    let name = header.trim() === "" ? `Cột ${index + 1}` : header;
    for (let n = 2; seen.has(name.toLowerCase()); n += 1) name = `${header} ${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

function rowFormat(style: RowStyle, bold: boolean): CellFormat {
  const colours = ROW_COLOURS[style];
  return {
    ...(colours ? { fill: colours.fill } : {}),
    font: { ...(colours ? { color: colours.font } : {}), ...(bold ? { bold } : {}) },
  };
}

function renderTable(
  rows: RowWriter,
  links: ByteWriter,
  table: RenderTable,
  tableName: string,
  formats: FormatRegistry,
): string | null {
  const headerRow = table.startRow + 1;
  const headers = uniqueHeaders(table.columns.map((c) => c.header));
  const hasRows = table.rows.length > 0;
  // Excel has no table without data rows: the header is then written as plain bold cells.
  const headerStyle = formats.of({
    alignment: { vertical: "center", wrap: true },
    ...(hasRows ? {} : { font: { bold: true } }),
  });
  rows.row(
    headerRow,
    headers.map((header) => [header, headerStyle]),
  );
  // A format per row style, total or not, column, text or not, link or not: asked for once.
  const styles = new Map<string, (number | null | undefined)[]>();
  const styleOf = (style: RowStyle, total: boolean, c: number, text: boolean, link: boolean) => {
    const key = total ? `${style}+` : style;
    let byCell = styles.get(key);
    if (!byCell) {
      byCell = [];
      styles.set(key, byCell);
    }
    const slot = c * 4 + (text ? 2 : 0) + (link ? 1 : 0);
    let found = byCell[slot];
    if (found === undefined) {
      const base = rowFormat(style, total);
      const column = table.columns[c];
      const numberFormat = NUMBER_FORMATS[column.format];
      found = formats.of({
        ...base,
        ...(numberFormat && !(column.format === "text" && !text) ? { numberFormat } : {}),
        ...(link ? { font: { ...base.font, underline: true, color: LINK_COLOUR } } : {}),
      });
      byCell[slot] = found;
    }
    return found;
  };
  table.rows.forEach((row, r) => {
    const rowNumber = headerRow + 1 + r;
    const total = table.totalRow && r === table.rows.length - 1;
    const cells = table.columns.map((_column, c): [CellValue, number | null] => {
      let value = row.values[c] ?? null;
      const link = table.linkColumn === c && row.link !== null;
      if (link && row.link) {
        const place = `${row.link.sheet}!${row.link.cell}`;
        value = value === null ? place : String(value);
        links.text(`<hyperlink ref="${columnLetter(c)}${rowNumber}" location="`);
        links.text(xmlAttribute(internalLinkTarget(row.link).slice(1)));
        links.text('" tooltip="');
        links.text(xmlAttribute(place));
        links.text('" display="');
        links.text(xmlAttribute(value));
        links.text('"/>');
      }
      return [value, styleOf(row.style, total, c, typeof value === "string", link)];
    });
    rows.row(rowNumber, cells);
  });
  if (!hasRows) return null;
  const ref = `A${headerRow}:${columnLetter(headers.length - 1)}${headerRow + table.rows.length}`;
  const columns = headers
    .map((name, i) => `<tableColumn id="${i + 1}" name="${xmlAttribute(name)}"/>`)
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${MAIN_NS}" id="0" name="${xmlAttribute(tableName)}" displayName="${xmlAttribute(tableName)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${headers.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${table.style?.name ?? TABLE_STYLE}" showFirstColumn="0" showLastColumn="0" showRowStripes="${table.style?.stripes ? 1 : 0}" showColumnStripes="0"/></table>`
  );
}

/** The 1-based rows a table takes: its header and its data rows. */
function tableRows(table: SheetTable): { first: number; last: number } {
  return { first: table.startRow + 1, last: table.startRow + 1 + table.rows.length };
}

function renderSheet(
  model: TableSheet,
  name: string,
  takenTables: string[],
  formats: FormatRegistry,
): RenderedSheet {
  const rows = new RowWriter();
  const links = new ByteWriter();
  let hasLinks = false;
  const tablesInOrder = [...model.tables].sort((a, b) => a.startRow - b.startRow);
  // A text on a row a table takes would be overwritten by the table: the table's cell wins.
  const texts = [...model.texts]
    .sort((a, b) => a.row - b.row)
    .filter((text) =>
      tablesInOrder.every((t) => {
        const { first, last } = tableRows(t);
        return text.row + 1 < first || text.row + 1 > last;
      }),
    );
  const tableParts = new Map<RenderTable, string>();
  let nextText = 0;
  const textsBefore = (row: number): void => {
    while (nextText < texts.length && texts[nextText].row + 1 < row) {
      const text = texts[nextText++];
      // Written as text: a string starting with "=" stays text (no formula is ever written).
      rows.row(text.row + 1, [[text.text, formats.of({ font: TEXT_FONTS[text.style] })]]);
    }
  };
  for (const table of tablesInOrder) {
    textsBefore(tableRows(table).first);
    const tableName = freeTableName(table.name, takenTables);
    const part = renderTable(rows, links, table, tableName, formats);
    hasLinks ||= table.linkColumn !== null && table.rows.some((r) => r.link !== null);
    if (part) {
      takenTables.push(tableName);
      tableParts.set(table, part);
    }
  }
  textsBefore(Infinity);
  // Table parts in the models' order, which `<tablePart r:id="rIdN"/>` follows.
  const tables = model.tables.flatMap((t) => {
    const part = tableParts.get(t);
    return part ? [part] : [];
  });
  const freeze = model.freezeRows;
  const views =
    freeze > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${freeze + 1}" sqref="A${freeze + 1}"/></sheetView></sheetViews>`
      : `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`;
  const cols =
    model.columnWidths.length > 0
      ? `<cols>${model.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`
      : "";
  const dimension =
    rows.lastRow > 0 ? `A1:${columnLetter(Math.max(0, rows.lastCol - 1))}${rows.lastRow}` : "A1";
  const head =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="${dimension}"/>${views}` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`;
  const tail =
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    // Officers print the proposal list: A4 landscape, one page wide.
    `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
    (tables.length > 0
      ? `<tableParts count="${tables.length}">${tables.map((_t, i) => `<tablePart r:id="rId${i + 1}"/>`).join("")}</tableParts>`
      : "") +
    `</worksheet>`;
  const data = Buffer.concat([
    Buffer.from(head, "utf8"),
    rows.out.finish(),
    Buffer.from("</sheetData>", "utf8"),
    ...(hasLinks
      ? [Buffer.from("<hyperlinks>"), links.finish(), Buffer.from("</hyperlinks>")]
      : []),
    Buffer.from(tail, "utf8"),
  ]);
  return { name, data, tables, chart: null, printTitles: null };
}

/**
 * Renders every model as a worksheet under a sheet name, and its tables under table names, that
 * the target workbook (`taken`) does not use; its cell formats are numbered after the workbook's
 * own `taken.formats` ones.
 *
 * @example
 * renderModels([candidateModel], { sheets: ["DTI 2023"], tables: [], formats: 12 }).sheets[0].name
 * //=> "Đề xuất khen thưởng 2023"
 */
export function renderModels(models: readonly RenderModel[], taken: TakenNames): RenderedSheets {
  const formats = new FormatRegistry(taken.formats);
  const sheetNames = [...taken.sheets];
  const tableNames = [...taken.tables];
  const sheets = models.map((model) => {
    const name = freeSheetName(model.name, sheetNames);
    sheetNames.push(name);
    return isPrintModel(model)
      ? renderPrintSheet(model, name, formats)
      : renderSheet(model, name, tableNames, formats);
  });
  return { sheets, formats: formats.formats, formatBase: taken.formats };
}
