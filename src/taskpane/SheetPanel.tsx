// "Sheet" tab: what the add-in understood of the order sheet, column mapping overrides, and "Make table".

import * as React from 'react';
import { Badge, Button } from '@fluentui/react-components';
import { Dropdown, Option } from '@fluentui/react-components';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { Text } from '@fluentui/react-components';
import { columnLetter } from '../core/address';
import { t } from '../core/i18n';
import type { FieldKey, Understanding } from '../core/types';
import { confirmColumn, makeTable, mapColumn } from './actions';
import { MissingBanner } from './MissingBanner';
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
  /** The words shown next to the control the clerk just changed (which column lost the field), kept in view. */
  const [changed, setChanged] = React.useState<{ column: number; text: string; lost: boolean } | null>(null);
  const noteRef = React.useRef<HTMLElement | null>(null);
  // Once the action is over (its notice above has pushed the table down, and Fluent's MessageBar settles its layout
  // after measuring itself), bring the words back into view.
  React.useEffect(() => {
    if (busy || !changed) return;
    const timer = setTimeout(() => noteRef.current?.scrollIntoView?.({ block: 'nearest' }), 200);
    return () => clearTimeout(timer);
  }, [changed, busy]);
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
    run('map', async (ctx) => {
      setChanged(null);
      const r = await mapColumn(ctx, column, value === NOT_MAPPED ? null : (value as FieldKey));
      setChanged({ column, text: r.nextToControl, lost: !!r.lost });
      return r;
    });
  const confirm = (column: number, field: FieldKey) =>
    run('confirm', async (ctx) => {
      setChanged(null);
      return confirmColumn(ctx, column, field);
    });
  const inferred = o.inferred ?? {};
  const guessedColumns = new Set(Object.values(inferred));

  const skipped = o.skippedRows
    .map((r) => t(lang, 'pane.skip.row', { row: r.row, reason: t(lang, `pane.skip.${r.reason}`) }))
    .join(t(lang, 'pane.list.sep'));
  const none = t(lang, 'pane.none');

  return (
    <div className={s.panel}>
      <MissingBanner pane={pane} u={u} />
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

      {guessedColumns.size > 0 && (
        <Text size={200} data-testid="guessed-hint">
          {t(lang, 'pane.sheet.guessedHint', { count: guessedColumns.size })}
        </Text>
      )}
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
            const guessed = h.field !== null && inferred[h.field] === h.column ? h.field : null;
            const note = changed?.column === h.column ? changed : null;
            return (
              <TableRow
                key={h.column}
                data-field={h.field ?? ''}
                data-header={h.header}
                data-guessed={guessed ? 'true' : undefined}
              >
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
                  {guessed && (
                    <span className={s.guessed}>
                      <Badge size="small" appearance="tint" color="warning" title={t(lang, 'pane.sheet.guessedTitle')}>
                        {t(lang, 'pane.sheet.guessed')}
                      </Badge>
                      <Button
                        size="small"
                        disabled={!!busy}
                        aria-label={t(lang, 'pane.sheet.confirmOf', {
                          column: columnLetter(h.column),
                          header: h.header,
                          field: label,
                        })}
                        onClick={() => void confirm(h.column, guessed)}
                      >
                        {t(lang, 'pane.sheet.confirm')}
                      </Button>
                    </span>
                  )}
                  {note && (
                    <Text
                      size={200}
                      role="status"
                      className={note.lost ? s.moved : s.muted}
                      data-testid="mapping-change"
                      ref={noteRef}
                    >
                      {note.text}
                    </Text>
                  )}
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
