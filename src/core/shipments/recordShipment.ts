// Recording a delivery note's shipment (SPEC 11): a row per line in the shipments record and, where the order sheet
// has a shipped column, that cell becomes the new total — change-log row first (action 出货 / Shipment, with order
// number, item, field and the DN number) — plus the ship date and status words of the lines it completes or starts.
// Without a shipped column the record alone holds it, unless the clerk asks for the column to be added.

import { cellAddress, parseRange } from '../address';
import {
  changeLogSheetName,
  planChangeLogAppend,
  planChangeLogHeaderCompletion,
  type ChangeLogEntry,
} from '../changelog';
import { DATE_FORMAT } from '../dates';
import { statusTextOf } from '../delay';
import { describeValue, type WorkbookEdit, type WriteValue } from '../edits';
import { lineText, roundTo } from '../documents/lines';
import { t } from '../i18n';
import { cellAt, findSheet, formatAt } from '../snapshot';
import { normalizeStatus, statusMatcher, STATUS_WORDS } from '../status';
import type { FieldKey, Lang, OrderLine, StatusKind, Understanding, WorkbookSnapshot } from '../types';
import { planShipmentRows, recordedShipped, shipmentsSheet, type ShipmentEntry } from './record';
import type { ShipLine, ShipNote } from './shipNow';

export interface RecordedLine {
  row: number;
  shippedBefore: number;
  shippedAfter: number;
  /** The shipped cell written, or null when only the record holds it. */
  cell: string | null;
}

export interface RecordInput {
  number: string;
  /** The note's date, ISO and as a serial in the workbook's date system. */
  isoDate: string;
  dateSerial: number;
  customer: string;
  lines: ShipLine[];
  /** Language of words written into the workbook (status words, log actions, new sheets). */
  lang: Lang;
  now: Date;
  /** Add a shipped column when the sheet has none (SPEC 11; CLI --add-shipped-column). */
  addShippedColumn?: boolean;
  /** Lines of the other notes made with this one (--per-customer): the added column is filled for them too. */
  alsoShipping?: ShipLine[];
  /** The shipped column an earlier note of the same batch added (already filled for this note's lines). */
  shippedColumnAdded?: number;
}

type SetCell = { address: string; value: WriteValue; numberFormat?: string };

/** A change-log row about a cell of an order line: the line's order number and item go with it (SPEC 9). */
export function lineEntry(line: OrderLine, e: Omit<ChangeLogEntry, 'orderNo' | 'item'>): ChangeLogEntry {
  return { ...e, orderNo: lineText(line, 'orderNo'), item: lineText(line, 'item') };
}

