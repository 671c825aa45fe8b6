import { DELAY_COLOURS } from '../../src/core/colours';
import type { CellSpec, SheetSpec, WorkbookEdit } from '../../src/core/edits';
import { planOverdueReport } from '../../src/core/report';
import { shownText } from '../../src/core/printSetup';
import type { CellValue } from '../../src/core/types';
import { understand } from '../../src/core/understand';
import { serial, snapshotOf } from './helpers/grid';

const TODAY = '2026-11-22';
const d = serial;
const EVIL = '=HYPERLINK("http://x","y")';

const grid: CellValue[][] = [
  ['orderNo', 'customer', 'item', 'description', 'quantity', 'unitPrice', 'dueDate', 'shippedQty', 'status'],
  ['SO-1', 'Harbor Supply', 'HS-1', 'Hex bolt', 100, 2, d('2026-11-19'), 40, 'Open'], // 2: 3 late, open 60
  ['SO-2', 'Pioneer Outdoor', 'PO-1', 'Tent pole', 10, 5, d('2026-11-02'), null, 'Open'], // 3: 20 late
  ['SO-3', 'Harbor Supply', 'HS-2', 'Hex nut', 50, null, d('2026-11-12'), null, null], // 4: 10 late, no price
  ['SO-4', EVIL, '+1', '@sum', 5, 1, d('2026-11-21'), null, '-'], // 5: 1 late
  ['SO-5', 'Lakeside', 'LR-1', 'Stool', 7, 3, d('2026-11-25'), null, null], // 6: due soon
  ['SO-6', 'Lakeside', 'LR-2', 'Table', 8, 3, '2026-11-23', null, null], // 7: due soon (text date)
  ['SO-7', 'Harbor Supply', 'HS-3', 'Washer', 9, 1, d('2026-11-01'), null, 'Shipped'], // 8
  ['SO-8', 'Pioneer Outdoor', 'PO-2', 'Peg', 9, 1, null, null, null], // 9
  ['SO-9', 'Pioneer Outdoor', 'PO-3', 'Tarp', 9, 1, d('2026-12-20'), null, null], // 10
  ['SO-10', 'Pioneer Outdoor', 'PO-4', 'Rope', 9, 1, d('2026-11-20'), null, 'Void'], // 11
];

function setup(lang: 'en-US' | 'zh-CN' = 'en-US', extraSheets: string[] = []) {
  const wb = snapshotOf(grid, { extraSheets: extraSheets.map((name) => ({ name, grid: [] })) });
  const u = understand(wb, { today: TODAY });
  return { u, wb, report: planOverdueReport(u, wb, { today: TODAY, lang }) };
}

function specOf(edits: WorkbookEdit[]): SheetSpec {
  expect(edits).toHaveLength(1);
  const e = edits[0];
  if (e.kind !== 'addSheet') throw new Error(e.kind);
  expect(e.activate).toBe(true);
  return e.spec;
}

function at(spec: SheetSpec, row: number, col: number): CellSpec | undefined {
  return spec.cells.find((c) => c.row === row && c.col === col);
}

function rowOf(spec: SheetSpec, text: string): number {
  const c = spec.cells.find((x) => x.value === text);
  if (!c) throw new Error(`no cell ${text}`);
  return c.row;
}

