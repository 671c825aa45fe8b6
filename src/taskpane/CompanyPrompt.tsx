// The company prompt of the Documents tab (SPEC 7): before the first document, when the workbook has no company
// profile, a small card asks for the name, address and phone — the name prefilled from the order sheet's title row —
// with "Save and continue" (saves the profile, then makes the document) and "Skip this time" (the document as before).

import * as React from 'react';
import { Button, Field, Input, Text } from '@fluentui/react-components';
import { t } from '../core/i18n';
import type { CompanyProfile, Lang } from '../core/types';
import { useStyles } from './styles';

export function CompanyPrompt({
  lang,
  guess,
  busy,
  onSave,
  onSkip,
}: {
  lang: Lang;
  /** The name guessed from the order sheet's title rows, or null. */
  guess: string | null;
  busy: boolean;
  onSave(profile: CompanyProfile): void;
  onSkip(): void;
}): React.JSX.Element {
  const s = useStyles();
  const [name, setName] = React.useState(guess ?? '');
  const [address, setAddress] = React.useState('');
  const [phone, setPhone] = React.useState('');
  const input = (key: 'companyName' | 'companyAddress' | 'companyPhone', value: string, set: (v: string) => void) => (
    <Field label={t(lang, `pane.settings.${key}`)} required={key === 'companyName'}>
      <Input size="small" value={value} onChange={(_, d) => set(d.value)} data-testid={`prompt-${key}`} />
    </Field>
  );
  return (
    <div className={s.card} role="group" aria-label={t(lang, 'pane.company.title')} data-testid="company-prompt">
      <Text className={s.section}>{t(lang, 'pane.company.title')}</Text>
      <Text size={200}>{t(lang, guess ? 'pane.company.hintGuessed' : 'pane.company.hintNone')}</Text>
      {input('companyName', name, setName)}
      {input('companyAddress', address, setAddress)}
      {input('companyPhone', phone, setPhone)}
      <div className={s.buttons}>
        <Button
          size="small"
          appearance="primary"
          disabled={busy || name.trim() === ''}
          onClick={() => onSave({ name, ...(address ? { address } : {}), ...(phone ? { phone } : {}) })}
        >
          {t(lang, 'pane.company.save')}
        </Button>
        <Button size="small" disabled={busy} onClick={onSkip}>
          {t(lang, 'pane.company.skip')}
        </Button>
      </div>
    </div>
  );
}
