// The one string catalogue: every word the pane, the ribbon, the messages and the generated sheets show,
// in zh-CN and en-US. Each part lives in its own file; test/core/i18n.test.ts fails when a key is missing
// in either language.

import type { Lang } from '../types';
import { common } from './common';
import { checks } from './checks';
import { documents } from './documents';
import { delay } from './delay';
import { pane } from './pane';
import { paneTabs } from './paneTabs';
import { cli } from './cli';
import { excel } from './excel';

export type Catalogue = Record<string, string>;
export interface CataloguePart {
  'zh-CN': Catalogue;
  'en-US': Catalogue;
}

export const PARTS: Record<string, CataloguePart> = { common, documents, checks, delay, pane, paneTabs, cli, excel };

const merged: Record<Lang, Catalogue> = { 'zh-CN': {}, 'en-US': {} };
for (const part of Object.values(PARTS)) {
  Object.assign(merged['zh-CN'], part['zh-CN']);
  Object.assign(merged['en-US'], part['en-US']);
}

export const CATALOGUE: Readonly<Record<Lang, Catalogue>> = merged;

/**
 * One piece of a compiled message: literal text, a `{name}` to fill, or an English plural
 * `{name, plural, one {# line} other {# lines}}` (ICU's syntax; `#` is the formatted number). Each message is
 * compiled once: checks fill thousands of them on a big sheet.
 */
type Piece = string | { name: string; forms?: Record<string, Piece[]> };

const split: Record<Lang, Map<string, Piece[]>> = { 'zh-CN': new Map(), 'en-US': new Map() };

const FORM_TEXT = String.raw`(?:[^{}]|\{\w+\})*`;
const HOLE = new RegExp(String.raw`\{(\w+), plural, ((?:[=\w]+ \{${FORM_TEXT}\}\s*)+)\}|\{(\w+)\}`, 'g');
const FORM = new RegExp(String.raw`([=\w]+) \{(${FORM_TEXT})\}`, 'g');

/** A message's text split into pieces; a plural form may hold other `{name}`s, and its `#` is the count. */
export function compileMessage(text: string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const m of text.matchAll(HOLE)) {
    pieces.push(text.slice(at, m.index));
    if (m[3] !== undefined) pieces.push({ name: m[3] });
    else {
      const forms: Record<string, Piece[]> = {};
      for (const f of m[2].matchAll(FORM)) forms[f[1]] = compileMessage(f[2].replace(/#/g, `{${m[1]}}`));
      pieces.push({ name: m[1], forms });
    }
    at = (m.index ?? 0) + m[0].length;
  }
  pieces.push(text.slice(at));
  return pieces;
}

/**
 * Params that are positions, not amounts: Excel shows row numbers, years and weeks without a thousands
 * separator (row 12345, 2026-W47), so they are filled as they are.
 */
const AS_IS = new Set(['row', 'first', 'last', 'year', 'week', 'version', 'col', 'column']);

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  'zh-CN': new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 }),
  'en-US': new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 }),
};
const pluralRules: Record<Lang, Intl.PluralRules> = {
  'zh-CN': new Intl.PluralRules('zh-CN'),
  'en-US': new Intl.PluralRules('en-US'),
};

/** A number as text in `lang`: thousands separators (1,250), at most 6 decimals; small integers skip Intl. */
export function formatNumber(lang: Lang, n: number): string {
  if (Number.isInteger(n) && n > -1000 && n < 1000) return String(n);
  return (numberFormats[lang] ?? numberFormats['en-US']).format(n);
}

function fill(lang: Lang, name: string, value: string | number): string {
  return typeof value === 'number' && !AS_IS.has(name) ? formatNumber(lang, value) : String(value);
}

/**
 * Look up `key` and fill its placeholders: numbers with thousands separators (Intl.NumberFormat), plural forms
 * chosen by Intl.PluralRules (`=0`, `one`, `other`…). An unknown key returns the key itself (and the catalogue
 * test catches it).
 */
export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const cache = split[lang] ?? split['en-US'];
  let parts = cache.get(key);
  if (parts === undefined) {
    parts = compileMessage(merged[lang]?.[key] ?? merged['en-US'][key] ?? key);
    cache.set(key, parts);
  }
  return render(lang, parts, params);
}

function render(lang: Lang, parts: Piece[], params: Record<string, string | number>): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const { name, forms } = part;
    if (!(name in params)) {
      out += `{${name}}`;
      continue;
    }
    const value = params[name];
    if (forms === undefined) {
      out += fill(lang, name, value);
      continue;
    }
    const n = typeof value === 'number' ? value : Number(String(value).replace(/,/g, ''));
    const form = forms[`=${n}`] ?? forms[(pluralRules[lang] ?? pluralRules['en-US']).select(n)] ?? forms.other;
    out += form ? render(lang, form, params) : '';
  }
  return out;
}

/** Office display language ("zh-CN", "zh-TW", "en-GB" …) → the UI language we speak. */
export function langFromLocale(locale: string | null | undefined): Lang {
  return locale && /^zh/i.test(locale) ? 'zh-CN' : 'en-US';
}
