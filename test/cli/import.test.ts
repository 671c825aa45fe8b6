// SPEC 15 end to end with the built CLI (lib/): a customer PO of 12 lines imported after the last order line with
// order number and customer from its header block and the amount formula continued; the same PO again adds
// nothing; a revised PO yields exactly its changes, --apply-changes writes them with change-log rows, and
// `history --order` shows them.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { NW_LINES, englishPo } from '../core/po/samples';
import { orderXlsx, poXlsx } from '../xlsx/poWorkbooks';

jest.setTimeout(180000);

const ROOT = path.resolve(__dirname, '../..');
const TODAY = ['--today', '2026-11-30'];

let tmp: string;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'order-clerk-import-'));
  fs.writeFileSync(path.join(tmp, 'orders.xlsx'), await orderXlsx());
  fs.writeFileSync(path.join(tmp, 'po.xlsx'), await poXlsx('en'));
  fs.writeFileSync(path.join(tmp, 'po-zh.xlsx'), await poXlsx('zh'));
  const lines = NW_LINES.map((l) => l.slice() as (typeof NW_LINES)[number]);
  lines[1][2] = 350; // NW-101 quantity 300 → 350
  lines[5][4] = '2027-01-12'; // NW-105 due date 2027-01-05 → 2027-01-12
  lines.splice(9, 1); // NW-109 dropped
  fs.writeFileSync(path.join(tmp, 'po-rev.xlsx'), await poXlsx('en', englishPo(lines)));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], lang = 'en_US.UTF-8') {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/order-clerk.js'), ...args], {
    cwd: tmp,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LANG: lang },
    timeout: 120000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function sheet(file: string, name = 'Orders'): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(tmp, file));
  return wb.getWorksheet(name)!;
}

describe('order-clerk import / history', () => {
  test('a 12-line PO: appended in rows 9–20 with PO number and customer from the header block, formula continued', async () => {
    const r = run(['import', 'orders.xlsx', '--po', 'po.xlsx', '-o', 'once.xlsx', '--json', ...TODAY]);
    expect(r.stderr).toMatch(/no column for these PO fields/);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.po).toEqual({ orderNo: 'NW-4500123', customer: 'Northwind Trading Ltd.', sheet: 'PO' });
    expect(j.added.map((a: { row: number }) => a.row)).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(j.changed).toEqual([]);
    const ws = await sheet('once.xlsx');
    expect(ws.getCell('A12').value).toBe('NW-4500123');
    expect(ws.getCell('B12').value).toBe('Northwind Trading Ltd.');
    expect((ws.getCell('G12').value as { formula: string }).formula).toBe('E12*F12');
  });

  test('importing the same PO twice adds nothing the second time', () => {
    const r = run(['import', 'once.xlsx', '--po', 'po.xlsx', '-o', 'twice.xlsx', '--json', ...TODAY]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.added).toEqual([]);
    expect(j.unchanged).toBe(12);
  });

  test('a revised PO yields exactly its changes; --apply-changes writes them; history --order shows them', async () => {
    const listed = run(['import', 'once.xlsx', '--po', 'po-rev.xlsx', '-o', 'listed.xlsx', '--json', ...TODAY]);
    const j = JSON.parse(listed.stdout);
    expect(
      j.changed.map((c: { cell: string; old: unknown; new: unknown; applied: boolean }) => [
        c.cell,
        c.old,
        c.new,
        c.applied,
      ]),
    ).toEqual([
      ['E10', 300, 350, false],
      ['H14', '2027-01-05', '2027-01-12', false],
    ]);
    expect(j.dropped).toEqual([{ row: 18, orderNo: 'NW-4500123', item: 'NW-109' }]);
    expect(listed.stderr).toMatch(/--apply-changes/);
    expect(listed.stderr).toMatch(/Row 18 \(NW-4500123 \/ NW-109\) is no longer on the revised PO/);
    expect((await sheet('listed.xlsx')).getCell('E10').value).toBe(300);

    const applied = run([
      'import',
      'once.xlsx',
      '--po',
      'po-rev.xlsx',
      '-o',
      'applied.xlsx',
      '--apply-changes',
      ...TODAY,
    ]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/New lines: 0; changes: 2; dropped \(kept\): 1; unchanged: 9/);
    const ws = await sheet('applied.xlsx');
    expect(ws.getCell('E10').value).toBe(350);
    expect(ws.getCell('A18').value).toBe('NW-4500123'); // dropped, never deleted

    const h = run(['history', 'applied.xlsx', '--order', 'nw-4500123', '--json']);
    expect(h.code).toBe(0);
    const changes = JSON.parse(h.stdout).entries.filter((e: { action: string }) => e.action === 'orderChange');
    expect(
      changes.map((e: { row: number; item: string; field: string; old: unknown; new: unknown }) => [
        e.row,
        e.item,
        e.field,
        e.old,
        e.new,
      ]),
    ).toEqual([
      [10, 'NW-101', 'quantity', 300, 350],
      [14, 'NW-105', 'dueDate', '2027-01-05', '2027-01-12'],
    ]);
    const text = run(['history', 'applied.xlsx', '--row', '14'], 'zh_CN.UTF-8');
    expect(text.stdout).toMatch(/订单变更/);
    expect(text.stdout).toMatch(/2027-01-05 → 2027-01-12/);
    // The workbook before: no log sheet, so none is named.
    expect(run(['history', 'orders.xlsx', '--row', '14', ...TODAY]).stdout.trim()).toBe(
      'This workbook has no change log yet.',
    );
  });

  test('a Chinese PO: 订单号 and 客户 from the header block; messages in Chinese', async () => {
    const r = run(['import', 'orders.xlsx', '--po', 'po-zh.xlsx', '-o', 'zh.xlsx', ...TODAY], 'zh_CN.UTF-8');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/已导入客户订单 CG-20261118（客户：深圳市华南电子有限公司）/);
    const ws = await sheet('zh.xlsx');
    expect(ws.getCell('A9').value).toBe('CG-20261118');
    expect(ws.getCell('C12').value).toBe('HN-C05');
  });

  test('import without --po is bad usage (exit 2)', () => {
    const r = run(['import', 'orders.xlsx', '-o', 'x.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^order-clerk: import needs --po/);
  });
});
