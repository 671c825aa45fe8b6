// Settings live in the workbook (SPEC 9): JSON in column A of the very hidden sheet `_order_clerk`,
// split over several cells because one cell holds at most 32,767 characters.

import type { WorkbookEdit } from './edits';
import { FIELD_DEFS, MASTER_FIELDS } from './fields';
import { t } from './i18n';
import { findSheet } from './snapshot';
import {
  DEFAULT_SETTINGS,
  type CompanyProfile,
  type FieldKey,
  type Lang,
  type Settings,
  type StatusKind,
  type WorkbookSnapshot,
} from './types';

export const SETTINGS_SHEET = '_order_clerk';
export const SETTINGS_CELL_CHARS = 30000;

/**
 * What reading the settings found: the settings to use, each ignored field by its JSON path ("dueSoonDays",
 * "lastNumbers.WO-20261122"), and whether the whole text was unreadable (cut-off JSON, a list, null).
 */
export interface SettingsReading {
  settings: Settings;
  ignored: string[];
  unreadable: boolean;
}

/** The settings to use; a bad field is ignored (see readSettingsChecked for which, to tell the clerk). */
export function readSettings(wb: WorkbookSnapshot): Settings {
  return readSettingsChecked(wb).settings;
}

/** Key under which settings text that is not a JSON object is kept, so the next write does not lose it. */
export const UNREADABLE_KEY = 'unreadableSettings';

/**
 * The workbook is input from anyone, its settings too (issue 16.2): every field goes through SETTINGS_SCHEMA;
 * a bad field is ignored (its default used) and named in `ignored`, the rest still used. Fields this version does
 * not know are kept in `kept` and written back untouched.
 */
export function readSettingsChecked(wb: WorkbookSnapshot): SettingsReading {
  const defaults = (): Settings => structuredCloneSettings(DEFAULT_SETTINGS);
  const s = findSheet(wb, SETTINGS_SHEET);
  if (!s) return { settings: defaults(), ignored: [], unreadable: false };
  let json = '';
  for (let i = 0; i < s.values.length; i++) {
    const v = s.values[i][1 - s.left];
    if (typeof v !== 'string' || v === '') break;
    json += v;
  }
  if (json.trim() === '') return { settings: defaults(), ignored: [], unreadable: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json) as unknown;
  } catch {
    parsed = undefined;
  }
  // A list, a number, null or cut-off JSON is no settings: the defaults are used and the text kept for the clerk.
  if (!isObj(parsed))
    return { settings: { ...defaults(), kept: { [UNREADABLE_KEY]: json } }, ignored: [], unreadable: true };
  const ignored: string[] = [];
  return { settings: checkSettings(parsed as Record<string, unknown>, ignored), ignored, unreadable: false };
}

/** A reader of one field: the value to use, or undefined (absent or bad: the default). `bad(path)` names a bad part. */
type FieldReader<T> = (v: unknown, bad: (path?: string) => undefined) => T | undefined;

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** Optional text: absent or blank is no value; anything but text is bad. */
function optText(v: unknown, bad: () => undefined): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') bad();
  return text(v);
}

function daysIn(min: number, max: number): FieldReader<number> {
  return (v, bad) => {
    if (typeof v === 'number' && v >= min && v <= max) return Math.floor(v);
    bad();
    return undefined;
  };
}

/** An object read entry by entry: a bad entry is named "field.key" and dropped, the others kept. */
function mapOf<T>(entry: (v: unknown) => T | undefined): FieldReader<Record<string, T>> {
  return (v, bad) => {
    if (!isObj(v)) return bad();
    const out: Record<string, T> = {};
    for (const [k, e] of Object.entries(v as Record<string, unknown>)) {
      const r = entry(e);
      if (r === undefined) bad(k);
      else put(out, k, r);
    }
    return out;
  };
}

/** A list of text: one bad item makes the field named once; the text items are kept. */
function textList(v: unknown, bad: () => undefined): string[] | undefined {
  if (!Array.isArray(v)) return bad();
  const out = v.map(text).filter((m): m is string => m !== undefined);
  if (v.some((m) => typeof m !== 'string')) bad();
  return out;
}

/**
 * The one schema of the settings (SPEC 9): one reader per field of `Settings`, beside the type in types.ts.
 * Hand-written, no validation library: the pane's size budget, and no new dependency this stop.
 */
