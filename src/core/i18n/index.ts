// The one string catalogue: every word the pane, the ribbon, the messages and the generated sheets show,
// in zh-CN and en-US. Each part lives in its own file; test/core/i18n.test.ts fails when a key is missing
// in either language.

import type { Lang } from '../types';
import { common } from './common';
import { checks } from './checks';
import { documents } from './documents';
import { delay } from './delay';
import { pane } from './pane';
import { cli } from './cli';
import { excel } from './excel';

export type Catalogue = Record<string, string>;
export interface CataloguePart {
  'zh-CN': Catalogue;
  'en-US': Catalogue;
}

export const PARTS: Record<string, CataloguePart> = { common, documents, checks, delay, pane, cli, excel };

const merged: Record<Lang, Catalogue> = { 'zh-CN': {}, 'en-US': {} };
for (const part of Object.values(PARTS)) {
  Object.assign(merged['zh-CN'], part['zh-CN']);
  Object.assign(merged['en-US'], part['en-US']);
}

export const CATALOGUE: Readonly<Record<Lang, Catalogue>> = merged;

/** Each message split once at its `{name}` placeholders: checks fill thousands of them on a big sheet. */
const split: Record<Lang, Map<string, string[]>> = { 'zh-CN': new Map(), 'en-US': new Map() };

/** Look up `key` and fill `{name}` placeholders. An unknown key returns the key itself (and the catalogue test catches it). */
export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const cache = split[lang] ?? split['en-US'];
  let parts = cache.get(key);
  if (parts === undefined) {
    parts = (merged[lang]?.[key] ?? merged['en-US'][key] ?? key).split(/\{(\w+)\}/);
    cache.set(key, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    out += (name in params ? String(params[name]) : `{${name}}`) + parts[i + 1];
  }
  return out;
}

/** Office display language ("zh-CN", "zh-TW", "en-GB" …) → the UI language we speak. */
export function langFromLocale(locale: string | null | undefined): Lang {
  return locale && /^zh/i.test(locale) ? 'zh-CN' : 'en-US';
}
