// Finding a sheet's header row (SPEC 3): the row among the first ones that names the most fields.

import { mapHeaders } from './headerWords';
import { lastRow } from '../snapshot';
import type { CellValue, FieldKey, MasterFieldKey, SheetSnapshot } from '../types';

/** Rows scanned for a header row (SPEC 3: the first 30 at least). */
export const HEADER_SCAN_ROWS = 50;
/** A header row names at least one of these (besides ≥ 2 fields in all). */
const HEADER_KEY_FIELDS: FieldKey[] = ['item', 'quantity', 'orderNo', 'dueDate'];
/** Fields too generic to make a header row on their own (a vessel line-up has QTY and REMARKS too). */
const WEAK_FIELDS = new Set<AnyField>(['lineNo', 'remarks', 'status', 'unit', 'currency', 'spec']);

export type AnyField = FieldKey | MasterFieldKey;

export interface HeaderScan {
  row: number;
  /** Per column from s.left: the header text ('' when empty) and its field. */
  texts: string[];
  fields: (AnyField | null)[];
}

/** Text of a header-row cell: strings trimmed, numbers as text, anything else ''. */
function headerText(v: CellValue | undefined): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  return '';
}

/** The header texts of one row and the fields they name. */
export function scanRow(s: SheetSnapshot, row: number, includeMaster: boolean): HeaderScan {
  const r = s.values[row - s.top] ?? [];
  const texts = r.map((v) => headerText(v));
  const fields = mapHeaders(
    texts.map((t) => (t === '' ? null : t)),
    includeMaster,
  );
  return { row, texts, fields };
}

/** Best-scoring header row among the first rows: most distinct fields; earliest on ties. */
export function bestHeaderRow(
  s: SheetSnapshot,
  includeMaster: boolean,
  accept: (fields: Set<AnyField>) => boolean,
): HeaderScan | null {
  let best: HeaderScan | null = null;
  let bestScore = 1;
  const end = Math.min(lastRow(s), s.top + HEADER_SCAN_ROWS - 1);
  for (let row = s.top; row <= end; row++) {
    const r = s.values[row - s.top];
    if (!r || !r.some((v) => typeof v === 'string')) continue;
    const scan = scanRow(s, row, includeMaster);
    const set = new Set<AnyField>();
    for (const f of scan.fields) if (f !== null) set.add(f);
    if (set.size > bestScore && accept(set)) {
      best = scan;
      bestScore = set.size;
    }
  }
  return best;
}

/** Header row of a sheet by scoring rows (the first 30 at least), or null. */
export function findHeaderRow(s: SheetSnapshot): number | null {
  return bestHeaderRow(s, false, isOrderHeader)?.row ?? null;
}

/** ≥ 2 specific fields, one of them a key field (item, quantity, orderNo, dueDate). */
function isOrderHeader(set: Set<AnyField>): boolean {
  let strong = 0;
  for (const f of set) if (!WEAK_FIELDS.has(f)) strong++;
  return strong >= 2 && HEADER_KEY_FIELDS.some((f) => set.has(f));
}
