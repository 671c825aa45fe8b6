// The demo grid shows numbers as their Excel number formats do.

import { formatNumber } from '../../src/demo/gridModel';

describe('demo grid number formats', () => {
  it('shows numbers as simple Excel formats do', () => {
    expect(formatNumber(40800, '#,##0.00')).toBe('40,800.00');
    expect(formatNumber(68, '0.00')).toBe('68.00');
    expect(formatNumber(1200, '#,##0')).toBe('1,200');
    expect(formatNumber(0.125, '0.0%')).toBe('12.5%');
    expect(formatNumber(5, 'General')).toBeNull();
    expect(formatNumber(46000, 'yyyy-mm-dd')).toBeNull();
    expect(formatNumber(5, null)).toBeNull();
  });
});
