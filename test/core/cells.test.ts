import { cellText, readDate, readNumber, type DateContext } from '../../src/core/cells';
import { isoToSerial } from '../../src/core/dates';

describe('readNumber', () => {
  it.each([
    [1200, 1200, false],
    ['1,200', 1200, true],
    ['１２００', 1200, true],
    ['¥35.00', 35, true],
    ['￥35', 35, true],
    ['$12.40', 12.4, true],
    ['12.5元', 12.5, true],
    ['USD 12.50', 12.5, true],
    ['480 个', 480, true],
    ['480 pcs', 480, true],
    ['480PCS', 480, true],
    [' 60 ', 60, true],
    ['1,080.00', 1080, true],
    ['-5', -5, true],
    ['(1,200)', -1200, true],
    ['3.40', 3.4, true],
    ['12 kg', 12, true],
    ['3 sets', 3, true],
    ['20 CTNS', 20, true],
    ['5公斤', 5, true],
    ['2 套', 2, true],
    ['100 RMB', 100, true],
    ['480 pcs.', 480, true],
    ['12 pcs/ctn', 12, true],
    ['3.5元/个', 3.5, true],
    ['1.5 t', 1.5, true],
    ['50%', 0.5, true],
  ])('%j → %d', (v, n, fromText) => expect(readNumber(v)).toEqual({ kind: 'ok', value: n, fromText }));
  it.each([
    ['待定'],
    ['TBD'],
    ['1,2,3'],
    ['3-5'],
    ['2026-12-05'],
    ['12./'],
    ['12 TBD'],
    ['50 待定'],
    ['12 pcsx'],
    ['3 weeks'],
    ['12 approx'],
  ])('%j is invalid', (v) => expect(readNumber(v)).toEqual({ kind: 'invalid', text: v }));
  it('empty, booleans and errors', () => {
    expect(readNumber(null)).toEqual({ kind: 'empty' });
    expect(readNumber('  ')).toEqual({ kind: 'empty' });
    expect(readNumber(true)).toEqual({ kind: 'invalid', text: 'TRUE' });
    expect(readNumber({ error: '#N/A' })).toEqual({ kind: 'error', error: '#N/A' });
  });
});

describe('readDate', () => {
  const ctx: DateContext = { dateSystem: 1900, referenceSerial: isoToSerial('2026-11-05'), dayFirst: false };
  const ok = (iso: string, fromText = true) => ({ kind: 'ok', value: isoToSerial(iso), fromText });
  it.each([
    ['2026-12-05', '2026-12-05'],
    ['2026/12/8', '2026-12-08'],
    ['2026.12.05', '2026-12-05'],
    ['2026年11月21日', '2026-11-21'],
    ['12月10日', '2026-12-10'],
    ['11月1日', '2027-11-01'],
    ['Dec 3, 2026', '2026-12-03'],
    ['3 Dec 2026', '2026-12-03'],
    ['December 3 2026', '2026-12-03'],
    ['20261205', '2026-12-05'],
    ['12/25/2026', '2026-12-25'],
    ['11/26/2026', '2026-11-26'],
    ['25/12/2026', '2026-12-25'],
    ['2026-12-05 00:00:00', '2026-12-05'],
    ['２０２６－１２－０５', '2026-12-05'],
    ['2 Dec 2026', '2026-12-02'],
  ])('%j → %s', (t, iso) => expect(readDate(t, null, ctx)).toEqual(ok(iso)));
  it('day-first setting reads 03/04/2026 as 3 April', () => {
    expect(readDate('03/04/2026', null, ctx)).toEqual(ok('2026-03-04'));
    expect(readDate('03/04/2026', null, { ...ctx, dayFirst: true })).toEqual(ok('2026-04-03'));
  });
  it.each([['急'], ['TBD'], ['下周'], ['2026-02-30'], ['13/13/2026'], ['20261305']])('%j is invalid', (t) =>
    expect(readDate(t, null, ctx)).toEqual({ kind: 'invalid', text: t }),
  );
  it('real serials are dates whatever the format; 1904 serials are converted', () => {
    expect(readDate(46361, 'yyyy-mm-dd', ctx)).toEqual(ok('2026-12-05', false));
    expect(readDate(46361, 'General', ctx)).toEqual(ok('2026-12-05', false));
    expect(readDate(44899, 'yyyy-mm-dd', { ...ctx, dateSystem: 1904 })).toEqual(ok('2026-12-05', false));
    expect(readDate(46361.5, null, ctx)).toEqual(ok('2026-12-05', false));
  });
  it('20261205 typed as a number is a fixable date', () =>
    expect(readDate(20261205, 'General', ctx)).toEqual(ok('2026-12-05')));
  it('empty, booleans and errors', () => {
    expect(readDate(null, null, ctx)).toEqual({ kind: 'empty' });
    expect(readDate(false, null, ctx)).toEqual({ kind: 'invalid', text: 'FALSE' });
    expect(readDate({ error: '#REF!' }, null, ctx)).toEqual({ kind: 'error', error: '#REF!' });
    expect(readDate(0, null, ctx)).toEqual({ kind: 'invalid', text: '0' });
  });
});

describe('cellText', () => {
  it('strings trimmed, numbers as written, dates as ISO, errors as codes', () => {
    expect(cellText('  FM-201 ', null, 1900)).toBe('FM-201');
    expect(cellText(0.1 + 0.2, '0.00', 1900)).toBe('0.3');
    expect(cellText(46361, 'yyyy-mm-dd', 1900)).toBe('2026-12-05');
    expect(cellText(44899, 'm/d/yyyy', 1904)).toBe('2026-12-05');
    expect(cellText(46361, 'General', 1900)).toBe('46361');
    expect(cellText({ error: '#N/A' }, null, 1900)).toBe('#N/A');
    expect(cellText(true, null, 1900)).toBe('TRUE');
    expect(cellText(null, null, 1900)).toBe('');
  });
});
