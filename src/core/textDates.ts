// Dates typed as text (SPEC 4): 2026-12-05, 2026/12/8, 2026.12.05, 2026年11月21日, 12月10日, Dec 3, 2026,
// 3 Dec 2026, 20261205, 12/25/2026 (M/D/Y unless the day is over 12 or the clerk chose day-first).

import { isValidYmd, serialToYmd, ymdToSerial } from './dates';
import { hasNonAscii } from './text';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

// A trailing time ("2026-12-05 10:30", "2026-12-05T00:00:00") does not change the day.
const TIME = String.raw`(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?Z?)?`;
const YMD = new RegExp(String.raw`^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})${TIME}$`, 'i');
const CJK_YMD = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?$/;
const CJK_MD = /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SLASHED = new RegExp(String.raw`^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})${TIME}$`, 'i');
const SLASHED_NO_YEAR = /^(\d{1,2})\s*\/\s*(\d{1,2})$/;
const MON_D_Y = /^([a-z]{3,9})\.?\s*(\d{1,2})(?:st|nd|rd|th)?(?:\s*,\s*|\s+|-)(\d{4}|\d{2})$/i;
const D_MON_Y = /^(\d{1,2})(?:st|nd|rd|th)?(?:\s+|-)([a-z]{3,9})\.?(?:\s*,\s*|\s+|-)(\d{4}|\d{2})$/i;
const MON_D = /^([a-z]{3,9})\.?\s*(\d{1,2})(?:st|nd|rd|th)?$/i;
const D_MON = /^(\d{1,2})(?:st|nd|rd|th)?(?:\s+|-)([a-z]{3,9})\.?$/i;
// Weekday names clerks add after a date: "2026-12-05 (周六)", "Sat".
const WEEKDAY_TAIL = /\s*[(（]?\s*(?:周|星期|週|禮拜|礼拜)[一二三四五六日天][)）]?\s*$/;

/** 1900-system serial of a text date, or null. Year-less dates take the first year on or after `referenceSerial`. */
export function parseDateText(text: string, referenceSerial: number, dayFirst: boolean): number | null {
  let t = text.trim();
  if (t.length > 40) return null;
  if (hasNonAscii(t)) t = t.normalize('NFKC').replace(WEEKDAY_TAIL, '').trim();
  let m: RegExpExecArray | null;
  if ((m = YMD.exec(t))) return ymd(+m[1], +m[3], +m[4]);
  if ((m = CJK_YMD.exec(t))) return ymd(+m[1], +m[2], +m[3]);
  if ((m = CJK_MD.exec(t))) return yearless(+m[1], +m[2], referenceSerial);
  if ((m = COMPACT.exec(t))) return ymd(+m[1], +m[2], +m[3]);
  if ((m = SLASHED.exec(t))) {
    const [md, dm] = [ymd(fullYear(+m[4]), +m[1], +m[3]), ymd(fullYear(+m[4]), +m[3], +m[1])];
    return dayFirst || +m[1] > 12 ? dm : md;
  }
  if ((m = SLASHED_NO_YEAR.exec(t))) {
    const [a, b] = [+m[1], +m[2]];
    return dayFirst || a > 12 ? yearless(b, a, referenceSerial) : yearless(a, b, referenceSerial);
  }
  if ((m = MON_D_Y.exec(t))) return monthName(m[1], (mo) => ymd(fullYear(+m![3]), mo, +m![2]));
  if ((m = D_MON_Y.exec(t))) return monthName(m[2], (mo) => ymd(fullYear(+m![3]), mo, +m![1]));
  if ((m = MON_D.exec(t))) return monthName(m[1], (mo) => yearless(mo, +m![2], referenceSerial));
  if ((m = D_MON.exec(t))) return monthName(m[2], (mo) => yearless(mo, +m![1], referenceSerial));
  return null;
}

function ymd(y: number, m: number, d: number): number | null {
  return isValidYmd(y, m, d) ? ymdToSerial(y, m, d) : null;
}

function fullYear(y: number): number {
  return y < 100 ? 2000 + y : y;
}

function monthName(name: string, then: (month: number) => number | null): number | null {
  const mo = MONTHS[name.toLowerCase()];
  return mo === undefined ? null : then(mo);
}

/** The first m/d on or after the reference date (12月10日 after an order of 2026-11-05 → 2026-12-10). */
function yearless(m: number, d: number, referenceSerial: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const refYear = Number.isFinite(referenceSerial) ? serialToYmd(referenceSerial).y : new Date().getUTCFullYear();
  const ref = Number.isFinite(referenceSerial) ? Math.floor(referenceSerial) : ymdToSerial(refYear, 1, 1);
  for (let y = refYear; y <= refYear + 8; y++) {
    const s = ymd(y, m, d);
    if (s !== null && s >= ref) return s;
  }
  return null;
}
