import { understand } from '../../src/core/understand';
import { findChangeLogSheet, formatLogTime, planChangeLogAppend, readChangeLog } from '../../src/core/changelog';
import { checkOrder } from '../../src/core/checks';
import type { WorkbookEdit } from '../../src/core/edits';
import { lastOpenFix, planFixes, planUndoLastFix } from '../../src/core/fixes';
import { parseCell } from '../../src/core/address';
import { sheetFromGrid } from '../../src/core/snapshot';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/core/types';
import { serial, sheetOf, snapshotOf, workbookOf } from './helpers/grid';

// Columns: A orderNo, B item, C quantity, D unitPrice, E amount, F orderDate, G dueDate
const HEAD: CellValue[] = ['orderNo', 'item', 'quantity', 'unitPrice', 'amount', 'orderDate', 'dueDate'];
const ROWS: CellValue[][] = [
  ['SO-1', 'X-1', '60', 2, 120, serial('2026-11-01'), '2026/12/8'],
  ['SO-2', 'X-2', 5, '1,080.00', 5400, serial('2026-11-01'), serial('2026-12-01')],
  ['SO-3', 'X-3', 'TBD', 2, null, serial('2026-11-01'), 'soon'],
];
const TODAY = '2026-11-22';
const NOW = new Date(2026, 10, 22, 9, 30, 5); // local time, as the clerk's clock shows it
const LATER = new Date(2026, 10, 22, 10, 0, 0);
const EN_HEADER = ['Time', 'Action', 'Sheet', 'Cell', 'Old value', 'New value'];

/** Carry out setValues and appendRows on an in-memory workbook, the way an adapter would. */
function apply(wb: WorkbookSnapshot, edits: WorkbookEdit[]): WorkbookSnapshot {
  const sheets = wb.sheets.map((s) => ({ ...s, values: s.values.map((r) => r.slice()) }));
  const grid = (s: SheetSnapshot) => s.values;
  for (const e of edits) {
    if (e.kind === 'setValues') {
      const s = sheets.find((x) => x.name === e.sheet) as SheetSnapshot;
      for (const c of e.cells) {
        const { row, col } = parseCell(c.address);
        grid(s)[row - 1][col - 1] = c.value;
      }
    } else if (e.kind === 'appendRows') {
      let s = sheets.find((x) => x.name === e.sheet);
      if (!s) {
        s = sheetFromGrid(e.sheet, [e.header]);
        sheets.push(s);
      }
      for (const r of e.rows) grid(s).push(r.slice());
    } else {
      throw new Error(`unexpected edit ${e.kind}`);
    }
  }
  return { ...wb, sheets };
}

function orderGrid(wb: WorkbookSnapshot): CellValue[][] {
  return wb.sheets[0].values;
}

function setup(lang: 'zh-CN' | 'en-US' = 'en-US', dateSystem: 1900 | 1904 = 1900, rows = ROWS) {
  const wb = snapshotOf([HEAD, ...rows], { dateSystem });
  const u = understand(wb, { today: TODAY });
  const issues = checkOrder(u, { lang });
  return { u, wb, issues };
}

/** Understanding of the order sheet as it is now in `wb`. */
function reread(wb: WorkbookSnapshot) {
  return understand(wb, { today: TODAY });
}

