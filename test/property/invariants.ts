// The actions the clerk can run, planned the way the pane and the CLI plan them, and the data-safety invariants
// every adapter must keep: every cell the clerk had stays as it was, except chosen fixes, each with a change-log row.

import { OrderClerkError } from '../../src/core/errors';
import { planValidationRules, checkOrder } from '../../src/core/checks';
import { readChangeLog } from '../../src/core/changelog';
import { fromSerial1900, isoToSerial } from '../../src/core/dates';
import { planDelayRules } from '../../src/core/delay';
import { planDocuments, type DocType } from '../../src/core/documents';
import { describeValue, type WorkbookEdit } from '../../src/core/edits';
import { planFixes, type FixedCell } from '../../src/core/fixes';
import { isTableRefusal, planMakeTable } from '../../src/core/orderTable';
import { fixableIssues } from '../../src/core/plans';
import { planStatement } from '../../src/core/documents/statement';
import { planShipmentPlan } from '../../src/core/shipmentPlan';
import { planOverdueReport } from '../../src/core/report';
import { SETTINGS_SHEET, readSettings } from '../../src/core/settings';
import { cellAddress } from '../../src/core/address';
import { cellAt, findSheet, lastColumn, lastRow } from '../../src/core/snapshot';
import type { CellValue, Lang, Understanding, WorkbookSnapshot } from '../../src/core/types';

export const TODAY = '2026-11-22';
export const NOW = new Date(2026, 10, 22, 9, 30, 0);

export type Action = 'makeTable' | 'rules' | 'flags' | 'fixes' | DocType | 'report' | 'statement' | 'plan';
/** Running these twice gives the same workbook as once. */
export const REPEATABLE: Action[] = ['makeTable', 'rules', 'flags', 'fixes'];
/** These add a new numbered sheet each run (SPEC 6, 7). */
export const ADDITIVE: Action[] = ['work-order', 'packing-list', 'delivery-note', 'report', 'statement', 'plan'];

export interface PlannedAction {
  edits: WorkbookEdit[];
  fixed: FixedCell[];
  /** Sheets the action means to create (documents, report); [] for the others. */
  newSheets: string[];
  /** Documents record their last number in the settings sheet (SPEC 9); no other action may touch it. */
  advancesLastNumbers?: boolean;
}

/** Plan one action exactly as the pane/CLI would (documents: the first three order lines, one per customer). */
export function planAction(
  action: Action,
  u: Understanding,
  wb: WorkbookSnapshot,
  lang: Lang = u.order.lang,
): PlannedAction {
  switch (action) {
    case 'makeTable':
      // A table that would rewrite header cells is refused (nothing planned), never made.
      try {
        return { edits: [planMakeTable(u, wb)], fixed: [], newSheets: [] };
      } catch (e) {
        if (isTableRefusal(e)) return { edits: [], fixed: [], newSheets: [] };
        throw e;
      }
    case 'rules':
      return { edits: [planValidationRules(u, lang)], fixed: [], newSheets: [] };
    case 'flags':
      return { edits: [planDelayRules(u)], fixed: [], newSheets: [] };
    case 'fixes': {
      const p = planFixes(u, fixableIssues(checkOrder(u, { lang })), { lang, now: NOW, wb });
      return { edits: p.edits, fixed: p.fixed, newSheets: [] };
    }
    case 'report': {
      const r = planOverdueReport(u, wb, { today: TODAY, lang });
      return { edits: r.edits, fixed: [], newSheets: [r.sheet] };
    }
    case 'plan': {
      const r = planShipmentPlan(u, wb, { today: TODAY, weeks: 2, lang });
      return { edits: r.edits, fixed: [], newSheets: [r.sheet] };
    }
    case 'statement': {
      // The first line's customer, last month by ship dates (random sheets have no shipments record).
      const customer = u.lines.map((l) => l.text.customer ?? '').find((c) => c.trim() !== '');
      if (customer === undefined) return { edits: [], fixed: [], newSheets: [] };
      const r = planStatement(u, wb, { customer, today: TODAY, lang });
      return { edits: r.edits, fixed: [], newSheets: [r.sheet], advancesLastNumbers: true };
    }
    default: {
      // Forced (random lines are often cancelled or shipped) and not recorded: documents alone never touch the order
      // sheet; recording is the 'record' property below. Lines no document can carry (a quantity that is not a
      // number) are refused whatever the clerk says: then nothing is planned.
      try {
        const d = planDocuments(u, wb, {
          type: action,
          rows: u.order.dataRows.slice(0, 3),
          today: TODAY,
          perCustomer: true,
          force: true,
          record: false,
          now: NOW,
        });
        return { edits: d.edits, fixed: [], newSheets: d.documents.map((x) => x.sheet), advancesLastNumbers: true };
      } catch (e) {
        if (e instanceof OrderClerkError && e.code === 'shipRefused') return { edits: [], fixed: [], newSheets: [] };
        throw e;
      }
    }
  }
}

