// #11 in core, on small grids: the ERP captions (docs/research/erp-captions.md), an exact word beating a weak one
// across the row, requestedDate beside a confirmed due date, openQty without a shipped column, 民國 and serial-text
// dates, error values in a date column, and never a silent all-clear (column.missing).

import { readDate, type DateContext } from '../../src/core/cells';
import { checkOrder } from '../../src/core/checks';
import { isoToSerial } from '../../src/core/dates';
import { classifyLines } from '../../src/core/delay';
import { mapHeaders } from '../../src/core/understand/headerWords';
import type { CellValue } from '../../src/core/types';
import { sheetFromGrid } from '../../src/core/snapshot';
import { missingFields, understand } from '../../src/core/understand';
import { workbookOf } from './helpers/grid';

/** A sheet with its headers as written (not field keys), understood on today. */
function understandGrid(grid: CellValue[][]) {
  return understand(workbookOf([sheetFromGrid('Orders', grid)]), { today: '2026-11-22' });
}

describe('ERP captions map to their fields', () => {
  it.each([
    [
      'Kingdee 销售订单',
      [
        '单据编号',
        '日期',
        '客户',
        '单据状态',
        '物料编码',
        '物料名称',
        '规格型号',
        '销售单位',
        '销售数量',
        '含税单价',
        '价税合计',
        '要货日期',
        '累计出库数量',
        '剩余未出数量（销售）',
        '业务状态',
      ],
      [
        'orderNo',
        'orderDate',
        'customer',
        null,
        'item',
        'description',
        'spec',
        'unit',
        'quantity',
        'unitPrice',
        'amount',
        'dueDate',
        'shippedQty',
        'openQty',
        'status',
      ],
    ],
    [
      'Yonyou U8',
      [
        '订单号',
        '客户简称',
        '存货编码',
        '存货名称',
        '主计量单位',
        '数量',
        '价税合计',
        '预发货日期',
        '预完工日期',
        '累计发货数量',
        '件数',
      ],
      ['orderNo', 'customer', 'item', 'description', 'unit', 'quantity', 'amount', 'dueDate', null, 'shippedQty', null],
    ],
    [
      'ERPNext',
      [
        'Sales Order',
        'Item Code',
        'Item Name',
        'Qty',
        'Delivered Qty',
        'Qty to Deliver',
        'Billed Qty',
        'Rate',
        'Delivery Date',
      ],
      ['orderNo', 'item', 'description', 'quantity', 'shippedQty', 'openQty', null, 'unitPrice', 'dueDate'],
    ],
    [
      'Odoo',
      [
        'Order Reference',
        'Product',
        'Description',
        'Quantity',
        'Delivered Quantity',
        'Invoice Status',
        'Subtotal',
        'Order Status',
      ],
      ['orderNo', 'item', 'description', 'quantity', 'shippedQty', null, 'amount', 'status'],
    ],
    [
      'garment',
      ['PO#', 'Style No.', 'S', 'M', 'Total Qty', 'FOB', 'Ex-Factory', 'ETD', 'Ship Mode'],
      ['orderNo', 'item', null, null, 'quantity', 'unitPrice', 'dueDate', null, null],
    ],
    [
      'Guangdong factory',
      ['客人', '货品', '数量', '走货期', '件数', '欠数'],
      ['customer', 'item', 'quantity', 'dueDate', null, 'openQty'],
    ],
    [
      '繁體 (Digiwin)',
      ['訂單編號', '客戶簡稱', '品號', '訂單數量', '客戶交期', '預交日', '已交數量', '結案碼'],
      ['orderNo', 'customer', 'item', 'quantity', 'requestedDate', 'dueDate', 'shippedQty', 'status'],
    ],
  ])('%s', (_name, headers, fields) => expect(mapHeaders(headers)).toEqual(fields));
});

describe('matching across the row', () => {
  it('an exact "Description" keeps description over a "Product" column before it', () => {
    expect(mapHeaders(['Item No.', 'Product', 'Description', 'Qty'])).toEqual([
      'item',
      null,
      'description',
      'quantity',
    ]);
  });
  it('"Product" is the item when no column names the item, and the description when only that is free', () => {
    expect(mapHeaders(['Product', 'Qty'])).toEqual(['item', 'quantity']);
    expect(mapHeaders(['Item No.', 'Product', 'Qty'])).toEqual(['item', 'description', 'quantity']);
  });
  it('客户交期 is the due date alone, the requested date beside a confirmed one (either side)', () => {
    expect(mapHeaders(['订单号', '数量', '客户交期'])).toEqual(['orderNo', 'quantity', 'dueDate']);
    expect(mapHeaders(['订单号', '数量', '客户交期', '回复交期'])).toEqual([
      'orderNo',
      'quantity',
      'requestedDate',
      'dueDate',
    ]);
    expect(mapHeaders(['订单号', '回复交期', '要求交期'])).toEqual(['orderNo', 'dueDate', 'requestedDate']);
  });
  it('件数 (packages) is never cartons', () => {
    expect(mapHeaders(['货号', '数量', '件数', '箱数'])).toEqual(['item', 'quantity', null, 'cartons']);
  });
});

