// Excel serial dates ↔ ISO dates. Core works in 1900-system serials (1 = 1900-01-01, with Excel's
// phantom 1900-02-29, so 61 = 1900-03-01); a 1904 workbook's serials are converted on read and write.
// IMPLEMENTATION OWNER: understanding helper. Signatures are the contract.

export const DATE_FORMAT = 'yyyy-mm-dd';
/** Days between the 1904 and 1900 systems' day zero. */
export const DAYS_1904_OFFSET = 1462;

export function isoToSerial(iso: string): number {
  throw new Error('not implemented');
}
export function serialToIso(serial: number): string {
  throw new Error('not implemented');
}
export function ymdToSerial(y: number, m: number, d: number): number {
  throw new Error('not implemented');
}
/** A raw serial from a workbook → 1900-system serial. */
export function toSerial1900(raw: number, dateSystem: 1900 | 1904): number {
  return dateSystem === 1904 ? raw + DAYS_1904_OFFSET : raw;
}
/** A 1900-system serial → the serial to write into a workbook of this date system. */
export function fromSerial1900(serial: number, dateSystem: 1900 | 1904): number {
  return dateSystem === 1904 ? serial - DAYS_1904_OFFSET : serial;
}
/** True when an Excel number format shows a date (yyyy, m/d, 年月日 …) and not a time-only or number format. */
export function isDateFormat(format: string | null | undefined): boolean {
  throw new Error('not implemented');
}
/** ISO week label for a serial, e.g. "2026-W47". */
export function isoWeekLabel(serial: number): string {
  throw new Error('not implemented');
}
