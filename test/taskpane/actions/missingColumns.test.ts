// Issue 11 in the pane's actions, on the .xlsx port: a sheet whose quantity column has a header no word knows. When
// its content lets inference find it (quantity × price = amount), the column is guessed and the clerk confirms it;
// when nothing can find it, Check is never an all-clear; taking a field for one column says which column lost it.

import * as ExcelJS from 'exceljs';
import { checkOrdersCommand } from '../../../src/commands/commands';
import { readSettings } from '../../../src/core/settings';
import { checkSheet, confirmColumn, mapColumn, readOrders } from '../../../src/taskpane/actions';
import { XlsxWorkbookPort } from '../../../src/xlsx/port';
import { contextOn, TODAY } from './helpers';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * "Orders": header row 1 with 'Menge' (a word no vocabulary lists) as the quantity; with `price`, 'Preis' (unknown
 * too) and 'Amount' hold quantity × price on every line, so both are found from the content; without, the sheet has
 * no price and no amount, and nothing can tell 'Menge' is the quantity.
 */
function book(price: boolean): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Orders');
  ws.getRow(1).values = [
    'Order No.',
    'Customer',
    'Item',
    'Menge',
    ...(price ? ['Preis', 'Amount'] : []),
    'Order Date',
    'Due Date',
  ];
  const lines: [string, string, string, number, number, string, string][] = [
    ['SO-1', 'Acme', 'X-1', 10, 2.5, '2026-11-01', '2026-11-10'],
    ['SO-2', 'Acme', 'X-2', 1200, 2, '2026-11-01', '2026-11-25'],
    ['SO-3', 'Bolt Co', 'X-1', 5, 2.5, '2026-11-02', '2026-12-20'],
    ['SO-4', 'Bolt Co', 'X-3', 40, 3.25, '2026-11-03', '2026-12-01'],
  ];
  lines.forEach(([no, cust, item, qty, p, ordered, due], i) => {
    const row = ws.getRow(2 + i);
    row.values = [no, cust, item, qty, ...(price ? [p, qty * p] : []), day(ordered), day(due)];
    const dateCols = price ? [7, 8] : [5, 6];
    for (const c of dateCols) row.getCell(c).numFmt = 'yyyy-mm-dd';
  });
  return wb;
}

function on(price: boolean, lang: 'en-US' | 'zh-CN' = 'en-US') {
  const port = new XlsxWorkbookPort(book(price));
  return { port, ctx: contextOn(port, lang) };
}

describe('a quantity column no word finds and no content can tell', () => {
  it('Check says the column is missing, never "no problems found", and how to fix it', async () => {
    const { ctx } = on(false);
    const r = await checkSheet(ctx, 'sheet');
    expect(r.missing).toEqual(['quantity']);
    expect(r.notice.intent).toBe('error');
    expect(r.notice.text).toBe(
      'Checked 4 lines, but no Quantity column was found: the result cannot be trusted and late orders may be left out. Choose the column below.',
    );
    expect(r.issues.map((i) => [i.cell, i.code, i.field])).toContainEqual(['A1', 'column.missing', 'quantity']);
  });

  it('in Chinese too', async () => {
    const { ctx } = on(false, 'zh-CN');
    const r = await checkSheet(ctx, 'sheet');
    expect(r.notice.text).toBe(
      '已检查 4 行，但找不到数量列：检查结果不可信，逾期的订单可能没有列出。请在下方为数量选择列。',
    );
  });

  it('the ribbon Check says the same, not an all-clear, and selects the header cell', async () => {
    const { port } = on(false);
    const message = await checkOrdersCommand(port, { today: TODAY, lang: 'en-US' });
    expect(message).toMatch(/^Checked 4 order lines, but no Quantity column was found: /);
    expect(message).not.toMatch(/no problems found/);
    expect(await port.getSelection()).toMatchObject({ sheet: 'Orders' });
  });

  it('picking its column (the mapping control) saves the mapping, and the check is an answer again', async () => {
    const { port, ctx } = on(false);
    const n = await mapColumn(ctx, 4, 'quantity');
    expect(n).toMatchObject({ intent: 'success', lost: null });
    expect(readSettings(await port.read()).columnOverrides).toEqual({ Orders: { D: 'quantity' } });
    const r = await checkSheet(ctx, 'sheet');
    expect(r.missing).toEqual([]);
    expect(r.issues.filter((i) => i.code === 'column.missing')).toEqual([]);
    expect(r.notice.intent).not.toBe('error');
  });
});

describe('columns found from their content', () => {
  it('are guessed (inferred), not silent, and checks run on them', async () => {
    const { ctx } = on(true);
    const { u } = await readOrders(ctx);
    expect(u.order.inferred).toEqual({ quantity: 4, unitPrice: 5 });
    expect(u.order.columns).toMatchObject({ quantity: 4, unitPrice: 5, amount: 6, dueDate: 8 });
    const r = await checkSheet(ctx, 'sheet');
    expect(r.missing).toEqual([]);
  });

  it('Confirm saves the mapping: that mark goes, the other guess stays a guess', async () => {
    const { port, ctx } = on(true);
    expect(await confirmColumn(ctx, 4, 'quantity')).toEqual({
      intent: 'success',
      text: 'Confirmed: column D is Quantity. The setting is kept in the workbook.',
    });
    expect(readSettings(await port.read()).columnOverrides).toEqual({ Orders: { D: 'quantity' } });
    const { u } = await readOrders(ctx);
    expect(u.order.inferred).toEqual({ unitPrice: 5 });
    expect(u.order.columns).toMatchObject({ quantity: 4, unitPrice: 5, amount: 6 });
    await confirmColumn(ctx, 5, 'unitPrice');
    const after = (await readOrders(ctx)).u.order;
    expect(after.inferred).toBeUndefined();
    expect(after.columns).toMatchObject({ quantity: 4, unitPrice: 5, amount: 6 });
  });

  it('a guessed column the clerk sets to "Not used" is not guessed again', async () => {
    const { ctx } = on(true);
    await mapColumn(ctx, 5, null);
    const o = (await readOrders(ctx)).u.order;
    expect(o.columns.unitPrice).toBeUndefined();
    expect(o.headers.find((h) => h.column === 5)?.field).toBeNull();
  });
});

describe('a field taken from another column (issue 11, point 8)', () => {
  it('the notice and the words next to the control name the column that lost it', async () => {
    const { ctx } = on(true);
    const n = await mapColumn(ctx, 6, 'quantity'); // the Amount column takes quantity from the guessed Menge
    expect(n.lost).toEqual({ field: 'quantity', column: 4, header: 'Menge' });
    expect(n.intent).toBe('warning');
    expect(n.nextToControl).toBe('Column D "Menge" no longer holds Quantity.');
    expect(n.text).toBe(
      'Saved: column F → Quantity. The setting is kept in the workbook. Column D "Menge" no longer holds Quantity.',
    );
    expect((await readOrders(ctx)).u.order.columns.quantity).toBe(6);
  });

  it('in Chinese, for a column found by its header words', async () => {
    const { ctx } = on(true, 'zh-CN');
    const n = await mapColumn(ctx, 2, 'orderNo');
    expect(n.nextToControl).toBe('A 列“Order No.”不再是订单号。');
  });
});
