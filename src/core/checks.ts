// Checks of order lines (SPEC 5). Never changes the sheet.

import { columnLetter, columnNumber } from './address';
import { serialToIso } from './dates';
import type { WorkbookEdit } from './edits';
import { orderBlock } from './delay';
import { CATALOGUE, t } from './i18n';
import type {
  CellError,
  CellValue,
  DateField,
  FieldKey,
  Issue,
  IssueCode,
  Lang,
  NumericField,
  ProductInfo,
  Severity,
  Understanding,
} from './types';
import { DATE_FIELDS, NUMERIC_FIELDS, isCellError } from './types';
import {
  R_INVALID,
  R_OK,
  R_OK_TEXT,
  lineColumnsOf,
  type FieldCells,
  type LineColumns,
  type ReadingColumn,
} from './understand';

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
  cols: LineColumns;
  /** Field names in the message language, looked up once per field. */
  names: Map<FieldKey, string>;
  letters: Map<number, string>;
  templates: Map<string, string[]>;
}

export function checkOrder(u: Understanding, opts: CheckOptions): Issue[] {
  const cols = lineColumnsOf(u);
  const ctx: Ctx = { u, lang: opts.lang, out: [], cols, names: new Map(), letters: new Map(), templates: new Map() };
  const wanted = opts.rows ? new Set(opts.rows) : null;
  // Which lines are checked, by line index.
  let on: Uint8Array | null = null;
  if (wanted) {
    on = new Uint8Array(cols.n);
    for (let k = 0; k < cols.n; k++) if (wanted.has(cols.row(k))) on[k] = 1;
  }
  checkCellErrors(ctx, on);
  checkRequired(ctx, on);
  checkNumbers(ctx, on);
  checkDates(ctx, on);
  checkLineValues(ctx, on, productIndex(u));
  checkDuplicates(ctx, wanted);
  return sortIssues(ctx.out);
}

export function issueCounts(issues: Issue[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, fixable: 0 };
  for (const i of issues) c[i.severity]++;
  return c;
}

const CODE_RANK = new Map<string, number>(CODE_ORDER.map((c, i) => [c, i]));

/** By row, then column, then the SPEC table's order of codes. */
export function sortIssues(issues: Issue[]): Issue[] {
  // One numeric key per issue instead of parsing column letters in every comparison (100,000-row sheets).
  const colCache = new Map<string, number>();
  const keys = new Float64Array(issues.length);
  let sorted = true;
  let exact = true;
  for (let n = 0; n < issues.length; n++) {
    const i = issues[n];
    let c = colCache.get(i.column);
    if (c === undefined) {
      c = columnNumber(i.column);
      colCache.set(i.column, c);
    }
    const rank = CODE_RANK.get(i.code) ?? -1;
    const key = (i.row * 16385 + c) * 16 + rank + 1;
    if (
      !Number.isSafeInteger(key) ||
      !Number.isInteger(i.row) ||
      !Number.isInteger(c) ||
      i.row < 0 ||
      c < 0 ||
      c > 16384
    )
      exact = false;
    keys[n] = key;
    if (n > 0 && keys[n - 1] > key) sorted = false;
  }
  if (!exact) {
    return issues
      .slice()
      .sort(
        (a, b) =>
          a.row - b.row ||
          columnNumber(a.column) - columnNumber(b.column) ||
          CODE_ORDER.indexOf(a.code) - CODE_ORDER.indexOf(b.code),
      );
  }
  if (sorted) return issues.slice();
  const order = Array.from(issues.keys()).sort((a, b) => keys[a] - keys[b] || a - b);
  return order.map((n) => issues[n]);
}

function checkCellErrors(ctx: Ctx, on: Uint8Array | null): void {
  for (const field of mappedFields(ctx.u)) {
    for (const k of ctx.cols.errorLines(field)) {
      if (on && !on[k]) continue;
      const v = ctx.cols.raw(k, field) as CellError;
      report(ctx, k, field, 'cell.error', { value: v.error });
    }
  }
}

