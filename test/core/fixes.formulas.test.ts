// planFixes never writes over a formula cell, whatever the issue says.

import { checkOrder } from '../../src/core/checks';
import { planFixes } from '../../src/core/fixes';
import { understand } from '../../src/core/understand';
import { formulaWorkbook as workbook } from './helpers/formulas';

const NOW = new Date(2026, 10, 22, 9, 30, 0);

describe('planFixes never writes a formula cell', () => {
  test('fixes only the typed cells', () => {
    const wb = workbook(['D2', 'F2']);
    const u = understand(wb, { today: '2026-11-22' });
    const { fixed, edits } = planFixes(u, checkOrder(u, { lang: 'en-US' }), { lang: 'en-US', now: NOW, wb });
    expect(fixed.map((f) => f.cell)).toEqual(['D3', 'F3']);
    const set = edits.find((e) => e.kind === 'setValues');
    expect(set && set.kind === 'setValues' ? set.cells.map((c) => c.address) : null).toEqual(['D3', 'F3']);
  });

  test('even when an issue claims a fix for a formula cell', () => {
    const wb = workbook(['D2', 'F2']);
    const u = understand(wb, { today: '2026-11-22' });
    // The issues of the same sheet without formula knowledge: D2 and F2 claim fixes.
    const claimed = checkOrder(understand(workbook(), { today: '2026-11-22' }), { lang: 'en-US' }).filter(
      (i) => i.row === 2,
    );
    expect(claimed.map((i) => [i.cell, i.severity, i.fix])).toEqual([
      ['D2', 'fixable', { value: 1200 }],
      ['F2', 'fixable', { value: '2026-12-05' }],
    ]);
    expect(planFixes(u, claimed, { lang: 'en-US', now: NOW, wb })).toEqual({ edits: [], fixed: [], log: 'Change log' });
  });
});
