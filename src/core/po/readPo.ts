// A customer's PO workbook understood with the same engine as the order sheet (SPEC 15): its header row and columns,
// plus the key–value block above the table (PO No.: …, 订单号：…, Buyer: …, 客户：…, Delivery: …), whose values count
// for every line that has no value of its own in that field.

import { cellAddress } from '../address';
import { readDate, readNumber } from '../cells';
import { isoToSerial, serialToIso } from '../dates';
import { OrderClerkError } from '../errors';
import { matchField } from '../understand/headerWords';
import { findSheet } from '../snapshot';
import {
  DATE_FIELDS,
  DEFAULT_SETTINGS,
  NUMERIC_FIELDS,
  type CellValue,
  type DateField,
  type FieldKey,
  type Lang,
  type NumericField,
  type OrderSheet,
  type SheetSnapshot,
  type WorkbookSnapshot,
  isCellError,
} from '../types';
import { detectOrderSheet, isSystemSheet } from '../understand';

/** A PO value: numbers for numeric fields (when they read as numbers), YYYY-MM-DD for dates, else the text. */
export type PoValue = string | number;

export interface PoBlockEntry {
  field: FieldKey;
  /** The label as written ("PO No.:"). */
  label: string;
  value: PoValue;
  /** Cell the value was read from. */
  cell: string;
}

export interface PoLine {
  /** Row in the PO sheet. */
  row: number;
  values: Partial<Record<FieldKey, PoValue>>;
  /** Fields whose value came from the header block. */
  fromBlock: FieldKey[];
}

export interface PurchaseOrder {
  sheet: string;
  headerRow: number;
  /** field → PO column number (the table only). */
  columns: Partial<Record<FieldKey, number>>;
  headers: OrderSheet['headers'];
  block: PoBlockEntry[];
  /** The PO's number (orderNo or customerPo, from the block or the first line), customer, or null. */
  orderNo: string | null;
  customer: string | null;
  lines: PoLine[];
  lang: Lang;
}

export interface ReadPoOptions {
  /** PO sheet by name (--po-sheet); else the first visible sheet with a table. */
  sheet?: string;
  /** ISO date year-less dates are placed after. */
  today: string;
}

const NUMERIC = new Set<FieldKey>(NUMERIC_FIELDS);
const DATES = new Set<FieldKey>(DATE_FIELDS);
/** A label ends with a colon (ASCII or full-width) or holds one before its value. */
const LABEL = /^(.{1,40}?)\s*[:：]\s*(.*)$/s;

/** Throws OrderClerkError('noOrderTable' / 'sheetNotFound') naming the PO file's sheet when no table is found. */
export function readPurchaseOrder(wb: WorkbookSnapshot, opts: ReadPoOptions): PurchaseOrder {
  const { sheet, order } = choosePoSheet(wb, opts.sheet);
  const ds: 1900 | 1904 = wb.dateSystem === 1904 ? 1904 : 1900;
  const ref = isoToSerial(opts.today);
  const read = (field: FieldKey, v: CellValue, fmt: string | null): PoValue | null => poValue(field, v, fmt, ds, ref);
  const block = readBlock(sheet, order.headerRow, read);
  const lines: PoLine[] = order.dataRows.map((row) => {
    const values: PoLine['values'] = {};
    for (const [field, col] of Object.entries(order.columns) as [FieldKey, number][]) {
      const v = read(field, cellOf(sheet, row, col), formatOf(sheet, row, col));
      if (v !== null) values[field] = v;
    }
    const fromBlock: FieldKey[] = [];
    for (const b of block) {
      const target = lineField(b.field, order.columns);
      if (values[target] === undefined) {
        values[target] = b.value;
        fromBlock.push(target);
      }
    }
    return { row, values, fromBlock };
  });
  const first = lines[0]?.values ?? {};
  const number = first.orderNo ?? first.customerPo;
  return {
    sheet: sheet.name,
    headerRow: order.headerRow,
    columns: order.columns,
    headers: order.headers,
    block,
    orderNo: number === undefined ? null : String(number),
    customer: first.customer === undefined ? null : String(first.customer),
    lines,
    lang: order.lang,
  };
}

