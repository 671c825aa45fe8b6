// The demo's built-in workbook, built with ExcelJS at load time: a small appliance factory's 2026订单 sheet
// as a clerk keeps it (merged title, 制表日期 line, units in headers, numbers and dates typed as text, a 待定
// quantity, a #N/A price, blank rows, a 合计 row), a 价格表 product master and a 客户信息 customer master.
// Dates are placed relative to the demo's "today", so the delay picture is the same whatever day it is.

import * as ExcelJS from 'exceljs';

export const DEMO_TODAY = '2026-11-22';
export const ORDER_SHEET = '2026订单';
export const PRODUCT_SHEET = '价格表';
export const CUSTOMER_SHEET = '客户信息';
/** Sheet row of the order sheet's header. */
export const HEADER_ROW = 4;

interface Product {
  item: string;
  name: string;
  spec: string;
  unit: string;
  price: number;
  perCarton: number;
  nw: number; // kg per full carton
  gw: number;
  size: string; // cm
}

const PRODUCTS: Product[] = [
  {
    item: 'FM-201',
    name: '台式电风扇',
    spec: '16寸 三档',
    unit: '台',
    price: 68,
    perCarton: 2,
    nw: 9.2,
    gw: 10.5,
    size: '62*44*48',
  },
  {
    item: 'FM-202',
    name: '落地扇',
    spec: '18寸 遥控',
    unit: '台',
    price: 128,
    perCarton: 1,
    nw: 8.5,
    gw: 10,
    size: '58*52*40',
  },
  {
    item: 'KT-150',
    name: '电热水壶',
    spec: '1.5L 不锈钢',
    unit: '个',
    price: 35,
    perCarton: 12,
    nw: 14.4,
    gw: 16,
    size: '60*40*45',
  },
  {
    item: 'KT-170',
    name: '电热水壶',
    spec: '1.7L 玻璃',
    unit: '个',
    price: 42.5,
    perCarton: 12,
    nw: 16.8,
    gw: 18.5,
    size: '62*42*48',
  },
  {
    item: 'RC-300',
    name: '电饭煲',
    spec: '3L 智能预约',
    unit: '台',
    price: 158,
    perCarton: 4,
    nw: 12,
    gw: 13.6,
    size: '70*38*36',
  },
  {
    item: 'HD-120',
    name: '吹风机',
    spec: '1200W 折叠',
    unit: '个',
    price: 26.8,
    perCarton: 24,
    nw: 12.5,
    gw: 14,
    size: '55*40*35',
  },
  {
    item: 'LP-08',
    name: 'LED台灯',
    spec: '8W 护眼',
    unit: '个',
    price: 45,
    perCarton: 20,
    nw: 11,
    gw: 12.5,
    size: '50*40*42',
  },
  {
    item: 'CP-05',
    name: '插线板',
    spec: '5位 3米',
    unit: '个',
    price: 18.6,
    perCarton: 50,
    nw: 15,
    gw: 16.2,
    size: '48*36*30',
  },
  {
    item: 'IR-220',
    name: '蒸汽电熨斗',
    spec: '2200W',
    unit: '个',
    price: 52,
    perCarton: 16,
    nw: 18.4,
    gw: 20,
    size: '56*42*38',
  },
  {
    item: 'HM-16',
    name: '手持挂烫机',
    spec: '1600W',
    unit: '台',
    price: 88,
    perCarton: 8,
    nw: 13.6,
    gw: 15.2,
    size: '60*45*40',
  },
];

const CUSTOMERS = [
  {
    name: '深圳华强电子有限公司',
    contact: '李建国',
    phone: '0755-8321 6688',
    address: '深圳市福田区华强北路1002号赛格广场18楼',
  },
  { name: '东莞长盛五金制品厂', contact: '陈丽', phone: '0769-2266 1385', address: '东莞市长安镇乌沙工业区兴发路8号' },
  {
    name: '广州白云家居用品有限公司',
    contact: '黄志明',
    phone: '020-3622 9017',
    address: '广州市白云区太和镇广从五路318号3号仓',
  },
  {
    name: '佛山美达电器有限公司',
    contact: '何小燕',
    phone: '0757-2881 4450',
    address: '佛山市顺德区北滘镇工业大道26号',
  },
  {
    name: '宁波海曙进出口贸易有限公司',
    contact: '周斌',
    phone: '0574-8730 2216',
    address: '宁波市海曙区中山西路138号天一国际大厦12楼',
  },
];

