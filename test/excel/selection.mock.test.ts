// Selecting a range (src/excel/selection.ts) on office-addin-mock, Microsoft's mock of the Office.js object model:
// the sheet is activated and only the first area selected (Range.select takes one area before ExcelApi 1.18), by
// its address without the sheet name, in one sync.

import { OfficeMockObject } from 'office-addin-mock';
import { selectRange } from '../../src/excel/selection';

function excelRecording(calls: string[]) {
  const model = {
    context: {
      workbook: {
        worksheets: {
          getItem: (name: string) => ({
            activate: () => calls.push(`activate ${name}`),
            getRange: (address: string) => ({ select: () => calls.push(`select ${name}!${address}`) }),
          }),
        },
      },
      sync: async () => {
        calls.push('sync');
      },
    },
    run: async function <T>(batch: (ctx: unknown) => Promise<T>): Promise<T> {
      return batch(this.context);
    },
  };
  return new OfficeMockObject(model) as unknown as { run<T>(b: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> };
}

test('activates the sheet and selects the first area of a multi-area address, then syncs once', async () => {
  const calls: string[] = [];
  await excelRecording(calls).run((ctx) => selectRange(ctx, '2026 订单', "'2026 订单'!$B$5:$D$6,'2026 订单'!F9"));
  expect(calls).toEqual(['activate 2026 订单', 'select 2026 订单!B5:D6', 'sync']);
});
