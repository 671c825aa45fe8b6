// Which cells' number formats core needs. A number format changes what core sees only for a number outside a date or
// numeric field: the display text of a date-formatted serial (a date typed in the remarks column prints as
// 2026-12-05, not 46361). Date fields read numbers as dates and numeric fields as numbers whatever their format, and
// text cells have no date to show — so an adapter that pays per cell read (Excel) reads formats only for these.

import { readSettings, SETTINGS_SHEET } from './settings';
import { DATE_FIELDS, NUMERIC_FIELDS, type FieldKey, type WorkbookSnapshot } from './types';
import { detectOrderSheet } from './understand';

const FORMAT_FREE = new Set<FieldKey>([...DATE_FIELDS, ...NUMERIC_FIELDS]);

/** Per sheet, the numbers whose format core may need, as (sheet row, column) cells; sheets needing none are left out. */
export function cellsNeedingFormats(wb: WorkbookSnapshot): { sheet: string; cells: { row: number; col: number }[] }[] {
  const settings = readSettings(wb);
  const out: { sheet: string; cells: { row: number; col: number }[] }[] = [];
  for (const s of wb.sheets) {
    if (s.name === SETTINGS_SHEET) continue;
    const skip = new Set<number>();
    const d = detectOrderSheet(s, settings);
    if (d.kind === 'order')
      for (const [field, col] of Object.entries(d.order.columns))
        if (col !== undefined && FORMAT_FREE.has(field as FieldKey)) skip.add(col);
    const cells: { row: number; col: number }[] = [];
    s.values.forEach((r, i) => {
      for (let j = 0; j < r.length; j++)
        if (typeof r[j] === 'number' && !skip.has(s.left + j)) cells.push({ row: s.top + i, col: s.left + j });
    });
    if (cells.length) out.push({ sheet: s.name, cells });
  }
  return out;
}
