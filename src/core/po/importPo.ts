// Import a customer PO into the order sheet (SPEC 15), as one plan: new lines appended inside the order table right
// after the last order line (the sheet's own formulas continued, the last line's formats taken), changed lines
// listed old → new (written with change-log rows only when accepted), dropped lines listed and never deleted.

import { cellAddress, columnLetter, parseRange, rangeAddress } from '../address';
import { changeLogSheetName, planChangeLogAppend, type ChangeLogEntry } from '../changelog';
import { checkOrder } from '../checks';
import { keyText } from '../text';
import { DATE_FORMAT, fromSerial1900, isDateFormat, isoToSerial, serialToIso } from '../dates';
import type { SetValueCell, WorkbookEdit, WriteValue } from '../edits';
import { OrderClerkError } from '../errors';
import { t } from '../i18n';
import { existingOrderTable } from '../orderTable';
import { cellAt, findSheet, formatAt } from '../snapshot';
import type {
  CellValue,
  FieldKey,
  Issue,
  Lang,
  OrderLine,
  SheetSnapshot,
  Understanding,
  WorkbookSnapshot,
} from '../types';
import { understand } from '../understand';
import type { PoLine, PoValue, PurchaseOrder } from './readPo';

/** PO fields written into a new line (the order sheet's own tracking columns — shipped, ship date, status — are not). */
const IMPORTED: FieldKey[] = [
  'orderNo',
  'customerPo',
  'customer',
  'item',
  'description',
  'spec',
  'quantity',
  'unit',
  'unitPrice',
  'amount',
  'currency',
  'orderDate',
  'dueDate',
  'remarks',
  'cartons',
  'qtyPerCarton',
  'netWeight',
  'grossWeight',
  'cartonSize',
  'cbm',
];

/** The fields a revised PO changes on an existing line. */
export const CHANGE_FIELDS = ['quantity', 'unitPrice', 'dueDate'] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

export interface ImportOptions {
  /** Language of the change-log words written into the workbook. */
  lang: Lang;
  now: Date;
  today: string;
  /** Write the changed quantities, prices and due dates (CLI --apply-changes). */
  applyChanges: boolean;
  /** Append the new lines (default true); false lists them only (the pane's "Apply changes" alone). */
  addLines?: boolean;
}

export interface AddedLine {
  /** Sheet row the line is written to (0 when only listed: addLines false). */
  row: number;
  poRow: number;
  orderNo: string;
  item: string;
  quantity: number | null;
  dueDate: string | null;
}

export interface ChangedValue {
  row: number;
  cell: string;
  orderNo: string;
  item: string;
  field: ChangeField;
  old: PoValue | null;
  new: PoValue;
  applied: boolean;
  /** Why an accepted change was not written (the cell holds a formula). */
  reason?: 'formula';
}

export interface ImportPlan {
  edits: WorkbookEdit[];
  po: { orderNo: string | null; customer: string | null; sheet: string };
  /** PO field → order-sheet column letter, and the PO fields the order sheet has no column for. */
  mapping: Partial<Record<FieldKey, string>>;
  notMapped: FieldKey[];
  /** PO fields whose order-sheet column continues the last line's formula: the formula wins, the PO value is not written. */
  formulaKept: FieldKey[];
  /** The order-sheet field that holds the PO number (customerPo when the sheet has that column, else orderNo). */
  keyField: 'orderNo' | 'customerPo';
  added: AddedLine[];
  changed: ChangedValue[];
  dropped: { row: number; orderNo: string; item: string }[];
  unchanged: number;
  /** PO lines without an item: they cannot be matched and are not imported. */
  skipped: { poRow: number; reason: 'noItem' | 'noNumber' }[];
  /** Check results of the new lines (as "Check selection"). */
  issues: Issue[];
  /** The change-log sheet the changes are (or would be) recorded in, named as it exists or will be created. */
  log: string;
}

/**
 * Plan the import. Throws OrderClerkError: 'poNoKeyColumn' when the order sheet has neither an order-number nor a
 * customer-PO column (lines could not be matched, so importing twice would add them twice), 'poNoRoom' when the
 * rows under the last order line are not empty (appending would write over them; nothing is moved).
 */
