import type { SheetSpec, WorkbookEdit } from '../../src/core/edits';
import { OrderClerkError } from '../../src/core/errors';
import { SETTINGS_SHEET } from '../../src/core/settings';
import { columnWidthPoints } from '../../src/excel/applySheet';
import { ExcelWorkbookPort, type ExcelRun } from '../../src/excel/port';
import type { CellValue } from '../../src/core/types';
import { createFakeExcel, seedConditionalFormat, type FakeExcel } from '../fakes/excel-fake';

const portOn = (fx: FakeExcel) => new ExcelWorkbookPort(fx.run as ExcelRun, { supports: () => true });

function orders(rows: number): CellValue[][] {
  const out: CellValue[][] = [['PO No.', 'Item', 'Qty', 'Due', 'Status']];
  for (let i = 1; i <= rows; i++) out.push([`PO-${i}`, `IT-${i}`, i, 46000 + i, i % 2 ? 'Open' : 'Shipped']);
  return out;
}

const DELAY_MARKER = 'order-clerk:delay';

function docSpec(name: string, lines: number): SheetSpec {
  const cells: SheetSpec['cells'] = [
    { row: 1, col: 1, value: 'Delivery note DN-20261122-001', style: { bold: true, size: 14, hAlign: 'center' } },
    { row: 3, col: 1, value: 'Item', style: { bold: true, border: 'thin', fill: '#DDEBF7' } },
    { row: 3, col: 2, value: 'Qty', style: { bold: true, border: 'thin', fill: '#DDEBF7' } },
  ];
  for (let i = 0; i < lines; i++) {
    cells.push({ row: 4 + i, col: 1, value: i === 0 ? '=SUM(A1)' : `IT-${i}`, style: { border: 'thin' } });
    cells.push({ row: 4 + i, col: 2, value: i + 1, style: { border: 'thin', numberFormat: '#,##0' } });
  }
  cells.push({ row: 4 + lines, col: 2, formula: `SUM(B4:B${3 + lines})`, style: { bold: true, border: 'thin' } });
  return {
    name,
    cells,
    merges: ['A1:B1'],
    columnWidths: [20, 10],
    pageSetup: {
      paperSize: 'A4',
      orientation: 'portrait',
      fitToWidth: 1,
      printArea: `A1:B${4 + lines}`,
      printTitleRows: '$3:$3',
    },
    freezeRows: 3,
    showGridlines: false,
    chart: { type: 'barClustered', title: 'Qty', dataRange: `A3:B${3 + lines}`, anchor: { from: 'D3', to: 'J20' } },
  };
}

function fullPlan(rows: number): WorkbookEdit[] {
  const last = rows + 1;
  return [
    { kind: 'ensureTable', sheet: 'Orders', range: `A1:E${last}`, name: 'OrderLines', mode: 'create' },
    {
      kind: 'setValues',
      sheet: 'Orders',
      cells: [
        { address: 'C2', value: 12 },
        { address: 'D2', value: 46100, numberFormat: 'yyyy-mm-dd' },
      ],
    },
    {
      kind: 'setDataValidation',
      sheet: 'Orders',
      rules: [
        {
          range: `C2:C${last}`,
          rule: { kind: 'decimal', operator: 'greaterThan', value: 0 },
          prompt: { title: 'Qty', message: 'A number above 0' },
          errorAlert: { title: 'Qty', message: 'Type a number above 0' },
        },
        {
          range: `D2:D${last}`,
          rule: { kind: 'date', between: ['2000-01-01', '2100-12-31'] },
          prompt: { title: 'Due', message: 'A date' },
          errorAlert: { title: 'Due', message: 'Type a date' },
        },
        {
          range: `E2:E${last}`,
          rule: { kind: 'list', values: ['Open', 'Shipped'] },
          prompt: { title: 'Status', message: 'Pick one' },
          errorAlert: { title: 'Status', message: 'Pick from the list' },
        },
      ],
    },
    {
      kind: 'setConditionalFormats',
      sheet: 'Orders',
      marker: DELAY_MARKER,
      ranges: [`A2:E${last}`],
      rules: [
        { formula: `AND(N("${DELAY_MARKER}")=0,$D2<TODAY())`, fill: '#FFC7CE', fontColor: '#9C0006' },
        { formula: `AND(N("${DELAY_MARKER}")=0,$E2="Cancelled")`, fill: '#EDEDED', fontColor: '#7F7F7F', strike: true },
      ],
    },
    { kind: 'addSheet', spec: docSpec('Delivery note', Math.min(rows, 40)), activate: true },
    {
      kind: 'appendRows',
      sheet: 'Change log',
      header: ['Time', 'Action', 'Cell', 'Old', 'New'],
      columnWidths: [18, 10, 8, 12, 12],
      rows: [[46348.5, 'fix', 'C2', '1,200', 12]],
      columnFormats: ['yyyy-mm-dd hh:mm'],
    },
    { kind: 'writeSettings', json: JSON.stringify({ version: 1, dueSoonDays: 5 }) },
  ];
}

