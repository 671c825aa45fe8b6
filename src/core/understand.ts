// Sheet understanding (SPEC 3): find the order sheet, its header row, columns, data rows and masters,
// and read every order line. Never changes a value.

import { columnLetter, columnNumber } from './address';
import { cellText, readDate, readNumber, type DateContext } from './cells';
import { isoToSerial, serialToIso, ymdToSerial } from './dates';
import { OrderClerkError } from './errors';
import { isNoteText, isTotalText, mapHeaders } from './fields';
import { SETTINGS_SHEET, readSettings } from './settings';
import { findSheet, lastColumn as sheetLastColumn, lastRow as sheetLastRow } from './snapshot';
import {
  DATE_FIELDS, NUMERIC_FIELDS,
  type CellValue, type CustomerInfo, type DateField, type FieldKey, type Lang, type Masters, type MasterFieldKey,
  type NumericField, type OrderLine, type OrderSheet, type ProductInfo, type Reading, type Settings, type SheetSnapshot,
  type SkipReason, type Understanding, type WorkbookSnapshot,
} from './types';

export interface UnderstandOptions {
  /** Order sheet chosen by name (CLI --sheet); otherwise the active sheet, else the first with an order table. */
  sheet?: string;
  /** ISO date used for year-less dates when a line has no order date. */
  today: string;
}

/** Rows scanned for a header row (SPEC 3: the first 30 at least). */
export const HEADER_SCAN_ROWS = 50;
/** A header row names at least one of these (besides ≥ 2 fields in all). */
const HEADER_KEY_FIELDS: FieldKey[] = ['item', 'quantity', 'orderNo', 'dueDate'];
/** Fields too generic to make a header row on their own (a vessel line-up has QTY and REMARKS too). */
const WEAK_FIELDS = new Set<AnyField>(['lineNo', 'remarks', 'status', 'unit', 'currency', 'spec']);
/** Sheets the CLI/add-in picks automatically must look like orders, not a price list. */
const ORDER_FIELDS: FieldKey[] = ['quantity', 'dueDate', 'orderNo', 'orderDate', 'shippedQty', 'shipDate', 'status'];
const PRODUCT_MASTER_DATA: FieldKey[] = ['unitPrice', 'qtyPerCarton', 'netWeight', 'grossWeight', 'cartonSize'];
/** Sheets the add-in writes itself (settings, change log, register) and the sheets it generates. */
const SYSTEM_SHEET_NAMES = new Set([SETTINGS_SHEET, '变更记录', 'change log', '单据登记', 'documents'].map((n) => n.toLowerCase()));
const GENERATED_SHEET = /^(生产工单|装箱单|送货单|逾期周报|work order|packing list|delivery note|overdue report)(\s|$)/i;

/** True for the add-in's own sheets and the documents/reports it generated: never an order sheet or master. */
export function isSystemSheet(name: string): boolean {
  return SYSTEM_SHEET_NAMES.has(name.trim().toLowerCase()) || GENERATED_SHEET.test(name.trim());
}

/**
 * Throws OrderClerkError: emptyWorkbook, sheetNotFound, noOrderTable, headersWithoutData.
 * Settings are read from the workbook (`_order_clerk`) and their column/header overrides win.
 */
export function understand(wb: WorkbookSnapshot, opts: UnderstandOptions): Understanding {
  const settings = readSettings(wb);
  const order = chooseOrderSheet(wb, settings, opts.sheet);
  const masters = readMasters(wb, order.sheet);
  order.masters = { products: masters.products?.sheet ?? null, customers: masters.customers?.sheet ?? null };
  const lines = readOrderLines(wb, order, settings, opts.today);
  return { order, lines, masters, settings, dateSystem: wb.dateSystem === 1904 ? 1904 : 1900 };
}

