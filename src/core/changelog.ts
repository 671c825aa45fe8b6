// The change log (SPEC 9): a visible sheet 变更记录 / Change log with one row per changed cell
// (time, action, sheet, cell, old value, new value). Its name, header and action words come from the
// catalogue; this module is the one place that knows how the log is laid out and read back.

import { localIsoDate } from './dates';
import { cellAddress } from './address';
import type { WorkbookEdit, WriteValue } from './edits';
import { CATALOGUE, t } from './i18n';
import { findOwnSheet, ownSheetName, type OwnSheetKind } from './ownSheets';
import { cellAt, lastRow } from './snapshot';
import { FIELD_TERMS } from './glossary';
import type { CellValue, FieldKey, Lang, SheetSnapshot, WorkbookSnapshot } from './types';

export type ChangeAction = 'fix' | 'undo' | 'shipment' | 'void' | 'addColumn' | 'receipt' | 'import' | 'orderChange';
const ACTIONS: ChangeAction[] = ['fix', 'undo', 'shipment', 'void', 'addColumn', 'receipt', 'import', 'orderChange'];

export interface ChangeLogEntry {
  time: Date;
  /** A known action, or a word another feature logs (written as is). */
  action: ChangeAction | string;
  sheet: string;
  cell: string;
  old: WriteValue;
  new: WriteValue;
  /** Order-line changes (SPEC 9): the line's order number, item and field key (written as its word). */
  orderNo?: string;
  item?: string;
  field?: string;
  /** The document that made the change (a delivery note's number). */
  document?: string;
}

/** One data row of the log as read back from a snapshot: the entry's fields ('' where the row has none — fixes, rows
 * written before those columns), its time as written, and the action as 'fix' / 'undo' … when the word is one of ours
 * in either language, else the word as written. */
export interface ChangeLogRow extends Omit<ChangeLogEntry, 'time'> {
  /** Sheet row number in the log sheet. */
  row: number;
  time: string;
}

const LANGS: Lang[] = ['zh-CN', 'en-US'];
/** The first six columns identify the log (logs written before the later columns existed are still ours). */
const KEY_COLUMNS = ['time', 'action', 'sheet', 'cell', 'old', 'new'] as const;
const COLUMN_KEYS = [...KEY_COLUMNS, 'orderNo', 'item', 'field', 'document'] as const;
export const CHANGE_LOG_COLUMN_WIDTHS = [20, 12, 16, 8, 24, 24, 16, 14, 12, 18];

/** Time, action, sheet and cell are always text; old/new keep their own type; order number … document are text. */
const CHANGE_LOG_COLUMN_FORMATS: (string | null)[] = ['@', '@', '@', '@', null, null, '@', '@', '@', '@'];

const CHANGE_LOG_KIND: OwnSheetKind<Lang> = {
  names: { 'zh-CN': t('zh-CN', 'changelog.sheet'), 'en-US': t('en-US', 'changelog.sheet') },
  headers: {
    'zh-CN': KEY_COLUMNS.map((k) => t('zh-CN', `changelog.col.${k}`)),
    'en-US': KEY_COLUMNS.map((k) => t('en-US', `changelog.col.${k}`)),
  },
};

/**
 * The log sheet to write to and the language its rows are written in: our existing one (either language, whatever
 * the pane's) wins, else a new sheet in `lang` — callers pass the workbook's language (the order sheet's, from its
 * headers), so an English pane on a Chinese workbook adds 变更记录 beside the clerk's Chinese sheets.
 */
export function changeLogSheet(wb: WorkbookSnapshot | null | undefined, lang: Lang): { name: string; lang: Lang } {
  return ownSheetName(wb, CHANGE_LOG_KIND, lang);
}

/** The log sheet's name as it exists (or will be created): what every notice about the log names. */
export function changeLogSheetName(wb: WorkbookSnapshot | null | undefined, lang: Lang): string {
  return changeLogSheet(wb, lang).name;
}

/** Our change-log sheet: by name and header row, never a clerk's sheet that merely has the name. */
export function findChangeLogSheet(wb: WorkbookSnapshot): SheetSnapshot | undefined {
  return findOwnSheet(wb, CHANGE_LOG_KIND)?.sheet;
}

export function changeLogHeader(lang: Lang): string[] {
  return COLUMN_KEYS.map((k) => t(lang, `changelog.col.${k}`));
}

export function actionWord(lang: Lang, action: ChangeAction | string): string {
  return (ACTIONS as string[]).includes(action) ? t(lang, `changelog.action.${action}`) : action;
}

/** Log time as the clerk's local "YYYY-MM-DD HH:mm:ss". */
export function formatLogTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${localIsoDate(d)} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/**
 * One appendRows edit that adds `entries` to the log (creating the sheet with its header when missing), its words
 * (header, action, field) in the log's own language: an existing log's, else `workbookLang` (the order sheet's, see
 * changeLogSheet). The order number, item, field and document columns are written when an entry carries any of them
 * (order-line changes).
 */
