// Pure helpers of the task pane: field lists, issue grouping and paging, row selection, error text.
// No React here, so test/taskpane can test them in Node.

import { columnLetter } from '../core/address';
import { isoToSerial, serialToIso, serialToYmd } from '../core/dates';
import { parseDateText } from '../core/textDates';
import { FIELD_DEFS } from '../core/fields';
import { OrderClerkError } from '../core/errors';
import { t } from '../core/i18n';
import type { DelayRow, FieldKey, Issue, Lang, OrderLine, OrderSheet, Severity, Understanding } from '../core/types';

/** Every order-sheet field, in the order the clerk reads a sheet. */
export const ORDER_FIELDS = [
  'lineNo',
  'orderNo',
  'customerPo',
  'customer',
  'orderDate',
  'item',
  'description',
  'spec',
  'quantity',
  'unit',
  'unitPrice',
  'amount',
  'currency',
  'dueDate',
  'shippedQty',
  'openQty',
  'shipDate',
  'requestedDate',
  'status',
  'remarks',
  'cartons',
  'qtyPerCarton',
  'netWeight',
  'grossWeight',
  'cartonSize',
  'cbm',
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

/** Overdue first (most days late first, then row), then due soon (earliest due date first, then row). */
export function lateLines(rows: DelayRow[], dueOf: (row: number) => number | null = () => null): DelayRow[] {
  const overdue = rows.filter((r) => r.class === 'overdue').sort((a, b) => b.daysLate - a.daysLate || a.row - b.row);
  const due = (r: DelayRow) => dueOf(r.row) ?? Infinity;
  const soon = rows.filter((r) => r.class === 'dueSoon').sort((a, b) => due(a) - due(b) || a.row - b.row);
  return [...overdue, ...soon];
}

/** The due-date serial of a line, when it reads as a date. */
export function dueSerial(line: OrderLine | undefined): number | null {
  const d = line?.date.dueDate;
  return d && d.kind === 'ok' ? d.value : null;
}

/** Order lines by sheet row, so the pane never searches the line list (10,000-line sheets). */
export function lineIndex(u: Understanding | null): Map<number, OrderLine> {
  return new Map((u?.lines ?? []).map((l) => [l.row, l]));
}

export interface LinesTotal {
  count: number;
  /** Sum of quantities that read as numbers, and how many lines had none. */
  quantity: number;
  quantityMissing: number;
  amount: number;
  amountMissing: number;
}

/** Count and totals of the selected order lines; amount falls back to quantity × unit price. */
export function linesTotal(lines: OrderLine[]): LinesTotal {
  const out: LinesTotal = { count: lines.length, quantity: 0, quantityMissing: 0, amount: 0, amountMissing: 0 };
  for (const l of lines) {
    const q = l.num.quantity;
    const a = l.num.amount;
    const p = l.num.unitPrice;
    if (q && q.kind === 'ok') out.quantity += q.value;
    else out.quantityMissing++;
    if (a && a.kind === 'ok') out.amount += a.value;
    else if (q && q.kind === 'ok' && p && p.kind === 'ok') out.amount += q.value * p.value;
    else out.amountMissing++;
  }
  out.amount = Math.round(out.amount * 100) / 100;
  return out;
}

/** A number as the UI language writes it (grouping, up to `decimals` places). */
export function formatNumberIn(lang: Lang, n: number, decimals = 2): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: decimals }).format(n);
}

