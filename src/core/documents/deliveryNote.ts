// Delivery note 送货单 (SPEC 7): letterhead, number and date, the customer's address / contact / phone from the
// customer master, order numbers and customer POs; per line ordered, this delivery and still owed after it (cartons
// when known, prices unless left out, remarks only when asked); totals with the amount in 大写 in Chinese notes; the
// acceptance line; a signature block where the customer's box is the widest; page x of y; the copy-purpose line —
// or three labelled copies on one sheet, one below the other.

import { amountInCapitals, currencyPrefix, MAX_CAPITALS_AMOUNT } from './capitals';
import {
  AMOUNT_FORMAT,
  headerItems,
  PRICE_FORMAT,
  putFormHead,
  qtyCell,
  type BuiltDocument,
  type DocContext,
  type DocWarning,
} from './context';
import { documentFont } from './font';
import { bilingual } from './labels';
import {
  FormGrid,
  putNote,
  putSignatureBoxes,
  putTableHeader,
  putTableRow,
  putTotalsRow,
  type InfoItem,
  type TableColumn,
  type TableValue,
} from './layout';
import { distinctTexts, findCustomer, roundTo, textCell } from './lines';
import { packingDataFor, splitCartons } from './packing';
import type { ShipLine } from '../shipments/shipNow';

interface NoteColumn extends TableColumn {
  key: string;
  cell: (s: ShipLine, i: number, cartons: number | null) => TableValue;
}

/** Cartons of a line's delivery when its packing data is known (a partial last carton counts as one). */
function cartonsOf(ctx: DocContext, s: ShipLine): number | null {
  const per = packingDataFor(s.line, ctx.u.masters).qtyPerCarton;
  if (per === null) return null;
  const { full, rest } = splitCartons(s.ship, per);
  return full + (rest > 0 ? 1 : 0);
}

function columnsFor(ctx: DocContext, withCartons: boolean): NoteColumn[] {
  const mapped = (f: 'spec') => ctx.u.order.columns[f] !== undefined;
  const cols: (NoteColumn | false)[] = [
    { key: 'lineNo', labelKey: 'doc.col.lineNo', hAlign: 'center', cell: (_s, i) => i + 1 },
    distinctTexts(ctx.lines, 'orderNo').length > 1 && {
      key: 'orderNo',
      labelKey: 'doc.col.orderNo',
      cell: (s) => textCell(s.line, 'orderNo'),
    },
    { key: 'item', labelKey: 'doc.col.item', cell: (s) => textCell(s.line, 'item') },
    { key: 'description', labelKey: 'doc.col.description', wrap: true, cell: (s) => textCell(s.line, 'description') },
    mapped('spec') && { key: 'spec', labelKey: 'doc.col.spec', wrap: true, cell: (s) => textCell(s.line, 'spec') },
    { key: 'unit', labelKey: 'doc.col.unit', hAlign: 'center', cell: (s) => textCell(s.line, 'unit') },
    withCartons && {
      key: 'cartons',
      labelKey: 'doc.col.cartons',
      hAlign: 'right',
      numberFormat: '#,##0',
      cell: (_s, _i, c) => c,
    },
    { key: 'ordered', labelKey: 'doc.col.ordered', hAlign: 'right', cell: (s) => qtyCell(ctx, s.ordered) },
    { key: 'ship', labelKey: 'doc.col.shipNow', hAlign: 'right', cell: (s) => qtyCell(ctx, s.ship) },
    { key: 'owed', labelKey: 'doc.col.owedAfter', hAlign: 'right', cell: (s) => qtyCell(ctx, s.owedAfter) },
    !ctx.withoutPrices && {
      key: 'unitPrice',
      labelKey: 'doc.col.unitPrice',
      hAlign: 'right',
      numberFormat: PRICE_FORMAT,
      cell: (s) => s.unitPrice,
    },
    !ctx.withoutPrices && {
      key: 'amount',
      labelKey: 'doc.col.amount',
      hAlign: 'right',
      numberFormat: AMOUNT_FORMAT,
      cell: (s) => s.amount,
    },
    ctx.remarks && {
      key: 'remarks',
      labelKey: 'doc.col.remarks',
      wrap: true,
      minWidth: 12,
      cell: (s) => textCell(s.line, 'remarks'),
    },
  ];
  return cols.filter((c): c is NoteColumn => c !== false);
}

const sumOrNull = (values: (number | null)[], digits: number): number | null =>
  values.some((v) => v === null)
    ? null
    : roundTo(
        values.reduce((a: number, v) => a + (v ?? 0), 0),
        digits,
      );

