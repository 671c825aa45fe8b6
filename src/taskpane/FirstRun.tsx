// First run on an empty or unrecognised sheet: say what the add-in looks for, and let the clerk point at the
// header row (saved as settings.headerRowOverrides[sheet], read back at once).

import * as React from 'react';
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { t } from '../core/i18n';
import type { SelectionInfo } from '../core/port';
import { pickHeaderRow } from './actions';
import { firstRunKind, firstRunParams, headerExamples } from './model';
import { useStyles } from './styles';
import type { PaneActions } from './usePane';

export function FirstRun({
  pane,
  readFailure,
  readError,
  selection,
  onPinned,
  reread,
}: {
  pane: PaneActions;
  /** Why the workbook was not understood, and that as text. */
  readFailure: unknown;
  readError: string | null;
  selection: SelectionInfo | null;
  /** The clerk pointed at this sheet's header row: understand it from now on. */
  onPinned(sheet: string): void;
  /** The "Read again" / "Use the current sheet" buttons. */
  reread: React.ReactNode;
}): React.JSX.Element {
  const s = useStyles();
  const { lang, busy, run } = pane;
  const kind = firstRunKind(readFailure);
  const row = selection && selection.rows.length > 0 ? selection.rows[0] : null;

  const takeSelectedRow = () =>
    run('header', async (ctx) => {
      const r = await pickHeaderRow(ctx);
      onPinned(r.sheet);
      return r.notice;
    });

  return (
    <section className={s.panel} aria-labelledby="first-run-title" data-testid="first-run" data-kind={kind}>
      <Text as="h2" id="first-run-title" className={s.section} size={400}>
        {t(lang, `pane.first.title.${kind}`, firstRunParams(readFailure))}
      </Text>
      {/* A known kind's title already says what was found; its error text would say it a second time. */}
      {readError && kind === 'other' && (
        <MessageBar intent={kind === 'other' ? 'error' : 'warning'}>
          <MessageBarBody>{readError}</MessageBarBody>
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
        {reread}
      </div>
    </section>
  );
}
