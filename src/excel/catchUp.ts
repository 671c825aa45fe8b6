// The reading the pane holds, brought up to date in one sync before an action plans from it: the rows the clerk
// changed (ChangeWatch's dirty areas) are read again and patched in, with every formula's result. The same sync checks
// what events may not have told (OfficeDev/office-js#3899, #420, #3729 report edits that raised no onChanged): the
// sheets' names and order, visibility and protection, the tables and their ranges, and each sheet's used range against
// the cells the patched reading holds. Anything that does not match, or more changes than one response carries →
// null: the caller reads the workbook in full.

import { areaAddress, parseRange, rangeAddress, type Area } from '../core/address';
import { patchSnapshot, replaceAreas, type AreaRead, type SheetRefresh } from '../core/refresh';
import type { SheetSnapshot, WorkbookSnapshot } from '../core/types';
import { areasOf, stripSheet } from './addresses';
import { RESPONSE_BUDGET_BYTES } from './chunks';
import { markErrorsIn, queueFormulaResults } from './formulaResults';
import { normalizeCell, visibilityOf } from './read';
import type { Pending } from './watch';

/** Bytes a cell read again costs (value and number format), estimated high. */
const CATCH_UP_BYTES_PER_CELL = 40;

export async function catchUpWorkbook(
  ctx: Excel.RequestContext,
  held: WorkbookSnapshot,
  pending: Pending,
  sheetIds: Map<string, string>,
  mergedAreas: boolean,
): Promise<{ wb: WorkbookSnapshot; ids: Map<string, string> } | null> {
  const maxCells = Math.floor(RESPONSE_BUDGET_BYTES / CATCH_UP_BYTES_PER_CELL);
  const byName = new Map(held.sheets.map((s) => [s.name, s]));
  // The dirty rows of each sheet, as runs across the held block's columns (and any the edit reached beyond them).
  const runs = new Map<string, Area[]>();
  /** Sheets the last reading did not know by id (added since: the add-in's documents have their names checked). */
  const unknown: string[] = [];
  let cells = 0;
  for (const [id, areas] of pending.dirty) {
    const name = sheetIds.get(id);
    if (name === undefined && pending.added.has(id)) {
      unknown.push(id);
      continue;
    }
    const s = name === undefined ? undefined : byName.get(name);
    if (!s) return null; // a sheet we never read, or one renamed unseen
    if (s.partial) continue; // a document the add-in made: core reads only its name
    const list = sheetRuns(s, areas);
    for (const r of list) cells += (r.bottom - r.top + 1) * (r.right - r.left + 1);
    if (cells > maxCells) return null;
    runs.set(s.name, list);
  }

  const worksheets = ctx.workbook.worksheets;
  worksheets.load('items/name,items/id,items/visibility,items/protection/protected');
  const unknownNames = unknown.map((id) => worksheets.getItem(id).load('name'));
  const tables = ctx.workbook.tables;
  tables.load('items/name');
  // A held table deleted makes getItem fail the sync: the caller then reads in full.
  const tableRanges = held.sheets.flatMap((s) =>
    s.tables.map((t) => {
      const r = tables.getItem(t.name).getRange();
      r.load('address');
      return { sheet: s.name, name: t.name, r };
    }),
  );
  const used = held.sheets
    .filter((s) => !s.partial)
    .map((s) => {
      const r = worksheets.getItem(s.name).getUsedRangeOrNullObject(true);
      r.load('address');
      return { s, r };
    });
  const reads = [...runs].flatMap(([sheet, list]) =>
    list.map((run) => {
      const ws = worksheets.getItem(sheet);
      const area = areaAddress(run);
      const range = ws.getRange(area);
      range.load('values,numberFormat');
      const errors = ['Constants', 'Formulas'].map((kind) => {
        const e = range.getSpecialCellsOrNullObject(kind as Excel.SpecialCellType, 'Errors');
        e.load('address');
        return e;
      });
      const formulas = range.getSpecialCellsOrNullObject('Formulas');
      formulas.load('address');
      return { sheet, area, range, errors, formulas };
    }),
  );
  const merges = mergedAreas
    ? [...runs.keys()].map((sheet) => {
        const m = worksheets.getItem(sheet).getRange(blockAddress(byName.get(sheet)!, runs.get(sheet)!));
        const areas = m.getMergedAreasOrNullObject();
        areas.load('address');
        return { sheet, areas };
      })
    : [];
  // An edit may change any formula's result: all of them again, in this sync.
  const formulaResults = runs.size
    ? queueFormulaResults(ctx, held, RESPONSE_BUDGET_BYTES - cells * CATCH_UP_BYTES_PER_CELL)
    : () => new Map<string, AreaRead[]>();
  if (!formulaResults) return null;
  await ctx.sync();

  // Sheets: the same names in the same order (the add-in's own documents were patched in by refresh).
  const items = worksheets.items;
  if (items.length !== held.sheets.length || items.some((ws, i) => ws.name !== held.sheets[i].name)) return null;
  const ids = new Map(items.map((ws) => [ws.id, ws.name]));
  // A sheet added since that was changed must be one the held reading has only by name (a document the add-in made).
  if (unknownNames.some((ws) => !byName.get(ws.name)?.partial)) return null;
  const heldTables = held.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase())).sort();
  const nowTables = tables.items.map((t) => t.name.toLowerCase()).sort();
  if (heldTables.join('\n') !== nowTables.join('\n')) return null;

  const refreshed = new Map<string, SheetRefresh>();
  const entry = (s: SheetSnapshot, ws: Excel.Worksheet): SheetRefresh => {
    let r = refreshed.get(s.name);
    if (!r) {
      r = {
        name: s.name,
        visibility: visibilityOf(ws.visibility),
        protected: ws.protection.protected,
        whole: false,
        areas: [],
      };
      refreshed.set(s.name, r);
    }
    return r;
  };
  items.forEach((ws, i) => {
    const s = held.sheets[i];
    if (visibilityOf(ws.visibility) !== s.visibility || ws.protection.protected !== s.protected) entry(s, ws);
  });
  for (const t of tableRanges) {
    const s = byName.get(t.sheet)!;
    const range = stripSheet(t.r.address);
    if (s.tables.find((x) => x.name === t.name)?.range === range) continue;
    const e = entry(s, items[held.sheets.indexOf(s)]);
    e.tables = (e.tables ?? s.tables).map((x) => (x.name === t.name ? { name: x.name, range } : x));
  }
  const newFormulaCells = new Map<string, string[]>();
  for (const x of reads) {
    const s = byName.get(x.sheet)!;
    const values = x.range.values.map((row) => row.map(normalizeCell));
    for (const e of x.errors) if (!e.isNullObject) markErrorsIn(x.area, values, areasOf(e.address));
    const formats = x.range.numberFormat.map((row) => row.map((f) => (typeof f === 'string' ? f : null)));
    entry(s, items[held.sheets.indexOf(s)]).areas.push({ area: x.area, values, formats } satisfies AreaRead);
    const found = x.formulas.isNullObject ? [] : areasOf(x.formulas.address);
    newFormulaCells.set(x.sheet, replaceAreas(newFormulaCells.get(x.sheet) ?? s.formulaCells ?? [], [x.area], found));
  }
  for (const [sheet, areas] of formulaResults()) {
    const s = byName.get(sheet)!;
    entry(s, items[held.sheets.indexOf(s)]).areas.push(...areas);
  }
  const wb = patchSnapshot(
    held,
    items.map((ws) => ws.name),
    [...refreshed.values()],
  );
  for (const s of wb.sheets) {
    const f = newFormulaCells.get(s.name);
    if (f) s.formulaCells = f;
    const m = merges.find((x) => x.sheet === s.name);
    if (m) s.merges = m.areas.isNullObject ? [] : areasOf(m.areas.address);
  }
  // Each sheet's used range must lie inside the block the patched reading holds (else there are cells we never read)
  // and hold every cell it has filled (else some were cleared unseen). Cells holding "" count as used in Excel and
  // as empty here: the two bounds leave room for them.
  for (const { s, r } of used) {
    const now = wb.sheets.find((x) => x.name === s.name)!;
    const filled = filledBlock(now);
    const actual = r.isNullObject ? null : parseRange(stripSheet(r.address));
    if (!actual) {
      if (filled) return null;
      continue;
    }
    if (!inside(actual, heldBlock(now)) || (filled && !inside(filled, actual))) return null;
  }
  return { wb: refreshed.size ? wb : held, ids };
}

