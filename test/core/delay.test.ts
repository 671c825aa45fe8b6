import { DELAY_COLOURS } from '../../src/core/colours';
import {
  DELAY_MARKER,
  classifyLines,
  delayCounts,
  delayLegend,
  delayRuleFormulas,
  planClearDelayRules,
  planDelayRules,
  textDateRows,
  textNumberRows,
} from '../../src/core/delay';
import type { CellValue } from '../../src/core/types';
import { serial, understandGrid } from './helpers/grid';

const TODAY = '2026-11-22';
const d = serial;

// The zh-factory layout: A lineNo … P remarks, headers in row 3.
const ZH_HEADER: CellValue[] = [
  'lineNo',
  'orderNo',
  'customer',
  'orderDate',
  'item',
  'description',
  'spec',
  'quantity',
  'unit',
  'unitPrice',
  'amount',
  'dueDate',
  'shippedQty',
  'shipDate',
  'status',
  'remarks',
];
function zhLine(
  item: string,
  qty: CellValue,
  due: CellValue,
  shippedQty: CellValue,
  shipDate: CellValue,
  status: CellValue,
): CellValue[] {
  return [
    1,
    'XS-1',
    '佛山美家',
    d('2026-10-08'),
    item,
    '水槽',
    null,
    qty,
    '套',
    10,
    null,
    due,
    shippedQty,
    shipDate,
    status,
    null,
  ];
}
const zhGrid: CellValue[][] = [
  ZH_HEADER,
  zhLine('FM-201', 120, d('2026-11-15'), 120, d('2026-11-14'), '已完成'), // 4
  zhLine('FM-202', 120, d('2026-11-15'), 60, d('2026-11-14'), '部分出货'), // 5
  zhLine('XM-11', 40, d('2026-11-18'), null, null, '生产中'), // 6
  zhLine('XM-12', '60', '2026-11-27', null, null, '生产中'), // 7 text quantity, text date
  zhLine('QD-5', 0, d('2026-12-06'), null, null, '待排产'), // 8
  zhLine('FM-210', 2000, d('2026-11-24'), null, null, '生产中'), // 9
  zhLine('XM-20', 300, '2026年11月20日', null, null, '生产中'), // 10 text date
  zhLine('QD-9', 500, '下周', null, null, '生产中'), // 11
  zhLine('XM-21', 200, d('2026-12-20'), null, null, ' 作废 '), // 12
  zhLine('QD-10', 150, d('2026-11-30'), 150, d('2026-12-03'), null), // 13 shipped by quantity, 3 days late
  zhLine('FM-220', 800, d('2026-11-29'), null, null, null), // 14 today + 7: due soon
  zhLine('FM-221', 800, d('2026-11-30'), null, null, null), // 15 today + 8: on track
  zhLine('FM-222', 800, d('2026-11-22') + 0.75, null, null, null), // 16 due today at 18:00
];

