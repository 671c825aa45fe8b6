// What every CLI command shares: its output, the loaded input, and writing the planned workbook to -o.

import type { WorkbookEdit } from '../core/edits';
import { t } from '../core/i18n';
import type { Lang, Understanding, WorkbookSnapshot } from '../core/types';
import { applyEditsToPackage } from '../xlsx/package/writer';
import { writeBytesFile } from '../xlsx/writeFile';
import type { CliOptions } from './args';

export interface CommandOutput {
  /** JSON document or human-readable text for stdout. */
  text: string;
  exitCode: number;
  /** Extra notes for stderr (e.g. missing packing data), each one line. */
  warnings: string[];
}

export interface Loaded {
  /** The input file's bytes: the writer starts from them. */
  bytes: Uint8Array;
  snapshot: WorkbookSnapshot;
  u: Understanding;
  /** Worksheet parts inflated by the read and kept for the writer (apply rewrites the order sheet). */
  inflated?: Map<string, Uint8Array>;
}

/** Patch the input package with the plan (nothing else of it changes) and write it to -o; limit notes as warnings. */
export async function writeOutput(opts: CliOptions, loaded: Loaded, edits: WorkbookEdit[]) {
  const result = await applyEditsToPackage(loaded.bytes, edits, {
    outputName: opts.output as string,
    inputName: opts.file,
    inflated: loaded.inflated,
  });
  await writeBytesFile(() => result.bytes, opts.output as string);
  const limits = result.limited.map((l) => t(opts.lang, `limit.${l.what}`, { cell: l.target }));
  return { ...result, limits };
}

/** Language of words written into the workbook: --lang when given, else the settings', else the sheet's. */
export function fileLang(opts: CliOptions, u: Understanding): Lang {
  return opts.langGiven ? opts.lang : (u.settings.documentLang ?? u.order.lang);
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

export function done(text: string, exitCode = 0, warnings: string[] = []): CommandOutput {
  return { text, exitCode, warnings };
}

/** The letterhead notes: the name came from the title row, or there is none. */
export function companyNotes(lang: Lang, name: string | null, source: string | null): string[] {
  if (source === 'guessed' && name) return [t(lang, 'company.warn.guessed', { name })];
  if (!name) return [t(lang, 'company.warn.none')];
  return [];
}
