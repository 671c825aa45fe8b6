// The word a message uses for a field (issue 20, point 1): the header the clerk's own sheet has for that column —
// 交货期, Ship By — when that header is a word for the field in the message's language; else the glossary's word
// (FIELD_TERMS in glossary.ts stays the one place for the fallback words).

import { FIELD_TERMS } from './glossary';
import { headerCanName } from './understand/headerWords';
import type { FieldKey, Lang, OrderSheet } from './types';

/** What of the order sheet the words come from (tests and the CLI pass an OrderSheet). */
export type SheetHeaders = Pick<OrderSheet, 'columns' | 'headers'> & Partial<Pick<OrderSheet, 'inferred'>>;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** A unit or currency in brackets after the word: 单价(元), 单价（元）, Unit Price (USD). */
const TRAILING_UNIT = /\s*[([（【][^()[\]（）【】]*[)\]）】]\s*$/;
const MAX_WORD = 24;

/**
 * A header cell as a word in a sentence of `lang`, or null when it is not one: Chinese text for zh-CN, Latin text for
 * en-US; spaces padding Chinese characters (交  期) and a trailing unit in brackets dropped; a header written as a
 * programme's identifier (orderNo, due_date) or a long sentence is no word a clerk reads in a message.
 */
export function headerWord(header: string, lang: Lang): string | null {
  let w = header.replace(/\s+/g, ' ').trim();
  w = w
    .replace(TRAILING_UNIT, '')
    .replace(/[:：]$/, '')
    .trim();
  if (w === '' || w.length > MAX_WORD) return null;
  if (lang === 'zh-CN') {
    if (!CJK.test(w)) return null;
    return w.replace(/(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])/g, '');
  }
  if (CJK.test(w) || !/[A-Za-z]/.test(w) || /^[a-z]/.test(w) || /_/.test(w)) return null;
  return w;
}

const fold = (s: string): string => s.toLowerCase().replace(/\s+/g, '');

/**
 * The sheet's own word for `field` in `lang`, or null when it has none that differs from the glossary's (no column,
 * a column found from its content, a header in the other language, or only the case differs: Due Date, Due date).
 */
export function sheetFieldWord(lang: Lang, field: FieldKey, order?: SheetHeaders | null): string | null {
  const column = order?.columns[field];
  if (!order || column === undefined || order.inferred?.[field] === column) return null;
  const header = order.headers.find((h) => h.column === column)?.header;
  if (typeof header !== 'string' || !headerCanName(header, field)) return null;
  const word = headerWord(header, lang);
  return word === null || fold(word) === fold(FIELD_TERMS[field][lang]) ? null : word;
}

/** The word for `field` in a message of `lang` about `order`'s sheet (the glossary's word without a sheet). */
export function fieldWord(lang: Lang, field: FieldKey, order?: SheetHeaders | null): string {
  return sheetFieldWord(lang, field, order) ?? FIELD_TERMS[field][lang];
}

/** fieldWord for one sheet and language, each field looked up once (a check names fields thousands of times). */
export function fieldWords(lang: Lang, order?: SheetHeaders | null): (field: FieldKey) => string {
  const seen = new Map<FieldKey, string>();
  return (field) => {
    let w = seen.get(field);
    if (w === undefined) {
      w = fieldWord(lang, field, order);
      seen.set(field, w);
    }
    return w;
  };
}
