// The snapshot after an action, from what the action changed (ApplyResult.changed) and those cells read again —
// instead of reading the whole workbook after every action. Pure: a port reads the areas, this patches them in.
// Sheets not touched keep their objects (the pane's memoised views of them stay valid).

import { areaAddress, parseRange, type Area } from './address';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from './types';

export interface AreaRead {
  /** A1 area. */
  area: string;
  values: CellValue[][];
  /** Number formats of the area, or null when not read (the snapshot's formats there are kept). */
  formats: (string | null)[][] | null;
}

export interface SheetRefresh {
  name: string;
  visibility: SheetSnapshot['visibility'];
  protected: boolean;
  /** The sheet's cells are exactly `areas` (a new sheet, or one whose contents were replaced). */
  whole: boolean;
  /** Its cells were not read back (a document the add-in made): the snapshot says so (SheetSnapshot.partial). */
  partial?: boolean;
  areas: AreaRead[];
  /** The sheet's tables, when they were read again. */
  tables?: { name: string; range: string }[];
}

/**
 * `wb` with the refreshed sheets patched in, in `order` (every sheet name of the workbook now, as Excel lists them);
 * a sheet in `order` that `wb` does not have and no refresh covers is left out (it was never read).
 */
export function patchSnapshot(wb: WorkbookSnapshot, order: string[], refreshed: SheetRefresh[]): WorkbookSnapshot {
  const byName = new Map(wb.sheets.map((s) => [s.name, s]));
  const updates = new Map(refreshed.map((r) => [r.name, r]));
  const sheets: SheetSnapshot[] = [];
  for (const name of order) {
    const old = byName.get(name);
    const r = updates.get(name);
    if (!r) {
      if (old) sheets.push(old);
      continue;
    }
    const base: SheetSnapshot =
      old && !r.whole
        ? { ...old, values: old.values.slice(), formats: old.formats?.slice() ?? null }
        : {
            name,
            top: 1,
            left: 1,
            values: [],
            formats: null,
            merges: old && !r.whole ? old.merges : [],
            tables: old?.tables ?? [],
            visibility: r.visibility,
            protected: r.protected,
          };
    base.visibility = r.visibility;
    base.protected = r.protected;
    if (r.partial) base.partial = true;
    if (r.tables) base.tables = r.tables;
    const copied = new Set<unknown[]>();
    for (const a of r.areas) putArea(base, a, copied);
    sheets.push(base);
  }
  return { ...wb, sheets };
}

/** Writes an area's values (and formats) into a sheet snapshot, growing its block to cover the area. */
function putArea(s: SheetSnapshot, a: AreaRead, copied: Set<unknown[]>): void {
  const r = parseRange(a.area);
  grow(s, r.top, r.left, r.bottom, r.right, copied);
  // Rows are copied before their first write: the old snapshot's rows stay as they were.
  const own = <T>(list: T[][], k: number): T[] => {
    if (!copied.has(list[k])) {
      list[k] = list[k].slice();
      copied.add(list[k]);
    }
    return list[k];
  };
  for (let i = 0; i < a.values.length; i++) {
    const row = own(s.values, r.top - s.top + i);
    // An area read without formats (formula results) leaves the formats as they were.
    const frow = s.formats && a.formats ? own(s.formats, r.top - s.top + i) : undefined;
    for (let j = 0; j < a.values[i].length; j++) {
      row[r.left - s.left + j] = a.values[i][j];
      if (frow) frow[r.left - s.left + j] = a.formats?.[i]?.[j] ?? null;
    }
  }
}

/** Extends the rectangular block of `s` to cover rows top..bottom and columns left..right (new cells empty). */
function grow(
  s: SheetSnapshot,
  top: number,
  left: number,
  bottom: number,
  right: number,
  copied: Set<unknown[]>,
): void {
  if (s.values.length === 0) {
    s.top = top;
    s.left = left;
  }
  const width = s.values[0]?.length ?? 0;
  const inside = top >= s.top && left >= s.left && bottom < s.top + s.values.length && right < s.left + width;
  if (inside && s.formats) return;
  const newTop = Math.min(s.top, top);
  const newLeft = Math.min(s.left, left);
  const newBottom = Math.max(s.top + s.values.length - 1, bottom);
  const newRight = Math.max(s.left + width - 1, right);
  const newWidth = newRight - newLeft + 1;
  const padLeft = s.left - newLeft;
  const widen = <T>(row: T[], empty: T): T[] => {
    const out = new Array<T>(newWidth).fill(empty);
    for (let j = 0; j < row.length; j++) out[padLeft + j] = row[j];
    copied.add(out);
    return out;
  };
  const rows: CellValue[][] = [];
  const formats: (string | null)[][] | null = s.formats ? [] : null;
  for (let r = newTop; r <= newBottom; r++) {
    const i = r - s.top;
    const old = i >= 0 && i < s.values.length ? s.values[i] : [];
    rows.push(widen(old, null as CellValue));
    if (formats)
      formats.push(widen(i >= 0 && i < (s.formats?.length ?? 0) ? s.formats![i] : [], null as string | null));
  }
  s.values = rows;
  s.formats =
    formats ??
    s.values.map(() => {
      const f = new Array<string | null>(newWidth).fill(null);
      copied.add(f);
      return f;
    });
  s.top = newTop;
  s.left = newLeft;
}

/**
 * The formula-cell list of a sheet after some of its areas were read again: `old` without the cells of `within`,
 * plus the formula cells found there now (`found`). Areas are A1 rectangles; the result may hold more, smaller ones.
 */
export function replaceAreas(old: string[], within: string[], found: string[]): string[] {
  let rest = old.map(parseRange);
  for (const w of within.map(parseRange)) rest = rest.flatMap((a) => subtract(a, w));
  return [...rest.map(areaAddress), ...found];
}

/** The parts of `a` outside `b` (up to four rectangles). */
function subtract(a: Area, b: Area): Area[] {
  if (b.top > a.bottom || b.bottom < a.top || b.left > a.right || b.right < a.left) return [a];
  const out: Area[] = [];
  if (a.top < b.top) out.push({ ...a, bottom: b.top - 1 });
  if (a.bottom > b.bottom) out.push({ ...a, top: b.bottom + 1 });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, bottom, left: b.right + 1, right: a.right });
  return out;
}
