// Shared test helper: a small order grid as a WorkbookSnapshot, so tests understand it the way the product does —
// `understand(snapshotOf(grid), { today })` through the real header matching and cell reader. The first grid row
// names the field of each column (null = a column the add-in does not map); it is written into the sheet as a header
// word the clerk would type (English, or Chinese with `lang: 'zh-CN'`). The other rows are the sheet's rows below.

import { isoToSerial, serialToIso } from '../../../src/core/dates';
import { SETTINGS_SHEET, settingsChunks } from '../../../src/core/settings';
import { sheetFromGrid } from '../../../src/core/snapshot';
import type {
  CellValue,
  CustomerInfo,
  FieldKey,
  Lang,
  MasterFieldKey,
  ProductInfo,
  Settings,
  SheetSnapshot,
  Understanding,
  WorkbookSnapshot,
} from '../../../src/core/types';
import { DEFAULT_SETTINGS } from '../../../src/core/types';
import { findHeaderRow, understand } from '../../../src/core/understand';
import { mapHeaders } from '../../../src/core/understand/headerWords';

export interface GridOptions {
  sheet?: string; // default "Orders"
  /** Sheet row of grid[0] (the header row); default 1. */
  headerRow?: number;
  /** Language of the header words; default 'en-US'. */
  lang?: Lang;
  dateSystem?: 1900 | 1904;
  /** A product master sheet: its name (default "Products") and items. */
  products?: { sheet?: string; items: Partial<ProductInfo>[] };
  /** A customer master sheet "Customers". */
  customers?: Partial<CustomerInfo>[];
  /** Settings kept in the workbook (the `_order_clerk` sheet), over the defaults. */
  settings?: Partial<Settings>;
  /** More sheets (a register, earlier documents, a change log). */
  extraSheets?: { name: string; grid: CellValue[][] }[];
}

/** One header word per field, as a clerk types it. */
const HEADER_WORDS: Record<FieldKey | MasterFieldKey, Record<Lang, string>> = {
  lineNo: { 'en-US': 'No.', 'zh-CN': '序号' },
  orderNo: { 'en-US': 'Order No.', 'zh-CN': '订单号' },
  customerPo: { 'en-US': 'Customer PO', 'zh-CN': '客户订单号' },
  customer: { 'en-US': 'Customer', 'zh-CN': '客户' },
  item: { 'en-US': 'Item', 'zh-CN': '产品型号' },
  description: { 'en-US': 'Description', 'zh-CN': '品名' },
  spec: { 'en-US': 'Spec', 'zh-CN': '规格' },
  quantity: { 'en-US': 'Qty', 'zh-CN': '数量' },
  unit: { 'en-US': 'Unit', 'zh-CN': '单位' },
  unitPrice: { 'en-US': 'Unit Price', 'zh-CN': '单价' },
  amount: { 'en-US': 'Amount', 'zh-CN': '金额' },
  currency: { 'en-US': 'Currency', 'zh-CN': '币别' },
  orderDate: { 'en-US': 'Order Date', 'zh-CN': '下单日期' },
  dueDate: { 'en-US': 'Due Date', 'zh-CN': '交期' },
  shipDate: { 'en-US': 'Actual Ship Date', 'zh-CN': '实际出货日期' },
  shippedQty: { 'en-US': 'Shipped Qty', 'zh-CN': '已出货数量' },
  status: { 'en-US': 'Status', 'zh-CN': '状态' },
  remarks: { 'en-US': 'Remarks', 'zh-CN': '备注' },
  cartons: { 'en-US': 'CTNS', 'zh-CN': '箱数' },
  qtyPerCarton: { 'en-US': 'PCS/CTN', 'zh-CN': '每箱数量' },
  netWeight: { 'en-US': 'N.W.', 'zh-CN': '净重' },
  grossWeight: { 'en-US': 'G.W.', 'zh-CN': '毛重' },
  cartonSize: { 'en-US': 'Measurement', 'zh-CN': '外箱尺寸' },
  cbm: { 'en-US': 'CBM', 'zh-CN': '体积' },
  address: { 'en-US': 'Address', 'zh-CN': '送货地址' },
  contact: { 'en-US': 'Contact', 'zh-CN': '联系人' },
  phone: { 'en-US': 'Tel', 'zh-CN': '电话' },
};

