// Shared test helper: build an Understanding (and a matching WorkbookSnapshot) straight from a small grid, without
// going through sheet understanding. The first grid row names the field of each column (null = unmapped); the rest
// are order lines. Cell reading here is a deliberately small stand-in for src/core/cells.ts: plain numbers and
// "1,080.00"/"¥35" style text numbers; real serials and YYYY-MM-DD / YYYY/M/D / YYYY年M月D日 text dates.

import { sheetFromGrid } from '../../../src/core/snapshot';
import type {
  CellValue,
  DateField,
  FieldKey,
  Lang,
  NumericField,
  OrderLine,
  ProductInfo,
  Reading,
  Settings,
  SheetSnapshot,
  Understanding,
  WorkbookSnapshot,
} from '../../../src/core/types';
import { DATE_FIELDS, DEFAULT_SETTINGS, isCellError, NUMERIC_FIELDS } from '../../../src/core/types';
import {
  encodeReading,
  newColumn,
  type FieldCells,
  type LineColumns,
  type ReadingColumn,
} from '../../../src/core/lines';

export interface GridOptions {
  sheet?: string; // default "Orders"
  /** Sheet row of grid[0] (the header row); default 1. */
  headerRow?: number;
  lang?: Lang; // sheet language, default 'en-US'
  dateSystem?: 1900 | 1904;
  /** A product master: its sheet name and items. */
  products?: { sheet?: string; items: Partial<ProductInfo>[] };
  settings?: Partial<Settings>;
}

/** 1900-system serial of a calendar date (valid from 1900-03-01). */
export function serial(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
}

export function isoOf(serialNumber: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serialNumber) * 86400000).toISOString().slice(0, 10);
}

export function understandingFromGrid(grid: CellValue[][], opts: GridOptions = {}): Understanding {
  const headerRow = opts.headerRow ?? 1;
  const dateSystem = opts.dateSystem ?? 1900;
  const fields = grid[0].map((f) => (typeof f === 'string' && f !== '' ? (f as FieldKey) : null));
  const columns: Partial<Record<FieldKey, number>> = {};
  fields.forEach((f, i) => {
    if (f) columns[f] = i + 1;
  });
  const lines: OrderLine[] = [];
  grid.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c === null || c === '')) return;
    lines.push(lineFrom(headerRow + 1 + i, cells, fields, dateSystem));
  });
  const rows = lines.map((l) => l.row);
  const lastDataRow = headerRow + grid.length - 1;
  const productSheet = opts.products?.sheet ?? 'Products';
  return {
    order: {
      sheet: opts.sheet ?? 'Orders',
      headerRow,
      columns,
      headers: fields.map((f, i) => ({ column: i + 1, header: f ?? `col${i + 1}`, field: f })),
      firstColumn: 1,
      lastColumn: fields.length,
      firstDataRow: headerRow + 1,
      lastDataRow,
      dataRows: rows,
      skippedRows: [],
      masters: { products: opts.products ? productSheet : null, customers: null },
      lang: opts.lang ?? 'en-US',
    },
    lines,
    columns: viewColumns(lines),
    masters: {
      products: opts.products
        ? {
            sheet: productSheet,
            byItem: new Map(
              opts.products.items.map((p, i) => [String(p.item), { row: i + 2, ...p, item: String(p.item) }]),
            ),
          }
        : null,
      customers: null,
    },
    settings: { ...DEFAULT_SETTINGS, ...opts.settings },
    dateSystem,
  };
}

/** The order grid as a sheet (header row at opts.headerRow), for building WorkbookSnapshots. */
export function sheetOf(grid: CellValue[][], opts: Pick<GridOptions, 'sheet' | 'headerRow'> = {}): SheetSnapshot {
  const pad: CellValue[][] = Array.from({ length: (opts.headerRow ?? 1) - 1 }, () => []);
  return sheetFromGrid(opts.sheet ?? 'Orders', [...pad, ...grid]);
}

export function workbookOf(sheets: SheetSnapshot[], dateSystem: 1900 | 1904 = 1900): WorkbookSnapshot {
  return { sheets, dateSystem, activeSheet: sheets[0]?.name ?? null };
}

function lineFrom(row: number, cells: CellValue[], fields: (FieldKey | null)[], dateSystem: 1900 | 1904): OrderLine {
  const line: OrderLine = { row, raw: {}, text: {}, num: {}, date: {} };
  fields.forEach((f, i) => {
    if (!f) return;
    const v = cells[i] ?? null;
    line.raw[f] = v;
    if ((NUMERIC_FIELDS as FieldKey[]).includes(f)) line.num[f as NumericField] = readNum(v);
    if ((DATE_FIELDS as FieldKey[]).includes(f)) line.date[f as DateField] = readDateCell(v, dateSystem);
    line.text[f] = textOf(v, (DATE_FIELDS as FieldKey[]).includes(f), dateSystem);
  });
  return line;
}

function readNum(v: CellValue): Reading {
  if (v === null || (typeof v === 'string' && v.trim() === '')) return { kind: 'empty' };
  if (isCellError(v)) return { kind: 'error', error: v.error };
  if (typeof v === 'number') return { kind: 'ok', value: v, fromText: false };
  const s = String(v).trim();
  const bare = s.replace(/[,\s¥$]/g, '');
  return /^-?\d+(\.\d+)?$/.test(bare)
    ? { kind: 'ok', value: Number(bare), fromText: true }
    : { kind: 'invalid', text: s };
}

function readDateCell(v: CellValue, dateSystem: 1900 | 1904): Reading {
  if (v === null || (typeof v === 'string' && v.trim() === '')) return { kind: 'empty' };
  if (isCellError(v)) return { kind: 'error', error: v.error };
  if (typeof v === 'number') return { kind: 'ok', value: dateSystem === 1904 ? v + 1462 : v, fromText: false };
  const s = String(v).trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (!m) return { kind: 'invalid', text: s };
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return { kind: 'ok', value: serial(iso), fromText: true };
}

function textOf(v: CellValue, isDate: boolean, dateSystem: 1900 | 1904): string {
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'number' && isDate) return isoOf(dateSystem === 1904 ? v + 1462 : v);
  return String(v).trim();
}

/** Column-wise readings of the helper's own lines. */
function viewColumns(lines: OrderLine[]): LineColumns {
  const readings = (f: string, numeric: boolean): ReadingColumn => {
    const col = newColumn(lines.length);
    lines.forEach((line, k) => {
      const rd = ((numeric ? line.num : line.date) as Partial<Record<string, Reading>>)[f];
      if (rd !== undefined) encodeReading(rd, k, col);
    });
    return col;
  };
  const cols: LineColumns = {
    n: lines.length,
    row: (k) => lines[k].row,
    num: (f) => readings(f, true),
    date: (f) => readings(f, false),
    raw: (k, f) => lines[k].raw[f],
    text: (k, f) => lines[k].text[f],
    field: (f): FieldCells => ({ raw: (k) => lines[k].raw[f], text: (k) => lines[k].text[f] }),
    errorLines: (f) => lines.flatMap((l, k) => (isCellError(l.raw[f]) ? [k] : [])),
    emptyLines: (f) =>
      lines.flatMap((l, k) => {
        const v = l.raw[f];
        return v === null || v === undefined || (typeof v === 'string' && v.trim() === '') ? [k] : [];
      }),
  };
  return cols;
}
