// "Check" tab: issues grouped by severity and field, a windowed list (10,000 issues scroll smoothly),
// fixes with undo, highlighting and data-validation rules. Checking runs after a yield, off the render path.

import * as React from 'react';
import { Badge, Button, ToggleButton, Text } from '@fluentui/react-components';
import { checkOrder, issueCounts } from '../core/checks';
import { t } from '../core/i18n';
import type { Issue, Lang, Severity, Understanding } from '../core/types';
import { applyValidationRules, checkSheet, clearHighlight, fixIssues, highlightIssues, undoLastFix } from './actions';
import { fieldWords } from '../core/sheetWords';
import { errorText, formatNumberIn, groupIssues, issuesInGroup, SEVERITIES } from './model';
import { afterYield } from './schedule';
import { useStyles } from './styles';
import type { PaneActions } from './usePane';
import { VirtualList } from './VirtualList';
import { MissingBanner } from './MissingBanner';

/** Three lines of message text (a date fix in English needs them) and the row's padding. */
const ISSUE_ROW_HEIGHT = 66;
export const SEVERITY_COLOUR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  fixable: 'informative',
};

/** The rows checked (null: the whole sheet). */
type Scope = { rows: number[] | null };

function runCheck(u: Understanding, scope: Scope, lang: Lang): Issue[] {
  return checkOrder(u, scope.rows ? { lang, rows: scope.rows } : { lang });
}

export function CheckPanel({ pane, u }: { pane: PaneActions; u: Understanding | null }): React.JSX.Element {
  const s = useStyles();
  const { lang, busy, run } = pane;
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
  // The groups name fields as the messages do: the sheet's own header word, else the glossary's.
  const word = React.useMemo(() => fieldWords(lang, checked?.u.order), [lang, checked]);

  const check = (selected: boolean) =>
    run('check', async (ctx) => {
      const r = await checkSheet(ctx, selected ? 'selection' : 'sheet');
      ctx.onStep?.('render');
      await ctx.pause?.(); // "rendering" paints before the issue list's own render holds the page
      setGroup(null);
      setChecked({ scope: { rows: r.rows }, issues: r.issues, u: r.u, lang, error: null });
      return r.notice;
    });

  const fix = (chosen: Issue[]) => run('fix', (ctx) => fixIssues(ctx, chosen));
  const highlight = (on: boolean) =>
    run('highlight', (ctx) => (on ? highlightIssues(ctx, checked?.scope.rows ?? null) : clearHighlight(ctx)));
  const select = (i: Issue) => u && pane.select(u.order.sheet, i.cell);

  const disabled = !!busy || !u;
  return (
    <div className={s.panel}>
      {u && <MissingBanner pane={pane} u={u} />}
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
                {t(lang, counts[sev] === 1 ? `pane.severity.${sev}` : `pane.severity.many.${sev}`)}
              </span>
            ))}
          </div>
          <div className={s.buttons}>
            <Button disabled={disabled || fixable.length === 0} onClick={() => void fix(fixable)}>
              {t(lang, 'pane.check.fixAll', { count: fixable.length })}
            </Button>
            <Button disabled={disabled} onClick={() => void run('undo', undoLastFix)}>
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
            <Button size="small" disabled={disabled} onClick={() => void run('rules', applyValidationRules)}>
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
                  {t(lang, 'pane.check.group', {
                    severity: t(lang, `pane.severity.${g.severity}`),
                    field: word(g.field),
                    count: formatNumberIn(lang, g.count),
                  })}
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
                  <span className={s.message} title={i.message}>
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
