// Opening the input package for writing. Browser-safe.

import JSZip from 'jszip';

// merge: open through src/xlsx/zip.ts (xlsx-read) once it lands
export async function openPackageForWrite(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}
