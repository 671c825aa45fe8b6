// Checks of order lines (SPEC 5). Never changes the sheet.

import { columnLetter, columnNumber } from '../address';
import { serialToIso } from '../dates';
import { t } from '../i18n';
import type {
  CellError,
  CellValue,
  FieldKey,
  Issue,
  IssueCode,
  Lang,
  NumericField,
  ProductInfo,
  Severity,
  Understanding,
} from '../types';
import { DATE_FIELDS, NUMERIC_FIELDS, isCellError } from '../types';
import { R_EMPTY, R_INVALID, R_OK, R_OK_TEXT, okAt, type LineColumns } from '../lines/columns';

import { keyText } from '../text';
import { missingFields } from '../understand/missing';
import { fieldWords } from '../sheetWords';
import { DuplicateFinder } from './duplicates';

export { planValidationRules } from '../validation';
export {
  HIGHLIGHT_FILL,
  HIGHLIGHT_FORMULA,
  HIGHLIGHT_MARKER,
  issueRanges,
  planClearHighlight,
  planHighlight,
} from './highlight';

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
  'column.missing': 'error',
  'amount.missing': 'warning',
};
const CODE_ORDER = Object.keys(ISSUE_SEVERITY) as IssueCode[];

/** Fields whose non-numbers are reported (packing columns may hold notes such as "见附件"). */
const STRICT_NUMBER_FIELDS: NumericField[] = ['quantity', 'unitPrice', 'amount', 'shippedQty'];
const REQUIRED_FIELDS: FieldKey[] = ['orderNo', 'customer', 'item', 'quantity', 'dueDate'];
const AMOUNT_TOLERANCE = 0.01;
/**
 * Excel keeps 15 significant digits, so above ten billion a cent is below what a typed amount can hold: the
 * tolerance grows with the amount — a cent, or 10^-12 of the amount, whichever is larger.
 */
const AMOUNT_RELATIVE_TOLERANCE = 1e-12;
const PRICE_TOLERANCE = 0.005;
/** The catalogue's own word for a price list, as a sheet may be named (lower case). */
const PRICE_LIST_WORDS: Record<Lang, string> = { 'zh-CN': '价格表', 'en-US': 'price list' };
/** Floating-point slack so that 0.01 exactly is not "more than 0.01". */
const EPS = 1e-9;

type Params = Record<string, string | number>;

interface Ctx {
  u: Understanding;
  lang: Lang;
  out: Issue[];
  cols: LineColumns;
  /** Field names (the sheet's own header word, else the glossary's), looked up once per field. */
  word: (field: FieldKey) => string;
  /** Column letters, looked up once per column. */
  letters: Map<number, string>;
}

export function checkOrder(u: Understanding, opts: CheckOptions): Issue[] {
  const cols = u.columns;
  const word = fieldWords(opts.lang, u.order);
  const ctx: Ctx = { u, lang: opts.lang, out: [], cols, word, letters: new Map() };
  const wanted = opts.rows ? new Set(opts.rows) : null;
  // Which lines are checked, by line index.
  let on: Uint8Array | null = null;
  if (wanted) {
    on = new Uint8Array(cols.n);
    for (let k = 0; k < cols.n; k++) if (wanted.has(cols.row(k))) on[k] = 1;
  }
  checkMissingColumns(ctx);
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
  return issues
    .slice()
    .sort(
      (a, b) =>
        a.row - b.row ||
        columnNumber(a.column) - columnNumber(b.column) ||
        (CODE_RANK.get(a.code) ?? -1) - (CODE_RANK.get(b.code) ?? -1),
    );
}

/**
 * Never a silent all-clear (SPEC 3, 5): one column.missing per essential field no column holds, on the header row's
 * first cell, saying how to set it.
 */
