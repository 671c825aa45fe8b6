// Property: understanding any workbook never throws anything but an OrderClerkError (a message the clerk can read),
// never changes the snapshot it reads, and what it finds points inside the sheet.
// Runs: 500 random workbooks (order-shaped and pure noise) + 300 order workbooks, both date systems.

import * as fc from 'fast-check';
import { checkOrder } from '../../src/core/checks';
import { classifyLines } from '../../src/core/delay';
import { OrderClerkError } from '../../src/core/errors';
import { findSheet, lastColumn, lastRow } from '../../src/core/snapshot';
import { understand } from '../../src/core/understand';
import { orderWorkbookArb, randomWorkbookArb, toSnapshot } from './arbitraries';

const TODAY = '2026-11-22';
export const UNDERSTAND_RUNS = 500;
export const ORDER_RUNS = 300;

describe('understand over random workbooks', () => {
  it(`throws only OrderClerkError and never mutates the snapshot (${UNDERSTAND_RUNS} runs)`, () => {
    fc.assert(
      fc.property(randomWorkbookArb, (g) => {
        const wb = toSnapshot(g);
        const before = JSON.stringify(wb);
        try {
          const u = understand(wb, { today: TODAY });
          // Checking and classifying what was understood must not throw either.
          checkOrder(u, { lang: 'zh-CN' });
          classifyLines(u, TODAY);
        } catch (e) {
          if (!(e instanceof OrderClerkError)) throw e;
          // Every failure has a message in both languages.
          expect(e.messageIn('zh-CN')).not.toMatch(/^error\./);
          expect(e.messageIn('en-US')).not.toMatch(/^error\./);
        }
        expect(JSON.stringify(wb)).toBe(before);
      }),
      { numRuns: UNDERSTAND_RUNS },
    );
  });

  it(`finds the generated order table and keeps it inside the sheet (${ORDER_RUNS} runs)`, () => {
    fc.assert(
      fc.property(orderWorkbookArb(), (g) => {
        const wb = toSnapshot(g);
        const before = JSON.stringify(wb);
        // Every generated order workbook has a header row of known words over order lines: it is always understood.
        const u = understand(wb, { today: TODAY });
        const s = findSheet(wb, u.order.sheet)!;
        expect(s).toBeDefined();
        expect(u.order.headerRow).toBeGreaterThanOrEqual(s.top);
        expect(u.order.lastDataRow).toBeLessThanOrEqual(lastRow(s));
        expect(u.order.lastColumn).toBeLessThanOrEqual(lastColumn(s));
        const gen = g.sheets[0];
        expect(u.order.sheet).toBe(gen.name);
        expect(u.order.headerRow).toBe(gen.headerRow);
        // Subtotal, note and blank rows are never order lines.
        for (const r of u.order.dataRows) expect(gen.rowKinds![r]).toBe('data');
        const cols = Object.values(u.order.columns);
        expect(new Set(cols).size).toBe(cols.length); // two columns never map to one field
        expect(u.lines.map((l) => l.row)).toEqual(u.order.dataRows);
        expect(JSON.stringify(wb)).toBe(before);
      }),
      { numRuns: ORDER_RUNS },
    );
  });
});
