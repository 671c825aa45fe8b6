// Sheet understanding (SPEC 3): find the order sheet, its header row, columns, data rows and masters,
// and read every order line. Never changes a value.
// IMPLEMENTATION OWNER: understanding helper. Signatures are the contract.

import type { Masters, OrderLine, OrderSheet, Settings, SheetSnapshot, Understanding, WorkbookSnapshot } from './types';

export interface UnderstandOptions {
  /** Order sheet chosen by name (CLI --sheet); otherwise the active sheet, else the first with an order table. */
  sheet?: string;
  /** ISO date used for year-less dates when a line has no order date. */
  today: string;
}

/**
 * Throws OrderClerkError: emptyWorkbook, sheetNotFound, noOrderTable, headersWithoutData.
 * Settings are read from the workbook (`_order_clerk`) and their column/header overrides win.
 */
export function understand(wb: WorkbookSnapshot, opts: UnderstandOptions): Understanding {
  throw new Error('not implemented');
}

/** Header row of a sheet by scoring rows (the first 30 at least), or null. */
export function findHeaderRow(s: SheetSnapshot): number | null {
  throw new Error('not implemented');
}

/** The order sheet of one snapshot, or null when it holds no order table. */
export function understandSheet(s: SheetSnapshot, settings: Settings): OrderSheet | null {
  throw new Error('not implemented');
}

export function readMasters(wb: WorkbookSnapshot, orderSheet: string): Masters {
  throw new Error('not implemented');
}

export function readOrderLines(wb: WorkbookSnapshot, order: OrderSheet, settings: Settings, today: string): OrderLine[] {
  throw new Error('not implemented');
}
