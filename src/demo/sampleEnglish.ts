// The demo's English sample (?sample=en, the "English sample" button): the same order lines as the Chinese sample,
// as a trading company's export sheet keeps them — headers in row 1 (no title), US dates typed as text on some
// lines, a TBD quantity, a #N/A price, a Grand Total row — with a Price List and a Customers sheet.

import type * as ExcelJS from 'exceljs';
import { BLANK_AFTER, CUSTOMERS, LINES, PRODUCTS, type Due } from './sampleData';
import { addDays } from './sampleWorkbook';

export const EN_ORDER_SHEET = 'Orders';
export const EN_PRODUCT_SHEET = 'Price List';
export const EN_CUSTOMER_SHEET = 'Customers';

const HEADERS = [
  'Line',
  'SO No.',
  'Customer',
  'Order Date',
  'Item',
  'Description',
  'Spec',
  'Qty',
  'Unit',
  'Unit Price (USD)',
  'Amount (USD)',
  'Due Date',
  'Shipped Qty',
  'Ship Date',
  'Status',
  'Remarks',
];
const WIDTHS = [6, 14, 26, 12, 10, 18, 16, 9, 6, 14, 14, 12, 11, 12, 12, 24];
const COL = Object.fromEntries(HEADERS.map((h, i) => [h, i + 1])) as Record<string, number>;

/** The Chinese sample's words in English (a product's name and spec, units, customers, status and remarks). */
const EN: Record<string, string> = {
  台式电风扇: 'Desk fan',
  落地扇: 'Stand fan',
  电热水壶: 'Electric kettle',
  电饭煲: 'Rice cooker',
  吹风机: 'Hair dryer',
  LED台灯: 'LED desk lamp',
  插线板: 'Power strip',
  蒸汽电熨斗: 'Steam iron',
  手持挂烫机: 'Garment steamer',
  '16寸 三档': '16 in, 3 speeds',
  '18寸 遥控': '18 in, remote',
  '1.5L 不锈钢': '1.5 L steel',
  '1.7L 玻璃': '1.7 L glass',
  '3L 智能预约': '3 L, timer',
  '1200W 折叠': '1200 W, folding',
  '8W 护眼': '8 W',
  '5位 3米': '5 sockets, 3 m',
  '2200W': '2200 W',
  '1600W': '1600 W',
  台: 'pcs',
  个: 'pcs',
  深圳华强电子有限公司: 'Brightway Electronics Ltd.',
  东莞长盛五金制品厂: 'Evergreen Hardware Co.',
  广州白云家居用品有限公司: 'Homestyle Living Inc.',
  佛山美达电器有限公司: 'Medallion Appliances GmbH',
  宁波海曙进出口贸易有限公司: 'Harbour Trading Pty Ltd',
  待生产: 'Open',
  备料: 'Materials',
  生产中: 'In production',
  包装中: 'Packing',
  待验货: 'Inspection',
  部分出货: 'Partial',
  已出货: 'Shipped',
  取消: 'Cancelled',
  交期未定: 'Due date to be confirmed',
  余400月底补: 'Balance 400 by month end',
  内胆供应商延误: 'Supplier late with inner pots',
  '出口 FOB宁波': 'Export FOB Ningbo',
  单价待确认: 'Price to be confirmed',
  客户取消: 'Cancelled by customer',
  客户电话确认交期: 'Due date confirmed by phone',
  数量按客户传真: 'Qty as per customer fax',
  '新品 打样中': 'New item, sampling',
  晚1天: '1 day late',
  等客户下单数量: 'Waiting for customer quantity',
  待定: 'TBD',
};

const CONTACTS = ['Mr. Lee', 'Ms. Chen', 'Mr. Wong', 'Ms. Ho', 'Mr. Zhou'];
const ADDRESSES = [
  '1002 Huaqiang North Rd, Shenzhen',
  '8 Xingfa Rd, Chang’an, Dongguan',
  '318 Guangcong 5th Rd, Guangzhou',
  '26 Gongye Ave, Beijiao, Foshan',
  '138 Zhongshan West Rd, Ningbo',
];

/** English for a sample word; the word itself when it has none (item codes, numbers). */
function en(s: string | undefined): string | null {
  if (s === undefined) return null;
  return EN[s] ?? s;
}

/** A due date as the export has it: a date, or text typed the American way (12/8/2026, Dec 10). */
function dueCell(due: Due, today: string): Date | string | null {
  if (due === null) return null;
  if (typeof due === 'number') return addDays(today, due);
  if ('slash' in due) {
    const d = addDays(today, due.slash);
    return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
  }
  const d = addDays(today, due.monthDay);
  return d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}

