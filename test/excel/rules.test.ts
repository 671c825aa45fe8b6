// Replacing the add-in's conditional formats on a fake that addresses rules by position, as Excel does
// (ConditionalFormat.id: "The priority of the conditional format in the current ConditionalFormatCollection").
// Before the fix, rules were deleted lowest position first: every later delete hit the rule after the one meant.
import { planDelayRules } from '../../src/core/delay';
import { planHighlight } from '../../src/core/checks';
import { checkOrder } from '../../src/core/checks';
import { t } from '../../src/core/i18n';
import { applyWarningTexts } from '../../src/core/applyWarnings';
import type { CellValue } from '../../src/core/types';
import { understand } from '../../src/core/understand';
import { ExcelWorkbookPort, type ExcelRun } from '../../src/excel/port';
import { createFakeExcel, seedConditionalFormat, type CfRecord, type FakeExcel } from '../fakes/excel-fake';

/** The fake's request context is untyped on purpose: tests drive it the way Office.js code does. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type FakeCtx = any;

const TODAY = '2026-11-22';

function orderSheet(): { values: CellValue[][]; formats: (string | null)[][] } {
  const values: CellValue[][] = [['订单号', '客户', '型号', '数量', '交期', '状态', '备注']];
  for (let i = 1; i <= 8; i++)
    values.push([`SO-${i}`, '华南贸易', `FM-${i}`, i * 10, 46340 + i * 3, i % 4 === 0 ? '已出货' : '生产中', null]);
  values.push([null, null, null, null, null, null, 'a line with only a remark']);
  for (let i = 0; i < 5; i++) values.push([null, null, null, null, null, null, null]);
  values.push(['合计表', null, null, null, null, null, null]);
  const formats = values.map((r, i) => r.map((_, j) => (i > 0 && j === 4 ? 'yyyy-mm-dd' : 'General')));
  return { values, formats };
}

/** The clerk's own rules: a custom rule over the quantities and a cell-value rule over the due dates. */
const CLERK_RULES: CfRecord[] = [
  { type: 'Custom', ranges: ['D2:D9'], formula: '=$D2>50', fill: '#00FF00' },
  { type: 'CellValue', ranges: ['E2:E9'], formula: '', fill: '#0000FF' },
];

function fake(extra: CfRecord[] = []): { fx: FakeExcel; port: ExcelWorkbookPort } {
  const { values, formats } = orderSheet();
  const fx = createFakeExcel([{ name: '订单', values, formats }]);
  for (const r of [...CLERK_RULES, ...extra]) seedConditionalFormat(fx, '订单', r);
  return { fx, port: new ExcelWorkbookPort(fx.run as ExcelRun, { supports: () => true }) };
}

async function flag(port: ExcelWorkbookPort) {
  const u = understand(await port.read(), { today: TODAY });
  return port.apply([planDelayRules(u)]);
}

const ours = (fx: FakeExcel) => fx.sheet('订单').cfs.filter((c) => c.formula.includes('order-clerk:delay'));
const clerks = (fx: FakeExcel) => fx.sheet('订单').cfs.filter((c) => !c.formula.includes('order-clerk:'));

