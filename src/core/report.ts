// The weekly overdue report sheet (SPEC 6): counts per class, open quantity and amount overdue, overdue lines
// grouped by customer (most late first), lines due soon, and a per-customer table Excel charts. Print-ready (SPEC 7).
// Everything copied from the order sheet is written as a literal value.

import { quantityColumnFormat } from './numberFormats';
import { columnLetter, rangeAddress } from './address';
import { DELAY_COLOURS, TABLE_HEADER_FILL } from './colours';
import { groupByCustomer } from './customers';
import { DATE_FORMAT, fromSerial1900, isoToSerial, isoWeekLabel, serialToIso } from './dates';
import { classifyLines, delayCounts } from './delay';
import type { CellStyle, ChartSpec, SheetSpec, WorkbookEdit, WriteValue } from './edits';
import { t } from './i18n';
import { sheetFieldWord } from './sheetWords';
import { EXCEL_LIMITS, cutCellText } from './limits';
import { SheetGrid, a4PageSetup, fitColumnWidths, titleRows } from './printSetup';
import { uniqueSheetName } from './sheetNames';
import { prependLetterhead } from './company';
import { documentFont, withFont } from './documents/font';
import { recordedShipped } from './shipments/record';
import { okAt, type LineColumns } from './lines/columns';
import {
  DELAY_CLASSES,
  type DelayClass,
  type DelayRow,
  type CompanyProfile,
  type FieldKey,
  type Lang,
  type Understanding,
  type WorkbookSnapshot,
} from './types';

export interface OverdueLine {
  row: number;
  orderNo: string;
  customer: string;
  item: string;
  dueDate: string; // YYYY-MM-DD
  daysLate: number;
  openQty: number;
}

export interface OverdueReport {
  sheet: string;
  today: string;
  counts: Record<DelayClass, number>;
  overdue: OverdueLine[]; // sorted by daysLate, most first
  dueSoon: OverdueLine[];
  edits: WorkbookEdit[];
  /** Sum of openQty over overdue lines. */
  openQtyOverdue: number;
  /** Sum of openQty × unitPrice over overdue lines whose unit price is known; null when none is. */
  amountOverdue: number | null;
  /** Text too long for a cell, cut: one message per source cell (in `lang`). */
  warnings: string[];
}

/** An overdue line grouped under its customer, in report order. */
export interface CustomerGroup {
  customer: string;
  lines: OverdueLine[];
}

interface ReportLine extends OverdueLine {
  /** The line's index in u.columns (its other fields are read column-wise, no per-line views). */
  k: number;
  unitPrice: number | null;
  amount: number | null;
}

const MONEY_FORMAT = '#,##0.00';
const THIN: CellStyle = { border: 'thin' };

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function toReportLine(cols: LineColumns, k: number, d: DelayRow): ReportLine {
  const due = okAt(cols.date('dueDate'), k);
  const unitPrice = okAt(cols.num('unitPrice'), k);
  return {
    row: cols.row(k),
    orderNo: cols.text(k, 'orderNo') ?? '',
    customer: cols.text(k, 'customer') ?? '',
    item: cols.text(k, 'item') ?? '',
    dueDate: due !== null ? serialToIso(Math.floor(due)) : '',
    daysLate: d.daysLate,
    openQty: d.openQty,
    k,
    unitPrice,
    amount: unitPrice === null ? null : round2(d.openQty * unitPrice),
  };
}

function plain(r: ReportLine): OverdueLine {
  const { row, orderNo, customer, item, dueDate, daysLate, openQty } = r;
  return { row, orderNo, customer, item, dueDate, daysLate, openQty };
}

/** Most late first; ties in sheet order. */
function byDaysLate(a: OverdueLine, b: OverdueLine): number {
  return b.daysLate - a.daysLate || a.row - b.row;
}

interface LineColumn {
  header: string;
  value: (r: ReportLine, today: number) => WriteValue;
  style?: CellStyle;
  /** The order-sheet field the text is copied from (to name the source cell when it is cut). */
  field?: keyof Understanding['order']['columns'];
}

