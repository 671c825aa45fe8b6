// "Import PO…" (SPEC 15): pick the customer's PO workbook (read in the pane by the small .xlsx reader, loaded on
// demand) or paste its cells; a preview with the mapping, new / changed / dropped lines and the new lines' checks;
// then "Add N lines" and "Apply M changes", each one plan through the port.

import * as React from 'react';
import { Button, Text, Textarea } from '@fluentui/react-components';
import { OrderClerkError } from '../core/errors';
import { fieldNameList } from '../core/glossary';
import { fieldWord } from '../core/sheetWords';
import { t } from '../core/i18n';
import { planImport, type ImportPlan } from '../core/po/importPo';
import { pastedWorkbook } from '../core/po/paste';
import { readPurchaseOrder, type PurchaseOrder } from '../core/po/readPo';
import type { FieldKey, Understanding, WorkbookSnapshot } from '../core/types';
import { importPo } from './actions/importPo';
import { errorText } from './model';
import { useStyles } from './styles';
import type { PaneActions } from './usePane';

const SHOWN = 8;

export function ImportPoPanel({
  pane,
  u,
  wb,
  today,
  now,
}: {
  pane: PaneActions;
  u: Understanding;
  wb: WorkbookSnapshot | null;
  today: string;
  /** The pane's clock (the demo's keeps its date). */
  now: () => Date;
}): React.JSX.Element {
  const s = useStyles();
  const { lang, busy } = pane;
  const [po, setPo] = React.useState<PurchaseOrder | null>(null);
  const [source, setSource] = React.useState<string>('');
  const [paste, setPaste] = React.useState('');
  const [error, setError] = React.useState<string | null>(null);

  const read = (name: string, poWb: WorkbookSnapshot) => {
    try {
      setPo(readPurchaseOrder(poWb, { today }));
      setSource(name);
      setError(null);
    } catch (e) {
      setPo(null);
      setError(errorText(e, lang));
    }
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      // The reader is loaded only when a PO is picked: the pane's own script stays small.
      const { readSnapshot } = await import(/* webpackChunkName: "po-reader" */ '../xlsx/read');
      read(file.name, readSnapshot(new Uint8Array(await file.arrayBuffer()), file.name));
    } catch (e) {
      setPo(null);
      setError(errorText(e, lang));
    }
  };

  const preview = React.useMemo<{ plan: ImportPlan | null; error: string | null }>(() => {
    if (!po || !wb) return { plan: null, error: null };
    try {
      return {
        plan: planImport(u, wb, po, { lang, now: now(), today, applyChanges: false }),
        error: null,
      };
    } catch (e) {
      return { plan: null, error: e instanceof OrderClerkError ? e.messageIn(lang) : errorText(e, lang) };
    }
  }, [po, u, wb, lang, today, now]);
  const plan = preview.plan;

  const fileInput = React.useRef<HTMLInputElement>(null);
  const carryOut = (what: 'add' | 'apply') => pane.run('import', (ctx) => importPo(ctx, po!, what));

  const disabled = !!busy;
  return (
    <div className={s.panel} data-testid="import-po">
      <Text className={s.muted}>{t(lang, 'pane.import.intro')}</Text>
      <div className={s.buttons}>
        {/* A button in the pane's language: the browser's own file control says "Choose File" in its language. */}
        <Button size="small" disabled={disabled} onClick={() => fileInput.current?.click()}>
          {t(lang, 'pane.import.pick')}
        </Button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".xlsx,.xlsm"
          aria-label={t(lang, 'pane.import.pick')}
          data-testid="import-file"
          disabled={disabled}
          onChange={(e) => {
            void onFile(e.target.files?.[0]);
            e.target.value = ''; // the same file can be picked again after an edit
          }}
        />
      </div>
      <Textarea
        value={paste}
        onChange={(_, d) => setPaste(d.value)}
        placeholder={t(lang, 'pane.import.pastePlaceholder')}
        aria-label={t(lang, 'pane.import.paste')}
        resize="vertical"
        rows={6}
        data-testid="import-paste"
      />
      <div className={s.buttons}>
        <Button
          size="small"
          disabled={disabled || paste.trim() === ''}
          onClick={() => read(t(lang, 'pane.import.pasted'), pastedWorkbook(paste))}
        >
          {t(lang, 'pane.import.readPaste')}
        </Button>
      </div>
      {(error ?? preview.error) && (
        <Text role="alert" data-testid="import-error">
          {error ?? preview.error}
        </Text>
      )}
      {po && plan && (
        <section className={s.card} aria-label={t(lang, 'pane.import.preview')} data-testid="import-preview">
          <div className={s.cardTitle}>
            <span>
              {po.customer
                ? t(lang, 'pane.import.po', { po: po.orderNo ?? '—', customer: po.customer, source })
                : t(lang, 'pane.import.poOnly', { po: po.orderNo ?? '—', source })}
            </span>
          </div>
          <Text className={s.muted}>
            {t(lang, 'pane.import.mapping')}{' '}
            {Object.entries(plan.mapping)
              // Each column by the order sheet's own header word (产品型号 → E), as the change lines below.
              .map(([f, col]) => `${fieldWord(lang, f as FieldKey, u.order)} → ${col}`)
              .join(lang === 'zh-CN' ? '，' : ', ')}
          </Text>
          {plan.notMapped.length > 0 && (
            <Text className={s.muted}>
              {t(lang, 'pane.import.notMapped', {
                fields: fieldNameList(lang, plan.notMapped),
              })}
            </Text>
          )}
          {plan.formulaKept.length > 0 && (
            <Text className={s.muted} data-testid="import-formula-kept">
              {t(lang, 'pane.import.formulaKept', {
                fields: fieldNameList(lang, plan.formulaKept),
              })}
            </Text>
          )}
          {/* Each count stays whole: a Chinese line breaks only between the counts (未变 was split over two lines). */}
          <Text data-testid="import-counts" style={{ wordBreak: 'keep-all' }}>
            {t(lang, 'pane.import.counts', {
              added: plan.added.length,
              changed: plan.changed.length,
              dropped: plan.dropped.length,
              unchanged: plan.unchanged,
            })}
          </Text>
          {plan.added.length > 0 && (
            <ul className={s.list} data-testid="import-new">
              {plan.added.slice(0, SHOWN).map((a) => (
                <li key={a.poRow}>
                  {t(lang, 'pane.import.newLine', {
                    row: a.row,
                    item: a.item,
                    qty: a.quantity ?? '—',
                    due: a.dueDate ?? '—',
                  })}
                </li>
              ))}
              {plan.added.length > SHOWN && (
                <li>{t(lang, 'pane.import.more', { count: plan.added.length - SHOWN })}</li>
              )}
            </ul>
          )}
          {plan.changed.length > 0 && (
            <ul className={s.list} data-testid="import-changes">
              {plan.changed.map((c) => (
                <li key={c.cell}>
                  {t(lang, 'pane.import.change', {
                    cell: c.cell,
                    item: c.item,
                    field: fieldWord(lang, c.field, u.order), // the order sheet's own header word
                    // Numbers as the pane writes them (1,200 → 1,500), dates and text as they are.
                    old: c.old ?? '',
                    new: c.new,
                  })}
                </li>
              ))}
            </ul>
          )}
          {plan.dropped.length > 0 && (
            <ul className={s.list} data-testid="import-dropped">
              {plan.dropped.map((d) => (
                <li key={d.row}>{t(lang, 'pane.import.dropped', { row: d.row, item: d.item })}</li>
              ))}
            </ul>
          )}
          {plan.issues.length > 0 && (
            <Text data-testid="import-issues">
              {t(lang, 'pane.import.issues', { count: plan.issues.length })}{' '}
              {plan.issues
                .slice(0, 3)
                .map((i) => `${i.cell} ${i.message}`)
                .join('；')}
            </Text>
          )}
          <div className={s.buttons}>
            <Button
              appearance="primary"
              size="small"
              disabled={disabled || plan.added.length === 0}
              onClick={() => void carryOut('add')}
              data-testid="import-add"
            >
              {t(lang, 'pane.import.add', { count: plan.added.length })}
            </Button>
            <Button
              size="small"
              disabled={disabled || plan.changed.length === 0}
              onClick={() => void carryOut('apply')}
              data-testid="import-apply"
            >
              {t(lang, 'pane.import.apply', { count: plan.changed.length })}
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}
