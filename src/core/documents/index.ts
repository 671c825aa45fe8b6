// One-click documents from selected rows (SPEC 7): work order, packing list, delivery note.
// IMPLEMENTATION OWNER: documents helper. Signatures are the contract.

import type { WorkbookEdit } from '../edits';
import type { Lang, Understanding, WorkbookSnapshot } from '../types';

export type DocType = 'work-order' | 'packing-list' | 'delivery-note';

export interface DocumentOptions {
  type: DocType;
  /** Sheet row numbers of the selected order lines. */
  rows: number[];
  today: string; // ISO
  /** Document language; default: settings.documentLang, else the order sheet's language. */
  lang?: Lang;
  withoutPrices?: boolean;
  /** Make one document per customer instead of refusing mixed customers. */
  perCustomer?: boolean;
}

export interface DocumentTotals {
  quantity: number;
  cartons: number | null;
  netWeight: number | null;
  grossWeight: number | null;
  cbm: number | null;
}

export interface GeneratedDocument {
  type: DocType;
  number: string; // DN-20261122-001
  sheet: string;
  rows: number[];
  customer: string;
  totals: DocumentTotals;
  /** Clerk-facing notes, e.g. missing packing data for an item (UI language). */
  warnings: string[];
}

/** Throws OrderClerkError noRowsSelected, rowsNotOrderLines, mixedCustomers. */
export function planDocuments(
  u: Understanding,
  wb: WorkbookSnapshot,
  opts: DocumentOptions,
): { edits: WorkbookEdit[]; documents: GeneratedDocument[] } {
  throw new Error('not implemented');
}
