// Reading the clerk's own file for the web page: in a Web Worker (readWorker.ts) where the browser can start one, so a
// 10,000-line workbook never holds the page; in the page itself where it cannot (no Worker, or the worker's script
// failed to load), with the same reader and the same errors. One worker serves every file opened.

import { OrderClerkError } from '../core/errors';
import type { WorkbookSnapshot } from '../core/types';
import type { ReadReply, ReadRequest } from './readWorker';

/** The worker could not be started or stopped working: read in the page instead. */
class WorkerUnavailable extends Error {}

let worker: Worker | null = null;
let broken = false;
let nextId = 0;
const waiting = new Map<number, { resolve: (s: WorkbookSnapshot) => void; reject: (e: unknown) => void }>();

function failAll(): void {
  broken = true;
  worker?.terminate();
  worker = null;
  for (const w of waiting.values()) w.reject(new WorkerUnavailable());
  waiting.clear();
}

/** The page's reading worker, started on first use (or ahead of it: `startReader`); null where there is none. */
function reader(): Worker | null {
  if (worker || broken) return worker;
  if (typeof Worker !== 'function') return null;
  try {
    worker = new Worker(new URL('./readWorker.ts', import.meta.url), { name: 'order-clerk-reader' });
  } catch {
    broken = true;
    return null;
  }
  worker.onmessage = (e: MessageEvent<ReadReply>) => {
    const reply = e.data;
    const w = waiting.get(reply.id);
    if (!w) return;
    waiting.delete(reply.id);
    if ('snapshot' in reply) w.resolve(reply.snapshot);
    else if ('code' in reply.error) w.reject(new OrderClerkError(reply.error.code, reply.error.params));
    else w.reject(new Error(reply.error.message));
  };
  // The script failed to load (or the worker died): whatever it was reading is read in the page.
  worker.onerror = (e) => {
    e.preventDefault();
    failAll();
  };
  return worker;
}

/** Start the worker now (its script loads and compiles while the clerk picks a file). */
export function startReader(): void {
  reader();
}

/** The snapshot of the clerk's file; `bytes` are its bytes (read by the page, which keeps them for saving). */
export async function readFileSnapshot(file: File, bytes: Promise<Uint8Array>): Promise<WorkbookSnapshot> {
  const w = reader();
  if (w) {
    try {
      const snapshot = await new Promise<WorkbookSnapshot>((resolve, reject) => {
        const id = ++nextId;
        waiting.set(id, { resolve, reject });
        w.postMessage({ id, file, name: file.name } satisfies ReadRequest);
      });
      performance.mark('oc:read:worker'); // which way it was read (the browser tests look)
      return snapshot;
    } catch (e) {
      if (!(e instanceof WorkerUnavailable)) throw e;
    }
  }
  const [{ readSnapshot }, { inflateXmlParts }, b] = await Promise.all([
    import('../xlsx/read'),
    import('../xlsx/inflateNative'),
    bytes,
  ]);
  const snapshot = readSnapshot(b, file.name, { inflated: await inflateXmlParts(b), looks: true });
  performance.mark('oc:read:page');
  return snapshot;
}
