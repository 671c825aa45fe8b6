// Highlighting the problem cells: one conditional format over all of them, which the add-in finds again by its marker.

import { columnNumber } from '../address';
import { orderBlock } from '../delay';
import type { WorkbookEdit } from '../edits';
import type { Issue, Understanding } from '../types';

export const HIGHLIGHT_MARKER = 'order-clerk:highlight';
/** Excel's light orange (Orange, Accent 2, lighter 60%): a shade darker than the noDueDate row fill in colours.ts. */
export const HIGHLIGHT_FILL = '#F8CBAD';
/** Always true, and carries the marker so the add-in can find and replace its own rule. */
export const HIGHLIGHT_FORMULA = `N("${HIGHLIGHT_MARKER}")=0`;

/** Highlight scattered problem cells with a conditional format (marker "order-clerk:highlight"), or clear it. */
export function planHighlight(u: Understanding, issues: Issue[]): WorkbookEdit {
  const ranges = issueRanges(issues);
  if (ranges.length === 0) return planClearHighlight(u);
  return {
    kind: 'setConditionalFormats',
    sheet: u.order.sheet,
    marker: HIGHLIGHT_MARKER,
    ranges,
    rules: [{ formula: HIGHLIGHT_FORMULA, fill: HIGHLIGHT_FILL }],
    scope: orderBlock(u),
  };
}

export function planClearHighlight(u: Understanding): WorkbookEdit {
  return {
    kind: 'setConditionalFormats',
    sheet: u.order.sheet,
    marker: HIGHLIGHT_MARKER,
    ranges: [],
    rules: [],
    scope: orderBlock(u),
  };
}

/** The issue cells as A1 areas, column by column, runs of adjacent rows merged ("H7:H9"). */
export function issueRanges(issues: Issue[]): string[] {
  const rowsByColumn = new Map<string, Set<number>>();
  for (const i of issues) {
    const set = rowsByColumn.get(i.column) ?? new Set<number>();
    set.add(i.row);
    rowsByColumn.set(i.column, set);
  }
  const columns = [...rowsByColumn.keys()].sort((a, b) => columnNumber(a) - columnNumber(b));
  const out: string[] = [];
  for (const col of columns) {
    const rows = [...(rowsByColumn.get(col) as Set<number>)].sort((a, b) => a - b);
    let start = rows[0];
    for (let k = 1; k <= rows.length; k++) {
      if (k < rows.length && rows[k] === rows[k - 1] + 1) continue;
      const end = rows[k - 1];
      out.push(start === end ? `${col}${start}` : `${col}${start}:${col}${end}`);
      start = rows[k];
    }
  }
  return out;
}
