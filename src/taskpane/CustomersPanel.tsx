// "Customers" tab: per customer the progress message (SPEC 14) with a Copy button, the month-end statement of account
// (SPEC 12, default: last month), and the shipment plan for the next weeks (SPEC 13). The actions are plain
// functions over the pane context that return a notice, like the documents' makeDocuments.

import * as React from 'react';
import { Button, Dropdown, Field, Input, Option, Text, Textarea } from '@fluentui/react-components';
import { knownCustomers, previousMonth } from '../core/documents/statement';
import { t } from '../core/i18n';
import { progressMessage } from '../core/messages';
import type { Understanding, WorkbookSnapshot } from '../core/types';
import { makeShipmentPlan, makeStatement } from './actions/customers';
import { errorText } from './model';
import { useStyles } from './styles';
import type { PaneActions } from './usePane';

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

export function CustomersPanel({
  pane,
  u,
  wb,
  today,
}: {
  pane: PaneActions;
  u: Understanding | null;
  wb: WorkbookSnapshot | null;
  today: string;
}): React.JSX.Element {
  const s = useStyles();
  const { lang, busy } = pane;
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

  const copy = () =>
    pane.run('copy', async () => {
      if (!message?.text) return null;
      const ok = await copyText(message.text, area.current);
      return ok
        ? { intent: 'success', text: t(lang, 'pane.cust.copied', { customer: chosen ?? '' }) }
        : { intent: 'warning', text: t(lang, 'pane.cust.copyFailed') };
    });

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
          onClick={() => void pane.run('statement', (ctx) => makeStatement(ctx, chosen as string, { from, to }))}
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
          onClick={() => void pane.run('plan', (ctx) => makeShipmentPlan(ctx, weeksN))}
        >
          {t(lang, 'pane.cust.plan')}
        </Button>
      </div>
    </div>
  );
}
