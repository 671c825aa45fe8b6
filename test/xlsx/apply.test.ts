import * as ExcelJS from 'exceljs';
import type { SheetSpec, WorkbookEdit } from '../../src/core/edits';
import { OrderClerkError } from '../../src/core/errors';
import { SETTINGS_CELL_CHARS, SETTINGS_SHEET } from '../../src/core/settings';
import { applyEdits, lastUsedRow } from '../../src/xlsx/apply';
import { writeWorkbookBuffer } from '../../src/xlsx/write';

/** Write to .xlsx bytes and load them again: what a clerk would open. */
async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const bytes = await writeWorkbookBuffer(wb);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return back;
}

/** An order block: merged title row 1, header row 3, data rows 4–6, a formula column. */
function orderWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Orders');
  ws.getCell('A1').value = 'Order book';
  ws.mergeCells('A1:D1');
  ws.getRow(3).values = ['Order No.', 'Qty', 'Price', 'Amount'];
  ws.getRow(4).values = ['PO-1', 10, 2.5];
  ws.getRow(5).values = ['=not a formula', '12', 3];
  ws.getRow(6).values = ['PO-3', 7, 1];
  for (const r of [4, 5, 6])
    ws.getCell(`D${r}`).value = { formula: `B${r}*C${r}`, result: r } as ExcelJS.CellFormulaValue;
  return wb;
}

function values(ws: ExcelJS.Worksheet): string {
  const out: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => out.push([n, row.values]));
  return JSON.stringify(out);
}

function tableRefs(ws: ExcelJS.Worksheet): string[] {
  const tables = (ws as unknown as { tables: Record<string, { model: { name: string; tableRef: string } }> }).tables;
  return Object.values(tables).map((t) => `${t.model.name} ${t.model.tableRef}`);
}

const create: WorkbookEdit = {
  kind: 'ensureTable',
  sheet: 'Orders',
  range: 'A3:D6',
  name: 'OrderLines',
  mode: 'create',
};
const reuse: WorkbookEdit = { ...create, mode: 'reuse' };

describe('ensureTable', () => {
  it('create: adds exactly the named table over exactly the range without changing any value', async () => {
    const wb = orderWorkbook();
    const before = values(wb.getWorksheet('Orders')!);
    expect(applyEdits(wb, [create], 1900)).toEqual({ createdSheets: [], table: 'OrderLines' });
    const back = await roundTrip(wb);
    const ws = back.getWorksheet('Orders')!;
    expect(values(ws)).toBe(before);
    expect(tableRefs(ws)).toEqual(['OrderLines A3:D6']);
    expect(ws.getCell('A5').value).toBe('=not a formula');
    expect(ws.getCell('D4').value).toEqual({ formula: 'B4*C4', result: 4 });
  });

  it('reuse: a table that covers the range is left as it is', async () => {
    const wb = orderWorkbook();
    applyEdits(wb, [create], 1900);
    const back = await roundTrip(wb);
    const before = values(back.getWorksheet('Orders')!);
    expect(applyEdits(back, [{ ...reuse, range: 'A4:B5' }], 1900).table).toBe('OrderLines');
    const again = await roundTrip(back);
    expect(tableRefs(again.getWorksheet('Orders')!)).toEqual(['OrderLines A3:D6']);
    expect(values(again.getWorksheet('Orders')!)).toBe(before);
  });

  it('reuse: grows the table over the longer and wider block, keeping its header row', async () => {
    const wb = orderWorkbook();
    applyEdits(wb, [{ ...create, range: 'B3:C5' }], 1900);
    const back = await roundTrip(wb);
    const before = values(back.getWorksheet('Orders')!);
    expect(applyEdits(back, [reuse], 1900).table).toBe('OrderLines');
    const again = await roundTrip(back);
    expect(tableRefs(again.getWorksheet('Orders')!)).toEqual(['OrderLines A3:D6']);
    expect(values(again.getWorksheet('Orders')!)).toBe(before);
  });

  it('never writes a header cell: a blank one stops the edit (core refuses such a table before)', () => {
    const wb = orderWorkbook();
    wb.getWorksheet('Orders')!.getCell('C3').value = null;
    expect(() => applyEdits(wb, [create], 1900)).toThrow(/blank header cell C3/);
    expect(wb.getWorksheet('Orders')!.getCell('C3').value).toBeNull();
  });

  it('reuse of a table that is not there says so', () => {
    expect(() => applyEdits(orderWorkbook(), [reuse], 1900)).toThrow(OrderClerkError);
  });
});

