// The web page opening a clerk's own large workbook, in Debian's Chromium (issue 19.8: ≤ 2 s to the pane's result for
// 10,000 rows): the time from the file chosen in the page's file input (its change event) to the pane's column table
// of the new workbook on screen, with the grid showing the file's sheet; and the longest main-thread block meanwhile.
// Shared by `npm run bench` and a one-off profile (`node build/bench/bench/webOpenProfile.js`).

import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { buildSampleWorkbook, ORDER_SHEET } from '../src/demo/sampleWorkbook';
import { launchChromium, serveStatic } from '../test/browser/chromium';

const TODAY = '2026-11-22';

/** The demo's clerk workbook with `rows` order lines (styled header, price list, customers), as an .xlsx file. */
export async function writeLargeClerkWorkbook(rows: number, file: string): Promise<void> {
  const wb = buildSampleWorkbook(TODAY, { rows });
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

// Installed before any page script: records long tasks.
const PROBE = `
  window.__longTasks = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
`;

export interface OpenTiming {
  /** File chosen (the input's change event) → the new workbook's column table in the pane, its sheet in the grid. */
  ms: number;
  /** … → the grid showing the file's sheet (may come before or after the pane). */
  gridMs: number;
  longestTaskMs: number;
  /** CPU time of all of Chromium's processes over the open (childCpuMs), when measured. */
  cpuMs?: number;
  /** The page's own performance marks (oc:…) after the file was chosen, as name@ms. */
  marks?: string[];
}

/** Opens `file` through the page's file input and times it (the page must show its sample's pane first). */
export async function timeOpen(page: Page, file: string, sheet: string): Promise<OpenTiming> {
  await page.evaluate((sheetName) => {
    const w = window as unknown as Record<string, unknown>;
    (w.__longTasks as number[]).length = 0;
    const old = document.querySelector('[data-testid="column-table"]');
    const oldGrid = document.querySelector('[data-testid="sheet-grid"]');
    const input = document.querySelector('[data-testid="open-file"]') as HTMLInputElement;
    w.__opened = new Promise((resolve) => {
      let t0 = 0;
      let grid = 0;
      input.addEventListener('change', () => (t0 = performance.now()), { once: true, capture: true });
      const seen = () => {
        if (!t0) return false;
        const g = document.querySelector(`[data-testid="sheet-grid"][data-sheet="${sheetName}"]`);
        if (g && g !== oldGrid && !grid) grid = performance.now();
        const table = document.querySelector('[data-testid="column-table"]');
        if (!grid || !table || table === old) return false;
        resolve({ ms: performance.now() - t0, gridMs: grid - t0 });
        return true;
      };
      new MutationObserver((_, obs) => seen() && obs.disconnect()).observe(document, {
        childList: true,
        subtree: true,
        attributes: true,
      });
    });
  }, sheet);
  await page.getByTestId('open-file').setInputFiles(file);
  const r = await page.evaluate(async () => {
    const w = window as unknown as { __opened: Promise<{ ms: number; gridMs: number }>; __longTasks: number[] };
    const o = await w.__opened;
    const t0 = performance.now() - o.ms;
    const marks = performance
      .getEntriesByType('mark')
      .filter((m) => m.name.startsWith('oc:') && m.startTime >= t0 - 50)
      .map((m) => `${m.name}@${Math.round(m.startTime - t0)}`);
    return { ...o, marks, longestTaskMs: w.__longTasks.length ? Math.max(...w.__longTasks) : 0 };
  });
  return r;
}

/**
 * CPU time (user + system, ms) of this process's descendants — Chromium's browser, renderer, GPU and utility
 * processes — from /proc: on a machine shared with other work, the open's cost without the waiting.
 */
export function childCpuMs(): number {
  const ticks = 100; // USER_HZ on Linux
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(d), Number(f[1]));
      cpu.set(Number(d), ((Number(f[11]) + Number(f[12])) * 1000) / ticks);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  for (const [pid, ms] of cpu) {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p))
      if (p === process.pid) {
        total += ms;
        break;
      }
  }
  return total;
}

/** A clerk looks at the page before choosing a file: wait until it has loaded and been idle a moment. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForTimeout(1500);
}

export interface WebOpenBench {
  rows: number;
  fileKb: number;
  runs: OpenTiming[];
  /** Medians of the runs. */
  ms: number;
  gridMs: number;
  longestTaskMs: number;
  cpuMs: number;
}

/** Opens a `rows`-line clerk workbook in the built page (dist/web, built by the caller) `runs` times, fresh page each. */
export async function benchWebOpen(root: string, rows = 10000, runs = 3): Promise<WebOpenBench> {
  const dist = path.join(root, 'dist', 'web');
  const file = path.join(root, 'bench', 'results', `bench-web-${rows}.xlsx`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await writeLargeClerkWorkbook(rows, file);
  const fileKb = fs.statSync(file).size / 1024;
  const server = await serveStatic(dist);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`;
  const browser = await launchChromium();
  const timings: OpenTiming[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.addInitScript(PROBE);
      await page.goto(`${base}?lang=en-US&today=${TODAY}`);
      await page.getByTestId('column-table').waitFor({ timeout: 60000 });
      await settle(page);
      const cpu0 = childCpuMs();
      const t = await timeOpen(page, file, ORDER_SHEET);
      timings.push({ ...t, cpuMs: childCpuMs() - cpu0 });
      await page.close();
    }
  } finally {
    await browser.close().catch(() => undefined);
    server.close();
    fs.rmSync(file, { force: true });
  }
  const mid = (k: 'ms' | 'gridMs' | 'longestTaskMs' | 'cpuMs') =>
    timings.map((t) => t[k] ?? 0).sort((a, b) => a - b)[runs >> 1];
  return {
    rows,
    fileKb,
    runs: timings,
    ms: mid('ms'),
    gridMs: mid('gridMs'),
    longestTaskMs: mid('longestTaskMs'),
    cpuMs: mid('cpuMs'),
  };
}