/** A 1900-system serial as the UI language writes a date (2026年11月22日 / Nov 22, 2026). */
export function formatDateIn(lang: Lang, serial: number): string {
  const { y, m, d } = serialToYmd(serial);
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** An ISO date (YYYY-MM-DD) of a pane field as the pane writes its other dates ('' for one that is no date). */
export function dateFieldText(lang: Lang, iso: string): string {
  const serial = isoToSerial(iso);
  return Number.isNaN(serial) ? '' : formatDateIn(lang, serial);
}

/**
 * What the clerk typed in a pane date field as an ISO date, or null: any way of writing a date the checks read
 * (2026年10月1日, 2026/10/1, 2026-10-01, Oct 1, 2026, 10月1日 — a year-less date takes the year that puts it
 * nearest `todayIso`), month before day in a slashed date as the pane's English does (10/1/2026).
 */
export function parseDateField(text: string, todayIso: string): string | null {
  const today = isoToSerial(todayIso);
  const { y } = serialToYmd(today);
  if (/\d{4}/.test(text)) {
    const serial = parseDateText(text, isoToSerial(`${y}-01-01`), false);
    return serial === null ? null : serialToIso(serial);
  }
  // Without its year, the date in last, this or next year nearest today (December typed in January is last
  // December); a day no year near has (29 February) is not a date.
  let best: number | null = null;
  for (const year of [y - 1, y, y + 1]) {
    const serial = parseDateText(text, isoToSerial(`${year}-01-01`), false);
    if (serial === null || serialToYmd(serial).y !== year) continue;
    if (best === null || Math.abs(serial - today) < Math.abs(best - today)) best = serial;
  }
  return best === null ? null : serialToIso(best);
}

/**
 * "480台" (in Chinese a Chinese unit follows the number directly, as the progress message writes it), "480 pcs",
 * "480 台" in English (a word of its own there), "480".
 */
export function withUnit(lang: Lang, n: string, unit: string): string {
  if (unit === '') return n;
  return lang === 'zh-CN' && /^[\u3400-\u9fff]/.test(unit) ? `${n}${unit}` : `${n} ${unit}`;
}

/** A clause shown on its own as a sentence: a capital first letter (English) and a full stop (。 in Chinese). */
export function asSentence(lang: Lang, clause: string): string {
  const s = clause.trim();
  if (s === '') return s;
  const capital = lang === 'en-US' ? s[0].toUpperCase() + s.slice(1) : s;
  return /[.!?。！？]$/.test(capital) ? capital : capital + (lang === 'zh-CN' ? '。' : '.');
}

/** Which first-run explanation fits a failure to understand the workbook. */
export type FirstRunKind = 'emptyWorkbook' | 'noOrderTable' | 'headersWithoutData' | 'other';

export function firstRunKind(err: unknown): FirstRunKind {
  const code = (err as { code?: string } | null)?.code;
  return code === 'emptyWorkbook' || code === 'noOrderTable' || code === 'headersWithoutData' ? code : 'other';
}

/** What the first-run title names: the sheet and header row of 'headersWithoutData' (the error's own params). */
export function firstRunParams(err: unknown): Record<string, string | number> {
  const params = (err as { params?: Record<string, string | number> } | null)?.params;
  return { sheet: '', row: '', ...(params ?? {}) };
}

/** Settings with the header row of `sheet` pointed at by the clerk. */
export function withHeaderRow(
  settings: Understanding['settings'],
  sheet: string,
  row: number,
): Understanding['settings'] {
  const s = JSON.parse(JSON.stringify(settings)) as Understanding['settings'];
  s.headerRowOverrides = { ...(s.headerRowOverrides ?? {}), [sheet]: row };
  return s;
}

/** Rows [start, end) of a fixed-row-height list to render for a scroll position, with `overscan` rows around. */
export function visibleWindow(
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  count: number,
  overscan = 6,
): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const shown = Math.ceil(Math.max(0, viewport) / rowHeight) + 1;
  return { start: Math.max(0, first - overscan), end: Math.min(count, first + shown + overscan) };
}

/** The scrollTop that brings row `index` into view (unchanged when it is already visible). */
export function scrollToShow(index: number, scrollTop: number, viewport: number, rowHeight: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
  return scrollTop;
}

/** A field's display text on a line ('' when unmapped). */
export function lineText(lines: Map<number, OrderLine>, row: number, field: FieldKey): string {
  return lines.get(row)?.text[field] ?? '';
}

/** Settings with one column's mapping overridden (null: "not mapped"). */
export function withColumnOverride(
  u: Understanding,
  column: number,
  field: FieldKey | null,
): Understanding['settings'] {
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

/** A few header words the add-in knows, in the clerk's language ("订单号、客户、产品型号、数量、交期"). */
export function headerExamples(lang: Lang): string {
  const fields: FieldKey[] = ['orderNo', 'customer', 'item', 'quantity', 'dueDate'];
  const words = fields.map((f) => {
    const all = FIELD_DEFS.find((d) => d.key === f)?.words ?? [];
    return (
      (lang === 'zh-CN'
        ? all.find((w) => /[\u4e00-\u9fff]/.test(w))
        : all.find((w) => /^[A-Za-z][A-Za-z .#]*$/.test(w))) ?? f
    );
  });
  return lang === 'zh-CN' ? words.map((w) => `“${w}”`).join('、') : words.map((w) => `"${w}"`).join(', ');
}
