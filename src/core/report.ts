// The weekly overdue report sheet (SPEC 6).
// IMPLEMENTATION OWNER: delays helper. Signatures are the contract.

import type { WorkbookEdit } from './edits';
import type { DelayClass, Lang, Understanding, WorkbookSnapshot } from './types';

export interface OverdueLine {
  row: number;
  orderNo: string;
  customer: string;
  item: string;
  dueDate: string; // YYYY-MM-DD
  daysLate: number;
  openQty: number;
}

export interface OverdueReport {
  sheet: string;
  today: string;
  counts: Record<DelayClass, number>;
  overdue: OverdueLine[]; // sorted by daysLate, most first
  dueSoon: OverdueLine[];
  edits: WorkbookEdit[];
}

export function planOverdueReport(u: Understanding, wb: WorkbookSnapshot, opts: { today: string; lang: Lang }): OverdueReport {
  throw new Error('not implemented');
}
