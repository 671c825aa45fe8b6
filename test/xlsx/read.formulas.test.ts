// The .xlsx reader records which cells hold formulas (values carry only their cached results).
import * as ExcelJS from 'exceljs';
import { readWorkbookBuffer } from '../../src/xlsx/exceljs';

async function snapshotOf(book: ExcelJS.Workbook) {
  const buf = await book.xlsx.writeBuffer();
  return (await readWorkbookBuffer(new Uint8Array(buf as ArrayBuffer), 'test.xlsx')).snapshot;
}

describe('formula cells in the xlsx snapshot', () => {
  test('own and shared formulas, as runs down each column; values are the cached results', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Orders');
    ws.addRow(['Qty', 'Price', 'Amount', 'Due']);
    ws.addRow([
      2,
      3,
      { formula: 'A2*B2', result: 6 },
      { formula: 'TEXT(DATE(2026,12,5),"yyyy-mm-dd")', result: '2026-12-05' },
    ]);
    ws.addRow([4, 5, { sharedFormula: 'C2', result: 20 }, 'typed']);
    ws.addRow([6, 7, 42, null]);
    ws.addRow([8, 9, { formula: 'A5*B5', result: 72 }, null]);
    ws.getCell('C2').value = { formula: 'A2*B2', result: 6, shareType: 'shared', ref: 'C2:C3' } as ExcelJS.CellValue;
    const s = (await snapshotOf(book)).sheets[0];
    expect(s.formulaCells).toEqual(['C2:C3', 'C5', 'D2']);
    expect(s.values[1]).toEqual([2, 3, 6, '2026-12-05']);
    expect(s.values[2]).toEqual([4, 5, 20, 'typed']);
  });

  test('a sheet without formulas has no formulaCells', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Plain').addRow(['Qty', 5]);
    expect((await snapshotOf(book)).sheets[0].formulaCells).toBeUndefined();
  });
});
