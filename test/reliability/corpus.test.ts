// The whole ../shared/fixtures/real-world corpus (and the two samples) through every CLI command: each answers what
// the golden table (corpus.golden.ts) says — the order sheet, or exit 2 with that error's one line on stderr — never
// prints a stack trace, and never modifies its input. Runs in-process
// (main(argv, io)); the spawned binary is covered by test/cli.

import * as fs from 'fs';
import * as path from 'path';
import { t } from '../../src/core/i18n';
import { cli, makeTmp, sha256, TODAY_ARGS, type CliRun } from './cliHarness';
import { goldenOf } from './corpus.golden';

jest.setTimeout(300000);

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');
const FILES = [
  ...fs.readdirSync(path.join(FIXTURES, 'real-world')).map((f) => path.join(FIXTURES, 'real-world', f)),
  ...fs.readdirSync(path.join(FIXTURES, 'samples')).map((f) => path.join(FIXTURES, 'samples', f)),
]
  .filter((f) => f.endsWith('.xlsx'))
  .sort();

let tmp: string;
beforeAll(() => {
  tmp = makeTmp('corpus');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function expectClean(r: CliRun, label: string): void {
  expect({ label, code: [0, 1, 2].includes(r.code) }).toEqual({ label, code: true });
  // A failure is one line; a done command may add warning lines (SPEC 8), each an order-clerk: line.
  if (r.code !== 0) expect({ label, lines: r.errLines.length <= 1 }).toEqual({ label, lines: true });
  for (const l of r.errLines) expect(l).toMatch(/^order-clerk: /);
  expect(r.stderr).not.toMatch(/\n\s+at |^\s+at /m);
  expect(r.stdout).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  // Only validate may exit 1 (error-severity issues).
  if (r.code === 1) expect(label).toMatch(/^validate/);
}

describe('every CLI command on every real-world workbook', () => {
  it('has fixtures to run', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(38);
  });

  it.each(FILES.map((f) => [path.basename(f), f]))('%s', async (_name, file) => {
    const hash = sha256(file);
    const base = path.join(tmp, path.basename(file, '.xlsx'));
    const inspect = await cli(['inspect', file, '--json', ...TODAY_ARGS]);
    expectClean(inspect, 'inspect');
    const golden = goldenOf(path.basename(file));
    if ('error' in golden) {
      expect(inspect.code).toBe(2);
      // The error's own message (up to its first parameter, the file name where it has one).
      const message = t('en-US', `error.${golden.error}`).split('{')[0];
      expect(inspect.errLines[0].startsWith(`order-clerk: ${message}`)).toBe(true);
    } else {
      expect(inspect.code).toBe(0);
      expect(JSON.parse(inspect.stdout)).toMatchObject({ sheet: golden.sheet, headerRow: golden.headerRow });
    }
    const zh = await cli(['inspect', file, ...TODAY_ARGS], 'zh');
    expectClean(zh, 'inspect zh');
    expect(zh.code).toBe(inspect.code);
    if (zh.code === 2) expect(zh.errLines[0]).toMatch(/[\u4e00-\u9fff]/);

    const runs: [string, string[]][] = [
      ['validate', ['validate', file]],
      ['validate --json', ['validate', file, '--json']],
      ['flag', ['flag', file, '--json']],
      ['report', ['report', file, '-o', `${base}-report.xlsx`]],
      ['apply', ['apply', file, '-o', `${base}-apply.xlsx`]],
      ['apply --fix', ['apply', file, '-o', `${base}-fix.xlsx`, '--fix', '--json']],
    ];
    if (inspect.code === 0) {
      const first = JSON.parse(inspect.stdout).dataRows.first as number;
      for (const doc of ['work-order', 'packing-list', 'delivery-note']) {
        // The clerk's say-so for whatever the first line is (shipped, cancelled): the command must run, not refuse.
        const ship = doc === 'work-order' ? [] : ['--ship', `${first}=1`];
        runs.push([
          `generate ${doc}`,
          ['generate', file, '--doc', doc, '--rows', String(first), ...ship, '--force', '-o', `${base}-${doc}.xlsx`],
        ]);
      }
    }
    for (const [label, args] of runs) {
      const r = await cli([...args, ...TODAY_ARGS]);
      expectClean(r, label);
      // Same answer as inspect: a table found means the command ran; none means the same one-line refusal.
      if (inspect.code === 2) expect({ label, line: r.errLines[0] }).toEqual({ label, line: inspect.errLines[0] });
      else expect({ label, code: r.code === 2 ? r.errLines[0] : 'ok' }).toEqual({ label, code: 'ok' });
    }
    expect(sha256(file)).toBe(hash);
  });
});
