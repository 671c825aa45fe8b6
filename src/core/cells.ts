// Reading one cell as a number, a date or text (SPEC 4).

import { MAX_SERIAL, isDateFormat, isRealDateSerial, serialToIso, toSerial1900 } from './dates';
import { parseDateText } from './textDates';
import { hasNonAscii } from './text';
import type { CellValue, Reading } from './types';

export interface DateContext {
  dateSystem: 1900 | 1904;
  /** 1900-system serial that year-less dates (12月10日) are placed nearest after: the line's order date, else today. */
  referenceSerial: number;
  /** Read ambiguous 03/04/2026 as day-first (a setting); otherwise M/D/Y. */
  dayFirst: boolean;
}

const EMPTY: Reading = { kind: 'empty' };

/** Real numbers as they are; number-like text as fixable (fromText); other text invalid; errors as errors. */
export function readNumber(v: CellValue): Reading {
  if (typeof v === 'number')
    return Number.isFinite(v) ? { kind: 'ok', value: v, fromText: false } : { kind: 'invalid', text: String(v) };
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === '') return EMPTY;
    const n = parseNumberText(t);
    return n === null ? { kind: 'invalid', text: t } : { kind: 'ok', value: n, fromText: true };
  }
  if (typeof v === 'boolean') return { kind: 'invalid', text: v ? 'TRUE' : 'FALSE' };
  if (typeof v === 'object' && typeof v.error === 'string') return { kind: 'error', error: v.error };
  return { kind: 'invalid', text: String(v) };
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
// Currency marks clerks type before or after a number.
const CURRENCY = '(?:us\\$|hk\\$|nt\\$|rmb|cny|usd|hkd|eur|gbp|jpy|ntd|twd|[¥$€£￥]|人民币|美元|港币|元|块)';
/** The only words a number may carry after it (SPEC 4): "480 pcs" is a fixable number, "12 TBD" is not. */
export const UNIT_WORDS: readonly string[] = [
  'pcs',
  'pc',
  'pieces',
  '个',
  '件',
  '套',
  '台',
  '只',
  '箱',
  '盒',
  '包',
  '卷',
  '米',
  'm',
  'kg',
  'kgs',
  'g',
  '公斤',
  '克',
  'sets',
  'set',
  'ctns',
  'ctn',
  'cartons',
  'units',
  'ea',
  '双',
  '对',
  '张',
  '把',
  '条',
  '瓶',
  '桶',
  '吨',
  't',
  'l',
  '升',
];
// Longest first, so "pcs" is not cut to "pc" by the alternation.
const UNIT = `(?:${[...UNIT_WORDS]
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join('|')})`;
// A unit or currency after the number, optionally "per unit" ("3.5元/个", "12 pcs/ctn") and a closing dot ("480 pcs.").
const SUFFIX = `(?:${CURRENCY}|${UNIT})(?:\\s*/\\s*${UNIT})?\\.?`;
const NUMBER_TEXT = new RegExp(
  `^([+-]?)\\s*(?:${CURRENCY}\\s*)?([+-]?)\\s*(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d*)?|\\.\\d+)\\s*(%|${SUFFIX})?$`,
  'iu',
);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A number written as text ("1,200", "１２００", "¥35.00", "12.5元", "USD 12.50", "480 pcs"), or null. */
export function parseNumberText(text: string): number | null {
  let t = text.trim();
  if (PLAIN_NUMBER.test(t)) return Number(t);
  // Full-width digits, ￥ and full-width punctuation fold to ASCII (NFKC leaves ASCII as it is).
  if (hasNonAscii(t)) t = t.normalize('NFKC');
  t = t.replace(/\s+/g, ' ').trim();
  let negative = false;
  // Accounting negatives: (1,200)
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1].trim();
  }
  if (PLAIN_NUMBER.test(t)) return negative ? -Number(t) : Number(t);
  const m = NUMBER_TEXT.exec(t);
  if (!m) return null;
  const sign = m[1] || m[2];
  let n = Number(m[3].replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  const suffix = m[4];
  if (suffix === '%') n = n / 100;
  if (sign === '-') n = -n;
  return negative ? -n : n;
}

/** Real date serials (any number in a date column), text dates as fixable; other text invalid. */
export function readDate(v: CellValue, format: string | null, ctx: DateContext): Reading {
  if (typeof v === 'number') return readDateNumber(v, ctx);
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === '') return EMPTY;
    const serial = parseDateText(t, ctx.referenceSerial, ctx.dayFirst);
    return serial === null ? { kind: 'invalid', text: t } : { kind: 'ok', value: serial, fromText: true };
  }
  if (typeof v === 'boolean') return { kind: 'invalid', text: v ? 'TRUE' : 'FALSE' };
  if (typeof v === 'object' && typeof v.error === 'string') return { kind: 'error', error: v.error };
  return { kind: 'invalid', text: String(v) };
}

function readDateNumber(v: number, ctx: DateContext): Reading {
  if (!Number.isFinite(v)) return { kind: 'invalid', text: String(v) };
  if (v > MAX_SERIAL) {
    // 20261205 typed as a number: a date written without separators, fixable.
    const serial = Number.isInteger(v) ? parseDateText(String(v), ctx.referenceSerial, ctx.dayFirst) : null;
    return serial === null ? { kind: 'invalid', text: String(v) } : { kind: 'ok', value: serial, fromText: true };
  }
  const serial = daySerial(v, ctx.dateSystem);
  // Before 1900-01-01, Excel's phantom 1900-02-29 (serial 60), and negative 1904-system serials are no real day.
  if (!isRealDateSerial(serial) || (ctx.dateSystem === 1904 && v < 0)) return { kind: 'invalid', text: String(v) };
  return { kind: 'ok', value: serial, fromText: false };
}

/** The day of a date serial, in the 1900 system: a time of day does not move the day (every date rule compares days). */
export function daySerial(v: number, dateSystem: 1900 | 1904): number {
  return Math.floor(toSerial1900(v, dateSystem));
}

/** Display text of a cell: trimmed strings, numbers as written, date-formatted serials as YYYY-MM-DD, errors as their code. */
export function cellText(v: CellValue, format: string | null, dateSystem: 1900 | 1904): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') {
    if (format !== null && isDateFormat(format)) {
      const serial = toSerial1900(v, dateSystem);
      if (isRealDateSerial(Math.floor(serial)) && serial <= MAX_SERIAL) return serialToIso(serial);
    }
    return numberText(v);
  }
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object' && typeof v.error === 'string') return v.error;
  return String(v);
}

/** A number as a clerk would write it: no float noise (0.30000000000000004 → 0.3). */
export function numberText(n: number): string {
  if (Number.isInteger(n) || !Number.isFinite(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}
