// One-click fixes that lose nothing (SPEC 5, 9): write the real number or date and, in the same plan,
// append the old value to the change log. Undo restores from the log.

import {
  changeLogSheetName,
  readChangeLog,
  planChangeLogAppend,
  type ChangeLogEntry,
  type ChangeLogRow,
} from './changelog';
import { DATE_FORMAT, fromSerial1900, isoToSerial, toSerial1900 } from './dates';
import type { WorkbookEdit, WriteValue } from './edits';
import { describeValue } from './edits';
import { parseCell } from './address';
import { cellAt, findSheet } from './snapshot';
import { isDateFormat, neighbourNumberFormat } from './numberFormats';
import type {
  CellValue,
  DateField,
  FieldKey,
  Issue,
  Lang,
  NumericField,
  OrderLine,
  Reading,
  SheetSnapshot,
  Understanding,
  WorkbookSnapshot,
} from './types';
import { DATE_FIELDS } from './types';

export interface FixedCell {
  cell: string;
  old: string | number | boolean | null;
  new: string | number;
}

/** Number format that keeps restored text as text (Excel would otherwise turn "60" back into a number). */
export const TEXT_FORMAT = '@';

type SetCell = { address: string; value: WriteValue; numberFormat?: string };

/**
 * Plan the fixes of the given issues (only `fixable` ones with a fix are used; already-fixed cells are skipped).
 * Pass `wb` so an existing change-log sheet (either language, whatever the pane's) is reused; a new one is named in
 * `opts.lang`, by default the workbook's (the order sheet's headers'). `log` is the log sheet's name as written.
 */
export function planFixes(
  u: Understanding,
  issues: Issue[],
  opts: { lang?: Lang; now: Date; wb?: WorkbookSnapshot },
): { edits: WorkbookEdit[]; fixed: FixedCell[]; log: string } {
  const log = changeLogSheetName(opts.wb, opts.lang ?? u.order.lang);
  const lines = new Map(u.lines.map((l) => [l.row, l]));
  const cells: SetCell[] = [];
  const fixed: FixedCell[] = [];
  const done = new Set<string>();
  const sheet = opts.wb ? findSheet(opts.wb, u.order.sheet) : undefined;
  for (const issue of issues) {
    if (issue.severity !== 'fixable' || !issue.fix || done.has(issue.cell)) continue;
    if (isFormulaCell(u, issue)) continue; // a formula is never overwritten, whatever the issue says
    const line = lines.get(issue.row);
    const write = line ? fixWrite(u, line, issue.field, issue.fix.value, sheet) : null;
    if (!line || !write) continue; // the cell no longer holds that text: nothing to fix
    done.add(issue.cell);
    cells.push({ address: issue.cell, ...write });
    fixed.push({ cell: issue.cell, old: describeValue(line.raw[issue.field] ?? null), new: issue.fix.value });
  }
  if (fixed.length === 0) return { edits: [], fixed, log };
  const logged = opts.wb ? pendingLoggedFixes(opts.wb, u.order.sheet) : new Map<string, ChangeLogRow>();
  const entries: ChangeLogEntry[] = fixed
    .filter((f) => !isLoggedAlready(logged.get(f.cell), f))
    .map((f) => ({ time: opts.now, action: 'fix', sheet: u.order.sheet, cell: f.cell, old: f.old, new: f.new }));
  const setValues: WorkbookEdit = { kind: 'setValues', sheet: u.order.sheet, cells };
  return {
    // The log row goes first: if Excel stops part-way, an old value is never gone without its record.
    edits: entries.length ? [planChangeLogAppend(opts.wb, opts.lang ?? u.order.lang, entries), setValues] : [setValues],
    fixed,
    log,
  };
}

/** The issue's cell holds a formula (the snapshot shows only its result). */
function isFormulaCell(u: Understanding, issue: Issue): boolean {
  if (!u.isFormula) return false;
  try {
    const at = parseCell(issue.cell);
    return u.isFormula(at.row, at.col);
  } catch {
    return true; // an address we cannot read is not written either
  }
}

/** The latest change-log row of each cell of this sheet. */
function pendingLoggedFixes(wb: WorkbookSnapshot, sheet: string): Map<string, ChangeLogRow> {
  const latest = new Map<string, ChangeLogRow>();
  for (const r of readChangeLog(wb)) if (r.sheet === sheet) latest.set(r.cell, r);
  return latest;
}

/**
 * A fix whose log row was written but whose value was not (Excel stopped part-way): the record is there already,
 * so running the fix again completes it without a second row.
 */
function isLoggedAlready(row: ChangeLogRow | undefined, f: FixedCell): boolean {
  return (
    row !== undefined &&
    row.action === 'fix' &&
    String(row.old ?? '') === String(f.old ?? '') &&
    String(row.new ?? '') === String(f.new)
  );
}

/**
 * What to write for a fix, or null when the cell is not (any more) text that reads as the fix value —
 * so fixing twice, or fixing after the clerk retyped the cell, changes nothing.
 */
