// The one table of header words (简体, 繁體, English) for every field, and header matching (SPEC 2).
// IMPLEMENTATION OWNER: understanding helper. Signatures are the contract.

import type { FieldKey, MasterFieldKey } from './types';

export interface FieldDef {
  key: FieldKey | MasterFieldKey;
  words: string[];
}

export const FIELD_DEFS: FieldDef[] = [];

/** Lower-case, drop spaces/punctuation, fold full-width forms, strip unit suffixes like (元) (USD) (kg) (pcs). */
export function normalizeHeader(text: string): string {
  throw new Error('not implemented');
}

/** The field a header names, or null. Order-sheet fields only unless `includeMaster`. */
export function matchField(header: string, includeMaster?: boolean): FieldKey | MasterFieldKey | null {
  throw new Error('not implemented');
}

/** Words that start a subtotal/total row and a trailing note line (SPEC 3). */
export const TOTAL_WORDS: string[] = [];
export const NOTE_PREFIXES: string[] = [];