describe('planOverdueReport', () => {
  test('sheet name carries the ISO week and never overwrites an earlier report', () => {
    expect(setup().report.sheet).toBe('Overdue report 2026-W47');
    expect(setup('zh-CN').report.sheet).toBe('逾期周报 2026-W47');
    const again = setup('en-US', ['Overdue report 2026-W47']).report;
    expect(again.sheet).toBe('Overdue report 2026-W47 (2)');
    expect(specOf(again.edits).name).toBe('Overdue report 2026-W47 (2)');
  });

  test('counts, overdue sorted by daysLate (most first), due soon by date, totals', () => {
    const { report } = setup();
    expect(report.today).toBe(TODAY);
    expect(report.counts).toEqual({ overdue: 4, dueSoon: 2, onTrack: 1, noDueDate: 1, shipped: 1, cancelled: 1 });
    expect(report.overdue).toEqual([
      {
        row: 3,
        orderNo: 'SO-2',
        customer: 'Pioneer Outdoor',
        item: 'PO-1',
        dueDate: '2026-11-02',
        daysLate: 20,
        openQty: 10,
      },
      {
        row: 4,
        orderNo: 'SO-3',
        customer: 'Harbor Supply',
        item: 'HS-2',
        dueDate: '2026-11-12',
        daysLate: 10,
        openQty: 50,
      },
      {
        row: 2,
        orderNo: 'SO-1',
        customer: 'Harbor Supply',
        item: 'HS-1',
        dueDate: '2026-11-19',
        daysLate: 3,
        openQty: 60,
      },
      { row: 5, orderNo: 'SO-4', customer: EVIL, item: '+1', dueDate: '2026-11-21', daysLate: 1, openQty: 5 },
    ]);
    expect(report.dueSoon.map((l) => [l.row, l.dueDate])).toEqual([
      [7, '2026-11-23'],
      [6, '2026-11-25'],
    ]);
    expect(report.openQtyOverdue).toBe(125);
    expect(report.amountOverdue).toBe(175); // 60 × 2 + 10 × 5 + 5 × 1; SO-3 has no price
  });

  test('overdue lines grouped by customer (groups by their most-late line) with subtotal rows', () => {
    const spec = specOf(setup().report.edits);
    const header = rowOf(spec, 'Days late');
    const headers = spec.cells.filter((c) => c.row === header).map((c) => c.value);
    expect(headers).toEqual([
      'Customer',
      'Order No.',
      'Item',
      'Description',
      'Due date',
      'Days late',
      'Open qty',
      'Unit price',
      'Open amount',
      'Status',
      'Sheet row',
    ]);
    const body = [1, 2, 3, 4, 5, 6, 7].map((i) => [1, 6, 7, 9, 11].map((c) => at(spec, header + i, c)?.value ?? null));
    expect(body).toEqual([
      ['Pioneer Outdoor', 20, 10, 50, 3],
      ['Subtotal: Pioneer Outdoor', null, 10, 50, null],
      ['Harbor Supply', 10, 50, null, 4],
      ['Harbor Supply', 3, 60, 120, 2],
      ['Subtotal: Harbor Supply', null, 110, 120, null],
      [EVIL, 1, 5, 5, 5],
      [`Subtotal: ${EVIL}`, null, 5, 5, null],
    ]);
    // Due dates are real dates with a date format.
    expect(at(spec, header + 1, 5)).toMatchObject({ value: d('2026-11-02'), style: { numberFormat: 'yyyy-mm-dd' } });
    // The due-soon table follows, soonest first, with days left.
    const soonHeader = rowOf(spec, 'Days left');
    expect(soonHeader).toBeGreaterThan(header + 7);
    expect([1, 2].map((i) => [at(spec, soonHeader + i, 3)?.value, at(spec, soonHeader + i, 6)?.value])).toEqual([
      ['LR-2', 1],
      ['LR-1', 3],
    ]);
    expect(at(spec, soonHeader - 1, 1)?.value).toBe('Due in the next 7 days');
  });

  test('text from the order sheet is literal: no formulas anywhere in the report', () => {
    const spec = specOf(setup().report.edits);
    expect(spec.cells.filter((c) => c.formula !== undefined)).toEqual([]);
    for (const text of [EVIL, '+1', '@sum', '-']) {
      expect(spec.cells.some((c) => c.value === text && c.formula === undefined)).toBe(true);
    }
  });

  test('counts block with class colours, open quantity and amount overdue', () => {
    const spec = specOf(setup('zh-CN').report.edits);
    expect(at(spec, 1, 1)?.value).toBe('逾期周报 2026-W47');
    expect(at(spec, 2, 2)?.value).toBe(d(TODAY));
    expect(at(spec, 3, 2)?.value).toBe('2026-W47');
    expect(at(spec, 4, 2)?.value).toBe('Orders');
    const r = rowOf(spec, '逾期');
    expect(at(spec, r, 1)?.style).toMatchObject({
      fill: DELAY_COLOURS.overdue.fill,
      fontColor: DELAY_COLOURS.overdue.font,
    });
    expect(at(spec, r, 2)?.value).toBe(4);
    const cancelled = rowOf(spec, '已取消');
    expect(at(spec, cancelled, 1)?.style?.fill).toBe('#EDEDED');
    expect(at(spec, rowOf(spec, '逾期未交数量'), 2)?.value).toBe(125);
    expect(at(spec, rowOf(spec, '逾期未交金额'), 2)?.value).toBe(175);
    expect(at(spec, rowOf(spec, '合计'), 2)?.value).toBe(10);
  });

  test('per-customer table and chart spec', () => {
    const spec = specOf(setup().report.edits);
    const top = rowOf(spec, 'Overdue lines');
    expect([1, 2, 3].map((i) => [at(spec, top + i, 1)?.value, at(spec, top + i, 2)?.value])).toEqual([
      ['Pioneer Outdoor', 1],
      ['Harbor Supply', 2],
      [EVIL, 1],
    ]);
    expect(spec.chart).toEqual({
      type: 'barClustered',
      title: 'Overdue lines per customer',
      dataRange: `A${top}:B${top + 3}`,
      anchor: { from: 'D6', to: 'K20' },
    });
    // The chart does not cover the lines table.
    expect(rowOf(spec, 'Overdue lines (by customer, most late first)')).toBeGreaterThan(20);
  });

  test('print-ready: A4, one page wide, print area, header row repeats, widths fit, thin borders', () => {
    const spec = specOf(setup().report.edits);
    const last = Math.max(...spec.cells.map((c) => c.row));
    const header = rowOf(spec, 'Days late');
    expect(spec.pageSetup).toMatchObject({
      paperSize: 'A4',
      orientation: 'landscape',
      fitToWidth: 1,
      printArea: `A1:K${last}`,
      printTitleRows: `$${header}:$${header}`,
    });
    expect(spec.columnWidths).toHaveLength(11);
    expect(spec.columnWidths[0]).toBeGreaterThanOrEqual(`Subtotal: ${EVIL}`.length);
    expect(spec.merges).toContain('A1:K1');
    for (let c = 1; c <= 11; c++) expect(at(spec, header + 1, c)?.style?.border).toBe('thin');
  });

  test('CJK text counts double when sizing columns', () => {
    const g: CellValue[][] = [
      ['customer', 'item', 'quantity', 'dueDate'],
      ['佛山美家装饰材料有限公司', 'A', 1, d('2026-11-01')],
    ];
    const wb = snapshotOf(g, { lang: 'zh-CN' });
    const spec = specOf(planOverdueReport(understand(wb, { today: TODAY }), wb, { today: TODAY, lang: 'zh-CN' }).edits);
    // "小计：" + 12 characters = 15 wide characters ≈ 30 columns.
    expect(spec.columnWidths[0]).toBeGreaterThanOrEqual(30);
    expect(spec.pageSetup.orientation).toBe('portrait');
  });

  test('no overdue lines: a "none" row, no chart', () => {
    const g: CellValue[][] = [
      ['item', 'quantity', 'dueDate'],
      ['A', 1, d('2026-12-25')],
    ];
    const wb = snapshotOf(g);
    const r = planOverdueReport(understand(wb, { today: TODAY }), wb, { today: TODAY, lang: 'en-US' });
    const spec = specOf(r.edits);
    expect(r.overdue).toEqual([]);
    expect(r.amountOverdue).toBeNull();
    expect(spec.chart).toBeUndefined();
    expect(at(spec, rowOf(spec, 'Days late') + 1, 1)?.value).toBe('None');
  });
});

test('column widths count the decimals a number format shows (1250 as "1,250.00")', () => {
  expect(shownText({ row: 1, col: 1, value: 1250, style: { numberFormat: '#,##0.00' } })).toBe('1,250.00');
  expect(shownText({ row: 1, col: 1, value: 12.5, style: { numberFormat: '0.000' } })).toBe('12.500');
  expect(shownText({ row: 1, col: 1, value: 1250 })).toBe('1250');
});
