// Undo the last fix from the change log (a cell the clerk changed since is left alone), logging the undo.

import { findChangeLogSheet } from '../../core/changelog';
import { planUndoLastFix } from '../../core/fixes';
import { t } from '../../core/i18n';
import { applyPlan, info, success, type ActionContext, type Notice } from './context';

export async function undoLastFix(ctx: ActionContext): Promise<Notice> {
  // The log is the workbook's (either language); the notice names it as it exists.
  let logged = false;
  const { planned } = await applyPlan(ctx, ({ wb, u }) => {
    logged = findChangeLogSheet(wb) !== undefined;
    return planUndoLastFix(wb, u, { now: ctx.now() });
  });
  if (planned.restored.length === 0) {
    // No log sheet yet: nothing to name.
    return info(
      logged ? t(ctx.lang, 'pane.check.nothingToUndo', { log: planned.log }) : t(ctx.lang, 'pane.check.noFixYet'),
    );
  }
  return success(t(ctx.lang, 'pane.check.undone', { count: planned.restored.length }));
}
