// Internal work order 生产工单 (SPEC 7): one line per selected row, a planned-finish column left
// empty for production, and signature boxes.

import { DATE_FORMAT, fromSerial1900 } from '../dates';
import type { FieldKey } from '../types';
import { headerItems, qtyCell, startForm, type BuiltDocument, type DocContext } from './context';
import { documentFont } from './font';
import {
  putSignatureBoxes,
  putTableHeader,
  putTableRow,
  putTotalsRow,
  type TableColumn,
  type TableValue,
} from './layout';
import { dateCell, distinctTexts, lineDate, roundTo, textCell } from './lines';

interface WorkOrderColumn extends TableColumn {
  cell: (ctx: DocContext, i: number) => TableValue;
}

function columnsFor(ctx: DocContext): WorkOrderColumn[] {
  const mapped = (f: FieldKey): boolean => ctx.u.order.columns[f] !== undefined;
  const text =
    (f: FieldKey) =>
    (c: DocContext, i: number): TableValue =>
      textCell(c.lines[i], f);
  const cols: (WorkOrderColumn | false)[] = [
    { labelKey: 'doc.col.lineNo', hAlign: 'center', cell: (_c, i) => i + 1 },
    distinctTexts(ctx.lines, 'orderNo').length > 1 && { labelKey: 'doc.col.orderNo', cell: text('orderNo') },
    { labelKey: 'doc.col.item', cell: text('item') },
    { labelKey: 'doc.col.description', wrap: true, cell: text('description') },
    mapped('spec') && { labelKey: 'doc.col.spec', wrap: true, cell: text('spec') },
    // The ordered quantity, or the open one with --open-only (SPEC 7).
    { labelKey: 'doc.col.quantity', hAlign: 'right', cell: (c, i) => qtyCell(c, c.ship[i].ship) },
    { labelKey: 'doc.col.unit', hAlign: 'center', cell: text('unit') },
    { labelKey: 'doc.col.dueDate', hAlign: 'center', cell: (c, i) => dateCell(c.lines[i], 'dueDate', c.u.dateSystem) },
    { labelKey: 'doc.col.plannedFinish', hAlign: 'center', minWidth: 12, cell: () => null },
    { labelKey: 'doc.col.remarks', wrap: true, minWidth: 12, cell: text('remarks') },
  ];
  return cols.filter((c): c is WorkOrderColumn => c !== false);
}

export function buildWorkOrder(ctx: DocContext): BuiltDocument {
  const columns = columnsFor(ctx);
  const dues = ctx.lines.map((l) => lineDate(l, 'dueDate')).filter((d): d is number => d !== null);
  const items = headerItems(ctx, 'doc.field.issueDate');
  items.splice(4, 0, {
    labelKey: 'doc.field.dueDate',
    value: dues.length ? fromSerial1900(Math.min(...dues), ctx.u.dateSystem) : null,
    numberFormat: DATE_FORMAT,
  });
  const { grid, row: headerRow } = startForm(ctx, columns.length, items);
  putTableHeader(grid, ctx.lang, headerRow, columns);
  let row = headerRow + 1;
  ctx.lines.forEach((_, i) => {
    putTableRow(
      grid,
      row++,
      columns,
      columns.map((c) => c.cell(ctx, i)),
    );
  });
  const quantity = roundTo(
    ctx.ship.reduce((s, l) => s + l.ship, 0),
    9,
  );
  const qtyCol = columns.findIndex((c) => c.labelKey === 'doc.col.quantity') + 1;
  putTotalsRow(grid, ctx.lang, row, columns, qtyCol - 1, { [qtyCol]: qtyCell(ctx, quantity) });
  row += 2;
  putSignatureBoxes(grid, ctx.lang, row, ['doc.sign.issuedBy', 'doc.sign.checkedBy', 'doc.sign.supervisor']);
  return {
    spec: grid.toSheetSpec(ctx.sheetName, 'portrait', headerRow, { font: documentFont(ctx.lang) }),
    totals: { quantity, cartons: null, netWeight: null, grossWeight: null, cbm: null },
    warnings: [],
  };
}
