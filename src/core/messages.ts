// Customer progress message 订单进度 (SPEC 14): for one customer, plain text in the sheet's language to paste into
// WeChat or an e-mail — a greeting, one line per open (or lately shipped) order line with its quantities, due date and
// state (on schedule / due in N days / N days late with the clerk's reason / partly shipped / shipped), and a closing.
// Cancelled lines and lines shipped more than 14 days ago are left out; so is a shipped line whose ship date nobody
// recorded (we cannot tell it is recent), and the caller is told how many. Pure: the workbook is read, never written.

import { keyText } from './text';
import { serialToIso, serialToYmd, isoToSerial } from './dates';
import { classifyLines } from './delay';
import { lineDate, lineNumber, lineText } from './documents/lines';
import { matchCustomer } from './documents/statement';
import { t } from './i18n';
import { groupThousands } from './lists';
import { readShipments, recordedShipped } from './shipments/record';
import type { DelayRow, Lang, OrderLine, Understanding, WorkbookSnapshot } from './types';

/** Days after shipping in full that a line still shows in the message. */
export const RECENTLY_SHIPPED_DAYS = 14;

export type ProgressState = 'late' | 'dueSoon' | 'onSchedule' | 'noDueDate' | 'shipped';

export interface ProgressLine {
  row: number;
  orderNo: string;
  customerPo: string;
  item: string;
  description: string;
  unit: string;
  /** Ordered quantity; null when the cell is not a number. */
  quantity: number | null;
  shipped: number;
  open: number;
  /** ISO, or null when the line has no readable due date. */
  dueDate: string | null;
  state: ProgressState;
  /** Shipped in part and still open. */
  partial: boolean;
  daysLate: number;
  /** Days until the due date (dueSoon / onSchedule), else 0. */
  daysLeft: number;
  /** Late lines: the clerk's remarks (the reason), '' when none. */
  reason: string;
  /** Shipped lines: the ship date (ISO). */
  shipDate: string | null;
}

export interface ProgressMessage {
  customer: string;
  lang: Lang;
  lines: ProgressLine[];
  text: string;
  /** Lines left out, per reason. */
  leftOut: { cancelled: number; shippedLongAgo: number; shippedUndated: number };
}

export interface ProgressOptions {
  customer: string;
  today: string; // ISO
  /** Language of the message; default settings.documentLang, else the order sheet's language. */
  lang?: Lang;
  /** Signed under the closing when given (the company profile's name). */
  signature?: string | null;
}

const num = (n: number): string => groupThousands(Math.round(n * 1e6) / 1e6);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "11月20日" / "20 Nov"; the year only when it is not today's. */
function dayText(lang: Lang, serial: number, todaySerial: number): string {
  const { y, m, d } = serialToYmd(serial);
  const sameYear = serialToYmd(todaySerial).y === y;
  if (lang === 'zh-CN') return `${sameYear ? '' : `${y}年`}${m}月${d}日`;
  return sameYear ? `${d} ${MONTHS[m - 1]}` : `${d} ${MONTHS[m - 1]} ${y}`;
}

/** Quantity with its unit: "120个" (a Chinese unit follows the number directly), "100 pcs", "40" without a unit. */
function qty(n: number, unit: string): string {
  if (unit === '') return num(n);
  return /^[\u3400-\u9fff]/.test(unit) ? `${num(n)}${unit}` : `${num(n)} ${unit}`;
}

/** The last valid recorded delivery day per order-sheet row (1900 serials). */
function lastRecordedDay(wb: WorkbookSnapshot): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of readShipments(wb).rows) {
    if (r.state !== 'valid' || r.row === null || r.date === null) continue;
    out.set(r.row, Math.max(out.get(r.row) ?? 0, Math.floor(r.date)));
  }
  return out;
}

function progressLine(l: OrderLine, d: DelayRow, shipped: number, shipDay: number | null, today: number): ProgressLine {
  const due = lineDate(l, 'dueDate');
  const dueDay = due === null ? null : Math.floor(due);
  const state: ProgressState =
    d.class === 'shipped'
      ? 'shipped'
      : d.class === 'overdue'
        ? 'late'
        : d.class === 'dueSoon'
          ? 'dueSoon'
          : d.class === 'onTrack'
            ? 'onSchedule'
            : 'noDueDate';
  return {
    row: l.row,
    orderNo: lineText(l, 'orderNo'),
    customerPo: lineText(l, 'customerPo'),
    item: lineText(l, 'item'),
    description: lineText(l, 'description'),
    unit: lineText(l, 'unit'),
    quantity: lineNumber(l, 'quantity'),
    shipped,
    open: d.openQty,
    dueDate: dueDay === null ? null : serialToIso(dueDay),
    state,
    partial: state !== 'shipped' && shipped > 0 && d.openQty > 0,
    daysLate: state === 'late' ? d.daysLate : 0,
    daysLeft: (state === 'dueSoon' || state === 'onSchedule') && dueDay !== null ? dueDay - today : 0,
    reason: state === 'late' ? lineText(l, 'remarks').replace(/\s+/g, ' ').trim() : '',
    shipDate: shipDay === null ? null : serialToIso(shipDay),
  };
}