/**
 * A recorded delivery note (SPEC 11) on the first open lines of one customer: the plan, and the order-sheet cells it
 * sets (shipped quantity, ship date, status), each of which must have its change-log row.
 */
export function planRecordedNote(
  u: Understanding,
  wb: WorkbookSnapshot,
): { edits: WorkbookEdit[]; cells: Map<string, unknown> } {
  try {
    const d = planDocuments(u, wb, {
      type: 'delivery-note',
      rows: u.order.dataRows.slice(0, 3),
      today: TODAY,
      perCustomer: true,
      force: true,
      addShippedColumn: true,
      now: NOW,
    });
    const cells = new Map<string, unknown>();
    for (const e of d.edits)
      if (e.kind === 'setValues' && e.sheet === u.order.sheet) for (const c of e.cells) cells.set(c.address, c.value);
    return { edits: d.edits, cells };
  } catch (e) {
    if (e instanceof OrderClerkError && e.code === 'shipRefused') return { edits: [], cells: new Map() };
    throw e;
  }
}

/**
 * After a recorded note: every cell the clerk had is as it was, except the cells the note set on the order sheet —
 * each holding what the plan said, with a change-log row whose new value is that value.
 */
export function expectOnlyRecordedCells(
  before: WorkbookSnapshot,
  after: WorkbookSnapshot,
  orderSheet: string,
  cells: Map<string, unknown>,
): void {
  const diffs = differences(
    before,
    after,
    (sheet, r, c, _v0, v1) => {
      if (sheet === SETTINGS_SHEET) return true;
      if (sheet !== orderSheet || !cells.has(cellAddress(r, c))) return false;
      const want = cells.get(cellAddress(r, c));
      return sameCell(v1, (want ?? null) as CellValue);
    },
    (sheet) => sheet === orderSheet,
  );
  expect(diffs).toEqual([]);
  const log = readChangeLog(after);
  for (const [cell] of cells) {
    const row = log.find((l) => l.sheet === orderSheet && l.cell === cell);
    expect(row).toBeDefined();
  }
}

/** What a fixed cell holds afterwards: the number, or the date as a serial in the workbook's date system. */
export function fixedValue(f: FixedCell, dateSystem: 1900 | 1904): number {
  return typeof f.new === 'number' ? f.new : fromSerial1900(isoToSerial(f.new), dateSystem);
}

/**
 * Cells that differ between two snapshots. On `strict` sheets the union of both used ranges is compared (an empty
 * cell that gained a value counts); on the others only the cells `before` holds (rows appended below are fine).
 */
