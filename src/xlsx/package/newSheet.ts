// Worksheet XML for a sheet the plan creates (documents, the report, the change log, the register, settings).
// Written in CT_Worksheet's element order; cells go through SheetPart so new and patched cells are written alike.

import { cellAddress } from '../../core/address';
import type { SheetSpec } from '../../core/edits';
import { MAX_ROWS } from '../../core/limits';
import { escapeAttr, escapeText } from './xml';
import { newCellXml } from './sheet';
import type { Styles } from './styles';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const A4 = 9;

export interface NewSheetOptions {
  selected?: boolean;
  freezeRows?: number;
  showGridlines?: boolean;
  columnWidths?: number[];
  rowHeights?: Record<number, number>;
  merges?: string[];
  pageSetup?: SheetSpec['pageSetup'];
  /** The rows of <sheetData>, already written; else the rows that only carry a height. */
  rowsXml?: string;
  /** The <dimension ref> (default A1). */
  dimension?: string;
}

/** An empty worksheet with the given view, widths and page setup; cells are added with `writeCells`. */
export function emptySheetXml(o: NewSheetOptions): string {
  const [before, after] = sheetXmlAround(o);
  return (
    before +
    (o.rowsXml ??
      heightRows(o.rowHeights)
        .map(([r, h]) => heightRow(r, h, true))
        .join('')) +
    after
  );
}

