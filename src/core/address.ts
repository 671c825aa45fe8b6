// A1 addresses: column letters ↔ numbers, cell and range strings. Rows and columns are 1-based.

export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellAddress(row: number, col: number): string {
  return columnLetter(col) + row;
}

export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  return `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;
}

export function parseCell(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`not a cell address: ${a1}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

/** A rectangle of cells by sheet row and column numbers. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRange(a1: string): Area {
  const bare = a1.includes('!') ? a1.slice(a1.lastIndexOf('!') + 1) : a1;
  const [a, b] = bare.split(':');
  const p = parseCell(a);
  const q = b ? parseCell(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

function areaOf(a: Area | string): Area {
  return typeof a === 'string' ? parseRange(a) : a;
}

/** True when two areas share at least one cell. */
export function areasOverlap(a: Area | string, b: Area | string): boolean {
  const p = areaOf(a);
  const q = areaOf(b);
  return p.left <= q.right && q.left <= p.right && p.top <= q.bottom && q.top <= p.bottom;
}

/** True when every cell of `inner` lies in `outer`. */
export function areaCovers(outer: Area | string, inner: Area | string): boolean {
  const p = areaOf(outer);
  const q = areaOf(inner);
  return p.left <= q.left && p.right >= q.right && p.top <= q.top && p.bottom >= q.bottom;
}

/** The smallest area holding both. */
export function areaSpan(a: Area | string, b: Area | string): Area {
  const p = areaOf(a);
  const q = areaOf(b);
  return {
    top: Math.min(p.top, q.top),
    left: Math.min(p.left, q.left),
    bottom: Math.max(p.bottom, q.bottom),
    right: Math.max(p.right, q.right),
  };
}

/** "A1:D3" of an area. */
export function areaAddress(a: Area): string {
  return rangeAddress(a.top, a.left, a.bottom, a.right);
}

/** Quote a sheet name for use in a formula or address ('My sheet'!A1). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
