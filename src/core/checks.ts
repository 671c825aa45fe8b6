// Checks of order lines (SPEC 5). Never changes the sheet.

import { cellAddress, columnLetter, columnNumber } from './address';
import { serialToIso } from './dates';
import type { WorkbookEdit } from './edits';
import { t } from './i18n';
import type {
  CellValue, DateField, FieldKey, Issue, IssueCode, Lang, NumericField, OrderLine, ProductInfo, Reading, Severity,
  Understanding,
} from './types';
import { isCellError } from './types';

export { planValidationRules } from './validation';

export interface CheckOptions {
  lang: Lang;
  /** Check only these sheet rows (a pasted PO); duplicates are still looked for against every line. */
  rows?: number[];
}

/** Severity of each code, and the order issues of one cell are listed in (SPEC 5 table order). */
export const ISSUE_SEVERITY: Record<IssueCode, Severity> = {
  'required.missing': 'error',
  'number.invalid': 'error',
  'text.number': 'fixable',
  'quantity.notPositive': 'error',
  'unitPrice.negative': 'error',
  'amount.mismatch': 'error',
  'date.invalid': 'error',
  'text.date': 'fixable',
  'dueDate.beforeOrderDate': 'error',
  'shippedQty.exceedsQuantity': 'error',
  'cell.error': 'error',
  'line.duplicate': 'warning',
  'priceList.unknownItem': 'warning',
  'priceList.priceDiffers': 'warning',
};
const CODE_ORDER = Object.keys(ISSUE_SEVERITY) as IssueCode[];

/** Fields whose non-numbers are reported (packing columns may hold notes such as "见附件"). */
const STRICT_NUMBER_FIELDS: NumericField[] = ['quantity', 'unitPrice', 'amount', 'shippedQty'];
const REQUIRED_FIELDS: FieldKey[] = ['orderNo', 'customer', 'item', 'quantity', 'dueDate'];
const AMOUNT_TOLERANCE = 0.01;
const PRICE_TOLERANCE = 0.005;
/** Floating-point slack so that 0.01 exactly is not "more than 0.01". */
const EPS = 1e-9;

type Params = Record<string, string | number>;

interface Ctx {
  u: Understanding;
  lang: Lang;
  out: Issue[];
}

export function checkOrder(u: Understanding, opts: CheckOptions): Issue[] {
  const ctx: Ctx = { u, lang: opts.lang, out: [] };
  const wanted = opts.rows ? new Set(opts.rows) : null;
  const products = productIndex(u);
  for (const line of u.lines) {
    if (wanted && !wanted.has(line.row)) continue;
    checkLine(ctx, line, products);
  }
  checkDuplicates(ctx, wanted);
  return sortIssues(ctx.out);
}

export function issueCounts(issues: Issue[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, fixable: 0 };
  for (const i of issues) c[i.severity]++;
  return c;
}

/** By row, then column, then the SPEC table's order of codes. */
export function sortIssues(issues: Issue[]): Issue[] {
  return issues.slice().sort(
    (a, b) =>
      a.row - b.row || columnNumber(a.column) - columnNumber(b.column) || CODE_ORDER.indexOf(a.code) - CODE_ORDER.indexOf(b.code),
  );
}

function checkLine(ctx: Ctx, line: OrderLine, products: ProductIndex | null): void {
  checkCellErrors(ctx, line);
  checkRequired(ctx, line);
  checkNumbers(ctx, line);
  checkDates(ctx, line);
  checkQuantityAndPrice(ctx, line);
  checkAmount(ctx, line);
  checkDueBeforeOrder(ctx, line);
  checkShippedQty(ctx, line);
  if (products) checkPriceList(ctx, line, products);
}

function checkCellErrors(ctx: Ctx, line: OrderLine): void {
  for (const field of mappedFields(ctx.u)) {
    const v = line.raw[field];
    if (isCellError(v)) report(ctx, line, field, 'cell.error', { value: v.error });
  }
}

function checkRequired(ctx: Ctx, line: OrderLine): void {
  for (const field of REQUIRED_FIELDS) {
    if (ctx.u.order.columns[field] === undefined) continue;
    if (isEmpty(line.raw[field])) report(ctx, line, field, 'required.missing', {});
  }
}

function checkNumbers(ctx: Ctx, line: OrderLine): void {
  for (const [field, r] of entries(line.num)) {
    if (r.kind === 'ok' && r.fromText) {
      report(ctx, line, field, 'text.number', { fix: formatNumber(r.value) }, { value: r.value });
    } else if (r.kind === 'invalid' && STRICT_NUMBER_FIELDS.includes(field)) {
      report(ctx, line, field, 'number.invalid', {});
    }
  }
}