export function planChangeLogAppend(
  wb: WorkbookSnapshot | null | undefined,
  workbookLang: Lang,
  entries: ChangeLogEntry[],
): WorkbookEdit {
  const wide = entries.some((e) => e.orderNo || e.item || e.field || e.document);
  const n = wide ? COLUMN_KEYS.length : KEY_COLUMNS.length;
  const { name, lang } = changeLogSheet(wb, workbookLang);
  return {
    kind: 'appendRows',
    sheet: name,
    header: changeLogHeader(lang).slice(0, n),
    columnWidths: CHANGE_LOG_COLUMN_WIDTHS.slice(0, n),
    columnFormats: CHANGE_LOG_COLUMN_FORMATS.slice(0, n),
    rows: entries.map((e) => {
      const row: WriteValue[] = [formatLogTime(e.time), actionWord(lang, e.action), e.sheet, e.cell, e.old, e.new];
      if (wide)
        row.push(e.orderNo ?? null, e.item ?? null, e.field ? fieldText(lang, e.field) : null, e.document ?? null);
      return row;
    }),
  };
}

/**
 * A log written before the order number … document columns existed gets their header cells (empty cells of our own
 * sheet), so the rows appended next are labelled; null when nothing is missing.
 */
export function planChangeLogHeaderCompletion(wb: WorkbookSnapshot, lang: Lang): WorkbookEdit | null {
  const found = findOwnSheet(wb, CHANGE_LOG_KIND);
  if (!found) return null;
  const header = changeLogHeader(found.lang ?? lang);
  const cells: { address: string; value: WriteValue }[] = [];
  for (let c = KEY_COLUMNS.length + 1; c <= header.length; c++) {
    const v = cellAt(found.sheet, found.headerRow, c);
    if (v === null || v === '') cells.push({ address: cellAddress(found.headerRow, c), value: header[c - 1] });
  }
  return cells.length ? { kind: 'setValues', sheet: found.sheet.name, cells } : null;
}

/** The log's data rows (below the header in row 1), in order; [] when there is no log. */
export function readChangeLog(wb: WorkbookSnapshot): ChangeLogRow[] {
  const s = findChangeLogSheet(wb);
  if (!s) return [];
  const out: ChangeLogRow[] = [];
  for (let r = 2; r <= lastRow(s); r++) {
    const v = (c: number) => cellAt(s, r, c);
    const sheet = asText(v(3));
    const cell = asText(v(4));
    if (sheet === '' || cell === '') continue; // blank or hand-typed note lines are not changes
    out.push({
      row: r,
      time: asText(v(1)),
      action: parseAction(asText(v(2))),
      sheet,
      cell,
      old: asWrite(v(5)),
      new: asWrite(v(6)),
      ...orderColumns(asText(v(7)), asText(v(8)), asText(v(9)), asText(v(10))),
    });
  }
  return out;
}

/** The order number … document of a row, only those it holds. */
function orderColumns(orderNo: string, item: string, field: string, document: string): Partial<ChangeLogRow> {
  const out: Partial<ChangeLogRow> = {};
  if (orderNo) out.orderNo = orderNo;
  if (item) out.item = item;
  if (field) out.field = parseField(field);
  if (document) out.document = document;
  return out;
}

/** Words earlier versions wrote for an action: logs already in clerks' workbooks must still undo. */
const EARLIER_ACTION_WORDS: Record<string, ChangeAction> = { 修复: 'fix' };

function parseAction(word: string): ChangeAction | string {
  const w = word.trim().toLowerCase();
  if (w in EARLIER_ACTION_WORDS) return EARLIER_ACTION_WORDS[w];
  for (const a of ACTIONS) {
    if (LANGS.some((l) => CATALOGUE[l][`changelog.action.${a}`].toLowerCase() === w)) return a;
  }
  return word;
}

/** The field column names the field in the log's language (已出货数量, Shipped qty), never by its key. */
function fieldText(lang: Lang, field: string): string {
  return Object.hasOwn(FIELD_TERMS, field) ? FIELD_TERMS[field as FieldKey][lang] : field;
}

/** A field's word in either language, or its key (logs written before the words), read back as the key. */
function parseField(word: string): string {
  if (Object.hasOwn(FIELD_TERMS, word)) return word;
  const w = word.toLowerCase();
  for (const [key, term] of Object.entries(FIELD_TERMS)) if (LANGS.some((l) => term[l].toLowerCase() === w)) return key;
  return word;
}

function asText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'object') return v.error;
  return String(v).trim();
}

function asWrite(v: CellValue): WriteValue {
  if (v !== null && typeof v === 'object') return v.error;
  return v;
}