/** The worksheet's XML before its rows (ending with <sheetData>) and after them (from </sheetData>). */
function sheetXmlAround(o: NewSheetOptions): [string, string] {
  const parts: string[] = [];
  if (o.pageSetup) parts.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  parts.push(`<dimension ref="${o.dimension ?? 'A1'}"/>`);
  const view: string[] = ['<sheetView'];
  if (o.selected) view.push(' tabSelected="1"');
  if (o.showGridlines === false) view.push(' showGridLines="0"');
  view.push(' workbookViewId="0"');
  const freeze = o.freezeRows ?? 0;
  if (freeze > 0) {
    const below = cellAddress(freeze + 1, 1);
    view.push(
      `><pane ySplit="${freeze}" topLeftCell="${below}" activePane="bottomLeft" state="frozen"/>`,
      `<selection pane="bottomLeft" activeCell="${below}" sqref="${below}"/></sheetView>`,
    );
  } else view.push('/>');
  parts.push(`<sheetViews>${view.join('')}</sheetViews>`);
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  const widths = o.columnWidths ?? [];
  if (widths.length) {
    const cols = widths
      .map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${round(w)}" customWidth="1"/>` : ''))
      .join('');
    if (cols) parts.push(`<cols>${cols}</cols>`);
  }
  parts.push('<sheetData>');
  const rowsAt = parts.length;
  parts.push('</sheetData>');
  const merges = o.merges ?? [];
  if (merges.length)
    parts.push(
      `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${escapeAttr(m)}"/>`).join('')}</mergeCells>`,
    );
  const p = o.pageSetup;
  const m = p?.margins ?? { top: 0.75, bottom: 0.75, left: 0.5, right: 0.5 };
  parts.push(
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="0.3" footer="0.3"/>`,
  );
  if (p) parts.push(`<pageSetup paperSize="${A4}" orientation="${p.orientation}" fitToWidth="1" fitToHeight="0"/>`);
  if (p?.footer) parts.push(`<headerFooter><oddFooter>${escapeText(`&C${p.footer}`)}</oddFooter></headerFooter>`);
  // CT_Worksheet: rowBreaks follow headerFooter; a brk's id is the zero-based row the break is above, i.e. the
  // one-based number of the last row before it (ECMA-376 Part 1, 18.3.1.3 brk).
  const breaks = (p?.rowBreaks ?? []).filter((r) => r > 1);
  if (breaks.length)
    parts.push(
      `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">` +
        breaks.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join('') +
        '</rowBreaks>',
    );
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${parts.slice(0, rowsAt).join('')}`,
    `${parts.slice(rowsAt).join('')}</worksheet>`,
  ];
}

/**
 * The worksheet XML of a sheet spec (cells styled through `styles`): the rows written straight out, by row then
 * column (a later cell at the same place wins), as SheetPart.writeCells would write them into the empty sheet.
 * `drawing` is a <drawing> element to close the sheet with (the report's chart), where CT_Worksheet puts it.
 */
export function sheetSpecXml(
  spec: SheetSpec,
  styles: Styles,
  selected: boolean,
  drawing?: string,
): { xml: string; formulas: boolean } {
  const parts: string[] = [];
  const { formulas } = writeSheetSpec(spec, styles, selected, drawing, (s) => parts.push(s));
  return { xml: parts.join(''), formulas };
}

/**
 * The same XML as UTF-8 bytes, encoded a block of rows at a time as they are written: a 200,000-line report is
 * never held as row strings, one 40 MB string, and its bytes at once.
 */
export function sheetSpecBytes(
  spec: SheetSpec,
  styles: Styles,
  selected: boolean,
  drawing?: string,
): { bytes: Uint8Array; formulas: boolean } {
  const out = new Utf8Builder(BYTES_ROOM_PER_CELL * spec.cells.length);
  const { formulas } = writeSheetSpec(spec, styles, selected, drawing, (s) => out.add(s));
  return { bytes: out.finish(), formulas };
}

function writeSheetSpec(
  spec: SheetSpec,
  styles: Styles,
  selected: boolean,
  drawing: string | undefined,
  emit: (s: string) => void,
): { formulas: boolean } {
  const cells = spec.cells;
  // Cell formats are made in the spec's order (their ids follow it), before the cells are put in sheet order.
  const xf = new Int32Array(cells.length);
  let formulas = false;
  let bottom = 1;
  let right = 1;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    const style = c.style;
    xf[i] = style ? styles.cellXf(style) : 0;
    if (c.formula !== undefined) formulas = true;
    if (!(c.row >= 1 && c.row <= MAX_ROWS)) throw new Error(`row out of range: ${c.row}`);
    if (c.row > bottom) bottom = c.row;
    if (c.col > right) right = c.col;
  }
  const sorted = sheetOrder(cells);
  const at = (k: number): number => (sorted === null ? k : sorted[k]);
  const heights = heightRows(spec.rowHeights);
  const [before, after] = sheetXmlAround({
    selected,
    freezeRows: spec.freezeRows,
    showGridlines: spec.showGridlines,
    columnWidths: spec.columnWidths,
    merges: spec.merges,
    pageSetup: spec.pageSetup,
    dimension: bottom === 1 && right === 1 ? 'A1' : `A1:${cellAddress(bottom, right)}`,
  });
  emit(before);
  let h = 0;
  const count = cells.length;
  for (let k = 0; k < count;) {
    const row = cells[at(k)].row;
    for (; h < heights.length && heights[h][0] < row; h++) emit(heightRow(heights[h][0], heights[h][1], true));
    let open = `<row r="${row}">`;
    if (h < heights.length && heights[h][0] === row) open = heightRow(row, heights[h++][1], false);
    let body = open;
    for (; k < count && cells[at(k)].row === row; k++) {
      const i = at(k);
      const c = cells[i];
      if (k + 1 < count && cells[at(k + 1)].row === row && cells[at(k + 1)].col === c.col) continue;
      const formula = c.formula !== undefined ? c.formula.replace(/^=/, '') : undefined;
      body += newCellXml('', row, c.col, xf[i], formula, formula === undefined ? (c.value ?? null) : undefined);
    }
    emit(`${body}</row>`);
  }
  for (; h < heights.length; h++) emit(heightRow(heights[h][0], heights[h][1], true));
  emit(drawing === undefined ? after : after.replace(/<\/worksheet>$/, `${drawing}</worksheet>`));
  return { formulas };
}

/** Room made up front for each cell's XML: a report's cell takes about 40 bytes; more grows by copying. */
const BYTES_ROOM_PER_CELL = 96;

/**
 * UTF-8 bytes built from many small strings: gathered into blocks of about 16 K characters, each encoded once into
 * one buffer. The buffer is made as large as the sheet is likely to need at the start (up to 256 MB): a large typed
 * array is zeroed by the system without being written (Linux and Chromium map fresh pages), so room never used costs
 * address space rather than memory there, where growing by doubling wrote and faulted in every byte again; the
 * bytes are handed back as a view, not a copy.
 */
class Utf8Builder {
  private readonly encoder = new TextEncoder();
  private buf: Uint8Array;
  private at = 0;
  private pending = '';

  constructor(room: number) {
    this.buf = new Uint8Array(Math.max(1 << 20, Math.min(room, 1 << 28)));
  }

  add(s: string): void {
    this.pending += s;
    if (this.pending.length >= 1 << 14) this.flush();
  }

  finish(): Uint8Array {
    this.flush();
    return this.buf.subarray(0, this.at);
  }

  private flush(): void {
    const s = this.pending;
    if (s.length === 0) return;
    this.pending = '';
    // At most 3 bytes per UTF-16 unit.
    if (this.buf.length - this.at < s.length * 3) {
      let size = this.buf.length * 2;
      while (size - this.at < s.length * 3) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.buf.subarray(0, this.at));
      this.buf = grown;
    }
    this.at += this.encoder.encodeInto(s, this.buf.subarray(this.at)).written;
  }
}

/** Indices of `cells` by row, then column, then place in the spec (stable); null when they are in that order. */
function sheetOrder(cells: SheetSpec['cells']): number[] | null {
  let sorted = true;
  for (let i = 1; i < cells.length && sorted; i++) {
    const a = cells[i - 1];
    const b = cells[i];
    sorted = a.row < b.row || (a.row === b.row && a.col <= b.col);
  }
  if (sorted) return null;
  return Array.from(cells, (_, i) => i).sort(
    (i, j) => cells[i].row - cells[j].row || cells[i].col - cells[j].col || i - j,
  );
}

function heightRows(rowHeights: Record<number, number> | undefined): [number, number][] {
  return Object.entries(rowHeights ?? {})
    .map(([r, h]): [number, number] => [Number(r), h])
    .filter(([r, h]) => r >= 1 && h > 0)
    .sort((a, b) => a[0] - b[0]);
}

function heightRow(r: number, h: number, empty: boolean): string {
  return `<row r="${r}" ht="${round(h)}" customHeight="1"${empty ? '/>' : '>'}`;
}

function round(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}
