// Reading the selected order lines for documents: text as written, numbers and dates as read (SPEC 4),
// and master look-ups by item and customer.

import { DATE_FORMAT, fromSerial1900 } from '../dates';
import { OrderClerkError } from '../errors';
import { keyText } from '../text';
import type {
  CustomerInfo,
  DateField,
  FieldKey,
  Masters,
  NumericField,
  OrderLine,
  ProductInfo,
  Understanding,
} from '../types';
import type { TableValue } from './layout';

export function lineText(line: OrderLine, field: FieldKey): string {
  return line.text[field] ?? '';
}

/** A number the line holds (real, or number-like text read as the number), else null. */
export function lineNumber(line: OrderLine, field: NumericField): number | null {
  const r = line.num[field];
  return r && r.kind === 'ok' ? r.value : null;
}

/** A 1900-system date serial the line holds, else null. */
export function lineDate(line: OrderLine, field: DateField): number | null {
  const r = line.date[field];
  return r && r.kind === 'ok' ? r.value : null;
}

/** Text of a field for a document cell: literal text, empty as null. */
export function textCell(line: OrderLine, field: FieldKey): string | null {
  const s = lineText(line, field);
  return s === '' ? null : s;
}

/** A number when readable, else what the clerk wrote (as literal text). */
export function numberCell(line: OrderLine, field: NumericField): TableValue {
  return lineNumber(line, field) ?? textCell(line, field);
}

/** A date cell in the workbook's date system when readable, else what the clerk wrote. */
export function dateCell(line: OrderLine, field: DateField, dateSystem: 1900 | 1904): TableValue {
  const serial = lineDate(line, field);
  if (serial === null) return textCell(line, field);
  return { value: fromSerial1900(serial, dateSystem), numberFormat: DATE_FORMAT };
}

function findIn<T>(map: Map<string, T>, name: string): T | undefined {
  if (name === '') return undefined;
  const exact = map.get(name);
  if (exact) return exact;
  const key = keyText(name);
  for (const [k, v] of map) if (keyText(k) === key) return v;
  return undefined;
}

export function findProduct(masters: Masters, item: string): ProductInfo | undefined {
  return masters.products ? findIn(masters.products.byItem, item) : undefined;
}

export function findCustomer(masters: Masters, customer: string): CustomerInfo | undefined {
  return masters.customers ? findIn(masters.customers.byName, customer) : undefined;
}

/** "4-5,7": ascending rows with runs collapsed. */
export function formatRowList(rows: number[]): string {
  const sorted = Array.from(new Set(rows)).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** The selected order lines in sheet order. Throws noRowsSelected / rowsNotOrderLines. */
export function selectLines(u: Understanding, rows: number[]): OrderLine[] {
  const wanted = Array.from(new Set(rows)).sort((a, b) => a - b);
  if (wanted.length === 0) throw new OrderClerkError('noRowsSelected');
  const byRow = new Map(u.lines.map((l) => [l.row, l]));
  const strays = wanted.filter((r) => !byRow.has(r));
  if (strays.length) throw new OrderClerkError('rowsNotOrderLines', { rows: formatRowList(strays) });
  return wanted.map((r) => byRow.get(r) as OrderLine);
}

/** Distinct non-empty values of a field, in order of first appearance. */
export function distinctTexts(lines: OrderLine[], field: FieldKey): string[] {
  return Array.from(new Set(lines.map((l) => lineText(l, field)).filter((s) => s !== '')));
}

/** Round to `digits` decimals without float noise (5.819999 → 5.82). */
export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(Number((x * f).toPrecision(15))) / f;
}
