// Voiding a document (作废, SPEC 11): the register row says 作废 with the date in its note, the shipment rows of a
// delivery note say 作废, the order sheet's shipped quantities go back down (and the ship date and status the note
// set go back to what they were), each with its change-log row first; the sheet stays, its title stamped 作废 / VOID.
// The number is never reused: numbering reads the register, the sheet names and the settings, none of which shrink.

import { cellAddress } from '../address';
import { readChangeLog, type ChangeLogEntry, type ChangeLogRow } from '../changelog';
import { serialToIso } from '../dates';
import { describeValue, type WorkbookEdit, type WriteValue } from '../edits';
import { OrderClerkError } from '../errors';
import { t } from '../i18n';
import { lineText, roundTo } from '../documents/lines';
import { REGISTER_COLUMN, readRegister, registerState, type RegisterRow } from '../documents/register';
import { cellAt, findSheet } from '../snapshot';
import type { Lang, OrderLine, Understanding, WorkbookSnapshot } from '../types';
import { readShipments, SHIPMENT_COLUMN, stateWord } from './record';
import { changeLogEdits, lineEntry, statusWordsOf } from './recordShipment';

export interface Reversed {
  row: number;
  shippedBefore: number;
  shippedAfter: number;
}

const TITLE_KEYS = ['doc.title.work-order', 'doc.title.packing-list', 'doc.title.delivery-note'];
const LANGS: Lang[] = ['zh-CN', 'en-US'];

/** The register row of a document number; throws documentNotFound / alreadyVoid. */
export function findDocument(wb: WorkbookSnapshot, number: string): { sheet: string; lang: Lang; row: RegisterRow } {
  const reg = readRegister(wb);
  const want = number.trim().toUpperCase();
  const row = reg.rows.find((r) => r.number.toUpperCase() === want);
  if (!reg.sheet || !reg.lang || !row) throw new OrderClerkError('documentNotFound', { number });
  return { sheet: reg.sheet, lang: reg.lang, row };
}

/** A delivery note the pane offers to void: valid in the register, wherever and whenever it was made. */
export interface VoidableNote {
  number: string;
  /** ISO date, or null when the register's date cell is unreadable. */
  date: string | null;
  customer: string;
  sheet: string;
}

/** The register's delivery notes that are not void, newest first (the register's order, last row first). */
export function voidableNotes(wb: WorkbookSnapshot): VoidableNote[] {
  return readRegister(wb)
    .rows.filter((r) => r.number.startsWith('DN-') && r.state === 'valid')
    .map((r) => ({
      number: r.number,
      date: r.date === null ? null : serialToIso(Math.floor(r.date)),
      customer: r.customer,
      sheet: r.sheet,
    }))
    .reverse();
}