describe('delay flags on a sheet with the clerk’s own rules', () => {
  test('applied three times: the clerk’s two rules and one set of ours', async () => {
    const { fx, port } = fake();
    await flag(port);
    const once = fx.sheet('订单').cfs.map((c) => c.formula);
    expect(ours(fx)).toHaveLength(6);
    await flag(port);
    await flag(port);
    expect(clerks(fx)).toEqual(CLERK_RULES);
    expect(ours(fx)).toHaveLength(6);
    expect(fx.sheet('订单').cfs.map((c) => c.formula)).toEqual(once);
    // Ours on top, in the plan's priority order; the clerk's below, in their order.
    expect(fx.sheet('订单').cfs.slice(6)).toEqual(CLERK_RULES);
  });

  test('a clerk rule between ours (moved by the clerk) stays, in its place among the others', async () => {
    const { fx, port } = fake();
    await flag(port);
    const cfs = fx.sheet('订单').cfs;
    const [mine] = cfs.splice(6, 1); // the clerk drags their rule up between ours
    cfs.splice(3, 0, mine);
    await flag(port);
    expect(clerks(fx)).toEqual(CLERK_RULES);
    expect(ours(fx)).toHaveLength(6);
  });

  test('only the rules of the order block are read, never the whole sheet’s', async () => {
    const { fx, port } = fake();
    await flag(port);
    expect(fx.stats.cfCollectionsRead).not.toContain('sheet');
    expect(fx.stats.cfCollectionsRead).toEqual(['A1:G10']); // header row to the last line
  });

  test('a clerk rule outside the order block that Excel cannot read does not stop the flags', async () => {
    // office-js#6835: reading a duplicated rule's properties throws. Outside the block, it is never read.
    const { fx, port } = fake([{ type: 'Custom', ranges: ['A16'], formula: '=A16<>""', unreadable: true }]);
    const result = await flag(port);
    expect(result.warnings).toBeUndefined();
    expect(ours(fx)).toHaveLength(6);
  });

  test('an unreadable cell-value rule in the block: the fallback reads the custom rules only', async () => {
    // office-js#6827: two cellValue rules on one range make reading rule properties throw.
    const { fx, port } = fake([{ type: 'CellValue', ranges: ['E2:E9'], formula: '', unreadable: true }]);
    await flag(port);
    const result = await flag(port);
    expect(result.warnings).toBeUndefined();
    expect(ours(fx)).toHaveLength(6);
    expect(clerks(fx)).toHaveLength(3);
  });

  test('an unreadable custom rule in the block: nothing of the rules is changed, and the clerk is told', async () => {
    const { fx, port } = fake();
    await flag(port);
    fx.sheet('订单').cfs.push({ type: 'Custom', ranges: ['F2:F9'], formula: '=$F2="x"', unreadable: true });
    const before = JSON.stringify(fx.sheet('订单').cfs);
    const result = await flag(port);
    expect(result.warnings).toEqual([{ code: 'conditionalFormatsUnreadable', sheet: '订单' }]);
    expect(JSON.stringify(fx.sheet('订单').cfs)).toBe(before);
    expect(applyWarningTexts(result, 'zh-CN')).toEqual([
      t('zh-CN', 'apply.warning.conditionalFormatsUnreadable', { sheet: '订单' }),
    ]);
  });

  test('highlighting problems twice keeps one highlight rule and the clerk’s rules', async () => {
    const { fx, port } = fake();
    for (let k = 0; k < 2; k++) {
      const u = understand(await port.read(), { today: TODAY });
      await port.apply([planHighlight(u, checkOrder(u, { lang: 'zh-CN' }).slice(0, 3))]);
    }
    expect(fx.sheet('订单').cfs.filter((c) => c.formula.includes('order-clerk:highlight'))).toHaveLength(1);
    expect(clerks(fx)).toEqual(CLERK_RULES);
  });
});

describe('the fake addresses rules by position, as Excel does', () => {
  test('after a delete, the same loaded item means the next rule; getItemAt and ids are positions', async () => {
    const { fx } = fake([{ type: 'Custom', ranges: ['A2:G9'], formula: '=TRUE' }]);
    await fx.run(async (ctx: FakeCtx) => {
      const c = ctx.workbook.worksheets.getItem('订单').getRange('A1:G9').conditionalFormats;
      c.load('items/id,items/type');
      await ctx.sync();
      expect(c.items.map((i: { id: string }) => i.id)).toEqual(['0', '1', '2']);
      c.items[0].delete();
      c.items[1].delete(); // now addresses the third rule: the second moved up to position 0
      await ctx.sync();
    });
    expect(fx.sheet('订单').cfs.map((c) => c.type)).toEqual(['CellValue']);
  });

  test("the whole sheet's collection refuses to delete a rule that shares a cell with another (office-js#5222)", async () => {
    const { fx } = fake();
    seedConditionalFormat(fx, '订单', { type: 'Custom', ranges: ['D2'], formula: '=TRUE' });
    const err = await fx
      .run(async (ctx: FakeCtx) => {
        ctx.workbook.worksheets.getItem('订单').getRange().conditionalFormats.getItemAt(0).delete();
        await ctx.sync();
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ItemNotFound' });
  });
});
