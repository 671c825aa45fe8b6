// Opening the input package for writing. Browser-safe. Parts are read through src/xlsx/zip.ts, so the zip-bomb and
// part-size limits hold for the writer as for the reader; JSZip only rebuilds the output zip, re-using each untouched
// entry's compressed bytes.

import JSZip from 'jszip';
import { openPackage, type OpenPackage } from '../zip';

export interface InputPackage {
  /** The input's parts, read with limits. */
  source: OpenPackage;
  /** The same package for writing: untouched entries keep their compressed bytes. */
  zip: JSZip;
}

export async function openPackageForWrite(bytes: Uint8Array, file = 'workbook'): Promise<InputPackage> {
  const source = openPackage(bytes, {}, file);
  return { source, zip: await JSZip.loadAsync(bytes) };
}