/** Prices in USD: the Chinese sample's yuan divided by 7 (rounded to cents), text prices kept as text. */
function usd(v: number): number {
  return Math.round((v / 7) * 100) / 100;
}

export function addEnglishSample(wb: ExcelJS.Workbook, today: string): void {
  const ws = wb.addWorksheet(EN_ORDER_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const header = ws.getRow(1);
  HEADERS.forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
  });
  let row = 2;
  const first = row;
  let qtyTotal = 0;
  let amountTotal = 0;
  LINES.forEach((l, n) => {
    const p = PRODUCTS.find((x) => x.item === l.item);
    const r = ws.getRow(row);
    const set = (h: string, v: ExcelJS.CellValue, fmt?: string) => {
      const c = r.getCell(COL[h]);
      c.value = v;
      if (fmt) c.numFmt = fmt;
    };
    const rawPrice = l.price !== undefined ? l.price : p ? p.price : null;
    const price =
      typeof rawPrice === 'number'
        ? usd(rawPrice)
        : typeof rawPrice === 'string'
          ? rawPrice.replace(/^¥(.*)$/, (_, x: string) => `$${usd(Number(x)).toFixed(2)}`)
          : rawPrice;
    const qty = typeof l.qty === 'string' ? (en(l.qty) as string) : l.qty;
    set('Line', n + 1);
    set('SO No.', l.no.replace(/^SO-/, 'EX-'));
    set('Customer', en(CUSTOMERS[l.c].name));
    set('Order Date', addDays(today, l.od), 'm/d/yyyy');
    set('Item', l.item);
    set('Description', en(p ? p.name : undefined) ?? 'Bluetooth speaker');
    set('Spec', en(p ? p.spec : undefined) ?? '5 W');
    set('Qty', qty, typeof qty === 'number' ? '#,##0' : undefined);
    set('Unit', en(p ? p.unit : '个'));
    set('Unit Price (USD)', price ?? null, typeof price === 'number' ? '#,##0.00' : undefined);
    if (typeof qty === 'number' && typeof price === 'number') {
      const amount = Math.round(qty * price * 100) / 100;
      set('Amount (USD)', { formula: `H${row}*J${row}`, result: amount }, '#,##0.00');
      qtyTotal += qty;
      amountTotal += amount;
    } else {
      set('Amount (USD)', null);
      if (typeof qty === 'number') qtyTotal += qty;
    }
    const due = dueCell(l.due, today);
    set('Due Date', due, due instanceof Date ? 'm/d/yyyy' : undefined);
    set('Shipped Qty', l.shipped ?? null, l.shipped !== undefined ? '#,##0' : undefined);
    set('Ship Date', l.shipOn !== undefined ? addDays(today, l.shipOn) : null, 'm/d/yyyy');
    set('Status', en(l.status));
    set('Remarks', en(l.remarks));
    row++;
    if (BLANK_AFTER.has(n + 1)) row++;
  });
  const last = row - 1;
  const total = ws.getRow(row);
  total.getCell(1).value = 'Grand Total';
  total.getCell(COL.Qty).value = { formula: `SUM(H${first}:H${last})`, result: qtyTotal };
  total.getCell(COL.Qty).numFmt = '#,##0';
  total.getCell(COL['Amount (USD)']).value = {
    formula: `SUM(K${first}:K${last})`,
    result: Math.round(amountTotal * 100) / 100,
  };
  total.getCell(COL['Amount (USD)']).numFmt = '#,##0.00';
  for (let c = 1; c <= HEADERS.length; c++) total.getCell(c).font = { bold: true };

  const products = wb.addWorksheet(EN_PRODUCT_SHEET);
  [10, 18, 16, 6, 14, 12, 10, 10, 16].forEach((w, i) => (products.getColumn(i + 1).width = w));
  products.addRow([
    'Item',
    'Description',
    'Spec',
    'Unit',
    'Unit Price (USD)',
    'Qty/Carton',
    'N.W. (kg)',
    'G.W. (kg)',
    'Carton Size (cm)',
  ]).font = { bold: true };
  for (const p of PRODUCTS)
    products.addRow([p.item, en(p.name), en(p.spec), en(p.unit), usd(p.price), p.perCarton, p.nw, p.gw, p.size]);

  const customers = wb.addWorksheet(EN_CUSTOMER_SHEET);
  [28, 12, 16, 36].forEach((w, i) => (customers.getColumn(i + 1).width = w));
  customers.addRow(['Customer', 'Contact', 'Phone', 'Delivery Address']).font = { bold: true };
  CUSTOMERS.forEach((c, i) => customers.addRow([en(c.name), CONTACTS[i], c.phone, ADDRESSES[i]]));
}
