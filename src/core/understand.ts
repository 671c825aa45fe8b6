// Sheet understanding (SPEC 3): find the order sheet, its header row, columns, data rows and masters,
// and read every order line. Never changes a value.

import { columnLetter, columnNumber } from './address';
import { cellText, readDate, readNumber, type DateContext } from './cells';
import { DAYS_1904_OFFSET, MAX_SERIAL, PHANTOM_LEAP_DAY, isoToSerial, serialToIso, ymdToSerial } from './dates';
import { OrderClerkError } from './errors';
import { isNoteText, isTotalText, mapHeaders } from './fields';
import { SETTINGS_SHEET, readSettings } from './settings';
import { findSheet, formulaLookup, lastColumn as sheetLastColumn, lastRow as sheetLastRow } from './snapshot';
import {
  DATE_FIELDS,
  NUMERIC_FIELDS,
  type CellValue,
  type CustomerInfo,
  type DateField,
  type FieldKey,
  type Lang,
  type Masters,
  type MasterFieldKey,
  type NumericField,
  type OrderLine,
  type OrderSheet,
  type ProductInfo,
  type Reading,
  type Settings,
  type SheetSnapshot,
  type SkipReason,
  type Understanding,
  type WorkbookSnapshot,
  isCellError,
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
const SYSTEM_SHEET_NAMES = new Set(
  [SETTINGS_SHEET, '变更记录', 'change log', '单据登记', 'documents', '出货记录', 'shipments'].map((n) =>
    n.toLowerCase(),
  ),
);
const GENERATED_SHEET =
  /^(生产工单|装箱单|送货单|逾期周报|work order|packing list|delivery note|overdue report)(\s|$)/i;

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
  const table = readOrderTable(wb, order, settings, opts.today);
  const dateSystem = wb.dateSystem === 1904 ? 1904 : 1900;
  const sheet = findSheet(wb, order.sheet);
  // Fixes must never write over a formula (the snapshot holds only its result).
  const isFormula = sheet ? formulaLookup(sheet) : undefined;
  if (!table) return { order, lines: [], masters, settings, dateSystem, isFormula };
  // The lines are made on first use: checks and classification read the table itself (100,000-row sheets).
  const lazy: LazyLines = { table, lines: null, replaced: false };
  const u: Understanding = {
    order,
    get lines(): OrderLine[] {
      return (lazy.lines ??= linesOf(table));
    },
    set lines(v: OrderLine[]) {
      lazy.lines = v;
      lazy.replaced = true;
    },
    masters,
    settings,
    dateSystem,
    isFormula,
  };
  LAZY.set(u, lazy);
  return u;
}

interface LazyLines {
  table: LineTable;
  /** The lines once someone asked for them. */
  lines: OrderLine[] | null;
  /** True once `lines` was assigned another array. */
  replaced: boolean;
}

const LAZY = new WeakMap<Understanding, LazyLines>();

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
  const candidates = (active ? [active] : []).concat(
    userSheets.filter((s) => s !== active && s.visibility === 'visible'),
  );
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
  if (typeof v === 'string')
    return (
      v.length === 0 || (v.charCodeAt(0) <= 32 && v.trim() === '') || (v.charCodeAt(0) === 0x3000 && v.trim() === '')
    );
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
  const fields = mapHeaders(
    texts.map((t) => (t === '' ? null : t)),
    includeMaster,
  );
  return { row, texts, fields };
}

