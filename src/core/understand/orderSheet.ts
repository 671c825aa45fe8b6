// The order sheet (SPEC 3): which sheet holds the orders, its columns and which rows below the header are order lines.

import { columnNumber } from '../address';
import { OrderClerkError } from '../errors';
import { isNoteText, isTotalText } from './headerWords';
import { SETTINGS_SHEET } from '../settings';
import { findSheet, lastColumn, lastRow } from '../snapshot';
import { isBlankCell } from '../text';
import type { FieldKey, Lang, OrderSheet, Settings, SheetSnapshot, SkipReason, WorkbookSnapshot } from '../types';
import { findHeaderRow, scanRow, withSubHeader, type HeaderScan } from './headerRow';
import { inferColumns } from './infer';

/** Sheets the CLI/add-in picks automatically must look like orders, not a price list. */
const ORDER_FIELDS: FieldKey[] = ['quantity', 'dueDate', 'orderNo', 'orderDate', 'shippedQty', 'shipDate', 'status'];
/** Sheets the add-in writes itself (settings, change log, register) and the sheets it generates. */
const SYSTEM_SHEET_NAMES = new Set(
  [SETTINGS_SHEET, '变更记录', 'change log', '单据登记', 'documents', '出货记录', 'shipments'].map((n) =>
    n.toLowerCase(),
  ),
);
const GENERATED_SHEET =
  /^(生产工单|装箱单|送货单|逾期周报|work order|packing list|delivery note|overdue report)(\s|$)/i;

/** True for the add-in's own sheets and the documents/reports it generated: never an order sheet or master. */
export function isSystemSheet(name: string): boolean {
  return SYSTEM_SHEET_NAMES.has(name.trim().toLowerCase()) || GENERATED_SHEET.test(name.trim());
}

/** True when no cell of the sheet holds a value. */
export function isSheetEmpty(s: SheetSnapshot): boolean {
  for (const row of s.values) if (row) for (const v of row) if (!isBlankCell(v)) return false;
  return true;
}

/**
 * The order sheet: the one named (CLI --sheet), else the active sheet, else the first visible sheet with an order
 * table. Throws OrderClerkError: emptyWorkbook, sheetNotFound, noOrderTable, headersWithoutData.
 */
export function chooseOrderSheet(wb: WorkbookSnapshot, settings: Settings, name: string | undefined): OrderSheet {
  if (name !== undefined) {
    const s = findSheet(wb, name) ?? wb.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new OrderClerkError('sheetNotFound', { sheet: name });
    const d = detectOrderSheet(s, settings);
    if (d.kind === 'order') return d.order;
    if (d.kind === 'headersOnly') throw new OrderClerkError('headersWithoutData', { row: d.headerRow, sheet: s.name });
    if (isSheetEmpty(s) && wb.sheets.every(isSheetEmpty)) throw new OrderClerkError('emptyWorkbook');
    throw new OrderClerkError('noOrderTable', { sheet: s.name });
  }
  const userSheets = wb.sheets.filter((s) => !isSystemSheet(s.name));
  if (userSheets.every(isSheetEmpty)) throw new OrderClerkError('emptyWorkbook');
  const active = wb.activeSheet !== null ? userSheets.find((s) => s.name === wb.activeSheet) : undefined;
  const candidates = (active ? [active] : []).concat(
    userSheets.filter((s) => s !== active && s.visibility === 'visible'),
  );
  let headersOnly: { row: number; sheet: string } | null = null;
  for (const s of candidates) {
    if (isSheetEmpty(s)) continue;
    const d = detectOrderSheet(s, settings);
    if (d.kind === 'order' && (looksLikeOrders(d.order) || hasOverrides(settings, s.name))) return d.order;
    if (d.kind === 'headersOnly' && headersOnly === null) headersOnly = { row: d.headerRow, sheet: s.name };
  }
  if (headersOnly) throw new OrderClerkError('headersWithoutData', headersOnly);
  throw new OrderClerkError('noOrderTable');
}

function looksLikeOrders(o: OrderSheet): boolean {
  return ORDER_FIELDS.some((f) => o.columns[f] !== undefined);
}

function hasOverrides(settings: Settings, sheet: string): boolean {
  return settings.headerRowOverrides[sheet] !== undefined || settings.columnOverrides[sheet] !== undefined;
}

export type SheetDetection =
  { kind: 'order'; order: OrderSheet } | { kind: 'headersOnly'; headerRow: number } | { kind: 'none' };

