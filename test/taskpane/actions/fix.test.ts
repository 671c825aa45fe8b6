// Fix: numbers and dates typed as text become real ones, each old value logged first; fixing again changes nothing.

import { readChangeLog } from '../../../src/core/changelog';
import { isoToSerial } from '../../../src/core/dates';
import { checkSheet, fixIssues, fixTextDates } from '../../../src/taskpane/actions';
import { cellsOf, onXlsxPort } from './helpers';

test('fix all: the text quantity and due date become a number and a date, logged, and a second run finds nothing', async () => {
  const { port, ctx } = onXlsxPort();
  const fixable = (await checkSheet(ctx, 'sheet')).issues.filter((i) => i.severity === 'fixable');
  expect(await fixIssues(ctx, fixable)).toEqual({
    intent: 'success',
    text: 'Fixed 2 cells. The old values are in the "Change log" sheet, so you can undo.',
  });
  const orders = await cellsOf(port, 'Orders');
  expect([orders[4][3], orders[4][7]]).toEqual([1200, isoToSerial('2026-11-25')]);
  expect(orders[6][3]).toBe('TBD'); // an error is not a fix
  expect(readChangeLog(await port.read()).map((r) => [r.cell, r.old, r.new])).toEqual([
    ['D5', '1,200', 1200],
    ['H5', '2026/11/25', '2026-11-25'],
  ]);
  expect(await fixIssues(ctx, fixable)).toEqual({ intent: 'info', text: 'There is nothing to fix.' });
  expect(readChangeLog(await port.read())).toHaveLength(2);
});

test('a cell the clerk retyped since the check is left alone, and the notice says so', async () => {
  const { port, ctx } = onXlsxPort();
  const fixable = (await checkSheet(ctx, 'sheet')).issues.filter((i) => i.severity === 'fixable');
  port.workbook.getWorksheet('Orders')!.getCell('D5').value = '1,300';
  expect(await fixIssues(ctx, fixable)).toEqual({
    intent: 'warning',
    text: 'Fixed 1 cell; 1 could not be fixed (it may have changed). Check again.',
  });
  expect((await cellsOf(port, 'Orders'))[4][3]).toBe('1,300');
});

test('fix text dates: only the due dates typed as text, not the text quantity', async () => {
  const { port, ctx } = onXlsxPort();
  expect((await fixTextDates(ctx)).intent).toBe('success');
  const orders = await cellsOf(port, 'Orders');
  expect([orders[4][3], orders[4][7]]).toEqual(['1,200', isoToSerial('2026-11-25')]);
});
