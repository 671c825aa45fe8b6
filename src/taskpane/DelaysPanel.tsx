// "Delays" tab: counts per class with the flag colours, the late lines, live flags and the weekly report.

import * as React from 'react';
import { Button, Field, Link, SpinButton, Text } from '@fluentui/react-components';
import { DELAY_COLOURS } from '../core/colours';
import { classifyLines, delayCounts, planDelayRules } from '../core/delay';
import { t } from '../core/i18n';
import { planOverdueReport } from '../core/report';
import { planWriteSettings } from '../core/settings';
import { DELAY_CLASSES, type DelayRow } from '../core/types';
import { errorText, lateLines, lineText, rowAddress } from './model';
import { useStyles } from './styles';
import type { PaneContext } from './usePane';

const MAX_LATE_SHOWN = 200;

export function DelaysPanel({ ctx }: { ctx: PaneContext }): React.JSX.Element {
  const s = useStyles();
  const { u, lang, busy, today } = ctx;
  const [days, setDays] = React.useState<number | null>(null);
  const [reportSheet, setReportSheet] = React.useState<string | null>(null);

  const result = React.useMemo(() => {
    if (!u) return null;
    try {
      return { rows: classifyLines(u, today), error: null };
    } catch (e) {
      return { rows: [] as DelayRow[], error: errorText(e, lang) };
    }
  }, [u, today, lang]);

  const dueSoonDays = days ?? u?.settings.dueSoonDays ?? 7;
  const counts = delayCounts(result?.rows ?? []);
  const late = lateLines(result?.rows ?? []);

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

  const selectRow = (row: number) => {
    if (!u) return;
    void ctx.port.select(u.order.sheet, rowAddress(u.order, row)).catch((e) => ctx.setNotice({ intent: 'error', text: errorText(e, lang) }));
  };

  const disabled = !!busy || !u;
  return (
    <div className={s.panel}>
      {result?.error && <Text>{result.error}</Text>}
      <div className={s.legend} data-testid="delay-counts">
        {DELAY_CLASSES.map((c) => (
          <React.Fragment key={c}>
            <span>
              <span
                className={s.swatch}
                style={{
                  backgroundColor: DELAY_COLOURS[c].fill,
                  color: DELAY_COLOURS[c].font,
                  textDecoration: DELAY_COLOURS[c].strike ? 'line-through' : undefined,
                }}
              >
                {t(lang, `delay.class.${c}`)}
              </span>
            </span>
            <Text weight="semibold" data-class={c}>
              {counts[c]}
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
      {reportSheet && (
        <Link onClick={() => void ctx.port.select(reportSheet, 'A1')}>{t(lang, 'pane.openSheet', { sheet: reportSheet })}</Link>
      )}

      <Text className={s.section}>{t(lang, 'pane.delays.lateLines', { count: late.length })}</Text>
      <ul className={s.list} data-testid="late-list">
        {late.slice(0, MAX_LATE_SHOWN).map((r) => (
          <li
            key={r.row}
            className={s.late}
            role="button"
            tabIndex={0}
            data-row={r.row}
            onClick={() => selectRow(r.row)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') selectRow(r.row);
            }}
          >
            <span className={s.cell}>{r.row}</span>
            <span className={s.message}>
              {u ? [lineText(u, r.row, 'orderNo'), lineText(u, r.row, 'customer'), lineText(u, r.row, 'item')].filter(Boolean).join(' · ') : ''}
              <br />
              <span className={s.muted}>
                {t(lang, 'pane.delays.due', { date: u ? lineText(u, r.row, 'dueDate') : '', qty: r.openQty })}
              </span>
            </span>
            <span
              className={s.swatch}
              style={{ backgroundColor: DELAY_COLOURS[r.class].fill, color: DELAY_COLOURS[r.class].font }}
            >
              {r.class === 'overdue' ? t(lang, 'pane.delays.daysLate', { days: r.daysLate }) : t(lang, 'delay.class.dueSoon')}
            </span>
          </li>
        ))}
      </ul>
      {late.length > MAX_LATE_SHOWN && <Text className={s.muted}>{t(lang, 'pane.delays.more', { count: late.length - MAX_LATE_SHOWN })}</Text>}
    </div>
  );
}