describe('classifyLines', () => {
  const u = understandGrid(zhGrid, { headerRow: 3, lang: 'zh-CN' });
  const rows = classifyLines(u, TODAY);

  test('classes, daysLate and openQty per SPEC 6', () => {
    expect(rows).toEqual([
      { row: 4, class: 'shipped', daysLate: 0, openQty: 0 },
      { row: 5, class: 'overdue', daysLate: 7, openQty: 60 },
      { row: 6, class: 'overdue', daysLate: 4, openQty: 40 },
      { row: 7, class: 'dueSoon', daysLate: 0, openQty: 60 },
      { row: 8, class: 'onTrack', daysLate: 0, openQty: 0 },
      { row: 9, class: 'dueSoon', daysLate: 0, openQty: 2000 },
      { row: 10, class: 'overdue', daysLate: 2, openQty: 300 },
      { row: 11, class: 'noDueDate', daysLate: 0, openQty: 500 },
      { row: 12, class: 'cancelled', daysLate: 0, openQty: 200 },
      { row: 13, class: 'shipped', daysLate: 3, openQty: 0 },
      { row: 14, class: 'dueSoon', daysLate: 0, openQty: 800 },
      { row: 15, class: 'onTrack', daysLate: 0, openQty: 800 },
      { row: 16, class: 'dueSoon', daysLate: 0, openQty: 800 },
    ]);
  });

  test('delayCounts', () => {
    expect(delayCounts(rows)).toEqual({ overdue: 3, dueSoon: 4, onTrack: 2, noDueDate: 1, shipped: 2, cancelled: 1 });
  });

  test('dueSoonDays comes from settings', () => {
    const u3 = understandGrid(zhGrid, { headerRow: 3, settings: { dueSoonDays: 3 } });
    const byRow = new Map(classifyLines(u3, TODAY).map((r) => [r.row, r.class]));
    expect([byRow.get(9), byRow.get(7), byRow.get(14)]).toEqual(['dueSoon', 'onTrack', 'onTrack']);
  });

  test('without a shippedQty column a ship date means shipped, unless the status is partial', () => {
    const g: CellValue[][] = [
      ['item', 'quantity', 'dueDate', 'shipDate', 'status'],
      ['A', 10, d('2026-11-10'), d('2026-11-12'), null],
      ['B', 10, d('2026-11-10'), d('2026-11-12'), 'Partial'],
      ['C', 10, d('2026-11-10'), 'TBD', null],
      ['D', 10, d('2026-11-10'), '2026-11-09', 'open'],
    ];
    expect(classifyLines(understandGrid(g), TODAY)).toEqual([
      { row: 2, class: 'shipped', daysLate: 2, openQty: 10 },
      { row: 3, class: 'overdue', daysLate: 12, openQty: 10 },
      { row: 4, class: 'overdue', daysLate: 12, openQty: 10 },
      { row: 5, class: 'shipped', daysLate: 0, openQty: 10 },
    ]);
  });

  test('a ship date does not mean shipped where a shippedQty column exists', () => {
    const g: CellValue[][] = [
      ['item', 'quantity', 'shippedQty', 'dueDate', 'shipDate'],
      ['A', 10, null, d('2026-11-10'), d('2026-11-12')],
      ['B', 10, 12, d('2026-11-10'), null],
    ];
    expect(classifyLines(understandGrid(g), TODAY)).toEqual([
      { row: 2, class: 'overdue', daysLate: 12, openQty: 10 },
      { row: 3, class: 'shipped', daysLate: 0, openQty: 0 },
    ]);
  });

  test('a date with a time of day counts as its whole day, as the TODAY()-based rules do', () => {
    // Excel colours a due date of today+7 at 12:00 due soon (< TODAY()+8) and yesterday at 18:00 one day overdue.
    const g: CellValue[][] = [
      ['item', 'quantity', 'dueDate', 'shipDate'],
      ['A', 10, d('2026-11-29') + 0.5, null], // today + 7 at 12:00
      ['B', 10, d('2026-11-30') + 0.02, null], // today + 8 just after midnight
      ['C', 10, d('2026-11-21') + 0.75, null], // yesterday at 18:00
      ['D', 10, d('2026-11-22') + 0.99, null], // today at 23:45
      ['E', 10, d('2026-11-10') + 0.9, d('2026-11-12') + 0.1], // shipped two calendar days after the due day
    ];
    expect(classifyLines(understandGrid(g), TODAY)).toEqual([
      { row: 2, class: 'dueSoon', daysLate: 0, openQty: 10 },
      { row: 3, class: 'onTrack', daysLate: 0, openQty: 10 },
      { row: 4, class: 'overdue', daysLate: 1, openQty: 10 },
      { row: 5, class: 'dueSoon', daysLate: 0, openQty: 10 },
      { row: 6, class: 'shipped', daysLate: 2, openQty: 10 },
    ]);
  });

  test('open quantity: empty shippedQty is 0, unreadable quantity gives 0, never negative', () => {
    const g: CellValue[][] = [
      ['item', 'quantity', 'shippedQty', 'dueDate'],
      ['A', 12.5, 2.3, null],
      ['B', '待定', 3, null],
      ['C', 5, 'TBD', null],
      ['D', 5, 9, null],
    ];
    expect(classifyLines(understandGrid(g), TODAY).map((r) => r.openQty)).toEqual([10.2, 0, 5, 0]);
  });
});

