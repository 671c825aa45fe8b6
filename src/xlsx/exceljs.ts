// The ExcelJS side of the .xlsx adapter, kept only until the package-preserving writer (issue 15.1) replaces it:
// loading a workbook for the ExcelJS writer (src/xlsx/apply.ts, write.ts) and the in-memory snapshot the browser
// demo's port reads. Reading files for core is read.ts (streaming); nothing here decides what a file holds.

import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { OrderClerkError } from '../core/errors';
import { DAYS_1904_OFFSET } from '../core/dates';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../core/types';
import { readSnapshot } from './read';
import { unescapeXml } from './xml';

/** A data-validation range larger than this is kept as a range instead of letting ExcelJS expand it cell by cell. */
const MAX_VALIDATION_CELLS = 100000;
/** A merged area larger than this is held as a range instead of letting ExcelJS expand it cell by cell (issue 16). */
const MAX_MERGE_CELLS = 100000;
/** A snapshot grid larger than this is clamped (a stray value at XFD1048576 must not allocate billions of cells). */
const MAX_SNAPSHOT_CELLS = 30000000;
/** Give up on a load that never settles (ExcelJS can leave its promise pending on odd packages). */
const LOAD_TIMEOUT_MS = 120000;

/**
 * The snapshot (streaming reader) and an ExcelJS workbook of the same bytes, for the ExcelJS writer. The snapshot
 * is read first, so every refusal (not a workbook, damaged, zip bomb …) happens before ExcelJS sees the bytes.
 */
export async function readWorkbookBuffer(
  data: ArrayBuffer | Uint8Array,
  fileLabel: string,
): Promise<{ workbook: ExcelJS.Workbook; snapshot: WorkbookSnapshot }> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const snapshot = readSnapshot(bytes, fileLabel);
  const workbook = await loadExcelJsWorkbook(bytes, fileLabel);
  return { workbook, snapshot };
}

/** An ExcelJS workbook of bytes the streaming reader has already accepted. */
export async function loadExcelJsWorkbook(bytes: Uint8Array, fileLabel: string): Promise<ExcelJS.Workbook> {
  try {
    const { bytes: safe, ranges, merges } = await keepLargeRangesAsRanges(bytes);
    const workbook = new ExcelJS.Workbook();
    // ExcelJS types want a Node Buffer; a Uint8Array is what it reads in both Node and the browser.
    await withTimeout(workbook.xlsx.load(safe as unknown as ArrayBuffer), LOAD_TIMEOUT_MS);
    restoreValidationRanges(workbook, ranges);
    restoreMerges(workbook, merges);
    return workbook;
  } catch (e) {
    if (e instanceof OrderClerkError) throw e;
    throw new OrderClerkError('corruptFile', { file: fileLabel });
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('load timed out')), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

// ---------- ExcelJS issue 1842: sqref="A1:XFD1048576" is expanded cell by cell and never finishes ----------

interface HeldRange {
  placeholder: string;
  sqref: string;
}

/** A huge merged area taken out of a sheet before ExcelJS sees it; put back as a range after loading. */
interface HeldMerge {
  sheet: string;
  ref: string;
}

/**
 * Replace huge data-validation ranges by a placeholder cell, and take huge merged areas out, before ExcelJS sees
 * them (it expands both cell by cell); both are restored as ranges after loading.
 */
async function keepLargeRangesAsRanges(
  bytes: Uint8Array,
): Promise<{ bytes: Uint8Array; ranges: HeldRange[]; merges: HeldMerge[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const ranges: HeldRange[] = [];
  const merges: HeldMerge[] = [];
  const sheetNames = await sheetNamesByPart(zip);
  const sheetFiles = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/i.test(n));
  let changed = false;
  for (const name of sheetFiles) {
    const data = await zip.file(name)!.async('uint8array');
    // Most sheets have neither: look for the tags in the bytes and decode only the few that do.
    if (!includesAscii(data, 'dataValidation') && !includesAscii(data, 'mergeCell')) continue;
    const xml = new TextDecoder().decode(data);
    let sheetChanged = false;
    const out = xml
      .replace(/<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]*)"[^>]*\/>/g, (_whole, ref: string) => {
        // ExcelJS expands a merge cell by cell when loading it, and writes merges back from those cells: a huge one
        // is held as a range (the ExcelJS writer then leaves it out: the package writer, issue 15.1, keeps it).
        if (sqrefCells(ref) <= MAX_MERGE_CELLS) return _whole;
        merges.push({ sheet: sheetNames.get(name) ?? '', ref });
        sheetChanged = true;
        return '';
      })
      .replace(
        /(<(?:\w+:)?dataValidation\b[^>]*?\bsqref=")([^"]*)(")/g,
        (whole, pre: string, sqref: string, post: string) => {
          if (sqrefCells(sqref) <= MAX_VALIDATION_CELLS) return whole;
          const placeholder = `XFD${1048576 - ranges.length}`;
          ranges.push({ placeholder, sqref });
          sheetChanged = true;
          return pre + placeholder + post;
        },
      );
    if (sheetChanged) {
      zip.file(name, out);
      changed = true;
    }
  }
  if (!changed) return { bytes, ranges, merges };
  return { bytes: await zip.generateAsync({ type: 'uint8array' }), ranges, merges };
}

