/**
 * Adds rendered sheets (see `renderSheets.ts`) to the officer's .xlsx package, part by part: every
 * part of the officer's file is copied as it is stored (same bytes, same compression), and only
 * the lists that name parts (the workbook's sheet list, its relationships, the content types) and
 * the cell styles gain entries. The officer's sheets are never parsed, rebuilt or re-encoded, so
 * nothing in them is lost — not even what a spreadsheet library cannot read, and not a merged area
 * or a validation over the whole grid that one would expand cell by cell.
 */
import { DRAWING_REL_ID } from "./renderPrintSheet";
import type { RenderedSheet, RenderedSheets, TakenNames } from "./renderSheets";
import type { AlignmentSpec, CellFormat, FontSpec } from "./sheetXml";
import {
  readRelationships,
  readWorkbookInfo,
  relationshipsPartOf,
  stylesPartName,
  type PartReader,
} from "./workbookParts";
import {
  CHART_CONTENT,
  CHART_REL_ID,
  CHART_REL_TYPE,
  DRAWING_CONTENT,
  DRAWING_REL_TYPE,
} from "./xlsxChart";
import {
  readZipDirectory,
  readZipEntry,
  writeZip,
  type ZipEntry,
  type ZipPart,
} from "./zipPackage";

const WORKSHEET_TYPE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const STYLES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_CONTENT =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const TABLE_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const STYLES_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const TABLE_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";
const PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** Names the officer's workbook already uses, which new sheets and tables must not take. */
export type PackageNames = TakenNames;

interface Package {
  readonly bytes: Buffer;
  readonly entries: readonly ZipEntry[];
  readonly read: PartReader;
}

function openPackage(bytes: Buffer): Package {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) throw new Error(`not a readable zip (${directory.reason})`);
  const byName = new Map(directory.entries.map((e) => [e.name, e]));
  return {
    bytes,
    entries: directory.entries,
    read: (name) => {
      const entry = byName.get(name);
      return entry ? readZipEntry(bytes, entry) : null;
    },
  };
}

const TABLE_PART = /(^|\/)tables\/[^/]+\.xml$/;

