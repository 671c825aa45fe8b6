// What every document builder gets, and what it gives back.

import type { SheetSpec } from '../edits';
import type { Lang, OrderLine, Understanding } from '../types';
import type { DocType, DocumentTotals } from './index';
import { FormGrid, putInfoBlock, putTitle, type InfoItem } from './layout';
import { DATE_FORMAT } from '../dates';
import { distinctTexts, lineNumber, lineText } from './lines';
import { docTitle } from './labels';
import { summariseList } from '../lists';

export interface DocContext {
  u: Understanding;
  lang: Lang;
  type: DocType;
  number: string;
  sheetName: string;
  /** Today as a serial in the workbook's date system. */
  todaySerial: number;
  customer: string;
  lines: OrderLine[];
  withoutPrices: boolean;
}

export interface DocWarning {
  key: string;
  params: Record<string, string | number>;
}

export interface BuiltDocument {
  spec: SheetSpec;
  totals: DocumentTotals;
  warnings: DocWarning[];
}

/** Order numbers of the lines, joined as the header shows them (a long list summarised: one cell, not 700,000 characters). */
export function orderNosText(lines: OrderLine[], lang: Lang = 'en-US'): string {
  return summariseList(distinctTexts(lines, 'orderNo'), lang);
}

/** The items every document's header starts with: number and date, customer and order numbers. */
export function headerItems(ctx: DocContext, dateKey: 'doc.field.issueDate' | 'doc.field.date'): InfoItem[] {
  const items: InfoItem[] = [
    { labelKey: 'doc.field.number', value: ctx.number },
    { labelKey: dateKey, value: ctx.todaySerial, numberFormat: DATE_FORMAT },
    { labelKey: 'doc.field.customer', value: ctx.customer === '' ? null : ctx.customer },
    { labelKey: 'doc.field.orderNo', value: orderNosText(ctx.lines, ctx.lang) || null },
  ];
  const pos = distinctTexts(ctx.lines, 'customerPo');
  if (pos.length) items.push({ labelKey: 'doc.field.customerPo', value: summariseList(pos, ctx.lang) });
  return items;
}

/** Title in row 1, a spacer, then the header block from row 3; returns the grid and the next free row. */
export function startForm(ctx: DocContext, columns: number, items: InfoItem[]): { grid: FormGrid; row: number } {
  const grid = new FormGrid(columns);
  putTitle(grid, 1, docTitle(ctx.lang, ctx.type));
  const row = putInfoBlock(grid, ctx.lang, 3, items);
  return { grid, row: row + 1 };
}

/** One warning per line whose quantity is not a number (it is copied as written and left out of totals). */
export function quantityWarnings(lines: OrderLine[]): DocWarning[] {
  return lines
    .filter((l) => lineNumber(l, 'quantity') === null)
    .map((l) => ({
      key: 'doc.warn.quantityUnknown',
      params: { row: l.row, item: lineText(l, 'item') || `#${l.row}` },
    }));
}

/** Integers without decimals, others with up to four. */
export function quantityFormat(v: number): string {
  return Number.isInteger(v) ? '#,##0' : '#,##0.00##';
}
export const PRICE_FORMAT = '#,##0.00##';
export const AMOUNT_FORMAT = '#,##0.00';
export const WEIGHT_FORMAT = '0.00';
export const CBM_FORMAT = '0.000';
