// The Office.js reader records formula cells (getSpecialCellsOrNullObject('Formulas')) without an extra sync.
import { ExcelWorkbookPort, type ExcelRun } from '../../src/excel/port';
import { createFakeExcel } from '../fakes/excel-fake';

const portOn = (fx: ReturnType<typeof createFakeExcel>) =>
  new ExcelWorkbookPort(fx.run as ExcelRun, { supports: () => true });

describe('formula cells in the Excel snapshot', () => {
  test('formula areas without the sheet name; cached text results as values; still three syncs', async () => {
    const fx = createFakeExcel([
      {
        name: 'My Orders',
        values: [
          ['Order No.', 'Qty', 'Amount', 'Due'],
          ['SO-1', '1,200', 2400, '2026-12-05'],
          ['SO-2', 5, 10, null],
        ],
        formulas: { B2: '=TEXT(1200,"#,##0")', C2: '=B2*2', C3: '=B3*2', D2: '=TEXT(DATE(2026,12,5),"yyyy-mm-dd")' },
      },
      { name: 'Plain', values: [['x', 1]] },
      { name: 'Empty', values: [] },
    ]);
    const wb = await portOn(fx).read();
    const [orders, plain, empty] = wb.sheets;
    expect(orders.formulaCells).toEqual(['B2', 'C2:C3', 'D2']);
    expect(orders.values[1]).toEqual(['SO-1', '1,200', 2400, '2026-12-05']);
    expect(plain.formulaCells).toBeUndefined();
    expect(empty.formulaCells).toBeUndefined();
    expect(fx.stats.syncs).toBe(3);
  });
});
