import { ExcelWorkbookPort, type ExcelRun } from '../../src/excel/port';
import { MAX_CELLS_PER_READ } from '../../src/excel/chunks';
import type { CellValue } from '../../src/core/types';
import { understand } from '../../src/core/understand';
import { createFakeExcel, type FakeExcel, type FakeSheetInit } from '../fakes/excel-fake';

/** The fake's request context is untyped on purpose: tests drive it the way Office.js code does. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type FakeCtx = any;

const all = () => true;
const portOn = (fx: FakeExcel, supports: (v: string) => boolean = all) =>
  new ExcelWorkbookPort(fx.run as ExcelRun, { supports });

function orderGrid(rows: number, cols: number): CellValue[][] {
  const header = Array.from({ length: cols }, (_, j) => `H${j + 1}`);
  const body = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (j === 0 ? `PO-${i + 1}` : i * cols + j)),
  );
  return [header, ...body];
}

describe('ExcelWorkbookPort.read', () => {
  test('reads values, formats, tables, merges, visibility, protection, active sheet', async () => {
    const sheets: FakeSheetInit[] = [
      {
        name: 'Orders',
        values: [
          ['Order list', null, null],
          ['PO No.', 'Qty', 'Due'],
          ['PO-1', 5, 46000],
          ['PO-2', { error: '#N/A' }, '#N/A'],
        ],
        formats: [[], [], [null, null, 'yyyy-mm-dd']],
        merges: ['A1:C1'],
        tables: [{ name: 'Orders1', range: 'A2:C4' }],
      },
      { name: 'Hidden one', values: [[null, 'x']], visibility: 'Hidden', protected: true },
      { name: 'Empty', values: [] },
    ];
    const fx = createFakeExcel(sheets, { active: 'Hidden one' });
    const wb = await portOn(fx).read();
    expect(wb.dateSystem).toBe(1900);
    expect(wb.activeSheet).toBe('Hidden one');
    expect(wb.sheets.map((s) => s.name)).toEqual(['Orders', 'Hidden one', 'Empty']);
    const [orders, hidden, empty] = wb.sheets;
    expect(orders.values).toEqual([
      ['Order list', null, null],
      ['PO No.', 'Qty', 'Due'],
      ['PO-1', 5, 46000],
      ['PO-2', { error: '#N/A' }, '#N/A'], // a real error becomes {error}; the text "#N/A" stays text
    ]);
    expect(orders.formats?.[2]).toEqual(['General', 'General', 'yyyy-mm-dd']);
    expect(orders.merges).toEqual(['A1:C1']);
    expect(orders.tables).toEqual([{ name: 'Orders1', range: 'A2:C4' }]);
    expect(orders.visibility).toBe('visible');
    expect(orders.protected).toBe(false);
    expect(hidden).toMatchObject({ top: 1, left: 2, values: [['x']], visibility: 'hidden', protected: true });
    expect(empty).toMatchObject({ values: [], merges: [], tables: [] });
    expect(fx.stats.syncs).toBe(3);
  });

  test('detects the 1904 date system', async () => {
    const fx = createFakeExcel([{ name: 'S', values: [[1]] }], { dateSystem: 1904 });
    expect((await portOn(fx).read()).dateSystem).toBe(1904);
  });

  test('without ExcelApi 1.13 merges are not read and nothing fails', async () => {
    const fx = createFakeExcel([{ name: 'S', values: [['a', 'b']], merges: ['A1:B1'] }]);
    const wb = await portOn(fx, (v) => v !== '1.13').read();
    expect(wb.sheets[0].merges).toEqual([]);
    expect(wb.sheets[0].values).toEqual([['a', 'b']]);
  });

  test('10 rows and 10,000 rows take the same small number of syncs', async () => {
    const counts: number[] = [];
    for (const rows of [10, 10_000]) {
      const fx = createFakeExcel([
        { name: 'Orders', values: orderGrid(rows, 12), merges: ['A1:B1'] },
        { name: 'Prices', values: orderGrid(50, 4) },
      ]);
      const wb = await portOn(fx).read();
      expect(wb.sheets[0].values).toHaveLength(rows + 1);
      expect(wb.sheets[0].values[rows][11]).toBe((rows - 1) * 12 + 11);
      counts.push(fx.stats.syncs);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBe(3);
  });

  test('a 200,000 × 16 sheet is read in chunks under 5,000,000 cells and 5 MB per response', async () => {
    const rows = 200_000;
    const fx = createFakeExcel([{ name: 'Big', values: orderGrid(rows, 16) }]);
    const progress: number[] = [];
    const wb = await portOn(fx).read((p) => progress.push(p.done));
    const s = wb.sheets[0];
    expect(s.values).toHaveLength(rows + 1);
    expect(s.values[rows][0]).toBe(`PO-${rows}`);
    expect(s.values[rows][15]).toBe((rows - 1) * 16 + 15);
    expect(fx.stats.maxCellsPerRead).toBeLessThanOrEqual(MAX_CELLS_PER_READ);
    expect(fx.stats.maxResponseBytes).toBeLessThanOrEqual(5_000_000);
    expect(fx.stats.rejectedSyncs).toBe(0);
    expect(fx.stats.rangeReads).toBeGreaterThan(1);
    // 2 metadata syncs, the values (no value types) in chunks under 4 MB, then the formats of the numbers in columns
    // that are not date or numeric fields (here every column: no header names a field).
    expect(fx.stats.syncs).toBeLessThanOrEqual(27);
    expect(progress[progress.length - 1]).toBe((rows + 1) * 16);
  }, 60_000);

  test('cells bigger than estimated: a refused response is read again in smaller chunks', async () => {
    const long = 'x'.repeat(300);
    const values: CellValue[][] = Array.from({ length: 20_000 }, (_, i) => [long, i, long, long]);
    const fx = createFakeExcel([{ name: 'Wide text', values }]);
    const wb = await portOn(fx).read();
    expect(wb.sheets[0].values).toHaveLength(20_000);
    expect(wb.sheets[0].values[19_999]).toEqual([long, 19_999, long, long]);
    expect(fx.stats.rejectedSyncs).toBeGreaterThan(0);
    // Once a data sync got through, later chunks are sized by the measured cell size and none is refused again.
    const sizes = fx.stats.perSync.map((s) => s.responseBytes > 5_000_000);
    const firstOk = sizes.indexOf(false, 2);
    expect(sizes.slice(firstOk)).not.toContain(true);
    expect(fx.stats.rejectedSyncs).toBeLessThanOrEqual(4);
  }, 60_000);
});

describe('the first read moves only what core uses', () => {
  // 30,000 lines: more than one response holds with every format, so values come first.
  function bigOrders() {
    const values: CellValue[][] = [['订单号', '型号', '数量', '交期', '备注']];
    const formats: (string | null)[][] = [['General', 'General', 'General', 'General', 'General']];
    for (let i = 1; i <= 30_000; i++) {
      const remarkIsDate = i % 1000 === 0;
      values.push([`SO-${i}`, `FM-${i % 50}`, i, 46300 + (i % 90), remarkIsDate ? 46400 : i % 7 === 0 ? '加急' : null]);
      formats.push(['General', 'General', '#,##0', 'yyyy-mm-dd', remarkIsDate ? 'yyyy-mm-dd' : 'General']);
    }
    values[5][2] = { error: '#N/A' };
    values[6][2] = '#N/A';
    return createFakeExcel([{ name: '订单', values, formats }]);
  }

  test('no value types; number formats only of numbers outside date and numeric columns', async () => {
    const fx = bigOrders();
    const wb = await portOn(fx).read();
    const s = wb.sheets[0];
    // Errors come from the error cells, not from value types: the real #N/A is an error, the typed text is text.
    expect(s.values[5][2]).toEqual({ error: '#N/A' });
    expect(s.values[6][2]).toBe('#N/A');
    // The remarks column's dates keep their format (core shows them as dates); due dates and quantities need none.
    expect(s.formats?.[1000][4]).toBe('yyyy-mm-dd');
    expect(fx.stats.formatCellsRead['订单']).toBeLessThan(1000);
    const u = understand(wb, { today: '2026-11-22' });
    expect(u.lines[999].text.remarks).toBe('2027-01-13');
    expect(u.lines[0].date.dueDate).toMatchObject({ kind: 'ok', value: 46301 });
  });

  test('half the bytes of values, formats and value types of every cell', async () => {
    const fx = bigOrders();
    await portOn(fx).read();
    const now = fx.stats.responseBytes;
    // What the same cells cost with formats and value types (the read before this change), measured on the fake.
    const old = bigOrders();
    await old.run(async (ctx: FakeCtx) => {
      for (let top = 1; top <= 30_001; top += 5000) {
        const r = ctx.workbook.worksheets.getItem('订单').getRange(`A${top}:E${Math.min(30_001, top + 4999)}`);
        r.load('values,numberFormat,valueTypes');
        await ctx.sync();
      }
    });
    expect(now).toBeLessThanOrEqual(0.5 * old.stats.responseBytes);
  });
});
