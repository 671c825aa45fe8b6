// Column mapping: the clerk's choice is kept in the workbook's settings and the sheet is understood with it.

import { readSettings } from '../../../src/core/settings';
import { readOrders, mapColumn } from '../../../src/taskpane/actions';
import { onXlsxPort } from './helpers';

test('a column taken out of the mapping, and a field moved to another column', async () => {
  const { port, ctx } = onXlsxPort();
  expect(await mapColumn(ctx, 9, null)).toMatchObject({
    intent: 'success',
    text: 'Saved: column I → Not used. The setting is kept in the workbook.',
    lost: null,
  });
  expect(readSettings(await port.read()).columnOverrides).toEqual({ Orders: { I: null } });
  expect((await readOrders(ctx)).u.order.columns.status).toBeUndefined();
  await mapColumn(ctx, 2, 'remarks');
  expect((await readOrders(ctx)).u.order.columns).toMatchObject({ remarks: 2 });
  expect((await readOrders(ctx)).u.order.columns.customer).toBeUndefined();
});