/** The rows of `areas` on sheet `s` merged into runs, each as wide as the held block and the areas together. */
function sheetRuns(s: SheetSnapshot, areas: Area[]): Area[] {
  const width = s.values[0]?.length ?? 0;
  const blockRight = width ? s.left + width - 1 : 1;
  const blockBottom = Math.max(s.top + s.values.length - 1, 1);
  const left = areas.reduce((m, a) => Math.min(m, a.left), width ? s.left : Infinity);
  // A whole-column or whole-row address reaches Excel's last row or column: only the part up to the block's edge is read
  // (cells beyond it that hold something show in the used range, and the check there reads everything).
  const right = areas.reduce((m, a) => Math.max(m, a.right >= 16384 ? blockRight : a.right), blockRight);
  const spans = areas
    .map((a) => ({ top: a.top, bottom: a.bottom >= 1048576 ? Math.max(blockBottom, a.top) : a.bottom }))
    .sort((a, b) => a.top - b.top);
  const out: Area[] = [];
  for (const sp of spans) {
    const last = out[out.length - 1];
    if (last && sp.top <= last.bottom + 1) last.bottom = Math.max(last.bottom, sp.bottom);
    else out.push({ top: sp.top, bottom: sp.bottom, left, right });
  }
  return out;
}

/** The held block and the runs together, as one address (for the sheet's merged areas). */
function blockAddress(s: SheetSnapshot, runs: Area[]): string {
  const width = s.values[0]?.length ?? 1;
  const top = runs.reduce((m, r) => Math.min(m, r.top), s.top);
  const left = runs.reduce((m, r) => Math.min(m, r.left), s.left);
  const bottom = runs.reduce((m, r) => Math.max(m, r.bottom), s.top + Math.max(s.values.length, 1) - 1);
  const right = runs.reduce((m, r) => Math.max(m, r.right), s.left + width - 1);
  return rangeAddress(top, left, bottom, right);
}

