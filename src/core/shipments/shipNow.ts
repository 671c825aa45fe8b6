// What ships now (SPEC 7): per selected line the quantity on this document — by default its open quantity
// (quantity − shipped), or what the clerk typed — and the lines that must not reach paper: cancelled, nothing open,
// more than open, a quantity or price that is an error value or unreadable. `force` (the clerk's explicit say-so)
// lets the soft refusals through and the register note records them. Pure.

import { cellAddress } from '../address';
import { statusTextOf } from '../delay';
import type { DocType } from '../documents';
import { findProduct, lineText, roundTo } from '../documents/lines';
import { statusMatcher } from '../status';
import type { OrderLine, Reading, Understanding } from '../types';

export type RefusalCode =
  | 'cancelled'
  | 'nothingOpen'
  | 'overOpen'
  | 'quantityUnreadable'
  | 'shippedUnreadable'
  | 'priceUnreadable'
  | 'shipUnknown';

export interface Refusal {
  row: number;
  code: RefusalCode;
  /** Hard refusals stand even with force (nothing sensible could be printed). */
  hard: boolean;
  params: Record<string, string | number>;
}

export interface ShipNote {
  key: string;
  params: Record<string, string | number>;
}

export interface ShipLine {
  row: number;
  line: OrderLine;
  /** Ordered quantity, or null when the cell is not a number. */
  ordered: number | null;
  /** Shipped before this document: the sheet's shipped column, else the shipments record. */
  shippedBefore: number;
  /** ordered − shippedBefore, never below 0; null when the ordered quantity is unknown. */
  open: number | null;
  /** The quantity on this document. */
  ship: number;
  /** Still owed after this document; null when unknown. */
  owedAfter: number | null;
  /** Price printed for this line: the sheet's, else the price list's; null without one (or without prices). */
  unitPrice: number | null;
  priceSource: 'sheet' | 'priceList' | null;
  /** ship × unitPrice, 2 decimals. */
  amount: number | null;
  /** Refusals the clerk overrode with force. */
  forced: RefusalCode[];
}

export interface ShipPlan {
  lines: ShipLine[];
  /** Lines that stop the document (all of them when not forced; the hard ones when forced). */
  refusals: Refusal[];
  notes: ShipNote[];
}

export interface ShipOptions {
  type: DocType;
  /** Ship quantity per sheet row, typed by the clerk (pane column, CLI --ship). */
  ship?: Record<number, number>;
  force?: boolean;
  /** Work orders: the open quantity instead of the ordered one. */
  openOnly?: boolean;
  /** No prices printed: price cells are not read. */
  withoutPrices?: boolean;
  /** Shipped quantity per row from the shipments record, used when the sheet has no shipped column. */
  recorded?: ReadonlyMap<number, number>;
}

const ok = (r: Reading | undefined): number | null => (r && r.kind === 'ok' ? r.value : null);
const unreadable = (r: Reading | undefined): boolean => r !== undefined && (r.kind === 'invalid' || r.kind === 'error');

/** Plan the quantities (and prices) of the selected lines for one document. */
export function planShipQuantities(u: Understanding, lines: OrderLine[], opts: ShipOptions): ShipPlan {
  const kindOf = statusMatcher(u.settings);
  const cols = u.order.columns;
  const cell = (row: number, col: number | undefined): string => (col === undefined ? '' : cellAddress(row, col));
  const hasShippedColumn = cols.shippedQty !== undefined;
  const forShipping = opts.type !== 'work-order';
  const printsPrices = opts.type === 'delivery-note' && !opts.withoutPrices;
  const out: ShipLine[] = [];
  const refusals: Refusal[] = [];
  const notes: ShipNote[] = [];

  for (const line of lines) {
    const row = line.row;
    const item = lineText(line, 'item') || `#${row}`;
    const typed = opts.ship?.[row];
    const lineRefusals: Refusal[] = [];
    const refuse = (code: RefusalCode, hard: boolean, params: Record<string, string | number> = {}): void => {
      lineRefusals.push({ row, code, hard, params: { row, item, ...params } });
    };

    if (kindOf(statusTextOf(line)) === 'cancelled')
      refuse('cancelled', false, { status: lineText(line, 'status'), cell: cell(row, cols.status) });

    const qReading = line.num.quantity;
    const ordered = ok(qReading);
    if (ordered === null) {
      refuse('quantityUnreadable', typed === undefined, {
        cell: cell(row, cols.quantity),
        value: lineText(line, 'quantity') || '—',
      });
    }
    let shippedBefore = 0;
    let shippedKnown = true;
    if (hasShippedColumn) {
      const s = line.num.shippedQty;
      if (unreadable(s)) {
        shippedKnown = false;
        if (forShipping || opts.openOnly)
          refuse('shippedUnreadable', typed === undefined, {
            cell: cell(row, cols.shippedQty),
            value: lineText(line, 'shippedQty'),
          });
      } else shippedBefore = ok(s) ?? 0;
    } else shippedBefore = opts.recorded?.get(row) ?? 0;
    const open = ordered === null || !shippedKnown ? null : Math.max(0, roundTo(ordered - shippedBefore, 9));

    let ship: number;
    if (!forShipping) ship = (opts.openOnly ? open : ordered) ?? typed ?? 0;
    else ship = typed ?? open ?? 0;
    if (forShipping || opts.openOnly) {
      if (open === 0 && typed === undefined)
        refuse('nothingOpen', true, { ordered: ordered ?? '', shipped: shippedBefore });
      else if (open === 0) refuse('nothingOpen', false, { ordered: ordered ?? '', shipped: shippedBefore });
      else if (open !== null && typed !== undefined && typed > open)
        refuse('overOpen', false, { ship: typed, open, ordered: ordered ?? '' });
    }
    if (ship <= 0 && !lineRefusals.some((r) => r.hard)) refuse('shipUnknown', true);

    let unitPrice: number | null = null;
    let priceSource: ShipLine['priceSource'] = null;
    if (printsPrices) {
      const p = line.num.unitPrice;
      if (unreadable(p)) {
        refuse('priceUnreadable', false, {
          cell: cell(row, cols.unitPrice),
          value: lineText(line, 'unitPrice'),
        });
      } else unitPrice = ok(p);
      if (unitPrice !== null) priceSource = 'sheet';
      else {
        const listed = findProduct(u.masters, lineText(line, 'item'))?.unitPrice;
        if (typeof listed === 'number') {
          unitPrice = listed;
          priceSource = 'priceList';
          notes.push({ key: 'ship.note.priceFromList', params: { row, item, price: listed } });
        } else notes.push({ key: 'ship.note.noPrice', params: { row, item } });
      }
    }

    const forced = opts.force ? lineRefusals.filter((r) => !r.hard) : [];
    refusals.push(...lineRefusals.filter((r) => !opts.force || r.hard));
    for (const f of forced) notes.push({ key: `ship.forced.${f.code}`, params: f.params });
    out.push({
      row,
      line,
      ordered,
      shippedBefore,
      open,
      ship,
      owedAfter: open === null || !forShipping ? null : Math.max(0, roundTo(open - ship, 9)),
      unitPrice,
      priceSource,
      amount: unitPrice === null ? null : roundTo(ship * unitPrice, 2),
      forced: forced.map((f) => f.code),
    });
  }
  return { lines: out, refusals, notes };
}
