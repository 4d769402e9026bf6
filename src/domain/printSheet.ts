/**
 * Print-ready sheets as data: the official proposal list and the 2022–2025 summary are laid out
 * here, once, cell by cell (merged heading blocks, fonts, borders, row heights, A4 page setup,
 * repeated header rows, page numbers, a chart), and the two writers (ExcelJS for the command
 * line, Office.js for the add-in) render the model and nothing else.
 */
import type { AwardYear, CellRange } from "./types";

/** The font of Vietnamese administrative documents (Decree 30/2020/NĐ-CP, Appendix I). */
export const DOCUMENT_FONT = "Times New Roman";

export const HORIZONTAL_ALIGNMENTS = ["left", "center", "right", "justify"] as const;
export type HorizontalAlignment = (typeof HORIZONTAL_ALIGNMENTS)[number];

export interface PrintStyle {
  /** Points. */
  readonly size: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly align: HorizontalAlignment;
  readonly valign: "top" | "middle";
  readonly wrap: boolean;
  /** Thin border on all four sides. */
  readonly border?: boolean;
  /** Excel number format, e.g. "0.00%" or "#,##0". */
  readonly numberFormat?: string;
  /** Light grey fill (a table header). */
  readonly shaded?: boolean;
}

export type PrintValue = string | number | null;

export interface PrintCell {
  /** 0-based. */
  readonly row: number;
  readonly col: number;
  readonly value: PrintValue;
  /** A key of the model's `styles`. */
  readonly style: string;
}

export interface PageSetup {
  readonly orientation: "portrait" | "landscape";
  /** Millimetres. */
  readonly margins: {
    readonly top: number;
    readonly bottom: number;
    readonly left: number;
    readonly right: number;
  };
  /** Scale to one page wide, as many pages tall as needed. */
  readonly fitToWidth: true;
  /** 0-based rows repeated at the top of every printed page (the table header), or null. */
  readonly titleRows: { readonly from: number; readonly to: number } | null;
  /**
   * Page numbers in the centre of the top margin from page 2 on, as Decree 30/2020/NĐ-CP asks
   * ("không hiển thị số trang thứ nhất").
   */
  readonly pageNumbers: boolean;
  /** 0-based rows that start a new printed page (e.g. a chart kept whole on its own page). */
  readonly breaksBefore: readonly number[];
}

/** A line chart over cells of the same sheet (the chart's data stay visible beside it). */
export interface ChartSpec {
  readonly title: string;
  /** The category labels (years): one row of cells. */
  readonly categories: CellRange;
  readonly series: readonly {
    /** The cell holding the series name. */
    readonly name: { readonly row: number; readonly col: number };
    /** One row of values, the categories' width. */
    readonly values: CellRange;
  }[];
  /** Where the chart sits: from the top-left cell to the bottom-right cell (0-based). */
  readonly anchor: CellRange;
  /** The value axis format. */
  readonly valueFormat: string;
  /** The values the cells hold, so that a file renders the chart before any recalculation. */
  readonly cache: {
    readonly categories: readonly string[];
    readonly series: readonly {
      readonly name: string;
      readonly values: readonly (number | null)[];
    }[];
  };
}

export interface PrintSheetModel {
  readonly kind: "proposal" | "history";
  /** The score year of a proposal list; null for the summary. */
  readonly year: AwardYear | null;
  /** Preferred sheet name (at most 31 characters). */
  readonly name: string;
  readonly font: string;
  readonly styles: Readonly<Record<string, PrintStyle>>;
  /** Column widths in characters, from column A. */
  readonly columns: readonly number[];
  readonly cells: readonly PrintCell[];
  readonly merges: readonly CellRange[];
  /** Row heights in points, for the rows whose text wraps. */
  readonly rowHeights: readonly { readonly row: number; readonly points: number }[];
  readonly page: PageSetup;
  readonly chart: ChartSpec | null;
  /** Rows frozen at the top when the sheet is viewed (0: none). */
  readonly freezeRows: number;
}

/** A4 portrait with the margins of Decree 30/2020/NĐ-CP: 20 mm top and bottom, 30 left, 15 right. */
export const DECREE_30_MARGINS = { top: 20, bottom: 20, left: 30, right: 15 } as const;

/** Points per line of text at a font size: Times New Roman's line is about 1.2 × its size. */
export function lineHeight(size: number): number {
  return Math.ceil(size * 1.25 * 4) / 4;
}

/**
 * How many lines a text takes in a column of a width (in characters), breaking at spaces: the
 * row height a file needs, since neither Excel nor the file format fits rows on opening.
 * A character of Times New Roman 12 takes a little under one width unit; bigger fonts take more.
 *
 * @example
 * wrappedLines("Sở Thông tin và Truyền thông", 12, 12) //=> 3
 * wrappedLines("", 12, 12) //=> 1
 */
export function wrappedLines(text: string, width: number, size: number): number {
  // A column of width w is about 7w + 5 pixels; Times New Roman 12 averages a little under that
  // per lower-case character in Vietnamese text (measured in LibreOffice with Times's metrics:
  // 33–36 characters a line at width 32), capitals about a third more. A slightly low capacity
  // keeps the last line inside its row.
  const perLine = Math.max(4, (width * 1.1 * 12) / size);
  const widthOf = (word: string): number =>
    [...word].reduce((sum, ch) => sum + (ch !== ch.toLowerCase() ? 1.35 : 1), 0);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    let count = 1;
    for (const word of paragraph.split(" ").filter((w) => w !== "")) {
      const length = widthOf(word);
      if (used === 0) used = length;
      else if (used + 1 + length <= perLine) used += 1 + length;
      else {
        count += 1;
        used = length;
      }
      while (used > perLine) {
        count += 1;
        used -= perLine;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/** Builds a model cell by cell, tracking merges and the height each row needs. */
export class PrintSheetBuilder {
  private readonly cells: PrintCell[] = [];
  private readonly merges: CellRange[] = [];
  private readonly heights = new Map<number, number>();

  constructor(
    private readonly styles: Readonly<Record<string, PrintStyle>>,
    private readonly columns: readonly number[],
  ) {}

  /** Puts a value in a cell, or across `span` columns (merged), and grows the row to fit it. */
  put(row: number, col: number, value: PrintValue, style: string, span = 1): this {
    this.cells.push({ row, col, value, style });
    if (span > 1) this.merges.push({ top: row, left: col, bottom: row, right: col + span - 1 });
    const look = this.styles[style];
    if (!look) throw new Error(`Unknown print style ${style}`);
    const width = this.columns.slice(col, col + span).reduce((a, w) => a + w, 0);
    const text = value === null ? "" : String(value);
    // A number shows in its format on one line, whatever its digits.
    const lines = look.wrap && typeof value === "string" ? wrappedLines(text, width, look.size) : 1;
    const points = lines * lineHeight(look.size) + 3;
    this.heights.set(row, Math.max(this.heights.get(row) ?? 0, points));
    return this;
  }

  /** Cells of one row from column 0, each with its own style (or one style for all). */
  row(row: number, values: readonly PrintValue[], style: string | readonly string[]): this {
    values.forEach((value, col) =>
      this.put(row, col, value, typeof style === "string" ? style : style[col]),
    );
    return this;
  }

  build(): Pick<PrintSheetModel, "cells" | "merges" | "rowHeights"> {
    return {
      cells: this.cells,
      merges: this.merges,
      rowHeights: [...this.heights.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([row, points]) => ({ row, points })),
    };
  }
}
