// Check: the whole sheet or the selected order lines (a pasted PO). Checking never changes the workbook.

import { checkOrder, issueCounts } from '../../core/checks';
import { OrderClerkError } from '../../core/errors';
import { t } from '../../core/i18n';
import type { Issue, Lang, Understanding } from '../../core/types';
import { missingFields, type EssentialField } from '../../core/understand';
import { fieldLabel, formatNumberIn, selectedOrderRows } from '../model';
import { readOrders, type ActionContext, type Notice } from './context';

export interface CheckResult {
  notice: Notice;
  issues: Issue[];
  /** The rows checked, or null for the whole sheet. */
  rows: number[] | null;
  u: Understanding;
  /** Essential fields no column holds: the check is no all-clear (SPEC 3, 5). */
  missing: EssentialField[];
}

/** "Quantity and Due date" / "数量和交期": the missing fields as the clerk reads them. */
export function missingList(lang: Lang, missing: readonly EssentialField[]): string {
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(missing.map((f) => fieldLabel(lang, f)));
}

/** The issues of the whole sheet, or of the selected order lines (duplicates are looked for against every line). */
export async function checkSheet(ctx: ActionContext, scope: 'sheet' | 'selection'): Promise<CheckResult> {
  const { lang } = ctx;
  const { u } = await readOrders(ctx);
  let rows: number[] | null = null;
  if (scope === 'selection') {
    const sel = await ctx.port.getSelection();
    rows = sel ? selectedOrderRows(u.order, sel.sheet, sel.rows) : [];
    if (rows.length === 0) throw new OrderClerkError('noRowsSelected');
  }
  ctx.onStep?.('check');
  await ctx.pause?.();
  const issues = checkOrder(u, rows ? { lang, rows } : { lang });
  const c = issueCounts(issues);
  const params = {
    rows: formatNumberIn(lang, rows ? rows.length : u.order.dataRows.length),
    error: formatNumberIn(lang, c.error),
    fixable: formatNumberIn(lang, c.fixable),
    warning: formatNumberIn(lang, c.warning),
  };
  const missing = missingFields(u.order);
  const notice: Notice = missing.length
    ? {
        intent: 'error',
        text: t(lang, 'pane.check.missing', { ...params, fields: missingList(lang, missing) }),
        details: [t(lang, 'pane.check.found', params)],
      }
    : issues.length === 0
      ? { intent: 'success', text: t(lang, 'pane.check.clean', params) }
      : { intent: c.error ? 'warning' : 'info', text: t(lang, 'pane.check.found', params) };
  return { notice, issues, rows, u, missing };
}