/** The root `<table …>` tag of a table part, whose attributes name and number it. */
function tableRootTag(part: Buffer): string {
  const text = part.toString("utf8", 0, Math.min(part.length, 8192));
  return /<(?:\w+:)?table\b[^>]*>/.exec(text)?.[0] ?? "";
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

/**
 * The sheet names, the table names (name and display name) and the number of cell formats of a
 * package.
 *
 * @example
 * packageNames(officerBytes) //=> { sheets: ["DTI 2023", "Cá nhân đề xuất"], tables: ["Table1"], formats: 12 }
 */
export function packageNames(bytes: Buffer): PackageNames {
  const pkg = openPackage(bytes);
  const sheets = readWorkbookInfo(pkg.read).sheets.map((s) => s.name);
  const tables = pkg.entries
    .filter((e) => TABLE_PART.test(e.name))
    .flatMap((e) => {
      const tag = tableRootTag(pkg.read(e.name) ?? Buffer.alloc(0));
      return [attribute(tag, "name"), attribute(tag, "displayName")].filter(
        (n): n is string => n !== undefined,
      );
    });
  const stylesName = stylesPartName(pkg.read, readWorkbookInfo(pkg.read).workbookPart);
  const styles = stylesName ? pkg.read(stylesName)?.toString("utf8") : undefined;
  // A package without styles gets ours, whose first format is Excel's normal one.
  const formats = styles
    ? (findSection(styles, rootPrefix(styles, "styleSheet"), "cellXfs")?.items.length ?? 0)
    : 1;
  return { sheets, tables: [...new Set(tables)].map(decodeEntities), formats };
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** A part name not yet taken: `${folder}/${stem}${n}.xml` with the smallest free n. */
function freePartName(taken: Set<string>, folder: string, stem: string): string {
  for (let n = 1; ; n += 1) {
    const name = `${folder}${stem}${n}.xml`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/** The prefix ("x:" or "") the root element of an XML part is written with. */
function rootPrefix(xml: string, local: string): string {
  return new RegExp(`<(\\w+:)?${local}\\b`).exec(xml)?.[1] ?? "";
}

/** Inserts `content` right before the closing tag of `local` (prefixed as the part writes it). */
function insertBeforeClose(xml: string, local: string, content: string): string {
  const prefix = rootPrefix(xml, local);
  const close = `</${prefix}${local}>`;
  const at = xml.lastIndexOf(close);
  if (at < 0) throw new Error(`no </${local}> to add to`);
  return xml.slice(0, at) + content + xml.slice(at);
}

/** Writes elements of our own (unprefixed) with the prefix the target part uses. */
function withPrefix(xml: string, prefix: string): string {
  if (prefix === "") return xml;
  return xml.replace(/<(\/?)([A-Za-z][\w]*)(?=[\s/>])/g, `<$1${prefix}$2`);
}

/* ---------------------------------------------------------------------------------------------
 * Styles: the rendered sheets' cell formats appended to the officer's, indexes shifted.
 * ------------------------------------------------------------------------------------------- */

/** The children of a section (`<fonts>…</fonts>`), each as written, and where it sits. */
interface Section {
  readonly start: number;
  readonly end: number;
  /** Index of the closing tag ("</fonts>"), or -1 for an empty-element section. */
  readonly close: number;
  readonly items: string[];
}

const STYLE_SECTIONS = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
] as const;
type StyleSection = (typeof STYLE_SECTIONS)[number];

const ITEM_OF: Readonly<Partial<Record<StyleSection, string>>> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellXfs: "xf",
};

function findSection(xml: string, prefix: string, section: StyleSection): Section | null {
  const open = new RegExp(`<${prefix}${section}\\b[^>]*?(/?)>`).exec(xml);
  if (!open) return null;
  if (open[1] === "/") {
    return { start: open.index, end: open.index + open[0].length, close: -1, items: [] };
  }
  const closeTag = `</${prefix}${section}>`;
  const close = xml.indexOf(closeTag, open.index);
  if (close < 0) throw new Error(`<${section}> is not closed`);
  const body = xml.slice(open.index + open[0].length, close);
  const item = ITEM_OF[section];
  const items = item
    ? (body.match(
        new RegExp(`<${prefix}${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${prefix}${item}>)`, "g"),
      ) ?? [])
    : [];
  return { start: open.index, end: close + closeTag.length, close, items };
}

function setCount(openTag: string, count: number): string {
  return /\scount="\d*"/.test(openTag)
    ? openTag.replace(/\scount="\d*"/, ` count="${count}"`)
    : openTag.replace(/^(<[\w:]+)/, `$1 count="${count}"`);
}

/** The officer's styles with new children appended to one section (created where missing). */
function appendToSection(
  xml: string,
  prefix: string,
  section: StyleSection,
  items: readonly string[],
): string {
  if (items.length === 0) return xml;
  const found = findSection(xml, prefix, section);
  const added = withPrefix(items.join(""), prefix);
  if (found && found.close >= 0) {
    const openEnd = xml.indexOf(">", found.start) + 1;
    const openTag = xml.slice(found.start, openEnd);
    return (
      xml.slice(0, found.start) +
      setCount(openTag, found.items.length + items.length) +
      xml.slice(openEnd, found.close) +
      added +
      xml.slice(found.close)
    );
  }
  const element = `<${prefix}${section} count="${items.length}">${added}</${prefix}${section}>`;
  if (found) return xml.slice(0, found.start) + element + xml.slice(found.end);
  // Sections come in a fixed order: the new one goes before the first later one present.
  const later = STYLE_SECTIONS.slice(STYLE_SECTIONS.indexOf(section) + 1);
  for (const next of later) {
    const at = findSection(xml, prefix, next);
    if (at) return xml.slice(0, at.start) + element + xml.slice(at.start);
  }
  return insertBeforeClose(xml, "styleSheet", element);
}

function numberAttribute(tag: string, name: string): number {
  return Number(attribute(tag, name) ?? 0);
}

/** Excel's built-in number formats the renderer uses, by code. */
const BUILT_IN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

/**
 * A font of ours written on the officer's normal font (its name, size and family), so that the
 * new sheets read like the rest of the workbook; a font named by the spec (the print-ready lists'
 * Times New Roman) is written whole instead, without the theme's font scheme that would replace it.
 */
function fontXml(normal: string, spec: FontSpec): string {
  if (spec.name !== undefined) {
    return (
      `<font>${spec.bold ? "<b/>" : ""}${spec.italic ? "<i/>" : ""}${spec.underline ? "<u/>" : ""}` +
      `<sz val="${spec.size ?? 11}"/>${spec.color !== undefined ? `<color rgb="${spec.color}"/>` : ""}` +
      `<name val="${escapeAttribute(spec.name)}"/></font>`
    );
  }
  let inner = normal
    .replace(/^<font\b[^>]*>|<\/font>$/g, "")
    .replace(/<(?:b|i|u|strike)\b[^>]*\/>/g, "");
  if (spec.size !== undefined) inner = inner.replace(/<sz\b[^>]*\/>/g, "");
  if (spec.color !== undefined) inner = inner.replace(/<color\b[^>]*\/>/g, "");
  const extra =
    (spec.bold ? "<b/>" : "") +
    (spec.italic ? "<i/>" : "") +
    (spec.underline ? "<u/>" : "") +
    (spec.size !== undefined ? `<sz val="${spec.size}"/>` : "") +
    (spec.color !== undefined ? `<color rgb="${spec.color}"/>` : "");
  return `<font>${extra}${inner}</font>`;
}

const DEFAULT_FONT = '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>';
const NO_BORDER = "<border><left/><right/><top/><bottom/><diagonal/></border>";
const THIN_SIDE = (side: string) => `<${side} style="thin"><color rgb="FF000000"/></${side}>`;
const THIN_BORDER = `<border>${["left", "right", "top", "bottom"].map(THIN_SIDE).join("")}<diagonal/></border>`;

/** The `<alignment>` of a format, or "" when it has none. */
function alignmentXml(alignment: AlignmentSpec | undefined): string {
  if (!alignment) return "";
  const attributes =
    (alignment.horizontal ? ` horizontal="${alignment.horizontal}"` : "") +
    (alignment.vertical ? ` vertical="${alignment.vertical}"` : "") +
    (alignment.wrap ? ' wrapText="1"' : "");
  return attributes === "" ? "" : `<alignment${attributes}/>`;
}

/**
 * The officer's styles part with the formats of the new sheets appended (fonts, fills, custom
 * number formats, cell formats), and the index each rendered format got.
 */
function mergeStyles(
  officer: string,
  formats: readonly CellFormat[],
): { xml: string; xfMap: number[] } {
  const prefix = rootPrefix(officer, "styleSheet");
  const section = (s: StyleSection) => findSection(officer, prefix, s)?.items ?? [];
  const officerFonts = section("fonts");
  const normalFont = (officerFonts[0] ?? DEFAULT_FONT).replace(
    new RegExp(`<(/?)${prefix}`, "g"),
    "<$1",
  );
  const base = {
    fonts: officerFonts.length,
    fills: section("fills").length,
    borders: section("borders").length,
    xfs: section("cellXfs").length,
  };
  const officerFormats = section("numFmts").map((tag) => ({
    id: numberAttribute(tag, "numFmtId"),
    code: decodeEntities(attribute(tag, "formatCode") ?? ""),
  }));
  let nextFormatId = Math.max(163, ...officerFormats.map((f) => f.id)) + 1;
  const newFormats: string[] = [];
  const formatId = (code: string): number => {
    if (BUILT_IN_FORMATS[code] !== undefined) return BUILT_IN_FORMATS[code];
    const same = officerFormats.find((f) => f.code === code);
    if (same) return same.id;
    const id = nextFormatId++;
    officerFormats.push({ id, code });
    newFormats.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttribute(code)}"/>`);
    return id;
  };
  const fonts: string[] = [];
  const fills: string[] = [];
  const borders: string[] = [];
  // One thin border serves every bordered format; a styles part without borders gets the empty
  // one first, which its formats' borderId="0" means.
  let thinBorder = -1;
  const thinBorderId = (): number => {
    if (thinBorder < 0) {
      if (base.borders === 0) borders.push(NO_BORDER);
      thinBorder = base.borders + borders.length;
      borders.push(THIN_BORDER);
    }
    return thinBorder;
  };
  const xfs = formats.map((format) => {
    let fontId = 0;
    if (format.font) {
      fontId = base.fonts + fonts.length;
      fonts.push(fontXml(normalFont, format.font));
    }
    let fillId = 0;
    if (format.fill) {
      fillId = base.fills + fills.length;
      fills.push(
        `<fill><patternFill patternType="solid"><fgColor rgb="${format.fill}"/><bgColor indexed="64"/></patternFill></fill>`,
      );
    }
    const numFmtId = format.numberFormat ? formatId(format.numberFormat) : 0;
    const borderId = format.border ? thinBorderId() : 0;
    const alignment = alignmentXml(format.alignment);
    const apply =
      (numFmtId ? ' applyNumberFormat="1"' : "") +
      (format.font ? ' applyFont="1"' : "") +
      (format.fill ? ' applyFill="1"' : "") +
      (borderId ? ' applyBorder="1"' : "") +
      (alignment ? ' applyAlignment="1"' : "");
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${apply}`;
    return alignment ? `${head}>${alignment}</xf>` : `${head}/>`;
  });
  let xml = officer;
  xml = appendToSection(xml, prefix, "numFmts", newFormats);
  xml = appendToSection(xml, prefix, "fonts", fonts);
  xml = appendToSection(xml, prefix, "fills", fills);
  xml = appendToSection(xml, prefix, "borders", borders);
  xml = appendToSection(xml, prefix, "cellXfs", xfs);
  return { xml, xfMap: xfs.map((_x, i) => base.xfs + i) };
}

/** A styles part of our own, for a package that has none: Excel's normal format, then ours. */
function standaloneStyles(formats: readonly CellFormat[]): { xml: string; xfMap: number[] } {
  const minimal =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<fonts count="1">${DEFAULT_FONT}</fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
    `</styleSheet>`;
  return mergeStyles(minimal, formats);
}

const MAIN_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const OFFICE_DOCUMENT_TYPE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

/**
 * A workbook package without a sheet, to add rendered sheets to: the standalone proposal list
 * is written by the same code as the officer's copy. Its styles come with the sheets added.
 *
 * @example
 * packageNames(emptyWorkbookPackage()) //=> { sheets: [], tables: [], formats: 1 }
 */
export function emptyWorkbookPackage(): Buffer {
  const parts: ZipPart[] = [
    {
      name: "[Content_Types].xml",
      data: Buffer.from(
        `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
          `<Default Extension="xml" ContentType="application/xml"/>` +
          `<Override PartName="/xl/workbook.xml" ContentType="${MAIN_CONTENT}"/></Types>`,
        "utf8",
      ),
    },
    {
      name: "_rels/.rels",
      data: relationshipsPart([relationshipXml("rId1", OFFICE_DOCUMENT_TYPE, "xl/workbook.xml")]),
    },
    {
      name: "xl/workbook.xml",
      data: Buffer.from(
        `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${RELATIONSHIPS_NS}">` +
          `<bookViews><workbookView/></bookViews><sheets></sheets></workbook>`,
        "utf8",
      ),
    },
    { name: "xl/_rels/workbook.xml.rels", data: relationshipsPart([]) },
  ];
  const zip = writeZip(parts);
  if (!zip) throw new Error("the empty workbook could not be written");
  return zip;
}

