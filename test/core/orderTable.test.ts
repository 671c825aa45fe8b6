// The table decision (core/orderTable.ts): making or growing the table never changes a header cell — blank,
// duplicate, non-text or formula headers and merged cells stop it, with a message that names the cells; the clerk's
// table on the block is reused (grown over the block when that changes no header); a unique name for a new one.
import { OrderClerkError } from '../../src/core/errors';
import { decideOrderTable, planMakeTable, uniqueTableName } from '../../src/core/orderTable';
import { sheetFromGrid } from '../../src/core/snapshot';
import type { CellValue, WorkbookSnapshot } from '../../src/core/types';
import { understand } from '../../src/core/understand';

const HEAD: CellValue[] = ['Order No.', 'Item', 'Qty', 'Due Date', 'Remarks', 'Notes'];
const LINE: CellValue[] = ['SO-1', 'X-1', 5, 46400, 'rush', 'call first'];

function workbook(
  head: CellValue[],
  patch: (s: ReturnType<typeof sheetFromGrid>) => void = () => undefined,
): WorkbookSnapshot {
  const s = sheetFromGrid('Orders', [head, LINE, LINE.map((v, i) => (i === 0 ? 'SO-2' : v))]);
  patch(s);
  return { sheets: [s], dateSystem: 1900, activeSheet: null };
}

function refusal(wb: WorkbookSnapshot, lang: 'en-US' | 'zh-CN' = 'en-US'): string {
  const u = understand(wb, { today: '2026-11-22' });
  try {
    planMakeTable(u, wb, lang);
  } catch (e) {
    expect(e).toBeInstanceOf(OrderClerkError);
    expect((e as OrderClerkError).code).toBe('tableHeadersInvalid');
    return (e as OrderClerkError).messageIn(lang);
  }
  throw new Error('planMakeTable made a table');
}

test('clean headers: one ensureTable over the header row and the lines', () => {
  const wb = workbook(HEAD);
  expect(planMakeTable(understand(wb, { today: '2026-11-22' }), wb)).toEqual({
    kind: 'ensureTable',
    sheet: 'Orders',
    range: 'A1:F3',
    name: 'OrderLines',
    mode: 'create',
  });
});

test('a header used twice (any case) is named with its cells', () => {
  expect(refusal(workbook([...HEAD.slice(0, 5), 'REMARKS']))).toBe(
    'No table made: the header "Remarks" appears more than once (E1, F1). Excel would rewrite those header cells when making a table, so it was skipped to keep your data as it is; correct the headers, then make the table.',
  );
  expect(refusal(workbook([...HEAD.slice(0, 5), 'REMARKS']), 'zh-CN')).toContain('表头“Remarks”重复（E1, F1）');
});

test('a blank header cell inside the block', () => {
  expect(refusal(workbook([...HEAD.slice(0, 4), null, 'Notes']))).toContain('the header is empty in E1');
});

test('a header cell holding only a full-width space is blank', () => {
  expect(refusal(workbook([...HEAD.slice(0, 4), '\u3000', 'Notes']))).toContain('the header is empty in E1');
});

test('a number as a header', () => {
  expect(refusal(workbook([...HEAD.slice(0, 5), 2026]))).toContain('the header is not text in F1');
});

test('merged cells inside the block', () => {
  expect(refusal(workbook(HEAD, (s) => s.merges.push('E2:F2')))).toContain('the table area holds merged cells (E2:F2)');
});

test('an existing table covering the block is reused whatever its headers', () => {
  const wb = workbook([...HEAD.slice(0, 5), 'REMARKS'], (s) => s.tables.push({ name: 'Mine', range: 'A1:F3' }));
  expect(planMakeTable(understand(wb, { today: '2026-11-22' }), wb)).toEqual({
    kind: 'ensureTable',
    sheet: 'Orders',
    range: 'A1:F3',
    name: 'Mine',
    mode: 'reuse',
  });
});

const decide = (wb: WorkbookSnapshot, lang: 'en-US' | 'zh-CN' = 'en-US') =>
  decideOrderTable(understand(wb, { today: '2026-11-22' }), wb, lang);

function refusalOf(wb: WorkbookSnapshot, lang: 'en-US' | 'zh-CN' = 'en-US'): { code: string; text: string } {
  const d = decide(wb, lang);
  if (!('refusal' in d)) throw new Error(`planned ${JSON.stringify(d.edit)}`);
  return { code: d.refusal.code, text: d.refusal.messageIn(lang) };
}

