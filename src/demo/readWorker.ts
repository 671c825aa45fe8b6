// The web page's reading worker (a Web Worker, started by readInWorker.ts): reads the clerk's .xlsx/.xlsm — the
// file's bytes, its XML parts inflated natively, the streaming reader's snapshot — off the page's main thread, so the
// page keeps drawing while a large workbook is read, and hands the snapshot back. Each edit of that workbook is done
// here too: the package writer applies the plan and the reader reads the new package (the writer's chunk is loaded
// on the first edit). Its chunks are more files of the build, cached by the service worker like the others.

import { OrderClerkError } from '../core/errors';
import type { WorkbookEdit } from '../core/edits';
import type { WorkbookSnapshot } from '../core/types';
import type { AppliedAndRead } from '../xlsx/applyAndRead';
import { inflateXmlParts } from '../xlsx/inflateNative';
import { readSnapshot } from '../xlsx/read';

export type WorkerRequest =
  | { id: number; kind: 'read'; file: Blob; name: string }
  | { id: number; kind: 'apply'; bytes: Uint8Array; edits: WorkbookEdit[]; name: string };

export type WorkerReply =
  | { id: number; snapshot: WorkbookSnapshot }
  | { id: number; applied: AppliedAndRead }
  | { id: number; error: { code: OrderClerkError['code']; params: OrderClerkError['params'] } | { message: string } };

// Worker-scope types by hand: the "webworker" lib would clash with the DOM lib the rest of src/ is checked with.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(reply: WorkerReply, transfer?: Transferable[]): void;
};

async function answer(request: WorkerRequest): Promise<WorkerReply> {
  const { id } = request;
  if (request.kind === 'apply') {
    const { applyAndRead } = await import('../xlsx/applyAndRead');
    return { id, applied: await applyAndRead(request.bytes, request.edits, request.name) };
  }
  const bytes = new Uint8Array(await request.file.arrayBuffer());
  return { id, snapshot: readSnapshot(bytes, request.name, { inflated: await inflateXmlParts(bytes), looks: true }) };
}

scope.onmessage = (e) => {
  const { id } = e.data;
  const fail = (err: unknown) =>
    scope.postMessage({
      id,
      error:
        err instanceof OrderClerkError
          ? { code: err.code, params: err.params }
          : { message: err instanceof Error ? err.message : String(err) },
    });
  answer(e.data).then((reply) => {
    // The new package's bytes are handed over, not copied. A reply that cannot be sent (out of memory copying a
    // snapshot) is answered with its error: the page must never wait for ever.
    try {
      scope.postMessage(reply, 'applied' in reply ? [reply.applied.bytes.buffer] : []);
    } catch (err) {
      fail(err);
    }
  }, fail);
};