/** The order sheet of one snapshot, or null when it holds no order table. */
export function understandSheet(s: SheetSnapshot, settings: Settings): OrderSheet | null {
  const d = detectOrderSheet(s, settings);
  return d.kind === 'order' ? d.order : null;
}

/** Like understandSheet, but tells a header row without data lines apart from no table at all. */
export function detectOrderSheet(s: SheetSnapshot, settings: Settings): SheetDetection {
  const overrideRow = settings.headerRowOverrides?.[s.name];
  let scan: HeaderScan | null;
  if (
    typeof overrideRow === 'number' &&
    Number.isInteger(overrideRow) &&
    overrideRow >= s.top &&
    overrideRow <= lastRow(s)
  ) {
    scan = scanRow(s, overrideRow, false);
  } else {
    const row = findHeaderRow(s);
    scan = row === null ? null : withSubHeader(s, scanRow(s, row, false), false);
  }
  if (!scan) return { kind: 'none' };

  const columnFields = applyOverrides(s, scan, settings.columnOverrides?.[s.name]);
  const columns: Partial<Record<FieldKey, number>> = {};
  const headers: OrderSheet['headers'] = [];
  let firstCol = Infinity;
  let lastCol = -Infinity;
  columnFields.forEach((field, i) => {
    const col = s.left + i;
    const header = scan!.texts[i] ?? '';
    if (field !== null) columns[field] = col;
    if (header === '' && field === null) return;
    headers.push({ column: col, header, field });
    if (col < firstCol) firstCol = col;
    if (col > lastCol) lastCol = col;
  });
  if (Object.keys(columns).length === 0) return { kind: 'none' };

  const rows = classifyRows(s, scan.row, firstCol, lastCol, columns);
  if (rows.dataRows.length === 0) return { kind: 'headersOnly', headerRow: scan.row };
  // What the words left unmapped, the content may tell (SPEC 3) — never over the clerk's own mapping: a column the
  // clerk set (to a field or to "not used") is no candidate, a field the clerk set is mapped already. So confirming
  // one guessed column in the pane keeps the other guesses.
  const clerkSet = overriddenColumns(s, scan, settings.columnOverrides?.[s.name]);
  const inferred: Partial<Record<FieldKey, number>> = inferColumns(
    s,
    rows.dataRows,
    columns,
    headers.filter((h) => h.field === null && h.header !== '' && !clerkSet.has(h.column)).map((h) => h.column),
  );
  for (const [f, col] of Object.entries(inferred) as [FieldKey, number][]) {
    columns[f] = col;
    for (const h of headers) if (h.column === col) h.field = f;
  }
  const lastDataRow = rows.dataRows[rows.dataRows.length - 1];
  return {
    kind: 'order',
    order: {
      sheet: s.name,
      headerRow: scan.row,
      columns,
      headers,
      firstColumn: firstCol,
      lastColumn: lastCol,
      firstDataRow: scan.row + 1,
      lastDataRow,
      dataRows: rows.dataRows,
      skippedRows: rows.skipped,
      masters: { products: null, customers: null },
      lang: headerLang(headers.map((h) => h.header)),
      ...(Object.keys(inferred).length ? { inferred } : {}),
    },
  };
}

/** Column overrides (keyed by letter, or by header text) win; a field keeps one column. */
function applyOverrides(
  s: SheetSnapshot,
  scan: HeaderScan,
  overrides: Record<string, FieldKey | null> | undefined,
): (FieldKey | null)[] {
  const width = Math.max(scan.fields.length, lastColumn(s) - s.left + 1, 0);
  const out: (FieldKey | null)[] = [];
  for (let i = 0; i < width; i++) {
    const f = scan.fields[i] ?? null;
    out.push(f === 'address' || f === 'contact' || f === 'phone' ? null : (f as FieldKey | null));
  }
  if (!overrides || typeof overrides !== 'object') return trimTrailingNulls(out, scan.texts);
  for (const [key, field] of Object.entries(overrides)) {
    const i = overrideIndex(s, scan, key, out.length);
    if (i < 0) continue;
    if (field !== null && typeof field === 'string') {
      // The overridden field leaves whatever column had it.
      for (let j = 0; j < out.length; j++) if (out[j] === field) out[j] = null;
      while (out.length <= i) out.push(null);
      out[i] = field;
    } else if (field === null && i < out.length) {
      out[i] = null;
    }
  }
  return trimTrailingNulls(out, scan.texts);
}

