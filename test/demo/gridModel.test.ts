// The demo grid shows numbers as their Excel number formats do, and delay colours as Excel's rules paint them.

import { DELAY_COLOURS } from '../../src/core/colours';
import { classifyLines } from '../../src/core/delay';
import type { CellValue } from '../../src/core/types';
import { delayRowColours, formatNumber, lookStyle, scrollToShow, tabToShow } from '../../src/demo/gridModel';
import { sheetFromGrid } from '../../src/core/snapshot';
import { serial, snapshotOf, understandGrid, workbookOf } from '../core/helpers/grid';

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

describe('demo grid delay colours, as Excel evaluates the TODAY()-based rules', () => {
  const TODAY = '2026-11-22';
  const T = serial(TODAY);
  // Sheet rows 2…7 under the header in row 1.
  const grid: CellValue[][] = [
    ['orderNo', 'item', 'quantity', 'shippedQty', 'dueDate', 'status'],
    ['SO-1', 'FM-201', 100, 0, T + 30, null], // on track
    ['SO-1', 'FM-202', 100, 0, '2026-12-22', null], // the same due date stored as text
    ['SO-1', 'FM-203', 100, 0, T - 3, null], // overdue
    ['SO-1', 'FM-204', 100, 0, '2026-11-19', null], // overdue to the add-in, text to Excel
    ['SO-1', 'FM-205', 100, 100, '2026-11-19', null], // shipped by quantity: the text date does not matter
    ['SO-1', 'FM-206', { error: '#N/A' }, 0, T + 30, null], // an error the rules compare: uncoloured
  ];
  const colours = delayRowColours(snapshotOf(grid), 'Orders', TODAY);

  it('paints a text due date as no due date, where core counts the date', () => {
    const u = understandGrid(grid, {}, TODAY);
    expect(classifyLines(u, TODAY).map((r) => [r.row, r.class])).toContainEqual([3, 'onTrack']);
    expect(colours?.rows.get(2)).toEqual(DELAY_COLOURS.onTrack);
    expect(colours?.rows.get(3)).toEqual(DELAY_COLOURS.noDueDate);
    expect(colours?.rows.get(4)).toEqual(DELAY_COLOURS.overdue);
    expect(colours?.rows.get(5)).toEqual(DELAY_COLOURS.noDueDate);
    expect(colours?.rows.get(6)).toEqual(DELAY_COLOURS.shipped);
  });

  it('leaves a row with an error value in a compared cell uncoloured, and covers the order columns', () => {
    expect(colours?.rows.has(7)).toBe(false);
    expect(colours?.cols).toEqual([1, 6]);
  });

  it('has no colours for a sheet without order lines', () => {
    expect(delayRowColours(workbookOf([sheetFromGrid('Notes', [['hello']])]), 'Notes', TODAY)?.rows.size ?? 0).toBe(0);
  });
});

describe('demo grid scrolling', () => {
  const view = { scrollTop: 0, scrollLeft: 0, width: 800, height: 600 };
  const sticky = { top: 22, left: 42 };

  it('leaves a cell already in view where it is', () => {
    expect(scrollToShow({ top: 100, bottom: 122, left: 50, right: 120 }, view, sticky)).toBeNull();
  });

  it('centres a row far below, and one hidden under the sticky header', () => {
    const far = { top: 22 + 9000 * 22, bottom: 22 + 9001 * 22, left: 50, right: 120 };
    const to = scrollToShow(far, view, sticky);
    expect(to?.left).toBe(0);
    expect(far.top).toBeGreaterThanOrEqual((to?.top ?? 0) + sticky.top);
    expect(far.bottom).toBeLessThanOrEqual((to?.top ?? 0) + view.height);
    const under = scrollToShow({ top: 500, bottom: 522, left: 50, right: 120 }, { ...view, scrollTop: 490 }, sticky);
    expect(under?.top).toBeLessThan(500 - sticky.top);
  });

  it('scrolls sideways just enough for a column off to the right or under the row headers', () => {
    expect(scrollToShow({ top: 100, bottom: 122, left: 900, right: 980 }, view, sticky)).toEqual({ top: 0, left: 180 });
    expect(
      scrollToShow({ top: 100, bottom: 122, left: 300, right: 380 }, { ...view, scrollLeft: 290 }, sticky),
    ).toEqual({ top: 0, left: 258 });
  });

  it('shows the newest new sheet tab, else the newly active one', () => {
    expect(tabToShow(['Orders'], ['Orders', 'PL-001', 'Register'], 'Orders', 'PL-001')).toBe('Register');
    expect(tabToShow(['Orders', 'A'], ['Orders', 'A'], 'Orders', 'A')).toBe('A');
    expect(tabToShow(['Orders'], ['Orders'], 'Orders', 'Orders')).toBeNull();
  });
});

