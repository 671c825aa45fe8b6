// The web page on the clerk's own workbook, in Debian's Chromium: open a workbook built part by part (a chart, notes
// and threaded comments, a pivot table …) through the file input, check it, fix it, make a delivery note from open
// lines, save it (the download is intercepted), and compare the saved file with the input part by part: only the
// parts the edits concern differ; chart, comment and drawing parts are byte-identical. No request leaves the
// machine; the saved file, re-saved by LibreOffice, holds the same sheets and order values. Then, with the network
// cut after a first load, the page reloads, opens a workbook and checks it, every file coming from its service
// worker's cache. Builds the demo config into dist/web (ORDER_CLERK_SKIP_BUILD=1 reuses a build made by hand).
// Run alone: npx jest test/browser/web.test.ts

import { execFileSync } from 'child_process';
import * as fs from 'fs';
import type * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { t } from '../../src/core/i18n';
import { buildSampleWorkbook, ORDER_SHEET as SAMPLE_SHEET } from '../../src/demo/sampleWorkbook';
import { applyEditsToPackage } from '../../src/xlsx/package/writer';
import { readSnapshot } from '../../src/xlsx/read';
import { buildClerkWorkbook, ORDER_SHEET } from '../xlsx/clerkWorkbook';
import { partsOf } from '../xlsx/writeHelpers';
import { launchChromium, serveStatic } from './chromium';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist/web');
const SHOT = path.join(ROOT, 'test/output/screenshots/web-opened.png');
const SHOT_10K = path.join(ROOT, 'test/output/screenshots/web-10000-lines.png');

jest.setTimeout(300000);

let server: http.Server;
let browser: Browser;
let base = '';
let tmp = '';
const requests: string[] = [];
const pageErrors: string[] = [];

/** Parts the page's edits (check writes nothing; fix, the delivery note and its register do) may change. */
const MAY_CHANGE = new Set([
  '[Content_Types].xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  'xl/worksheets/sheet1.xml',
  'xl/worksheets/_rels/sheet1.xml.rels',
  'docProps/app.xml',
]);

