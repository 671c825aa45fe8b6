// First run: the clerk points at the header row of a sheet the add-in did not recognise; it is kept in the settings
// and the sheet understood again with it.

import { OrderClerkError } from '../../core/errors';
import { t } from '../../core/i18n';
import { planWriteSettings, readSettings } from '../../core/settings';
import { withHeaderRow } from '../model';
import { applyEdits, success, understandFor, type ActionContext, type Notice } from './context';

/** Use the first selected row as the header row of its sheet; the pane stays on that sheet from now on. */
export async function pickHeaderRow(ctx: ActionContext): Promise<{ notice: Notice; sheet: string }> {
  const { lang } = ctx;
  const sel = await ctx.port.getSelection();
  if (!sel || sel.rows.length === 0) throw new OrderClerkError('noRowsSelected');
  const row = sel.rows[0];
  const sheet = sel.sheet;
  // No understanding yet: the sheet may have no order table the add-in recognises.
  ctx.onStep?.('read');
  const wb = await ctx.port.read();
  await applyEdits(ctx, [planWriteSettings(withHeaderRow(readSettings(wb), sheet, row))]);
  try {
    const u = understandFor(await ctx.port.read(), ctx.today, sheet);
    return {
      notice: success(t(lang, 'pane.first.headerSaved', { row, sheet, count: u.order.dataRows.length })),
      sheet,
    };
  } catch {
    return { notice: { intent: 'warning', text: t(lang, 'pane.first.headerSavedNoLines', { row, sheet }) }, sheet };
  }
}