function checkRequired(ctx: Ctx, on: Uint8Array | null): void {
  for (const field of REQUIRED_FIELDS) {
    if (ctx.u.order.columns[field] === undefined) continue;
    for (const k of ctx.cols.emptyLines(field)) if (!on || on[k]) report(ctx, k, field, 'required.missing', {});
  }
}

function checkNumbers(ctx: Ctx, on: Uint8Array | null): void {
  for (const field of NUMERIC_FIELDS) {
    if (ctx.u.order.columns[field] === undefined) continue;
    const col = ctx.cols.num(field);
    const strict = STRICT_NUMBER_FIELDS.includes(field);
    for (let k = 0; k < col.kind.length; k++) {
      const kind = col.kind[k];
      if (kind === R_OK || kind < R_OK_TEXT || (on && !on[k])) continue;
      if (kind === R_OK_TEXT) {
        const v = col.value[k];
        if (isFormulaCell(ctx, k, field)) report(ctx, k, field, 'text.number', {}, null, true);
        else report(ctx, k, field, 'text.number', { fix: formatNumber(v) }, { value: v });
      } else if (kind === R_INVALID && strict) {
        report(ctx, k, field, 'number.invalid', {});
      }
    }
  }
}

function checkDates(ctx: Ctx, on: Uint8Array | null): void {
  for (const field of DATE_FIELDS) {
    if (ctx.u.order.columns[field] === undefined) continue;
    const col = ctx.cols.date(field);
    for (let k = 0; k < col.kind.length; k++) {
      const kind = col.kind[k];
      if (kind === R_OK || kind < R_OK_TEXT || (on && !on[k])) continue;
      if (kind === R_OK_TEXT) {
        const iso = serialToIso(col.value[k]);
        if (isFormulaCell(ctx, k, field)) report(ctx, k, field, 'text.date', {}, null, true);
        else report(ctx, k, field, 'text.date', { fix: iso }, { value: iso });
      } else if (kind === R_INVALID) {
        report(ctx, k, field, 'date.invalid', {});
      }
    }
  }
}

/** Line k's cell of `field` holds a formula (its text is the formula's result: no fix can write over it). */
function isFormulaCell(ctx: Ctx, k: number, field: FieldKey): boolean {
  const col = ctx.u.order.columns[field];
  return col !== undefined && ctx.u.isFormula !== undefined && ctx.u.isFormula(ctx.cols.row(k), col);
}

/** The value of an ok reading, else null. */
function okAt(col: ReadingColumn, k: number): number | null {
  const kind = col.kind[k];
  return kind === R_OK || kind === R_OK_TEXT ? col.value[k] : null;
}

/** Per line: quantity and price signs, amount, due before order, shipped over quantity, the price list. */
function checkLineValues(ctx: Ctx, on: Uint8Array | null, products: ProductIndex | null): void {
  const { cols } = ctx;
  const qty = cols.num('quantity');
  const price = cols.num('unitPrice');
  const amount = cols.num('amount');
  const shipped = cols.num('shippedQty');
  const due = cols.date('dueDate');
  const ordered = cols.date('orderDate');
  const priceList = products !== null && ctx.u.order.columns.item !== undefined ? products : null;
  for (let k = 0; k < cols.n; k++) {
    if (on && !on[k]) continue;
    const q = okAt(qty, k);
    if (q !== null && q <= 0) report(ctx, k, 'quantity', 'quantity.notPositive', { value: formatNumber(q) });
    const p = okAt(price, k);
    if (p !== null && p < 0) report(ctx, k, 'unitPrice', 'unitPrice.negative', { value: formatNumber(p) });
    // Quantity and price usable in arithmetic; a line whose quantity or price is itself wrong is reported there only.
    const vq = q !== null && q > 0 ? q : null;
    const vp = p !== null && p >= 0 ? p : null;
    const a = okAt(amount, k);
    if (a !== null && vq !== null && vp !== null) {
      const expected = vq * vp;
      if (Math.abs(a - expected) > AMOUNT_TOLERANCE + EPS) {
        report(ctx, k, 'amount', 'amount.mismatch', {
          value: formatNumber(a),
          expected: formatNumber(round2(expected)),
        });
      }
    }
    const d = okAt(due, k);
    const o = okAt(ordered, k);
    if (d !== null && o !== null && Math.floor(d) < Math.floor(o)) {
      report(ctx, k, 'dueDate', 'dueDate.beforeOrderDate', { due: serialToIso(d), order: serialToIso(o) });
    }
    const s = okAt(shipped, k);
    if (s !== null && vq !== null && s > vq + EPS) {
      report(ctx, k, 'shippedQty', 'shippedQty.exceedsQuantity', {
        value: formatNumber(s),
        quantity: formatNumber(vq),
      });
    }
    if (priceList) checkPriceList(ctx, k, priceList, vp);
  }
}

