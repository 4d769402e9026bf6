/**
 * The parts of an .xlsx package the command line reads besides the sheets: the workbook part
 * (sheet names, order, visibility, date system), its relationships (where each sheet's part is),
 * the shared strings and the number formats of the cell styles (which numbers are dates).
 */
import { scanXml, XmlDamage, decodeOoxmlEscapes } from "./xmlScan";
import { isDateFormat } from "./numberFormats";

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface PackageSheet {
  readonly name: string;
  readonly state: SheetState;
  /** The sheet's part in the zip, e.g. "xl/worksheets/sheet1.xml"; null when it has none. */
  readonly part: string | null;
  /** The relationship id in the workbook part ("rId1"). */
  readonly relationshipId: string;
  readonly sheetId: number;
}

export interface WorkbookInfo {
  /** The workbook part, usually "xl/workbook.xml". */
  readonly workbookPart: string;
  readonly sheets: readonly PackageSheet[];
  readonly date1904: boolean;
}

/** A part of the package, inflated; null when the package has no such part. */
export type PartReader = (name: string) => Buffer | null;

const OFFICE_DOCUMENT_TYPE = /\/officeDocument$/;
const WORKSHEET_TYPE = /\/worksheet$/;

/**
 * The path of a relationship target, resolved against the folder of the part that points to it
 * (an absolute target starts at the package root).
 *
 * @example
 * resolvePartPath("xl/workbook.xml", "worksheets/sheet1.xml") //=> "xl/worksheets/sheet1.xml"
 * resolvePartPath("xl/worksheets/sheet1.xml", "../tables/table1.xml") //=> "xl/tables/table1.xml"
 * resolvePartPath("xl/workbook.xml", "/xl/worksheets/sheet2.xml") //=> "xl/worksheets/sheet2.xml"
 */
