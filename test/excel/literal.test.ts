import { needsQuotePrefix, toExcelLiteral } from '../../src/excel/literal';

describe('toExcelLiteral', () => {
  test('strings Excel would parse get a quote prefix; plain text, numbers and booleans do not', () => {
    expect(
      ['=SUM(A1)', '+1', '-x', '@a', "'a", '#N/A', '1,200', '2026-12-05', 'PO-001', 'true', ' FALSE '].map(
        needsQuotePrefix,
      ),
    ).toEqual(Array(11).fill(true));
    expect(['客户', 'Open', '', 'a=b'].map(needsQuotePrefix)).toEqual([false, false, false, false]);
    expect(toExcelLiteral('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(toExcelLiteral('客户')).toBe('客户');
    expect(toExcelLiteral(12.5)).toBe(12.5);
    expect(toExcelLiteral(false)).toBe(false);
    expect(toExcelLiteral(null)).toBe('');
    expect(toExcelLiteral(Number.NaN)).toBe('');
  });
});
