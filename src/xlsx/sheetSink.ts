// One worksheet part read into a SheetSnapshot: the SheetSink the tokenizer streams the part into, with the hot
// per-cell path (A1 references and style indexes read straight from the buffer), cell decoding by type (shared
// strings, inline strings, booleans, errors, ISO dates, numbers with their style's number format), formula cells
// kept as runs, and the dense grid built at the end (bounded by MAX_GRID_CELLS).

import { columnLetter } from '../core/address';
import { DAYS_1904_OFFSET, isValidYmd, ymdToSerial } from '../core/dates';
import type { CellValue, SheetSnapshot } from '../core/types';
import type { CellLook, LookedSheet } from './look';
import type { XmlAttributes, XmlSink } from './xml';

/** The looks of the workbook's cell styles (look.ts): the distinct looks, and each cell style's index among them. */
export interface StyleLooksResult {
  looks: CellLook[];
  lookOfXf: Uint16Array;
}

/** Most cells the dense snapshot grid of one sheet may hold; cells beyond it (far to the right) are counted, not read. */
export const MAX_GRID_CELLS = 20_000_000;
const MAX_ROW = 1048576;
const MAX_COL = 16384;

export function isTrue(v: string | undefined): boolean {
  return v === '1' || v === 'true';
}

/** Excel's escape of characters XML cannot hold: `_x0001_` is U+0001; `_x005F_` is the underscore itself. */
export function decodeEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

// ---------------------------------------------------------------- cell references

export class CellRefError extends Error {}

/** Column number of the A1 reference in src[start, end); sets `lastRefRow` to its row (0 when it has none). */
let lastRefRow = 0;
function parseRefAt(src: string, start: number, end: number): number {
  let col = 0;
  let i = start;
  if (src.charCodeAt(i) === 36 /* $ */) i++;
  for (; i < end; i++) {
    const c = src.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  if (i < end && src.charCodeAt(i) === 36) i++;
  let row = 0;
  for (; i < end; i++) {
    const c = src.charCodeAt(i) - 48;
    if (c < 0 || c > 9) throw new CellRefError(src.slice(start, end));
    row = row * 10 + c;
  }
  if (col < 1 || col > MAX_COL || row > MAX_ROW) throw new CellRefError(src.slice(start, end));
  lastRefRow = row;
  return col;
}

/** A non-negative integer written in src[start, end) (a style index). */
function digitsAt(src: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = src.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return 0;
    n = n * 10 + c;
  }
  return n;
}

// ---------------------------------------------------------------- one sheet

/** A typed array twice as long, its first `n` items kept. */
function grown<T extends Int32Array | Uint16Array | Uint8Array | Float64Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a.subarray(0, n));
  return b;
}

/** A run's flags: a cell of it has a number format, a look. */
const RUN_FORMAT = 1;
const RUN_LOOK = 2;

/** Where a read cell's value is kept. */
const enum Kind {
  Number,
  Shared,
  Other,
}

/** Most cells room is made for up front from a part's size (more grow as read). */
const MAX_HINTED_CELLS = 4_000_000;
/** The fewest bytes a worksheet spends on a cell that has a value (<c><v>1</v></c>). */
const MIN_CELL_CHARS = 15;

const enum Text {
  None,
  Value,
  Inline,
}

const EMPTY_ROW: readonly CellValue[] = Object.freeze([]);

/**
 * The number formats of a workbook's cell styles, numbered as they are first met: a cell keeps the number, and each
 * style's is looked up once for the whole workbook (not per cell, nor per sheet: a workbook can hold a great many
 * styles and sheets).
 */
export class NumberFormats {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  /** Each cell style's number plus 2 (1: no format; 0: not looked up yet — the array starts zeroed). */
  private readonly ofXf: Int32Array;

  constructor(private readonly numFmtOfXf: (string | null)[]) {
    this.ofXf = new Int32Array(numFmtOfXf.length);
  }

