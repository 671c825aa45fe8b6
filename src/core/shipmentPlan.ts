// Shipment plan 出货计划 (SPEC 13): the open lines (not shipped, not cancelled) due in the next N ISO weeks — the
// week holding today is the first, weeks run Monday to Sunday — with the overdue open lines first in their own group.
// Within a group by due date, then customer. Each line carries cartons, G.W. and CBM for its open quantity by the
// packing-list rules (documents/packing: a partial last carton counts and weighs its share plus the tare), empty when
// the packing data is unknown; per group and per customer within it the totals a clerk books a truck with, and how
// many lines they leave out for want of packing data. A new print-ready sheet 出货计划 2026-W49 / Shipment plan ….

import { keyText } from './text';
import { DATE_FORMAT, fromSerial1900, isoToSerial, isoWeekLabel, serialToIso } from './dates';
import { classifyLines } from './delay';
import { CBM_FORMAT, WEIGHT_FORMAT, sheetQuantityFormat } from './documents/context';
import { documentFont } from './documents/font';
import { bilingual } from './documents/labels';
import {
  FormGrid,
  putInfoBlock,
  putLetterhead,
  putNote,
  putTableHeader,
  putTableRow,
  putTitle,
  tableCellStyle,
  type TableColumn,
  type TableValue,
} from './documents/layout';
import { lineDate, lineText, roundTo } from './documents/lines';
import { planPacking } from './documents/packing';
import type { WorkbookEdit } from './edits';
import { t } from './i18n';
import { formatRowList } from './documents/lines';
import { uniqueSheetName } from './sheetNames';
import { recordedShipped } from './shipments/record';
import { quantityFormatOf } from './shipments/recordShipment';
import type { CompanyProfile, Lang, OrderLine, Understanding, WorkbookSnapshot } from './types';

export interface PlanLine {
  row: number;
  orderNo: string;
  customer: string;
  item: string;
  description: string;
  remarks: string;
  /** ISO due date. */
  dueDate: string;
  openQty: number;
  /** For the open quantity; null when the packing data does not tell. */
  cartons: number | null;
  grossWeight: number | null;
  cbm: number | null;
}

export interface PlanTotals {
  openQty: number;
  /** Sums over the lines that know them. */
  cartons: number;
  grossWeight: number;
  cbm: number;
  /** Lines whose cartons, G.W. or CBM are unknown (left out of that sum). */
  unknownPacking: number;
}

export interface PlanGroup {
  /** "2026-W49", or "overdue". */
  week: string;
  /** ISO Monday and Sunday of the week (overdue: the earliest due date and yesterday). */
  from: string;
  to: string;
  lines: PlanLine[];
  totals: PlanTotals;
  customers: { customer: string; lines: number; totals: PlanTotals }[];
}

export interface ShipmentPlan {
  today: string;
  sheet: string;
  overdue: PlanGroup;
  weeks: PlanGroup[];
  edits: WorkbookEdit[];
  /** Notes for the clerk (UI language): lines without packing data, open lines without a due date. */
  warnings: string[];
}

export interface PlanOptions {
  today: string;
  /** Weeks ahead, the current one included; default 2. */
  weeks?: number;
  lang: Lang;
  uiLang?: Lang;
  company?: CompanyProfile | null;
}

/** Monday (1900 serial) of the ISO week holding `serial`. Serial 2 (1900-01-01) was a Monday. */
export function mondayOf(serial: number): number {
  return serial - ((((serial - 2) % 7) + 7) % 7);
}

function totalsOf(lines: PlanLine[]): PlanTotals {
  const known = <K extends 'cartons' | 'grossWeight' | 'cbm'>(k: K, digits: number): number =>
    roundTo(
      lines.reduce((s, l) => s + (l[k] ?? 0), 0),
      digits,
    );
  return {
    openQty: roundTo(
      lines.reduce((s, l) => s + l.openQty, 0),
      9,
    ),
    cartons: known('cartons', 0),
    grossWeight: known('grossWeight', 2),
    cbm: known('cbm', 3),
    unknownPacking: lines.filter((l) => l.cartons === null || l.grossWeight === null || l.cbm === null).length,
  };
}

function group(week: string, from: string, to: string, lines: PlanLine[]): PlanGroup {
  lines.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.customer.localeCompare(b.customer) || a.row - b.row);
  const byCustomer = new Map<string, { customer: string; lines: PlanLine[] }>();
  for (const l of lines) {
    const k = keyText(l.customer);
    const g = byCustomer.get(k) ?? { customer: l.customer, lines: [] };
    g.lines.push(l);
    byCustomer.set(k, g);
  }
  return {
    week,
    from,
    to,
    lines,
    totals: totalsOf(lines),
    customers: Array.from(byCustomer.values()).map((g) => ({
      customer: g.customer,
      lines: g.lines.length,
      totals: totalsOf(g.lines),
    })),
  };
}

