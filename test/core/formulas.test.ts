// Formula cells: their text result is reported without a fix, and planFixes never writes over them.
import { checkOrder } from '../../src/core/checks';
import { planFixes } from '../../src/core/fixes';
import { formulaLookup, sheetFromGrid } from '../../src/core/snapshot';
import type { CellValue, Issue, SheetSnapshot, WorkbookSnapshot } from '../../src/core/types';
import { understand } from '../../src/core/understand';

const NOW = new Date(2026, 10, 22, 9, 30, 0);

// D quantity, F due date. Row 2: both cells are formulas returning text; row 3: the same text typed by hand.
const GRID: CellValue[][] = [
  ['Order No.', 'Customer', 'Item', 'Qty', 'Unit Price', 'Due Date'],
  ['SO-1', 'ACME', 'X-1', '1,200', 2, '2026-12-05'],
  ['SO-2', 'ACME', 'X-2', '1,200', 2, '2026-12-05'],
];

function workbook(formulaCells?: string[]): WorkbookSnapshot {
  const sheet: SheetSnapshot = { ...sheetFromGrid('Orders', GRID), ...(formulaCells ? { formulaCells } : {}) };
  return { sheets: [sheet], dateSystem: 1900, activeSheet: null };
}

function textIssues(issues: Issue[]): Pick<Issue, 'cell' | 'code' | 'severity' | 'fix'>[] {
  return issues
    .filter((i) => i.code === 'text.number' || i.code === 'text.date')
    .map(({ cell, code, severity, fix }) => ({ cell, code, severity, fix }));
}

describe('formulaLookup', () => {
  test('single cells, column runs and blocks', () => {
    const s = { ...sheetFromGrid('S', [[1]]), formulaCells: ['D2', 'E3:E5', 'B7:C8', '$H$1'] };
    const isFormula = formulaLookup(s);
    const hits: string[] = [];
    for (let r = 1; r <= 9; r++) for (let c = 1; c <= 9; c++) if (isFormula(r, c)) hits.push(`${r}:${c}`);
    expect(hits).toEqual(['1:8', '2:4', '3:5', '4:5', '5:5', '7:2', '7:3', '8:2', '8:3']);
  });

  test('no formula cells (absent, empty or unreadable) → never a formula', () => {
    expect(formulaLookup(sheetFromGrid('S', [[1]]))(1, 1)).toBe(false);
    expect(formulaLookup({ ...sheetFromGrid('S', [[1]]), formulaCells: [] })(1, 1)).toBe(false);
    expect(formulaLookup({ ...sheetFromGrid('S', [[1]]), formulaCells: ['not an address'] })(1, 1)).toBe(false);
  });
});

describe('checks on formula cells', () => {
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
      'Quantity is a formula that returns the text "1,200": it cannot be fixed automatically; change the formula so it returns a number.',
      'Due date is a formula that returns the text "2026-12-05": it cannot be fixed automatically; change the formula so it returns a date.',
    ]);
    const zh = checkOrder(u, { lang: 'zh-CN' }).filter((i) => i.row === 2);
    expect(zh.map((i) => i.message)).toEqual([
      '数量的公式结果是文本“1,200”：无法自动修复，请修改公式，使其返回数字。',
      '交期的公式结果是文本“2026-12-05”：无法自动修复，请修改公式，使其返回日期。',
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
    expect(planFixes(u, claimed, { lang: 'en-US', now: NOW, wb })).toEqual({ edits: [], fixed: [] });
  });
});
