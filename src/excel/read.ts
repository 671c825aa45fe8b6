// Reading the whole workbook into a WorkbookSnapshot with a number of syncs that depends on payload size only:
// sync 1 sheets + date system + active sheet, sync 2 used ranges + table names, then data syncs (values,
// number formats and value types in row chunks sized by the response budget; table ranges, merges and formula
// cells ride along).

import { rangeAddress } from '../core/address';
import type { Progress } from '../core/port';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../core/types';
import { areasOf, stripSheet } from './addresses';
import { DEFAULT_BYTES_PER_CELL, cellBytes, cellsPerSync, nextSyncChunks, type UsedBlock } from './chunks';

export interface ReadOptions {
  /** Range.getMergedAreasOrNullObject is ExcelApi 1.13: read merges only when the host has it. */
  mergedAreas: boolean;
  onProgress?: (p: Progress) => void;
}

/** DATE(2000,1,1) is 36526 in the 1900 date system and 35064 in the 1904 one. */
const DATE_PROBE_1900 = 36526;

type Visibility = SheetSnapshot['visibility'];

export function visibilityOf(v: string): Visibility {
  if (v === 'Hidden') return 'hidden';
  if (v === 'VeryHidden') return 'veryHidden';
  return 'visible';
}

/** One Office.js cell (value + value type) as core's CellValue: '' → null, errors → {error}. */
export function normalizeCell(v: unknown, type: string | undefined): CellValue {
  if (type === 'Error') return { error: String(v) };
  if (v === '' || v === null || v === undefined || type === 'Empty') return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

export function isPayloadTooLarge(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

export async function readWorkbook(ctx: Excel.RequestContext, opts: ReadOptions): Promise<WorkbookSnapshot> {
  // Sync 1: which sheets there are, the date system and the active sheet.
  const worksheets = ctx.workbook.worksheets;
  worksheets.load('items/name,items/visibility,items/protection/protected');
  const active = worksheets.getActiveWorksheet();
  active.load('name');
  const probe = ctx.workbook.functions.date(2000, 1, 1);
  probe.load('value');
  await ctx.sync();

  const dateSystem: 1900 | 1904 = typeof probe.value === 'number' && probe.value !== DATE_PROBE_1900 ? 1904 : 1900;
  const sheetItems = worksheets.items;
  const snapshots: SheetSnapshot[] = sheetItems.map((ws) => ({
    name: ws.name,
    top: 1,
    left: 1,
    values: [],
    formats: [],
    merges: [],
    tables: [],
    visibility: visibilityOf(ws.visibility),
    protected: ws.protection.protected,
  }));

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
    blocks.push({ sheet: s.name, top: s.top, left: s.left, rows: r.rowCount, columns: r.columnCount });
  });
  const byName = new Map(sheetItems.map((ws, i) => [ws.name, { ws, snap: snapshots[i], used: used[i] }]));
  const totalCells = blocks.reduce((n, b) => n + b.rows * b.columns, 0);
  // Formula cells are read for every sheet with a used range (fixes must never write over a formula).
  const needExtras = sheetItems.some((ws) => ws.tables.items.length > 0) || blocks.length > 0;

  // Data syncs.
  let pending = blocks;
  let extrasDone = !needExtras;
  let bytesPerCell = DEFAULT_BYTES_PER_CELL;
  let budgetCap = cellsPerSync(bytesPerCell);
  let cellsRead = 0;
  while (pending.length > 0 || !extrasDone) {
    const budget = Math.min(budgetCap, cellsPerSync(bytesPerCell));
    const { chunks, rest } = nextSyncChunks(pending, budget);
    const reads = chunks.map((c) => {
      const range = byName
        .get(c.sheet)!
        .ws.getRange(rangeAddress(c.top, c.left, c.top + c.rows - 1, c.left + c.columns - 1));
      range.load('values,numberFormat,valueTypes');
      return { chunk: c, range };
    });
    const extras = extrasDone ? null : queueExtras(byName, opts.mergedAreas);
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
      const formats = range.numberFormat;
      const types = range.valueTypes;
      for (let i = 0; i < values.length; i++) {
        const vr = values[i];
        const fr = formats[i];
        const tr = types[i];
        const row: CellValue[] = new Array(vr.length);
        const frow: (string | null)[] = new Array(vr.length);
        for (let j = 0; j < vr.length; j++) {
          row[j] = normalizeCell(vr[j], tr[j]);
          frow[j] = typeof fr[j] === 'string' ? fr[j] : null;
          bytes += cellBytes(vr[j], frow[j], tr[j]);
        }
        snap.values.push(row);
        snap.formats!.push(frow);
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

  return { sheets: snapshots, dateSystem, activeSheet: active.name };
}

type SheetEntry = { ws: Excel.Worksheet; snap: SheetSnapshot; used: Excel.Range };

/** Queue table ranges and merged areas; the returned function fills the snapshots after the sync. */
function queueExtras(byName: Map<string, SheetEntry>, mergedAreas: boolean): () => void {
  const fills: (() => void)[] = [];
  for (const { ws, snap, used } of byName.values()) {
    for (const t of ws.tables.items) {
      const r = t.getRange();
      r.load('address');
      fills.push(() => snap.tables.push({ name: t.name, range: stripSheet(r.address) }));
    }
    if (!used.isNullObject) {
      // Excel.SpecialCellType.formulas (ExcelApi 1.9; a string: the Excel global is not there in tests): formula cells.
      const f = ws.getRange(stripSheet(used.address)).getSpecialCellsOrNullObject('Formulas');
      f.load('address');
      fills.push(() => {
        if (!f.isNullObject) snap.formulaCells = areasOf(f.address);
      });
    }
    if (mergedAreas && !used.isNullObject) {
      const m = ws.getRange(stripSheet(used.address)).getMergedAreasOrNullObject();
      m.load('address');
      fills.push(() => {
        if (!m.isNullObject) snap.merges.push(...areasOf(m.address));
      });
    }
  }
  return () => fills.forEach((f) => f());
}
