// After an action wrote, the pane shows the workbook as it is now. In Excel it does not read everything again: the
// reading the action planned from is patched with what each apply changed (ExcelWorkbookPort.refresh). The result
// must be what a full read gives, for a cost of at most one sync per apply instead of a full read.
import { checkOrder } from '../../../src/core/checks';
import type { WorkbookSnapshot } from '../../../src/core/types';
import { ExcelWorkbookPort } from '../../../src/excel/port';
import {
  applyDelayFlags,
  checkSheet,
  fixIssues,
  refreshedAfter,
  trackWrites,
  undoLastFix,
  writeOverdueReport,
  type ActionContext,
} from '../../../src/taskpane/actions';
import { XlsxWorkbookPort } from '../../../src/xlsx/port';
import { generateOrderSheet } from '../../../bench/generateSheet';
import { createFakeExcel } from '../../fakes/excel-fake';
import { cellsShown } from '../../excel/cellsShown';

const TODAY = '2026-11-22';

function onFakeExcel() {
  const s = generateOrderSheet(300, 3);
  const fx = createFakeExcel([{ name: s.name, values: s.values, formats: s.formats ?? undefined }]);
  const port = new ExcelWorkbookPort(fx.run, { supports: () => true });
  return { fx, port };
}

/** What the pane shows of a snapshot: sheets in order, their cells, tables and visibility (made sheets by name). */
const ACTIONS: [string, (ctx: ActionContext) => Promise<unknown>][] = [
  [
    'fix all',
    async (ctx) =>
      fixIssues(
        ctx,
        (await checkSheet(ctx, 'sheet')).issues.filter((i) => i.severity === 'fixable'),
      ),
  ],
  ['flag delays', (ctx) => applyDelayFlags(ctx)],
  ['weekly report', (ctx) => writeOverdueReport(ctx)],
  [
    'fix all, then undo (two actions, each refreshed)',
    async (ctx) => {
      await fixIssues(
        ctx,
        (await checkSheet(ctx, 'sheet')).issues.filter((i) => i.severity === 'fixable'),
      );
      return undoLastFix(ctx);
    },
  ],
];

describe.each(ACTIONS)('%s on Excel, then the pane refreshes', (_name, action) => {
  test('shows what a full read gives, and reads back in at most one sync per apply', async () => {
    const { fx, port } = onFakeExcel();
    const w = trackWrites(port);
    const ctx: ActionContext = { port: w.port, lang: 'zh-CN', today: TODAY, sheet: null, now: () => new Date() };
    await action(ctx);
    expect(w.wrote()).toBe(true);
    const since = w.sinceRead();
    fx.resetStats();
    const refreshed = await refreshedAfter(port, since);
    expect(refreshed).not.toBeNull();
    expect(fx.stats.syncs).toBeLessThanOrEqual(since.results.length);
    const made = new Set(since.results.flatMap((r) => r.createdSheets));
    const full = await port.read();
    expect(cellsShown(refreshed!, made)).toEqual(cellsShown(full, made));
    // What the pane computes from it is the same too.
    const { understand } = await import('../../../src/core/understand');
    const issues = (wb: WorkbookSnapshot) => checkOrder(understand(wb, { today: TODAY }), { lang: 'zh-CN' });
    expect(issues(refreshed!)).toEqual(issues(full));
  });
});

test('a written sheet with formulas: refresh reads every formula result again (Excel recomputed them), no full read', async () => {
  const s = generateOrderSheet(50, 3);
  // A formula on the order sheet, as clerks keep them: a fix of a cell it depends on changes what Excel shows.
  const fx = createFakeExcel([
    { name: s.name, values: s.values, formats: s.formats ?? undefined, formulas: { A2: '"SO-1"' } },
  ]);
  const port = new ExcelWorkbookPort(fx.run, { supports: () => true });
  const w = trackWrites(port);
  const ctx: ActionContext = { port: w.port, lang: 'zh-CN', today: TODAY, sheet: null, now: () => new Date() };
  await applyDelayFlags(ctx);
  await fixIssues(
    ctx,
    (await checkSheet(ctx, 'sheet')).issues.filter((i) => i.severity === 'fixable'),
  );
  expect(w.wrote()).toBe(true);
  expect(w.sinceRead().base!.sheets[0].formulaCells).toContain('A2');
  // The fake computes no formulas: the test plays Excel's recalculation of A2.
  fx.sheet(s.name).grid[1][0] = 'recomputed';
  fx.resetStats();
  const refreshed = await refreshedAfter(port, w.sinceRead());
  expect(refreshed!.sheets[0].values[1][0]).toBe('recomputed');
  expect(fx.stats.syncs).toBeLessThanOrEqual(w.sinceRead().results.length);
});

test('a port without refresh (the .xlsx port of the web page), or no reading before the writes: read everything', async () => {
  const xlsx = await XlsxWorkbookPort.fromBytes(
    new Uint8Array(await (await import('fs')).promises.readFile('../shared/fixtures/samples/zh-factory.xlsx')),
    'zh-factory.xlsx',
  );
  const w = trackWrites(xlsx);
  await applyDelayFlags({ port: w.port, lang: 'zh-CN', today: TODAY, sheet: null, now: () => new Date() });
  expect(await refreshedAfter(xlsx, w.sinceRead())).toBeNull();
  const { port } = onFakeExcel();
  expect(await refreshedAfter(port, { base: null, results: [] })).toBeNull();
});
