// Follows the clerk's selection: one order line shows its facts, delay class and issues with the actions that fit
// it (fix, documents); several lines show their count and totals.

import * as React from 'react';
import { Badge, Button, Text } from '@fluentui/react-components';
import { checkOrder } from '../core/checks';
import { DOC_TYPES, type DocType, type GeneratedDocument } from '../core/documents';
import { t } from '../core/i18n';
import type { CompanyProfile, DelayRow, Issue, Lang, OrderLine, Understanding, WorkbookSnapshot } from '../core/types';
import { fixIssues, makeDocuments, saveCompanyAndMakeDocuments } from './actions';
import { SEVERITY_COLOUR } from './CheckPanel';
import { useCompanyStep, type CompanyAsk } from './CompanyPrompt';
import { DelayClassLabel } from './DelayClassLabel';
import { LineHistory } from './LineHistory';
import { dueSerial, formatDateIn, formatNumberIn, linesTotal, withUnit } from './model';
import { fieldWord } from '../core/sheetWords';
import { useStyles } from './styles';
import type { PaneActions } from './usePane';

const MAX_ISSUES_SHOWN = 4;

export function SelectionCard({
  pane,
  u,
  lines,
  selectedRows,
  delays,
  onMade,
  wb,
  showDocButtons = true,
  companyAsk,
}: {
  pane: PaneActions;
  u: Understanding | null;
  lines: Map<number, OrderLine>;
  selectedRows: number[];
  delays: DelayRow[] | null;
  onMade(docs: GeneratedDocument[]): void;
  /** The workbook as last read (the line's change history is in its change log). */
  wb: WorkbookSnapshot | null;
  /** False on the Documents tab, which has its own document buttons: one set on screen at a time. */
  showDocButtons?: boolean;
  /** Whether the clerk skipped the company prompt in this session, shared with the Documents tab. */
  companyAsk: CompanyAsk;
}): React.JSX.Element | null {
  const s = useStyles();
  const { lang, busy, run } = pane;
  const single = selectedRows.length === 1 ? lines.get(selectedRows[0]) : undefined;

  // One line's issues (duplicates are still looked for against every line).
  const issues = React.useMemo<Issue[]>(() => {
    if (!u || !single) return [];
    try {
      return checkOrder(u, { lang, rows: [single.row] });
    } catch {
      return [];
    }
  }, [u, single, lang]);
  const delay = React.useMemo(
    () => (single ? (delays?.find((r) => r.row === single.row) ?? null) : null),
    [delays, single],
  );
  const selected = React.useMemo(
    () => selectedRows.map((r) => lines.get(r)).filter((l): l is OrderLine => !!l),
    [selectedRows, lines],
  );

  const makeDoc = (type: DocType, company?: CompanyProfile) =>
    void run('documents', async (ctx) => {
      const choices = { docLang: null, withoutPrices: false, perCustomer: false };
      const r = company
        ? await saveCompanyAndMakeDocuments(ctx, company, type, choices)
        : await makeDocuments(ctx, type, choices);
      onMade(r.docs);
      return r.notice;
    });
  // SPEC 7: the same company step as the Documents tab's buttons.
  const company = useCompanyStep({ lang, u, wb, busy: !!busy, ...companyAsk, make: makeDoc });

  if (!u || selected.length === 0) return null;
  const disabled = !!busy;
  const docButtons = showDocButtons && (
    <>
      <div className={s.buttons}>
        {DOC_TYPES.map((type) => (
          <Button key={type} size="small" disabled={disabled} onClick={() => company.request(type)}>
            {t(lang, `pane.docs.${type}`)}
          </Button>
        ))}
      </div>
      {company.prompt}
    </>
  );

  if (single) {
    const fixable = issues.filter((i) => i.severity === 'fixable' && i.fix);
    const due = dueSerial(single);
    const qty = single.num.quantity;
    const text = (f: keyof OrderLine['text']) => single.text[f] ?? '';
    return (
      <section
        className={s.card}
        aria-label={t(lang, 'pane.sel.line', { row: single.row })}
        data-testid="selection-card"
        data-row={single.row}
      >
        <div className={s.cardTitle}>
          <span>{t(lang, 'pane.sel.line', { row: single.row })}</span>
          {delay && (
            <DelayClassLabel
              cls={delay.class}
              text={
                delay.class === 'overdue'
                  ? t(lang, 'pane.delays.daysLate', { days: delay.daysLate })
                  : t(lang, `delay.class.${delay.class}`)
              }
            />
          )}
        </div>
        <dl className={s.facts}>
          <dt>{fieldWord(lang, 'orderNo', u.order)}</dt>
          <dd>{text('orderNo') || '—'}</dd>
          <dt>{fieldWord(lang, 'customer', u.order)}</dt>
          <dd>{text('customer') || '—'}</dd>
          <dt>{fieldWord(lang, 'item', u.order)}</dt>
          <dd>{[text('item'), text('description')].filter(Boolean).join(' · ') || '—'}</dd>
          <dt>{fieldWord(lang, 'quantity', u.order)}</dt>
          <dd>
            {qty && qty.kind === 'ok'
              ? withUnit(lang, formatNumberIn(lang, qty.value), text('unit'))
              : text('quantity') || '—'}
          </dd>
          <dt>{fieldWord(lang, 'dueDate', u.order)}</dt>
          <dd>{due !== null ? formatDateIn(lang, due) : text('dueDate') || '—'}</dd>
        </dl>
        {issues.length === 0 ? (
          <Text className={s.muted}>{t(lang, 'pane.sel.noIssues')}</Text>
        ) : (
          <ul className={s.list} aria-label={t(lang, 'pane.check.issues')}>
            {issues.slice(0, MAX_ISSUES_SHOWN).map((i) => (
              <li key={`${i.cell}|${i.code}`} className={s.message}>
                <Badge size="small" appearance="tint" color={SEVERITY_COLOUR[i.severity]}>
                  {t(lang, `pane.severity.${i.severity}`)}
                </Badge>{' '}
                <span className={s.cell}>{i.cell}</span> {i.message}
              </li>
            ))}
            {issues.length > MAX_ISSUES_SHOWN && (
              <li className={s.muted}>{t(lang, 'pane.delays.more', { count: issues.length - MAX_ISSUES_SHOWN })}</li>
            )}
          </ul>
        )}
        <LineHistory wb={wb} sheet={u.order.sheet} row={single.row} lang={lang} />
        {fixable.length > 0 && (
          <div className={s.buttons}>
            <Button
              size="small"
              appearance="primary"
              disabled={disabled}
              onClick={() => void run('fix', (ctx) => fixIssues(ctx, fixable))}
            >
              {t(lang, 'pane.sel.fix', { count: fixable.length })}
            </Button>
          </div>
        )}
        {docButtons}
      </section>
    );
  }

  const total = linesTotal(selected);
  const customers = new Set(selected.map((l) => l.text.customer ?? '')).size;
  return (
    <section
      className={s.card}
      aria-label={t(lang, 'pane.sel.lines', { count: total.count })}
      data-testid="selection-card"
      data-count={total.count}
    >
      <div className={s.cardTitle}>{t(lang, 'pane.sel.lines', { count: formatNumberIn(lang, total.count) })}</div>
      <dl className={s.facts}>
        <dt>{t(lang, 'pane.sel.totalQty')}</dt>
        <dd data-testid="sel-qty">{withMissing(lang, formatNumberIn(lang, total.quantity), total.quantityMissing)}</dd>
        <dt>{t(lang, 'pane.sel.totalAmount')}</dt>
        <dd data-testid="sel-amount">{withMissing(lang, formatNumberIn(lang, total.amount), total.amountMissing)}</dd>
        <dt>{t(lang, 'pane.sel.customers')}</dt>
        <dd>{t(lang, 'pane.sel.customerCount', { count: customers })}</dd>
      </dl>
      {docButtons}
    </section>
  );
}

/** A total and, when some lines lack the number, how many: "1,620（1 行无数值）" / "1,620 (1 line without a number)". */
function withMissing(lang: Lang, value: string, missing: number): string {
  return missing ? t(lang, 'pane.sel.withMissing', { value, count: missing }) : value;
}