export function buildDeliveryNote(ctx: DocContext): BuiltDocument {
  const warnings: DocWarning[] = [];
  const cartons = ctx.ship.map((s) => cartonsOf(ctx, s));
  const columns = columnsFor(
    ctx,
    cartons.some((c) => c !== null),
  );
  const customer = findCustomer(ctx.u.masters, ctx.customer);
  // Only a customer list that lacks this customer is worth a note; without any list the empty fields speak for themselves.
  if (ctx.u.masters.customers && !customer?.address && ctx.customer !== '')
    warnings.push({ key: 'doc.warn.noCustomerAddress', params: { customer: ctx.customer } });
  const items: InfoItem[] = headerItems(ctx, 'doc.field.date');
  items.splice(
    4,
    0,
    { labelKey: 'doc.field.address', value: customer?.address || null, wide: true },
    { labelKey: 'doc.field.contact', value: customer?.contact || null },
    { labelKey: 'doc.field.phone', value: customer?.phone || null },
  );

  const quantity = roundTo(
    ctx.ship.reduce((a, s) => a + s.ship, 0),
    9,
  );
  const amount = ctx.withoutPrices
    ? null
    : sumOrNull(
        ctx.ship.map((s) => s.amount),
        2,
      );
  if (!ctx.withoutPrices && amount === null) warnings.push({ key: 'doc.warn.totalAmountOpen', params: {} });
  const currencies = distinctTexts(ctx.lines, 'currency');
  const prefix = currencies.length > 1 ? null : currencyPrefix(currencies[0] ?? '');
  // Past what capitals can write exactly (a typo of 1e300 in a price), the line is left out, never a wrong text.
  const writable = amount !== null && Math.abs(amount) <= MAX_CAPITALS_AMOUNT;
  const inWords = ctx.lang === 'zh-CN' && writable && prefix !== null ? amountInCapitals(amount, prefix) : null;
  if (ctx.lang === 'zh-CN' && amount !== null && prefix === null)
    warnings.push({ key: 'doc.warn.noCapitals', params: { currency: currencies.join(', ') } });

  const grid = new FormGrid(columns.length);
  const copies = ctx.copies === 3 ? ['doc.copy.1', 'doc.copy.2', 'doc.copy.3'] : [null];
  let row = 1;
  let firstHeader = 0;
  copies.forEach((copyKey, c) => {
    const headerRow = putFormHead(grid, ctx, row, items);
    if (c === 0) firstHeader = headerRow;
    row = putCopy(grid, ctx, headerRow, columns, cartons, { quantity, amount, inWords });
    putNote(
      grid,
      row,
      copyKey ? bilingual(ctx.lang, copyKey) : bilingual(ctx.lang, 'doc.copies', '\n'),
      copyKey ? { hAlign: 'center', bold: true } : { hAlign: 'center', size: 9 },
    );
    row += 2;
  });
  return {
    spec: grid.toSheetSpec(ctx.sheetName, 'portrait', ctx.copies === 3 ? null : firstHeader, {
      font: documentFont(ctx.lang),
      footer: bilingual(ctx.lang, 'doc.footer.page', '    '),
    }),
    totals: {
      quantity,
      cartons: sumOrNull(cartons, 0),
      netWeight: null,
      grossWeight: null,
      cbm: null,
      amount,
    },
    warnings,
  };
}

/** One copy's table, totals, amount in words, acceptance line and signatures; returns the row after them. */
function putCopy(
  grid: FormGrid,
  ctx: DocContext,
  headerRow: number,
  columns: NoteColumn[],
  cartons: (number | null)[],
  totals: { quantity: number; amount: number | null; inWords: string | null },
): number {
  putTableHeader(grid, ctx.lang, headerRow, columns);
  let row = headerRow + 1;
  ctx.ship.forEach((s, i) => {
    putTableRow(
      grid,
      row++,
      columns,
      columns.map((c) => c.cell(s, i, cartons[i])),
    );
  });
  const at = (key: string): number => columns.findIndex((c) => c.key === key) + 1;
  const firstNumber = Math.min(...['cartons', 'ordered'].map(at).filter((n) => n > 0));
  const sums: Record<number, TableValue> = {
    [at('ordered')]: qtyCell(
      ctx,
      sumOrNull(
        ctx.ship.map((s) => s.ordered),
        9,
      ),
    ),
    [at('ship')]: qtyCell(ctx, totals.quantity),
    [at('owed')]: qtyCell(
      ctx,
      sumOrNull(
        ctx.ship.map((s) => s.owedAfter),
        9,
      ),
    ),
  };
  if (at('cartons') > 0) sums[at('cartons')] = sumOrNull(cartons, 0);
  if (at('amount') > 0) sums[at('amount')] = totals.amount;
  putTotalsRow(grid, ctx.lang, row, columns, firstNumber - 1, sums);
  row++;
  if (totals.inWords) {
    grid.merge(row, 1, 2, bilingual(ctx.lang, 'doc.amountInWords'), {
      bold: true,
      border: 'thin',
      vAlign: 'middle',
      wrap: true,
    });
    grid.merge(row, 3, grid.columns, totals.inWords, { border: 'thin', vAlign: 'middle', bold: true });
    row++;
  }
  putNote(grid, row, bilingual(ctx.lang, 'doc.accepted', '  '), { vAlign: 'middle' });
  grid.height(row, 20);
  row += 1;
  row = putSignatureBoxes(
    grid,
    ctx.lang,
    row,
    ['doc.sign.receiver', 'doc.sign.deliveredBy', 'doc.sign.preparedBy', 'doc.sign.date'],
    [5, 2, 2, 2],
    48,
  );
  return row;
}
