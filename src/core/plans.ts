// Whole-job plans the task pane and the CLI both run: make the table, and "apply" (table + validation
// rules + delay flags, plus the chosen fixes). Pure: builds WorkbookEdit lists, changes nothing.

import { checkOrder, planValidationRules } from './checks';
import { planDelayRules } from './delay';
import type { WorkbookEdit } from './edits';
import { planFixes, type FixedCell } from './fixes';
import type { OrderClerkError } from './errors';
import { decideOrderTable } from './orderTable';
import type { Issue, Lang, Understanding, WorkbookSnapshot } from './types';

export { DEFAULT_TABLE_NAME, orderTableRange, planMakeTable } from './orderTable';

export interface ApplyPlanOptions {
  /** Language of prompts, alerts and change-log words written into the workbook. */
  lang: Lang;
  /** Also fix every fixable issue (numbers and dates stored as text), with change-log rows. */
  fix: boolean;
  now: Date;
  /** The snapshot the understanding came from: its tables decide the table edit. */
  wb: WorkbookSnapshot;
}

/** Fixable issues that carry a fix: what "fix all" fixes. */
export function fixableIssues(issues: Issue[]): Issue[] {
  return issues.filter((i) => i.severity === 'fixable' && i.fix !== null);
}

/** Table + validation rules + delay flags (+ fixes). Running it twice gives the same workbook as once. */
export function planApply(
  u: Understanding,
  opts: ApplyPlanOptions,
): { edits: WorkbookEdit[]; fixed: FixedCell[]; tableSkipped: OrderClerkError | null; log: string | null } {
  // A table that would rewrite header cells is skipped (and said); the rules and fixes still apply.
  const table = decideOrderTable(u, opts.wb, opts.lang);
  const tableSkipped: OrderClerkError | null = 'refusal' in table ? table.refusal : null;
  const edits: WorkbookEdit[] = 'edit' in table ? [table.edit] : [];
  edits.push(planValidationRules(u, opts.lang), planDelayRules(u));
  let fixed: FixedCell[] = [];
  let log: string | null = null;
  if (opts.fix) {
    // The change log is the workbook's: an existing one, else a new one in the order sheet's language, whatever --lang.
    const planned = planFixes(u, fixableIssues(checkOrder(u, { lang: opts.lang })), { now: opts.now, wb: opts.wb });
    edits.push(...planned.edits);
    fixed = planned.fixed;
    log = planned.log;
  }
  return { edits, fixed, tableSkipped, log };
}
