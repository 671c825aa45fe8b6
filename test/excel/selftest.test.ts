// The self-test page's checks, run on the recording fake: every one passes here, so a check that fails in a real
// Excel points at a behaviour the fake (and the adapter built on it) gets wrong.
import { CATALOGUE } from '../../src/core/i18n';
import { ExcelWorkbookPort, type ExcelRun } from '../../src/excel/port';
import { runSelfTest, SCRATCH } from '../../src/selftest/run';
import { createFakeExcel } from '../fakes/excel-fake';

const OPTS = { today: '2026-11-22', now: new Date(2026, 10, 22, 9, 30), lang: 'zh-CN' as const };

test('every check passes on the fake, in a blank workbook', async () => {
  const fx = createFakeExcel([{ name: 'Sheet1', values: [] }]);
  const results = await runSelfTest(
    fx.run as ExcelRun,
    new ExcelWorkbookPort(fx.run as ExcelRun, { supports: () => true }),
    OPTS,
  );
  expect(results.map((r) => [r.id, r.outcome, r.outcome === 'pass' ? '' : r.detail])).toEqual(
    results.map((r) => [r.id, 'pass', '']),
  );
  expect(results.map((r) => r.id)).toEqual([
    'blankWorkbook',
    'addSheet',
    'read',
    'ensureTable',
    'setDataValidation',
    'highlight',
    'fixAll',
    'undo',
    'delayFlags',
    'writeSettings',
    'weeklyReport',
    'work-order',
    'packing-list',
    'delivery-note',
    'selection',
    'largeWrite',
  ]);
  for (const r of results)
    for (const lang of ['zh-CN', 'en-US'] as const) expect(CATALOGUE[lang][`selftest.check.${r.id}`]).toBeTruthy();
  expect(fx.sheet(SCRATCH).cfs.filter((c) => !c.formula.includes('order-clerk:'))).toHaveLength(2);
});

test('a workbook with the clerk’s data is refused: nothing is written', async () => {
  const fx = createFakeExcel([
    {
      name: 'Orders',
      values: [
        ['PO', 'Qty'],
        ['PO-1', 3],
      ],
    },
  ]);
  const results = await runSelfTest(
    fx.run as ExcelRun,
    new ExcelWorkbookPort(fx.run as ExcelRun, { supports: () => true }),
    OPTS,
  );
  expect(results).toHaveLength(1);
  expect(results[0]).toMatchObject({ id: 'blankWorkbook', outcome: 'fail' });
  expect(fx.stats.writes).toBe(0);
});

test('on a fake where fit-to-page does not take, the report and documents warn instead of passing', async () => {
  const fx = createFakeExcel([{ name: 'Sheet1', values: [] }], { fitToPagesIgnored: true });
  const results = await runSelfTest(
    fx.run as ExcelRun,
    new ExcelWorkbookPort(fx.run as ExcelRun, { supports: () => true }),
    OPTS,
  );
  expect(results.filter((r) => r.outcome === 'warn').map((r) => r.id)).toEqual(
    expect.arrayContaining(['addSheet', 'weeklyReport', 'work-order', 'packing-list', 'delivery-note']),
  );
  expect(results.filter((r) => r.outcome === 'fail')).toEqual([]);
});