function checkDates(ctx: Ctx, line: OrderLine): void {
  for (const [field, r] of entries(line.date)) {
    if (r.kind === 'ok' && r.fromText) {
      const iso = serialToIso(r.value);
      report(ctx, line, field, 'text.date', { fix: iso }, { value: iso });
    } else if (r.kind === 'invalid') {
      report(ctx, line, field, 'date.invalid', {});
    }
  }
}

function checkQuantityAndPrice(ctx: Ctx, line: OrderLine): void {
  const q = okValue(line.num.quantity);
  if (q !== null && q <= 0) report(ctx, line, 'quantity', 'quantity.notPositive', { value: formatNumber(q) });
  const p = okValue(line.num.unitPrice);
  if (p !== null && p < 0) report(ctx, line, 'unitPrice', 'unitPrice.negative', { value: formatNumber(p) });
}

/** Amount against quantity × price; a line whose quantity or price is itself wrong is reported there only. */
function checkAmount(ctx: Ctx, line: OrderLine): void {
  const a = okValue(line.num.amount);
  const q = validQuantity(line);
  const p = validPrice(line);
  if (a === null || q === null || p === null) return;
  const expected = q * p;
  if (Math.abs(a - expected) > AMOUNT_TOLERANCE + EPS) {
    report(ctx, line, 'amount', 'amount.mismatch', { value: formatNumber(a), expected: formatNumber(round2(expected)) });
  }
}

function checkDueBeforeOrder(ctx: Ctx, line: OrderLine): void {
  const due = okValue(line.date.dueDate);
  const order = okValue(line.date.orderDate);
  if (due === null || order === null || Math.floor(due) >= Math.floor(order)) return;
  report(ctx, line, 'dueDate', 'dueDate.beforeOrderDate', { due: serialToIso(due), order: serialToIso(order) });
}

function checkShippedQty(ctx: Ctx, line: OrderLine): void {
  const s = okValue(line.num.shippedQty);
  const q = validQuantity(line);
  if (s === null || q === null || s <= q + EPS) return;
  report(ctx, line, 'shippedQty', 'shippedQty.exceedsQuantity', { value: formatNumber(s), quantity: formatNumber(q) });
}

function checkPriceList(ctx: Ctx, line: OrderLine, products: ProductIndex): void {
  if (ctx.u.order.columns.item === undefined) return;
  const item = line.text.item ?? '';
  if (item === '' || isCellError(line.raw.item)) return;
  const product = products.find(item);
  if (!product) {
    report(ctx, line, 'item', 'priceList.unknownItem', { sheet: products.sheet });
    return;
  }
  const p = validPrice(line);
  if (p === null || product.unitPrice === undefined) return;
  if (Math.abs(p - product.unitPrice) > PRICE_TOLERANCE + EPS) {
    report(ctx, line, 'unitPrice', 'priceList.priceDiffers', {
      value: formatNumber(p), master: formatNumber(product.unitPrice), sheet: products.sheet,
    });
  }
}

/**
 * Same orderNo, item, quantity and dueDate as another line: reported on the later row. When only some rows are
 * checked, a checked row is also reported when its twin comes later but is not among the checked rows.
 */
function checkDuplicates(ctx: Ctx, wanted: Set<number> | null): void {
  if (ctx.u.order.columns.item === undefined) return;
  const firstByKey = new Map<string, OrderLine>();
  const reported = new Set<number>();
  for (const line of ctx.u.lines) {
    const key = duplicateKey(line);
    if (key === null) continue;
    const earlier = firstByKey.get(key);
    if (!earlier) {
      firstByKey.set(key, line);
      continue;
    }
    if (!wanted || wanted.has(line.row)) {
      reportDuplicate(ctx, line, earlier.row, reported);
    } else if (wanted.has(earlier.row)) {
      reportDuplicate(ctx, earlier, line.row, reported);
    }
  }
}

function reportDuplicate(ctx: Ctx, line: OrderLine, otherRow: number, reported: Set<number>): void {
  if (reported.has(line.row)) return;
  reported.add(line.row);
  report(ctx, line, 'item', 'line.duplicate', { row: otherRow });
}

function duplicateKey(line: OrderLine): string | null {
  const item = normalizeKeyText(line.text.item ?? '');
  if (item === '') return null;
  const qty = okValue(line.num.quantity);
  const due = okValue(line.date.dueDate);
  return JSON.stringify([
    normalizeKeyText(line.text.orderNo ?? ''),
    item,
    qty !== null ? qty : normalizeKeyText(line.text.quantity ?? ''),
    due !== null ? Math.floor(due) : normalizeKeyText(line.text.dueDate ?? ''),
  ]);
}

interface ProductIndex {
  sheet: string;
  find(item: string): ProductInfo | undefined;
}

