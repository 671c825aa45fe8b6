// Documents from the selected order lines: work order, packing list, delivery note, numbered and registered.

import { planDocuments, type DocType, type GeneratedDocument } from '../../core/documents';
import { OrderClerkError } from '../../core/errors';
import { t } from '../../core/i18n';
import type { Lang } from '../../core/types';
import { selectedOrderRows } from '../model';
import { applyEdits, readOrders, type ActionContext, type Notice } from './context';

export interface DocChoices {
  /** Language of the documents; null: the sheet's (or the settings'). */
  docLang: Lang | null;
  withoutPrices: boolean;
  perCustomer: boolean;
}

/** One kind of document from the selected lines; missing packing data makes it a partial success. */
export async function makeDocuments(
  ctx: ActionContext,
  type: DocType,
  choices: DocChoices,
): Promise<{ notice: Notice; docs: GeneratedDocument[] }> {
  const { lang } = ctx;
  const { wb, u } = await readOrders(ctx);
  const sel = await ctx.port.getSelection();
  const rows = sel ? selectedOrderRows(u.order, sel.sheet, sel.rows) : [];
  if (rows.length === 0) throw new OrderClerkError('noRowsSelected');
  const plan = planDocuments(u, wb, {
    type,
    rows,
    today: ctx.today,
    lang: choices.docLang ?? undefined,
    withoutPrices: choices.withoutPrices,
    perCustomer: choices.perCustomer,
  });
  const applied = await applyEdits(ctx, plan.edits);
  const docs = plan.documents.map((d, n) => ({ ...d, sheet: applied?.createdSheets[n] ?? d.sheet }));
  const warnings = docs.flatMap((d) => d.warnings);
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
