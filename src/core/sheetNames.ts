// Sheet names Excel accepts: at most 31 characters, none of : \ / ? * [ ], not starting or ending with ', not
// "History" (reserved), unique among the workbook's sheets (case-insensitive, as Excel compares them).

import { EXCEL_LIMITS } from './limits';

const FORBIDDEN = /[:\\/?*[\]]/g;
export const MAX_SHEET_NAME = EXCEL_LIMITS.sheetNameChars;

export function cleanSheetName(name: string): string {
  let s = name
    .replace(FORBIDDEN, '-')
    .replace(/^'+|'+$/g, '')
    .trim();
  if (s === '') s = 'Sheet';
  if (s.toLowerCase() === 'history') s = `${s} 1`;
  return s.slice(0, MAX_SHEET_NAME);
}

export function uniqueSheetName(base: string, existing: Iterable<string>): string {
  const taken = new Set(Array.from(existing, (n) => n.toLowerCase()));
  const clean = cleanSheetName(base);
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = clean.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
