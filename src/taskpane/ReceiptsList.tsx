// "Receipts" in the Documents tab (SPEC 11): the delivery notes whose signed copy (回单) is not back after receiptDays,
// per customer, oldest first, each with a button that records today as its receipt date.

import * as React from 'react';
import { Button, Link, Text } from '@fluentui/react-components';
import { t } from '../core/i18n';
import { outstandingReceipts } from '../core/shipments/receipts';
import type { Understanding, WorkbookSnapshot } from '../core/types';
import { markReceived } from './actions';
import { useStyles } from './styles';
import type { PaneActions } from './usePane';

export function ReceiptsList({
  pane,
  u,
  wb,
  today,
}: {
  pane: PaneActions;
  u: Understanding;
  wb: WorkbookSnapshot;
  today: string;
}): React.JSX.Element {
  const s = useStyles();
  const { lang, busy, run } = pane;
  const days = u.settings.receiptDays;
  const outstanding = React.useMemo(() => outstandingReceipts(wb, today, days).outstanding, [wb, today, days]);
  return (
    <>
      <Text className={s.section}>{t(lang, 'pane.receipts.title', { days })}</Text>
      {outstanding.length === 0 ? (
        <Text className={s.muted} data-testid="receipts-none">
          {t(lang, 'pane.receipts.none', { days })}
        </Text>
      ) : (
        <ul className={s.list} data-testid="receipts">
          {outstanding.map((r, n) => (
            <li key={r.number} data-number={r.number}>
              {(n === 0 || outstanding[n - 1].customer !== r.customer) && (
                <Text className={s.section} as="p" size={200}>
                  {r.customer || '—'}
                </Text>
              )}
              <div className={s.issue}>
                <span className={s.twoLines}>
                  <Link onClick={() => pane.select(r.sheet, 'A1')}>{r.number}</Link>
                  <span className={s.muted}>{t(lang, 'pane.receipts.out', { date: r.date, days: r.daysOut })}</span>
                </span>
                <Button
                  size="small"
                  disabled={!!busy}
                  aria-label={t(lang, 'pane.receipts.receivedLabel', { number: r.number })}
                  onClick={() => void run('receipt', (ctx) => markReceived(ctx, r.number))}
                >
                  {t(lang, 'pane.receipts.received')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
