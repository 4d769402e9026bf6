/**
 * Adds sheets rendered by ExcelJS (in a workbook of their own) to the officer's .xlsx package,
 * part by part: every part of the officer's file is copied as it is stored (same bytes, same
 * compression), and only the lists that name parts (the workbook's sheet list, its relationships,
 * the content types) and the cell styles gain entries. The officer's sheets are never parsed,
 * rebuilt or re-encoded, so nothing in them is lost — not even what ExcelJS cannot read, and not
 * a merged area or a validation over the whole grid that ExcelJS would expand cell by cell.
 */
import {
  readRelationships,
  readWorkbookInfo,
  relationshipsPartOf,
  resolvePartPath,
  stylesPartName,
  type PartReader,
} from "./workbookParts";
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

/** Names the officer's workbook already uses, which new sheets and tables must not take. */
export interface PackageNames {
  readonly sheets: readonly string[];
  readonly tables: readonly string[];
}

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
 * The sheet names and table names (name and display name) of a package.
 *
 * @example
 * packageNames(officerBytes) //=> { sheets: ["DTI 2023", "Cá nhân đề xuất"], tables: ["Table1"] }
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
  return { sheets, tables: [...new Set(tables)].map(decodeEntities) };
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

/**
 * The officer's styles part with the rendered workbook's fonts, fills, borders, custom number
 * formats and cell formats appended, and the map from a rendered cell format to its new index.
 */
