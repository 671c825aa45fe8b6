// Checks of order lines (SPEC 5). Never changes the sheet.
// IMPLEMENTATION OWNER: checks helper. Signatures are the contract.

import type { WorkbookEdit } from './edits';
import type { Issue, Lang, Severity, Understanding } from './types';

export interface CheckOptions {
  lang: Lang;
  /** Check only these sheet rows (a pasted PO); duplicates are still looked for against every line. */
  rows?: number[];
}

export function checkOrder(u: Understanding, opts: CheckOptions): Issue[] {
  throw new Error('not implemented');
}

export function issueCounts(issues: Issue[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, fixable: 0 };
  for (const i of issues) c[i.severity]++;
  return c;
}

/** Excel data-validation rules for the table's mapped columns (SPEC 5), replacing earlier ones. */
export function planValidationRules(u: Understanding, lang: Lang): WorkbookEdit {
  throw new Error('not implemented');
}

/** Highlight scattered problem cells with a conditional format (marker "order-clerk:highlight"), or clear it. */
export function planHighlight(u: Understanding, issues: Issue[]): WorkbookEdit {
  throw new Error('not implemented');
}
export function planClearHighlight(u: Understanding): WorkbookEdit {
  throw new Error('not implemented');
}
