// Excel's limits in what core builds: text copied from the order sheet into the weekly report is cut to what a
// cell holds, and the warning names the order-sheet cell it came from.

import type { SheetSpec } from '../../src/core/edits';
import { EXCEL_LIMITS, fitEditsToExcel, sheetNameFits, validationListFits } from '../../src/core/limits';
import { planOverdueReport } from '../../src/core/report';
import type { CellValue } from '../../src/core/types';
import { serial, sheetOf, understandGrid, workbookOf } from './helpers/grid';

test('a 40,000-character description is cut in the report, with a warning naming its source cell', () => {
  const long = '长'.repeat(40000);
  const grid: CellValue[][] = [
    ['orderNo', 'customer', 'item', 'description', 'quantity', 'dueDate'],
    ['SO-1', 'Harbor Supply', 'HS-1', long, 100, serial('2026-11-19')],
  ];
  const u = understandGrid(grid);
  const report = planOverdueReport(u, workbookOf([sheetOf(grid)]), { today: '2026-11-22', lang: 'en-US' });
  const spec = (report.edits[0] as { spec: SheetSpec }).spec;
  const longest = Math.max(...spec.cells.map((c) => (typeof c.value === 'string' ? c.value.length : 0)));
  expect(longest).toBe(EXCEL_LIMITS.cellChars);
  expect(report.warnings).toEqual([
    `The text for ${u.order.sheet}!D2 is longer than an Excel cell holds (32,767 characters): it was cut and ends in "…".`,
  ]);
});

test('sheet names and validation lists are checked against the same table', () => {
  expect(sheetNameFits('装箱单 PL-20261122-001')).toBe(true);
  expect(sheetNameFits('x'.repeat(32))).toBe(false);
  expect(sheetNameFits('a/b')).toBe(false);
  expect(validationListFits(['待排产', '生产中'])).toBe(true);
  expect(validationListFits(['x'.repeat(300)])).toBe(false);
});

test('a rule over 8,192 characters or a list over 255 is not written, and the note says where', () => {
  const { edits, limited } = fitEditsToExcel([
    {
      kind: 'setConditionalFormats',
      sheet: 'Orders',
      marker: 'm',
      ranges: ['A2:F9'],
      rules: [{ formula: 'm' }, { formula: `OR(${'A2="x",'.repeat(1200)}FALSE)` }],
    },
    {
      kind: 'setDataValidation',
      sheet: 'Orders',
      rules: [
        {
          range: 'F2:F9',
          rule: { kind: 'list', values: Array.from({ length: 80 }, (_, i) => `状态${i}`) },
          prompt: { title: '', message: '' },
          errorAlert: { title: '', message: '' },
        },
      ],
    },
  ]);
  expect(limited).toEqual([
    { target: 'Orders!A2:F9', what: 'formulaTooLong' },
    { target: 'Orders!F2:F9', what: 'listTooLong' },
  ]);
  expect(edits[0]).toMatchObject({ rules: [{ formula: 'm' }] });
  expect(edits[1]).toMatchObject({ rules: [] });
});
