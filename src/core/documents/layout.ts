// A small grid builder for print-ready forms: title, label/value block, a bordered line table,
// signature boxes; it sizes columns to their content (CJK characters count double) and sets A4 printing.

import { rangeAddress } from '../address';
import type { CellStyle, PageSetup, SheetSpec, WriteValue } from '../edits';
import { letterheadLines } from '../company';
import type { CompanyProfile, Lang } from '../types';
import { SheetGrid, displayWidth, titleRows } from '../printSetup';
import { withFont } from './font';
import { bilingual } from './labels';

export { displayWidth };

const LINE_HEIGHT = 15; // points per text line at 11 pt
const MIN_WIDTH = 5;
const MAX_WIDTH = 40;
const PADDING = 2;
export const HEADER_FILL = '#D9D9D9';

/** Rough shown width of a number under a format (thousands separators, fixed decimals). */
function numberWidth(v: number, format: string | undefined): number {
  if (format && /y|d|m/i.test(format) && !/0/.test(format)) return 10; // a date
  const decimals = format ? (/\.(0+)/.exec(format)?.[1].length ?? 0) : 0;
  const text = format && /0/.test(format) ? Math.abs(v).toFixed(decimals) : String(v);
  const intDigits = text.split('.')[0].length;
  const commas = format?.includes(',') ? Math.floor((intDigits - 1) / 3) : 0;
  return text.length + commas + (v < 0 ? 1 : 0);
}

function valueWidth(v: WriteValue | undefined, format: string | undefined): number[] {
  if (v === null || v === undefined) return [0];
  if (typeof v === 'number') return [numberWidth(v, format)];
  if (typeof v === 'boolean') return [5];
  return v.split('\n').map(displayWidth);
}

interface MergedText {
  row: number;
  left: number;
  right: number;
}

/** A document's grid: the report's SheetGrid, plus column widths fitted as cells are set and row heights. */
export class FormGrid {
  private readonly grid = new SheetGrid();
  private readonly mergedAreas: MergedText[] = [];
  private readonly contentWidth: number[];
  private readonly minWidths: number[];
  private readonly rowHeights: Record<number, number> = {};

  constructor(readonly columns: number) {
    this.contentWidth = new Array<number>(columns).fill(0);
    this.minWidths = new Array<number>(columns).fill(MIN_WIDTH);
  }

  /** One cell; its content widens its column. Strings stay literal values, never formulas. */
  set(row: number, col: number, value: WriteValue, style?: CellStyle): void {
    this.grid.put(row, col, value, style);
    const widest = Math.max(...valueWidth(value, style?.numberFormat));
    if (!style?.wrap || widest <= MAX_WIDTH) this.contentWidth[col - 1] = Math.max(this.contentWidth[col - 1], widest);
    else this.contentWidth[col - 1] = Math.max(this.contentWidth[col - 1], MAX_WIDTH);
  }

