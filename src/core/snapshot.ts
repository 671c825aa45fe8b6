// Reading cells out of a SheetSnapshot by sheet row/column number.

import { parseRange } from './address';
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

/** Never a formula: the lookup of a sheet whose formula cells are unknown or none. */
const NO_FORMULAS = (): boolean => false;

/**
 * (row, col) → whether the cell holds a formula, from s.formulaCells: single cells in a Set, areas in a list
 * (built once; formula cells are a few columns at most, so the area list stays short).
 */
export function formulaLookup(s: SheetSnapshot): (row: number, col: number) => boolean {
  const list = s.formulaCells;
  if (!list || list.length === 0) return NO_FORMULAS;
  const singles = new Set<string>();
  const areas: { top: number; left: number; bottom: number; right: number }[] = [];
  // Runs down one column (a formula column with gaps) are kept per column, so a look-up scans its column only.
  const runs = new Map<number, { top: number; bottom: number }[]>();
  for (const a of list) {
    let r: { top: number; left: number; bottom: number; right: number };
    try {
      r = parseRange(a);
    } catch {
      continue; // an address we cannot read marks nothing (the adapters only write plain A1)
    }
    if (r.top === r.bottom && r.left === r.right) singles.add(`${r.top}:${r.left}`);
    else if (r.left === r.right) {
      const list = runs.get(r.left) ?? [];
      list.push({ top: r.top, bottom: r.bottom });
      runs.set(r.left, list);
    } else areas.push(r);
  }
  if (singles.size === 0 && areas.length === 0 && runs.size === 0) return NO_FORMULAS;
  return (row, col) => {
    if (singles.has(`${row}:${col}`)) return true;
    const inColumn = runs.get(col);
    if (inColumn) for (const r of inColumn) if (row >= r.top && row <= r.bottom) return true;
    for (const r of areas) if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) return true;
    return false;
  };
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

/** Build a snapshot from a grid of values starting at A1 (tests, demo). */
export function sheetFromGrid(name: string, grid: CellValue[][], formats?: (string | null)[][]): SheetSnapshot {
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  const values = grid.map((r) => {
    const row = r.slice();
    while (row.length < width) row.push(null);
    return row;
  });
  const fmts = formats ? values.map((r, i) => r.map((_, j) => formats[i]?.[j] ?? null)) : null;
  return {
    name,
    top: 1,
    left: 1,
    values,
    formats: fmts,
    merges: [],
    tables: [],
    visibility: 'visible',
    protected: false,
  };
}