/** A due date given as days from today, or typed as text in one of the clerk's ways. */
type Due = number | { slash: number } | { monthDay: number } | null;

interface LineSpec {
  no: string;
  c: number; // customer index
  od: number; // order date, days from today
  item: string;
  qty: number | string;
  price?: number | string | ExcelJS.CellErrorValue; // default: the price list's
  due: Due;
  shipped?: number;
  shipOn?: number; // ship date, days from today
  status?: string;
  remarks?: string;
}

// ~40 lines over 5 customers: shipped history, lines late now, lines due this week, and later orders.
const LINES: LineSpec[] = [
  {
    no: 'SO-2026-0812',
    c: 0,
    od: -62,
    item: 'FM-201',
    qty: 600,
    due: -32,
    shipped: 600,
    shipOn: -33,
    status: '已出货',
  },
  {
    no: 'SO-2026-0812',
    c: 0,
    od: -62,
    item: 'FM-202',
    qty: 200,
    due: -32,
    shipped: 200,
    shipOn: -31,
    status: '已出货',
    remarks: '晚1天',
  },
  {
    no: 'SO-2026-0825',
    c: 1,
    od: -55,
    item: 'CP-05',
    qty: 3000,
    due: -25,
    shipped: 3000,
    shipOn: -26,
    status: '已出货',
  },
  {
    no: 'SO-2026-0831',
    c: 2,
    od: -50,
    item: 'KT-150',
    qty: 1200,
    due: -18,
    shipped: 800,
    shipOn: -18,
    status: '部分出货',
    remarks: '余400月底补',
  },
  {
    no: 'SO-2026-0831',
    c: 2,
    od: -50,
    item: 'KT-170',
    qty: 600,
    due: -18,
    shipped: 600,
    shipOn: -19,
    status: '已出货',
  },
  {
    no: 'SO-2026-0840',
    c: 3,
    od: -46,
    item: 'RC-300',
    qty: 480,
    due: -12,
    status: '生产中',
    remarks: '内胆供应商延误',
  },
  {
    no: 'SO-2026-0840',
    c: 3,
    od: -46,
    item: 'HD-120',
    qty: 960,
    due: -12,
    shipped: 960,
    shipOn: -12,
    status: '已出货',
  },
  { no: 'SO-2026-0846', c: 4, od: -44, item: 'LP-08', qty: 2000, due: -9, status: '生产中', remarks: '出口 FOB宁波' },
  {
    no: 'SO-2026-0846',
    c: 4,
    od: -44,
    item: 'IR-220',
    qty: 800,
    due: -9,
    shipped: 400,
    shipOn: -10,
    status: '部分出货',
  },
  { no: 'SO-2026-0851', c: 0, od: -40, item: 'HM-16', qty: 320, due: -6, status: '包装中' },
  {
    no: 'SO-2026-0853',
    c: 1,
    od: -38,
    item: 'CP-05',
    qty: '1,200',
    due: -5,
    status: '生产中',
    remarks: '数量按客户传真',
  },
  { no: 'SO-2026-0855', c: 2, od: -36, item: 'FM-201', qty: 400, due: -3, status: '待验货' },
  { no: 'SO-2026-0858', c: 3, od: -35, item: 'KT-150', qty: 720, due: -2, shipped: 720, shipOn: -2, status: '已出货' },
  { no: 'SO-2026-0860', c: 4, od: -33, item: 'RC-300', qty: 240, due: -1, status: '取消', remarks: '客户取消' },
  { no: 'SO-2026-0862', c: 0, od: -30, item: 'LP-08', qty: 1000, price: '¥45.00', due: 0, status: '生产中' },
  { no: 'SO-2026-0862', c: 0, od: -30, item: 'HD-120', qty: 480, due: 0, status: '生产中' },
  { no: 'SO-2026-0865', c: 1, od: -28, item: 'IR-220', qty: 640, due: 2, status: '生产中' },
  { no: 'SO-2026-0867', c: 2, od: -27, item: 'KT-170', qty: 360, due: 3, status: '备料' },
  { no: 'SO-2026-0869', c: 3, od: -25, item: 'FM-202', qty: 150, due: 4, status: '生产中' },
  {
    no: 'SO-2026-0870',
    c: 4,
    od: -24,
    item: 'HM-16',
    qty: 400,
    price: '¥35.00',
    due: 5,
    status: '生产中',
    remarks: '单价待确认',
  },
  { no: 'SO-2026-0872', c: 0, od: -22, item: 'KT-150', qty: 600, due: 6, status: '备料' },
  { no: 'SO-2026-0874', c: 1, od: -20, item: 'CP-05', qty: 2500, due: 7, status: '待生产' },
  { no: 'SO-2026-0876', c: 2, od: -18, item: 'RC-300', qty: 200, due: 9, status: '待生产' },
  { no: 'SO-2026-0878', c: 3, od: -16, item: 'LP-08', qty: 800, due: { slash: 16 }, status: '待生产' },
  {
    no: 'SO-2026-0879',
    c: 4,
    od: -15,
    item: 'FM-201',
    qty: 500,
    due: { monthDay: 18 },
    status: '待生产',
    remarks: '客户电话确认交期',
  },
  { no: 'SO-2026-0881', c: 0, od: -14, item: 'IR-220', qty: 320, due: 20, status: '待生产' },
  {
    no: 'SO-2026-0882',
    c: 1,
    od: -12,
    item: 'HD-120',
    qty: '待定',
    due: 24,
    status: '待生产',
    remarks: '等客户下单数量',
  },
  {
    no: 'SO-2026-0884',
    c: 2,
    od: -11,
    item: 'HM-16',
    qty: 240,
    price: { error: '#N/A' } as ExcelJS.CellErrorValue,
    due: 25,
    status: '待生产',
  },
  { no: 'SO-2026-0885', c: 3, od: -10, item: 'KT-170', qty: 480, due: 28, status: '待生产' },
  { no: 'SO-2026-0887', c: 4, od: -9, item: 'CP-05', qty: 1800, due: 30, status: '待生产' },
  { no: 'SO-2026-0888', c: 0, od: -8, item: 'FM-202', qty: 300, due: 33, status: '待生产' },
  { no: 'SO-2026-0890', c: 1, od: -7, item: 'LP-08', qty: 600, due: 35, status: '待生产' },
  { no: 'SO-2026-0891', c: 2, od: -6, item: 'FM-201', qty: 360, due: 38, status: '待生产' },
  {
    no: 'SO-2026-0893',
    c: 3,
    od: -5,
    item: 'TB-500',
    qty: 200,
    price: 98,
    due: 40,
    status: '待生产',
    remarks: '新品 打样中',
  },
  { no: 'SO-2026-0894', c: 4, od: -4, item: 'KT-150', qty: 960, due: 42, status: '待生产' },
  { no: 'SO-2026-0895', c: 0, od: -3, item: 'RC-300', qty: 160, due: 45, status: '待生产' },
  { no: 'SO-2026-0896', c: 1, od: -2, item: 'IR-220', qty: 480, due: 48, status: '待生产' },
  { no: 'SO-2026-0897', c: 2, od: -1, item: 'HD-120', qty: 720, due: null, status: '待排产', remarks: '交期未定' },
  { no: 'SO-2026-0898', c: 3, od: 0, item: 'HM-16', qty: 160, due: 52, status: '待生产' },
  { no: 'SO-2026-0898', c: 3, od: 0, item: 'LP-08', qty: 400, due: 52, status: '待生产' },
];

/** Lines after which the clerk left a blank row. */
const BLANK_AFTER = new Set([13, 26]);

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

export type SampleKind = 'orders' | 'odd' | 'empty';

/** A sheet whose headers use words the add-in does not know (单据, 货品, 走货期…): the first-run state. */
function addOddSheet(wb: ExcelJS.Workbook, today: string): void {
  const ws = wb.addWorksheet('订单明细');
  [12, 24, 12, 8, 12, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getCell(1, 1).value = '跟进表（新客户）';
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  const header = ws.getRow(ODD_HEADER_ROW);
  ['单据', '客人', '货品', '件数', '走货期', '跟进人'].forEach((h, i) => {
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

/** Header row of the odd sample's sheet. */
export const ODD_HEADER_ROW = 3;

/**
 * The sample workbook with dates relative to `today` (ISO). `rows` makes a large order sheet of that many lines
 * (the 10,000-row demo); `kind` 'odd' and 'empty' give the first-run states.
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
  if (opts.kind === 'odd') addOddSheet(wb, today);
  else if (opts.rows && opts.rows > 0) addOrderSheet(wb, today, manyLines(opts.rows), new Set());
  else addOrderSheet(wb, today);
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
