// Packing calculations (SPEC 7): cartons per item, a partial last carton on its own line, carton numbers
// running on across items, weights and CBM. Unknown data stays null — never a guessed number.

import type { Masters, OrderLine } from '../types';
import { findProduct, lineNumber, lineText, roundTo } from './lines';

export interface CartonSize {
  length: number;
  width: number;
  height: number; // cm
}

/** "50*40*30", "50x40x30", "50×40×30", "50X40X30cm", "500*400*300mm", full-width forms → cm; else null. */
export function parseCartonSize(text: string): CartonSize | null {
  const s = text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[lwh](?=\s*\d)/g, '');
  const m =
    /^(\d+(?:\.\d+)?)\s*(?:cm)?\s*[*x×✕]\s*(\d+(?:\.\d+)?)\s*(?:cm)?\s*[*x×✕]\s*(\d+(?:\.\d+)?)\s*(cm|mm|厘米|公分|毫米)?$/.exec(
      s,
    );
  if (!m) return null;
  const toCm = m[4] === 'mm' || m[4] === '毫米' ? 0.1 : 1;
  const [length, width, height] = [m[1], m[2], m[3]].map((d) => Number(d) * toCm);
  if (!(length > 0 && width > 0 && height > 0)) return null;
  return { length, width, height };
}

/** Cubic metres of one carton (unrounded). */
export function cartonCbm(size: CartonSize): number {
  return (size.length * size.width * size.height) / 1_000_000;
}

/** Packing data of one line: the order sheet's own packing columns first, else the product master. */
export interface PackingData {
  qtyPerCarton: number | null;
  netWeight: number | null; // kg per full carton
  grossWeight: number | null; // kg per full carton
  cartonSize: string; // as written
  cbmPerCarton: number | null; // unrounded
}

export function packingDataFor(line: OrderLine, masters: Masters): PackingData {
  const product = findProduct(masters, lineText(line, 'item'));
  const positive = (v: number | null | undefined): number | null => (typeof v === 'number' && v > 0 ? v : null);
  const sheetSize = lineText(line, 'cartonSize');
  const masterSize = product?.cartonSize?.trim() ?? '';
  const parsed = parseCartonSize(sheetSize) ?? parseCartonSize(masterSize);
  return {
    qtyPerCarton: positive(lineNumber(line, 'qtyPerCarton')) ?? positive(product?.qtyPerCarton),
    netWeight: positive(lineNumber(line, 'netWeight')) ?? positive(product?.netWeight),
    grossWeight: positive(lineNumber(line, 'grossWeight')) ?? positive(product?.grossWeight),
    cartonSize: sheetSize !== '' ? sheetSize : masterSize,
    cbmPerCarton: parsed ? cartonCbm(parsed) : (positive(lineNumber(line, 'cbm')) ?? positive(product?.cbm)),
  };
}

/** Full cartons and the quantity left for a partial last carton. */
export function splitCartons(quantity: number, qtyPerCarton: number): { full: number; rest: number } {
  const full = Math.floor(roundTo(quantity / qtyPerCarton, 9));
  const rest = roundTo(quantity - full * qtyPerCarton, 9);
  return { full, rest: rest > 0 ? rest : 0 };
}

/** One printed packing-list line. Weights in kg, rounded to 2 decimals; CBM to 3. */
export interface PackingRow {
  /** Order-sheet row it comes from. */
  row: number;
  partial: boolean;
  firstCarton: number | null;
  lastCarton: number | null;
  qtyPerCarton: number | null;
  cartons: number | null;
  quantity: number | null;
  /** What the sheet says when the quantity is not a number. */
  quantityText: string;
  netPerCarton: number | null;
  grossPerCarton: number | null;
  netTotal: number | null;
  grossTotal: number | null;
  cartonSize: string;
  cbm: number | null;
}

export type PackingWarning =
  'quantityUnknown' | 'noQtyPerCarton' | 'noNetWeight' | 'noGrossWeight' | 'noCartonSize' | 'cartonNumbersOpen';

export interface PackingTotals {
  quantity: number;
  cartons: number | null;
  netWeight: number | null;
  grossWeight: number | null;
  cbm: number | null;
}

export interface PackingPlan {
  rows: PackingRow[];
  totals: PackingTotals;
  warnings: { code: PackingWarning; row: number; item: string }[];
}

const times = (a: number | null, n: number, digits: number): number | null =>
  a === null ? null : roundTo(a * n, digits);