export function planVoid(
  u: Understanding,
  wb: WorkbookSnapshot,
  opts: { number: string; today: string; now: Date; lang: Lang },
): {
  edits: WorkbookEdit[];
  number: string;
  reversed: Reversed[];
  notes: { key: string; params: Record<string, string | number> }[];
} {
  const doc = findDocument(wb, opts.number);
  if (doc.row.state === 'void') throw new OrderClerkError('alreadyVoid', { number: doc.row.number });
  const number = doc.row.number;
  const notes: { key: string; params: Record<string, string | number> }[] = [];
  const entries: ChangeLogEntry[] = [];
  const orderCells: { address: string; value: WriteValue; numberFormat?: string }[] = [];
  const reversed: Reversed[] = [];

  // The order sheet: each valid shipment row of this note comes off its line's shipped total.
  const record = readShipments(wb);
  const mine = record.rows.filter((r) => r.number.toUpperCase() === number.toUpperCase() && r.state === 'valid');
  const log = readChangeLog(wb);
  const o = u.order;
  const byRow = new Map(u.lines.map((l) => [l.row, l]));
  const words = statusWordsOf(u, opts.lang);
  const entry = (line: OrderLine, field: string, address: string, old: WriteValue, value: WriteValue) =>
    entries.push(
      lineEntry(line, {
        time: opts.now,
        action: 'void',
        sheet: o.sheet,
        cell: address,
        old,
        new: value,
        field,
        document: number,
      }),
    );
  for (const r of mine) {
    const line = r.row === null ? undefined : byRow.get(r.row);
    if (
      !line ||
      lookup(lineText(line, 'orderNo')) !== lookup(r.orderNo) ||
      lookup(lineText(line, 'item')) !== lookup(r.item)
    ) {
      notes.push({ key: 'void.note.lineMoved', params: { row: r.row ?? '?', item: r.item } });
      continue;
    }
    const col = o.columns.shippedQty;
    const current = line.num.shippedQty?.kind === 'ok' ? line.num.shippedQty.value : 0;
    const after = Math.max(0, roundTo(current - r.quantity, 9));
    reversed.push({ row: line.row, shippedBefore: current, shippedAfter: after });
    if (col === undefined) continue; // the record alone held it: marking its rows void reverses it
    const address = cellAddress(line.row, col);
    if (u.isFormula?.(line.row, col)) {
      notes.push({ key: 'ship.note.formulaCell', params: { cell: address } });
      continue;
    }
    entry(line, 'shippedQty', address, describeValue(line.raw.shippedQty ?? null), after);
    orderCells.push({ address, value: after });
    // Ship date and status this note set follow the quantity back, while the cell still holds what it wrote: with
    // nothing left shipped the old value returns; with part of the line still shipped (by other notes) it is partial.
    const ordered = line.num.quantity?.kind === 'ok' ? line.num.quantity.value : null;
    const stillFull = ordered !== null && ordered > 0 && after >= ordered;
    for (const field of ['shipDate', 'status'] as const) {
      const c = o.columns[field];
      if (c === undefined || stillFull) continue;
      const at = cellAddress(line.row, c);
      const set = lastSetBy(log, o.sheet, at, number);
      if (!set || !holds(line, field, set.new)) continue;
      let value = set.old;
      if (field === 'status' && after > 0) {
        if (set.new === words.partial) continue;
        value = words.partial;
      }
      entry(line, field, at, describeValue(line.raw[field] ?? null), value);
      orderCells.push({ address: at, value });
    }
  }

  // The register row: state 作废, the void date in its note; logged, as the state changes.
  const reg = findSheet(wb, doc.sheet);
  const stateAt = cellAddress(doc.row.sheetRow, REGISTER_COLUMN.state);
  const noteAt = cellAddress(doc.row.sheetRow, REGISTER_COLUMN.note);
  const voidWord = registerState(doc.lang, 'void');
  const oldState = reg ? describeValue(cellAt(reg, doc.row.sheetRow, REGISTER_COLUMN.state)) : null;
  const voidNote = t(doc.lang, 'void.registerNote', { date: opts.today });
  const note = doc.row.note ? `${doc.row.note}; ${voidNote}` : voidNote;
  entries.push({
    time: opts.now,
    action: 'void',
    sheet: doc.sheet,
    cell: stateAt,
    old: oldState,
    new: voidWord,
    document: number,
  });

  const edits: WorkbookEdit[] = [...changeLogEdits(wb, u.order.lang, entries)];
  if (orderCells.length) edits.push({ kind: 'setValues', sheet: o.sheet, cells: orderCells });
  edits.push({
    kind: 'setValues',
    sheet: doc.sheet,
    cells: [
      { address: stateAt, value: voidWord },
      { address: noteAt, value: note },
    ],
  });
  if (record.sheet && mine.length) {
    const lang =
      LANGS.find((l) => stateWord(l, 'valid') === textAt(wb, record.sheet as string, mine[0].sheetRow)) ?? doc.lang;
    edits.push({
      kind: 'setValues',
      sheet: record.sheet,
      cells: mine.map((r) => ({
        address: cellAddress(r.sheetRow, SHIPMENT_COLUMN.state),
        value: stateWord(lang, 'void'),
      })),
    });
  }
  const stamps = titleStamps(wb, doc.row.sheet, doc.lang);
  if (stamps.length) edits.push({ kind: 'setValues', sheet: doc.row.sheet, cells: stamps });
  else notes.push({ key: 'void.note.noSheet', params: { sheet: doc.row.sheet } });
  return { edits, number, reversed, notes };
}

function lookup(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

function textAt(wb: WorkbookSnapshot, sheet: string, row: number): string {
  const s = findSheet(wb, sheet);
  const v = s ? cellAt(s, row, SHIPMENT_COLUMN.state) : null;
  return typeof v === 'string' ? v.trim() : '';
}

/** The latest shipment row of the log that `document` wrote into this cell. */
function lastSetBy(log: ChangeLogRow[], sheet: string, cell: string, document: string): ChangeLogRow | undefined {
  for (let i = log.length - 1; i >= 0; i--) {
    const r = log[i];
    if (r.sheet === sheet && r.cell.toUpperCase() === cell && r.action === 'shipment' && r.document === document)
      return r;
  }
  return undefined;
}

/** The line's cell still holds what the log says was written (a status word, or a ship date as YYYY-MM-DD). */
function holds(line: OrderLine, field: 'shipDate' | 'status', logged: WriteValue): boolean {
  if (field === 'status') return (line.text.status ?? '') === String(logged ?? '');
  return (line.text.shipDate ?? '') === String(logged ?? '');
}

/** The document sheet's title cells (one per copy, in column A) with 作废 / VOID added; [] when the sheet is gone. */
function titleStamps(wb: WorkbookSnapshot, sheet: string, lang: Lang): { address: string; value: string }[] {
  const s = findSheet(wb, sheet);
  if (!s) return [];
  const titles = TITLE_KEYS.flatMap((k) => LANGS.map((l) => t(l, k)));
  const stamp = t(lang, 'void.stamp');
  const out: { address: string; value: string }[] = [];
  for (let r = s.top; r < s.top + s.values.length; r++) {
    const v = cellAt(s, r, 1);
    if (typeof v === 'string' && !v.includes(stamp) && titles.some((x) => v.startsWith(x)))
      out.push({ address: cellAddress(r, 1), value: `${v}  ${stamp}` });
  }
  return out;
}
