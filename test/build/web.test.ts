// `webpack --config-name demo` (what `npm run build` writes to dist/web): a static page hostable under any path
// (relative script addresses), whose first view stays within 400 KB of gzipped JavaScript and carries no ExcelJS
// (the .xlsx reader, writer, ExcelJS and the sample load on demand); sw.js, the service worker, lists every file of
// the build for offline use.
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';

jest.setTimeout(600000);

const ROOT = path.resolve(__dirname, '../..');
let out: string;

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'order-clerk-web-build-'));
  execFileSync(
    process.execPath,
    [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--config-name', 'demo', '--output-path', out],
    { cwd: ROOT, stdio: 'pipe', timeout: 600000 },
  );
});
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

/** The scripts index.html loads before anything is clicked. */
function firstViewScripts(): string[] {
  const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
  return Array.from(html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g), (m) => m[1]);
}

test('index.html loads its scripts by relative address (hostable under any path, no other origin)', () => {
  const scripts = firstViewScripts();
  expect(scripts).toEqual(['demo.js']);
  const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
  expect(html).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//);
});

test('the first view is within 400 KB gzipped and carries no ExcelJS', () => {
  let gzipped = 0;
  for (const s of firstViewScripts()) {
    const js = fs.readFileSync(path.join(out, s));
    gzipped += zlib.gzipSync(js, { level: 9 }).length;
    expect(js.toString('utf8')).not.toMatch(/exceljs/i);
  }
  expect(gzipped).toBeLessThanOrEqual(400 * 1024);
  // ExcelJS is there, in a chunk loaded on demand.
  const chunks = fs.readdirSync(out).filter((f) => f.endsWith('.js') && f !== 'demo.js');
  expect(chunks.some((f) => /exceljs/i.test(fs.readFileSync(path.join(out, f), 'utf8')))).toBe(true);
});

test('sw.js caches every file of the build (page, scripts, on-demand chunks) under a version made from them', () => {
  const sw = fs.readFileSync(path.join(out, 'sw.js'), 'utf8');
  expect(sw).not.toContain('__ORDER_CLERK_PRECACHE__');
  const m = /\{"version":"([0-9a-f]{16})","files":(\[[^\]]*\])\}/.exec(sw);
  expect(m).not.toBeNull();
  const files = JSON.parse(m![2]) as string[];
  const built = fs.readdirSync(out).filter((f) => f !== 'sw.js' && !f.endsWith('.LICENSE.txt'));
  expect([...files].sort()).toEqual([...built].sort());
  expect(files).toEqual(expect.arrayContaining(['index.html', 'demo.js', 'po-reader.js']));
  // The version is a hash of those files' names and contents: another build of other code gets another cache.
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update(fs.readFileSync(path.join(out, f)));
  expect(m![1]).toBe(hash.digest('hex').slice(0, 16));
});
