// "Delays" tab: counts per class with the flag colours, the late lines (windowed), live flags and the weekly report.

import * as React from 'react';
import { Button, Field, Link, SpinButton, Text } from '@fluentui/react-components';
import { delayCounts, textDateRows } from '../core/delay';
import { t } from '../core/i18n';
import { DELAY_CLASSES, type DelayRow, type OrderLine, type Understanding } from '../core/types';
import { applyDelayFlags, fixTextDates, saveDueSoonDays, writeOverdueReport } from './actions';
import { dueSerial, formatDateIn, formatNumberIn, lateLines, lineText, rowAddress } from './model';
import { useStyles } from './styles';
import type { PaneActions } from './usePane';
import { VirtualList } from './VirtualList';
import { DelayClassLabel } from './DelayClassLabel';

const LATE_ROW_HEIGHT = 48;

export function DelaysPanel({
  pane,
  u,
  delays,
  delaysError,
  lines,
}: {
  pane: PaneActions;
  u: Understanding | null;
  /** The class of every line (null while computing). */
  delays: DelayRow[] | null;
  delaysError: string | null;
  lines: Map<number, OrderLine>;
}): React.JSX.Element {
  const s = useStyles();
  const { lang, busy, run } = pane;
  const [days, setDays] = React.useState<number | null>(null);
  const [reportSheet, setReportSheet] = React.useState<string | null>(null);

  const dueSoonDays = days ?? u?.settings.dueSoonDays ?? 7;
  const counts = React.useMemo(() => delayCounts(delays ?? []), [delays]);
  const late = React.useMemo(() => lateLines(delays ?? [], (row) => dueSerial(lines.get(row))), [delays, lines]);

  const saveDays = () =>
    run('days', async (ctx) => {
      const notice = await saveDueSoonDays(ctx, dueSoonDays);
      setDays(null);
      return notice;
    });

  const applyFlags = () => run('flags', async (ctx) => (await applyDelayFlags(ctx)).notice);

  const report = () =>
    run('report', async (ctx) => {
      const r = await writeOverdueReport(ctx);
      setReportSheet(r.sheet);
      return r.notice;
    });

  // Text dates are invisible to the live colours: say so, and offer the fix (with its change-log rows).
  const textDates = React.useMemo(() => (u ? textDateRows(u) : []), [u]);

  const selectRow = (row: number) => u && pane.select(u.order.sheet, rowAddress(u.order, row));

  const disabled = !!busy || !u;
  return (
    <div className={s.panel}>
      {delaysError && <Text>{delaysError}</Text>}
      <div className={s.legend} data-testid="delay-counts">
        {DELAY_CLASSES.map((c) => (
          <React.Fragment key={c}>
            <DelayClassLabel cls={c} text={t(lang, `delay.class.${c}`)} />
            <Text weight="semibold" data-class={c} data-count={counts[c]}>
              {formatNumberIn(lang, counts[c])}
            </Text>
          </React.Fragment>
        ))}
      </div>

      <div className={s.buttons}>
        <Field label={t(lang, 'pane.delays.dueSoonDays')} orientation="horizontal" className={s.inlineField}>
          <SpinButton
            min={0}
            max={365}
            value={dueSoonDays}
            disabled={disabled}
            onChange={(_, d) => {
              const v = d.value ?? (d.displayValue !== undefined ? Number(d.displayValue) : NaN);
              if (Number.isFinite(v)) setDays(Math.max(0, Math.min(365, Math.floor(v as number))));
            }}
          />
        </Field>
        <Button size="small" disabled={disabled || days === null} onClick={() => void saveDays()}>
          {t(lang, 'pane.save')}
        </Button>
      </div>

      <div className={s.buttons}>
        <Button appearance="primary" disabled={disabled} onClick={() => void applyFlags()}>
          {t(lang, 'pane.delays.applyFlags')}
        </Button>
        <Button disabled={disabled} onClick={() => void report()}>
          {t(lang, 'pane.delays.report')}
        </Button>
      </div>
      {textDates.length > 0 && (
        <div className={s.buttons} data-testid="text-dates">
          <Text>{t(lang, 'pane.delays.textDates', { count: formatNumberIn(lang, textDates.length) })}</Text>
          <Button size="small" disabled={disabled} onClick={() => void run('fix', fixTextDates)}>
            {t(lang, 'pane.delays.fixTextDates', { count: formatNumberIn(lang, textDates.length) })}
          </Button>
        </div>
      )}
      {reportSheet && (
        <Link onClick={() => pane.select(reportSheet, 'A1')}>{t(lang, 'pane.openSheet', { sheet: reportSheet })}</Link>
      )}

      <Text className={s.section}>
        {t(lang, 'pane.delays.lateLines', { count: formatNumberIn(lang, late.length) })}
      </Text>
      <VirtualList
        items={late}
        rowHeight={LATE_ROW_HEIGHT}
        maxHeight={360}
        label={t(lang, 'pane.delays.lateLines', { count: late.length })}
        className={s.virtual}
        testId="late-list"
        itemKey={(r) => String(r.row)}
        renderRow={(r, _n, tabIndex) => {
          const due = dueSerial(lines.get(r.row));
          return (
            <button
              type="button"
              className={`${s.rowButton} ${s.lateButton}`}
              tabIndex={tabIndex}
              data-focus-target
              data-row={r.row}
              onClick={() => selectRow(r.row)}
            >
              <span className={s.cell}>{r.row}</span>
              <span className={s.twoLines}>
                <span className={s.oneLine}>
                  {[
                    lineText(lines, r.row, 'orderNo'),
                    lineText(lines, r.row, 'customer'),
                    lineText(lines, r.row, 'item'),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                <span className={`${s.oneLine} ${s.muted}`}>
                  {t(lang, 'pane.delays.due', {
                    date: due !== null ? formatDateIn(lang, due) : lineText(lines, r.row, 'dueDate'),
                    qty: formatNumberIn(lang, r.openQty),
                  })}
                </span>
              </span>
              <DelayClassLabel
                cls={r.class}
                text={
                  r.class === 'overdue'
                    ? t(lang, 'pane.delays.daysLate', { days: r.daysLate })
                    : t(lang, 'delay.class.dueSoon')
                }
              />
            </button>
          );
        }}
      />
    </div>
  );
}
