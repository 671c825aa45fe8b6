// Excel serial dates ↔ ISO dates. Core works in 1900-system serials (1 = 1900-01-01, with Excel's
// phantom 1900-02-29, so 61 = 1900-03-01); a 1904 workbook's serials are converted on read and write.

export const DATE_FORMAT = 'yyyy-mm-dd';
/** Days between the 1904 and 1900 systems' day zero. */
export const DAYS_1904_OFFSET = 1462;
/** Largest serial Excel shows as a date (9999-12-31). */
export const MAX_SERIAL = 2958465;

const DAY_MS = 86400000;
// Day zero for serials from 61 on (1899-12-30, which absorbs the phantom leap day).
const EPOCH_MS = Date.UTC(1899, 11, 30);

/** 'YYYY-MM-DD' → serial; NaN when the text is not a real calendar date. */
/** The clerk's local calendar date of `d` as YYYY-MM-DD (today for the pane, the CLI and the ribbon). */
export function localIsoDate(d: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function isoToSerial(iso: string): number {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(String(iso).trim());
  if (!m) return NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isValidYmd(y, mo, d) ? ymdToSerial(y, mo, d) : NaN;
}

const isoCache = new Map<number, string>();

export function serialToIso(serial: number): string {
  const day = Math.floor(serial);
  // Order sheets repeat the same few hundred dates: remember them (100,000-row sheets).
  let iso = isoCache.get(day);
  if (iso === undefined) {
    const { y, m, d } = serialToYmd(day);
    iso = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
    if (isoCache.size < 50000) isoCache.set(day, iso);
  }
  return iso;
}

/** Calendar parts of a serial (fraction = time of day, dropped). Serial 60 is Excel's phantom 1900-02-29. */
export function serialToYmd(serial: number): { y: number; m: number; d: number } {
  const day = Math.floor(serial);
  if (day === 60) return { y: 1900, m: 2, d: 29 };
  const ms = EPOCH_MS + (day < 60 ? day + 1 : day) * DAY_MS;
  const dt = new Date(ms);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function ymdToSerial(y: number, m: number, d: number): number {
  const dt = new Date(0);
  dt.setUTCFullYear(y, m - 1, d);
  dt.setUTCHours(0, 0, 0, 0);
  const days = Math.round((dt.getTime() - EPOCH_MS) / DAY_MS);
  // Before 1900-03-01 Excel counts one day less (it has no phantom day yet).
  return days < 61 ? days - 1 : days;
}

/** True for a real calendar date in Excel's range (1900-01-01 … 9999-12-31). */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Serial 60 is Excel's phantom 1900-02-29 (kept for Lotus 1-2-3): no such day existed. */
export const PHANTOM_LEAP_DAY = 60;

/** True for a whole 1900-system serial that is a real calendar day Excel can show (1900-01-01 … 9999-12-31). */
export function isRealDateSerial(day: number): boolean {
  return day >= 1 && day <= MAX_SERIAL && day !== PHANTOM_LEAP_DAY;
}

/** A raw serial from a workbook → 1900-system serial. */
export function toSerial1900(raw: number, dateSystem: 1900 | 1904): number {
  return dateSystem === 1904 ? raw + DAYS_1904_OFFSET : raw;
}
/** A 1900-system serial → the serial to write into a workbook of this date system. */
export function fromSerial1900(serial: number, dateSystem: 1900 | 1904): number {
  return dateSystem === 1904 ? serial - DAYS_1904_OFFSET : serial;
}

const dateFormatCache = new Map<string, boolean>();

/** True when an Excel number format shows a date (yyyy, m/d, 年月日 …) and not a time-only or number format. */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  let hit = dateFormatCache.get(format);
  if (hit === undefined) {
    hit = scanDateFormat(format);
    if (dateFormatCache.size < 1000) dateFormatCache.set(format, hit);
  }
  return hit;
}

function scanDateFormat(format: string): boolean {
  // Only the first (positive) section decides; quoted text, escapes, fills and [brackets] are not tokens.
  const section = format.split(';')[0];
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, 'h') // elapsed time ([h]:mm) is a duration, not a date
    .replace(/\[[^\]]*\]/g, '')
    .toLowerCase()
    .replace(/general/g, '');
  if (/[年月日]/.test(bare)) return true;
  if (/[yd]/.test(bare)) return true;
  // m alone is a month unless hours or seconds make it minutes (h:mm, mm:ss).
  return /m/.test(bare) && !/[hs]/.test(bare);
}

/** ISO week label for a serial, e.g. "2026-W47". */
export function isoWeekLabel(serial: number): string {
  const { y, m, d } = serialToYmd(serial);
  const dt = Date.UTC(y, m - 1, d);
  const weekday = (new Date(dt).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(dt + (3 - weekday) * DAY_MS);
  const isoYear = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * DAY_MS));
  return `${isoYear}-W${pad2(week)}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
