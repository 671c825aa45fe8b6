// The Customers and Settings tabs' actions (SPEC 9, 12, 13): the month-end statement, the shipment plan, and saving
// the settings form — each over the one write path (read fresh, plan, apply).

import { planStatement } from '../../core/documents/statement';
import { t } from '../../core/i18n';
import { planWriteSettings, readSettings } from '../../core/settings';
import { settingsFromForm, type SettingsForm } from '../../core/settingsForm';
import { planShipmentPlan } from '../../core/shipmentPlan';
import { applyPlan, readOrders, applyEdits, type ActionContext, type Notice } from './context';
import { companyNotes, withoutCliCompanyNotes } from './documents';

/** The statement of account for one customer and period; warnings make it a partial success. */
export async function makeStatement(
  ctx: ActionContext,
  customer: string,
  period: { from: string; to: string },
): Promise<Notice> {
  const { planned, applied } = await applyPlan(ctx, ({ wb, u }) =>
    planStatement(u, wb, { customer, from: period.from, to: period.to, today: ctx.today, uiLang: ctx.lang }),
  );
  const details = [
    ...companyNotes(ctx.lang, planned.companySource, planned.companyName),
    ...withoutCliCompanyNotes(ctx.lang, planned.warnings, planned.companyName),
  ];
  return {
    intent: details.length ? 'warning' : 'success',
    text: t(ctx.lang, 'pane.cust.statementDone', {
      number: planned.number,
      sheet: applied?.createdSheets[0] ?? planned.sheet,
      lines: planned.lines.length,
    }),
    details,
  };
}

/** The shipment plan sheet for the next `weeks` weeks, in the document language. */
export async function makeShipmentPlan(ctx: ActionContext, weeks: number): Promise<Notice> {
  const { planned, applied } = await applyPlan(ctx, ({ wb, u }) =>
    planShipmentPlan(u, wb, {
      today: ctx.today,
      weeks,
      lang: u.settings.documentLang ?? u.order.lang,
      uiLang: ctx.lang,
    }),
  );
  return {
    intent: planned.warnings.length ? 'warning' : 'success',
    text: t(ctx.lang, 'pane.cust.planDone', { sheet: applied?.createdSheets[0] ?? planned.sheet }),
    details: planned.warnings,
  };
}

/** Save the form on top of the workbook's current settings; problems save nothing and are named. */
export async function saveSettings(ctx: ActionContext, form: SettingsForm): Promise<Notice> {
  const { wb } = await readOrders(ctx);
  const { settings, problems } = settingsFromForm(readSettings(wb), form);
  if (problems.length)
    return {
      intent: 'error',
      text: t(ctx.lang, 'pane.settings.notSaved'),
      details: problems.map((p) => t(ctx.lang, `pane.settings.problem.${p}`)),
    };
  await applyEdits(ctx, [planWriteSettings(settings)]);
  return { intent: 'success', text: t(ctx.lang, 'pane.settings.saved') };
}
