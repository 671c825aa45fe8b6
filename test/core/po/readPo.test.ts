// PO understanding (SPEC 15): the header row and columns as for the order sheet, and the header block's values for
// every line. Expected results written from the sample forms, before the reader.
import { readPurchaseOrder } from '../../../src/core/po/readPo';
import { sheetFromGrid } from '../../../src/core/snapshot';
import { chinesePo, englishPo, workbook } from './samples';

const TODAY = '2026-11-30';

describe('readPurchaseOrder', () => {
  test('an English customer PO: table under a header block, Buyer/PO No. read for every line, Delivery fills gaps', () => {
    const po = readPurchaseOrder(workbook(englishPo()), { today: TODAY });
    expect(po.sheet).toBe('PO');
    expect(po.headerRow).toBe(8);
    expect(po.columns).toEqual({
      lineNo: 1,
      item: 2,
      description: 3,
      quantity: 4,
      unit: 5,
      unitPrice: 6,
      amount: 7,
      dueDate: 8,
    });
    expect(po.block.map((b) => [b.field, b.value, b.cell])).toEqual([
      ['customer', 'Northwind Trading Ltd.', 'B3'],
      ['orderNo', 'NW-4500123', 'A4'],
      ['orderDate', '2026-11-25', 'B5'],
      ['dueDate', '2027-01-31', 'B6'],
    ]);
    expect(po.orderNo).toBe('NW-4500123');
    expect(po.customer).toBe('Northwind Trading Ltd.');
    expect(po.lines.map((l) => l.row)).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]); // total row 21 left out
    expect(po.lines[0].values).toEqual({
      lineNo: 1,
      item: 'NW-100',
      description: 'Desk lamp, black',
      quantity: 500,
      unit: 'pcs',
      unitPrice: 4.2,
      amount: 2100,
      dueDate: '2026-12-20',
      customer: 'Northwind Trading Ltd.',
      orderNo: 'NW-4500123',
      orderDate: '2026-11-25',
    });
    // The line's own due date wins; the Delivery: date only fills the lines without one.
    expect(po.lines[2].values.dueDate).toBe('2027-01-31');
    expect(po.lines[2].fromBlock).toEqual(['customer', 'orderNo', 'orderDate', 'dueDate']);
    expect(po.lines[0].fromBlock).toEqual(['customer', 'orderNo', 'orderDate']);
  });

  test('a Chinese PO: 订单号：/客户： with values in the next cell, 交期：in the same cell', () => {
    const po = readPurchaseOrder(workbook(chinesePo()), { today: TODAY });
    expect(po.headerRow).toBe(5);
    expect(po.lang).toBe('zh-CN');
    expect(po.orderNo).toBe('CG-20261118');
    expect(po.customer).toBe('深圳市华南电子有限公司');
    expect(po.block.map((b) => [b.field, b.value])).toEqual([
      ['orderNo', 'CG-20261118'],
      ['customer', '深圳市华南电子有限公司'],
      ['dueDate', '2026-12-28'],
      ['currency', '人民币'],
    ]);
    expect(po.lines.map((l) => [l.row, l.values.item, l.values.quantity, l.values.dueDate])).toEqual([
      [6, 'HN-A01', 2000, '2026-12-15'],
      [7, 'HN-A02', 1500, '2026-12-28'],
      [8, 'HN-B10', 3000, '2026-12-20'],
      [9, 'HN-C05', 3500, '2026-12-28'],
    ]);
  });

  test('a PO column in the table under "PO No." gets the block number where a line has none', () => {
    const s = sheetFromGrid('PO', [
      ['Buyer:', 'Acme'],
      ['PO No.', 'Item', 'Qty'],
      ['P-1', 'A', 5],
      [null, 'B', 6],
    ]);
    const po = readPurchaseOrder(workbook(s), { today: TODAY });
    expect(po.lines.map((l) => [l.values.orderNo, l.values.customer])).toEqual([
      ['P-1', 'Acme'],
      [undefined, 'Acme'],
    ]);
  });

  test('no table in the PO file is said, not guessed', () => {
    const s = sheetFromGrid('Notes', [['Dear supplier, please quote.']]);
    expect(() => readPurchaseOrder(workbook(s), { today: TODAY })).toThrow(/table/i);
  });
});