describe('setValues', () => {
  it('writes literal values: strings that look like formulas stay strings', async () => {
    const wb = orderWorkbook();
    applyEdits(
      wb,
      [
        {
          kind: 'setValues',
          sheet: 'Orders',
          cells: [
            { address: 'A4', value: '=SUM(B4:B6)' },
            { address: 'A6', value: '+86 138' },
            { address: 'B5', value: 12 },
            { address: 'C5', value: 46353, numberFormat: 'yyyy-mm-dd' },
            { address: 'C6', value: '-5' },
            { address: 'B6', value: '@home' },
          ],
        },
      ],
      1900,
    );
    const ws = (await roundTrip(wb)).getWorksheet('Orders')!;
    expect(ws.getCell('A4').value).toBe('=SUM(B4:B6)');
    expect(ws.getCell('A6').value).toBe('+86 138');
    expect(ws.getCell('C6').value).toBe('-5');
    expect(ws.getCell('B6').value).toBe('@home');
    expect(ws.getCell('B5').value).toBe(12);
    expect(ws.getCell('C5').numFmt).toBe('yyyy-mm-dd');
    // 46353 = 2026-11-27 in the 1900 system; ExcelJS reads dated cells back as Dates.
    expect((ws.getCell('C5').value as Date).toISOString()).toBe('2026-11-27T00:00:00.000Z');
  });

  it('gives only the named cell the number format, even when cells shared one style object', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 1;
    ws.getCell('A2').value = 2;
    const loaded = await roundTrip(wb);
    applyEdits(
      loaded,
      [{ kind: 'setValues', sheet: 'S', cells: [{ address: 'A1', value: 46353, numberFormat: 'yyyy-mm-dd' }] }],
      1900,
    );
    const back = (await roundTrip(loaded)).getWorksheet('S')!;
    expect(back.getCell('A1').numFmt).toBe('yyyy-mm-dd');
    expect(back.getCell('A2').numFmt).toBeUndefined();
    expect(back.getCell('A2').value).toBe(2);
  });
});

