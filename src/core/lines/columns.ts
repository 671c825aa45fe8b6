// The order lines' readings column by column, in typed arrays: checks and delay classes read a field of 100,000 lines
// without one object per cell (bench/core/lines.bench.ts measures what this saves over reading each line's views).

import type { CellValue, DateField, FieldKey, NumericField, Reading } from '../types';

/** Reading kinds in a ReadingColumn (R_NONE: the line has no reading for the field). */
export const R_NONE = 0;
export const R_EMPTY = 1;
export const R_OK = 2;
export const R_OK_TEXT = 3;
export const R_INVALID = 4;
export const R_ERROR = 5;

/**
 * One field's readings for every line, as codes and values. Dates are whole-day serials in the 1900 system: the
 * reader drops a time of day, so every rule compares days.
 */
export interface ReadingColumn {
  kind: Uint8Array;
  /** The reading's value where kind is R_OK or R_OK_TEXT. */
  value: Float64Array;
}

/** Column-wise access to the order lines of one Understanding (what checks and classification read). */
export interface LineColumns {
  /** Number of lines; line k is u.lines[k]. */
  readonly n: number;
  /** Sheet row of line k. */
  row(k: number): number;
  num(field: NumericField): ReadingColumn;
  date(field: DateField): ReadingColumn;
  /** Raw value of a field on line k (undefined when the field is not mapped, as in `line.raw`). */
  raw(k: number, field: FieldKey): CellValue | undefined;
  /** Display text of a field on line k, as `line.text[field]`. */
  text(k: number, field: FieldKey): string | undefined;
  /** raw and text of one field (its column looked up once). */
  field(field: FieldKey): FieldCells;
  /** Indexes of the lines whose raw value of `field` is an error value (#N/A …). */
  errorLines(field: FieldKey): number[];
  /** Indexes of the lines whose raw value of `field` is missing, null or blank text. */
  emptyLines(field: FieldKey): number[];
}

/** One field's cells, line by line. */
export interface FieldCells {
  raw(k: number): CellValue | undefined;
  text(k: number): string | undefined;
}

export function newColumn(n: number): ReadingColumn {
  return { kind: new Uint8Array(n), value: new Float64Array(n) };
}

/** The value of line k's reading when it is a number or date (typed or as text), else null. */
export function okAt(col: ReadingColumn, k: number): number | null {
  const kind = col.kind[k];
  return kind === R_OK || kind === R_OK_TEXT ? col.value[k] : null;
}

/** Store one Reading as line k of a column. */
export function encodeReading(r: Reading, k: number, col: ReadingColumn): void {
  switch (r.kind) {
    case 'empty':
      col.kind[k] = R_EMPTY;
      break;
    case 'ok':
      col.kind[k] = r.fromText ? R_OK_TEXT : R_OK;
      col.value[k] = r.value;
      break;
    case 'invalid':
      col.kind[k] = R_INVALID;
      break;
    default:
      col.kind[k] = R_ERROR;
  }
}
