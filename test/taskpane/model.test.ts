// The task pane's pure helpers: issue groups and pages, selected order rows, late lines, column overrides.

import { OrderClerkError } from '../../src/core/errors';
import { DEFAULT_SETTINGS, type DelayRow, type Issue, type OrderSheet, type Understanding } from '../../src/core/types';
import {
  errorText,
  groupIssues,
  issuesInGroup,
  lateLines,
  pageOf,
  rowAddress,
  selectedOrderRows,
  withColumnOverride,
} from '../../src/taskpane/model';
import { themeFromOffice } from '../../src/taskpane/theme';
import { formatNumber } from '../../src/demo/gridModel';

function issue(cell: string, severity: Issue['severity'], field: Issue['field']): Issue {
  const row = Number(cell.replace(/[A-Z]+/, ''));
  return { cell, row, column: cell.replace(/\d+/, ''), field, code: 'text.number', severity, message: '', value: null, fix: null };
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

describe('pageOf', () => {
  const items = Array.from({ length: 10001 }, (_, i) => i);
  it('cuts 10,001 items into pages of 50 and clamps the page number', () => {
    const first = pageOf(items, 0, 50);
    expect(first.items).toHaveLength(50);
    expect(first.pages).toBe(201);
    const last = pageOf(items, 999, 50);
    expect(last.page).toBe(200);
    expect(last.items).toEqual([10000]);
    expect(pageOf([], 3, 50)).toEqual({ items: [], page: 0, pages: 1 });
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
  it('lists overdue lines most late first, then lines due soon', () => {
    const rows: DelayRow[] = [
      { row: 5, class: 'overdue', daysLate: 3, openQty: 1 },
      { row: 6, class: 'dueSoon', daysLate: 0, openQty: 1 },
      { row: 8, class: 'overdue', daysLate: 12, openQty: 1 },
      { row: 9, class: 'onTrack', daysLate: 0, openQty: 1 },
      { row: 10, class: 'shipped', daysLate: 4, openQty: 0 },
    ];
    expect(lateLines(rows).map((r) => r.row)).toEqual([8, 5, 6]);
  });
});

describe('withColumnOverride', () => {
  const u = {
    order,
    lines: [],
    masters: { products: null, customers: null },
    settings: { ...DEFAULT_SETTINGS, columnOverrides: { '2026订单': { C: 'orderNo' as const } } },
    dateSystem: 1900,
  } as Understanding;
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

describe('themeFromOffice', () => {
  it('follows the Office theme', () => {
    expect(themeFromOffice(undefined)).toBe('light');
    expect(themeFromOffice({ bodyBackgroundColor: '#FFFFFF' })).toBe('light');
    expect(themeFromOffice({ bodyBackgroundColor: '#262626' })).toBe('dark');
    expect(themeFromOffice({ bodyBackgroundColor: '#E6E6E6', isDarkTheme: true })).toBe('dark');
    expect(themeFromOffice({ bodyBackgroundColor: '#000000', isDarkTheme: true })).toBe('highContrast');
    expect(themeFromOffice({ bodyBackgroundColor: 'not a colour' })).toBe('light');
  });
});

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
