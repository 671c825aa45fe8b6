// Customer POs and order sheets for the import tests, as grids (row 1 first). Expected results are written in the
// tests beside them, before the code that reads them.
import { isoToSerial } from '../../../src/core/dates';
import { sheetFromGrid } from '../../../src/core/snapshot';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/types';

export const d = (iso: string): number => isoToSerial(iso);

/** 12 lines of an English customer PO: item, description, qty, unit price, due date (ISO or null: the block's). */
export const NW_LINES: [string, string, number, number, string | null][] = [
  ['NW-100', 'Desk lamp, black', 500, 4.2, '2026-12-20'],
  ['NW-101', 'Desk lamp, white', 300, 4.2, '2026-12-20'],
  ['NW-102', 'Floor lamp', 120, 18.5, null],
  ['NW-103', 'Lamp shade 30 cm', 800, 1.35, '2026-12-22'],
  ['NW-104', 'Lamp shade 40 cm', 600, 1.6, '2026-12-22'],
  ['NW-105', 'LED bulb E27 9W', 5000, 0.42, '2027-01-05'],
  ['NW-106', 'LED bulb E14 5W', 3000, 0.38, '2027-01-05'],
  ['NW-107', 'Power cord 1.8 m', 1200, 0.9, null],
  ['NW-108', 'Dimmer switch', 400, 2.75, '2027-01-10'],
  ['NW-109', 'Wall bracket', 900, 0.65, '2027-01-10'],
  ['NW-110', 'Clamp lamp', 250, 6.8, '2027-01-15'],
  ['NW-111', 'Gift box', 1000, 0.3, '2027-01-15'],
];

/** "PURCHASE ORDER" form: a header block (Buyer: in two cells, PO No.: in one cell, Delivery: default), table at row 8. */
export function englishPo(lines = NW_LINES, poNo = 'NW-4500123'): SheetSnapshot {
  const grid: CellValue[][] = [
    ['PURCHASE ORDER', null, null, null, null, null, null, null],
    [null, null, null, null, null, null, null, null],
    ['Buyer:', 'Northwind Trading Ltd.', null, null, null, 'Page 1 of 1', null, null],
    [`PO No.: ${poNo}`, null, null, null, null, null, null, null],
    ['PO Date:', d('2026-11-25'), null, null, null, null, null, null],
    ['Delivery:', '2027-01-31', null, null, null, null, null, null],
    [null, null, null, null, null, null, null, null],
    ['Line', 'Item No.', 'Description', 'Qty', 'Unit', 'Unit Price', 'Amount', 'Delivery Date'],
    ...lines.map(([item, desc, qty, price, due], i) => [
      i + 1,
      item,
      desc,
      qty,
      'pcs',
      price,
      Math.round(qty * price * 100) / 100,
      due === null ? null : d(due),
    ]),
    ['Total', null, null, lines.reduce((s, l) => s + l[2], 0), null, null, null, null],
  ];
  const formats = grid.map((r, i) =>
    r.map((_, j) => (j === 7 && i >= 8 ? 'yyyy-mm-dd' : i === 4 && j === 1 ? 'yyyy-mm-dd' : null)),
  );
  return sheetFromGrid('PO', grid, formats);
}

/** 采购订单: 订单号：/客户：in one row (value in the next cell), 交期：in one cell; table at row 5. */
export function chinesePo(): SheetSnapshot {
  const grid: CellValue[][] = [
    ['采购订单', null, null, null, null, null, null, null, null],
    ['订单号：', 'CG-20261118', null, '客户：', '深圳市华南电子有限公司', null, null, null, null],
    ['交期：2026-12-28', null, null, null, '币别：人民币', null, null, null, null],
    [null, null, null, null, null, null, null, null, null],
    ['序号', '物料编码', '品名', '规格', '数量', '单位', '单价', '金额', '交货日期'],
    [1, 'HN-A01', '电源适配器', '12V 2A', 2000, '个', 8.5, 17000, d('2026-12-15')],
    [2, 'HN-A02', '电源适配器', '5V 3A', 1500, '个', 7.2, 10800, null],
    [3, 'HN-B10', '数据线', '1米 Type-C', 3000, '条', 2.1, 6300, d('2026-12-20')],
    [4, 'HN-C05', '包装盒', '彩盒', 3500, '个', 0.8, 2800, null],
    ['合计', null, null, null, 10000, null, null, 36900, null],
  ];
  return sheetFromGrid('采购单', grid);
}

/** Order tracking sheet: title, header at row 3, 5 lines, Amount (G) = Qty × Unit Price as formulas. */
export function orderSheet(): SheetSnapshot {
  const grid: CellValue[][] = [
    ['Order Tracking 2026', null, null, null, null, null, null, null, null, null],
    [null, null, null, null, null, null, null, null, null, null],
    ['Order No.', 'Customer', 'Item', 'Description', 'Qty', 'Unit Price', 'Amount', 'Due Date', 'Shipped', 'Status'],
    ['SO-2611-01', 'Contoso', 'CT-1', 'Table fan', 200, 12, 2400, d('2026-12-01'), 0, null],
    ['SO-2611-01', 'Contoso', 'CT-2', 'Stand fan', 100, 20, 2000, d('2026-12-01'), 100, 'Shipped'],
    ['SO-2611-02', 'Fabrikam', 'FB-7', 'Heater', 50, 35, 1750, d('2026-12-10'), 0, null],
    ['NW-4500100', 'Northwind Trading Ltd.', 'NW-100', 'Desk lamp, black', 300, 4.2, 1260, d('2026-11-30'), 0, null],
    ['SO-2611-03', 'Contoso', 'CT-9', 'Fan blade', 1000, 0.5, 500, d('2026-12-12'), 0, null],
  ];
  const formats = grid.map((r, i) => r.map((_, j) => (j === 7 && i >= 3 ? 'yyyy-mm-dd' : null)));
  return { ...sheetFromGrid('Orders', grid, formats), formulaCells: ['G4:G8'] };
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets, dateSystem: 1900, activeSheet: null };
}
