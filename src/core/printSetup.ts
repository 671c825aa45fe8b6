// Shared helpers for print-ready generated sheets (SPEC 6 report, SPEC 7 documents): a small cell grid builder,
// column widths that fit the content (CJK characters count about 2 wide) and A4 page setup.

import { parseRange, rangeAddress } from './address';
import type { CellSpec, CellStyle, PageSetup, WriteValue } from './edits';

const NOT_NARROW = /[\u1100-\uffff]/;

/** Printed width of text in Excel "characters": CJK and full-width forms count 2. */
export function displayWidth(text: string): number {
  // Nothing wide before U+1100 (and no surrogate pair): one column per character, counted without a walk.
  if (!NOT_NARROW.test(text)) return text.length;
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) || // CJK radicals … Yi, incl. CJK punctuation, kana, ideographs
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** The text a cell shows, near enough for sizing its column. */
export function shownText(c: CellSpec): string {
  const v = c.value;
  if (c.formula !== undefined) return '0000000000';
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    const fmt = c.style?.numberFormat ?? '';
    if (/y/i.test(fmt) && /d/i.test(fmt)) return '0000-00-00';
    // As the format shows it: "#,##0.00" gives 1250 two decimals too.
    const decimals = /0\.(0+)/.exec(fmt)?.[1].length;
    const s = decimals !== undefined ? v.toFixed(decimals) : Number.isInteger(v) ? String(v) : v.toFixed(2);
    return fmt.includes(',') ? s.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : s;
  }
  return String(v);
}

export interface WidthOptions {
  min?: number;
  max?: number;
  /** Extra characters of air per column. */
  padding?: number;
  /** Cells that do not size their column (merged titles that span the sheet). */
  skip?: (c: CellSpec) => boolean;
}

/** Column widths (index 0 = column A) that fit every cell's shown text, bold text a little wider. */
export function fitColumnWidths(cells: CellSpec[], columns: number, opts: WidthOptions = {}): number[] {
  const min = opts.min ?? 6;
  const max = opts.max ?? 50;
  const pad = opts.padding ?? 2;
  const widths = new Array<number>(columns).fill(min);
  for (const c of cells) {
    if (c.col < 1 || c.col > columns || opts.skip?.(c)) continue;
    const w = displayWidth(shownText(c)) * (c.style?.bold ? 1.1 : 1) + pad;
    widths[c.col - 1] = Math.max(widths[c.col - 1], Math.min(max, Math.ceil(w)));
  }
  return widths;
}

/** A4 portrait holds about this many characters across at 100 % with normal margins. */
export const A4_PORTRAIT_CHARS = 95;

/** A4, one page wide, portrait when the columns fit across it, else landscape. */
export function a4PageSetup(columnWidths: number[], printArea: string, printTitleRows: string | null): PageSetup {
  const total = columnWidths.reduce((a, b) => a + b, 0);
  return {
    paperSize: 'A4',
    orientation: total <= A4_PORTRAIT_CHARS ? 'portrait' : 'landscape',
    fitToWidth: 1,
    printArea,
    printTitleRows,
    margins: { top: 0.75, bottom: 0.75, left: 0.5, right: 0.5 },
  };
}

/** "$5:$5" for the print-title rows of one header row. */
export function titleRows(first: number, last: number = first): string {
  return `$${first}:$${last}`;
}

/** Collects cells of a generated sheet; later writes to the same cell replace earlier ones. */
export class SheetGrid {
  /** Row → column → cell, both 1-based (a 100,000-line report puts half a million cells: no per-cell key or sort). */
  private readonly rows: (CellSpec | undefined)[][] = [];
  readonly merges: string[] = [];
  private readonly mergeAreas: ReturnType<typeof parseRange>[] = [];

  private at(row: number, col: number): CellSpec | undefined {
    return this.rows[row]?.[col];
  }

  private set(cell: CellSpec): void {
    let r = this.rows[cell.row];
    if (!r) {
      // Holes stay holes (a sparse row list), filled only where a row is put.
      r = this.rows[cell.row] = [];
    }
    r[cell.col] = cell;
  }

  /** Literal value (text from the order sheet stays text: adapters never turn a value into a formula). */
  put(row: number, col: number, value: WriteValue, style?: CellStyle): void {
    this.set(style ? { row, col, value, style } : { row, col, value });
  }

  /** A styled cell without a value (the other cells of a merged area, so borders frame all of it). */
  blank(row: number, col: number, style?: CellStyle): void {
    this.set(style ? { row, col, style } : { row, col });
  }

  /** A formula the generator builds itself (totals), without "=". */
  formula(row: number, col: number, formula: string, style?: CellStyle): void {
    this.set(style ? { row, col, formula, style } : { row, col, formula });
  }

  /** Add style properties to cells in a block (creating empty styled cells where nothing was put). */
  style(top: number, left: number, bottom: number, right: number, style: CellStyle): void {
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        const cell = this.at(r, c) ?? { row: r, col: c, value: null };
        this.set({ ...cell, style: { ...cell.style, ...style } });
      }
    }
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (top !== bottom || left !== right) this.merges.push(rangeAddress(top, left, bottom, right));
  }

  /** True when the cell lies in a merged area (its text spans several columns). */
  isMerged(row: number, col: number): boolean {
    // Parsed once each (called for every cell of a 100,000-line report when its widths are fitted).
    while (this.mergeAreas.length < this.merges.length)
      this.mergeAreas.push(parseRange(this.merges[this.mergeAreas.length]));
    return this.mergeAreas.some((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right);
  }

  /** Every cell, by row then column. */
  cells(): CellSpec[] {
    const out: CellSpec[] = [];
    this.rows.forEach((r) => r.forEach((c) => c && out.push(c)));
    return out;
  }

  lastRow(): number {
    let r = this.rows.length - 1;
    while (r > 0 && !this.rows[r]?.some((c) => c !== undefined)) r--;
    return Math.max(r, 0);
  }
}
