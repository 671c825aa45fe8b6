// Writing literal values through Range.values. "If the returned value starts with a plus ("+"), minus ("-"), or
// equal sign ("="), Excel interprets this value as a formula" (Range.values), and Excel parses a typed string the way
// it parses what a person types: "1,200" becomes a number, "2026-12-05" a date. A leading apostrophe (Excel's quote
// prefix) keeps the rest as text and is not part of the cell's value — except in a cell formatted as Text (@), which
// keeps what is written as it is, apostrophe included: there the string is written bare.

import type { WriteValue } from '../core/edits';

/** Excel's Text number format. */
export const TEXT_NUMBER_FORMAT = '@';

/** Strings Excel would not keep as typed: formula starts, a leading apostrophe or #, digits (numbers, dates, times), TRUE/FALSE. */
export function needsQuotePrefix(s: string): boolean {
  if (s === '') return false;
  if (/^[=+\-@'#]/.test(s.trimStart())) return true;
  if (/[0-9０-９]/.test(s)) return true;
  return /^\s*(true|false)\s*$/i.test(s);
}

/**
 * The value to put into Range.values so the cell ends up holding exactly `v` (null clears nothing: use '' to blank),
 * given the number format the cell has when the value is written.
 */
export function toExcelLiteral(v: WriteValue, cellFormat: string | null = null): string | number | boolean {
  if (v === null) return '';
  if (typeof v === 'string') return needsQuotePrefix(v) && cellFormat !== TEXT_NUMBER_FORMAT ? `'${v}` : v;
  if (typeof v === 'number' && !Number.isFinite(v)) return '';
  return v;
}
