// One-click fixes that lose nothing (SPEC 5, 9): write the real number or date and, in the same plan,
// append the old value to the change log. Undo restores from the log.
// IMPLEMENTATION OWNER: checks helper. Signatures are the contract.

import type { WorkbookEdit } from './edits';
import type { Issue, Lang, Understanding, WorkbookSnapshot } from './types';

export interface FixedCell {
  cell: string;
  old: string | number | boolean | null;
  new: string | number;
}

/** Plan the fixes of the given issues (only `fixable` ones with a fix are used; already-fixed cells are skipped). */
export function planFixes(
  u: Understanding,
  issues: Issue[],
  opts: { lang: Lang; now: Date },
): { edits: WorkbookEdit[]; fixed: FixedCell[] } {
  throw new Error('not implemented');
}

/** Plan restoring the cells of the last fix action recorded in the change log (and log the undo). */
export function planUndoLastFix(
  wb: WorkbookSnapshot,
  u: Understanding,
  opts: { lang: Lang; now: Date },
): { edits: WorkbookEdit[]; restored: FixedCell[] } {
  throw new Error('not implemented');
}
