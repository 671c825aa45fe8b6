// Reading and editing the clerk's own file for the web page: in a Web Worker (readWorker.ts) where the browser can
// start one, so a 10,000-line workbook never holds the page while it is read, written or read again; in the page
// itself where it cannot (no Worker, or the worker's script failed to load), with the same reader, writer and errors.
// One worker serves every file opened.

import { OrderClerkError } from '../core/errors';
import type { WorkbookEdit } from '../core/edits';
import type { WorkbookSnapshot } from '../core/types';
import type { AppliedAndRead } from '../xlsx/applyAndRead';
import type { WorkerReply, WorkerRequest } from './readWorker';

/** A request without its id (given when sent). */
type WithoutId<R> = R extends unknown ? Omit<R, 'id'> : never;
type Request = WithoutId<WorkerRequest>;

/** The worker could not be started or stopped working: read in the page instead. */
class WorkerUnavailable extends Error {}

let worker: Worker | null = null;
let broken = false;
let nextId = 0;
const waiting = new Map<number, { resolve: (r: WorkerReply) => void; reject: (e: unknown) => void }>();

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
  worker.onmessage = (e: MessageEvent<WorkerReply>) => {
    const reply = e.data;
    const w = waiting.get(reply.id);
    if (!w) return;
    waiting.delete(reply.id);
    if (!('error' in reply)) w.resolve(reply);
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

/** The worker's answer to `request`, or null where no worker runs (then the caller does the work in the page). */
async function ask(request: Request): Promise<WorkerReply | null> {
  const w = reader();
  if (!w) return null;
  try {
    return await new Promise<WorkerReply>((resolve, reject) => {
      const id = ++nextId;
      waiting.set(id, { resolve, reject });
      w.postMessage({ ...request, id } as WorkerRequest);
    });
  } catch (e) {
    if (e instanceof WorkerUnavailable) return null;
    throw e;
  }
}

/** The snapshot of the clerk's file; `bytes` are its bytes (read by the page, which keeps them for saving). */
export async function readFileSnapshot(file: File, bytes: Promise<Uint8Array>): Promise<WorkbookSnapshot> {
  const reply = await ask({ kind: 'read', file, name: file.name });
  if (reply && 'snapshot' in reply) {
    performance.mark('oc:read:worker'); // which way it was read (the browser tests look)
    return reply.snapshot;
  }
  const [{ readPackage }, b] = await Promise.all([import('../xlsx/applyAndRead'), bytes]);
  const snapshot = await readPackage(b, file.name);
  performance.mark('oc:read:page');
  return snapshot;
}

/**
 * A plan applied to the clerk's package and the new package read (XlsxWorkbookPort's ApplyAndRead). The worker gets a
 * copy of the bytes: the page keeps its own until the new ones arrive.
 */
export async function applyInWorker(bytes: Uint8Array, edits: WorkbookEdit[], name: string): Promise<AppliedAndRead> {
  const reply = await ask({ kind: 'apply', bytes, edits, name });
  if (reply && 'applied' in reply) {
    performance.mark('oc:apply:worker');
    return reply.applied;
  }
  const applied = await (await import('../xlsx/applyAndRead')).applyAndRead(bytes, edits, name);
  performance.mark('oc:apply:page');
  return applied;
}
