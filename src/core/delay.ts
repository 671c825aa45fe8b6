// Delay classes (SPEC 6) and the live conditional formats that show them in Excel.
// IMPLEMENTATION OWNER: delays helper. Signatures are the contract.

import type { WorkbookEdit } from './edits';
import type { DelayClass, DelayRow, Lang, Understanding } from './types';

export const DELAY_MARKER = 'order-clerk:delay';

/** One class per order line, with daysLate and openQty, for `today` (ISO). */
export function classifyLines(u: Understanding, today: string): DelayRow[] {
  throw new Error('not implemented');
}

export function delayCounts(rows: DelayRow[]): Record<DelayClass, number> {
  const c: Record<DelayClass, number> = { overdue: 0, dueSoon: 0, onTrack: 0, noDueDate: 0, shipped: 0, cancelled: 0 };
  for (const r of rows) c[r.class]++;
  return c;
}

/** TODAY()-based conditional formats over the table's data rows, replacing the add-in's earlier delay rules. */
export function planDelayRules(u: Understanding): WorkbookEdit {
  throw new Error('not implemented');
}
