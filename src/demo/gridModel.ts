// Pure helpers of the demo's sheet grid: merges, selection areas, and which cells get which colours.

import { cellAddress, parseRange, rangeAddress } from '../core/address';
import { DELAY_COLOURS, type ClassColour } from '../core/colours';
import { excelDelayClasses } from '../core/delay';
import type { WorkbookSnapshot } from '../core/types';
import { understand } from '../core/understand';
import type { CellLook } from '../xlsx/look';

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellPos {
  row: number;
  col: number;
}

/** Areas of an A1 address list ("A5:P9,B12" or space-separated as conditional formats store them). */
export function parseAreas(address: string): Area[] {
  return address
    .split(/[,\s]+/)
    .map((a) => a.trim())
    .filter((a) => a !== '')
    .flatMap((a) => {
      try {
        return [parseRange(a)];
      } catch {
        return []; // whole-row/column forms ("5:5") are not drawn by the demo
      }
    });
}

export function inAreas(areas: Area[], row: number, col: number): boolean {
  return areas.some((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right);
}

export function areaAddress(a: CellPos, b: CellPos): string {
  if (a.row === b.row && a.col === b.col) return cellAddress(a.row, a.col);
  return rangeAddress(Math.min(a.row, b.row), Math.min(a.col, b.col), Math.max(a.row, b.row), Math.max(a.col, b.col));
}

export interface MergeMap {
  /** "row,col" of a merge's top-left → its spans. */
  spans: Map<string, { rowSpan: number; colSpan: number }>;
  /** "row,col" of cells hidden under a merge. */
  covered: Set<string>;
}

export function mergeMap(merges: string[]): MergeMap {
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const m of parseAreas(merges.join(','))) {
    spans.set(`${m.top},${m.left}`, { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  return { spans, covered };
}

/** "FF9C0006" or "9C0006" → "#9C0006"; undefined for anything else. */
export function cssColour(argb: string | undefined): string | undefined {
  if (!argb) return undefined;
  const hex = argb.replace('#', '');
  if (/^[0-9a-f]{8}$/i.test(hex)) return `#${hex.slice(2)}`;
  if (/^[0-9a-f]{6}$/i.test(hex)) return `#${hex}`;
  return undefined;
}

/** The CSS of a cell's look in the clerk's own file (font, fill, alignment; look.ts). */
export function lookStyle(look: CellLook): {
  fontWeight?: number;
  fontStyle?: 'italic';
  color?: string;
  backgroundColor?: string;
  textAlign?: 'left' | 'center' | 'right';
} {
  return {
    ...(look.bold ? { fontWeight: 600 } : {}),
    ...(look.italic ? { fontStyle: 'italic' as const } : {}),
    ...(look.colour ? { color: look.colour } : {}),
    ...(look.fill ? { backgroundColor: look.fill } : {}),
    ...(look.align ? { textAlign: look.align } : {}),
  };
}

/** Excel column width in characters → CSS pixels, as Excel draws it at 100 %. */
export function columnPixels(width: number | undefined): number {
  const chars = width && width > 0 ? width : 8.43;
  return Math.round(chars * 7 + 5);
}

/**
 * A number as an Excel number format of digits shows it ("#,##0.00", "0.00##", "0%", "0.00E+00", "\"¥\"#,##0.00",
 * "#,##0;[Red]-#,##0"), following Excel's rules: 0 is a digit always shown, # one shown only when needed (so
 * "#,##0.###" shows 400 as "400."), a comma groups thousands, % multiplies by 100, a second section is for negative
 * numbers (shown without a minus sign of its own) and a third for zero, quoted text and \-escaped characters are
 * shown as written, [Red] and the like are dropped and [$¥-804] shows its symbol. Null for date, text and other formats
 * (the caller falls back to core's cellText).
 */
export function formatNumber(v: number, format: string | null): string | null {
  if (!format || format === 'General' || !Number.isFinite(v)) return null;
  const sections = format.split(';');
  let section = sections[0];
  let n = v;
  if (v < 0 && sections.length > 1 && sections[1] !== '') {
    section = sections[1];
    n = -v;
  } else if (v === 0 && sections.length > 2 && sections[2] !== '') section = sections[2];
  // Split into the literal text around the number and the number's own pattern.
  let prefix = '';
  let suffix = '';
  let pattern = '';
  const re = /"([^"]*)"|\\(.)|\[\$([^\]-]*)[^\]]*\]|\[[^\]]*\]|_.|\*.|([#0?,.%]|E[+-])|(.)/g;
  for (let m = re.exec(section); m; m = re.exec(section)) {
    const literal =
      m[1] ?? m[2] ?? m[3] ?? (m[5] === ' ' || m[5] === '-' || m[5] === '(' || m[5] === ')' ? m[5] : undefined);
    if (m[4] !== undefined) {
      if (suffix !== '' && pattern !== '') return null; // text inside the number
      pattern += m[4];
    } else if (literal !== undefined) {
      if (pattern === '') prefix += literal;
      else suffix += literal;
    } else if (m[0].startsWith('_') || m[0].startsWith('*') || m[0].startsWith('[')) continue;
    else return null; // a date, text (@) or other code
  }
  if (pattern === '' && prefix !== '') return prefix; // a section of text alone ("-" for zero)
  if (!/^[#0?,]*(\.[#0?]*)?%?(E[+-]0+)?%?$/.test(pattern) || !/[0#?]/.test(pattern)) return null;
  const percent = pattern.includes('%');
  const [mantissa, exponent] = pattern.replace(/%/g, '').split(/E[+-]/);
  const [intPart, fracPart = ''] = mantissa.split('.');
  const minFrac = (fracPart.match(/0/g) ?? []).length;
  const maxFrac = fracPart.length;
  const digits = (x: number) =>
    x.toLocaleString('en-US', {
      minimumFractionDigits: minFrac,
      maximumFractionDigits: maxFrac,
      useGrouping: intPart.includes(','),
    });
  let text: string;
  if (exponent !== undefined) {
    const [m, e] = (percent ? n * 100 : n).toExponential(maxFrac).split('e');
    const exp = Number(e);
    const sign = exp < 0 ? '-' : pattern.includes('E+') ? '+' : '';
    text = `${digits(Number(m))}E${sign}${String(Math.abs(exp)).padStart(exponent.length, '0')}`;
  } else {
    text = digits(percent ? n * 100 : n);
    // No 0 before the point: a number below 1 shows no leading zero (".5"), zero shows nothing before it.
    if (!intPart.includes('0')) text = text.replace(/^(-?)0(?=\.|$)/, '$1');
  }
  if (mantissa.includes('.') && minFrac === 0 && !text.includes('.')) text += '.';
  return `${prefix}${text}${percent ? '%' : ''}${suffix}`;
}

export interface DelayColours {
  /** Sheet row → the colours Excel's delay rules give it (rows they leave uncoloured are absent). */
  rows: Map<number, ClassColour>;
  /** First and last column the rules cover. */
  cols: [number, number];
}

/**
 * The delay colours of a sheet's order lines as Excel evaluates the add-in's TODAY()-based rules on `today`: a due
 * date stored as text is no date to the formulas, so its row shows the no-due-date colour, not core's class (the
 * pane says so). Null when the sheet holds no order lines.
 */
export function delayRowColours(wb: WorkbookSnapshot, sheet: string, today: string): DelayColours | null {
  try {
    const u = understand(wb, { today, sheet });
    const rows = new Map<number, ClassColour>();
    const shown = excelDelayClasses(u, today);
    u.lines.forEach((line, k) => {
      const cls = shown[k];
      if (cls !== null) rows.set(line.row, DELAY_COLOURS[cls]);
    });
    return { rows, cols: [u.order.firstColumn, u.order.lastColumn] };
  } catch {
    return null;
  }
}

/** A box in a scrolled area's content coordinates (CSS pixels). */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Where to scroll so `cell` is in view, as Excel brings a selected cell into view: unchanged along an axis where it
 * already shows (below the sticky column headers, right of the sticky row headers), centred vertically otherwise and
 * just far enough horizontally. Null when it is in view already.
 */
export function scrollToShow(
  cell: Box,
  view: { scrollTop: number; scrollLeft: number; width: number; height: number },
  sticky: { top: number; left: number },
): { top: number; left: number } | null {
  let { scrollTop: top, scrollLeft: left } = view;
  const visibleH = view.height - sticky.top;
  if (cell.top < top + sticky.top || cell.bottom > top + view.height)
    top = Math.max(0, Math.round(cell.top - sticky.top - (visibleH - (cell.bottom - cell.top)) / 2));
  if (cell.left < left + sticky.left) left = Math.max(0, cell.left - sticky.left);
  else if (cell.right > left + view.width) left = Math.min(cell.left - sticky.left, cell.right - view.width);
  return top === view.scrollTop && left === view.scrollLeft ? null : { top, left };
}

/** The tab to bring into view: the newest of the sheets that appeared since `before`, else the active one if it changed. */
export function tabToShow(
  before: string[],
  after: string[],
  activeBefore: string | null,
  active: string | null,
): string | null {
  const added = after.filter((n) => !before.includes(n));
  if (added.length) return added[added.length - 1];
  return active !== activeBefore ? active : null;
}
