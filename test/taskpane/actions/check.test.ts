// Check (pane and ribbon): the issues of the whole sheet or of the selected lines, a notice with the counts, and
// not one cell changed.

import { OrderClerkError } from '../../../src/core/errors';
import { checkSheet } from '../../../src/taskpane/actions';
import { cellsOf, onXlsxPort } from './helpers';

test('the whole sheet: each problem with its cell, counts in the notice, the workbook unchanged', async () => {
  const { port, ctx } = onXlsxPort();
  const before = await cellsOf(port, 'Orders');
  const r = await checkSheet(ctx, 'sheet');
  expect(r.issues.map((i) => `${i.cell} ${i.code}`)).toEqual(['D5 text.number', 'H5 text.date', 'D7 number.invalid']);
  expect(r.rows).toBeNull();
  expect(r.notice).toEqual({ intent: 'warning', text: 'Checked 4 lines: 1 error, 2 fixable, 0 warnings.' });
  expect(await cellsOf(port, 'Orders')).toEqual(before);
});

test("the selected lines only (a pasted PO), in the clerk's language", async () => {
  const { port, ctx } = onXlsxPort();
  port.setSelection('Orders', 'A6:I7');
  const r = await checkSheet({ ...ctx, lang: 'zh-CN' }, 'selection');
  expect(r.rows).toEqual([6, 7]);
  expect(r.issues.map((i) => i.cell)).toEqual(['D7']);
  expect(r.notice).toEqual({ intent: 'warning', text: '已检查 2 行：1 个错误，0 个可修正，0 个提醒。' });
});

test('a clean selection is a success; no selected order line is an error the clerk can act on', async () => {
  const { port, ctx } = onXlsxPort();
  port.setSelection('Orders', 'A4:I4');
  expect((await checkSheet(ctx, 'selection')).notice).toEqual({
    intent: 'success',
    text: 'Checked 1 line: no problems found.',
  });
  port.setSelection('Orders', 'A1:C2');
  await expect(checkSheet(ctx, 'selection')).rejects.toMatchObject({ code: 'noRowsSelected' });
  port.clearSelection();
  await expect(checkSheet(ctx, 'selection')).rejects.toBeInstanceOf(OrderClerkError);
});