describe('demo grid number formats, by Excel’s documented format codes', () => {
  it('shows the formats we write as Excel does', () => {
    expect(formatNumber(400, '#,##0')).toBe('400');
    expect(formatNumber(12345.5, '#,##0')).toBe('12,346');
    expect(formatNumber(45, '#,##0.00')).toBe('45.00');
    expect(formatNumber(45, '#,##0.00##')).toBe('45.00');
    expect(formatNumber(45.125, '#,##0.00##')).toBe('45.125');
    expect(formatNumber(45.123456, '#,##0.00##')).toBe('45.1235');
    expect(formatNumber(400, '#,##0.000')).toBe('400.000');
    expect(formatNumber(0.1234, '0.00%')).toBe('12.34%');
    expect(formatNumber(1234.5, '0.00')).toBe('1234.50');
    expect(formatNumber(12345, '0.00E+00')).toBe('1.23E+04');
    expect(formatNumber(0.00012, '0.00E+00')).toBe('1.20E-04');
  });

  it('shows optional decimals as Excel does, bare point included ("#,##0.###" of 400 is "400.")', () => {
    expect(formatNumber(400, '#,##0.###')).toBe('400.');
    expect(formatNumber(400.5, '#,##0.###')).toBe('400.5');
    expect(formatNumber(0.5, '#.##')).toBe('.5');
  });

  it('keeps currency text, drops colours, and takes the negative and zero sections', () => {
    expect(formatNumber(45, '"¥"#,##0.00')).toBe('¥45.00');
    expect(formatNumber(1200, '[$¥-804]#,##0.00')).toBe('¥1,200.00');
    expect(formatNumber(1200, '#,##0" pcs"')).toBe('1,200 pcs');
    expect(formatNumber(-5, '#,##0;[Red]-#,##0')).toBe('-5');
    expect(formatNumber(-5, '#,##0;(#,##0)')).toBe('(5)');
    expect(formatNumber(-5, '#,##0.00')).toBe('-5.00');
    expect(formatNumber(0, '#,##0;-#,##0;"-"')).toBe('-');
    expect(formatNumber(3, '#,##0_);(#,##0)')).toBe('3');
  });

  it('shows the built-in formats the samples carry (0%, accounting 43)', () => {
    const accounting = '_-* #,##0.00_-;\\-* #,##0.00_-;_-* "-"??_-;_-@_-';
    expect(formatNumber(0.25, '0%')).toBe('25%');
    expect(formatNumber(1234.5, accounting)).toBe('1,234.50');
    expect(formatNumber(-5, accounting)).toBe('-5.00');
    expect(formatNumber(0, accounting)).toBe('-');
  });

  it('leaves dates, text and General to cellText', () => {
    for (const f of ['yyyy-mm-dd', 'yyyy"年"m"月"', 'm/d/yyyy', 'yyyy\\-mm\\-dd', '@', 'General', 'hh:mm'])
      expect([f, formatNumber(46000, f)]).toEqual([f, null]);
  });
});

describe('demo grid: a clerk’s own file as it looks', () => {
  it('draws bold, italic, text colour, a solid fill and alignment; nothing for a plain cell', () => {
    expect(lookStyle({ bold: true, colour: '#FFFFFF', fill: '#1F4E78', align: 'center' })).toEqual({
      fontWeight: 600,
      color: '#FFFFFF',
      backgroundColor: '#1F4E78',
      textAlign: 'center',
    });
    expect(lookStyle({ italic: true })).toEqual({ fontStyle: 'italic' });
    expect(lookStyle({})).toEqual({});
  });
});
