// After an action the pane needs the workbook as it is now. ExcelWorkbookPort.refresh reads back only what the apply
// changed (ApplyResult.changed), in one sync, and must give what a full read gives.
import { checkOrder } from '../../src/core/checks';
import { classifyLines, planDelayRules } from '../../src/core/delay';
import { planDocuments } from '../../src/core/documents';
import type { WorkbookEdit } from '../../src/core/edits';
import { planFixes, planUndoLastFix } from '../../src/core/fixes';
import { fixableIssues, planMakeTable } from '../../src/core/plans';
import { planOverdueReport } from '../../src/core/report';
import { planWriteSettings, readSettings } from '../../src/core/settings';
import type { WorkbookSnapshot } from '../../src/core/types';
import { understand } from '../../src/core/understand';
import { ExcelWorkbookPort } from '../../src/excel/port';
import { generateOrderSheet } from '../../bench/generateSheet';
import { createFakeExcel } from '../fakes/excel-fake';
import { cellsShown } from './cellsShown';

const TODAY = '2026-11-22';
const NOW = new Date(2026, 10, 22, 9, 30, 0);

type Plan = (wb: WorkbookSnapshot) => WorkbookEdit[];

const PLANS: [string, Plan][] = [
  [
    'fix all',
    (wb) => {
      const u = understand(wb, { today: TODAY });
      return planFixes(u, fixableIssues(checkOrder(u, { lang: 'zh-CN' })), { lang: 'zh-CN', now: NOW, wb }).edits;
    },
  ],
  ['apply flags', (wb) => [planDelayRules(understand(wb, { today: TODAY }))]],
  ['make table', (wb) => [planMakeTable(understand(wb, { today: TODAY }), wb)]],
  [
    'packing list',
    (wb) => {
      const u = understand(wb, { today: TODAY });
      // Open lines of one customer: shipped and cancelled lines are refused on a packing list.
      const open = new Set(
        classifyLines(u, TODAY)
          .filter((c) => c.class !== 'shipped' && c.class !== 'cancelled' && c.openQty > 0)
          .map((c) => c.row),
      );
      const customer = u.lines.find((l) => open.has(l.row))?.text.customer;
      const rows = u.lines.filter((l) => open.has(l.row) && l.text.customer === customer).map((l) => l.row);
      return planDocuments(u, wb, { type: 'packing-list', rows: rows.slice(0, 5), today: TODAY, force: true }).edits;
    },
  ],
  [
    'weekly report',
    (wb) => planOverdueReport(understand(wb, { today: TODAY }), wb, { today: TODAY, lang: 'zh-CN' }).edits,
  ],
  ['settings', (wb) => [planWriteSettings({ ...readSettings(wb), dueSoonDays: 3 })]],
];

/**
 * What core reads of a snapshot: sheets in order, their cells, tables and visibility (formats are read where needed).
 * A document or report the add-in made is compared by name only: core reads nothing else of it, and refresh does not
 * read it back (it is marked partial).
 */
async function setup() {
  const s = generateOrderSheet(400, 3);
  const fx = createFakeExcel([{ name: s.name, values: s.values, formats: s.formats ?? undefined }]);
  const port = new ExcelWorkbookPort(fx.run, { supports: () => true });
  return { fx, port, wb: await port.read() };
}

describe.each(PLANS)('%s, then refresh', (_name, plan) => {
  test('gives what a full read gives, in one sync at most', async () => {
    const { fx, port, wb } = await setup();
    const result = await port.apply(plan(wb));
    fx.resetStats();
    const refreshed = await port.refresh(wb, result);
    // One sync; none when the action only made a report (its name is all core reads of it).
    expect(fx.stats.syncs).toBe(result.changed!.every((c) => c.generated) ? 0 : 1);
    const generated = new Set(refreshed.sheets.filter((s) => s.partial).map((s) => s.name));
    for (const n of generated) expect(result.createdSheets).toContain(n);
    expect(generated.has('_order_clerk')).toBe(false);
    expect(cellsShown(refreshed, generated)).toEqual(cellsShown(await port.read(), generated));
  });
});

test('undo after fix all, each refreshed from the last: the same as reading everything', async () => {
  const { port, wb } = await setup();
  let now = wb;
  for (const p of [
    PLANS[0][1],
    (w: WorkbookSnapshot) => planUndoLastFix(w, understand(w, { today: TODAY }), { lang: 'zh-CN', now: NOW }).edits,
  ]) {
    const result = await port.apply(p(now));
    now = await port.refresh(now, result);
  }
  expect(cellsShown(now)).toEqual(cellsShown(await port.read()));
  // The snapshot before stays as it was (the pane may still render it).
  expect(cellsShown(wb)).toEqual(cellsShown((await setup()).wb));
});