describe('planFixes', () => {
  test('writes real numbers and dates, and logs every old value in the same plan', () => {
    const { u, wb, issues } = setup();
    const { edits, fixed } = planFixes(u, issues, { lang: 'en-US', now: NOW, wb });
    expect(fixed).toEqual([
      { cell: 'C2', old: '60', new: 60 },
      { cell: 'G2', old: '2026/12/8', new: '2026-12-08' },
      { cell: 'D3', old: '1,080.00', new: 1080 },
    ]);
    // The log row comes first, so a stop part-way never loses an old value without its record.
    expect(edits).toEqual([
      {
        kind: 'appendRows',
        sheet: 'Change log',
        header: EN_HEADER,
        columnWidths: [20, 12, 16, 8, 24, 24],
        columnFormats: ['@', '@', '@', '@', null, null],
        rows: [
          ['2026-11-22 09:30:05', 'fix', 'Orders', 'C2', '60', 60],
          ['2026-11-22 09:30:05', 'fix', 'Orders', 'G2', '2026/12/8', '2026-12-08'],
          ['2026-11-22 09:30:05', 'fix', 'Orders', 'D3', '1,080.00', 1080],
        ],
      },
      {
        kind: 'setValues',
        sheet: 'Orders',
        cells: [
          { address: 'C2', value: 60 },
          { address: 'G2', value: serial('2026-12-08'), numberFormat: 'yyyy-mm-dd' },
          { address: 'D3', value: 1080 },
        ],
      },
    ]);
  });

  test('only the chosen fixable issues are used; errors and repeats are ignored', () => {
    const { u, wb, issues } = setup();
    const chosen = issues.filter((i) => i.cell === 'G2' || i.code === 'number.invalid' || i.code === 'date.invalid');
    const { edits, fixed } = planFixes(u, [...chosen, ...chosen], { lang: 'en-US', now: NOW, wb });
    expect(fixed).toEqual([{ cell: 'G2', old: '2026/12/8', new: '2026-12-08' }]);
    expect(
      (edits.find((e) => e.kind === 'setValues') as Extract<WorkbookEdit, { kind: 'setValues' }>).cells,
    ).toHaveLength(1);
  });

  test('nothing fixable: no edits at all', () => {
    const { u, wb } = setup();
    expect(planFixes(u, [], { lang: 'en-US', now: NOW, wb })).toEqual({ edits: [], fixed: [], log: 'Change log' });
  });

  test('zh-CN names the log 变更记录 with Chinese header and action', () => {
    const { u, wb, issues } = setup('zh-CN');
    const log = planFixes(u, issues, { lang: 'zh-CN', now: NOW, wb }).edits[0];
    expect(log).toMatchObject({
      kind: 'appendRows',
      sheet: '变更记录',
      header: ['时间', '操作', '工作表', '单元格', '原值', '新值'],
    });
    expect((log as Extract<WorkbookEdit, { kind: 'appendRows' }>).rows[0]).toEqual([
      '2026-11-22 09:30:05',
      '修正',
      'Orders',
      'C2',
      '60',
      60,
    ]);
  });

  test('a log written with the earlier word 修复 still reads as fix rows, so they can be undone', () => {
    const wb = workbookOf([
      sheetFromGrid('变更记录', [
        ['时间', '操作', '工作表', '单元格', '原值', '新值'],
        ['2026-11-22 09:30:05', '修复', 'Orders', 'C2', '60', 60],
        ['2026-11-22 09:31:00', '修正', 'Orders', 'C3', '70', 70],
      ]),
    ]);
    expect(readChangeLog(wb).map((r) => r.action)).toEqual(['fix', 'fix']);
  });

  test('an existing log sheet in the other language is reused', () => {
    const { u, issues } = setup();
    const wb = workbookOf([
      sheetOf([HEAD, ...ROWS]),
      sheetFromGrid('变更记录', [['时间', '操作', '工作表', '单元格', '原值', '新值']]),
    ]);
    expect(planFixes(u, issues, { lang: 'en-US', now: NOW, wb }).edits[0]).toMatchObject({ sheet: '变更记录' });
  });

  test('1904 workbooks get the serial of their own date system', () => {
    const rows: CellValue[][] = [['SO-1', 'X-1', 6, 2, 12, 45000, '2026-12-08']];
    const { u, wb, issues } = setup('en-US', 1904, rows);
    const set = planFixes(u, issues, { lang: 'en-US', now: NOW, wb }).edits[1];
    expect(set).toEqual({
      kind: 'setValues',
      sheet: 'Orders',
      cells: [{ address: 'G2', value: serial('2026-12-08') - 1462, numberFormat: 'yyyy-mm-dd' }],
    });
  });

  test('fixing twice is a no-op: the fixed sheet has no fixable issue and stale issues plan nothing', () => {
    const { u, wb, issues } = setup();
    const after = apply(wb, planFixes(u, issues, { lang: 'en-US', now: NOW, wb }).edits);
    const u2 = reread(after);
    expect(checkOrder(u2, { lang: 'en-US' }).filter((i) => i.severity === 'fixable')).toEqual([]);
    expect(planFixes(u2, issues, { lang: 'en-US', now: LATER, wb: after })).toEqual({
      edits: [],
      fixed: [],
      log: 'Change log',
    });
  });

  test('a cell the clerk retyped since the check is not overwritten', () => {
    const { wb, issues } = setup();
    const retyped = [HEAD, ['SO-1', 'X-1', '61', 2, 120, serial('2026-11-01'), '2026/12/8'], ...ROWS.slice(1)];
    const u2 = understand(snapshotOf(retyped), { today: TODAY });
    const { fixed } = planFixes(u2, issues, { lang: 'en-US', now: NOW, wb });
    expect(fixed.map((f) => f.cell)).toEqual(['G2', 'D3']);
  });
});

