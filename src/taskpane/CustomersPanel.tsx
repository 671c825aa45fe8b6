// "Customers" tab: per customer the progress message (SPEC 14) with a Copy button, the month-end statement of account
// (SPEC 12, default: last month), and the shipment plan for the next weeks (SPEC 13). The actions are plain
// functions over the pane context that return a notice, like the documents' makeDocuments.

import * as React from 'react';
import { Button, Dropdown, Field, Input, Option, Text, Textarea } from '@fluentui/react-components';
import { knownCustomers, planStatement, previousMonth } from '../core/documents/statement';
import { t } from '../core/i18n';
import { progressMessage } from '../core/messages';
import { planShipmentPlan } from '../core/shipmentPlan';
import { errorText } from './model';
import { useStyles } from './styles';
import type { Notice, PaneContext } from './usePane';

/** Make the statement of account for one customer and period; warnings make it a partial success. */
export async function makeStatement(
  ctx: PaneContext,
  customer: string,
  period: { from: string; to: string },
): Promise<Notice> {
  const { wb, u } = await ctx.fresh();
  const s = planStatement(u, wb, { customer, from: period.from, to: period.to, today: ctx.today, uiLang: ctx.lang });
  const applied = await ctx.apply(s.edits);
  await ctx.reload();
  return {
    intent: s.warnings.length ? 'warning' : 'success',
    text: t(ctx.lang, 'pane.cust.statementDone', {
      number: s.number,
      sheet: applied.createdSheets[0] ?? s.sheet,
      lines: s.lines.length,
    }),
    details: s.warnings,
  };
}

/** Write the shipment plan sheet for the next `weeks` weeks. */
export async function makeShipmentPlan(ctx: PaneContext, weeks: number): Promise<Notice> {
  const { wb, u } = await ctx.fresh();
  const lang = u.settings.documentLang ?? u.order.lang;
  const p = planShipmentPlan(u, wb, { today: ctx.today, weeks, lang, uiLang: ctx.lang });
  const applied = await ctx.apply(p.edits);
  await ctx.reload();
  return {
    intent: p.warnings.length ? 'warning' : 'success',
    text: t(ctx.lang, 'pane.cust.planDone', { sheet: applied.createdSheets[0] ?? p.sheet }),
    details: p.warnings,
  };
}

/** Put text on the clipboard: the async Clipboard API, else the selected text area and the copy command. */
async function copyText(text: string, area: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!area) return false;
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

export function CustomersPanel({ ctx }: { ctx: PaneContext }): React.JSX.Element {
  const s = useStyles();
  const { u, wb, lang, today, busy } = ctx;
  const customers = React.useMemo(() => (u && wb ? knownCustomers(u, wb) : []), [u, wb]);
  const [customer, setCustomer] = React.useState<string | null>(null);
  const chosen = customer !== null && customers.includes(customer) ? customer : (customers[0] ?? null);
  const last = previousMonth(today);
  const [from, setFrom] = React.useState(last.from);
  const [to, setTo] = React.useState(last.to);
  const [weeks, setWeeks] = React.useState('2');
  const area = React.useRef<HTMLTextAreaElement>(null);

  const message = React.useMemo(() => {
    if (!u || !wb || chosen === null) return null;
    try {
      return { text: progressMessage(u, wb, { customer: chosen, today }).text, error: null };
    } catch (e) {
      return { text: '', error: errorText(e, lang) };
    }
  }, [u, wb, chosen, today, lang]);

  const copy = async () => {
    if (!message?.text) return;
    const ok = await copyText(message.text, area.current);
    ctx.setNotice(
      ok
        ? { intent: 'success', text: t(lang, 'pane.cust.copied', { customer: chosen ?? '' }) }
        : { intent: 'warning', text: t(lang, 'pane.cust.copyFailed') },
    );
  };

  const periodOk = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const weeksN = Number(weeks);
  const weeksOk = Number.isInteger(weeksN) && weeksN >= 1 && weeksN <= 52;
  const disabled = !!busy || !u;

  if (!customers.length) return <Text className={s.muted}>{t(lang, 'pane.cust.none')}</Text>;
  return (
    <div className={s.panel}>
      <Field label={t(lang, 'pane.cust.customer')}>
        <Dropdown
          size="small"
          aria-label={t(lang, 'pane.cust.customer')}
          value={chosen ?? ''}
          selectedOptions={chosen ? [chosen] : []}
          onOptionSelect={(_, d) => setCustomer(d.optionValue ?? null)}
          data-testid="customer-choice"
        >
          {customers.map((c) => (
            <Option key={c} value={c}>
              {c}
            </Option>
          ))}
        </Dropdown>
      </Field>

      <Text className={s.section}>{t(lang, 'pane.cust.message')}</Text>
      {message?.error ? (
        <Text className={s.muted}>{message.error}</Text>
      ) : (
        <Textarea
          ref={area}
          readOnly
          resize="vertical"
          rows={8}
          value={message?.text ?? ''}
          aria-label={t(lang, 'pane.cust.message')}
          data-testid="progress-message"
        />
      )}
      <div className={s.buttons}>
        <Button disabled={!message?.text} onClick={() => void copy()} data-testid="copy-message">
          {t(lang, 'pane.cust.copy')}
        </Button>
      </div>

      <Text className={s.section}>{t(lang, 'pane.cust.monthEnd')}</Text>
      <div className={s.buttons}>
        <Field label={t(lang, 'pane.cust.from')}>
          <Input size="small" type="date" value={from} onChange={(_, d) => setFrom(d.value)} />
        </Field>
        <Field label={t(lang, 'pane.cust.to')}>
          <Input size="small" type="date" value={to} onChange={(_, d) => setTo(d.value)} />
        </Field>
      </div>
      <div className={s.buttons}>
        <Button
          appearance="primary"
          disabled={disabled || !periodOk || chosen === null}
          onClick={() => void ctx.run('statement', () => makeStatement(ctx, chosen as string, { from, to }))}
        >
          {t(lang, 'pane.cust.statement')}
        </Button>
      </div>

      <Text className={s.section}>{t(lang, 'pane.cust.planTitle')}</Text>
      <div className={s.buttons}>
        <Field label={t(lang, 'pane.cust.weeks')}>
          <Input
            size="small"
            type="number"
            min={1}
            max={52}
            value={weeks}
            onChange={(_, d) => setWeeks(d.value)}
            className={s.narrow}
          />
        </Field>
        <Button
          disabled={disabled || !weeksOk}
          onClick={() => void ctx.run('plan', () => makeShipmentPlan(ctx, weeksN))}
        >
          {t(lang, 'pane.cust.plan')}
        </Button>
      </div>
    </div>
  );
}
