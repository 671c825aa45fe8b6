// After an apply: read back only what it changed (ApplyResult.changed) and patch the snapshot the pane holds
// (core/refresh.ts), instead of reading the whole workbook again. One sync unless the changed cells pass the response
// budget; documents and reports the add-in made are not read back (core reads only their names): a report alone
// needs no sync at all. The results of every formula of the workbook ride along in the first sync (Excel recomputed
// those that depend on what was written; formulaResults.ts), with the formula cells now inside the written areas.

import { areaAddress, areaSpan, cellAddress, parseRange } from '../core/address';
import type { ApplyResult } from '../core/edits';
import { patchSnapshot, replaceAreas, type SheetRefresh } from '../core/refresh';
import type { WorkbookSnapshot } from '../core/types';
import { areasOf, stripSheet } from './addresses';
import { RESPONSE_BUDGET_BYTES } from './chunks';
import { queueFormulaResults } from './formulaResults';
import { normalizeCell, visibilityOf } from './read';

/** Bytes a cell read back costs (value and number format), estimated high. */
const REFRESH_BYTES_PER_CELL = 40;

/** The snapshot after `result`; null when there are too many formulas to read again (the caller reads in full). */
export async function refreshWorkbook(
  ctx: Excel.RequestContext,
  wb: WorkbookSnapshot,
  result: ApplyResult,
  onSheetIds?: (ids: Map<string, string>) => void,
): Promise<WorkbookSnapshot | null> {
  const changed = result.changed ?? [];
  // Only documents or reports made: nothing to read. "The worksheet will be added at the end of existing
  // worksheets" (WorksheetCollection.add), visible and unprotected.
  if (changed.every((c) => c.generated && !c.tables)) {
    const made = changed.map((c) => c.sheet);
    return patchSnapshot(
      wb,
      [...wb.sheets.map((s) => s.name), ...made.filter((n) => !wb.sheets.some((s) => s.name === n))],
      made.map((name) => ({ name, visibility: 'visible', protected: false, whole: true, partial: true, areas: [] })),
    );
  }
  const worksheets = ctx.workbook.worksheets;
  worksheets.load('items/name,items/id,items/visibility,items/protection/protected');
  const tableRange =
    changed.some((c) => c.tables) && result.table ? ctx.workbook.tables.getItem(result.table).getRange() : null;
  tableRange?.load('address');
  // Areas in row slices, then in syncs, each under the response budget.
  const maxCells = Math.floor(RESPONSE_BUDGET_BYTES / REFRESH_BYTES_PER_CELL);
  const reads: { sheet: string; area: string; cells: number }[] = [];
  for (const c of changed) {
    if (c.generated) continue;
    for (const area of c.areas) {
      const r = parseRange(area);
      const width = r.right - r.left + 1;
      const rows = Math.max(1, Math.floor(maxCells / width));
      for (let top = r.top; top <= r.bottom; top += rows) {
        const bottom = Math.min(r.bottom, top + rows - 1);
        const a =
          top === r.top && bottom === r.bottom ? area : `${cellAddress(top, r.left)}:${cellAddress(bottom, r.right)}`;
        reads.push({ sheet: c.sheet, area: a, cells: (bottom - top + 1) * width });
      }
    }
  }
  // First sync: every formula's result (half the response at most; the written cells fill the rest), and the formula
  // cells of each written sheet's span.
  const formulaResults = queueFormulaResults(ctx, wb, RESPONSE_BUDGET_BYTES / 2);
  if (!formulaResults) return null;
  let firstBudget = maxCells - Math.ceil(formulaResults.bytes / REFRESH_BYTES_PER_CELL);
  const formulaSpans = changed
    .filter((c) => !c.generated && !c.whole && c.areas.length)
    .map((c) => {
      const span = c.areas.map(parseRange).reduce((a, b) => areaSpan(a, b));
      const found = worksheets.getItem(c.sheet).getRange(areaAddress(span)).getSpecialCellsOrNullObject('Formulas');
      found.load('address');
      return { sheet: c.sheet.toLowerCase(), span: areaAddress(span), found };
    });
  const got = new Map<string, { area: string; values: unknown[][]; formats: unknown[][] }[]>();
  let start = 0;
  do {
    let end = start;
    let cells = 0;
    const budget = firstBudget;
    firstBudget = maxCells;
    // The first sync may carry the formula results alone when the first slice would not fit beside them.
    const forced = budget === maxCells;
    while (end < reads.length && ((end === start && forced) || cells + reads[end].cells <= budget))
      cells += reads[end++].cells;
    const batch = reads.slice(start, end).map((x) => {
      const r = worksheets.getItem(x.sheet).getRange(x.area);
      r.load('values,numberFormat');
      return { x, r };
    });
    await ctx.sync();
    for (const { x, r } of batch) {
      const list = got.get(x.sheet) ?? [];
      list.push({ area: x.area, values: r.values, formats: r.numberFormat });
      got.set(x.sheet, list);
    }
    start = end;
  } while (start < reads.length);

  onSheetIds?.(new Map(worksheets.items.map((ws) => [ws.id, ws.name])));
  const info = new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
  const refreshed: SheetRefresh[] = [];
  for (const c of changed) {
    const ws = info.get(c.sheet.toLowerCase());
    if (!ws) continue;
    const old = wb.sheets.find((s) => s.name === ws.name);
    const tables =
      c.tables && tableRange
        ? [
            ...(old?.tables ?? []).filter((t) => t.name !== result.table),
            { name: result.table!, range: stripSheet(tableRange.address) },
          ]
        : undefined;
    refreshed.push({
      name: ws.name,
      visibility: visibilityOf(ws.visibility),
      protected: ws.protection.protected,
      whole: c.whole === true,
      partial: c.generated === true,
      tables,
      areas: (got.get(c.sheet) ?? []).map((a) => ({
        area: a.area,
        values: a.values.map((row) => row.map(normalizeCell)),
        formats: a.formats.map((row) => row.map((f) => (typeof f === 'string' ? f : null))),
      })),
    });
  }
  // Formula results go after the written cells (a written formula's own cell is in both: the same value).
  for (const [sheet, areas] of formulaResults()) {
    const r = refreshed.find((x) => x.name === sheet);
    const s = wb.sheets.find((x) => x.name === sheet)!;
    if (r) r.areas.push(...areas);
    else refreshed.push({ name: sheet, visibility: s.visibility, protected: s.protected, whole: false, areas });
  }
  const out = patchSnapshot(
    wb,
    worksheets.items.map((ws) => ws.name),
    refreshed,
  );
  for (const f of formulaSpans) {
    const s = out.sheets.find((x) => x.name.toLowerCase() === f.sheet);
    if (s && !s.partial)
      s.formulaCells = replaceAreas(
        s.formulaCells ?? [],
        [f.span],
        f.found.isNullObject ? [] : areasOf(f.found.address),
      );
  }
  return out;
}
