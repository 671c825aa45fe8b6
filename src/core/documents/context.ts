// What every document builder gets, and what it gives back.

import { quantityColumnFormat } from '../numberFormats';
import type { SheetSpec } from '../edits';
import type { CompanyProfile, Lang, OrderLine, Understanding } from '../types';
import type { DocType, DocumentTotals } from './index';
import { FormGrid, putInfoBlock, putLetterhead, putTitle, type InfoItem } from './layout';
import { DATE_FORMAT } from '../dates';
import { distinctTexts } from './lines';
import { docTitle } from './labels';
import { summariseList } from '../lists';
import type { ShipLine } from '../shipments/shipNow';

/** Export fields of a packing list (SPEC 7): given by the clerk, else the settings' defaults. */
export interface ExportFields {
  invoiceNo?: string;
  portOfLoading?: string;
  portOfDestination?: string;
}

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
  /** Per line (same order as `lines`): ordered, shipped before, this document's quantity, owed after, price. */
  ship: ShipLine[];
  /** The letterhead; null prints none (the caller warns). */
  company: CompanyProfile | null;
  /** Copy the order sheet's remarks onto the document (they are internal otherwise). */
  remarks: boolean;
  /** Delivery note: 1, or 3 copies on one sheet each labelled. */
  copies: 1 | 3;
  /** Number format of quantities, as the order sheet shows them (null: by value). */
  quantityFormat: string | null;
  exportFields: ExportFields;
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

/** Letterhead, title, a spacer, then the header block; returns the grid and the next free row. */
export function startForm(ctx: DocContext, columns: number, items: InfoItem[]): { grid: FormGrid; row: number } {
  const grid = new FormGrid(columns);
  const row = putFormHead(grid, ctx, 1, items);
  return { grid, row };
}

/** The top of one form (one copy of a note): letterhead, title, header block from `top`; returns the next free row. */
export function putFormHead(grid: FormGrid, ctx: DocContext, top: number, items: InfoItem[], title?: string): number {
  const titleRow = ctx.company ? putLetterhead(grid, ctx.company, ctx.lang, top) : top;
  putTitle(grid, titleRow, title ?? docTitle(ctx.lang, ctx.type));
  return putInfoBlock(grid, ctx.lang, titleRow + 2, items) + 1;
}

/** Integers without decimals, others with up to four. */
export function quantityFormat(v: number): string {
  return Number.isInteger(v) ? '#,##0' : '#,##0.00##';
}

/**
 * Quantities as the order sheet shows them (its decimals), always with thousands separators (SPEC 7);
 * by value when the sheet's format says nothing (General).
 */
export function sheetQuantityFormat(sheetFormat: string | null, v: number): string {
  if (!sheetFormat) return quantityFormat(v);
  const decimals = /\.(0+)/.exec(sheetFormat)?.[1].length ?? 0;
  const optional = /\.0*(#+)/.exec(sheetFormat)?.[1].length ?? 0;
  if (decimals === 0 && optional === 0) return Number.isInteger(v) ? '#,##0' : '#,##0.00##';
  // Only optional decimals ('0.###'): Excel would show 400 as "400."; write the decimals this value needs instead.
  if (decimals === 0) return quantityColumnFormat([Math.round(v * 10 ** optional) / 10 ** optional]);
  return `#,##0.${'0'.repeat(decimals)}${'#'.repeat(optional)}`;
}

/** A quantity cell of this document: the number in the sheet's format, or empty. */
export function qtyCell(ctx: DocContext, v: number | null): { value: number; numberFormat: string } | null {
  return v === null ? null : { value: v, numberFormat: sheetQuantityFormat(ctx.quantityFormat, v) };
}

export const PRICE_FORMAT = '#,##0.00##';
export const AMOUNT_FORMAT = '#,##0.00';
export const WEIGHT_FORMAT = '#,##0.00';
export const CBM_FORMAT = '#,##0.000';
