// The demo's built-in workbook is the messy sheet the SPEC describes, with dates placed around "today".

import type * as ExcelJS from 'exceljs';
import {
  buildSampleWorkbook,
  CUSTOMER_SHEET,
  HEADER_ROW,
  ODD_HEADER_ROW,
  ORDER_SHEET,
  PRODUCT_SHEET,
  SAMPLE_FACTS,
} from '../../src/demo/sampleWorkbook';
import { planWriteSettings, readSettings } from '../../src/core/settings';
import { checkOrder } from '../../src/core/checks';
import { classifyLines } from '../../src/core/delay';
import { understand } from '../../src/core/understand';
import { withHeaderRow } from '../../src/taskpane/model';
import { writeWorkbook } from '../xlsx/writeHelpers';
import { snapshotOf } from '../../src/xlsx/exceljs';
import { demoOptionsFrom } from '../../src/demo/options';

function values(ws: ExcelJS.Worksheet, col: number): unknown[] {
  const out: unknown[] = [];
  ws.getColumn(col).eachCell({ includeEmpty: false }, (c) => out.push(c.value));
  return out;
}

describe('sample workbook', () => {
  const wb = buildSampleWorkbook('2026-11-22');
  const ws = wb.getWorksheet(ORDER_SHEET) as ExcelJS.Worksheet;

  it('has the order sheet and both masters', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([ORDER_SHEET, PRODUCT_SHEET, CUSTOMER_SHEET]);
  });

  it('has a merged title, a 制表日期 line, a blank row and units in the headers', () => {
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.getCell('P1').master.address).toBe('A1');
    expect(String(ws.getCell('A2').value)).toMatch(/^制表日期：2026\/11\/22/);
    expect(ws.getRow(3).cellCount).toBe(0);
    expect(ws.getCell(HEADER_ROW, 2).value).toBe('订单号');
    expect(ws.getCell(HEADER_ROW, 10).value).toBe('单价(元)');
  });

  it('carries the mess a clerk leaves: text numbers and dates, 待定, #N/A, blank rows, a 合计 row', () => {
    const qty = values(ws, 8);
    expect(qty).toContain('1,200');
    expect(qty).toContain('待定');
    const price = values(ws, 10);
    expect(price).toContain('¥45.00');
    expect(price).toContainEqual({ error: '#N/A' });
    const due = values(ws, 12);
    expect(due).toContain('2026/12/8');
    expect(due).toContain('12月10日');
    const status = values(ws, 15);
    expect(status).toEqual(expect.arrayContaining(['已出货', '部分出货', '取消']));
    const col1 = values(ws, 1);
    expect(col1[col1.length - 1]).toBe('合计');
    // 40 numbered lines, 2 blank rows inside, then the total row.
    expect(SAMPLE_FACTS.lines).toBe(40);
    expect(ws.getCell(HEADER_ROW + 1 + 40 + 2, 1).value).toBe('合计');
    expect(ws.getRow(HEADER_ROW + 14).cellCount).toBe(0);
  });

  it('places dates relative to today', () => {
    const later = buildSampleWorkbook('2027-01-10').getWorksheet(ORDER_SHEET) as ExcelJS.Worksheet;
    expect(ws.getCell(HEADER_ROW + 1, 4).value).toEqual(new Date('2026-09-21T00:00:00Z'));
    expect(later.getCell(HEADER_ROW + 1, 4).value).toEqual(new Date('2026-11-09T00:00:00Z'));
  });

  it('has five customers with addresses and a price list with packing data', () => {
    const customers = wb.getWorksheet(CUSTOMER_SHEET) as ExcelJS.Worksheet;
    expect(customers.getRow(1).values).toEqual([undefined, '客户名称', '联系人', '电话', '送货地址']);
    expect(customers.rowCount).toBe(1 + SAMPLE_FACTS.customers);
    const products = wb.getWorksheet(PRODUCT_SHEET) as ExcelJS.Worksheet;
    expect(products.getCell('F1').value).toBe('每箱数量');
    expect(products.getCell('I2').value).toBe('62*44*48');
  });
});