/** The plan's lines and groups, without the sheet. */
export function shipmentPlanGroups(
  u: Understanding,
  wb: WorkbookSnapshot,
  today: string,
  weeks: number,
): { overdue: PlanGroup; weeks: PlanGroup[]; noDueDate: number[] } {
  const todaySerial = isoToSerial(today);
  const firstMonday = mondayOf(todaySerial);
  const end = firstMonday + 7 * weeks - 1;
  const byRow = new Map(u.lines.map((l) => [l.row, l]));
  const overdue: PlanLine[] = [];
  const perWeek: PlanLine[][] = Array.from({ length: weeks }, () => []);
  const noDueDate: number[] = [];
  for (const d of classifyLines(u, today, { recorded: recordedShipped(u, wb) })) {
    if (d.class === 'noDueDate' && d.openQty > 0) noDueDate.push(d.row);
    if (d.class !== 'overdue' && d.class !== 'dueSoon' && d.class !== 'onTrack') continue;
    const line = byRow.get(d.row) as OrderLine;
    const due = Math.floor(lineDate(line, 'dueDate') as number);
    if (due > end) continue;
    const packed = planPacking([line], u.masters, () => d.openQty).totals;
    const pl: PlanLine = {
      row: d.row,
      orderNo: lineText(line, 'orderNo'),
      customer: lineText(line, 'customer'),
      item: lineText(line, 'item'),
      description: lineText(line, 'description'),
      remarks: lineText(line, 'remarks'),
      dueDate: serialToIso(due),
      openQty: d.openQty,
      cartons: packed.cartons,
      grossWeight: packed.grossWeight,
      cbm: packed.cbm,
    };
    if (d.class === 'overdue') overdue.push(pl);
    else perWeek[Math.floor((due - firstMonday) / 7)].push(pl);
  }
  const earliest = overdue.reduce((m, l) => (l.dueDate < m ? l.dueDate : m), serialToIso(todaySerial - 1));
  return {
    overdue: group('overdue', earliest, serialToIso(todaySerial - 1), overdue),
    weeks: perWeek.map((lines, i) => {
      const monday = firstMonday + 7 * i;
      return group(isoWeekLabel(monday), serialToIso(monday), serialToIso(monday + 6), lines);
    }),
    noDueDate,
  };
}

interface Column extends TableColumn {
  key: 'dueDate' | 'orderNo' | 'customer' | 'item' | 'description' | 'openQty' | 'cartons' | 'gw' | 'cbm' | 'remarks';
}

const COLUMNS: Column[] = [
  { key: 'dueDate', labelKey: 'doc.col.dueDate', hAlign: 'center', minWidth: 11 },
  { key: 'orderNo', labelKey: 'doc.col.orderNo' },
  { key: 'customer', labelKey: 'doc.field.customer' },
  { key: 'item', labelKey: 'doc.col.item' },
  { key: 'description', labelKey: 'doc.col.description', wrap: true },
  { key: 'openQty', labelKey: 'plan.col.openQty', hAlign: 'right' },
  { key: 'cartons', labelKey: 'doc.col.cartons', hAlign: 'right', numberFormat: '#,##0' },
  { key: 'gw', labelKey: 'doc.col.gwTotal', hAlign: 'right', numberFormat: WEIGHT_FORMAT },
  { key: 'cbm', labelKey: 'doc.col.cbm', hAlign: 'right', numberFormat: CBM_FORMAT },
  { key: 'remarks', labelKey: 'doc.col.remarks', wrap: true, minWidth: 14 },
];
const col = (key: Column['key']): number => COLUMNS.findIndex((c) => c.key === key) + 1;

/** A message with a count (the catalogue chooses the plural form: ICU plural in English). */
function counted(lang: Lang, key: string, count: number, params: Record<string, string | number> = {}): string {
  return t(lang, key, { count, ...params });
}

