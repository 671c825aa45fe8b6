// Import plan (SPEC 15): new lines appended right after the last order line, mapped onto the order sheet's columns,
// the formula column continued; a revised PO's changes listed and, when accepted, logged; dropped lines listed.
import type { SetValueCell, WorkbookEdit } from '../../../src/core/edits';
import { planImport } from '../../../src/core/po/importPo';
import { readPurchaseOrder } from '../../../src/core/po/readPo';
import { understand } from '../../../src/core/understand';
import type { WorkbookSnapshot } from '../../../src/core/types';
import { NW_LINES, d, englishPo, orderSheet, workbook } from './samples';

const TODAY = '2026-11-30';
const NOW = new Date(2026, 10, 30, 9, 0, 0);
const opts = { lang: 'en-US' as const, now: NOW, today: TODAY, applyChanges: false };

function plan(order: WorkbookSnapshot, poWb: WorkbookSnapshot, applyChanges = false) {
  const u = understand(order, { today: TODAY });
  return planImport(u, order, readPurchaseOrder(poWb, { today: TODAY }), { ...opts, applyChanges });
}

function setCells(edits: WorkbookEdit[], sheet = 'Orders'): Map<string, SetValueCell> {
  const m = new Map<string, SetValueCell>();
  for (const e of edits) if (e.kind === 'setValues' && e.sheet === sheet) for (const c of e.cells) m.set(c.address, c);
  return m;
}

/** The order workbook with a plan's literal values written in (formulas by the value a formula would give). */
function written(order: WorkbookSnapshot, edits: WorkbookEdit[]): WorkbookSnapshot {
  const s = order.sheets[0];
  const values = s.values.map((r) => r.slice());
  for (const [address, c] of setCells(edits)) {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    const row = Number(m[2]);
    const col = m[1].charCodeAt(0) - 64;
    while (values.length < row) values.push(new Array(values[0].length).fill(null));
    values[row - 1][col - 1] = c.formulaFrom ? 0 : c.value;
  }
  const last = values.length;
  // New rows take the last line's formats (formatFrom), as the adapters do.
  const formats = s.formats ? values.map((_, i) => (s.formats![i] ?? s.formats![7]).slice()) : null;
  return { ...order, sheets: [{ ...s, values, formats, formulaCells: [`G4:G${last}`] }] };
}

