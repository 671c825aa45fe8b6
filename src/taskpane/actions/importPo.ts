// The Import PO tab's action (SPEC 15): the customer's PO planned against the order sheet as it is now, then the new
// lines added or the changes applied — over the one write path (read fresh, plan, apply).

import { t } from '../../core/i18n';
import { planImport } from '../../core/po/importPo';
import type { PurchaseOrder } from '../../core/po/readPo';
import { applyPlan, info, type ActionContext, type Notice } from './context';

/** Add the PO's new lines ('add') or apply its changed quantities, prices and dates ('apply'). */
export async function importPo(ctx: ActionContext, po: PurchaseOrder, what: 'add' | 'apply'): Promise<Notice> {
  const { planned } = await applyPlan(ctx, ({ wb, u }) => {
    const p = planImport(u, wb, po, {
      lang: u.settings.documentLang ?? u.order.lang,
      now: ctx.now(),
      today: ctx.today,
      applyChanges: what === 'apply',
      addLines: what === 'add',
    });
    // Nothing to do is said, and nothing is written (not even a change-log row).
    return count(p, what) === 0 ? { ...p, edits: [] } : p;
  });
  const n = count(planned, what);
  if (n === 0) return info(t(ctx.lang, 'pane.import.nothing'));
  return {
    intent: 'success',
    text:
      what === 'add'
        ? t(ctx.lang, 'pane.import.added', {
            count: n,
            first: planned.added[0].row,
            last: planned.added[planned.added.length - 1].row,
            log: planned.log,
          })
        : t(ctx.lang, 'pane.import.applied', { count: n, log: planned.log }),
  };
}

function count(p: ReturnType<typeof planImport>, what: 'add' | 'apply'): number {
  return what === 'add' ? p.added.length : p.changed.filter((c) => c.applied).length;
}
