/**
 * A line chart written into a saved .xlsx package. ExcelJS has no chart API, so the command line
 * adds the chart's parts itself, as Excel writes them: a DrawingML chart part (with the values
 * cached, so the chart shows before any recalculation), a drawing that anchors it to cells, the
 * relationships from the sheet to the drawing and from the drawing to the chart, and their
 * content types. The chart's series point at the sheet's own cells, so an officer who edits them
 * in Excel sees the chart follow.
 */
import JSZip from "jszip";
import type { ChartSpec } from "../domain/printSheet";
import { cellAddress } from "../domain/text";
import type { CellRange } from "../domain/types";

const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** Elements that come after `<drawing>` in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/**
 * Text escaped for XML content and attributes.
 *
 * @example
 * xmlText("A & B <c>") //=> "A &amp; B &lt;c&gt;"
 */
export function xmlText(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * An absolute reference to a range of a sheet, as a chart formula writes it.
 *
 * @example
 * rangeFormula("Tổng hợp 2022–2025", { top: 40, left: 2, bottom: 40, right: 5 })
 * //=> "'Tổng hợp 2022–2025'!$C$41:$F$41"
 */
export function rangeFormula(sheet: string, range: CellRange): string {
  const abs = (row: number, col: number) =>
    cellAddress(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const from = abs(range.top, range.left);
  const to = abs(range.bottom, range.right);
  return `'${sheet.replace(/'/g, "''")}'!${from === to ? from : `${from}:${to}`}`;
}

function strCache(values: readonly string[]): string {
  const points = values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlText(v)}</c:v></c:pt>`).join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache>`;
}

function numCache(values: readonly (number | null)[], format: string): string {
  const points = values
    .map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
    .join("");
  return `<c:numCache><c:formatCode>${xmlText(format)}</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

/**
 * The chart part of a line chart over cells of a sheet.
 *
 * @example
 * chartXml("Tổng hợp 2022–2025", spec).includes("<c:lineChart>") //=> true
 */
export function chartXml(sheet: string, chart: ChartSpec): string {
  const series = chart.series
    .map((s, i) => {
      const name = chart.cache.series[i]?.name ?? "";
      const values = chart.cache.series[i]?.values ?? [];
      return [
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>`,
        `<c:tx><c:strRef><c:f>${xmlText(rangeFormula(sheet, { top: s.name.row, left: s.name.col, bottom: s.name.row, right: s.name.col }))}</c:f>${strCache([name])}</c:strRef></c:tx>`,
        `<c:marker><c:symbol val="circle"/><c:size val="6"/></c:marker>`,
        `<c:cat><c:strRef><c:f>${xmlText(rangeFormula(sheet, chart.categories))}</c:f>${strCache(chart.cache.categories)}</c:strRef></c:cat>`,
        `<c:val><c:numRef><c:f>${xmlText(rangeFormula(sheet, s.values))}</c:f>${numCache(values, "0.00%")}</c:numRef></c:val>`,
        `<c:smooth val="0"/></c:ser>`,
      ].join("");
    })
    .join("");
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="1200" b="1"/><a:t>${xmlText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const axes =
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="${xmlText(chart.valueFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/><c:axId val="500000001"/><c:axId val="500000002"/></c:lineChart>` +
    `${axes}</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The drawing part that anchors one chart between two cells. */
export function drawingXml(anchor: CellRange, chartRelId: string): string {
  const corner = (tag: string, row: number, col: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<xdr:twoCellAnchor editAs="oneCell">${corner("from", anchor.top, anchor.left)}${corner("to", anchor.bottom + 1, anchor.right + 1)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_R}" r:id="${chartRelId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The path of a worksheet part by the sheet's name, from workbook.xml and its relationships. */
async function sheetPath(zip: JSZip, sheet: string): Promise<string | null> {
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  for (const match of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const tag = match[0];
    const name = /\bname="([^"]*)"/.exec(tag)?.[1];
    const id = /\br:id="([^"]*)"/.exec(tag)?.[1];
    if (name === undefined || id === undefined || unescapeXml(name) !== sheet) continue;
    for (const rel of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      if (/\bId="([^"]*)"/.exec(rel[0])?.[1] !== id) continue;
      const target = /\bTarget="([^"]*)"/.exec(rel[0])?.[1] ?? "";
      return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    }
  }
  return null;
}

/** The first free number for a part name pattern ("xl/charts/chart{n}.xml"). */
function freePart(zip: JSZip, pattern: (n: number) => string): number {
  let n = 1;
  while (zip.file(pattern(n))) n += 1;
  return n;
}

function addRelationship(
  rels: string | undefined,
  id: string,
  type: string,
  target: string,
): string {
  const entry = `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  if (!rels) {
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${entry}</Relationships>`;
  }
  return rels.replace("</Relationships>", `${entry}</Relationships>`);
}

function freeRelId(rels: string | undefined): string {
  let n = 1;
  while (rels?.includes(`Id="rIdChart${n}"`)) n += 1;
  return `rIdChart${n}`;
}

/** Puts `<drawing r:id>` where the schema wants it, declaring the r namespace if needed. */
function withDrawingElement(sheetXml: string, relId: string): string {
  let xml = sheetXml;
  if (!/<worksheet\b[^>]*\bxmlns:r=/.test(xml)) {
    xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS_R}"`);
  }
  const element = `<drawing r:id="${relId}"/>`;
  for (const name of AFTER_DRAWING) {
    const at = xml.search(new RegExp(`<${name}[\\s>/]`));
    if (at >= 0) return `${xml.slice(0, at)}${element}${xml.slice(at)}`;
  }
  return xml.replace("</worksheet>", `${element}</worksheet>`);
}

