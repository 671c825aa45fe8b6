// "Apply" (core/plans.ts): table + validation + delay rules (+ fixes); a table core refuses is skipped and said.
import { planApply } from '../../src/core/plans';
import { sheetFromGrid } from '../../src/core/snapshot';
import type { WorkbookSnapshot } from '../../src/core/types';
import { understand } from '../../src/core/understand';

test('apply skips only the table and says why; validation and delay rules are still planned', () => {
  const head = ['Order No.', 'Item', 'Qty', 'Due Date', 'Remarks', 'REMARKS'];
  const line = ['SO-1', 'X-1', 5, 46400, 'rush', 'call first'];
  const wb: WorkbookSnapshot = { sheets: [sheetFromGrid('Orders', [head, line])], dateSystem: 1900, activeSheet: null };
  const plan = planApply(understand(wb, { today: '2026-11-22' }), {
    lang: 'en-US',
    fix: false,
    now: new Date(2026, 10, 22),
    wb,
  });
  expect(plan.tableSkipped?.code).toBe('tableHeadersInvalid');
  expect(plan.edits.map((e) => e.kind)).toEqual(['setDataValidation', 'setConditionalFormats']);
});