describe("the clerk's table on part of the block", () => {
  // The case: table "Mine" on A1:A3, a blank B1, headers in C1:D1.
  const mine = (patch: (s: ReturnType<typeof sheetFromGrid>) => void = () => undefined) => {
    const s = sheetFromGrid('Orders', [
      ['Item', null, 'Qty', 'Due Date'],
      ['X-1', 'a', 5, 46400],
      ['X-2', 'b', 6, 46401],
    ]);
    s.tables.push({ name: 'Mine', range: 'A1:A3' });
    patch(s);
    return { sheets: [s], dateSystem: 1900 as const, activeSheet: null };
  };

  test('is not grown over a blank header cell: no edit, and the message names the cell', () => {
    expect(refusalOf(mine())).toEqual({
      code: 'tableNotGrown',
      text: 'Table Mine was left as it is (A1:A3) and does not cover every order line: the header is empty in B1. Excel would rewrite those header cells when growing the table; correct the headers, then make the table again.',
    });
    expect(refusalOf(mine(), 'zh-CN').text).toContain('表格 Mine 保持原样（A1:A3）');
  });

  test('grows over new header cells that are text and unique', () => {
    const wb = mine((s) => (s.values[0][1] = 'Remarks'));
    expect(decide(wb)).toEqual({
      edit: { kind: 'ensureTable', sheet: 'Orders', range: 'A1:D3', name: 'Mine', mode: 'reuse' },
    });
  });

  test('not over a new header that repeats one of the table, nor over a formula header', () => {
    expect(refusalOf(mine((s) => (s.values[0][1] = 'ITEM'))).text).toContain(
      'the header "Item" appears more than once (A1, B1)',
    );
    const formula = mine((s) => {
      s.values[0][1] = 'Remarks';
      s.formulaCells = ['B1'];
    });
    expect(refusalOf(formula).text).toContain('the header is a formula in B1');
  });

  test('a table with its header on another row, or several tables on the block: none made, tables left', () => {
    const other = mine((s) => (s.tables[0] = { name: 'Mine', range: 'A2:A3' }));
    expect(refusalOf(other)).toEqual({
      code: 'tableConflict',
      text: 'No table made: table Mine (A2:A3) does not have its header in row 1, the order header row. Your tables were left as they are.',
    });
    const two = mine((s) => s.tables.push({ name: 'Yours', range: 'C1:D2' }));
    expect(refusalOf(two).text).toContain('the order lines overlap several tables (Mine (A1:A3), Yours (C1:D2))');
  });

  test('grown beside another table, but never into one', () => {
    const beside = mine((s) => {
      s.values[0][1] = 'Remarks';
      s.values.forEach((r, i) => r.push(null, i ? 'x' : null));
      s.tables.push({ name: 'Beside', range: 'F2:F3' });
    });
    expect(decide(beside)).toMatchObject({ edit: { name: 'Mine', range: 'A1:D3', mode: 'reuse' } });
    const below = mine((s) => {
      s.values[0][1] = 'Remarks';
      s.values.push([null, null, null, null], ['Note: see below', null, 'y', 'z']);
      s.tables[0] = { name: 'Mine', range: 'A1:A5' };
      s.tables.push({ name: 'Below', range: 'C5:D5' });
    });
    expect(refusalOf(below).text).toContain('growing table Mine would overlap table Below');
  });
});

describe('uniqueTableName', () => {
  test('keeps a free name, numbers a taken one (any case), and makes a valid one', () => {
    expect(uniqueTableName('OrderLines', ['Mine'])).toBe('OrderLines');
    expect(uniqueTableName('OrderLines', ['orderlines', 'OrderLines_2'])).toBe('OrderLines_3');
    expect(uniqueTableName('2026 订单', [])).toBe('_2026_订单');
  });

  test("a new table gets a name no other sheet's table has", () => {
    const wb = workbook(HEAD);
    wb.sheets.push({ ...sheetFromGrid('Old', [['a']]), tables: [{ name: 'OrderLines', range: 'A1:A2' }] });
    expect(decide(wb)).toMatchObject({ edit: { name: 'OrderLines_2', mode: 'create' } });
  });
});
