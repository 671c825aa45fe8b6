// Signed receipts 回单 (SPEC 11): the delivery notes whose signed copy is not back after receiptDays, oldest first
// per customer, and marking one returned (the register's receipt date and note).

import { cellAddress } from '../address';
import { isoToSerial, fromSerial1900, serialToIso, DATE_FORMAT } from '../dates';
import { describeValue, type WorkbookEdit } from '../edits';
import { OrderClerkError } from '../errors';
import { REGISTER_COLUMN, readRegister } from '../documents/register';
import { cellAt, findSheet } from '../snapshot';
import type { Lang, WorkbookSnapshot } from '../types';
import { changeLogEdits } from './recordShipment';
import { findDocument } from './voidDocument';

export interface OutstandingReceipt {
  number: string;
  date: string; // ISO
  customer: string;
  daysOut: number;
  /** The note's sheet, for the pane to go to. */
  sheet: string;
}

/**
 * Valid delivery notes without a receipt date that have been out more than `days` days on `today`: customers in the
 * order of their oldest note, each customer's notes oldest first. `returned` counts the notes whose receipt is back.
 */
export function outstandingReceipts(
  wb: WorkbookSnapshot,
  today: string,
  days: number,
): { outstanding: OutstandingReceipt[]; returned: number } {
  const t0 = isoToSerial(today);
  const notes = readRegister(wb).rows.filter((r) => r.number.startsWith('DN-') && r.state === 'valid');
  const returned = notes.filter((r) => r.returned).length;
  const out = notes
    .filter((r) => !r.returned && r.date !== null && t0 - Math.floor(r.date) > days)
    .map((r) => ({
      number: r.number,
      date: serialToIso(Math.floor(r.date as number)),
      customer: r.customer,
      daysOut: t0 - Math.floor(r.date as number),
      sheet: r.sheet,
    }))
    .sort((a, b) => b.daysOut - a.daysOut || a.number.localeCompare(b.number));
  const groups = new Map<string, OutstandingReceipt[]>();
  for (const r of out) groups.set(r.customer, [...(groups.get(r.customer) ?? []), r]);
  return { outstanding: [...groups.values()].flat(), returned };
}

/** Fill the receipt date (and note) of a delivery note's register row; a date already there is logged when replaced. */
export function planReceipt(
  wb: WorkbookSnapshot,
  opts: { number: string; date: string; note?: string; now: Date; lang: Lang },
): { edits: WorkbookEdit[]; number: string; receiptDate: string } {
  const doc = findDocument(wb, opts.number);
  if (doc.row.state === 'void') throw new OrderClerkError('alreadyVoid', { number: doc.row.number });
  const sheet = findSheet(wb, doc.sheet);
  const dateAt = cellAddress(doc.row.sheetRow, REGISTER_COLUMN.receiptDate);
  const noteAt = cellAddress(doc.row.sheetRow, REGISTER_COLUMN.note);
  const serial = fromSerial1900(isoToSerial(opts.date), wb.dateSystem);
  const old = sheet ? cellAt(sheet, doc.row.sheetRow, REGISTER_COLUMN.receiptDate) : null;
  const cells: { address: string; value: string | number; numberFormat?: string }[] = [
    { address: dateAt, value: serial, numberFormat: DATE_FORMAT },
  ];
  if (opts.note) cells.push({ address: noteAt, value: doc.row.note ? `${doc.row.note}; ${opts.note}` : opts.note });
  const edits: WorkbookEdit[] = [];
  if (old !== null && old !== '')
    edits.push(
      ...changeLogEdits(wb, opts.lang, [
        {
          time: opts.now,
          action: 'receipt',
          sheet: doc.sheet,
          cell: dateAt,
          old: typeof old === 'number' ? serialToIso(Math.floor(old)) : describeValue(old),
          new: opts.date,
          document: doc.row.number,
        },
      ]),
    );
  edits.push({ kind: 'setValues', sheet: doc.sheet, cells });
  return { edits, number: doc.row.number, receiptDate: opts.date };
}
