// Document numbers (SPEC 7): WO-/PL-/DN- + YYYYMMDD + "-" + 3-digit sequence per type and day.
// The next number continues from every number the workbook still shows — the register and the sheet
// names — and from the last numbers kept in the settings (SPEC 9), so a number is never reused, even after
// the clerk deleted both its sheet and its register row.

import { readSettings } from '../settings';
import type { WorkbookSnapshot } from '../types';
import type { DocType } from './index';
import { REGISTER_SHEET_NAMES } from './register';

export const DOC_PREFIX: Record<DocType, string> = {
  'work-order': 'WO',
  'packing-list': 'PL',
  'delivery-note': 'DN',
};

const NUMBER_PATTERN = /\b(WO|PL|DN)-(\d{8})-(\d{3,})\b/g;

export interface DocNumber {
  prefix: string;
  day: string; // YYYYMMDD
  seq: number;
}

/** Every document number inside a text. */
export function findDocNumbers(text: string): DocNumber[] {
  const out: DocNumber[] = [];
  for (const m of text.matchAll(NUMBER_PATTERN)) out.push({ prefix: m[1], day: m[2], seq: Number(m[3]) });
  return out;
}

/** "2026-11-22" → "20261122". */
export function dayStamp(isoDate: string): string {
  return isoDate.slice(0, 10).replace(/-/g, '');
}

export function formatDocNumber(type: DocType, isoDate: string, seq: number): string {
  return `${DOC_PREFIX[type]}-${dayStamp(isoDate)}-${String(seq).padStart(3, '0')}`;
}

/** Key of the settings' lastNumbers for this type and day: "DN-20261122". */
export function lastNumberKey(type: DocType, isoDate: string): string {
  return `${DOC_PREFIX[type]}-${dayStamp(isoDate)}`;
}

/**
 * Highest sequence used for this type and day in the register sheets' cells, in sheet names and in the settings'
 * lastNumbers (0 when none).
 */
export function lastSequence(wb: WorkbookSnapshot, type: DocType, isoDate: string): number {
  const prefix = DOC_PREFIX[type];
  const day = dayStamp(isoDate);
  let max = readSettings(wb).lastNumbers?.[lastNumberKey(type, isoDate)] ?? 0;
  const consider = (text: string): void => {
    for (const n of findDocNumbers(text)) if (n.prefix === prefix && n.day === day && n.seq > max) max = n.seq;
  };
  const registers = new Set(REGISTER_SHEET_NAMES.map((n) => n.toLowerCase()));
  for (const s of wb.sheets) {
    consider(s.name);
    if (!registers.has(s.name.toLowerCase())) continue;
    for (const row of s.values) for (const v of row) if (typeof v === 'string') consider(v);
  }
  return max;
}

/** `count` consecutive new numbers for this type and day. */
export function nextDocNumbers(wb: WorkbookSnapshot, type: DocType, isoDate: string, count: number): string[] {
  const last = lastSequence(wb, type, isoDate);
  return Array.from({ length: count }, (_, i) => formatDocNumber(type, isoDate, last + 1 + i));
}
