// The clerk's selection: sheet, address (areas without sheet names) and the sheet rows it covers, clipped to the
// used range so a whole-column selection does not list a million rows.

import type { SelectionInfo } from '../core/port';
import { splitAreas, stripSheet } from './addresses';

/** Rows covered by areas given as 0-based rowIndex + rowCount, clipped to [firstRow, lastRow], ascending, unique. */
export function rowsOfAreas(
  areas: { rowIndex: number; rowCount: number }[],
  firstRow: number,
  lastRow: number,
): number[] {
  const rows = new Set<number>();
  for (const a of areas) {
    const from = Math.max(a.rowIndex + 1, firstRow);
    const to = Math.min(a.rowIndex + a.rowCount, lastRow);
    for (let r = from; r <= to; r++) rows.add(r);
  }
  return [...rows].sort((x, y) => x - y);
}

export async function readSelection(ctx: Excel.RequestContext): Promise<SelectionInfo | null> {
  const selected = ctx.workbook.getSelectedRanges();
  selected.load('address');
  selected.areas.load('items/rowIndex,items/rowCount');
  const ws = ctx.workbook.worksheets.getActiveWorksheet();
  ws.load('name');
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('rowIndex,rowCount');
  try {
    await ctx.sync();
  } catch (e) {
    // A chart or shape is selected: there is no cell selection.
    if ((e as { code?: string })?.code === 'InvalidSelection') return null;
    throw e;
  }
  const address = splitAreas(selected.address).map(stripSheet).join(',');
  if (!address) return null;
  const first = used.isNullObject ? 1 : used.rowIndex + 1;
  const last = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
  return { sheet: ws.name, address, rows: rowsOfAreas(selected.areas.items, first, last) };
}

export async function selectRange(ctx: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  const ws = ctx.workbook.worksheets.getItem(sheet);
  ws.activate();
  // Range.select takes one area before ExcelApi 1.18: select the first and keep the others visible to the clerk.
  const first = splitAreas(address)[0] ?? address;
  ws.getRange(stripSheet(first)).select();
  await ctx.sync();
}
