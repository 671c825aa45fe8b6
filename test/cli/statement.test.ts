// SPEC 12 end to end with the built CLI (lib/): a month of delivery notes to 佛山美家 on a copy of zh-factory.xlsx,
// one of them voided, one in December and one to another customer; the statement lists the two valid November
// deliveries with the right total and its 大写, numbered ST-202611-001 in the register. Without a shipments record
// it falls back on the ship dates and says so. Expected values were worked out by hand from the sample first.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cellAt, findSheet } from '../../src/core/snapshot';
import type { WorkbookSnapshot } from '../../src/core/types';
import { readWorkbookBuffer } from '../../src/xlsx/exceljs';

jest.setTimeout(240000);

const ROOT = path.resolve(__dirname, '../..');
const SAMPLES = path.resolve(ROOT, '../shared/fixtures/samples');

let tmp: string;
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
const strings = (wb: WorkbookSnapshot, sheet: string): string[] =>
  findSheet(wb, sheet)!
    .values.flat()
    .filter((v): v is string => typeof v === 'string');
const numbers = (wb: WorkbookSnapshot, sheet: string): number[] =>
  findSheet(wb, sheet)!
    .values.flat()
    .filter((v): v is number => typeof v === 'number');

function ok(args: string[]): Run {
  const r = run(args);
  if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}: ${r.stderr}`);
  return r;
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'order-clerk-statement-'));
  fs.copyFileSync(path.join(SAMPLES, 'zh-factory.xlsx'), path.join(tmp, 'zh.xlsx'));
  fs.chmodSync(path.join(tmp, 'zh.xlsx'), 0o644);
  // 佛山美家: row 5 FM-202 60 open @88, row 10 FM-210 2000 @12.5, row 13 FM-220 800 @9.6; 厦门海景: row 6 XM-11 @1250.
  const dn = (input: string, rows: string, ship: string, today: string, out: string) =>
    ok(['generate', input, '--doc', 'delivery-note', '--rows', rows, '--ship', ship, '--today', today, '-o', out]);
  dn('zh.xlsx', '5', '5=60', '2026-11-05', 'm1.xlsx'); // DN-20261105-001: 60 × 88 = 5,280
  dn('m1.xlsx', '10', '10=500', '2026-11-12', 'm2.xlsx'); // DN-20261112-001: 500 × 12.5 = 6,250 — voided below
  dn('m2.xlsx', '13', '13=300', '2026-11-20', 'm3.xlsx'); // DN-20261120-001: 300 × 9.6 = 2,880
  dn('m3.xlsx', '6', '6=10', '2026-11-20', 'm4.xlsx'); // another customer
  ok(['void', 'm4.xlsx', '--doc', 'DN-20261112-001', '--today', '2026-11-21', '-o', 'm5.xlsx']);
  dn('m5.xlsx', '10', '10=100', '2026-12-02', 'month.xlsx'); // December: outside the period
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('statement of account for 佛山美家, November 2026', () => {
  it('lists the two valid deliveries (the voided note and December left out) with total 8,160 and its 大写', async () => {
    const r = run([
      'statement',
      'month.xlsx',
      '--customer',
      '佛山美家',
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-30',
      '--today',
      '2026-12-03',
      '-o',
      'st.xlsx',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(json(r)).toEqual({
      customer: '佛山美家',
      from: '2026-11-01',
      to: '2026-11-30',
      number: 'ST-202611-001',
      sheet: '对账单 佛山美家 2026-11',
      lines: 2,
      totals: { quantity: 360, amount: 8160 },
    });
    expect(r.stderr).toMatch(/Voided delivery note DN-20261112-001 is left out/);
    const wb = await read('st.xlsx');
    const text = strings(wb, '对账单 佛山美家 2026-11');
    expect(text).toEqual(expect.arrayContaining(['DN-20261105-001', 'DN-20261120-001', '人民币捌仟壹佰陆拾元整']));
    expect(text).not.toContain('DN-20261112-001');
    expect(text).not.toContain('DN-20261202-001');
    expect(text.join('\n')).not.toMatch(/厦门海景|XM-11/);
    expect(text).toEqual(
      expect.arrayContaining([
        '对账单 Statement of Account',
        '2026-11-01 至 2026-11-30',
        '佛山美家',
        '黄生',
        '龙头',
        '请核对，如有不符请于 7 日内提出，逾期视为无误。\nPlease check this statement and tell us of any difference within 7 days; after that it is taken as correct.',
        '客户确认（盖章） Confirmed by customer (stamp)',
      ]),
    );
    // Lines and totals: 60 × 88 = 5,280 and 300 × 9.6 = 2,880.
    expect(numbers(wb, '对账单 佛山美家 2026-11')).toEqual(
      expect.arrayContaining([60, 88, 5280, 300, 9.6, 2880, 360, 8160]),
    );
    // Registered, valid, with the period in the rows column.
    const register = findSheet(wb, '单据登记')!;
    const row = register.values.findIndex((v) => v[0] === 'ST-202611-001') + register.top;
    expect(row).toBeGreaterThan(register.top);
    expect([2, 4, 6, 7, 8, 9, 10].map((c) => cellAt(register, row, c))).toEqual([
      '对账单',
      '佛山美家',
      '2026-11-01 至 2026-11-30',
      '对账单 佛山美家 2026-11',
      360,
      8160,
      '有效',
    ]);
  });

  it('the next statement of that month is ST-202611-002 (default period: last month)', async () => {
    const r = json(
      run(['statement', 'st.xlsx', '--customer', '佛山美家', '--today', '2026-12-03', '-o', 'st2.xlsx', '--json']),
    );
    // The default period is the previous calendar month.
    expect(r).toMatchObject({ number: 'ST-202611-002', from: '2026-11-01', to: '2026-11-30', lines: 2 });
    expect(r.sheet).toBe('对账单 佛山美家 2026-11 (2)');
  });

  it('the customer is matched whatever its width and spacing; an unknown one is refused naming the known ones', () => {
    expect(
      json(
        run(['statement', 'month.xlsx', '--customer', ' 佛山 美家', '--today', '2026-12-03', '-o', 'x.xlsx', '--json']),
      ).lines,
    ).toBe(2);
    const r = run(['statement', 'month.xlsx', '--customer', '美家', '--today', '2026-12-03', '-o', 'y.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^order-clerk: .*"美家".*佛山美家, 厦门海景, 青岛北方/);
    expect(fs.existsSync(path.join(tmp, 'y.xlsx'))).toBe(false);
  });

  it('without a shipments record it lists the lines shipped in the period by their ship date, and says so', async () => {
    const r = run([
      'statement',
      'zh.xlsx',
      '--customer',
      '佛山美家',
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-30',
      '-o',
      'fallback.xlsx',
      '--json',
    ]);
    expect(r.code).toBe(0);
    // Row 4 FM-201: 120 shipped on 2026-11-14 at 310 = 37,200; row 5 FM-202: 60 of 120 shipped that day at 88 = 5,280.
    expect(json(r)).toMatchObject({ lines: 2, totals: { quantity: 180, amount: 42480 } });
    expect(r.stderr).toMatch(/no shipments record: the statement lists the 2 order lines whose ship date/);
    const text = strings(await read('fallback.xlsx'), '对账单 佛山美家 2026-11');
    expect(text).toContain('人民币肆万贰仟肆佰捌拾元整');
  });

  it('usage: --customer is needed, dates must be real and in order', () => {
    expect(run(['statement', 'zh.xlsx', '-o', 'z.xlsx']).stderr).toMatch(/statement needs --customer/);
    expect(run(['statement', 'zh.xlsx', '--customer', 'A', '--from', '2026-11-31', '-o', 'z.xlsx']).stderr).toMatch(
      /--from "2026-11-31" is not a valid date/,
    );
    const r = run([
      'statement',
      'zh.xlsx',
      '--customer',
      'A',
      '--from',
      '2026-11-30',
      '--to',
      '2026-11-01',
      '-o',
      'z.xlsx',
    ]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/swap --from and --to/)]);
  });
});

describe('update: the progress message on the command line', () => {
  it('prints the message for 佛山美家 as text, and the lines in --json', () => {
    const r = run(['update', 'zh.xlsx', '--customer', '佛山美家', '--today', '2026-11-22']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '佛山美家您好！',
        '',
        '截至11月22日，贵司订单的进度如下：',
        '1. 订单 XS-261009 FM-220 角阀：共800个，尚未出货；交期11月5日，已延误17天。',
        '2. 订单 XS-261001 FM-202 龙头：共120个，已出60个，余60个；余下部分交期11月15日，已延误7天，原因：余下60个下周。',
        '3. 订单 XS-261006 FM-210 地漏：共2,000个，尚未出货；交期11月24日，还有2天。',
        '4. 订单 XS-261001 FM-201 不锈钢水槽：共120套，已于11月14日全部出货。',
        '',
        '如有疑问，请随时联系我们。谢谢！',
        '',
      ].join('\n'),
    );
    const j = json(run(['update', 'zh.xlsx', '--customer', '佛山美家', '--today', '2026-11-22', '--json']));
    expect(j.lines[1]).toEqual({
      row: 5,
      orderNo: 'XS-261001',
      item: 'FM-202',
      quantity: 120,
      shipped: 60,
      open: 60,
      dueDate: '2026-11-15',
      state: 'late',
      daysLate: 7,
      partial: true,
    });
    expect(j.text).toBe(r.stdout.trimEnd());
  });

  it('reads shipments from the record after a delivery note, and --company signs it', () => {
    const r = run([
      'update',
      'month.xlsx',
      '--customer',
      '佛山美家',
      '--today',
      '2026-12-03',
      '--company',
      '永兴小家电',
    ]);
    expect(r.stdout).toMatch(/FM-220 角阀：共800个，已出300个，余500个；余下部分交期11月5日，已延误28天。/);
    expect(r.stdout).toMatch(/FM-210 地漏：共2,000个，已出100个，余1,900个；余下部分交期11月24日，已延误9天。/);
    expect(r.stdout).toMatch(/\n永兴小家电\n$/);
  });
});

describe('plan: the shipment plan on the command line', () => {
  it('plan --weeks 2 groups the open lines by ISO week, and its cartons, G.W. and CBM agree with the packing list', () => {
    const r = run(['plan', 'zh.xlsx', '--weeks', '2', '--today', '2026-11-25', '-o', 'plan.xlsx', '--json']);
    expect(r.code).toBe(0);
    const j = json(r);
    expect(j.sheet).toBe('出货计划 2026-W48');
    expect(j.overdue.map((l: { row: number }) => l.row)).toEqual([13, 5, 6, 11, 10]);
    expect(j.weeks.map((w: { week: string; from: string; to: string }) => [w.week, w.from, w.to])).toEqual([
      ['2026-W48', '2026-11-23', '2026-11-29'],
      ['2026-W49', '2026-11-30', '2026-12-06'],
    ]);
    expect(j.weeks[0].lines).toEqual([
      expect.objectContaining({ row: 7, item: 'XM-12', dueDate: '2026-11-27', openQty: 60 }),
    ]);
    expect(r.stderr).toMatch(/4 lines have no packing data \(rows 8-9,11,13\)/);
    expect(r.stderr).toMatch(/One open line has no due date \(row 12\)/);
    // The same quantities on packing lists: the same cartons, gross weight and CBM.
    for (const [row, open] of [
      [10, 2000],
      [5, 60],
      [7, 60],
    ]) {
      const line = [...j.overdue, ...j.weeks.flatMap((w: { lines: unknown[] }) => w.lines)].find(
        (l: { row: number }) => l.row === row,
      );
      const pl = json(
        run([
          'generate',
          'zh.xlsx',
          '--doc',
          'packing-list',
          '--rows',
          String(row),
          '--ship',
          `${row}=${open}`,
          '--today',
          '2026-11-25',
          '-o',
          `pl${row}.xlsx`,
          '--json',
        ]),
      ).documents[0].totals;
      expect([line.openQty, line.cartons, line.grossWeight, line.cbm]).toEqual([
        open,
        pl.cartons,
        pl.grossWeight,
        pl.cbm,
      ]);
    }
  });

  it('--weeks must be a number of weeks', () => {
    const r = run(['plan', 'zh.xlsx', '--weeks', '0', '-o', 'p.xlsx']);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/--weeks "0" is not a number of weeks/)]);
  });
});