describe('setDataValidation', () => {
  const rules: WorkbookEdit = {
    kind: 'setDataValidation',
    sheet: 'Orders',
    rules: [
      {
        range: 'B4:B6',
        rule: { kind: 'decimal', operator: 'greaterThan', value: 0 },
        prompt: { title: 'Qty', message: 'A number above 0' },
        errorAlert: { title: 'Qty', message: 'Type a number above 0' },
      },
      {
        range: 'C4:C6',
        rule: { kind: 'decimal', operator: 'greaterThanOrEqualTo', value: 0 },
        prompt: { title: 'P', message: 'p' },
        errorAlert: { title: 'P', message: 'p!' },
      },
      {
        range: 'D4:D6',
        rule: { kind: 'date', between: ['2000-01-01', '2100-12-31'] },
        prompt: { title: 'D', message: 'd' },
        errorAlert: { title: 'D', message: 'd!' },
      },
      {
        range: 'A4:A6',
        rule: { kind: 'list', values: ['Open', 'Shipped'] },
        prompt: { title: 'S', message: 's' },
        errorAlert: { title: 'S', message: 's!' },
      },
    ],
  };

  it('sets one rule per range, replacing (not stacking) on the second run', async () => {
    const wb = orderWorkbook();
    applyEdits(wb, [rules], 1900);
    const once = await roundTrip(wb);
    applyEdits(once, [rules], 1900);
    const twice = await roundTrip(once);
    const model = (
      twice.getWorksheet('Orders') as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    expect(Object.keys(model).sort()).toEqual(['A4', 'A5', 'A6', 'B4', 'B5', 'B6', 'C4', 'C5', 'C6', 'D4', 'D5', 'D6']);
    expect(model.B5).toMatchObject({
      type: 'decimal',
      operator: 'greaterThan',
      formulae: [0],
      promptTitle: 'Qty',
      prompt: 'A number above 0',
      error: 'Type a number above 0',
      showErrorMessage: true,
      showInputMessage: true,
      allowBlank: true,
    });
    expect(model.C4).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(model.A6).toMatchObject({ type: 'list', formulae: ['"Open,Shipped"'] });
    expect(model.D4.type).toBe('date');
    expect((model.D4.formulae as Date[]).map((d) => d.toISOString().slice(0, 10))).toEqual([
      '2000-01-01',
      '2100-12-31',
    ]);
  });

  it('writes the same days as serials in a 1904 workbook', async () => {
    const wb = orderWorkbook();
    applyEdits(wb, [rules], 1904);
    const bytes = await writeWorkbookBuffer(wb);
    const xml = await sheetXml(bytes);
    // 2000-01-01 is 36526 in the 1900 system and 35064 in the 1904 system.
    expect(xml).toContain('<formula1>35064</formula1>');
  });
});

async function sheetXml(bytes: Uint8Array): Promise<string> {
  // ExcelJS bundles JSZip; use it to look inside the package.
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  return zip.file('xl/worksheets/sheet1.xml')!.async('string');
}

describe('setConditionalFormats', () => {
  const flags = (formula: string): WorkbookEdit => ({
    kind: 'setConditionalFormats',
    sheet: 'Orders',
    marker: 'order-clerk:delay',
    ranges: ['A4:D6'],
    rules: [
      { formula: `AND(N("order-clerk:delay")=0,${formula})`, fill: '#FFC7CE', fontColor: '#9C0006' },
      { formula: 'AND(N("order-clerk:delay")=0,$A4="Void")', fill: '#EDEDED', fontColor: '#7F7F7F', strike: true },
    ],
  });

  it("replaces its own rules, keeps the clerk's, and puts ours first", async () => {
    const wb = orderWorkbook();
    wb.getWorksheet('Orders')!.addConditionalFormatting({
      ref: 'B4:B6',
      rules: [{ type: 'expression', formulae: ['$B4>100'], priority: 1, style: { font: { bold: true } } }],
    });
    applyEdits(wb, [flags('$B4<0')], 1900);
    const once = await roundTrip(wb);
    applyEdits(once, [flags('$B4<1')], 1900);
    const twice = await roundTrip(once);
    const cfs = (
      twice.getWorksheet('Orders') as unknown as {
        conditionalFormattings: {
          ref: string;
          rules: { formulae: string[]; priority: number; style: Partial<ExcelJS.Style> }[];
        }[];
      }
    ).conditionalFormattings;
    const all = cfs.flatMap((cf) =>
      cf.rules.map((r) => ({ ref: cf.ref, formula: r.formulae[0], priority: r.priority })),
    );
    expect(all.sort((a, b) => a.priority - b.priority)).toEqual([
      { ref: 'A4:D6', formula: 'AND(N("order-clerk:delay")=0,$B4<1)', priority: 1 },
      { ref: 'A4:D6', formula: 'AND(N("order-clerk:delay")=0,$A4="Void")', priority: 2 },
      { ref: 'B4:B6', formula: '$B4>100', priority: 3 },
    ]);
    const ours = cfs.find((cf) => cf.ref === 'A4:D6')!;
    expect(ours.rules[0].style.fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      bgColor: { argb: 'FFFFC7CE' },
    });
    expect(ours.rules[0].style.font?.color).toEqual({ argb: 'FF9C0006' });
    expect(ours.rules[1].style.font?.strike).toBe(true);
  });

  it('only clears when rules are empty', async () => {
    const wb = orderWorkbook();
    applyEdits(wb, [flags('$B4<0')], 1900);
    applyEdits(
      wb,
      [{ kind: 'setConditionalFormats', sheet: 'Orders', marker: 'order-clerk:delay', ranges: ['A4:D6'], rules: [] }],
      1900,
    );
    const back = await roundTrip(wb);
    expect(
      (back.getWorksheet('Orders') as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings,
    ).toEqual([]);
  });
});

describe('addSheet', () => {
  const spec: SheetSpec = {
    name: '送货单 DN-20261122-001',
    cells: [
      { row: 1, col: 1, value: '送货单 Delivery Note', style: { bold: true, size: 16, hAlign: 'center' } },
      { row: 4, col: 1, value: '=HYPERLINK("http://x")' },
      { row: 4, col: 2, value: '-3', style: { border: 'thin' } },
      {
        row: 4,
        col: 3,
        value: 5,
        style: { numberFormat: '#,##0.00', fill: '#EDEDED', fontColor: '#9C0006', wrap: true, vAlign: 'middle' },
      },
      { row: 5, col: 3, formula: 'SUM(C4:C4)', style: { bold: true } },
    ],
    merges: ['A1:C1'],
    columnWidths: [12, 30, 10],
    rowHeights: { 1: 28 },
    pageSetup: {
      paperSize: 'A4',
      orientation: 'landscape',
      fitToWidth: 1,
      printArea: 'A1:C8',
      printTitleRows: '$3:$3',
      margins: { top: 0.5, bottom: 0.5, left: 0.4, right: 0.4 },
    },
    freezeRows: 3,
    showGridlines: false,
    chart: { type: 'barClustered', title: 'x', dataRange: 'A3:B5', anchor: { from: 'E2', to: 'J12' } },
  };

  it('writes cells, styles, merges, widths, heights and an A4 fit-to-width page setup', async () => {
    const wb = orderWorkbook();
    expect(applyEdits(wb, [{ kind: 'addSheet', spec, activate: true }], 1900)).toEqual({
      createdSheets: [spec.name],
      table: null,
    });
    const back = await roundTrip(wb);
    const ws = back.getWorksheet(spec.name)!;
    expect(ws.getCell('A4').value).toBe('=HYPERLINK("http://x")');
    expect(ws.getCell('B4').value).toBe('-3');
    expect(ws.getCell('B4').border.top).toEqual({ style: 'thin' });
    expect(ws.getCell('C4').value).toBe(5);
    expect(ws.getCell('C4').numFmt).toBe('#,##0.00');
    expect(ws.getCell('C4').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFEDEDED' } });
    expect(ws.getCell('C4').font.color).toEqual({ argb: 'FF9C0006' });
    expect(ws.getCell('C4').alignment).toEqual({ wrapText: true, vertical: 'middle' });
    expect(ws.getCell('C5').value).toMatchObject({ formula: 'SUM(C4:C4)' });
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect(ws.getCell('A1').alignment).toEqual({ horizontal: 'center' });
    expect((ws.model as { merges: string[] }).merges).toEqual(['A1:C1']);
    expect([1, 2, 3].map((c) => ws.getColumn(c).width)).toEqual([12, 30, 10]);
    expect(ws.getRow(1).height).toBe(28);
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: 'A1:C8',
      printTitlesRow: '3:3',
    });
    expect(ws.pageSetup.margins).toMatchObject({ top: 0.5, bottom: 0.5, left: 0.4, right: 0.4 });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, showGridLines: false });
    expect(back.views[0].activeTab).toBe(1);
  });
});

