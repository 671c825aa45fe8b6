// Pure helpers of the task pane: field lists, issue grouping and paging, row selection, error text.
// No React here, so test/taskpane can test them in Node.

import { columnLetter } from '../core/address';
import { OrderClerkError } from '../core/errors';
import { t } from '../core/i18n';
import type { DelayRow, FieldKey, Issue, Lang, OrderSheet, Severity, Understanding } from '../core/types';

/** Every order-sheet field, in the order the clerk reads a sheet. */
export const ORDER_FIELDS = [
  'lineNo', 'orderNo', 'customerPo', 'customer', 'orderDate', 'item', 'description', 'spec', 'quantity', 'unit',
  'unitPrice', 'amount', 'currency', 'dueDate', 'shippedQty', 'shipDate', 'status', 'remarks',
  'cartons', 'qtyPerCarton', 'netWeight', 'grossWeight', 'cartonSize', 'cbm',
] as const satisfies readonly FieldKey[];

// Fails to compile when a FieldKey is added to core and not listed above.
type MissingField = Exclude<FieldKey, (typeof ORDER_FIELDS)[number]>;
const everyFieldListed: MissingField extends never ? true : never = true;
void everyFieldListed;

export const SEVERITIES: Severity[] = ['error', 'fixable', 'warning'];

export function fieldLabel(lang: Lang, field: FieldKey): string {
  return t(lang, `checks.field.${field}`); // field names live once, in the checks part
}

/** Clerk-facing text of any failure: our own errors in the UI language, anything else as "unexpected". */
export function errorText(err: unknown, lang: Lang): string {
  if (err instanceof OrderClerkError) return err.messageIn(lang);
  const e = err as { name?: string; messageIn?: (l: Lang) => string; message?: string } | null;
  if (e && e.name === 'OrderClerkError' && typeof e.messageIn === 'function') return e.messageIn(lang);
  const detail = e && typeof e.message === 'string' ? e.message : String(err);
  return t(lang, 'pane.error.unexpected', { detail });
}

export interface IssueGroup {
  key: string; // "error|quantity"
  severity: Severity;
  field: FieldKey;
  count: number;
}

/** Issues grouped by severity (errors first) then field, with counts. */
export function groupIssues(issues: Issue[]): IssueGroup[] {
  const byKey = new Map<string, IssueGroup>();
  for (const i of issues) {
    const key = `${i.severity}|${i.field}`;
    const g = byKey.get(key);
    if (g) g.count++;
    else byKey.set(key, { key, severity: i.severity, field: i.field, count: 1 });
  }
  const fieldRank = new Map<string, number>(ORDER_FIELDS.map((f, n) => [f, n]));
  return [...byKey.values()].sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      (fieldRank.get(a.field) ?? 99) - (fieldRank.get(b.field) ?? 99),
  );
}

export function issuesInGroup(issues: Issue[], groupKey: string | null): Issue[] {
  if (!groupKey) return issues;
  return issues.filter((i) => `${i.severity}|${i.field}` === groupKey);
}

/** One page of a long list, so 10,000 issues never render at once. */
export function pageOf<T>(items: T[], page: number, size: number): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  return { items: items.slice(p * size, p * size + size), page: p, pages };
}

/** Selected sheet rows that are order lines of the order sheet. */
export function selectedOrderRows(order: OrderSheet, sheet: string | null, rows: number[]): number[] {
  if (sheet !== order.sheet) return [];
  const lines = new Set(order.dataRows);
  return rows.filter((r) => lines.has(r));
}

/** The A1 range of one order line across the table's columns, for selecting it. */
export function rowAddress(order: OrderSheet, row: number): string {
  return `${columnLetter(order.firstColumn)}${row}:${columnLetter(order.lastColumn)}${row}`;
}

/** Overdue first (most days late first), then due soon (soonest first). */
export function lateLines(rows: DelayRow[]): DelayRow[] {
  const overdue = rows.filter((r) => r.class === 'overdue').sort((a, b) => b.daysLate - a.daysLate || a.row - b.row);
  const soon = rows.filter((r) => r.class === 'dueSoon').sort((a, b) => a.row - b.row);
  return [...overdue, ...soon];
}

/** A field's display text on a line ('' when unmapped). */
export function lineText(u: Understanding, row: number, field: FieldKey): string {
  const line = u.lines.find((l) => l.row === row);
  return line?.text[field] ?? '';
}

/** Settings with one column's mapping overridden (null: "not mapped"). */
export function withColumnOverride(u: Understanding, column: number, field: FieldKey | null): Understanding['settings'] {
  const s = JSON.parse(JSON.stringify(u.settings)) as Understanding['settings'];
  const sheet = u.order.sheet;
  const letter = columnLetter(column);
  const forSheet = { ...(s.columnOverrides[sheet] ?? {}) };
  // A field lives in one column only: drop it from any other column's override.
  if (field) for (const k of Object.keys(forSheet)) if (forSheet[k] === field && k !== letter) delete forSheet[k];
  forSheet[letter] = field;
  s.columnOverrides[sheet] = forSheet;
  return s;
}
