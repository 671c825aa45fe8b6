// Beside src/core/limits.ts: does fitEditsToExcel's shortcut pay on the weekly report (every value fits: one check
// per cell, nothing made) against mapping every cell through a fitted-value object, as it did before? Same result.

import type { CellSpec, WriteValue } from '../../src/core/edits';
import { EXCEL_LIMITS, cutCellText, fitEditsToExcel } from '../../src/core/limits';
import { planOverdueReport } from '../../src/core/report';
import { understand } from '../../src/core/understand';
import { generateWorkbook } from '../generateSheet';
import { compare } from './timing';

const TODAY = '2026-11-22';

export interface ReportBenchRow {
  rows: number;
  cells: number;
  mapEveryCellMs: number;
  shortcutMs: number;
  limitsRatio: number;
}

/** What fitEditsToExcel did for an added sheet before the shortcut: every cell through a fitted-value object. */
function mapEveryCell(cells: CellSpec[]): CellSpec[] {
  const fitted = (v: WriteValue | undefined): { value: WriteValue | undefined; changed: boolean } => {
    if (typeof v === 'string') return { value: cutCellText(v), changed: v.length > EXCEL_LIMITS.cellChars };
    if (typeof v === 'number' && !Number.isFinite(v)) return { value: null, changed: true };
    return { value: v, changed: false };
  };
  return cells.map((c) => {
    if (c.formula !== undefined) return c.formula.length + 1 <= EXCEL_LIMITS.formulaChars ? c : { ...c, value: null };
    const f = fitted(c.value);
    return f.changed ? { ...c, value: f.value } : c;
  });
}

export function benchReport(rows: number): ReportBenchRow {
  const wb = generateWorkbook(rows);
  const u = understand(wb, { today: TODAY });
  const r = planOverdueReport(u, wb, { today: TODAY, lang: 'en-US', company: null });

  const edit = r.edits[0];
  if (edit.kind !== 'addSheet') throw new Error('the report plan adds a sheet');
  const cells = edit.spec.cells;
  if (fitEditsToExcel(r.edits).edits !== r.edits || mapEveryCell(cells).some((c, i) => c !== cells[i]))
    throw new Error('a generated report cell does not fit');
  const limits = compare(
    () => mapEveryCell(cells),
    () => fitEditsToExcel(r.edits),
    rows >= 100000 ? 9 : 21,
  );
  return {
    rows,
    cells: cells.length,
    mapEveryCellMs: limits.simpleMs,
    shortcutMs: limits.keptMs,
    limitsRatio: limits.ratio,
  };
}
