// Reading one cell as a number, a date or text (SPEC 4).
// IMPLEMENTATION OWNER: understanding helper. Signatures are the contract.

import type { CellValue, Reading } from './types';

export interface DateContext {
  dateSystem: 1900 | 1904;
  /** 1900-system serial that year-less dates (12月10日) are placed nearest after: the line's order date, else today. */
  referenceSerial: number;
  /** Read ambiguous 03/04/2026 as day-first (a setting); otherwise M/D/Y. */
  dayFirst: boolean;
}

/** Real numbers as they are; number-like text as fixable (fromText); other text invalid; errors as errors. */
export function readNumber(v: CellValue): Reading {
  throw new Error('not implemented');
}

/** Real date serials (any number in a date column), text dates as fixable; other text invalid. */
export function readDate(v: CellValue, format: string | null, ctx: DateContext): Reading {
  throw new Error('not implemented');
}

/** Display text of a cell: trimmed strings, numbers as written, date-formatted serials as YYYY-MM-DD, errors as their code. */
export function cellText(v: CellValue, format: string | null, dateSystem: 1900 | 1904): string {
  throw new Error('not implemented');
}
