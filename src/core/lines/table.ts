// The line store: the order lines' cells as they sit in the snapshot, read on demand. Numbers and dates are read
// in one pass into typed-array columns (fast paths for real numbers); a line's raw/text/num/date views are built
// only when someone asks for them. The snapshot is not copied, so it must not be changed after understand().

import { cellText, readDate, readNumber, type DateContext } from '../cells';
import { isoToSerial, serialToIso, ymdToSerial } from '../dates';
import type {
  CellValue,
  DateField,
  FieldKey,
  NumericField,
  OrderLine,
  OrderSheet,
  Reading,
  Settings,
  SheetSnapshot,
} from '../types';
import { DATE_FIELDS, NUMERIC_FIELDS } from '../types';
import {
  R_OK,
  R_OK_TEXT,
  encodeReading,
  newColumn,
  type FieldCells,
  type LineColumns,
  type ReadingColumn,
} from './columns';
import { cellAt, scanDates, scanNumbers, scanText, type ScanSource } from './scan';

const NUMERIC = new Set<string>(NUMERIC_FIELDS);
const DATES = new Set<string>(DATE_FIELDS);
const THREE_DIGITS = /\d{3}/;
/** Lines per block of the scan (see scan()). */
const SCAN_BLOCK = 256;

export interface LineViews {
  raw: OrderLine['raw'];
  text: OrderLine['text'];
  num: OrderLine['num'];
  date: OrderLine['date'];
}

/** A mapped field: its index in the sheet's rows and how it is read (0 text, 1 number, 2 date). */
export interface PlanItem {
  field: FieldKey;
  idx: number;
  kind: 0 | 1 | 2;
}

/** The line store of an order sheet's data rows (`today` places year-less dates on lines without an order date). */
export function readLineTable(
  s: SheetSnapshot,
  order: OrderSheet,
  settings: Settings,
  today: string,
  dateSystem: 1900 | 1904,
): LineTable {
  const plan: PlanItem[] = [];
  for (const [field, col] of Object.entries(order.columns) as [FieldKey, number][]) {
    if (col === undefined || field === 'orderDate') continue;
    plan.push({ field, idx: col - s.left, kind: NUMERIC.has(field) ? 1 : DATES.has(field) ? 2 : 0 });
  }
  const orderDateIdx = order.columns.orderDate !== undefined ? order.columns.orderDate - s.left : -1;
  return new LineTable(
    s,
    order.dataRows,
    plan,
    orderDateIdx,
    dateSystem,
    todayToSerial(today),
    settings.dayFirstDates === true,
  );
}

export class LineTable implements LineColumns, ScanSource {
  readonly n: number;
  /** The sheet's rows, and the index in them of each line's row (no per-line array: 100,000-row sheets). */
  readonly values: CellValue[][];
  readonly rowIndex: Int32Array;
  private readonly formats: (string | null)[][] | null;
  private readonly idx = new Map<FieldKey, number>();
  private views: (LineViews | undefined)[] | null = null;
  /** Sheet row of values[0]. */
  private readonly top: number;
  private readonly numCols = new Map<NumericField, ReadingColumn>();
  private readonly dateCols = new Map<DateField, ReadingColumn>();
  private readonly errors = new Map<FieldKey, number[]>();
  private readonly emptySlot = new Map<FieldKey, number>();
  private emptyMask: Uint32Array | null = null;
  private none: ReadingColumn | null = null;
  private readonly numberTexts = new Map<string, Reading>();
  private readonly dateTexts = new Map<string, Reading>();
  private scanned = false;

  constructor(
    s: SheetSnapshot,
    dataRows: number[],
    private readonly plan: PlanItem[],
    private readonly orderDateIdx: number,
    readonly dateSystem: 1900 | 1904,
    private readonly todaySerial: number,
    private readonly dayFirst: boolean,
  ) {
    const n = dataRows.length;
    this.n = n;
    this.values = s.values;
    this.rowIndex = new Int32Array(n);
    for (let k = 0; k < n; k++) this.rowIndex[k] = dataRows[k] - s.top;
    this.formats = s.formats;
    this.top = s.top;
    if (orderDateIdx >= 0) this.idx.set('orderDate', orderDateIdx);
    for (const p of plan) this.idx.set(p.field, p.idx);
  }

  /** Sheet row of line k. */
  row(k: number): number {
    return this.rowIndex[k] + this.top;
  }