function differences(
  before: WorkbookSnapshot,
  after: WorkbookSnapshot,
  skip: (sheet: string, r: number, c: number, v0: CellValue, v1: CellValue) => boolean,
  strict: (sheet: string) => boolean = () => true,
): string[] {
  const out: string[] = [];
  for (const s of before.sheets) {
    const t = findSheet(after, s.name);
    if (!t) {
      out.push(`sheet ${s.name} is gone`);
      continue;
    }
    const wide = strict(s.name) && t.values.length > 0;
    const top = wide ? Math.min(s.top, t.top) : s.top;
    const left = wide ? Math.min(s.left, t.left) : s.left;
    const bottom = wide ? Math.max(lastRow(s), lastRow(t)) : lastRow(s);
    const right = wide ? Math.max(lastColumn(s), lastColumn(t)) : lastColumn(s);
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        const v0 = cellAt(s, r, c);
        const v1 = cellAt(t, r, c);
        if (sameCell(v0, v1) || skip(s.name, r, c, v0, v1)) continue;
        out.push(`${s.name}!${cellAddress(r, c)}: ${JSON.stringify(v0)} → ${JSON.stringify(v1)}`);
      }
    }
  }
  return out;
}

export function sameCell(a: CellValue, b: CellValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || (Number.isNaN(a) && Number.isNaN(b));
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Every cell of every sheet in `before` is identical in `after`, except the fixed cells, which hold the fix and
 * each have a change-log row with the old value. Returns nothing; fails the test with the list of changed cells.
 */
export function expectPreserved(
  before: WorkbookSnapshot,
  after: WorkbookSnapshot,
  orderSheet: string,
  fixed: FixedCell[],
  /** Sheets where an empty cell gaining a value also counts as a change (default: all of `before`'s). */
  strictSheets?: string[],
  /** Documents: the settings sheet may change, but only by advancing lastNumbers (checked below). */
  advancesLastNumbers = false,
): void {
  const fixedAt = new Map(fixed.map((f) => [f.cell, f]));
  const diffs = differences(
    before,
    after,
    (sheet, r, c, v0, v1) => {
      if (advancesLastNumbers && sheet === SETTINGS_SHEET) return true;
      const f = sheet === orderSheet ? fixedAt.get(cellAddress(r, c)) : undefined;
      if (!f) return false;
      // A fix replaces text with the real value and nothing else.
      return typeof v0 === 'string' && describeValue(v0) === f.old && v1 === fixedValue(f, after.dateSystem);
    },
    (sheet) => strictSheets === undefined || strictSheets.includes(sheet),
  );
  expect(diffs).toEqual([]);
  if (advancesLastNumbers) expectOnlyLastNumbersAdvanced(before, after);
  if (fixed.length === 0) return;
  const log = readChangeLog(after);
  for (const f of fixed) {
    const row = log.find((l) => l.sheet === orderSheet && l.cell === f.cell && l.action === 'fix');
    expect(row).toBeDefined();
    expect(row!.old).toEqual(f.old);
    expect(String(row!.new)).toBe(String(f.new));
  }
}

/** The settings are the same except lastNumbers, which only gained keys or grew. */
function expectOnlyLastNumbersAdvanced(before: WorkbookSnapshot, after: WorkbookSnapshot): void {
  const { lastNumbers: n0 = {}, ...rest0 } = readSettings(before);
  const { lastNumbers: n1 = {}, ...rest1 } = readSettings(after);
  expect(rest1).toEqual(rest0);
  for (const [key, n] of Object.entries(n0)) expect(n1[key]).toBeGreaterThanOrEqual(n);
  expect(Object.keys(n1).length).toBeGreaterThan(0);
}

/** Two snapshots hold the same sheets with the same values (and the same tables). */
export function expectSameWorkbook(a: WorkbookSnapshot, b: WorkbookSnapshot): void {
  expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
  expect(differences(a, b, () => false)).toEqual([]);
  expect(differences(b, a, () => false)).toEqual([]);
  expect(b.sheets.map((s) => s.tables)).toEqual(a.sheets.map((s) => s.tables));
}

export function newSheetNames(before: WorkbookSnapshot, after: WorkbookSnapshot): string[] {
  const had = new Set(before.sheets.map((s) => s.name));
  return after.sheets.map((s) => s.name).filter((n) => !had.has(n));
}