function checkPriceList(ctx: Ctx, k: number, products: ProductIndex, p: number | null): void {
  const item = ctx.cols.text(k, 'item') ?? '';
  if (item === '' || isCellError(ctx.cols.raw(k, 'item'))) return;
  const product = products.find(item);
  if (!product) {
    report(ctx, k, 'item', 'priceList.unknownItem', { sheet: products.sheet });
    return;
  }
  if (p === null || product.unitPrice === undefined) return;
  if (Math.abs(p - product.unitPrice) > PRICE_TOLERANCE + EPS) {
    report(ctx, k, 'unitPrice', 'priceList.priceDiffers', {
      value: formatNumber(p),
      master: formatNumber(product.unitPrice),
      sheet: products.sheet,
    });
  }
}

/**
 * Same orderNo, item, quantity and dueDate as another line: reported on the later row. When only some rows are
 * checked, a checked row is also reported when its twin comes later but is not among the checked rows.
 */
function checkDuplicates(ctx: Ctx, wanted: Set<number> | null): void {
  if (ctx.u.order.columns.item === undefined) return;
  const cols = ctx.cols;
  const reported = new Set<number>();
  const finder = new DuplicateFinder(cols);
  for (let k = 0; k < cols.n; k++) {
    const earlier = finder.firstWithKey(k);
    if (earlier < 0 || earlier === k) continue;
    if (!wanted || wanted.has(cols.row(k))) {
      reportDuplicate(ctx, k, cols.row(earlier), reported);
    } else if (wanted.has(cols.row(earlier))) {
      reportDuplicate(ctx, earlier, cols.row(k), reported);
    }
  }
}

function reportDuplicate(ctx: Ctx, k: number, otherRow: number, reported: Set<number>): void {
  const row = ctx.cols.row(k);
  if (reported.has(row)) return;
  reported.add(row);
  report(ctx, k, 'item', 'line.duplicate', { row: otherRow });
}

/**
 * The duplicate key of a line is its orderNo, item, quantity and due date, texts normalised by normalizeKeyText and
 * read numbers as numbers; a line without an item has none. firstWithKey(k), called in line order, gives the first
 * line with the same key (k itself when it is the first), or -1 without a key. Keys are hashed into an
 * open-addressing table and compared part by part only when hashes meet, so no key is built per line.
 */
class DuplicateFinder {
  private readonly item: FieldCells;
  private readonly orderNo: FieldCells;
  private readonly qtyCells: FieldCells;
  private readonly dueCells: FieldCells;
  private readonly qty: ReadingColumn;
  private readonly due: ReadingColumn;
  private readonly memo = new Map<string, string>();
  private readonly size: number;
  /** Pairs (line, hash) per slot: one cache line per probe. */
  private readonly slots: Int32Array;
  /** The previous line's orderNo and its hash: lines of one order follow each other. */
  private lastOrderNo = '';
  private lastOrderNoHash = 0;
  /** Whether the text last hashed was '' once normalised. */
  private wasEmpty = false;

