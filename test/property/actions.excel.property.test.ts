// Property, Office.js adapter on the recording fake: every action on a random order workbook leaves every cell the
// clerk had exactly as it was (except chosen fixes, each with its change-log row), no text becomes a formula, and
// running an action twice equals running it once (documents and the report add one new numbered sheet instead).
// Runs: EXCEL_RUNS (100) random workbooks per action × 8 actions, both date systems.

import * as fc from 'fast-check';
import { cellAddress } from '../../src/core/address';
import type { WorkbookEdit } from '../../src/core/edits';
import { understand } from '../../src/core/understand';
import { ExcelWorkbookPort, type ExcelRun } from '../../src/excel/port';
import { createFakeExcel, type FakeExcel } from '../fakes/excel-fake';
import { orderWorkbookArb, toFakeSheets } from './arbitraries';
import {
  ADDITIVE,
  REPEATABLE,
  TODAY,
  expectPreserved,
  expectSameWorkbook,
  expectOnlyRecordedCells,
  newSheetNames,
  planAction,
  planRecordedNote,
  type Action,
} from './invariants';

export const EXCEL_RUNS = 100;
jest.setTimeout(120000);

function ruleCounts(fx: FakeExcel): Record<string, [number, number, number]> {
  return Object.fromEntries(fx.sheets.map((s) => [s.name, [s.tables.length, s.validations.size, s.cfs.length]]));
}

/** Formulas the plans built themselves (document totals), as "Sheet!A1". */
function plannedFormulas(edits: WorkbookEdit[]): Set<string> {
  const out = new Set<string>();
  for (const e of edits) {
    if (e.kind !== 'addSheet') continue;
    for (const c of e.spec.cells) if (c.formula !== undefined) out.add(`${e.spec.name}!${cellAddress(c.row, c.col)}`);
  }
  return out;
}

/** Every formula in the workbook is one a generator built: no text from the sheet became a formula. */
function expectOnlyPlannedFormulas(fx: FakeExcel, planned: Set<string>): void {
  const found = fx.sheets.flatMap((s) => [...s.formulas.keys()].map((a) => `${s.name}!${a}`));
  expect(found.filter((f) => !planned.has(f))).toEqual([]);
}

async function runOnce(action: Action, port: ExcelWorkbookPort) {
  const before = await port.read();
  const u = understand(before, { today: TODAY });
  const planned = planAction(action, u, before);
  await port.apply(planned.edits);
  return { before, u, planned, after: await port.read() };
}

function fakeOf(g: Parameters<typeof toFakeSheets>[0]) {
  const fx = createFakeExcel(toFakeSheets(g), { dateSystem: g.dateSystem });
  return { fx, port: new ExcelWorkbookPort(fx.run as ExcelRun, { supports: () => true }) };
}

describe('actions through the Office.js adapter (recording fake)', () => {
  it.each(REPEATABLE)(`%s keeps every cell and is idempotent (${EXCEL_RUNS} runs)`, async (action) => {
    await fc.assert(
      fc.asyncProperty(orderWorkbookArb(), async (g) => {
        const { fx, port } = fakeOf(g);
        const first = await runOnce(action, port);
        expect(first.before.dateSystem).toBe(g.dateSystem);
        expectPreserved(first.before, first.after, first.u.order.sheet, first.planned.fixed);
        const counts = ruleCounts(fx);
        const second = await runOnce(action, port);
        expectSameWorkbook(first.after, second.after);
        expect(ruleCounts(fx)).toEqual(counts);
        expect(second.planned.fixed).toEqual([]);
        expectOnlyPlannedFormulas(fx, new Set());
      }),
      { numRuns: EXCEL_RUNS },
    );
  });

  it.each(ADDITIVE)(
    `%s keeps every cell; a second run adds one new sheet per document and nothing else (${EXCEL_RUNS} runs)`,
    async (action) => {
      await fc.assert(
        fc.asyncProperty(orderWorkbookArb(), async (g) => {
          const { fx, port } = fakeOf(g);
          const first = await runOnce(action, port);
          expectPreserved(
            first.before,
            first.after,
            first.u.order.sheet,
            [],
            undefined,
            first.planned.advancesLastNumbers,
          );
          for (const n of first.planned.newSheets) expect(newSheetNames(first.before, first.after)).toContain(n);
          const second = await runOnce(action, port);
          expectPreserved(
            second.before,
            second.after,
            second.u.order.sheet,
            [],
            first.before.sheets.map((s) => s.name),
            second.planned.advancesLastNumbers,
          );
          expect(newSheetNames(second.before, second.after)).toEqual(second.planned.newSheets);
          for (const n of second.planned.newSheets) expect(first.planned.newSheets).not.toContain(n);
          expectOnlyPlannedFormulas(
            fx,
            new Set([...plannedFormulas(first.planned.edits), ...plannedFormulas(second.planned.edits)]),
          );
        }),
        { numRuns: EXCEL_RUNS },
      );
    },
  );

  it(`a recorded delivery note changes only the shipped, ship-date and status cells it logs (${EXCEL_RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(orderWorkbookArb(), async (g) => {
        const { fx, port } = fakeOf(g);
        const before = await port.read();
        const u = understand(before, { today: TODAY });
        const planned = planRecordedNote(u, before);
        fx.resetStats();
        await port.apply(planned.edits);
        expect(fx.stats.syncs).toBeLessThanOrEqual(3);
        const after = await port.read();
        expectOnlyRecordedCells(before, after, u.order.sheet, planned.cells);
        expectOnlyPlannedFormulas(fx, plannedFormulas(planned.edits));
      }),
      { numRuns: EXCEL_RUNS },
    );
  });
});