export function planRecordShipment(
  u: Understanding,
  wb: WorkbookSnapshot,
  input: RecordInput,
): { edits: WorkbookEdit[]; recorded: RecordedLine[]; notes: ShipNote[]; addedColumn: number | null } {
  const o = u.order;
  const cols = o.columns;
  const sheet = o.sheet;
  const notes: ShipNote[] = [];
  const entries: ChangeLogEntry[] = [];
  const cells: SetCell[] = [];
  const recorded: RecordedLine[] = [];
  const log = (
    line: OrderLine,
    field: FieldKey,
    address: string,
    old: WriteValue,
    value: WriteValue,
    action = 'shipment',
  ) =>
    entries.push(
      lineEntry(line, {
        time: input.now,
        action,
        sheet,
        cell: address,
        old,
        new: value,
        field,
        document: input.number,
      }),
    );
  const isFormula = (row: number, col: number): boolean => u.isFormula?.(row, col) === true;

  // Where shipped totals go: the sheet's column, or a column added now.
  let shippedCol = cols.shippedQty ?? input.shippedColumnAdded;
  let added: ReturnType<typeof planAddShippedColumn> | null = null;
  // Cells of a column added in this batch are written by the plan that added it.
  const filledElsewhere = cols.shippedQty === undefined && input.shippedColumnAdded !== undefined;
  if (shippedCol === undefined && input.addShippedColumn) {
    const extra = new Map<number, number>();
    for (const l of [...input.lines, ...(input.alsoShipping ?? [])])
      extra.set(l.row, roundTo((extra.get(l.row) ?? 0) + l.ship, 9));
    added = planAddShippedColumn(u, wb, { lang: input.lang, now: input.now, extra, document: input.number });
    if (added.column !== null) shippedCol = added.column;
    notes.push(...added.notes);
  } else if (shippedCol === undefined) {
    notes.push({ key: 'ship.note.recordOnly', params: { sheet: shipmentsSheet(wb, input.lang).name } });
  }

  const words = statusWordsOf(u, input.lang);
  const kindOf = statusMatcher(u.settings);
  for (const s of input.lines) {
    const line = s.line;
    const after = roundTo(s.shippedBefore + s.ship, 9);
    let cell: string | null = null;
    if (shippedCol !== undefined) {
      const address = cellAddress(s.row, shippedCol);
      if (added || filledElsewhere)
        cell = address; // filled by the added column's plan
      else if (isFormula(s.row, shippedCol)) notes.push({ key: 'ship.note.formulaCell', params: { cell: address } });
      else if (line.num.shippedQty?.kind === 'invalid' || line.num.shippedQty?.kind === 'error')
        notes.push({ key: 'ship.note.shippedUnreadable', params: { cell: address } });
      else {
        cell = address;
        log(line, 'shippedQty', address, describeValue(line.raw.shippedQty ?? null), after);
        cells.push({ address, value: after });
      }
    }
    recorded.push({ row: s.row, shippedBefore: s.shippedBefore, shippedAfter: after, cell });

    // Ship date and status follow the quantity, only where a shipped total is kept on the sheet.
    if (shippedCol === undefined || s.ordered === null) continue;
    const full = s.ordered > 0 && after >= s.ordered;
    if (full && cols.shipDate !== undefined) {
      const address = cellAddress(s.row, cols.shipDate);
      const raw = line.raw.shipDate ?? null;
      if ((raw === null || raw === '') && !isFormula(s.row, cols.shipDate)) {
        log(line, 'shipDate', address, null, input.isoDate);
        cells.push({ address, value: input.dateSerial, numberFormat: DATE_FORMAT });
      }
    }
    if (cols.status !== undefined && !isFormula(s.row, cols.status)) {
      const text = statusTextOf(line);
      const kind = kindOf(text);
      const want: StatusKind | null =
        full && kind !== 'shipped' && kind !== 'cancelled' ? 'shipped' : !full && kind === null ? 'partial' : null;
      if (want) {
        const address = cellAddress(s.row, cols.status);
        log(line, 'status', address, describeValue(line.raw.status ?? null), words[want]);
        cells.push({ address, value: words[want] });
      }
    }
  }

  const rows: ShipmentEntry[] = input.lines.map((s) => ({
    dateSerial: input.dateSerial,
    number: input.number,
    row: s.row,
    orderNo: lineText(s.line, 'orderNo'),
    customerPo: lineText(s.line, 'customerPo'),
    customer: input.customer,
    item: lineText(s.line, 'item'),
    unit: lineText(s.line, 'unit'),
    quantity: s.ship,
    unitPrice: s.unitPrice,
    amount: s.amount,
  }));
  const edits: WorkbookEdit[] = [planShipmentRows(shipmentsSheet(wb, input.lang), rows)];
  const logEdits = entries.length ? changeLogEdits(wb, o.lang, entries) : [];
  // The log rows go first: if Excel stops part-way, a value is never changed without its record.
  if (added) edits.push(...added.edits);
  edits.push(...logEdits);
  if (cells.length) edits.push({ kind: 'setValues', sheet, cells });
  return { edits, recorded, notes, addedColumn: added?.column ?? null };
}

/**
 * The log's missing header cells (a log from before its order columns), then the rows of `entries`: appended to the
 * workbook's log, or a new one in `lang` — the order sheet's language, whatever the documents are written in.
 */
export function changeLogEdits(wb: WorkbookSnapshot, lang: Lang, entries: ChangeLogEntry[]): WorkbookEdit[] {
  const header = planChangeLogHeaderCompletion(wb, lang);
  return [...(header ? [header] : []), planChangeLogAppend(wb, lang, entries)];
}

/**
 * The words to write: the shipped / partial word the sheet's status column already uses most, else the built-in
 * word in the sheet's language (已出货 / Shipped, 部分出货 / Partially Shipped).
 */
