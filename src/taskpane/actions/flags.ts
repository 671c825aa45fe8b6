// Delay flags: TODAY()-based conditional formats that colour the order lines, and the due-soon days they use.

import type { ApplyResult } from '../../core/edits';
import { classifyLines, delayCounts, planDelayRules } from '../../core/delay';
import { t } from '../../core/i18n';
import { planWriteSettings } from '../../core/settings';
import type { DelayClass } from '../../core/types';
import { applyPlan, success, type ActionContext, type Notice } from './context';

/** Write the live delay rules (replacing the add-in's earlier ones); the classes are counted as of today. */
export async function applyDelayFlags(
  ctx: ActionContext,
): Promise<{ notice: Notice; counts: Record<DelayClass, number>; applied: ApplyResult | null }> {
  const { reading, applied } = await applyPlan(ctx, ({ u }) => ({ edits: [planDelayRules(u)] }));
  const { u } = reading;
  return {
    notice: success(t(ctx.lang, 'pane.delays.flagsDone', { rows: u.order.dataRows.length })),
    counts: delayCounts(classifyLines(u, ctx.today)),
    applied,
  };
}

/** Keep the due-soon days in the workbook's settings (the rules and the report read them from there). */
export async function saveDueSoonDays(ctx: ActionContext, days: number): Promise<Notice> {
  await applyPlan(ctx, ({ u }) => ({ edits: [planWriteSettings({ ...u.settings, dueSoonDays: days })] }));
  return success(t(ctx.lang, 'pane.delays.daysSaved', { days }));
}
