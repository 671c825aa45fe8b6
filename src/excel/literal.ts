// Writing literal values through Range.values. Excel parses a typed string the way it parses what a person types:
// "=SUM(A1)" becomes a formula, "1,200" a number, "2026-12-05" a date. A leading apostrophe (Excel's quote prefix)
// keeps the rest as text and is not part of the cell's value, so strings that Excel could read as anything else
// get one. Numbers and booleans are written as themselves.

import type { WriteValue } from '../core/edits';

/** Strings Excel would not keep as typed: formula starts, a leading apostrophe or #, digits (numbers, dates, times), TRUE/FALSE. */
export function needsQuotePrefix(s: string): boolean {
  if (s === '') return false;
  if (/^[=+\-@'#]/.test(s.trimStart())) return true;
  if (/[0-9０-９]/.test(s)) return true;
  return /^\s*(true|false)\s*$/i.test(s);
}

/** The value to put into Range.values so the cell ends up holding exactly `v` (null clears nothing: use '' to blank). */
export function toExcelLiteral(v: WriteValue): string | number | boolean {
  if (v === null) return '';
  if (typeof v === 'string') return needsQuotePrefix(v) ? `'${v}` : v;
  if (typeof v === 'number' && !Number.isFinite(v)) return '';
  return v;
}
