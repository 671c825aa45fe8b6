// "Check" tab: issues grouped by severity and field, a paged list (10,000 issues stay responsive),
// fixes with undo, highlighting and data-validation rules.

import * as React from 'react';
import { Badge, Button, ToggleButton, Text } from '@fluentui/react-components';
import { checkOrder, issueCounts, planClearHighlight, planHighlight, planValidationRules } from '../core/checks';
import { planFixes, planUndoLastFix } from '../core/fixes';
import { t } from '../core/i18n';
import type { Issue, Severity, Understanding } from '../core/types';
import { OrderClerkError } from '../core/errors';
import { errorText, fieldLabel, groupIssues, issuesInGroup, pageOf, selectedOrderRows, SEVERITIES } from './model';
import { useStyles } from './styles';
import type { PaneContext } from './usePane';

const PAGE_SIZE = 50;
const SEVERITY_COLOUR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  fixable: 'informative',
};

/** What was checked: the whole sheet, or these rows. */
type Scope = { rows: number[] | null };

function runCheck(u: Understanding, scope: Scope, lang: PaneContext['lang']): Issue[] {
  return checkOrder(u, scope.rows ? { lang, rows: scope.rows } : { lang });
}

export function CheckPanel({ ctx }: { ctx: PaneContext }): React.JSX.Element {
  const s = useStyles();
  const { u, lang, busy } = ctx;
  const [scope, setScope] = React.useState<Scope | null>(null);
  const [group, setGroup] = React.useState<string | null>(null);
  const [page, setPage] = React.useState(0);

  // Issues follow the latest understanding and language (a fix re-reads the sheet; the demo toggles languages).
  const result = React.useMemo(() => {
    if (!u || !scope) return null;
    try {
      return { issues: runCheck(u, scope, lang), error: null };
    } catch (e) {
      return { issues: [] as Issue[], error: errorText(e, lang) };
    }
  }, [u, scope, lang]);

  const issues = result?.issues ?? [];
  const counts = issueCounts(issues);
  const groups = groupIssues(issues);
  const shown = issuesInGroup(issues, group);
  const paged = pageOf(shown, page, PAGE_SIZE);
  const fixable = issues.filter((i) => i.severity === 'fixable' && i.fix);

  const check = (selected: boolean) =>
    ctx.run('check', async () => {
      const { u: now } = await ctx.fresh();
      let rows: number[] | null = null;
      if (selected) {
        const sel = await ctx.port.getSelection();
        rows = sel ? selectedOrderRows(now.order, sel.sheet, sel.rows) : [];
        if (rows.length === 0) throw new OrderClerkError('noRowsSelected');
      }
      setScope({ rows });
      setGroup(null);
      setPage(0);
      const found = runCheck(now, { rows }, lang);
      const c = issueCounts(found);
      const checked = rows ? rows.length : now.order.dataRows.length;
      return found.length === 0
        ? t(lang, 'pane.check.clean', { rows: checked })
        : { intent: c.error ? 'warning' : 'info', text: t(lang, 'pane.check.found', { rows: checked, ...c }) };
    });

  const fix = (chosen: Issue[]) =>
    ctx.run('fix', async () => {
      const { u: now } = await ctx.fresh();
      const plan = planFixes(now, chosen, { lang, now: new Date() });
      if (plan.fixed.length === 0) return { intent: 'info', text: t(lang, 'pane.check.nothingToFix') };
      await ctx.apply(plan.edits);
      await ctx.reload();
      return t(lang, 'pane.check.fixed', { count: plan.fixed.length });
    });

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
      const list = on ? runCheck(now, scope ?? { rows: null }, lang) : [];
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
    void ctx.port.select(u.order.sheet, i.cell).catch((e) => ctx.setNotice({ intent: 'error', text: errorText(e, lang) }));
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
      {result?.error && <Text>{result.error}</Text>}
      {scope && result && !result.error && (
        <>
          <div className={s.counts} data-testid="issue-counts">
            {SEVERITIES.map((sev) => (
              <span key={sev} className={s.count}>
                <Badge appearance="filled" color={SEVERITY_COLOUR[sev]}>
                  {counts[sev]}
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
                    setPage(0);
                  }}
                >
                  {`${t(lang, `pane.severity.${g.severity}`)} · ${fieldLabel(lang, g.field)} (${g.count})`}
                </ToggleButton>
              ))}
            </div>
          )}
          <ul className={s.list} data-testid="issue-list">
            {paged.items.map((i) => (
              <li
                key={`${i.cell}|${i.code}`}
                className={s.issue}
                role="button"
                tabIndex={0}
                title={t(lang, 'pane.check.selectCell', { cell: i.cell })}
                data-cell={i.cell}
                data-code={i.code}
                onClick={() => select(i)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') select(i);
                }}
              >
                <span className={s.cell}>{i.cell}</span>
                <span className={s.message}>
                  <Badge size="small" appearance="tint" color={SEVERITY_COLOUR[i.severity]}>
                    {t(lang, `pane.severity.${i.severity}`)}
                  </Badge>{' '}
                  {i.message}
                </span>
                {i.severity === 'fixable' && i.fix ? (
                  <Button
                    size="small"
                    disabled={disabled}
                    onClick={(e) => {
                      e.stopPropagation();
                      void fix([i]);
                    }}
                  >
                    {t(lang, 'pane.check.fixOne')}
                  </Button>
                ) : (
                  <span />
                )}
              </li>
            ))}
          </ul>
          {paged.pages > 1 && (
            <div className={s.pager}>
              <Button size="small" disabled={paged.page === 0} onClick={() => setPage(paged.page - 1)}>
                {t(lang, 'pane.previous')}
              </Button>
              <Text size={200}>{t(lang, 'pane.pageOf', { page: paged.page + 1, pages: paged.pages, count: shown.length })}</Text>
              <Button size="small" disabled={paged.page >= paged.pages - 1} onClick={() => setPage(paged.page + 1)}>
                {t(lang, 'pane.next')}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
