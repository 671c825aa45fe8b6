// End to end: the built CLI (lib/, from `npm run build:cli`) on copies of the sample workbooks.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { SETTINGS_SHEET, readSettings } from '../../src/core/settings';
import type { WorkbookSnapshot } from '../../src/core/types';
import { readWorkbookBuffer } from '../../src/xlsx/exceljs';
import { t } from '../../src/core/i18n';
import { goldenOf } from '../reliability/corpus.golden';

jest.setTimeout(180000);

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.resolve(ROOT, '../shared/fixtures');
const SAMPLES = path.join(FIXTURES, 'samples');
const REAL_WORLD = path.join(FIXTURES, 'real-world');
const TODAY = ['--today', '2026-11-22'];

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'order-clerk-cli-'));
  for (const f of fs.readdirSync(SAMPLES)) fs.copyFileSync(path.join(SAMPLES, f), path.join(tmp, f));
  fs.copyFileSync(path.join(REAL_WORLD, 'officedev-copilot-Test.xlsx'), path.join(tmp, 'old-xls.xlsx'));
  for (const f of fs.readdirSync(tmp)) fs.chmodSync(path.join(tmp, f), 0o644);
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
function json(r: Run): any {
  return JSON.parse(r.stdout);
}

const inTmp = (f: string) => path.join(tmp, f);

/** Exit 2 with exactly one stderr line that starts "order-clerk:" and no stack trace. */
function expectCleanFailure(r: Run): void {
  expect(r.code).toBe(2);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^order-clerk: /);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

async function snapshotOfFile(file: string): Promise<WorkbookSnapshot> {
  return (await readWorkbookBuffer(fs.readFileSync(file), file)).snapshot;
}

