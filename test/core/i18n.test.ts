// Every key of the one catalogue is said in both UI languages, across every part, and never as ''.

import { CATALOGUE, PARTS, t } from '../../src/core/i18n';
import { ORDER_FIELDS } from '../../src/taskpane/model';
import { DELAY_CLASSES } from '../../src/core/types';

const LANGS = ['zh-CN', 'en-US'] as const;

describe('string catalogue', () => {
  it.each(Object.keys(PARTS))('part %s has the same keys in zh-CN and en-US', (name) => {
    const part = PARTS[name];
    expect(Object.keys(part['zh-CN']).sort()).toEqual(Object.keys(part['en-US']).sort());
  });

  it.each(Object.keys(PARTS))('part %s has no empty string', (name) => {
    const part = PARTS[name];
    for (const lang of LANGS) {
      const empty = Object.entries(part[lang])
        .filter(([, v]) => typeof v !== 'string' || v.trim() === '')
        .map(([k]) => k);
      expect(empty).toEqual([]);
    }
  });

  it('the merged catalogue has every key in both languages', () => {
    const zh = Object.keys(CATALOGUE['zh-CN']).sort();
    const en = Object.keys(CATALOGUE['en-US']).sort();
    expect(zh).toEqual(en);
    expect(zh.length).toBeGreaterThan(100);
  });

  it('no two parts define the same key differently', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [name, part] of Object.entries(PARTS)) {
      for (const key of Object.keys(part['en-US'])) {
        const other = seen.get(key);
        if (
          other &&
          (PARTS[other]['en-US'][key] !== part['en-US'][key] || PARTS[other]['zh-CN'][key] !== part['zh-CN'][key])
        ) {
          clashes.push(`${key} (${other}, ${name})`);
        }
        seen.set(key, name);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('placeholders are the same in both languages', () => {
    // An English plural's count ({count, plural, …}) is a placeholder like any other; Chinese needs no plural form.
    const holes = (s: string) => [...new Set([...s.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]))].sort();
    const differ = Object.keys(CATALOGUE['en-US']).filter(
      (k) => holes(CATALOGUE['en-US'][k]).join() !== holes(CATALOGUE['zh-CN'][k]).join(),
    );
    expect(differ).toEqual([]);
  });

  it('the pane can name every field, delay class, severity and tab in both languages', () => {
    const keys = [
      ...ORDER_FIELDS.map((f) => `checks.field.${f}`),
      ...DELAY_CLASSES.map((c) => `delay.class.${c}`),
      ...['error', 'warning', 'fixable'].map((s) => `pane.severity.${s}`),
      ...['sheet', 'check', 'delays', 'documents'].map((k) => `pane.tab.${k}`),
      ...['work-order', 'packing-list', 'delivery-note'].map((k) => `pane.docs.${k}`),
      ...['blank', 'subtotal', 'note'].map((k) => `pane.skip.${k}`),
    ];
    for (const lang of LANGS) {
      const missing = keys.filter((k) => !(k in CATALOGUE[lang]));
      expect(missing).toEqual([]);
    }
  });

  it('fills placeholders and speaks each language', () => {
    expect(t('zh-CN', 'pane.sheet.dataRowsValue', { first: 5, last: 48, count: 40 })).toBe('第 5–48 行，共 40 行订单');
    expect(t('en-US', 'pane.sheet.dataRowsValue', { first: 5, last: 48, count: 40 })).toBe('rows 5–48, 40 order lines');
  });
});
