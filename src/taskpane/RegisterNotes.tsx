// "Delivery notes in the register" in the Documents tab (SPEC 11): every delivery note of the register that is not
// void — made in this pane, an earlier session or by the CLI — newest first, each with Void (after a confirm: it
// changes the order sheet). Void runs the same core as the CLI's `void`.

import * as React from 'react';
import { Button, Link, mergeClasses, Text } from '@fluentui/react-components';
import { t } from '../core/i18n';
import { voidableNotes } from '../core/shipments/voidDocument';
import type { WorkbookSnapshot } from '../core/types';
import { voidDocument } from './actions';
import { useStyles } from './styles';
import type { PaneActions } from './usePane';

/** `log`: the change-log sheet a void records in, named as it exists (or will be created). */
export function RegisterNotes({
  pane,
  wb,
  log,
}: {
  pane: PaneActions;
  wb: WorkbookSnapshot;
  log: string;
}): React.JSX.Element {
  const s = useStyles();
  const { lang, busy, run } = pane;
  const notes = React.useMemo(() => voidableNotes(wb), [wb]);
  const [confirming, setConfirming] = React.useState<string | null>(null);
  const voidIt = (number: string) => {
    setConfirming(null);
    void run('void', (ctx) => voidDocument(ctx, number));
  };
  return (
    <>
      <Text className={s.section}>{t(lang, 'pane.docs.registerNotes')}</Text>
      {notes.length === 0 ? (
        <Text className={s.muted} data-testid="register-notes-none">
          {t(lang, 'pane.docs.registerNone')}
        </Text>
      ) : (
        <ul className={mergeClasses(s.list, s.scrollList)} data-testid="register-notes">
          {notes.map((d) => (
            <li key={d.number} data-number={d.number}>
              <div className={s.issue}>
                <span className={s.twoLines}>
                  <Link onClick={() => pane.select(d.sheet, 'A1')}>{d.number}</Link>
                  <span className={s.muted}>{[d.date ?? '—', d.customer || '—'].join(' · ')}</span>
                </span>
                <Button
                  size="small"
                  disabled={!!busy}
                  aria-label={t(lang, 'pane.docs.voidLabel', { number: d.number })}
                  onClick={() => setConfirming(d.number)}
                >
                  {t(lang, 'pane.docs.void')}
                </Button>
              </div>
              {confirming === d.number && (
                <div
                  className={s.card}
                  role="alertdialog"
                  aria-label={t(lang, 'pane.docs.voidLabel', { number: d.number })}
                >
                  <Text size={200}>{t(lang, 'pane.docs.voidConfirm', { number: d.number, log })}</Text>
                  <div className={s.buttons}>
                    <Button size="small" appearance="primary" disabled={!!busy} onClick={() => voidIt(d.number)}>
                      {t(lang, 'pane.docs.voidYes')}
                    </Button>
                    <Button size="small" onClick={() => setConfirming(null)}>
                      {t(lang, 'pane.docs.voidNo')}
                    </Button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
