// The package writer (src/xlsx/package) edit by edit: what each WorkbookEdit leaves in the written file, read
// back with ExcelJS as an independent reader.

import * as ExcelJS from 'exceljs';
import type { SheetSpec, WorkbookEdit } from '../../src/core/edits';
import { SETTINGS_CELL_CHARS, SETTINGS_SHEET } from '../../src/core/settings';
import { partText, writeBytes, writeWorkbook, type Written } from './writeHelpers';

/** The plan carried out on the workbook's package; the written file read back. */
async function apply(wb: ExcelJS.Workbook | Written, edits: WorkbookEdit[]): Promise<Written> {
  return 'result' in wb ? writeBytes(wb.bytes, edits) : writeWorkbook(wb, edits);
}

/** Last row with a value, as a clerk sees the sheet. */
function lastUsedRow(ws: ExcelJS.Worksheet): number {
  let last = 0;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    row.eachCell({ includeEmpty: false }, (c) => {
      if (c.value !== null && c.value !== '') last = n;
    });
  });
  return last;
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

const ensureTable: WorkbookEdit = {
  kind: 'ensureTable',
  sheet: 'Orders',
  range: 'A3:D6',
  name: 'OrderLines',
  mode: 'create',
};

describe('ensureTable', () => {
  it('adds a table over the block without changing any value, and reuses it the second time', async () => {
    const wb = orderWorkbook();
    const before = values(wb.getWorksheet('Orders')!);
    const once = await apply(wb, [ensureTable]);
    expect(once.result).toMatchObject({ createdSheets: [], table: 'OrderLines' });
    const ws = once.workbook.getWorksheet('Orders')!;
    expect(values(ws)).toBe(before);
    expect(tableRefs(ws)).toEqual(['OrderLines A3:D6']);
    expect(ws.getCell('A5').value).toBe('=not a formula');
    expect(ws.getCell('D4').value).toEqual({ formula: 'B4*C4', result: 4 });

    const twice = await apply(once, [{ ...ensureTable, mode: 'reuse' }]);
    expect(twice.result.table).toBe('OrderLines');
    expect(twice.result.touched).toEqual([]);
    expect(tableRefs(twice.workbook.getWorksheet('Orders')!)).toEqual(['OrderLines A3:D6']);
    expect(values(twice.workbook.getWorksheet('Orders')!)).toBe(before);
  });

  it('grows the reused table over the longer data block (rows and a new column named by its header)', async () => {
    const wb = orderWorkbook();
    wb.getWorksheet('Orders')!.getCell('E3').value = 'Note';
    const once = await apply(wb, [{ ...ensureTable, range: 'A3:D5' }]);
    const grown = await apply(once, [{ ...ensureTable, range: 'A3:E6', mode: 'reuse' }]);
    expect(grown.result.table).toBe('OrderLines');
    expect(tableRefs(grown.workbook.getWorksheet('Orders')!)).toEqual(['OrderLines A3:E6']);
    const xml = await partText(grown.bytes, 'xl/tables/table1.xml');
    expect(xml).toContain('<tableColumn id="5" name="Note"/>');
    expect(xml).toContain('<autoFilter ref="A3:E6"/>');
  });

  it('makes no table when the name is taken: a create names exactly the table core chose', async () => {
    const wb = orderWorkbook();
    const other = wb.addWorksheet('Old');
    other.getRow(1).values = ['a', 'b'];
    other.getRow(2).values = [1, 2];
    const once = await apply(wb, [
      { kind: 'ensureTable', sheet: 'Old', range: 'A1:B2', name: 'OrderLines', mode: 'create' },
    ]);
    expect(once.result.table).toBe('OrderLines');
    expect((await apply(once, [ensureTable])).result.table).toBeNull();
  });

  it('never writes a header cell: a blank header leaves the table unmade and the row as it was', async () => {
    const wb = orderWorkbook();
    wb.getWorksheet('Orders')!.getCell('C3').value = null;
    const out = await apply(wb, [ensureTable]);
    expect(out.result.table).toBeNull();
    const ws = out.workbook.getWorksheet('Orders')!;
    expect(ws.getRow(3).values).toEqual([undefined, 'Order No.', 'Qty', undefined, 'Amount']);
    expect(tableRefs(ws)).toEqual([]);
  });

  it('reuse of a table deleted since the read is named in tableNotFound, as in Excel, and nothing is written', async () => {
    const err = await apply(orderWorkbook(), [{ ...ensureTable, mode: 'reuse' }]).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'tableNotFound', params: { table: 'OrderLines' } });
  });
});

