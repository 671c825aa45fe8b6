// Facts about text every reader shares: what counts as blank, and when a text needs Unicode folding.

import type { CellValue } from './types';

/** Any character outside ASCII: such text is NFKC-folded before matching (full-width digits, ￥, ：). */
const NON_ASCII = /[\u0080-\uffff]/;

/** True when the text has a character outside ASCII. */
export function hasNonAscii(s: string): boolean {
  return NON_ASCII.test(s);
}

/** '' or only white space as trim() sees it, the full-width space U+3000 included. */
export function isBlankText(s: string): boolean {
  if (s.length === 0) return true;
  const c = s.charCodeAt(0);
  // Text starting with a visible ASCII character is not blank; anything else asks trim().
  return (c <= 32 || c >= 127) && s.trim() === '';
}

/** An empty cell: missing, null, or blank text. */
export function isBlankCell(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && isBlankText(v));
}

/** The key two spellings of one name share: NFKC-folded, without white space, upper case (FM-201 = ｆｍ－２０１ = fm 201). */
export function keyText(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}
