// Read planning: which row blocks of which sheets go into which sync. Pure, so the sizes are tested without Excel.
// Limits: "Excel on the web has a payload size limit for requests and responses of 5MB" and "A range is limited to
// 5,000,000 cells for read operations" (Resource limits and performance optimization for Office Add-ins); payloads
// are JSON in UTF-8, so sizes are counted in UTF-8 bytes (a Chinese character is 3).

export const MAX_CELLS_PER_READ = 5_000_000;
/** Response budget per sync, under the 5 MB limit with room for the envelope. */
export const RESPONSE_BUDGET_BYTES = 4_000_000;
/** Request budget per sync for writes. */
export const REQUEST_BUDGET_BYTES = 4_000_000;
/** Estimated JSON bytes one cell's value costs in a read (the first chunk; later ones use the measured size). */
export const DEFAULT_BYTES_PER_CELL = 16;

/** UTF-8 length of a string, without allocating (browsers and Node alike). */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2; // a surrogate pair: 2 UTF-16 units, 4 bytes
      i++;
    } else n += 2;
  }
  return n;
}

/** UTF-8 bytes of a value as JSON puts it on the wire. */
export function jsonBytes(v: unknown): number {
  if (typeof v === 'string') return utf8Length(v) + 2 + escapes(v);
  if (typeof v === 'number') return numberLength(v);
  if (typeof v === 'boolean') return v ? 4 : 5;
  if (v === null || v === undefined) return 4;
  return utf8Length(JSON.stringify(v));
}

function escapes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 92) n++;
    else if (c < 32) n += 5;
  }
  return n;
}

/** UTF-8 bytes of a 2-D array as JSON. */
export function gridBytes(rows: unknown[][]): number {
  let n = 2;
  for (const r of rows) {
    n += 3;
    for (const v of r) n += jsonBytes(v) + 1;
  }
  return n;
}

export interface UsedBlock {
  sheet: string;
  /** 1-based sheet row/column of the block's top-left cell. */
  top: number;
  left: number;
  rows: number;
  columns: number;
}

export interface ReadChunk {
  sheet: string;
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/** Cells one sync may read at `bytesPerCell`, never more than one range read may hold. */
export function cellsPerSync(bytesPerCell: number, budgetBytes = RESPONSE_BUDGET_BYTES): number {
  return Math.max(1, Math.min(MAX_CELLS_PER_READ, Math.floor(budgetBytes / Math.max(1, bytesPerCell))));
}

/** Rows of a `columns`-wide block that fit in `cells` (at least one row: a single row is always readable). */
export function rowsPerChunk(columns: number, cells: number): number {
  return Math.max(1, Math.floor(cells / Math.max(1, columns)));
}

/**
 * The next sync's chunks, filled greedily from `pending` (blocks still to read, in order) up to `cellBudget`.
 * Returns the chunks and what is left to read afterwards. Several small sheets share one sync.
 */
export function nextSyncChunks(pending: UsedBlock[], cellBudget: number): { chunks: ReadChunk[]; rest: UsedBlock[] } {
  const chunks: ReadChunk[] = [];
  const rest = pending.map((b) => ({ ...b }));
  let room = cellBudget;
  while (rest.length > 0) {
    const b = rest[0];
    const fit = Math.floor(room / b.columns);
    if (fit < 1) {
      if (chunks.length === 0) {
        // One row wider than the budget cannot happen with Excel's 16,384 columns, but never loop forever.
        chunks.push({ sheet: b.sheet, top: b.top, left: b.left, rows: 1, columns: b.columns });
        advance(rest, 1);
      }
      break;
    }
    const take = Math.min(fit, b.rows);
    chunks.push({ sheet: b.sheet, top: b.top, left: b.left, rows: take, columns: b.columns });
    room -= take * b.columns;
    advance(rest, take);
  }
  return { chunks, rest };
}

function advance(rest: UsedBlock[], rows: number): void {
  const b = rest[0];
  b.top += rows;
  b.rows -= rows;
  if (b.rows <= 0) rest.shift();
}

/** JSON size in UTF-8 of one read cell (its value, and its number format when read), for measuring what a sync returned. */
export function cellBytes(value: unknown, format?: string | null): number {
  return 1 + jsonBytes(value) + (format != null ? jsonBytes(format) + 1 : 0);
}

function numberLength(v: number): number {
  return Number.isInteger(v) && Math.abs(v) < 1e15 ? String(v).length : 18;
}
