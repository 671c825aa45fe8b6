// The shipments record 出货记录 / Shipments (SPEC 11): one row per delivered line — date, DN number, source row,
// order number, customer PO, customer, item, unit, quantity shipped, unit price, amount, state (有效 / 作废).
// Found by name and header row like the change log; read back to add up deliveries and to void them.

import { quantityColumnFormat } from '../numberFormats';
import { DATE_FORMAT, toSerial1900 } from '../dates';
import type { WorkbookEdit, WriteValue } from '../edits';
import { t } from '../i18n';
import { keyText } from '../text';
import { findOwnSheet, ownSheetName, type OwnSheetKind } from '../ownSheets';
import { cellAt, lastRow } from '../snapshot';
import type { CellValue, Lang, OrderLine, Understanding, WorkbookSnapshot } from '../types';

const LANGS: Lang[] = ['zh-CN', 'en-US'];
const COLUMNS = [
  'date',
  'number',
  'row',
  'orderNo',
  'customerPo',
  'customer',
  'item',
  'unit',
  'quantity',
  'unitPrice',
  'amount',
  'state',
] as const;
type Column = (typeof COLUMNS)[number];
const COLUMN_WIDTHS = [12, 18, 8, 16, 16, 22, 14, 8, 12, 12, 14, 8];
const COLUMN_FORMATS: (string | null)[] = [
  DATE_FORMAT,
  '@',
  null,
  '@',
  '@',
  '@',
  '@',
  '@',
  null, // the quantity column's format follows its values: quantityColumnFormat
  '#,##0.00##',
  '#,##0.00',
  '@',
];
/** Sheet column (1-based) of a record column. */
export const SHIPMENT_COLUMN: Record<Column, number> = Object.fromEntries(COLUMNS.map((c, i) => [c, i + 1])) as Record<
  Column,
  number
>;

export const SHIPMENTS_KIND: OwnSheetKind<Lang> = {
  names: { 'zh-CN': t('zh-CN', 'shipments.sheet'), 'en-US': t('en-US', 'shipments.sheet') },
  headers: {
    'zh-CN': COLUMNS.map((c) => t('zh-CN', `shipments.col.${c}`)),
    'en-US': COLUMNS.map((c) => t('en-US', `shipments.col.${c}`)),
  },
  // Records written before the glossary (issue 20) say 料号 for the item: they stay the clerk's record.
  formerly: { 'zh-CN': { [t('zh-CN', 'shipments.col.item')]: ['料号'] } },
};

/** Both languages' record names: 出货记录, Shipments. */
export const SHIPMENTS_SHEET_NAMES: string[] = LANGS.map((l) => t(l, 'shipments.sheet'));

export type RecordState = 'valid' | 'void';

/** The state word in `lang` (有效 / 作废 · valid / void). */
export function stateWord(lang: Lang, state: RecordState): string {
  return t(lang, `shipments.state.${state}`);
}

/** 'valid' / 'void' from a state cell in either language; anything else counts as valid (a clerk's own word). */
export function parseState(text: string): RecordState {
  const w = text.trim().toLowerCase();
  return LANGS.some((l) => stateWord(l, 'void').toLowerCase() === w) ? 'void' : 'valid';
}

export interface ShipmentEntry {
  /** Serial in the workbook's date system. */
  dateSerial: number;
  number: string;
  row: number;
  orderNo: string;
  customerPo: string;
  customer: string;
  item: string;
  unit: string;
  quantity: number;
  unitPrice: number | null;
  amount: number | null;
}

export interface ShipmentRecord {
  /** Row in the record sheet. */
  sheetRow: number;
  /** 1900-system serial, or null when unreadable. */
  date: number | null;
  number: string;
  row: number | null;
  orderNo: string;
  item: string;
  quantity: number;
  state: RecordState;
  /** The rest of the row as written (statements print them, SPEC 12). */
  customerPo: string;
  customer: string;
  unit: string;
  unitPrice: number | null;
  amount: number | null;
}

