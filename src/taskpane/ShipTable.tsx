// "What ships now" in the Documents tab (SPEC 7): the selected lines with ordered, shipped, open and this shipment's
// quantity (the open quantity unless the clerk types another), and under a line what the core refuses about it.
// The quantities are planned by the same core function as the CLI's --ship (planDocumentShipment).

import * as React from 'react';
import { Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { planDocumentShipment, refusalMessages } from '../core/documents';
import { t } from '../core/i18n';
import type { Lang, Understanding, WorkbookSnapshot } from '../core/types';
import { asSentence, errorText, formatNumberIn } from './model';
import { useStyles } from './styles';

/** More lines than this are planned but not listed (they ship their open quantity). */
export const SHIP_TABLE_MAX = 50;

const useTableStyles = makeStyles({
  table: {
    width: '100%',
    tableLayout: 'fixed',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    '& th': {
      fontWeight: tokens.fontWeightRegular,
      color: tokens.colorNeutralForeground3,
      textAlign: 'end',
      padding: '2px 4px',
      verticalAlign: 'bottom',
    },
    '& td': { padding: '2px 4px', textAlign: 'end', verticalAlign: 'top', fontVariantNumeric: 'tabular-nums' },
    '& th:first-child, & td:first-child': { textAlign: 'start' },
    '& tbody tr.line td': { borderTop: `1px solid ${tokens.colorNeutralStroke3}`, paddingTop: '4px' },
  },
  num: { width: '54px' },
  now: { width: '66px' },
  input: { width: '100%', minWidth: 0, '& input': { textAlign: 'end', minWidth: 0 } },
  item: { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  refusal: { color: tokens.colorPaletteRedForeground1, textAlign: 'start !important' as 'start' },
});

/** The typed quantities that are numbers (full-width digits and thousands separators read), and those that are not. */
export function parseShipInputs(
  typed: Record<number, string>,
  rows: number[],
): { ship: Record<number, number>; bad: Map<number, string> } {
  const ship: Record<number, number> = {};
  const bad = new Map<number, string>();
  for (const row of rows) {
    const text = typed[row];
    if (text === undefined) continue;
    const clean = text.normalize('NFKC').replace(/[,\s]/g, '');
    if (clean === '') continue;
    const n = /^\d+(\.\d+)?$/.test(clean) ? Number(clean) : NaN;
    if (Number.isFinite(n)) ship[row] = n;
    else bad.set(row, text);
  }
  return { ship, bad };
}

export function ShipTable({
  lang,
  u,
  wb,
  today,
  rows,
  typed,
  onType,
  withoutPrices,
}: {
  lang: Lang;
  u: Understanding;
  wb: WorkbookSnapshot;
  today: string;
  rows: number[];
  typed: Record<number, string>;
  onType(row: number, value: string): void;
  withoutPrices: boolean;
}): React.JSX.Element {
  const s = useStyles();
  const ts = useTableStyles();
  const { ship, bad } = parseShipInputs(typed, rows);
  const shipKey = JSON.stringify(ship);
  const planned = React.useMemo(() => {
    try {
      // Per line the quantities do not depend on grouping: one group per customer, so a mixed selection still shows.
      const groups = planDocumentShipment(u, wb, {
        type: 'delivery-note',
        rows,
        today,
        withoutPrices,
        perCustomer: true,
        ship: JSON.parse(shipKey) as Record<number, number>,
      });
      return { lines: groups.flatMap((g) => g.plan.lines), refusals: groups.flatMap((g) => g.plan.refusals) };
    } catch (e) {
      return { error: errorText(e, lang) };
    }
  }, [u, wb, today, rows, withoutPrices, shipKey, lang]);
  if ('error' in planned) return <Text className={s.muted}>{planned.error}</Text>;

  const num = (n: number | null) => (n === null ? '—' : formatNumberIn(lang, n));
  const shown = planned.lines.slice(0, SHIP_TABLE_MAX);
  return (
    <>
      <table className={ts.table} data-testid="ship-table" aria-label={t(lang, 'pane.ship.title')}>
        <colgroup>
          <col />
          <col className={ts.num} />
          <col className={ts.num} />
          <col className={ts.num} />
          <col className={ts.now} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'pane.ship.row')}</th>
            <th scope="col">{t(lang, 'pane.ship.ordered')}</th>
            <th scope="col">{t(lang, 'pane.ship.shipped')}</th>
            <th scope="col">{t(lang, 'pane.ship.open')}</th>
            <th scope="col">{t(lang, 'pane.ship.now')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((l) => {
            const problems = [
              ...(bad.has(l.row) ? [t(lang, 'pane.ship.notNumber', { value: bad.get(l.row) ?? '' })] : []),
              // Core's refusals are clauses of one sentence ("row 5 …; row 6 …"): here each stands on its own line.
              ...refusalMessages(
                planned.refusals.filter((r) => r.row === l.row),
                lang,
              ).map((m) => asSentence(lang, m)),
            ];
            const item = [l.line.text.item, l.line.text.orderNo].filter(Boolean).join(' · ');
            return (
              <React.Fragment key={l.row}>
                <tr className="line" data-row={l.row} data-testid="ship-line">
                  <td>
                    <span className={s.cell}>{l.row}</span>
                    <span className={`${ts.item} ${s.muted}`} title={item}>
                      {item}
                    </span>
                  </td>
                  <td>{num(l.ordered)}</td>
                  <td>{num(l.shippedBefore)}</td>
                  <td data-testid="ship-open">{num(l.open)}</td>
                  <td>
                    <Input
                      size="small"
                      className={ts.input}
                      inputMode="decimal"
                      aria-label={t(lang, 'pane.ship.inputLabel', { row: l.row })}
                      aria-invalid={problems.length > 0}
                      value={typed[l.row] ?? (l.open === null ? '' : String(l.open))}
                      onChange={(_, d) => onType(l.row, d.value)}
                    />
                  </td>
                </tr>
                {problems.map((p, n) => (
                  <tr key={n}>
                    <td colSpan={5} className={ts.refusal} data-testid="ship-refusal">
                      {p}
                    </td>
                  </tr>
                ))}
              </React.Fragment>
            );
          })}
        </tbody>
      </table>
      {planned.lines.length > shown.length && (
        <Text className={s.muted}>{t(lang, 'pane.ship.more', { count: planned.lines.length - shown.length })}</Text>
      )}
    </>
  );
}
