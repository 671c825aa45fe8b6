// The customer commands: the month-end statement (SPEC 12), the progress message (SPEC 14), the shipment plan
// (SPEC 13).

import { guessCompanyName, resolveCompany } from '../core/company';
import { planStatement } from '../core/documents/statement';
import { t } from '../core/i18n';
import { groupThousands } from '../core/lists';
import { progressMessage } from '../core/messages';
import { planShipmentPlan, type PlanGroup } from '../core/shipmentPlan';
import type { CliOptions } from './args';
import { textTable } from './format';
import { companyNotes, done, fileLang, json, writeOutput, type CommandOutput, type Loaded } from './output';

// ---------------------------------------------------------------- statement (SPEC 12)

export async function statement(opts: CliOptions, loaded: Loaded): Promise<CommandOutput> {
  const { u, snapshot } = loaded;
  const s = planStatement(u, snapshot, {
    customer: opts.customer!,
    from: opts.from,
    to: opts.to,
    today: opts.today,
    ...(opts.langGiven ? { lang: opts.lang } : {}),
    uiLang: opts.lang,
    company: opts.company,
  });
  const { limits } = await writeOutput(opts, loaded, s.edits);
  const warnings = [...s.warnings, ...limits];
  const result = {
    customer: s.customer,
    from: s.from,
    to: s.to,
    number: s.number,
    sheet: s.sheet,
    lines: s.lines.length,
    totals: s.totals,
  };
  if (opts.json) return done(json(result), 0, warnings);
  const text = t(opts.lang, 'cli.statement.done', {
    number: s.number,
    customer: s.customer,
    from: s.from,
    to: s.to,
    lines: s.lines.length,
    sheet: s.sheet,
    quantity: groupThousands(s.totals.quantity),
    amount: s.totals.amount === null ? '—' : moneyText(s.totals.amount),
    file: opts.output as string,
  });
  return done(text, 0, warnings);
}

/** 10560 → "10,560.00". */
function moneyText(v: number): string {
  return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

// ---------------------------------------------------------------- update (SPEC 14)

export function update(opts: CliOptions, { u, snapshot }: Loaded): CommandOutput {
  const { company, source } = resolveCompany(u.settings, opts.company, null);
  const m = progressMessage(u, snapshot, {
    customer: opts.customer!,
    today: opts.today,
    ...(opts.langGiven ? { lang: opts.lang } : {}),
    // Signed only with a name the clerk gave or keeps in the settings, never a guess.
    signature: source === 'given' || source === 'settings' ? (company?.name ?? null) : null,
  });
  const warnings = m.leftOut.shippedUndated
    ? [t(opts.lang, 'cli.update.shippedUndated', { count: m.leftOut.shippedUndated })]
    : [];
  if (opts.json) {
    const lines = m.lines.map((l) => ({
      row: l.row,
      orderNo: l.orderNo,
      item: l.item,
      quantity: l.quantity,
      shipped: l.shipped,
      open: l.open,
      dueDate: l.dueDate,
      state: l.state,
      daysLate: l.daysLate,
      partial: l.partial,
    }));
    return done(json({ customer: m.customer, lines, text: m.text }), 0, warnings);
  }
  return done(m.text, 0, warnings);
}

// ---------------------------------------------------------------- plan (SPEC 13)

export async function plan(opts: CliOptions, loaded: Loaded): Promise<CommandOutput> {
  const { u, snapshot } = loaded;
  const { company, source } = resolveCompany(u.settings, opts.company, guessCompanyName(snapshot, u.order));
  const p = planShipmentPlan(u, snapshot, {
    today: opts.today,
    weeks: opts.weeks,
    lang: fileLang(opts, u),
    uiLang: opts.lang,
    company,
  });
  const { limits } = await writeOutput(opts, loaded, p.edits);
  const warnings = [...companyNotes(opts.lang, company?.name ?? null, source), ...p.warnings, ...limits];
  const lines = (g: PlanGroup) =>
    g.lines.map(({ row, orderNo, customer, item, dueDate, openQty, cartons, cbm, grossWeight }) => ({
      row,
      orderNo,
      customer,
      item,
      dueDate,
      openQty,
      cartons,
      cbm,
      grossWeight,
    }));
  const groupJson = (g: PlanGroup) => ({
    week: g.week,
    from: g.from,
    to: g.to,
    lines: lines(g),
    totals: g.totals,
    customers: g.customers,
  });
  if (opts.json)
    return done(
      json({
        today: p.today,
        sheet: p.sheet,
        weeks: p.weeks.map(groupJson),
        overdue: lines(p.overdue),
        overdueTotals: p.overdue.totals,
      }),
      0,
      warnings,
    );
  const L = opts.lang;
  const table = textTable([
    [
      t(L, 'cli.label.week'),
      t(L, 'cli.label.lines'),
      t(L, 'cli.label.openQty'),
      t(L, 'cli.label.cartons'),
      t(L, 'cli.label.grossWeight'),
      t(L, 'cli.label.cbm'),
    ],
    ...[p.overdue, ...p.weeks].map((g) => [
      g.week === 'overdue' ? t(L, 'plan.group.overdue') : g.week,
      g.lines.length,
      g.totals.openQty,
      g.totals.cartons,
      g.totals.grossWeight.toFixed(2),
      g.totals.cbm.toFixed(3),
    ]),
  ]);
  return done(`${t(L, 'cli.plan.done', { sheet: p.sheet, file: opts.output as string })}\n${table}`, 0, warnings);
}
