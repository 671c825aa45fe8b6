// Reading a snapshot: which cells hold formulas.

import { formulaLookup, sheetFromGrid } from '../../src/core/snapshot';

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
