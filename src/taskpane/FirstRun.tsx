// First run on an empty or unrecognised sheet: say what the add-in looks for, and let the clerk point at the
// header row (saved as settings.headerRowOverrides[sheet], read back at once).

import * as React from 'react';
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { OrderClerkError } from '../core/errors';
import { t } from '../core/i18n';
import { planWriteSettings, readSettings } from '../core/settings';
import { firstRunKind, headerExamples, withHeaderRow } from './model';
import { useStyles } from './styles';
import type { PaneContext } from './usePane';
import { ReReadButtons } from './ReReadButtons';

export function FirstRun({ ctx }: { ctx: PaneContext }): React.JSX.Element {
  const s = useStyles();
  const { lang, busy, selection } = ctx;
  const kind = firstRunKind(ctx.readFailure);
  const row = selection && selection.rows.length > 0 ? selection.rows[0] : null;

  const takeSelectedRow = () =>
    ctx.run('header', async () => {
      const sel = await ctx.port.getSelection();
      if (!sel || sel.rows.length === 0) throw new OrderClerkError('noRowsSelected');
      const headerRow = sel.rows[0];
      const wb = ctx.wb ?? (await ctx.port.read());
      await ctx.apply([planWriteSettings(withHeaderRow(readSettings(wb), sel.sheet, headerRow))]);
      ctx.pinSheet(sel.sheet);
      const { u } = await ctx.reload();
      if (!u)
        return {
          intent: 'warning',
          text: t(lang, 'pane.first.headerSavedNoLines', { row: headerRow, sheet: sel.sheet }),
        };
      return t(lang, 'pane.first.headerSaved', { row: headerRow, sheet: sel.sheet, count: u.order.dataRows.length });
    });

  return (
    <section className={s.panel} aria-labelledby="first-run-title" data-testid="first-run" data-kind={kind}>
      <Text as="h2" id="first-run-title" className={s.section} size={400}>
        {t(lang, `pane.first.title.${kind}`)}
      </Text>
      {ctx.readError && (
        <MessageBar intent={kind === 'other' ? 'error' : 'warning'}>
          <MessageBarBody>{ctx.readError}</MessageBarBody>
        </MessageBar>
      )}
      <Text>{t(lang, 'pane.first.looksFor', { words: headerExamples(lang) })}</Text>
      <ol className={s.hint}>
        <li>{t(lang, kind === 'emptyWorkbook' ? 'pane.first.step.paste' : 'pane.first.step.select')}</li>
        <li>{t(lang, 'pane.first.step.press')}</li>
        <li>{t(lang, 'pane.first.step.map')}</li>
      </ol>
      <Text className={s.muted} aria-live="polite" data-testid="first-run-selection">
        {row !== null && selection
          ? t(lang, 'pane.first.selected', { sheet: selection.sheet, row })
          : t(lang, 'pane.first.nothingSelected')}
      </Text>
      <div className={s.buttons}>
        <Button appearance="primary" disabled={!!busy || row === null} onClick={() => void takeSelectedRow()}>
          {t(lang, 'pane.first.useRow')}
        </Button>
        <ReReadButtons ctx={ctx} />
      </div>
    </section>
  );
}
