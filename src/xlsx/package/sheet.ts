// A worksheet part patched in place: cells written into <sheetData> row by row (every other row and cell keeps
// its text), top-level elements replaced or inserted where the schema puts them (CT_Worksheet's order).

import { cellAddress, columnLetter, columnNumber } from '../../core/address';
import { MAX_COLUMNS, MAX_ROWS } from '../../core/limits';
import type { WriteValue } from '../../core/edits';
import {
  attr,
  attributes,
  childElements,
  eachChild,
  escapeCellText,
  firstChild,
  prefixOf,
  rootElement,
  splice,
  textOf,
  unescapeCellText,
  withAttributes,
  type XmlElement,
} from './xml';
import { insertInOrder } from './styles';

/** Child order of <worksheet> (ECMA-376 Part 1, CT_Worksheet). */
export const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/** What to put in one cell. `style` maps the cell's current style index (null: none) to the one to write. */
export interface CellWrite {
  value?: WriteValue;
  formula?: string;
  style?: (old: number | null) => number | null;
}

export type SharedStringLookup = (index: number) => string;

/**
 * A worksheet part. Its rows are kept apart from the rest: `top` is the worksheet with <sheetData> standing empty
 * (`<sheetData/>`, a placeholder) and every top-level edit (rules, tables, views, dimension) splices that small
 * text; cell reads and writes work on the <sheetData> element alone. A 200,000-line sheet is 60 MB of rows: no
 * top-level edit copies them, and text outside ASCII in a rule never widens them to two bytes a character.
 */
export class SheetPart {
  /** The worksheet without its rows (see above). */
  top = '';
  /** The <sheetData> element, rows and all; null while the worksheet has none. */
  private data: string | null = null;
  readonly prefix: string;

  /** The rows as first read and their bytes in the part: while the rows stay those, they are not encoded again. */
  private readonly original: { data: string; bytes: Uint8Array } | null = null;

  /** `bytes`: the UTF-8 the text was decoded from, when the caller has it. */
  constructor(xml: string, bytes?: Uint8Array) {
    this.prefix = prefixOf(rootElement(xml).name);
    this.xml = xml;
    if (bytes && this.data !== null && !(bytes.length >= 2 && (bytes[0] === 0xff || bytes[0] === 0xfe))) {
      // The rows' bytes lie between the UTF-8 of the text before them (after any BOM) and of the text after them.
      const enc = new TextEncoder();
      const sd = this.placeholder();
      const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
      const start = bom + enc.encode(this.top.slice(0, sd.start)).length;
      const end = bytes.length - enc.encode(this.top.slice(sd.end)).length;
      // A text that did not decode to the same bytes (invalid UTF-8 read as U+FFFD) would shift them: both ends checked.
      const edge = (text: string, at: number) => {
        const b = enc.encode(text);
        return at >= 0 && at + b.length <= bytes.length && b.every((x, i) => bytes[at + i] === x);
      };
      const head = this.data.slice(0, 32);
      const tail = this.data.slice(-32);
      if (end - start >= this.data.length && edge(head, start) && edge(tail, end - enc.encode(tail).length)) {
        this.original = { data: this.data, bytes: bytes.subarray(start, end) };
      }
    }
  }

  /** The whole worksheet as one text (tests and small sheets; the writer takes `bytes()`). */
  get xml(): string {
    if (this.data === null) return this.top;
    const sd = this.placeholder();
    return this.top.slice(0, sd.start) + this.data + this.top.slice(sd.end);
  }

  set xml(xml: string) {
    const sd = firstChild(xml, rootElement(xml), 'sheetData');
    if (!sd) {
      this.top = xml;
      this.data = null;
      return;
    }
    this.data = xml.slice(sd.start, sd.end);
    // A copy of its own, so the old text (held by slices) is not kept alive once the rows change.
    this.top = own(`${xml.slice(0, sd.start)}<${sd.name}/>${xml.slice(sd.end)}`);
  }

