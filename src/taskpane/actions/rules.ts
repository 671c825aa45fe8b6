// Live data-validation rules on the order lines' columns (quantity > 0, dates, status list …).

import { planValidationRules } from '../../core/checks';
import { t } from '../../core/i18n';
import { applyPlan, success, type ActionContext, type Notice } from './context';

export async function applyValidationRules(ctx: ActionContext): Promise<Notice> {
  const { planned } = await applyPlan(ctx, ({ u }) => ({ edits: [planValidationRules(u, ctx.lang)] }));
  const edit = planned.edits[0];
  const count = edit.kind === 'setDataValidation' ? edit.rules.length : 1;
  return success(t(ctx.lang, 'pane.check.rulesDone', { count }));
}