export interface SheetChart {
  readonly sheet: string;
  readonly chart: ChartSpec;
}

/**
 * Adds line charts to the sheets of a saved .xlsx package and returns the new package. A sheet
 * that already has a drawing is left without the chart (its drawing is not merged), and its name
 * is returned in `skipped`.
 *
 * @example
 * (await addChartsToXlsx(bytes, [{ sheet: "Tổng hợp 2022–2025", chart }])).skipped //=> []
 */
export async function addChartsToXlsx(
  bytes: Buffer,
  charts: readonly SheetChart[],
): Promise<{ readonly bytes: Buffer; readonly skipped: readonly string[] }> {
  if (charts.length === 0) return { bytes, skipped: [] };
  const zip = await JSZip.loadAsync(bytes);
  const skipped: string[] = [];
  let types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  for (const { sheet, chart } of charts) {
    const path = await sheetPath(zip, sheet);
    const sheetXml = path ? await zip.file(path)?.async("string") : undefined;
    if (!path || sheetXml === undefined || /<drawing\b/.test(sheetXml)) {
      skipped.push(sheet);
      continue;
    }
    const chartNo = freePart(zip, (n) => `xl/charts/chart${n}.xml`);
    const drawingNo = freePart(zip, (n) => `xl/drawings/drawing${n}.xml`);
    zip.file(`xl/charts/chart${chartNo}.xml`, chartXml(sheet, chart));
    zip.file(`xl/drawings/drawing${drawingNo}.xml`, drawingXml(chart.anchor, "rId1"));
    zip.file(
      `xl/drawings/_rels/drawing${drawingNo}.xml.rels`,
      addRelationship(undefined, "rId1", REL_CHART, `../charts/chart${chartNo}.xml`),
    );
    const dir = path.slice(0, path.lastIndexOf("/"));
    const file = path.slice(path.lastIndexOf("/") + 1);
    const relsPath = `${dir}/_rels/${file}.rels`;
    const rels = await zip.file(relsPath)?.async("string");
    const relId = freeRelId(rels);
    zip.file(
      relsPath,
      addRelationship(rels, relId, REL_DRAWING, `../drawings/drawing${drawingNo}.xml`),
    );
    zip.file(path, withDrawingElement(sheetXml, relId));
    types = types.replace(
      "</Types>",
      `<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="${CHART_TYPE}"/>` +
        `<Override PartName="/xl/drawings/drawing${drawingNo}.xml" ContentType="${DRAWING_TYPE}"/></Types>`,
    );
  }
  zip.file("[Content_Types].xml", types);
  const out = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  return { bytes: out, skipped };
}
