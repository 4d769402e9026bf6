/**
 * A line chart as the parts Excel writes for one: a DrawingML chart part (with the values cached,
 * so the chart shows before any recalculation) and a drawing part that anchors it to cells. The
 * package writer (`addSheetsToPackage.ts`) adds them with the relationships from the sheet to the
 * drawing and from the drawing to the chart, and their content types. The chart's series point
 * at the sheet's own cells, so an officer who edits them in Excel sees the chart follow.
 */
import type { ChartSpec } from "../domain/printSheet";
import { cellAddress } from "../domain/text";
import type { CellRange } from "../domain/types";

export const CHART_CONTENT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const DRAWING_CONTENT = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_REL_TYPE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
export const DRAWING_REL_TYPE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
/** The relationship id a drawing part names its chart by. */
export const CHART_REL_ID = "rId1";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

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
 * The colours of the series, in order (Office's accent colours): written into the chart, so that
 * the lines show in any workbook, with or without a theme (the standalone list has none).
 */
export const SERIES_COLOURS = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"] as const;

/** A series' line and its round markers in one colour. */
function seriesLook(colour: string): string {
  const fill = `<a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>`;
  return (
    `<c:spPr><a:ln w="28575" cap="rnd">${fill}<a:round/></a:ln></c:spPr>` +
    `<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr>${fill}<a:ln>${fill}</a:ln></c:spPr></c:marker>`
  );
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
        seriesLook(SERIES_COLOURS[i % SERIES_COLOURS.length]),
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

/**
 * The drawing part that anchors one chart between two cells, naming the chart by `chartRelId`.
 *
 * @example
 * drawingXml({ top: 40, left: 0, bottom: 60, right: 6 }, "rId1").includes('r:id="rId1"') //=> true
 */
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
