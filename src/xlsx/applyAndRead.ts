// One edit of a clerk's own workbook in the web page: the package-preserving writer applies the plan to the package's
// bytes, and the streaming reader reads the new package (its XML parts inflated natively where the runtime can).
// Run by the page's worker (src/demo/readWorker.ts) so a 10,000-line workbook's write and re-read never hold the
// page, or in the page itself where no worker runs (XlsxWorkbookPort's default). Browser-safe.

import type { ApplyResult, WorkbookEdit } from '../core/edits';
import type { WorkbookSnapshot } from '../core/types';
import { inflateXmlParts } from './inflateNative';
import { applyEditsToPackage } from './package/writer';
import { readSnapshot } from './read';

export interface AppliedAndRead {
  /** The package as the writer left it. */
  bytes: Uint8Array;
  /** The streaming reader's snapshot of `bytes`. */
  snapshot: WorkbookSnapshot;
  result: ApplyResult;
}

/** What the page needs to read a package: its snapshot with the looks the grid draws. */
export async function readPackage(bytes: Uint8Array, fileName: string): Promise<WorkbookSnapshot> {
  return readSnapshot(bytes, fileName, { inflated: await inflateXmlParts(bytes), looks: true });
}

export async function applyAndRead(
  input: Uint8Array,
  edits: WorkbookEdit[],
  fileName: string,
): Promise<AppliedAndRead> {
  const { bytes, createdSheets, table, limited } = await applyEditsToPackage(input, edits);
  return {
    bytes,
    snapshot: await readPackage(bytes, fileName),
    result: { createdSheets, table, ...(limited.length ? { limited } : {}) },
  };
}
