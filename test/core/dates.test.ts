import {
  isDateFormat,
  isoToSerial,
  isoWeekLabel,
  serialToIso,
  toSerial1900,
  fromSerial1900,
  ymdToSerial,
} from '../../src/core/dates';

describe('serials', () => {
  it.each([
    ['1900-01-01', 1],
    ['1900-02-28', 59],
    ['1900-03-01', 61],
    ['2026-11-22', 46348],
    ['2026-10-08', 46303],
    ['9999-12-31', 2958465],
  ])('%s ↔ %d', (iso, serial) => {
    expect(isoToSerial(iso)).toBe(serial);
    expect(serialToIso(serial)).toBe(iso);
  });
  it("serial 60 is Excel's phantom 1900-02-29", () => expect(serialToIso(60)).toBe('1900-02-29'));
  it('a time of day does not move the date', () => expect(serialToIso(46348.75)).toBe('2026-11-22'));
  it('invalid ISO text is NaN', () => {
    expect(isoToSerial('2026-02-30')).toBeNaN();
    expect(isoToSerial('soon')).toBeNaN();
  });
  it('ymdToSerial', () => expect(ymdToSerial(2026, 12, 5)).toBe(46361));
  it('1904 system is 1462 days apart', () => {
    expect(toSerial1900(44886, 1904)).toBe(46348);
    expect(fromSerial1900(46348, 1904)).toBe(44886);
    expect(toSerial1900(46348, 1900)).toBe(46348);
  });
});

describe('isDateFormat', () => {
  it.each([
    'yyyy-mm-dd',
    'm/d/yyyy',
    'mm-dd-yy',
    'd-mmm-yy',
    'yyyy"年"m"月"d"日"',
    'yyyy年m月d日',
    '[$-409]mmmm d, yyyy',
    'mmm-yy',
    'yyyy-mm-dd hh:mm',
    '[$-F800]dddd, mmmm dd, yyyy',
  ])('%j is a date', (f) => expect(isDateFormat(f)).toBe(true));
  it.each([
    'General',
    '0.00',
    '@',
    '[h]:mm',
    'h:mm:ss',
    'mm:ss',
    '#,##0',
    '"¥"#,##0.00',
    '[Red]0.00',
    '0%',
    '0.00E+00',
    '_(* #,##0_)',
    null,
    '',
  ])('%j is not a date', (f) => expect(isDateFormat(f)).toBe(false));
});

describe('isoWeekLabel', () => {
  it.each([
    ['2026-11-22', '2026-W47'],
    ['2026-11-16', '2026-W47'],
    ['2026-11-23', '2026-W48'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
  ])('%s → %s', (iso, label) => expect(isoWeekLabel(isoToSerial(iso))).toBe(label));
});
