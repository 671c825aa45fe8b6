// Reading the workbook into a WorkbookSnapshot with a number of syncs that depends on payload size only:
// sync 1 sheets + date system + active sheet, sync 2 used ranges + table names, then value syncs (row chunks sized
// by the response budget, in UTF-8 bytes; table ranges, merges, formula cells and error cells ride along), then —
// only when core needs them — the number formats of the few cells where a format decides a date (formatNeeds.ts).
// A workbook small enough for one response reads values and formats together instead.
// Value types are not read: Range.values gives numbers, booleans and strings as they are ("Cells that contain an error
// will return the error string"), and the error cells come from getSpecialCellsOrNullObject(…, 'Errors').

import { parseRange, rangeAddress } from '../core/address';
import { cellsNeedingFormats } from '../core/formatNeeds';
import type { Progress, ReadScope } from '../core/port';
import { SETTINGS_SHEET } from '../core/settings';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../core/types';
import { areasOf, cellsToAreas, stripSheet } from './addresses';
import {
  DEFAULT_BYTES_PER_CELL,
  RESPONSE_BUDGET_BYTES,
  cellBytes,
  cellsPerSync,
  jsonBytes,
  nextSyncChunks,
  type UsedBlock,
} from './chunks';

export interface ReadOptions {
  /** Range.getMergedAreasOrNullObject is ExcelApi 1.13: read merges only when the host has it. */
  mergedAreas: boolean;
  onProgress?: (p: Progress) => void;
  /** Read only these sheets in full (see ReadScope). */
  scope?: ReadScope;
  /** Told every sheet's id and name after the first sync (the change events name sheets by id). */
  onSheetIds?: (ids: Map<string, string>) => void;
}

/** DATE(2000,1,1) is 36526 in the 1900 date system and 35064 in the 1904 one. */
const DATE_PROBE_1900 = 36526;
/** Bytes one cell's number format costs in a read ("General" and its separators). */
const FORMAT_BYTES = 12;

type Visibility = SheetSnapshot['visibility'];

export function visibilityOf(v: string): Visibility {
  if (v === 'Hidden') return 'hidden';
  if (v === 'VeryHidden') return 'veryHidden';
  return 'visible';
}

