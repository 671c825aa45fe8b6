// The task pane's pure helpers: issue groups, list windowing, selected order rows and totals, late lines,
// column and header-row overrides, number and date formats per language, first-run kinds.

import { OrderClerkError } from '../../src/core/errors';
import { t } from '../../src/core/i18n';
import { DEFAULT_SETTINGS, type DelayRow, type Issue, type OrderSheet, type Understanding } from '../../src/core/types';
import {
  asSentence,
  dateFieldText,
  errorText,
  firstRunParams,
  groupIssues,
  issuesInGroup,
  firstRunKind,
  formatDateIn,
  formatNumberIn,
  headerExamples,
  lateLines,
  linesTotal,
  parseDateField,
  rowAddress,
  scrollToShow,
  selectedOrderRows,
  visibleWindow,
  withColumnOverride,
  withUnit,
  withHeaderRow,
} from '../../src/taskpane/model';
import { isoToSerial } from '../../src/core/dates';
import type { OrderLine } from '../../src/core/types';

function issue(cell: string, severity: Issue['severity'], field: Issue['field']): Issue {
  const row = Number(cell.replace(/[A-Z]+/, ''));
  return {
    cell,
    row,
    column: cell.replace(/\d+/, ''),
    field,
    code: 'text.number',
    severity,
    message: '',
    value: null,
    fix: null,
  };
}

const order: OrderSheet = {
  sheet: '2026订单',
  headerRow: 4,
  columns: { orderNo: 2, quantity: 8 },
  headers: [],
  firstColumn: 1,
  lastColumn: 16,
  firstDataRow: 5,
  lastDataRow: 9,
  dataRows: [5, 6, 8, 9],
  skippedRows: [{ row: 7, reason: 'blank' }],
  masters: { products: null, customers: null },
  lang: 'zh-CN',
};

describe('groupIssues', () => {
  it('groups by severity (errors, fixable, warnings) then field order, with counts', () => {
    const issues = [
      issue('L7', 'warning', 'dueDate'),
      issue('H5', 'fixable', 'quantity'),
      issue('H6', 'error', 'quantity'),
      issue('B6', 'error', 'orderNo'),
      issue('H8', 'fixable', 'quantity'),
    ];
    expect(groupIssues(issues).map((g) => `${g.key}:${g.count}`)).toEqual([
      'error|orderNo:1',
      'error|quantity:1',
      'fixable|quantity:2',
      'warning|dueDate:1',
    ]);
    expect(issuesInGroup(issues, 'fixable|quantity').map((i) => i.cell)).toEqual(['H5', 'H8']);
    expect(issuesInGroup(issues, null)).toHaveLength(5);
  });
});

describe('visibleWindow and scrollToShow', () => {
  it('renders only the rows in view of 10,000, with overscan, clamped at both ends', () => {
    expect(visibleWindow(0, 420, 52, 10000)).toEqual({ start: 0, end: 16 });
    expect(visibleWindow(52 * 5000, 420, 52, 10000)).toEqual({ start: 4994, end: 5016 });
    expect(visibleWindow(52 * 9995, 420, 52, 10000)).toEqual({ start: 9989, end: 10000 });
    expect(visibleWindow(0, 420, 52, 0)).toEqual({ start: 0, end: 0 });
  });
  it('scrolls just enough to show a row', () => {
    expect(scrollToShow(3, 0, 420, 52)).toBe(0);
    expect(scrollToShow(10, 0, 420, 52)).toBe(11 * 52 - 420);
    expect(scrollToShow(2, 520, 420, 52)).toBe(104);
  });
});

describe('selection helpers', () => {
  it('keeps only order lines of the order sheet', () => {
    expect(selectedOrderRows(order, '2026订单', [4, 5, 6, 7, 8, 20])).toEqual([5, 6, 8]);
    expect(selectedOrderRows(order, '价格表', [5, 6])).toEqual([]);
    expect(selectedOrderRows(order, null, [5])).toEqual([]);
  });
  it('addresses a whole order line across the table', () => {
    expect(rowAddress(order, 8)).toBe('A8:P8');
  });
});

