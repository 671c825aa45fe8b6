// The fake keeps Office.js's rules, so adapter tests that pass on it do not pass by accident.
import { ExcelWorkbookPort, type ExcelRun } from '../../src/excel/port';
import { createFakeExcel, FakeOfficeError } from './excel-fake';

/** The fake's request context is untyped on purpose: tests drive it the way Office.js code does. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type FakeCtx = any;

describe('excel fake', () => {
  test("change events: handlers added in a sync; the add-in's writes raise onChanged (ThisLocalAddin) when that sync ends, the clerk's edits RangeEdited (Unknown), inserted rows RowInserted; getItem takes an id", async () => {
    const fx = createFakeExcel([{ name: 'S', values: [[1, 2]] }]);
    const seen: { changeType: string; triggerSource: string; address: string; worksheetId: string }[] = [];
    let id = '';
    await fx.run(async (ctx: FakeCtx) => {
      ctx.workbook.worksheets.onChanged.add(async (e: (typeof seen)[number]) => {
        seen.push(e);
      });
      const ws = ctx.workbook.worksheets.getItem('S').load('id');
      await ctx.sync();
      id = ws.id;
      ctx.workbook.worksheets.getItem(id).getRange('B1').values = [[3]];
      expect(seen).toHaveLength(0);
      await ctx.sync();
    });
    expect(seen).toEqual([
      expect.objectContaining({
        changeType: 'RangeEdited',
        triggerSource: 'ThisLocalAddin',
        address: 'B1',
        worksheetId: id,
      }),
    ]);
    await fx.clerkEdit('S', 'A2', [[7]]);
    await fx.clerkEdit('S', 'A3', [[8]], { silent: true });
    await fx.clerkInsertRows('S', 1, 1);
    expect(seen.slice(1).map((e) => [e.changeType, e.triggerSource, e.address])).toEqual([
      ['RangeEdited', 'Unknown', 'A2'],
      ['RowInserted', 'Unknown', '1:1'],
    ]);
    expect(fx.sheetValues('S')).toEqual([
      [null, null],
      [1, 3],
      [7, null],
      [8, null],
    ]);
  });

  test('reading a property before load + sync throws PropertyNotLoaded', async () => {
    const fx = createFakeExcel([{ name: 'S', values: [[1, 2]] }]);
    await fx.run(async (ctx: FakeCtx) => {
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

describe('excel fake: documented behaviours', () => {
  test('payloads are counted in UTF-8 bytes: a Chinese character is 3', async () => {
    const fx = createFakeExcel([{ name: 'S', values: [[null]] }]);
    await fx.run(async (ctx: FakeCtx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [['订单'.repeat(1000)]];
      await ctx.sync();
    });
    expect(fx.stats.perSync[0].requestBytes).toBeGreaterThanOrEqual(6000);
    fx.resetStats();
    await fx.run(async (ctx: FakeCtx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').load('values');
      await ctx.sync();
    });
    expect(fx.stats.perSync[0].responseBytes).toBeGreaterThanOrEqual(6000);
  });

  test('a table over a header row renames blank, duplicate and number headers, and refuses merged cells', async () => {
    const fx = createFakeExcel([
      {
        name: 'S',
        values: [
          ['Qty', null, 'Qty', 2026],
          [1, 2, 3, 4],
        ],
      },
      {
        name: 'M',
        values: [
          ['a', 'b'],
          [1, 2],
        ],
        merges: ['A1:B1'],
      },
    ]);
    await fx.run(async (ctx: FakeCtx) => {
      ctx.workbook.worksheets.getItem('S').tables.add('A1:D2', true);
      await ctx.sync();
    });
    expect(fx.sheetValues('S')[0]).toEqual(['Qty', 'Column2', 'Qty2', '2026']);
    const err = await fx
      .run(async (ctx: FakeCtx) => {
        ctx.workbook.worksheets.getItem('M').tables.add('A1:B2', true);
        await ctx.sync();
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'InvalidOperation' });
  });

  test.each([['History'], ["'quoted"], ['a/b'], ['x'.repeat(32)], ['  '], ['s']])(
    'a sheet named %j is refused when it breaks Excel’s rules or exists',
    async (name) => {
      const fx = createFakeExcel([{ name: 'S', values: [[1]] }]);
      const err = await fx
        .run(async (ctx: FakeCtx) => {
          ctx.workbook.worksheets.add(name);
          await ctx.sync();
        })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FakeOfficeError);
    },
  );

  test('a refused request runs nothing; Office.js batches are not transactional otherwise', async () => {
    const fx = createFakeExcel([{ name: 'S', values: [[1]] }], { payloadLimitBytes: 1000 });
    const err = await fx
      .run(async (ctx: FakeCtx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[2]];
        ctx.workbook.worksheets.getItem('S').getRange('B1').values = [['x'.repeat(2000)]];
        await ctx.sync();
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fx.sheetValues('S')).toEqual([[1]]);
  });
});
