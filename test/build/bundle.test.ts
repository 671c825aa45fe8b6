// `npm run build` (the add-in config, production): the files a host serves, the manifest with the production URL,
// and a task-pane script that carries no ExcelJS and stays within 300 KB gzipped.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';

jest.setTimeout(300000);

const ROOT = path.resolve(__dirname, '../..');
let out: string;

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'order-clerk-build-'));
  execFileSync(
    process.execPath,
    [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--config-name', 'addin', '--output-path', out],
    {
      cwd: ROOT,
      env: { ...process.env, ADDIN_URL: 'https://clerk.example.test/app/' },
      stdio: 'pipe',
    },
  );
});
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

test('the host files are there', () => {
  for (const f of [
    'taskpane.html',
    'commands.html',
    'manifest.xml',
    'taskpane.js',
    'commands.js',
    'assets/icon-32.png',
    'assets/icon-80.png',
    'selftest.html',
    'selftest.js',
    'manifest.selftest.xml',
  ]) {
    expect(fs.existsSync(path.join(out, f))).toBe(true);
  }
});

test('the manifest points at the production URL, not localhost', () => {
  const xml = fs.readFileSync(path.join(out, 'manifest.xml'), 'utf8');
  expect(xml).not.toContain('localhost');
  expect(xml).toContain('https://clerk.example.test/app/taskpane.html');
});

test('the self-test manifest has its own add-in id, on the same host, and opens selftest.html', () => {
  const main = fs.readFileSync(path.join(out, 'manifest.xml'), 'utf8');
  const self = fs.readFileSync(path.join(out, 'manifest.selftest.xml'), 'utf8');
  const id = (xml: string) => /<Id>([^<]+)<\/Id>/.exec(xml)![1];
  expect(id(self)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(id(self)).not.toBe(id(main));
  expect(self).not.toContain('localhost');
  expect(self).toContain('<SourceLocation DefaultValue="https://clerk.example.test/app/selftest.html"/>');
  expect(self).toContain('<Host Name="Workbook"/>');
  expect(self).toContain('<Set Name="ExcelApi" MinVersion="1.9"/>');
});

test('the task pane script carries no ExcelJS and is at most 300 KB gzipped', () => {
  const scripts = fs.readdirSync(out).filter((f) => /^taskpane.*\.js$/.test(f));
  const js = scripts.map((f) => fs.readFileSync(path.join(out, f))).reduce((a, b) => Buffer.concat([a, b]));
  expect(js.toString('utf8')).not.toMatch(/exceljs/i);
  expect(zlib.gzipSync(js, { level: 9 }).length).toBeLessThanOrEqual(300 * 1024);
});

test.each([['taskpane.html'], ['commands.html'], ['selftest.html']])(
  "%s has a Content-Security-Policy and loads scripts only from itself and Office's host",
  (page) => {
    const html = fs.readFileSync(path.join(out, page), 'utf8');
    expect(html).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    expect(html).toMatch(/Content-Security-Policy/);
    const srcs = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    for (const src of srcs)
      expect(src.startsWith('https://appsforoffice.microsoft.com/') || !/^https?:/.test(src)).toBe(true);
  },
);