describe('setValues', () => {
  it('writes literal values: strings that look like formulas stay strings', async () => {
    const wb = orderWorkbook();
    const out = await apply(wb, [
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
    ]);
    const ws = out.workbook.getWorksheet('Orders')!;
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
    const out = await apply(wb, [
      { kind: 'setValues', sheet: 'S', cells: [{ address: 'A1', value: 46353, numberFormat: 'yyyy-mm-dd' }] },
    ]);
    const back = out.workbook.getWorksheet('S')!;
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
    const once = await apply(orderWorkbook(), [rules]);
    const twice = await apply(once, [rules]);
    expect(await partText(twice.bytes, 'xl/worksheets/sheet1.xml')).toBe(
      await partText(once.bytes, 'xl/worksheets/sheet1.xml'),
    );
    const model = (
      twice.workbook.getWorksheet('Orders') as unknown as {
        dataValidations: { model: Record<string, ExcelJS.DataValidation> };
      }
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
  });

  it('writes date bounds as DATE() formulas, as the Excel adapter does: the same days in either date system', async () => {
    const out = await apply(orderWorkbook(), [rules]);
    const xml = await partText(out.bytes, 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('<formula1>DATE(2000,1,1)</formula1><formula2>DATE(2100,12,31)</formula2>');
  });
});

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
    const once = await apply(wb, [flags('$B4<0')]);
    const twice = await apply(once, [flags('$B4<1')]);
    const cfs = (
      twice.workbook.getWorksheet('Orders') as unknown as {
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
    const once = await apply(orderWorkbook(), [flags('$B4<0')]);
    const back = await apply(once, [
      { kind: 'setConditionalFormats', sheet: 'Orders', marker: 'order-clerk:delay', ranges: ['A4:D6'], rules: [] },
    ]);
    expect(
      (back.workbook.getWorksheet('Orders') as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings,
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
    const out = await apply(orderWorkbook(), [{ kind: 'addSheet', spec, activate: true }]);
    expect(out.result).toMatchObject({ createdSheets: [spec.name], table: null });
    const back = out.workbook;
    const ws = back.getWorksheet(spec.name)!;
    expect(ws.getCell('A4').value).toBe('=HYPERLINK("http://x")');
    expect(ws.getCell('B4').value).toBe('-3');
    expect(ws.getCell('B4').border.top).toMatchObject({ style: 'thin' });
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
    const once = await apply(orderWorkbook(), [log([[46348.5, 'fix', 'H7', '60', 60]])]);
    expect(once.result.createdSheets).toEqual(['Change log']);
    const twice = await apply(once, [log([[46349, 'undo', 'H7', 60, '=60']])]);
    expect(twice.result.createdSheets).toEqual([]);
    const ws = twice.workbook.getWorksheet('Change log')!;
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
    const long = JSON.stringify({ pad: 'x'.repeat(SETTINGS_CELL_CHARS + 10) });
    const once = await apply(orderWorkbook(), [{ kind: 'writeSettings', json: long }]);
    const ws1 = once.workbook.getWorksheet(SETTINGS_SHEET)!;
    expect(ws1.state).toBe('veryHidden');
    expect(String(ws1.getCell('A1').value) + String(ws1.getCell('A2').value)).toBe(long);
    const twice = await apply(once, [{ kind: 'writeSettings', json: '{"dueSoonDays":5}' }]);
    const ws2 = twice.workbook.getWorksheet(SETTINGS_SHEET)!;
    expect(ws2.getCell('A1').value).toBe('{"dueSoonDays":5}');
    expect(ws2.getCell('A2').value).toBeNull();
    expect(ws2.state).toBe('veryHidden');
  });
});
