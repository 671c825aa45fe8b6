// "Customers" tab: per customer the progress message (SPEC 14) with a Copy button, the month-end statement of account
// (SPEC 12, default: last month), and the shipment plan for the next weeks (SPEC 13). The actions are plain
// functions over the pane context that return a notice, like the documents' makeDocuments.

import * as React from 'react';
import { Button, Dropdown, Field, Input, Option, Text, Textarea } from '@fluentui/react-components';
import { knownCustomers, previousMonth } from '../core/documents/statement';
import { t } from '../core/i18n';
import { progressMessage } from '../core/messages';
import type { Lang, Understanding, WorkbookSnapshot } from '../core/types';
import { makeShipmentPlan, makeStatement } from './actions/customers';
import { dateFieldText, errorText, parseDateField } from './model';
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

/**
 * A date of the pane as the pane writes its other dates (2026年10月1日 / Oct 1, 2026), never the browser's own
 * date format (a Chinese pane in an English browser showed 10/01/2026): a text field that reads any date a clerk
 * types (2026/10/1, 2026-10-01, 10月1日) and writes it back the pane's way on leaving the field.
 */
function DateField({
  lang,
  label,
  iso,
  today,
  onChange,
  testId,
}: {
  lang: Lang;
  label: string;
  /** The date as YYYY-MM-DD, or null while the text is no date. */
  iso: string | null;
  today: string;
  onChange(iso: string | null): void;
  testId: string;
}): React.JSX.Element {
  const [text, setText] = React.useState(() => (iso ? dateFieldText(lang, iso) : ''));
  // The pane's language changed: the date is written the new language's way.
  React.useEffect(() => {
    if (iso) setText(dateFieldText(lang, iso));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the language rewrites what the clerk typed
  }, [lang]);
  return (
    <Field label={label} validationMessage={iso === null ? t(lang, 'pane.cust.badDate') : undefined}>
      <Input
        size="small"
        value={text}
        data-testid={testId}
        onChange={(_, d) => {
          setText(d.value);
          onChange(parseDateField(d.value, today));
        }}
        onBlur={() => {
          if (iso) setText(dateFieldText(lang, iso));
        }}
      />
    </Field>
  );
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
  const [from, setFrom] = React.useState<string | null>(last.from);
  const [to, setTo] = React.useState<string | null>(last.to);
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

  const periodOk = from !== null && to !== null && from <= to;
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
        <DateField
          lang={lang}
          label={t(lang, 'pane.cust.from')}
          iso={from}
          today={today}
          onChange={setFrom}
          testId="statement-from"
        />
        <DateField
          lang={lang}
          label={t(lang, 'pane.cust.to')}
          iso={to}
          today={today}
          onChange={setTo}
          testId="statement-to"
        />
      </div>
      <div className={s.buttons}>
        <Button
          appearance="primary"
          disabled={disabled || !periodOk || chosen === null}
          onClick={() =>
            void pane.run('statement', (ctx) =>
              makeStatement(ctx, chosen as string, { from: from as string, to: to as string }),
            )
          }
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