function chooseOrderSheet(wb: WorkbookSnapshot, settings: Settings, name: string | undefined): OrderSheet {
  if (name !== undefined) {
    const s = findSheet(wb, name) ?? wb.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new OrderClerkError('sheetNotFound', { sheet: name });
    const d = detectOrderSheet(s, settings);
    if (d.kind === 'order') return d.order;
    if (d.kind === 'headersOnly') throw new OrderClerkError('headersWithoutData', { row: d.headerRow, sheet: s.name });
    if (isSheetEmpty(s) && wb.sheets.every(isSheetEmpty)) throw new OrderClerkError('emptyWorkbook');
    throw new OrderClerkError('noOrderTable', { sheet: s.name });
  }
  const userSheets = wb.sheets.filter((s) => !isSystemSheet(s.name));
  if (userSheets.every(isSheetEmpty)) throw new OrderClerkError('emptyWorkbook');
  const active = wb.activeSheet !== null ? userSheets.find((s) => s.name === wb.activeSheet) : undefined;
  const candidates = (active ? [active] : []).concat(userSheets.filter((s) => s !== active && s.visibility === 'visible'));
  let headersOnly: { row: number; sheet: string } | null = null;
  for (const s of candidates) {
    if (isSheetEmpty(s)) continue;
    const d = detectOrderSheet(s, settings);
    if (d.kind === 'order' && (looksLikeOrders(d.order) || hasOverrides(settings, s.name))) return d.order;
    if (d.kind === 'headersOnly' && headersOnly === null) headersOnly = { row: d.headerRow, sheet: s.name };
  }
  if (headersOnly) throw new OrderClerkError('headersWithoutData', headersOnly);
  throw new OrderClerkError('noOrderTable');
}

function looksLikeOrders(o: OrderSheet): boolean {
  return ORDER_FIELDS.some((f) => o.columns[f] !== undefined);
}

function hasOverrides(settings: Settings, sheet: string): boolean {
  return settings.headerRowOverrides[sheet] !== undefined || settings.columnOverrides[sheet] !== undefined;
}

/** True when no cell of the sheet holds a value. */
export function isSheetEmpty(s: SheetSnapshot): boolean {
  for (const row of s.values) if (row) for (const v of row) if (!isBlank(v)) return false;
  return true;
}

function isBlank(v: CellValue | undefined): boolean {
  if (typeof v === 'string') return v.length === 0 || (v.charCodeAt(0) <= 32 && v.trim() === '') || (v.charCodeAt(0) === 0x3000 && v.trim() === '');
  return v === null || v === undefined;
}

// ---------- header row ----------

type AnyField = FieldKey | MasterFieldKey;

interface HeaderScan {
  row: number;
  /** Per column from s.left: the header text ('' when empty) and its field. */
  texts: string[];
  fields: (AnyField | null)[];
}

/** Text of a header-row cell: strings trimmed, numbers as text, anything else ''. */
function headerText(v: CellValue | undefined): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  return '';
}

function scanRow(s: SheetSnapshot, row: number, includeMaster: boolean): HeaderScan {
  const r = s.values[row - s.top] ?? [];
  const texts = r.map((v) => headerText(v));
  const fields = mapHeaders(texts.map((t) => (t === '' ? null : t)), includeMaster);
  return { row, texts, fields };
}

/** Best-scoring header row among the first rows: most distinct fields; earliest on ties. */
function bestHeaderRow(s: SheetSnapshot, includeMaster: boolean, accept: (fields: Set<AnyField>) => boolean): HeaderScan | null {
  let best: HeaderScan | null = null;
  let bestScore = 1;
  const end = Math.min(sheetLastRow(s), s.top + HEADER_SCAN_ROWS - 1);
  for (let row = s.top; row <= end; row++) {
    const r = s.values[row - s.top];
    if (!r || !r.some((v) => typeof v === 'string')) continue;
    const scan = scanRow(s, row, includeMaster);
    const set = new Set<AnyField>();
    for (const f of scan.fields) if (f !== null) set.add(f);
    if (set.size > bestScore && accept(set)) {
      best = scan;
      bestScore = set.size;
    }
  }
  return best;
}