/** Price-list lookup that ignores case, spaces and full-width forms (FM-201 = ｆｍ－２０１). */
function productIndex(u: Understanding): ProductIndex | null {
  const products = u.masters.products;
  if (!products) return null;
  const byKey = new Map<string, ProductInfo>();
  for (const [key, info] of products.byItem) {
    for (const k of [info.item, key]) {
      const n = normalizeKeyText(k);
      if (n !== '' && !byKey.has(n)) byKey.set(n, info);
    }
  }
  return { sheet: products.sheet, find: (item) => byKey.get(normalizeKeyText(item)) };
}

export function normalizeKeyText(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

function report(ctx: Ctx, line: OrderLine, field: FieldKey, code: IssueCode, params: Params, fix: Issue['fix'] = null): void {
  const col = ctx.u.order.columns[field];
  if (col === undefined) return;
  const raw = line.raw[field] ?? null;
  const message = t(ctx.lang, `check.${code}`, {
    field: t(ctx.lang, `checks.field.${field}`),
    // The text as the clerk typed it ("11月20日"), not its reading.
    value: typeof raw === 'string' ? raw.trim() : line.text[field] ?? displayRaw(raw),
    ...params,
  });
  ctx.out.push({
    cell: cellAddress(line.row, col),
    row: line.row,
    column: columnLetter(col),
    field,
    code,
    severity: ISSUE_SEVERITY[code],
    message,
    value: raw,
    fix,
  });
}

function mappedFields(u: Understanding): FieldKey[] {
  return Object.keys(u.order.columns) as FieldKey[];
}

function entries<K extends string>(o: Partial<Record<K, Reading>>): [K, Reading][] {
  return Object.entries(o).filter((e): e is [K, Reading] => e[1] !== undefined);
}

function okValue(r: Reading | undefined): number | null {
  return r && r.kind === 'ok' ? r.value : null;
}

/** Quantity usable in arithmetic: read and greater than 0. */
function validQuantity(line: OrderLine): number | null {
  const q = okValue(line.num.quantity);
  return q !== null && q > 0 ? q : null;
}

function validPrice(line: OrderLine): number | null {
  const p = okValue(line.num.unitPrice);
  return p !== null && p >= 0 ? p : null;
}

function isEmpty(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function displayRaw(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'object') return v.error;
  return String(v);
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Numbers as a clerk writes them: no float noise (0.1 + 0.2 → 0.3), no exponent for ordinary sizes. */
export function formatNumber(n: number): string {
  return String(Number(n.toPrecision(12)));
}

export const HIGHLIGHT_MARKER = 'order-clerk:highlight';
/** Excel's light orange (Orange, Accent 2, lighter 60%): a shade darker than the noDueDate row fill in colours.ts. */
export const HIGHLIGHT_FILL = '#F8CBAD';
/** Always true, and carries the marker so the add-in can find and replace its own rule. */
export const HIGHLIGHT_FORMULA = `N("${HIGHLIGHT_MARKER}")=0`;

/** Highlight scattered problem cells with a conditional format (marker "order-clerk:highlight"), or clear it. */
export function planHighlight(u: Understanding, issues: Issue[]): WorkbookEdit {
  const ranges = issueRanges(issues);
  if (ranges.length === 0) return planClearHighlight(u);
  return {
    kind: 'setConditionalFormats',
    sheet: u.order.sheet,
    marker: HIGHLIGHT_MARKER,
    ranges,
    rules: [{ formula: HIGHLIGHT_FORMULA, fill: HIGHLIGHT_FILL }],
  };
}

export function planClearHighlight(u: Understanding): WorkbookEdit {
  return { kind: 'setConditionalFormats', sheet: u.order.sheet, marker: HIGHLIGHT_MARKER, ranges: [], rules: [] };
}

/** The issue cells as A1 areas, column by column, runs of adjacent rows merged ("H7:H9"). */
export function issueRanges(issues: Issue[]): string[] {
  const rowsByColumn = new Map<string, Set<number>>();
  for (const i of issues) {
    const set = rowsByColumn.get(i.column) ?? new Set<number>();
    set.add(i.row);
    rowsByColumn.set(i.column, set);
  }
  const columns = [...rowsByColumn.keys()].sort((a, b) => columnNumber(a) - columnNumber(b));
  const out: string[] = [];
  for (const col of columns) {
    const rows = [...(rowsByColumn.get(col) as Set<number>)].sort((a, b) => a - b);
    let start = rows[0];
    for (let k = 1; k <= rows.length; k++) {
      if (k < rows.length && rows[k] === rows[k - 1] + 1) continue;
      const end = rows[k - 1];
      out.push(start === end ? `${col}${start}` : `${col}${start}:${col}${end}`);
      start = rows[k];
    }
  }
  return out;
}

/** Exposed for fixes: the field of a date column. */
export function isDateField(field: FieldKey): field is DateField {
  return field === 'orderDate' || field === 'dueDate' || field === 'shipDate';
}
