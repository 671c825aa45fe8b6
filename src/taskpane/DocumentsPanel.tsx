// "Documents" tab: work order, packing list and delivery note from the selected order lines.

import * as React from 'react';
import { Button, Checkbox, Dropdown, Field, Link, Option, Text } from '@fluentui/react-components';
import { DOC_TYPES, type DocType, type GeneratedDocument } from '../core/documents';
import { t } from '../core/i18n';
import type { Lang, OrderLine, Understanding } from '../core/types';
import { makeDocuments } from './actions';
import { formatNumberIn, lineText, rowAddress } from './model';
import { useStyles } from './styles';
import type { PaneActions } from './usePane';
import { VirtualList } from './VirtualList';

/** Two lines of 16px text (the message clamps at two) plus the button's padding: the second line is never cut. */
const SELECTED_ROW_HEIGHT = 44;

const SHEET_LANG = 'sheet';

export function DocumentsPanel({
  pane,
  u,
  lines,
  selectedRows: rows,
  made,
  onMade,
}: {
  pane: PaneActions;
  u: Understanding | null;
  lines: Map<number, OrderLine>;
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

  const generate = (type: DocType) =>
    run('documents', async (ctx) => {
      const r = await makeDocuments(ctx, type, {
        docLang: docLang === SHEET_LANG ? null : docLang,
        withoutPrices,
        perCustomer,
      });
      onMade(r.docs);
      return r.notice;
    });

  const openSheet = (sheet: string) => pane.select(sheet, 'A1');

  const disabled = !!busy || !u;
  return (
    <div className={s.panel}>
      <Text className={s.section}>{t(lang, 'pane.docs.selected', { count: formatNumberIn(lang, rows.length) })}</Text>
      {rows.length === 0 ? (
        <Text className={s.muted}>{t(lang, 'pane.docs.selectHint')}</Text>
      ) : (
        <VirtualList
          items={rows}
          rowHeight={SELECTED_ROW_HEIGHT}
          maxHeight={4 * SELECTED_ROW_HEIGHT}
          label={t(lang, 'pane.docs.selected', { count: rows.length })}
          className={s.virtual}
          testId="selected-lines"
          itemKey={(r) => String(r)}
          renderRow={(r, _n, tabIndex) => (
            <button
              type="button"
              className={`${s.rowButton} ${s.lateButton}`}
              tabIndex={tabIndex}
              data-focus-target
              data-row={r}
              onClick={() => u && pane.select(u.order.sheet, rowAddress(u.order, r))}
            >
              <span className={s.cell}>{r}</span>
              <span className={s.message}>
                {[lineText(lines, r, 'orderNo'), lineText(lines, r, 'customer'), lineText(lines, r, 'item')]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <span className={s.muted}>{lineText(lines, r, 'quantity')}</span>
            </button>
          )}
        />
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
            disabled={disabled}
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
