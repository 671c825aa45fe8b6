// The statement's period (default: the previous calendar month), its number ST-YYYYMM-NNN (the month the period
// ends in) and the short customer name of its sheet (split from statement.ts to keep each file short).

import { daysInMonth } from '../dates';
import { readSettings } from '../settings';
import type { WorkbookSnapshot } from '../types';
import { readRegister } from './register';

export const STATEMENT_PREFIX = 'ST';
const NUMBER_PATTERN = /\bST-(\d{6})-(\d{3,})\b/g;

/** The previous calendar month of an ISO date: ["2026-11-01", "2026-11-30"] for any day of December 2026. */
export function previousMonth(today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number);
  const py = m === 1 ? y - 1 : y;
  const pm = m === 1 ? 12 : m - 1;
  const mm = String(pm).padStart(2, '0');
  return { from: `${py}-${mm}-01`, to: `${py}-${mm}-${String(daysInMonth(py, pm)).padStart(2, '0')}` };
}

/** The period asked for: both given, one given (the other end of its month), or the previous month. */
export function statementPeriod(today: string, from?: string, to?: string): { from: string; to: string } {
  if (from && to) return { from, to };
  if (from) {
    const [y, m] = from.split('-').map(Number);
    return { from, to: `${from.slice(0, 8)}${String(daysInMonth(y, m)).padStart(2, '0')}` };
  }
  if (to) return { from: `${to.slice(0, 8)}01`, to };
  return previousMonth(today);
}

/** "ST-202611": key of the settings' lastNumbers for statements of the month the period ends in. */
export function statementNumberKey(to: string): string {
  return `${STATEMENT_PREFIX}-${to.slice(0, 7).replace('-', '')}`;
}

/** Highest statement sequence used for that month in the register, the sheets' names and the settings. */
export function lastStatementSequence(wb: WorkbookSnapshot, to: string): number {
  const key = statementNumberKey(to);
  const month = key.slice(3);
  let max = readSettings(wb).lastNumbers?.[key] ?? 0;
  const consider = (text: string): void => {
    for (const m of text.matchAll(NUMBER_PATTERN)) if (m[1] === month) max = Math.max(max, Number(m[2]));
  };
  const register = readRegister(wb).sheet;
  for (const s of wb.sheets) {
    consider(s.name);
    if (s.name !== register) continue;
    for (const row of s.values) for (const v of row) if (typeof v === 'string') consider(v);
  }
  return max;
}

/** A short customer name for the sheet name: company suffixes dropped (佛山美家家居有限公司 → 佛山美家家居). */
export function customerShortName(name: string): string {
  const s = name
    .normalize('NFKC')
    .trim()
    .replace(/(股份有限公司|有限责任公司|有限公司|公司)$/, '')
    .replace(/[\s,]*(Co\.?,?\s*Ltd\.?|Company Limited|Limited|Ltd\.?|Inc\.?|Corp\.?|LLC|GmbH)$/i, '')
    .trim();
  return s === '' ? name.trim() : s;
}
