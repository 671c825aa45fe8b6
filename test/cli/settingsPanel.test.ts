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

  it('names each ignored setting in one stderr line, uses the rest, and writes back the fields it does not know', async () => {
    const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
    // A hand-edited settings sheet: dueSoonDays good, documentLang a number, a lastNumbers of 1e300, a future field.
    const json =
      '{"version":1,"dueSoonDays":3,"documentLang":5,"lastNumbers":{"WO-20261122":1e300},"theme":{"dark":true}}';
    const out = await applyEditsToPackage(bytes, [{ kind: 'writeSettings', json }]);
    fs.writeFileSync(path.join(tmp, 'bad.xlsx'), out.bytes);

    const flag = run(['flag', 'bad.xlsx', '--json', '--today', '2026-11-22']);
    expect(flag.code).toBe(0);
    expect(JSON.parse(flag.stdout).dueSoonDays).toBe(3);
    const lines = flag.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toEqual([
      'order-clerk: The setting "documentLang" in the hidden sheet _order_clerk could not be read: it was ignored (its default is used); the other settings are used.',
      'order-clerk: The setting "lastNumbers.WO-20261122" in the hidden sheet _order_clerk could not be read: it was ignored (its default is used); the other settings are used.',
    ]);
    expect(run(['inspect', 'bad.xlsx', '--lang', 'zh-CN']).stderr).toContain('“documentLang”');

    // A work order numbers from 1 (not 1e300 + 1) and the written settings keep the field this version does not know.
    const gen = run([
      'generate',
      'bad.xlsx',
      '--doc',
      'work-order',
      '--rows',
      '7',
      '--today',
      '2026-11-22',
      '-o',
      'wo.xlsx',
    ]);
    expect(gen.code).toBe(0);
    expect(gen.stderr).toContain('"lastNumbers.WO-20261122"');
    const back = readSettings(readSnapshot(new Uint8Array(fs.readFileSync(path.join(tmp, 'wo.xlsx'))), 'wo.xlsx'));
    expect(back.lastNumbers).toEqual({ 'WO-20261122': 1 });
    expect(back.kept).toEqual({
      theme: { dark: true },
      ignoredSettings: { documentLang: 5, lastNumbers: { 'WO-20261122': 1e300 } },
    });
    expect(back.dueSoonDays).toBe(3);
  });
});
