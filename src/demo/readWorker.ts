// The web page's reading worker (a Web Worker, started by readInWorker.ts): reads the clerk's .xlsx/.xlsm — the
// file's bytes, its XML parts inflated natively, the streaming reader's snapshot — off the page's main thread, so the
// page keeps drawing while a large workbook is read, and hands the snapshot back. Its chunk is one more file of the
// build, cached by the service worker like the others (offline use).

import { OrderClerkError } from '../core/errors';
import type { WorkbookSnapshot } from '../core/types';
import { inflateXmlParts } from '../xlsx/inflateNative';
import { readSnapshot } from '../xlsx/read';

export interface ReadRequest {
  id: number;
  file: Blob;
  name: string;
}

export type ReadReply =
  | { id: number; snapshot: WorkbookSnapshot }
  | { id: number; error: { code: OrderClerkError['code']; params: OrderClerkError['params'] } | { message: string } };

// Worker-scope types by hand: the "webworker" lib would clash with the DOM lib the rest of src/ is checked with.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ReadRequest>) => void) | null;
  postMessage(reply: ReadReply): void;
};

scope.onmessage = (e) => {
  const { id, file, name } = e.data;
  void (async (): Promise<ReadReply> => {
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      return { id, snapshot: readSnapshot(bytes, name, { inflated: await inflateXmlParts(bytes), looks: true }) };
    } catch (err) {
      if (err instanceof OrderClerkError) return { id, error: { code: err.code, params: err.params } };
      return { id, error: { message: err instanceof Error ? err.message : String(err) } };
    }
  })().then((reply) => scope.postMessage(reply));
};
