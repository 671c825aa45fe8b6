// Settings live in the workbook (SPEC 9): JSON in column A of the very hidden sheet `_order_clerk`,
// split over several cells because one cell holds at most 32,767 characters.

import type { WorkbookEdit } from './edits';
import { findSheet } from './snapshot';
import { DEFAULT_SETTINGS, type CompanyProfile, type Settings, type WorkbookSnapshot } from './types';

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
    ...shipmentSettings(p, d),
  };
}

/** Company profile, receiptDays, ports and marks (SPEC 9): kept only when they have the right shape. */
function shipmentSettings(
  p: Partial<Settings>,
  d: Settings,
): Pick<Settings, 'receiptDays' | 'company' | 'ports' | 'marks'> {
  const out: Pick<Settings, 'receiptDays' | 'company' | 'ports' | 'marks'> = {
    receiptDays:
      typeof p.receiptDays === 'number' && p.receiptDays >= 0 && p.receiptDays <= 365
        ? Math.floor(p.receiptDays)
        : d.receiptDays,
  };
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  if (isObj(p.company) && text(p.company.name)) {
    const c = p.company;
    const company: CompanyProfile = { name: text(c.name) as string };
    for (const k of ['address', 'phone', 'fax', 'taxNo'] as const) {
      const v = text(c[k]);
      if (v) company[k] = v;
    }
    out.company = company;
  }
  if (isObj(p.ports)) {
    const ports: NonNullable<Settings['ports']> = {};
    const loading = text(p.ports.loading);
    const destination = text(p.ports.destination);
    if (loading) ports.loading = loading;
    if (destination) ports.destination = destination;
    if (loading || destination) out.ports = ports;
  }
  if (Array.isArray(p.marks)) {
    const marks = p.marks.map(text).filter((m): m is string => m !== undefined);
    if (marks.length) out.marks = marks;
  }
  return out;
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
