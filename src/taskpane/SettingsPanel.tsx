// "Settings" tab (SPEC 9): the company profile, dueSoonDays, receiptDays, extra status words, document language,
// default ports and marks — saved in the workbook's settings, so the CLI uses them on the same file. Without a saved
// company profile the name is prefilled from the order sheet's title row and marked as a guess until saved.

import * as React from 'react';
import { Button, Dropdown, Field, Input, Option, Text, Textarea } from '@fluentui/react-components';
import { guessCompanyName } from '../core/company';
import { t } from '../core/i18n';
import { formFromSettings, type SettingsForm } from '../core/settingsForm';
import type { Lang, Understanding, WorkbookSnapshot } from '../core/types';
import { saveSettings } from './actions/customers';
import { useStyles } from './styles';
import type { PaneActions } from './usePane';

type TextKey = Exclude<keyof SettingsForm, 'documentLang'>;

export function SettingsPanel({
  pane,
  u,
  wb,
}: {
  pane: PaneActions;
  u: Understanding | null;
  wb: WorkbookSnapshot | null;
}): React.JSX.Element {
  const s = useStyles();
  const { lang, busy } = pane;
  /** The title row's company name when no profile is saved: shown in the form, saved only with the form. */
  const guess = React.useMemo(
    () => (u && wb && !u.settings.company?.name ? guessCompanyName(wb, u.order) : null),
    [u, wb],
  );
  const saved = React.useMemo(
    () => (u ? { ...formFromSettings(u.settings), ...(guess ? { companyName: guess } : {}) } : null),
    [u, guess],
  );
  const [form, setForm] = React.useState<SettingsForm | null>(saved);
  // A re-read (another action, another sheet) brings the workbook's settings back into the form.
  React.useEffect(() => setForm(saved), [saved]);
  if (!form) return <Text className={s.muted}>{t(lang, 'pane.loading')}</Text>;

  const text = (key: TextKey, opts: { multiline?: boolean; narrow?: boolean } = {}) => (
    <Field label={t(lang, `pane.settings.${key}`)}>
      {opts.multiline ? (
        <Textarea
          value={form[key]}
          rows={2}
          resize="vertical"
          onChange={(_, d) => setForm({ ...form, [key]: d.value })}
          data-testid={`setting-${key}`}
        />
      ) : (
        <Input
          size="small"
          value={form[key]}
          className={opts.narrow ? s.narrow : undefined}
          onChange={(_, d) => setForm({ ...form, [key]: d.value })}
          data-testid={`setting-${key}`}
        />
      )}
    </Field>
  );
  const langLabel = (v: SettingsForm['documentLang']) =>
    v === 'sheet' ? t(lang, 'pane.docs.langSheet') : t(lang, `pane.lang.${v}`);

  return (
    <div className={s.panel}>
      <Text className={s.section}>{t(lang, 'pane.settings.company')}</Text>
      {text('companyName')}
      {guess && form.companyName === guess && (
        <Text className={s.muted} data-testid="company-guessed">
          {t(lang, 'pane.settings.companyGuessed')}
        </Text>
      )}
      {text('companyAddress')}
      <div className={s.buttons}>
        {text('companyPhone')}
        {text('companyFax')}
      </div>
      {text('companyTaxNo')}

      <Text className={s.section}>{t(lang, 'pane.settings.days')}</Text>
      <div className={s.buttons}>
        {text('dueSoonDays', { narrow: true })}
        {text('receiptDays', { narrow: true })}
      </div>

      <Text className={s.section}>{t(lang, 'pane.settings.statusWords')}</Text>
      <Text className={s.muted}>{t(lang, 'pane.settings.statusWordsHint')}</Text>
      {text('shippedWords')}
      {text('cancelledWords')}
      {text('partialWords')}

      <Text className={s.section}>{t(lang, 'pane.settings.documents')}</Text>
      <Field label={t(lang, 'pane.docs.language')}>
        <Dropdown
          size="small"
          aria-label={t(lang, 'pane.docs.language')}
          value={langLabel(form.documentLang)}
          selectedOptions={[form.documentLang]}
          onOptionSelect={(_, d) =>
            setForm({ ...form, documentLang: (d.optionValue as Lang | 'sheet' | undefined) ?? 'sheet' })
          }
        >
          <Option value="sheet">{t(lang, 'pane.docs.langSheet')}</Option>
          <Option value="zh-CN">{t(lang, 'pane.lang.zh-CN')}</Option>
          <Option value="en-US">{t(lang, 'pane.lang.en-US')}</Option>
        </Dropdown>
      </Field>
      <div className={s.buttons}>
        {text('portOfLoading')}
        {text('portOfDestination')}
      </div>
      {text('marks', { multiline: true })}

      <div className={s.buttons}>
        <Button
          appearance="primary"
          disabled={!!busy || !u}
          onClick={() => void pane.run('settings', (ctx) => saveSettings(ctx, form))}
        >
          {t(lang, 'pane.settings.save')}
        </Button>
        <Button disabled={!!busy} onClick={() => setForm(saved)}>
          {t(lang, 'pane.settings.reset')}
        </Button>
      </div>
    </div>
  );
}
