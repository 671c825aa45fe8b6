// Beside src/core/lines/columns.ts: does reading the order lines column by column into typed arrays pay? The same
// readings (every mapped number and date of every line) taken from each line's raw/num/date views instead.

import { DATE_FIELDS, NUMERIC_FIELDS, type Reading } from '../../src/core/types';
import { okAt } from '../../src/core/lines/columns';
import { understand } from '../../src/core/understand';
import { generateWorkbook } from '../generateSheet';
import { compare } from './timing';

const TODAY = '2026-11-22';

export interface LinesBenchRow {
  rows: number;
  viewsMs: number;
  columnsMs: number;
  /** How many times longer the views take. */
  ratio: number;
}

export function benchLineColumns(rows: number): LinesBenchRow {
  const wb = generateWorkbook(rows);
  const columns = () => {
    const u = understand(wb, { today: TODAY });
    let sum = 0;
    for (const f of NUMERIC_FIELDS) {
      const col = u.columns.num(f);
      for (let k = 0; k < u.columns.n; k++) sum += okAt(col, k) ?? 0;
    }
    for (const f of DATE_FIELDS) {
      const col = u.columns.date(f);
      for (let k = 0; k < u.columns.n; k++) sum += okAt(col, k) ?? 0;
    }
    return sum;
  };
  const ok = (r: Reading | undefined) => (r && r.kind === 'ok' ? r.value : 0);
  const views = () => {
    const u = understand(wb, { today: TODAY });
    let sum = 0;
    for (const line of u.lines) {
      for (const f of NUMERIC_FIELDS) sum += ok(line.num[f]);
      for (const f of DATE_FIELDS) sum += ok(line.date[f]);
    }
    return sum;
  };
  // The same values, added up in another order.
  if (Math.abs(columns() - views()) > 1e-9 * Math.abs(columns()))
    throw new Error('columns and views read different values');
  const r = compare(views, columns, rows >= 100000 ? 7 : 15);
  return { rows, viewsMs: r.simpleMs, columnsMs: r.keptMs, ratio: r.ratio };
}