function fixWrite(
  u: Understanding,
  line: OrderLine,
  field: FieldKey,
  fix: number | string,
  sheet?: SheetSnapshot,
): Omit<SetCell, 'address'> | null {
  // A fixed cell shows as its neighbours do (SPEC 5: a fixed `1,200` shows as its neighbours do).
  const col = u.order.columns[field];
  const near =
    sheet && col !== undefined
      ? neighbourNumberFormat(sheet, col, line.row, u.order.firstDataRow, u.order.lastDataRow)
      : null;
  const raw = line.raw[field];
  // Text, or in a date column a number that is a date typed as digits (20261205): both read `fromText`.
  if (typeof raw !== 'string' && !(typeof raw === 'number' && isDateField(field))) return null;
  if (isDateField(field)) {
    const r = line.date[field];
    if (typeof fix !== 'string' || !isTextReading(r) || r.value !== isoToSerial(fix)) return null;
    return {
      value: fromSerial1900(r.value, u.dateSystem),
      numberFormat: near && isDateFormat(near) ? near : DATE_FORMAT,
    };
  }
  const r = line.num[field as NumericField];
  if (typeof fix !== 'number' || !isTextReading(r) || r.value !== fix) return null;
  return near && !isDateFormat(near) ? { value: fix, numberFormat: near } : { value: fix };
}

function isTextReading(r: Reading | undefined): r is { kind: 'ok'; value: number; fromText: true } {
  return r !== undefined && r.kind === 'ok' && r.fromText;
}

function isDateField(field: FieldKey): field is DateField {
  return (DATE_FIELDS as FieldKey[]).includes(field);
}

/**
 * Plan restoring the cells of the last fix action recorded in the change log (and log the undo).
 * A cell the clerk changed after the fix is left alone (its value is no longer the one the fix wrote).
 */
export function planUndoLastFix(
  wb: WorkbookSnapshot,
  u: Understanding,
  opts: { lang?: Lang; now: Date },
): { edits: WorkbookEdit[]; restored: FixedCell[]; log: string } {
  const log = changeLogSheetName(wb, opts.lang ?? u.order.lang);
  const group = lastOpenFix(readChangeLog(wb));
  const bySheet = new Map<string, SetCell[]>();
  const restored: FixedCell[] = [];
  const entries: ChangeLogEntry[] = [];
  for (const row of group) {
    const sheet = findSheet(wb, row.sheet);
    if (!sheet || row.new === null || typeof row.new === 'boolean') continue;
    let at: { row: number; col: number };
    try {
      at = parseCell(row.cell);
    } catch {
      continue; // a hand-edited log line: skip it rather than guess
    }
    const current = cellAt(sheet, at.row, at.col);
    if (!holdsFixedValue(current, row.new, wb.dateSystem)) continue;
    const cells = bySheet.get(row.sheet) ?? [];
    cells.push(restoreCell(row.cell, row.old));
    bySheet.set(row.sheet, cells);
    restored.push({
      cell: row.cell,
      old: row.new,
      new: row.old === null || typeof row.old === 'boolean' ? String(row.old ?? '') : row.old,
    });
    entries.push({ time: opts.now, action: 'undo', sheet: row.sheet, cell: row.cell, old: row.new, new: row.old });
  }
  if (entries.length === 0) return { edits: [], restored: [], log };
  // Log first, then restore: a stop part-way never loses a value without its record.
  const edits: WorkbookEdit[] = [planChangeLogAppend(wb, opts.lang ?? u.order.lang, entries)];
  for (const [sheet, cells] of bySheet) edits.push({ kind: 'setValues', sheet, cells });
  return { edits, restored, log };
}

/**
 * Rows of the last fix not yet undone. A fix action is its run of rows with the same time and action; an undo
 * row closes the latest open fix that holds its cell (closing takes effect when its undo run ends, so one undo
 * run can close several fixes, e.g. two undos logged in the same second).
 */
export function lastOpenFix(log: ChangeLogRow[]): ChangeLogRow[] {
  const fixes: { rows: ChangeLogRow[]; open: boolean }[] = [];
  let closing = new Set<{ rows: ChangeLogRow[]; open: boolean }>();
  let prevKey: string | null = null;
  for (const row of log) {
    const key = `${row.time}\u0000${row.action}`;
    const sameRun = key === prevKey;
    if (!sameRun) {
      for (const f of closing) f.open = false;
      closing = new Set();
    }
    prevKey = key;
    if (row.action === 'fix') {
      if (sameRun) fixes[fixes.length - 1].rows.push(row);
      else fixes.push({ rows: [row], open: true });
    } else if (row.action === 'undo') {
      const target = [...fixes].reverse().find((f) => f.open && f.rows.some((r) => sameCell(r, row)));
      if (target) closing.add(target);
    }
  }
  for (const f of closing) f.open = false;
  return [...fixes].reverse().find((f) => f.open)?.rows ?? [];
}

function sameCell(a: ChangeLogRow, b: ChangeLogRow): boolean {
  return a.sheet === b.sheet && a.cell.toUpperCase() === b.cell.toUpperCase();
}

/** The cell still holds what the fix wrote: the number, or the date (logged as YYYY-MM-DD). */
function holdsFixedValue(current: CellValue, logged: number | string, dateSystem: 1900 | 1904): boolean {
  if (typeof current !== 'number') return false;
  if (typeof logged === 'number') return current === logged;
  // The log may hand a number back as text ("60") when a spreadsheet app stored it so.
  if (/^-?\d+(\.\d+)?$/.test(logged.trim())) return current === Number(logged);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(logged)) return false;
  return Math.floor(toSerial1900(current, dateSystem)) === isoToSerial(logged);
}

function restoreCell(address: string, old: WriteValue): SetCell {
  return typeof old === 'string' ? { address, value: old, numberFormat: TEXT_FORMAT } : { address, value: old };
}
