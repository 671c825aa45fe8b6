// Settings live in the workbook (SPEC 9): JSON in column A of the very hidden sheet `_order_clerk`,
// split over several cells because one cell holds at most 32,767 characters.

import type { WorkbookEdit } from './edits';
import { FIELD_DEFS, MASTER_FIELDS } from './fields';
import { findSheet } from './snapshot';
import {
  DEFAULT_SETTINGS,
  type CompanyProfile,
  type FieldKey,
  type Settings,
  type StatusKind,
  type WorkbookSnapshot,
} from './types';

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
    const parsed = JSON.parse(json) as unknown;
    // The workbook is input from anyone: a settings sheet holding a list, a number or null is no settings.
    if (!isObj(parsed)) return structuredCloneSettings(DEFAULT_SETTINGS);
    return mergeSettings(parsed as Partial<Settings>);
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
    columnOverrides: validColumnOverrides(p.columnOverrides) ?? d.columnOverrides,
    headerRowOverrides: validHeaderRows(p.headerRowOverrides) ?? d.headerRowOverrides,
    dueSoonDays:
      typeof p.dueSoonDays === 'number' && p.dueSoonDays >= 0 && p.dueSoonDays <= 365
        ? Math.floor(p.dueSoonDays)
        : d.dueSoonDays,
    extraStatusWords: validStatusWords(p.extraStatusWords) ?? d.extraStatusWords,
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

/** Largest document sequence kept: numbers are written as WO-YYYYMMDD-NNN, and no clerk makes a million a day. */
export const MAX_LAST_NUMBER = 999999;

/**
 * Only entries that are whole numbers the numbering can write survive: a hand-edited bad entry (1e300, -1, "7")
 * must not break numbering. Until the settings schema (issue 16.2) each bad field is dropped quietly.
 */
function validLastNumbers(v: unknown): Record<string, number> | undefined {
  if (!isObj(v)) return undefined;
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries(v as Record<string, unknown>)) {
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_LAST_NUMBER) out[k] = n;
  }
  return out;
}

const FIELD_KEYS = new Set<string>(FIELD_DEFS.map((f) => f.key).filter((k) => !MASTER_FIELDS.includes(k as never)));
const STATUS_KINDS: StatusKind[] = ['shipped', 'cancelled', 'partial'];

/** sheet → (column letter or header → a known field or null); anything else is dropped. */
function validColumnOverrides(v: unknown): Settings['columnOverrides'] | undefined {
  if (!isObj(v)) return undefined;
  const out: Settings['columnOverrides'] = {};
  for (const [sheet, map] of Object.entries(v as Record<string, unknown>)) {
    if (!isObj(map)) continue;
    const fields: Record<string, FieldKey | null> = {};
    for (const [key, field] of Object.entries(map as Record<string, unknown>)) {
      if (field === null || (typeof field === 'string' && FIELD_KEYS.has(field)))
        fields[key] = field as FieldKey | null;
    }
    out[sheet] = fields;
  }
  return out;
}

/** sheet → a sheet row number. */
function validHeaderRows(v: unknown): Record<string, number> | undefined {
  if (!isObj(v)) return undefined;
  const out: Record<string, number> = {};
  for (const [sheet, row] of Object.entries(v as Record<string, unknown>)) {
    if (typeof row === 'number' && Number.isInteger(row) && row >= 1 && row <= 1048576) out[sheet] = row;
  }
  return out;
}

/** shipped / cancelled / partial → a list of words (text only). */
function validStatusWords(v: unknown): Settings['extraStatusWords'] | undefined {
  if (!isObj(v)) return undefined;
  const out: Settings['extraStatusWords'] = {};
  for (const kind of STATUS_KINDS) {
    const words = (v as Record<string, unknown>)[kind];
    if (Array.isArray(words)) out[kind] = words.filter((w): w is string => typeof w === 'string' && w.trim() !== '');
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