/** Header row of a sheet by scoring rows (the first 30 at least), or null. */
export function findHeaderRow(s: SheetSnapshot): number | null {
  return bestHeaderRow(s, false, isOrderHeader)?.row ?? null;
}

/** ≥ 2 specific fields, one of them a key field (item, quantity, orderNo, dueDate). */
function isOrderHeader(set: Set<AnyField>): boolean {
  let strong = 0;
  for (const f of set) if (!WEAK_FIELDS.has(f)) strong++;
  return strong >= 2 && HEADER_KEY_FIELDS.some((f) => set.has(f));
}

// ---------- the order sheet ----------

export type SheetDetection =
  | { kind: 'order'; order: OrderSheet }
  | { kind: 'headersOnly'; headerRow: number }
  | { kind: 'none' };

/** The order sheet of one snapshot, or null when it holds no order table. */
export function understandSheet(s: SheetSnapshot, settings: Settings): OrderSheet | null {
  const d = detectOrderSheet(s, settings);
  return d.kind === 'order' ? d.order : null;
}

/** Like understandSheet, but tells a header row without data lines apart from no table at all. */
export function detectOrderSheet(s: SheetSnapshot, settings: Settings): SheetDetection {
  const overrideRow = settings.headerRowOverrides?.[s.name];
  let scan: HeaderScan | null;
  if (typeof overrideRow === 'number' && Number.isInteger(overrideRow) && overrideRow >= s.top && overrideRow <= sheetLastRow(s)) {
    scan = scanRow(s, overrideRow, false);
  } else {
    const row = findHeaderRow(s);
    scan = row === null ? null : scanRow(s, row, false);
  }
  if (!scan) return { kind: 'none' };

  const columnFields = applyOverrides(s, scan, settings.columnOverrides?.[s.name]);
  const columns: Partial<Record<FieldKey, number>> = {};
  const headers: OrderSheet['headers'] = [];
  let firstCol = Infinity;
  let lastCol = -Infinity;
  columnFields.forEach((field, i) => {
    const col = s.left + i;
    const header = scan!.texts[i] ?? '';
    if (field !== null) columns[field] = col;
    if (header === '' && field === null) return;
    headers.push({ column: col, header, field });
    if (col < firstCol) firstCol = col;
    if (col > lastCol) lastCol = col;
  });
  if (Object.keys(columns).length === 0) return { kind: 'none' };

  const rows = classifyRows(s, scan.row, firstCol, lastCol, columns);
  if (rows.dataRows.length === 0) return { kind: 'headersOnly', headerRow: scan.row };
  const lastDataRow = rows.dataRows[rows.dataRows.length - 1];
  return {
    kind: 'order',
    order: {
      sheet: s.name,
      headerRow: scan.row,
      columns,
      headers,
      firstColumn: firstCol,
      lastColumn: lastCol,
      firstDataRow: scan.row + 1,
      lastDataRow,
      dataRows: rows.dataRows,
      skippedRows: rows.skipped,
      masters: { products: null, customers: null },
      lang: headerLang(headers.map((h) => h.header)),
    },
  };
}

/** Column overrides (keyed by letter, or by header text) win; a field keeps one column. */
function applyOverrides(s: SheetSnapshot, scan: HeaderScan, overrides: Record<string, FieldKey | null> | undefined): (FieldKey | null)[] {
  const width = Math.max(scan.fields.length, sheetLastColumn(s) - s.left + 1, 0);
  const out: (FieldKey | null)[] = [];
  for (let i = 0; i < width; i++) {
    const f = scan.fields[i] ?? null;
    out.push(f === 'address' || f === 'contact' || f === 'phone' ? null : (f as FieldKey | null));
  }
  if (!overrides || typeof overrides !== 'object') return trimTrailingNulls(out, scan.texts);
  for (const [key, field] of Object.entries(overrides)) {
    const i = overrideIndex(s, scan, key, out.length);
    if (i < 0) continue;
    if (field !== null && typeof field === 'string') {
      // The overridden field leaves whatever column had it.
      for (let j = 0; j < out.length; j++) if (out[j] === field) out[j] = null;
      while (out.length <= i) out.push(null);
      out[i] = field;
    } else if (field === null && i < out.length) {
      out[i] = null;
    }
  }
  return trimTrailingNulls(out, scan.texts);
}

