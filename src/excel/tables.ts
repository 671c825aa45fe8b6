// Carrying out core's table decision (core/orderTable.ts) with Office.js: `create` adds exactly the named table over
// exactly the range; `reuse` grows the named table over the range with Table.resize (ExcelApi 1.13), or, where this
// Excel lacks it, leaves the table as it is and reports that in the result. No header cell is written here.

import { areaAddress, areaCovers, areaSpan } from '../core/address';
import type { ApplyResult, WorkbookEdit } from '../core/edits';
import { stripSheet } from './addresses';

type EnsureTable = Extract<WorkbookEdit, { kind: 'ensureTable' }>;

/** What phase 1 loads for a reuse: the table and its range's address. */
export interface TableLookup {
  table: Excel.Table;
  range: Excel.Range;
}

/** Phase 1 (no sync here): a reuse needs the table's current range; a create needs nothing. */
export function lookUpTable(ctx: Excel.RequestContext, e: EnsureTable): TableLookup | null {
  if (e.mode !== 'reuse') return null;
  const table = ctx.workbook.tables.getItem(e.name);
  const range = table.getRange();
  range.load('address');
  return { table, range };
}

/** What phase 2 does for the edit, decided from phase 1's reading: add, grow to `area`, or nothing. */
export type TableStep = { do: 'add' } | { do: 'resize'; area: string } | { do: 'none' };

/** Phase 2's decision (nothing queued): the result names the table, or says a reuse could not grow here. */
export function tableStep(
  e: EnsureTable,
  found: TableLookup | null,
  canResize: boolean,
  result: ApplyResult,
): TableStep {
  result.table = e.name;
  if (e.mode === 'create' || !found) return { do: 'add' };
  const have = stripSheet(found.range.address);
  if (areaCovers(have, e.range)) return { do: 'none' };
  if (!canResize) {
    result.tableNotGrown = { name: e.name, range: have };
    return { do: 'none' };
  }
  return { do: 'resize', area: areaAddress(areaSpan(have, e.range)) };
}

/** Phase 2 (queued, synced with the batch): carry the step out. */
export function queueTableStep(ws: Excel.Worksheet, e: EnsureTable, found: TableLookup | null, step: TableStep): void {
  if (step.do === 'add') {
    const t = ws.tables.add(ws.getRange(e.range), true);
    t.name = e.name;
  } else if (step.do === 'resize' && found) {
    // Table.resize: "The new range must overlap with the original table range and the headers (or the top of the
    // table) must be in the same row" — core only asks for a grown range with the same header row.
    found.table.resize(ws.getRange(step.area));
  }
}