describe('planImport: a new customer PO', () => {
  test('12 PO lines are appended in rows 9–20, right after the last order line, on the sheet’s own columns', () => {
    const order = workbook(orderSheet());
    const p = plan(order, workbook(englishPo()));
    expect(p.added.map((a) => a.row)).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    // NW-100 is on the sheet already, but under another order number (NW-4500100): a different line.
    expect(p.added[0]).toEqual({
      row: 9,
      poRow: 9,
      orderNo: 'NW-4500123',
      item: 'NW-100',
      quantity: 500,
      dueDate: '2026-12-20',
    });
    expect(p.mapping).toEqual({
      orderNo: 'A',
      customer: 'B',
      item: 'C',
      description: 'D',
      quantity: 'E',
      unitPrice: 'F',
      amount: 'G',
      dueDate: 'H',
    });
    expect(p.notMapped.sort()).toEqual(['orderDate', 'unit']);
    // The PO's own Amount is not written over the sheet's formula: said, not silent.
    expect(p.formulaKept).toEqual(['amount']);
    const cells = setCells(p.edits);
    expect(cells.get('A9')).toMatchObject({ value: 'NW-4500123', formatFrom: 'A8' });
    expect(cells.get('B9')).toMatchObject({ value: 'Northwind Trading Ltd.' });
    expect(cells.get('C20')).toMatchObject({ value: 'NW-111' });
    expect(cells.get('E11')).toMatchObject({ value: 120 });
    expect(cells.get('F11')).toMatchObject({ value: 18.5 });
    // The amount column is the sheet's own formula, continued from the last line (G8 = E8*F8 → G9 = E9*F9).
    expect(cells.get('G9')).toMatchObject({ formulaFrom: 'G8', formatFrom: 'G8' });
    expect(cells.get('G20')).toMatchObject({ formulaFrom: 'G8' });
    // Dates as serials (the column is date-formatted already, so no number format is forced); Delivery: fills NW-102.
    expect(cells.get('H9')).toMatchObject({ value: d('2026-12-20') });
    expect(cells.get('H9')?.numberFormat).toBeUndefined();
    expect(cells.get('H11')).toMatchObject({ value: d('2027-01-31') });
    // Shipped and status are the clerk's own tracking: empty, formatted like the line above.
    expect(cells.get('I9')).toEqual({ address: 'I9', value: null, formatFrom: 'I8' });
    expect(cells.get('J9')).toEqual({ address: 'J9', value: null, formatFrom: 'J8' });
    // Nothing is written outside rows 9–20 of columns A–J on the order sheet.
    for (const a of cells.keys()) {
      const row = Number(a.replace(/[A-Z]+/, ''));
      expect(row >= 9 && row <= 20 && /^[A-J]\d+$/.test(a)).toBe(true);
    }
    expect(cells.size).toBe(12 * 10);
    expect(p.changed).toEqual([]);
    expect(p.dropped).toEqual([]);
    expect(p.unchanged).toBe(0);
  });

  test('the append is one change-log step: one "PO import" row per new line, written before the lines', () => {
    const p = plan(workbook(orderSheet()), workbook(englishPo()));
    expect(p.edits[0].kind).toBe('appendRows');
    const log = p.edits[0] as Extract<WorkbookEdit, { kind: 'appendRows' }>;
    expect(log.sheet).toBe('Change log');
    expect(log.rows).toHaveLength(12);
    expect(log.rows[0]).toEqual([
      '2026-11-30 09:00:00',
      'PO import',
      'Orders',
      'A9:J9',
      null,
      'Added from PO NW-4500123 (PO row 9)',
      'NW-4500123',
      'NW-100',
      null,
      null,
    ]);
    expect(new Set(log.rows.map((r) => r[0])).size).toBe(1);
  });

  test('the new lines are checked like "Check selection": a quantity typed as text is reported on its new row', () => {
    const lines = NW_LINES.slice(0, 2);
    const po = englishPo(lines);
    po.values[8][3] = 'five hundred';
    const p = plan(workbook(orderSheet()), workbook(po));
    expect(p.issues.map((i) => [i.cell, i.code])).toEqual([['E9', 'number.invalid']]);
  });

  test('importing the same PO twice adds nothing the second time', () => {
    const order = workbook(orderSheet());
    const poWb = workbook(englishPo());
    const once = plan(order, poWb);
    const twice = plan(written(order, once.edits), poWb);
    expect(twice.added).toEqual([]);
    expect(twice.changed).toEqual([]);
    expect(twice.dropped).toEqual([]);
    expect(twice.unchanged).toBe(12);
    expect(twice.edits).toEqual([]);
  });

  test('rows under the last order line that are not empty are refused, nothing moved', () => {
    const s = orderSheet();
    s.values.push([null, null, null, null, null, null, null, null, null, null]);
    s.values.push(['Total', null, null, null, null, null, 9910, null, null, null]);
    // Row 10 holds a total: 12 new lines would need rows 9–20.
    expect(() => plan(workbook(s), workbook(englishPo()))).toThrow(/Row 10 under the last order line/);
  });

  test('an existing Excel table over the order block is grown over the new lines', () => {
    const s = { ...orderSheet(), tables: [{ name: 'Orders2026', range: 'A3:J8' }] };
    const p = plan(workbook(s), workbook(englishPo()));
    expect(p.edits.find((e) => e.kind === 'ensureTable')).toEqual({
      kind: 'ensureTable',
      sheet: 'Orders',
      range: 'A3:J20',
      name: 'Orders2026',
      mode: 'reuse',
    });
  });
});