function trimTrailingNulls(out: (FieldKey | null)[], texts: string[]): (FieldKey | null)[] {
  let n = out.length;
  while (n > 0 && out[n - 1] === null && !texts[n - 1]) n--;
  return out.slice(0, n);
}

function overrideIndex(s: SheetSnapshot, scan: HeaderScan, key: string, width: number): number {
  if (/^[A-Za-z]{1,3}$/.test(key)) {
    const i = columnNumber(key) - s.left;
    return i >= 0 && i < Math.max(width, 16384) ? i : -1;
  }
  return scan.texts.findIndex((t) => t !== '' && t === key.trim());
}

interface RowClasses {
  dataRows: number[];
  skipped: { row: number; reason: SkipReason }[];
}

/** One pass over the rows below the header: order lines, blanks, subtotals and notes. Linear in cells. */
function classifyRows(
  s: SheetSnapshot, headerRow: number, firstCol: number, lastCol: number, columns: Partial<Record<FieldKey, number>>,
): RowClasses {
  const from = firstCol - s.left;
  const to = lastCol - s.left;
  const lineNoIdx = columns.lineNo !== undefined ? columns.lineNo - s.left : -1;
  const itemIdx = columns.item !== undefined ? columns.item - s.left : -1;
  const contentIdx: number[] = [];
  for (const [f, col] of Object.entries(columns)) if (f !== 'lineNo' && col !== undefined) contentIdx.push(col - s.left);
  contentIdx.sort((a, b) => a - b);

  const dataRows: number[] = [];
  const others: { row: number; reason: SkipReason; trailing: boolean }[] = [];
  const last = sheetLastRow(s);
  for (let row = headerRow + 1; row <= last; row++) {
    const r = s.values[row - s.top];
    let first = -1;
    if (r) for (let i = from; i <= to; i++) if (!isBlank(r[i])) { first = i; break; }
    if (first < 0) {
      others.push({ row, reason: 'blank', trailing: false });
      continue;
    }
    const lead = r![first];
    if (typeof lead === 'string') {
      if (isTotalText(lead) && (itemIdx < 0 || itemIdx === first || isBlank(r![itemIdx]))) {
        others.push({ row, reason: 'subtotal', trailing: true });
        continue;
      }
      if (isNoteText(lead)) {
        others.push({ row, reason: 'note', trailing: true });
        continue;
      }
    }
    let content = false;
    for (const i of contentIdx) if (!isBlank(r![i])) { content = true; break; }
    if (content) dataRows.push(row);
    else others.push({ row, reason: typeof lead === 'string' && first !== lineNoIdx ? 'note' : 'blank', trailing: false });
  }
  const lastData = dataRows.length ? dataRows[dataRows.length - 1] : headerRow;
  // After the last line, only the block down to the last total/note row belongs to the table.
  let tailEnd = lastData;
  for (const o of others) if (o.row > lastData && o.trailing) tailEnd = o.row;
  const skipped = others.filter((o) => o.row <= tailEnd).map((o) => ({ row: o.row, reason: o.reason }));
  return { dataRows, skipped };
}

function headerLang(headers: string[]): Lang {
  let cjk = 0;
  let latin = 0;
  for (const h of headers) {
    if (/[\u3400-\u9fff\uf900-\ufaff]/.test(h)) cjk++;
    else if (/[A-Za-z]/.test(h)) latin++;
  }
  return cjk > latin ? 'zh-CN' : 'en-US';
}

// ---------- masters ----------