  /** The text the elements `rows` and `cells` visit are positions in. */
  get rowsXml(): string {
    return this.data ?? '';
  }

  /** True when the worksheet is this text. */
  is(xml: string): boolean {
    if (this.data === null) return this.top === xml;
    const sd = this.placeholder();
    const tail = this.top.length - sd.end;
    return (
      xml.length === sd.start + this.data.length + tail &&
      xml.startsWith(this.top.slice(0, sd.start)) &&
      xml.startsWith(this.data, sd.start) &&
      xml.endsWith(this.top.slice(sd.end))
    );
  }

  /** The worksheet as UTF-8, its rows encoded apart from the rest. */
  bytes(): Uint8Array {
    const enc = new TextEncoder();
    if (this.data === null) return enc.encode(this.top);
    const sd = this.placeholder();
    const head = enc.encode(this.top.slice(0, sd.start));
    const tail = enc.encode(this.top.slice(sd.end));
    const rows = this.original?.data === this.data ? this.original.bytes : enc.encode(this.data);
    const parts = [head, rows, tail];
    const out = new Uint8Array(parts[0].length + parts[1].length + parts[2].length);
    let at = 0;
    for (const b of parts) {
      out.set(b, at);
      at += b.length;
    }
    return out;
  }

  private placeholder(): XmlElement {
    return firstChild(this.top, rootElement(this.top), 'sheetData')!;
  }

  root(): XmlElement {
    return rootElement(this.top);
  }

  children(local: string): XmlElement[] {
    return childElements(this.top, this.root()).filter((c) => c.local === local);
  }

  child(local: string): XmlElement | null {
    return firstChild(this.top, this.root(), local);
  }

  text(el: XmlElement): string {
    return this.top.slice(el.start, el.end);
  }

  /** Replace every `local` child by `text` (at the first one's place), or insert it in schema order; null removes. */
  setChild(local: string, text: string | null): void {
    const existing = this.children(local);
    if (existing.length > 0) {
      this.top = splice(
        this.top,
        existing.map((el, i) => ({ from: el.start, to: el.end, text: i === 0 && text !== null ? text : '' })),
      );
    } else if (text !== null) this.top = insertInOrder(this.top, this.root(), local, text, WORKSHEET_ORDER);
  }

  /** Insert `text` after the last `local` child (or in schema order when there is none). */
  appendChild(local: string, text: string): void {
    const existing = this.children(local);
    if (existing.length > 0) {
      const last = existing[existing.length - 1];
      this.top = splice(this.top, [{ from: last.end, to: last.end, text }]);
    } else this.top = insertInOrder(this.top, this.root(), local, text, WORKSHEET_ORDER);
  }

  /** Insert `text` before the first `local` child (or in schema order when there is none). */
  prependChild(local: string, text: string): void {
    const existing = this.children(local);
    if (existing.length > 0) this.top = splice(this.top, [{ from: existing[0].start, to: existing[0].start, text }]);
    else this.top = insertInOrder(this.top, this.root(), local, text, WORKSHEET_ORDER);
  }

  /** The <sheetData> element in `rowsXml` (made, empty, where the worksheet has none). */
  private sheetData(): XmlElement {
    if (this.data === null) {
      this.setChild('sheetData', `<${this.prefix}sheetData/>`);
      this.data = `<${this.prefix}sheetData/>`;
    }
    return rootElement(this.data);
  }

  /** Rows of <sheetData> with their numbers (implied by order where `r` is missing). */
  rows(visit: (row: number, el: XmlElement) => boolean | void): void {
    let implied = 0;
    eachChild(this.rowsXml, this.sheetData(), (el) => {
      if (el.local !== 'row') return true;
      const r = attr(this.rowsXml, el, 'r');
      const n = r !== null ? Number(r) : implied + 1;
      implied = n;
      return visit(n, el);
    });
  }