describe('appendRows', () => {
  const log = (rows: (string | number | null)[][]): WorkbookEdit => ({
    kind: 'appendRows',
    sheet: 'Change log',
    header: ['Time', 'Action', 'Cell', 'Old', 'New'],
    columnWidths: [20, 8, 8, 16, 16],
    rows,
    columnFormats: ['yyyy-mm-dd hh:mm', null, null, null, null],
  });

  it('creates the sheet with its header, then appends below the last used row', async () => {
    const wb = orderWorkbook();
    expect(applyEdits(wb, [log([[46348.5, 'fix', 'H7', '60', 60]])], 1900).createdSheets).toEqual(['Change log']);
    const once = await roundTrip(wb);
    expect(applyEdits(once, [log([[46349, 'undo', 'H7', 60, '=60']])], 1900).createdSheets).toEqual([]);
    const ws = (await roundTrip(once)).getWorksheet('Change log')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Time', 'Action', 'Cell', 'Old', 'New']);
    expect(ws.getCell('A1').font.bold).toBe(true);
    expect(ws.getRow(2).values).toEqual([undefined, new Date(Date.UTC(2026, 10, 22, 12)), 'fix', 'H7', '60', 60]);
    expect(ws.getRow(3).values).toEqual([undefined, new Date(Date.UTC(2026, 10, 23)), 'undo', 'H7', 60, '=60']);
    expect(ws.getCell('A3').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(ws.getColumn(4).width).toBe(16);
    expect(lastUsedRow(ws)).toBe(3);
  });
});

describe('writeSettings', () => {
  it('keeps the JSON in a very hidden sheet, split over cells, and clears longer old JSON', async () => {
    const wb = orderWorkbook();
    const long = JSON.stringify({ pad: 'x'.repeat(SETTINGS_CELL_CHARS + 10) });
    applyEdits(wb, [{ kind: 'writeSettings', json: long }], 1900);
    const once = await roundTrip(wb);
    const ws1 = once.getWorksheet(SETTINGS_SHEET)!;
    expect(ws1.state).toBe('veryHidden');
    expect(String(ws1.getCell('A1').value) + String(ws1.getCell('A2').value)).toBe(long);
    applyEdits(once, [{ kind: 'writeSettings', json: '{"dueSoonDays":5}' }], 1900);
    const ws2 = (await roundTrip(once)).getWorksheet(SETTINGS_SHEET)!;
    expect(ws2.getCell('A1').value).toBe('{"dueSoonDays":5}');
    expect(ws2.getCell('A2').value).toBeNull();
    expect(ws2.state).toBe('veryHidden');
  });
});
