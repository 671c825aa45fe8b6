// Delay classes (SPEC 6) and the live conditional formats that show them in Excel.
// classifyLines is the add-in's truth (CLI `flag`, the weekly report); planDelayRules writes the same rules as
// TODAY()-based formulas so the colours stay right tomorrow without the add-in. test/core/delayAgreement.test.ts
// evaluates the formulas and checks they agree with classifyLines.

import { columnLetter, rangeAddress } from './address';
import { DELAY_COLOURS, type ClassColour } from './colours';
import { isoToSerial } from './dates';
import type { ConditionalRule, WorkbookEdit } from './edits';
import { t } from './i18n';
import { statusMatcher, statusWords } from './status';
import {
  DELAY_CLASSES,
  type DelayClass,
  type CellValue,
  type DelayRow,
  type FieldKey,
  type Lang,
  type OrderLine,
  type StatusKind,
  type Understanding,
} from './types';
import { R_OK, R_OK_TEXT, okAt, type ReadingColumn } from './lines/columns';

export const DELAY_MARKER = 'order-clerk:delay';

interface ClassifyContext {
  /** 1900-system serial of today. */
  today: number;
  dueSoonDays: number;
  /** Without a shippedQty column a ship date alone means shipped (SPEC 6). */
  hasShippedQtyColumn: boolean;
  kindOf: (text: string | null | undefined) => StatusKind | null;
}