/** Best-scoring header row among the first rows: most distinct fields; earliest on ties. */
function bestHeaderRow(
  s: SheetSnapshot,
  includeMaster: boolean,
  accept: (fields: Set<AnyField>) => boolean,
): HeaderScan | null {
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
  { kind: 'order'; order: OrderSheet } | { kind: 'headersOnly'; headerRow: number } | { kind: 'none' };

/** The order sheet of one snapshot, or null when it holds no order table. */
export function understandSheet(s: SheetSnapshot, settings: Settings): OrderSheet | null {
  const d = detectOrderSheet(s, settings);
  return d.kind === 'order' ? d.order : null;
}

/** Like understandSheet, but tells a header row without data lines apart from no table at all. */
export function detectOrderSheet(s: SheetSnapshot, settings: Settings): SheetDetection {
  const overrideRow = settings.headerRowOverrides?.[s.name];
  let scan: HeaderScan | null;
  if (
    typeof overrideRow === 'number' &&
    Number.isInteger(overrideRow) &&
    overrideRow >= s.top &&
    overrideRow <= sheetLastRow(s)
  ) {
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
function applyOverrides(
  s: SheetSnapshot,
  scan: HeaderScan,
  overrides: Record<string, FieldKey | null> | undefined,
): (FieldKey | null)[] {
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
  s: SheetSnapshot,
  headerRow: number,
  firstCol: number,
  lastCol: number,
  columns: Partial<Record<FieldKey, number>>,
): RowClasses {
  const from = firstCol - s.left;
  const to = lastCol - s.left;
  const lineNoIdx = columns.lineNo !== undefined ? columns.lineNo - s.left : -1;
  const itemIdx = columns.item !== undefined ? columns.item - s.left : -1;
  const contentIdx: number[] = [];
  for (const [f, col] of Object.entries(columns))
    if (f !== 'lineNo' && col !== undefined) contentIdx.push(col - s.left);
  contentIdx.sort((a, b) => a - b);

  const dataRows: number[] = [];
  const others: { row: number; reason: SkipReason; trailing: boolean }[] = [];
  const last = sheetLastRow(s);
  for (let row = headerRow + 1; row <= last; row++) {
    const r = s.values[row - s.top];
    let first = -1;
    if (r)
      for (let i = from; i <= to; i++)
        if (!isBlank(r[i])) {
          first = i;
          break;
        }
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
    for (const i of contentIdx)
      if (!isBlank(r![i])) {
        content = true;
        break;
      }
    if (content) dataRows.push(row);
    else
      others.push({ row, reason: typeof lead === 'string' && first !== lineNoIdx ? 'note' : 'blank', trailing: false });
  }
  return tableRows(dataRows, others, headerRow);
}

/** The data rows and the skipped rows inside the table's block. */
function tableRows(
  dataRows: number[],
  others: { row: number; reason: SkipReason; trailing: boolean }[],
  headerRow: number,
): RowClasses {
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
  return (
    set.has('item') &&
    PRODUCT_MASTER_DATA.some((f) => set.has(f)) &&
    !set.has('orderNo') &&
    !set.has('dueDate') &&
    !set.has('shipDate') &&
    !set.has('shippedQty') &&
    !set.has('orderDate')
  );
}

function isCustomerMaster(set: Set<AnyField>): boolean {
  return set.has('customer') && set.has('address') && !set.has('item') && !set.has('orderNo');
}

/** The product and customer master sheets besides the order sheet (first of each in sheet order). */
export function findMasterSheets(
  wb: WorkbookSnapshot,
  orderSheet: string,
): { products: MasterSheet | null; customers: MasterSheet | null } {
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
  m: MasterSheet,
  ds: 1900 | 1904,
  visit: (row: number, get: (f: AnyField) => string, num: (f: NumericField) => number | null) => void,
): void {
  const s = m.sheet;
  const idx = new Map<AnyField, number>();
  m.scan.fields.forEach((f, i) => {
    if (f !== null && !idx.has(f)) idx.set(f, i);
  });
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

/** Reading kinds in a ReadingColumn (R_NONE: the line has no reading for the field). */
export const R_NONE = 0;
export const R_EMPTY = 1;
export const R_OK = 2;
export const R_OK_TEXT = 3;
export const R_INVALID = 4;
export const R_ERROR = 5;

/** One field's readings for every line, as codes and values: checks and classification read these without allocating. */
export interface ReadingColumn {
  kind: Uint8Array;
  /** The reading's value where kind is R_OK or R_OK_TEXT. */
  value: Float64Array;
}

/** Column-wise access to the lines of one Understanding (shared by checks and classification). */
export interface LineColumns {
  /** Number of lines; line k is u.lines[k]. */
  readonly n: number;
  /** Sheet row of line k. */
  row(k: number): number;
  num(field: NumericField): ReadingColumn;
  date(field: DateField): ReadingColumn;
  /** Raw value of a field on line k (undefined when the field has no value on that line, as in `line.raw`). */
  raw(k: number, field: FieldKey): CellValue | undefined;
  /** Display text of a field on line k, as `line.text[field]`. */
  text(k: number, field: FieldKey): string | undefined;
  /** raw and text of one field (its column looked up once). */
  field(field: FieldKey): FieldCells;
  /** Indexes of the lines whose raw value of `field` is an error value (#N/A …). */
  errorLines(field: FieldKey): number[];
  /** Indexes of the lines whose raw value of `field` is missing, null or blank text. */
  emptyLines(field: FieldKey): number[];
}

/** One field's cells, line by line. */
export interface FieldCells {
  raw(k: number): CellValue | undefined;
  text(k: number): string | undefined;
}

interface LineViews {
  raw: OrderLine['raw'];
  text: OrderLine['text'];
  num: OrderLine['num'];
  date: OrderLine['date'];
}

interface PlanItem {
  field: FieldKey;
  idx: number;
  kind: 0 | 1 | 2;
}

function encodeReading(r: Reading, k: number, col: ReadingColumn): void {
  switch (r.kind) {
    case 'empty':
      col.kind[k] = R_EMPTY;
      break;
    case 'ok':
      col.kind[k] = r.fromText ? R_OK_TEXT : R_OK;
      col.value[k] = r.value;
      break;
    case 'invalid':
      col.kind[k] = R_INVALID;
      break;
    default:
      col.kind[k] = R_ERROR;
  }
}

function newColumn(n: number): ReadingColumn {
  return { kind: new Uint8Array(n), value: new Float64Array(n) };
}

/**
 * The order lines' cells as they sit in the snapshot, read on demand: numbers and dates in one pass (fast paths
 * for real numbers), and each line's raw/text/num/date views only when someone asks for them. The snapshot is not
 * copied, so it must not be changed in place after understand() (no code does).
 */
export class LineTable {
  readonly n: number;
  /** True once a line's views were replaced by assignment: checks then read the lines' views, not the cells. */
  detached = false;
  /** The sheet's rows, and the index in them of each line's row (no per-line array: 100,000-row sheets). */
  private readonly values: CellValue[][];
  private readonly rowIndex: Int32Array;
  private readonly formats: (string | null)[][] | null;
  private readonly idx = new Map<FieldKey, number>();
  private views: (LineViews | undefined)[] | null = null;
  /** Sheet row of values[0]. */
  private readonly top: number;
  private readonly numCols = new Map<NumericField, ReadingColumn>();
  private readonly dateCols = new Map<DateField, ReadingColumn>();
  private readonly errors = new Map<FieldKey, number[]>();
  private readonly emptySlot = new Map<FieldKey, number>();
  private emptyMask: Uint32Array | null = null;
  private none: ReadingColumn | null = null;
  private readonly numberTexts = new Map<string, Reading>();
  private readonly dateTexts = new Map<string, Reading>();
  private scanned = false;

  constructor(
    s: SheetSnapshot,
    dataRows: number[],
    private readonly plan: PlanItem[],
    private readonly orderDateIdx: number,
    private readonly ds: 1900 | 1904,
    private readonly todaySerial: number,
    private readonly dayFirst: boolean,
  ) {
    const n = dataRows.length;
    this.n = n;
    this.values = s.values;
    this.rowIndex = new Int32Array(n);
    for (let k = 0; k < n; k++) this.rowIndex[k] = dataRows[k] - s.top;
    this.formats = s.formats;
    this.top = s.top;
    if (orderDateIdx >= 0) this.idx.set('orderDate', orderDateIdx);
    for (const p of plan) this.idx.set(p.field, p.idx);
  }

  /** Sheet row of line k. */
  row(k: number): number {
    return this.rowIndex[k] + this.top;
  }

  private cell(k: number, i: number): CellValue {
    const v = cellAt(this.values, this.rowIndex, k, i);
    return v === undefined ? null : v;
  }

  private format(k: number, i: number): string | null {
    const fr = this.formats ? this.formats[this.rowIndex[k]] : null;
    return fr ? (fr[i] ?? null) : null;
  }

  /** Line k's views exactly as a full read of the line gives them (field order included). */
  viewsOf(k: number): LineViews {
    const views = (this.views ??= new Array(this.n));
    let v = views[k];
    if (v === undefined) {
      v = this.readLine(k);
      views[k] = v;
    }
    return v;
  }

  replaceView(k: number, key: keyof LineViews, value: LineViews[keyof LineViews]): void {
    const v = this.viewsOf(k) as unknown as Record<string, unknown>;
    v[key] = value;
    this.detached = true;
  }

  private readLine(k: number): LineViews {
    const line: LineViews = { raw: {}, text: {}, num: {}, date: {} };
    const ds = this.ds;
    const dayFirst = this.dayFirst;
    let reference = this.todaySerial;
    if (this.orderDateIdx >= 0) {
      const v = this.cell(k, this.orderDateIdx);
      const fmt = this.format(k, this.orderDateIdx);
      const rd = readDate(v, fmt, { dateSystem: ds, referenceSerial: this.todaySerial, dayFirst });
      putDate(line, 'orderDate', v, rd, fmt, ds);
      if (rd.kind === 'ok') reference = rd.value;
    }
    let ctx: DateContext | null = null;
    for (const p of this.plan) {
      const v = this.cell(k, p.idx);
      const fmt = this.format(k, p.idx);
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
    return line;
  }

  /**
   * One pass over the lines' cells, row by row (100,000-row sheets: rows are far apart in memory): the readings of
   * every mapped numeric and date field, and the lines whose cells are errors or empty, per mapped field.
   */
  private scan(): void {
    if (this.scanned) return;
    this.scanned = true;
    const fields: FieldKey[] = [];
    const kinds: number[] = [];
    const idxs: number[] = [];
    const add = (field: FieldKey, i: number, kind: 0 | 1 | 2) => {
      fields.push(field);
      kinds.push(kind);
      idxs.push(i);
      if (kind !== 0)
        (kind === 1 ? this.numCols : this.dateCols).set(field as NumericField & DateField, newColumn(this.n));
    };
    // The order date first: it places the line's year-less text dates.
    if (this.orderDateIdx >= 0) add('orderDate', this.orderDateIdx, 2);
    for (const p of this.plan) add(p.field, p.idx, p.kind);
    const cols = fields.map(
      (f, j) => (kinds[j] === 1 ? this.numCols.get(f as NumericField) : this.dateCols.get(f as DateField)) ?? null,
    );
    const errors: number[][] = fields.map(() => []);
    // Bit j of emptyMask[k]: field j of line k is empty (≤ 32 mapped fields: FieldKey has 24).
    const emptyMask = new Uint32Array(this.n);
    scanCells(
      this,
      this.values,
      this.rowIndex,
      idxs,
      kinds,
      cols,
      errors,
      emptyMask,
      this.ds === 1904 ? DAYS_1904_OFFSET : 0,
      this.orderDateIdx >= 0,
      this.todaySerial,
    );
    fields.forEach((f, j) => {
      this.errors.set(f, errors[j]);
      this.emptySlot.set(f, j);
    });
    this.emptyMask = emptyMask;
  }

  /** readNumber of a text, remembered per text (a column repeats "1,200 pcs"; Readings are never changed). */
  readNumberText(v: string): Reading {
    let r = this.numberTexts.get(v);
    if (r === undefined) {
      r = readNumber(v);
      if (this.numberTexts.size < 10000) this.numberTexts.set(v, r);
    }
    return r;
  }

  /** A date cell that is not a plain serial: read as readDate does. */
  readDateInto(v: CellValue, k: number, i: number, reference: number, col: ReadingColumn): void {
    // A text with three digits in a row names its year (year-less forms have ≤ 2-digit parts), so its reading does not
    // depend on the reference date: remember it per text.
    const memo = typeof v === 'string' && THREE_DIGITS.test(v);
    let r = memo ? this.dateTexts.get(v as string) : undefined;
    if (r === undefined) {
      r = readDate(v, this.format(k, i), { dateSystem: this.ds, referenceSerial: reference, dayFirst: this.dayFirst });
      if (memo && this.dateTexts.size < 10000) this.dateTexts.set(v as string, r);
    }
    encodeReading(r, k, col);
  }

  /** Readings of a numeric field for every line (R_NONE throughout when the field is not mapped). */
  numColumn(field: NumericField): ReadingColumn {
    this.scan();
    return this.numCols.get(field) ?? this.unmapped();
  }

  /** Readings of a date field for every line; year-less text dates are placed after the line's order date. */
  dateColumn(field: DateField): ReadingColumn {
    this.scan();
    return this.dateCols.get(field) ?? this.unmapped();
  }

  private unmapped(): ReadingColumn {
    return (this.none ??= newColumn(this.n));
  }

  /** Lines whose cell of `field` holds an error value. */
  errorLines(field: FieldKey): number[] {
    this.scan();
    return this.errors.get(field) ?? [];
  }

  /** Lines whose cell of `field` is empty or blank text. */
  emptyLines(field: FieldKey): number[] {
    this.scan();
    const out: number[] = [];
    const j = this.emptySlot.get(field);
    if (j === undefined || !this.emptyMask) return out;
    const bit = 1 << j;
    const mask = this.emptyMask;
    for (let k = 0; k < this.n; k++) if (mask[k] & bit) out.push(k);
    return out;
  }

  /** Raw value of a field on line k; undefined when the field is not mapped. */
  raw(k: number, field: FieldKey): CellValue | undefined {
    const i = this.idx.get(field);
    return i === undefined ? undefined : this.cell(k, i);
  }

  /** Column index of a mapped field, or undefined. */
  indexOf(field: FieldKey): number | undefined {
    return this.idx.get(field);
  }

  /** A mapped text field's display text on line k (strings straight from the row). */
  plainText(k: number, i: number): string {
    const v = cellAt(this.values, this.rowIndex, k, i);
    return typeof v === 'string' ? v.trim() : cellText(v === undefined ? null : v, this.format(k, i), this.ds);
  }

  rawAt(k: number, i: number): CellValue {
    return this.cell(k, i);
  }

  /** Display text of a field on line k (dates read as dates print as YYYY-MM-DD); undefined when not mapped. */
  text(k: number, field: FieldKey): string | undefined {
    const i = this.idx.get(field);
    if (i === undefined) return undefined;
    const v = this.cell(k, i);
    if (DATES.has(field)) {
      const col = this.dateColumn(field as DateField);
      const kind = col.kind[k];
      if (kind === R_OK || kind === R_OK_TEXT) return serialToIso(col.value[k]);
    }
    if (typeof v === 'string') return v.trim();
    return cellText(v, this.format(k, i), this.ds);
  }
}

const THREE_DIGITS = /\d{3}/;

/** Lines per block of LineTable.scan: a block's rows stay in the CPU cache while each field is read. */
const SCAN_BLOCK = 256;

/**
 * The pass of LineTable.scan (a function of its own so that its optimised loops are reused run after run), in blocks
 * of rows and, within a block, field by field (tight loops per kind of field). Slot j reads column idxs[j] as text
 * (kind 0), a number (1) or a date (2; slot 0 is the order date when hasOrderDate: it places the line's year-less text
 * dates, so it is read first).
 */
function scanCells(
  table: LineTable,
  values: CellValue[][],
  rowIndex: Int32Array,
  idxs: number[],
  kinds: number[],
  cols: (ReadingColumn | null)[],
  errors: number[][],
  emptyMask: Uint32Array,
  offset: number,
  hasOrderDate: boolean,
  todaySerial: number,
): void {
  const n = rowIndex.length;
  for (let k0 = 0; k0 < n; k0 += SCAN_BLOCK) {
    const k1 = Math.min(n, k0 + SCAN_BLOCK);
    for (let j = 0; j < idxs.length; j++) {
      const i = idxs[j];
      const col = cols[j];
      if (col === null) scanText(values, rowIndex, k0, k1, i, 1 << j, errors[j], emptyMask);
      else if (kinds[j] === 1) scanNumbers(table, values, rowIndex, k0, k1, i, 1 << j, errors[j], emptyMask, col);
      else {
        const orderDates = hasOrderDate && j > 0 ? cols[0] : null;
        scanDates(
          table,
          values,
          rowIndex,
          k0,
          k1,
          i,
          1 << j,
          errors[j],
          emptyMask,
          col,
          offset,
          orderDates,
          todaySerial,
        );
      }
    }
  }
}

/** Cell i of line k's row (null for a column left of the sheet, undefined past a short or missing row). */
function cellAt(values: CellValue[][], rowIndex: Int32Array, k: number, i: number): CellValue | undefined {
  const r = values[rowIndex[k]];
  return r === undefined || r === null || i < 0 ? null : r[i];
}

function isEmptyCell(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && isBlankText(v));
}

function scanText(
  values: CellValue[][],
  rowIndex: Int32Array,
  k0: number,
  k1: number,
  i: number,
  bit: number,
  errors: number[],
  emptyMask: Uint32Array,
): void {
  for (let k = k0; k < k1; k++) {
    const v = cellAt(values, rowIndex, k, i);
    if (typeof v === 'string') {
      if (v.length === 0 || ((v.charCodeAt(0) <= 32 || v.charCodeAt(0) >= 127) && isBlankText(v))) emptyMask[k] |= bit;
    } else if (v === null || v === undefined) emptyMask[k] |= bit;
    else if (typeof v === 'object' && isCellError(v)) errors.push(k);
  }
}

function scanNumbers(
  table: LineTable,
  values: CellValue[][],
  rowIndex: Int32Array,
  k0: number,
  k1: number,
  i: number,
  bit: number,
  errors: number[],
  emptyMask: Uint32Array,
  col: ReadingColumn,
): void {
  const kind = col.kind;
  const value = col.value;
  for (let k = k0; k < k1; k++) {
    const v = cellAt(values, rowIndex, k, i);
    // Real numbers are by far the most common cell: no Reading object for them.
    if (typeof v === 'number' && v - v === 0) {
      kind[k] = R_OK;
      value[k] = v;
    } else if (isEmptyCell(v)) {
      emptyMask[k] |= bit;
      kind[k] = R_EMPTY;
    } else {
      if (typeof v === 'object' && isCellError(v)) errors.push(k);
      encodeReading(typeof v === 'string' ? table.readNumberText(v) : readNumber(v as CellValue), k, col);
    }
  }
}

function scanDates(
  table: LineTable,
  values: CellValue[][],
  rowIndex: Int32Array,
  k0: number,
  k1: number,
  i: number,
  bit: number,
  errors: number[],
  emptyMask: Uint32Array,
  col: ReadingColumn,
  offset: number,
  orderDates: ReadingColumn | null,
  todaySerial: number,
): void {
  const kind = col.kind;
  const value = col.value;
  for (let k = k0; k < k1; k++) {
    const v = cellAt(values, rowIndex, k, i);
    if (typeof v === 'number' && v - v === 0 && v <= MAX_SERIAL) {
      const serial = Math.floor(v + offset); // as readDate: a time of day does not move the day
      // As readDate: serial 60 (the phantom 1900-02-29) and negative 1904 serials fall through to date.invalid.
      if (serial >= 1 && serial !== PHANTOM_LEAP_DAY && v >= 0) {
        kind[k] = R_OK;
        value[k] = serial;
        continue;
      }
    }
    if (isEmptyCell(v)) {
      emptyMask[k] |= bit;
      kind[k] = R_EMPTY;
      continue;
    }
    if (typeof v === 'object' && isCellError(v)) errors.push(k);
    let reference = todaySerial;
    if (orderDates && (orderDates.kind[k] === R_OK || orderDates.kind[k] === R_OK_TEXT))
      reference = orderDates.value[k];
    table.readDateInto(v as CellValue, k, i, reference, col);
  }
}

/** '' or only white space (as trim() sees it). */
function isBlankText(v: string): boolean {
  if (v.length === 0) return true;
  const c = v.charCodeAt(0);
  // Text starting with a visible ASCII character is not blank; anything else asks trim().
  return (c <= 32 || c >= 127) && v.trim() === '';
}

/** An order line backed by the LineTable: raw/text/num/date are read on first use and then kept. */
class SheetLine implements OrderLine {
  constructor(
    readonly row: number,
    readonly table: LineTable,
    readonly k: number,
  ) {}
  get raw(): OrderLine['raw'] {
    return this.table.viewsOf(this.k).raw;
  }
  set raw(v: OrderLine['raw']) {
    this.table.replaceView(this.k, 'raw', v);
  }
  get text(): OrderLine['text'] {
    return this.table.viewsOf(this.k).text;
  }
  set text(v: OrderLine['text']) {
    this.table.replaceView(this.k, 'text', v);
  }
  get num(): OrderLine['num'] {
    return this.table.viewsOf(this.k).num;
  }
  set num(v: OrderLine['num']) {
    this.table.replaceView(this.k, 'num', v);
  }
  get date(): OrderLine['date'] {
    return this.table.viewsOf(this.k).date;
  }
  set date(v: OrderLine['date']) {
    this.table.replaceView(this.k, 'date', v);
  }
  /** Serialises as the plain line it stands for. */
  toJSON(): OrderLine {
    return { row: this.row, raw: this.raw, text: this.text, num: this.num, date: this.date };
  }
}

export function readOrderLines(
  wb: WorkbookSnapshot,
  order: OrderSheet,
  settings: Settings,
  today: string,
): OrderLine[] {
  const table = readOrderTable(wb, order, settings, today);
  return table ? linesOf(table) : [];
}

function readOrderTable(wb: WorkbookSnapshot, order: OrderSheet, settings: Settings, today: string): LineTable | null {
  const s = findSheet(wb, order.sheet);
  if (!s) return null;
  const ds: 1900 | 1904 = wb.dateSystem === 1904 ? 1904 : 1900;
  const plan: PlanItem[] = [];
  for (const [field, col] of Object.entries(order.columns) as [FieldKey, number][]) {
    if (col === undefined || field === 'orderDate') continue;
    plan.push({ field, idx: col - s.left, kind: NUMERIC.has(field) ? 1 : DATES.has(field) ? 2 : 0 });
  }
  const orderDateIdx = order.columns.orderDate !== undefined ? order.columns.orderDate - s.left : -1;
  return new LineTable(
    s,
    order.dataRows,
    plan,
    orderDateIdx,
    ds,
    todayToSerial(today),
    settings.dayFirstDates === true,
  );
}

function linesOf(table: LineTable): OrderLine[] {
  const lines: OrderLine[] = new Array(table.n);
  for (let k = 0; k < table.n; k++) lines[k] = new SheetLine(table.row(k), table, k);
  return lines;
}

/** The table behind `lines` when they are exactly the lines understand() read (unchanged), else null. */
function tableOf(lines: OrderLine[]): LineTable | null {
  const first = lines[0];
  if (!(first instanceof SheetLine)) return null;
  const table = first.table;
  if (table.detached || lines.length !== table.n) return null;
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k] as Partial<SheetLine>;
    // Only a SheetLine carries this table (its fields are read-only).
    if (l.table !== table || l.k !== k) return null;
  }
  return table;
}

/** Column-wise readings of u.lines: straight from the cells while they are understand()'s lines, else from the views. */
export function lineColumnsOf(u: Understanding): LineColumns {
  const lazy = LAZY.get(u);
  if (lazy && !lazy.replaced && !lazy.table.detached && (lazy.lines === null || tableOf(lazy.lines) === lazy.table)) {
    return new TableColumns(lazy.table);
  }
  return lineColumns(u.lines);
}

/** Column-wise readings of `lines`: straight from the cells for understand()'s lines, else from each line's views. */
export function lineColumns(lines: OrderLine[]): LineColumns {
  const table = tableOf(lines);
  return table ? new TableColumns(table) : new ViewColumns(lines);
}

// Classes rather than closures: one call target per method, so optimised check loops stay valid from run to run.

class TableColumns implements LineColumns {
  readonly n: number;
  constructor(private readonly table: LineTable) {
    this.n = table.n;
  }
  row(k: number): number {
    return this.table.row(k);
  }
  num(f: NumericField): ReadingColumn {
    return this.table.numColumn(f);
  }
  date(f: DateField): ReadingColumn {
    return this.table.dateColumn(f);
  }
  raw(k: number, f: FieldKey): CellValue | undefined {
    return this.table.raw(k, f);
  }
  text(k: number, f: FieldKey): string | undefined {
    return this.table.text(k, f);
  }
  field(f: FieldKey): FieldCells {
    return new TableField(this.table, f);
  }
  errorLines(f: FieldKey): number[] {
    return this.table.errorLines(f);
  }
  emptyLines(f: FieldKey): number[] {
    return this.table.emptyLines(f);
  }
}

class TableField implements FieldCells {
  private readonly i: number;
  private readonly plain: boolean;
  constructor(
    private readonly table: LineTable,
    private readonly f: FieldKey,
  ) {
    const i = table.indexOf(f);
    this.i = i === undefined ? -2 : i;
    // A text field's text is the trimmed string or the cell's display text; a date field's needs its reading.
    this.plain = i !== undefined && !DATES.has(f);
  }
  raw(k: number): CellValue | undefined {
    return this.i === -2 ? undefined : this.table.rawAt(k, this.i);
  }
  text(k: number): string | undefined {
    if (this.plain) return this.table.plainText(k, this.i);
    return this.i === -2 ? undefined : this.table.text(k, this.f);
  }
}

class ViewColumns implements LineColumns {
  readonly n: number;
  constructor(private readonly lines: OrderLine[]) {
    this.n = lines.length;
  }
  row(k: number): number {
    return this.lines[k].row;
  }
  num(f: NumericField): ReadingColumn {
    return this.readings(f, true);
  }
  date(f: DateField): ReadingColumn {
    return this.readings(f, false);
  }
  raw(k: number, f: FieldKey): CellValue | undefined {
    return this.lines[k].raw[f];
  }
  text(k: number, f: FieldKey): string | undefined {
    return this.lines[k].text[f];
  }
  field(f: FieldKey): FieldCells {
    return new ViewField(this, f);
  }
  errorLines(f: FieldKey): number[] {
    const out: number[] = [];
    for (let k = 0; k < this.n; k++) if (isCellError(this.lines[k].raw[f])) out.push(k);
    return out;
  }
  emptyLines(f: FieldKey): number[] {
    const out: number[] = [];
    for (let k = 0; k < this.n; k++) {
      const v = this.lines[k].raw[f];
      if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) out.push(k);
    }
    return out;
  }
  private readings(f: string, numeric: boolean): ReadingColumn {
    const col = newColumn(this.n);
    for (let k = 0; k < this.n; k++) {
      const line = this.lines[k];
      const r = (numeric ? line.num : line.date) as Partial<Record<string, Reading>>;
      const rd = r[f];
      if (rd !== undefined) encodeReading(rd, k, col);
    }
    return col;
  }
}

class ViewField implements FieldCells {
  constructor(
    private readonly cols: ViewColumns,
    private readonly f: FieldKey,
  ) {}
  raw(k: number): CellValue | undefined {
    return this.cols.raw(k, this.f);
  }
  text(k: number): string | undefined {
    return this.cols.text(k, this.f);
  }
}

function putDate(
  line: LineViews,
  field: DateField,
  v: CellValue,
  rd: Reading,
  fmt: string | null,
  ds: 1900 | 1904,
): void {
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
