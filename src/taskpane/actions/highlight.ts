// Highlight the problem cells with one marked conditional format, or clear it; the values are never touched.

import { checkOrder, planClearHighlight, planHighlight } from '../../core/checks';
import { t } from '../../core/i18n';
import { applyPlan, success, type ActionContext, type Notice } from './context';

/** Highlight the issues of the whole sheet (rows null) or of these rows, as the workbook is now. */
export async function highlightIssues(ctx: ActionContext, rows: number[] | null): Promise<Notice> {
  const { lang } = ctx;
  const { planned } = await applyPlan(ctx, ({ u }) => {
    const issues = checkOrder(u, rows ? { lang, rows } : { lang });
    return { edits: [planHighlight(u, issues)], count: issues.length };
  });
  return success(t(lang, 'pane.check.highlighted', { count: planned.count }));
}

export async function clearHighlight(ctx: ActionContext): Promise<Notice> {
  await applyPlan(ctx, ({ u }) => ({ edits: [planClearHighlight(u)] }));
  return success(t(ctx.lang, 'pane.check.highlightCleared'));
}
