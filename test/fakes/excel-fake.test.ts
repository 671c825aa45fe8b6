// The fake keeps Office.js's rules, so adapter tests that pass on it do not pass by accident.
import { ExcelWorkbookPort, type ExcelRun } from '../../src/excel/port';
import { createFakeExcel, FakeOfficeError } from './excel-fake';

describe('excel fake', () => {
  test('reading a property before load + sync throws PropertyNotLoaded', async () => {
    const fx = createFakeExcel([{ name: 'S', values: [[1, 2]] }]);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the fake's context is untyped on purpose
    await fx.run(async (ctx: any) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:B1');
      expect(() => r.values).toThrow(FakeOfficeError);
      r.load('values');
      expect(() => r.values).toThrow(/not available/);
      await ctx.sync();
      expect(r.values).toEqual([[1, 2]]);
      expect(() => r.numberFormat).toThrow(/not available/);
    });
    expect(fx.stats).toMatchObject({ syncs: 1, rangeReads: 1, maxCellsPerRead: 2 });
  });

  test('a sync told to fail part-way stops there: earlier writes stay, later ones never happen', async () => {
    const fx = createFakeExcel([
      {
        name: 'Orders',
        values: [
          ['PO No.', 'Qty'],
          ['PO-1', 1],
        ],
      },
    ]);
    fx.failSync(2, 1);
    const port = new ExcelWorkbookPort(fx.run as ExcelRun, { supports: () => true });
    const err = await port
      .apply([
        {
          kind: 'setValues',
          sheet: 'Orders',
          cells: [
            { address: 'B2', value: 5 },
            { address: 'B3', value: 6 },
          ],
        },
      ])
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'GeneralException' });
    expect(fx.sheetValues('Orders')).toEqual([
      ['PO No.', 'Qty'],
      ['PO-1', 5],
    ]);
  });
});
