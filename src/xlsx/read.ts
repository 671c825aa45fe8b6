// Reading an .xlsx package into a WorkbookSnapshot in one streaming pass: each part is inflated chunk by chunk
// (zip.ts, with limits) straight into a small tokenizer (xml.ts); no whole-workbook object model is built.
// Work and memory follow the cells actually present: merges, validations, conditional formats and the declared
// dimension are never expanded. Browser-safe (no Node APIs); the Node entry is readFile.ts.

import { columnLetter } from '../core/address';
import { DAYS_1904_OFFSET, isValidYmd, ymdToSerial } from '../core/dates';
import { OrderClerkError } from '../core/errors';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../core/types';
import { identifyNonZip } from './fileKind';
import { XmlError, XmlStream, type XmlAttributes, type XmlSink } from './xml';
import { openPackage, textDecoderFor, type OpenPackage, type PackageLimits } from './zip';

export interface ReadOptions {
  limits?: Partial<PackageLimits>;
}

/** Most cells the dense snapshot grid of one sheet may hold; cells beyond it (far to the right) are counted, not read. */
export const MAX_GRID_CELLS = 20_000_000;
const MAX_ROW = 1048576;
const MAX_COL = 16384;

/** The snapshot of an .xlsx package. Throws OrderClerkError for anything that is not a workbook we can read. */
export function readSnapshot(data: ArrayBuffer | Uint8Array, file: string, opts: ReadOptions = {}): WorkbookSnapshot {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const kind = identifyNonZip(bytes);
  if (kind) throw new OrderClerkError(kind, { file });
  const pkg = openPackage(bytes, opts.limits, file);
  try {
    return new PackageReader(pkg, file).read();
  } catch (e) {
    if (e instanceof OrderClerkError) throw e;
    // Malformed XML, a bad reference, an impossible index: for the clerk, the file is damaged.
    throw new OrderClerkError('corruptFile', { file });
  }
}

// ---------------------------------------------------------------- relationships and part names

const REL_OFFICE_DOCUMENT = '/officeDocument';

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** Folder of a part ("xl/workbook.xml" → "xl/"). */
function folderOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i + 1);
}

