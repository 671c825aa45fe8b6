// Packing list 装箱单 (SPEC 7): per item C/NO. range, cartons, weights and CBM; a totals row; shipping marks.

import type { CellStyle } from '../edits';
import type { OrderLine } from '../types';
import {
  CBM_FORMAT,
  headerItems,
  orderNosText,
  quantityFormat,
  startForm,
  WEIGHT_FORMAT,
  type BuiltDocument,
  type DocContext,
  type DocWarning,
} from './context';
import { bilingual } from './labels';
import { putTableHeader, putTableRow, putTotalsRow, type TableColumn, type TableValue } from './layout';
import { lineText, textCell } from './lines';
import { cartonRange, planPacking, type PackingRow } from './packing';

const COLUMNS: TableColumn[] = [
  { labelKey: 'doc.col.cartonNo', hAlign: 'center' },
  { labelKey: 'doc.col.item' },
  { labelKey: 'doc.col.description', wrap: true },
  { labelKey: 'doc.col.qtyPerCarton', hAlign: 'right' },
  { labelKey: 'doc.col.cartons', hAlign: 'right', numberFormat: '#,##0' },
  { labelKey: 'doc.col.quantity', hAlign: 'right' },
  { labelKey: 'doc.col.unit', hAlign: 'center' },
  { labelKey: 'doc.col.nwPerCarton', hAlign: 'right', numberFormat: WEIGHT_FORMAT },
  { labelKey: 'doc.col.gwPerCarton', hAlign: 'right', numberFormat: WEIGHT_FORMAT },
  { labelKey: 'doc.col.nwTotal', hAlign: 'right', numberFormat: WEIGHT_FORMAT },
  { labelKey: 'doc.col.gwTotal', hAlign: 'right', numberFormat: WEIGHT_FORMAT },
  { labelKey: 'doc.col.cartonSize', hAlign: 'center' },
  { labelKey: 'doc.col.cbm', hAlign: 'right', numberFormat: CBM_FORMAT },
];
const col = (key: string): number => COLUMNS.findIndex((c) => c.labelKey === `doc.col.${key}`) + 1;

const qty = (v: number | null): TableValue => (v === null ? null : { value: v, numberFormat: quantityFormat(v) });

function rowValues(r: PackingRow, line: OrderLine): TableValue[] {
  return [
    cartonRange(r) || null,
    textCell(line, 'item'),
    textCell(line, 'description'),
    qty(r.qtyPerCarton),
    r.cartons,
    r.quantity === null ? (r.quantityText === '' ? null : r.quantityText) : qty(r.quantity),
    textCell(line, 'unit'),
    r.netPerCarton,
    r.grossPerCarton,
    r.netTotal,
    r.grossTotal,
    r.cartonSize === '' ? null : r.cartonSize,
    r.cbm,
  ];
}

export function buildPackingList(ctx: DocContext): BuiltDocument {
  const plan = planPacking(ctx.lines, ctx.u.masters);
  const { grid, row: headerRow } = startForm(ctx, COLUMNS.length, headerItems(ctx, 'doc.field.date'));
  putTableHeader(grid, ctx.lang, headerRow, COLUMNS);
  const byRow = new Map(ctx.lines.map((l) => [l.row, l]));
  let row = headerRow + 1;
  for (const r of plan.rows) putTableRow(grid, row++, COLUMNS, rowValues(r, byRow.get(r.row) as OrderLine));
  const t = plan.totals;
  putTotalsRow(grid, ctx.lang, row, COLUMNS, col('qtyPerCarton'), {
    [col('cartons')]: t.cartons,
    [col('quantity')]: qty(t.quantity),
    [col('nwTotal')]: t.netWeight,
    [col('gwTotal')]: t.grossWeight,
    [col('cbm')]: t.cbm,
  });
  row += 2;
  putShippingMarks(grid, ctx, row, t.cartons);
  const warnings: DocWarning[] = plan.warnings.map((w) => ({
    key: `doc.warn.${w.code}`,
    params: { row: w.row, item: w.item || lineText(byRow.get(w.row) as OrderLine, 'description') || `#${w.row}` },
  }));
  return {
    spec: grid.toSheetSpec(ctx.sheetName, 'landscape', headerRow),
    totals: {
      quantity: t.quantity,
      cartons: t.cartons,
      netWeight: t.netWeight,
      grossWeight: t.grossWeight,
      cbm: t.cbm,
    },
    warnings,
  };
}

/** Main marks box: customer, order numbers, carton range ("1-UP" style left open when unknown). */
function putShippingMarks(
  grid: ReturnType<typeof startForm>['grid'],
  ctx: DocContext,
  row: number,
  cartons: number | null,
): void {
  const right = Math.ceil(grid.columns / 2);
  const box: CellStyle = { border: 'thin', vAlign: 'middle' };
  grid.merge(row, 1, right, bilingual(ctx.lang, 'doc.marks'), { ...box, bold: true, fill: '#D9D9D9' });
  const lines = [
    ctx.customer,
    `${bilingual(ctx.lang, 'doc.marks.po')}: ${orderNosText(ctx.lines)}`,
    `${bilingual(ctx.lang, 'doc.marks.cartonNo')}: ${cartons === null ? '' : cartons === 0 ? '' : `1-${cartons}`}`,
  ];
  lines.forEach((text, i) => grid.merge(row + 1 + i, 1, right, text, box));
}