  /** Cells of a row element with their column numbers (implied by order where `r` is missing). */
  cells(rowEl: XmlElement, visit: (col: number, el: XmlElement) => void): void {
    if (rowEl.selfClosing) return;
    let implied = 0;
    eachChild(this.rowsXml, rowEl, (el) => {
      if (el.local !== 'c') return;
      const r = attr(this.rowsXml, el, 'r');
      const col = r !== null ? columnNumber(r.replace(/[0-9$]/g, '')) : implied + 1;
      implied = col;
      visit(col, el);
    });
  }

  /** The value a cell holds as text/number/boolean (formulas by their cached value), null when empty. */
  cellValue(el: XmlElement, sst: SharedStringLookup): string | number | boolean | null {
    if (el.selfClosing) return null;
    const t = attr(this.rowsXml, el, 't') ?? 'n';
    if (t === 'inlineStr') {
      const is = firstChild(this.rowsXml, el, 'is');
      return is ? richText(this.rowsXml, is) : null;
    }
    const v = firstChild(this.rowsXml, el, 'v');
    if (!v) return null;
    const raw = textOf(this.rowsXml, v);
    if (t === 's') return sst(Number(raw));
    if (t === 'str') return unescapeCellText(raw);
    if (t === 'b') return raw === '1' || raw === 'true';
    if (t === 'e') return raw;
    const n = Number(raw);
    return raw.trim() === '' || !Number.isFinite(n) ? null : n;
  }

  /** Values of one row, columns left..right (null where empty). */
  rowValues(row: number, left: number, right: number, sst: SharedStringLookup): (string | number | boolean | null)[] {
    const out: (string | number | boolean | null)[] = new Array(right - left + 1).fill(null);
    this.rows((n, el) => {
      if (n < row) return true;
      if (n === row)
        this.cells(el, (col, c) => {
          if (col >= left && col <= right) out[col - left] = this.cellValue(c, sst);
        });
      return false;
    });
    return out;
  }

  /** Last row with a cell holding a value (styled empty cells do not count); 0 for none. */
  lastUsedRow(sst: SharedStringLookup): number {
    let last = 0;
    this.rows((n, el) => {
      let used = false;
      this.cells(el, (_, c) => {
        if (used) return;
        const v = this.cellValue(c, sst);
        if (v !== null && v !== '') used = true;
      });
      if (used) last = Math.max(last, n);
    });
    return last;
  }

  /** The style index of a cell (null when the cell or its `s` is absent). */
  styleAt(row: number, col: number): number | null {
    let s: number | null = null;
    this.rows((n, el) => {
      if (n < row) return true;
      if (n === row)
        this.cells(el, (c, cell) => {
          if (c === col) {
            const v = attr(this.rowsXml, cell, 's');
            s = v === null ? null : Number(v);
          }
        });
      return false;
    });
    return s;
  }

  /**
   * Write cells (row → col → write), in one pass over <sheetData>: rows and cells are created in order where
   * missing; an existing cell keeps its other attributes; every row and cell not named keeps its text.
   */
  writeCells(writes: Map<number, Map<number, CellWrite>>): void {
    if (writes.size === 0) return;
    const wanted = Array.from(writes.keys()).sort((a, b) => a - b);
    for (const r of wanted) if (r < 1 || r > MAX_ROWS) throw new Error(`row out of range: ${r}`);
    const sd = this.sheetData();
    const edits: { from: number; to: number; text: string }[] = [];
    let k = 0;
    this.rows((n, el) => {
      let inserted = false;
      while (k < wanted.length && wanted[k] < n) {
        edits.push({ from: el.start, to: el.start, text: this.newRow(wanted[k], writes.get(wanted[k])!) });
        k++;
        inserted = true;
      }
      const w = k < wanted.length && wanted[k] === n ? writes.get(n)! : null;
      if (w) k++;
      // A new row before an r-less one would shift its implied number: that row gets its number written.
      if (w || (inserted && attr(this.rowsXml, el, 'r') === null))
        edits.push({ from: el.start, to: el.end, text: this.rebuildRow(el, n, w ?? new Map()) });
      return k < wanted.length;
    });
    let tail = '';
    for (; k < wanted.length; k++) tail += this.newRow(wanted[k], writes.get(wanted[k])!);
    if (tail) {
      if (sd.selfClosing) {
        const open = this.rowsXml.slice(sd.start, sd.openEnd).replace(/\s*\/>$/, '>');
        edits.push({ from: sd.start, to: sd.end, text: `${open}${tail}</${sd.name}>` });
      } else edits.push({ from: sd.closeStart, to: sd.closeStart, text: tail });
    }
    this.data = splice(this.rowsXml, edits);
    this.growDimension(writes);
  }