function includesAscii(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  const n = text.length;
  for (let i = bytes.indexOf(first); i !== -1 && i <= bytes.length - n; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < n && bytes[i + k] === text.charCodeAt(k)) k++;
    if (k === n) return true;
  }
  return false;
}

function sqrefCells(sqref: string): number {
  let n = 0;
  for (const token of sqref.trim().split(/\s+/)) {
    if (token === '') continue;
    const r = parseSqrefToken(token);
    n += r ? (r.bottom - r.top + 1) * (r.right - r.left + 1) : Infinity;
  }
  return n;
}

function parseSqrefToken(token: string): { top: number; left: number; bottom: number; right: number } | null {
  const [a, b = a] = token.replace(/\$/g, '').toUpperCase().split(':');
  const p = parseRef(a);
  const q = parseRef(b);
  if (!p || !q) return null;
  // Whole columns (A:C) and whole rows (3:5) span the sheet.
  const top = Math.min(p.row ?? 1, q.row ?? 1);
  const bottom = Math.max(p.row ?? 1048576, q.row ?? 1048576);
  const left = Math.min(p.col ?? 1, q.col ?? 1);
  const right = Math.max(p.col ?? 16384, q.col ?? 16384);
  return { top, left, bottom, right };
}

function parseRef(s: string): { row: number | null; col: number | null } | null {
  const m = /^([A-Z]{0,3})(\d*)$/.exec(s);
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let col: number | null = null;
  if (m[1] !== '') {
    col = 0;
    for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  }
  return { row: m[2] === '' ? null : Number(m[2]), col };
}

function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface ValidationModel {
  model: Record<string, unknown>;
}

function restoreValidationRanges(workbook: ExcelJS.Workbook, ranges: HeldRange[]): void {
  if (ranges.length === 0) return;
  for (const ws of workbook.worksheets) {
    const dv = (ws as unknown as { dataValidations?: ValidationModel }).dataValidations;
    if (!dv || !dv.model) continue;
    for (const h of ranges) {
      const rule = dv.model[h.placeholder];
      if (rule === undefined) continue;
      delete dv.model[h.placeholder];
      // ExcelJS writes a range key back as one sqref, so the clerk's rule survives a save unchanged.
      for (const token of h.sqref.trim().split(/\s+/)) {
        const r = parseSqrefToken(token);
        if (!r) continue;
        const key =
          r.top === r.bottom && r.left === r.right
            ? `${letters(r.left)}${r.top}`
            : `${letters(r.left)}${r.top}:${letters(r.right)}${r.bottom}`;
        dv.model[key] = rule;
      }
    }
  }
}

type RangeClass = new (ref: string) => unknown;
let rangeClass: RangeClass | null = null;

/** ExcelJS's Range constructor, taken from a scratch merge (the class is not exported). */
function getRangeClass(): RangeClass {
  if (!rangeClass) {
    const ws = new ExcelJS.Workbook().addWorksheet('probe');
    ws.mergeCells('A1:B1');
    const m = (ws as unknown as { _merges: Record<string, { constructor: RangeClass }> })._merges.A1;
    rangeClass = m.constructor;
  }
  return rangeClass;
}