  private cell(k: number, i: number): CellValue {
    const v = cellAt(this.values, this.rowIndex, k, i);
    return v === undefined ? null : v;
  }

  private format(k: number, i: number): string | null {
    const fr = this.formats ? this.formats[this.rowIndex[k]] : null;
    return fr ? (fr[i] ?? null) : null;
  }

  /** Line k's views exactly as a full read of the line gives them (field order included). */
  viewsOf(k: number): LineViews {
    const views = (this.views ??= new Array(this.n));
    let v = views[k];
    if (v === undefined) {
      v = this.readLine(k);
      views[k] = v;
    }
    return v;
  }

  private readLine(k: number): LineViews {
    const line: LineViews = { raw: {}, text: {}, num: {}, date: {} };
    const ds = this.dateSystem;
    const dayFirst = this.dayFirst;
    let reference = this.todaySerial;
    if (this.orderDateIdx >= 0) {
      const v = this.cell(k, this.orderDateIdx);
      const fmt = this.format(k, this.orderDateIdx);
      const rd = readDate(v, fmt, { dateSystem: ds, referenceSerial: this.todaySerial, dayFirst });
      putDate(line, 'orderDate', v, rd, fmt, ds);
      if (rd.kind === 'ok') reference = rd.value;
    }
    let ctx: DateContext | null = null;
    for (const p of this.plan) {
      const v = this.cell(k, p.idx);
      const fmt = this.format(k, p.idx);
      line.raw[p.field] = v;
      if (p.kind === 1) {
        line.num[p.field as NumericField] = readNumber(v);
        line.text[p.field] = cellText(v, fmt, ds);
      } else if (p.kind === 2) {
        ctx ??= { dateSystem: ds, referenceSerial: reference, dayFirst };
        putDate(line, p.field as DateField, v, readDate(v, fmt, ctx), fmt, ds);
      } else {
        line.text[p.field] = cellText(v, fmt, ds);
      }
    }
    return line;
  }

  /**
   * One pass over the lines' cells: the readings of every mapped numeric and date field, and the lines whose cells
   * are errors or empty. The order date comes first: it places the line's year-less text dates.
   */
  private scan(): void {
    if (this.scanned) return;
    this.scanned = true;
    const slots: PlanItem[] = this.orderDateIdx >= 0 ? [{ field: 'orderDate', idx: this.orderDateIdx, kind: 2 }] : [];
    slots.push(...this.plan);
    // Bit j of emptyMask[k]: field j of line k is empty (≤ 32 mapped fields: FieldKey has 24).
    const emptyMask = new Uint32Array(this.n);
    const marks = slots.map((_, j) => ({ bit: 1 << j, errors: [] as number[], emptyMask }));
    const cols = slots.map((slot) => (slot.kind === 0 ? null : newColumn(this.n)));
    const orderDates = this.orderDateIdx >= 0 ? cols[0] : null;
    // Rows of a 100,000-line sheet lie far apart in memory: read a block of them field by field while they are in
    // the CPU cache (measured: field by field over all lines makes checks and classes 1.3–1.5× slower at 100k rows).
    for (let k0 = 0; k0 < this.n; k0 += SCAN_BLOCK) {
      const k1 = Math.min(this.n, k0 + SCAN_BLOCK);
      slots.forEach((slot, j) => {
        const col = cols[j];
        if (col === null) scanText(this, slot.idx, marks[j], k0, k1);
        else if (slot.kind === 1) scanNumbers(this, slot.idx, marks[j], k0, k1, col);
        else scanDates(this, slot.idx, marks[j], k0, k1, col, j === 0 ? null : orderDates, this.todaySerial);
      });
    }
    slots.forEach((slot, j) => {
      const col = cols[j];
      if (col && slot.kind === 1) this.numCols.set(slot.field as NumericField, col);
      if (col && slot.kind === 2) this.dateCols.set(slot.field as DateField, col);
      this.errors.set(slot.field, marks[j].errors);
      this.emptySlot.set(slot.field, j);
    });
    this.emptyMask = emptyMask;
  }

  /** readNumber of a text, remembered per text (a column repeats "1,200 pcs"; Readings are never changed). */
  readNumberText(v: string): Reading {
    let r = this.numberTexts.get(v);
    if (r === undefined) {
      r = readNumber(v);
      if (this.numberTexts.size < 10000) this.numberTexts.set(v, r);
    }
    return r;
  }

