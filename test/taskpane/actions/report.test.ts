// Weekly report: a new sheet of the overdue lines, named in the notice; the order sheet unchanged.

import { writeOverdueReport } from '../../../src/taskpane/actions';
import { cellsOf, onXlsxPort } from './helpers';

test('writes a new report sheet each time and names it', async () => {
  const { port, ctx } = onXlsxPort();
  const before = await cellsOf(port, 'Orders');
  const first = await writeOverdueReport(ctx);
  expect(first.notice).toEqual({ intent: 'success', text: `Created "${first.sheet}": 1 overdue lines.` });
  expect(port.workbook.getWorksheet(first.sheet)).toBeDefined();
  const second = await writeOverdueReport(ctx);
  expect(second.sheet).not.toBe(first.sheet);
  expect(await cellsOf(port, 'Orders')).toEqual(before);
});
