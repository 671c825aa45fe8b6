// Continuing a computed column's formula on a new line, as Excel's fill-down does.
import { shiftFormulaRows } from '../../../src/core/po/formula';

describe('shiftFormulaRows', () => {
  test.each([
    ['E8*F8', 1, 'E9*F9'],
    ['E8*F8', 12, 'E20*F20'],
    ['$E8*F$8', 3, '$E11*F$8'],
    ['SUM(E$4:E8)', 2, 'SUM(E$4:E10)'],
    ['IF(I8>=E8,"Done "&"A1","")', 1, 'IF(I9>=E9,"Done "&"A1","")'],
    ["'Price list'!B8*Rates!C8", 1, "'Price list'!B9*Rates!C9"],
    ['LOG10(E8)+ROUND(F8,2)', 1, 'LOG10(E9)+ROUND(F9,2)'],
    ['[@Qty]*[@[Unit Price]]', 5, '[@Qty]*[@[Unit Price]]'],
    ['Table1[[#This Row],[Qty]]*F8', 1, 'Table1[[#This Row],[Qty]]*F9'],
    ['E2-1', -1, 'E1-1'],
    ['E1*2', -1, '#REF!*2'],
    ['1.5E3*E8', 1, '1.5E3*E9'],
  ])('%s moved %i rows is %s', (f, n, want) => {
    expect(shiftFormulaRows(f, n)).toBe(want);
  });
});
