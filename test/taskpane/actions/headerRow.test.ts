// First run: the clerk points at the header row of a sheet the add-in did not recognise.

import * as ExcelJS from 'exceljs';
import { readSettings } from '../../../src/core/settings';
import { buildSampleWorkbook, ODD_HEADER_ROW } from '../../../src/demo/sampleWorkbook';
import { pickHeaderRow, readOrders } from '../../../src/taskpane/actions';
import { XlsxWorkbookPort } from '../../../src/xlsx/port';
import { contextOn, TODAY } from './helpers';

test('a header row below the rows the add-in scans: saved, and the lines are found', async () => {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Long');
  ws.getCell('A1').value = 'Notes on this order book';
  ws.getRow(60).values = ['Order No.', 'Item', 'Qty', 'Due Date'];
  ws.getRow(61).values = ['SO-1', 'X-1', 5, 46400];
  ws.getRow(62).values = ['SO-2', 'X-2', 6, 46401];
  const port = new XlsxWorkbookPort(book);
  const ctx = contextOn(port);
  await expect(readOrders(ctx)).rejects.toMatchObject({ code: 'noOrderTable' });
  port.setSelection('Long', 'A60:D60');
  expect(await pickHeaderRow(ctx)).toEqual({
    notice: { intent: 'success', text: 'Row 60 of "Long" is now the header row: 2 order lines found.' },
    sheet: 'Long',
  });
  expect(readSettings(await port.read()).headerRowOverrides).toEqual({ Long: 60 });
  expect((await readOrders({ ...ctx, sheet: 'Long' })).u.order.dataRows).toEqual([61, 62]);
});

test("the demo's odd sheet, whose header words the add-in only partly knows: saved, and its lines found", async () => {
  const port = new XlsxWorkbookPort(buildSampleWorkbook(TODAY, { kind: 'odd' }));
  const sheet = port.activeSheet()!;
  port.setSelection(sheet, `A${ODD_HEADER_ROW}:F${ODD_HEADER_ROW}`);
  const r = await pickHeaderRow(contextOn(port));
  expect(r.notice).toEqual({
    intent: 'success',
    text: `Row ${ODD_HEADER_ROW} of "${sheet}" is now the header row: 8 order lines found.`,
  });
  expect(readSettings(await port.read()).headerRowOverrides).toEqual({ [sheet]: ODD_HEADER_ROW });
});

test('nothing selected', async () => {
  const port = new XlsxWorkbookPort(buildSampleWorkbook(TODAY, { kind: 'odd' }));
  await expect(pickHeaderRow(contextOn(port))).rejects.toMatchObject({ code: 'noRowsSelected' });
});

test('a row of words that name no field: saved, and the clerk is told no order lines were found', async () => {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Notes');
  ws.getRow(2).values = ['Who', 'What', 'When'];
  ws.getRow(3).values = ['Li', 'call', 'Monday'];
  const port = new XlsxWorkbookPort(book);
  port.setSelection('Notes', 'A2:C2');
  const r = await pickHeaderRow(contextOn(port));
  expect(r.notice.intent).toBe('warning');
  expect(readSettings(await port.read()).headerRowOverrides).toEqual({ Notes: 2 });
});
