// A clerk's real tracking workbook, written part by part (no library model in between), holding everything the
// writer must never lose: a chart and an image on a drawing, a pivot table with its cache, notes (legacy comments)
// and threaded comments, hyperlinks, defined names (a constant 汇率 = 7.12, a formula, print titles and area), the
// clerk's own conditional formats of every type (text contains 急 with its operator and text, data bars with their
// x14 extension …), data validations with every attribute, a styled table with a totals row, freeze panes, hidden
// rows and columns, printer settings (a binary part), a theme, number formats with literal text, and — for .xlsm —
// a VBA project. The order block has a number and a date typed as text, so `apply --fix` has something to fix.

import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';

const THEME_SOURCE = path.resolve(__dirname, '../../../shared/fixtures/real-world/exceljs-duplicateRowTest.xlsx');

export const ORDER_SHEET = '订单跟踪';
/** The pivot table's sheet and output range (LibreOffice recomputes a pivot on load and labels it in its words). */
export const PIVOT = { sheet: '透视', labels: 'A3:A7' };
export const LITERAL_DATE_FORMAT = 'yyyy"年"m"月"d"日"';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Order lines: orderNo, customer, orderDate, item, qty, price, dueDate, shipped, status, remarks. */
const LINES: [string, string, number, string, number | string, number, number | string, number, string, string][] = [
  ['SO-2611-01', '佛山美家', 46300, 'FM-201', 120, 9.6, 46330, 120, '已出货', ''],
  ['SO-2611-02', '佛山美家', 46301, 'FM-202', '60', 88, 46341, 0, '生产中', '急单，客户催'],
  ['SO-2611-03', '厦门海景', 46305, 'XM-11', 40, 1250, '2026-11-27', 0, '生产中', ''],
  ['SO-2611-04', '厦门海景', 46306, 'XM-12', 60, 420, 46355, 0, '待排产', '急'],
  ['SO-2611-05', '青岛北方', 46310, 'QD-5', 1200, 35, 46380, 0, '待排产', '样品已确认'],
  ['SO-2611-06', '青岛北方', 46311, 'QD-6', 30, 75, 46390, 0, '生产中', ''],
];
const HEADERS = [
  '订单编号',
  '客户',
  '接单日期',
  '料号',
  '数量',
  '单价',
  '金额',
  '要求交期',
  '已交数量',
  '订单状态',
  '备注',
];

class Strings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  id(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
  xml(): string {
    const items = this.list.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('');
    // One rich-text entry with a phonetic run, as Japanese/Chinese Excel writes.
    return `${HEAD}<sst xmlns="${MAIN}" count="${this.list.length + 1}" uniqueCount="${this.list.length + 1}">${items}<si><r><rPr><b/><sz val="11"/></rPr><t>富</t></r><r><t>文本</t></r><rPh sb="0" eb="1"><t>フ</t></rPh><phoneticPr fontId="0"/></si></sst>`;
  }
}