export function resolvePartPath(from: string, target: string): string {
  const parts = target.startsWith("/") ? [] : from.split("/").slice(0, -1);
  for (const piece of target.replace(/^\//, "").split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

/**
 * The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels".
 *
 * @example
 * relationshipsPartOf("xl/worksheets/sheet1.xml") //=> "xl/worksheets/_rels/sheet1.xml.rels"
 */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/**
 * The relationships listed in a `.rels` part.
 *
 * @example
 * readRelationships(Buffer.from('<Relationships><Relationship Id="rId1" Type="…/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'))[0].target
 * //=> "worksheets/sheet1.xml"
 */
export function readRelationships(part: Buffer): Relationship[] {
  const found: Relationship[] = [];
  scanXml(part, {
    open: (name, attributes) => {
      if (name !== "Relationship") return;
      found.push({
        id: attributes.get("Id") ?? "",
        type: attributes.get("Type") ?? "",
        target: attributes.get("Target") ?? "",
        external: attributes.get("TargetMode") === "External",
      });
    },
  });
  return found;
}

/**
 * Where the workbook part is: named by the package's root relationships, "xl/workbook.xml" when
 * the package has none.
 */
export function workbookPartName(read: PartReader): string {
  const root = read("_rels/.rels");
  if (!root) return "xl/workbook.xml";
  const office = readRelationships(root).find((r) => OFFICE_DOCUMENT_TYPE.test(r.type));
  return office ? resolvePartPath("", office.target) : "xl/workbook.xml";
}

/**
 * The sheets of the workbook in tab order, each with its part, and the date system. Chart sheets
 * and dialog sheets are left out, as Office.js leaves them out of `worksheets`. Throws `XmlDamage`
 * when the workbook part or its relationships are damaged.
 */
export function readWorkbookInfo(read: PartReader): WorkbookInfo {
  const workbookPart = workbookPartName(read);
  const workbook = read(workbookPart);
  if (!workbook) throw new XmlDamage(`the workbook part ${workbookPart} is missing`, 0);
  const relsPart = read(relationshipsPartOf(workbookPart));
  const relationships = relsPart ? readRelationships(relsPart) : [];
  const byId = new Map(relationships.map((r) => [r.id, r]));
  const listed: { name: string; state: SheetState; id: string; sheetId: number }[] = [];
  let date1904 = false;
  const path: string[] = [];
  scanXml(workbook, {
    open: (name, attributes, selfClosing) => {
      const parent = path[path.length - 1];
      if (!selfClosing) path.push(name);
      if (name === "workbookPr") {
        const value = attributes.get("date1904");
        date1904 = value === "1" || value === "true";
      } else if (name === "sheet" && parent === "sheets") {
        const state = attributes.get("state");
        listed.push({
          name: attributes.get("name") ?? "",
          state: state === "hidden" || state === "veryHidden" ? state : "visible",
          id: attributes.get("id") ?? "",
          sheetId: Number(attributes.get("sheetId") ?? 0),
        });
      }
    },
    close: (name) => {
      if (path[path.length - 1] === name) path.pop();
    },
  });
  const sheets = listed.flatMap((sheet): PackageSheet[] => {
    const rel = byId.get(sheet.id);
    // A chart sheet or a dialog sheet is not a worksheet: Office.js does not list it either.
    if (rel && !WORKSHEET_TYPE.test(rel.type)) return [];
    return [
      {
        name: sheet.name,
        state: sheet.state,
        relationshipId: sheet.id,
        sheetId: sheet.sheetId,
        part: rel && !rel.external ? resolvePartPath(workbookPart, rel.target) : null,
      },
    ];
  });
  return { workbookPart, sheets, date1904 };
}

/** The shared-strings part of the workbook, if its relationships name one. */
export function sharedStringsPartName(read: PartReader, workbookPart: string): string | null {
  return partOfType(read, workbookPart, /\/sharedStrings$/);
}

/** The styles part of the workbook, if its relationships name one. */
export function stylesPartName(read: PartReader, workbookPart: string): string | null {
  return partOfType(read, workbookPart, /\/styles$/);
}

function partOfType(read: PartReader, workbookPart: string, type: RegExp): string | null {
  const relsPart = read(relationshipsPartOf(workbookPart));
  const rel = relsPart ? readRelationships(relsPart).find((r) => type.test(r.type)) : undefined;
  return rel && !rel.external ? resolvePartPath(workbookPart, rel.target) : null;
}

/**
 * The shared strings, rich text joined into plain text and phonetic guides left out, as Excel
 * shows the cell.
 *
 * @example
 * readSharedStrings(Buffer.from("<sst><si><t>Sở </t></si><si><r><t>Y</t></r><r><t> tế</t></r></si></sst>"))
 * //=> ["Sở ", "Y tế"]
 */
export function readSharedStrings(part: Buffer): string[] {
  const strings: string[] = [];
  let current: string[] | null = null;
  let collecting = false;
  let phonetic = false;
  scanXml(part, {
    open: (name, _attributes, selfClosing) => {
      if (name === "si") {
        current = [];
        if (selfClosing) {
          strings.push("");
          current = null;
        }
      } else if (name === "rPh") phonetic = !selfClosing;
      else if (name === "t" && current && !phonetic && !selfClosing) collecting = true;
    },
    close: (name) => {
      if (name === "t") collecting = false;
      else if (name === "rPh") phonetic = false;
      else if (name === "si" && current) {
        strings.push(decodeOoxmlEscapes(current.join("")));
        current = null;
      }
    },
    wantText: () => collecting,
    text: (text) => {
      (current as string[] | null)?.push(text);
    },
  });
  return strings;
}

/**
 * Per cell style (the `s` of a cell, an index into `cellXfs`): true when its number format shows
 * a date or a time.
 *
 * @example
 * readDateStyles(Buffer.from('<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>'))
 * //=> [false, true]
 */
export function readDateStyles(part: Buffer): boolean[] {
  const formats = new Map<number, string>();
  const styles: number[] = [];
  const path: string[] = [];
  scanXml(part, {
    open: (name, attributes, selfClosing) => {
      const parent = path[path.length - 1];
      if (!selfClosing) path.push(name);
      if (name === "numFmt" && parent === "numFmts") {
        formats.set(Number(attributes.get("numFmtId")), attributes.get("formatCode") ?? "");
      } else if (name === "xf" && parent === "cellXfs") {
        styles.push(Number(attributes.get("numFmtId") ?? 0));
      }
    },
    close: (name) => {
      if (path[path.length - 1] === name) path.pop();
    },
  });
  return styles.map((id) => isDateFormat(id, formats.get(id)));
}
