// Opening the input package for writing. Browser-safe. Parts are read through src/xlsx/zip.ts, so the zip-bomb and
// part-size limits hold for the writer as for the reader; zipWrite.ts builds the output zip, copying each untouched
// entry's compressed bytes.

import { openPackage, type OpenPackage } from '../zip';

export interface InputPackage {
  /** The input's parts, read with limits; untouched entries are copied from it as stored. */
  source: OpenPackage;
}

export async function openPackageForWrite(
  bytes: Uint8Array,
  file = 'workbook',
  inflated?: ReadonlyMap<string, Uint8Array>,
): Promise<InputPackage> {
  return { source: openPackage(bytes, {}, file, inflated) };
}