beforeAll(async () => {
  if (process.env.ORDER_CLERK_SKIP_BUILD !== '1' || !fs.existsSync(path.join(DIST, 'index.html'))) {
    execFileSync(
      process.execPath,
      [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--config-name', 'demo'],
      { cwd: ROOT, stdio: 'pipe', timeout: 600000 },
    );
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'order-clerk-web-'));
  server = await serveStatic(DIST);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function notice(p: Page): Promise<{ intent: string; text: string }> {
  const bar = p.getByTestId('notice');
  await bar.waitFor({ state: 'visible', timeout: 60000 });
  const n = {
    intent: (await bar.getAttribute('data-intent')) ?? '',
    text: (await bar.getByTestId('notice-text').innerText()).trim(),
  };
  await bar.getByRole('button').last().click();
  await bar.waitFor({ state: 'detached' });
  return n;
}

/** How the page read the files opened so far (or, with 'oc:apply:', edited them): in its worker or, where none could
 * start, in the page. */
function readBy(p: Page, prefix = 'oc:read:'): Promise<string[]> {
  return p.evaluate(
    (want) =>
      performance
        .getEntriesByType('mark')
        .map((m) => m.name)
        .filter((n) => n.startsWith(want)),
    prefix,
  );
}

describe('the web page on the clerk’s own workbook', () => {
  it('opens it from the file input, checks, fixes, makes a delivery note and saves only what changed', async () => {
    const input = await buildClerkWorkbook();
    const file = path.join(tmp, '订单跟踪.xlsx');
    fs.writeFileSync(file, input);

    const context = await browser.newContext({ viewport: { width: 1500, height: 900 }, acceptDownloads: true });
    // No File System Access API here, so "Save as…" takes the download path this test intercepts.
    await context.addInitScript(() => {
      delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker;
    });
    const p = await context.newPage();
    p.on('request', (r) => requests.push(r.url()));
    p.on('pageerror', (e) => pageErrors.push(String(e)));
    await p.goto(`${base}index.html?today=2026-11-22`);
    await p.getByTestId('column-table').waitFor({ timeout: 60000 }); // the built-in sample first
    expect(await p.getByTestId('local-only').innerText()).toBe(t('zh-CN', 'demo.local'));

    await p.getByTestId('open-file').setInputFiles(file);
    const grid = p.getByTestId('sheet-grid');
    await p.locator(`[data-testid="sheet-grid"][data-sheet="${ORDER_SHEET}"]`).waitFor({ timeout: 60000 });
    await p.getByTestId('column-table').waitFor({ timeout: 60000 });
    expect(await p.locator('td[data-cell="A4"]').innerText()).not.toBe('');
    await p.screenshot({ path: SHOT });

    await p.getByRole('tab', { name: '检查', exact: true }).click();
    await p.getByRole('button', { name: '检查整张表' }).click();
    const checked = await notice(p);
    expect(checked.text).not.toBe('');
    await p.getByRole('button', { name: /^全部修正（\d+）$/ }).click();
    const fixed = await notice(p);
    expect(fixed.intent).toBe('success');
    // The fix was written and the workbook read again in the page's worker, not on its main thread.
    expect(await readBy(p, 'oc:apply:')).toEqual(['oc:apply:worker']);

    // Two open lines of 厦门海景 (rows 6 and 7: the header is row 3), then a delivery note.
    await p.locator('th.rowhead', { hasText: /^6$/ }).click();
    await p.locator('th.rowhead', { hasText: /^7$/ }).click({ modifiers: ['Shift'] });
    await p.getByRole('tab', { name: '单据', exact: true }).click();
    await p.getByTestId('panel-documents').getByRole('button', { name: '送货单' }).click();
    // No company profile in this file: the first document asks for it; skipped this time.
    await p.getByTestId('company-prompt').getByRole('button', { name: '这次跳过' }).click();
    const note = await notice(p);
    expect(['success', 'warning']).toContain(note.intent);
    expect(note.text).toMatch(/DN-\d{8}-001/);
    await expect(grid.getAttribute('data-sheet')).resolves.toMatch(/DN-/);

    const [download] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('button', { name: '另存为…' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('订单跟踪-跟单助手.xlsx');
    const savedPath = path.join(tmp, 'saved.xlsx');
    await download.saveAs(savedPath);
    const output = new Uint8Array(fs.readFileSync(savedPath));

    const before = await partsOf(input);
    const after = await partsOf(output);
    const changed: string[] = [];
    for (const [name, bytes] of before) {
      const out = after.get(name);
      expect({ part: name, present: out !== undefined }).toEqual({ part: name, present: true });
      if (Buffer.compare(Buffer.from(bytes), Buffer.from(out!)) !== 0) changed.push(name);
    }
    expect(changed.filter((n) => !MAY_CHANGE.has(n))).toEqual([]);
    expect(changed).toContain('xl/worksheets/sheet1.xml'); // the fixes
    const kept = [...before.keys()].filter((n) => /chart|comment|drawing|vmlDrawing|pivot|person/i.test(n));
    expect(kept.some((n) => /charts\/chart/.test(n))).toBe(true);
    expect(kept.some((n) => /comments/.test(n))).toBe(true);
    for (const n of kept) expect({ part: n, changed: changed.includes(n) }).toEqual({ part: n, changed: false });
    // The saved file reads back with the delivery note sheet added.
    const ours = readSnapshot(output, 'saved.xlsx');
    const names = ours.sheets.map((s) => s.name);
    expect(names).toContain(ORDER_SHEET);
    expect(names.some((n) => /DN-/.test(n))).toBe(true);
    // …and opens in LibreOffice (issue 19: "a file that opens in Excel, WPS and LibreOffice"): re-saved by it, every
    // sheet is there and the order sheet holds the same values as the file the page wrote.
    const lo = path.join(tmp, 'lo');
    fs.mkdirSync(lo, { recursive: true });
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${tmp}/lo-profile`,
        '--headless',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        lo,
        savedPath,
      ],
      { stdio: 'ignore', timeout: 240000 },
    );
    const theirs = readSnapshot(new Uint8Array(fs.readFileSync(path.join(lo, 'saved.xlsx'))), 'lo.xlsx');
    expect(theirs.sheets.map((s) => s.name)).toEqual(names);
    const order = (s: typeof ours) => s.sheets.find((x) => x.name === ORDER_SHEET)!.values;
    expect(order(theirs)).toEqual(order(ours));

    expect(requests.filter((u) => !u.startsWith(base) && !/^(data|blob):/.test(u))).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('works with the network cut after the first load: reloads, opens a workbook, checks and fixes it from the cache', async () => {
    const file = path.join(tmp, 'offline.xlsx');
    fs.writeFileSync(file, await buildClerkWorkbook());
    // A server of its own, shut down with the network: nothing can come from it after the cut.
    const own = await serveStatic(DIST);
    const origin = `http://127.0.0.1:${(own.address() as AddressInfo).port}/`;
    const context = await browser.newContext({ viewport: { width: 1500, height: 900 } });
    const p = await context.newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(String(e)));
    const online: string[] = [];
    p.on('request', (r) => online.push(r.url()));
    await p.goto(`${origin}index.html?today=2026-11-22`);
    await p.getByTestId('column-table').waitFor({ timeout: 60000 });
    // The worker has cached the whole build and serves this page (clients.claim on first install).
    await p.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 60000 });
    expect(await p.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${origin}sw.js`);
    p.removeAllListeners('request');

    await context.setOffline(true);
    own.closeAllConnections();
    await new Promise<void>((resolve) => own.close(() => resolve()));
    const offline: { url: string; fromWorker: boolean }[] = [];
    p.on('response', (r) => offline.push({ url: r.url(), fromWorker: r.fromServiceWorker() }));
    await p.reload();
    await p.getByTestId('column-table').waitFor({ timeout: 60000 });
    await p.getByTestId('open-file').setInputFiles(file);
    await p.locator(`[data-testid="sheet-grid"][data-sheet="${ORDER_SHEET}"]`).waitFor({ timeout: 60000 });
    await p.getByTestId('column-table').waitFor({ timeout: 60000 });
    await p.getByRole('tab', { name: '检查', exact: true }).click();
    await p.getByRole('button', { name: '检查整张表' }).click();
    expect((await notice(p)).text).not.toBe('');
    // Read in the reading worker, whose script came from the cache too (not in the page, as where none can start).
    expect(await readBy(p)).toEqual(['oc:read:worker']);
    // Fixing writes through the package writer, a chunk the first visit (the sample) never asked for.
    await p.getByRole('button', { name: /^全部修正（\d+）$/ }).click();
    expect((await notice(p)).intent).toBe('success');

    // Everything after the cut came from the worker's cache, the page and its on-demand chunks alike (the reader's
    // among them), and so did the chunks the page had not asked for before the cut (cached by the worker's install).
    const fetched = offline.filter((r) => r.url.startsWith(origin));
    expect(fetched.filter((r) => !r.fromWorker)).toEqual([]);
    const scripts = fetched.map((r) => new URL(r.url).pathname).filter((n) => n.endsWith('.js'));
    expect(scripts).toContain('/demo.js');
    expect(scripts.filter((n) => !online.some((u) => u.startsWith(`${origin}${n.slice(1)}`))).length).toBeGreaterThan(
      0,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a 10,000-line workbook (read in its worker) and scrolls the grid to its last line, drawing only the rows in view', async () => {
    // The demo's clerk workbook at 10,000 lines (styled, with its price list and customers), as a file.
    const file = path.join(tmp, '订单-10000.xlsx');
    const book = buildSampleWorkbook('2026-11-22', { rows: 10000 });
    fs.writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
    const context = await browser.newContext({ viewport: { width: 1500, height: 900 } });
    const p = await context.newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(String(e)));
    const workers: string[] = [];
    p.on('worker', (w) => workers.push(w.url()));
    await p.goto(`${base}index.html?today=2026-11-22`);
    await p.getByTestId('column-table').waitFor({ timeout: 60000 });
    const before = await p.getByTestId('sheet-facts').innerText();
    await p.getByTestId('open-file').setInputFiles(file);
    await p.getByText(t('zh-CN', 'demo.fileSubtitle', { file: '订单-10000.xlsx' }), { exact: false }).waitFor();
    const facts = p.getByTestId('sheet-facts');
    await p.waitForFunction(
      (old) => {
        const el = document.querySelector('[data-testid="sheet-facts"]') as HTMLElement | null;
        return !!el && el.innerText !== old;
      },
      before,
      { timeout: 120000 },
    );
    expect(await facts.innerText()).toContain('共 10,000 行订单');
    expect(workers.some((u) => /order-clerk-reader/.test(u))).toBe(true); // read off the main thread
    expect(await readBy(p)).toEqual(['oc:read:worker']);
    const grid = p.getByTestId('sheet-grid');
    expect(await grid.getAttribute('data-sheet')).toBe(SAMPLE_SHEET);
    expect(Number(await grid.getAttribute('data-rows'))).toBeGreaterThan(10000);
    await p.screenshot({ path: SHOT_10K });

    // To the bottom, as a clerk drags the scroll bar: the last line is drawn, and only the rows around it are.
    await grid.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await p.locator('td', { hasText: /^SO-2027-10000$/ }).waitFor({ timeout: 30000 });
    const drawn = await grid.locator('tbody tr:not(.spacer)').count();
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThan(200);
    await p.screenshot({ path: SHOT_10K.replace('.png', '-bottom.png') });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('names an ignored setting in the notice after opening a workbook whose settings are hand-edited', async () => {
    // Issue 16.2: dueSoonDays as text is ignored and named; the pane still reads the workbook.
    const json = '{"version":1,"dueSoonDays":"十","receiptDays":10}';
    const file = path.join(tmp, 'bad-settings.xlsx');
    fs.writeFileSync(
      file,
      (await applyEditsToPackage(await buildClerkWorkbook(), [{ kind: 'writeSettings', json }])).bytes,
    );
    const context = await browser.newContext({ viewport: { width: 1500, height: 900 } });
    const p = await context.newPage();
    p.on('pageerror', (e) => pageErrors.push(String(e)));
    await p.goto(`${base}index.html?today=2026-11-22`);
    await p.getByTestId('column-table').waitFor({ timeout: 60000 });
    await p.getByTestId('open-file').setInputFiles(file);
    await p.locator(`[data-testid="sheet-grid"][data-sheet="${ORDER_SHEET}"]`).waitFor({ timeout: 60000 });
    const n = await notice(p);
    expect(n).toEqual({
      intent: 'warning',
      text: t('zh-CN', 'settings.warn.ignored', { sheet: '_order_clerk', field: 'dueSoonDays' }),
    });
    await p.getByTestId('column-table').waitFor({ timeout: 60000 });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