  /** A merged area with one value; the style goes on every cell so borders frame the whole area. */
  merge(row: number, left: number, right: number, value: WriteValue, style?: CellStyle, bottom = row): void {
    if (right <= left && bottom <= row) {
      this.set(row, left, value, style);
      return;
    }
    for (let r = row; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        if (r === row && c === left) this.grid.put(r, c, value, style);
        else this.grid.blank(r, c, style);
      }
    }
    this.grid.merge(row, left, bottom, right);
    if (bottom === row) this.mergedAreas.push({ row, left, right });
  }

  minWidth(col: number, width: number): void {
    this.minWidths[col - 1] = Math.max(this.minWidths[col - 1], width);
  }

  height(row: number, points: number): void {
    this.rowHeights[row] = Math.max(this.rowHeights[row] ?? 0, points);
  }

  get lastRow(): number {
    return this.grid.lastRow();
  }

  widths(): number[] {
    return this.contentWidth.map((w, i) => Math.min(MAX_WIDTH, Math.max(this.minWidths[i], w === 0 ? 0 : w + PADDING)));
  }

  toSheetSpec(
    name: string,
    orientation: PageSetup['orientation'],
    tableHeaderRow: number | null,
    print: { font?: string; footer?: string } = {},
  ): SheetSpec {
    const widths = this.widths();
    this.fitRowHeights(widths);
    const lastRow = this.lastRow;
    const cells = print.font ? withFont(this.grid.cells(), print.font) : this.grid.cells();
    return {
      name,
      cells,
      merges: this.grid.merges.slice(),
      columnWidths: widths,
      rowHeights: { ...this.rowHeights },
      pageSetup: {
        paperSize: 'A4',
        orientation,
        fitToWidth: 1,
        printArea: rangeAddress(1, 1, Math.max(1, lastRow), this.columns),
        printTitleRows: tableHeaderRow ? titleRows(tableHeaderRow) : null,
        margins: { top: 0.6, bottom: 0.6, left: 0.4, right: 0.4 },
        ...(print.footer ? { footer: print.footer } : {}),
      },
      freezeRows: 0,
      showGridlines: false,
    };
  }

  /** Wrapped text needs taller rows: Excel does not grow rows of merged cells by itself. */
  private fitRowHeights(widths: number[]): void {
    const spanOf = new Map<string, number>();
    for (const m of this.mergedAreas) {
      let w = 0;
      for (let c = m.left; c <= m.right; c++) w += widths[c - 1];
      spanOf.set(`${m.row}:${m.left}`, w);
    }
    for (const c of this.grid.cells()) {
      if (!c.style?.wrap || typeof c.value !== 'string') continue;
      const available = Math.max(1, (spanOf.get(`${c.row}:${c.col}`) ?? widths[c.col - 1]) - 1);
      const lines = c.value
        .split('\n')
        .reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / available)), 0);
      const lineHeight = Math.round(((c.style.size ?? 11) / 11) * LINE_HEIGHT);
      if (lines > 1 || lineHeight > LINE_HEIGHT) this.height(c.row, lines * lineHeight + 2);
    }
  }
}

export const TITLE_STYLE: CellStyle = { bold: true, size: 16, hAlign: 'center', vAlign: 'middle' };
export const LABEL_STYLE: CellStyle = { bold: true, vAlign: 'middle', wrap: true };
export const VALUE_STYLE: CellStyle = { hAlign: 'left', vAlign: 'middle', wrap: true };
export const TABLE_HEADER_STYLE: CellStyle = {
  bold: true,
  fill: HEADER_FILL,
  hAlign: 'center',
  vAlign: 'middle',
  wrap: true,
  border: 'thin',
};

export function tableCellStyle(extra: CellStyle = {}): CellStyle {
  return { border: 'thin', vAlign: 'middle', ...extra };
}

/**
 * The company's letterhead across the full width from `row`: its name, then one line of address, phone, fax and tax
 * number. Returns the row for the title below it.
 */
export function putLetterhead(g: FormGrid, company: CompanyProfile, lang: Lang, row: number): number {
  const head = letterheadLines(company, lang);
  g.merge(row, 1, g.columns, head.name, { bold: true, size: 15, hAlign: 'center', vAlign: 'middle' });
  g.height(row, 24);
  if (!head.contact) return row + 1;
  g.merge(row + 1, 1, g.columns, head.contact, { size: 9, hAlign: 'center', vAlign: 'middle', wrap: true });
  return row + 2;
}

/** Title across the full width in row `row`. */
export function putTitle(g: FormGrid, row: number, title: string): void {
  g.merge(row, 1, g.columns, title, TITLE_STYLE);
  g.height(row, 30);
}

export interface InfoItem {
  labelKey: string;
  value: WriteValue;
  numberFormat?: string;
  /** Takes the full width (long addresses). */
  wide?: boolean;
}

/**
 * Label/value pairs, two per row: label over columns 1–2, value to the middle; the second pair likewise
 * in the right half. Returns the next free row.
 */
export function putInfoBlock(g: FormGrid, lang: Lang, startRow: number, items: InfoItem[]): number {
  const n = g.columns;
  const half = Math.ceil(n / 2);
  let row = startRow;
  let slot = 0; // 0 = left half free, 1 = right half free
  for (const item of items) {
    if (item.wide && slot === 1) {
      row++;
      slot = 0;
    }
    const labelLeft = slot === 0 ? 1 : half + 1;
    const labelRight = Math.min(labelLeft + 1, n);
    const valueRight = item.wide || slot === 1 ? n : half;
    const valueStyle: CellStyle = item.numberFormat ? { ...VALUE_STYLE, numberFormat: item.numberFormat } : VALUE_STYLE;
    g.merge(row, labelLeft, labelRight, bilingual(lang, item.labelKey), LABEL_STYLE);
    g.merge(row, labelRight + 1, valueRight, item.value, valueStyle);
    if (item.wide || slot === 1) {
      row++;
      slot = 0;
    } else slot = 1;
  }
  return slot === 1 ? row + 1 : row;
}

