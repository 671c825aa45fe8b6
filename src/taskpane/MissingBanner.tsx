// Never a silent all-clear (SPEC 3, issue 11): when no column holds quantity or the due date, the Sheet and Check tabs
// say so in a banner with the way to fix it — pick the column that holds the field (the same saved column mapping as
// the Sheet tab's table).

import * as React from 'react';
import { Dropdown, MessageBar, MessageBarBody, MessageBarTitle, Option, Text } from '@fluentui/react-components';
import { columnLetter } from '../core/address';
import { t } from '../core/i18n';
import type { Understanding } from '../core/types';
import { missingFields } from '../core/understand';
import { mapColumn } from './actions';
import { fieldLabel } from './model';
import { useStyles } from './styles';
import type { PaneActions } from './usePane';

export function MissingBanner({ pane, u }: { pane: PaneActions; u: Understanding }): React.JSX.Element | null {
  const s = useStyles();
  const { lang, busy, run } = pane;
  const missing = missingFields(u.order);
  if (missing.length === 0) return null;
  const columns = u.order.headers.filter((h) => h.header !== '');
  return (
    <MessageBar intent="error" layout="multiline" data-testid="missing-banner" data-missing={missing.join(' ')}>
      <MessageBarBody>
        <MessageBarTitle>{t(lang, 'pane.missing.title')}</MessageBarTitle>
        {missing.map((f) => {
          const field = fieldLabel(lang, f);
          return (
            <div key={f} className={s.missingField} data-field={f}>
              <Text block>{t(lang, 'pane.missing.field', { field })}</Text>
              <Dropdown
                size="small"
                className={s.fieldDropdown}
                disabled={!!busy}
                aria-label={t(lang, 'pane.missing.pick', { field })}
                placeholder={t(lang, 'pane.missing.pick', { field })}
                selectedOptions={[]}
                onOptionSelect={(_, d) => {
                  if (d.optionValue) void run('map', (ctx) => mapColumn(ctx, Number(d.optionValue), f));
                }}
              >
                {columns.map((h) => {
                  const column = columnLetter(h.column);
                  const text = h.field
                    ? t(lang, 'pane.missing.optionHeld', { column, header: h.header, field: fieldLabel(lang, h.field) })
                    : t(lang, 'pane.missing.option', { column, header: h.header });
                  return (
                    <Option key={h.column} value={String(h.column)} text={text}>
                      {text}
                    </Option>
                  );
                })}
              </Dropdown>
              <Text block size={200}>
                {t(lang, 'pane.missing.hint', { field })}
              </Text>
            </div>
          );
        })}
      </MessageBarBody>
    </MessageBar>
  );
}
