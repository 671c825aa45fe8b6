// Delivery note 送货单 (SPEC 7): customer address from the customer master, lines with or without prices,
// totals, remarks, signature block and the copy-purpose line.

import {
  AMOUNT_FORMAT,
  headerItems,
  quantityWarnings,
  PRICE_FORMAT,
  quantityFormat,
  startForm,
  type BuiltDocument,
  type DocContext,
  type DocWarning,
} from './context';
import { bilingual } from './labels';
import {
  putNote,
  putSignatureBoxes,
  putTableHeader,
  putTableRow,
  putTotalsRow,
  VALUE_STYLE,
  type TableColumn,
  type TableValue,
} from './layout';
import { distinctTexts, findCustomer, lineNumber, lineText, numberCell, roundTo, textCell } from './lines';
import type { OrderLine } from '../types';

interface NoteColumn extends TableColumn {
  key: string;
  cell: (line: OrderLine, i: number, amount: number | null) => TableValue;
}

/** Amount of a line: quantity × unit price when both are numbers, else the sheet's own amount, else null. */
export function lineAmount(line: OrderLine): number | null {
  const q = lineNumber(line, 'quantity');
  const p = lineNumber(line, 'unitPrice');
  if (q !== null && p !== null) return roundTo(q * p, 2);
  return lineNumber(line, 'amount');
}

function columnsFor(ctx: DocContext): NoteColumn[] {
  const cols: (NoteColumn | false)[] = [
    { key: 'lineNo', labelKey: 'doc.col.lineNo', hAlign: 'center', cell: (_l, i) => i + 1 },
    distinctTexts(ctx.lines, 'orderNo').length > 1 && {
      key: 'orderNo',
      labelKey: 'doc.col.orderNo',
      cell: (l) => textCell(l, 'orderNo'),
    },
    { key: 'item', labelKey: 'doc.col.item', cell: (l) => textCell(l, 'item') },
    { key: 'description', labelKey: 'doc.col.description', wrap: true, cell: (l) => textCell(l, 'description') },
    { key: 'unit', labelKey: 'doc.col.unit', hAlign: 'center', cell: (l) => textCell(l, 'unit') },
    {
      key: 'quantity',
      labelKey: 'doc.col.quantity',
      hAlign: 'right',
      cell: (l) => {
        const q = lineNumber(l, 'quantity');
        return q === null ? numberCell(l, 'quantity') : { value: q, numberFormat: quantityFormat(q) };
      },
    },
    !ctx.withoutPrices && {
      key: 'unitPrice',
      labelKey: 'doc.col.unitPrice',
      hAlign: 'right',
      numberFormat: PRICE_FORMAT,
      cell: (l) => numberCell(l, 'unitPrice'),
    },
    !ctx.withoutPrices && {
      key: 'amount',
      labelKey: 'doc.col.amount',
      hAlign: 'right',
      numberFormat: AMOUNT_FORMAT,
      cell: (_l, _i, a) => a,
    },
    { key: 'remarks', labelKey: 'doc.col.remarks', wrap: true, minWidth: 12, cell: (l) => textCell(l, 'remarks') },
  ];
  return cols.filter((c): c is NoteColumn => c !== false);
}

export function buildDeliveryNote(ctx: DocContext): BuiltDocument {
  const warnings: DocWarning[] = quantityWarnings(ctx.lines);
  const columns = columnsFor(ctx);
  const customer = findCustomer(ctx.u.masters, ctx.customer);
  // Only a customer list that lacks this customer is worth a note; without any list the empty fields speak for themselves.
  if (ctx.u.masters.customers && !customer?.address && ctx.customer !== '')
    warnings.push({ key: 'doc.warn.noCustomerAddress', params: { customer: ctx.customer } });
  const items = headerItems(ctx, 'doc.field.date');
  items.splice(
    4,
    0,
    { labelKey: 'doc.field.address', value: customer?.address || null, wide: true },
    { labelKey: 'doc.field.contact', value: customer?.contact || null },
    { labelKey: 'doc.field.phone', value: customer?.phone || null },
  );
  const { grid, row: headerRow } = startForm(ctx, columns.length, items);
  putTableHeader(grid, ctx.lang, headerRow, columns);

  const amounts = ctx.lines.map(lineAmount);
  let row = headerRow + 1;
  ctx.lines.forEach((l, i) => {
    putTableRow(
      grid,
      row++,
      columns,
      columns.map((c) => c.cell(l, i, amounts[i])),
    );
    if (!ctx.withoutPrices && amounts[i] === null && lineNumber(l, 'quantity') !== null)
      warnings.push({ key: 'doc.warn.noPrice', params: { item: lineText(l, 'item') || `#${l.row}`, row: l.row } });
  });
  const quantity = roundTo(
    ctx.lines.reduce((s, l) => s + (lineNumber(l, 'quantity') ?? 0), 0),
    9,
  );
  const amount =
    ctx.withoutPrices || amounts.some((a) => a === null)
      ? null
      : roundTo(
          amounts.reduce((s: number, a) => s + (a ?? 0), 0),
          2,
        );
  const at = (key: string): number => columns.findIndex((c) => c.key === key) + 1;
  const totals: Record<number, TableValue> = {
    [at('quantity')]: { value: quantity, numberFormat: quantityFormat(quantity) },
  };
  if (!ctx.withoutPrices) totals[at('amount')] = amount;
  putTotalsRow(grid, ctx.lang, row, columns, at('quantity') - 1, totals);
  row += 1;
  putNote(grid, row, `${bilingual(ctx.lang, 'doc.remarks')}:`, { ...VALUE_STYLE, border: 'thin', vAlign: 'top' });
  grid.height(row, 36);
  row += 2;
  row = putSignatureBoxes(grid, ctx.lang, row, ['doc.sign.deliveredBy', 'doc.sign.receivedBy', 'doc.sign.date']);
  putNote(grid, row + 1, bilingual(ctx.lang, 'doc.copies', '\n'), { hAlign: 'center' });
  return {
    spec: grid.toSheetSpec(ctx.sheetName, 'portrait', headerRow),
    totals: { quantity, cartons: null, netWeight: null, grossWeight: null, cbm: null, amount },
    warnings,
  };
}
