// The results of the workbook's formulas, read again after a write or a clerk's edit: Excel recomputes every formula
// that depends on a changed cell — on any sheet, in any row (a total under the block, a lookup on another sheet) —
// and no event says which (OfficeDev/office-js#3899: a formula cell whose result changed raised no onChanged). We know
// where the formulas are (SheetSnapshot.formulaCells), so all their values go in the same sync as the rest, with the
// formula cells now holding errors. Conservative: every formula cell, not only those of the written rows; more than
// `maxBytes` of them (values only, DEFAULT_BYTES_PER_CELL each) → null, and the caller reads the workbook in full.

import { parseRange } from '../core/address';
import type { AreaRead } from '../core/refresh';
import type { WorkbookSnapshot } from '../core/types';
import { areasOf } from './addresses';
import { DEFAULT_BYTES_PER_CELL } from './chunks';
import { normalizeCell } from './read';

/** More separate formula areas than this are not worth one proxy each: read everything instead. */
const MAX_FORMULA_AREAS = 2000;

export type FormulaResults = (() => Map<string, AreaRead[]>) & { bytes: number };

/** Queue the reads (no sync); the returned function gives each sheet's formula areas with their values. */
export function queueFormulaResults(
  ctx: Excel.RequestContext,
  wb: WorkbookSnapshot,
  maxBytes: number,
  skip: (sheet: string) => boolean = () => false,
): FormulaResults | null {
  const maxCells = Math.floor(maxBytes / DEFAULT_BYTES_PER_CELL);
  let cells = 0;
  let count = 0;
  const reads: { sheet: string; area: string; range: Excel.Range; errors: Excel.RangeAreas }[] = [];
  for (const s of wb.sheets) {
    if (s.partial || skip(s.name) || !s.formulaCells?.length) continue;
    const ws = ctx.workbook.worksheets.getItem(s.name);
    for (const area of s.formulaCells) {
      const r = parseRange(area);
      cells += (r.bottom - r.top + 1) * (r.right - r.left + 1);
      if (cells > maxCells || ++count > MAX_FORMULA_AREAS) return null;
      const range = ws.getRange(area);
      range.load('values');
      // "Errors": "Cells that have errors." (SpecialCellValueType) — a #DIV/0! the edit caused is an error, not text.
      const errors = range.getSpecialCellsOrNullObject('Formulas', 'Errors');
      errors.load('address');
      reads.push({ sheet: s.name, area, range, errors });
    }
  }
  const fill = () => {
    const out = new Map<string, AreaRead[]>();
    for (const { sheet, area, range, errors } of reads) {
      const values = range.values.map((row) => row.map(normalizeCell));
      if (!errors.isNullObject) markErrorsIn(area, values, areasOf(errors.address));
      const list = out.get(sheet) ?? [];
      list.push({ area, values, formats: null });
      out.set(sheet, list);
    }
    return out;
  };
  return Object.assign(fill, { bytes: cells * DEFAULT_BYTES_PER_CELL });
}

/** The cells of `values` (read from `area`) inside the error areas become {error}. */
export function markErrorsIn(area: string, values: unknown[][], errorAreas: string[]): void {
  const a = parseRange(area);
  for (const e of errorAreas) {
    const r = parseRange(e);
    for (let row = Math.max(r.top, a.top); row <= Math.min(r.bottom, a.bottom); row++)
      for (let col = Math.max(r.left, a.left); col <= Math.min(r.right, a.right); col++) {
        const line = values[row - a.top];
        const v = line[col - a.left];
        if (v !== null && v !== undefined && typeof v !== 'object') line[col - a.left] = { error: String(v) };
      }
  }
}