  constructor(cols: LineColumns) {
    this.item = cols.field('item');
    this.orderNo = cols.field('orderNo');
    this.qtyCells = cols.field('quantity');
    this.dueCells = cols.field('dueDate');
    this.qty = cols.num('quantity');
    this.due = cols.date('dueDate');
    let size = 16;
    while (size < cols.n * 2) size *= 2;
    this.size = size;
    this.slots = new Int32Array(size * 2).fill(-1);
    this.lastOrderNoHash = this.textHash('');
  }

  firstWithKey(k: number): number {
    const item = this.item.text(k) ?? '';
    const itemHash = this.textHash(item);
    if (this.wasEmpty) return -1;
    const orderNo = this.orderNo.text(k) ?? '';
    if (orderNo !== this.lastOrderNo) {
      this.lastOrderNo = orderNo;
      this.lastOrderNoHash = this.textHash(orderNo);
    }
    let h = Math.imul(itemHash ^ 0x9e3779b9, 0x85ebca6b) ^ this.lastOrderNoHash;
    const qk = this.qty.kind[k];
    h =
      qk === R_OK || qk === R_OK_TEXT
        ? hashNumber(this.qty.value[k], h)
        : Math.imul(h ^ this.textHash(this.qtyCells.text(k) ?? ''), 0x5bd1e995);
    const dk = this.due.kind[k];
    h =
      dk === R_OK || dk === R_OK_TEXT
        ? hashNumber(Math.floor(this.due.value[k]), h)
        : Math.imul(h ^ this.textHash(this.dueCells.text(k) ?? ''), 0x5bd1e995);
    h ^= h >>> 15;
    const mask = this.size - 1;
    const slots = this.slots;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const other = slots[2 * slot];
      if (other < 0) {
        slots[2 * slot] = k;
        slots[2 * slot + 1] = h;
        return k;
      }
      if (slots[2 * slot + 1] === h && this.sameKey(other, k)) return other;
    }
  }

  /**
   * FNV-1a hash of normalizeKeyText(s) (EMPTY_TEXT for ''). Printable ASCII without lower-case letters or spaces is
   * its own normal form, so most texts are hashed as they are, in one pass.
   */
  private textHash(s: string): number {
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x21 || c > 0x7e || (c >= 0x61 && c <= 0x7a)) {
        const key = this.keyText(s);
        this.wasEmpty = key === '';
        return hashOf(key);
      }
      h = Math.imul(h ^ c, 0x01000193);
    }
    this.wasEmpty = s.length === 0;
    return h;
  }

  private keyText(s: string | undefined): string {
    if (s === undefined) return '';
    if (isKeyTextAsIs(s)) return s;
    let v = this.memo.get(s);
    if (v === undefined) {
      v = normalizeKeyText(s);
      if (this.memo.size < 100000) this.memo.set(s, v);
    }
    return v;
  }

  private ok(col: ReadingColumn, k: number): boolean {
    const kind = col.kind[k];
    return kind === R_OK || kind === R_OK_TEXT;
  }

  /** Same four parts (run only when two lines' hashes meet). */
  private sameKey(a: number, b: number): boolean {
    const { qty, due } = this;
    return (
      this.keyText(this.item.text(a)) === this.keyText(this.item.text(b)) &&
      this.keyText(this.orderNo.text(a)) === this.keyText(this.orderNo.text(b)) &&
      (this.ok(qty, a)
        ? this.ok(qty, b) && qty.value[a] === qty.value[b]
        : !this.ok(qty, b) && this.keyText(this.qtyCells.text(a)) === this.keyText(this.qtyCells.text(b))) &&
      (this.ok(due, a)
        ? this.ok(due, b) && Math.floor(due.value[a]) === Math.floor(due.value[b])
        : !this.ok(due, b) && this.keyText(this.dueCells.text(a)) === this.keyText(this.dueCells.text(b)))
    );
  }
}

