// What a file is when it is not a zip package: each kind the clerk may hand us gets its own message (SPEC 10).
// Browser-safe.

import type { ErrorCode } from '../core/errors';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** null for a zip (the package reader takes over); else the error that names what the bytes are. */
export function identifyNonZip(b: Uint8Array): ErrorCode | null {
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6))
    return null;
  if (startsWith(b, OLE2)) {
    // An encrypted .xlsx is an OLE2 compound file holding the package in a stream named EncryptedPackage.
    if (hasUtf16(b, 'EncryptedPackage') || hasUtf16(b, 'EncryptionInfo')) return 'encrypted';
    if (hasUtf16(b, 'Workbook') || hasUtf16(b, 'Book')) return 'xlsFile';
    return 'notXlsx';
  }
  if (looksLikeDelimitedText(b)) return 'csvFile';
  return 'notXlsx';
}

function startsWith(b: Uint8Array, magic: number[]): boolean {
  return b.length >= magic.length && magic.every((x, i) => b[i] === x);
}

/** Whether the UTF-16LE form of `name` occurs in the bytes (directory entries of a compound file). */
function hasUtf16(b: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  const n = name.length;
  // Directory entries sit in sectors after the header; scanning the whole (bounded) file is cheap.
  const end = b.length - 2 * n;
  for (let i = b.indexOf(first, 512); i !== -1 && i <= end; i = b.indexOf(first, i + 1)) {
    let k = 0;
    while (k < n && b[i + 2 * k] === name.charCodeAt(k) && b[i + 2 * k + 1] === 0) k++;
    if (k === n) return true;
  }
  return false;
}

/** Text (no NUL in its first 64 KB) in lines with commas, semicolons or tabs, and not markup: a CSV/TSV export. */
function looksLikeDelimitedText(b: Uint8Array): boolean {
  if (b.length === 0) return false;
  const head = b.subarray(0, 65536);
  if (head.indexOf(0) !== -1) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  } catch {
    return false;
  }
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('<')) return false; // HTML or XML saved under an .xls name
  const lines = trimmed
    .split(/\r?\n/)
    .slice(0, 5)
    .filter((l) => l.trim() !== '');
  return lines.length > 0 && lines.every((l) => /[,;\t]/.test(l));
}
