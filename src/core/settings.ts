// Settings live in the workbook (SPEC 9): JSON in column A of the very hidden sheet `_order_clerk`,
// split over several cells because one cell holds at most 32,767 characters.

import type { WorkbookEdit } from './edits';
import { findSheet } from './snapshot';
import { DEFAULT_SETTINGS, type Settings, type WorkbookSnapshot } from './types';

export const SETTINGS_SHEET = '_order_clerk';
export const SETTINGS_CELL_CHARS = 30000;

export function readSettings(wb: WorkbookSnapshot): Settings {
  const s = findSheet(wb, SETTINGS_SHEET);
  if (!s) return structuredCloneSettings(DEFAULT_SETTINGS);
  let json = '';
  for (let i = 0; i < s.values.length; i++) {
    const v = s.values[i][1 - s.left];
    if (typeof v !== 'string' || v === '') break;
    json += v;
  }
  try {
    const parsed = JSON.parse(json) as Partial<Settings>;
    return mergeSettings(parsed);
  } catch {
    // Unreadable settings never stop the clerk's work: fall back to defaults.
    return structuredCloneSettings(DEFAULT_SETTINGS);
  }
}

function mergeSettings(p: Partial<Settings>): Settings {
  const d = structuredCloneSettings(DEFAULT_SETTINGS);
  const lastNumbers = validLastNumbers(p.lastNumbers);
  return {
    version: 1,
    columnOverrides: isObj(p.columnOverrides) ? p.columnOverrides : d.columnOverrides,
    headerRowOverrides: isObj(p.headerRowOverrides) ? p.headerRowOverrides : d.headerRowOverrides,
    dueSoonDays:
      typeof p.dueSoonDays === 'number' && p.dueSoonDays >= 0 && p.dueSoonDays <= 365
        ? Math.floor(p.dueSoonDays)
        : d.dueSoonDays,
    extraStatusWords: isObj(p.extraStatusWords) ? p.extraStatusWords : d.extraStatusWords,
    documentLang: p.documentLang === 'zh-CN' || p.documentLang === 'en-US' ? p.documentLang : null,
    dayFirstDates: p.dayFirstDates === true,
    ...(lastNumbers ? { lastNumbers } : {}),
  };
}

/** Only entries that are non-negative whole numbers survive: a hand-edited bad entry must not break numbering. */
function validLastNumbers(v: unknown): Record<string, number> | undefined {
  if (!isObj(v)) return undefined;
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries(v as Record<string, unknown>)) {
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0) out[k] = n;
  }
  return out;
}

function isObj<T>(v: T | undefined): v is T {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function structuredCloneSettings(s: Settings): Settings {
  return JSON.parse(JSON.stringify(s)) as Settings;
}

export function planWriteSettings(settings: Settings): WorkbookEdit {
  return { kind: 'writeSettings', json: JSON.stringify(settings) };
}

/** The JSON split into cell-sized chunks, for the adapters. */
export function settingsChunks(json: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < json.length; i += SETTINGS_CELL_CHARS) out.push(json.slice(i, i + SETTINGS_CELL_CHARS));
  return out.length ? out : ['{}'];
}
