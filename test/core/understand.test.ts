import fc from 'fast-check';
import { OrderClerkError } from '../../src/core/errors';
import { sheetFromGrid } from '../../src/core/snapshot';
import { DEFAULT_SETTINGS, type CellValue, type Settings, type WorkbookSnapshot } from '../../src/core/types';
import { findHeaderRow, readMasters, understand, understandSheet } from '../../src/core/understand';
import { isoToSerial } from '../../src/core/dates';

const TODAY = '2026-11-22';
const wbOf = (...sheets: ReturnType<typeof sheetFromGrid>[]): WorkbookSnapshot => ({
  sheets,
  dateSystem: 1900,
  activeSheet: null,
});
const settings = (p: Partial<Settings> = {}): Settings => ({ ...JSON.parse(JSON.stringify(DEFAULT_SETTINGS)), ...p });
const codeOf = (f: () => unknown): string => {
  try {
    f();
    return 'none';
  } catch (e) {
    return e instanceof OrderClerkError ? e.code : `other: ${e}`;
  }
};

const ORDERS: CellValue[][] = [
  ['业务部 订单跟踪', null, null, null, null],
  ['制表日期: 2026-11-01', null, null, null, null],
  [null, null, null, null, null],
  ['序号', '订单号', '型号', '数量(pcs)', '交期'],
  [1, 'XS-1', 'FM-201', 120, 46361],
  [2, 'XS-1', 'FM-202', '60', '12月10日'],
  [null, null, null, null, null],
  [3, 'XS-2', 'QD-5', 30, '2026/12/8'],
  ['合计', null, null, 210, null],
  ['备注：以上含税', null, null, null, null],
  [4, null, null, null, null],
];

describe('findHeaderRow', () => {
  it('skips title, 制表日期 and blank rows', () => expect(findHeaderRow(sheetFromGrid('S', ORDERS))).toBe(4));
  it('needs two specific fields including a key field', () => {
    expect(
      findHeaderRow(
        sheetFromGrid('S', [
          ['Qty', 'Remarks'],
          [1, 'x'],
        ]),
      ),
    ).toBeNull();
    expect(
      findHeaderRow(
        sheetFromGrid('S', [
          ['Name', 'Value'],
          ['a', 1],
        ]),
      ),
    ).toBeNull();
    expect(
      findHeaderRow(
        sheetFromGrid('S', [
          ['Item', 'Qty'],
          ['A', 1],
        ]),
      ),
    ).toBe(1);
  });
  it('picks the row with most fields, earliest on ties', () => {
    const s = sheetFromGrid('S', [
      ['Item', 'Qty', null],
      ['Item', 'Qty', 'Due Date'],
      ['Item', 'Qty', 'Due Date'],
    ]);
    expect(findHeaderRow(s)).toBe(2);
  });
});

describe('understandSheet', () => {
  const o = understandSheet(sheetFromGrid('订单', ORDERS), settings())!;
  it('maps columns, rows and reasons', () => {
    expect(o.headerRow).toBe(4);
    expect(o.columns).toEqual({ lineNo: 1, orderNo: 2, item: 3, quantity: 4, dueDate: 5 });
    expect(o.dataRows).toEqual([5, 6, 8]);
    expect(o.firstDataRow).toBe(5);
    expect(o.lastDataRow).toBe(8);
    expect(o.skippedRows).toEqual([
      { row: 7, reason: 'blank' },
      { row: 9, reason: 'subtotal' },
      { row: 10, reason: 'note' },
    ]);
    expect(o.firstColumn).toBe(1);
    expect(o.lastColumn).toBe(5);
    expect(o.lang).toBe('zh-CN');
    expect(o.headers[3]).toEqual({ column: 4, header: '数量(pcs)', field: 'quantity' });
  });
  it('column overrides win; null unmaps; a field keeps one column', () => {
    const s = sheetFromGrid('订单', ORDERS);
    const o2 = understandSheet(s, settings({ columnOverrides: { 订单: { A: 'orderNo', E: null } } }))!;
    expect(o2.columns).toEqual({ orderNo: 1, item: 3, quantity: 4 });
  });
  it('header row override wins', () => {
    const s = sheetFromGrid('S', [
      ['Item', 'Qty'],
      ['A', 1],
      ['Part No.', 'Quantity'],
      ['B', 2],
    ]);
    expect(understandSheet(s, settings())!.dataRows).toEqual([2, 3, 4]);
    expect(understandSheet(s, settings({ headerRowOverrides: { S: 3 } }))!.dataRows).toEqual([4]);
  });
  it('a customer named "Total Supply Co." is an order line', () => {
    const s = sheetFromGrid('S', [
      ['Customer', 'Item', 'Qty'],
      ['Total Supply Co.', 'A', 1],
      ['Total', null, 1],
    ]);
    const o3 = understandSheet(s, settings())!;
    expect(o3.dataRows).toEqual([2]);
    expect(o3.skippedRows).toEqual([{ row: 3, reason: 'subtotal' }]);
    expect(o3.lang).toBe('en-US');
  });
});

