// Between two pane actions the clerk may type in Excel. The pane does not read the whole workbook again before each
// action: the Excel port follows Excel's change events (WorksheetCollection.onChanged …) and reads again only the
// rows the clerk changed (WorkbookPort.catchUp), or everything when the change moved cells, renamed a sheet or was not
// told. These tests run the pane's sequence (catch up → plan → apply → refresh) on the recording fake.
import { checkOrder } from '../../../src/core/checks';
import type { WorkbookSnapshot } from '../../../src/core/types';
import { understand } from '../../../src/core/understand';
import { ExcelWorkbookPort } from '../../../src/excel/port';
import {
  applyDelayFlags,
  checkSheet,
  fixIssues,
  refreshedAfter,
  trackWrites,
  type ActionContext,
} from '../../../src/taskpane/actions';
import { generateOrderSheet } from '../../../bench/generateSheet';
import { createFakeExcel } from '../../fakes/excel-fake';

const TODAY = '2026-11-22';
const ROWS = 300;

/** The pane: a held reading, each action caught up from it and refreshed after it wrote (usePane.run). */
async function openPane(opts: { supports?: (v: string) => boolean; formulas?: Record<string, string> } = {}) {
  const s = generateOrderSheet(ROWS, 3);
  const fx = createFakeExcel([
    { name: s.name, values: s.values, formats: s.formats ?? undefined, formulas: opts.formulas },
  ]);
  const port = new ExcelWorkbookPort(fx.run, { supports: opts.supports ?? (() => true) });
  const pane = { held: (await port.read()) as WorkbookSnapshot, sheet: s.name };
  const run = async <T>(action: (ctx: ActionContext) => Promise<T>): Promise<T> => {
    const w = trackWrites(port);
    const ctx: ActionContext = {
      port: w.port,
      lang: 'zh-CN',
      today: TODAY,
      sheet: null,
      now: () => new Date('2026-11-22T08:00:00Z'),
      held: () => pane.held,
      onRead: (r) => (pane.held = r.wb),
    };
    const out = await action(ctx);
    if (w.wrote()) pane.held = (await refreshedAfter(port, w.sinceRead())) ?? (await port.read());
    return out;
  };
  return { fx, port, pane, run };
}

const cellsOfSheet = () => ROWS * 16;
const fullReadHappened = (fx: { stats: { valueCellsRead: Record<string, number> } }, sheet: string) =>
  (fx.stats.valueCellsRead[sheet] ?? 0) >= cellsOfSheet();

/** What the pane shows of a snapshot: each sheet's cells (trailing empty rows dropped) and tables. */
function shown(wb: WorkbookSnapshot) {
  return wb.sheets.map((s) => {
    const rows = s.values.map((r) => [...r]);
    while (rows.length && rows[rows.length - 1].every((v) => v === null)) rows.pop();
    return { name: s.name, top: s.top, left: s.left, rows, tables: s.tables };
  });
}

test('an action with nothing changed since the last one reads no cell again: one sync to catch up, no full read', async () => {
  const { fx, pane, run } = await openPane();
  await run((ctx) => applyDelayFlags(ctx));
  fx.resetStats();
  const { issues } = await run((ctx) => checkSheet(ctx, 'sheet'));
  expect(fx.stats.syncs).toBe(1);
  expect(fx.stats.valueCellsRead[pane.sheet] ?? 0).toBe(0);
  expect(issues.length).toBeGreaterThan(0);
});

test('our own writes are no staleness: after a fix, the next action reads no full sheet and ≤ 4 syncs end to end', async () => {
  const { fx, pane, run, port } = await openPane();
  const fixable = (await run((ctx) => checkSheet(ctx, 'sheet'))).issues.filter((i) => i.severity === 'fixable');
  await run((ctx) => fixIssues(ctx, fixable));
  fx.resetStats();
  await run((ctx) => applyDelayFlags(ctx));
  expect(fullReadHappened(fx, pane.sheet)).toBe(false);
  expect(fx.stats.syncs).toBeLessThanOrEqual(4);
  // And the held reading is what a full read gives.
  expect(shown(pane.held)).toEqual(shown(await port.read()));
});

test('a clerk edit between two actions is seen: the check finds the typed text date and the fix writes that cell', async () => {
  const { fx, pane, run, port } = await openPane();
  await run((ctx) => applyDelayFlags(ctx));
  // The clerk types a due date as text in L20 (交期) and a quantity in H21.
  await fx.clerkEdit(pane.sheet, 'L20', [['2026/12/5']]);
  await fx.clerkEdit(pane.sheet, 'H21', [[4321]]);
  fx.resetStats();
  const { issues } = await run((ctx) => checkSheet(ctx, 'sheet'));
  expect(fullReadHappened(fx, pane.sheet)).toBe(false);
  expect(fx.stats.syncs).toBe(1);
  expect(pane.held.sheets[0].values[21 - 1][8 - 1]).toBe(4321);
  const typed = issues.filter((i) => i.cell === 'L20' && i.severity === 'fixable');
  expect(typed).toHaveLength(1);
  await run((ctx) => fixIssues(ctx, typed));
  expect(fx.sheet(pane.sheet).grid[19][11]).toBe(Math.round(Date.UTC(2026, 11, 5) / 86400000) + 25569);
  expect(shown(pane.held)).toEqual(shown(await port.read()));
});