/**
 * The officer's package with the rendered sheets (and their tables) added after the officer's
 * sheets, in their order. Throws when the officer's package cannot be read, which the caller
 * reports: it was read before, so this means a programming error.
 *
 * @example
 * const out = addRenderedSheets(officerBytes, renderModels(models, packageNames(officerBytes)));
 * packageNames(out).sheets //=> ["DTI 2023", "Đề xuất khen thưởng 2023", "Kiểm tra dữ liệu"]
 */
export function addRenderedSheets(officerBytes: Buffer, rendered: RenderedSheets): Buffer {
  const officer = openPackage(officerBytes);
  const officerInfo = readWorkbookInfo(officer.read);
  const workbookPart = officerInfo.workbookPart;
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);
  const taken = new Set(officer.entries.map((e) => e.name));
  const replaced = new Map<string, Buffer>();
  const added: ZipPart[] = [];
  const overrides: string[] = [];
  const workbookRelationships: string[] = [];
  const relsName = relationshipsPartOf(workbookPart);
  const relsBytes = officer.read(relsName);
  const usedIds = new Set(relsBytes ? readRelationships(relsBytes).map((r) => r.id) : []);
  const newId = (): string => {
    let n = usedIds.size + 1;
    while (usedIds.has(`rId${n}`)) n += 1;
    usedIds.add(`rId${n}`);
    return `rId${n}`;
  };

  // Styles.
  const officerStylesName = stylesPartName(officer.read, workbookPart);
  const officerStyles = officerStylesName ? officer.read(officerStylesName) : null;
  let xfMap: number[];
  if (officerStylesName && officerStyles) {
    const merged = mergeStyles(officerStyles.toString("utf8"), rendered.formats);
    replaced.set(officerStylesName, Buffer.from(merged.xml, "utf8"));
    xfMap = merged.xfMap;
  } else {
    const own = standaloneStyles(rendered.formats);
    const name = taken.has(`${folder}styles.xml`)
      ? freePartName(taken, folder, "styles")
      : `${folder}styles.xml`;
    taken.add(name);
    added.push({ name, data: Buffer.from(own.xml, "utf8") });
    workbookRelationships.push(
      `<Relationship Id="${newId()}" Type="${STYLES_TYPE}" Target="${name.slice(folder.length)}"/>`,
    );
    overrides.push(`<Override PartName="/${name}" ContentType="${STYLES_CONTENT}"/>`);
    xfMap = own.xfMap;
  }
  // The sheets were written with the formats numbered after the workbook's own.
  if (xfMap.some((index, i) => index !== rendered.formatBase + i)) {
    throw new Error("the rendered sheets were numbered for another styles part");
  }

  // Tables: workbook-wide unique ids.
  const tableIds = officer.entries
    .filter((e) => TABLE_PART.test(e.name))
    .map((e) => numberAttribute(tableRootTag(officer.read(e.name) ?? Buffer.alloc(0)), "id"));
  let nextTableId = Math.max(0, ...tableIds) + 1;

  const workbookXml = officer.read(workbookPart)?.toString("utf8") ?? "";
  const listed = sheetElementsOf(workbookXml);
  const sheetElements: string[] = [];
  const printTitles: string[] = [];
  // Chart sheets count too: sheet ids are unique over them, and a defined name's localSheetId is
  // a position among them.
  let sheetId = Math.max(0, ...listed.map((tag) => numberAttribute(tag, "sheetId")));
  rendered.sheets.forEach((sheet, index) => {
    const sheetPart = freePartName(taken, `${folder}worksheets/`, "sheet");
    added.push({ name: sheetPart, data: sheet.data });
    overrides.push(`<Override PartName="/${sheetPart}" ContentType="${WORKSHEET_CONTENT}"/>`);
    const rels = sheet.tables.map((table, i) => {
      const tablePart = freePartName(taken, `${folder}tables/`, "table");
      const numbered = table.replace(/(<table\b[^>]*?\sid=")\d+"/, (_m, head: string) => {
        return `${head}${nextTableId++}"`;
      });
      added.push({ name: tablePart, data: Buffer.from(numbered, "utf8") });
      overrides.push(`<Override PartName="/${tablePart}" ContentType="${TABLE_CONTENT}"/>`);
      return relationshipXml(
        `rId${i + 1}`,
        TABLE_TYPE,
        `../tables/${tablePart.slice(`${folder}tables/`.length)}`,
      );
    });
    if (sheet.chart) rels.push(addChartParts(sheet, folder, taken, added, overrides));
    if (rels.length > 0)
      added.push({ name: relationshipsPartOf(sheetPart), data: relationshipsPart(rels) });
    const id = newId();
    workbookRelationships.push(
      `<Relationship Id="${id}" Type="${WORKSHEET_TYPE}" Target="${sheetPart.slice(folder.length)}"/>`,
    );
    sheetId += 1;
    sheetElements.push(
      `<sheet name="${escapeAttribute(sheet.name)}" sheetId="${sheetId}" ${relationshipAttribute(workbookXml, id)}/>`,
    );
    if (sheet.printTitles) {
      const { from, to } = sheet.printTitles;
      const quoted = `'${sheet.name.replace(/'/g, "''")}'`;
      printTitles.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${listed.length + index}">${escapeAttribute(`${quoted}!$${from}:$${to}`)}</definedName>`,
      );
    }
  });

  // The lists that name the parts.
  const workbookPrefix = rootPrefix(workbookXml, "workbook");
  const withSheets = insertBeforeClose(
    workbookXml,
    "sheets",
    withPrefix(sheetElements.join(""), workbookPrefix),
  );
  replaced.set(
    workbookPart,
    Buffer.from(withDefinedNames(withSheets, workbookPrefix, printTitles), "utf8"),
  );
  const relsXml =
    relsBytes?.toString("utf8") ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS_NS}"></Relationships>`;
  const newRels = insertBeforeClose(
    relsXml,
    "Relationships",
    withPrefix(workbookRelationships.join(""), rootPrefix(relsXml, "Relationships")),
  );
  if (relsBytes) replaced.set(relsName, Buffer.from(newRels, "utf8"));
  else added.push({ name: relsName, data: Buffer.from(newRels, "utf8") });
  const typesXml = officer.read("[Content_Types].xml")?.toString("utf8") ?? "";
  replaced.set(
    "[Content_Types].xml",
    Buffer.from(
      insertBeforeClose(
        typesXml,
        "Types",
        withPrefix(overrides.join(""), rootPrefix(typesXml, "Types")),
      ),
      "utf8",
    ),
  );

  const parts: ZipPart[] = [
    ...officer.entries.map((entry): ZipPart => {
      const data = replaced.get(entry.name);
      return data
        ? { name: entry.name, data }
        : { name: entry.name, copy: entry, from: officerBytes };
    }),
    ...added,
  ];
  const zip = writeZip(parts);
  if (!zip) throw new Error("a part of the workbook could not be copied");
  return zip;
}