/** Sheet columns the clerk's overrides name (by letter or header text). */
function overriddenColumns(
  s: SheetSnapshot,
  scan: HeaderScan,
  overrides: Record<string, FieldKey | null> | undefined,
): Set<number> {
  const out = new Set<number>();
  if (!overrides || typeof overrides !== 'object') return out;
  for (const key of Object.keys(overrides)) {
    const i = overrideIndex(s, scan, key, scan.texts.length);
    if (i >= 0) out.add(s.left + i);
  }
  return out;
}

function trimTrailingNulls(out: (FieldKey | null)[], texts: string[]): (FieldKey | null)[] {
  let n = out.length;
  while (n > 0 && out[n - 1] === null && !texts[n - 1]) n--;
  return out.slice(0, n);
}

function overrideIndex(s: SheetSnapshot, scan: HeaderScan, key: string, width: number): number {
  if (/^[A-Za-z]{1,3}$/.test(key)) {
    const i = columnNumber(key) - s.left;
    return i >= 0 && i < Math.max(width, 16384) ? i : -1;
  }
  return scan.texts.findIndex((t) => t !== '' && t === key.trim());
}

interface RowClasses {
  dataRows: number[];
  skipped: { row: number; reason: SkipReason }[];
}

/** One pass over the rows below the header: order lines, blanks, subtotals and notes. Linear in cells. */
function classifyRows(
  s: SheetSnapshot,
  headerRow: number,
  firstCol: number,
  lastCol: number,
  columns: Partial<Record<FieldKey, number>>,
): RowClasses {
  const from = firstCol - s.left;
  const to = lastCol - s.left;
  const lineNoIdx = columns.lineNo !== undefined ? columns.lineNo - s.left : -1;
  const itemIdx = columns.item !== undefined ? columns.item - s.left : -1;
  const contentIdx: number[] = [];
  for (const [f, col] of Object.entries(columns))
    if (f !== 'lineNo' && col !== undefined) contentIdx.push(col - s.left);
  contentIdx.sort((a, b) => a - b);

  const dataRows: number[] = [];
  const others: { row: number; reason: SkipReason; trailing: boolean }[] = [];
  const last = lastRow(s);
  for (let row = headerRow + 1; row <= last; row++) {
    const r = s.values[row - s.top];
    let first = -1;
    if (r)
      for (let i = from; i <= to; i++)
        if (!isBlankCell(r[i])) {
          first = i;
          break;
        }
    if (first < 0) {
      others.push({ row, reason: 'blank', trailing: false });
      continue;
    }
    const lead = r![first];
    if (typeof lead === 'string') {
      if (isTotalText(lead) && (itemIdx < 0 || itemIdx === first || isBlankCell(r![itemIdx]))) {
        others.push({ row, reason: 'subtotal', trailing: true });
        continue;
      }
      if (isNoteText(lead)) {
        others.push({ row, reason: 'note', trailing: true });
        continue;
      }
    }
    let content = false;
    for (const i of contentIdx)
      if (!isBlankCell(r![i])) {
        content = true;
        break;
      }
    if (content) dataRows.push(row);
    else
      others.push({ row, reason: typeof lead === 'string' && first !== lineNoIdx ? 'note' : 'blank', trailing: false });
  }
  return tableRows(dataRows, others, headerRow);
}

/** The data rows and the skipped rows inside the table's block. */
function tableRows(
  dataRows: number[],
  others: { row: number; reason: SkipReason; trailing: boolean }[],
  headerRow: number,
): RowClasses {
  const lastData = dataRows.length ? dataRows[dataRows.length - 1] : headerRow;
  // After the last line, only the block down to the last total/note row belongs to the table.
  let tailEnd = lastData;
  for (const o of others) if (o.row > lastData && o.trailing) tailEnd = o.row;
  const skipped = others.filter((o) => o.row <= tailEnd).map((o) => ({ row: o.row, reason: o.reason }));
  return { dataRows, skipped };
}

function headerLang(headers: string[]): Lang {
  let cjk = 0;
  let latin = 0;
  for (const h of headers) {
    if (/[\u3400-\u9fff\uf900-\ufaff]/.test(h)) cjk++;
    else if (/[A-Za-z]/.test(h)) latin++;
  }
  return cjk > latin ? 'zh-CN' : 'en-US';
}
