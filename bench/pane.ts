// The task pane in the browser demo, in Debian's Chromium: first render of the built-in sample, and checking a
// 10,000-row sheet — how long it takes and the longest stretch the page's main thread is blocked (long tasks).

import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { launchChromium, serveStatic } from '../test/browser/chromium';

// Installed before any page script: records long tasks and when the pane's column table first appears.
const PROBE = `
  window.__longTasks = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((_, obs) => {
    if (document.querySelector('[data-testid="column-table"]')) { window.__firstRender = performance.now(); obs.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
`;

export interface PaneBench {
  firstRenderMs: number;
  checkRows: number;
  checkMs: number;
  longestTaskMs: number;
  longTasksOver200ms: number;
}

export async function benchPane(root: string, checkRows = 10000): Promise<PaneBench> {
  const dist = path.join(root, 'dist', 'web');
  execFileSync(
    process.execPath,
    [require.resolve('webpack-cli/bin/cli.js', { paths: [root] }), '--mode', 'production', '--config-name', 'demo'],
    { cwd: root, stdio: 'ignore' },
  );
  const server = await serveStatic(dist);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript(PROBE);
    // First render: median of three loads of the built-in sample.
    const renders: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(`${base}?lang=en-US`);
      await page.getByTestId('column-table').waitFor({ timeout: 60000 });
      renders.push(await page.evaluate(() => (window as unknown as { __firstRender: number }).__firstRender));
    }
    renders.sort((a, b) => a - b);

    await page.goto(`${base}?lang=en-US&rows=${checkRows}`);
    await page.getByTestId('column-table').waitFor({ timeout: 180000 });
    await page.getByRole('tab', { name: 'Check', exact: true }).click();
    await page.evaluate(() => {
      (window as unknown as { __longTasks: number[] }).__longTasks.length = 0;
    });
    const t0 = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Check whole sheet' }).click();
    await page.getByTestId('notice').waitFor({ state: 'visible', timeout: 180000 });
    const { t1, tasks } = await page.evaluate(() => ({
      t1: performance.now(),
      tasks: (window as unknown as { __longTasks: number[] }).__longTasks.slice(),
    }));
    return {
      firstRenderMs: renders[1],
      checkRows,
      checkMs: t1 - t0,
      longestTaskMs: tasks.length ? Math.max(...tasks) : 0,
      longTasksOver200ms: tasks.filter((d) => d > 200).length,
    };
  } finally {
    await browser.close().catch(() => undefined);
    server.close();
  }
}
