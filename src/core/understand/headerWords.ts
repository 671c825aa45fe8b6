// Matching header cells and row lead cells against the word tables of fields.ts (SPEC 2, 3): a header's field, a
// subtotal or note row.

import { AMBIGUOUS_WORDS, FIELD_DEFS, NOTE_PREFIXES, TOTAL_WORDS, WEAK_WORDS, type AmbiguousKind } from '../fields';
import { hasNonAscii } from '../text';
import type { FieldKey, MasterFieldKey } from '../types';

const BRACKETED = /[([{<【〔（][^()[\]{}<>【】〔〕（）]*[)\]}>】〕）]/g;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** Lower-case, drop spaces/punctuation, fold full-width forms, strip unit suffixes like (元) (USD) (kg) (pcs). */
export function normalizeHeader(text: string): string {
  // NFKC folds full-width letters, digits and brackets to their ASCII forms.
  const folded = String(text).normalize('NFKC').toLowerCase().replace(/#/g, 'no');
  const stripped = squeeze(folded.replace(BRACKETED, ' '));
  // A header that is nothing but a bracketed word ("(kg)") keeps its content.
  return stripped !== '' ? stripped : squeeze(folded);
}

function squeeze(s: string): string {
  return s.replace(NON_WORD, '');
}

type MatchKey = FieldKey | MasterFieldKey | AmbiguousKind;
const WORD_INDEX: Map<string, MatchKey> = buildIndex();

function buildIndex(): Map<string, MatchKey> {
  const m = new Map<string, MatchKey>();
  for (const d of FIELD_DEFS) for (const w of d.words) if (!m.has(normalizeHeader(w))) m.set(normalizeHeader(w), d.key);
  // Ambiguous words win over anything above (the rules decide later).
  for (const k of Object.keys(AMBIGUOUS_WORDS) as AmbiguousKind[])
    for (const w of AMBIGUOUS_WORDS[k]) m.set(normalizeHeader(w), k);
  return m;
}

/** Weak words (fields.ts): the fields they may take, in order, when no exact word of the row takes them. */
const WEAK_INDEX: Map<string, FieldKey[]> = new Map(WEAK_WORDS.map((w) => [normalizeHeader(w.word), w.fields]));

function weakFields(header: string | null): FieldKey[] | null {
  if (typeof header !== 'string' || header.length > 60) return null;
  return WEAK_INDEX.get(normalizeHeader(header)) ?? null;
}

function isMasterKey(k: MatchKey): k is MasterFieldKey {
  return k === 'address' || k === 'contact' || k === 'phone';
}

/** Raw match of one header: a field, an ambiguous kind, or null. */
export function matchHeaderWord(header: string, includeMaster = false): MatchKey | null {
  if (typeof header !== 'string' || header.length > 60) return null; // a long sentence is not a header
  const k = WORD_INDEX.get(normalizeHeader(header));
  if (k === undefined) return null;
  if (!includeMaster && isMasterKey(k)) return null;
  return k;
}

/** The field a header names, or null. Order-sheet fields only unless `includeMaster`. Ambiguous words get their lone-column meaning. */
export function matchField(header: string, includeMaster?: boolean): FieldKey | MasterFieldKey | null {
  const k = matchHeaderWord(header, includeMaster === true);
  if (k === null) return weakFields(header)?.[0] ?? null;
  if (k === 'shipOrDue' || k === 'requestedOrDue') return 'dueDate';
  if (k === 'poNumber') return 'orderNo';
  return k;
}

/**
 * True when `header` is a word that can name `field`: its own word, an ambiguous word of which it is one meaning
 * (出货日期 is dueDate or shipDate), or a weak word that may take it. A column the clerk mapped by hand under
 * another field's word (备注 → customer) is not named by its header.
 */
export function headerCanName(header: string, field: FieldKey): boolean {
  const k = matchHeaderWord(header);
  if (k === null) return weakFields(header)?.includes(field) ?? false;
  if (k === 'shipOrDue') return field === 'dueDate' || field === 'shipDate';
  if (k === 'requestedOrDue') return field === 'requestedDate' || field === 'dueDate';
  if (k === 'poNumber') return field === 'customerPo' || field === 'orderNo';
  return k === field;
}

/**
 * Map a row of header texts (index = position) to fields with the SPEC 2 rules: 出货日期 is dueDate unless another
 * due-date column exists; 客户交期 is requestedDate beside a confirmed due-date column, else dueDate; a PO column is
 * customerPo only beside a separate orderNo column; first column wins a field; a weak word ("Product") takes a field
 * only when no column of the row names it exactly.
 */
export function mapHeaders(headers: (string | null)[], includeMaster = false): (FieldKey | MasterFieldKey | null)[] {
  const raw = headers.map((h) => (h ? matchHeaderWord(h, includeMaster) : null));
  const hasConfirmedDue = raw.includes('dueDate');
  const hasDue = hasConfirmedDue || raw.includes('requestedOrDue');
  const hasOrderNo = raw.includes('orderNo');
  const out: (FieldKey | MasterFieldKey | null)[] = [];
  const taken = new Set<string>();
  for (const k of raw) {
    let f: FieldKey | MasterFieldKey | null;
    if (k === 'shipOrDue') f = hasDue || taken.has('dueDate') ? 'shipDate' : 'dueDate';
    else if (k === 'requestedOrDue') f = hasConfirmedDue || taken.has('dueDate') ? 'requestedDate' : 'dueDate';
    else if (k === 'poNumber') f = hasOrderNo || taken.has('orderNo') ? 'customerPo' : 'orderNo';
    else f = k;
    if (f !== null && taken.has(f)) f = null; // two columns never map to the same field
    if (f !== null) taken.add(f);
    out.push(f);
  }
  headers.forEach((h, i) => {
    if (raw[i] !== null) return;
    const free = weakFields(h)?.find((f) => !taken.has(f));
    if (free === undefined) return;
    taken.add(free);
    out[i] = free;
  });
  return out;
}

/** True when a (trimmed) first cell starts a subtotal/total row. */
export function isTotalText(text: string): boolean {
  const s = foldText(text);
  for (const w of TOTAL_WORDS_FOLDED) {
    if (!s.startsWith(w)) continue;
    if (hasNonAscii(w)) return true; // 合计金额, 小计: …
    // "Total:", "Total 12", "Total amount" are totals; "Totalis GmbH" and "Total Supply Co." are names.
    const rest = s.slice(w.length).trimStart();
    if (rest === '' || !/^[a-z]/.test(rest)) return true;
    if (s.charAt(w.length) !== ' ') continue;
    const word = /^[a-z]+/.exec(rest)![0];
    if (TOTAL_FOLLOWERS.has(word)) return true;
  }
  return false;
}

/** True when a first cell starts a note line (备注: …). */
export function isNoteText(text: string): boolean {
  const s = foldText(text);
  for (const p of NOTE_PREFIXES_FOLDED) if (s.startsWith(p)) return true;
  return false;
}

const TOTAL_FOLLOWERS = new Set([
  'amount',
  'qty',
  'quantity',
  'value',
  'of',
  'for',
  'usd',
  'rmb',
  'cny',
  'eur',
  'price',
  'pcs',
  'cartons',
]);

function foldText(text: string): string {
  const t = text.trim();
  return (hasNonAscii(t) ? t.normalize('NFKC') : t).toLowerCase();
}

const TOTAL_WORDS_FOLDED = TOTAL_WORDS.map((w) => w.normalize('NFKC').toLowerCase());
const NOTE_PREFIXES_FOLDED = Array.from(new Set(NOTE_PREFIXES.map((w) => w.normalize('NFKC').toLowerCase())));
