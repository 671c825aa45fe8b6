// Documents from the selected order lines: work order, packing list, delivery note, numbered and registered; a
// delivery note records what ships now (the quantities of the Documents tab's table). Voiding a delivery note and
// marking its signed receipt returned (SPEC 11). Every write goes through applyPlan.

import {
  documentLang,
  planDocumentShipment,
  planDocuments,
  refusalMessages,
  type DocType,
  type GeneratedDocument,
} from '../../core/documents';
import { OrderClerkError } from '../../core/errors';
import { t } from '../../core/i18n';
import { planWriteSettings, readSettings } from '../../core/settings';
import { planReceipt } from '../../core/shipments/receipts';
import { planVoid } from '../../core/shipments/voidDocument';
import type { CompanyProfile, Lang } from '../../core/types';
import { selectedOrderRows } from '../model';
import { applyEdits, applyPlan, readOrders, type ActionContext, type Notice } from './context';

export interface DocChoices {
  /** Language of the documents; null: the sheet's (or the settings'). */
  docLang: Lang | null;
  withoutPrices: boolean;
  perCustomer: boolean;
  /** This shipment's quantity per sheet row, as the clerk typed it; rows left out ship their open quantity. */
  ship?: Record<number, number>;
  /** A delivery note on a sheet without a shipped column adds one, filled from the shipments record (SPEC 11). */
  addShippedColumn?: boolean;
}

/** Core notes the pane words its own way: the CLI's words name a flag, the pane's the control beside the buttons. */
const PANE_WORDS: Record<string, string> = { 'ship.note.recordOnly': 'pane.docs.recordOnly' };

/**
 * One kind of document from the selected lines; missing packing data makes it a partial success. Lines the core
 * refuses (cancelled, nothing open, more than open, an error value) make no document: the notice names each one.
 */
export async function makeDocuments(
  ctx: ActionContext,
  type: DocType,
  choices: DocChoices,
): Promise<{ notice: Notice; docs: GeneratedDocument[] }> {
  const { lang } = ctx;
  const sel = await ctx.port.getSelection();
  let refused: string[] = [];
  const { planned, applied } = await applyPlan(ctx, ({ wb, u }) => {
    const rows = sel ? selectedOrderRows(u.order, sel.sheet, sel.rows) : [];
    if (rows.length === 0) throw new OrderClerkError('noRowsSelected');
    const opts = {
      type,
      rows,
      today: ctx.today,
      lang: choices.docLang ?? undefined,
      uiLang: lang,
      withoutPrices: choices.withoutPrices,
      perCustomer: choices.perCustomer,
      ship: choices.ship,
      addShippedColumn: choices.addShippedColumn === true,
      now: ctx.now(),
    };
    // The same refusals planDocuments would throw, said in the pane's words (the CLI's names its flags).
    refused = refusalMessages(
      planDocumentShipment(u, wb, opts).flatMap((g) => g.plan.refusals),
      lang,
    );
    if (refused.length)
      return {
        edits: [],
        documents: [] as GeneratedDocument[],
        companySource: null,
        companyName: null as string | null,
      };
    return planDocuments(u, wb, opts);
  });
  if (refused.length)
    return {
      docs: [],
      notice: { intent: 'error', text: t(lang, 'pane.docs.refused', { count: refused.length }), details: refused },
    };
  const docs = planned.documents.map((d, n) => ({ ...d, sheet: applied?.createdSheets[n] ?? d.sheet }));
  const company = companyNotes(lang, planned.companySource, planned.companyName);
  const notes = docs.flatMap((d) => d.notes.map((n) => t(lang, PANE_WORDS[n.key] ?? n.key, n.params)));
  const warnings = [...company, ...new Set(notes)];
  return {
    docs,
    notice: {
      intent: warnings.length ? 'warning' : 'success',
      text: t(lang, warnings.length ? 'pane.docs.donePartly' : 'pane.docs.done', {
        count: docs.length,
        numbers: docs.map((d) => d.number).join(', '),
      }),
      details: warnings,
    },
  };
}

/**
 * The pane's company prompt (SPEC 7: asked once, before the first document, when no profile is saved): "Save and
 * continue" saves the name, address and phone as the profile in the workbook's settings, then makes the documents,
 * whose letterhead is now the saved profile. A blank name saves nothing and makes nothing.
 */
export async function saveCompanyAndMakeDocuments(
  ctx: ActionContext,
  profile: CompanyProfile,
  type: DocType,
  choices: DocChoices,
): Promise<{ notice: Notice; docs: GeneratedDocument[] }> {
  const company: CompanyProfile = { name: profile.name.trim() };
  for (const k of ['address', 'phone', 'fax', 'taxNo'] as const) {
    const v = profile[k]?.trim();
    if (v) company[k] = v;
  }
  if (!company.name)
    return { docs: [], notice: { intent: 'error', text: t(ctx.lang, 'pane.settings.problem.companyName') } };
  const { wb } = await readOrders(ctx);
  await applyEdits(ctx, [planWriteSettings({ ...readSettings(wb), company })]);
  const made = await makeDocuments(ctx, type, choices);
  const saved = t(ctx.lang, 'pane.company.saved', { name: company.name });
  return { ...made, notice: { ...made.notice, details: [saved, ...(made.notice.details ?? [])] } };
}

/**
 * The letterhead: guessed from the sheet's title, or missing — said in the pane's words (the Settings tab holds the
 * profile; core's company.warn.* name the CLI's --company, which the pane has not).
 */
export function companyNotes(lang: Lang, source: string | null, name: string | null): string[] {
  if (source === 'guessed' && name) return [t(lang, 'pane.docs.companyGuessed', { name })];
  return name === null ? [t(lang, 'pane.docs.companyNone')] : [];
}

/** Core's notes without its letterhead notes (those name the CLI's --company): the pane says its own. */
export function withoutCliCompanyNotes(lang: Lang, warnings: string[], name: string | null): string[] {
  const cli = new Set([t(lang, 'company.warn.guessed', { name: name ?? '' }), t(lang, 'company.warn.none')]);
  return warnings.filter((w) => !cli.has(w));
}

/**
 * Void a document (作废): the register says void, a delivery note's quantities come back off the order sheet with
 * change-log rows. The notice says each line's shipped quantity before and after.
 */
export async function voidDocument(ctx: ActionContext, number: string): Promise<Notice> {
  const { lang } = ctx;
  const { planned } = await applyPlan(ctx, ({ wb, u }) =>
    planVoid(u, wb, { number, today: ctx.today, now: ctx.now(), lang: documentLang(u, {}) }),
  );
  const details = [
    ...planned.reversed.map((r) =>
      t(lang, 'pane.docs.voidReversed', { row: r.row, before: r.shippedBefore, after: r.shippedAfter }),
    ),
    ...planned.notes.map((n) => t(lang, n.key, n.params)),
  ];
  return { intent: 'success', text: t(lang, 'pane.docs.voided', { number: planned.number }), details };
}

/** The signed copy of a delivery note is back: today's date in its register row's receipt column. */
export async function markReceived(ctx: ActionContext, number: string): Promise<Notice> {
  const { planned } = await applyPlan(ctx, ({ wb, u }) =>
    planReceipt(wb, { number, date: ctx.today, now: ctx.now(), lang: documentLang(u, {}) }),
  );
  return {
    intent: 'success',
    text: t(ctx.lang, 'pane.receipts.done', { number: planned.number, date: planned.receiptDate }),
  };
}
