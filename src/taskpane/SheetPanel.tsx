// "Sheet" tab: what the add-in understood of the order sheet, column mapping overrides, and "Make table".

import * as React from 'react';
import { Button } from '@fluentui/react-components';
import { Dropdown, Option } from '@fluentui/react-components';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { Text } from '@fluentui/react-components';
import { columnLetter } from '../core/address';
import { t } from '../core/i18n';
import type { FieldKey, Understanding } from '../core/types';
import { makeTable, mapColumn } from './actions';
import { fieldLabel, formatNumberIn, ORDER_FIELDS } from './model';
import { useStyles } from './styles';
import type { PaneActions } from './usePane';

const NOT_MAPPED = '-';

export function SheetPanel({
  pane,
  u,
  readError,
  reread,
}: {
  pane: PaneActions;
  u: Understanding | null;
  readError: string | null;
  /** The "Read again" / "Use the current sheet" buttons. */
  reread: React.ReactNode;
}): React.JSX.Element {
  const s = useStyles();
  const { lang, busy, run } = pane;
  const refresh = <div className={s.buttons}>{reread}</div>;

  if (!u) {
    return (
      <div className={s.panel}>
        <Text>{readError ?? t(lang, 'pane.loading')}</Text>
        {refresh}
      </div>
    );
  }

  const o = u.order;
  const changeField = (column: number, value: string) =>
    run('map', (ctx) => mapColumn(ctx, column, value === NOT_MAPPED ? null : (value as FieldKey)));

  const skipped = o.skippedRows
    .map((r) => t(lang, 'pane.skip.row', { row: r.row, reason: t(lang, `pane.skip.${r.reason}`) }))
    .join(t(lang, 'pane.list.sep'));
  const none = t(lang, 'pane.none');

  return (
    <div className={s.panel}>
      <dl className={s.facts} data-testid="sheet-facts">
        <dt>{t(lang, 'pane.sheet.name')}</dt>
        <dd>{o.sheet}</dd>
        <dt>{t(lang, 'pane.sheet.headerRow')}</dt>
        <dd>{o.headerRow}</dd>
        <dt>{t(lang, 'pane.sheet.dataRows')}</dt>
        <dd>
          {t(lang, 'pane.sheet.dataRowsValue', {
            first: o.firstDataRow,
            last: o.lastDataRow,
            count: formatNumberIn(lang, o.dataRows.length),
          })}
        </dd>
        <dt>{t(lang, 'pane.sheet.skipped')}</dt>
        <dd>{skipped || none}</dd>
        <dt>{t(lang, 'pane.sheet.products')}</dt>
        <dd>{o.masters.products ?? none}</dd>
        <dt>{t(lang, 'pane.sheet.customers')}</dt>
        <dd>{o.masters.customers ?? none}</dd>
      </dl>

      <div className={s.buttons}>
        <Button appearance="primary" disabled={!!busy} onClick={() => void run('table', makeTable)}>
          {t(lang, 'pane.sheet.makeTable')}
        </Button>
      </div>

      <Table size="extra-small" aria-label={t(lang, 'pane.sheet.columns')} data-testid="column-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={s.narrow}>{t(lang, 'pane.sheet.column')}</TableHeaderCell>
            <TableHeaderCell>{t(lang, 'pane.sheet.header')}</TableHeaderCell>
            <TableHeaderCell>{t(lang, 'pane.sheet.field')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {o.headers.map((h) => {
            const value = h.field ?? NOT_MAPPED;
            const label = h.field ? fieldLabel(lang, h.field) : t(lang, 'pane.sheet.notMapped');
            return (
              <TableRow key={h.column} data-field={h.field ?? ''} data-header={h.header}>
                <TableCell className={s.narrow}>{columnLetter(h.column)}</TableCell>
                <TableCell>{h.header}</TableCell>
                <TableCell>
                  <Dropdown
                    size="small"
                    className={s.fieldDropdown}
                    disabled={!!busy}
                    aria-label={t(lang, 'pane.sheet.fieldOf', { header: h.header })}
                    value={label}
                    selectedOptions={[value]}
                    onOptionSelect={(_, d) => {
                      if (d.optionValue && d.optionValue !== value) void changeField(h.column, d.optionValue);
                    }}
                  >
                    <Option value={NOT_MAPPED}>{t(lang, 'pane.sheet.notMapped')}</Option>
                    {ORDER_FIELDS.map((f) => (
                      <Option key={f} value={f} text={fieldLabel(lang, f)}>
                        {fieldLabel(lang, f)}
                      </Option>
                    ))}
                  </Dropdown>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {refresh}
    </div>
  );
}
