import { ExcelWorkbookPort, type ExcelRun } from '../../src/excel/port';
import { rowsOfAreas } from '../../src/excel/selection';
import { createFakeExcel } from '../fakes/excel-fake';

const grid = Array.from({ length: 20 }, (_, i) => [`r${i + 1}`, i]);

describe('selection', () => {
  test('getSelection lists the rows of every area, clipped to the used range', async () => {
    const fx = createFakeExcel([
      { name: 'Orders', values: grid },
      { name: 'Other', values: [[1]] },
    ]);
    const port = new ExcelWorkbookPort(fx.run as ExcelRun, { supports: () => true });
    expect(await port.getSelection()).toBeNull();
    fx.setSelection('Orders', 'A5:B6,A9,C:C');
    expect(await port.getSelection()).toEqual({
      sheet: 'Orders',
      address: 'A5:B6,A9,C:C',
      rows: Array.from({ length: 20 }, (_, i) => i + 1),
    });
    fx.setSelection('Orders', 'A5:B6,A9');
    expect(await port.getSelection()).toEqual({ sheet: 'Orders', address: 'A5:B6,A9', rows: [5, 6, 9] });
    expect(fx.stats.syncs).toBe(3);
  });

  test('select activates the sheet and selects the first area', async () => {
    const fx = createFakeExcel([
      { name: 'Orders', values: grid },
      { name: 'Docs', values: [[1]] },
    ]);
    const port = new ExcelWorkbookPort(fx.run as ExcelRun, { supports: () => true });
    await port.select('Docs', 'B3:C4,E5');
    expect(fx.active?.name).toBe('Docs');
    expect(fx.selection).toEqual({ sheet: 'Docs', address: 'B3:C4' });
  });

  test('onSelectionChanged calls the listener until unsubscribed', async () => {
    const fx = createFakeExcel([{ name: 'Orders', values: grid }]);
    const port = new ExcelWorkbookPort(fx.run as ExcelRun, { supports: () => true });
    let calls = 0;
    const off = port.onSelectionChanged(() => calls++);
    await new Promise((r) => setTimeout(r, 0));
    await fx.fireSelectionChanged();
    expect(calls).toBe(1);
    off();
    await new Promise((r) => setTimeout(r, 0));
    await fx.fireSelectionChanged();
    expect(calls).toBe(1);
    expect(fx.selectionHandlers.size).toBe(0);
  });

  test('rowsOfAreas merges and sorts', () => {
    expect(
      rowsOfAreas(
        [
          { rowIndex: 8, rowCount: 2 },
          { rowIndex: 4, rowCount: 1 },
          { rowIndex: 8, rowCount: 1 },
        ],
        1,
        100,
      ),
    ).toEqual([5, 9, 10]);
  });
});
