// Packing list 装箱单 (SPEC 7): the quantities shipping now, per item C/NO. range, cartons, weights and CBM; a totals
// row; for export the shipper (the company profile), consignee (the customer master), invoice number, ports, the
// marks block (customer, PO, C/NO. 1-N, MADE IN CHINA) and, in English sheets, "SAY TOTAL … CARTONS ONLY".

import type { CellStyle } from '../edits';
import type { OrderLine } from '../types';
import {
  CBM_FORMAT,
  headerItems,
  orderNosText,
  qtyCell,
  startForm,
  WEIGHT_FORMAT,
  type BuiltDocument,
  type DocContext,
  type DocWarning,
} from './context';
import { englishWords } from './englishNumber';
import { documentFont } from './font';
import { bilingual } from './labels';
import { putTableHeader, putTableRow, putTotalsRow, type InfoItem, type TableColumn, type TableValue } from './layout';
import { findCustomer, lineText, textCell } from './lines';
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

function rowValues(ctx: DocContext, r: PackingRow, line: OrderLine): TableValue[] {
  return [
    cartonRange(r) || null,
    textCell(line, 'item'),
    textCell(line, 'description'),
    qtyCell(ctx, r.qtyPerCarton),
    r.cartons,
    r.quantity === null ? (r.quantityText === '' ? null : r.quantityText) : qtyCell(ctx, r.quantity),
    textCell(line, 'unit'),
    r.netPerCarton,
    r.grossPerCarton,
    r.netTotal,
    r.grossTotal,
    r.cartonSize === '' ? null : r.cartonSize,
    r.cbm,
  ];
}

/** Header block: number, date, customer, orders; shipper, consignee, invoice number and the ports given. */
function exportItems(ctx: DocContext): InfoItem[] {
  const items = headerItems(ctx, 'doc.field.date');
  const customer = findCustomer(ctx.u.masters, ctx.customer);
  const consignee = [ctx.customer, customer?.address].filter((s) => s).join('  ');
  const shipper = ctx.company ? [ctx.company.name, ctx.company.address].filter((s) => s).join('  ') : null;
  const ports = ctx.u.settings.ports;
  const loading = ctx.exportFields.portOfLoading ?? ports?.loading;
  const destination = ctx.exportFields.portOfDestination ?? ports?.destination;
  items.push(
    { labelKey: 'doc.field.invoiceNo', value: ctx.exportFields.invoiceNo || ctx.number },
    { labelKey: 'doc.field.shipper', value: shipper, wide: true },
    { labelKey: 'doc.field.consignee', value: consignee || null, wide: true },
  );
  if (loading) items.push({ labelKey: 'doc.field.portOfLoading', value: loading });
  if (destination) items.push({ labelKey: 'doc.field.portOfDestination', value: destination });
  return items;
}

export function buildPackingList(ctx: DocContext): BuiltDocument {
  const shipOf = new Map(ctx.ship.map((s) => [s.row, s.ship]));
  const plan = planPacking(ctx.lines, ctx.u.masters, (l) => shipOf.get(l.row) ?? null);
  const { grid, row: headerRow } = startForm(ctx, COLUMNS.length, exportItems(ctx));
  putTableHeader(grid, ctx.lang, headerRow, COLUMNS);
  const byRow = new Map(ctx.lines.map((l) => [l.row, l]));
  let row = headerRow + 1;
  for (const r of plan.rows) putTableRow(grid, row++, COLUMNS, rowValues(ctx, r, byRow.get(r.row) as OrderLine));
  const t = plan.totals;
  putTotalsRow(grid, ctx.lang, row, COLUMNS, col('qtyPerCarton'), {
    [col('cartons')]: t.cartons,
    [col('quantity')]: qtyCell(ctx, t.quantity),
    [col('nwTotal')]: t.netWeight,
    [col('gwTotal')]: t.grossWeight,
    [col('cbm')]: t.cbm,
  });
  row += 1;
  if (
    ctx.lang === 'en-US' &&
    t.cartons !== null &&
    t.cartons > 0 &&
    Number.isSafeInteger(t.cartons) &&
    t.cartons < 1e12
  ) {
    grid.merge(row, 1, grid.columns, `SAY TOTAL ${englishWords(t.cartons)} (${t.cartons}) CARTONS ONLY`, {
      bold: true,
      vAlign: 'middle',
    });
    row += 1;
  }
  row += 1;
  putShippingMarks(grid, ctx, row, t.cartons);
  const warnings: DocWarning[] = plan.warnings.map((w) => ({
    key: `doc.warn.${w.code}`,
    params: { row: w.row, item: w.item || lineText(byRow.get(w.row) as OrderLine, 'description') || `#${w.row}` },
  }));
  return {
    spec: grid.toSheetSpec(ctx.sheetName, 'landscape', headerRow, { font: documentFont(ctx.lang) }),
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

/** Main marks box: customer, PO, carton range (C/NO. 1-N, left open when unknown), MADE IN CHINA, the clerk's own. */
function putShippingMarks(
  grid: ReturnType<typeof startForm>['grid'],
  ctx: DocContext,
  row: number,
  cartons: number | null,
): void {
  const right = Math.ceil(grid.columns / 2);
  const box: CellStyle = { border: 'thin', vAlign: 'middle' };
  grid.merge(row, 1, right, bilingual(ctx.lang, 'doc.marks'), { ...box, bold: true, fill: '#D9D9D9' });
  const pos = [...new Set(ctx.lines.map((l) => lineText(l, 'customerPo')).filter((s) => s !== ''))];
  const lines = [
    ctx.customer,
    `${bilingual(ctx.lang, 'doc.marks.po')}: ${pos.length ? pos.join(', ') : orderNosText(ctx.lines)}`,
    `${bilingual(ctx.lang, 'doc.marks.cartonNo')}: ${cartons ? `1-${cartons}` : ''}`,
    'MADE IN CHINA',
    ...(ctx.u.settings.marks ?? []),
  ];
  lines.forEach((text, i) => grid.merge(row + 1 + i, 1, right, text, box));
}