/** Put huge merges back as ranges only (ExcelJS writes `_merges` as mergeCell refs; no cell is touched). */
function restoreMerges(workbook: ExcelJS.Workbook, merges: HeldMerge[]): void {
  if (merges.length === 0) return;
  const R = getRangeClass();
  for (const h of merges) {
    const ws = workbook.getWorksheet(h.sheet);
    if (!ws) continue;
    const top = h.ref.split(':')[0].replace(/\$/g, '').toUpperCase();
    (ws as unknown as { _merges: Record<string, unknown> })._merges[top] = new R(h.ref.replace(/\$/g, ''));
  }
}

/** Sheet part → sheet name, from xl/workbook.xml and its relationships (the parts ExcelJS itself reads). */
async function sheetNamesByPart(zip: JSZip): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const wb = await zip.file('xl/workbook.xml')?.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (!wb || !rels) return out;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\b\w+:id="([^"]*)"/.exec(m[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) out.set(part, unescapeXml(name));
  }
  return out;
}

// ---------- the demo's in-memory snapshot ----------

const MS_PER_DAY = 86400000;
/** 1970-01-01 as a 1900-system serial (ExcelJS's own conversion base). */
const UNIX_EPOCH_SERIAL = 25569;

/** A JS Date from ExcelJS back to the serial in the workbook's own date system. */
export function dateToSerial(d: Date, date1904: boolean): number {
  const serial = UNIX_EPOCH_SERIAL + d.getTime() / MS_PER_DAY - (date1904 ? DAYS_1904_OFFSET : 0);
  return Math.round(serial * 1e8) / 1e8; // drop float noise, keep times of day
}

export function snapshotOf(workbook: ExcelJS.Workbook): WorkbookSnapshot {
  const date1904 = Boolean((workbook as unknown as { properties?: { date1904?: boolean } }).properties?.date1904);
  const sheets: SheetSnapshot[] = [];
  for (const ws of workbook.worksheets) sheets.push(sheetSnapshot(ws, date1904));
  return { sheets, dateSystem: date1904 ? 1904 : 1900, activeSheet: null };
}

/** One row's non-empty cells, kept as parallel arrays (no object per cell: sheets run to 100,000 rows). */
interface RawRow {
  row: number;
  cols: number[];
  values: CellValue[];
  formats: (string | null)[];
}

function sheetSnapshot(ws: ExcelJS.Worksheet, date1904: boolean): SheetSnapshot {
  const rows: RawRow[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  const formulas = new FormulaRuns();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const raw: RawRow = { row: rowNumber, cols: [], values: [], formats: [] };
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return; // only a merge's top-left cell holds the value, as in Excel
      const source = cell.value;
      if (isFormulaValue(source)) formulas.add(rowNumber, colNumber);
      const value = toCellValue(source, date1904);
      if (value === null) return;
      // A number format matters only to tell dates from numbers.
      let format: string | null = null;
      if (typeof value === 'number') {
        const f = cell.numFmt;
        format = typeof f === 'string' && f !== '' ? f : isDateValue(source) ? 'yyyy-mm-dd' : null;
      }
      raw.cols.push(colNumber);
      raw.values.push(value);
      raw.formats.push(format);
      if (colNumber < left) left = colNumber;
      if (colNumber > right) right = colNumber;
    });
    if (raw.cols.length === 0) return;
    rows.push(raw);
    if (rowNumber < top) top = rowNumber;
    if (rowNumber > bottom) bottom = rowNumber;
  });
  const base: Omit<SheetSnapshot, 'top' | 'left' | 'values' | 'formats'> = {
    name: ws.name,
    merges: mergesOf(ws),
    tables: tablesOf(ws),
    visibility: ws.state === 'hidden' ? 'hidden' : ws.state === 'veryHidden' ? 'veryHidden' : 'visible',
    protected: isProtected(ws),
  };
  const formulaCells = formulas.areas();
  if (formulaCells.length > 0) base.formulaCells = formulaCells;
  if (rows.length === 0) return { ...base, top: 1, left: 1, values: [], formats: null };
  // Clamp pathological spreads (a lone value far away) so the grid stays allocatable.
  if ((bottom - top + 1) * (right - left + 1) > MAX_SNAPSHOT_CELLS) {
    right = Math.min(right, left + 1023);
    bottom = Math.min(bottom, top + Math.floor(MAX_SNAPSHOT_CELLS / (right - left + 1)) - 1);
  }
  const width = right - left + 1;
  const height = bottom - top + 1;
  const values: CellValue[][] = new Array(height);
  const formats: (string | null)[][] = new Array(height);
  for (let i = 0; i < height; i++) {
    values[i] = new Array<CellValue>(width).fill(null);
    formats[i] = new Array<string | null>(width).fill(null);
  }
  for (const r of rows) {
    if (r.row > bottom) continue;
    const vs = values[r.row - top];
    const fs = formats[r.row - top];
    for (let k = 0; k < r.cols.length; k++) {
      if (r.cols[k] > right) continue;
      vs[r.cols[k] - left] = r.values[k];
      fs[r.cols[k] - left] = r.formats[k];
    }
  }
  return { ...base, top, left, values, formats };
}