  /** The number of a format. */
  id(format: string): number {
    let f = this.index.get(format);
    if (f === undefined) {
      f = this.list.length;
      this.list.push(format);
      this.index.set(format, f);
    }
    return f;
  }

  /** The number of a cell style's format, or -1 for none (a style the workbook does not have: none). */
  ofStyle(style: number): number {
    if (style >= this.ofXf.length) return -1;
    let f = this.ofXf[style] - 2;
    if (f === -2) {
      const format = this.numFmtOfXf[style] ?? null;
      f = format === null ? -1 : this.id(format);
      this.ofXf[style] = f + 2;
    }
    return f;
  }
}

export class SheetSink implements XmlSink {
  wantText = false;
  readonly tableRelIds: string[] = [];
  // The cells read, in order, as flat columns: no object per row or cell (sheets run to 200,000 lines, and
  // per-row objects all live until the grid is built, which the garbage collector pays for in copying).
  // Values too are typed, not a JS array of 2,400,000 items the collector scans on every full pass: a number is
  // kept as itself, a shared string by its index, anything else (inline text, booleans, errors) in `others`.
  private n = 0;
  private cellCol: Int32Array;
  /** Index into `formats.list`, or -1 for none. */
  private cellFormat: Int32Array;
  private cellLook: Uint16Array;
  private cellKind: Uint8Array;
  /** The number (Kind.Number), index into `sst` (Kind.Shared) or into `others` (Kind.Other). */
  private cellNum: Float64Array;
  private readonly others: CellValue[] = [];
  /** Runs of cells read under one <row> element with one row number: first cell, row, RUN_ flags. */
  private runs = 0;
  private runStart = new Int32Array(1024);
  private runRow = new Int32Array(1024);
  private runFlags = new Uint8Array(1024);
  private newRun = true;
  private readonly merges: string[] = [];
  private readonly widths: Record<number, number> = {};
  private readonly formulas = new FormulaRuns();
  private protectedSheet = false;
  private inSheetData = false;
  private inRow = false;
  private inCell = false;
  private inInline = false;
  private inPhonetic = false;
  private target: Text = Text.None;
  private row = 0;
  private col = 0;
  // the open cell
  private type = 'n';
  private style = 0;
  private value = '';
  private hasValue = false;
  private inline = '';
  private hasInline = false;
  private formula = false;
  private top = Infinity;
  private left = Infinity;
  private bottom = 0;
  private right = 0;

  constructor(
    private readonly sst: string[],
    /** The workbook's number formats (one table for all its sheets). */
    private readonly formats: NumberFormats,
    private readonly date1904: boolean,
    /** The cell styles' looks, when the caller asked for the sheet's look (the web page's grid); else null. */
    private readonly styleLooks: StyleLooksResult | null = null,
    /** About how many bytes the part inflates to: room for its cells is made once, not grown by copying. */
    partBytes = 0,
  ) {
    // Typed arrays start zeroed without being written: room never used costs address space, not memory.
    const room = Math.max(4096, Math.min(Math.ceil(partBytes / MIN_CELL_CHARS), MAX_HINTED_CELLS));
    this.cellCol = new Int32Array(room);
    this.cellFormat = new Int32Array(room);
    this.cellLook = new Uint16Array(room);
    this.cellKind = new Uint8Array(room);
    this.cellNum = new Float64Array(room);
  }

