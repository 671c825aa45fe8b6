// The demo's built-in workbook, built with ExcelJS at load time: a small appliance factory's 2026订单 sheet
// as a clerk keeps it (merged title, 制表日期 line, units in headers, numbers and dates typed as text, a 待定
// quantity, a #N/A price, blank rows, a 合计 row), a 价格表 product master and a 客户信息 customer master.
// Dates are placed relative to the demo's "today", so the delay picture is the same whatever day it is.

import * as ExcelJS from 'exceljs';
import { DEMO_TODAY } from './options';
import { BLANK_AFTER, CUSTOMERS, LINES, PRODUCTS, type Due, type LineSpec } from './sampleData';
import { addEnglishSample } from './sampleEnglish';

export { DEMO_TODAY };
export const ORDER_SHEET = '2026订单';
export const PRODUCT_SHEET = '价格表';
export const CUSTOMER_SHEET = '客户信息';
/** Sheet row of the order sheet's header. */
export const HEADER_ROW = 4;

const HEADERS = [
  '序号',
  '订单号',
  '客户',
  '下单日期',
  '产品型号',
  '品名',
  '规格',
  '数量',
  '单位',
  '单价(元)',
  '金额(元)',
  '交期',
  '已出货数量',
  '出货日期',
  '状态',
  '备注',
];
const COL = Object.fromEntries(HEADERS.map((h, i) => [h, i + 1])) as Record<string, number>;
const WIDTHS = [6, 14, 24, 12, 10, 12, 13, 9, 6, 10, 12, 12, 11, 12, 9, 18];

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};

/** YYYY-MM-DD plus `days`, as a UTC midnight Date (ExcelJS writes it as that day's serial). */
export function addDays(iso: string, days: number): Date {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d;
}

function dueCell(due: Due, today: string): Date | string | null {
  if (due === null) return null;
  if (typeof due === 'number') return addDays(today, due);
  if ('slash' in due) {
    const d = addDays(today, due.slash);
    return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
  }
  const d = addDays(today, due.monthDay);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

function numberOf(v: number | string | ExcelJS.CellErrorValue | undefined): number | null {
  return typeof v === 'number' ? v : null;
}

function addOrderSheet(
  wb: ExcelJS.Workbook,
  today: string,
  lines: LineSpec[] = LINES,
  blankAfter: Set<number> = BLANK_AFTER,
): void {
  const ws = wb.addWorksheet(ORDER_SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }] });
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));

  ws.mergeCells(1, 1, 1, HEADERS.length);
  const title = ws.getCell(1, 1);
  title.value = '永兴小家电制品有限公司  2026年销售订单跟踪表';
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  ws.getCell(2, 1).value = `制表日期：${today.replace(/-/g, '/')}    制表人：王芳（跟单部）`;
  ws.getCell(2, 1).font = { color: { argb: 'FF595959' } };
  // Row 3 stays blank, as clerks leave it.

  const header = ws.getRow(HEADER_ROW);
  HEADERS.forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.border = THIN;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = 20;

  let row = HEADER_ROW + 1;
  const firstData = row;
  lines.forEach((l, n) => {
    const p = PRODUCTS.find((x) => x.item === l.item);
    const price = l.price !== undefined ? l.price : p ? p.price : null;
    const r = ws.getRow(row);
    const set = (h: string, v: ExcelJS.CellValue, fmt?: string) => {
      const c = r.getCell(COL[h]);
      c.value = v;
      if (fmt) c.numFmt = fmt;
      c.border = THIN;
    };
    set('序号', n + 1);
    set('订单号', l.no);
    set('客户', CUSTOMERS[l.c].name);
    set('下单日期', addDays(today, l.od), 'yyyy-mm-dd');
    set('产品型号', l.item);
    set('品名', p ? p.name : '蓝牙音箱');
    set('规格', p ? p.spec : '5W 便携');
    set('数量', l.qty, typeof l.qty === 'number' ? '#,##0' : undefined);
    set('单位', p ? p.unit : '个');
    set('单价(元)', price ?? null, typeof price === 'number' ? '0.00' : undefined);
    const q = numberOf(l.qty);
    const pr = numberOf(price ?? undefined);
    // Amount is the clerk's formula where both inputs are numbers; otherwise left for the clerk.
    if (q !== null && pr !== null) {
      set('金额(元)', { formula: `H${row}*J${row}`, result: Math.round(q * pr * 100) / 100 }, '#,##0.00');
    } else if (l.qty === '1,200' && pr !== null) {
      set('金额(元)', 1200 * pr, '#,##0.00');
    } else {
      set('金额(元)', null);
    }
    const due = dueCell(l.due, today);
    set('交期', due, due instanceof Date ? 'yyyy-mm-dd' : undefined);
    set('已出货数量', l.shipped ?? null, l.shipped !== undefined ? '#,##0' : undefined);
    set(
      '出货日期',
      l.shipOn !== undefined ? addDays(today, l.shipOn) : null,
      l.shipOn !== undefined ? 'yyyy-mm-dd' : undefined,
    );
    set('状态', l.status ?? null);
    set('备注', l.remarks ?? null);
    row++;
    if (blankAfter.has(n + 1)) row++;
  });
  const lastData = row - 1;

  const total = ws.getRow(row);
  total.getCell(1).value = '合计';
  total.getCell(1).font = { bold: true };
  const qtyTotal = lines.reduce((s, l) => s + (typeof l.qty === 'number' ? l.qty : 0), 0);
  total.getCell(COL['数量']).value = { formula: `SUM(H${firstData}:H${lastData})`, result: qtyTotal };
  total.getCell(COL['数量']).numFmt = '#,##0';
  let amountTotal = 0;
  lines.forEach((l) => {
    const p = PRODUCTS.find((x) => x.item === l.item);
    const price = l.price !== undefined ? numberOf(l.price) : p ? p.price : null;
    if (typeof l.qty === 'number' && price !== null) amountTotal += Math.round(l.qty * price * 100) / 100;
    else if (l.qty === '1,200' && price !== null) amountTotal += 1200 * price;
  });
  total.getCell(COL['金额(元)']).value = {
    formula: `SUM(K${firstData}:K${lastData})`,
    result: Math.round(amountTotal * 100) / 100,
  };
  total.getCell(COL['金额(元)']).numFmt = '#,##0.00';
  for (let c = 1; c <= HEADERS.length; c++) total.getCell(c).font = { bold: true };
}

function addProductSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(PRODUCT_SHEET);
  const headers = ['产品型号', '品名', '规格', '单位', '单价(元)', '每箱数量', '净重(kg)', '毛重(kg)', '外箱尺寸(cm)'];
  [12, 14, 14, 6, 10, 10, 10, 10, 14].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.addRow(headers);
  ws.getRow(1).eachCell((c) => {
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.border = THIN;
  });
  for (const p of PRODUCTS) {
    const r = ws.addRow([p.item, p.name, p.spec, p.unit, p.price, p.perCarton, p.nw, p.gw, p.size]);
    r.getCell(5).numFmt = '0.00';
    r.eachCell((c) => (c.border = THIN));
  }
}

function addCustomerSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(CUSTOMER_SHEET);
  [26, 10, 16, 44].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.addRow(['客户名称', '联系人', '电话', '送货地址']);
  ws.getRow(1).eachCell((c) => {
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.border = THIN;
  });
  for (const c of CUSTOMERS) ws.addRow([c.name, c.contact, c.phone, c.address]).eachCell((x) => (x.border = THIN));
}

/** `count` order lines for the large demo: the sample's lines over and over, each with its own order number. */
export function manyLines(count: number): LineSpec[] {
  return Array.from({ length: count }, (_, i) => {
    const l = LINES[i % LINES.length];
    return { ...l, no: `SO-2027-${String(i + 1).padStart(5, '0')}` };
  });
}

export type SampleKind = 'orders' | 'en' | 'odd' | 'empty' | 'guessed';

/** A sheet whose headers use words the add-in does not know (票号, 东西, 哪天走…): the first-run state. */
function addOddSheet(wb: ExcelJS.Workbook, today: string): void {
  const ws = wb.addWorksheet('订单明细');
  [12, 24, 12, 8, 12, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getCell(1, 1).value = '跟进表（新客户）';
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  const header = ws.getRow(ODD_HEADER_ROW);
  ['票号', '客人', '东西', '多少', '哪天走', '跟进人'].forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = HEADER_FILL;
  });
  LINES.slice(0, 8).forEach((l, n) => {
    const r = ws.getRow(ODD_HEADER_ROW + 1 + n);
    r.getCell(1).value = l.no;
    r.getCell(2).value = CUSTOMERS[l.c].name;
    r.getCell(3).value = l.item;
    r.getCell(4).value = typeof l.qty === 'number' ? Math.ceil(l.qty / 10) : 1;
    r.getCell(5).value = addDays(today, typeof l.due === 'number' ? l.due : 10);
    r.getCell(5).numFmt = 'yyyy-mm-dd';
    r.getCell(6).value = '王芳';
  });
}

/** The quantity's header in the 'guessed' sample. */
export const GUESSED_HEADER = '多少';

/** Header row of the odd sample's sheet. */
export const ODD_HEADER_ROW = 3;

/**
 * The sample workbook with dates relative to `today` (ISO). `rows` makes a large order sheet of that many lines
 * (the 10,000-row demo); `kind` 'en' gives the English sample (sampleEnglish.ts), 'odd' and 'empty' the first-run
 * states, 'guessed' a column found from its content.
 */
export function buildSampleWorkbook(
  today: string = DEMO_TODAY,
  opts: { rows?: number; kind?: SampleKind } = {},
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Order Clerk demo';
  wb.created = addDays(today, 0);
  if (opts.kind === 'empty') {
    wb.addWorksheet('Sheet1');
    return wb;
  }
  if (opts.kind === 'en') {
    addEnglishSample(wb, today);
    return wb;
  }
  if (opts.kind === 'odd') addOddSheet(wb, today);
  else if (opts.rows && opts.rows > 0) addOrderSheet(wb, today, manyLines(opts.rows), new Set());
  else addOrderSheet(wb, today);
  // 'guessed': the quantity's header is a word no vocabulary knows, so the pane guesses it from quantity × price.
  if (opts.kind === 'guessed') wb.getWorksheet(ORDER_SHEET)!.getCell(HEADER_ROW, COL['数量']).value = GUESSED_HEADER;
  addProductSheet(wb);
  addCustomerSheet(wb);
  return wb;
}

/** Counts the demo shows, for tests: order lines and the customers they belong to. */
export const SAMPLE_FACTS = {
  lines: LINES.length,
  customers: CUSTOMERS.length,
  firstDataRow: HEADER_ROW + 1,
  products: PRODUCTS.length,
};
