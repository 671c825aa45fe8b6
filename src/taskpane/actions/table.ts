// Make table: the order lines become an Excel table (or the clerk's table grows over them) as core decides; a
// refusal says why, and an Excel that cannot grow a table says so too.

import { t } from '../../core/i18n';
import { planMakeTable } from '../../core/orderTable';
import { applyPlan, success, type ActionContext, type Notice } from './context';

export async function makeTable(ctx: ActionContext): Promise<Notice> {
  const { lang } = ctx;
  const { applied } = await applyPlan(ctx, ({ wb, u }) => ({ edits: [planMakeTable(u, wb, lang)] }));
  const notGrown = applied?.tableNotGrown;
  if (notGrown) return { intent: 'warning', text: t(lang, 'pane.sheet.tableNotGrown', notGrown) };
  return success(t(lang, 'pane.sheet.tableDone', { table: applied?.table ?? '' }));
}
