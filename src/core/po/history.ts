// An order line's history (SPEC 8 `history`, SPEC 15): the change-log rows about an order number or a sheet row.

import { parseRange } from '../address';
import { readChangeLog } from '../changelog';
import { keyText } from '../text';
import type { WriteValue } from '../edits';
import type { WorkbookSnapshot } from '../types';

export interface HistoryEntry {
  time: string;
  /** Our action key (fix, orderChange, import, shipment …) or the word as written in the log. */
  action: string;
  sheet: string;
  cell: string;
  /** First row of the cell (or range) the change was made on. */
  row: number | null;
  orderNo: string;
  item: string;
  field: string;
  old: WriteValue;
  new: WriteValue;
}

export interface HistoryFilter {
  /** Rows with this order number (as the log names it; case, width and spaces do not matter). */
  orderNo?: string;
  /** Rows changed on this sheet row of `sheet`. */
  row?: number;
  sheet?: string;
}

/** The log rows that match every given filter, oldest first. */
export function orderHistory(wb: WorkbookSnapshot, filter: HistoryFilter): HistoryEntry[] {
  const want = filter.orderNo !== undefined ? keyText(filter.orderNo) : null;
  const out: HistoryEntry[] = [];
  for (const r of readChangeLog(wb)) {
    const row = firstRow(r.cell);
    if (want !== null && keyText(r.orderNo ?? '') !== want) continue;
    if (filter.row !== undefined && (row !== filter.row || (filter.sheet !== undefined && r.sheet !== filter.sheet)))
      continue;
    out.push({
      time: r.time,
      action: r.action,
      sheet: r.sheet,
      cell: r.cell,
      row,
      orderNo: r.orderNo ?? '',
      item: r.item ?? '',
      field: r.field ?? '',
      old: r.old,
      new: r.new,
    });
  }
  return out;
}

function firstRow(cell: string): number | null {
  try {
    return parseRange(cell).top;
  } catch {
    return null;
  }
}
