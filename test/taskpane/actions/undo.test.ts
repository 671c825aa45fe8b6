// Undo: the last fix goes back from the change log, and the undo is logged too.

import { readChangeLog } from '../../../src/core/changelog';
import { checkSheet, fixIssues, undoLastFix } from '../../../src/taskpane/actions';
import { cellsOf, onXlsxPort } from './helpers';

test('puts the old text back as text, logs the undo, and then has nothing left to undo', async () => {
  const { port, ctx } = onXlsxPort();
  expect(await undoLastFix(ctx)).toEqual({
    intent: 'info',
    text: 'Nothing to undo: no cell has been fixed in this workbook yet.', // no log sheet to name
  });
  const before = await cellsOf(port, 'Orders');
  await fixIssues(ctx, (await checkSheet(ctx, 'sheet')).issues);
  expect(await undoLastFix(ctx)).toEqual({ intent: 'success', text: 'Restored the old values of 2 cells.' });
  expect(await cellsOf(port, 'Orders')).toEqual(before);
  expect(readChangeLog(await port.read()).map((r) => r.action)).toEqual(['fix', 'fix', 'undo', 'undo']);
  expect(await undoLastFix(ctx)).toEqual({ intent: 'info', text: 'The "Change log" sheet has no fix to undo.' });
});
