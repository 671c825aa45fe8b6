// The company prompt of the Documents tab (SPEC 7): before the first document, when the workbook has no company
// profile, a small card asks for the name, address and phone — the name prefilled from the order sheet's title row —
// with "Save and continue" (saves the profile, then makes the document) and "Skip this time" (the document as before);
// useCompanyStep puts it between a document button and the document, in the Documents tab and the selection card.

import * as React from 'react';
import { Button, Field, Input, Text } from '@fluentui/react-components';
import { guessCompanyName } from '../core/company';
import type { DocType } from '../core/documents';
import { t } from '../core/i18n';
import type { CompanyProfile, Lang, Understanding, WorkbookSnapshot } from '../core/types';
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

/**
 * The company step of the document buttons, shared by the Documents tab and the selection card: `request(type)` makes
 * the document at once, or first shows the prompt (`prompt`, to render below the buttons) when the workbook has no
 * company profile and the clerk has not skipped it in this session.
 */
/** "Skip this time" chosen in this pane session (the prompt asks once), kept by the App for both places. */
export interface CompanyAsk {
  skipped: boolean;
  onSkip(): void;
}

export function useCompanyStep(
  o: CompanyAsk & {
    lang: Lang;
    u: Understanding | null;
    wb: WorkbookSnapshot | null;
    busy: boolean;
    make(type: DocType, company?: CompanyProfile): void;
  },
): { request(type: DocType): void; prompt: React.JSX.Element | null } {
  const { lang, u, wb, busy, skipped, onSkip, make } = o;
  const [asking, setAsking] = React.useState<DocType | null>(null);
  const guess = React.useMemo(() => (u && wb ? guessCompanyName(wb, u.order) : null), [u, wb]);
  const needs = !!u && !u.settings.company?.name && !skipped;
  const go = (type: DocType, company?: CompanyProfile) => {
    setAsking(null);
    make(type, company);
  };
  return {
    request: (type) => (needs ? setAsking(type) : go(type)),
    prompt:
      asking === null ? null : (
        <CompanyPrompt
          lang={lang}
          guess={guess}
          busy={busy}
          onSave={(profile) => go(asking, profile)}
          onSkip={() => {
            onSkip();
            go(asking);
          }}
        />
      ),
  };
}
