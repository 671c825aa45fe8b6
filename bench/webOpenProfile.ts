// A one-off look at where opening a large workbook in the web page spends its time: the Chrome profiler (CDP) over
// one open, printed as the functions with the most self time. Build dist/web first; then
// `npm run build:bench && node build/bench/bench/webOpenProfile.js [rows]`.

import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { ORDER_SHEET } from '../src/demo/sampleWorkbook';
import { launchChromium, serveStatic } from '../test/browser/chromium';
import { settle, timeOpen, writeLargeClerkWorkbook } from './webOpen';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

async function main() {
  const root = path.resolve(__dirname, '..', '..', '..');
  const rows = Number(process.argv[2] ?? 10000);
  const file = path.join(root, 'bench', 'results', `profile-${rows}.xlsx`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await writeLargeClerkWorkbook(rows, file);
  const server = await serveStatic(process.env.DIST ?? path.join(root, 'dist', 'web'));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript('window.__longTasks = [];');
    await page.goto(`${base}?lang=en-US&today=2026-11-22`);
    await page.getByTestId('column-table').waitFor({ timeout: 60000 });
    await settle(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const t = await timeOpen(page, file, ORDER_SHEET);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    console.log(JSON.stringify(t));
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
    const byFn = new Map<string, number>();
    for (const n of profile.nodes) {
      const f = n.callFrame;
      const key = `${f.functionName || '(anon)'} ${path.basename(f.url)}:${f.lineNumber}:${f.columnNumber}`;
      byFn.set(key, (byFn.get(key) ?? 0) + (self.get(n.id) ?? 0));
    }
    const top = [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 40);
    for (const [k, ms] of top) console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`);
    // Inclusive time: a function's own samples and those of everything it called (each counted once per stack).
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const incl = new Map<string, number>();
    for (const [id, ms] of self) {
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const f = byId.get(at)!.callFrame;
        const key = `${f.functionName || '(anon)'} ${path.basename(f.url)}:${f.lineNumber}`;
        if (seen.has(key)) continue;
        seen.add(key);
        incl.set(key, (incl.get(key) ?? 0) + ms);
      }
    }
    console.log('--- inclusive');
    const topIncl = [...incl].sort((a, b) => b[1] - a[1]).slice(0, 80);
    for (const [k, ms] of topIncl) console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`);
    fs.writeFileSync(path.join(root, 'bench', 'results', 'web-open.cpuprofile'), JSON.stringify(profile));
  } finally {
    await browser.close().catch(() => undefined);
    server.close();
    fs.rmSync(file, { force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
