// The command line in odd environments (issue 21.6): a closed output pipe, locale variables in POSIX order,
// an option missing its value.

import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { langFromEnv, parseArgs } from '../../src/cli/args';
import { main } from '../../src/cli/main';
import { buildPackage, orderGrid, SharedStrings, sheetXml } from '../hostile/packageWriter';

const ROOT = path.resolve(__dirname, '../..');

async function cli(args: string[], env: Record<string, string>) {
  let stderr = '';
  const code = await main(args, {
    stdout: async () => undefined,
    stderr: async (s) => {
      stderr += s;
    },
    env,
    now: () => new Date(2026, 10, 22),
  });
  return { code, stderr };
}

describe('locale', () => {
  it('LC_ALL wins over LC_MESSAGES, which wins over LANG; empty ones are skipped', () => {
    expect(langFromEnv({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(langFromEnv({ LC_ALL: 'C', LC_MESSAGES: 'zh_CN.UTF-8' })).toBe('en-US');
    expect(langFromEnv({ LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(langFromEnv({ LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(langFromEnv({})).toBe('en-US');
  });

  it('a message follows LC_ALL when LANG says otherwise', async () => {
    const r = await cli(['inspect', '/no/such.xlsx'], { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' });
    expect(r.stderr).toMatch(/^order-clerk: 找不到文件/);
  });
});

describe('options', () => {
  it('--lang followed by another option says the value is missing', () => {
    expect(() => parseArgs(['inspect', 'a.xlsx', '--lang', '--today', '2026-11-22'], {}, new Date())).toThrow(
      'Option --lang needs a value: write --lang VALUE.',
    );
    expect(() => parseArgs(['inspect', 'a.xlsx', '--sheet'], {}, new Date())).toThrow(
      'Option --sheet needs a value: write --sheet VALUE.',
    );
  });
});

describe('a closed output pipe', () => {
  it('`order-clerk flag … | head -1` prints one line, no stack trace, and the usual exit code', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-pipe-'));
    const file = path.join(dir, 'orders.xlsx');
    const sst = new SharedStrings();
    fs.writeFileSync(file, buildPackage([{ name: 'Orders', xml: sheetXml(orderGrid(3000), sst) }], { sst }));
    const bin = path.join(ROOT, 'bin', 'order-clerk.js');
    const out = execFileSync(
      'bash',
      ['-c', `node "${bin}" flag "${file}" --today 2026-11-22 2>"${dir}/err" | head -1; echo "exit \${PIPESTATUS[0]}"`],
      { encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8' } },
    );
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Today 2026-11-22/);
    expect(lines[1]).toBe('exit 0');
    expect(fs.readFileSync(path.join(dir, 'err'), 'utf8')).toBe('');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
