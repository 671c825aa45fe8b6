// 大写 amounts: the bank rules on hand-picked edge cases, and agreement with the nzh package (an independent
// implementation) on random amounts where both follow the same optional-零 convention.
import * as fc from 'fast-check';
import nzh from 'nzh/cn';
import { amountInCapitals, currencyPrefix } from '../../../src/core/documents/capitals';

describe('amountInCapitals', () => {
  it.each([
    [10560, '人民币壹万零伍佰陆拾元整'], // the SPEC's example
    [0, '人民币零元整'],
    [0.5, '人民币伍角'],
    [0.05, '人民币伍分'],
    [0.55, '人民币伍角伍分'],
    [1409.5, '人民币壹仟肆佰零玖元伍角'], // a zero inside: 零
    [6007.14, '人民币陆仟零柒元壹角肆分'], // several zeros: one 零
    [16409.02, '人民币壹万陆仟肆佰零玖元零贰分'], // 角 is 0, 分 is not: 零 after 元
    [325.04, '人民币叁佰贰拾伍元零肆分'],
    [1680.32, '人民币壹仟陆佰捌拾元叁角贰分'],
    [10, '人民币壹拾元整'], // 壹拾, never 拾
    [15, '人民币壹拾伍元整'],
    [110, '人民币壹佰壹拾元整'],
    [100000, '人民币壹拾万元整'],
    [107000.53, '人民币壹拾万柒仟元伍角叁分'],
    [100010000, '人民币壹亿零壹万元整'], // an empty 万 group: one 零
    [100000000, '人民币壹亿元整'],
    [1000000001, '人民币壹拾亿零壹元整'],
    [200300, '人民币贰拾万零叁佰元整'],
    [41600, '人民币肆万壹仟陆佰元整'],
    [-123.45, '人民币负壹佰贰拾叁元肆角伍分'],
    [1.005, '人民币壹元零壹分'], // rounded half up to the cent, not truncated
    [0.004, '人民币零元整'],
    [-0.004, '人民币零元整'], // no 负 for nothing
    [99999999.99, '人民币玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
    [1e12 + 5, '人民币壹万亿零伍元整'],
  ])('%p → %s', (amount, words) => {
    expect(amountInCapitals(amount)).toBe(words);
  });

  it('writes another currency word, or none', () => {
    expect(amountInCapitals(12.5, '美元')).toBe('美元壹拾贰元伍角');
    expect(amountInCapitals(12, '')).toBe('壹拾贰元整');
  });

  it('refuses what it cannot write', () => {
    expect(() => amountInCapitals(Number.NaN)).toThrow(RangeError);
    expect(() => amountInCapitals(Infinity)).toThrow(RangeError);
    expect(() => amountInCapitals(1e17)).toThrow(RangeError);
  });

  it('agrees with nzh on random whole-cent amounts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999_999_99 }), (cents) => {
        const amount = cents / 100;
        // nzh truncates to the cent from the text (and writes x.00 without 整): give it the exact two-decimal text.
        const text = cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
        const oracle = nzh.toMoney(text, { outSymbol: false });
        expect(amountInCapitals(amount, '')).toBe(oracle);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('currencyPrefix', () => {
  it.each([
    ['', '人民币'],
    ['RMB', '人民币'],
    ['cny', '人民币'],
    ['USD', '美元'],
    ['港币', '港币'],
    ['JPY', null],
  ])('%p → %p', (c, p) => expect(currencyPrefix(c)).toBe(p));
});
