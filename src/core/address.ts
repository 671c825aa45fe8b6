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

export function parseRange(a1: string): { top: number; left: number; bottom: number; right: number } {
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

/** Quote a sheet name for use in a formula or address ('My sheet'!A1). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