export function planImport(u: Understanding, wb: WorkbookSnapshot, po: PurchaseOrder, opts: ImportOptions): ImportPlan {
  const o = u.order;
  const sheet = findSheet(wb, o.sheet)!;
  const keyField: 'orderNo' | 'customerPo' = o.columns.customerPo !== undefined ? 'customerPo' : 'orderNo';
  if (o.columns[keyField] === undefined || o.columns.item === undefined)
    throw new OrderClerkError('poNoKeyColumn', { sheet: o.sheet });

  const mapping: ImportPlan['mapping'] = {};
  const notMapped: FieldKey[] = [];
  const poFields = new Set<FieldKey>();
  for (const l of po.lines) for (const f of Object.keys(l.values) as FieldKey[]) poFields.add(f);
  for (const f of poFields) {
    if (f === 'lineNo') continue;
    const target = targetField(f, keyField);
    const col = IMPORTED.includes(f) ? o.columns[target] : undefined;
    if (col !== undefined && !(target !== f && poFields.has(target))) mapping[f] = columnLetter(col);
    else notMapped.push(f);
  }

  // Order-sheet lines by key (number + item), in row order: the k-th PO line of a key meets the k-th sheet line.
  const byKey = new Map<string, OrderLine[]>();
  for (const line of u.lines) {
    const k = key(line.text[keyField], line.text.item);
    if (k === null) continue;
    const list = byKey.get(k) ?? [];
    list.push(line);
    byKey.set(k, list);
  }
  const used = new Map<string, number>();
  const matched = new Set<OrderLine>();
  const news: PoLine[] = [];
  const changed: ChangedValue[] = [];
  const skipped: ImportPlan['skipped'] = [];
  let unchanged = 0;
  for (const l of po.lines) {
    const number = poNumber(l);
    if (l.values.item === undefined) {
      skipped.push({ poRow: l.row, reason: 'noItem' });
      continue;
    }
    if (number === null) {
      skipped.push({ poRow: l.row, reason: 'noNumber' });
      continue;
    }
    const k = key(number, String(l.values.item))!;
    const n = used.get(k) ?? 0;
    used.set(k, n + 1);
    const line = byKey.get(k)?.[n];
    if (!line) {
      news.push(l);
      continue;
    }
    matched.add(line);
    const diffs = differences(u, line, l, number, opts.applyChanges);
    if (diffs.length) changed.push(...diffs);
    else unchanged++;
  }
  const poNumbers = new Set(
    po.lines
      .map((l) => poNumber(l))
      .filter((x): x is string => x !== null)
      .map(norm),
  );
  const dropped = u.lines
    .filter((line) => !matched.has(line) && poNumbers.has(norm(line.text[keyField] ?? '')))
    .map((line) => ({ row: line.row, orderNo: line.text[keyField] ?? '', item: line.text.item ?? '' }));

  const listedOnly = opts.addLines === false ? news.splice(0) : [];
  // New lines: the rows right under the last order line must be empty across the table.
  const first = o.lastDataRow + 1;
  const last = o.lastDataRow + news.length;
  if (news.length) {
    const taken = takenRow(sheet, first, last, o.firstColumn, o.lastColumn);
    if (taken !== null) throw new OrderClerkError('poNoRoom', { sheet: o.sheet, row: taken, first, last });
  }
  const ds = wb.dateSystem === 1904 ? 1904 : 1900;
  const isFormula = u.isFormula ?? (() => false);
  const columnField = new Map<number, FieldKey>();
  for (const [f, c] of Object.entries(o.columns) as [FieldKey, number][]) columnField.set(c, f);
  const prevLineNo = o.columns.lineNo !== undefined ? cellAt(sheet, o.lastDataRow, o.columns.lineNo) : null;

  const cells: SetValueCell[] = [];
  const preview = new Map<number, Map<number, CellValue>>();
  const added: AddedLine[] = [];
  const entries: ChangeLogEntry[] = [];
  const formulaKept = new Set<FieldKey>();
  news.forEach((l, i) => {
    const row = first + i;
    const rowValues = new Map<number, CellValue>();
    for (let c = o.firstColumn; c <= o.lastColumn; c++) {
      const address = cellAddress(row, c);
      const from = cellAddress(o.lastDataRow, c);
      const field = columnField.get(c);
      if (isFormula(o.lastDataRow, c)) {
        cells.push({ address, value: null, formulaFrom: from, formatFrom: from });
        if (field !== undefined && field !== 'lineNo' && valueFor(l, field, keyField) !== undefined)
          formulaKept.add(field);
        continue;
      }
      let value: WriteValue = null;
      let numberFormat: string | undefined;
      if (field === 'lineNo') value = typeof prevLineNo === 'number' ? prevLineNo + i + 1 : null;
      else if (field !== undefined) {
        const v = valueFor(l, field, keyField);
        if (v !== undefined) {
          if (isDateField(field) && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
            value = fromSerial1900(isoToSerial(v), ds);
            if (!isDateFormat(formatAt(sheet, o.lastDataRow, c))) numberFormat = DATE_FORMAT;
          } else value = v;
        }
      }
      cells.push({ address, value, formatFrom: from, ...(numberFormat ? { numberFormat } : {}) });
      if (value !== null) rowValues.set(c, value);
    }
    preview.set(row, rowValues);
    const number = poNumber(l)!;
    const item = String(l.values.item);
    added.push({
      row,
      poRow: l.row,
      orderNo: number,
      item,
      quantity: typeof l.values.quantity === 'number' ? l.values.quantity : null,
      dueDate: typeof l.values.dueDate === 'string' ? l.values.dueDate : null,
    });
    entries.push({
      time: opts.now,
      action: 'import',
      sheet: o.sheet,
      cell: rangeAddress(row, o.firstColumn, row, o.lastColumn),
      old: null,
      new: t(opts.lang, 'po.log.added', { po: number, sheet: po.sheet, row: l.row }),
      orderNo: number,
      item,
    });
  });

  const changeCells: SetValueCell[] = [];
  for (const c of changed) {
    if (!c.applied) continue;
    const col = o.columns[c.field]!;
    let value: WriteValue = c.new;
    let numberFormat: string | undefined;
    if (c.field === 'dueDate') {
      value = fromSerial1900(isoToSerial(String(c.new)), ds);
      if (!isDateFormat(formatAt(sheet, c.row, col))) numberFormat = DATE_FORMAT;
    }
    changeCells.push({ address: c.cell, value, ...(numberFormat ? { numberFormat } : {}) });
    entries.push({
      time: opts.now,
      action: 'orderChange',
      sheet: o.sheet,
      cell: c.cell,
      old: c.old,
      new: c.new,
      orderNo: c.orderNo,
      item: c.item,
      field: c.field,
    });
  }

  const edits: WorkbookEdit[] = [];
  if (entries.length) {
    // Log first, then write: a stop part-way never leaves a change without its record.
    edits.push(planChangeLogAppend(wb, o.lang, entries)); // a new log follows the workbook, not the PO's words
    edits.push({ kind: 'setValues', sheet: o.sheet, cells: [...changeCells, ...cells] });
  }
  const table = existingOrderTable(u, wb);
  if (table && news.length) {
    const r = parseRange(table.range);
    if (r.bottom < last)
      edits.push({
        kind: 'ensureTable',
        sheet: o.sheet,
        range: rangeAddress(r.top, r.left, last, r.right),
        name: table.name,
        mode: 'reuse',
      });
  }

  const issues = news.length
    ? checkNewLines(
        wb,
        u,
        preview,
        opts,
        cells.filter((c) => c.formulaFrom !== undefined).map((c) => c.address),
      )
    : [];
  for (const l of listedOnly)
    added.push({
      row: 0,
      poRow: l.row,
      orderNo: poNumber(l)!,
      item: String(l.values.item),
      quantity: typeof l.values.quantity === 'number' ? l.values.quantity : null,
      dueDate: typeof l.values.dueDate === 'string' ? l.values.dueDate : null,
    });
  return {
    edits,
    po: { orderNo: po.orderNo, customer: po.customer, sheet: po.sheet },
    mapping,
    notMapped,
    formulaKept: [...formulaKept],
    keyField,
    added,
    changed,
    dropped,
    unchanged,
    skipped,
    issues,
    log: changeLogSheetName(wb, opts.lang),
  };
}