/** An ExcelJS formula cell value (own, shared or array formula): its `result` is only the cached value. */
function isFormulaValue(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v);
}

/** Formula cells met in row order, kept as runs down each column ("E2:E9000" instead of 9,000 cells). */
class FormulaRuns {
  private readonly open = new Map<number, { top: number; bottom: number }>();
  private readonly done: string[] = [];

  add(row: number, col: number): void {
    const run = this.open.get(col);
    if (run && run.bottom === row - 1) {
      run.bottom = row;
      return;
    }
    if (run) this.done.push(runAddress(col, run));
    this.open.set(col, { top: row, bottom: row });
  }

  areas(): string[] {
    const out = this.done.slice();
    for (const [col, run] of this.open) out.push(runAddress(col, run));
    return out;
  }
}

function runAddress(col: number, run: { top: number; bottom: number }): string {
  const c = letters(col);
  return run.top === run.bottom ? `${c}${run.top}` : `${c}${run.top}:${c}${run.bottom}`;
}

function isDateValue(v: unknown): boolean {
  if (v instanceof Date) return true;
  return typeof v === 'object' && v !== null && 'result' in v && (v as { result?: unknown }).result instanceof Date;
}

/** ExcelJS cell value → snapshot value: formulas by their cached result, rich text and links as text, dates as serials. */
export function toCellValue(v: unknown, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateToSerial(v, date1904);
  if (typeof v !== 'object') return String(v);
  const o = v as Record<string, unknown>;
  if (typeof o.error === 'string') return { error: o.error };
  if ('formula' in o || 'sharedFormula' in o || 'result' in o) return toCellValue(o.result, date1904);
  if (Array.isArray(o.richText)) return richText(o.richText);
  if ('text' in o) {
    const t = o.text;
    if (typeof t === 'string') return t;
    if (t && typeof t === 'object' && Array.isArray((t as { richText?: unknown }).richText))
      return richText((t as { richText: unknown[] }).richText);
    return t === null || t === undefined ? null : String(t);
  }
  return null;
}

function richText(runs: unknown[]): string {
  let s = '';
  for (const r of runs) if (r && typeof (r as { text?: unknown }).text === 'string') s += (r as { text: string }).text;
  return s;
}

function mergesOf(ws: ExcelJS.Worksheet): string[] {
  const merges = (ws as unknown as { _merges?: Record<string, { tl?: string; br?: string }> })._merges ?? {};
  const out: string[] = [];
  for (const m of Object.values(merges)) if (m && m.tl && m.br) out.push(`${m.tl}:${m.br}`);
  return out;
}

function tablesOf(ws: ExcelJS.Worksheet): { name: string; range: string }[] {
  const tables =
    (ws as unknown as { tables?: Record<string, { table?: { name?: string; ref?: string; tableRef?: string } }> })
      .tables ?? {};
  const out: { name: string; range: string }[] = [];
  for (const [name, t] of Object.entries(tables)) {
    const ref = t?.table?.tableRef ?? t?.table?.ref;
    if (typeof ref === 'string' && ref.includes(':')) out.push({ name: t?.table?.name ?? name, range: ref });
  }
  return out;
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  const p = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  return Boolean(p && p.sheet !== false);
}
