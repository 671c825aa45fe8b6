// Copied PO cells (tab-separated clipboard text) read like a PO file.
import { pastedCells, pastedWorkbook } from '../../../src/core/po/paste';
import { readPurchaseOrder } from '../../../src/core/po/readPo';

describe('pasted PO cells', () => {
  test('tabs and line ends; quoted cells keep tabs, line ends and doubled quotes', () => {
    expect(pastedCells('a\tb\r\n"x\ty"\t"say ""hi"""\n"two\nlines"\t')).toEqual([
      ['a', 'b'],
      ['x\ty', 'say "hi"'],
      ['two\nlines', ''],
    ]);
  });

  test('a copied Chinese PO block with its header block reads as the file would', () => {
    const text = [
      '订单号：\tCG-20261201\t\t客户：\t宁波远航进出口有限公司',
      '',
      '物料编码\t品名\t数量\t单价\t交货日期',
      'NB-1\t蓝牙音箱\t1,200\t45.5\t2026-12-28',
      'NB-2\t充电宝\t800\t38\t2027/1/5',
    ].join('\r\n');
    const po = readPurchaseOrder(pastedWorkbook(text), { today: '2026-12-01' });
    expect(po.orderNo).toBe('CG-20261201');
    expect(po.customer).toBe('宁波远航进出口有限公司');
    expect(po.lines.map((l) => [l.values.item, l.values.quantity, l.values.unitPrice, l.values.dueDate])).toEqual([
      ['NB-1', 1200, 45.5, '2026-12-28'],
      ['NB-2', 800, 38, '2027-01-05'],
    ]);
  });
});
