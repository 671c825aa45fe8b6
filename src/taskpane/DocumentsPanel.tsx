// "Documents" tab: work order, packing list and delivery note from the selected order lines, with what ships now
// (ShipTable); the company prompt before the first document when no profile is saved (CompanyPrompt); the documents
// made in this session; the register's delivery notes with Void (RegisterNotes); the signed receipts not back yet
// (ReceiptsList).

import * as React from 'react';
import { Button, Checkbox, Dropdown, Field, Link, Option, Text } from '@fluentui/react-components';
import { DOC_TYPES, readRegister, type DocType, type GeneratedDocument } from '../core/documents';
import { changeLogSheetName } from '../core/changelog';
import { t } from '../core/i18n';
import type { CompanyProfile, Lang, Understanding, WorkbookSnapshot } from '../core/types';
import { makeDocuments, saveCompanyAndMakeDocuments } from './actions';
import { useCompanyStep, type CompanyAsk } from './CompanyPrompt';
import { formatNumberIn } from './model';
import { ReceiptsList } from './ReceiptsList';
import { RegisterNotes } from './RegisterNotes';
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
  companyAsk,
}: {
  pane: PaneActions;
  u: Understanding | null;
  wb: WorkbookSnapshot | null;
  today: string;
  /** The selected order lines' rows. */
  selectedRows: number[];
  made: GeneratedDocument[];
  onMade(docs: GeneratedDocument[]): void;
  /** Whether the clerk skipped the company prompt in this session, shared with the selection card. */
  companyAsk: CompanyAsk;
}): React.JSX.Element {
  const s = useStyles();
  const { lang, busy, run } = pane;
  const [docLang, setDocLang] = React.useState<Lang | typeof SHEET_LANG>(SHEET_LANG);
  const [withoutPrices, setWithoutPrices] = React.useState(false);
  const [perCustomer, setPerCustomer] = React.useState(false);
  const [addShipped, setAddShipped] = React.useState(false);
  /** This shipment's quantities as typed, per row; a new reading of the workbook (shipped changed) clears them. */
  const [typed, setTyped] = React.useState<Record<number, string>>({});
  React.useEffect(() => setTyped({}), [u]);
  const { ship, bad } = parseShipInputs(typed, rows);
  /** Without a shipped column Excel's delay colours do not see recorded shipments: the pane offers to add one. */
  const noShippedColumn = !!u && u.order.columns.shippedQty === undefined;

  const generate = (type: DocType, company?: CompanyProfile) =>
    void run('documents', async (ctx) => {
      const choices = {
        docLang: docLang === SHEET_LANG ? null : docLang,
        withoutPrices,
        perCustomer,
        ...(type === 'work-order' ? {} : { ship }),
        addShippedColumn: noShippedColumn && addShipped,
      };
      const r = company
        ? await saveCompanyAndMakeDocuments(ctx, company, type, choices)
        : await makeDocuments(ctx, type, choices);
      onMade(r.docs);
      return r.notice;
    });
  // SPEC 7: without a company profile the first document asks for it (once: a skip holds for the session).
  const company = useCompanyStep({ lang, u, wb, busy: !!busy || !u, ...companyAsk, make: generate });

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
        {noShippedColumn && (
          <Checkbox
            checked={addShipped}
            onChange={(_, d) => setAddShipped(!!d.checked)}
            label={t(lang, 'pane.docs.addShippedColumn')}
          />
        )}
      </div>

      <div className={s.buttons}>
        {DOC_TYPES.map((type) => (
          <Button
            key={type}
            appearance={type === 'work-order' ? 'primary' : 'secondary'}
            disabled={disabled || (type !== 'work-order' && bad.size > 0)}
            onClick={() => company.request(type)}
          >
            {t(lang, `pane.docs.${type}`)}
          </Button>
        ))}
      </div>
      {company.prompt}

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
                </div>
              </li>
            ))}
          </ul>
        </>
      )}

      {wb && <RegisterNotes pane={pane} wb={wb} log={changeLogSheetName(wb, u ? u.order.lang : lang)} />}
      {u && wb && <ReceiptsList pane={pane} u={u} wb={wb} today={today} />}
    </div>
  );
}
