// Reading cells out of a SheetSnapshot by sheet row/column number.

import type { CellValue, SheetSnapshot, WorkbookSnapshot } from './types';

export function cellAt(s: SheetSnapshot, row: number, col: number): CellValue {
  const r = s.values[row - s.top];
  if (!r) return null;
  const v = r[col - s.left];
  return v === undefined ? null : v;
}

export function formatAt(s: SheetSnapshot, row: number, col: number): string | null {
  const r = s.formats?.[row - s.top];
  if (!r) return null;
  return r[col - s.left] ?? null;
}

export function lastRow(s: SheetSnapshot): number {
  return s.top + s.values.length - 1;
}

export function lastColumn(s: SheetSnapshot): number {
  return s.left + (s.values[0]?.length ?? 0) - 1;
}

export function findSheet(wb: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return wb.sheets.find((s) => s.name === name);
}

export function emptySheet(name: string): SheetSnapshot {
  return { name, top: 1, left: 1, values: [], formats: null, merges: [], tables: [], visibility: 'visible', protected: false };
}

/** Build a snapshot from a grid of values starting at A1 (tests, demo). */
export function sheetFromGrid(name: string, grid: CellValue[][], formats?: (string | null)[][]): SheetSnapshot {
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  const values = grid.map((r) => {
    const row = r.slice();
    while (row.length < width) row.push(null);
    return row;
  });
  const fmts = formats
    ? values.map((r, i) => r.map((_, j) => formats[i]?.[j] ?? null))
    : null;
  return { name, top: 1, left: 1, values, formats: fmts, merges: [], tables: [], visibility: 'visible', protected: false };
}
