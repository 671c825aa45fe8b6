// Validation rules: live data validation on the mapped columns of the order lines, replaced (not stacked) each run.

import { applyValidationRules } from '../../../src/taskpane/actions';
import { onXlsxPort } from './helpers';

test('one rule per checked column over the order lines, the same after a second run', async () => {
  const { port, ctx } = onXlsxPort();
  const notice = await applyValidationRules(ctx);
  expect(notice.intent).toBe('success');
  const model = () =>
    (port.workbook.getWorksheet('Orders') as unknown as { dataValidations: { model: Record<string, unknown> } })
      .dataValidations.model;
  // ExcelJS (the demo port's grid model) lists a loaded rule cell by cell: group the cells back into column ranges.
  const columnRanges = (): string[] => {
    const rows = new Map<string, number[]>();
    for (const key of Object.keys(model()))
      for (const a of key.split(/\s+/)) {
        const m = /^([A-Z]+)(\d+)(?::[A-Z]+(\d+))?$/.exec(a)!;
        const list = rows.get(m[1]) ?? [];
        list.push(Number(m[2]), Number(m[3] ?? m[2]));
        rows.set(m[1], list);
      }
    return [...rows].map(([c, r]) => `${c}${Math.min(...r)}:${c}${Math.max(...r)}`).sort();
  };
  const ranges = columnRanges();
  expect(notice.text).toBe(
    `Data validation added to ${ranges.length} columns: Excel will warn about wrong entries from now on.`,
  );
  expect(ranges).toEqual(['D4:D7', 'E4:E7', 'G4:G7', 'H4:H7', 'I4:I7']); // the amount has no rule of its own
  await applyValidationRules(ctx);
  expect(columnRanges()).toEqual(ranges);
  expect(Object.keys(model())).toHaveLength(20); // 5 columns × 4 lines, one rule each (not stacked)
});
