// office-addin-mock: the load-before-read rule on a simple property. The mock does not throw; an unloaded or
// unsynced property reads as an error *string*, which is what these tests pin down.

import { OfficeMockObject } from 'office-addin-mock';

const model = {
  context: {
    workbook: {
      worksheets: {
        getActiveWorksheet: function () {
          return this.activeSheet;
        },
        activeSheet: { name: 'Orders', visibility: 'Visible' },
      },
    },
  },
  run: async function (batch: (ctx: unknown) => Promise<unknown>) {
    return batch(this.context);
  },
};

describe('office-addin-mock load-before-read', () => {
  test('a property reads as an error string until it is loaded and synced', async () => {
    const excel = new OfficeMockObject(model) as unknown as {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- office-addin-mock's context is untyped
      run: (b: (ctx: any) => Promise<unknown>) => Promise<unknown>;
    };
    const seen: unknown[] = [];
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      seen.push(ws.name); // not loaded
      ws.load('name');
      seen.push(ws.name); // loaded, not synced
      await ctx.sync();
      seen.push(ws.name); // loaded and synced
      seen.push(ws.visibility); // never loaded
    });
    expect(seen).toEqual([
      'Error, property was not loaded',
      'Error, context.sync() was not called',
      'Orders',
      'Error, property was not loaded',
    ]);
  });
});