/**
 * Packing lines for the order lines, in order, with carton numbers from 1. `quantityOf` gives the quantity packed
 * per line (what ships now); by default the line's ordered quantity.
 */
export function planPacking(
  lines: OrderLine[],
  masters: Masters,
  quantityOf: (line: OrderLine) => number | null = (l) => lineNumber(l, 'quantity'),
): PackingPlan {
  const rows: PackingRow[] = [];
  const warnings: PackingPlan['warnings'] = [];
  let nextCarton: number | null = 1; // null once an earlier item's carton count is unknown
  for (const line of lines) {
    const item = lineText(line, 'item');
    const warn = (code: PackingWarning): void => {
      warnings.push({ code, row: line.row, item });
    };
    const data = packingDataFor(line, masters);
    const quantity = quantityOf(line);
    const base: PackingRow = {
      row: line.row,
      partial: false,
      firstCarton: null,
      lastCarton: null,
      qtyPerCarton: data.qtyPerCarton,
      cartons: null,
      quantity,
      quantityText: lineText(line, 'quantity'),
      netPerCarton: null,
      grossPerCarton: null,
      netTotal: null,
      grossTotal: null,
      cartonSize: data.cartonSize,
      cbm: null,
    };
    if (quantity === null || data.qtyPerCarton === null) {
      warn(quantity === null ? 'quantityUnknown' : 'noQtyPerCarton');
      rows.push(base);
      nextCarton = null;
      continue;
    }
    if (data.netWeight === null) warn('noNetWeight');
    if (data.grossWeight === null) warn('noGrossWeight');
    if (data.cbmPerCarton === null) warn('noCartonSize');
    if (nextCarton === null) warn('cartonNumbersOpen');
    const { full, rest } = splitCartons(quantity, data.qtyPerCarton);
    const number = (cartons: number): { firstCarton: number | null; lastCarton: number | null } => {
      if (nextCarton === null || cartons === 0) return { firstCarton: null, lastCarton: null };
      const range = { firstCarton: nextCarton, lastCarton: nextCarton + cartons - 1 };
      nextCarton += cartons;
      return range;
    };
    const gross = data.grossWeight;
    const net = data.netWeight;
    if (full > 0 || rest === 0) {
      rows.push({
        ...base,
        ...number(full),
        cartons: full,
        quantity: roundTo(full * data.qtyPerCarton, 9),
        netPerCarton: net,
        grossPerCarton: gross,
        netTotal: times(net, full, 2),
        grossTotal: times(gross, full, 2),
        cbm: times(data.cbmPerCarton, full, 3),
      });
    }
    if (rest > 0) {
      // The partial carton weighs its share of the goods plus the same empty-carton tare.
      const partNet = net === null ? null : (net * rest) / data.qtyPerCarton;
      const partGross = partNet === null || gross === null || net === null ? null : partNet + (gross - net);
      rows.push({
        ...base,
        ...number(1),
        partial: true,
        qtyPerCarton: rest,
        cartons: 1,
        quantity: rest,
        netPerCarton: times(partNet, 1, 2),
        grossPerCarton: times(partGross, 1, 2),
        netTotal: times(partNet, 1, 2),
        grossTotal: times(partGross, 1, 2),
        cbm: times(data.cbmPerCarton, 1, 3),
      });
    }
  }
  return { rows, totals: packingTotals(rows), warnings };
}

/** Sums of the printed (rounded) line values, so the totals row adds up on paper; null when any is unknown. */
export function packingTotals(rows: PackingRow[]): PackingTotals {
  const sum = (pick: (r: PackingRow) => number | null, digits: number): number | null => {
    let s = 0;
    for (const r of rows) {
      const v = pick(r);
      if (v === null) return null;
      s += v;
    }
    return roundTo(s, digits);
  };
  return {
    quantity: roundTo(
      rows.reduce((s, r) => s + (r.quantity ?? 0), 0),
      9,
    ),
    cartons: sum((r) => r.cartons, 0),
    netWeight: sum((r) => r.netTotal, 2),
    grossWeight: sum((r) => r.grossTotal, 2),
    cbm: sum((r) => r.cbm, 3),
  };
}

/** "1-60", "61", or "" while unknown. */
export function cartonRange(r: Pick<PackingRow, 'firstCarton' | 'lastCarton'>): string {
  if (r.firstCarton === null || r.lastCarton === null) return '';
  return r.firstCarton === r.lastCarton ? String(r.firstCarton) : `${r.firstCarton}-${r.lastCarton}`;
}