/** The `r:id` attribute, with the prefix the workbook part binds to the relationships namespace. */
function relationshipAttribute(workbookXml: string, id: string): string {
  const bound = new RegExp(`xmlns:(\\w+)="${RELATIONSHIPS_NS}"`).exec(workbookXml)?.[1];
  return bound ? `${bound}:id="${id}"` : `xmlns:r="${RELATIONSHIPS_NS}" r:id="${id}"`;
}

/** The `<sheet …>` tags of the workbook part's sheet list (worksheets and chart sheets). */
function sheetElementsOf(workbookXml: string): string[] {
  const prefix = rootPrefix(workbookXml, "workbook");
  const open = workbookXml.search(new RegExp(`<${prefix}sheets\\b`));
  const close = workbookXml.indexOf(`</${prefix}sheets>`, open);
  if (open < 0 || close < 0) return [];
  return workbookXml.slice(open, close).match(new RegExp(`<${prefix}sheet\\s[^>]*>`, "g")) ?? [];
}

/** Workbook elements that come after `<definedNames>` (ECMA-376 CT_Workbook order). */
const AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
] as const;

/**
 * The workbook part with defined names added: into its `<definedNames>`, or in a new one where
 * the schema puts it.
 */
function withDefinedNames(xml: string, prefix: string, names: readonly string[]): string {
  if (names.length === 0) return xml;
  const added = withPrefix(names.join(""), prefix);
  const empty = new RegExp(`<${prefix}definedNames\\s*/>`).exec(xml);
  const element = `<${prefix}definedNames>${added}</${prefix}definedNames>`;
  if (empty) return xml.slice(0, empty.index) + element + xml.slice(empty.index + empty[0].length);
  if (xml.includes(`</${prefix}definedNames>`))
    return insertBeforeClose(xml, "definedNames", added);
  for (const next of AFTER_DEFINED_NAMES) {
    const at = xml.search(new RegExp(`<${prefix}${next}[\\s/>]`));
    if (at >= 0) return xml.slice(0, at) + element + xml.slice(at);
  }
  return insertBeforeClose(xml, "workbook", element);
}