function lineColumns(
  u: Understanding,
  lang: Lang,
  kind: 'overdue' | 'dueSoon',
  dateSystem: 1900 | 1904,
  qtyFormat: string,
): LineColumn[] {
  const has = (f: keyof Understanding['order']['columns']): boolean => u.order.columns[f] !== undefined;
  // A column copied from the order sheet is headed with the sheet's own word (产品型号, Ship By), else the report's.
  const word = (key: string, field: FieldKey): string =>
    sheetFieldWord(lang, field, u.order) ?? t(lang, `report.col.${key}`);
  const cols: (LineColumn | null)[] = [
    { header: word('customer', 'customer'), value: (r) => r.customer || null, field: 'customer' },
    has('orderNo') ? { header: word('orderNo', 'orderNo'), value: (r) => r.orderNo || null, field: 'orderNo' } : null,
    { header: word('item', 'item'), value: (r) => r.item || null, field: 'item' },
    has('description')
      ? {
          header: word('description', 'description'),
          value: (r) => u.columns.text(r.k, 'description') || null,
          field: 'description',
        }
      : null,
    {
      header: word('dueDate', 'dueDate'),
      value: (r) => (r.dueDate ? fromSerial1900(isoToSerial(r.dueDate), dateSystem) : null),
      style: { numberFormat: DATE_FORMAT, hAlign: 'center' },
    },
    kind === 'overdue'
      ? { header: t(lang, 'report.col.daysLate'), value: (r) => r.daysLate }
      : { header: t(lang, 'report.col.daysLeft'), value: (r, today) => isoToSerial(r.dueDate) - today },
    { header: t(lang, 'report.col.openQty'), value: (r) => r.openQty, style: { numberFormat: qtyFormat } },
    has('unitPrice')
      ? { header: word('unitPrice', 'unitPrice'), value: (r) => r.unitPrice, style: { numberFormat: MONEY_FORMAT } }
      : null,
    has('unitPrice')
      ? { header: t(lang, 'report.col.amount'), value: (r) => r.amount, style: { numberFormat: MONEY_FORMAT } }
      : null,
    has('status')
      ? { header: word('status', 'status'), value: (r) => u.columns.text(r.k, 'status') || null, field: 'status' }
      : null,
    // The clerk's delay reason travels with each overdue line (SPEC 6).
    kind === 'overdue' && has('remarks')
      ? {
          header: word('remarks', 'remarks'),
          value: (r) => u.columns.text(r.k, 'remarks') || null,
          style: { wrap: true },
          field: 'remarks',
        }
      : null,
    { header: t(lang, 'report.col.row'), value: (r) => r.row, style: { hAlign: 'center' } },
  ];
  return cols.filter((c): c is LineColumn => c !== null);
}

function headerStyle(): CellStyle {
  return { bold: true, fill: TABLE_HEADER_FILL, border: 'thin', hAlign: 'center', vAlign: 'middle', wrap: true };
}

