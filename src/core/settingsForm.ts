// The Settings panel's form (SPEC 9): every setting a clerk edits — company profile, dueSoonDays, receiptDays, extra
// status words, document language, default ports and marks — as text fields, and back into Settings with the
// problems named. Everything else of the settings (column overrides, last numbers) is kept as it was.

import type { Lang, Settings, StatusKind } from './types';

export interface SettingsForm {
  companyName: string;
  companyAddress: string;
  companyPhone: string;
  companyFax: string;
  companyTaxNo: string;
  dueSoonDays: string;
  receiptDays: string;
  shippedWords: string;
  cancelledWords: string;
  partialWords: string;
  /** 'sheet': the order sheet's language. */
  documentLang: Lang | 'sheet';
  portOfLoading: string;
  portOfDestination: string;
  /** One line of the marks block per line. */
  marks: string;
}

export type SettingsFormProblem = 'dueSoonDays' | 'receiptDays' | 'companyName';

const WORD_FIELDS: Record<StatusKind, 'shippedWords' | 'cancelledWords' | 'partialWords'> = {
  shipped: 'shippedWords',
  cancelled: 'cancelledWords',
  partial: 'partialWords',
};

/** Words as the clerk types them: separated by commas (either width), 、, semicolons or new lines. */
export function splitWords(text: string): string[] {
  const out: string[] = [];
  for (const w of text.split(/[,，、;；\n]+/)) {
    const word = w.trim();
    if (word !== '' && !out.includes(word)) out.push(word);
  }
  return out;
}

export function formFromSettings(s: Settings): SettingsForm {
  return {
    companyName: s.company?.name ?? '',
    companyAddress: s.company?.address ?? '',
    companyPhone: s.company?.phone ?? '',
    companyFax: s.company?.fax ?? '',
    companyTaxNo: s.company?.taxNo ?? '',
    dueSoonDays: String(s.dueSoonDays),
    receiptDays: String(s.receiptDays),
    shippedWords: (s.extraStatusWords.shipped ?? []).join(', '),
    cancelledWords: (s.extraStatusWords.cancelled ?? []).join(', '),
    partialWords: (s.extraStatusWords.partial ?? []).join(', '),
    documentLang: s.documentLang ?? 'sheet',
    portOfLoading: s.ports?.loading ?? '',
    portOfDestination: s.ports?.destination ?? '',
    marks: (s.marks ?? []).join('\n'),
  };
}

function days(text: string, min: number): number | null {
  const t = text.trim();
  if (!/^\d{1,3}$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= 365 ? n : null;
}

/** The settings the form says, on top of `current`; with problems the settings are not to be saved. */
export function settingsFromForm(
  current: Settings,
  f: SettingsForm,
): { settings: Settings; problems: SettingsFormProblem[] } {
  const problems: SettingsFormProblem[] = [];
  const dueSoonDays = days(f.dueSoonDays, 0);
  const receiptDays = days(f.receiptDays, 1);
  if (dueSoonDays === null) problems.push('dueSoonDays');
  if (receiptDays === null) problems.push('receiptDays');
  const name = f.companyName.trim();
  const details = {
    address: f.companyAddress.trim(),
    phone: f.companyPhone.trim(),
    fax: f.companyFax.trim(),
    taxNo: f.companyTaxNo.trim(),
  };
  if (!name && Object.values(details).some((v) => v !== '')) problems.push('companyName');

  const settings: Settings = {
    ...current,
    dueSoonDays: dueSoonDays ?? current.dueSoonDays,
    receiptDays: receiptDays ?? current.receiptDays,
    extraStatusWords: {},
    documentLang: f.documentLang === 'sheet' ? null : f.documentLang,
  };
  for (const [kind, field] of Object.entries(WORD_FIELDS) as [StatusKind, keyof SettingsForm][]) {
    const words = splitWords(f[field]);
    if (words.length) settings.extraStatusWords[kind] = words;
  }
  delete settings.company;
  if (name) {
    settings.company = { name };
    for (const [k, v] of Object.entries(details) as [keyof typeof details, string][]) if (v) settings.company[k] = v;
  }
  delete settings.ports;
  const loading = f.portOfLoading.trim();
  const destination = f.portOfDestination.trim();
  if (loading || destination)
    settings.ports = { ...(loading ? { loading } : {}), ...(destination ? { destination } : {}) };
  delete settings.marks;
  const marks = f.marks
    .split('\n')
    .map((m) => m.trim())
    .filter((m) => m !== '');
  if (marks.length) settings.marks = marks;
  return { settings, problems };
}
