// Pure helpers of the demo's sheet grid: merges, selection areas, and which cells get which colours.

import { cellAddress, parseRange, rangeAddress } from '../core/address';
import { DELAY_COLOURS, type ClassColour } from '../core/colours';
import { excelDelayClasses } from '../core/delay';
import type { WorkbookSnapshot } from '../core/types';
import { understand } from '../core/understand';

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

/** Excel column width in characters → CSS pixels, as Excel draws it at 100 %. */
export function columnPixels(width: number | undefined): number {
  const chars = width && width > 0 ? width : 8.43;
  return Math.round(chars * 7 + 5);
}

/** A number as a plain Excel number format shows it ("#,##0.00", "0.00", "#,##0", "0%"); null for other formats. */
export function formatNumber(v: number, format: string | null): string | null {
  if (!format || format === 'General') return null;
  const section = format.split(';')[0].replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  if (!/^[#0,.%\s]*$/.test(section) || !/0/.test(section)) return null;
  const percent = section.includes('%');
  const decimals = (section.split('.')[1] ?? '').replace(/[^0#]/g, '').length;
  const n = percent ? v * 100 : v;
  const text = n.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: section.includes(','),
  });
  return percent ? `${text}%` : text;
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