describe('planImport: a revised PO', () => {
  /** The sheet after the first import, then a revision: NW-101 qty 300 → 350, NW-104 price 1.6 → 1.55,
   *  NW-105 date 2027-01-05 → 2027-01-12, NW-109 dropped, NW-112 new. */
  function revised() {
    const order = workbook(orderSheet());
    const first = plan(order, workbook(englishPo()));
    const after = written(order, first.edits);
    const lines = NW_LINES.map((l) => l.slice() as (typeof NW_LINES)[number]);
    lines[1][2] = 350;
    lines[4][3] = 1.55;
    lines[5][4] = '2027-01-12';
    lines.splice(9, 1);
    lines.push(['NW-112', 'Spare bulb pack', 200, 1.1, '2027-01-20']);
    return { after, po: workbook(englishPo(lines)) };
  }

  test('yields exactly its changes (old → new), its dropped line and its new line; nothing written unasked', () => {
    const { after, po } = revised();
    const p = plan(after, po);
    expect(p.changed).toEqual([
      {
        row: 10,
        cell: 'E10',
        orderNo: 'NW-4500123',
        item: 'NW-101',
        field: 'quantity',
        old: 300,
        new: 350,
        applied: false,
      },
      {
        row: 13,
        cell: 'F13',
        orderNo: 'NW-4500123',
        item: 'NW-104',
        field: 'unitPrice',
        old: 1.6,
        new: 1.55,
        applied: false,
      },
      {
        row: 14,
        cell: 'H14',
        orderNo: 'NW-4500123',
        item: 'NW-105',
        field: 'dueDate',
        old: '2027-01-05',
        new: '2027-01-12',
        applied: false,
      },
    ]);
    expect(p.dropped).toEqual([{ row: 18, orderNo: 'NW-4500123', item: 'NW-109' }]);
    expect(p.added.map((a) => [a.row, a.item])).toEqual([[21, 'NW-112']]);
    expect(p.unchanged).toBe(8);
    // Only the new line's row is written; the changed cells are not.
    expect([...setCells(p.edits).keys()].every((a) => /^[A-J]21$/.test(a))).toBe(true);
  });

  test('accepted changes are written with "Order change" log rows naming order number, item and field', () => {
    const { after, po } = revised();
    const p = plan(after, po, true);
    const cells = setCells(p.edits);
    expect(cells.get('E10')).toEqual({ address: 'E10', value: 350 });
    expect(cells.get('F13')).toEqual({ address: 'F13', value: 1.55 });
    expect(cells.get('H14')).toEqual({ address: 'H14', value: d('2027-01-12') });
    expect(cells.has('A18')).toBe(false); // the dropped line is never deleted
    const log = p.edits[0] as Extract<WorkbookEdit, { kind: 'appendRows' }>;
    const changes = log.rows.filter((r) => r[1] === 'Order change');
    // The field column names the field in the log's language, never by its key (read back as the key).
    expect(changes.map((r) => r.slice(2, 9))).toEqual([
      ['Orders', 'E10', 300, 350, 'NW-4500123', 'NW-101', 'Quantity'],
      ['Orders', 'F13', 1.6, 1.55, 'NW-4500123', 'NW-104', 'Unit price'],
      ['Orders', 'H14', '2027-01-05', '2027-01-12', 'NW-4500123', 'NW-105', 'Due date'],
    ]);
    expect(p.changed.every((c) => c.applied)).toBe(true);
  });

  test('a changed cell holding a formula is listed but not written over', () => {
    const { after, po } = revised();
    const s = after.sheets[0];
    const withFormula = { ...after, sheets: [{ ...s, formulaCells: [...(s.formulaCells ?? []), 'E10'] }] };
    const p = plan(withFormula, po, true);
    expect(p.changed.find((c) => c.cell === 'E10')).toMatchObject({ applied: false, reason: 'formula' });
    expect(setCells(p.edits).has('E10')).toBe(false);
  });
});

describe('planImport: order sheets with a customer-PO column', () => {
  test('the PO number goes to the customer-PO column and lines are matched on it', () => {
    const grid = orderSheet();
    grid.values[2][9] = 'Customer PO';
    grid.values[6][9] = 'NW-4500123';
    const order = workbook(grid);
    const p = plan(order, workbook(englishPo()));
    expect(p.keyField).toBe('customerPo');
    expect(p.mapping.orderNo).toBe('J');
    // NW-100 under NW-4500123 is row 7 already: 11 new lines, one change (qty 300 → 500; date 11-30 → 12-20).
    expect(p.added).toHaveLength(11);
    expect(p.changed.map((c) => [c.cell, c.old, c.new])).toEqual([
      ['E7', 300, 500],
      ['H7', '2026-11-30', '2026-12-20'],
    ]);
    const cells = setCells(p.edits);
    expect(cells.get('J9')).toMatchObject({ value: 'NW-4500123' });
    expect(cells.get('A9')).toMatchObject({ value: null });
  });
});