/** The message for one customer. Throws customerNotFound when the order sheet and the record do not know it. */
export function progressMessage(u: Understanding, wb: WorkbookSnapshot, opts: ProgressOptions): ProgressMessage {
  const lang = opts.lang ?? u.settings.documentLang ?? u.order.lang;
  const key = keyText(opts.customer);
  const customer = matchCustomer(u, wb, opts.customer, lang);
  const today = isoToSerial(opts.today);
  const recorded = recordedShipped(u, wb);
  const useRecord = u.order.columns.shippedQty === undefined;
  const classes = new Map(classifyLines(u, opts.today, { recorded }).map((d) => [d.row, d]));
  const recordedDay = lastRecordedDay(wb);
  const leftOut = { cancelled: 0, shippedLongAgo: 0, shippedUndated: 0 };
  const lines: ProgressLine[] = [];
  for (const l of u.lines) {
    if (keyText(lineText(l, 'customer')) !== key) continue;
    const d = classes.get(l.row);
    if (!d) continue;
    if (d.class === 'cancelled') {
      leftOut.cancelled++;
      continue;
    }
    const quantity = lineNumber(l, 'quantity');
    const shippedCell = useRecord ? (recorded.get(l.row) ?? 0) : (lineNumber(l, 'shippedQty') ?? 0);
    const shipped = d.class === 'shipped' && quantity !== null ? Math.max(shippedCell, quantity) : shippedCell;
    let shipDay: number | null = null;
    if (d.class === 'shipped') {
      const onSheet = lineDate(l, 'shipDate');
      shipDay = onSheet !== null ? Math.floor(onSheet) : (recordedDay.get(l.row) ?? null);
      if (shipDay === null) {
        leftOut.shippedUndated++;
        continue;
      }
      if (today - shipDay > RECENTLY_SHIPPED_DAYS) {
        leftOut.shippedLongAgo++;
        continue;
      }
    }
    lines.push(progressLine(l, d, shipped, shipDay, today));
  }
  // Open lines by due date (undated last), then the lines shipped lately, by ship date.
  const rank = (p: ProgressLine): string =>
    p.state === 'shipped' ? `2${p.shipDate}` : p.dueDate === null ? '1' : `0${p.dueDate}`;
  lines.sort((a, b) => rank(a).localeCompare(rank(b)) || a.row - b.row);
  return { customer, lang, lines, text: messageText(lang, customer, lines, today, opts.signature ?? null), leftOut };
}

/** The words of one line (without its number). */
export function lineSentence(lang: Lang, p: ProgressLine, today: number): string {
  const L = (key: string, params: Record<string, string | number> = {}): string => t(lang, `msg.${key}`, params);
  const ref = p.customerPo
    ? L(p.orderNo ? 'ref.withPo' : 'ref.poOnly', { order: p.orderNo, po: p.customerPo })
    : p.orderNo
      ? L('ref.order', { order: p.orderNo })
      : '';
  const what = [ref, p.item, p.description].filter((s) => s !== '').join(' ');
  const due = p.dueDate === null ? '' : dayText(lang, isoToSerial(p.dueDate), today);
  const parts: string[] = [];
  if (p.state === 'shipped') {
    parts.push(
      L(p.quantity === null ? 'shippedInFullNoQty' : 'shippedInFull', {
        qty: qty(p.quantity ?? p.shipped, p.unit),
        date: dayText(lang, isoToSerial(p.shipDate ?? serialToIso(today)), today),
      }),
    );
  } else {
    const ordered = p.quantity === null ? '' : qty(p.quantity, p.unit);
    if (p.shipped > 0)
      parts.push(L('qty.partial', { ordered, shipped: qty(p.shipped, p.unit), open: qty(p.open, p.unit) }));
    else parts.push(L(p.quantity === null ? 'qty.noneShippedNoQty' : 'qty.noneShipped', { ordered }));
    const days = (n: number, one: string, many: string): string => L(n === 1 ? one : many, { days: n });
    if (p.state === 'late') {
      let s = L(p.partial ? 'state.late.rest' : 'state.late', { due, late: days(p.daysLate, 'days.one', 'days.many') });
      if (p.reason) s += L('reason', { reason: p.reason });
      parts.push(s);
    } else if (p.state === 'dueSoon') {
      const key = p.daysLeft === 0 ? 'state.dueToday' : p.daysLeft === 1 ? 'state.dueTomorrow' : 'state.dueIn';
      parts.push(L(key, { due, days: p.daysLeft }));
    } else if (p.state === 'onSchedule') parts.push(L('state.onSchedule', { due }));
    else parts.push(L('state.noDueDate'));
  }
  return `${what}${L('colon')}${parts.join(L('semicolon'))}${L('end')}`;
}

function messageText(
  lang: Lang,
  customer: string,
  lines: ProgressLine[],
  today: number,
  signature: string | null,
): string {
  const L = (key: string, params: Record<string, string | number> = {}): string => t(lang, `msg.${key}`, params);
  const out = [L('greeting', { customer }), ''];
  if (lines.length) {
    out.push(L('intro', { date: dayText(lang, today, today) }));
    lines.forEach((p, i) => out.push(`${i + 1}. ${lineSentence(lang, p, today)}`));
  } else out.push(L('nothingOpen'));
  out.push('', L('closing'));
  if (signature) out.push(L('signature', { name: signature }));
  return out.join('\n');
}
