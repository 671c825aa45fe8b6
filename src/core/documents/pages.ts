// Where a form's printed pages end (SPEC 7: A4, one page wide): the page height in the sheet's own row points at the
// scale fit-to-one-page-wide prints, and where a line table must break so that each page starts with its header row.
// Used by the delivery note in three copies, where print titles cannot help (one title range per sheet would print
// the first copy's header above the second copy's letterhead). The estimate is deliberately conservative: a page
// ends a little early rather than letting Excel, WPS or LibreOffice cut a table without its header.

import type { SheetSpec } from '../edits';

const PAGE_POINTS = { portrait: { width: 595, height: 842 }, landscape: { width: 842, height: 595 } }; // A4
const DEFAULT_MARGINS = { top: 0.75, bottom: 0.75, left: 0.5, right: 0.5 }; // inches
/** Rows without a set height: Excel draws 15 pt at 11 pt text; LibreOffice with a CJK font grows them to about 17. */
export const DEFAULT_ROW_POINTS = 18;
/** Room kept for applications that measure rows a little taller (the footer prints in the bottom margin). */
const SAFETY = 0.95;

/** A column width in characters as Excel prints it, in points (7-pixel digits plus 5 pixels of padding). */
export function columnWidthPoints(chars: number): number {
  return Math.trunc(chars * 7 + 5) * 0.75;
}

/**
 * The percentage that prints the sheet one page wide by Excel's column widths (at most 100). LibreOffice measures
 * columns wider on a machine without Calibri and prints smaller, so its pages hold more: the estimate stays safe.
 */
export function fittingScale(spec: SheetSpec): number {
  const page = PAGE_POINTS[spec.pageSetup.orientation];
  const m = spec.pageSetup.margins ?? DEFAULT_MARGINS;
  const printableWidth = page.width - (m.left + m.right) * 72;
  const width = spec.columnWidths.reduce((a, w) => a + (w > 0 ? columnWidthPoints(w) : 0), 0);
  if (width <= printableWidth) return 100;
  return Math.max(10, Math.floor((printableWidth / width) * 100) - 1);
}

/** The content height of one printed page at `scale` percent, in the sheet's row points. */
export function pageHeightPoints(spec: SheetSpec, scale = fittingScale(spec)): number {
  const page = PAGE_POINTS[spec.pageSetup.orientation];
  const m = spec.pageSetup.margins ?? DEFAULT_MARGINS;
  return ((page.height - (m.top + m.bottom) * 72) / (scale / 100)) * SAFETY;
}

/** The height of rows `from`..`to` (inclusive) of a spec, in points. */
export function rowsHeight(spec: SheetSpec, from: number, to: number): number {
  let h = 0;
  for (let r = from; r <= to; r++) h += spec.rowHeights?.[r] ?? DEFAULT_ROW_POINTS;
  return h;
}

/**
 * The indexes of the table lines that must start a new page (each such page repeats the header row first): `head` is
 * the height above the header row on the first page, `tail` what follows the last line (totals, signatures), which
 * stays with at least the last line. Empty when everything fits one page.
 */
export function tablePageStarts(o: {
  page: number;
  head: number;
  header: number;
  lines: number[];
  tail: number;
}): number[] {
  const starts: number[] = [];
  let used = o.head + o.header;
  o.lines.forEach((h, i) => {
    if (i > 0 && used + h > o.page) {
      starts.push(i);
      used = o.header;
    }
    used += h;
  });
  const last = o.lines.length - 1;
  const lastStart = starts.length ? starts[starts.length - 1] : 0;
  // The totals and signatures do not fit below the last lines: the last line goes over with them.
  if (used + o.tail > o.page && last > lastStart) starts.push(last);
  return starts;
}