  open(name: string, a: XmlAttributes): void {
    if (this.inCell) {
      if (name === 'v') {
        this.target = Text.Value;
        this.wantText = true;
        this.hasValue = true;
      } else if (name === 'f') this.formula = true;
      else if (name === 'is') {
        this.inInline = true;
        this.hasInline = true;
      } else if (name === 'rPh') this.inPhonetic = true;
      else if (name === 't' && this.inInline && !this.inPhonetic) {
        this.target = Text.Inline;
        this.wantText = true;
      }
      return;
    }
    if (this.inRow) {
      if (name !== 'c') return;
      // The hot path (one call per cell): attributes are read straight from the buffer, nothing is copied.
      const src = a.src;
      const r = a.indexOf('r');
      if (r >= 0 && a.valueEnd[r] > a.valueStart[r]) {
        this.col = parseRefAt(src, a.valueStart[r], a.valueEnd[r]);
        // A cell's own reference wins over its row's (they agree in every valid file).
        if (lastRefRow !== 0) this.row = lastRefRow;
      } else if (++this.col > MAX_COL) throw new CellRefError('column past XFD');
      this.inCell = true;
      const t = a.indexOf('t');
      this.type = t < 0 ? 'n' : src.slice(a.valueStart[t], a.valueEnd[t]);
      const s = a.indexOf('s');
      this.style = s < 0 ? 0 : digitsAt(src, a.valueStart[s], a.valueEnd[s]);
      this.value = '';
      this.hasValue = false;
      this.inline = '';
      this.hasInline = false;
      this.formula = false;
      return;
    }
    if (this.inSheetData) {
      if (name !== 'row') return;
      const r = a.get('r');
      const n = r === undefined || r === '' ? this.row + 1 : Number(r);
      if (!Number.isInteger(n) || n < 1 || n > MAX_ROW) throw new CellRefError(`row ${r ?? ''}`);
      this.row = n;
      this.col = 0;
      this.inRow = true;
      this.newRun = true;
      return;
    }
    switch (name) {
      case 'sheetData':
        this.inSheetData = true;
        break;
      case 'mergeCell': {
        const ref = a.get('ref');
        if (ref) this.merges.push(ref.replace(/\$/g, '').toUpperCase());
        break;
      }
      case 'col': {
        // <cols><col min max width/>: a width the file sets on a run of columns (runs to XFD are cut at 256).
        const width = Number(a.get('width'));
        const min = Number(a.get('min'));
        const max = Math.min(Number(a.get('max')), min + 255);
        if (this.styleLooks && width > 0 && !isTrue(a.get('hidden')) && min >= 1)
          for (let c = min; c <= max && c <= MAX_COL; c++) this.widths[c] = width;
        break;
      }
      case 'sheetProtection':
        this.protectedSheet = isTrue(a.get('sheet'));
        break;
      case 'tablePart': {
        const id = a.get('id');
        if (id) this.tableRelIds.push(id);
        break;
      }
    }
  }

  close(name: string): void {
    if (this.inCell) {
      if (name === 'v' || name === 't') {
        this.target = Text.None;
        this.wantText = false;
      } else if (name === 'rPh') this.inPhonetic = false;
      else if (name === 'is') this.inInline = false;
      else if (name === 'c') {
        this.inCell = false;
        this.endCell();
      }
      return;
    }
    if (name === 'row') this.inRow = false;
    else if (name === 'sheetData') this.inSheetData = false;
  }

  text(s: string): void {
    if (this.target === Text.Value) this.value += s;
    else if (this.target === Text.Inline) this.inline += s;
  }

