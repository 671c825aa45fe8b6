// Master sheets (SPEC 3): the price list (product master) and the customer list beside the order sheet.

import { cellText, readNumber } from '../cells';
import { isNoteText, isTotalText } from './headerWords';
import { lastRow } from '../snapshot';
import { isBlankCell } from '../text';
import type {
  CustomerInfo,
  FieldKey,
  Masters,
  NumericField,
  ProductInfo,
  SheetSnapshot,
  WorkbookSnapshot,
} from '../types';
import { bestHeaderRow, type AnyField, type HeaderScan } from './headerRow';
import { isSystemSheet } from './orderSheet';

const PRODUCT_MASTER_DATA: FieldKey[] = ['unitPrice', 'qtyPerCarton', 'netWeight', 'grossWeight', 'cartonSize'];

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
function findMasterSheets(
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
  const last = lastRow(s);
  for (let row = m.scan.row + 1; row <= last; row++) {
    const r = s.values[row - s.top];
    const fr = s.formats?.[row - s.top];
    if (!r) continue;
    const lead = r.find((v) => !isBlankCell(v));
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