/** FNV-1a over a normalised text's UTF-16 units. */
function hashOf(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** True when normalizeKeyText(s) === s: printable ASCII without lower-case letters or spaces. */
function isKeyTextAsIs(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x21 || c > 0x7e || (c >= 0x61 && c <= 0x7a)) return false;
  }
  return true;
}

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** Mixes a number's bits into a hash (0 and -0 alike: equal keys). */
function hashNumber(x: number, h: number): number {
  F64[0] = x === 0 ? 0 : x;
  h = Math.imul(h ^ U32[0], 0x01000193);
  return Math.imul(h ^ U32[1], 0x01000193);
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

/** `formula`: the cell's text comes from a formula — a warning with its own message and no fix. */
function report(
  ctx: Ctx,
  k: number,
  field: FieldKey,
  code: IssueCode,
  params: Params,
  fix: Issue['fix'] = null,
  formula = false,
): void {
  const col = ctx.u.order.columns[field];
  if (col === undefined) return;
  const row = ctx.cols.row(k);
  const raw = ctx.cols.raw(k, field) ?? null;
  let name = ctx.names.get(field);
  if (name === undefined) {
    name = t(ctx.lang, `checks.field.${field}`);
    ctx.names.set(field, name);
  }
  let letter = ctx.letters.get(col);
  if (letter === undefined) {
    letter = columnLetter(col);
    ctx.letters.set(col, letter);
  }
  const message = issueMessage(ctx, formula ? `${code}.formula` : code, params, name, k, field, raw);
  ctx.out.push({
    cell: letter + row,
    row,
    column: letter,
    field,
    code,
    severity: formula ? 'warning' : ISSUE_SEVERITY[code],
    message,
    value: raw,
    fix,
  });
}

/**
 * t(lang, `check.${code}`, { field, value, ...params }) with the template split once per check run (thousands of
 * issues on big sheets): the same catalogue lookup and the same `{name}` filling as t(), where `field` is the field's
 * name and `value` the text as the clerk typed it ("11月20日"), not its reading; params win over both.
 */
function issueMessage(
  ctx: Ctx,
  code: string,
  params: Params,
  fieldName: string,
  k: number,
  field: FieldKey,
  raw: CellValue,
): string {
  const catalogue = CATALOGUE[ctx.lang] as Record<string, string> | undefined;
  const valueText = (): string => (typeof raw === 'string' ? raw.trim() : (ctx.cols.text(k, field) ?? displayRaw(raw)));
  if (!catalogue) return t(ctx.lang, `check.${code}`, { field: fieldName, value: valueText(), ...params });
  let parts = ctx.templates.get(code);
  if (parts === undefined) {
    const key = `check.${code}`;
    parts = (catalogue[key] ?? CATALOGUE['en-US'][key] ?? key).split(/\{(\w+)\}/);
    ctx.templates.set(code, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    let text: string;
    if (Object.prototype.hasOwnProperty.call(params, name)) text = String(params[name]);
    else if (name === 'field') text = fieldName;
    else if (name === 'value') text = valueText();
    else text = name in params ? String(params[name]) : `{${name}}`;
    out += text + parts[i + 1];
  }
  return out;
}

function mappedFields(u: Understanding): FieldKey[] {
  return Object.keys(u.order.columns) as FieldKey[];
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
  // A number whose shortest form has at most 12 characters (so ≤ 12 digits, no exponent) is already that form.
  const s = String(n);
  if (s.length <= 12 && s.indexOf('e') < 0) return s;
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
    scope: orderBlock(u),
  };
}

export function planClearHighlight(u: Understanding): WorkbookEdit {
  return {
    kind: 'setConditionalFormats',
    sheet: u.order.sheet,
    marker: HIGHLIGHT_MARKER,
    ranges: [],
    rules: [],
    scope: orderBlock(u),
  };
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