/** Plan the sheet. */
export function planShipmentPlan(u: Understanding, wb: WorkbookSnapshot, opts: PlanOptions): ShipmentPlan {
  const weeks = Math.max(1, Math.floor(opts.weeks ?? 2));
  const { lang } = opts;
  const uiLang = opts.uiLang ?? lang;
  const groups = shipmentPlanGroups(u, wb, opts.today, weeks);
  const firstWeek = groups.weeks[0].week;
  const sheet = uniqueSheetName(
    t(lang, 'plan.sheetName', { week: firstWeek }),
    wb.sheets.map((s) => s.name),
  );
  const qFormat = quantityFormatOf(wb, u);
  const qty = (v: number): TableValue => ({ value: v, numberFormat: sheetQuantityFormat(qFormat, v) });
  const todaySerial = fromSerial1900(isoToSerial(opts.today), u.dateSystem);
  const dateCell = (iso: string): TableValue => ({
    value: fromSerial1900(isoToSerial(iso), u.dateSystem),
    numberFormat: DATE_FORMAT,
  });

  const grid = new FormGrid(COLUMNS.length);
  const company = opts.company === undefined ? (u.settings.company ?? null) : opts.company;
  const titleRow = company ? putLetterhead(grid, company, lang, 1) : 1;
  putTitle(grid, titleRow, bilingual(lang, 'plan.title'));
  const lastWeek = groups.weeks[groups.weeks.length - 1];
  const headerRow =
    putInfoBlock(grid, lang, titleRow + 2, [
      { labelKey: 'doc.field.date', value: todaySerial, numberFormat: DATE_FORMAT },
      {
        labelKey: 'plan.field.weeks',
        value: t(lang, 'plan.weeksValue', {
          first: firstWeek,
          last: lastWeek.week,
          from: groups.weeks[0].from,
          to: lastWeek.to,
        }),
      },
    ]) + 1;
  putTableHeader(grid, lang, headerRow, COLUMNS);
  let row = headerRow + 1;

  const groupTitle = (g: PlanGroup): string =>
    g.week === 'overdue'
      ? bilingual(lang, 'plan.group.overdue')
      : t(lang, 'plan.group.week', { week: g.week, from: g.from, to: g.to });
  const totalsRow = (label: string, totals: PlanTotals, lineCount: number, fill: string): void => {
    const style = tableCellStyle({ bold: true, fill });
    // No line knows its packing: the sums are unknown, not zero.
    const known = (v: number): number | null => (totals.unknownPacking === lineCount ? null : v);
    grid.merge(row, 1, col('openQty') - 1, label, { ...style, hAlign: 'right' });
    grid.set(row, col('openQty'), totals.openQty, {
      ...style,
      hAlign: 'right',
      numberFormat: sheetQuantityFormat(qFormat, totals.openQty),
    });
    grid.set(row, col('cartons'), known(totals.cartons), { ...style, hAlign: 'right', numberFormat: '#,##0' });
    grid.set(row, col('gw'), known(totals.grossWeight), { ...style, hAlign: 'right', numberFormat: WEIGHT_FORMAT });
    grid.set(row, col('cbm'), known(totals.cbm), { ...style, hAlign: 'right', numberFormat: CBM_FORMAT });
    grid.set(
      row,
      col('remarks'),
      totals.unknownPacking ? counted(lang, 'plan.unknownPacking', totals.unknownPacking) : null,
      { ...style, bold: false, wrap: true },
    );
    row++;
  };
  for (const g of [groups.overdue, ...groups.weeks]) {
    if (g.week === 'overdue' && g.lines.length === 0) continue;
    grid.merge(row, 1, COLUMNS.length, groupTitle(g), {
      bold: true,
      size: 12,
      vAlign: 'middle',
      border: 'thin',
      fill: g.week === 'overdue' ? '#FFC7CE' : '#DDEBF7',
    });
    grid.height(row, 20);
    row++;
    if (!g.lines.length) {
      grid.merge(row, 1, COLUMNS.length, t(lang, 'plan.none'), { border: 'thin', hAlign: 'center' });
      row++;
      continue;
    }
    for (const l of g.lines) {
      putTableRow(grid, row++, COLUMNS, [
        dateCell(l.dueDate),
        l.orderNo || null,
        l.customer || null,
        l.item || null,
        l.description || null,
        qty(l.openQty),
        l.cartons,
        l.grossWeight,
        l.cbm,
        l.remarks || null,
      ]);
    }
    for (const c of g.customers)
      totalsRow(
        t(lang, 'plan.subtotal', { customer: c.customer || t(lang, 'report.noCustomer') }),
        c.totals,
        c.lines,
        '#F2F2F2',
      );
    totalsRow(
      g.week === 'overdue' ? t(lang, 'plan.total.overdue') : t(lang, 'plan.total.week', { week: g.week }),
      g.totals,
      g.lines.length,
      '#D9D9D9',
    );
  }
  row++;
  putNote(grid, row, t(lang, 'plan.footnote'), { size: 9, wrap: true });

  const spec = grid.toSheetSpec(sheet, 'landscape', headerRow, {
    font: documentFont(lang),
    footer: bilingual(lang, 'doc.footer.page', '    '),
  });

  const warnings: string[] = [];
  const all = [groups.overdue, ...groups.weeks].flatMap((g) => g.lines);
  const unknown = all.filter((l) => l.cartons === null || l.grossWeight === null || l.cbm === null).map((l) => l.row);
  if (unknown.length)
    warnings.push(counted(uiLang, 'plan.warn.unknownPacking', unknown.length, { rows: formatRowList(unknown) }));
  if (groups.noDueDate.length)
    warnings.push(
      counted(uiLang, 'plan.warn.noDueDate', groups.noDueDate.length, { rows: formatRowList(groups.noDueDate) }),
    );
  return {
    today: opts.today,
    sheet,
    overdue: groups.overdue,
    weeks: groups.weeks,
    edits: [{ kind: 'addSheet', spec, activate: true }],
    warnings,
  };
}
