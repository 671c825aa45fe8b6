// "Documents" tab: work order, packing list and delivery note from the selected order lines.

import * as React from 'react';
import { Button, Checkbox, Dropdown, Field, Link, Option, Text } from '@fluentui/react-components';
import { planDocuments, type DocType, type GeneratedDocument } from '../core/documents';
import { t } from '../core/i18n';
import type { Lang } from '../core/types';
import type { SelectionInfo } from '../core/port';
import { OrderClerkError } from '../core/errors';
import { errorText, lineText, selectedOrderRows } from './model';
import { useStyles } from './styles';
import type { PaneContext } from './usePane';

const DOC_TYPES: DocType[] = ['work-order', 'packing-list', 'delivery-note'];
const SHEET_LANG = 'sheet';
const MAX_ROWS_SHOWN = 50;

export function DocumentsPanel({ ctx }: { ctx: PaneContext }): React.JSX.Element {
  const s = useStyles();
  const { u, lang, busy, port, today } = ctx;
  const [selection, setSelection] = React.useState<SelectionInfo | null>(null);
  const [docLang, setDocLang] = React.useState<Lang | typeof SHEET_LANG>(SHEET_LANG);
  const [withoutPrices, setWithoutPrices] = React.useState(false);
  const [perCustomer, setPerCustomer] = React.useState(false);
  const [made, setMade] = React.useState<GeneratedDocument[]>([]);

  // Follow the clerk's selection while this tab is open.
  React.useEffect(() => {
    let alive = true;
    const refresh = () => {
      port.getSelection().then(
        (sel) => alive && setSelection(sel),
        () => alive && setSelection(null),
      );
    };
    refresh();
    const off = port.onSelectionChanged(refresh);
    return () => {
      alive = false;
      off();
    };
  }, [port]);

  const rows = u && selection ? selectedOrderRows(u.order, selection.sheet, selection.rows) : [];

  const generate = (type: DocType) =>
    ctx.run('documents', async () => {
      const { wb, u: now } = await ctx.fresh();
      const sel = await port.getSelection();
      const chosen = sel ? selectedOrderRows(now.order, sel.sheet, sel.rows) : [];
      if (chosen.length === 0) throw new OrderClerkError('noRowsSelected');
      const plan = planDocuments(now, wb, {
        type,
        rows: chosen,
        today,
        lang: docLang === SHEET_LANG ? undefined : docLang,
        withoutPrices,
        perCustomer,
      });
      const applied = await ctx.apply(plan.edits);
      const docs = plan.documents.map((d, n) => ({ ...d, sheet: applied.createdSheets[n] ?? d.sheet }));
      setMade((before) => [...docs, ...before]);
      await ctx.reload();
      const warnings = docs.flatMap((d) => d.warnings);
      return {
        intent: warnings.length ? 'warning' : 'success',
        text: t(lang, 'pane.docs.done', { count: docs.length, numbers: docs.map((d) => d.number).join(', ') }),
        details: warnings,
      };
    });

  const openSheet = (sheet: string) =>
    void port.select(sheet, 'A1').catch((e) => ctx.setNotice({ intent: 'error', text: errorText(e, lang) }));

  const disabled = !!busy || !u;
  return (
    <div className={s.panel}>
      <Text className={s.section}>{t(lang, 'pane.docs.selected', { count: rows.length })}</Text>
      {rows.length === 0 ? (
        <Text className={s.muted}>{t(lang, 'pane.docs.selectHint')}</Text>
      ) : (
        <ul className={s.list} data-testid="selected-lines">
          {rows.slice(0, MAX_ROWS_SHOWN).map((r) => (
            <li key={r} className={s.late}>
              <span className={s.cell}>{r}</span>
              <span className={s.message}>
                {u ? [lineText(u, r, 'orderNo'), lineText(u, r, 'customer'), lineText(u, r, 'item')].filter(Boolean).join(' · ') : ''}
              </span>
              <span className={s.muted}>{u ? lineText(u, r, 'quantity') : ''}</span>
            </li>
          ))}
          {rows.length > MAX_ROWS_SHOWN && <li className={s.muted}>{t(lang, 'pane.delays.more', { count: rows.length - MAX_ROWS_SHOWN })}</li>}
        </ul>
      )}

      <div className={s.options}>
        <Field label={t(lang, 'pane.docs.language')}>
          <Dropdown
            size="small"
            value={docLang === SHEET_LANG ? t(lang, 'pane.docs.langSheet') : t(lang, `pane.lang.${docLang}`)}
            selectedOptions={[docLang]}
            onOptionSelect={(_, d) => setDocLang((d.optionValue as Lang | typeof SHEET_LANG) ?? SHEET_LANG)}
          >
            <Option value={SHEET_LANG}>{t(lang, 'pane.docs.langSheet')}</Option>
            <Option value="zh-CN">{t(lang, 'pane.lang.zh-CN')}</Option>
            <Option value="en-US">{t(lang, 'pane.lang.en-US')}</Option>
          </Dropdown>
        </Field>
        <Checkbox checked={withoutPrices} onChange={(_, d) => setWithoutPrices(!!d.checked)} label={t(lang, 'pane.docs.withoutPrices')} />
        <Checkbox checked={perCustomer} onChange={(_, d) => setPerCustomer(!!d.checked)} label={t(lang, 'pane.docs.perCustomer')} />
      </div>

      <div className={s.buttons}>
        {DOC_TYPES.map((type) => (
          <Button key={type} appearance={type === 'work-order' ? 'primary' : 'secondary'} disabled={disabled} onClick={() => void generate(type)}>
            {t(lang, `pane.docs.${type}`)}
          </Button>
        ))}
      </div>

      {made.length > 0 && (
        <>
          <Text className={s.section}>{t(lang, 'pane.docs.created')}</Text>
          <ul className={s.list} data-testid="created-docs">
            {made.map((d) => (
              <li key={d.number}>
                <Link onClick={() => openSheet(d.sheet)}>{d.sheet}</Link>
                <span className={s.muted}> · {d.customer}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
