// SPEC 11 end to end with the built CLI (lib/): what ships now, recording it in the written workbook, a second note
// refused, partial deliveries adding up, void, the added shipped column, the record read by `flag` without one,
// signed receipts — on copies of zh-factory.xlsx and on workbooks built here.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { readChangeLog } from '../../src/core/changelog';
import { cellAt, findSheet } from '../../src/core/snapshot';
import type { CellValue, WorkbookSnapshot } from '../../src/core/types';
import { readWorkbookBuffer } from '../../src/xlsx/exceljs';

jest.setTimeout(180000);

const ROOT = path.resolve(__dirname, '../..');
const SAMPLES = path.resolve(ROOT, '../shared/fixtures/samples');
const TODAY = ['--today', '2026-11-22'];
const ORDERS = '2026订单';

let tmp: string;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'order-clerk-ship-'));
  fs.copyFileSync(path.join(SAMPLES, 'zh-factory.xlsx'), path.join(tmp, 'zh.xlsx'));
  fs.chmodSync(path.join(tmp, 'zh.xlsx'), 0o644);
  // An English sheet without a shipped column, and one with an error-valued price.
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Orders');
  ws.addRow(['Order No.', 'Customer', 'Item', 'Qty', 'Unit Price', 'Due Date', 'Status']);
  ws.addRow(['PO-1', 'ACME Ltd.', 'A-1', 100, 2.5, new Date(Date.UTC(2026, 10, 20)), 'open']);
  ws.addRow(['PO-1', 'ACME Ltd.', 'A-2', 50, { error: '#N/A' }, new Date(Date.UTC(2026, 10, 20)), 'open']);
  ws.addRow(['PO-2', 'ACME Ltd.', 'A-3', 40, 3, new Date(Date.UTC(2026, 10, 25)), 'open']);
  ws.getColumn(6).numFmt = 'yyyy-mm-dd';
  await book.xlsx.writeFile(path.join(tmp, 'en.xlsx'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}
function run(args: string[], lang = 'en_US.UTF-8'): Run {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/order-clerk.js'), ...args], {
    cwd: tmp,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LANG: lang },
    timeout: 120000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the JSON fields it asserts
const json = (r: Run): any => JSON.parse(r.stdout);
const read = async (f: string): Promise<WorkbookSnapshot> =>
  (await readWorkbookBuffer(fs.readFileSync(path.join(tmp, f)), f)).snapshot;
const cell = (wb: WorkbookSnapshot, sheet: string, row: number, col: number): CellValue =>
  cellAt(findSheet(wb, sheet)!, row, col);
const M = 13; // 已交数量
const N = 14; // 实际出货日期
const O = 15; // 订单状态

function expectRefused(r: Run, text: RegExp): void {
  expect(r.code).toBe(2);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^order-clerk: No document made: /);
  expect(lines[0]).toMatch(text);
}

