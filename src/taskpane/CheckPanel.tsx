// "Check" tab: issues grouped by severity and field, a windowed list (10,000 issues scroll smoothly),
// fixes with undo, highlighting and data-validation rules. Checking runs after a yield, off the render path.

import * as React from 'react';
import { Badge, Button, ToggleButton, Text } from '@fluentui/react-components';
import { checkOrder, issueCounts, planClearHighlight, planHighlight, planValidationRules } from '../core/checks';
import { planFixes, planUndoLastFix } from '../core/fixes';
import { t } from '../core/i18n';
import type { Issue, Severity, Understanding } from '../core/types';
import { OrderClerkError } from '../core/errors';
import {
  errorText,
  fieldLabel,
  formatNumberIn,
  groupIssues,
  issuesInGroup,
  selectedOrderRows,
  SEVERITIES,
} from './model';
import { afterYield } from './schedule';
import { useStyles } from './styles';
import type { Notice, PaneContext } from './usePane';
import { VirtualList } from './VirtualList';

const ISSUE_ROW_HEIGHT = 52;
export const SEVERITY_COLOUR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  fixable: 'informative',
};

/** What was checked: the whole sheet, or these rows. */
type Scope = { rows: number[] | null };

function runCheck(u: Understanding, scope: Scope, lang: PaneContext['lang']): Issue[] {
  return checkOrder(u, scope.rows ? { lang, rows: scope.rows } : { lang });
}

/** Fix the chosen issues: a partial success says how many cells could not be fixed. */
export async function fixIssues(ctx: PaneContext, chosen: Issue[]): Promise<Notice | string> {
  const { lang } = ctx;
  const { u: now, wb } = await ctx.fresh();
  const plan = planFixes(now, chosen, { lang, now: new Date(), wb });
  if (plan.fixed.length === 0) return { intent: 'info', text: t(lang, 'pane.check.nothingToFix') };
  await ctx.apply(plan.edits);
  await ctx.reload();
  const wanted = new Set(chosen.filter((i) => i.severity === 'fixable' && i.fix).map((i) => i.cell)).size;
  if (plan.fixed.length < wanted) {
    return {
      intent: 'warning',
      text: t(lang, 'pane.check.fixedPartly', { count: plan.fixed.length, left: wanted - plan.fixed.length }),
    };
  }
  return t(lang, 'pane.check.fixed', { count: plan.fixed.length });
}