function orderSheetXml(sst: Strings, opts: { table: boolean }): string {
  const rows: string[] = [];
  rows.push(
    `<row r="1" spans="1:11" ht="24" customHeight="1"><c r="A1" s="5" t="s"><v>${sst.id('业务部 订单跟踪表')}</v></c></row>`,
  );
  rows.push(
    `<row r="3" spans="1:11">${HEADERS.map((h, i) => `<c r="${String.fromCharCode(65 + i)}3" s="1" t="s"><v>${sst.id(h)}</v></c>`).join('')}</row>`,
  );
  LINES.forEach((l, k) => {
    const r = 4 + k;
    const cell = (col: string, v: number | string, s = 0) =>
      typeof v === 'number'
        ? `<c r="${col}${r}"${s ? ` s="${s}"` : ''}><v>${v}</v></c>`
        : v === ''
          ? ''
          : `<c r="${col}${r}"${s ? ` s="${s}"` : ''} t="s"><v>${sst.id(v)}</v></c>`;
    const [orderNo, customer, orderDate, item, qty, price, due, shipped, status, remarks] = l;
    const amount = typeof qty === 'number' ? qty * price : Number(qty) * price;
    rows.push(
      `<row r="${r}" spans="1:11"${r === 8 ? ' hidden="1"' : ''}>` +
        cell('A', orderNo) +
        cell('B', customer) +
        cell('C', orderDate, 2) +
        cell('D', item) +
        cell('E', qty) +
        cell('F', price, 3) +
        `<c r="G${r}" s="3"><f>E${r}*F${r}</f><v>${amount}</v></c>` +
        cell('H', due, typeof due === 'number' ? 2 : 0) +
        cell('I', shipped) +
        cell('J', status) +
        cell('K', remarks) +
        '</row>',
    );
  });
  rows.push(
    `<row r="11" spans="1:11"><c r="A11" t="s"><v>${sst.id('合计')}</v></c><c r="G11" s="3"><f>SUBTOTAL(9,G4:G9)</f><v>${LINES.reduce((n, l) => n + Number(l[4]) * l[5], 0)}</v></c></row>`,
  );
  const cf = [
    // The clerk's own "text contains 急" highlight, with its operator and text.
    `<conditionalFormatting sqref="K4:K9"><cfRule type="containsText" dxfId="0" priority="1" operator="containsText" text="急"><formula>NOT(ISERROR(SEARCH("急",K4)))</formula></cfRule></conditionalFormatting>`,
    `<conditionalFormatting sqref="E4:E9"><cfRule type="cellIs" dxfId="1" priority="2" operator="greaterThan"><formula>1000</formula></cfRule><cfRule type="top10" dxfId="1" priority="3" rank="2" percent="0" bottom="0"/><cfRule type="aboveAverage" dxfId="0" priority="4" aboveAverage="0" equalAverage="1" stdDev="1"/></conditionalFormatting>`,
    `<conditionalFormatting sqref="F4:F9"><cfRule type="colorScale" priority="5"><colorScale><cfvo type="min"/><cfvo type="percentile" val="50"/><cfvo type="max"/><color rgb="FFF8696B"/><color rgb="FFFFEB84"/><color rgb="FF63BE7B"/></colorScale></cfRule></conditionalFormatting>`,
    `<conditionalFormatting sqref="G4:G9"><cfRule type="dataBar" priority="6"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id>{3A1C9F4E-1F49-4F5E-9C55-6D5C1E3B7A10}</x14:id></ext></extLst></cfRule></conditionalFormatting>`,
    `<conditionalFormatting sqref="I4:I9"><cfRule type="iconSet" priority="7"><iconSet iconSet="3Arrows" showValue="0" reverse="1"><cfvo type="percent" val="0"/><cfvo type="percent" val="33"/><cfvo type="percent" val="67" gte="0"/></iconSet></cfRule></conditionalFormatting>`,
    `<conditionalFormatting sqref="A4:A9"><cfRule type="duplicateValues" dxfId="1" priority="8"/><cfRule type="uniqueValues" dxfId="0" priority="9" stopIfTrue="1"/></conditionalFormatting>`,
    `<conditionalFormatting sqref="C4:C9"><cfRule type="timePeriod" dxfId="0" priority="10" timePeriod="lastMonth"><formula>AND(MONTH(C4)=MONTH(EDATE(TODAY(),0-1)),YEAR(C4)=YEAR(EDATE(TODAY(),0-1)))</formula></cfRule></conditionalFormatting>`,
    `<conditionalFormatting sqref="J4:J9"><cfRule type="containsBlanks" dxfId="1" priority="11"><formula>LEN(TRIM(J4))=0</formula></cfRule><cfRule type="notContainsBlanks" dxfId="0" priority="12"><formula>LEN(TRIM(J4))&gt;0</formula></cfRule><cfRule type="beginsWith" dxfId="0" priority="13" operator="beginsWith" text="已"><formula>LEFT(J4,LEN("已"))="已"</formula></cfRule><cfRule type="endsWith" dxfId="1" priority="14" operator="endsWith" text="中"><formula>RIGHT(J4,LEN("中"))="中"</formula></cfRule><cfRule type="containsErrors" dxfId="1" priority="15"><formula>ISERROR(J4)</formula></cfRule><cfRule type="expression" dxfId="0" priority="16"><formula>$J4="待排产"</formula></cfRule></conditionalFormatting>`,
  ].join('');
  const dv =
    `<dataValidations count="2">` +
    // Every attribute of a rule on a column the add-in does not validate (remarks)…
    `<dataValidation type="textLength" errorStyle="warning" imeMode="hiragana" operator="lessThanOrEqual" allowBlank="1" showDropDown="1" showInputMessage="1" showErrorMessage="1" errorTitle="备注太长" error="备注最多 200 字" promptTitle="备注" prompt="可写客户要求" sqref="K4:K9"><formula1>200</formula1></dataValidation>` +
    // …and a list on the status column (the add-in sets its own there: Excel clears the clerk's on those cells).
    `<dataValidation type="list" errorStyle="information" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="状态" error="请选择" promptTitle="状态" prompt="下拉选择" sqref="J4:J20 L1"><formula1>"待排产,生产中,已出货"</formula1></dataValidation>` +
    `</dataValidations>`;
  const ext = `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="{3A1C9F4E-1F49-4F5E-9C55-6D5C1E3B7A10}"><x14:dataBar minLength="0" maxLength="100" gradient="0" negativeBarColorSameAsPositive="1" axisPosition="none"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/></x14:dataBar></x14:cfRule><xm:sqref>G4:G9</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>`;
  return (
    HEAD +
    `<worksheet xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
    `<sheetPr><tabColor rgb="FFFF0000"/><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:K11"/>` +
    `<sheetViews><sheetView tabSelected="1" zoomScale="90" workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="B5" sqref="B5"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>` +
    `<cols><col min="1" max="1" width="14.7109375" customWidth="1"/><col min="3" max="3" width="16" customWidth="1"/><col min="12" max="12" width="9" hidden="1" customWidth="1"/></cols>` +
    `<sheetData>${rows.join('')}</sheetData>` +
    `<mergeCells count="1"><mergeCell ref="A1:F1"/></mergeCells>` +
    cf +
    dv +
    `<hyperlinks><hyperlink ref="A4" r:id="rId1" tooltip="客户订单"/><hyperlink ref="D4" location="'价格表'!A2" display="FM-201"/></hyperlinks>` +
    `<printOptions horizontalCentered="1" gridLines="1"/><pageMargins left="0.25" right="0.25" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape" fitToHeight="0" r:id="rId2"/>` +
    `<headerFooter><oddHeader>&amp;C&amp;"宋体,Bold"订单跟踪</oddHeader><oddFooter>&amp;C第 &amp;P 页</oddFooter></headerFooter>` +
    `<rowBreaks count="1" manualBreakCount="1"><brk id="9" max="16383" man="1"/></rowBreaks>` +
    `<legacyDrawing r:id="rId3"/>` +
    (opts.table ? `<tableParts count="1"><tablePart r:id="rId5"/></tableParts>` : '') +
    ext +
    `</worksheet>`
  );
}