/** Where the record is (existing, either language) or will be (a new sheet in `lang`). */
export function shipmentsSheet(wb: WorkbookSnapshot, lang: Lang): { name: string; lang: Lang } {
  return ownSheetName(wb, SHIPMENTS_KIND, lang);
}

export function planShipmentRows(sheet: { name: string; lang: Lang }, entries: ShipmentEntry[]): WorkbookEdit {
  const valid = stateWord(sheet.lang, 'valid');
  const rows: WriteValue[][] = entries.map((e) => [
    e.dateSerial,
    e.number,
    e.row,
    e.orderNo,
    e.customerPo,
    e.customer,
    e.item,
    e.unit,
    e.quantity,
    e.unitPrice,
    e.amount,
    valid,
  ]);
  return {
    kind: 'appendRows',
    sheet: sheet.name,
    header: COLUMNS.map((c) => t(sheet.lang, `shipments.col.${c}`)),
    columnWidths: COLUMN_WIDTHS,
    columnFormats: COLUMN_FORMATS.map((f, i) =>
      i === COLUMNS.indexOf('quantity') ? quantityColumnFormat(entries.map((e) => e.quantity)) : f,
    ),
    rows,
  };
}

function text(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'object') return v.error;
  return String(v).trim();
}

function num(v: CellValue): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return null;
}

/** Every row of the record (blank and hand-typed note rows without a DN number and quantity are skipped). */
export function readShipments(wb: WorkbookSnapshot): { sheet: string | null; rows: ShipmentRecord[] } {
  const found = findOwnSheet(wb, SHIPMENTS_KIND);
  if (!found) return { sheet: null, rows: [] };
  const s = found.sheet;
  const out: ShipmentRecord[] = [];
  for (let r = found.headerRow + 1; r <= lastRow(s); r++) {
    const v = (c: Column) => cellAt(s, r, SHIPMENT_COLUMN[c]);
    const number = text(v('number'));
    const quantity = num(v('quantity'));
    if (number === '' || quantity === null) continue;
    const date = num(v('date'));
    const row = num(v('row'));
    out.push({
      sheetRow: r,
      date: date === null ? null : toSerial1900(date, wb.dateSystem),
      number,
      row: row !== null && Number.isInteger(row) ? row : null,
      orderNo: text(v('orderNo')),
      item: text(v('item')),
      quantity,
      state: parseState(text(v('state'))),
      customerPo: text(v('customerPo')),
      customer: text(v('customer')),
      unit: text(v('unit')),
      unitPrice: num(v('unitPrice')),
      amount: num(v('amount')),
    });
  }
  return { sheet: s.name, rows: out };
}

/** Key a record row and an order line are matched by (SPEC 11): orderNo + item + source row. */
function matchKey(row: number, orderNo: string, item: string): string {
  return `${row}\u0000${keyText(orderNo)}\u0000${keyText(item)}`;
}

/** Quantity shipped per order-sheet row, by the valid rows of the record (SPEC 11); rows without any are absent. */
export function recordedShipped(u: Understanding, wb: WorkbookSnapshot): Map<number, number> {
  const { rows } = readShipments(wb);
  const out = new Map<number, number>();
  if (rows.length === 0) return out;
  const byKey = new Map<string, number>();
  for (const r of rows) {
    if (r.state !== 'valid' || r.row === null) continue;
    const k = matchKey(r.row, r.orderNo, r.item);
    byKey.set(k, (byKey.get(k) ?? 0) + r.quantity);
  }
  for (const l of u.lines) {
    const q = byKey.get(lineKey(l));
    if (q !== undefined) out.set(l.row, Math.round(q * 1e6) / 1e6);
  }
  return out;
}

function lineKey(l: OrderLine): string {
  return matchKey(l.row, l.text.orderNo ?? '', l.text.item ?? '');
}