  private newRow(row: number, cells: Map<number, CellWrite>): string {
    const p = this.prefix;
    const cols = Array.from(cells.keys()).sort((a, b) => a - b);
    const body = cols.map((c) => this.cellXml(row, c, null, cells.get(c)!)).join('');
    return `<${p}row r="${row}">${body}</${p}row>`;
  }

  private rebuildRow(rowEl: XmlElement, row: number, writes: Map<number, CellWrite>): string {
    const existing: { col: number; el: XmlElement; hasR: boolean }[] = [];
    this.cells(rowEl, (col, el) => existing.push({ col, el, hasR: attr(this.rowsXml, el, 'r') !== null }));
    const needR = existing.some((e) => !e.hasR);
    const out: string[] = [];
    const cols = Array.from(writes.keys()).sort((a, b) => a - b);
    let w = 0;
    for (const e of existing) {
      while (w < cols.length && cols[w] < e.col) {
        out.push(this.cellXml(row, cols[w], null, writes.get(cols[w])!));
        w++;
      }
      if (w < cols.length && cols[w] === e.col) {
        out.push(this.cellXml(row, e.col, e.el, writes.get(e.col)!));
        w++;
      } else if (needR && !e.hasR) {
        out.push(
          withAttributes(this.rowsXml, e.el, { r: cellAddress(row, e.col) }) +
            this.rowsXml.slice(e.el.openEnd, e.el.end),
        );
      } else out.push(this.rowsXml.slice(e.el.start, e.el.end));
    }
    for (; w < cols.length; w++) out.push(this.cellXml(row, cols[w], null, writes.get(cols[w])!));
    // Keep the row's own attributes; give it its number, and widen spans (an optimisation hint) to its cells.
    const changes: Record<string, string | null> = {};
    if (attr(this.rowsXml, rowEl, 'r') === null) changes.r = String(row);
    const spans = attr(this.rowsXml, rowEl, 'spans');
    if (spans !== null && cols.length > 0) {
      const m = /^(\d+):(\d+)$/.exec(spans);
      if (m) {
        const lo = Math.min(Number(m[1]), cols[0]);
        const hi = Math.max(Number(m[2]), cols[cols.length - 1]);
        changes.spans = `${lo}:${hi}`;
      } else changes.spans = null;
    }
    const tag = withAttributes(this.rowsXml, rowEl, changes);
    const open = rowEl.selfClosing ? tag.replace(/\s*\/>$/, '>') : tag;
    // Anything in the row that is not a cell (an extLst) stays after the cells.
    const others = rowEl.selfClosing
      ? []
      : childElements(this.rowsXml, rowEl)
          .filter((c) => c.local !== 'c')
          .map((c) => this.rowsXml.slice(c.start, c.end));
    return `${open}${out.join('')}${others.join('')}</${rowEl.name}>`;
  }

  /** The XML of one written cell; an existing cell keeps its attributes but r, t, cm and vm (value metadata). */
  private cellXml(row: number, col: number, old: XmlElement | null, w: CellWrite): string {
    if (col < 1 || col > MAX_COLUMNS) throw new Error(`column out of range: ${col}`);
    const p = this.prefix;
    const oldStyle = old ? attr(this.rowsXml, old, 's') : null;
    const s = w.style
      ? w.style(oldStyle === null ? null : Number(oldStyle))
      : oldStyle === null
        ? null
        : Number(oldStyle);
    const extra = old
      ? attributes(this.rowsXml, old)
          .filter((a) => !['r', 's', 't', 'cm', 'vm'].includes(a.name))
          .map((a) => ` ${a.name}="${a.raw}"`)
          .join('')
      : '';
    const head = `<${p}c r="${columnLetter(col)}${row}"${s !== null && s !== 0 ? ` s="${s}"` : ''}`;
    return cellRest(p, head, extra, w.formula, w.value);
  }

