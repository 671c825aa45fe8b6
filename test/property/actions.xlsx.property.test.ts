// Property, .xlsx adapter (the package writer): every action on a random order workbook, written and read back, leaves every
// cell the clerk had exactly as it was (except chosen fixes, each with its change-log row); running an action twice
// equals running it once (documents and the report instead add one new numbered sheet and change nothing else).
// Runs: XLSX_RUNS (30) random workbooks per action × 8 actions, both date systems.

import * as fc from 'fast-check';
import type * as ExcelJS from 'exceljs';
import { understand } from '../../src/core/understand';
import type { WorkbookSnapshot } from '../../src/core/types';
import { applyEditsToPackage } from '../../src/xlsx/package/writer';
import { readWorkbookBuffer } from '../../src/xlsx/exceljs';
import { writeWorkbookBuffer } from '../../src/xlsx/write';
import { orderWorkbookArb, toExcelJs } from './arbitraries';
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

export const XLSX_RUNS = 30;
jest.setTimeout(120000);

interface Loaded {
  bytes: Uint8Array;
  workbook: ExcelJS.Workbook;
  snapshot: WorkbookSnapshot;
}

async function load(bytes: Uint8Array): Promise<Loaded> {
  return { bytes, ...(await readWorkbookBuffer(bytes, 'roundtrip.xlsx')) };
}

/** The random workbook saved once (as a clerk's file) and read. */
async function roundTrip(wb: ExcelJS.Workbook): Promise<Loaded> {
  return load(await writeWorkbookBuffer(wb));
}

/** Data-validation entries and conditional-format rules per sheet, as written in the file. */
function ruleCounts(wb: ExcelJS.Workbook): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const ws of wb.worksheets) {
    const dv = Object.keys((ws as unknown as { dataValidations: { model: object } }).dataValidations.model).length;
    const cfs = (ws as unknown as { conditionalFormattings?: { rules: unknown[] }[] }).conditionalFormattings ?? [];
    out[ws.name] = [dv, cfs.reduce((n, cf) => n + cf.rules.length, 0)];
  }
  return out;
}

async function runOnce(action: Action, loaded: Loaded) {
  const u = understand(loaded.snapshot, { today: TODAY });
  const planned = planAction(action, u, loaded.snapshot);
  const written = await applyEditsToPackage(loaded.bytes, planned.edits);
  return { u, planned, after: await load(written.bytes) };
}

describe('actions through the .xlsx adapter (written and read back)', () => {
  it.each(REPEATABLE)(`%s keeps every cell and is idempotent (${XLSX_RUNS} runs)`, async (action) => {
    await fc.assert(
      fc.asyncProperty(orderWorkbookArb(), async (g) => {
        const start = await roundTrip(toExcelJs(g));
        const first = await runOnce(action, start);
        expectPreserved(start.snapshot, first.after.snapshot, first.u.order.sheet, first.planned.fixed);
        const counts = ruleCounts(first.after.workbook);
        const second = await runOnce(action, first.after);
        expectSameWorkbook(first.after.snapshot, second.after.snapshot);
        expect(ruleCounts(second.after.workbook)).toEqual(counts);
        expect(second.planned.fixed).toEqual([]); // nothing is left to fix after fixing
      }),
      { numRuns: XLSX_RUNS },
    );
  });

  it.each(ADDITIVE)(
    `%s keeps every cell; a second run adds one new sheet per document and nothing else (${XLSX_RUNS} runs)`,
    async (action) => {
      await fc.assert(
        fc.asyncProperty(orderWorkbookArb(), async (g) => {
          const start = await roundTrip(toExcelJs(g));
          const first = await runOnce(action, start);
          expectPreserved(
            start.snapshot,
            first.after.snapshot,
            first.u.order.sheet,
            [],
            undefined,
            first.planned.advancesLastNumbers,
          );
          for (const n of first.planned.newSheets)
            expect(newSheetNames(start.snapshot, first.after.snapshot)).toContain(n);
          const second = await runOnce(action, first.after);
          expectPreserved(
            first.after.snapshot,
            second.after.snapshot,
            second.u.order.sheet,
            [],
            start.snapshot.sheets.map((s) => s.name),
            second.planned.advancesLastNumbers,
          );
          expect(newSheetNames(first.after.snapshot, second.after.snapshot)).toEqual(second.planned.newSheets);
          expect(second.planned.newSheets.length).toBe(first.planned.newSheets.length);
          for (const n of second.planned.newSheets) expect(first.planned.newSheets).not.toContain(n);
        }),
        { numRuns: XLSX_RUNS },
      );
    },
  );

  it(`a recorded delivery note changes only the shipped, ship-date and status cells it logs (${XLSX_RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(orderWorkbookArb(), async (g) => {
        const start = await roundTrip(toExcelJs(g));
        const u = understand(start.snapshot, { today: TODAY });
        const planned = planRecordedNote(u, start.snapshot);
        const after = await load((await applyEditsToPackage(start.bytes, planned.edits)).bytes);
        expectOnlyRecordedCells(start.snapshot, after.snapshot, u.order.sheet, planned.cells);
      }),
      { numRuns: XLSX_RUNS },
    );
  });
});