function isDateField(f: FieldKey): boolean {
  return f === 'dueDate' || f === 'orderDate' || f === 'shipDate';
}

/** The PO number of a line (its orderNo or customerPo), or null. */
function poNumber(l: PoLine): string | null {
  const v = l.values.orderNo ?? l.values.customerPo;
  return v === undefined || String(v).trim() === '' ? null : String(v).trim();
}

/** The order-sheet field a PO field goes to: the PO's number lands in the sheet's key column. */
function targetField(f: FieldKey, keyField: 'orderNo' | 'customerPo'): FieldKey {
  return f === 'orderNo' || f === 'customerPo' ? keyField : f;
}

/** The PO value for an order-sheet field of a new line (undefined: none). */
function valueFor(l: PoLine, field: FieldKey, keyField: 'orderNo' | 'customerPo'): PoValue | undefined {
  if (field === keyField) return poNumber(l) ?? undefined;
  // The sheet's other number column is the clerk's own (an SO number): the PO says nothing about it.
  if (field === 'orderNo' || field === 'customerPo') return undefined;
  return IMPORTED.includes(field) ? l.values[field] : undefined;
}

function norm(s: string): string {
  return keyText(s);
}

function key(number: string | undefined, item: string | undefined): string | null {
  if (!number || !item) return null;
  const a = norm(number);
  const b = norm(item);
  return a && b ? `${a}\u0000${b}` : null;
}

