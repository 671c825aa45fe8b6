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
  const ranges = Object.keys(model()).sort();
  expect(notice.text).toBe(
    `Data validation added to ${ranges.length} columns: Excel will warn about wrong entries from now on.`,
  );
  expect(ranges).toEqual(['D4:D7', 'E4:E7', 'G4:G7', 'H4:H7', 'I4:I7']); // the amount has no rule of its own
  await applyValidationRules(ctx);
  expect(Object.keys(model()).sort()).toEqual(ranges);
});