function inside(inner: Area, outer: Area | null): boolean {
  return (
    outer !== null &&
    inner.top >= outer.top &&
    inner.left >= outer.left &&
    inner.bottom <= outer.bottom &&
    inner.right <= outer.right
  );
}

/** The rectangle a sheet snapshot holds cells for (null: none). */
function heldBlock(s: SheetSnapshot): Area | null {
  let width = 0;
  for (const r of s.values) width = Math.max(width, r.length);
  if (!s.values.length || !width) return null;
  return { top: s.top, left: s.left, bottom: s.top + s.values.length - 1, right: s.left + width - 1 };
}

/** The smallest block holding every non-empty cell and formula of a sheet snapshot (Excel's used range of values). */
export function filledBlock(s: SheetSnapshot): Area | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  s.values.forEach((row, i) => {
    let first = -1;
    let last = -1;
    for (let j = 0; j < row.length; j++) {
      if (row[j] === null || row[j] === undefined) continue;
      if (first < 0) first = j;
      last = j;
    }
    if (first < 0) return;
    top = Math.min(top, s.top + i);
    bottom = s.top + i;
    left = Math.min(left, s.left + first);
    right = Math.max(right, s.left + last);
  });
  for (const f of s.formulaCells ?? []) {
    const a = parseRange(f);
    top = Math.min(top, a.top);
    bottom = Math.max(bottom, a.bottom);
    left = Math.min(left, a.left);
    right = Math.max(right, a.right);
  }
  return bottom < top ? null : { top, left, bottom, right };
}