describe('demo options', () => {
  it('takes ?today and ?lang when valid', () => {
    const defaults = { today: '2026-11-22', lang: 'zh-CN', theme: 'light', rows: null, sample: 'orders' };
    expect(demoOptionsFrom('?today=2026-12-01&lang=en-US')).toEqual({
      ...defaults,
      today: '2026-12-01',
      lang: 'en-US',
    });
    expect(demoOptionsFrom('?today=tomorrow&lang=fr')).toEqual(defaults);
    expect(demoOptionsFrom('')).toEqual(defaults);
    expect(demoOptionsFrom('?rows=10000&theme=dark&sample=odd')).toEqual({
      ...defaults,
      rows: 10000,
      theme: 'dark',
      sample: 'odd',
    });
    expect(demoOptionsFrom('?rows=-3&theme=pink&sample=x')).toEqual(defaults);
    expect(demoOptionsFrom('?rows=100001')).toEqual(defaults);
  });
});

describe('large and first-run samples', () => {
  it('makes a 10,000-line order sheet that core reads as 10,000 order lines', () => {
    const wb = buildSampleWorkbook('2026-11-22', { rows: 10000 });
    const u = understand(snapshotOf(wb), { today: '2026-11-22' });
    expect(u.order.sheet).toBe(ORDER_SHEET);
    expect(u.order.dataRows).toHaveLength(10000);
    expect(u.lines[9999].text.orderNo).toBe('SO-2027-10000');
  });

  it('gives an odd sheet core does not recognise until the clerk points at its header row', async () => {
    const wb = buildSampleWorkbook('2026-11-22', { kind: 'odd' });
    const snap = snapshotOf(wb);
    expect(() => understand(snap, { today: '2026-11-22' })).toThrow(expect.objectContaining({ code: 'noOrderTable' }));
    // What the pane's "Use selected row as header" saves: settings.headerRowOverrides[sheet] = row.
    const settings = withHeaderRow(readSettings(snap), '订单明细', ODD_HEADER_ROW);
    const written = (await writeWorkbook(wb, [planWriteSettings(settings)])).workbook;
    const u = understand(snapshotOf(written), { today: '2026-11-22', sheet: '订单明细' });
    expect(u.order.headerRow).toBe(ODD_HEADER_ROW);
    expect(u.order.dataRows).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    expect(u.order.columns.customer).toBe(2);
    // Without naming the sheet too (the pane's first read after saving).
    expect(understand(snapshotOf(written), { today: '2026-11-22' }).order.sheet).toBe('订单明细');
  });

  it('gives an English sample core reads with every column, both masters and the same mess as the Chinese one', () => {
    const u = understand(snapshotOf(buildSampleWorkbook('2026-11-22', { kind: 'en' })), { today: '2026-11-22' });
    expect(u.order.sheet).toBe('Orders');
    expect(u.order.headerRow).toBe(1);
    expect(u.order.dataRows).toHaveLength(SAMPLE_FACTS.lines);
    expect(u.order.lang).toBe('en-US');
    expect(Object.keys(u.order.columns).sort()).toEqual(
      [
        'lineNo',
        'orderNo',
        'customer',
        'orderDate',
        'item',
        'description',
        'spec',
        'quantity',
        'unit',
        'unitPrice',
        'amount',
        'dueDate',
        'shipDate',
        'shippedQty',
        'status',
        'remarks',
      ].sort(),
    );
    expect(u.order.masters.products).toBe('Price List');
    expect(u.order.masters.customers).toBe('Customers');
    // Same kinds of issue as the Chinese sample: text numbers and dates, a TBD quantity, a #N/A price.
    const codes = new Set(checkOrder(u, { lang: 'en-US' }).map((i) => i.code));
    for (const c of ['text.number', 'text.date', 'number.invalid', 'cell.error']) expect(codes).toContain(c);
    const classes = new Set(classifyLines(u, '2026-11-22').map((c) => c.class));
    for (const c of ['shipped', 'overdue', 'dueSoon', 'onTrack', 'cancelled']) expect(classes).toContain(c);
  });

  it('gives an empty workbook', () => {
    const snap = snapshotOf(buildSampleWorkbook('2026-11-22', { kind: 'empty' }));
    expect(() => understand(snap, { today: '2026-11-22' })).toThrow(expect.objectContaining({ code: 'emptyWorkbook' }));
  });
});