/** One Office.js cell value as core's CellValue: '' → null; errors are marked afterwards from the error areas. */
export function normalizeCell(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

export function isPayloadTooLarge(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

type SheetEntry = { ws: Excel.Worksheet; snap: SheetSnapshot; used: Excel.Range };

export async function readWorkbook(ctx: Excel.RequestContext, opts: ReadOptions): Promise<WorkbookSnapshot> {
  // Sync 1: which sheets there are, the date system and the active sheet.
  const worksheets = ctx.workbook.worksheets;
  worksheets.load(`items/name,${opts.onSheetIds ? 'items/id,' : ''}items/visibility,items/protection/protected`);
  const active = worksheets.getActiveWorksheet();
  active.load('name');
  const probe = ctx.workbook.functions.date(2000, 1, 1);
  probe.load('value');
  await ctx.sync();
  opts.onSheetIds?.(new Map(worksheets.items.map((ws) => [ws.id, ws.name])));

  const dateSystem: 1900 | 1904 = typeof probe.value === 'number' && probe.value !== DATE_PROBE_1900 ? 1904 : 1900;
  const sheetItems = worksheets.items;
  const snapshots: SheetSnapshot[] = sheetItems.map((ws) => ({
    name: ws.name,
    top: 1,
    left: 1,
    values: [],
    formats: null,
    merges: [],
    tables: [],
    visibility: visibilityOf(ws.visibility),
    protected: ws.protection.protected,
  }));
  const inFull = fullSheets(opts.scope, active.name);

  // Sync 2: used range and tables of every sheet.
  const used = sheetItems.map((ws) => {
    const r = ws.getUsedRangeOrNullObject(true);
    r.load('address,rowIndex,columnIndex,rowCount,columnCount');
    ws.tables.load('items/name');
    return r;
  });
  await ctx.sync();

  const blocks: UsedBlock[] = [];
  used.forEach((r, i) => {
    if (r.isNullObject) return;
    const s = snapshots[i];
    s.top = r.rowIndex + 1;
    s.left = r.columnIndex + 1;
    let rows = r.rowCount;
    if (inFull && !inFull(s.name) && rows > inFull.headRows) {
      rows = inFull.headRows;
      s.partial = true;
    }
    blocks.push({ sheet: s.name, top: s.top, left: s.left, rows, columns: r.columnCount });
  });
  const byName = new Map<string, SheetEntry>(
    sheetItems.map((ws, i) => [ws.name, { ws, snap: snapshots[i], used: used[i] }]),
  );
  const totalCells = blocks.reduce((n, b) => n + b.rows * b.columns, 0);
  // Small enough for one response with every format: one data sync, as before; else values first.
  const formatsAlong = totalCells * (DEFAULT_BYTES_PER_CELL + FORMAT_BYTES) <= RESPONSE_BUDGET_BYTES;

  // Value syncs.
  const errors = new Map<string, string[]>();
  let pending = blocks;
  let extrasDone = blocks.length === 0;
  let bytesPerCell = DEFAULT_BYTES_PER_CELL + (formatsAlong ? FORMAT_BYTES : 0);
  let budgetCap = cellsPerSync(bytesPerCell);
  let cellsRead = 0;
  while (pending.length > 0 || !extrasDone) {
    const budget = Math.min(budgetCap, cellsPerSync(bytesPerCell));
    const { chunks, rest } = nextSyncChunks(pending, budget);
    const reads = chunks.map((c) => {
      const range = byName
        .get(c.sheet)!
        .ws.getRange(rangeAddress(c.top, c.left, c.top + c.rows - 1, c.left + c.columns - 1));
      range.load(formatsAlong ? 'values,numberFormat' : 'values');
      return { chunk: c, range };
    });
    const extras = extrasDone ? null : queueExtras(byName, opts.mergedAreas, errors);
    try {
      await ctx.sync();
    } catch (e) {
      // The host refused the size: halve the chunk budget and read the same rows again (reads change nothing).
      if (isPayloadTooLarge(e) && budget > 1) {
        budgetCap = Math.max(1, Math.floor(budget / 2));
        continue;
      }
      throw e;
    }
    let bytes = 0;
    let cells = 0;
    for (const { chunk, range } of reads) {
      const snap = byName.get(chunk.sheet)!.snap;
      const values = range.values;
      const formats = formatsAlong ? range.numberFormat : null;
      if (formats) snap.formats ??= [];
      for (let i = 0; i < values.length; i++) {
        const vr = values[i];
        const row: CellValue[] = new Array(vr.length);
        for (let j = 0; j < vr.length; j++) {
          row[j] = normalizeCell(vr[j]);
          bytes += cellBytes(vr[j]);
        }
        snap.values.push(row);
        if (formats) {
          const fr = formats[i].map((f) => (typeof f === 'string' ? f : null));
          for (const f of fr) bytes += f === null ? 5 : jsonBytes(f) + 1;
          snap.formats!.push(fr);
        }
      }
      cells += chunk.rows * chunk.columns;
    }
    if (extras) {
      extras();
      extrasDone = true;
    }
    // Chunks after this one are sized by what the sheet really costs per cell (never below the default estimate).
    if (cells > 0) bytesPerCell = Math.max(DEFAULT_BYTES_PER_CELL, Math.ceil(bytes / cells));
    cellsRead += cells;
    pending = rest;
    opts.onProgress?.({ done: cellsRead, total: totalCells });
  }
  for (const [sheet, areas] of errors) markErrors(byName.get(sheet)!.snap, areas);

  const wb: WorkbookSnapshot = { sheets: snapshots, dateSystem, activeSheet: active.name };
  if (!formatsAlong) await readNeededFormats(ctx, wb, byName);
  return wb;
}

/** Which sheets a scoped read takes in full (the settings sheet always), or null: all of them. */
function fullSheets(
  scope: ReadScope | undefined,
  activeName: string,
): (((name: string) => boolean) & { headRows: number }) | null {
  if (!scope) return null;
  const names = new Set((scope.sheets === 'active' ? [activeName] : scope.sheets).map((n) => n.toLowerCase()));
  names.add(SETTINGS_SHEET.toLowerCase());
  return Object.assign((name: string) => names.has(name.toLowerCase()), { headRows: Math.max(1, scope.headRows) });
}

/** Queue table ranges, merged areas, formula cells and error cells; the returned function fills the snapshots. */
function queueExtras(byName: Map<string, SheetEntry>, mergedAreas: boolean, errors: Map<string, string[]>): () => void {
  const fills: (() => void)[] = [];
  for (const { ws, snap, used } of byName.values()) {
    for (const t of ws.tables.items) {
      const r = t.getRange();
      r.load('address');
      fills.push(() => snap.tables.push({ name: t.name, range: stripSheet(r.address) }));
    }
    if (used.isNullObject) continue;
    const area = stripSheet(used.address);
    // Excel.SpecialCellType.formulas (ExcelApi 1.9; strings: the Excel global is not there in tests): formula cells.
    const f = ws.getRange(area).getSpecialCellsOrNullObject('Formulas');
    f.load('address');
    fills.push(() => {
      if (!f.isNullObject) snap.formulaCells = areasOf(f.address);
    });
    // Error values, typed or computed ("Errors": "Cells that have errors."): the rest of a '#N/A' string is text.
    for (const kind of ['Constants', 'Formulas'] as const) {
      const e = ws.getRange(area).getSpecialCellsOrNullObject(kind, 'Errors');
      e.load('address');
      fills.push(() => {
        if (!e.isNullObject) errors.set(snap.name, [...(errors.get(snap.name) ?? []), ...areasOf(e.address)]);
      });
    }
    if (mergedAreas) {
      const m = ws.getRange(area).getMergedAreasOrNullObject();
      m.load('address');
      fills.push(() => {
        if (!m.isNullObject) snap.merges.push(...areasOf(m.address));
      });
    }
  }
  return () => fills.forEach((f) => f());
}

/** Cells in the error areas hold an error: the string Range.values gave becomes {error}. */
function markErrors(snap: SheetSnapshot, areas: string[]): void {
  for (const a of areas) {
    const r = parseRange(a);
    for (let row = r.top; row <= r.bottom; row++) {
      const values = snap.values[row - snap.top];
      if (!values) continue;
      for (let c = r.left; c <= r.right; c++) {
        const v = values[c - snap.left];
        if (v !== null && v !== undefined && typeof v !== 'object') values[c - snap.left] = { error: String(v) };
      }
    }
  }
}

/** Runs of a column's cells closer than this many rows are read as one range (fewer proxies, a few more formats). */
const FORMAT_GAP_ROWS = 8;

/** The number formats core needs (numbers outside date and numeric fields), in syncs under the response budget. */
async function readNeededFormats(
  ctx: Excel.RequestContext,
  wb: WorkbookSnapshot,
  byName: Map<string, SheetEntry>,
): Promise<void> {
  const reads: { sheet: SheetSnapshot; area: string; top: number; left: number }[] = [];
  const cellsOf = (area: string) => {
    const r = parseRange(area);
    return (r.bottom - r.top + 1) * (r.right - r.left + 1);
  };
  let budget = Math.floor(RESPONSE_BUDGET_BYTES / FORMAT_BYTES);
  for (const { sheet, cells } of cellsNeedingFormats(wb)) {
    const snap = byName.get(sheet)!.snap;
    for (const area of cellsToAreas(closeGaps(cells))) {
      // A big rectangle is read in row slices that each fit one response.
      const r = parseRange(area);
      const rows = Math.max(1, Math.floor(budget / 4 / (r.right - r.left + 1)));
      for (let top = r.top; top <= r.bottom; top += rows) {
        const bottom = Math.min(r.bottom, top + rows - 1);
        reads.push({ sheet: snap, area: rangeAddress(top, r.left, bottom, r.right), top, left: r.left });
      }
    }
  }
  let start = 0;
  while (start < reads.length) {
    let end = start;
    let cells = 0;
    while (end < reads.length && (end === start || cells + cellsOf(reads[end].area) <= budget))
      cells += cellsOf(reads[end++].area);
    const batch = reads.slice(start, end).map((r) => {
      const range = byName.get(r.sheet.name)!.ws.getRange(r.area);
      range.load('numberFormat');
      return { ...r, range };
    });
    try {
      await ctx.sync();
    } catch (e) {
      // Refused for its size: fewer cells per sync, the same areas again (reads change nothing).
      if (isPayloadTooLarge(e) && end - start > 1) {
        budget = Math.max(1, Math.floor(cells / 2));
        continue;
      }
      throw e;
    }
    for (const r of batch) {
      const s = r.sheet;
      s.formats ??= s.values.map(() => []);
      r.range.numberFormat.forEach((fr, i) => {
        const row = s.formats![r.top - s.top + i];
        if (!row) return;
        fr.forEach((f, j) => {
          row[r.left - s.left + j] = typeof f === 'string' ? f : null;
        });
      });
    }
    start = end;
  }
}

/** Adds the cells between two of a column's cells that are at most FORMAT_GAP_ROWS apart. */
function closeGaps(cells: { row: number; col: number }[]): { row: number; col: number }[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const rows = byCol.get(c.col);
    if (rows) rows.push(c.row);
    else byCol.set(c.col, [c.row]);
  }
  const out: { row: number; col: number }[] = [];
  for (const [col, rows] of byCol) {
    rows.sort((a, b) => a - b);
    for (let k = 0; k < rows.length; k++) {
      out.push({ row: rows[k], col });
      const next = rows[k + 1];
      if (next !== undefined && next - rows[k] > 1 && next - rows[k] <= FORMAT_GAP_ROWS)
        for (let r = rows[k] + 1; r < next; r++) out.push({ row: r, col });
    }
  }
  return out;
}
