// The demo sample's order lines, price list and customers (the data; sampleWorkbook.ts lays them out as sheets).
// Dates are days from the demo's "today", so the delay picture is the same whatever day it is.

import type * as ExcelJS from 'exceljs';

export interface Product {
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

export const PRODUCTS: Product[] = [
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

export const CUSTOMERS = [
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
export type Due = number | { slash: number } | { monthDay: number } | null;

export interface LineSpec {
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
export const LINES: LineSpec[] = [
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
export const BLANK_AFTER = new Set([13, 26]);