function relationshipXml(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
}

function relationshipsPart(relationships: readonly string[]): Buffer {
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS_NS}">${relationships.join("")}</Relationships>`,
    "utf8",
  );
}

/**
 * Adds a sheet's chart and the drawing that anchors it under free part names, with the drawing's
 * relationship to the chart and both content types; returns the sheet's relationship to the
 * drawing.
 */
function addChartParts(
  sheet: RenderedSheet,
  folder: string,
  taken: Set<string>,
  added: ZipPart[],
  overrides: string[],
): string {
  if (!sheet.chart) throw new Error("no chart to add");
  const chartPart = freePartName(taken, `${folder}charts/`, "chart");
  const drawingPart = freePartName(taken, `${folder}drawings/`, "drawing");
  added.push(
    { name: chartPart, data: Buffer.from(sheet.chart.chart, "utf8") },
    { name: drawingPart, data: Buffer.from(sheet.chart.drawing, "utf8") },
    {
      name: relationshipsPartOf(drawingPart),
      data: relationshipsPart([
        relationshipXml(
          CHART_REL_ID,
          CHART_REL_TYPE,
          `../charts/${chartPart.slice(`${folder}charts/`.length)}`,
        ),
      ]),
    },
  );
  overrides.push(
    `<Override PartName="/${chartPart}" ContentType="${CHART_CONTENT}"/>`,
    `<Override PartName="/${drawingPart}" ContentType="${DRAWING_CONTENT}"/>`,
  );
  return relationshipXml(
    DRAWING_REL_ID,
    DRAWING_REL_TYPE,
    `../drawings/${drawingPart.slice(`${folder}drawings/`.length)}`,
  );
}
