// The delay rules in LibreOffice: the short rules (status words as one array constant MATCH looks up) colour the
// order sheet exactly as rules with one TRIM(…)="…" comparison per word do. LibreOffice reads an array constant in a
// conditional format only as a function's array argument (OR(TRIM($O4)={…}) colours nothing there), so this render
// is what keeps the short form honest. The page with the order lines is compared pixel for pixel.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';

jest.setTimeout(240000);

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = path.resolve(ROOT, '../shared/fixtures/samples/zh-factory.xlsx');
const OUT = path.join(ROOT, 'test/output/render');

/** Each MATCH over an array constant written out as one comparison per word, as the rules were before. */
function longForm(formula: string): string {
  return formula.replace(
    /ISNUMBER\(MATCH\(SUBSTITUTE\(SUBSTITUTE\(SUBSTITUTE\((TRIM\(\$[A-Z]+\d+\)),"~","~~"\),"\*","~\*"\),"\?","~\?"\),\{((?:"(?:[^"]|"")*",?)+)\},0\)\)/g,
    (_m, trimmed: string, list: string) => {
      const words = list.match(/"(?:[^"]|"")*"/g)!;
      return `OR(${words.map((w) => `${trimmed}=${w}`).join(',')})`;
    },
  );
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'order-clerk-rules-'));
  fs.mkdirSync(OUT, { recursive: true });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('LibreOffice colours every line the same with the short rules as with one comparison per word', async () => {
  const flagged = path.join(tmp, 'short.xlsx');
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'bin/order-clerk.js'), 'apply', SAMPLE, '-o', flagged, '--today', '2026-11-22', '--lang', 'zh-CN'],
    { encoding: 'utf8' },
  );
  expect(r.status).toBe(0);
  const zip = await JSZip.loadAsync(fs.readFileSync(flagged));
  const sheetPath = Object.keys(zip.files).find(
    (f) => /xl\/worksheets\/sheet\d+\.xml$/.test(f) && f.endsWith('1.xml'),
  )!;
  const xml = await zip.file(sheetPath)!.async('string');
  const formulas = [...xml.matchAll(/<cfRule[^>]*>\s*<formula>([^<]*)<\/formula>/g)].map((m) => m[1]);
  expect(formulas.length).toBe(6);
  expect(formulas.some((f) => f.includes('MATCH('))).toBe(true);
  const unescape = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const escape = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const long = xml.replace(
    /(<cfRule[^>]*>\s*<formula>)([^<]*)(<\/formula>)/g,
    (_m, a: string, f: string, b: string) => {
      const expanded = longForm(unescape(f));
      return `${a}${escape(expanded)}${b}`;
    },
  );
  expect(long).not.toContain('MATCH(');
  zip.file(sheetPath, long);
  fs.writeFileSync(path.join(tmp, 'long.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));

  execFileSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${tmp}/lo-profile`,
      '--convert-to',
      'pdf',
      '--outdir',
      tmp,
      path.join(tmp, 'short.xlsx'),
      path.join(tmp, 'long.xlsx'),
    ],
    { stdio: 'ignore', timeout: 180000 },
  );
  for (const n of ['short', 'long'])
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', path.join(tmp, `${n}.pdf`), path.join(tmp, n)]);
  const png = (n: string) =>
    fs.readFileSync(
      path.join(
        tmp,
        fs.readdirSync(tmp).find((f) => f.startsWith(`${n}-`))!,
      ),
    );
  fs.writeFileSync(path.join(OUT, 'delay-rules-libreoffice.png'), png('short'));
  expect(png('short').equals(png('long'))).toBe(true);
});