interface MasterSheet {
  sheet: SheetSnapshot;
  scan: HeaderScan;
}

function isProductMaster(set: Set<AnyField>): boolean {
  return set.has('item') && PRODUCT_MASTER_DATA.some((f) => set.has(f)) &&
    !set.has('orderNo') && !set.has('dueDate') && !set.has('shipDate') && !set.has('shippedQty') && !set.has('orderDate');
}

function isCustomerMaster(set: Set<AnyField>): boolean {
  return set.has('customer') && set.has('address') && !set.has('item') && !set.has('orderNo');
}

/** The product and customer master sheets besides the order sheet (first of each in sheet order). */
export function findMasterSheets(wb: WorkbookSnapshot, orderSheet: string): { products: MasterSheet | null; customers: MasterSheet | null } {
  let products: MasterSheet | null = null;
  let customers: MasterSheet | null = null;
  for (const s of wb.sheets) {
    if (s.name === orderSheet || isSystemSheet(s.name)) continue;
    if (!products) {
      const scan = bestHeaderRow(s, true, isProductMaster);
      if (scan) {
        products = { sheet: s, scan };
        continue;
      }
    }
    if (!customers) {
      const scan = bestHeaderRow(s, true, isCustomerMaster);
      if (scan) customers = { sheet: s, scan };
    }
    if (products && customers) break;
  }
  return { products, customers };
}

export function readMasters(wb: WorkbookSnapshot, orderSheet: string): Masters {
  const found = findMasterSheets(wb, orderSheet);
  const ds = wb.dateSystem === 1904 ? 1904 : 1900;
  const out: Masters = { products: null, customers: null };
  if (found.products) {
    const byItem = new Map<string, ProductInfo>();
    eachMasterRow(found.products, ds, (row, get, num) => {
      const item = get('item');
      if (item === '' || byItem.has(item)) return;
      const p: ProductInfo = { item, row };
      setText(p, 'description', get('description'));
      setText(p, 'spec', get('spec'));
      setText(p, 'unit', get('unit'));
      setText(p, 'cartonSize', get('cartonSize'));
      for (const f of ['unitPrice', 'qtyPerCarton', 'netWeight', 'grossWeight', 'cbm'] as const) {
        const n = num(f);
        if (n !== null) p[f] = n;
      }
      byItem.set(item, p);
    });
    out.products = { sheet: found.products.sheet.name, byItem };
  }
  if (found.customers) {
    const byName = new Map<string, CustomerInfo>();
    eachMasterRow(found.customers, ds, (row, get) => {
      const customer = get('customer');
      if (customer === '' || byName.has(customer)) return;
      const c: CustomerInfo = { customer, row };
      setText(c, 'address', get('address'));
      setText(c, 'contact', get('contact'));
      setText(c, 'phone', get('phone'));
      byName.set(customer, c);
    });
    out.customers = { sheet: found.customers.sheet.name, byName };
  }
  return out;
}

function setText<T extends object, K extends keyof T>(target: T, key: K, text: string): void {
  if (text !== '') (target as Record<K, unknown>)[key] = text;
}

function eachMasterRow(
  m: MasterSheet, ds: 1900 | 1904,
  visit: (row: number, get: (f: AnyField) => string, num: (f: NumericField) => number | null) => void,
): void {
  const s = m.sheet;
  const idx = new Map<AnyField, number>();
  m.scan.fields.forEach((f, i) => { if (f !== null && !idx.has(f)) idx.set(f, i); });
  const last = sheetLastRow(s);
  for (let row = m.scan.row + 1; row <= last; row++) {
    const r = s.values[row - s.top];
    const fr = s.formats?.[row - s.top];
    if (!r) continue;
    const lead = r.find((v) => !isBlank(v));
    if (lead === undefined || (typeof lead === 'string' && (isTotalText(lead) || isNoteText(lead)))) continue;
    const get = (f: AnyField): string => {
      const i = idx.get(f);
      return i === undefined ? '' : cellText(r[i] ?? null, fr?.[i] ?? null, ds);
    };
    const num = (f: NumericField): number | null => {
      const i = idx.get(f);
      if (i === undefined) return null;
      const rd = readNumber(r[i] ?? null);
      return rd.kind === 'ok' ? rd.value : null;
    };
    visit(row, get, num);
  }
}

