// One-click documents from selected rows (SPEC 7): work order, packing list, delivery note.
// Each document is a new print-ready sheet with its own number, plus one row in the document register and the last
// number kept in the settings (SPEC 9), so numbers are never reused. A delivery note also records its shipment
// (SPEC 11): the shipments record, and the order sheet's shipped quantity, ship date and status with change-log rows.
// What ships is planned first (shipments/shipNow): refused lines stop the document unless the clerk forces them.

import { guessCompanyName, resolveCompany, type CompanySource } from '../company';
import { fromSerial1900, isoToSerial } from '../dates';
import type { WorkbookEdit } from '../edits';
import { OrderClerkError } from '../errors';
import { t } from '../i18n';
import { planWriteSettings, readSettings } from '../settings';
import { uniqueSheetName } from '../sheetNames';
import { recordedShipped } from '../shipments/record';
import { planRecordShipment, quantityFormatOf, type RecordedLine } from '../shipments/recordShipment';
import { planShipQuantities, type Refusal, type ShipLine, type ShipPlan } from '../shipments/shipNow';
import type { CompanyProfile, Lang, OrderLine, Understanding, WorkbookSnapshot } from '../types';
import { orderNosText, type BuiltDocument, type DocContext, type DocWarning, type ExportFields } from './context';
import { buildDeliveryNote } from './deliveryNote';
import { docSheetLabel, docTypeLabel } from './labels';
import { groupByCustomer } from '../customers';
import { formatRowList, lineText, selectLines } from './lines';
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
  /** Quantity to ship per sheet row (pane: the editable column; CLI --ship 5=60,7=100); default the open quantity. */
  ship?: Record<number, number>;
  /** The clerk's say-so for refused lines (cancelled, nothing open, more than open, unreadable price); noted in the register. */
  force?: boolean;
  /** Work orders: the open quantity instead of the ordered one. */
  openOnly?: boolean;
  /** Copy the order sheet's remarks onto the document (internal otherwise). */
  remarks?: boolean;
  /** Delivery note: three labelled copies on one sheet. */
  copies?: 1 | 3;
  /** Company name for the letterhead (CLI --company, the pane's prompt); default the profile in settings. */
  company?: string;
  /** Delivery notes record their shipment unless false (CLI --no-record). */
  record?: boolean;
  /** Add a shipped column to a sheet without one (SPEC 11; CLI --add-shipped-column). */
  addShippedColumn?: boolean;
  /** Packing list export fields. */
  exportFields?: ExportFields;
  /** Time of the change-log rows; default noon of `today`. */
  now?: Date;
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
  /** What each line carries (SPEC 8's JSON). */
  lines: { row: number; ordered: number | null; ship: number; owedAfter: number | null }[];
  totals: DocumentTotals;
  /** Clerk-facing notes, e.g. missing packing data for an item (UI language). */
  warnings: string[];
  /** The same notes as keys and parameters, for an interface that words one its own way (the pane names no flag). */
  notes: DocWarning[];
}