describe('dates of real sheets', () => {
  const ctx: DateContext = { dateSystem: 1900, referenceSerial: isoToSerial('2026-11-05'), dayFirst: false };
  const ok = (iso: string) => ({ kind: 'ok', value: isoToSerial(iso), fromText: true });
  it.each([
    ['115/12/05', '2026-12-05'],
    ['115.12.08', '2026-12-08'],
    ['115-12-05', '2026-12-05'],
    ['115年12月5日', '2026-12-05'],
    ['民國115年11月15日', '2026-11-15'],
    ['46361', '2026-12-05'],
  ])('%j → %s (fixable text)', (t, iso) => expect(readDate(t, null, ctx)).toEqual(ok(iso)));
  it('a serial-like text out of 2000–2100 stays invalid', () => {
    expect(readDate('12345', null, ctx)).toEqual({ kind: 'invalid', text: '12345' });
  });
});

const today = '2026-11-22';
const s = (iso: string) => isoToSerial(iso);

describe('lines of real sheets', () => {
  it('an error value in the due-date column is cell.error, not required.missing, and the line is noDueDate', () => {
    const grid: CellValue[][] = [
      ['订单号', '产品型号', '数量', '交期'],
      ['SO-1', 'A', 10, { error: '#N/A' }],
      ['SO-2', 'B', 10, { error: '#VALUE!' }],
      ['SO-3', 'C', 10, { error: '#REF!' }],
    ];
    const u = understandGrid(grid);
    expect(checkOrder(u, { lang: 'en-US' }).map((i) => `${i.cell} ${i.code}`)).toEqual([
      'D2 cell.error',
      'D3 cell.error',
      'D4 cell.error',
    ]);
    expect(classifyLines(u, today).map((r) => r.class)).toEqual(['noDueDate', 'noDueDate', 'noDueDate']);
  });

  it('without a shipped column, shipped = quantity − open: an open of 0 is shipped, openQty is the open column', () => {
    const grid: CellValue[][] = [
      ['订单号', '货品', '数量', '走货期', '欠数'],
      ['SO-1', 'A', 3000, s('2026-11-10'), 0],
      ['SO-2', 'B', 1500, s('2026-11-15'), 600],
    ];
    const rows = classifyLines(understandGrid(grid), today);
    expect(rows).toEqual([
      { row: 2, class: 'shipped', daysLate: 0, openQty: 0 },
      { row: 3, class: 'overdue', daysLate: 7, openQty: 600 },
    ]);
  });

  it('daysBehindRequest: the confirmed date − the requested date when positive, only where a requested column exists', () => {
    const grid: CellValue[][] = [
      ['訂單編號', '品號', '訂單數量', '客戶交期', '預交日'],
      ['A-1', 'X', 10, s('2026-12-01'), s('2026-12-05')],
      ['A-2', 'Y', 10, s('2026-12-20'), s('2026-12-15')],
    ];
    const rows = classifyLines(understandGrid(grid), today);
    expect(rows.map((r) => r.daysBehindRequest)).toEqual([4, 0]);
    const plain = classifyLines(
      understandGrid([
        ['订单号', '数量', '交期'],
        ['SO-1', 1, s('2026-12-05')],
      ]),
      today,
    );
    expect(plain[0]).not.toHaveProperty('daysBehindRequest');
  });
});

describe('never a silent all-clear', () => {
  const grid: CellValue[][] = [
    ['订单号', '客户', '产品型号', '颜色', '备注'],
    ['SO-1', '华盛', 'A', '红', ''],
  ];
  it('validate gets one column.missing error per missing field on the header row, in both languages', () => {
    const u = understandGrid(grid);
    expect(missingFields(u.order)).toEqual(['quantity', 'dueDate']);
    const issues = checkOrder(u, { lang: 'en-US' });
    expect(issues.map((i) => [i.cell, i.code, i.field, i.severity])).toEqual([
      ['A1', 'column.missing', 'quantity', 'error'],
      ['A1', 'column.missing', 'dueDate', 'error'],
    ]);
    expect(issues[1].message).toMatch(/^No Due date column found/);
    expect(checkOrder(u, { lang: 'zh-CN' })[0].message).toMatch(/^找不到数量列/);
  });
  it('a sheet with both columns has none', () => {
    const u = understandGrid([
      ['订单号', '数量', '交期'],
      ['SO-1', 1, s('2026-12-05')],
    ]);
    expect(missingFields(u.order)).toEqual([]);
    expect(checkOrder(u, { lang: 'en-US' })).toEqual([]);
  });
});