  /** A date cell that is not a plain serial: read as readDate does. */
  readDateInto(v: CellValue, k: number, i: number, reference: number, col: ReadingColumn): void {
    // A text with three digits in a row names its year (year-less forms have ≤ 2-digit parts), so its reading does not
    // depend on the reference date: remember it per text.
    const memo = typeof v === 'string' && THREE_DIGITS.test(v);
    let r = memo ? this.dateTexts.get(v as string) : undefined;
    if (r === undefined) {
      r = readDate(v, this.format(k, i), {
        dateSystem: this.dateSystem,
        referenceSerial: reference,
        dayFirst: this.dayFirst,
      });
      if (memo && this.dateTexts.size < 10000) this.dateTexts.set(v as string, r);
    }
    encodeReading(r, k, col);
  }

  /** Readings of a numeric field for every line (R_NONE throughout when the field is not mapped). */
  num(field: NumericField): ReadingColumn {
    this.scan();
    return this.numCols.get(field) ?? this.unmapped();
  }

  /** Readings of a date field for every line; year-less text dates are placed after the line's order date. */
  date(field: DateField): ReadingColumn {
    this.scan();
    return this.dateCols.get(field) ?? this.unmapped();
  }

  private unmapped(): ReadingColumn {
    return (this.none ??= newColumn(this.n));
  }

  errorLines(field: FieldKey): number[] {
    this.scan();
    return this.errors.get(field) ?? [];
  }

  emptyLines(field: FieldKey): number[] {
    this.scan();
    const out: number[] = [];
    const j = this.emptySlot.get(field);
    if (j === undefined || !this.emptyMask) return out;
    const bit = 1 << j;
    const mask = this.emptyMask;
    for (let k = 0; k < this.n; k++) if (mask[k] & bit) out.push(k);
    return out;
  }

  raw(k: number, field: FieldKey): CellValue | undefined {
    const i = this.idx.get(field);
    return i === undefined ? undefined : this.cell(k, i);
  }

  field(field: FieldKey): FieldCells {
    return new TableField(this, field, this.idx.get(field));
  }

  /** A mapped text field's display text on line k (strings straight from the row). */
  plainText(k: number, i: number): string {
    const v = cellAt(this.values, this.rowIndex, k, i);
    return typeof v === 'string' ? v.trim() : cellText(v === undefined ? null : v, this.format(k, i), this.dateSystem);
  }

  rawAt(k: number, i: number): CellValue {
    return this.cell(k, i);
  }

  /** Display text of a field on line k (dates read as dates print as YYYY-MM-DD); undefined when not mapped. */
  text(k: number, field: FieldKey): string | undefined {
    const i = this.idx.get(field);
    if (i === undefined) return undefined;
    const v = this.cell(k, i);
    if (DATES.has(field)) {
      const col = this.date(field as DateField);
      const kind = col.kind[k];
      if (kind === R_OK || kind === R_OK_TEXT) return serialToIso(col.value[k]);
    }
    if (typeof v === 'string') return v.trim();
    return cellText(v, this.format(k, i), this.dateSystem);
  }
}

class TableField implements FieldCells {
  private readonly plain: boolean;
  constructor(
    private readonly table: LineTable,
    private readonly f: FieldKey,
    private readonly i: number | undefined,
  ) {
    // A text field's text is the trimmed string or the cell's display text; a date field's needs its reading.
    this.plain = i !== undefined && !DATES.has(f);
  }
  raw(k: number): CellValue | undefined {
    return this.i === undefined ? undefined : this.table.rawAt(k, this.i);
  }
  text(k: number): string | undefined {
    if (this.plain) return this.table.plainText(k, this.i!);
    return this.i === undefined ? undefined : this.table.text(k, this.f);
  }
}

function putDate(
  line: LineViews,
  field: DateField,
  v: CellValue,
  rd: Reading,
  fmt: string | null,
  ds: 1900 | 1904,
): void {
  line.raw[field] = v;
  line.date[field] = rd;
  line.text[field] = rd.kind === 'ok' ? serialToIso(rd.value) : cellText(v, fmt, ds);
}

/** `today` as a serial; a bad ISO string falls back to the clock rather than failing the clerk's work. */
function todayToSerial(today: string): number {
  const n = isoToSerial(today);
  if (Number.isFinite(n)) return n;
  const d = new Date();
  return ymdToSerial(d.getFullYear(), d.getMonth() + 1, d.getDate());
}