/** Quantity, unit price and due date of a matched line that the PO gives differently. */
function differences(u: Understanding, line: OrderLine, l: PoLine, number: string, apply: boolean): ChangedValue[] {
  const out: ChangedValue[] = [];
  for (const field of CHANGE_FIELDS) {
    const col = u.order.columns[field];
    const want = l.values[field];
    if (col === undefined || want === undefined) continue;
    let old: PoValue | null;
    if (field === 'dueDate') {
      const r = line.date.dueDate;
      old = r?.kind === 'ok' ? serialToIso(r.value) : (line.text.dueDate ?? null) || null;
      if (old === want) continue;
    } else {
      const r = line.num[field];
      old = r?.kind === 'ok' ? r.value : (line.text[field] ?? null) || null;
      if (typeof old === 'number' && typeof want === 'number' && Math.abs(old - want) < 1e-9) continue;
      if (old === want) continue;
    }
    const formula = u.isFormula?.(line.row, col) === true;
    out.push({
      row: line.row,
      cell: cellAddress(line.row, col),
      orderNo: number,
      item: line.text.item ?? String(l.values.item),
      field,
      old,
      new: want,
      applied: apply && !formula,
      ...(apply && formula ? { reason: 'formula' as const } : {}),
    });
  }
  return out;
}

/** The first row of first..last holding a value between the table's columns, or null when all are empty. */
function takenRow(s: SheetSnapshot, first: number, last: number, left: number, right: number): number | null {
  for (let r = first; r <= last; r++)
    for (let c = left; c <= right; c++) {
      const v = cellAt(s, r, c);
      if (v !== null && !(typeof v === 'string' && v.trim() === '')) return r;
    }
  for (const m of s.merges) {
    const a = parseRange(m);
    if (a.top <= last && a.bottom >= first && a.left <= right && a.right >= left) return Math.max(a.top, first);
  }
  return null;
}

/** "Check selection" over the new lines: the order sheet as it will be, checked on the new rows only. */
function checkNewLines(
  wb: WorkbookSnapshot,
  u: Understanding,
  rows: Map<number, Map<number, CellValue>>,
  opts: ImportOptions,
  /** The new lines' cells that continue a formula: their result is Excel's to compute, not an empty cell. */
  formulas: string[],
): Issue[] {
  const s = findSheet(wb, u.order.sheet)!;
  const lastNew = Math.max(...rows.keys());
  const width = s.values[0]?.length ?? 0;
  const values = s.values.map((r) => r.slice());
  const formats = s.formats ? s.formats.map((r) => r.slice()) : null;
  while (values.length < lastNew - s.top + 1) {
    values.push(new Array(width).fill(null));
    formats?.push(new Array(width).fill(null));
  }
  for (const [row, cols] of rows) {
    const r = values[row - s.top];
    for (const [c, v] of cols) {
      const i = c - s.left;
      while (r.length <= i) r.push(null);
      r[i] = v;
    }
    if (formats) formats[row - s.top] = formats[u.order.lastDataRow - s.top]?.slice() ?? formats[row - s.top];
  }
  const formulaCells = [...(s.formulaCells ?? []), ...formulas];
  const next: WorkbookSnapshot = {
    ...wb,
    sheets: wb.sheets.map((x) => (x === s ? { ...s, values, formats, formulaCells } : x)),
  };
  const u2 = understand(next, { sheet: s.name, today: opts.today });
  return checkOrder(u2, { lang: opts.lang, rows: [...rows.keys()] });
}
