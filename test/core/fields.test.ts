import { FIELD_DEFS } from '../../src/core/fields';
import {
  isNoteText,
  isTotalText,
  mapHeaders,
  matchField,
  normalizeHeader,
} from '../../src/core/understand/headerWords';

describe('normalizeHeader', () => {
  it.each([
    ['Unit Price (USD)', 'unitprice'],
    ['单价(元)', '单价'],
    ['单价（元）', '单价'],
    ['Ｑｔｙ', 'qty'],
    ['N.W.(KG)', 'nw'],
    ['PO#', 'pono'],
    [' Order  No. ', 'orderno'],
    ['数量\n(pcs)', '数量'],
    ['(kg)', 'kg'],
  ])('%j → %j', (h, n) => expect(normalizeHeader(h)).toBe(n));
});

describe('matchField', () => {
  it.each([
    ['序号', 'lineNo'],
    ['No.', 'lineNo'],
    ['#', 'lineNo'],
    ['订单编号', 'orderNo'],
    ['訂單號碼', 'orderNo'],
    ['Order No.', 'orderNo'],
    ['客戶', 'customer'],
    ['Client', 'customer'],
    ['料号', 'item'],
    ['Part No.', 'item'],
    ['SKU', 'item'],
    ['品名', 'description'],
    ['规格', 'spec'],
    ['數量', 'quantity'],
    ['Qty (pcs)', 'quantity'],
    ['UOM', 'unit'],
    ['含税单价', 'unitPrice'],
    ['Price', 'unitPrice'],
    ['金额(元)', 'amount'],
    ['Line Total', 'amount'],
    ['币种', 'currency'],
    ['PO Date', 'orderDate'],
    ['要求交期', 'dueDate'],
    ['Ex-Factory Date', 'dueDate'],
    ['实际出货日期', 'shipDate'],
    ['已交数量', 'shippedQty'],
    ['Qty Shipped', 'shippedQty'],
    ['订单状态', 'status'],
    ['備註', 'remarks'],
    ['CTNS', 'cartons'],
    ['PCS/CTN', 'qtyPerCarton'],
    ['G.W.', 'grossWeight'],
    ['外箱尺寸(CM)', 'cartonSize'],
    ['CBM', 'cbm'],
    ['出货日期', 'dueDate'],
    ['PO No.', 'orderNo'],
    ['Customer PO', 'orderNo'],
  ])('%j → %s', (h, f) => expect(matchField(h)).toBe(f));

  it('master-only fields need includeMaster', () => {
    expect(matchField('送货地址')).toBeNull();
    expect(matchField('送货地址', true)).toBe('address');
    expect(matchField('Attn', true)).toBe('contact');
    expect(matchField('联系电话', true)).toBe('phone');
  });

  it('unknown headers stay unmapped', () => {
    expect(matchField('业务员')).toBeNull();
    expect(matchField('')).toBeNull();
  });

  it('every word of the table maps to its own field', () => {
    for (const d of FIELD_DEFS)
      for (const w of d.words) {
        const f = matchField(w, true);
        // Words shared with the ambiguous list resolve by the SPEC rules instead.
        if (f !== d.key) throw new Error(`${w} → ${f}, expected ${d.key}`);
      }
  });
});

describe('mapHeaders (SPEC 2 rules)', () => {
  it('出货日期 is dueDate alone, shipDate beside a due-date column', () => {
    expect(mapHeaders(['型号', '出货日期'])).toEqual(['item', 'dueDate']);
    expect(mapHeaders(['型号', '出货日期', '交期'])).toEqual(['item', 'shipDate', 'dueDate']);
  });
  it('a PO column is customerPo only beside an orderNo column', () => {
    expect(mapHeaders(['Customer PO', 'Item'])).toEqual(['orderNo', 'item']);
    expect(mapHeaders(['Customer PO', 'Order No.'])).toEqual(['customerPo', 'orderNo']);
    expect(mapHeaders(['PO No.', 'Customer PO'])).toEqual(['orderNo', 'customerPo']);
  });
  it('two columns never map to the same field: the first wins', () => {
    expect(mapHeaders(['数量', '订单数量', null])).toEqual(['quantity', null, null]);
  });
});

describe('total and note lines', () => {
  it.each(['小计', '合计：', '總計', 'Total', 'TOTAL:', 'Grand Total', 'Subtotal', 'Total amount', 'Total 12'])(
    '%j is a total',
    (t) => expect(isTotalText(t)).toBe(true),
  );
  it.each(['Total Supply Co.', 'Totalis', 'XS-261001', '佛山美家'])('%j is not a total', (t) =>
    expect(isTotalText(t)).toBe(false),
  );
  it('note prefixes, full-width colon too', () => {
    expect(isNoteText('备注：以上价格含税')).toBe(true);
    expect(isNoteText('Note: prices in USD')).toBe(true);
    expect(isNoteText('备注')).toBe(false);
  });
});