async function excelOf(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every original sheet's values (and number formats) are in the output unchanged, apart from `changed` cells. */
function expectSameCells(before: WorkbookSnapshot, after: WorkbookSnapshot, changed: Set<string> = new Set()): void {
  for (const s of before.sheets) {
    const o = after.sheets.find((x) => x.name === s.name);
    expect(o).toBeDefined();
    const rows = Math.max(s.values.length + s.top, o!.values.length + o!.top);
    const cols = Math.max((s.values[0]?.length ?? 0) + s.left, (o!.values[0]?.length ?? 0) + o!.left);
    for (let r = 1; r < rows; r++) {
      for (let c = 1; c < cols; c++) {
        const key = `${s.name}!${String.fromCharCode(64 + c)}${r}`;
        if (changed.has(key)) continue;
        const a = s.values[r - s.top]?.[c - s.left] ?? null;
        const b = o!.values[r - o!.top]?.[c - o!.left] ?? null;
        expect({ cell: key, value: b }).toEqual({ cell: key, value: a });
      }
    }
  }
}

function counts(wb: ExcelJS.Workbook, sheet: string) {
  const ws = wb.getWorksheet(sheet)! as unknown as {
    tables: Record<string, unknown>;
    dataValidations: { model: Record<string, unknown> };
    conditionalFormattings: { rules: unknown[] }[];
  };
  return {
    tables: Object.keys(ws.tables).length,
    validatedCells: Object.keys(ws.dataValidations.model).length,
    cfRules: ws.conditionalFormattings.reduce((n, cf) => n + cf.rules.length, 0),
    sheets: wb.worksheets.map((w) => w.name),
  };
}

describe('inspect', () => {
  it('understands zh-factory.xlsx as the fixtures README says', () => {
    const r = run(['inspect', 'zh-factory.xlsx', '--json', ...TODAY]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = json(r);
    expect(Object.keys(j)).toEqual([
      'sheet',
      'headerRow',
      'dataRows',
      'columns',
      'inferred',
      'missing',
      'unmapped',
      'skippedRows',
      'masters',
    ]);
    expect(j.inferred).toEqual({});
    expect(j.missing).toEqual([]);
    expect(j.sheet).toBe('2026订单');
    expect(j.headerRow).toBe(3);
    expect(j.dataRows).toEqual({ first: 4, last: 15, count: 12 });
    expect(j.columns).toEqual({
      lineNo: 'A',
      orderNo: 'B',
      customer: 'C',
      orderDate: 'D',
      item: 'E',
      description: 'F',
      spec: 'G',
      quantity: 'H',
      unit: 'I',
      unitPrice: 'J',
      amount: 'K',
      dueDate: 'L',
      shippedQty: 'M',
      shipDate: 'N',
      status: 'O',
      remarks: 'P',
    });
    expect(j.unmapped).toEqual([]);
    expect(j.skippedRows.map((s: { row: number }) => s.row)).not.toContain(15);
    expect(j.masters).toEqual({ products: '价格表', customers: '客户信息' });
  });

  it('understands en-po.xlsx', () => {
    const j = json(run(['inspect', 'en-po.xlsx', '--json', ...TODAY]));
    expect(j.sheet).toBe('Orders');
    expect(j.headerRow).toBe(1);
    expect(j.dataRows).toEqual({ first: 2, last: 8, count: 7 });
    expect(j.columns).toEqual({
      orderNo: 'A',
      customer: 'B',
      item: 'C',
      description: 'D',
      quantity: 'E',
      unit: 'F',
      unitPrice: 'G',
      amount: 'H',
      orderDate: 'I',
      dueDate: 'J',
      shipDate: 'K',
      shippedQty: 'L',
      status: 'M',
      remarks: 'N',
    });
    expect(j.masters).toEqual({ products: null, customers: null });
  });

  it('prints an aligned summary in the chosen language', () => {
    const zh = run(['inspect', 'zh-factory.xlsx', ...TODAY, '--lang', 'zh-CN']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^工作表\s+2026订单$/m);
    expect(zh.stdout).toMatch(/^表头行\s+3$/m);
    const en = run(['inspect', 'en-po.xlsx', ...TODAY]);
    expect(en.stdout).toMatch(/^Header row\s+1$/m);
    expect(en.stdout).toMatch(/^J\s+Due Date\s+dueDate/m);
  });
});

describe('validate and flag', () => {
  it('validate finds the README issues and exits 1', () => {
    const r = run(['validate', 'zh-factory.xlsx', '--json', ...TODAY]);
    expect(r.code).toBe(1);
    const j = json(r);
    expect(j.sheet).toBe('2026订单');
    expect(j.rowsChecked).toBe(12);
    const got = j.issues.map((i: { cell: string; code: string }) => `${i.cell} ${i.code}`).sort();
    expect(got).toEqual([
      'E11 priceList.unknownItem',
      'E12 priceList.unknownItem',
      'E13 priceList.unknownItem',
      'E14 priceList.unknownItem',
      'E15 priceList.unknownItem',
      'E8 priceList.unknownItem',
      'E9 priceList.unknownItem',
      'H7 text.number',
      'H8 quantity.notPositive',
      'J14 unitPrice.negative',
      'J7 priceList.priceDiffers',
      'J9 text.number',
      'K10 amount.mismatch',
      'L11 text.date',
      'L12 date.invalid',
      'L13 dueDate.beforeOrderDate',
      'L7 text.date',
    ]);
    expect(j.counts).toEqual({ error: 5, warning: 8, fixable: 4 });
  });

  it('flag classes per the README', () => {
    const r = run(['flag', 'zh-factory.xlsx', '--json', ...TODAY]);
    expect(r.code).toBe(0);
    const j = json(r);
    expect(j.today).toBe('2026-11-22');
    expect(j.dueSoonDays).toBe(7);
    const byRow = Object.fromEntries(
      j.rows.map((x: { row: number; class: string; daysLate: number }) => [
        x.row,
        `${x.class}${x.class === 'overdue' ? ` ${x.daysLate}` : ''}`,
      ]),
    );
    expect(byRow).toEqual({
      4: 'shipped',
      5: 'overdue 7',
      6: 'overdue 4',
      7: 'dueSoon',
      8: 'onTrack',
      9: 'onTrack',
      10: 'dueSoon',
      11: 'overdue 2',
      12: 'noDueDate',
      13: 'overdue 17',
      14: 'cancelled',
      15: 'shipped',
    });
    expect(j.rows.find((x: { row: number }) => x.row === 5).openQty).toBe(60);
    expect(j.counts).toEqual({ overdue: 4, dueSoon: 2, onTrack: 2, noDueDate: 1, shipped: 2, cancelled: 1 });
  });
});

describe('apply', () => {
  it('writes a table, rules and flags, keeps every original cell, and changes nothing more the second time', async () => {
    const input = inTmp('zh-factory.xlsx');
    const inputBytes = fs.readFileSync(input);
    const r = run(['apply', 'zh-factory.xlsx', '-o', 'applied.xlsx', '--json', ...TODAY]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = json(r);
    expect(Object.keys(j)).toEqual(['sheet', 'table', 'rules', 'fixed']);
    expect(j.sheet).toBe('2026订单');
    expect(j.table).toBe('OrderLines');
    expect(j.fixed).toEqual([]);
    expect(fs.readFileSync(input).equals(inputBytes)).toBe(true);

    const before = await snapshotOfFile(input);
    const after = await snapshotOfFile(inTmp('applied.xlsx'));
    expectSameCells(before, after);
    expect(after.sheets.find((s) => s.name === '2026订单')!.tables).toEqual([{ name: 'OrderLines', range: 'A3:P15' }]);
    const once = counts(await excelOf(inTmp('applied.xlsx')), '2026订单');
    expect(once.tables).toBe(1);
    expect(once.cfRules).toBe(j.rules.conditionalFormats);
    expect(once.cfRules).toBeGreaterThan(0);
    expect(once.validatedCells).toBeGreaterThan(0);

    const r2 = run(['apply', 'applied.xlsx', '-o', 'applied2.xlsx', '--json', ...TODAY]);
    expect(r2.code).toBe(0);
    expect(json(r2)).toEqual(j);
    expect(counts(await excelOf(inTmp('applied2.xlsx')), '2026订单')).toEqual(once);
    expectSameCells(after, await snapshotOfFile(inTmp('applied2.xlsx')));
  });

  it('--fix writes the fixes and logs them; only the fixed cells change', async () => {
    const r = run(['apply', 'en-po.xlsx', '-o', 'fixed.xlsx', '--fix', '--json', ...TODAY]);
    expect(r.code).toBe(0);
    const j = json(r);
    expect(j.fixed.map((f: { cell: string }) => f.cell).sort()).toEqual(['G4', 'J4', 'J7']);
    const before = await snapshotOfFile(inTmp('en-po.xlsx'));
    const after = await snapshotOfFile(inTmp('fixed.xlsx'));
    expectSameCells(before, after, new Set(['Orders!G4', 'Orders!J4', 'Orders!J7']));
    const orders = after.sheets.find((s) => s.name === 'Orders')!;
    expect(orders.values[4 - orders.top][7 - orders.left]).toBe(3.4);
    expect(after.sheets.length).toBeGreaterThan(before.sheets.length);
    const again = run(['apply', 'fixed.xlsx', '-o', 'fixed2.xlsx', '--fix', '--json', ...TODAY]);
    expect(json(again).fixed).toEqual([]);
  });

  it('--fix in English on a Chinese workbook starts the log as 变更记录 and names it so', async () => {
    const r = run(['apply', 'zh-factory.xlsx', '-o', 'zh-fixed.xlsx', '--fix', '--lang', 'en-US', ...TODAY]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\(old values are in the "变更记录" sheet\):/);
    const names = (await snapshotOfFile(inTmp('zh-fixed.xlsx'))).sheets.map((s) => s.name);
    expect(names).toContain('变更记录');
    expect(names).not.toContain('Change log');
  });
});

describe('formula cells', () => {
  it('apply --fix leaves formulas that return text alone and fixes the typed text', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Orders');
    ws.addRow(['Order No.', 'Customer', 'Item', 'Qty', 'Unit Price', 'Due Date']);
    ws.addRow([
      'SO-1',
      'ACME',
      'X-1',
      { formula: 'TEXT(1200,"#,##0")', result: '1,200' },
      2,
      { formula: 'TEXT(DATE(2026,12,5),"yyyy-mm-dd")', result: '2026-12-05' },
    ]);
    ws.addRow(['SO-2', 'ACME', 'X-2', '1,200', 2, '2026-12-05']);
    await book.xlsx.writeFile(inTmp('formulas.xlsx'));
    const r = run(['apply', 'formulas.xlsx', '-o', 'formulas-fixed.xlsx', '--fix', '--json', ...TODAY]);
    expect(r.code).toBe(0);
    expect(
      json(r)
        .fixed.map((f: { cell: string }) => f.cell)
        .sort(),
    ).toEqual(['D3', 'F3']);
    const out = (await excelOf(inTmp('formulas-fixed.xlsx'))).getWorksheet('Orders')!;
    expect(out.getCell('D2').formula).toBe('TEXT(1200,"#,##0")');
    expect(out.getCell('F2').formula).toBe('TEXT(DATE(2026,12,5),"yyyy-mm-dd")');
    expect(out.getCell('D3').value).toBe(1200);
    const check = run(['validate', 'formulas-fixed.xlsx', '--json', ...TODAY]);
    const issues = json(check).issues.filter((i: { row: number }) => i.row === 2);
    expect(
      issues.map((i: { cell: string; code: string; severity: string; fix: unknown }) => [
        i.cell,
        i.code,
        i.severity,
        i.fix,
      ]),
    ).toEqual([
      ['D2', 'text.number', 'warning', null],
      ['F2', 'text.date', 'warning', null],
    ]);
  });
});

describe('report and generate', () => {
  it('report adds the weekly sheet and lists overdue lines, most late first', async () => {
    const r = run(['report', 'zh-factory.xlsx', '-o', 'report.xlsx', '--json', ...TODAY]);
    expect(r.code).toBe(0);
    const j = json(r);
    expect(Object.keys(j)).toEqual(['today', 'sheet', 'counts', 'overdue']);
    expect(j.sheet).toBe('逾期周报 2026-W47');
    expect(j.overdue.map((l: { row: number; daysLate: number }) => [l.row, l.daysLate])).toEqual([
      [13, 17],
      [5, 7],
      [6, 4],
      [11, 2],
    ]);
    const out = await excelOf(inTmp('report.xlsx'));
    expect(out.getWorksheet('逾期周报 2026-W47')).toBeDefined();
  });

  it('generate makes a packing list with the README totals', async () => {
    const r = run([
      'generate',
      'zh-factory.xlsx',
      '--doc',
      'packing-list',
      '--rows',
      '4-5',
      // The README's totals pack both lines in full; row 4 has shipped already, so the clerk says so.
      '--ship',
      '4=120,5=120',
      '--force',
      '-o',
      'pl.xlsx',
      '--json',
      ...TODAY,
    ]);
    expect(r.code).toBe(0);
    const [d] = json(r).documents;
    expect(d).toMatchObject({ type: 'packing-list', number: 'PL-20261122-001', rows: [4, 5], customer: '佛山美家' });
    expect(d.totals).toMatchObject({ quantity: 240, cartons: 66, netWeight: 1206, grossWeight: 1305 });
    expect(d.totals.cbm).toBeCloseTo(5.82, 6);
    expect((await excelOf(inTmp('pl.xlsx'))).getWorksheet(d.sheet)).toBeDefined();
    expectSameCells(await snapshotOfFile(inTmp('zh-factory.xlsx')), await snapshotOfFile(inTmp('pl.xlsx')));
  });
});

describe('table that would rewrite headers', () => {
  it('apply skips the table (one warning line), writes the rules, and leaves the header cells as they were', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Orders');
    ws.addRow(['Order No.', 'Item', 'Qty', 'Due Date', 'Remarks', 'remarks']);
    ws.addRow(['SO-1', 'X-1', 5, new Date(Date.UTC(2026, 11, 5)), 'rush', 'call first']);
    await book.xlsx.writeFile(inTmp('dup-headers.xlsx'));
    const r = run(['apply', 'dup-headers.xlsx', '-o', 'dup-out.xlsx', '--json', ...TODAY]);
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toEqual([
      expect.stringMatching(/^order-clerk: No table made: the header "Remarks" appears more than once \(E1, F1\)/),
    ]);
    const j = json(r);
    expect(j.table).toBeNull();
    expect(j.rules.conditionalFormats).toBeGreaterThan(0);
    const out = await excelOf(inTmp('dup-out.xlsx'));
    const sheet = out.getWorksheet('Orders')!;
    expect([sheet.getCell('E1').value, sheet.getCell('F1').value]).toEqual(['Remarks', 'remarks']);
    expect(Object.keys((sheet as unknown as { tables: Record<string, unknown> }).tables)).toEqual([]);
  });
});

describe('numbering across runs', () => {
  it('a second delivery note generated from the written workbook gets the next number and its own register row', async () => {
    const first = run([
      'generate',
      'zh-factory.xlsx',
      '--doc',
      'delivery-note',
      '--rows',
      '5',
      '-o',
      'dn1.xlsx',
      '--no-record',
      '--json',
      ...TODAY,
    ]);
    expect(first.code).toBe(0);
    expect(json(first).documents[0].number).toBe('DN-20261122-001');
    const second = run([
      'generate',
      'dn1.xlsx',
      '--doc',
      'delivery-note',
      '--rows',
      '7',
      '-o',
      'dn2.xlsx',
      '--no-record',
      '--json',
      ...TODAY,
    ]);
    expect(second.code).toBe(0);
    const [d] = json(second).documents;
    expect(d.number).toBe('DN-20261122-002');
    expect(d.sheet).toBe('送货单 DN-20261122-002');
    const book = await excelOf(inTmp('dn2.xlsx'));
    expect(book.getWorksheet('送货单 DN-20261122-001')).toBeDefined();
    const register: string[] = [];
    book.getWorksheet('单据登记')!.eachRow((row) => register.push(String(row.getCell(1).value)));
    // Title, header, then the two notes.
    expect(register.slice(2)).toEqual(['DN-20261122-001', 'DN-20261122-002']);
    // The first workbook's cells, its document included, are all still there; only the register's new row is added
    // and the settings' last number (SPEC 9) advances.
    const newRow = new Set(['ABCDEFGHIJKL'.split('').map((c) => `单据登记!${c}4`), `${SETTINGS_SHEET}!A1`].flat());
    const dn2 = await snapshotOfFile(inTmp('dn2.xlsx'));
    expectSameCells(await snapshotOfFile(inTmp('dn1.xlsx')), dn2, newRow);
    expect(readSettings(dn2).lastNumbers).toEqual({ 'DN-20261122': 2 });
  });
});

describe('bad input and usage: exit 2, one line on stderr', () => {
  it.each([
    [[]],
    [['frobnicate', 'zh-factory.xlsx']],
    [['inspect']],
    [['inspect', 'zh-factory.xlsx', '--bogus']],
    [['apply', 'zh-factory.xlsx']],
    [['inspect', 'zh-factory.xlsx', '--today', '2026-13-01']],
    [['inspect', 'zh-factory.xlsx', '--lang', 'fr-FR']],
    [['generate', 'zh-factory.xlsx', '--doc', 'invoice', '--rows', '4', '-o', 'x.xlsx']],
    [['generate', 'zh-factory.xlsx', '--doc', 'work-order', '--rows', '4-x', '-o', 'x.xlsx']],
    [['inspect', 'zh-factory.xlsx', '-o', 'x.xlsx']],
    [['inspect', 'zh-factory.xlsx', '--sheet', 'Nope']],
  ])('%j', (args) => {
    expectCleanFailure(run(args));
  });

  it('a missing file says so', () => {
    const r = run(['inspect', 'missing.xlsx']);
    expectCleanFailure(r);
    expect(r.stderr).toContain('File "missing.xlsx" not found');
  });

  it('an .xls file renamed .xlsx says to save as .xlsx, in Chinese under a Chinese LANG', () => {
    const r = run(['inspect', 'old-xls.xlsx'], 'zh_CN.UTF-8');
    expectCleanFailure(r);
    expect(r.stderr).toContain('.xlsx');
    expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
  });

  it('-o naming the input (in any spelling) is refused and the input is left as it was', () => {
    const input = inTmp('en-po.xlsx');
    const bytes = fs.readFileSync(input);
    for (const out of ['en-po.xlsx', './en-po.xlsx', input, `../${path.basename(tmp)}/en-po.xlsx`]) {
      const r = run(['apply', 'en-po.xlsx', '-o', out]);
      expectCleanFailure(r);
      expect(r.stderr).toContain('-o');
    }
    expect(fs.readFileSync(input).equals(bytes)).toBe(true);
  });

  it('--help prints the usage and exits 0', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('order-clerk inspect');
    expect(r.stderr).toBe('');
  });
});

describe('real-world workbooks', () => {
  const files = fs.readdirSync(REAL_WORLD).filter((f) => f.endsWith('.xlsx'));
  it.each(files)('%s: inspect gives the golden answer, cleanly', (file) => {
    const r = run(['inspect', path.join(REAL_WORLD, file), ...TODAY]);
    const golden = goldenOf(file);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    if ('error' in golden) {
      expect(r.code).toBe(2);
      expect(lines).toHaveLength(1);
      expect(lines[0].startsWith(`order-clerk: ${t('en-US', `error.${golden.error}`).split('{')[0]}`)).toBe(true);
    } else {
      expect(r.code).toBe(0);
      expect(lines).toEqual([]);
    }
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