  private endCell(): void {
    const row = this.row;
    const col = this.col;
    if (this.formula) this.formulas.add(row, col);
    let kind = Kind.Other;
    let num = 0;
    let value: CellValue = null;
    let format = -1;
    const v = this.value;
    switch (this.type) {
      case 's': {
        if (!this.hasValue) return;
        const i = Number(v);
        if (!Number.isInteger(i) || i < 0 || i >= this.sst.length) throw new CellRefError(`shared string ${v}`);
        kind = Kind.Shared;
        num = i;
        break;
      }
      case 'inlineStr':
        // An empty inline string is an empty string, not an empty cell.
        if (this.hasInline) value = decodeEscapes(this.inline);
        else if (this.hasValue) value = decodeEscapes(v);
        break;
      case 'str':
        if (this.hasValue) value = decodeEscapes(v);
        break;
      case 'b':
        if (this.hasValue) value = v.trim() === '1' || v.trim() === 'true';
        break;
      case 'e':
        if (this.hasValue) value = { error: v.trim() };
        break;
      case 'd': {
        if (!this.hasValue || v.trim() === '') return;
        const d = isoDateSerial(v.trim(), this.date1904);
        if (d === null) value = v.trim();
        else {
          kind = Kind.Number;
          num = d.serial;
          format = this.formats.id(d.timeOfDay ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd');
        }
        break;
      }
      default: {
        if (!this.hasValue) return;
        const t = v.trim();
        if (t === '') return;
        const n = Number(t);
        // A number Excel cannot hold (NaN, Infinity) reads as nothing rather than as a value no cell can have.
        if (!Number.isFinite(n)) return;
        kind = Kind.Number;
        num = n;
        format = this.formats.ofStyle(this.style);
      }
    }
    if (kind === Kind.Other) {
      if (value === null) return;
      num = this.others.length;
      this.others.push(value);
    }
    this.store(row, col, kind, num, format);
  }

  /** Keep a read cell's value (its kind and number) and number format (index in `formats.list`, -1 for none). */
  private store(row: number, col: number, kind: Kind, num: number, format: number): void {
    if (this.newRun || this.runRow[this.runs - 1] !== row) {
      if (this.runs === this.runStart.length) {
        this.runStart = grown(this.runStart, this.runs);
        this.runRow = grown(this.runRow, this.runs);
        this.runFlags = grown(this.runFlags, this.runs);
      }
      this.runStart[this.runs] = this.n;
      this.runRow[this.runs] = row;
      this.runFlags[this.runs] = 0;
      this.runs++;
      this.newRun = false;
    }
    const k = this.n++;
    if (k === this.cellCol.length) {
      this.cellCol = grown(this.cellCol, k);
      this.cellFormat = grown(this.cellFormat, k);
      this.cellLook = grown(this.cellLook, k);
      this.cellKind = grown(this.cellKind, k);
      this.cellNum = grown(this.cellNum, k);
    }
    const look = this.styleLooks?.lookOfXf[this.style] ?? 0;
    this.cellLook[k] = look;
    if (look !== 0) this.runFlags[this.runs - 1] |= RUN_LOOK;
    this.cellFormat[k] = format;
    if (format >= 0) this.runFlags[this.runs - 1] |= RUN_FORMAT;
    this.cellCol[k] = col;
    this.cellKind[k] = kind;
    this.cellNum[k] = num;
    if (row < this.top) this.top = row;
    if (row > this.bottom) this.bottom = row;
    if (col < this.left) this.left = col;
    if (col > this.right) this.right = col;
  }

  /** The value of the k-th cell read. */
  private valueAt(k: number): CellValue {
    const kind = this.cellKind[k];
    return kind === Kind.Number
      ? this.cellNum[k]
      : kind === Kind.Shared
        ? this.sst[this.cellNum[k]]
        : this.others[this.cellNum[k]];
  }

  snapshot(name: string, visibility: SheetSnapshot['visibility'], tables: SheetSnapshot['tables']): SheetSnapshot {
    const s: LookedSheet = {
      name,
      top: 1,
      left: 1,
      values: [],
      formats: null,
      merges: this.merges,
      tables,
      visibility,
      protected: this.protectedSheet,
    };
    const formulaCells = this.formulas.areas();
    if (formulaCells.length > 0) s.formulaCells = formulaCells;
    if (this.n === 0) return s;
    const top = this.top;
    const left = this.left;
    let right = this.right;
    // Rows present × width is what the grid costs; blank rows share one empty row. Cells far to the right of a
    // long sheet are left out (counted in omittedCells) rather than allocating billions of cells.
    const presentRows = new Set(this.runRow.subarray(0, this.runs)).size;
    if (presentRows * (right - left + 1) > MAX_GRID_CELLS) right = left + Math.floor(MAX_GRID_CELLS / presentRows) - 1;
    const width = right - left + 1;
    const height = this.bottom - top + 1;
    const values: CellValue[][] = new Array(height);
    const formats: (string | null)[][] = new Array(height);
    const emptyValues = EMPTY_ROW as CellValue[];
    const emptyFormats = EMPTY_ROW as (string | null)[];
    for (let i = 0; i < height; i++) {
      values[i] = emptyValues;
      formats[i] = emptyFormats;
    }
    let anyFormat = false;
    let omitted = 0;
    for (let run = 0; run < this.runs; run++) {
      const i = this.runRow[run] - top;
      const hasFormats = (this.runFlags[run] & RUN_FORMAT) !== 0;
      let vs = values[i];
      if (vs === emptyValues) vs = values[i] = new Array<CellValue>(width).fill(null);
      let fs = formats[i];
      if (hasFormats && fs === emptyFormats) fs = formats[i] = new Array<string | null>(width).fill(null);
      const end = run + 1 < this.runs ? this.runStart[run + 1] : this.n;
      for (let k = this.runStart[run]; k < end; k++) {
        const c = this.cellCol[k];
        if (c > right) {
          omitted++;
          continue;
        }
        vs[c - left] = this.valueAt(k);
        if (hasFormats) {
          const f = this.cellFormat[k];
          fs[c - left] = f < 0 ? null : this.formats.list[f];
          anyFormat = true;
        }
      }
    }
    // A blank row is a row of nulls as wide as the others (one shared array: nothing reads past it).
    const blankValues = new Array<CellValue>(width).fill(null);
    const blankFormats = new Array<string | null>(width).fill(null);
    for (let i = 0; i < height; i++) {
      if (values[i] === emptyValues) values[i] = blankValues;
      if (formats[i] === emptyFormats) formats[i] = blankFormats;
    }
    s.top = top;
    s.left = left;
    s.values = values;
    const cells = this.runFlags.subarray(0, this.runs).some((f) => (f & RUN_LOOK) !== 0)
      ? this.lookCells(top, left, right, height)
      : [];
    if (this.styleLooks && (cells.length > 0 || Object.keys(this.widths).length > 0))
      s.look = { widths: this.widths, looks: this.styleLooks.looks, cells };
    s.formats = anyFormat ? formats : null;
    if (omitted > 0) s.omittedCells = { count: omitted, beyondColumn: columnLetter(right) };
    return s;
  }

  /** Each row's cell looks (null for a row of plain cells), in the grid's shape. */
  private lookCells(top: number, left: number, right: number, height: number): (Uint16Array | null)[] {
    const cells: (Uint16Array | null)[] = new Array<Uint16Array | null>(height).fill(null);
    for (let run = 0; run < this.runs; run++) {
      if ((this.runFlags[run] & RUN_LOOK) === 0) continue;
      const row = (cells[this.runRow[run] - top] ??= new Uint16Array(right - left + 1));
      const end = run + 1 < this.runs ? this.runStart[run + 1] : this.n;
      for (let k = this.runStart[run]; k < end; k++)
        if (this.cellCol[k] <= right) row[this.cellCol[k] - left] = this.cellLook[k];
    }
    return cells;
  }
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
    if (run && run.bottom === row) return;
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
  const c = columnLetter(col);
  return run.top === run.bottom ? `${c}${run.top}` : `${c}${run.top}:${c}${run.bottom}`;
}

/** An ISO 8601 date or date-time (cells of type d, strict OOXML) → serial in the workbook's date system. */
function isoDateSerial(s: string, date1904: boolean): { serial: number; timeOfDay: boolean } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!isValidYmd(y, mo, d)) return null; // before 1900 (or impossible): kept as the text it is
  const time = m[4] === undefined ? 0 : (Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6] ?? 0)) / 86400;
  let serial = ymdToSerial(y, mo, d) + time;
  if (date1904) serial -= DAYS_1904_OFFSET;
  if (serial < 0) return null;
  return { serial: Math.round(serial * 1e8) / 1e8, timeOfDay: time !== 0 };
}
