// Sheet understanding (SPEC 3): find the order sheet, its header row, columns, data rows and masters, and open the
// line store over its order lines. Never changes a value.

import { linesOf, readLineTable } from '../lines';
import { readSettings } from '../settings';
import { findSheet, formulaLookup } from '../snapshot';
import type { OrderLine, Understanding, WorkbookSnapshot } from '../types';
import { readMasters } from './masters';
import { chooseOrderSheet } from './orderSheet';

export { HEADER_SCAN_ROWS, findHeaderRow } from './headerRow';
export { readMasters } from './masters';
export { detectOrderSheet, isSheetEmpty, isSystemSheet, understandSheet, type SheetDetection } from './orderSheet';

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
  const settings = readSettings(wb);
  const order = chooseOrderSheet(wb, settings, opts.sheet);
  const masters = readMasters(wb, order.sheet);
  order.masters = { products: masters.products?.sheet ?? null, customers: masters.customers?.sheet ?? null };
  const dateSystem = wb.dateSystem === 1904 ? 1904 : 1900;
  const sheet = findSheet(wb, order.sheet)!; // chooseOrderSheet found it there
  const columns = readLineTable(sheet, order, settings, opts.today, dateSystem);
  // One object per line only when someone asks: checks and classes read the columns (100,000-row sheets).
  let lines: OrderLine[] | null = null;
  return {
    order,
    get lines() {
      return (lines ??= linesOf(columns));
    },
    columns,
    masters,
    settings,
    dateSystem,
    // Fixes must never write over a formula (the snapshot holds only its result).
    isFormula: formulaLookup(sheet),
  };
}
