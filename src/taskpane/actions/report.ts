// The weekly overdue report: a new sheet of the overdue lines for the Monday meeting.

import { t } from '../../core/i18n';
import { planOverdueReport } from '../../core/report';
import { applyPlan, success, type ActionContext, type Notice } from './context';

export async function writeOverdueReport(ctx: ActionContext): Promise<{ notice: Notice; sheet: string }> {
  const { planned, applied } = await applyPlan(ctx, ({ wb, u }) =>
    planOverdueReport(u, wb, { today: ctx.today, lang: ctx.lang }),
  );
  const sheet = applied?.createdSheets[0] ?? planned.sheet;
  return {
    notice: success(t(ctx.lang, 'pane.delays.reportDone', { sheet, overdue: planned.overdue.length })),
    sheet,
  };
}