export interface PlannedDocuments {
  edits: WorkbookEdit[];
  documents: GeneratedDocument[];
  /** Delivery notes: the shipped totals recorded per line (SPEC 8's `recorded`). */
  recorded: RecordedLine[];
  /** Notes about the whole run (company guessed or missing), UI language. */
  warnings: string[];
  /** Where the letterhead came from. */
  companySource: CompanySource | null;
  /** The letterhead's company name (null: none). */
  companyName: string | null;
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

/** The selected lines grouped per document (one customer each); throws mixedCustomers unless perCustomer. */
function documentGroups(u: Understanding, opts: DocumentOptions): { customer: string; lines: OrderLine[] }[] {
  const groups = groupByCustomer(selectLines(u, opts.rows), (l) => lineText(l, 'customer'));
  if (groups.length > 1 && !opts.perCustomer) {
    throw new OrderClerkError('mixedCustomers', { customers: groups.map((g) => g.customer || '—').join(', ') });
  }
  return groups;
}

/**
 * What each document would ship, line by line, and what is refused — without planning any edit. The pane shows it as
 * the editable table of the selected lines (ordered, shipped, open, this shipment) before the clerk makes the note.
 * Throws noRowsSelected, rowsNotOrderLines, mixedCustomers.
 */
export function planDocumentShipment(
  u: Understanding,
  wb: WorkbookSnapshot,
  opts: DocumentOptions,
): { customer: string; plan: ShipPlan }[] {
  const recorded = u.order.columns.shippedQty === undefined ? recordedShipped(u, wb) : undefined;
  return documentGroups(u, opts).map((g) => ({
    customer: g.customer,
    plan: planShipQuantities(u, g.lines, {
      type: opts.type,
      ship: opts.ship,
      force: opts.force,
      openOnly: opts.openOnly,
      withoutPrices: opts.withoutPrices,
      recorded,
    }),
  }));
}

/** The refusals as one clerk's message per line (UI language). */
export function refusalMessages(refusals: Refusal[], lang: Lang): string[] {
  return refusals.map((r) => t(lang, `ship.refuse.${r.code}${r.hard ? '.hard' : ''}`, r.params));
}

/**
 * Plan the documents. Throws OrderClerkError noRowsSelected, rowsNotOrderLines, mixedCustomers, and shipRefused
 * (naming every refused row) when a line must not reach paper and the clerk did not force it.
 */
export function planDocuments(u: Understanding, wb: WorkbookSnapshot, opts: DocumentOptions): PlannedDocuments {
  const lang = documentLang(u, opts);
  const uiLang = opts.uiLang ?? lang;
  const shipments = planDocumentShipment(u, wb, opts);
  const refusals = shipments.flatMap((s) => s.plan.refusals);
  if (refusals.length) {
    throw new OrderClerkError('shipRefused', {
      detail: refusalMessages(refusals, uiLang).join(t(uiLang, 'ship.refuse.joiner')),
      // --force passes only soft refusals: it is offered only when every refusal is one.
      hint: t(uiLang, refusals.some((r) => r.hard) ? 'ship.refuse.hint.fix' : 'ship.refuse.hint.force'),
      rows: formatRowList(refusals.map((r) => r.row)),
    });
  }

  const settings = readSettings(wb);
  const { company, source } = resolveCompany(settings, opts.company, guessCompanyName(wb, u.order));
  const warnings: string[] = [];
  if (source === 'guessed' && company) warnings.push(t(uiLang, 'company.warn.guessed', { name: company.name }));
  if (!company) warnings.push(t(uiLang, 'company.warn.none'));

  const numbers = nextDocNumbers(wb, opts.type, opts.today, shipments.length);
  const todaySerial = fromSerial1900(isoToSerial(opts.today), u.dateSystem);
  const now = opts.now ?? new Date(`${opts.today}T12:00:00`);
  const register = registerSheet(wb, lang);
  const taken = [...wb.sheets.map((s) => s.name), register.name];
  const edits: WorkbookEdit[] = [];
  const documents: GeneratedDocument[] = [];
  const entries: RegisterEntry[] = [];
  const recordedLines: RecordedLine[] = [];
  const quantityFormat = quantityFormatOf(wb, u);
  const recordEdits: WorkbookEdit[] = [];
  let addedShippedColumn: number | null = null;

  shipments.forEach((g, i) => {
    const number = numbers[i];
    const sheetName = uniqueSheetName(`${docSheetLabel(lang, opts.type)} ${number}`, taken);
    taken.push(sheetName);
    const lines = g.plan.lines.map((s) => s.line);
    const ctx: DocContext = {
      u,
      lang,
      type: opts.type,
      number,
      sheetName,
      todaySerial,
      customer: g.customer,
      lines,
      withoutPrices: opts.withoutPrices === true,
      ship: g.plan.lines,
      company,
      remarks: opts.remarks === true,
      copies: opts.copies === 3 ? 3 : 1,
      quantityFormat,
      exportFields: opts.exportFields ?? {},
    };
    const built = BUILDERS[opts.type](ctx);
    edits.push({ kind: 'addSheet', spec: built.spec, activate: i === 0 });
    const notes = [...g.plan.notes];
    if (opts.type === 'delivery-note' && opts.record !== false) {
      const rec = planRecordShipment(u, wb, {
        number,
        isoDate: opts.today,
        dateSerial: todaySerial,
        customer: g.customer,
        lines: g.plan.lines,
        lang,
        now,
        // The first note adds the column, filled for every note of the batch; the others write into it.
        addShippedColumn: opts.addShippedColumn && i === 0,
        alsoShipping: i === 0 ? shipments.slice(1).flatMap((x) => x.plan.lines) : undefined,
        shippedColumnAdded: addedShippedColumn ?? undefined,
      });
      if (i === 0) addedShippedColumn = rec.addedColumn;
      recordEdits.push(...rec.edits);
      recordedLines.push(...rec.recorded);
      notes.push(...rec.notes);
    }
    const rows = lines.map((l) => l.row);
    documents.push({
      type: opts.type,
      number,
      sheet: sheetName,
      rows,
      customer: g.customer,
      lines: g.plan.lines.map((s) => ({ row: s.row, ordered: s.ordered, ship: s.ship, owedAfter: s.owedAfter })),
      totals: built.totals,
      warnings: [...notes, ...built.warnings].map((w) => t(uiLang, w.key, w.params)),
      notes: [...notes, ...built.warnings],
    });
    entries.push({
      number,
      typeLabel: docTypeLabel(register.lang, opts.type),
      dateSerial: todaySerial,
      customer: g.customer,
      orderNos: orderNosText(lines, register.lang),
      rows: formatRowList(rows),
      sheet: sheetName,
      quantity: built.totals.quantity,
      amount: built.totals.amount ?? null,
      note: forcedNote(g.plan.lines, register.lang),
    });
  });
  // A second recording in the same run (per customer) must add to the first: plan them on one record.
  edits.push(...mergeRecordEdits(recordEdits));
  edits.push(...planRegisterRows(wb, register, entries, company));
  edits.push(planRecordLastNumber(wb, opts.type, opts.today, numbers.length, source === 'given' ? company : null));
  return {
    edits,
    documents,
    recorded: recordedLines,
    warnings,
    companySource: source,
    companyName: company?.name ?? null,
  };
}

/** "强制：第 14 行 已取消；…" — what the clerk forced, for the register note (SPEC 7). */
function forcedNote(lines: ShipLine[], lang: Lang): string {
  const parts = lines.flatMap((s) => s.forced.map((code) => t(lang, `ship.forcedShort.${code}`, { row: s.row })));
  return parts.length ? `${t(lang, 'ship.forcedLabel')}${parts.join(t(lang, 'ship.refuse.joiner'))}` : '';
}

/** Record edits of several notes: appendRows to the same sheet merged in order (one append per sheet). */
function mergeRecordEdits(edits: WorkbookEdit[]): WorkbookEdit[] {
  const out: WorkbookEdit[] = [];
  for (const e of edits) {
    const prev = out.find((p) => p.kind === 'appendRows' && e.kind === 'appendRows' && p.sheet === e.sheet);
    if (prev && prev.kind === 'appendRows' && e.kind === 'appendRows') prev.rows = [...prev.rows, ...e.rows];
    else out.push(e.kind === 'appendRows' ? { ...e, rows: e.rows.slice() } : e);
  }
  return out;
}

/**
 * Settings as they are, with this type and day's last number advanced past the `count` numbers just used, and the
 * company the clerk named kept when the workbook had no profile yet.
 */
function planRecordLastNumber(
  wb: WorkbookSnapshot,
  type: DocType,
  today: string,
  count: number,
  given: CompanyProfile | null,
): WorkbookEdit {
  const settings = readSettings(wb);
  const last = lastSequence(wb, type, today) + count;
  return planWriteSettings({
    ...settings,
    ...(given && !settings.company ? { company: given } : {}),
    lastNumbers: { ...settings.lastNumbers, [lastNumberKey(type, today)]: last },
  });
}

export { formatRowList } from './lines';
export { parseCartonSize, cartonCbm, planPacking, splitCartons } from './packing';
export { nextDocNumbers, formatDocNumber, lastNumberKey, DOC_PREFIX } from './numbering';
export { REGISTER_SHEET_NAMES, registerSheet, readRegister } from './register';