/** A relationship target resolved against its source part, as a part name without leading slash. */
export function resolveTarget(sourcePart: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : folderOf(sourcePart) + target;
  const out: string[] = [];
  for (const seg of raw.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.map(decodeUriSegment).join('/');
}

function decodeUriSegment(s: string): string {
  if (s.indexOf('%') < 0) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
function relsPartOf(part: string): string {
  return `${folderOf(part)}_rels/${part.slice(folderOf(part).length)}.rels`;
}

/** A relationship type by its last segment: transitional and strict OOXML differ only before it. */
function relKind(type: string): string {
  return type.slice(type.lastIndexOf('/'));
}

// ---------------------------------------------------------------- the reader

interface SheetEntry {
  name: string;
  state: SheetSnapshot['visibility'];
  relId: string;
}

class PackageReader {
  private numFmtOfXf: (string | null)[] = [];
  private sharedStrings: string[] = [];
  private date1904 = false;

  constructor(
    private readonly pkg: OpenPackage,
    private readonly file: string,
  ) {}

  read(): WorkbookSnapshot {
    const pkg = this.pkg;
    const lower = pkg.names.map((n) => n.toLowerCase());
    if (pkg.has('mimetype') && /opendocument\.spreadsheet/.test(pkg.text('mimetype')))
      throw new OrderClerkError('odsFile', { file: this.file });
    const workbookPart = this.workbookPart();
    if (workbookPart === null) {
      throw new OrderClerkError(lower.some((n) => n.startsWith('xl/')) ? 'corruptFile' : 'notXlsx', {
        file: this.file,
      });
    }
    if (/\.bin$/i.test(workbookPart)) throw new OrderClerkError('xlsbFile', { file: this.file });

    const wb = this.readWorkbookPart(workbookPart);
    const rels = this.relationships(workbookPart);
    const byType = (kind: string) => rels.find((r) => relKind(r.type) === kind && !r.external);
    const styles = byType('/styles');
    if (styles) this.readStyles(resolveTarget(workbookPart, styles.target));
    const sst = byType('/sharedStrings');
    if (sst) this.readSharedStrings(resolveTarget(workbookPart, sst.target));

    const sheets: SheetSnapshot[] = [];
    for (const entry of wb.sheets) {
      const rel = rels.find((r) => r.id === entry.relId);
      const part = rel && !rel.external ? resolveTarget(workbookPart, rel.target) : null;
      const kind = rel ? relKind(rel.type) : '';
      if (part !== null && kind === '/worksheet' && this.pkg.has(part)) {
        sheets.push(this.readSheet(entry, part));
      } else {
        // Chart sheets, dialog and macro sheets, and sheets whose part is missing hold no cells we read;
        // their names still count (a new sheet must not take one).
        sheets.push(blankSheet(entry.name, entry.state));
      }
    }
    const snapshot: WorkbookSnapshot = { sheets, dateSystem: this.date1904 ? 1904 : 1900, activeSheet: null };
    if (wb.definedNames.length) snapshot.definedNames = wb.definedNames;
    return snapshot;
  }

  private workbookPart(): string | null {
    if (this.pkg.has('_rels/.rels')) {
      const doc = this.relationships('').find((r) => relKind(r.type) === REL_OFFICE_DOCUMENT && !r.external);
      if (doc) {
        const part = resolveTarget('', doc.target);
        if (this.pkg.has(part)) return this.pkg.find(part);
      }
    }
    // A package without its root relationships: the usual name, as Excel itself would look for it.
    for (const name of ['xl/workbook.xml', 'xl/workbook.bin']) if (this.pkg.has(name)) return this.pkg.find(name);
    return null;
  }

  private relationships(sourcePart: string): Relationship[] {
    const relsPart = sourcePart === '' ? '_rels/.rels' : relsPartOf(sourcePart);
    const out: Relationship[] = [];
    if (!this.pkg.has(relsPart)) return out;
    this.parsePart(relsPart, {
      wantText: false,
      open(name, a) {
        if (name !== 'Relationship') return;
        out.push({
          id: a.get('Id') ?? '',
          type: a.get('Type') ?? '',
          target: a.get('Target') ?? '',
          external: a.get('TargetMode') === 'External',
        });
      },
      close() {},
      text() {},
    });
    return out;
  }

  private readWorkbookPart(part: string): {
    sheets: SheetEntry[];
    definedNames: NonNullable<WorkbookSnapshot['definedNames']>;
  } {
    const sheets: SheetEntry[] = [];
    const definedNames: NonNullable<WorkbookSnapshot['definedNames']> = [];
    let name: { name: string; localSheetId: number | null; formula: string } | null = null;
    let date1904 = false;
    this.parsePart(part, {
      wantText: false,
      open(el, a) {
        if (el === 'workbookPr') date1904 = isTrue(a.get('date1904'));
        else if (el === 'sheet') {
          const state = a.get('state');
          sheets.push({
            name: a.get('name') ?? '',
            state: state === 'hidden' ? 'hidden' : state === 'veryHidden' ? 'veryHidden' : 'visible',
            relId: a.get('id') ?? '',
          });
        } else if (el === 'definedName') {
          const local = a.get('localSheetId');
          name = { name: a.get('name') ?? '', localSheetId: local === undefined ? null : Number(local), formula: '' };
          this.wantText = true;
        }
      },
      close(el) {
        if (el === 'definedName' && name) {
          definedNames.push({
            name: name.name,
            sheet: name.localSheetId === null ? null : (sheets[name.localSheetId]?.name ?? null),
            formula: name.formula,
          });
          name = null;
          this.wantText = false;
        }
      },
      text(s) {
        if (name) name.formula += s;
      },
    });
    this.date1904 = date1904;
    return { sheets, definedNames };
  }

  /** The number format of each cell style (cellXfs index), as text; null for General. */
  private readStyles(part: string): void {
    if (!this.pkg.has(part)) return;
    const custom = new Map<number, string>();
    const xfIds: number[] = [];
    let inCellXfs = false;
    this.parsePart(part, {
      wantText: false,
      open(el, a) {
        if (el === 'numFmt') custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
        else if (el === 'cellXfs') inCellXfs = true;
        else if (el === 'xf' && inCellXfs) xfIds.push(Number(a.get('numFmtId') ?? 0));
      },
      close(el) {
        if (el === 'cellXfs') inCellXfs = false;
      },
      text() {},
    });
    this.numFmtOfXf = xfIds.map((id) => custom.get(id) ?? BUILTIN_FORMATS[id] ?? null);
  }

  private readSharedStrings(part: string): void {
    if (!this.pkg.has(part)) return;
    const out = this.sharedStrings;
    let current = '';
    let inSi = false;
    let inPhonetic = false;
    this.parsePart(part, {
      wantText: false,
      open(el) {
        if (el === 'si') {
          inSi = true;
          current = '';
        } else if (el === 'rPh') inPhonetic = true;
        else if (el === 't' && inSi && !inPhonetic) this.wantText = true;
      },
      close(el) {
        if (el === 't') this.wantText = false;
        else if (el === 'rPh') inPhonetic = false;
        else if (el === 'si') {
          out.push(decodeEscapes(current));
          inSi = false;
        }
      },
      text(s) {
        current += s;
      },
    });
  }

  private readSheet(entry: SheetEntry, part: string): SheetSnapshot {
    const sink = new SheetSink(this.sharedStrings, this.numFmtOfXf, this.date1904);
    this.parsePart(part, sink);
    const tables: { name: string; range: string }[] = [];
    if (sink.tableRelIds.length) {
      const rels = this.relationships(part);
      for (const id of sink.tableRelIds) {
        const rel = rels.find((r) => r.id === id);
        if (!rel || rel.external) continue;
        const t = this.readTable(resolveTarget(part, rel.target));
        if (t) tables.push(t);
      }
    }
    return sink.snapshot(entry.name, entry.state, tables);
  }

  private readTable(part: string): { name: string; range: string } | null {
    if (!this.pkg.has(part)) return null;
    let out: { name: string; range: string } | null = null;
    this.parsePart(part, {
      wantText: false,
      open(el, a) {
        if (el !== 'table' || out) return;
        const ref = a.get('ref');
        const name = a.get('displayName') ?? a.get('name');
        if (ref && name && ref.includes(':')) out = { name, range: ref.replace(/\$/g, '').toUpperCase() };
      },
      close() {},
      text() {},
    });
    return out;
  }

  /** Stream one part through the tokenizer. */
  private parsePart(part: string, sink: XmlSink): void {
    const xml = new XmlStream(sink);
    let decoder: TextDecoder | null = null;
    try {
      this.pkg.stream(part, (chunk) => {
        if (!decoder) decoder = textDecoderFor(chunk);
        xml.write(decoder.decode(chunk, { stream: true }));
      });
      if (decoder) xml.write((decoder as TextDecoder).decode());
      xml.end();
    } catch (e) {
      if (e instanceof OrderClerkError) throw e;
      if (e instanceof XmlError || e instanceof CellRefError || e instanceof RangeError || e instanceof TypeError)
        throw new OrderClerkError('corruptFile', { file: this.file });
      throw e;
    }
  }
}

function isTrue(v: string | undefined): boolean {
  return v === '1' || v === 'true';
}

function blankSheet(name: string, visibility: SheetSnapshot['visibility']): SheetSnapshot {
  return { name, top: 1, left: 1, values: [], formats: null, merges: [], tables: [], visibility, protected: false };
}

/** Excel's escape of characters XML cannot hold: `_x0001_` is U+0001; `_x005F_` is the underscore itself. */
export function decodeEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

// ---------------------------------------------------------------- number formats

/**
 * Built-in number formats (ECMA-376 Part 1, 18.8.30) that matter to tell dates: the rest are numbers. 27–36 and
 * 50–58 are the East Asian built-ins; their date ones are given in their zh-CN form.
 */
const BUILTIN_FORMATS: Record<number, string> = {
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

// ---------------------------------------------------------------- cell references

class CellRefError extends Error {}

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

/** One row's cells, as parallel arrays (no object per cell: sheets run to 200,000 lines). */
interface RawRow {
  row: number;
  cols: number[];
  values: CellValue[];
  formats: (string | null)[] | null;
}

const enum Text {
  None,
  Value,
  Inline,
}

const EMPTY_ROW: readonly CellValue[] = Object.freeze([]);

class SheetSink implements XmlSink {
  wantText = false;
  readonly tableRelIds: string[] = [];
  private readonly rows: RawRow[] = [];
  private readonly merges: string[] = [];
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
  private raw: RawRow | null = null;
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
    private readonly numFmtOfXf: (string | null)[],
    private readonly date1904: boolean,
  ) {}

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
      this.raw = null;
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
    let value: CellValue = null;
    let format: string | null = null;
    const v = this.value;
    switch (this.type) {
      case 's': {
        if (!this.hasValue) break;
        const i = Number(v);
        if (!Number.isInteger(i) || i < 0 || i >= this.sst.length) throw new CellRefError(`shared string ${v}`);
        value = this.sst[i];
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
        if (!this.hasValue || v.trim() === '') break;
        const d = isoDateSerial(v.trim(), this.date1904);
        if (d === null) value = v.trim();
        else {
          value = d.serial;
          format = d.timeOfDay ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd';
        }
        break;
      }
      default: {
        if (!this.hasValue) break;
        const t = v.trim();
        if (t === '') break;
        const n = Number(t);
        // A number Excel cannot hold (NaN, Infinity) reads as nothing rather than as a value no cell can have.
        if (!Number.isFinite(n)) break;
        value = n;
        format = this.numFmtOfXf[this.style] ?? null;
      }
    }
    if (value === null) return;
    let raw = this.raw;
    if (raw === null || raw.row !== row) {
      raw = { row, cols: [], values: [], formats: null };
      this.rows.push(raw);
      this.raw = raw;
    }
    if (format !== null) {
      if (raw.formats === null) raw.formats = new Array<string | null>(raw.cols.length).fill(null);
      raw.formats.push(format);
    } else if (raw.formats !== null) raw.formats.push(null);
    raw.cols.push(col);
    raw.values.push(value);
    if (row < this.top) this.top = row;
    if (row > this.bottom) this.bottom = row;
    if (col < this.left) this.left = col;
    if (col > this.right) this.right = col;
  }

  snapshot(name: string, visibility: SheetSnapshot['visibility'], tables: SheetSnapshot['tables']): SheetSnapshot {
    const s: SheetSnapshot = {
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
    if (this.rows.length === 0) return s;
    const top = this.top;
    const left = this.left;
    let right = this.right;
    // Rows present × width is what the grid costs; blank rows share one empty row. Cells far to the right of a
    // long sheet are left out (counted in omittedCells) rather than allocating billions of cells.
    const presentRows = new Set(this.rows.map((r) => r.row)).size;
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
    for (const r of this.rows) {
      const i = r.row - top;
      let vs = values[i];
      if (vs === emptyValues) vs = values[i] = new Array<CellValue>(width).fill(null);
      let fs = formats[i];
      if (r.formats !== null && fs === emptyFormats) fs = formats[i] = new Array<string | null>(width).fill(null);
      for (let k = 0; k < r.cols.length; k++) {
        const c = r.cols[k];
        if (c > right) {
          omitted++;
          continue;
        }
        vs[c - left] = r.values[k];
        if (r.formats !== null) {
          fs[c - left] = r.formats[k];
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
    s.formats = anyFormat ? formats : null;
    if (omitted > 0) s.omittedCells = { count: omitted, beyondColumn: columnLetter(right) };
    return s;
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
