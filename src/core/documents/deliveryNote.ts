// Delivery note 送货单 (SPEC 7): letterhead, number and date, the customer's address / contact / phone from the
// customer master, order numbers and customer POs; per line ordered, this delivery and still owed after it (cartons
// when known, prices unless left out, remarks only when asked); totals with the amount in 大写 in Chinese notes; the
// acceptance line; a signature block where the customer's box is the widest; page x of y; the copy-purpose line —
// or three labelled copies on one sheet, one below the other; past one page each copy starts a page and a long table
// repeats its header row on every page it runs onto (pages.ts).

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
import { pageHeightPoints, rowsHeight, tablePageStarts } from './pages';
import type { SheetSpec } from '../edits';
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

  const draw = (pageStarts: number[]) =>
    drawNote(ctx, columns, cartons, items, { quantity, amount, inWords }, pageStarts);
  const print = { font: documentFont(ctx.lang), footer: bilingual(ctx.lang, 'doc.footer.page', '    ') };
  let note = draw([]);
  let spec = note.grid.toSheetSpec(ctx.sheetName, 'portrait', ctx.copies === 3 ? null : note.copies[0].header, print);
  if (ctx.copies === 3) {
    const paged = pageThreeCopies(spec, note, draw);
    note = paged.note;
    if (paged.breaks.length) {
      spec = note.grid.toSheetSpec(ctx.sheetName, 'portrait', null, print);
      spec.pageSetup.rowBreaks = paged.breaks;
    }
  }
  return {
    spec,
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

/**
 * Three copies on printed pages: a copy never starts where it would not fit what is left of a page (short notes share
 * pages, copies whole); a copy longer than a page starts its own, and its table breaks with the header row repeated on
 * each page it runs onto (print titles cannot do this: one range per sheet would print the first copy's header above
 * the second copy's letterhead). Returns the note (redrawn when its tables break) and its manual breaks.
 */
function pageThreeCopies(
  spec: SheetSpec,
  first: { grid: FormGrid; copies: CopyRows[] },
  draw: (pageStarts: number[]) => { grid: FormGrid; copies: CopyRows[] },
): { note: { grid: FormGrid; copies: CopyRows[] }; breaks: number[] } {
  const page = pageHeightPoints(spec);
  const c = first.copies[0];
  const copyHeight = rowsHeight(spec, c.top, c.end);
  if (copyHeight > page) {
    const lastLine = c.lines[c.lines.length - 1];
    const note = draw(
      tablePageStarts({
        page,
        head: rowsHeight(spec, c.top, c.header - 1),
        header: rowsHeight(spec, c.header, c.header),
        lines: c.lines.map((r) => rowsHeight(spec, r, r)),
        tail: rowsHeight(spec, lastLine + 1, c.end),
      }),
    );
    const breaks = [...note.copies.slice(1).map((x) => x.top), ...note.copies.flatMap((x) => x.breaks)];
    return { note, breaks: breaks.sort((a, b) => a - b) };
  }
  const breaks: number[] = [];
  let used = 0;
  first.copies.forEach((x, i) => {
    const h = rowsHeight(spec, x.top, x.end);
    const gap = i > 0 ? rowsHeight(spec, x.top - 1, x.top - 1) : 0;
    if (i > 0 && used + gap + h > page) {
      breaks.push(x.top);
      used = h;
    } else used += gap + h;
  });
  return { note: first, breaks };
}

/** Where one copy of the note sits in its sheet. */
interface CopyRows {
  /** Its first row (letterhead or title). */
  top: number;
  header: number;
  /** The row of each line. */
  lines: number[];
  /** Its copy-purpose line, the last row of the copy. */
  end: number;
  /** Rows where a new page starts with the header repeated. */
  breaks: number[];
}

interface NoteTotals {
  quantity: number;
  amount: number | null;
  inWords: string | null;
}

/** The note's grid: one form, or three labelled copies one below the other, tables broken before `pageStarts`. */
function drawNote(
  ctx: DocContext,
  columns: NoteColumn[],
  cartons: (number | null)[],
  items: InfoItem[],
  totals: NoteTotals,
  pageStarts: number[],
): { grid: FormGrid; copies: CopyRows[] } {
  const grid = new FormGrid(columns.length);
  const labels = ctx.copies === 3 ? ['doc.copy.1', 'doc.copy.2', 'doc.copy.3'] : [null];
  const copies: CopyRows[] = [];
  let row = 1;
  labels.forEach((copyKey) => {
    const top = row;
    const header = putFormHead(grid, ctx, row, items);
    const copy: CopyRows = { top, header, lines: [], end: 0, breaks: [] };
    row = putCopy(grid, ctx, copy, columns, cartons, totals, pageStarts);
    putNote(
      grid,
      row,
      copyKey ? bilingual(ctx.lang, copyKey) : bilingual(ctx.lang, 'doc.copies', '\n'),
      copyKey ? { hAlign: 'center', bold: true } : { hAlign: 'center', size: 9 },
    );
    copy.end = row;
    copies.push(copy);
    row += 2;
  });
  return { grid, copies };
}

/**
 * One copy's table (its header repeated on each page that starts at a line of `pageStarts`), totals, amount in words,
 * acceptance line and signatures; returns the row after them.
 */
function putCopy(
  grid: FormGrid,
  ctx: DocContext,
  copy: CopyRows,
  columns: NoteColumn[],
  cartons: (number | null)[],
  totals: NoteTotals,
  pageStarts: number[],
): number {
  putTableHeader(grid, ctx.lang, copy.header, columns);
  let row = copy.header + 1;
  ctx.ship.forEach((s, i) => {
    if (pageStarts.includes(i)) {
      copy.breaks.push(row);
      putTableHeader(grid, ctx.lang, row++, columns);
    }
    copy.lines.push(row);
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
