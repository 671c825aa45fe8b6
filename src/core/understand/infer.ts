// Inference from content (SPEC 3): when the header words leave quantity, unitPrice, amount or dueDate unmapped, a
// column may be inferred from what it holds — quantity × price = amount on most lines identifies all three; a column of
// dates on or after the order date on most lines is the due date. Only captioned, unmapped columns are candidates, and
// an inferred column is never silent (`inspect` lists it under `inferred`).

import type { CellValue, FieldKey, SheetSnapshot } from '../types';

const AMOUNT_TOLERANCE = 0.01;
/** 2000-01-01 … 2100-12-31 as 1900-system serials: the date columns' range (SPEC 5). */
const DATE_MIN = 36526;
const DATE_MAX = 73415;
const DATE_FORMAT = /[dy]/i;

interface Area {
  s: SheetSnapshot;
  dataRows: number[];
}

function cell(a: Area, row: number, col: number): CellValue {
  return a.s.values[row - a.s.top]?.[col - a.s.left] ?? null;
}

function num(a: Area, row: number, col: number): number | null {
  const v = cell(a, row, col);
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Most of the data rows hold a number in the column. */
function isNumberColumn(a: Area, col: number): boolean {
  let n = 0;
  for (const r of a.dataRows) if (num(a, r, col) !== null) n++;
  return n >= 3 && n * 2 > a.dataRows.length;
}

function isDateColumn(a: Area, col: number): boolean {
  let n = 0;
  for (const r of a.dataRows) {
    const v = num(a, r, col);
    const fmt = a.s.formats?.[r - a.s.top]?.[col - a.s.left] ?? null;
    if (v !== null && v >= DATE_MIN && v <= DATE_MAX && fmt !== null && DATE_FORMAT.test(fmt)) n++;
  }
  return n >= 3 && n * 2 > a.dataRows.length;
}

/**
 * Fields inferred for the unmapped, captioned `candidates` (sheet columns), given the columns already mapped. The
 * caller maps them; nothing is inferred where the words found the field.
 */
export function inferColumns(
  s: SheetSnapshot,
  dataRows: number[],
  columns: Partial<Record<FieldKey, number>>,
  candidates: number[],
): Partial<Record<FieldKey, number>> {
  const a: Area = { s, dataRows };
  const out: Partial<Record<FieldKey, number>> = {};
  const free = new Set(candidates);
  const trio = inferAmountTrio(
    a,
    columns,
    candidates.filter((c) => isNumberColumn(a, c)),
  );
  for (const [f, c] of Object.entries(trio ?? {}) as [FieldKey, number][]) {
    out[f] = c;
    free.delete(c);
  }
  if (columns.dueDate === undefined && columns.orderDate !== undefined) {
    const ordered = columns.orderDate;
    for (const c of candidates) {
      if (!free.has(c) || !isDateColumn(a, c)) continue;
      let after = 0;
      let both = 0;
      for (const r of dataRows) {
        const d = num(a, r, c);
        const o = num(a, r, ordered);
        if (d === null || o === null) continue;
        both++;
        if (Math.floor(d) >= Math.floor(o)) after++;
      }
      if (both >= 3 && after * 2 > both) {
        out.dueDate = c;
        break;
      }
    }
  }
  return out;
}

/** quantity × unitPrice = amount on most lines: the three columns, those already mapped kept where they are. */
function inferAmountTrio(
  a: Area,
  columns: Partial<Record<FieldKey, number>>,
  numeric: number[],
): Partial<Record<FieldKey, number>> | null {
  const q0 = columns.quantity;
  const p0 = columns.unitPrice;
  const t0 = columns.amount;
  if (q0 !== undefined && p0 !== undefined && t0 !== undefined) return null;
  const qs = q0 !== undefined ? [q0] : numeric;
  const ps = p0 !== undefined ? [p0] : numeric;
  const ts = t0 !== undefined ? [t0] : numeric;
  let best: { q: number; p: number; t: number; score: number } | null = null;
  for (const q of qs)
    for (const p of ps)
      for (const t of ts) {
        if (q === p || q === t || p === t) continue;
        let hits = 0;
        for (const r of a.dataRows) {
          const [x, y, z] = [num(a, r, q), num(a, r, p), num(a, r, t)];
          if (x !== null && y !== null && z !== null && Math.abs(x * y - z) <= AMOUNT_TOLERANCE + 1e-9) hits++;
        }
        if (hits < 3 || hits * 2 <= a.dataRows.length) continue;
        // Between two unmapped factors, the quantity is the whole-number one (prices have cents).
        const score = hits * 2 + (q0 === undefined && wholeNumbers(a, q) && !wholeNumbers(a, p) ? 1 : 0);
        if (!best || score > best.score) best = { q, p, t, score };
      }
  if (!best) return null;
  const out: Partial<Record<FieldKey, number>> = {};
  if (q0 === undefined) out.quantity = best.q;
  if (p0 === undefined) out.unitPrice = best.p;
  if (t0 === undefined) out.amount = best.t;
  return out;
}

function wholeNumbers(a: Area, col: number): boolean {
  for (const r of a.dataRows) {
    const v = num(a, r, col);
    if (v !== null && !Number.isInteger(v)) return false;
  }
  return true;
}
