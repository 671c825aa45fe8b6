// The Excel table over the order lines. Every decision is made here, from the snapshot (DESIGN: adapters carry the
// edit out and never write a header cell): make a new table with a unique name, reuse the clerk's table on the block
// (growing it over the whole block), or make none and say why. Excel renames blank, duplicate and non-text header
// cells, replaces header formulas by their values and refuses merged cells, so any of those stops the table.

import { areaAddress, areaCovers, areaSpan, areasOverlap, cellAddress, parseRange, type Area } from './address';
import type { WorkbookEdit } from './edits';
import { OrderClerkError } from './errors';
import { t } from './i18n';
import { cellAt, findSheet, formulaLookup } from './snapshot';
import { isBlankCell } from './text';
import type { Lang, SheetSnapshot, Understanding, WorkbookSnapshot } from './types';

export const DEFAULT_TABLE_NAME = 'OrderLines';

export type EnsureTableEdit = Extract<WorkbookEdit, { kind: 'ensureTable' }>;

/** Header row through the last order line, across the header block. */
export function orderTableRange(u: Understanding): string {
  const o = u.order;
  return areaAddress({
    top: o.headerRow,
    left: o.firstColumn,
    bottom: Math.max(o.lastDataRow, o.headerRow + 1),
    right: o.lastColumn,
  });
}

/** The sheet's tables that meet `block` (the one place that says what "a table on the order block" is). */
function tablesOnBlock(sheet: SheetSnapshot, block: Area): SheetSnapshot['tables'] {
  return sheet.tables.filter((x) => areasOverlap(x.range, block));
}

/** The clerk's table already on the order block, if any (the first one that meets it). */
export function existingOrderTable(u: Understanding, wb: WorkbookSnapshot): { name: string; range: string } | null {
  const sheet = findSheet(wb, u.order.sheet);
  if (!sheet) return null;
  return tablesOnBlock(sheet, parseRange(orderTableRange(u)))[0] ?? null;
}

/**
 * The ensureTable edit for the order block, or the reason there is none as an OrderClerkError in `lang`:
 * tableHeadersInvalid (a new table would change header cells), tableNotGrown (the clerk's table cannot grow over the
 * block without changing header cells), tableConflict (the block meets several tables, or a table on another row).
 */
export function decideOrderTable(
  u: Understanding,
  wb: WorkbookSnapshot,
  lang: Lang = u.order.lang,
): { edit: EnsureTableEdit } | { refusal: OrderClerkError } {
  const sheet = findSheet(wb, u.order.sheet);
  if (!sheet) throw new OrderClerkError('sheetNotFound', { sheet: u.order.sheet });
  const range = orderTableRange(u);
  const want = parseRange(range);
  const edit = (name: string, mode: EnsureTableEdit['mode']): { edit: EnsureTableEdit } => ({
    edit: { kind: 'ensureTable', sheet: sheet.name, range, name, mode },
  });
  const onBlock = tablesOnBlock(sheet, want);
  if (onBlock.length > 1) {
    const tables = onBlock.map((x) => `${x.name} (${x.range})`).join(', ');
    return conflict(t(lang, 'table.problem.severalTables', { tables }));
  }
  if (onBlock.length === 0) {
    const problem = headerProblem(sheet, want, want, lang);
    if (problem) return { refusal: new OrderClerkError('tableHeadersInvalid', { detail: problem }) };
    return edit(uniqueTableName(DEFAULT_TABLE_NAME, allTableNames(wb)), 'create');
  }
  const mine = onBlock[0];
  const have = parseRange(mine.range);
  if (areaCovers(have, want)) return edit(mine.name, 'reuse');
  // Excel grows a table only with its header row where it is (Table.resize).
  if (have.top !== want.top) {
    return conflict(t(lang, 'table.problem.otherHeaderRow', { table: mine.name, range: mine.range, row: want.top }));
  }
  const grown = areaSpan(have, want);
  const other = sheet.tables.find((x) => x !== mine && areasOverlap(x.range, grown));
  if (other) {
    return conflict(t(lang, 'table.problem.wouldOverlap', { table: mine.name, other: other.name }));
  }
  const problem = headerProblem(sheet, grown, have, lang);
  if (problem) {
    return { refusal: new OrderClerkError('tableNotGrown', { table: mine.name, range: mine.range, detail: problem }) };
  }
  return edit(mine.name, 'reuse');
}