describe('understand', () => {
  it('reads lines: numbers, text numbers, dates and year-less dates after the order date', () => {
    const u = understand(wbOf(sheetFromGrid('订单', ORDERS)), { today: TODAY });
    expect(u.lines.map((l) => l.row)).toEqual([5, 6, 8]);
    expect(u.lines[1].num.quantity).toEqual({ kind: 'ok', value: 60, fromText: true });
    expect(u.lines[1].date.dueDate).toEqual({ kind: 'ok', value: isoToSerial('2026-12-10'), fromText: true });
    expect(u.lines[0].text).toEqual({
      lineNo: '1',
      orderNo: 'XS-1',
      item: 'FM-201',
      quantity: '120',
      dueDate: '2026-12-05',
    });
    expect(u.lines[0].raw.dueDate).toBe(46361);
    expect(u.lines[0].num).toEqual({ quantity: { kind: 'ok', value: 120, fromText: false } });
  });
  it('year-less dates use the line order date', () => {
    const s = sheetFromGrid('S', [
      ['Item', 'Qty', 'Order Date', 'Due Date'],
      ['A', 1, '2026-03-01', '3月5日'],
      ['B', 1, null, '3月5日'],
    ]);
    const u = understand(wbOf(s), { today: TODAY });
    expect(u.lines[0].text.dueDate).toBe('2026-03-05');
    expect(u.lines[1].text.dueDate).toBe('2027-03-05');
  });
  it('errors: empty workbook, no table, headers without data, missing sheet', () => {
    expect(codeOf(() => understand(wbOf(sheetFromGrid('S', [])), { today: TODAY }))).toBe('emptyWorkbook');
    expect(codeOf(() => understand({ sheets: [], dateSystem: 1900, activeSheet: null }, { today: TODAY }))).toBe(
      'emptyWorkbook',
    );
    expect(codeOf(() => understand(wbOf(sheetFromGrid('S', [['hello', 'world']])), { today: TODAY }))).toBe(
      'noOrderTable',
    );
    expect(
      codeOf(() =>
        understand(
          wbOf(
            sheetFromGrid('S', [
              ['Item', 'Qty'],
              ['Total', 3],
            ]),
          ),
          { today: TODAY },
        ),
      ),
    ).toBe('headersWithoutData');
    expect(
      codeOf(() =>
        understand(
          wbOf(
            sheetFromGrid('S', [
              ['Item', 'Qty'],
              ['A', 1],
            ]),
          ),
          { today: TODAY, sheet: 'Nope' },
        ),
      ),
    ).toBe('sheetNotFound');
    expect(() => understand(wbOf(sheetFromGrid('S', [[null], ['Item', 'Qty']])), { today: TODAY })).toThrow(
      expect.objectContaining({ code: 'headersWithoutData', params: { row: 2, sheet: 'S' } }),
    );
  });
  it('picks the active sheet, else the first visible order sheet; skips price lists, hidden and system sheets', () => {
    const price = sheetFromGrid('价格表', [
      ['料号', '单价'],
      ['FM-201', 310],
    ]);
    const hidden = {
      ...sheetFromGrid('Old', [
        ['Item', 'Qty'],
        ['A', 1],
      ]),
      visibility: 'hidden' as const,
    };
    const log = sheetFromGrid('变更记录', [
      ['Item', 'Qty'],
      ['A', 1],
    ]);
    const a = sheetFromGrid('A', [
      ['Item', 'Qty'],
      ['A', 1],
    ]);
    const b = sheetFromGrid('B', [
      ['Item', 'Qty'],
      ['B', 1],
    ]);
    expect(understand(wbOf(price, hidden, log, a, b), { today: TODAY }).order.sheet).toBe('A');
    expect(understand({ ...wbOf(price, a, b), activeSheet: 'B' }, { today: TODAY }).order.sheet).toBe('B');
    expect(understand(wbOf(a, b), { today: TODAY, sheet: 'B' }).order.sheet).toBe('B');
  });
  it('finds product and customer masters and reads them by trimmed key', () => {
    const order = sheetFromGrid('订单', [
      ['客户', '型号', '数量'],
      ['佛山美家', 'FM-201', 1],
    ]);
    const price = sheetFromGrid('价格表', [
      ['料号', '品名', '单价', '装箱数', 'N.W.(KG)', '外箱尺寸(CM)'],
      [' FM-201 ', '水槽', '310', 2, 18.5, '72x50x25'],
      ['FM-201', 'dup', 1, 1, 1, ''],
    ]);
    const cust = sheetFromGrid('客户信息', [
      ['客户', '地址', '联系人', '电话'],
      ['佛山美家', '顺德', '黄生', '0757'],
    ]);
    const u = understand(wbOf(order, price, cust), { today: TODAY });
    expect(u.order.masters).toEqual({ products: '价格表', customers: '客户信息' });
    expect(u.masters.products!.byItem.get('FM-201')).toEqual({
      item: 'FM-201',
      row: 2,
      description: '水槽',
      unitPrice: 310,
      qtyPerCarton: 2,
      netWeight: 18.5,
      cartonSize: '72x50x25',
    });
    expect(u.masters.customers!.byName.get('佛山美家')).toEqual({
      customer: '佛山美家',
      row: 2,
      address: '顺德',
      contact: '黄生',
      phone: '0757',
    });
    expect(readMasters(wbOf(order), '订单')).toEqual({ products: null, customers: null });
  });
});

describe('robustness', () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.integer({ min: -5, max: 50000 }),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.constantFrom(
      'Item',
      'Qty',
      '数量',
      '交期',
      '合计',
      'Total',
      '备注: x',
      '12月10日',
      '1,200',
      'TBD',
      '',
      '  ',
      'Order No.',
      '出货日期',
      'PO#',
    ),
    fc.string(),
    fc.constant({ error: '#N/A' }),
  );
  it('understanding a random sheet returns or throws OrderClerkError, never changing a value', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 25 }), (grid) => {
        const s = sheetFromGrid('S', grid as CellValue[][]);
        const before = JSON.stringify(s.values);
        try {
          const u = understand(wbOf(s), { today: TODAY });
          expect(u.lines.length).toBe(u.order.dataRows.length);
        } catch (e) {
          if (!(e instanceof OrderClerkError)) throw e;
        }
        expect(JSON.stringify(s.values)).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});
