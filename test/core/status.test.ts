import { STATUS_KINDS, STATUS_WORDS, statusKind, statusMatcher, statusWords } from '../../src/core/status';
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

  test('the SPEC 6 word lists are all there, ERP words beside them', () => {
    const spec = {
      shipped: [
        '已出货',
        '已出貨',
        '已发货',
        '已交货',
        '已完成',
        '完成',
        '结案',
        '結案',
        '已关闭',
        '业务关闭',
        'Shipped',
        'Delivered',
        'Closed',
        'Done',
        'Complete',
        'Completed',
        'Fully Delivered',
      ],
      cancelled: ['取消', '已取消', '作废', 'Cancelled', 'Canceled', 'Void'],
      partial: ['部分出货', '部分出貨', '部分交货', 'Partial', 'Partially Shipped'],
    };
    for (const kind of STATUS_KINDS) expect(STATUS_WORDS[kind]).toEqual(expect.arrayContaining(spec[kind]));
  });

  test('ERP status words: Kingdee 已作废 / 部分出库, Digiwin 自動結案 / 指定結案; 未結案 and 已审核 stay open', () => {
    expect(statusKind('已作废')).toBe('cancelled');
    expect(statusKind('作廢')).toBe('cancelled');
    expect(statusKind('部分出库')).toBe('partial');
    expect(statusKind('Partially Delivered')).toBe('partial');
    expect(statusKind('业务关闭')).toBe('shipped');
    expect(statusKind('自動結案')).toBe('shipped');
    expect(statusKind('指定結案')).toBe('shipped');
    expect(statusKind('未結案')).toBeNull();
    expect(statusKind('已审核')).toBeNull();
    expect(statusKind('To Bill')).toBeNull();
  });

  test('statusWords appends extra words once and ignores non-strings', () => {
    const w = statusWords({ extraStatusWords: { shipped: ['shipped', '发走了', 7 as unknown as string] } });
    expect(w.shipped).toEqual([...STATUS_WORDS.shipped, '发走了']);
    expect(w.cancelled).toEqual(STATUS_WORDS.cancelled);
  });
});
