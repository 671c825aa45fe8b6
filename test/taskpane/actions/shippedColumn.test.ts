// A delivery note on an order sheet without a shipped column (SPEC 11, issue 14): the shipment is recorded in the
// shipments sheet only, and the pane says that Excel's delay colours on the order sheet do not see it — in its own
// words, naming the pane's control, never the CLI's flag; ticking "Add a shipped column" adds it, filled and logged.

import { readChangeLog } from '../../../src/core/changelog';
import { t } from '../../../src/core/i18n';
import { makeDocuments, readOrders } from '../../../src/taskpane/actions';
import { cellsOf, onXlsxPort } from './helpers';

const CHOICES = { docLang: null, withoutPrices: false, perCustomer: false };

test('recorded in the shipments sheet only: the notice says the delay colours do not see it, and how to add the column', async () => {
  const { port, ctx } = onXlsxPort();
  expect((await readOrders(ctx)).u.order.columns.shippedQty).toBeUndefined();
  port.setSelection('Orders', 'A4');
  const r = await makeDocuments(ctx, 'delivery-note', CHOICES);
  expect(r.docs).toHaveLength(1);
  const said = t('en-US', 'pane.docs.recordOnly', { sheet: 'Shipments' });
  expect(r.notice.details).toContain(said);
  expect(said).toMatch(/delay colours .* do not see it/);
  expect(r.notice.details?.join('\n')).not.toMatch(/--/);
  // The Chinese words say the same, in the one place for both.
  expect(t('zh-CN', 'pane.docs.recordOnly', { sheet: '出货记录' })).toContain('交期颜色');
});

test('ticking "Add a shipped column": the next note adds Shipped Qty right of the table, filled from the record', async () => {
  const { port, ctx } = onXlsxPort();
  port.setSelection('Orders', 'A4');
  await makeDocuments(ctx, 'delivery-note', CHOICES); // row 4: 10 shipped, recorded only
  port.setSelection('Orders', 'A5');
  const r = await makeDocuments(ctx, 'delivery-note', { ...CHOICES, addShippedColumn: true, ship: { 5: 200 } });
  expect(r.docs).toHaveLength(1);
  expect(r.notice.details?.join('\n')).toMatch(/Shipped Qty/);
  expect(r.notice.details?.join('\n')).not.toMatch(/recorded in "Shipments" only/);
  const orders = await cellsOf(port, 'Orders');
  // Header row 3, first empty column right of the table (J): row 4 from the record, row 5 this note's 200.
  expect(orders[2][9]).toBe('Shipped Qty');
  expect(orders[3][9]).toBe(10);
  expect(orders[4][9]).toBe(200);
  expect((await readOrders(ctx)).u.order.columns.shippedQty).toBe(10);
  expect(readChangeLog(await port.read()).filter((e) => e.cell === 'J4' || e.cell === 'J5')).toHaveLength(2);
});