function priceSheetXml(sst: Strings): string {
  const items: [string, string, number][] = [
    ['FM-201', '不锈钢水槽', 9.6],
    ['FM-202', '龙头', 88],
    ['XM-11', '浴室柜', 1250],
  ];
  const rows = [
    `<row r="1"><c r="A1" t="s"><v>${sst.id('料号')}</v></c><c r="B1" t="s"><v>${sst.id('品名')}</v></c><c r="C1" t="s"><v>${sst.id('单价')}</v></c></row>`,
    ...items.map(
      ([a, b, c], i) =>
        `<row r="${i + 2}"><c r="A${i + 2}" t="s"><v>${sst.id(a)}</v></c><c r="B${i + 2}" t="s"><v>${sst.id(b)}</v></c><c r="C${i + 2}" s="3"><v>${c}</v></c></row>`,
    ),
    `<row r="5"><c r="A5" t="s"><v>${sst.id('平均')}</v></c><c r="C5" s="3"><f>SUBTOTAL(101,价格[单价])</f><v>449.2</v></c></row>`,
  ];
  return (
    HEAD +
    `<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A1:C5"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `<cols><col min="2" max="2" width="20" customWidth="1"/></cols><sheetData>${rows.join('')}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`
  );
}

function chartSheetXml(sst: Strings): string {
  const data: [string, number][] = [
    ['佛山美家', 2],
    ['厦门海景', 2],
    ['青岛北方', 2],
  ];
  const rows = [
    `<row r="1"><c r="A1" t="s"><v>${sst.id('客户')}</v></c><c r="B1" t="s"><v>${sst.id('订单数')}</v></c></row>`,
    ...data.map(
      ([a, b], i) =>
        `<row r="${i + 2}"><c r="A${i + 2}" t="s"><v>${sst.id(a)}</v></c><c r="B${i + 2}"><v>${b}</v></c></row>`,
    ),
  ];
  return (
    HEAD +
    `<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A1:B4"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `<sheetData>${rows.join('')}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></worksheet>`
  );
}