describe('ExcelWorkbookPort.apply', () => {
  test('carries out every edit kind', async () => {
    const fx = createFakeExcel([{ name: 'Orders', values: orders(6) }]);
    seedConditionalFormat(fx, 'Orders', {
      type: 'Custom',
      ranges: ['A2:E7'],
      formula: `=AND(N("${DELAY_MARKER}")=0,$D2<TODAY()-30)`,
    });
    seedConditionalFormat(fx, 'Orders', { type: 'Custom', ranges: ['C2:C7'], formula: '=$C2>100', fill: '#00FF00' });
    const result = await portOn(fx).apply(fullPlan(6));

    expect(result).toEqual({
      createdSheets: ['Delivery note', 'Change log', SETTINGS_SHEET],
      table: 'OrderLines',
      // What was written, so the pane can read back just that (ExcelWorkbookPort.refresh).
      changed: [
        { sheet: 'Orders', areas: ['C2:D2'], tables: true },
        { sheet: 'Delivery note', areas: ['A1:B10'], whole: true, generated: true },
        { sheet: 'Change log', areas: ['A1:E1', 'A2:E2'] },
        { sheet: SETTINGS_SHEET, areas: ['A1:A1'], whole: true },
      ],
    });
    const o = fx.sheet('Orders');
    expect(o.tables).toEqual([{ name: 'OrderLines', range: 'A1:E7' }]);
    expect(fx.sheetValues('Orders')[1]).toEqual(['PO-1', 'IT-1', 12, 46100, 'Open']);
    expect(fx.formatAt('Orders', 'D2')).toBe('yyyy-mm-dd');
    expect(o.validations.get('C2:C7')).toEqual({
      rule: { decimal: { formula1: 0, operator: 'GreaterThan' } },
      prompt: { showPrompt: true, title: 'Qty', message: 'A number above 0' },
      errorAlert: { showAlert: true, style: 'Stop', title: 'Qty', message: 'Type a number above 0' },
    });
    expect(o.validations.get('D2:D7')?.rule).toEqual({
      date: { formula1: '=DATE(2000,1,1)', formula2: '=DATE(2100,12,31)', operator: 'Between' },
    });
    expect(o.validations.get('E2:E7')?.rule).toEqual({ list: { inCellDropDown: true, source: 'Open,Shipped' } });
    // The old delay rule is gone, the clerk's own rule stays, ours come first in plan order.
    expect(o.cfs.map((c) => [c.formula, c.fill, c.fontColor, c.strike ?? false])).toEqual([
      [`=AND(N("${DELAY_MARKER}")=0,$D2<TODAY())`, '#FFC7CE', '#9C0006', false],
      [`=AND(N("${DELAY_MARKER}")=0,$E2="Cancelled")`, '#EDEDED', '#7F7F7F', true],
      ['=$C2>100', '#00FF00', undefined, false],
    ]);
    expect(o.cfs[0].ranges).toEqual(['A2:E7']);

    const d = fx.sheet('Delivery note');
    expect(fx.sheetValues('Delivery note').slice(0, 5)).toEqual([
      ['Delivery note DN-20261122-001', null],
      [null, null],
      ['Item', 'Qty'],
      ['=SUM(A1)', 1],
      ['IT-1', 2],
    ]);
    expect(fx.formulaAt('Delivery note', 'A4')).toBeUndefined();
    expect(fx.formulaAt('Delivery note', 'B10')).toBe('=SUM(B4:B9)');
    expect(fx.formatAt('Delivery note', 'B5')).toBe('#,##0');
    expect(d.merges).toEqual(['A1:B1']);
    expect(d.columnWidths.get(1)).toBe(columnWidthPoints(20));
    expect(d.columnWidths.get(2)).toBe(columnWidthPoints(10));
    expect(d.pageLayout).toEqual({
      orientation: 'Portrait',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: 'A1:B10',
      printTitleRows: '$3:$3',
    });
    expect(d.freezeRows).toBe(3);
    expect(d.showGridlines).toBe(false);
    expect(d.charts).toEqual([{ type: 'BarClustered', source: 'A3:B9', title: 'Qty', from: 'D3', to: 'J20' }]);
    // Styles grouped: the bordered body cells are one RangeAreas call set, not one per cell.
    const borderCalls = d.styles.filter((s) => s.prop === 'borders.EdgeTop.style');
    expect(borderCalls.map((s) => s.address)).toEqual(['A3:B3', 'A4:B9', 'B10']);
    expect(fx.active?.name).toBe('Delivery note');

    expect(fx.sheetValues('Change log')).toEqual([
      ['Time', 'Action', 'Cell', 'Old', 'New'],
      [46348.5, 'fix', 'C2', '1,200', 12],
    ]);
    expect(fx.formatAt('Change log', 'A2')).toBe('yyyy-mm-dd hh:mm');
    expect(fx.sheet('Change log').styles).toContainEqual({ address: 'A1:E1', prop: 'font.bold', value: true });

    const settings = fx.sheet(SETTINGS_SHEET);
    expect(settings.visibility).toBe('VeryHidden');
    expect(fx.sheetValues(SETTINGS_SHEET)).toEqual([['{"version":1,"dueSoonDays":5}']]);
  });

  test('running a plan twice leaves one table, one set of rules and one settings copy', async () => {
    const fx = createFakeExcel([{ name: 'Orders', values: orders(6) }]);
    const plan = fullPlan(6).filter((e) => e.kind !== 'addSheet' && e.kind !== 'appendRows');
    await portOn(fx).apply(plan);
    // Read again, core plans a reuse of the table the first run made.
    const again = plan.map((e): WorkbookEdit => (e.kind === 'ensureTable' ? { ...e, mode: 'reuse' } : e));
    const second = await portOn(fx).apply(again);
    expect(second).toMatchObject({ createdSheets: [], table: 'OrderLines' });
    expect(second.warnings).toBeUndefined();
    expect(fx.sheet('Orders').tables).toHaveLength(1);
    expect(fx.sheet('Orders').cfs).toHaveLength(2);
    expect(fx.sheetValues(SETTINGS_SHEET)).toEqual([['{"version":1,"dueSoonDays":5}']]);
  });

  test('appendRows writes below the last used row of an existing sheet', async () => {
    const fx = createFakeExcel([
      { name: 'Orders', values: orders(2) },
      {
        name: 'Change log',
        values: [
          ['Time', 'Action'],
          [1, 'a'],
          [2, 'b'],
        ],
      },
    ]);
    await portOn(fx).apply([
      {
        kind: 'appendRows',
        sheet: 'Change log',
        header: ['Time', 'Action'],
        columnWidths: [],
        rows: [
          [3, 'c'],
          [4, '-5'],
        ],
      },
      { kind: 'appendRows', sheet: 'Change log', header: ['Time', 'Action'], columnWidths: [], rows: [[5, '=1+1']] },
    ]);
    expect(fx.sheetValues('Change log')).toEqual([
      ['Time', 'Action'],
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
      [4, '-5'],
      [5, '=1+1'],
    ]);
    expect(fx.sheet('Change log').formulas.size).toBe(0);
  });

  test('ensureTable create: exactly the named table over exactly the range, no value changed', async () => {
    const fx = createFakeExcel([{ name: 'Orders', values: orders(4) }]);
    const r = await portOn(fx).apply([
      { kind: 'ensureTable', sheet: 'Orders', range: 'A1:E5', name: 'OrderLines_2', mode: 'create' },
    ]);
    expect(r.table).toBe('OrderLines_2');
    expect(fx.sheet('Orders').tables).toEqual([{ name: 'OrderLines_2', range: 'A1:E5' }]);
    expect(fx.sheetValues('Orders')).toEqual(orders(4));
  });

  test('ensureTable reuse: a covering table is kept; a shorter one grows (Table.resize, ExcelApi 1.13)', async () => {
    const fx = createFakeExcel([
      { name: 'Orders', values: orders(4), tables: [{ name: 'Clerk', range: 'A1:E3' }] },
      { name: 'Other', values: orders(2), tables: [{ name: 'Kept', range: 'A1:E3' }] },
    ]);
    const reuse = (sheet: string, name: string, range: string): WorkbookEdit => ({
      kind: 'ensureTable',
      sheet,
      range,
      name,
      mode: 'reuse',
    });
    expect(await portOn(fx).apply([reuse('Other', 'Kept', 'A2:C3')])).toEqual({
      createdSheets: [],
      table: 'Kept',
      changed: [],
    });
    expect(fx.sheet('Other').tables).toEqual([{ name: 'Kept', range: 'A1:E3' }]);
    expect((await portOn(fx).apply([reuse('Orders', 'Clerk', 'A1:E5')])).table).toBe('Clerk');
    expect(fx.sheet('Orders').tables).toEqual([{ name: 'Clerk', range: 'A1:E5' }]);
    expect(fx.sheetValues('Orders')).toEqual(orders(4));
  });

  test('ensureTable reuse without Table.resize: the table is left as it is and the result says so', async () => {
    const fx = createFakeExcel([{ name: 'Orders', values: orders(4), tables: [{ name: 'Clerk', range: 'A1:E3' }] }]);
    const port = new ExcelWorkbookPort(fx.run as ExcelRun, { supports: (v) => v !== '1.13' });
    const r = await port.apply([
      { kind: 'ensureTable', sheet: 'Orders', range: 'A1:E5', name: 'Clerk', mode: 'reuse' },
    ]);
    expect(r).toEqual({
      createdSheets: [],
      table: 'Clerk',
      tableNotGrown: { name: 'Clerk', range: 'A1:E3' },
      changed: [],
    });
    expect(fx.sheet('Orders').tables).toEqual([{ name: 'Clerk', range: 'A1:E3' }]);
    expect(fx.stats.writes).toBe(0);
  });

  test('ensureTable reuse of a table deleted since the read is named in tableNotFound', async () => {
    const fx = createFakeExcel([{ name: 'Orders', values: orders(4) }]);
    const err = await portOn(fx)
      .apply([{ kind: 'ensureTable', sheet: 'Orders', range: 'A1:E5', name: 'Gone', mode: 'reuse' }])
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'tableNotFound', params: { table: 'Gone' } });
    expect(fx.stats.writes).toBe(0);
  });

  test('literal text never becomes a formula, a number or a date; numbers stay numbers', async () => {
    const fx = createFakeExcel([{ name: 'Orders', values: orders(1) }]);
    const texts = ['=SUM(A1)', '+86 138', '-5 pcs', '@home', "'quoted", '1,200', '2026-12-05', '00123', 'TRUE', '#N/A'];
    await portOn(fx).apply([
      { kind: 'setValues', sheet: 'Orders', cells: texts.map((t, i) => ({ address: `G${i + 1}`, value: t })) },
      {
        kind: 'setValues',
        sheet: 'Orders',
        cells: [
          { address: 'H1', value: 1200 },
          { address: 'H2', value: true },
          { address: 'H3', value: 'plain' },
        ],
      },
    ]);
    const grid = fx.sheetValues('Orders');
    expect(grid.map((r) => r[6])).toEqual(texts);
    expect(grid.slice(0, 3).map((r) => r[7])).toEqual([1200, true, 'plain']);
    expect(fx.sheet('Orders').formulas.size).toBe(0);
  });

  test('a protected sheet stops the plan before anything is written', async () => {
    const fx = createFakeExcel([{ name: 'Orders', values: orders(3) }]);
    fx.protect('Orders');
    const before = JSON.stringify(fx.sheetValues('Orders'));
    const err = await portOn(fx)
      .apply(fullPlan(3))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OrderClerkError);
    expect(err).toMatchObject({ code: 'sheetProtected', params: { sheet: 'Orders' } });
    expect(fx.stats.writes).toBe(0);
    expect(fx.sheets.map((s) => s.name)).toEqual(['Orders']);
    expect(JSON.stringify(fx.sheetValues('Orders'))).toBe(before);
  });

  test('a missing sheet is named in sheetNotFound', async () => {
    const fx = createFakeExcel([{ name: 'Orders', values: orders(3) }]);
    const err = await portOn(fx)
      .apply([{ kind: 'ensureTable', sheet: 'Nope', range: 'A1:B2', name: 'T', mode: 'create' }])
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'sheetNotFound', params: { sheet: 'Nope' } });
    expect(fx.stats.writes).toBe(0);
  });

  test('the whole plan takes the same three syncs for 10 and 5,000 order rows', async () => {
    const counts: number[] = [];
    for (const rows of [10, 5_000]) {
      const fx = createFakeExcel([{ name: 'Orders', values: orders(rows) }]);
      await portOn(fx).apply(fullPlan(rows));
      counts.push(fx.stats.syncs);
      expect(fx.stats.maxRequestBytes).toBeLessThan(5_000_000);
    }
    // Look; read the rules in the order block (its own sync: reading some clerk rules throws); write.
    expect(counts).toEqual([3, 3]);
  });

  test('a large values block is split by request size, not by rows', async () => {
    const fx = createFakeExcel([{ name: 'Orders', values: orders(1) }]);
    const lines = 3_000;
    const spec = docSpec('Big', lines);
    spec.cells.forEach((c) => {
      if (typeof c.value === 'string' && c.row > 3) c.value = `${c.value} ${'x'.repeat(2_000)}`;
    });
    spec.chart = undefined;
    await portOn(fx).apply([{ kind: 'addSheet', spec }]);
    expect(fx.stats.rejectedSyncs).toBe(0);
    expect(fx.stats.maxRequestBytes).toBeLessThanOrEqual(5_000_000);
    expect(fx.stats.syncs).toBe(3); // look + two write batches for ~6 MB of text
    expect(fx.sheetValues('Big')[lines + 2][0]).toBe(`IT-${lines - 1} ${'x'.repeat(2_000)}`);
  });
});