function conflict(detail: string): { refusal: OrderClerkError } {
  return { refusal: new OrderClerkError('tableConflict', { detail }) };
}

/** The ensureTable edit for the order block; throws the refusal (an OrderClerkError) when there is none. */
export function planMakeTable(u: Understanding, wb: WorkbookSnapshot, lang: Lang = u.order.lang): EnsureTableEdit {
  const d = decideOrderTable(u, wb, lang);
  if ('refusal' in d) throw d.refusal;
  return d.edit;
}

/** Why no table is planned over the order block (in `lang`), or null when one is. */
export function tableRefusal(u: Understanding, wb: WorkbookSnapshot, lang: Lang): OrderClerkError | null {
  const d = decideOrderTable(u, wb, lang);
  return 'refusal' in d ? d.refusal : null;
}

/** True for the errors that mean "no table over the order lines" (the rest of a plan still applies). */
export function isTableRefusal(e: unknown): e is OrderClerkError {
  return (
    e instanceof OrderClerkError &&
    (e.code === 'tableHeadersInvalid' || e.code === 'tableNotGrown' || e.code === 'tableConflict')
  );
}

/**
 * What in `area` would change if it became (part of) a table, looking at the header cells outside `existing` (an
 * existing table's area, whose own header cells are already column names): merged cells, blank, non-text, formula
 * or duplicate headers. Null when nothing would.
 */
function headerProblem(sheet: SheetSnapshot, area: Area, existing: Area, lang: Lang): string | null {
  const merged = sheet.merges.filter((m) => areasOverlap(m, area));
  if (merged.length) return t(lang, 'table.problem.merged', { cells: merged.join(', ') });
  const row = area.top;
  const isNew = (c: number) => existing === area || c < existing.left || c > existing.right;
  const isFormula = formulaLookup(sheet);
  const blank: string[] = [];
  const notText: string[] = [];
  const formulas: string[] = [];
  const byName = new Map<string, number[]>();
  for (let c = area.left; c <= area.right; c++) {
    const v = cellAt(sheet, row, c);
    if (typeof v === 'string' && !isBlankCell(v)) {
      const key = v.toLowerCase();
      byName.set(key, [...(byName.get(key) ?? []), c]);
    }
    if (!isNew(c)) continue;
    const at = cellAddress(row, c);
    if (isFormula(row, c)) formulas.push(at);
    else if (isBlankCell(v)) blank.push(at);
    else if (typeof v !== 'string') notText.push(at);
  }
  if (blank.length) return t(lang, 'table.problem.blank', { cells: blank.join(', ') });
  if (notText.length) return t(lang, 'table.problem.notText', { cells: notText.join(', ') });
  if (formulas.length) return t(lang, 'table.problem.formula', { cells: formulas.join(', ') });
  for (const cols of byName.values()) {
    if (cols.length > 1 && cols.some(isNew)) {
      const header = String(cellAt(sheet, row, cols[0]));
      return t(lang, 'table.problem.duplicate', { header, cells: cols.map((c) => cellAddress(row, c)).join(', ') });
    }
  }
  return null;
}

function allTableNames(wb: WorkbookSnapshot): string[] {
  return wb.sheets.flatMap((s) => s.tables.map((x) => x.name));
}

/**
 * A table name Excel accepts, unique among `taken` (case-insensitive): a letter or underscore first, then letters,
 * digits, underscores and periods; "_2", "_3" … when taken.
 */
export function uniqueTableName(wanted: string, taken: Iterable<string>): string {
  const used = new Set(Array.from(taken, (n) => n.toLowerCase()));
  let base = wanted.replace(/[^\p{L}\p{N}_.]/gu, '_');
  if (!/^[\p{L}_]/u.test(base)) base = `_${base}`;
  base = base.slice(0, 250);
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const c = `${base}_${i}`;
    if (!used.has(c.toLowerCase())) return c;
  }
}