function mergeStyles(officer: string, rendered: string): { xml: string; xfMap: number[] } {
  const prefix = rootPrefix(officer, "styleSheet");
  const section = (xml: string, p: string, s: StyleSection) => findSection(xml, p, s)?.items ?? [];
  const base = {
    fonts: section(officer, prefix, "fonts").length,
    fills: section(officer, prefix, "fills").length,
    borders: section(officer, prefix, "borders").length,
    xfs: section(officer, prefix, "cellXfs").length,
  };
  // Custom number formats: reuse the officer's id for the same code, else a free id from 164.
  const officerFormats = section(officer, prefix, "numFmts").map((tag) => ({
    id: numberAttribute(tag, "numFmtId"),
    code: attribute(tag, "formatCode") ?? "",
  }));
  let nextId = Math.max(163, ...officerFormats.map((f) => f.id)) + 1;
  const formatMap = new Map<number, number>();
  const newFormats: string[] = [];
  for (const tag of section(rendered, "", "numFmts")) {
    const id = numberAttribute(tag, "numFmtId");
    const code = attribute(tag, "formatCode") ?? "";
    const same = officerFormats.find((f) => f.code === code);
    if (same) formatMap.set(id, same.id);
    else {
      formatMap.set(id, nextId);
      newFormats.push(`<numFmt numFmtId="${nextId}" formatCode="${code}"/>`);
      nextId += 1;
    }
  }
  const xfs = section(rendered, "", "cellXfs").map((tag) => {
    const shift = (name: string, by: number) => (t: string) =>
      t.replace(new RegExp(`(\\s${name}=")(\\d+)"`), (_m, head: string, n: string) => {
        return `${head}${Number(n) + by}"`;
      });
    let xf = tag;
    xf = shift("fontId", base.fonts)(xf);
    xf = shift("fillId", base.fills)(xf);
    xf = shift("borderId", base.borders)(xf);
    xf = xf.replace(/(\snumFmtId=")(\d+)"/, (_m, head: string, n: string) => {
      return `${head}${formatMap.get(Number(n)) ?? Number(n)}"`;
    });
    // Every new format is based on the officer's Normal style.
    return xf.replace(/(\sxfId=")(\d+)"/, '$10"');
  });
  let xml = officer;
  xml = appendToSection(xml, prefix, "numFmts", newFormats);
  xml = appendToSection(xml, prefix, "fonts", section(rendered, "", "fonts"));
  xml = appendToSection(xml, prefix, "fills", section(rendered, "", "fills"));
  xml = appendToSection(xml, prefix, "borders", section(rendered, "", "borders"));
  xml = appendToSection(xml, prefix, "cellXfs", xfs);
  return { xml, xfMap: xfs.map((_x, i) => (i === 0 ? 0 : base.xfs + i)) };
}

/* ---------------------------------------------------------------------------------------------
 * The rendered sheets, made ready to live in the officer's package.
 * ------------------------------------------------------------------------------------------- */

/** The rendered shared strings, each as the raw inner XML of its `<si>`. */
function sharedStringItems(part: Buffer | null): string[] {
  if (!part) return [];
  const xml = part.toString("utf8");
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => m[1] ?? "");
}

/**
 * A rendered sheet's XML with its shared strings written inline (the officer's string table is
 * left alone), its cell formats renumbered, and never selected as a tab (two selected tabs would
 * open the workbook with sheets grouped).
 */
function adaptSheetXml(
  xml: string,
  strings: readonly string[],
  xfMap: readonly number[] | null,
): string {
  const styled = (n: string) => (xfMap ? String(xfMap[Number(n)] ?? 0) : n);
  return xml
    .replace(
      /<c\b([^>]*?)\st="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
      (_m, before: string, after: string, index: string) =>
        `<c${before} t="inlineStr"${after}><is>${strings[Number(index)] ?? "<t></t>"}</is></c>`,
    )
    .replace(/(<c\b[^>]*?\ss=")(\d+)"/g, (_m, head: string, n: string) => `${head}${styled(n)}"`)
    .replace(/(<row\b[^>]*?\ss=")(\d+)"/g, (_m, head: string, n: string) => `${head}${styled(n)}"`)
    .replace(/(<col\b[^>]*?\sstyle=")(\d+)"/g, (_m, head: string, n: string) => {
      return `${head}${styled(n)}"`;
    })
    .replace(/\stabSelected="(?:1|true)"/g, "");
}

/**
 * The officer's package with the rendered workbook's sheets (and their tables and links) added
 * after the officer's sheets, in their order. Throws when either package cannot be read, which
 * the caller reports: the officer's file was read before, so this means a programming error.
 *
 * @example
 * const out = addRenderedSheets(officerBytes, renderedBytes);
 * packageNames(out).sheets //=> ["DTI 2023", "Đề xuất khen thưởng 2023", "Kiểm tra dữ liệu"]
 */
export function addRenderedSheets(officerBytes: Buffer, renderedBytes: Buffer): Buffer {
  const officer = openPackage(officerBytes);
  const rendered = openPackage(renderedBytes);
  const officerInfo = readWorkbookInfo(officer.read);
  const renderedInfo = readWorkbookInfo(rendered.read);
  const workbookPart = officerInfo.workbookPart;
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);
  const taken = new Set(officer.entries.map((e) => e.name));
  const replaced = new Map<string, Buffer>();
  const added: ZipPart[] = [];
  const overrides: string[] = [];

  // Styles.
  const renderedStylesName = stylesPartName(rendered.read, renderedInfo.workbookPart);
  const renderedStyles = renderedStylesName ? rendered.read(renderedStylesName) : null;
  const officerStylesName = stylesPartName(officer.read, workbookPart);
  const officerStyles = officerStylesName ? officer.read(officerStylesName) : null;
  // From a rendered cell format to the officer's; null when the formats stay as rendered.
  let xfMap: number[] | null = null;
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
  if (renderedStyles && officerStylesName && officerStyles) {
    const merged = mergeStyles(officerStyles.toString("utf8"), renderedStyles.toString("utf8"));
    replaced.set(officerStylesName, Buffer.from(merged.xml, "utf8"));
    xfMap = merged.xfMap;
  } else if (renderedStyles) {
    // The officer's file has no styles part: the rendered one becomes the workbook's.
    const name = taken.has(`${folder}styles.xml`)
      ? freePartName(taken, folder, "styles")
      : `${folder}styles.xml`;
    added.push({ name, data: renderedStyles });
    workbookRelationships.push(
      `<Relationship Id="${newId()}" Type="${STYLES_TYPE}" Target="${name.slice(folder.length)}"/>`,
    );
    overrides.push(`<Override PartName="/${name}" ContentType="${STYLES_CONTENT}"/>`);
  }

  // Tables: new part names and workbook-wide unique ids.
  const tableIds = officer.entries
    .filter((e) => TABLE_PART.test(e.name))
    .map((e) => numberAttribute(tableRootTag(officer.read(e.name) ?? Buffer.alloc(0)), "id"));
  let nextTableId = Math.max(0, ...tableIds) + 1;

  const strings = sharedStringItems(
    (() => {
      const rels = rendered.read(relationshipsPartOf(renderedInfo.workbookPart));
      const sst = rels
        ? readRelationships(rels).find((r) => /\/sharedStrings$/.test(r.type))
        : undefined;
      return sst ? rendered.read(resolvePartPath(renderedInfo.workbookPart, sst.target)) : null;
    })(),
  );

  const workbookXml = officer.read(workbookPart)?.toString("utf8") ?? "";
  const sheetElements: string[] = [];
  let sheetId = Math.max(0, ...officerInfo.sheets.map((s) => s.sheetId));
  for (const sheet of renderedInfo.sheets) {
    if (!sheet.part) continue;
    const xml = rendered.read(sheet.part)?.toString("utf8");
    if (xml === undefined) throw new Error(`rendered sheet ${sheet.name} has no part`);
    const sheetName = freePartName(taken, `${folder}worksheets/`, "sheet");
    added.push({ name: sheetName, data: Buffer.from(adaptSheetXml(xml, strings, xfMap), "utf8") });
    overrides.push(`<Override PartName="/${sheetName}" ContentType="${WORKSHEET_CONTENT}"/>`);
    const sheetRels = rendered.read(relationshipsPartOf(sheet.part));
    if (sheetRels) {
      let relsXml = sheetRels.toString("utf8");
      for (const rel of readRelationships(sheetRels)) {
        if (rel.external || !/\/table$/.test(rel.type)) continue;
        const source = resolvePartPath(sheet.part, rel.target);
        const tableXml = rendered.read(source)?.toString("utf8");
        if (tableXml === undefined) throw new Error(`rendered table ${source} is missing`);
        const tableName = freePartName(taken, `${folder}tables/`, "table");
        const renumbered = tableXml.replace(
          /(<table\b[^>]*?\sid=")\d+"/,
          (_m, head: string) => `${head}${nextTableId++}"`,
        );
        added.push({ name: tableName, data: Buffer.from(renumbered, "utf8") });
        overrides.push(`<Override PartName="/${tableName}" ContentType="${TABLE_CONTENT}"/>`);
        relsXml = relsXml.replace(
          `Target="${rel.target}"`,
          `Target="../tables/${tableName.slice(`${folder}tables/`.length)}"`,
        );
      }
      added.push({ name: relationshipsPartOf(sheetName), data: Buffer.from(relsXml, "utf8") });
    }
    const id = newId();
    workbookRelationships.push(
      `<Relationship Id="${id}" Type="${WORKSHEET_TYPE}" Target="${sheetName.slice(folder.length)}"/>`,
    );
    sheetId += 1;
    sheetElements.push(
      `<sheet name="${escapeAttribute(sheet.name)}" sheetId="${sheetId}" ${relationshipAttribute(workbookXml, id)}/>`,
    );
  }

  // The lists that name the parts.
  replaced.set(
    workbookPart,
    Buffer.from(
      insertBeforeClose(
        workbookXml,
        "sheets",
        withPrefix(sheetElements.join(""), rootPrefix(workbookXml, "workbook")),
      ),
      "utf8",
    ),
  );
  const relsXml =
    relsBytes?.toString("utf8") ??
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const relsPrefix = rootPrefix(relsXml, "Relationships");
  const newRels = insertBeforeClose(
    relsXml,
    "Relationships",
    withPrefix(workbookRelationships.join(""), relsPrefix),
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