export function statusWordsOf(u: Understanding, lang: Lang): Record<'shipped' | 'partial', string> {
  const kindOf = statusMatcher(u.settings);
  const counts = { shipped: new Map<string, number>(), partial: new Map<string, number>() };
  if (u.order.columns.status !== undefined) {
    for (const l of u.lines) {
      const text = statusTextOf(l).trim();
      const kind = kindOf(text);
      if (kind === 'shipped' || kind === 'partial') counts[kind].set(text, (counts[kind].get(text) ?? 0) + 1);
    }
  }
  const most = (m: Map<string, number>): string | null =>
    [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
  const fallback = (kind: 'shipped' | 'partial'): string => {
    const word = t(lang, `ship.status.${kind}`);
    return STATUS_WORDS[kind].find((w) => normalizeStatus(w) === normalizeStatus(word)) ?? word;
  };
  return { shipped: most(counts.shipped) ?? fallback('shipped'), partial: most(counts.partial) ?? fallback('partial') };
}

/**
 * Add 已出货数量 / Shipped Qty in the first empty column right of the order table (SPEC 11), filled per line with the
 * quantity the shipments record holds for it (plus `extra`, the note being made now), every written cell logged.
 */
export function planAddShippedColumn(
  u: Understanding,
  wb: WorkbookSnapshot,
  opts: { lang: Lang; now: Date; extra?: ReadonlyMap<number, number>; document?: string },
): { edits: WorkbookEdit[]; column: number | null; cells: { cell: string; value: WriteValue }[]; notes: ShipNote[] } {
  const o = u.order;
  if (o.columns.shippedQty !== undefined)
    return { edits: [], column: null, cells: [], notes: [{ key: 'ship.note.hasShippedColumn', params: {} }] };
  const sheet = findSheet(wb, o.sheet);
  const bottom = Math.max(o.lastDataRow, ...o.dataRows);
  let column = o.lastColumn + 1;
  const empty = (c: number): boolean => {
    if (!sheet) return true;
    for (let r = o.headerRow; r <= bottom; r++) {
      const v = cellAt(sheet, r, c);
      if (v !== null && v !== '') return false;
    }
    return !sheet.merges.some((m) => mergeTouchesColumn(m, c, o.headerRow, bottom));
  };
  while (!empty(column)) column++;
  const shipped = recordedShipped(u, wb);
  for (const [row, q] of opts.extra ?? []) shipped.set(row, roundTo((shipped.get(row) ?? 0) + q, 9));
  const format = quantityFormatOf(wb, u);
  const header = t(opts.lang, 'ship.column.shippedQty');
  const cells: SetCell[] = [{ address: cellAddress(o.headerRow, column), value: header }];
  const entries: ChangeLogEntry[] = [
    { time: opts.now, action: 'addColumn', sheet: o.sheet, cell: cells[0].address, old: null, new: header },
  ];
  for (const l of u.lines) {
    const q = shipped.get(l.row);
    if (q === undefined) continue;
    const address = cellAddress(l.row, column);
    cells.push(format ? { address, value: q, numberFormat: format } : { address, value: q });
    entries.push(
      lineEntry(l, {
        time: opts.now,
        action: 'addColumn',
        sheet: o.sheet,
        cell: address,
        old: null,
        new: q,
        field: 'shippedQty',
        ...(opts.document && opts.extra?.has(l.row) ? { document: opts.document } : {}),
      }),
    );
  }
  return {
    edits: [...changeLogEdits(wb, o.lang, entries), { kind: 'setValues', sheet: o.sheet, cells }],
    column,
    cells: cells.map((c) => ({ cell: c.address, value: c.value })),
    notes: [
      {
        key: 'ship.note.columnAdded',
        params: { cell: cells[0].address, header, log: changeLogSheetName(wb, opts.lang) },
      },
    ],
  };
}

function mergeTouchesColumn(merge: string, col: number, top: number, bottom: number): boolean {
  try {
    const r = parseRange(merge);
    return r.left <= col && col <= r.right && r.top <= bottom && top <= r.bottom;
  } catch {
    return true; // an area we cannot read: do not write next to it
  }
}

/** The number format the order sheet shows its quantities in (the first line's, when it is a number format). */
export function quantityFormatOf(wb: WorkbookSnapshot, u: Understanding): string | null {
  const col = u.order.columns.quantity;
  const sheet = findSheet(wb, u.order.sheet);
  if (col === undefined || !sheet) return null;
  for (const l of u.lines) {
    const f = formatAt(sheet, l.row, col);
    if (typeof cellAt(sheet, l.row, col) !== 'number') continue;
    return f && f !== 'General' && f !== '@' && /0|#/.test(f) ? f : null;
  }
  return null;
}