test('a row inserted by the clerk forces a full read (rows moved: no patch of the held reading is right)', async () => {
  const { fx, pane, run, port } = await openPane();
  await fx.clerkInsertRows(pane.sheet, 10, 2);
  fx.resetStats();
  await run((ctx) => checkSheet(ctx, 'sheet'));
  expect(fullReadHappened(fx, pane.sheet)).toBe(true);
  expect(shown(pane.held)).toEqual(shown(await port.read()));
});

test('an edit that raised no event below the block (office-js#420, #3729) shows in the used range: full read', async () => {
  const { fx, pane, run } = await openPane();
  await fx.clerkEdit(pane.sheet, `B${ROWS + 40}`, [['SO-LATE']], { silent: true });
  fx.resetStats();
  await run((ctx) => checkSheet(ctx, 'sheet'));
  expect(fullReadHappened(fx, pane.sheet)).toBe(true);
  expect(pane.held.sheets[0].values.some((r) => r.includes('SO-LATE'))).toBe(true);
});

test('a sheet added or renamed by the clerk, told or not (onNameChanged is ExcelApi 1.17), forces a full read', async () => {
  const before17 = (v: string) => Number(v.split('.')[1]) < 17;
  const { fx, pane, run } = await openPane({ supports: before17 });
  await fx.clerkRename(pane.sheet, '订单2026', { silent: true });
  fx.resetStats();
  const { issues } = await run((ctx) => checkSheet(ctx, 'sheet'));
  expect(fullReadHappened(fx, '订单2026')).toBe(true);
  expect(pane.held.sheets[0].name).toBe('订单2026');
  expect(issues.length).toBeGreaterThan(0);
  await fx.clerkAddSheet('备用', [['x']]);
  fx.resetStats();
  await run((ctx) => checkSheet(ctx, 'sheet'));
  expect(fullReadHappened(fx, '订单2026')).toBe(true);
  expect(pane.held.sheets.map((s) => s.name)).toEqual(['订单2026', '备用']);
});

test('a host without the change events (ExcelApi < 1.9) reads in full before every action', async () => {
  const { fx, pane, run } = await openPane({ supports: (v) => Number(v.split('.')[1]) < 9 });
  fx.resetStats();
  await run((ctx) => checkSheet(ctx, 'sheet'));
  expect(fullReadHappened(fx, pane.sheet)).toBe(true);
});

test("a formula's result is read again after the clerk's edit it depends on, without a full read", async () => {
  // K5 (金额) as a formula; the fake computes no formulas, so the test plays Excel's recalculation.
  const { fx, pane, run } = await openPane({ formulas: { K5: '=H5*J5' } });
  await fx.clerkEdit(pane.sheet, 'H5', [[10]]);
  fx.sheet(pane.sheet).grid[4][10] = 10 * (fx.sheet(pane.sheet).grid[4][9] as number);
  fx.resetStats();
  await run((ctx) => checkSheet(ctx, 'sheet'));
  expect(fullReadHappened(fx, pane.sheet)).toBe(false);
  expect(pane.held.sheets[0].values[4][10]).toBe(fx.sheet(pane.sheet).grid[4][10]);
  expect(checkOrder(understand(pane.held, { today: TODAY }), { lang: 'zh-CN' })).toBeDefined();
});

test('apply skips its look only when nothing was told since the catch-up: a sheet protected meanwhile is refused before any write', async () => {
  const { fx, port, pane } = await openPane();
  const held = await port.catchUp(pane.held);
  const edits = [{ kind: 'setValues' as const, sheet: pane.sheet, cells: [{ address: 'P5', value: 'x' }] }];
  await fx.clerkProtect(pane.sheet);
  fx.resetStats();
  await expect(port.apply(edits)).rejects.toMatchObject({ code: 'sheetProtected' });
  expect(fx.stats.valueWrites).toHaveLength(0);
  // Nothing told since the catch-up: the sheets it read serve the apply, which writes in one sync.
  const fx2 = await openPane();
  await fx2.port.catchUp(fx2.pane.held);
  fx2.fx.resetStats();
  await fx2.port.apply(edits.map((e) => ({ ...e, sheet: fx2.pane.sheet })));
  expect(fx2.fx.stats.syncs).toBe(1);
  expect(held).toBe(pane.held);
});

test('a value written by another runtime of the add-in (a ribbon command) while the pane was idle is read again', async () => {
  const { fx, pane, run } = await openPane();
  // Office.js code outside the pane's port: its event says ThisLocalAddin, but no refresh of the pane read it back.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the fake's context is untyped on purpose
  await fx.run(async (ctx: any) => {
    ctx.workbook.worksheets.getItem(pane.sheet).getRange('H30').values = [[777]];
    await ctx.sync();
  });
  fx.resetStats();
  await run((ctx) => checkSheet(ctx, 'sheet'));
  expect(fx.stats.syncs).toBe(1);
  expect(pane.held.sheets[0].values[30 - 1][8 - 1]).toBe(777);
});

test('the last rows cleared without an event (the used range shrank below cells the reading holds): full read', async () => {
  const { fx, pane, run } = await openPane();
  const last = pane.held.sheets[0].top + pane.held.sheets[0].values.length - 1;
  await fx.clerkEdit(pane.sheet, `A${last}`, [Array(16).fill(null)], { silent: true });
  fx.resetStats();
  await run((ctx) => checkSheet(ctx, 'sheet'));
  expect(fullReadHappened(fx, pane.sheet)).toBe(true);
  expect(pane.held.sheets[0].values.length).toBe(last - 1);
});
