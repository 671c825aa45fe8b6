// SPEC 9: what the Settings panel saves travels in the workbook and the CLI uses it on the same file — the form's
// settings written into a copy of zh-factory.xlsx by the package writer, read back unchanged, then `flag` sees the
// new dueSoonDays and `statement` the document language and the company letterhead.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { planWriteSettings, readSettings } from '../../src/core/settings';
import { formFromSettings, settingsFromForm, splitWords } from '../../src/core/settingsForm';
import { DEFAULT_SETTINGS } from '../../src/core/types';
import { applyEditsToPackage } from '../../src/xlsx/package/writer';
import { readSnapshot } from '../../src/xlsx/read';

jest.setTimeout(120000);

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = path.resolve(ROOT, '../shared/fixtures/samples/zh-factory.xlsx');

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'order-clerk-settings-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/order-clerk.js'), ...args], {
    cwd: tmp,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the settings form', () => {
  it('splits words on commas of either width, 、, semicolons and lines; drops blanks and repeats', () => {
    expect(splitWords(' 已装柜，已发走、已装柜;Loaded\n\n  ')).toEqual(['已装柜', '已发走', 'Loaded']);
  });

  it('names bad numbers and a profile without a name, and keeps the old values for them', () => {
    const form = { ...formFromSettings(DEFAULT_SETTINGS), dueSoonDays: '7天', receiptDays: '0', companyPhone: '123' };
    const r = settingsFromForm(DEFAULT_SETTINGS, form);
    expect(r.problems).toEqual(['dueSoonDays', 'receiptDays', 'companyName']);
    expect([r.settings.dueSoonDays, r.settings.receiptDays, r.settings.company]).toEqual([7, 7, undefined]);
  });

  it('round-trips through a written file; flag uses its dueSoonDays, statement its language and letterhead', async () => {
    const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
    const before = readSettings(readSnapshot(bytes, 'zh.xlsx'));
    const form = {
      ...formFromSettings(before),
      companyName: '永兴小家电制品有限公司',
      companyAddress: '佛山市顺德区容桂街道华口工业区 8 号',
      companyPhone: '0757-2833 0000',
      dueSoonDays: '3',
      receiptDays: '10',
      shippedWords: '已装柜，已发走',
      cancelledWords: '客户撤单',
      documentLang: 'en-US' as const,
      portOfLoading: 'Shunde',
      portOfDestination: 'Hamburg',
      marks: 'BRAND: YX\nMADE IN CHINA',
    };
    const { settings, problems } = settingsFromForm(before, form);
    expect(problems).toEqual([]);
    const out = await applyEditsToPackage(bytes, [planWriteSettings(settings)]);
    fs.writeFileSync(path.join(tmp, 'set.xlsx'), out.bytes);
    const back = readSettings(readSnapshot(out.bytes, 'set.xlsx'));
    expect(back).toEqual(settings);
    expect(formFromSettings(back)).toEqual({ ...form, shippedWords: '已装柜, 已发走' });

    // dueSoonDays 3 on 2026-11-22: row 10 (due 11-24) is due soon, row 7 (due 11-27) is not.
    const flag = JSON.parse(run(['flag', 'set.xlsx', '--json', '--today', '2026-11-22']).stdout);
    expect(flag.dueSoonDays).toBe(3);
    const cls = (row: number) => flag.rows.find((r: { row: number }) => r.row === row).class;
    expect([cls(10), cls(7)]).toEqual(['dueSoon', 'onTrack']);
    // The statement is in English (document language) under the saved letterhead.
    const st = run(['statement', 'set.xlsx', '--customer', '佛山美家', '--today', '2026-12-03', '-o', 'st.xlsx']);
    expect(st.code).toBe(0);
    expect(st.stderr).not.toMatch(/company/i);
    const sheet = readSnapshot(new Uint8Array(fs.readFileSync(path.join(tmp, 'st.xlsx'))), 'st.xlsx').sheets.find((s) =>
      s.name.startsWith('Statement '),
    )!;
    expect(sheet.values.flat()).toEqual(
      expect.arrayContaining(['永兴小家电制品有限公司', 'Statement of Account 对账单']),
    );
  });
});