/** A block's PO number goes to the table's PO column when the table has one under the other name. */
function lineField(field: FieldKey, columns: Partial<Record<FieldKey, number>>): FieldKey {
  if (field === 'orderNo' && columns.orderNo === undefined && columns.customerPo !== undefined) return 'customerPo';
  return field;
}

function choosePoSheet(wb: WorkbookSnapshot, name: string | undefined): { sheet: SheetSnapshot; order: OrderSheet } {
  if (name !== undefined) {
    const s = findSheet(wb, name) ?? wb.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new OrderClerkError('sheetNotFound', { sheet: name });
    const d = detectOrderSheet(s, DEFAULT_SETTINGS);
    if (d.kind !== 'order') throw new OrderClerkError('noOrderTable', { sheet: s.name });
    return { sheet: s, order: d.order };
  }
  for (const s of wb.sheets) {
    if (s.visibility !== 'visible' || isSystemSheet(s.name)) continue;
    const d = detectOrderSheet(s, DEFAULT_SETTINGS);
    if (d.kind === 'order' && (d.order.columns.item !== undefined || d.order.columns.description !== undefined))
      return { sheet: s, order: d.order };
  }
  throw new OrderClerkError('noOrderTable');
}

/**
 * The key–value block above the header row: "Label: value" in one cell, or "Label:" with the value in the next
 * non-empty cell to its right. A label counts when it is a header word of a field (the same words as the columns).
 * The first value of a field wins.
 */
function readBlock(
  s: SheetSnapshot,
  headerRow: number,
  read: (field: FieldKey, v: CellValue, fmt: string | null) => PoValue | null,
): PoBlockEntry[] {
  const out: PoBlockEntry[] = [];
  const seen = new Set<FieldKey>();
  for (let row = s.top; row < headerRow; row++) {
    const r = s.values[row - s.top] ?? [];
    for (let i = 0; i < r.length; i++) {
      const v = r[i];
      if (typeof v !== 'string') continue;
      const m = LABEL.exec(v.trim());
      if (!m) continue;
      const field = matchField(m[1]) as FieldKey | null;
      if (field === null || seen.has(field) || field === 'lineNo') continue;
      let value: PoValue | null = null;
      let col = s.left + i;
      if (m[2].trim() !== '') value = read(field, m[2].trim(), null);
      else {
        for (let j = i + 1; j < r.length; j++) {
          if (r[j] === null || (typeof r[j] === 'string' && (r[j] as string).trim() === '')) continue;
          // The next label starts: this one has no value.
          if (typeof r[j] === 'string' && LABEL.test((r[j] as string).trim()) && /[:：]\s*$/.test(r[j] as string))
            break;
          col = s.left + j;
          value = read(field, r[j], s.formats?.[row - s.top]?.[j] ?? null);
          break;
        }
      }
      if (value === null) continue;
      seen.add(field);
      out.push({ field, label: v.trim().slice(0, m[1].length + 1), value, cell: cellAddress(row, col) });
    }
  }
  return out;
}

function poValue(field: FieldKey, v: CellValue, fmt: string | null, ds: 1900 | 1904, ref: number): PoValue | null {
  if (v === null || isCellError(v)) return null;
  if (typeof v === 'string' && v.trim() === '') return null;
  if (NUMERIC.has(field as NumericField)) {
    const r = readNumber(v);
    if (r.kind === 'ok') return r.value;
  } else if (DATES.has(field as DateField)) {
    const r = readDate(v, fmt, { dateSystem: ds, referenceSerial: ref, dayFirst: false });
    if (r.kind === 'ok') return serialToIso(r.value);
  }
  return typeof v === 'string' ? v.trim() : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v;
}

function cellOf(s: SheetSnapshot, row: number, col: number): CellValue {
  return s.values[row - s.top]?.[col - s.left] ?? null;
}

function formatOf(s: SheetSnapshot, row: number, col: number): string | null {
  return s.formats?.[row - s.top]?.[col - s.left] ?? null;
}