export function planOverdueReport(
  u: Understanding,
  wb: WorkbookSnapshot,
  /** `company`: the letterhead (default: the profile in settings; null: none). */
  opts: { today: string; lang: Lang; company?: CompanyProfile | null },
): OverdueReport {
  const { lang } = opts;
  const today = isoToSerial(opts.today);
  const week = isoWeekLabel(today);
  // Without a shipped column, shipped quantities come from the shipments record (SPEC 11).
  const rows = classifyLines(u, opts.today, { recorded: recordedShipped(u, wb) });
  const counts = delayCounts(rows);
  const cols = u.columns;
  const kByRow = new Map<number, number>();
  for (let k = 0; k < cols.n; k++) kByRow.set(cols.row(k), k);

  const overdue = rows
    .filter((d) => d.class === 'overdue')
    .map((d) => toReportLine(cols, kByRow.get(d.row)!, d))
    .sort(byDaysLate);
  const dueSoon = rows
    .filter((d) => d.class === 'dueSoon')
    .map((d) => toReportLine(cols, kByRow.get(d.row)!, d))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.row - b.row);
  const openQtyOverdue = overdue.reduce((s, r) => s + r.openQty, 0);
  // One format for every quantity of the report: the decimals its most precise quantity needs, never a bare '.'.
  const qtyFormat = quantityColumnFormat([...overdue, ...dueSoon].map((r) => r.openQty));
  const priced = overdue.filter((r) => r.amount !== null);
  const amountOverdue = priced.length ? round2(priced.reduce((s, r) => s + (r.amount ?? 0), 0)) : null;
  // Customers ordered by their most-late line; inside a group, most late first.
  const groups = groupByCustomer([...overdue].sort(byDaysLate), (l) => l.customer);

  const name = uniqueSheetName(
    t(lang, 'report.sheetName', { week }),
    wb.sheets.map((s) => s.name),
  );
  const overdueCols = lineColumns(u, lang, 'overdue', u.dateSystem, qtyFormat);
  // A clerk's text longer than a cell holds is cut, and the message names the order-sheet cell it came from.
  const warnings: string[] = [];
  const fit = (c: LineColumn, line: ReportLine): WriteValue => {
    const v = c.value(line, today);
    if (typeof v !== 'string' || v.length <= EXCEL_LIMITS.cellChars) return v;
    const col = c.field ? u.order.columns[c.field] : undefined;
    if (col !== undefined)
      warnings.push(t(lang, 'limit.truncated', { cell: `${u.order.sheet}!${columnLetter(col)}${line.row}` }));
    return cutCellText(v);
  };
  const soonCols = lineColumns(u, lang, 'dueSoon', u.dateSystem, qtyFormat);
  const width = Math.max(overdueCols.length, soonCols.length);
  const g = new SheetGrid();
  const customerLabel = (c: string): string => c || t(lang, 'report.noCustomer');

  // Title and date block.
  g.put(1, 1, t(lang, 'report.title', { week }), { bold: true, size: 14, vAlign: 'middle' });
  g.merge(1, 1, 1, width);
  g.put(2, 1, t(lang, 'report.date'), { bold: true });
  g.put(2, 2, fromSerial1900(today, u.dateSystem), { numberFormat: DATE_FORMAT, hAlign: 'left' });
  g.put(3, 1, t(lang, 'report.week'), { bold: true });
  g.put(3, 2, week, { hAlign: 'left' });
  g.put(4, 1, t(lang, 'report.orderSheet'), { bold: true });
  g.put(4, 2, u.order.sheet, { hAlign: 'left' });

  // Counts per class, each label in its class colour.
  let r = 6;
  const countsTop = r;
  g.put(r, 1, t(lang, 'report.countsClass'), headerStyle());
  g.put(r, 2, t(lang, 'report.countsLines'), headerStyle());
  for (const cls of DELAY_CLASSES) {
    r++;
    const c = DELAY_COLOURS[cls];
    g.put(r, 1, t(lang, `delay.class.${cls}`), { fill: c.fill, fontColor: c.font, border: 'thin' });
    g.put(r, 2, counts[cls], THIN);
  }
  r++;
  g.put(r, 1, t(lang, 'report.countsTotal'), { bold: true, border: 'thin' });
  g.put(r, 2, rows.length, { bold: true, border: 'thin' });
  r++;
  g.put(r, 1, t(lang, 'report.openQtyOverdue'), { bold: true, border: 'thin' });
  g.put(r, 2, openQtyOverdue, { numberFormat: qtyFormat, border: 'thin' });
  if (u.order.columns.unitPrice !== undefined) {
    r++;
    g.put(r, 1, t(lang, 'report.amountOverdue'), { bold: true, border: 'thin' });
    g.put(r, 2, amountOverdue, { numberFormat: MONEY_FORMAT, border: 'thin' });
  }

  // Overdue lines per customer: the chart's data.
  let chart: ChartSpec | undefined;
  let afterChart = r;
  if (groups.length) {
    r += 2;
    const tableTop = r;
    g.put(r, 1, t(lang, 'report.col.customer'), headerStyle());
    g.put(r, 2, t(lang, 'report.perCustomerLines'), headerStyle());
    for (const grp of groups) {
      r++;
      g.put(r, 1, customerLabel(grp.customer), THIN);
      g.put(r, 2, grp.lines.length, THIN);
    }
    const chartRight = Math.max(width, 8);
    const chartBottom = countsTop + Math.max(14, r - countsTop);
    chart = {
      type: 'barClustered',
      title: t(lang, 'report.chartTitle'),
      dataRange: rangeAddress(tableTop, 1, r, 2),
      anchor: { from: `${columnLetter(4)}${countsTop}`, to: `${columnLetter(chartRight)}${chartBottom}` },
    };
    afterChart = chartBottom;
  }
  r = Math.max(r, afterChart);

  // Overdue lines, grouped by customer with a subtotal row each.
  r += 2;
  g.put(r, 1, t(lang, 'report.overdueTitle'), { bold: true, size: 12 });
  g.merge(r, 1, r, width);
  r++;
  const overdueHeader = r;
  overdueCols.forEach((c, i) => g.put(r, i + 1, c.header, headerStyle()));
  const qtyCol = overdueCols.findIndex((c) => c.header === t(lang, 'report.col.openQty')) + 1;
  const amountCol = overdueCols.findIndex((c) => c.header === t(lang, 'report.col.amount')) + 1;
  if (!groups.length) {
    r++;
    g.put(r, 1, t(lang, 'report.none'), THIN);
    g.style(r, 1, r, overdueCols.length, THIN);
  }
  // One style object per column, shared by its cells (the writer makes one cell format of each).
  const overdueStyles = overdueCols.map((c): CellStyle => ({ ...c.style, border: 'thin' }));
  for (const grp of groups) {
    for (const line of grp.lines) {
      r++;
      overdueCols.forEach((c, i) => g.put(r, i + 1, fit(c, line), overdueStyles[i]));
    }
    r++;
    const sub: CellStyle = { bold: true, fill: '#F2F2F2', border: 'thin' };
    g.style(r, 1, r, overdueCols.length, sub);
    g.put(r, 1, t(lang, 'report.subtotal', { customer: customerLabel(grp.customer) }), sub);
    g.put(
      r,
      qtyCol,
      grp.lines.reduce((s, l) => s + l.openQty, 0),
      { ...sub, numberFormat: qtyFormat },
    );
    if (amountCol > 0) {
      const known = grp.lines.filter((l) => l.amount !== null);
      g.put(r, amountCol, known.length ? round2(known.reduce((s, l) => s + (l.amount ?? 0), 0)) : null, {
        ...sub,
        numberFormat: MONEY_FORMAT,
      });
    }
  }

  // Lines due in the next dueSoonDays days, soonest first.
  r += 2;
  g.put(r, 1, t(lang, 'report.dueSoonTitle', { days: u.settings.dueSoonDays }), { bold: true, size: 12 });
  g.merge(r, 1, r, width);
  r++;
  soonCols.forEach((c, i) => g.put(r, i + 1, c.header, headerStyle()));
  if (!dueSoon.length) {
    r++;
    g.put(r, 1, t(lang, 'report.none'), THIN);
    g.style(r, 1, r, soonCols.length, THIN);
  }
  const soonStyles = soonCols.map((c): CellStyle => ({ ...c.style, border: 'thin' }));
  for (const line of dueSoon) {
    r++;
    soonCols.forEach((c, i) => g.put(r, i + 1, fit(c, line), soonStyles[i]));
  }

  const cells = g.cells();
  const columnWidths = fitColumnWidths(cells, width, { skip: (c) => g.isMerged(c.row, c.col) || c.row <= 1 });
  const printArea = rangeAddress(1, 1, g.lastRow(), width);
  const plainSpec: SheetSpec = {
    name,
    cells,
    merges: g.merges,
    columnWidths,
    rowHeights: { 1: 24 },
    pageSetup: a4PageSetup(columnWidths, printArea, titleRows(overdueHeader)),
    showGridlines: false,
    ...(chart ? { chart } : {}),
  };
  const company = opts.company === undefined ? (u.settings.company ?? null) : opts.company;
  const headed = company ? prependLetterhead(plainSpec, company, lang, width) : plainSpec;
  const spec: SheetSpec = { ...headed, cells: withFont(headed.cells, documentFont(lang)) };

  return {
    sheet: name,
    today: opts.today,
    counts,
    overdue: overdue.map(plain),
    dueSoon: dueSoon.map(plain),
    edits: [{ kind: 'addSheet', spec, activate: true }],
    openQtyOverdue,
    amountOverdue,
    warnings,
  };
}
