// Whole-job plans the task pane and the CLI both run: make the table, and "apply" (table + validation
// rules + delay flags, plus the chosen fixes). Pure: builds WorkbookEdit lists, changes nothing.

import { parseRange, rangeAddress } from './address';
import { checkOrder, planValidationRules } from './checks';
import { planDelayRules } from './delay';
import type { WorkbookEdit } from './edits';
import { planFixes, type FixedCell } from './fixes';
import { findSheet } from './snapshot';
import type { Issue, Lang, Understanding, WorkbookSnapshot } from './types';

export const DEFAULT_TABLE_NAME = 'OrderLines';

/** Header row through the last order line, across the header block. */
export function orderTableRange(u: Understanding): string {
  const o = u.order;
  return rangeAddress(o.headerRow, o.firstColumn, Math.max(o.lastDataRow, o.headerRow + 1), o.lastColumn);
}

/** The table already on the order block, if any (its name is kept). */
export function existingOrderTable(u: Understanding, wb: WorkbookSnapshot | undefined): { name: string; range: string } | null {
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

/** ensureTable over the order block; the adapter reuses a table that already covers it. */
export function planMakeTable(u: Understanding, wb?: WorkbookSnapshot): WorkbookEdit {
  const existing = existingOrderTable(u, wb);
  return { kind: 'ensureTable', sheet: u.order.sheet, range: orderTableRange(u), name: existing?.name ?? DEFAULT_TABLE_NAME };
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
export function planApply(u: Understanding, opts: ApplyPlanOptions): { edits: WorkbookEdit[]; fixed: FixedCell[] } {
  const edits: WorkbookEdit[] = [planMakeTable(u, opts.wb), planValidationRules(u, opts.lang), planDelayRules(u)];
  let fixed: FixedCell[] = [];
  if (opts.fix) {
    const planned = planFixes(u, fixableIssues(checkOrder(u, { lang: opts.lang })), { lang: opts.lang, now: opts.now, wb: opts.wb });
    edits.push(...planned.edits);
    fixed = planned.fixed;
  }
  return { edits, fixed };
}