function pivotSheetXml(sst: Strings): string {
  return (
    HEAD +
    `<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A3:B7"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>` +
    `<row r="3"><c r="A3" t="s"><v>${sst.id('行标签')}</v></c><c r="B3" t="s"><v>${sst.id('求和项:订单数')}</v></c></row>` +
    `<row r="4"><c r="A4" t="s"><v>${sst.id('佛山美家')}</v></c><c r="B4"><v>2</v></c></row>` +
    `<row r="5"><c r="A5" t="s"><v>${sst.id('厦门海景')}</v></c><c r="B5"><v>2</v></c></row>` +
    `<row r="6"><c r="A6" t="s"><v>${sst.id('青岛北方')}</v></c><c r="B6"><v>2</v></c></row>` +
    `<row r="7"><c r="A7" t="s"><v>${sst.id('总计')}</v></c><c r="B7"><v>6</v></c></row>` +
    `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}

const PIVOT_CACHE =
  HEAD +
  `<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" r:id="rId1" refreshOnLoad="0" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="3">` +
  `<cacheSource type="worksheet"><worksheetSource ref="A1:B4" sheet="图表"/></cacheSource>` +
  `<cacheFields count="2"><cacheField name="客户" numFmtId="0"><sharedItems count="3"><s v="佛山美家"/><s v="厦门海景"/><s v="青岛北方"/></sharedItems></cacheField>` +
  `<cacheField name="订单数" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="2" maxValue="2"/></cacheField></cacheFields></pivotCacheDefinition>`;

const PIVOT_RECORDS =
  HEAD +
  `<pivotCacheRecords xmlns="${MAIN}" xmlns:r="${R}" count="3"><r><x v="0"/><n v="2"/></r><r><x v="1"/><n v="2"/></r><r><x v="2"/><n v="2"/></r></pivotCacheRecords>`;

const PIVOT_TABLE =
  HEAD +
  `<pivotTableDefinition xmlns="${MAIN}" name="数据透视表1" cacheId="1" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="值" updatedVersion="6" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="6" indent="0" outline="1" outlineData="1" multipleFieldFilters="0">` +
  `<location ref="A3:B7" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>` +
  `<pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="4"><item x="0"/><item x="1"/><item x="2"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields>` +
  `<rowFields count="1"><field x="0"/></rowFields><rowItems count="4"><i><x/></i><i><x v="1"/></i><i><x v="2"/></i><i t="grand"><x/></i></rowItems>` +
  `<colItems count="1"><i/></colItems><dataFields count="1"><dataField name="求和项:订单数" fld="1" baseField="0" baseItem="0"/></dataFields>` +
  `<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>`;

const PRICE_TABLE =
  HEAD +
  `<table xmlns="${MAIN}" id="7" name="价格" displayName="价格" ref="A1:C5" totalsRowCount="1"><autoFilter ref="A1:C4"/><tableColumns count="3"><tableColumn id="1" name="料号" totalsRowLabel="平均"/><tableColumn id="2" name="品名"/><tableColumn id="3" name="单价" totalsRowFunction="average"/></tableColumns><tableStyleInfo name="TableStyleLight9" showFirstColumn="1" showLastColumn="0" showRowStripes="1" showColumnStripes="1"/></table>`;

const ORDER_TABLE =
  HEAD +
  `<table xmlns="${MAIN}" id="3" name="跟踪" displayName="跟踪" ref="A3:K9" totalsRowShown="0"><autoFilter ref="A3:K9"/><tableColumns count="11">${HEADERS.map((h, i) => `<tableColumn id="${i + 1}" name="${h}"/>`).join('')}</tableColumns><tableStyleInfo name="TableStyleMedium9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;

const CHART =
  HEAD +
  `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:roundedCorners val="0"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>各客户订单数</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
  `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>'图表'!$B$1</c:f></c:strRef></c:tx><c:cat><c:strRef><c:f>'图表'!$A$2:$A$4</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'图表'!$B$2:$B$4</c:f></c:numRef></c:val></c:ser><c:gapWidth val="150"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>` +
  `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="1002"/></c:catAx><c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1001"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

const DRAWING =
  HEAD +
  `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
  `<xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>` +
  `<xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>6</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="公司标志"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`;

/** A 2×2 red PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

const COMMENTS =
  HEAD +
  `<comments xmlns="${MAIN}"><authors><author>王小姐</author><author>tc={6F1B7A0E-3C2D-4B8A-9E11-0A1B2C3D4E5F}</author></authors><commentList>` +
  `<comment ref="E5" authorId="0"><text><r><rPr><b/><sz val="9"/></rPr><t>王小姐:</t></r><r><t xml:space="preserve">
客户要求分两批</t></r></text></comment>` +
  `<comment ref="H6" authorId="1"><text><t>[线程批注]
交期待确认</t></text></comment></commentList></comments>`;

const VML =
  `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
  `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
  `<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:200pt;margin-top:60pt;width:108pt;height:59pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>5, 15, 3, 10, 7, 15, 7, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>4</x:Row><x:Column>4</x:Column></x:ClientData></v:shape>` +
  `<v:shape id="_x0000_s1026" type="#_x0000_t202" style="position:absolute;margin-left:300pt;margin-top:80pt;width:108pt;height:59pt;z-index:2;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>8, 15, 4, 10, 10, 15, 8, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>5</x:Row><x:Column>7</x:Column></x:ClientData></v:shape></xml>`;

const THREADED =
  HEAD +
  `<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><threadedComment ref="H6" dT="2026-11-20T08:30:00.00" personId="{A1B2C3D4-0000-4000-8000-000000000001}" id="{6F1B7A0E-3C2D-4B8A-9E11-0A1B2C3D4E5F}"><text>交期待确认</text></threadedComment><threadedComment ref="H6" dT="2026-11-21T09:00:00.00" personId="{A1B2C3D4-0000-4000-8000-000000000001}" id="{7A2C8B1F-4D3E-4C9B-8F22-1B2C3D4E5F60}" parentId="{6F1B7A0E-3C2D-4B8A-9E11-0A1B2C3D4E5F}"><text>客户回复：12月5日</text></threadedComment></ThreadedComments>`;

const PERSONS =
  HEAD +
  `<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><person displayName="王小姐" id="{A1B2C3D4-0000-4000-8000-000000000001}" userId="wang@example.com" providerId="None"/></personList>`;

function stylesXml(): string {
  return (
    HEAD +
    `<styleSheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
    `<numFmts count="2"><numFmt numFmtId="176" formatCode="${esc(LITERAL_DATE_FORMAT)}"/><numFmt numFmtId="177" formatCode="&quot;¥&quot;#,##0.00;[Red]&quot;¥&quot;\\-#,##0.00"/></numFmts>` +
    `<fonts count="3" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font><font><b/><sz val="11"/><color theme="1"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font><font><b/><sz val="16"/><color rgb="FF1F4E79"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font></fonts>` +
    `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor theme="4" tint="0.79998168889431442"/><bgColor indexed="64"/></patternFill></fill></fills>` +
    `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs>` +
    `<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf>` +
    `<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>` +
    `<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf>` +
    `<xf numFmtId="177" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf>` +
    `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1"><alignment vertical="center"/><protection locked="0"/></xf>` +
    `<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"><alignment vertical="center"/></xf></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>` +
    `<dxfs count="2"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf><dxf><font><b/><color rgb="FF9C5700"/></font><fill><patternFill><bgColor rgb="FFFFEB9C"/></patternFill></fill></dxf></dxfs>` +
    `<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>` +
    `<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst></styleSheet>`
  );
}

function workbookXml(macros: boolean): string {
  return (
    HEAD +
    `<workbook xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">` +
    `<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>` +
    `<workbookPr${macros ? ' codeName="ThisWorkbook"' : ''} defaultThemeVersion="166925"/>` +
    `<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840" activeTab="0"/></bookViews>` +
    `<sheets><sheet name="${ORDER_SHEET}" sheetId="1" r:id="rId1"/><sheet name="价格表" sheetId="2" r:id="rId2"/><sheet name="图表" sheetId="5" r:id="rId3"/><sheet name="透视" sheetId="6" r:id="rId4"/><sheet name="旧数据" sheetId="7" state="hidden" r:id="rId9"/></sheets>` +
    `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'${ORDER_SHEET}'!$3:$3</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">'${ORDER_SHEET}'!$A$1:$K$11</definedName>` +
    `<definedName name="汇率" comment="美元兑人民币">7.12</definedName><definedName name="含税合计">SUM('${ORDER_SHEET}'!$G$4:$G$9)*1.13</definedName><definedName name="本地名" localSheetId="1" hidden="1">'价格表'!$A$2:$A$4</definedName></definedNames>` +
    `<calcPr calcId="191029"/>` +
    `<pivotCaches><pivotCache cacheId="1" r:id="rId8"/></pivotCaches>` +
    `<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>`
  );
}

function rels(items: [string, string, string, boolean?][]): string {
  return (
    HEAD +
    `<Relationships xmlns="${PKG_REL}">${items
      .map(
        ([id, type, target, external]) =>
          `<Relationship Id="${id}" Type="${type.startsWith('http') ? type : `${REL}/${type}`}" Target="${esc(target)}"${external ? ' TargetMode="External"' : ''}/>`,
      )
      .join('')}</Relationships>`
  );
}

export interface ClerkWorkbookOptions {
  /** An .xlsm with a VBA project part. */
  macros?: boolean;
  /** The order block is already an Excel table (comments on a sheet with a table). */
  orderTable?: boolean;
}

/** The workbook's package bytes. */
export async function buildClerkWorkbook(opts: ClerkWorkbookOptions = {}): Promise<Uint8Array> {
  const macros = opts.macros === true;
  const sst = new Strings();
  const order = orderSheetXml(sst, { table: opts.orderTable === true });
  const price = priceSheetXml(sst);
  const chart = chartSheetXml(sst);
  const pivot = pivotSheetXml(sst);
  const hidden =
    HEAD +
    `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>2025 年旧单</t></is></c></row></sheetData></worksheet>`;
  const theme = await (
    await JSZip.loadAsync(fs.readFileSync(THEME_SOURCE))
  )
    .file('xl/theme/theme1.xml')!
    .async('uint8array');
  const zip = new JSZip();
  const ct = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  const sml = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  zip.file(
    '[Content_Types].xml',
    HEAD +
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="png" ContentType="image/png"/><Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Default Extension="xml" ContentType="application/xml"/>` +
      ct(
        '/xl/workbook.xml',
        macros ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' : `${sml}.sheet.main+xml`,
      ) +
      ct('/xl/worksheets/sheet1.xml', `${sml}.worksheet+xml`) +
      ct('/xl/worksheets/sheet2.xml', `${sml}.worksheet+xml`) +
      ct('/xl/worksheets/sheet3.xml', `${sml}.worksheet+xml`) +
      ct('/xl/worksheets/sheet4.xml', `${sml}.worksheet+xml`) +
      ct('/xl/worksheets/sheet7.xml', `${sml}.worksheet+xml`) +
      ct('/xl/theme/theme1.xml', 'application/vnd.openxmlformats-officedocument.theme+xml') +
      ct('/xl/styles.xml', `${sml}.styles+xml`) +
      ct('/xl/sharedStrings.xml', `${sml}.sharedStrings+xml`) +
      ct('/xl/tables/table1.xml', `${sml}.table+xml`) +
      (opts.orderTable ? ct('/xl/tables/table2.xml', `${sml}.table+xml`) : '') +
      ct('/xl/comments1.xml', `${sml}.comments+xml`) +
      ct('/xl/threadedComments/threadedComment1.xml', 'application/vnd.ms-excel.threadedcomments+xml') +
      ct('/xl/persons/person.xml', 'application/vnd.ms-excel.person+xml') +
      ct('/xl/drawings/drawing1.xml', 'application/vnd.openxmlformats-officedocument.drawing+xml') +
      ct('/xl/charts/chart1.xml', 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml') +
      ct('/xl/pivotTables/pivotTable1.xml', `${sml}.pivotTable+xml`) +
      ct('/xl/pivotCache/pivotCacheDefinition1.xml', `${sml}.pivotCacheDefinition+xml`) +
      ct('/xl/pivotCache/pivotCacheRecords1.xml', `${sml}.pivotCacheRecords+xml`) +
      (macros ? ct('/xl/vbaProject.bin', 'application/vnd.ms-office.vbaProject') : '') +
      ct('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
      ct('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml') +
      `</Types>`,
  );
  zip.file(
    '_rels/.rels',
    rels([
      ['rId1', 'officeDocument', 'xl/workbook.xml'],
      [
        'rId2',
        'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
        'docProps/core.xml',
      ],
      ['rId3', 'extended-properties', 'docProps/app.xml'],
    ]),
  );
  zip.file(
    'docProps/core.xml',
    HEAD +
      `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>王小姐</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2026-01-05T08:00:00Z</dcterms:created></cp:coreProperties>`,
  );
  zip.file(
    'docProps/app.xml',
    HEAD +
      `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application><Company>佛山某五金厂</Company></Properties>`,
  );
  zip.file('xl/workbook.xml', workbookXml(macros));
  zip.file(
    'xl/_rels/workbook.xml.rels',
    rels([
      ['rId1', 'worksheet', 'worksheets/sheet1.xml'],
      ['rId2', 'worksheet', 'worksheets/sheet2.xml'],
      ['rId3', 'worksheet', 'worksheets/sheet3.xml'],
      ['rId4', 'worksheet', 'worksheets/sheet4.xml'],
      ['rId5', 'theme', 'theme/theme1.xml'],
      ['rId6', 'styles', 'styles.xml'],
      ['rId7', 'sharedStrings', 'sharedStrings.xml'],
      ['rId8', 'pivotCacheDefinition', 'pivotCache/pivotCacheDefinition1.xml'],
      ['rId9', 'worksheet', 'worksheets/sheet7.xml'],
      ['rId10', 'http://schemas.microsoft.com/office/2017/10/relationships/person', 'persons/person.xml'],
      ...(macros
        ? ([['rId11', 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin']] as [
            string,
            string,
            string,
          ][])
        : []),
    ]),
  );
  zip.file('xl/worksheets/sheet1.xml', order);
  zip.file(
    'xl/worksheets/_rels/sheet1.xml.rels',
    rels([
      ['rId1', 'hyperlink', 'https://example.com/po/SO-2611-01?a=1&b=2', true],
      ['rId2', 'printerSettings', '../printerSettings/printerSettings1.bin'],
      ['rId3', 'vmlDrawing', '../drawings/vmlDrawing1.vml'],
      ['rId4', 'comments', '../comments1.xml'],
      ...(opts.orderTable ? ([['rId5', 'table', '../tables/table2.xml']] as [string, string, string][]) : []),
      [
        'rId6',
        'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment',
        '../threadedComments/threadedComment1.xml',
      ],
    ]),
  );
  zip.file('xl/worksheets/sheet2.xml', price);
  zip.file('xl/worksheets/_rels/sheet2.xml.rels', rels([['rId1', 'table', '../tables/table1.xml']]));
  zip.file('xl/worksheets/sheet3.xml', chart);
  zip.file('xl/worksheets/_rels/sheet3.xml.rels', rels([['rId1', 'drawing', '../drawings/drawing1.xml']]));
  zip.file('xl/worksheets/sheet4.xml', pivot);
  zip.file('xl/worksheets/_rels/sheet4.xml.rels', rels([['rId1', 'pivotTable', '../pivotTables/pivotTable1.xml']]));
  zip.file('xl/worksheets/sheet7.xml', hidden);
  zip.file('xl/theme/theme1.xml', theme);
  zip.file('xl/styles.xml', stylesXml());
  zip.file('xl/sharedStrings.xml', sst.xml());
  zip.file('xl/tables/table1.xml', PRICE_TABLE);
  if (opts.orderTable) zip.file('xl/tables/table2.xml', ORDER_TABLE);
  zip.file('xl/comments1.xml', COMMENTS);
  zip.file('xl/drawings/vmlDrawing1.vml', VML);
  zip.file('xl/threadedComments/threadedComment1.xml', THREADED);
  zip.file('xl/persons/person.xml', PERSONS);
  zip.file('xl/drawings/drawing1.xml', DRAWING);
  zip.file(
    'xl/drawings/_rels/drawing1.xml.rels',
    rels([
      ['rId1', 'chart', '../charts/chart1.xml'],
      ['rId2', 'image', '../media/image1.png'],
    ]),
  );
  zip.file('xl/charts/chart1.xml', CHART);
  zip.file('xl/media/image1.png', PNG);
  zip.file('xl/pivotTables/pivotTable1.xml', PIVOT_TABLE);
  zip.file(
    'xl/pivotTables/_rels/pivotTable1.xml.rels',
    rels([['rId1', 'pivotCacheDefinition', '../pivotCache/pivotCacheDefinition1.xml']]),
  );
  zip.file('xl/pivotCache/pivotCacheDefinition1.xml', PIVOT_CACHE);
  zip.file(
    'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels',
    rels([['rId1', 'pivotCacheRecords', 'pivotCacheRecords1.xml']]),
  );
  zip.file('xl/pivotCache/pivotCacheRecords1.xml', PIVOT_RECORDS);
  // A printer's DEVMODE: binary, copied as it is.
  zip.file(
    'xl/printerSettings/printerSettings1.bin',
    Uint8Array.from({ length: 220 }, (_, i) => (i * 37 + 11) % 256),
  );
  if (macros)
    zip.file(
      'xl/vbaProject.bin',
      Uint8Array.from({ length: 512 }, (_, i) => (i * 13 + 7) % 256),
    );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