export function CheckPanel({ ctx }: { ctx: PaneContext }): React.JSX.Element {
  const s = useStyles();
  const { u, lang, busy } = ctx;
  const [checked, setChecked] = React.useState<{
    scope: Scope;
    issues: Issue[];
    u: Understanding;
    lang: string;
    error: string | null;
  } | null>(null);
  const [group, setGroup] = React.useState<string | null>(null);

  // Issues follow the latest understanding and language (a fix re-reads the sheet; the demo toggles languages),
  // recomputed after a yield so the pane paints first.
  React.useEffect(() => {
    // Not while an action runs: it sets its own results (a check) or re-reads first (a fix).
    if (!checked || !u || busy || (checked.u === u && checked.lang === lang)) return;
    let alive = true;
    void afterYield(() => {
      if (!alive) return;
      try {
        setChecked({ scope: checked.scope, issues: runCheck(u, checked.scope, lang), u, lang, error: null });
      } catch (e) {
        setChecked({ scope: checked.scope, issues: [], u, lang, error: errorText(e, lang) });
      }
    });
    return () => {
      alive = false;
    };
  }, [u, lang, checked, busy]);

  const issues = React.useMemo(() => checked?.issues ?? [], [checked]);
  const counts = React.useMemo(() => issueCounts(issues), [issues]);
  const groups = React.useMemo(() => groupIssues(issues), [issues]);
  const shown = React.useMemo(() => issuesInGroup(issues, group), [issues, group]);
  const fixable = React.useMemo(() => issues.filter((i) => i.severity === 'fixable' && i.fix), [issues]);

  const check = (selected: boolean) =>
    ctx.run('check', async () => {
      const { u: now } = await ctx.fresh();
      let rows: number[] | null = null;
      if (selected) {
        const sel = await ctx.port.getSelection();
        rows = sel ? selectedOrderRows(now.order, sel.sheet, sel.rows) : [];
        if (rows.length === 0) throw new OrderClerkError('noRowsSelected');
      }
      ctx.setStep('check');
      const found = await afterYield(() => runCheck(now, { rows }, lang));
      ctx.setStep('render');
      setGroup(null);
      setChecked({ scope: { rows }, issues: found, u: now, lang, error: null });
      const c = issueCounts(found);
      const n = rows ? rows.length : now.order.dataRows.length;
      const params = {
        rows: formatNumberIn(lang, n),
        error: formatNumberIn(lang, c.error),
        fixable: formatNumberIn(lang, c.fixable),
        warning: formatNumberIn(lang, c.warning),
      };
      return found.length === 0
        ? t(lang, 'pane.check.clean', params)
        : { intent: c.error ? 'warning' : 'info', text: t(lang, 'pane.check.found', params) };
    });

  const fix = (chosen: Issue[]) => ctx.run('fix', () => fixIssues(ctx, chosen));

  const undo = () =>
    ctx.run('undo', async () => {
      const { wb, u: now } = await ctx.fresh();
      const plan = planUndoLastFix(wb, now, { lang, now: new Date() });
      if (plan.restored.length === 0) return { intent: 'info', text: t(lang, 'pane.check.nothingToUndo') };
      await ctx.apply(plan.edits);
      await ctx.reload();
      return t(lang, 'pane.check.undone', { count: plan.restored.length });
    });

  const highlight = (on: boolean) =>
    ctx.run('highlight', async () => {
      const { u: now } = await ctx.fresh();
      const list = on ? await afterYield(() => runCheck(now, checked?.scope ?? { rows: null }, lang)) : [];
      await ctx.apply([on ? planHighlight(now, list) : planClearHighlight(now)]);
      return on ? t(lang, 'pane.check.highlighted', { count: list.length }) : t(lang, 'pane.check.highlightCleared');
    });

  const rules = () =>
    ctx.run('rules', async () => {
      const { u: now } = await ctx.fresh();
      const edit = planValidationRules(now, lang);
      await ctx.apply([edit]);
      const n = edit.kind === 'setDataValidation' ? edit.rules.length : 1;
      return t(lang, 'pane.check.rulesDone', { count: n });
    });

  const select = (i: Issue) => {
    if (!u) return;
    void ctx.port
      .select(u.order.sheet, i.cell)
      .catch((e) => ctx.setNotice({ intent: 'error', text: errorText(e, lang) }));
  };

  const disabled = !!busy || !u;
  return (
    <div className={s.panel}>
      <div className={s.buttons}>
        <Button appearance="primary" disabled={disabled} onClick={() => void check(false)}>
          {t(lang, 'pane.check.sheet')}
        </Button>
        <Button disabled={disabled} onClick={() => void check(true)}>
          {t(lang, 'pane.check.selection')}
        </Button>
      </div>
      {checked?.error && <Text>{checked.error}</Text>}
      {checked && !checked.error && (
        <>
          <div className={s.counts} data-testid="issue-counts">
            {SEVERITIES.map((sev) => (
              <span key={sev} className={s.count} data-severity={sev} data-count={counts[sev]}>
                <Badge appearance="filled" color={SEVERITY_COLOUR[sev]}>
                  {formatNumberIn(lang, counts[sev])}
                </Badge>
                {t(lang, `pane.severity.${sev}`)}
              </span>
            ))}
          </div>
          <div className={s.buttons}>
            <Button disabled={disabled || fixable.length === 0} onClick={() => void fix(fixable)}>
              {t(lang, 'pane.check.fixAll', { count: fixable.length })}
            </Button>
            <Button disabled={disabled} onClick={() => void undo()}>
              {t(lang, 'pane.check.undo')}
            </Button>
          </div>
          <div className={s.buttons}>
            <Button size="small" disabled={disabled || issues.length === 0} onClick={() => void highlight(true)}>
              {t(lang, 'pane.check.highlight')}
            </Button>
            <Button size="small" disabled={disabled} onClick={() => void highlight(false)}>
              {t(lang, 'pane.check.clearHighlight')}
            </Button>
            <Button size="small" disabled={disabled} onClick={() => void rules()}>
              {t(lang, 'pane.check.rules')}
            </Button>
          </div>
          {groups.length > 0 && (
            <div className={s.groups} role="group" aria-label={t(lang, 'pane.check.groups')}>
              {groups.map((g) => (
                <ToggleButton
                  key={g.key}
                  size="small"
                  shape="circular"
                  checked={group === g.key}
                  onClick={() => {
                    setGroup(group === g.key ? null : g.key);
                  }}
                >
                  {`${t(lang, `pane.severity.${g.severity}`)} · ${fieldLabel(lang, g.field)} (${g.count})`}
                </ToggleButton>
              ))}
            </div>
          )}
          <Text className={s.muted} aria-live="polite" data-testid="issue-shown">
            {t(lang, 'pane.check.listed', { count: formatNumberIn(lang, shown.length) })}
          </Text>
          <VirtualList
            items={shown}
            rowHeight={ISSUE_ROW_HEIGHT}
            maxHeight={420}
            label={t(lang, 'pane.check.issues')}
            className={s.virtual}
            testId="issue-list"
            itemKey={(i) => `${i.cell}|${i.code}`}
            renderRow={(i, _n, tabIndex) => (
              <div className={s.issue} data-cell={i.cell} data-code={i.code}>
                <button
                  type="button"
                  className={s.rowButton}
                  tabIndex={tabIndex}
                  data-focus-target
                  title={t(lang, 'pane.check.selectCell', { cell: i.cell })}
                  onClick={() => select(i)}
                >
                  <span className={s.cell}>{i.cell}</span>
                  <span className={s.message}>
                    <Badge size="small" appearance="tint" color={SEVERITY_COLOUR[i.severity]}>
                      {t(lang, `pane.severity.${i.severity}`)}
                    </Badge>{' '}
                    {i.message}
                  </span>
                </button>
                {i.severity === 'fixable' && i.fix ? (
                  <Button
                    size="small"
                    tabIndex={tabIndex}
                    disabled={disabled}
                    onClick={() => void fix([i])}
                    aria-label={`${t(lang, 'pane.check.fixOne')} ${i.cell}`}
                  >
                    {t(lang, 'pane.check.fixOne')}
                  </Button>
                ) : (
                  <span />
                )}
              </div>
            )}
          />
        </>
      )}
    </div>
  );
}