describe('Odoo products', () => {
  it('an item written `[FM-201] Desk fan` is the item FM-201: its price list entry is found', () => {
    const wb = workbookOf([
      sheetFromGrid('Orders', [
        ['Order Reference', 'Product', 'Description', 'Quantity', 'Unit Price', 'Delivery Date'],
        ['S00012', '[FM-201] Desk fan', 'Desk fan 30 cm', 10, 12.5, s('2026-12-05')],
        ['S00013', '[XX-9] Sample', 'Sample', 1, 0, s('2026-12-05')],
      ]),
      sheetFromGrid('Products', [
        ['Item Code', 'Unit Price'],
        ['FM-201', 12.5],
      ]),
    ]);
    const u = understand(wb, { today });
    expect(u.lines.map((l) => l.text.item)).toEqual(['FM-201', 'XX-9']);
    expect(u.columns.field('item').text(0)).toBe('FM-201');
    expect(checkOrder(u, { lang: 'en-US' }).map((i) => `${i.cell} ${i.code}`)).toEqual(['B3 priceList.unknownItem']);
  });
});

describe('a two-row header', () => {
  it('captions merged down and sub-captions under a group caption make one header: the lower row', () => {
    const sheet = sheetFromGrid('PO Tracking', [
      ['PO#', 'Style No.', 'Size Breakdown', null, 'Ttl Qty', 'Shipment', null],
      [null, null, 'S', 'M', null, 'Ex-Factory', 'ETD'],
      ['4500123411', 'HB-2261', 300, 600, 900, s('2026-11-18'), s('2026-11-22')],
    ]);
    sheet.merges = ['A1:A2', 'B1:B2', 'C1:D1', 'E1:E2', 'F1:G1'];
    const u = understand(workbookOf([sheet]), { today });
    expect(u.order.headerRow).toBe(2);
    expect(u.order.columns).toEqual({ orderNo: 1, item: 2, quantity: 5, dueDate: 6 });
    expect(u.order.dataRows).toEqual([3]);
  });
  it('without a caption merged down, the row below the header is data as before', () => {
    const sheet = sheetFromGrid('Orders', [
      ['订单号', '数量', '交期'],
      ['SO-1', 10, s('2026-12-05')],
    ]);
    sheet.merges = ['A1:C1'];
    expect(understand(workbookOf([sheet]), { today }).order.headerRow).toBe(1);
  });
});

describe('inference from content (SPEC 3)', () => {
  const dmy = 'dd/mm/yyyy';
  function vnSheet(dueAfterOrder: boolean) {
    const rows: CellValue[][] = [
      ['订单号', '客户', '产品型号', '下单日期', 'Số lượng', 'Đơn giá', 'Thành tiền', 'Ngày giao'],
      ['HT-1', 'A', 'VN-1', s('2026-11-01'), 1000, 4.5, 4500, s(dueAfterOrder ? '2026-12-01' : '2026-10-01')],
      ['HT-2', 'A', 'VN-2', s('2026-11-02'), 2400, 3.25, 7800, s(dueAfterOrder ? '2026-12-02' : '2026-10-02')],
      ['HT-3', 'B', 'VN-3', s('2026-11-03'), 600, 12.8, 7680, s(dueAfterOrder ? '2026-12-03' : '2026-10-03')],
      ['HT-4', 'B', 'VN-4', s('2026-11-04'), 1500, 8.2, 12600, s('2026-12-04')],
    ];
    const sheet = sheetFromGrid('Orders', rows);
    sheet.formats = rows.map((r, i) => r.map((_, j) => (i > 0 && (j === 3 || j === 7) ? dmy : null)));
    return understand(workbookOf([sheet]), { today });
  }
  it('quantity × price = amount on most lines identifies all three (the whole-number factor is the quantity)', () => {
    const u = vnSheet(true);
    expect(u.order.inferred).toEqual({ quantity: 5, unitPrice: 6, amount: 7, dueDate: 8 });
    expect(missingFields(u.order)).toEqual([]);
    // Once inferred, the checks run on them: 1,500 × 8.20 = 12,300, not 12,600.
    expect(checkOrder(u, { lang: 'en-US' }).map((i) => `${i.cell} ${i.code}`)).toEqual(['G5 amount.mismatch']);
  });
  it('dates mostly before the order date are not the due date: the sheet says so (column.missing)', () => {
    const u = vnSheet(false);
    expect(u.order.inferred).toEqual({ quantity: 5, unitPrice: 6, amount: 7 });
    expect(missingFields(u.order)).toEqual(['dueDate']);
  });
  it('a sheet whose words find every field infers nothing', () => {
    const u = understandGrid([
      ['订单号', '数量', '单价', '金额', '交期', '备注'],
      ['SO-1', 10, 2, 20, s('2026-12-05'), 3],
      ['SO-2', 10, 2, 20, s('2026-12-05'), 3],
      ['SO-3', 10, 2, 20, s('2026-12-05'), 3],
    ]);
    expect(u.order.inferred).toBeUndefined();
  });
});
