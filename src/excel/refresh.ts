// After an apply: read back only what it changed (ApplyResult.changed) in one sync and patch the snapshot the pane
// holds (core/refresh.ts), instead of reading the whole workbook again.

import type { ApplyResult } from '../core/edits';
import { patchSnapshot, type SheetRefresh } from '../core/refresh';
import type { WorkbookSnapshot } from '../core/types';
import { stripSheet } from './addresses';
import { normalizeCell, visibilityOf } from './read';

export async function refreshWorkbook(
  ctx: Excel.RequestContext,
  wb: WorkbookSnapshot,
  result: ApplyResult,
): Promise<WorkbookSnapshot> {
  const changed = result.changed ?? [];
  const worksheets = ctx.workbook.worksheets;
  worksheets.load('items/name,items/visibility,items/protection/protected');
  const reads = changed.map((c) => ({
    c,
    areas: c.areas.map((area) => {
      const r = worksheets.getItem(c.sheet).getRange(area);
      r.load('values,numberFormat');
      return { area, r };
    }),
    table:
      c.tables && result.table
        ? (() => {
            const r = ctx.workbook.tables.getItem(result.table).getRange();
            r.load('address');
            return r;
          })()
        : null,
  }));
  await ctx.sync();
  const info = new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
  const refreshed: SheetRefresh[] = [];
  for (const { c, areas, table } of reads) {
    const ws = info.get(c.sheet.toLowerCase());
    if (!ws) continue;
    const old = wb.sheets.find((s) => s.name === ws.name);
    const tables = table
      ? [
          ...(old?.tables ?? []).filter((t) => t.name !== result.table),
          { name: result.table!, range: stripSheet(table.address) },
        ]
      : undefined;
    refreshed.push({
      name: ws.name,
      visibility: visibilityOf(ws.visibility),
      protected: ws.protection.protected,
      whole: c.whole === true,
      tables,
      areas: areas.map(({ area, r }) => ({
        area,
        values: r.values.map((row) => row.map(normalizeCell)),
        formats: r.numberFormat.map((row) => row.map((f) => (typeof f === 'string' ? f : null))),
      })),
    });
  }
  return patchSnapshot(
    wb,
    worksheets.items.map((ws) => ws.name),
    refreshed,
  );
}