export interface TableColumn {
  labelKey: string;
  /** Number format of the column's numbers. */
  numberFormat?: string;
  hAlign?: 'left' | 'center' | 'right';
  /** Text may wrap (descriptions, remarks). */
  wrap?: boolean;
  minWidth?: number;
}

/** The line table's header row (bilingual, two lines). */
export function putTableHeader(g: FormGrid, lang: Lang, row: number, columns: TableColumn[]): void {
  columns.forEach((c, i) => {
    g.set(row, i + 1, bilingual(lang, c.labelKey, '\n'), TABLE_HEADER_STYLE);
    if (c.minWidth) g.minWidth(i + 1, c.minWidth);
  });
}

/** One table row: values in column order; null cells stay empty but bordered. */
export function putTableRow(
  g: FormGrid,
  row: number,
  columns: TableColumn[],
  values: TableValue[],
  extra: CellStyle = {},
): void {
  putTableRowFrom(g, row, 1, columns, values, extra);
}

export type TableValue = WriteValue | { value: WriteValue; numberFormat?: string };

/**
 * Signature boxes across the width: a label row and an empty box row below it. Returns the next free row.
 * `weights` share the columns out (the customer's box on a delivery note is the widest); equal by default.
 */
export function putSignatureBoxes(
  g: FormGrid,
  lang: Lang,
  row: number,
  labelKeys: string[],
  weights: number[] = labelKeys.map(() => 1),
  boxHeight = 36,
): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let used = 0;
  let left = 1;
  labelKeys.forEach((key, i) => {
    used += weights[i];
    const last = labelKeys.length - 1;
    const share = Math.max(left, Math.round((used * g.columns) / total));
    const right = i === last ? g.columns : Math.min(share, g.columns - (last - i));
    g.merge(row, left, right, bilingual(lang, key), { ...LABEL_STYLE, border: 'thin', hAlign: 'center' });
    g.merge(row + 1, left, right, null, { border: 'thin' });
    left = right + 1;
  });
  g.height(row + 1, boxHeight);
  return row + 2;
}

/** A full-width line of text (remarks, copy purposes). */
export function putNote(g: FormGrid, row: number, text: string, style: CellStyle = {}): void {
  g.merge(row, 1, g.columns, text, { ...VALUE_STYLE, ...style });
}

/** Totals row: "合计 Total" over columns 1..labelSpan, then the given totals (1-based column → value), bordered. */
export function putTotalsRow(
  g: FormGrid,
  lang: Lang,
  row: number,
  columns: TableColumn[],
  labelSpan: number,
  totals: Record<number, TableValue>,
): void {
  g.merge(row, 1, labelSpan, bilingual(lang, 'doc.total'), tableCellStyle({ bold: true, hAlign: 'center' }));
  const values: TableValue[] = columns.map((_, i) => (i + 1 > labelSpan ? (totals[i + 1] ?? null) : null));
  const rest = columns.slice(labelSpan);
  putTableRowFrom(g, row, labelSpan + 1, rest, values.slice(labelSpan), { bold: true });
}

function putTableRowFrom(
  g: FormGrid,
  row: number,
  firstCol: number,
  columns: TableColumn[],
  values: TableValue[],
  extra: CellStyle,
): void {
  columns.forEach((c, i) => {
    const v = values[i] ?? null;
    const cell = typeof v === 'object' && v !== null ? v : { value: v };
    const format = cell.numberFormat ?? c.numberFormat;
    g.set(
      row,
      firstCol + i,
      cell.value,
      tableCellStyle({
        ...(c.hAlign ? { hAlign: c.hAlign } : {}),
        ...(c.wrap ? { wrap: true } : {}),
        ...(typeof cell.value === 'number' && format ? { numberFormat: format } : {}),
        ...extra,
      }),
    );
  });
}