function checkMissingColumns(ctx: Ctx): void {
  const o = ctx.u.order;
  const letter = columnLetter(o.firstColumn);
  for (const field of missingFields(o)) {
    const fieldName = ctx.word(field); // no column: the glossary's word
    ctx.out.push({
      cell: letter + o.headerRow,
      row: o.headerRow,
      column: letter,
      field,
      code: 'column.missing',
      severity: ISSUE_SEVERITY['column.missing'],
      message: t(ctx.lang, 'check.column.missing', { field: fieldName }),
      value: null,
      fix: null,
    });
  }
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
        // The number as the message's language writes it (1,200, as the fixed cell shows it), not "1200".
        else report(ctx, k, field, 'text.number', { fix: Number(formatNumber(v)) }, { value: v });
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
    // SPEC 5 amount.missing: the sheet has an amount column, quantity and price are numbers, the amount is empty. A
    // quantity or price typed as text is not "present" until fixed (its own issue says so first).
    if (
      vq !== null &&
      vp !== null &&
      qty.kind[k] === R_OK &&
      price.kind[k] === R_OK &&
      amount.kind[k] === R_EMPTY &&
      ctx.u.order.columns.amount !== undefined &&
      !isFormulaCell(ctx, k, 'amount') // a formula left empty is the clerk's formula's answer, not a gap to fill
    )
      report(ctx, k, 'amount', 'amount.missing', { expected: formatNumber(round2(vq * vp)), ...timesWords(ctx) });
    if (a !== null && vq !== null && vp !== null) {
      const expected = vq * vp;
      const tolerance = Math.max(AMOUNT_TOLERANCE, Math.abs(expected) * AMOUNT_RELATIVE_TOLERANCE);
      if (Math.abs(a - expected) > tolerance + EPS) {
        report(ctx, k, 'amount', 'amount.mismatch', {
          value: formatNumber(a),
          expected: formatNumber(round2(expected)),
          ...timesWords(ctx),
        });
      }
    }
    const d = okAt(due, k);
    const o = okAt(ordered, k);
    if (d !== null && o !== null && d < o) {
      report(ctx, k, 'dueDate', 'dueDate.beforeOrderDate', {
        due: serialToIso(d),
        order: serialToIso(o),
        orderDateField: ctx.word('orderDate'),
      });
    }
    const s = okAt(shipped, k);
    if (s !== null && vq !== null && s > vq + EPS) {
      report(ctx, k, 'shippedQty', 'shippedQty.exceedsQuantity', {
        value: formatNumber(s),
        quantity: formatNumber(vq),
        quantityField: ctx.word('quantity'),
      });
    }
    if (priceList) checkPriceList(ctx, k, priceList, vp);
  }
}

function checkPriceList(ctx: Ctx, k: number, products: ProductIndex, p: number | null): void {
  const item = ctx.cols.text(k, 'item') ?? '';
  if (item === '' || isCellError(ctx.cols.raw(k, 'item'))) return;
  const product = products.find(item);
  // A sheet named 价格表 / Price list is "the price list", not 价格表“价格表”.
  const plain = PRICE_LIST_WORDS[ctx.lang] === products.sheet.trim().toLowerCase() ? '.plain' : '';
  if (!product) {
    report(ctx, k, 'item', 'priceList.unknownItem', { sheet: products.sheet }, null, false, plain);
    return;
  }
  if (p === null || product.unitPrice === undefined) return;
  if (Math.abs(p - product.unitPrice) > PRICE_TOLERANCE + EPS) {
    report(
      ctx,
      k,
      'unitPrice',
      'priceList.priceDiffers',
      {
        value: formatNumber(p),
        master: formatNumber(product.unitPrice),
        sheet: products.sheet,
      },
      null,
      false,
      plain,
    );
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
  report(ctx, k, 'item', 'line.duplicate', {
    row: otherRow,
    orderNoField: ctx.word('orderNo'),
    quantityField: ctx.word('quantity'),
    dueDateField: ctx.word('dueDate'),
  });
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
      const n = keyText(k);
      if (n !== '' && !byKey.has(n)) byKey.set(n, info);
    }
  }
  return { sheet: products.sheet, find: (item) => byKey.get(keyText(item)) };
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
  /** A variant of the code's message ('.plain'), same code and severity. */
  variant = '',
): void {
  const col = ctx.u.order.columns[field];
  if (col === undefined) return;
  const row = ctx.cols.row(k);
  const raw = ctx.cols.raw(k, field) ?? null;
  let letter = ctx.letters.get(col);
  if (letter === undefined) {
    letter = columnLetter(col);
    ctx.letters.set(col, letter);
  }
  // `value` is the text as the clerk typed it ("11月20日"), not its reading; params win over field and value.
  const value = typeof raw === 'string' ? raw.trim() : (ctx.cols.text(k, field) ?? displayRaw(raw));
  const message = t(ctx.lang, `check.${code}${formula ? '.formula' : variant}`, {
    field: ctx.word(field),
    value,
    ...params,
  });
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

/** The names in "amount = quantity × unit price". */
function timesWords(ctx: Ctx): Params {
  return { quantityField: ctx.word('quantity'), unitPriceField: ctx.word('unitPrice') };
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