describe('zh-factory row 5: 120 ordered, 60 shipped, 余下60个下周', () => {
  it('the delivery note ships 60 and owes 0 after it; the written 已交数量 is 120 with its change-log row', async () => {
    const r = run([
      'generate',
      'zh.xlsx',
      '--doc',
      'delivery-note',
      '--rows',
      '5',
      '-o',
      'dn1.xlsx',
      '--json',
      ...TODAY,
    ]);
    expect(r.code).toBe(0);
    const j = json(r);
    expect(j.documents[0]).toMatchObject({
      number: 'DN-20261122-001',
      lines: [{ row: 5, ordered: 120, ship: 60, owedAfter: 0 }],
      totals: { quantity: 60, amount: 5280 },
    });
    expect(j.recorded).toEqual([{ row: 5, shippedBefore: 60, shippedAfter: 120, cell: 'M5' }]);
    const before = await read('zh.xlsx');
    const after = await read('dn1.xlsx');
    expect(cell(after, ORDERS, 5, M)).toBe(120);
    // Fully shipped: the partial status becomes the shipped word the sheet already uses; the ship date was filled.
    expect(cell(after, ORDERS, 5, O)).toBe('已完成');
    expect(cell(after, ORDERS, 5, N)).toBe(cell(before, ORDERS, 5, N));
    const log = readChangeLog(after);
    expect(log).toEqual([
      expect.objectContaining({
        action: 'shipment',
        sheet: ORDERS,
        cell: 'M5',
        old: 60,
        new: 120,
        orderNo: 'XS-261001',
        item: 'FM-202',
        field: 'shippedQty',
        document: 'DN-20261122-001',
      }),
      expect.objectContaining({ cell: 'O5', old: '部分出货', new: '已完成', field: 'status' }),
    ]);
    // Nothing else of the order sheet changed.
    const sheet = findSheet(before, ORDERS)!;
    for (let row = 1; row <= 16; row++)
      for (let col = 1; col <= 16; col++)
        if (!(row === 5 && (col === M || col === O)))
          expect([row, col, cell(after, ORDERS, row, col)]).toEqual([row, col, cellAt(sheet, row, col)]);
    // The shipments record and the register.
    expect(findSheet(after, '出货记录')!.values[1]).toEqual([
      46348,
      'DN-20261122-001',
      5,
      'XS-261001',
      null, // no customer PO: the writer leaves the cell empty
      '佛山美家',
      'FM-202',
      '个',
      60,
      88,
      5280,
      '有效',
    ]);
  });

  it('a second note for row 5 is refused, naming the row', () => {
    expectRefused(
      run(['generate', 'dn1.xlsx', '--doc', 'delivery-note', '--rows', '5', '-o', 'dn2.xlsx', ...TODAY]),
      /row 5 \(FM-202\) has shipped in full \(120 of 120\)/,
    );
    expect(fs.existsSync(path.join(tmp, 'dn2.xlsx'))).toBe(false);
  });

  it('voiding the first restores 60 and the partial status, marks the register and the record, stamps the title', async () => {
    const r = run([
      'void',
      'dn1.xlsx',
      '--doc',
      'DN-20261122-001',
      '-o',
      'void.xlsx',
      '--json',
      '--today',
      '2026-11-23',
    ]);
    expect(r.code).toBe(0);
    expect(json(r)).toEqual({
      number: 'DN-20261122-001',
      state: 'void',
      reversed: [{ row: 5, shippedBefore: 120, shippedAfter: 60 }],
    });
    const wb = await read('void.xlsx');
    expect(cell(wb, ORDERS, 5, M)).toBe(60);
    expect(cell(wb, ORDERS, 5, O)).toBe('部分出货');
    const register = findSheet(wb, '单据登记')!;
    const row = register.values.findIndex((v) => v[0] === 'DN-20261122-001') + register.top;
    expect([cellAt(register, row, 10), cellAt(register, row, 12)]).toEqual(['作废', '2026-11-23 作废']);
    expect(cell(wb, '出货记录', 2, 12)).toBe('作废');
    const title = findSheet(wb, '送货单 DN-20261122-001')!
      .values.flat()
      .find((v) => typeof v === 'string' && v.startsWith('送货单'));
    expect(title).toBe('送货单 Delivery Note  （作废 VOID）');
    expect(
      readChangeLog(wb)
        .filter((l) => l.action === 'void')
        .map((l) => [l.cell, l.old, l.new]),
    ).toEqual([
      ['M5', 120, 60],
      ['O5', '已完成', '部分出货'],
      ['J3', '有效', '作废'],
    ]);
    // The number is never reused: the next note is 002, and it may ship row 5's 60 again.
    const again = run([
      'generate',
      'void.xlsx',
      '--doc',
      'delivery-note',
      '--rows',
      '5',
      '-o',
      'dn3.xlsx',
      '--json',
      ...TODAY,
    ]);
    expect(json(again).documents[0]).toMatchObject({ number: 'DN-20261122-002', lines: [{ ship: 60 }] });
  });

  it('receipts lists the note after receiptDays, not before and not after `receipt`', async () => {
    const out = (today: string, file = 'dn1.xlsx') =>
      json(run(['receipts', file, '--json', '--today', today])) as { outstanding: unknown[]; returned: number };
    expect(out('2026-11-29').outstanding).toEqual([]); // 7 days: not yet
    expect(out('2026-11-30')).toEqual({
      today: '2026-11-30',
      outstanding: [{ number: 'DN-20261122-001', date: '2026-11-22', customer: '佛山美家', daysOut: 8 }],
      returned: 0,
    });
    expect(
      json(run(['receipts', 'dn1.xlsx', '--json', '--days', '3', '--today', '2026-11-26'])).outstanding,
    ).toHaveLength(1);
    const r = run([
      'receipt',
      'dn1.xlsx',
      '--doc',
      'DN-20261122-001',
      '--date',
      '2026-11-28',
      '--note',
      '黄生签收',
      '-o',
      'back.xlsx',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(json(r)).toEqual({ number: 'DN-20261122-001', receiptDate: '2026-11-28' });
    expect(out('2026-12-30', 'back.xlsx')).toMatchObject({ outstanding: [], returned: 1 });
    // A voided note is never waited for.
    expect(out('2026-12-30', 'void.xlsx').outstanding).toEqual([]);
  });
});

describe('refusals reach no paper without --force', () => {
  it('a cancelled line (row 14, 作废 / 客户取消) is refused; with --force it ships and the register notes it', async () => {
    expectRefused(
      run(['generate', 'zh.xlsx', '--doc', 'delivery-note', '--rows', '14', '-o', 'c.xlsx', ...TODAY]),
      /row 14 \(XM-21\) is "作废" \(O14\): a cancelled line does not ship/,
    );
    const r = run([
      'generate',
      'zh.xlsx',
      '--doc',
      'delivery-note',
      '--rows',
      '14',
      '-o',
      'c.xlsx',
      '--force',
      ...TODAY,
    ]);
    expect(r.code).toBe(0);
    const wb = await read('c.xlsx');
    const register = findSheet(wb, '单据登记')!;
    expect(register.values.find((v) => v[0] === 'DN-20261122-001')?.[11]).toBe('强制：第14行已取消');
  });

  it('an error-valued price is refused naming the cell, though a price list could not help; forced, no price is printed', async () => {
    expectRefused(
      run(['generate', 'en.xlsx', '--doc', 'delivery-note', '--rows', '2-3', '-o', 'e.xlsx', ...TODAY]),
      /row 3 \(A-2\): the unit price E3 "#N\/A" is not a valid number/,
    );
    const r = run([
      'generate',
      'en.xlsx',
      '--doc',
      'delivery-note',
      '--rows',
      '2-3',
      '-o',
      'e.xlsx',
      '--force',
      ...TODAY,
    ]);
    expect(r.code).toBe(0);
    const doc = findSheet(
      await read('e.xlsx'),
      (await read('e.xlsx')).sheets.find((s) => s.name.startsWith('Delivery'))!.name,
    )!;
    expect(JSON.stringify(doc.values)).not.toContain('#N/A');
    // Without prices the price cell is not read at all.
    expect(
      run([
        'generate',
        'en.xlsx',
        '--doc',
        'delivery-note',
        '--rows',
        '3',
        '--without-prices',
        '-o',
        'w.xlsx',
        ...TODAY,
      ]).code,
    ).toBe(0);
  });

  it('a ship quantity above the open quantity is refused; --ship must name selected rows', () => {
    expectRefused(
      run(['generate', 'zh.xlsx', '--doc', 'packing-list', '--rows', '6', '--ship', '6=50', '-o', 'p.xlsx', ...TODAY]),
      /row 6 \(XM-11\): 50 is more than the 40 still open/,
    );
    const r = run([
      'generate',
      'zh.xlsx',
      '--doc',
      'packing-list',
      '--rows',
      '6',
      '--ship',
      '7=5',
      '-o',
      'p.xlsx',
      ...TODAY,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Row 7 in --ship is not in --rows/);
  });
});

describe('several deliveries per line', () => {
  it('two partial deliveries add up, each showing what it carries and what is still owed; voiding the first takes it off', async () => {
    const a = json(
      run([
        'generate',
        'zh.xlsx',
        '--doc',
        'delivery-note',
        '--rows',
        '6',
        '--ship',
        '6=15',
        '-o',
        'p1.xlsx',
        '--json',
        ...TODAY,
      ]),
    );
    expect(a.documents[0].lines).toEqual([{ row: 6, ordered: 40, ship: 15, owedAfter: 25 }]);
    const b = json(
      run([
        'generate',
        'p1.xlsx',
        '--doc',
        'delivery-note',
        '--rows',
        '6',
        '--ship',
        '6=10',
        '-o',
        'p2.xlsx',
        '--json',
        '--today',
        '2026-11-24',
      ]),
    );
    expect(b.documents[0]).toMatchObject({
      number: 'DN-20261124-001',
      lines: [{ row: 6, ordered: 40, ship: 10, owedAfter: 15 }],
    });
    expect(b.recorded).toEqual([{ row: 6, shippedBefore: 15, shippedAfter: 25, cell: 'M6' }]);
    const p2 = await read('p2.xlsx');
    expect([cell(p2, ORDERS, 6, M), cell(p2, ORDERS, 6, O), cell(p2, ORDERS, 6, N)]).toEqual([25, '部分出货', null]);
    const v = json(
      run(['void', 'p2.xlsx', '--doc', 'DN-20261122-001', '-o', 'p3.xlsx', '--json', '--today', '2026-11-25']),
    );
    expect(v.reversed).toEqual([{ row: 6, shippedBefore: 25, shippedAfter: 10 }]);
    const p3 = await read('p3.xlsx');
    expect([cell(p3, ORDERS, 6, M), cell(p3, ORDERS, 6, O)]).toEqual([10, '部分出货']);
    expect(
      findSheet(p3, '出货记录')!
        .values.slice(1)
        .map((r) => [r[1], r[8], r[11]]),
    ).toEqual([
      ['DN-20261122-001', 15, '作废'],
      ['DN-20261124-001', 10, '有效'],
    ]);
    // The rest, 30, ships and completes the line: status and the empty ship date follow.
    const c = json(
      run([
        'generate',
        'p3.xlsx',
        '--doc',
        'delivery-note',
        '--rows',
        '6',
        '-o',
        'p4.xlsx',
        '--json',
        '--today',
        '2026-11-26',
      ]),
    );
    expect(c.documents[0].lines).toEqual([{ row: 6, ordered: 40, ship: 30, owedAfter: 0 }]);
    const p4 = await read('p4.xlsx');
    expect([cell(p4, ORDERS, 6, M), cell(p4, ORDERS, 6, O), cell(p4, ORDERS, 6, N)]).toEqual([40, '已完成', 46352]);
  });
});

describe('a sheet without a shipped column', () => {
  it('the record alone holds the shipment, and flag reads it (matched by order, item and row)', async () => {
    const r = run([
      'generate',
      'en.xlsx',
      '--doc',
      'delivery-note',
      '--rows',
      '2',
      '--ship',
      '2=30',
      '-o',
      'r1.xlsx',
      '--json',
      ...TODAY,
    ]);
    expect(r.code).toBe(0);
    expect(json(r).recorded).toEqual([{ row: 2, shippedBefore: 0, shippedAfter: 30, cell: null }]);
    expect(r.stderr).toMatch(/recorded in "Shipments" only/);
    const flag = json(run(['flag', 'r1.xlsx', '--json', ...TODAY]));
    expect(flag.rows.find((x: { row: number }) => x.row === 2)).toMatchObject({ class: 'overdue', openQty: 70 });
    const again = json(
      run(['generate', 'r1.xlsx', '--doc', 'delivery-note', '--rows', '2', '-o', 'r2.xlsx', '--json', ...TODAY]),
    );
    expect(again.documents[0].lines).toEqual([{ row: 2, ordered: 100, ship: 70, owedAfter: 0 }]);
    const flag2 = json(run(['flag', 'r2.xlsx', '--json', ...TODAY]));
    expect(flag2.rows.find((x: { row: number }) => x.row === 2)).toMatchObject({ class: 'shipped', openQty: 0 });
  });

  it('--add-shipped-column adds Shipped Qty in the first empty column, filled from the record, every cell logged', async () => {
    const r = run([
      'generate',
      'r1.xlsx',
      '--doc',
      'delivery-note',
      '--rows',
      '4',
      '--ship',
      '4=10',
      '--add-shipped-column',
      '-o',
      'col.xlsx',
      '--json',
      ...TODAY,
    ]);
    expect(r.code).toBe(0);
    const wb = await read('col.xlsx');
    expect([1, 2, 3, 4].map((row) => cell(wb, 'Orders', row, 8))).toEqual(['Shipped Qty', 30, null, 10]);
    // Partly shipped: the open status becomes the partial word.
    expect(cell(wb, 'Orders', 4, 7)).toBe('Partially Shipped');
    expect(
      readChangeLog(wb)
        .filter((l) => l.action === 'addColumn')
        .map((l) => [l.cell, l.old, l.new]),
    ).toEqual([
      ['H1', null, 'Shipped Qty'],
      ['H2', null, 30],
      ['H4', null, 10],
    ]);
    const inspect = json(run(['inspect', 'col.xlsx', '--json']));
    expect(inspect.columns.shippedQty).toBe('H');
  });

  it("--per-customer --add-shipped-column fills the one added column for every customer's note", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Orders');
    ws.addRow(['Order No.', 'Customer', 'Item', 'Qty', 'Unit Price', 'Due Date', 'Status']);
    ws.addRow(['PO-7', 'ACME Ltd.', 'A-1', 100, 2.5, new Date(Date.UTC(2026, 10, 20)), 'open']);
    ws.addRow(['PO-8', 'Beta GmbH', 'B-1', 40, 3, new Date(Date.UTC(2026, 10, 25)), 'open']);
    ws.getColumn(6).numFmt = 'yyyy-mm-dd';
    await book.xlsx.writeFile(path.join(tmp, 'two.xlsx'));
    const r = run([
      'generate',
      'two.xlsx',
      '--doc',
      'delivery-note',
      '--rows',
      '2-3',
      '--per-customer',
      '--ship',
      '2=60',
      '--add-shipped-column',
      '-o',
      'two-col.xlsx',
      '--json',
      ...TODAY,
    ]);
    expect(r.code).toBe(0);
    expect(json(r).documents).toHaveLength(2);
    expect(json(r).recorded).toEqual([
      { row: 2, shippedBefore: 0, shippedAfter: 60, cell: 'H2' },
      { row: 3, shippedBefore: 0, shippedAfter: 40, cell: 'H3' },
    ]);
    const wb = await read('two-col.xlsx');
    expect([1, 2, 3].map((row) => cell(wb, 'Orders', row, 8))).toEqual(['Shipped Qty', 60, 40]);
    // The second customer's line is fully shipped: its status follows, as the first's (partly shipped) does.
    expect([cell(wb, 'Orders', 2, 7), cell(wb, 'Orders', 3, 7)]).toEqual(['Partially Shipped', 'Shipped']);
  });
});