function roundQty(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** The class of a line from its status kind, quantity, shipped quantity, due day and ship day. */
function classifyParts(
  row: number,
  kind: StatusKind | null,
  q: number | null,
  s: number | null,
  due: number | null,
  ship: number | null,
  ctx: ClassifyContext,
): DelayRow {
  // Open quantity: quantity − shippedQty (empty or unreadable shippedQty = 0), never below 0; 0 without a quantity.
  const openQty = q === null ? 0 : Math.max(0, roundQty(q - (s ?? 0)));

  if (kind === 'cancelled') return { row, class: 'cancelled', daysLate: 0, openQty };
  const shipped =
    kind === 'shipped' ||
    (q !== null && q > 0 && s !== null && s >= q) ||
    (!ctx.hasShippedQtyColumn && ship !== null && kind !== 'partial');
  if (shipped) {
    const late = ship !== null && due !== null && ship > due ? ship - due : 0;
    return { row, class: 'shipped', daysLate: late, openQty };
  }
  if (due === null) return { row, class: 'noDueDate', daysLate: 0, openQty };
  if (due < ctx.today) return { row, class: 'overdue', daysLate: ctx.today - due, openQty };
  if (due <= ctx.today + ctx.dueSoonDays) return { row, class: 'dueSoon', daysLate: 0, openQty };
  return { row, class: 'onTrack', daysLate: 0, openQty };
}

function classifyContext(u: Understanding, today: string): ClassifyContext {
  return {
    today: isoToSerial(today),
    dueSoonDays: u.settings.dueSoonDays,
    hasShippedQtyColumn: u.order.columns.shippedQty !== undefined,
    kindOf: statusMatcher(u.settings),
  };
}

/** A line's status as the clerk typed it (the raw text, else its displayed text). */
export function statusTextOf(line: OrderLine): string {
  const raw = line.raw.status;
  if (typeof raw === 'string') return raw;
  return line.text.status ?? '';
}

/**
 * One class per order line, with daysLate and openQty, for `today` (ISO). `recorded` (shipments/record's
 * recordedShipped) gives shipped quantities per row from the shipments record, read when the sheet has no shipped
 * column (SPEC 11).
 */
export function classifyLines(
  u: Understanding,
  today: string,
  opts: { recorded?: ReadonlyMap<number, number>; asExcel?: boolean } = {},
): DelayRow[] {
  const ctx = classifyContext(u, today);
  // As Excel's formulas see the cells: a number or date stored as text is no number to ISNUMBER, and the shipments
  // record is not on the sheet.
  const at = opts.asExcel ? typedAt : okAt;
  // Without a shipped column: shipped = quantity − open where the sheet carries an open column (SPEC 2), else the
  // shipments record.
  const fromOpen = !ctx.hasShippedQtyColumn && u.order.columns.openQty !== undefined;
  const recorded = ctx.hasShippedQtyColumn || fromOpen || opts.asExcel ? undefined : opts.recorded;
  const cols = u.columns;
  const qty = cols.num('quantity');
  const shippedQty = cols.num('shippedQty');
  const openQty = cols.num('openQty');
  const requested = u.order.columns.requestedDate !== undefined ? cols.date('requestedDate') : null;
  const dueDate = cols.date('dueDate');
  const shipDate = cols.date('shipDate');
  const status = cols.field('status');
  const out: DelayRow[] = new Array(cols.n);
  // A status column holds a handful of distinct texts: recognise each once.
  const kinds = new Map<string, StatusKind | null>();
  let lastText = '';
  let lastKind = ctx.kindOf('');
  for (let k = 0; k < out.length; k++) {
    const raw = status.raw(k);
    // The status as Excel's TRIM sees it: the raw text (not the display-trimmed one), else the display text.
    const text = typeof raw === 'string' ? raw : raw === null || raw === undefined ? '' : (status.text(k) ?? '');
    let kind = lastKind;
    if (text !== lastText) {
      const known = kinds.get(text);
      kind = known !== undefined ? known : ctx.kindOf(text);
      if (known === undefined) kinds.set(text, kind);
      lastText = text;
      lastKind = kind;
    }
    // Dates in the columns are whole days (the reader drops a time of day), as TODAY()-based rules compare them.
    const q = at(qty, k);
    const open = fromOpen ? at(openQty, k) : null;
    const s = recorded
      ? (recorded.get(cols.row(k)) ?? null)
      : fromOpen
        ? q !== null && open !== null
          ? roundQty(q - open)
          : null
        : at(shippedQty, k);
    const due = at(dueDate, k);
    out[k] = classifyParts(cols.row(k), kind, q, s, due, at(shipDate, k), ctx);
    if (requested) {
      const req = at(requested, k);
      out[k].daysBehindRequest = due !== null && req !== null && due > req ? due - req : 0;
    }
  }
  return out;
}

/** A typed number or date (not one stored as text), else null. */
function typedAt(col: ReadingColumn, k: number): number | null {
  return col.kind[k] === R_OK ? col.value[k] : null;
}

/**
 * The class each line's live rules (delayRuleFormulas) show in Excel, null where they leave the row uncoloured: a
 * line whose gate cells (item, due date) are all empty, or whose cells the rules read hold an error value. Numbers
 * and dates stored as text count as absent (a text due date shows noDueDate). What the demo grid paints.
 */
export function excelDelayClasses(u: Understanding, today: string): (DelayClass | null)[] {
  const o = u.order.columns;
  const cols = u.columns;
  const gateFields: FieldKey[] = (['item', 'dueDate'] as const).filter((f) => o[f] !== undefined);
  const gate = gateFields.length
    ? gateFields
    : (['orderNo', 'quantity', 'customer'] as const).filter((f) => o[f] !== undefined);
  // Cells the rules compare: an error there makes a rule an error, which colours nothing. The cancelled rule reads
  // only the gate and the status; the status and ship date are read only through ISNUMBER(MATCH(…)) and ISNUMBER(…),
  // which take an error for no match / no date, as classifyLines does.
  const errorsIn = (fields: FieldKey[]) =>
    new Set(fields.filter((f) => o[f] !== undefined).flatMap((f) => cols.errorLines(f)));
  const gateErrors = errorsIn(gate);
  const compared: FieldKey[] = ['dueDate'];
  if (o.shippedQty !== undefined) compared.push('quantity', 'shippedQty');
  else if (o.openQty !== undefined) compared.push('quantity', 'openQty');
  const otherErrors = errorsIn(compared);
  const gateCells = gate.map((f) => cols.field(f));
  const filled = (v: CellValue | undefined) => v !== null && v !== undefined && v !== '';
  return classifyLines(u, today, { asExcel: true }).map((r, k) => {
    if (gateErrors.has(k) || (gateCells.length > 0 && !gateCells.some((f) => filled(f.raw(k))))) return null;
    return r.class !== 'cancelled' && otherErrors.has(k) ? null : r.class;
  });
}

export function delayCounts(rows: DelayRow[]): Record<DelayClass, number> {
  const c: Record<DelayClass, number> = { overdue: 0, dueSoon: 0, onTrack: 0, noDueDate: 0, shipped: 0, cancelled: 0 };
  for (const r of rows) c[r.class]++;
  return c;
}

// ---------------------------------------------------------------------------------------------------------------
// Live rules. Formulas use only AND, OR, NOT, ISNUMBER, TRIM, N, TODAY, MATCH, SUBSTITUTE, comparisons, + and cell
// refs and one-row array constants of status words (Excel 2007+, WPS, LibreOffice), with the column anchored ($L4)
// and the row relative to the first data row. Excel keeps a conditional format's formula in ST_Formula, which "Excel
// restricts … to be at most 8192 characters" ([MS-OI29500] 2.1.1085); ours stay far below (test/core/delay.test.ts).
// The six rules are mutually exclusive, so the colours do not depend on rule priority or "stop if true". What Excel
// cannot see the same way as the add-in:
// - dates and numbers stored as text are not numbers to ISNUMBER: such a line shows the noDueDate colour (text due
//   date) or is not shipped-by-quantity (text quantity) until fixed — see textDateRows / textNumberRows;
// - only a status typed in half-width or entirely in full-width matches (Excel's = ignores case, not width), and
//   TRIM removes ASCII spaces only;
// - a line is coloured only when its item or due date cell is non-empty. This keeps blank rows and subtotal rows
//   (which carry sums in the quantity column but no item and no due date) uncoloured inside the block.
// - an error value (#N/A …) in a cell the rules read leaves the row uncoloured (the check reports cell.error).
// ---------------------------------------------------------------------------------------------------------------

/** Excel string literal. */
function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** ASCII → full-width forms (space → ideographic space), the other spelling Excel's = will not fold. */
function fullWidth(s: string): string {
  return s.replace(/[!-~ ]/g, (ch) => (ch === ' ' ? '\u3000' : String.fromCharCode(ch.charCodeAt(0) + 0xfee0)));
}

/** The spellings a status word is written with in a formula: as TRIM leaves it, and fully full-width. */
export function formulaSpellings(word: string): string[] {
  const half = word.normalize('NFKC').replace(/ +/g, ' ').replace(/^ | $/g, '');
  if (half === '') return [];
  const full = fullWidth(half);
  return full === half ? [half] : [half, full];
}

function and(parts: (string | null)[]): string {
  const p = parts.filter((x): x is string => x !== null);
  return p.length === 1 ? p[0] : `AND(${p.join(',')})`;
}

function or(parts: string[]): string {
  return parts.length === 1 ? parts[0] : `OR(${parts.join(',')})`;
}

function not(x: string | null): string | null {
  return x === null ? null : `NOT(${x})`;
}

/** One rule per class, in priority order; classes the sheet's columns cannot show are left out. */
export function delayRuleFormulas(u: Understanding): { cls: DelayClass; formula: string }[] {
  const o = u.order;
  const r = o.firstDataRow;
  const ref = (field: keyof typeof o.columns): string | null => {
    const c = o.columns[field];
    return c === undefined ? null : `$${columnLetter(c)}${r}`;
  };
  const status = ref('status');
  const qty = ref('quantity');
  const shippedQty = ref('shippedQty');
  const openQty = ref('openQty');
  const due = ref('dueDate');
  const shipDate = ref('shipDate');
  const item = ref('item');
  const words = statusWords(u.settings);

  // One MATCH against an array constant per set of words: ISNUMBER(MATCH(TRIM($O4),{"已出货","Shipped",…},0)) — about
  // half the length of one TRIM(…)="…" per word. MATCH, because a conditional format in LibreOffice takes an array
  // constant only as a function's array argument: OR(TRIM($O4)={…}) and SUMPRODUCT(--(…={…})) colour nothing there
  // (seen rendering them). MATCH reads * ? ~ in the looked-up text as wildcards, so they are escaped with ~ first.
  const statusIs = (...kinds: StatusKind[]): string | null => {
    if (status === null) return null;
    const seen = new Set<string>();
    const spellings = kinds
      .flatMap((k) => words[k].flatMap(formulaSpellings))
      .filter((w) => !seen.has(w.toLowerCase()) && seen.add(w.toLowerCase()));
    if (spellings.length === 0) return null;
    const trimmed = `TRIM(${status})`;
    if (spellings.length === 1) return `${trimmed}=${str(spellings[0])}`;
    const literal = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${trimmed},"~","~~"),"*","~*"),"?","~?")`;
    return `ISNUMBER(MATCH(${literal},{${spellings.map(str).join(',')}},0))`;
  };
  const anyOf = (parts: (string | null)[]): string | null => {
    const all = parts.filter((x): x is string => x !== null);
    return all.length === 0 ? null : or(all);
  };

  const marker = `N(${str(DELAY_MARKER)})=0`;
  const gateCells = [item, due].filter((x): x is string => x !== null);
  const gateFallback = [ref('orderNo'), qty, ref('customer')].filter((x): x is string => x !== null);
  const gateRefs = gateCells.length
    ? gateCells
    : gateFallback.length
      ? gateFallback
      : [`$${columnLetter(o.firstColumn)}${r}`];
  const gate = or(gateRefs.map((c) => `${c}<>""`));

  const cancelled = statusIs('cancelled');
  // Shipped by quantity, or (without a shippedQty column) by a ship date unless the status says partial.
  const shippedBy: string[] = [];
  if (qty && shippedQty) shippedBy.push(`AND(ISNUMBER(${qty}),ISNUMBER(${shippedQty}),${qty}>0,${shippedQty}>=${qty})`);
  // Without a shipped column, an open column at 0 (or below) says shipped: quantity − open ≥ quantity (SPEC 2).
  if (qty && !shippedQty && openQty)
    shippedBy.push(`AND(ISNUMBER(${qty}),ISNUMBER(${openQty}),${qty}>0,${openQty}<=0)`);
  if (!shippedQty && shipDate) shippedBy.push(and([`ISNUMBER(${shipDate})`, not(statusIs('partial'))]));
  const shipped = anyOf([statusIs('shipped'), ...shippedBy]);
  // Cancelled or shipped, in one test: NOT(cancelled) AND NOT(shipped) = NOT(cancelled OR shipped).
  const closed = anyOf([statusIs('cancelled', 'shipped'), ...shippedBy]);

  const open = [marker, gate, not(closed)];
  const out: { cls: DelayClass; formula: string }[] = [];
  if (cancelled) out.push({ cls: 'cancelled', formula: and([marker, gate, cancelled]) });
  if (shipped) out.push({ cls: 'shipped', formula: and([marker, gate, not(cancelled), shipped]) });
  if (due === null) {
    out.push({ cls: 'noDueDate', formula: and(open) });
    return out;
  }
  // `< TODAY()+n+1` rather than `<= TODAY()+n`: a due date with a time of day still counts as its whole day.
  const soonEnd = `TODAY()+${u.settings.dueSoonDays + 1}`;
  out.push({ cls: 'noDueDate', formula: and([...open, `NOT(ISNUMBER(${due}))`]) });
  out.push({ cls: 'overdue', formula: and([...open, `ISNUMBER(${due})`, `${due}<TODAY()`]) });
  out.push({ cls: 'dueSoon', formula: and([...open, `ISNUMBER(${due})`, `${due}>=TODAY()`, `${due}<${soonEnd}`]) });
  out.push({ cls: 'onTrack', formula: and([...open, `ISNUMBER(${due})`, `${due}>=${soonEnd}`]) });
  return out;
}

export function delayRule(cls: DelayClass, formula: string): ConditionalRule {
  const c = DELAY_COLOURS[cls];
  return c.strike
    ? { formula, fill: c.fill, fontColor: c.font, strike: true }
    : { formula, fill: c.fill, fontColor: c.font };
}

/** TODAY()-based conditional formats over the table's data rows, replacing the add-in's earlier delay rules. */
export function planDelayRules(u: Understanding): WorkbookEdit {
  const o = u.order;
  return {
    kind: 'setConditionalFormats',
    sheet: o.sheet,
    marker: DELAY_MARKER,
    ranges: [rangeAddress(o.firstDataRow, o.firstColumn, o.lastDataRow, o.lastColumn)],
    rules: delayRuleFormulas(u).map(({ cls, formula }) => delayRule(cls, formula)),
    scope: orderBlock(u),
  };
}

/** The order block, header row included: where the add-in's earlier rules are looked for. */
export function orderBlock(u: Understanding): string {
  const o = u.order;
  return rangeAddress(o.headerRow, o.firstColumn, Math.max(o.lastDataRow, o.headerRow), o.lastColumn);
}

/** Removes the add-in's delay colours from the sheet (rules = [] only clears). */
export function planClearDelayRules(sheet: string): WorkbookEdit {
  return { kind: 'setConditionalFormats', sheet, marker: DELAY_MARKER, ranges: [], rules: [] };
}

/**
 * Rows whose due date (or, on a sheet without a shippedQty column, ship date) is a date stored as text: the add-in
 * counts it, Excel's colours cannot (they show noDueDate) until the text.date fix is applied.
 */
export function textDateRows(u: Understanding): number[] {
  const shipMatters = u.order.columns.shippedQty === undefined;
  const cols = u.columns;
  const due = cols.date('dueDate');
  const ship = cols.date('shipDate');
  const out: number[] = [];
  for (let k = 0; k < cols.n; k++) {
    if (due.kind[k] === R_OK_TEXT || (shipMatters && ship.kind[k] === R_OK_TEXT)) out.push(cols.row(k));
  }
  return out;
}

/** Rows whose quantity or shippedQty is a number stored as text: Excel's colours do not count it as shipped. */
export function textNumberRows(u: Understanding): number[] {
  const cols = u.columns;
  const qty = cols.num('quantity');
  const shipped = cols.num('shippedQty');
  const out: number[] = [];
  for (let k = 0; k < cols.n; k++)
    if (qty.kind[k] === R_OK_TEXT || shipped.kind[k] === R_OK_TEXT) out.push(cols.row(k));
  return out;
}

/** The legend the task pane shows: each class's label in the UI language with its colours. */
export function delayLegend(lang: Lang): ({ cls: DelayClass; label: string } & ClassColour)[] {
  return DELAY_CLASSES.map((cls) => ({ cls, label: t(lang, `delay.class.${cls}`), ...DELAY_COLOURS[cls] }));
}
