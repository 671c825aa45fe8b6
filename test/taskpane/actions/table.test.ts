// Make table, through both adapters: the order lines become a table, or the clerk's table grows over them, as core
// decides; when that would change a header cell nothing is written and the clerk is told why. The case:
// table "Mine" on A1:A3, a blank B1, headers in C1:D1 — every clerk cell stays as it was, and so does Mine.

import * as ExcelJS from 'exceljs';
import type { CellValue } from '../../../src/core/types';
import { ExcelWorkbookPort, type ExcelRun } from '../../../src/excel/port';
import { makeTable } from '../../../src/taskpane/actions';
import { applyEditsToPackage } from '../../../src/xlsx/package/writer';
import { XlsxWorkbookPort } from '../../../src/xlsx/port';
import { writeWorkbookBuffer } from '../../../src/xlsx/write';
import { createFakeExcel } from '../../fakes/excel-fake';
import { cellsOf, contextOn, onXlsxPort, sheetOf } from './helpers';

test('the order lines become table OrderLines over the header row and the lines; again, it is kept', async () => {
  const { port, ctx } = onXlsxPort();
  const before = await cellsOf(port, 'Orders');
  expect(await makeTable(ctx)).toEqual({
    intent: 'success',
    text: 'The order lines are now table OrderLines. No value was changed.',
  });
  expect(sheetOf(await port.read(), 'Orders').tables).toEqual([{ name: 'OrderLines', range: 'A3:I7' }]);
  expect((await makeTable(ctx)).intent).toBe('success');
  expect(sheetOf(await port.read(), 'Orders').tables).toEqual([{ name: 'OrderLines', range: 'A3:I7' }]);
  expect(await cellsOf(port, 'Orders')).toEqual(before);
});

/** The sheet: "Mine" on A1:A3; B1 blank unless given. */
function mineGrid(b1: string | null): CellValue[][] {
  return [
    ['Item', b1, 'Qty', 'Due Date'],
    ['X-1', 'a', 5, 46400],
    ['X-2', 'b', 6, 46401],
  ];
}

async function onXlsx(grid: CellValue[][]): Promise<XlsxWorkbookPort> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Orders');
  grid.forEach((r, i) => (ws.getRow(i + 1).values = r as ExcelJS.CellValue[]));
  // As a clerk's file: the table made in the package, then the file opened.
  const { bytes } = await applyEditsToPackage(await writeWorkbookBuffer(book), [
    { kind: 'ensureTable', sheet: 'Orders', range: 'A1:A3', name: 'Mine', mode: 'create' },
  ]);
  return XlsxWorkbookPort.open(bytes);
}

function onExcel(grid: CellValue[][], canResize = true) {
  const fx = createFakeExcel([{ name: 'Orders', values: grid, tables: [{ name: 'Mine', range: 'A1:A3' }] }]);
  const supports = (v: string) => canResize || v !== '1.13';
  return { fx, port: new ExcelWorkbookPort(fx.run as ExcelRun, { supports }) };
}

const REFUSAL =
  'Table Mine was left as it is (A1:A3) and does not cover every order line: the header is empty in B1. Excel would rewrite those header cells when growing the table; correct the headers, then make the table again.';

describe('the issue\'s case: table "Mine" on A1:A3, blank B1, headers C1:D1', () => {
  test('.xlsx: nothing written, every cell and the table as they were, and the clerk told why', async () => {
    const port = await onXlsx(mineGrid(null));
    const before = await port.read();
    await expect(makeTable(contextOn(port))).rejects.toThrow(REFUSAL);
    const after = await port.read();
    expect(sheetOf(after, 'Orders').values).toEqual(sheetOf(before, 'Orders').values);
    expect(sheetOf(after, 'Orders').tables).toEqual([{ name: 'Mine', range: 'A1:A3' }]);
    expect(port.workbook.getWorksheet('Orders')!.getCell('B1').value).toBeNull();
  });

  test('Excel: nothing written, every cell and the table as they were, and the clerk told why', async () => {
    const { fx, port } = onExcel(mineGrid(null));
    await expect(makeTable(contextOn(port))).rejects.toThrow(REFUSAL);
    expect(fx.sheetValues('Orders')).toEqual(mineGrid(null));
    expect(fx.sheet('Orders').tables).toEqual([{ name: 'Mine', range: 'A1:A3' }]);
    expect(fx.stats.writes).toBe(0);
  });

  test('with a header in B1, Mine grows over A1:D3 through both adapters, no cell changed', async () => {
    const xlsx = await onXlsx(mineGrid('Remarks'));
    expect(await makeTable(contextOn(xlsx))).toEqual({
      intent: 'success',
      text: 'The order lines are now table Mine. No value was changed.',
    });
    const read = sheetOf(await xlsx.read(), 'Orders');
    expect(read.tables).toEqual([{ name: 'Mine', range: 'A1:D3' }]);
    expect(read.values).toEqual(mineGrid('Remarks'));
    const { fx, port } = onExcel(mineGrid('Remarks'));
    expect((await makeTable(contextOn(port))).intent).toBe('success');
    expect(fx.sheet('Orders').tables).toEqual([{ name: 'Mine', range: 'A1:D3' }]);
    expect(fx.sheetValues('Orders')).toEqual(mineGrid('Remarks'));
  });

  test('an Excel without Table.resize (before ExcelApi 1.13) leaves Mine and says so', async () => {
    const { fx, port } = onExcel(mineGrid('Remarks'), false);
    expect(await makeTable(contextOn(port))).toEqual({
      intent: 'warning',
      text: 'Table Mine was left at A1:A3: this version of Excel cannot resize a table (that needs ExcelApi 1.13), so the order lines outside it are not in the table. Resize it in Excel (Table Design › Resize Table), or update Excel.',
    });
    expect(fx.sheet('Orders').tables).toEqual([{ name: 'Mine', range: 'A1:A3' }]);
    expect(fx.sheetValues('Orders')).toEqual(mineGrid('Remarks'));
  });
});
