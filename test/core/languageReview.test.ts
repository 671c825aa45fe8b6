// The language review (issue 20, point 5): rules every message of the catalogue keeps, checked on the catalogue
// itself and on each message filled with a count of 1 and of 1,250, so a new string that breaks one fails here.

import { CATALOGUE, compileMessage, formatNumber, t } from '../../src/core/i18n';
import { allTerms, FIELD_TERMS } from '../../src/core/glossary';
import type { Lang } from '../../src/core/types';

const LANGS: Lang[] = ['zh-CN', 'en-US'];
const CJK = '\\u3400-\\u9fff\\u3000-\\u303f\\uff00-\\uffef';
const HALF_WIDTH_BY_CJK = new RegExp(`[${CJK}] ?[(),;:?!]|[(] ?[${CJK}]`);

/** Params that are counts; positions are row numbers; everything else is text (a cell, a value, a name). */
const COUNTS = new Set([
  'count',
  'rows',
  'error',
  'warning',
  'fixable',
  'left',
  'returned',
  'days',
  'validation',
  'flags',
]);
const POSITIONS = new Set(['row', 'first', 'last', 'year', 'week', 'version', 'col', 'column']);

/** Params of a message: counts set to `n`, positions to 5, the rest to a word. */
function paramsOf(text: string, n: number): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const m of text.matchAll(/\{(\w+)[,}]/g)) out[m[1]] = POSITIONS.has(m[1]) ? 5 : COUNTS.has(m[1]) ? n : 'X';
  return out;
}

function filled(lang: Lang, n: number): [string, string][] {
  return Object.keys(CATALOGUE[lang]).map((k) => [k, t(lang, k, paramsOf(CATALOGUE[lang][k], n))]);
}

/** Rule checkers: each returns the offending keys of a list of [key, text]. */
export const rules = {
  noOptionalPlural: (msgs: [string, string][]) => msgs.filter(([, s]) => /\w\(s\)/i.test(s)).map(([k]) => k),
  /** "1 documents", "1 cells": an English noun in the plural after the number one. */
  noOnePlural: (msgs: [string, string][]) =>
    msgs
      .filter(([, s]) => /(^|[^\d.,])1 (?!of\b)[A-Za-z-]+s\b/.test(s.replace(/\b1 (is|was|has|does|days?)\b/g, '')))
      .map(([k]) => k),
  /** An English field key ("lineNo", "dueSoonDays") or a camelCase word shown to a Chinese clerk. */
  noEnglishKeyInChinese: (msgs: [string, string][]) =>
    msgs.filter(([, s]) => /\b[a-z]+[A-Z][A-Za-z]*\b/.test(s.replace(/\{\w+\}/g, ''))).map(([k]) => k),
  /** A half-width bracket or punctuation mark beside Chinese text (also across one space): "18 (空行)", "已检查: 5". */
  noHalfWidthAfterCjk: (msgs: [string, string][]) => msgs.filter(([, s]) => HALF_WIDTH_BY_CJK.test(s)).map(([k]) => k),
  /** A half-width space between Chinese text and a Chinese quotation mark: "包含 “订单号”", "“交期” 等". */
  noSpaceByChineseQuote: (msgs: [string, string][]) =>
    msgs.filter(([, s]) => /[\u3400-\u9fff] [“‘]|[”’] [\u3400-\u9fff]/.test(s)).map(([k]) => k),
  /** A count in a thousands-large number without its separator. */
  thousands: (msgs: [string, string][]) => msgs.filter(([, s]) => /(^|[^\d,.:-])1250(?!\d)/.test(s)).map(([k]) => k),
};

