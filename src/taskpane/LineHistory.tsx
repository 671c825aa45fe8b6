// The selected line's changes from the change log (SPEC 15): date, field, old → new — order changes, fixes,
// shipments — newest first.

import * as React from 'react';
import { Text } from '@fluentui/react-components';
import { actionWord } from '../core/changelog';
import { t } from '../core/i18n';
import { orderHistory } from '../core/po/history';
import type { FieldKey, Lang, WorkbookSnapshot } from '../core/types';
import { fieldLabel } from './model';
import { useStyles } from './styles';

const SHOWN = 5;

export function LineHistory({
  wb,
  sheet,
  row,
  lang,
}: {
  wb: WorkbookSnapshot | null;
  sheet: string;
  row: number;
  lang: Lang;
}): React.JSX.Element | null {
  const s = useStyles();
  const entries = React.useMemo(() => {
    if (!wb) return [];
    try {
      return orderHistory(wb, { row, sheet })
        .filter((e) => e.field !== '' || e.action === 'import')
        .reverse();
    } catch {
      return [];
    }
  }, [wb, sheet, row]);
  if (entries.length === 0) return null;
  return (
    <div data-testid="line-history">
      <Text className={s.section}>{t(lang, 'pane.sel.history')}</Text>
      <ul className={s.list}>
        {entries.slice(0, SHOWN).map((e, i) => (
          <li key={i} className={s.muted}>
            {e.time.slice(0, 10)} · {e.field ? fieldLabel(lang, e.field as FieldKey) : actionWord(lang, e.action)}
            {e.field ? `: ${String(e.old ?? '')} → ${String(e.new ?? '')}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