describe('lateLines', () => {
  it('lists overdue lines most late first, then lines due soon by due date then row', () => {
    const rows: DelayRow[] = [
      { row: 5, class: 'overdue', daysLate: 3, openQty: 1 },
      { row: 6, class: 'dueSoon', daysLate: 0, openQty: 1 },
      { row: 7, class: 'dueSoon', daysLate: 0, openQty: 1 },
      { row: 8, class: 'overdue', daysLate: 12, openQty: 1 },
      { row: 9, class: 'onTrack', daysLate: 0, openQty: 1 },
      { row: 10, class: 'dueSoon', daysLate: 0, openQty: 1 },
      { row: 11, class: 'overdue', daysLate: 3, openQty: 1 },
    ];
    const due: Record<number, number> = { 6: 46000, 7: 45998, 10: 45998 };
    expect(lateLines(rows, (r) => due[r] ?? null).map((r) => r.row)).toEqual([8, 5, 11, 7, 10, 6]);
    expect(lateLines(rows).map((r) => r.row)).toEqual([8, 5, 11, 6, 7, 10]);
  });
});

function line(row: number, qty: number | null, price: number | null, amount: number | null, customer = 'A'): OrderLine {
  const ok = (v: number | null) =>
    v === null ? ({ kind: 'empty' } as const) : ({ kind: 'ok', value: v, fromText: false } as const);
  return {
    row,
    raw: {},
    text: { customer },
    num: { quantity: ok(qty), unitPrice: ok(price), amount: ok(amount) },
    date: {},
  };
}

describe('linesTotal', () => {
  it('adds quantities and amounts, falling back to quantity × price, and counts lines without a number', () => {
    const t = linesTotal([line(5, 600, 68, 40800), line(6, 200, 128, null), line(7, null, 10, null)]);
    expect(t).toEqual({ count: 3, quantity: 800, quantityMissing: 1, amount: 66400, amountMissing: 1 });
  });
});

describe('formats per language', () => {
  it('writes numbers and dates the way each language does', () => {
    expect(formatNumberIn('en-US', 12345.678)).toBe('12,345.68');
    expect(formatNumberIn('zh-CN', 12345.678)).toBe('12,345.68');
    expect(formatDateIn('en-US', isoToSerial('2026-11-22'))).toBe('Nov 22, 2026');
    expect(formatDateIn('zh-CN', isoToSerial('2026-11-22'))).toBe('2026年11月22日');
  });
});

describe('withUnit', () => {
  it('puts a Chinese unit right after the number in Chinese, a space before it in English', () => {
    expect(withUnit('zh-CN', '480', '台')).toBe('480台');
    expect(withUnit('en-US', '480', '台')).toBe('480 台');
    expect(withUnit('en-US', '480', 'pcs')).toBe('480 pcs');
    expect(withUnit('zh-CN', '480', '')).toBe('480');
  });
});

describe('asSentence', () => {
  it('turns a clause of a joined message into a sentence of its own line', () => {
    expect(asSentence('en-US', 'row 5 (FM-201) has shipped in full (600 of 600): nothing is open')).toBe(
      'Row 5 (FM-201) has shipped in full (600 of 600): nothing is open.',
    );
    expect(asSentence('zh-CN', '第 5 行（FM-201）已全部出货，没有未交数量')).toBe(
      '第 5 行（FM-201）已全部出货，没有未交数量。',
    );
    expect(asSentence('en-US', 'Done.')).toBe('Done.');
    expect(asSentence('zh-CN', '好了。')).toBe('好了。');
  });
});