// ---------- order lines ----------

const NUMERIC = new Set<string>(NUMERIC_FIELDS);
const DATES = new Set<string>(DATE_FIELDS);

export function readOrderLines(wb: WorkbookSnapshot, order: OrderSheet, settings: Settings, today: string): OrderLine[] {
  const s = findSheet(wb, order.sheet);
  if (!s) return [];
  const ds: 1900 | 1904 = wb.dateSystem === 1904 ? 1904 : 1900;
  const todaySerial = todayToSerial(today);
  const dayFirst = settings.dayFirstDates === true;
  const plan: { field: FieldKey; idx: number; kind: 0 | 1 | 2 }[] = [];
  for (const [field, col] of Object.entries(order.columns) as [FieldKey, number][]) {
    if (col === undefined || field === 'orderDate') continue;
    plan.push({ field, idx: col - s.left, kind: NUMERIC.has(field) ? 1 : DATES.has(field) ? 2 : 0 });
  }
  const orderDateIdx = order.columns.orderDate !== undefined ? order.columns.orderDate - s.left : -1;

  const lines: OrderLine[] = new Array(order.dataRows.length);
  for (let k = 0; k < order.dataRows.length; k++) {
    const row = order.dataRows[k];
    const r = s.values[row - s.top] ?? [];
    const fr = s.formats ? s.formats[row - s.top] : null;
    const line: OrderLine = { row, raw: {}, text: {}, num: {}, date: {} };
    let reference = todaySerial;
    if (orderDateIdx >= 0) {
      const v = cellValue(r, orderDateIdx);
      const rd = readDate(v, fr ? fr[orderDateIdx] ?? null : null, { dateSystem: ds, referenceSerial: todaySerial, dayFirst });
      putDate(line, 'orderDate', v, rd, fr ? fr[orderDateIdx] ?? null : null, ds);
      if (rd.kind === 'ok') reference = rd.value;
    }
    let ctx: DateContext | null = null;
    for (const p of plan) {
      const v = cellValue(r, p.idx);
      const fmt = fr ? fr[p.idx] ?? null : null;
      line.raw[p.field] = v;
      if (p.kind === 1) {
        line.num[p.field as NumericField] = readNumber(v);
        line.text[p.field] = cellText(v, fmt, ds);
      } else if (p.kind === 2) {
        ctx ??= { dateSystem: ds, referenceSerial: reference, dayFirst };
        putDate(line, p.field as DateField, v, readDate(v, fmt, ctx), fmt, ds);
      } else {
        line.text[p.field] = cellText(v, fmt, ds);
      }
    }
    lines[k] = line;
  }
  return lines;
}

function cellValue(r: CellValue[], idx: number): CellValue {
  const v = idx >= 0 ? r[idx] : null;
  return v === undefined ? null : v;
}

function putDate(line: OrderLine, field: DateField, v: CellValue, rd: Reading, fmt: string | null, ds: 1900 | 1904): void {
  line.raw[field] = v;
  line.date[field] = rd;
  line.text[field] = rd.kind === 'ok' ? serialToIso(rd.value) : cellText(v, fmt, ds);
}

/** `today` as a serial; a bad ISO string falls back to the clock rather than failing the clerk's work. */
function todayToSerial(today: string): number {
  const n = isoToSerial(today);
  if (Number.isFinite(n)) return n;
  const d = new Date();
  return ymdToSerial(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** Column letter of a field in the order sheet, or null (handy for issues and edits). */
export function fieldColumnLetter(order: OrderSheet, field: FieldKey): string | null {
  const c = order.columns[field];
  return c === undefined ? null : columnLetter(c);
}