describe('planDelayRules', () => {
  test('one setConditionalFormats edit over the data block, rules in priority order with the class colours', () => {
    const u = understandGrid(zhGrid, { headerRow: 3 });
    const edit = planDelayRules(u);
    if (edit.kind !== 'setConditionalFormats') throw new Error(edit.kind);
    expect(edit.sheet).toBe('Orders');
    expect(edit.marker).toBe(DELAY_MARKER);
    expect(edit.ranges).toEqual(['A4:P16']);
    expect(delayRuleFormulas(u).map((r) => r.cls)).toEqual([
      'cancelled',
      'shipped',
      'noDueDate',
      'overdue',
      'dueSoon',
      'onTrack',
    ]);
    expect(edit.rules.map(({ fill, fontColor, strike }) => ({ fill, fontColor, strike }))).toEqual([
      { fill: '#EDEDED', fontColor: '#7F7F7F', strike: true },
      { fill: '#EDEDED', fontColor: '#7F7F7F', strike: undefined },
      { fill: DELAY_COLOURS.noDueDate.fill, fontColor: DELAY_COLOURS.noDueDate.font, strike: undefined },
      { fill: '#FFC7CE', fontColor: '#9C0006', strike: undefined },
      { fill: '#FFEB9C', fontColor: '#9C5700', strike: undefined },
      { fill: '#C6EFCE', fontColor: '#006100', strike: undefined },
    ]);
    for (const r of edit.rules) expect(r.formula).toContain(`N("${DELAY_MARKER}")=0`);
  });

  test('formulas anchor columns, stay relative to the first data row and read status, quantities and TODAY()', () => {
    const u = understandGrid(zhGrid, { headerRow: 3 });
    const f = Object.fromEntries(delayRuleFormulas(u).map((r) => [r.cls, r.formula]));
    // The status words as one array constant MATCH looks the status up in, its wildcards (* ? ~) escaped first.
    expect(f.cancelled).toBe(
      'AND(N("order-clerk:delay")=0,OR($E4<>"",$L4<>""),' +
        'ISNUMBER(MATCH(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM($O4),"~","~~"),"*","~*"),"?","~?"),{"取消","已取消","作废",' +
        '"Cancelled","Ｃａｎｃｅｌｌｅｄ","Canceled","Ｃａｎｃｅｌｅｄ","Void","Ｖｏｉｄ"},0)))',
    );
    expect(f.shipped).toContain(',{"已出货",');
    expect(f.shipped).toContain('AND(ISNUMBER($H4),ISNUMBER($M4),$H4>0,$M4>=$H4)');
    expect(f.shipped).not.toContain('$N4'); // ship date only matters without a shippedQty column
    expect(f.overdue.endsWith(',ISNUMBER($L4),$L4<TODAY())')).toBe(true);
    expect(f.dueSoon.endsWith(',ISNUMBER($L4),$L4>=TODAY(),$L4<TODAY()+8)')).toBe(true);
    expect(f.onTrack.endsWith(',ISNUMBER($L4),$L4>=TODAY()+8)')).toBe(true);
    expect(f.noDueDate.endsWith(',NOT(ISNUMBER($L4)))')).toBe(true);
    expect(f.overdue).not.toMatch(/\$[A-Z]+(?!4\b)\d+/); // every reference is to row 4
  });

  test('exact formulas on a sheet without status, with a ship date and no shippedQty column', () => {
    const g: CellValue[][] = [
      ['item', 'quantity', 'dueDate', 'shipDate'],
      ['A', 1, d('2026-11-10'), null],
    ];
    const f = delayRuleFormulas(understandGrid(g, { settings: { dueSoonDays: 3 } }));
    const open = 'N("order-clerk:delay")=0,OR($A2<>"",$C2<>""),NOT(ISNUMBER($D2))';
    expect(f).toEqual([
      { cls: 'shipped', formula: 'AND(N("order-clerk:delay")=0,OR($A2<>"",$C2<>""),ISNUMBER($D2))' },
      { cls: 'noDueDate', formula: `AND(${open},NOT(ISNUMBER($C2)))` },
      { cls: 'overdue', formula: `AND(${open},ISNUMBER($C2),$C2<TODAY())` },
      { cls: 'dueSoon', formula: `AND(${open},ISNUMBER($C2),$C2>=TODAY(),$C2<TODAY()+4)` },
      { cls: 'onTrack', formula: `AND(${open},ISNUMBER($C2),$C2>=TODAY()+4)` },
    ]);
  });

  test('extra status words are matched, with quotes doubled in the formula', () => {
    const g: CellValue[][] = [
      ['item', 'dueDate', 'status'],
      ['A', null, null],
    ];
    const u = understandGrid(g, { settings: { extraStatusWords: { cancelled: ['客户说"不要"'] } } });
    const cancelled = delayRuleFormulas(u)[0];
    expect(cancelled.cls).toBe('cancelled');
    expect(cancelled.formula).toContain('"客户说""不要""",');
  });

  test("every rule is shorter than the one-comparison-per-word rules, and far below Excel's 8,192", () => {
    const u = understandGrid(zhGrid, { headerRow: 3 });
    const lengths = delayRuleFormulas(u).map((r) => r.formula.length);
    // One TRIM(…)="…" per word gave 603–649 characters here; the words are now one array constant per test.
    expect(Math.max(...lengths)).toBeLessThan(520);
    expect(lengths.filter((n) => n > 470)).toHaveLength(1); // only "shipped" tests two sets of words
    const many = understandGrid(zhGrid, {
      headerRow: 3,
      settings: { extraStatusWords: { shipped: Array.from({ length: 40 }, (_, i) => `已出货${i}`) } },
    });
    expect(Math.max(...delayRuleFormulas(many).map((r) => r.formula.length))).toBeLessThan(8192);
  });

  test('without a due date column everything open is noDueDate', () => {
    const g: CellValue[][] = [
      ['orderNo', 'item', 'quantity'],
      ['SO-1', 'A', 1],
    ];
    expect(delayRuleFormulas(understandGrid(g))).toEqual([
      { cls: 'noDueDate', formula: 'AND(N("order-clerk:delay")=0,$B2<>"")' },
    ]);
  });

  test('applying twice gives the same edit (the adapter replaces rules by marker)', () => {
    const u = understandGrid(zhGrid, { headerRow: 3 });
    expect(planDelayRules(u)).toEqual(planDelayRules(u));
    expect(planClearDelayRules('Orders')).toEqual({
      kind: 'setConditionalFormats',
      sheet: 'Orders',
      marker: DELAY_MARKER,
      ranges: [],
      rules: [],
    });
  });
});

describe('rows Excel cannot colour as the add-in classifies them', () => {
  const u = understandGrid(zhGrid, { headerRow: 3 });
  test('textDateRows: due dates stored as text', () => {
    expect(textDateRows(u)).toEqual([7, 10]);
  });
  test('textNumberRows: quantities stored as text', () => {
    expect(textNumberRows(u)).toEqual([7]);
  });
  test('ship dates as text count only without a shippedQty column', () => {
    const g: CellValue[][] = [
      ['item', 'quantity', 'dueDate', 'shipDate'],
      ['A', 1, d('2026-11-10'), '2026-11-09'],
    ];
    expect(textDateRows(understandGrid(g))).toEqual([2]);
  });
});

describe('delayLegend', () => {
  test('labels in the UI language with the one colour table', () => {
    expect(delayLegend('zh-CN')[0]).toEqual({
      cls: 'overdue',
      label: '逾期',
      fill: '#FFC7CE',
      font: '#9C0006',
      strike: false,
    });
    expect(delayLegend('en-US').map((l) => l.label)).toEqual([
      'Overdue',
      'Due soon',
      'On track',
      'No due date',
      'Shipped',
      'Cancelled',
    ]);
    expect(delayLegend('en-US')[5].strike).toBe(true);
  });
});