describe('date fields of the pane', () => {
  it("shows a field's date as the pane writes its other dates, never the browser's 10/01/2026", () => {
    expect(dateFieldText('zh-CN', '2026-10-01')).toBe('2026年10月1日');
    expect(dateFieldText('en-US', '2026-10-01')).toBe('Oct 1, 2026');
    expect(dateFieldText('zh-CN', 'soon')).toBe('');
  });
  it('reads back what it shows and what a clerk types', () => {
    for (const text of [
      '2026年10月1日',
      '2026/10/1',
      '2026-10-01',
      '2026.10.01',
      'Oct 1, 2026',
      '10/1/2026',
      '10月1日',
    ])
      expect([text, parseDateField(text, '2026-11-22')]).toEqual([text, '2026-10-01']);
    expect(parseDateField(dateFieldText('en-US', '2026-12-31'), '2026-11-22')).toBe('2026-12-31');
    expect(parseDateField('2026年13月1日', '2026-11-22')).toBeNull();
    expect(parseDateField('', '2026-11-22')).toBeNull();
  });

  it('takes a date typed without its year in the year that puts it nearest today', () => {
    // In January, last month's statement: December of last year, not of this one.
    expect(parseDateField('12月1日', '2027-01-15')).toBe('2026-12-01');
    expect(parseDateField('12/1', '2027-01-15')).toBe('2026-12-01');
    // The end of this month is this year's.
    expect(parseDateField('1月31日', '2027-01-15')).toBe('2027-01-31');
    // In December, early January is next year's.
    expect(parseDateField('1月5日', '2026-12-28')).toBe('2027-01-05');
    // 29 February with no leap year near: not a date (not 2028 in silence).
    expect(parseDateField('2月29日', '2026-11-22')).toBeNull();
    // A year typed is kept.
    expect(parseDateField('2028年2月29日', '2026-11-22')).toBe('2028-02-29');
  });
});

describe('first run', () => {
  it("names the sheet and header row of a header without lines in the title (the error's own words are not shown again)", () => {
    const err = new OrderClerkError('headersWithoutData', { row: 3, sheet: '订单' });
    expect(t('zh-CN', `pane.first.title.${firstRunKind(err)}`, firstRunParams(err))).toBe(
      '找到了表头（“订单”第 3 行），但下面没有订单行',
    );
    expect(t('en-US', `pane.first.title.${firstRunKind(err)}`, firstRunParams(err))).toBe(
      'Found the header row (row 3 of "订单"), but no order lines below it',
    );
  });

  it('tells the failures that the first-run state explains', () => {
    expect(firstRunKind(new OrderClerkError('emptyWorkbook'))).toBe('emptyWorkbook');
    expect(firstRunKind(new OrderClerkError('noOrderTable', { sheet: 'x' }))).toBe('noOrderTable');
    expect(firstRunKind(new OrderClerkError('headersWithoutData', { row: 3, sheet: 'x' }))).toBe('headersWithoutData');
    expect(firstRunKind(new Error('boom'))).toBe('other');
    expect(firstRunKind(null)).toBe('other');
  });
  it('saves the pointed-at header row without touching other settings', () => {
    const before = { ...DEFAULT_SETTINGS, headerRowOverrides: { Other: 2 }, dueSoonDays: 5 };
    const after = withHeaderRow(before, '订单明细', 3);
    expect(after.headerRowOverrides).toEqual({ Other: 2, 订单明细: 3 });
    expect(after.dueSoonDays).toBe(5);
    expect(before.headerRowOverrides).toEqual({ Other: 2 });
  });
  it('names header words the add-in knows in each language', () => {
    expect(headerExamples('zh-CN')).toBe('“订单号”、“客户”、“产品型号”、“数量”、“交期”');
    expect(headerExamples('en-US')).toMatch(/^"Order No\."?, "Customer", "Item", "[A-Za-z .]+", "[A-Za-z .]+"$/);
  });
});

describe('withColumnOverride', () => {
  const u = {
    order,
    lines: [],
    masters: { products: null, customers: null },
    settings: { ...DEFAULT_SETTINGS, columnOverrides: { '2026订单': { C: 'orderNo' as const } } },
    dateSystem: 1900,
  } as unknown as Understanding;
  it('keys the override by column letter and moves a field off another column', () => {
    const s = withColumnOverride(u, 2, 'orderNo');
    expect(s.columnOverrides['2026订单']).toEqual({ B: 'orderNo' });
    expect(u.settings.columnOverrides['2026订单']).toEqual({ C: 'orderNo' }); // the original is untouched
  });
  it('records "not mapped" as null', () => {
    expect(withColumnOverride(u, 16, null).columnOverrides['2026订单']).toEqual({ C: 'orderNo', P: null });
  });
});

describe('errorText', () => {
  it('says our own errors in the UI language and anything else as unexpected', () => {
    const e = new OrderClerkError('noRowsSelected');
    expect(errorText(e, 'zh-CN')).toBe('没有选中订单行：请先在订单表中选中要处理的行。');
    expect(errorText(new Error('boom'), 'en-US')).toContain('boom');
    expect(errorText(new Error('boom'), 'en-US')).not.toBe('boom');
  });
});