test('a fix whose log row was written but whose value was not is completed without a second log row', () => {
  const { u, wb, issues } = setup();
  const plan = planFixes(u, issues, { lang: 'en-US', now: NOW, wb }).edits;
  expect(plan[0].kind).toBe('appendRows');
  const logOnly = apply(wb, [plan[0]]); // Excel stopped after the log row
  const again = planFixes(reread(logOnly), checkOrder(reread(logOnly), { lang: 'en-US' }), {
    lang: 'en-US',
    now: LATER,
    wb: logOnly,
  });
  expect(again.edits.map((e) => e.kind)).toEqual(['setValues']);
  expect(orderGrid(apply(logOnly, again.edits))).toEqual(orderGrid(apply(wb, plan)));
});

test('a date typed as digits into a real number cell (20261205) is fixed to the date, and logged', () => {
  const wb = snapshotOf([HEAD, ['SO-1', 'X-1', 6, 2, 12, serial('2026-11-01'), 20261205]]);
  const u = understand(wb, { today: '2026-11-22' });
  const issues = checkOrder(u, { lang: 'en-US' });
  expect(issues.filter((i) => i.code === 'text.date').map((i) => [i.cell, i.fix])).toEqual([
    ['G2', { value: '2026-12-05' }],
  ]);
  const { edits, fixed } = planFixes(u, issues, { lang: 'en-US', now: NOW, wb });
  expect(fixed).toEqual([{ cell: 'G2', old: 20261205, new: '2026-12-05' }]);
  const after = apply(wb, edits);
  expect(orderGrid(after)[1][6]).toBe(serial('2026-12-05'));
  // Fixing again finds nothing: the cell now holds a real date.
  const u2 = understand(after, { today: '2026-11-22' });
  expect(planFixes(u2, checkOrder(u2, { lang: 'en-US' }), { lang: 'en-US', now: LATER, wb: after }).fixed).toEqual([]);
});

