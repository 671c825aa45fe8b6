// "Documents" tab: work order, packing list and delivery note from the selected order lines, with what ships now
// (ShipTable), Void on a created document (after a confirm: it changes the order sheet), and the signed receipts not
// back yet (ReceiptsList).

import * as React from 'react';
import { Button, Checkbox, Dropdown, Field, Link, Option, Text } from '@fluentui/react-components';
import { DOC_TYPES, readRegister, type DocType, type GeneratedDocument } from '../core/documents';
import { t } from '../core/i18n';
import type { Lang, Understanding, WorkbookSnapshot } from '../core/types';
import { makeDocuments, voidDocument } from './actions';
import { formatNumberIn } from './model';
import { ReceiptsList } from './ReceiptsList';
import { parseShipInputs, ShipTable } from './ShipTable';
import { useStyles } from './styles';
import type { PaneActions } from './usePane';

const SHEET_LANG = 'sheet';

export function DocumentsPanel({
  pane,
  u,
  wb,
  today,
  selectedRows: rows,
  made,
  onMade,
}: {
  pane: PaneActions;
  u: Understanding | null;
  wb: WorkbookSnapshot | null;
  today: string;
  /** The selected order lines' rows. */
  selectedRows: number[];
  made: GeneratedDocument[];
  onMade(docs: GeneratedDocument[]): void;
}): React.JSX.Element {
  const s = useStyles();
  const { lang, busy, run } = pane;
  const [docLang, setDocLang] = React.useState<Lang | typeof SHEET_LANG>(SHEET_LANG);
  const [withoutPrices, setWithoutPrices] = React.useState(false);
  const [perCustomer, setPerCustomer] = React.useState(false);
  /** This shipment's quantities as typed, per row; a new reading of the workbook (shipped changed) clears them. */
  const [typed, setTyped] = React.useState<Record<number, string>>({});
  const [confirming, setConfirming] = React.useState<string | null>(null);
  React.useEffect(() => setTyped({}), [u]);
  const { ship, bad } = parseShipInputs(typed, rows);

  const generate = (type: DocType) =>
    run('documents', async (ctx) => {
      const r = await makeDocuments(ctx, type, {
        docLang: docLang === SHEET_LANG ? null : docLang,
        withoutPrices,
        perCustomer,
        ...(type === 'work-order' ? {} : { ship }),
      });
      onMade(r.docs);
      return r.notice;
    });

  const voidIt = (number: string) => {
    setConfirming(null);
    void run('void', (ctx) => voidDocument(ctx, number));
  };

  const openSheet = (sheet: string) => pane.select(sheet, 'A1');
  const voided = React.useMemo(
    () =>
      new Set(
        wb
          ? readRegister(wb)
              .rows.filter((r) => r.state === 'void')
              .map((r) => r.number)
          : [],
      ),
    [wb],
  );

  const disabled = !!busy || !u;
  return (
    <div className={s.panel}>
      <Text className={s.section}>{t(lang, 'pane.docs.selected', { count: formatNumberIn(lang, rows.length) })}</Text>
      {rows.length === 0 ? (
        <Text className={s.muted}>{t(lang, 'pane.docs.selectHint')}</Text>
      ) : (
        u &&
        wb && (
          <>
            <Text className={s.muted}>{t(lang, 'pane.ship.title')}</Text>
            <ShipTable
              lang={lang}
              u={u}
              wb={wb}
              today={today}
              rows={rows}
              typed={typed}
              onType={(row, value) => setTyped((before) => ({ ...before, [row]: value }))}
              withoutPrices={withoutPrices}
            />
          </>
        )
      )}
      <div className={s.options}>
        <Field label={t(lang, 'pane.docs.language')}>
          <Dropdown
            size="small"
            aria-label={t(lang, 'pane.docs.language')}
            value={docLang === SHEET_LANG ? t(lang, 'pane.docs.langSheet') : t(lang, `pane.lang.${docLang}`)}
            selectedOptions={[docLang]}
            onOptionSelect={(_, d) => setDocLang((d.optionValue as Lang | typeof SHEET_LANG) ?? SHEET_LANG)}
          >
            <Option value={SHEET_LANG}>{t(lang, 'pane.docs.langSheet')}</Option>
            <Option value="zh-CN">{t(lang, 'pane.lang.zh-CN')}</Option>
            <Option value="en-US">{t(lang, 'pane.lang.en-US')}</Option>
          </Dropdown>
        </Field>
        <Checkbox
          checked={withoutPrices}
          onChange={(_, d) => setWithoutPrices(!!d.checked)}
          label={t(lang, 'pane.docs.withoutPrices')}
        />
        <Checkbox
          checked={perCustomer}
          onChange={(_, d) => setPerCustomer(!!d.checked)}
          label={t(lang, 'pane.docs.perCustomer')}
        />
      </div>

      <div className={s.buttons}>
        {DOC_TYPES.map((type) => (
          <Button
            key={type}
            appearance={type === 'work-order' ? 'primary' : 'secondary'}
            disabled={disabled || (type !== 'work-order' && bad.size > 0)}
            onClick={() => void generate(type)}
          >
            {t(lang, `pane.docs.${type}`)}
          </Button>
        ))}
      </div>

      {made.length > 0 && (
        <>
          <Text className={s.section}>{t(lang, 'pane.docs.created')}</Text>
          <ul className={s.list} data-testid="created-docs">
            {made.map((d) => (
              <li key={d.number} data-number={d.number}>
                <div className={s.issue}>
                  <span className={s.message}>
                    <Link onClick={() => openSheet(d.sheet)}>{d.sheet}</Link>
                    <span className={s.muted}>
                      {' '}
                      · {d.customer}
                      {voided.has(d.number) ? ` · ${t(lang, 'pane.docs.isVoid')}` : ''}
                    </span>
                  </span>
                  {d.type === 'delivery-note' && !voided.has(d.number) && (
                    <Button
                      size="small"
                      disabled={disabled}
                      aria-label={t(lang, 'pane.docs.voidLabel', { number: d.number })}
                      onClick={() => setConfirming(d.number)}
                    >
                      {t(lang, 'pane.docs.void')}
                    </Button>
                  )}
                </div>
                {confirming === d.number && (
                  <div
                    className={s.card}
                    role="alertdialog"
                    aria-label={t(lang, 'pane.docs.voidLabel', { number: d.number })}
                  >
                    <Text size={200}>{t(lang, 'pane.docs.voidConfirm', { number: d.number })}</Text>
                    <div className={s.buttons}>
                      <Button size="small" appearance="primary" disabled={disabled} onClick={() => voidIt(d.number)}>
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
        </>
      )}

      {u && wb && <ReceiptsList pane={pane} u={u} wb={wb} today={today} />}
    </div>
  );
}
