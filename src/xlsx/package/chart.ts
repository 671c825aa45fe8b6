// A clustered bar or column chart for a new sheet (the weekly report's per-customer table), as Office.js's
// charts.add(type, range, 'Auto') draws it: categories from the first column, one series per further column
// named by its header cell, the title on top, placed over the anchor cells. DrawingML (ECMA-376 Part 1, 21.2).

import { cellAddress, parseCell, parseRange, quoteSheet } from '../../core/address';
import type { ChartSpec } from '../../core/edits';
import { escapeText } from './xml';

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
/** Office's default accent colours (accent1, accent2, …), the series colours of a chart Excel draws. */
const SERIES_COLOURS = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function abs(sheet: string, top: number, left: number, bottom: number, right: number): string {
  const a = cellAddress(top, left).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  const b = cellAddress(bottom, right).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  return `${quoteSheet(sheet)}!${a === b ? a : `${a}:${b}`}`;
}

export function chartXml(sheet: string, spec: ChartSpec): string {
  const r = parseRange(spec.dataRange);
  const series: string[] = [];
  for (let col = r.left + 1, i = 0; col <= r.right; col++, i++) {
    series.push(
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeText(abs(sheet, r.top, col, r.top, col))}</c:f></c:strRef></c:tx>` +
        // An explicit fill: a workbook without a theme part would otherwise show invisible bars.
        `<c:spPr><a:solidFill><a:srgbClr val="${SERIES_COLOURS[i % SERIES_COLOURS.length]}"/></a:solidFill></c:spPr>` +
        `<c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${escapeText(abs(sheet, r.top + 1, r.left, r.bottom, r.left))}</c:f></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeText(abs(sheet, r.top + 1, col, r.bottom, col))}</c:f></c:numRef></c:val></c:ser>`,
    );
  }
  const dir = spec.type === 'barClustered' ? 'bar' : 'col';
  return (
    HEAD +
    `<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escapeText(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="${dir}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    series.join('') +
    `<c:gapWidth val="150"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>` +
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="${dir === 'bar' ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${dir === 'bar' ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${dir === 'bar' ? 'b' : 'l'}"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** A drawing part holding one chart anchored over the spec's cells (the chart is relationship rId1). */
export function drawingXml(spec: ChartSpec, title: string): string {
  const from = parseCell(spec.anchor.from);
  const to = parseCell(spec.anchor.to);
  const marker = (tag: string, p: { row: number; col: number }) =>
    `<xdr:${tag}><xdr:col>${p.col - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    HEAD +
    `<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}"><xdr:twoCellAnchor>${marker('from', from)}${marker('to', to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeText(title).replace(/"/g, '&quot;')}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>` +
    `<xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}