/** 1900-system serial of a calendar date, and back (core's own conversions). */
export const serial = isoToSerial;
export const isoOf = serialToIso;

function headerWord(field: FieldKey | MasterFieldKey | null, i: number, lang: Lang): string | null {
  if (field === null) return lang === 'zh-CN' ? `跟单员${i + 1}` : `Clerk ${i + 1}`;
  return HEADER_WORDS[field][lang];
}

/**
 * The order grid as a sheet with real header words (header row at opts.headerRow). Throws when the product would
 * not find that header row or would map a column otherwise than the grid says, so a test never runs on a guess.
 */
export function sheetOf(grid: CellValue[][], opts: GridOptions = {}): SheetSnapshot {
  const lang = opts.lang ?? 'en-US';
  const headerRow = opts.headerRow ?? 1;
  const fields = grid[0].map((f) => (typeof f === 'string' && f !== '' ? (f as FieldKey) : null));
  const header = fields.map((f, i) => headerWord(f, i, lang));
  const mapped = mapHeaders(header);
  fields.forEach((f, i) => {
    if (mapped[i] !== f) throw new Error(`header "${header[i]}" maps to ${mapped[i]}, not ${f}`);
  });
  const pad: CellValue[][] = Array.from({ length: headerRow - 1 }, () => []);
  const s = sheetFromGrid(opts.sheet ?? 'Orders', [...pad, header, ...grid.slice(1)]);
  if (findHeaderRow(s) !== headerRow && opts.settings?.headerRowOverrides === undefined)
    throw new Error(`the header row would be found at ${findHeaderRow(s)}, not ${headerRow}`);
  return s;
}

/** The order grid and its masters, settings and extra sheets as one workbook (the order sheet active). */
export function snapshotOf(grid: CellValue[][], opts: GridOptions = {}): WorkbookSnapshot {
  const lang = opts.lang ?? 'en-US';
  const sheets = [sheetOf(grid, opts)];
  if (opts.products) sheets.push(productSheet(opts.products.sheet ?? 'Products', opts.products.items, lang));
  if (opts.customers) sheets.push(customerSheet(opts.customers, lang));
  for (const s of opts.extraSheets ?? []) sheets.push(sheetFromGrid(s.name, s.grid));
  if (opts.settings) sheets.push(settingsSheet({ ...DEFAULT_SETTINGS, ...opts.settings }));
  return workbookOf(sheets, opts.dateSystem ?? 1900);
}

/** understand(snapshotOf(grid, opts)): what the product understands of the grid's workbook on `today`. */
export function understandGrid(grid: CellValue[][], opts: GridOptions = {}, today = '2026-11-22'): Understanding {
  return understand(snapshotOf(grid, opts), { today });
}

export function workbookOf(sheets: SheetSnapshot[], dateSystem: 1900 | 1904 = 1900): WorkbookSnapshot {
  return { sheets, dateSystem, activeSheet: sheets[0]?.name ?? null };
}

/** A master sheet: a header row of the fields any item has, then one row per item. */
function masterSheet<T extends object>(
  name: string,
  items: T[],
  first: (keyof T & (FieldKey | MasterFieldKey))[],
  lang: Lang,
): SheetSnapshot {
  const keys = [...first];
  for (const it of items)
    for (const k of Object.keys(it)) if (k !== 'row' && !keys.includes(k as never)) keys.push(k as never);
  const rows: CellValue[][] = items.map((it) => keys.map((k) => (it[k] as CellValue | undefined) ?? null));
  return sheetFromGrid(name, [keys.map((k) => HEADER_WORDS[k][lang]), ...rows]);
}

function productSheet(name: string, items: Partial<ProductInfo>[], lang: Lang): SheetSnapshot {
  return masterSheet(name, items, ['item', 'unitPrice'], lang);
}

function customerSheet(customers: Partial<CustomerInfo>[], lang: Lang): SheetSnapshot {
  return masterSheet('Customers', customers, ['customer', 'address'], lang);
}

function settingsSheet(settings: Settings): SheetSnapshot {
  const s = sheetFromGrid(
    SETTINGS_SHEET,
    settingsChunks(JSON.stringify(settings)).map((c) => [c]),
  );
  return { ...s, visibility: 'veryHidden' };
}