describe('language review of the catalogue', () => {
  it('has no "(s)" in English, with any count', () => {
    expect(rules.noOptionalPlural(filled('en-US', 1))).toEqual([]);
    expect(rules.noOptionalPlural(filled('en-US', 3))).toEqual([]);
  });

  it('says "1 document", never "1 documents"', () => {
    expect(rules.noOnePlural(filled('en-US', 1))).toEqual([]);
  });

  it('shows no English field key to a Chinese clerk', () => {
    expect(rules.noEnglishKeyInChinese(filled('zh-CN', 3))).toEqual([]);
  });

  it('uses full-width punctuation after Chinese text', () => {
    expect(rules.noHalfWidthAfterCjk(Object.entries(CATALOGUE['zh-CN']))).toEqual([]);
  });

  it('puts no half-width space between Chinese text and its quotation marks', () => {
    expect(rules.noSpaceByChineseQuote(filled('zh-CN', 3))).toEqual([]);
    expect(rules.noSpaceByChineseQuote([['a', '表头包含 “订单号”、“交期” 等字样']])).toEqual(['a']);
    expect(rules.noSpaceByChineseQuote([['a', '表头包含“订单号”等字样']])).toEqual([]);
  });

  it('writes counts with thousands separators in both languages', () => {
    for (const lang of LANGS) expect(rules.thousands(filled(lang, 1250))).toEqual([]);
  });

  it('has every key in both languages, and every placeholder the Chinese says is filled in English too', () => {
    expect(Object.keys(CATALOGUE['zh-CN']).sort()).toEqual(Object.keys(CATALOGUE['en-US']).sort());
    const names = (s: string) => [...s.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]);
    const differ = Object.keys(CATALOGUE['zh-CN']).filter(
      (k) => !names(CATALOGUE['zh-CN'][k]).every((n) => names(CATALOGUE['en-US'][k]).includes(n)),
    );
    expect(differ).toEqual([]);
  });

  it('uses one word per thing: no word the glossary avoids appears in that language', () => {
    const found: string[] = [];
    for (const term of allTerms())
      for (const lang of LANGS)
        for (const word of term.avoid?.[lang] ?? [])
          for (const [k, s] of Object.entries(CATALOGUE[lang])) if (s.includes(word)) found.push(`${k}: ${word}`);
    expect(found).toEqual([]);
  });

  it('names every field with the glossary word', () => {
    for (const lang of LANGS)
      for (const [key, term] of Object.entries(FIELD_TERMS)) expect(t(lang, `checks.field.${key}`)).toBe(term[lang]);
  });
});

describe('each rule fails on a message that breaks it', () => {
  it('catches (s), 1 documents, English keys, half-width brackets, missing separators', () => {
    expect(rules.noOptionalPlural([['a', 'Row(s) 5']])).toEqual(['a']);
    expect(rules.noOnePlural([['a', 'Created 1 documents']])).toEqual(['a']);
    expect(rules.noOnePlural([['a', 'Created 1 document; 1 is late']])).toEqual([]);
    expect(rules.noEnglishKeyInChinese([['a', '型号 · lineNo']])).toEqual(['a']);
    expect(rules.noHalfWidthAfterCjk([['a', '18 (空行)']])).toEqual(['a']);
    expect(rules.noHalfWidthAfterCjk([['a', '（{count} 行）A1:B2']])).toEqual([]);
    expect(rules.noHalfWidthAfterCjk([['a', '空行 (18)']])).toEqual(['a']);
    expect(rules.noHalfWidthAfterCjk([['a', '已检查: 5']])).toEqual(['a']);
    expect(rules.thousands([['a', '已修正 1250 个单元格']])).toEqual(['a']);
  });
});

describe('t() fills numbers and plurals', () => {
  it('chooses the English plural with Intl.PluralRules and formats the count', () => {
    expect(t('en-US', 'pane.docs.done', { count: 1, numbers: 'DN-1' })).toBe('Created 1 document: DN-1');
    expect(t('en-US', 'pane.docs.done', { count: 1250, numbers: 'DN-1' })).toBe('Created 1,250 documents: DN-1');
    expect(t('en-US', 'pane.check.fixed', { count: '1,250' })).toMatch(/^Fixed 1,250 cells\./);
  });

  it('writes Chinese counts with separators and their measure word', () => {
    expect(t('zh-CN', 'pane.check.fixed', { count: 1250 })).toMatch(/^已修正 1,250 个单元格/);
    expect(t('zh-CN', 'pane.docs.done', { count: 3, numbers: 'DN-1' })).toBe('已生成 3 份单据：DN-1');
  });

  it('leaves row numbers as Excel shows them', () => {
    expect(t('en-US', 'pane.sheet.dataRowsValue', { first: 5, last: 12048, count: 12044 })).toBe(
      'rows 5–12048, 12,044 order lines',
    );
  });

  it('compiles a plural form holding other placeholders', () => {
    expect(compileMessage('{n, plural, one {# cell at {c}} other {# cells}}')).toHaveLength(3);
    expect(formatNumber('zh-CN', 1234567.5)).toBe('1,234,567.5');
  });
});