describe('planUndoLastFix', () => {
  test('restores the old text as text and logs the undo', () => {
    const { u, wb, issues } = setup();
    const fixedWb = apply(wb, planFixes(u, issues, { lang: 'en-US', now: NOW, wb }).edits);
    const { edits, restored } = planUndoLastFix(fixedWb, reread(fixedWb), { lang: 'en-US', now: LATER });
    expect(restored).toEqual([
      { cell: 'C2', old: 60, new: '60' },
      { cell: 'G2', old: '2026-12-08', new: '2026/12/8' },
      { cell: 'D3', old: 1080, new: '1,080.00' },
    ]);
    expect(edits).toEqual([
      expect.objectContaining({
        kind: 'appendRows',
        sheet: 'Change log',
        rows: [
          ['2026-11-22 10:00:00', 'undo', 'Orders', 'C2', 60, '60'],
          ['2026-11-22 10:00:00', 'undo', 'Orders', 'G2', '2026-12-08', '2026/12/8'],
          ['2026-11-22 10:00:00', 'undo', 'Orders', 'D3', 1080, '1,080.00'],
        ],
      }),
      {
        kind: 'setValues',
        sheet: 'Orders',
        cells: [
          { address: 'C2', value: '60', numberFormat: '@' },
          { address: 'G2', value: '2026/12/8', numberFormat: '@' },
          { address: 'D3', value: '1,080.00', numberFormat: '@' },
        ],
      },
    ]);
    const undone = apply(fixedWb, edits);
    expect(orderGrid(undone)).toEqual(orderGrid(wb));
  });

  test('fix, fix, undo, undo walks back one fix action at a time; then nothing is left', () => {
    const { u, wb, issues } = setup();
    const first = apply(
      wb,
      planFixes(
        u,
        issues.filter((i) => i.cell === 'C2'),
        { lang: 'en-US', now: NOW, wb },
      ).edits,
    );
    const u1 = reread(first);
    const second = apply(
      first,
      planFixes(u1, checkOrder(u1, { lang: 'en-US' }), { lang: 'en-US', now: LATER, wb: first }).edits,
    );
    const undo1 = planUndoLastFix(second, reread(second), { lang: 'en-US', now: new Date(2026, 10, 22, 11, 0, 0) });
    expect(undo1.restored.map((r) => r.cell)).toEqual(['G2', 'D3']);
    const back1 = apply(second, undo1.edits);
    const undo2 = planUndoLastFix(back1, reread(back1), { lang: 'en-US', now: new Date(2026, 10, 22, 11, 0, 1) });
    expect(undo2.restored).toEqual([{ cell: 'C2', old: 60, new: '60' }]);
    const back2 = apply(back1, undo2.edits);
    expect(orderGrid(back2)).toEqual(orderGrid(wb));
    expect(planUndoLastFix(back2, reread(back2), { lang: 'en-US', now: LATER })).toEqual({
      edits: [],
      restored: [],
      log: 'Change log',
    });
  });

  test('a cell changed after the fix is left alone', () => {
    const { u, wb, issues } = setup();
    const fixedWb = apply(wb, planFixes(u, issues, { lang: 'en-US', now: NOW, wb }).edits);
    orderGrid(fixedWb)[1][2] = 75; // the clerk typed 75 into C2 after the fix
    const { restored } = planUndoLastFix(fixedWb, reread(fixedWb), { lang: 'en-US', now: LATER });
    expect(restored.map((r) => r.cell)).toEqual(['G2', 'D3']);
  });

  test('no change log, or a log with no open fix: nothing to undo', () => {
    const { u, wb } = setup();
    expect(planUndoLastFix(wb, u, { lang: 'en-US', now: LATER })).toEqual({
      edits: [],
      restored: [],
      log: 'Change log',
    });
  });

  test('a zh-CN log is undone from an en-US pane and the undo rows go to the same sheet', () => {
    const { u, wb, issues } = setup('zh-CN');
    const fixedWb = apply(wb, planFixes(u, issues, { lang: 'zh-CN', now: NOW, wb }).edits);
    expect(findChangeLogSheet(fixedWb)?.name).toBe('变更记录');
    const { edits } = planUndoLastFix(fixedWb, reread(fixedWb), { lang: 'en-US', now: LATER });
    expect(edits[0]).toMatchObject({ kind: 'appendRows', sheet: '变更记录' });
  });
});

describe('change log helpers', () => {
  test('formatLogTime pads every part', () => {
    expect(formatLogTime(new Date(2026, 0, 2, 3, 4, 5))).toBe('2026-01-02 03:04:05');
  });

  test("planChangeLogAppend writes other features' actions as given, and readChangeLog reads them back", () => {
    const edit = planChangeLogAppend(null, 'en-US', [
      { time: NOW, action: 'settings', sheet: 'Orders', cell: 'B4', old: 'a', new: null },
    ]);
    expect(edit).toMatchObject({
      sheet: 'Change log',
      rows: [['2026-11-22 09:30:05', 'settings', 'Orders', 'B4', 'a', null]],
    });
    const wb = apply(workbookOf([sheetFromGrid('Orders', [[1]])]), [edit]);
    expect(readChangeLog(wb)).toEqual([
      { row: 2, time: '2026-11-22 09:30:05', action: 'settings', sheet: 'Orders', cell: 'B4', old: 'a', new: null },
    ]);
  });

  test('two undos logged in the same second close two fixes', () => {
    const row = (time: string, action: string, cell: string) => ({
      row: 0,
      time,
      action,
      sheet: 'S',
      cell,
      old: 'x',
      new: 1,
    });
    const log = [
      row('t1', 'fix', 'A1'),
      row('t2', 'fix', 'A2'),
      row('t3', 'fix', 'A3'),
      row('t4', 'undo', 'A3'),
      row('t4', 'undo', 'A2'),
    ];
    expect(lastOpenFix(log).map((r) => r.cell)).toEqual(['A1']);
    expect(lastOpenFix(log.slice(0, 4)).map((r) => r.cell)).toEqual(['A2']);
    expect(lastOpenFix([])).toEqual([]);
  });
});
