// Test helpers for documents: an order grid with product and customer masters, and readers for the SheetSpec
// a document plan produces.

import { parseCell } from '../../../src/core/address';
import type { CellSpec, SheetSpec, WorkbookEdit, WriteValue } from '../../../src/core/edits';
import type { CellValue, CustomerInfo, ProductInfo, Understanding, WorkbookSnapshot } from '../../../src/core/types';
import { understand } from '../../../src/core/understand';
import { serial, snapshotOf, type GridOptions } from './grid';

export type DocFixtureOptions = GridOptions;

/** The grid's workbook and what the product understands of it. */
export function docFixture(
  grid: CellValue[][],
  opts: DocFixtureOptions = {},
): { u: Understanding; wb: WorkbookSnapshot } {
  const wb = snapshotOf(grid, opts);
  return { u: understand(wb, { today: '2026-11-22' }), wb };
}

/** The zh-factory order lines 4 and 5 (and a line for another customer), with its price list and customer sheet. */
export const ZH_GRID: CellValue[][] = [
  ['orderNo', 'customer', 'item', 'description', 'spec', 'quantity', 'unit', 'unitPrice', 'dueDate', 'remarks'],
  ['XS-261001', '佛山美家', 'FM-201', '不锈钢水槽', '680*450', 120, '套', 310, serial('2026-11-15'), null], // row 4 (header row 3)
  ['XS-261001', '佛山美家', 'FM-202', '龙头', '冷热', 120, '个', 88, serial('2026-11-15'), '余下60个下周'],
  ['XS-261002', '厦门海景', 'XM-11', '浴室柜', '800宽', 40, '套', 1250, serial('2026-11-18'), null],
];
export const ZH_PRODUCTS: Partial<ProductInfo>[] = [
  {
    item: 'FM-201',
    description: '不锈钢水槽',
    unitPrice: 310,
    qtyPerCarton: 2,
    netWeight: 18.5,
    grossWeight: 20,
    cartonSize: '72x50x25',
  },
  {
    item: 'FM-202',
    description: '龙头',
    unitPrice: 88,
    qtyPerCarton: 20,
    netWeight: 16,
    grossWeight: 17.5,
    cartonSize: '50x40x35',
  },
  {
    item: 'XM-11',
    description: '浴室柜',
    unitPrice: 1250,
    qtyPerCarton: 1,
    netWeight: 45,
    grossWeight: 52,
    cartonSize: '85×55×60',
  },
];
export const ZH_CUSTOMERS: Partial<CustomerInfo>[] = [
  { customer: '佛山美家', address: '广东省佛山市顺德区乐从镇腾冲工业区3号', contact: '黄生', phone: '0757-2888 1234' },
];

export function zhFixture(extra: Partial<DocFixtureOptions> = {}): { u: Understanding; wb: WorkbookSnapshot } {
  return docFixture(ZH_GRID, {
    sheet: '2026订单',
    headerRow: 3,
    lang: 'zh-CN',
    products: { sheet: '价格表', items: ZH_PRODUCTS },
    customers: ZH_CUSTOMERS,
    ...extra,
  });
}

export function addedSheets(edits: WorkbookEdit[]): SheetSpec[] {
  return edits.flatMap((e) => (e.kind === 'addSheet' ? [e.spec] : []));
}

export function cellOf(spec: SheetSpec, a1: string): CellSpec | undefined {
  const { row, col } = parseCell(a1);
  return spec.cells.find((c) => c.row === row && c.col === col);
}

/** Values of one sheet row, column A first, up to the last column of the spec (undefined → null). */
export function rowOf(spec: SheetSpec, row: number): WriteValue[] {
  const width = spec.columnWidths.length;
  const out: WriteValue[] = new Array<WriteValue>(width).fill(null);
  for (const c of spec.cells) if (c.row === row && c.value !== undefined) out[c.col - 1] = c.value;
  return out;
}

/** Row number of the first cell whose value equals `value`. */
export function rowWith(spec: SheetSpec, value: WriteValue): number {
  const c = spec.cells.find((x) => x.value === value);
  if (!c) throw new Error(`no cell with ${String(value)}`);
  return c.row;
}

export function texts(spec: SheetSpec): string[] {
  return spec.cells.flatMap((c) => (typeof c.value === 'string' ? [c.value] : []));
}
