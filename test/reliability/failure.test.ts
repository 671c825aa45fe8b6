// Failure mid-action: Excel rejects a batch part-way (simulated on the recording fake). Afterwards the workbook is
// either as it was, or in a state from which running the same action again gives exactly what one uninterrupted run
// gives; and the port's error reaches the caller as a rejected promise the pane can show.

import type { WorkbookEdit } from '../../src/core/edits';
import { planApply } from '../../src/core/plans';
import { t } from '../../src/core/i18n';
import type { CellValue } from '../../src/core/types';
import { understand } from '../../src/core/understand';
import { applyEdits } from '../../src/excel/apply';
import { ExcelWorkbookPort, type ExcelRun } from '../../src/excel/port';
import { errorText } from '../../src/taskpane/model';
import { createFakeExcel, type FakeExcel } from '../fakes/excel-fake';

const TODAY = '2026-11-22';
const NOW = new Date(2026, 10, 22, 9, 30, 0);

/** An order sheet with numbers and dates stored as text, so "apply with fixes" writes values and change-log rows. */
function orderSheet(): CellValue[][] {
  const rows: CellValue[][] = [['订单号', '客户', '型号', '数量', '单价', '交期', '状态']];
  for (let i = 1; i <= 12; i++) {
    rows.push([
      `SO-${i}`,
      i % 2 ? '华南贸易' : 'ACME Ltd.',
      `FM-${200 + i}`,
      i % 3 === 0 ? `${i},200` : 10 * i,
      i % 4 === 0 ? `¥${i}.50` : 2.5,
      i % 5 === 0 ? `2026-12-0${(i % 9) + 1}` : 46340 + i,
      i % 6 === 0 ? '已出货' : '生产中',
    ]);
  }
  return rows;
}

function fresh(): { fx: FakeExcel; port: ExcelWorkbookPort } {
  const values = orderSheet();
  const formats = values.map((r, i) => r.map((_, j) => (i > 0 && j === 5 ? 'yyyy-mm-dd' : 'General')));
  const fx = createFakeExcel([{ name: '订单', values, formats }]);
  return { fx, port: new ExcelWorkbookPort(fx.run as ExcelRun, { supports: () => true }) };
}

/** Table + validation rules + delay flags + every fix, planned from a fresh read. */
async function planFromWorkbook(port: ExcelWorkbookPort): Promise<WorkbookEdit[]> {
  const wb = await port.read();
  return planApply(understand(wb, { today: TODAY }), { lang: 'zh-CN', fix: true, now: NOW, wb }).edits;
}

/** Everything the action can change, comparable with toEqual. */
function state(fx: FakeExcel) {
  return fx.sheets.map((s) => ({
    name: s.name,
    values: fx.sheetValues(s.name),
    formulas: [...s.formulas.entries()],
    tables: s.tables.map((x) => x.range),
    validations: [...s.validations.keys()].sort(),
    cfs: s.cfs.map((c) => [c.ranges, c.formula, c.fill]),
    visibility: s.visibility,
  }));
}

/** Apply with a small request budget so the writes span several syncs. */
function applySmallBatches(fx: FakeExcel, edits: WorkbookEdit[]) {
  return (fx.run as ExcelRun)((ctx) => applyEdits(ctx, edits, { requestBudgetBytes: 1500 }));
}

interface Baseline {
  original: ReturnType<typeof state>;
  done: ReturnType<typeof state>;
  /** Actions queued in each sync of the apply (index 0 = the look-up sync). */
  actionsPerSync: number[];
  /** Whether each sync writes (the look-up and the rule pre-read only read; a failed read has its own fallback). */
  writesPerSync: number[];
}

async function baseline(small: boolean): Promise<Baseline> {
  const { fx, port } = fresh();
  const edits = await planFromWorkbook(port);
  const original = state(fx);
  const before = fx.stats.perSync.length;
  await (small ? applySmallBatches(fx, edits) : port.apply(edits));
  const syncs = fx.stats.perSync.slice(before);
  return {
    original,
    done: state(fx),
    actionsPerSync: syncs.map((s) => s.actions),
    writesPerSync: syncs.map((s) => s.writes),
  };
}

/** Points to fail at: every write sync, at its first action, one in, the middle and its last action. */
function failurePoints(b: Baseline): [number, number][] {
  const out: [number, number][] = [];
  b.actionsPerSync.forEach((n, i) => {
    if (b.writesPerSync[i] === 0) return; // the look-up and the rule pre-read write nothing
    for (const k of new Set([0, 1, Math.floor(n / 2), n - 1])) if (k >= 0 && k < n) out.push([i, k]);
  });
  return out;
}

describe.each([
  ['the port (one write batch)', false],
  ['small write batches', true],
])('Excel rejects a batch part-way: %s', (_label, small) => {
  let b: Baseline;
  beforeAll(async () => {
    b = await baseline(small);
  });

  it('the uninterrupted run writes in the syncs the test fails', () => {
    expect(b.actionsPerSync.length).toBeGreaterThanOrEqual(small ? 3 : 2);
    expect(b.done).not.toEqual(b.original);
  });

  it('leaves the workbook as it was, or the same action run again completes it exactly', async () => {
    const points = failurePoints(b);
    expect(points.length).toBeGreaterThan(2);
    const outcomes: string[] = [];
    for (const [syncIndex, afterActions] of points) {
      const { fx, port } = fresh();
      const edits = await planFromWorkbook(port);
      fx.failSync(fx.stats.syncs + 1 + syncIndex, afterActions);
      const err = await (small ? applySmallBatches(fx, edits) : port.apply(edits)).then(
        () => null,
        (e: unknown) => e,
      );
      // The failure surfaces as a rejected promise, and the pane says what happened.
      expect(err).toBeInstanceOf(Error);
      expect(errorText(err, 'zh-CN')).toBe(
        t('zh-CN', 'pane.error.unexpected', { detail: 'fake: sync failed part-way' }),
      );
      expect(errorText(err, 'en-US')).toBe(
        t('en-US', 'pane.error.unexpected', { detail: 'fake: sync failed part-way' }),
      );
      const after = state(fx);
      if (JSON.stringify(after) === JSON.stringify(b.original)) {
        outcomes.push(`${syncIndex}/${afterActions}: untouched`);
        continue;
      }
      // Run the same action again from a fresh read, as the clerk would by clicking again.
      const again = await planFromWorkbook(port);
      await (small ? applySmallBatches(fx, again) : port.apply(again));
      const final = state(fx);
      const wrong = final
        .map((s, i) => [s, b.done[i]] as const)
        .flatMap(([got, want]) =>
          want === undefined
            ? [got.name]
            : Object.keys(got)
                .filter(
                  (k) => JSON.stringify(got[k as keyof typeof got]) !== JSON.stringify(want[k as keyof typeof want]),
                )
                .map((k) => `${got.name}.${k}`),
        );
      if (final.length !== b.done.length) wrong.push('sheet count');
      outcomes.push(
        `${syncIndex}/${afterActions}: ${wrong.length ? `WRONG after a second run: ${wrong.join(', ')}` : 'completed by a second run'}`,
      );
    }
    // Every failure point ends untouched or completed; the list names any that do not.
    expect(outcomes.filter((o) => o.includes('WRONG'))).toEqual([]);
    expect(outcomes.length).toBe(points.length);
  });
});
