// "Delays" tab: counts per class with the flag colours, the late lines (windowed), live flags and the weekly report.

import * as React from 'react';
import { Button, Field, Link, SpinButton, Text } from '@fluentui/react-components';
import { checkOrder } from '../core/checks';
import { delayCounts, planDelayRules, textDateRows } from '../core/delay';
import { t } from '../core/i18n';
import { planOverdueReport } from '../core/report';
import { planWriteSettings } from '../core/settings';
import { DELAY_CLASSES } from '../core/types';
import { dueSerial, errorText, formatDateIn, formatNumberIn, lateLines, lineText, rowAddress } from './model';
import { useStyles } from './styles';
import type { PaneContext } from './usePane';
import { VirtualList } from './VirtualList';
import { fixIssues } from './CheckPanel';
import { DelayClassLabel } from './DelayClassLabel';

const LATE_ROW_HEIGHT = 48;

export function DelaysPanel({ ctx }: { ctx: PaneContext }): React.JSX.Element {
  const s = useStyles();
  const { u, lang, busy, today } = ctx;
  const [days, setDays] = React.useState<number | null>(null);
  const [reportSheet, setReportSheet] = React.useState<string | null>(null);

  const dueSoonDays = days ?? u?.settings.dueSoonDays ?? 7;
  const { delays, lines } = ctx;
  const counts = React.useMemo(() => delayCounts(delays ?? []), [delays]);
  const late = React.useMemo(() => lateLines(delays ?? [], (row) => dueSerial(lines.get(row))), [delays, lines]);

  const saveDays = () =>
    ctx.run('days', async () => {
      const { u: now } = await ctx.fresh();
      const settings = { ...now.settings, dueSoonDays };
      await ctx.apply([planWriteSettings(settings)]);
      await ctx.reload();
      setDays(null);
      return t(lang, 'pane.delays.daysSaved', { days: dueSoonDays });
    });

  const applyFlags = () =>
    ctx.run('flags', async () => {
      const { u: now } = await ctx.fresh();
      await ctx.apply([planDelayRules(now)]);
      return t(lang, 'pane.delays.flagsDone', { rows: now.order.dataRows.length });
    });

  const report = () =>
    ctx.run('report', async () => {
      const { wb, u: now } = await ctx.fresh();
      const r = planOverdueReport(now, wb, { today, lang });
      const applied = await ctx.apply(r.edits);
      const sheet = applied.createdSheets[0] ?? r.sheet;
      setReportSheet(sheet);
      await ctx.reload();
      return t(lang, 'pane.delays.reportDone', { sheet, overdue: r.overdue.length });
    });

  // Text dates are invisible to the live colours: say so, and offer the fix (with its change-log rows).
  const textDates = React.useMemo(() => (u ? textDateRows(u) : []), [u]);
  const fixTextDates = () =>
    ctx.run('fix', async () => {
      const { u: now } = await ctx.fresh();
      const rows = new Set(textDateRows(now));
      const chosen = checkOrder(now, { lang }).filter((i) => i.code === 'text.date' && rows.has(i.row));
      return fixIssues(ctx, chosen);
    });

  const selectRow = (row: number) => {
    if (!u) return;
    void ctx.port
      .select(u.order.sheet, rowAddress(u.order, row))
      .catch((e) => ctx.setNotice({ intent: 'error', text: errorText(e, lang) }));
  };

  const disabled = !!busy || !u;
  return (
    <div className={s.panel}>
      {ctx.delaysError && <Text>{ctx.delaysError}</Text>}
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
        <Field label={t(lang, 'pane.delays.dueSoonDays')} orientation="horizontal">
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
          <Button size="small" disabled={disabled} onClick={() => void fixTextDates()}>
            {t(lang, 'pane.delays.fixTextDates', { count: formatNumberIn(lang, textDates.length) })}
          </Button>
        </div>
      )}
      {reportSheet && (
        <Link
          onClick={() =>
            void ctx.port
              .select(reportSheet, 'A1')
              .catch((e) => ctx.setNotice({ intent: 'error', text: errorText(e, lang) }))
          }
        >
          {t(lang, 'pane.openSheet', { sheet: reportSheet })}
        </Link>
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
