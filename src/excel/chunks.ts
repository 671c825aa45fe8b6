// Read planning: which row blocks of which sheets go into which sync. Pure, so the sizes are tested without Excel.
// Limits: Excel on the web refuses a response over 5 MB and a range read over 5,000,000 cells; we stay under both.

export const MAX_CELLS_PER_READ = 5_000_000;
/** Response budget per sync, under the 5 MB limit with room for the envelope. */
export const RESPONSE_BUDGET_BYTES = 4_000_000;
/** Request budget per sync for writes. */
export const REQUEST_BUDGET_BYTES = 4_000_000;
/** Estimated JSON bytes one cell costs in a read: value (~12), number format (~10) and value type (~8). */
export const DEFAULT_BYTES_PER_CELL = 30;

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

/** Rough JSON size of one read cell, for measuring what a sync really returned. */
export function cellBytes(value: unknown, format: string | null | undefined, type: string | null | undefined): number {
  let n = 3; // separators
  if (typeof value === 'string') n += value.length + 2;
  else if (typeof value === 'number') n += numberLength(value);
  else n += 5;
  if (format != null) n += format.length + 3;
  if (type != null) n += type.length + 3;
  return n;
}

function numberLength(v: number): number {
  return Number.isInteger(v) && Math.abs(v) < 1e15 ? String(v).length : 18;
}
