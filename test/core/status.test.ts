import { STATUS_WORDS, statusKind, statusMatcher, statusWords } from '../../src/core/status';
import { DEFAULT_SETTINGS } from '../../src/core/types';

describe('statusKind', () => {
  test.each([
    ['已出货', 'shipped'],
    ['已出貨', 'shipped'],
    ['结案', 'shipped'],
    ['Shipped', 'shipped'],
    ['  shipped ', 'shipped'],
    ['DELIVERED', 'shipped'],
    ['ｄｏｎｅ', 'shipped'], // full-width
    ['Ｃｏｍｐｌｅｔｅ', 'shipped'],
    ['作废', 'cancelled'],
    ['canceled', 'cancelled'],
    ['VOID', 'cancelled'],
    ['部分出货', 'partial'],
    ['partially   shipped', 'partial'], // runs of spaces collapse, as Excel's TRIM does
    ['Ｐａｒｔｉａｌｌｙ\u3000Ｓｈｉｐｐｅｄ', 'partial'],
  ])('%s → %s', (text, kind) => {
    expect(statusKind(text, DEFAULT_SETTINGS)).toBe(kind);
  });

  test.each(['', '生产中', 'Open', 'Shipped?', 'not shipped', 'Ship ped'])('%s is no status word', (text) => {
    expect(statusKind(text, DEFAULT_SETTINGS)).toBeNull();
  });

  test('null and undefined are no status', () => {
    expect(statusKind(null)).toBeNull();
    expect(statusKind(undefined)).toBeNull();
  });

  test('extra words from settings count, case- and width-insensitively', () => {
    const settings = { ...DEFAULT_SETTINGS, extraStatusWords: { shipped: ['发走了', 'Gone'], cancelled: ['Dropped'] } };
    expect(statusKind('发走了', settings)).toBe('shipped');
    expect(statusKind('ＧＯＮＥ', settings)).toBe('shipped');
    expect(statusKind('dropped', settings)).toBe('cancelled');
    expect(statusKind('Gone', DEFAULT_SETTINGS)).toBeNull();
  });

  test('a clerk word in two lists: cancelled wins over shipped over partial', () => {
    const match = statusMatcher({ extraStatusWords: { partial: ['X'], shipped: ['X', 'Y'], cancelled: ['Y'] } });
    expect(match('x')).toBe('shipped');
    expect(match('y')).toBe('cancelled');
  });

  test('the SPEC 6 word lists', () => {
    expect(STATUS_WORDS.shipped).toEqual([
      '已出货',
      '已出貨',
      '已发货',
      '已交货',
      '已完成',
      '完成',
      '结案',
      '結案',
      'Shipped',
      'Delivered',
      'Closed',
      'Done',
      'Complete',
    ]);
    expect(STATUS_WORDS.cancelled).toEqual(['取消', '已取消', '作废', 'Cancelled', 'Canceled', 'Void']);
    expect(STATUS_WORDS.partial).toEqual(['部分出货', '部分出貨', '部分交货', 'Partial', 'Partially Shipped']);
  });

  test('statusWords appends extra words once and ignores non-strings', () => {
    const w = statusWords({ extraStatusWords: { shipped: ['shipped', '发走了', 7 as unknown as string] } });
    expect(w.shipped).toEqual([...STATUS_WORDS.shipped, '发走了']);
    expect(w.cancelled).toEqual(STATUS_WORDS.cancelled);
  });
});
