// The one pass of the line store over the lines' cells, field by field: readings of numeric and date fields into
// their columns, and which lines hold an error value or nothing.

import { daySerial, readNumber } from '../cells';
import { MAX_SERIAL, PHANTOM_LEAP_DAY } from '../dates';
import { isBlankCell, isBlankText } from '../text';
import { isCellError, type CellValue, type Reading } from '../types';
import { R_EMPTY, R_OK, R_OK_TEXT, encodeReading, type ReadingColumn } from './columns';

/** The cells the scan reads, and the line store's readings for cells without a fast path (remembered per text). */
export interface ScanSource {
  /** The sheet's rows, and the index in them of each line's row. */
  readonly values: CellValue[][];
  readonly rowIndex: Int32Array;
  readonly dateSystem: 1900 | 1904;
  readNumberText(v: string): Reading;
  readDateInto(v: CellValue, k: number, i: number, reference: number, col: ReadingColumn): void;
}

/** What one field's scan records per line: bit `bit` of emptyMask[k] when empty, k in `errors` for an error value. */
export interface ScanMarks {
  bit: number;
  errors: number[];
  emptyMask: Uint32Array;
}

/** Cell i of line k's row (null for a column left of the sheet, undefined past a short or missing row). */
export function cellAt(values: CellValue[][], rowIndex: Int32Array, k: number, i: number): CellValue | undefined {
  const r = values[rowIndex[k]];
  return r === undefined || r === null || i < 0 ? null : r[i];
}

/** A text field, lines k0 to k1 - 1: only which lines are empty or hold an error. */
export function scanText(src: ScanSource, i: number, m: ScanMarks, k0: number, k1: number): void {
  const { values, rowIndex } = src;
  const { bit, errors, emptyMask } = m;
  for (let k = k0; k < k1; k++) {
    const v = cellAt(values, rowIndex, k, i);
    if (typeof v === 'string') {
      if (isBlankText(v)) emptyMask[k] |= bit;
    } else if (v === null || v === undefined) emptyMask[k] |= bit;
    else if (typeof v === 'object' && isCellError(v)) errors.push(k);
  }
}

export function scanNumbers(
  src: ScanSource,
  i: number,
  m: ScanMarks,
  k0: number,
  k1: number,
  col: ReadingColumn,
): void {
  const { values, rowIndex } = src;
  const { bit, errors, emptyMask } = m;
  const { kind, value } = col;
  for (let k = k0; k < k1; k++) {
    const v = cellAt(values, rowIndex, k, i);
    // Real numbers are by far the most common cell: no Reading object for them.
    if (typeof v === 'number' && v - v === 0) {
      kind[k] = R_OK;
      value[k] = v;
    } else if (isBlankCell(v)) {
      emptyMask[k] |= bit;
      kind[k] = R_EMPTY;
    } else {
      if (typeof v === 'object' && isCellError(v)) errors.push(k);
      encodeReading(typeof v === 'string' ? src.readNumberText(v) : readNumber(v as CellValue), k, col);
    }
  }
}

/** A date field; `orderDates` (read first) places each line's year-less text dates, else `todaySerial`. */
export function scanDates(
  src: ScanSource,
  i: number,
  m: ScanMarks,
  k0: number,
  k1: number,
  col: ReadingColumn,
  orderDates: ReadingColumn | null,
  todaySerial: number,
): void {
  const { values, rowIndex, dateSystem } = src;
  const { bit, errors, emptyMask } = m;
  const { kind, value } = col;
  for (let k = k0; k < k1; k++) {
    const v = cellAt(values, rowIndex, k, i);
    if (typeof v === 'number' && v - v === 0 && v <= MAX_SERIAL) {
      const serial = daySerial(v, dateSystem);
      // As readDate: serial 60 (the phantom 1900-02-29) and negative 1904 serials fall through to date.invalid.
      if (serial >= 1 && serial !== PHANTOM_LEAP_DAY && v >= 0) {
        kind[k] = R_OK;
        value[k] = serial;
        continue;
      }
    }
    if (isBlankCell(v)) {
      emptyMask[k] |= bit;
      kind[k] = R_EMPTY;
      continue;
    }
    if (typeof v === 'object' && isCellError(v)) errors.push(k);
    let reference = todaySerial;
    if (orderDates && (orderDates.kind[k] === R_OK || orderDates.kind[k] === R_OK_TEXT))
      reference = orderDates.value[k];
    src.readDateInto(v as CellValue, k, i, reference, col);
  }
}