  /** Widen <dimension ref> to cover written cells (readers use it to size the sheet). */
  private growDimension(writes: Map<number, Map<number, CellWrite>>): void {
    const dim = this.child('dimension');
    if (!dim) return;
    const ref = attr(this.top, dim, 'ref');
    const m = ref ? /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref.toUpperCase()) : null;
    let top = m ? Number(m[2]) : Infinity;
    let left = m ? columnNumber(m[1]) : Infinity;
    let bottom = m ? Number(m[4] ?? m[2]) : 0;
    let right = m ? columnNumber(m[3] ?? m[1]) : 0;
    const before = `${top},${left},${bottom},${right}`;
    for (const [r, cols] of writes) {
      for (const c of cols.keys()) {
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    }
    if (`${top},${left},${bottom},${right}` === before) return;
    const a = cellAddress(top, left);
    const b = cellAddress(bottom, right);
    const tag = withAttributes(this.top, dim, { ref: a === b ? a : `${a}:${b}` });
    this.top = splice(this.top, [{ from: dim.start, to: dim.openEnd, text: tag }]);
  }
}

/** A flat copy of a short text that may be built of slices of a long one. */
function own(s: string): string {
  return ` ${s}`.slice(1);
}

/** Column letters of the first columns, made once (a new sheet of 200,000 lines names a column in every cell). */
const LETTERS: string[] = [];

/** The XML of a new cell (no old attributes): what writeCells writes for it. */
export function newCellXml(
  p: string,
  row: number,
  col: number,
  s: number | null,
  formula: string | undefined,
  value: WriteValue | undefined,
): string {
  if (col < 1 || col > MAX_COLUMNS) throw new Error(`column out of range: ${col}`);
  const letters = col < 1024 ? (LETTERS[col] ??= columnLetter(col)) : columnLetter(col);
  return cellRest(p, `<${p}c r="${letters}${row}"${s !== null && s !== 0 ? ` s="${s}"` : ''}`, '', formula, value);
}

/** A cell after its `r` and `s`: its type, kept attributes (`extra`), and formula or value. */
function cellRest(
  p: string,
  head: string,
  extra: string,
  formula: string | undefined,
  v: WriteValue | undefined,
): string {
  if (formula !== undefined) return `${head}${extra}><${p}f>${escapeCellText(formula)}</${p}f></${p}c>`;
  if (v === null || v === undefined || v === '') return `${head}${extra}/>`;
  if (typeof v === 'number') {
    // NaN and ±Infinity are not numbers a cell can hold: Excel shows such a result as #NUM!.
    if (!Number.isFinite(v)) return `${head} t="e"${extra}><${p}v>#NUM!</${p}v></${p}c>`;
    return `${head}${extra}><${p}v>${Object.is(v, -0) ? 0 : v}</${p}v></${p}c>`;
  }
  if (typeof v === 'boolean') return `${head} t="b"${extra}><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
  const space = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : '';
  return `${head} t="inlineStr"${extra}><${p}is><${p}t${space}>${escapeCellText(v)}</${p}t></${p}is></${p}c>`;
}

/** Text of an <si> or <is>: its <t>, or its runs' <t>, without phonetic runs (<rPh>). */
export function richText(xml: string, el: XmlElement): string {
  let s = '';
  for (const c of childElements(xml, el)) {
    if (c.local === 't') s += textOf(xml, c);
    else if (c.local === 'r') {
      const t = firstChild(xml, c, 't');
      if (t) s += textOf(xml, t);
    }
  }
  return unescapeCellText(s);
}
