// Fixes: numbers and dates typed as text become real ones, each old value logged first in the change log.

import { checkOrder } from '../../core/checks';
import { textDateRows } from '../../core/delay';
import { planFixes } from '../../core/fixes';
import { t } from '../../core/i18n';
import type { Issue, Lang } from '../../core/types';
import { applyPlan, info, success, type ActionContext, type Notice } from './context';

/**
 * Fix the chosen issues as they stand in the workbook now; a partial success says how many cells were left. The old
 * values go to the workbook's change log (an existing one in either language, else a new one in the order sheet's
 * language, whatever the pane's), and the notice names that sheet.
 */
export async function fixIssues(ctx: ActionContext, chosen: Issue[]): Promise<Notice> {
  const { planned } = await applyPlan(ctx, ({ wb, u }) => planFixes(u, chosen, { now: ctx.now(), wb }));
  return fixNotice(ctx.lang, planned.fixed.length, wantedCells(chosen), planned.log);
}

/** Fix the due (and ship) dates stored as text, which Excel's delay colours cannot see. */
export async function fixTextDates(ctx: ActionContext): Promise<Notice> {
  const { lang } = ctx;
  let wanted = 0;
  const { planned } = await applyPlan(ctx, ({ wb, u }) => {
    const rows = new Set(textDateRows(u));
    const chosen = checkOrder(u, { lang }).filter((i) => i.code === 'text.date' && rows.has(i.row));
    wanted = wantedCells(chosen);
    return planFixes(u, chosen, { now: ctx.now(), wb });
  });
  return fixNotice(lang, planned.fixed.length, wanted, planned.log);
}

function wantedCells(chosen: Issue[]): number {
  return new Set(chosen.filter((i) => i.severity === 'fixable' && i.fix).map((i) => i.cell)).size;
}

function fixNotice(lang: Lang, fixed: number, wanted: number, log: string): Notice {
  if (fixed === 0) return info(t(lang, 'pane.check.nothingToFix'));
  if (fixed < wanted) {
    return { intent: 'warning', text: t(lang, 'pane.check.fixedPartly', { count: fixed, left: wanted - fixed }) };
  }
  return success(t(lang, 'pane.check.fixed', { count: fixed, log }));
}
