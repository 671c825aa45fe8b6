// Address strings as Office.js returns them ("'My sheet'!A1:B4, Sheet2!C3") and compact area lists for RangeAreas.

import { cellAddress, columnLetter } from '../core/address';

/** Split a comma-separated list of areas, ignoring commas inside quoted sheet names. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** "Sheet1!A1:B4" → "A1:B4" (absolute markers removed). */
export function stripSheet(area: string): string {
  const bare = area.includes('!') ? area.slice(area.lastIndexOf('!') + 1) : area;
  return bare.replace(/\$/g, '');
}

/** An area list without sheet names, e.g. ["A1:P1", "B3"]. */
export function areasOf(address: string): string[] {
  return splitAreas(address).map(stripSheet);
}

/**
 * Cells (row, col) → the fewest simple rectangles this greedy pass finds: runs along each row, then runs of
 * identical column spans stacked over consecutive rows. Keeps RangeAreas addresses short for grouped styles.
 */
export function cellsToAreas(cells: { row: number; col: number }[]): string[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) {
    const cols = byRow.get(c.row);
    if (cols) cols.push(c.col);
    else byRow.set(c.row, [c.col]);
  }
  // Horizontal runs per row, keyed by their column span.
  const open = new Map<string, { top: number; bottom: number; left: number; right: number }>();
  const done: { top: number; bottom: number; left: number; right: number }[] = [];
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  for (const row of rows) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    const spans: [number, number][] = [];
    for (const c of cols) {
      const last = spans[spans.length - 1];
      if (last && c === last[1] + 1) last[1] = c;
      else spans.push([c, c]);
    }
    const seen = new Set<string>();
    for (const [l, r] of spans) {
      const key = `${l}:${r}`;
      seen.add(key);
      const rect = open.get(key);
      if (rect && rect.bottom === row - 1) rect.bottom = row;
      else {
        if (rect) done.push(rect);
        open.set(key, { top: row, bottom: row, left: l, right: r });
      }
    }
    for (const [key, rect] of open) {
      if (!seen.has(key) && rect.bottom < row) {
        done.push(rect);
        open.delete(key);
      }
    }
  }
  done.push(...open.values());
  done.sort((a, b) => a.top - b.top || a.left - b.left);
  return done.map((r) =>
    r.top === r.bottom && r.left === r.right
      ? cellAddress(r.top, r.left)
      : `${cellAddress(r.top, r.left)}:${cellAddress(r.bottom, r.right)}`,
  );
}

/** Group an area list into address strings no longer than `maxChars` (RangeAreas addresses have a length limit). */
export function joinAreas(areas: string[], maxChars = 2000): string[] {
  const out: string[] = [];
  let cur = '';
  for (const a of areas) {
    if (cur && cur.length + 1 + a.length > maxChars) {
      out.push(cur);
      cur = a;
    } else cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

/** "A:C" for columns 1..3. */
export function columnsAddress(from: number, to: number): string {
  return `${columnLetter(from)}:${columnLetter(to)}`;
}
