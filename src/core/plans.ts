// Whole-job plans the task pane and the CLI both run: make the table, and "apply" (table + validation
// rules + delay flags, plus the chosen fixes). Pure: builds WorkbookEdit lists, changes nothing.

import { cellAddress, parseRange, rangeAddress } from './address';
import { checkOrder, planValidationRules } from './checks';
import { planDelayRules } from './delay';
import type { WorkbookEdit } from './edits';
import { planFixes, type FixedCell } from './fixes';
import { OrderClerkError } from './errors';
import { t } from './i18n';
import { cellAt, findSheet } from './snapshot';
import type { Issue, Lang, Understanding, WorkbookSnapshot } from './types';

export const DEFAULT_TABLE_NAME = 'OrderLines';

/** Header row through the last order line, across the header block. */
export function orderTableRange(u: Understanding): string {
  const o = u.order;
  return rangeAddress(o.headerRow, o.firstColumn, Math.max(o.lastDataRow, o.headerRow + 1), o.lastColumn);
}

/** The table already on the order block, if any (its name is kept). */
export function existingOrderTable(
  u: Understanding,
  wb: WorkbookSnapshot | undefined,
): { name: string; range: string } | null {
  const sheet = wb ? findSheet(wb, u.order.sheet) : undefined;
  if (!sheet) return null;
  const want = parseRange(orderTableRange(u));
  return (
    sheet.tables.find((t) => {
      const r = parseRange(t.range);
      return r.left <= want.right && want.left <= r.right && r.top <= want.bottom && want.top <= r.bottom;
    }) ?? null
  );
}

/**
 * ensureTable over the order block; the adapter reuses a table that already covers it. A new table must not change
 * a header cell (Excel renames blank, duplicate and non-text headers when it makes one, and refuses merged cells):
 * then this throws OrderClerkError('tableHeadersInvalid') saying which cells, and nothing is planned.
 */
export function planMakeTable(u: Understanding, wb?: WorkbookSnapshot, lang: Lang = u.order.lang): WorkbookEdit {
  const existing = existingOrderTable(u, wb);
  if (!existing && wb) {
    const problem = tableHeaderProblem(u, wb, lang);
    if (problem) throw new OrderClerkError('tableHeadersInvalid', { detail: problem });
  }
  return {
    kind: 'ensureTable',
    sheet: u.order.sheet,
    range: orderTableRange(u),
    name: existing?.name ?? DEFAULT_TABLE_NAME,
    mode: existing ? 'reuse' : 'create',
  };
}

/** Why a new table over the order block would change the clerk's header cells, or null when it would not. */
export function tableHeaderProblem(u: Understanding, wb: WorkbookSnapshot, lang: Lang): string | null {
  const sheet = findSheet(wb, u.order.sheet);
  if (!sheet) return null;
  const o = u.order;
  const want = parseRange(orderTableRange(u));
  const merged = sheet.merges.filter((m) => {
    const r = parseRange(m);
    return r.left <= want.right && want.left <= r.right && r.top <= want.bottom && want.top <= r.bottom;
  });
  if (merged.length) return t(lang, 'table.problem.merged', { cells: merged.join(', ') });
  const blank: string[] = [];
  const notText: string[] = [];
  const byName = new Map<string, string[]>();
  for (let c = o.firstColumn; c <= o.lastColumn; c++) {
    const v = cellAt(sheet, o.headerRow, c);
    const at = cellAddress(o.headerRow, c);
    if (v === null || (typeof v === 'string' && v.trim() === '')) blank.push(at);
    else if (typeof v !== 'string') notText.push(at);
    else byName.set(v.toLowerCase(), [...(byName.get(v.toLowerCase()) ?? []), at]);
  }
  if (blank.length) return t(lang, 'table.problem.blank', { cells: blank.join(', ') });
  if (notText.length) return t(lang, 'table.problem.notText', { cells: notText.join(', ') });
  for (const cells of byName.values()) {
    if (cells.length > 1) {
      const header = String(cellAt(sheet, o.headerRow, parseRange(cells[0]).left));
      return t(lang, 'table.problem.duplicate', { header, cells: cells.join(', ') });
    }
  }
  return null;
}

export interface ApplyPlanOptions {
  /** Language of prompts, alerts and change-log words written into the workbook. */
  lang: Lang;
  /** Also fix every fixable issue (numbers and dates stored as text), with change-log rows. */
  fix: boolean;
  now: Date;
  /** The snapshot the understanding came from, to keep an existing table's name. */
  wb?: WorkbookSnapshot;
}

/** Fixable issues that carry a fix: what "fix all" fixes. */
export function fixableIssues(issues: Issue[]): Issue[] {
  return issues.filter((i) => i.severity === 'fixable' && i.fix !== null);
}

/** Table + validation rules + delay flags (+ fixes). Running it twice gives the same workbook as once. */
export function planApply(
  u: Understanding,
  opts: ApplyPlanOptions,
): { edits: WorkbookEdit[]; fixed: FixedCell[]; tableSkipped: OrderClerkError | null } {
  // A table that would rewrite header cells is skipped (and said); the rules and fixes still apply.
  let tableSkipped: OrderClerkError | null = null;
  const edits: WorkbookEdit[] = [];
  try {
    edits.push(planMakeTable(u, opts.wb, opts.lang));
  } catch (e) {
    if (!(e instanceof OrderClerkError) || e.code !== 'tableHeadersInvalid') throw e;
    tableSkipped = e;
  }
  edits.push(planValidationRules(u, opts.lang), planDelayRules(u));
  let fixed: FixedCell[] = [];
  if (opts.fix) {
    const planned = planFixes(u, fixableIssues(checkOrder(u, { lang: opts.lang })), {
      lang: opts.lang,
      now: opts.now,
      wb: opts.wb,
    });
    edits.push(...planned.edits);
    fixed = planned.fixed;
  }
  return { edits, fixed, tableSkipped };
}
