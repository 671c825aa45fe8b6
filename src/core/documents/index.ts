// One-click documents from selected rows (SPEC 7): work order, packing list, delivery note.
// Each document is a new print-ready sheet with its own number, plus one row in the document register.
// The order sheet itself is never touched: the plan holds only addSheet and appendRows edits, plus one
// writeSettings that records the last number used (SPEC 9), so numbers are never reused.

import { fromSerial1900, isoToSerial } from '../dates';
import type { WorkbookEdit } from '../edits';
import { OrderClerkError } from '../errors';
import { t } from '../i18n';
import { planWriteSettings, readSettings } from '../settings';
import { uniqueSheetName } from '../sheetNames';
import type { Lang, Understanding, WorkbookSnapshot } from '../types';
import { orderNosText, type BuiltDocument, type DocContext } from './context';
import { buildDeliveryNote } from './deliveryNote';
import { docSheetLabel, docTypeLabel } from './labels';
import { formatRowList, groupByCustomer, selectLines } from './lines';
import { lastNumberKey, lastSequence, nextDocNumbers } from './numbering';
import { buildPackingList } from './packingList';
import { planRegisterRows, registerSheet, type RegisterEntry } from './register';
import { buildWorkOrder } from './workOrder';

export type DocType = 'work-order' | 'packing-list' | 'delivery-note';
export const DOC_TYPES: DocType[] = ['work-order', 'packing-list', 'delivery-note'];

export interface DocumentOptions {
  type: DocType;
  /** Sheet row numbers of the selected order lines. */
  rows: number[];
  today: string; // ISO
  /** Document language; default: settings.documentLang, else the order sheet's language. */
  lang?: Lang;
  withoutPrices?: boolean;
  /** Make one document per customer instead of refusing mixed customers. */
  perCustomer?: boolean;
  /** Language of the warnings (the UI's); default: the document language. */
  uiLang?: Lang;
}

export interface DocumentTotals {
  quantity: number;
  cartons: number | null;
  netWeight: number | null;
  grossWeight: number | null;
  cbm: number | null;
  /** Delivery note only: total amount, null without prices or when a line's amount is unknown. */
  amount?: number | null;
}

export interface GeneratedDocument {
  type: DocType;
  number: string; // DN-20261122-001
  sheet: string;
  rows: number[];
  customer: string;
  totals: DocumentTotals;
  /** Clerk-facing notes, e.g. missing packing data for an item (UI language). */
  warnings: string[];
}

const BUILDERS: Record<DocType, (ctx: DocContext) => BuiltDocument> = {
  'work-order': buildWorkOrder,
  'packing-list': buildPackingList,
  'delivery-note': buildDeliveryNote,
};

/** The language documents are written in. */
export function documentLang(u: Understanding, opts: Pick<DocumentOptions, 'lang'>): Lang {
  return opts.lang ?? u.settings.documentLang ?? u.order.lang;
}

/** Throws OrderClerkError noRowsSelected, rowsNotOrderLines, mixedCustomers. */
export function planDocuments(
  u: Understanding,
  wb: WorkbookSnapshot,
  opts: DocumentOptions,
): { edits: WorkbookEdit[]; documents: GeneratedDocument[] } {
  const lang = documentLang(u, opts);
  const uiLang = opts.uiLang ?? lang;
  const lines = selectLines(u, opts.rows);
  const groups = groupByCustomer(lines);
  if (groups.length > 1 && !opts.perCustomer) {
    throw new OrderClerkError('mixedCustomers', { customers: groups.map((g) => g.customer || '—').join(', ') });
  }

  const numbers = nextDocNumbers(wb, opts.type, opts.today, groups.length);
  const todaySerial = fromSerial1900(isoToSerial(opts.today), u.dateSystem);
  const register = registerSheet(wb, lang);
  const taken = [...wb.sheets.map((s) => s.name), register.name];
  const edits: WorkbookEdit[] = [];
  const documents: GeneratedDocument[] = [];
  const entries: RegisterEntry[] = [];

  groups.forEach((g, i) => {
    const number = numbers[i];
    const sheetName = uniqueSheetName(`${docSheetLabel(lang, opts.type)} ${number}`, taken);
    taken.push(sheetName);
    const ctx: DocContext = {
      u,
      lang,
      type: opts.type,
      number,
      sheetName,
      todaySerial,
      customer: g.customer,
      lines: g.lines,
      withoutPrices: opts.withoutPrices === true,
    };
    const built = BUILDERS[opts.type](ctx);
    edits.push({ kind: 'addSheet', spec: built.spec, activate: i === 0 });
    const rows = g.lines.map((l) => l.row);
    documents.push({
      type: opts.type,
      number,
      sheet: sheetName,
      rows,
      customer: g.customer,
      totals: built.totals,
      warnings: built.warnings.map((w) => t(uiLang, w.key, w.params)),
    });
    entries.push({
      number,
      typeLabel: docTypeLabel(register.lang, opts.type),
      dateSerial: todaySerial,
      customer: g.customer,
      orderNos: orderNosText(g.lines, register.lang),
      rows: formatRowList(rows),
      sheet: sheetName,
    });
  });
  edits.push(planRegisterRows(register, entries));
  edits.push(planRecordLastNumber(wb, opts.type, opts.today, numbers.length));
  return { edits, documents };
}

/** Settings as they are, with this type and day's last number advanced past the `count` numbers just used. */
function planRecordLastNumber(wb: WorkbookSnapshot, type: DocType, today: string, count: number): WorkbookEdit {
  const settings = readSettings(wb);
  const last = lastSequence(wb, type, today) + count;
  return planWriteSettings({
    ...settings,
    lastNumbers: { ...settings.lastNumbers, [lastNumberKey(type, today)]: last },
  });
}

export { formatRowList } from './lines';
export { parseCartonSize, cartonCbm, planPacking, splitCartons } from './packing';
export { nextDocNumbers, formatDocNumber, lastNumberKey, DOC_PREFIX } from './numbering';
export { REGISTER_SHEET_NAMES, registerSheet } from './register';
