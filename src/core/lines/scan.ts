// The one pass of the line store over the lines' cells: readings of numeric and date fields into their columns,
// and which lines hold an error value or nothing, per field.

import { MAX_SERIAL } from '../dates';
import { daySerial, readNumber } from '../cells';
import { isBlankCell, isBlankText } from '../text';
import { isCellError, type CellValue, type Reading } from '../types';
import { R_EMPTY, R_OK, R_OK_TEXT, encodeReading, type ReadingColumn } from './columns';

/** What the scan asks of the line store for cells without a fast path (memoised readings). */
export interface ScanReader {
  readNumberText(v: string): Reading;
  readDateInto(v: CellValue, k: number, i: number, reference: number, col: ReadingColumn): void;
}

/** Lines per block of the scan: a block's rows stay in the CPU cache while each field is read. */
const SCAN_BLOCK = 256;

/**
 * The scan, in blocks of rows and, within a block, field by field (tight loops per kind of field). Slot j reads
 * column idxs[j] as text (kind 0), a number (1) or a date (2; slot 0 is the order date when hasOrderDate: it places
 * the line's year-less text dates, so it is read first).
 */
export function scanCells(
  table: ScanReader,
  values: CellValue[][],
  rowIndex: Int32Array,
  idxs: number[],
  kinds: number[],
  cols: (ReadingColumn | null)[],
  errors: number[][],
  emptyMask: Uint32Array,
  dateSystem: 1900 | 1904,
  hasOrderDate: boolean,
  todaySerial: number,
): void {
  const n = rowIndex.length;
  for (let k0 = 0; k0 < n; k0 += SCAN_BLOCK) {
    const k1 = Math.min(n, k0 + SCAN_BLOCK);
    for (let j = 0; j < idxs.length; j++) {
      const i = idxs[j];
      const col = cols[j];
      if (col === null) scanText(values, rowIndex, k0, k1, i, 1 << j, errors[j], emptyMask);
      else if (kinds[j] === 1) scanNumbers(table, values, rowIndex, k0, k1, i, 1 << j, errors[j], emptyMask, col);
      else {
        const orderDates = hasOrderDate && j > 0 ? cols[0] : null;
        scanDates(
          table,
          values,
          rowIndex,
          k0,
          k1,
          i,
          1 << j,
          errors[j],
          emptyMask,
          col,
          dateSystem,
          orderDates,
          todaySerial,
        );
      }
    }
  }
}

/** Cell i of line k's row (null for a column left of the sheet, undefined past a short or missing row). */
export function cellAt(values: CellValue[][], rowIndex: Int32Array, k: number, i: number): CellValue | undefined {
  const r = values[rowIndex[k]];
  return r === undefined || r === null || i < 0 ? null : r[i];
}

function scanText(
  values: CellValue[][],
  rowIndex: Int32Array,
  k0: number,
  k1: number,
  i: number,
  bit: number,
  errors: number[],
  emptyMask: Uint32Array,
): void {
  for (let k = k0; k < k1; k++) {
    const v = cellAt(values, rowIndex, k, i);
    if (typeof v === 'string') {
      if (isBlankText(v)) emptyMask[k] |= bit;
    } else if (v === null || v === undefined) emptyMask[k] |= bit;
    else if (typeof v === 'object' && isCellError(v)) errors.push(k);
  }
}

function scanNumbers(
  table: ScanReader,
  values: CellValue[][],
  rowIndex: Int32Array,
  k0: number,
  k1: number,
  i: number,
  bit: number,
  errors: number[],
  emptyMask: Uint32Array,
  col: ReadingColumn,
): void {
  const kind = col.kind;
  const value = col.value;
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
      encodeReading(typeof v === 'string' ? table.readNumberText(v) : readNumber(v as CellValue), k, col);
    }
  }
}

function scanDates(
  table: ScanReader,
  values: CellValue[][],
  rowIndex: Int32Array,
  k0: number,
  k1: number,
  i: number,
  bit: number,
  errors: number[],
  emptyMask: Uint32Array,
  col: ReadingColumn,
  dateSystem: 1900 | 1904,
  orderDates: ReadingColumn | null,
  todaySerial: number,
): void {
  const kind = col.kind;
  const value = col.value;
  for (let k = k0; k < k1; k++) {
    const v = cellAt(values, rowIndex, k, i);
    if (typeof v === 'number' && v - v === 0 && v <= MAX_SERIAL) {
      const serial = daySerial(v, dateSystem);
      if (serial >= 1) {
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
    table.readDateInto(v as CellValue, k, i, reference, col);
  }
}
