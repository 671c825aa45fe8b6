// Checks on formula cells: a formula's text result is reported as a warning without a fix.

import { checkOrder } from '../../src/core/checks';
import type { Issue } from '../../src/core/types';
import { sheetFromGrid } from '../../src/core/snapshot';
import { understand } from '../../src/core/understand';
import { formulaWorkbook as workbook } from './helpers/formulas';

function textIssues(issues: Issue[]): Pick<Issue, 'cell' | 'code' | 'severity' | 'fix'>[] {
  return issues
    .filter((i) => i.code === 'text.number' || i.code === 'text.date')
    .map(({ cell, code, severity, fix }) => ({ cell, code, severity, fix }));
}

describe('checks on formula cells', () => {
  test("an amount left empty by the clerk's formula is not amount.missing; a typed-empty one is", () => {
    const grid = [
      ['Order No.', 'Customer', 'Item', 'Qty', 'Unit Price', 'Amount', 'Due Date'],
      ['SO-1', 'ACME', 'X-1', 10, 2, null, 46360],
      ['SO-2', 'ACME', 'X-2', 10, 2, null, 46360],
    ];
    const sheet = { ...sheetFromGrid('Orders', grid), formulaCells: ['F2'] };
    const u = understand({ sheets: [sheet], dateSystem: 1900, activeSheet: null }, { today: '2026-11-22' });
    const missing = checkOrder(u, { lang: 'en-US' }).filter((i) => i.code === 'amount.missing');
    expect(missing.map((i) => i.cell)).toEqual(['F3']);
  });

  test('a formula returning text is a warning without a fix; typed text stays fixable', () => {
    const u = understand(workbook(['D2', 'F2']), { today: '2026-11-22' });
    expect(textIssues(checkOrder(u, { lang: 'en-US' }))).toEqual([
      { cell: 'D2', code: 'text.number', severity: 'warning', fix: null },
      { cell: 'F2', code: 'text.date', severity: 'warning', fix: null },
      { cell: 'D3', code: 'text.number', severity: 'fixable', fix: { value: 1200 } },
      { cell: 'F3', code: 'text.date', severity: 'fixable', fix: { value: '2026-12-05' } },
    ]);
  });

  test('messages say to change the formula, in both languages', () => {
    const u = understand(workbook(['D2:F2']), { today: '2026-11-22' });
    const en = checkOrder(u, { lang: 'en-US' }).filter((i) => i.row === 2);
    expect(en.map((i) => i.message)).toEqual([
      'Qty is a formula that returns the text "1,200": it cannot be fixed automatically; change the formula so it returns a number.',
      'Due date is a formula that returns the text "2026-12-05": it cannot be fixed automatically; change the formula so it returns a date.',
    ]);
    const zh = checkOrder(u, { lang: 'zh-CN' }).filter((i) => i.row === 2);
    expect(zh.map((i) => i.message)).toEqual([
      '数量的公式结果是文本“1,200”：无法自动修正，请修改公式，使其返回数字。',
      '交期的公式结果是文本“2026-12-05”：无法自动修正，请修改公式，使其返回日期。',
    ]);
  });

  test('without formula cells, the same texts are fixable', () => {
    const u = understand(workbook(), { today: '2026-11-22' });
    expect(textIssues(checkOrder(u, { lang: 'en-US' })).map((i) => [i.cell, i.severity])).toEqual([
      ['D2', 'fixable'],
      ['F2', 'fixable'],
      ['D3', 'fixable'],
      ['F3', 'fixable'],
    ]);
  });
});