const SETTINGS_SCHEMA: {
  [K in Exclude<keyof Settings, 'version' | 'kept'>]-?: FieldReader<Exclude<Settings[K], undefined>>;
} = {
  // sheet → (column letter or header → a known field or null)
  columnOverrides: (v, bad) => {
    if (!isObj(v)) return bad();
    const out: Settings['columnOverrides'] = {};
    for (const [sheet, map] of Object.entries(v as Record<string, unknown>)) {
      const fields = mapOf<FieldKey | null>((f) =>
        f === null ? null : typeof f === 'string' && FIELD_KEYS.has(f) ? (f as FieldKey) : undefined,
      )(map, (k) => bad(k === undefined ? sheet : `${sheet}.${k}`));
      if (fields) out[sheet] = fields;
    }
    return out;
  },
  headerRowOverrides: mapOf((row) =>
    typeof row === 'number' && Number.isInteger(row) && row >= 1 && row <= 1048576 ? row : undefined,
  ),
  dueSoonDays: daysIn(0, 365),
  receiptDays: daysIn(0, 365),
  extraStatusWords: (v, bad) => {
    if (!isObj(v)) return bad();
    const out: Settings['extraStatusWords'] = {};
    for (const [kind, words] of Object.entries(v as Record<string, unknown>)) {
      if (!STATUS_KINDS.includes(kind as StatusKind)) bad(kind);
      else {
        const list = textList(words, () => bad(kind));
        if (list) out[kind as StatusKind] = list;
      }
    }
    return out;
  },
  documentLang: (v, bad) => {
    if (v === null || v === 'zh-CN' || v === 'en-US') return v as Lang | null;
    return bad();
  },
  dayFirstDates: (v, bad) => (typeof v === 'boolean' ? v : bad()),
  // Only whole numbers the numbering can write: a hand-edited 1e300, -1 or "7" must not break numbering.
  lastNumbers: mapOf((n) =>
    typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_LAST_NUMBER ? n : undefined,
  ),
  company: (v, bad) => {
    if (!isObj(v)) return bad();
    const c = v as Record<string, unknown>;
    const name = text(c.name);
    if (!name) return bad('name');
    const company: CompanyProfile = { name };
    for (const k of ['address', 'phone', 'fax', 'taxNo'] as const) {
      const t = optText(c[k], () => bad(k));
      if (t) company[k] = t;
    }
    return company;
  },
  ports: (v, bad) => {
    if (!isObj(v)) return bad();
    const p = v as Record<string, unknown>;
    const ports: NonNullable<Settings['ports']> = {};
    const loading = optText(p.loading, () => bad('loading'));
    const destination = optText(p.destination, () => bad('destination'));
    if (loading) ports.loading = loading;
    if (destination) ports.destination = destination;
    return loading || destination ? ports : undefined;
  },
  marks: (v, bad) => {
    const marks = textList(v, () => bad());
    return marks?.length ? marks : undefined;
  },
};

const OPTIONAL_FIELDS = new Set<string>(['lastNumbers', 'company', 'ports', 'marks']);

/**
 * Key under which the clerk's values of ignored fields are kept (the whole field as it was), so a settings write,
 * which writes the values in use, loses nothing; earlier ones are kept beside them.
 */
export const IGNORED_KEY = 'ignoredSettings';

function checkSettings(p: Record<string, unknown>, ignored: string[]): Settings {
  const out = structuredCloneSettings(DEFAULT_SETTINGS) as unknown as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  const rejected: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(p)) {
    if (key === 'version') {
      if (raw !== 1) {
        ignored.push(key);
        put(rejected, key, raw);
      }
      continue;
    }
    const reader = (SETTINGS_SCHEMA as Record<string, FieldReader<unknown> | undefined>)[key];
    if (!reader || !Object.prototype.hasOwnProperty.call(SETTINGS_SCHEMA, key)) {
      put(kept, key, raw); // a field this version does not know: written back as it was
      continue;
    }
    // null for an optional field is "none"; for the others it is bad like any other wrong type.
    if (raw === null && OPTIONAL_FIELDS.has(key)) continue;
    const named = new Set<string>();
    const value = reader(raw, (path) => {
      const name = path === undefined ? key : `${key}.${path}`;
      if (!named.has(name)) {
        named.add(name);
        ignored.push(name);
      }
      return undefined;
    });
    if (value !== undefined) out[key] = value;
    if (named.size) put(rejected, key, raw);
  }
  if (Object.keys(rejected).length) {
    const earlier = kept[IGNORED_KEY];
    // A hand-edited ignoredSettings that is no object is kept as it is, rather than replaced.
    if (earlier === undefined || isObj(earlier)) put(kept, IGNORED_KEY, { ...(earlier as object), ...rejected });
  }
  const settings = out as unknown as Settings;
  if (Object.keys(kept).length) settings.kept = kept;
  return settings;
}

/** Most ignored fields named one by one; past it, one line counts the rest. */
export const MAX_SETTINGS_WARNINGS = 10;

/** The warnings to show the clerk (CLI stderr, the pane's notice): one per ignored field, in the clerk's language. */
export function settingsWarnings(r: Pick<SettingsReading, 'ignored' | 'unreadable'>, lang: Lang): string[] {
  if (r.unreadable) return [t(lang, 'settings.warn.unreadable', { sheet: SETTINGS_SHEET })];
  const out = r.ignored
    .slice(0, MAX_SETTINGS_WARNINGS)
    .map((field) => t(lang, 'settings.warn.ignored', { sheet: SETTINGS_SHEET, field }));
  const more = r.ignored.length - MAX_SETTINGS_WARNINGS;
  if (more > 0) out.push(t(lang, 'settings.warn.more', { count: more, sheet: SETTINGS_SHEET }));
  return out;
}

/** Largest document sequence kept: numbers are written as WO-YYYYMMDD-NNN, and no clerk makes a million a day. */
export const MAX_LAST_NUMBER = 999999;

const FIELD_KEYS = new Set<string>(FIELD_DEFS.map((f) => f.key).filter((k) => !MASTER_FIELDS.includes(k as never)));
const STATUS_KINDS: StatusKind[] = ['shipped', 'cancelled', 'partial'];

/** Sets a key read from the workbook as an own property, even "__proto__" (JSON.parse makes it one). */
function put(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function isObj<T>(v: T | undefined): v is T {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function structuredCloneSettings(s: Settings): Settings {
  return JSON.parse(JSON.stringify(s)) as Settings;
}

/** The settings as JSON; fields this version does not know (`kept`) are written back as they were read. */
export function planWriteSettings(settings: Settings): WorkbookEdit {
  const { kept, ...known } = settings;
  return { kind: 'writeSettings', json: JSON.stringify({ ...kept, ...known }) };
}

/** The JSON split into cell-sized chunks, for the adapters. */
export function settingsChunks(json: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < json.length; i += SETTINGS_CELL_CHARS) out.push(json.slice(i, i + SETTINGS_CELL_CHARS));
  return out.length ? out : ['{}'];
}
