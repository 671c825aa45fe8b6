// Number formats we write, chosen so Excel, WPS and LibreOffice show the same text (issue 20, SPEC 5, 7):
// never a format whose decimals are all optional ('#,##0.###' shows "400." for 400 in Excel), and a fixed cell
// takes the format its neighbours in the column show.

import { cellAt, formatAt } from './snapshot';
import type { SheetSnapshot } from './types';

export const MONEY_FORMAT = '#,##0.00';

/** Decimals `v` needs, at most `max` (floating noise such as 0.1 + 0.2 does not count). */
export function decimalsOf(v: number, max = 4): number {
  for (let d = 0; d < max; d++)
    if (Math.abs(v * 10 ** d - Math.round(v * 10 ** d)) < 1e-9 * Math.max(1, Math.abs(v) * 10 ** d)) return d;
  return max;
}

/**
 * The format of a quantity column holding `values`: '#,##0' when all are whole, else as many fixed decimals as the
 * most precise value needs (at most 4), so every cell of the column shows the same decimals and none a bare '.'.
 */
export function quantityColumnFormat(values: Iterable<number | null | undefined>): string {
  let d = 0;
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) d = Math.max(d, decimalsOf(v));
  return d === 0 ? '#,##0' : `#,##0.${'0'.repeat(d)}`;
}

/** Whether a format can show a number ending in a bare decimal point ("400."): its decimals are all optional. */
export function endsInBareDot(format: string): boolean {
  return format
    .split(';')
    .some((section) => /\.#+(?![0-9#])/.test(section.replace(/"[^"]*"|\\./g, '')) && !/\.[0#]*0/.test(section));
}

/**
 * The number format the other numbers of a column show: the nearest real number above or below `row` (within
 * `first`–`last`, the order lines, looking at most 200 rows each way) with a format that is not General or Text;
 * null when there is none, and the fixed cell then keeps its own format.
 */
export function neighbourNumberFormat(
  sheet: SheetSnapshot,
  col: number,
  row: number,
  first: number,
  last: number,
): string | null {
  for (let k = 1; k <= 200; k++) {
    for (const r of [row - k, row + k]) {
      if (r < first || r > last || typeof cellAt(sheet, r, col) !== 'number') continue;
      const f = formatAt(sheet, r, col);
      if (f && f !== 'General' && f !== '@') return f;
    }
    if (row - k < first && row + k > last) break;
  }
  return null;
}

/** Whether a number format shows a date or time (y, m, d, h, s outside quoted text and [colour] parts). */
export function isDateFormat(format: string): boolean {
  return /[ymdhs]/i.test(format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, ''));
}
