// Text written into a cell formatted as Text (@) is written as it is: Excel keeps a leading apostrophe there as a
// character, so the quote prefix that protects "1,200" or "=SUM(A1)" in a General cell would end up in the value.
import { planFixes, planUndoLastFix } from '../../src/core/fixes';
import { checkOrder } from '../../src/core/checks';
import { fixableIssues } from '../../src/core/plans';
import type { CellValue } from '../../src/core/types';
import { understand } from '../../src/core/understand';
import { ExcelWorkbookPort, type ExcelRun } from '../../src/excel/port';
import { createFakeExcel, type FakeExcel } from '../fakes/excel-fake';

/** The fake's request context is untyped on purpose: tests drive it the way Office.js code does. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type FakeCtx = any;

const TODAY = '2026-11-22';
const NOW = new Date(2026, 10, 22, 9, 30, 0);

function fake(extra: { name: string; values: CellValue[][]; formats?: (string | null)[][] }[] = []) {
  const values: CellValue[][] = [
    ['订单号', '型号', '数量', '交期'],
    ['SO-1', 'FM-1', '1,200', 46350],
    ['SO-2', 'FM-2', 30, 46351],
  ];
  const formats = values.map((r, i) => r.map((_, j) => (i > 0 && j === 3 ? 'yyyy-mm-dd' : 'General')));
  const fx = createFakeExcel([{ name: '订单', values, formats }, ...extra]);
  return { fx, port: new ExcelWorkbookPort(fx.run as ExcelRun, { supports: () => true }) };
}

async function fixAll(port: ExcelWorkbookPort) {
  const wb = await port.read();
  const u = understand(wb, { today: TODAY });
  await port.apply(
    planFixes(u, fixableIssues(checkOrder(u, { lang: 'zh-CN' })), { lang: 'zh-CN', now: NOW, wb }).edits,
  );
}

const textCell = (fx: FakeExcel, sheet: string, address: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return fx.sheetValues(sheet)[Number(m[2]) - 1][m[1].charCodeAt(0) - 65];
};

describe('text into Text-formatted cells', () => {
  test('undo puts "1,200" back as text, without an apostrophe in the value', async () => {
    const { fx, port } = fake();
    await fixAll(port);
    expect(textCell(fx, '订单', 'C2')).toBe(1200);
    const wb = await port.read();
    const undo = planUndoLastFix(wb, understand(wb, { today: TODAY }), { lang: 'zh-CN', now: NOW });
    await port.apply(undo.edits);
    expect(fx.formatAt('订单', 'C2')).toBe('@');
    expect(textCell(fx, '订单', 'C2')).toBe('1,200');
  });

  test("a clerk's Text cell gets the text as it is; a General cell still gets the quote prefix", async () => {
    const { fx, port } = fake();
    fx.sheet('订单').formats[1][1] = '@';
    await port.apply([
      {
        kind: 'setValues',
        sheet: '订单',
        cells: [
          { address: 'B2', value: 'PO-123' },
          { address: 'B3', value: '=SUM(A1)' },
        ],
      },
    ]);
    expect(textCell(fx, '订单', 'B2')).toBe('PO-123');
    expect(textCell(fx, '订单', 'B3')).toBe('=SUM(A1)');
    expect(fx.sheet('订单').formulas.size).toBe(0);
  });

  test("change-log rows in a clerk's log whose columns are Text keep the old values exactly", async () => {
    const log: CellValue[][] = [['时间', '操作', '工作表', '单元格', '原值', '新值']];
    const { fx, port } = fake([{ name: '变更记录', values: log, formats: [log[0].map(() => '@')] }]);
    for (let r = 1; r < 5; r++) fx.sheet('变更记录').formats[r] = log[0].map(() => '@');
    await fixAll(port);
    const row = fx.sheetValues('变更记录')[1];
    expect(row.slice(2, 6)).toEqual(['订单', 'C2', '1,200', 1200]);
  });
});

describe('the fake keeps the apostrophe in a Text cell', () => {
  test("'PO-123 written into @ keeps the apostrophe; into General it is the quote prefix", async () => {
    const fx = createFakeExcel([{ name: 'S', values: [['a', 'b']], formats: [['@', 'General']] }]);
    await fx.run(async (ctx: FakeCtx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:B1').values = [["'PO-123", "'PO-123"]];
      await ctx.sync();
    });
    expect(fx.sheetValues('S')).toEqual([["'PO-123", 'PO-123']]);
  });
});
