/**
 * The pieces every rendered worksheet is written with: XML text escaping, the cell formats a
 * rendering asks for (numbered once each, after the workbook's own), and a writer of rows that
 * appends bytes to large buffers. `renderSheets.ts` (the engine's table sheets) and
 * `renderPrintSheet.ts` (the print-ready lists) share them, so that both kinds of sheet reach the
 * package through one styles merge (`addSheetsToPackage.ts`).
 */
import { columnLetter } from "../domain/text";
import type { CellValue } from "../domain/types";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A font as the differences from the workbook's normal font, or a whole font when named. */
export interface FontSpec {
  /** A font of its own (e.g. "Times New Roman"): the workbook's normal font is then not used. */
  readonly name?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly size?: number;
  readonly color?: string;
}

export const HORIZONTAL_ALIGNS = ["left", "center", "right", "justify"] as const;
export const VERTICAL_ALIGNS = ["top", "center"] as const;

/** Where the text sits in its cell, and whether it wraps. */
export interface AlignmentSpec {
  readonly horizontal?: (typeof HORIZONTAL_ALIGNS)[number];
  readonly vertical?: (typeof VERTICAL_ALIGNS)[number];
  readonly wrap?: boolean;
}

/** One cell format: each part absent means the workbook's normal one. */
export interface CellFormat {
  readonly font?: FontSpec;
  /** Solid fill colour, ARGB. */
  readonly fill?: string;
  readonly numberFormat?: string;
  readonly alignment?: AlignmentSpec;
  /** A thin black border on all four sides. */
  readonly border?: boolean;
}

/**
 * Text as XML character data. Characters XML cannot carry (C0 controls other than tab, line feed
 * and carriage return, lone surrogates, U+FFFE/U+FFFF) are written as the format's `_xHHHH_`
 * escapes, as Excel writes them, and a literal `_xHHHH_` is protected by escaping its underscore.
 *
 * @example
 * xmlCellText("Sở <Y tế> & \u001b") //=> "Sở &lt;Y tế&gt; &amp; _x001B_"
 */
export function xmlCellText(text: string): string {
  // Most text needs nothing: one test instead of five replacements.
  // eslint-disable-next-line no-control-regex -- the characters this function rewrites
  if (!/[&<>_\u0000-\u001f\ud800-\udfff\ufffe\uffff]/.test(text)) return text;
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(
      // eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot carry
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    );
}

/**
 * Text as an XML attribute value (a table or sheet name, a header).
 *
 * @example
 * xmlAttribute('Sở "A"\n') //=> "Sở &quot;A&quot;&#10;"
 */
export function xmlAttribute(text: string): string {
  return xmlCellText(text).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}

/** A format with its empty parts dropped, so that equal formats have equal keys. */
function normalFormat(format: CellFormat): CellFormat | null {
  const font = format.font ?? {};
  const hasFont = Boolean(
    font.name ||
    font.bold ||
    font.italic ||
    font.underline ||
    font.size !== undefined ||
    font.color,
  );
  const align = format.alignment ?? {};
  const hasAlignment = Boolean(align.horizontal || align.vertical || align.wrap);
  if (!hasFont && !format.fill && !format.numberFormat && !hasAlignment && !format.border) {
    return null;
  }
  return {
    ...(hasFont ? { font } : {}),
    ...(format.fill ? { fill: format.fill } : {}),
    ...(format.numberFormat ? { numberFormat: format.numberFormat } : {}),
    ...(hasAlignment ? { alignment: align } : {}),
    ...(format.border ? { border: true } : {}),
  };
}

function formatKey(format: CellFormat): string {
  const f = format.font ?? {};
  const a = format.alignment ?? {};
  return [
    f.name ?? "",
    f.bold ? 1 : 0,
    f.italic ? 1 : 0,
    f.underline ? 1 : 0,
    f.size ?? "",
    f.color ?? "",
    format.fill ?? "",
    format.numberFormat ?? "",
    a.horizontal ?? "",
    a.vertical ?? "",
    a.wrap ? 1 : 0,
    format.border ? 1 : 0,
  ].join("|");
}

/** The formats of one rendering, each numbered (from `base`) the first time it is asked for. */
export class FormatRegistry {
  readonly formats: CellFormat[] = [];
  private readonly index = new Map<string, number>();

  constructor(readonly base: number) {}

  /** The `s` of a format, or null for the workbook's normal format. */
  of(format: CellFormat): number | null {
    const normal = normalFormat(format);
    if (normal === null) return null;
    const key = formatKey(normal);
    let found = this.index.get(key);
    if (found === undefined) {
      found = this.base + this.formats.length;
      this.formats.push(normal);
      this.index.set(key, found);
    }
    return found;
  }
}

/** Bytes written in order into large buffers: no string per cell, little for the collector. */
export class ByteWriter {
  private readonly chunks: Buffer[] = [];
  private buffer = Buffer.allocUnsafe(1 << 20);
  private at = 0;

  text(text: string): void {
    // A UTF-16 unit never takes more than three bytes of UTF-8.
    if (this.at + text.length * 3 > this.buffer.length) {
      this.chunks.push(this.buffer.subarray(0, this.at));
      this.buffer = Buffer.allocUnsafe(Math.max(1 << 20, text.length * 3));
      this.at = 0;
    }
    this.at += this.buffer.write(text, this.at, "utf8");
  }

  finish(): Buffer {
    return Buffer.concat([...this.chunks, this.buffer.subarray(0, this.at)]);
  }
}

/**
 * The rows of a sheet, written in order: one row at a time, its cells left to right. Text is
 * inline (never a formula), numbers are numbers, a blank with a format is kept for its format.
 */
export class RowWriter {
  readonly out = new ByteWriter();
  lastRow = 0;
  lastCol = 0;
  private readonly letters: string[] = [];
  private readonly styleText = new Map<number, string>();

  /**
   * Writes one 1-based row, cells from column A (a hole in the array is no cell); `height` in
   * points makes the row that tall even when it has no cell.
   */
  row(
    row: number,
    cells: readonly (readonly [CellValue, number | null] | undefined)[],
    height?: number,
  ): void {
    const rowText = String(row);
    // One string per row, written at once: a native write per cell piece would cost more.
    let xml = "";
    for (let c = 0; c < cells.length; c += 1) {
      const cell = cells[c];
      if (cell === undefined) continue;
      const [value, style] = cell;
      const isText = typeof value === "string";
      const isNumber = typeof value === "number" && Number.isFinite(value);
      if (!isText && !isNumber && style === null) continue;
      xml += '<c r="' + (this.letters[c] ??= columnLetter(c)) + rowText + '"';
      if (style !== null) {
        let s = this.styleText.get(style);
        if (s === undefined) {
          s = ` s="${style}"`;
          this.styleText.set(style, s);
        }
        xml += s;
      }
      if (isText) {
        xml +=
          ' t="inlineStr"><is><t xml:space="preserve">' +
          xmlCellText(value as string) +
          "</t></is></c>";
      } else if (isNumber) xml += "><v>" + String(value) + "</v></c>";
      else xml += "/>";
      this.lastCol = Math.max(this.lastCol, c + 1);
    }
    if (xml === "" && height === undefined) return;
    const tall = height === undefined ? "" : ` ht="${height}" customHeight="1"`;
    this.out.text('<row r="' + rowText + '"' + tall + (xml === "" ? "/>" : ">" + xml + "</row>"));
    this.lastRow = row;
  }
}
