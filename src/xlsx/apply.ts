// Carries out core's WorkbookEdit plans on an ExcelJS workbook (CLI, browser demo, end-to-end tests).
// Browser-safe: no Node APIs. Never turns a string into a formula; never touches a cell an edit does not name.

import * as ExcelJS from 'exceljs';
import { areaCovers, areaSpan, cellAddress, parseRange, type Area } from '../core/address';
import { DAYS_1904_OFFSET } from '../core/dates';
import type {
  ApplyResult,
  CellSpec,
  CellStyle,
  ConditionalRule,
  SheetSpec,
  ValidationSpec,
  WorkbookEdit,
  WriteValue,
} from '../core/edits';
import { OrderClerkError } from '../core/errors';
import { SETTINGS_SHEET, settingsChunks } from '../core/settings';

type DateSystem = 1900 | 1904;

/** Carry out every edit in order. Throws only on a plan that names a missing sheet. */
export function applyEdits(workbook: ExcelJS.Workbook, edits: WorkbookEdit[], dateSystem: DateSystem): ApplyResult {
  const result: ApplyResult = { createdSheets: [], table: null };
  for (const edit of edits) applyEdit(workbook, edit, dateSystem, result);
  return result;
}

function applyEdit(wb: ExcelJS.Workbook, edit: WorkbookEdit, dateSystem: DateSystem, result: ApplyResult): void {
  switch (edit.kind) {
    case 'ensureTable':
      result.table = ensureTable(sheetNamed(wb, edit.sheet), edit);
      return;
    case 'setValues':
      setValues(sheetNamed(wb, edit.sheet), edit.cells);
      return;
    case 'setDataValidation':
      setDataValidation(sheetNamed(wb, edit.sheet), edit.rules, dateSystem);
      return;
    case 'setConditionalFormats':
      setConditionalFormats(sheetNamed(wb, edit.sheet), edit.marker, edit.ranges, edit.rules);
      return;
    case 'addSheet':
      addSheet(wb, edit.spec, edit.activate === true);
      result.createdSheets.push(edit.spec.name);
      return;
    case 'appendRows': {
      const existed = wb.getWorksheet(edit.sheet) !== undefined;
      appendRows(wb, edit);
      if (!existed) result.createdSheets.push(edit.sheet);
      return;
    }
    case 'writeSettings':
      writeSettings(wb, edit.json);
      return;
  }
}

function sheetNamed(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`sheet not found: ${name}`);
  return ws;
}

// ---------------------------------------------------------------- tables

/** ExcelJS's table object as far as we use it (the class is not exported; its model is what gets written). */
interface TableModel {
  name: string;
  displayName?: string;
  ref?: string;
  tableRef?: string;
  autoFilterRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  style?: {
    theme?: string;
    showRowStripes?: boolean;
    showFirstColumn?: boolean;
    showLastColumn?: boolean;
    showColumnStripes?: boolean;
  };
  columns: { name: string; filterButton?: boolean }[];
  rows?: unknown[][];
}
interface TableObject {
  model: TableModel;
  validate(): void;
}
type TableClass = new (worksheet: ExcelJS.Worksheet) => TableObject;
interface WorksheetInternals {
  tables: Record<string, TableObject>;
  autoFilter?: unknown;
}

let tableClass: TableClass | null = null;

/** ExcelJS's Table constructor, taken from a scratch table: `worksheet.addTable` rewrites every cell it covers. */
function getTableClass(): TableClass {
  if (!tableClass) {
    const probe = new ExcelJS.Workbook()
      .addWorksheet('probe')
      .addTable({ name: 'Probe', ref: 'A1', headerRow: true, columns: [{ name: 'a' }], rows: [] });
    tableClass = (probe as unknown as { constructor: TableClass }).constructor;
  }
  return tableClass;
}

function tablesOf(ws: ExcelJS.Worksheet): Record<string, TableObject> {
  const internals = ws as unknown as WorksheetInternals;
  if (!internals.tables) internals.tables = {};
  return internals.tables;
}

/** A1 range a table covers, whether ExcelJS loaded it (tableRef) or built it (ref + size). */
export function tableRange(t: TableObject): string | null {
  return t.model.tableRef ?? null;
}

type EnsureTable = Extract<WorkbookEdit, { kind: 'ensureTable' }>;

/**
 * Carry out core's table decision (core/orderTable.ts): `create` adds a table named exactly `name` over exactly
 * `range`; `reuse` grows the table `name` to cover `range` when it does not. No value is touched: the column names
 * are the header cells' text, which core has checked.
 */
function ensureTable(ws: ExcelJS.Worksheet, edit: EnsureTable): string {
  const tables = tablesOf(ws);
  if (edit.mode === 'create') {
    const t = new (getTableClass())(ws);
    setTableModel(t, ws, parseRange(edit.range), edit.name, null);
    tables[edit.name] = t;
    // A sheet-level AutoFilter on the same cells would clash with the table's own filter.
    const internals = ws as unknown as WorksheetInternals;
    if (internals.autoFilter) internals.autoFilter = undefined;
    return edit.name;
  }
  const t = Object.values(tables).find((x) => x.model.name.toLowerCase() === edit.name.toLowerCase());
  const ref = t ? tableRange(t) : null;
  if (!t || !ref) throw new OrderClerkError('tableNotFound', { table: edit.name });
  if (!areaCovers(ref, edit.range)) setTableModel(t, ws, areaSpan(ref, edit.range), t.model.name, parseRange(ref));
  return t.model.name;
}

/** The table's model over `area`; a grown table keeps its columns' settings where they were (`was`: its old area). */
function setTableModel(t: TableObject, ws: ExcelJS.Worksheet, area: Area, name: string, was: Area | null): void {
  const old = t.model?.columns ?? [];
  const columns = headerNames(ws, area.top, area.left, area.right).map((n, i) => {
    const c = area.left + i;
    const kept = was && c >= was.left && c <= was.right ? old[c - was.left] : undefined;
    return { ...(kept ?? {}), name: n, filterButton: true };
  });
  t.model = {
    ...(t.model ?? {}),
    name,
    displayName: name,
    ref: cellAddress(area.top, area.left),
    headerRow: true,
    totalsRow: false,
    style: t.model?.style ?? { theme: 'TableStyleMedium2', showRowStripes: true },
    columns,
    rows: Array.from({ length: area.bottom - area.top }, () => []),
  };
  t.validate();
}

/** Table column names: each header cell's text exactly (or Excel "repairs" the file); never written. */
function headerNames(ws: ExcelJS.Worksheet, row: number, left: number, right: number): string[] {
  const out: string[] = [];
  for (let c = left; c <= right; c++) {
    const text = cellText(ws.getCell(row, c));
    if (text.trim() === '') throw new Error(`blank header cell ${cellAddress(row, c)}: core refuses such a table`);
    // Line breaks are stored the way Excel writes them in a column name.
    out.push(text.replace(/\r?\n/g, '_x000a_'));
  }
  return out;
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((p) => p.text).join('');
  return cell.text ?? String(v);
}

// ---------------------------------------------------------------- values

/** Literal value for ExcelJS: strings stay strings (ExcelJS only makes formulas from {formula} objects). */
function literal(v: WriteValue | undefined): ExcelJS.CellValue {
  return v === undefined ? null : v;
}

/** Replace (never mutate) the cell's style: ExcelJS shares one style object among cells loaded with the same style. */
function restyle(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style>): void {
  cell.style = { ...cell.style, ...patch };
}

function setValues(
  ws: ExcelJS.Worksheet,
  cells: { address: string; value: WriteValue; numberFormat?: string }[],
): void {
  for (const c of cells) {
    const cell = ws.getCell(c.address);
    cell.value = literal(c.value);
    if (c.numberFormat) restyle(cell, { numFmt: c.numberFormat });
  }
}

// ---------------------------------------------------------------- data validation

type ValidationModel = Record<string, ExcelJS.DataValidation | undefined>;

/** Replace the rules of each range: drop every per-cell or range entry inside it, then add one range entry. */
function setDataValidation(ws: ExcelJS.Worksheet, rules: ValidationSpec[], dateSystem: DateSystem): void {
  const model = (ws as unknown as { dataValidations: { model: ValidationModel } }).dataValidations.model;
  for (const spec of rules) {
    for (const key of Object.keys(model)) {
      if (areaCovers(spec.range, key.replace(/\$/g, ''))) delete model[key];
    }
    model[spec.range] = validationOf(spec, dateSystem);
  }
}

function validationOf(spec: ValidationSpec, dateSystem: DateSystem): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: spec.prompt.title,
    prompt: spec.prompt.message,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: spec.errorAlert.title,
    error: spec.errorAlert.message,
  };
  const rule = spec.rule;
  switch (rule.kind) {
    case 'decimal':
      // Office.js says greaterThanOrEqualTo; the file format says greaterThanOrEqual.
      return {
        ...common,
        type: 'decimal',
        operator: rule.operator === 'greaterThan' ? 'greaterThan' : 'greaterThanOrEqual',
        formulae: [rule.value],
      };
    case 'date':
      return {
        ...common,
        type: 'date',
        operator: 'between',
        formulae: rule.between.map((d) => validationDate(d, dateSystem)),
      };
    case 'list':
      return { ...common, type: 'list', formulae: [`"${rule.values.join(',')}"`] };
  }
}

/** ExcelJS writes date formulae as 1900-system serials of a Date; shift so a 1904 workbook gets the same day. */
function validationDate(iso: string, dateSystem: DateSystem): Date {
  const d = new Date(`${iso}T00:00:00Z`);
  return dateSystem === 1904 ? new Date(d.getTime() - DAYS_1904_OFFSET * 86400000) : d;
}

// ---------------------------------------------------------------- conditional formats

interface CfRule {
  type: string;
  formulae?: unknown[];
  priority?: number;
  style?: Partial<ExcelJS.Style>;
}
interface CfEntry {
  ref: string;
  rules: CfRule[];
}

function setConditionalFormats(
  ws: ExcelJS.Worksheet,
  marker: string,
  ranges: string[],
  rules: ConditionalRule[],
): void {
  const internals = ws as unknown as { conditionalFormattings: CfEntry[] };
  const kept = (internals.conditionalFormattings ?? []).filter((cf) => !cf.rules.some((r) => hasMarker(r, marker)));
  if (rules.length > 0 && ranges.length > 0) {
    kept.unshift({
      ref: ranges.join(' '),
      rules: rules.map((r, i) => ({ type: 'expression', formulae: [r.formula], priority: i + 1, style: dxfStyle(r) })),
    });
  }
  renumberPriorities(kept);
  internals.conditionalFormattings = kept;
}

/** Ours first (1..n, in plan order), then the clerk's rules in their own order: the same numbers on every run. */
function renumberPriorities(entries: CfEntry[]): void {
  const all = entries.flatMap((cf, i) =>
    cf.rules.map((r, j) => ({ r, key: r.priority ?? Number.MAX_SAFE_INTEGER, i, j })),
  );
  all.sort((a, b) => a.key - b.key || a.i - b.i || a.j - b.j);
  all.forEach((x, k) => (x.r.priority = k + 1));
}

function hasMarker(rule: CfRule, marker: string): boolean {
  return (rule.formulae ?? []).some((f) => typeof f === 'string' && f.includes(marker));
}

function dxfStyle(r: ConditionalRule): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (r.fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(r.fill) } } as ExcelJS.Fill;
  if (r.fontColor || r.strike) {
    const font: Partial<ExcelJS.Font> = {};
    if (r.fontColor) font.color = { argb: argb(r.fontColor) };
    if (r.strike) font.strike = true;
    style.font = font;
  }
  return style;
}

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

// ---------------------------------------------------------------- new sheets

const PAPER_A4 = 9;

function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec, activate: boolean): void {
  const freeze = spec.freezeRows ?? 0;
  const view: Partial<ExcelJS.WorksheetView> =
    freeze > 0
      ? {
          state: 'frozen',
          ySplit: freeze,
          topLeftCell: cellAddress(freeze + 1, 1),
          showGridLines: spec.showGridlines ?? true,
        }
      : { state: 'normal', showGridLines: spec.showGridlines ?? true };
  const ws = wb.addWorksheet(spec.name, { views: [view] });
  spec.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const [row, h] of Object.entries(spec.rowHeights ?? {})) ws.getRow(Number(row)).height = h;
  for (const c of spec.cells) writeCell(ws, c);
  for (const m of spec.merges) ws.mergeCells(m);
  setPage(ws, spec);
  if (activate) activateSheet(wb, ws);
}

function writeCell(ws: ExcelJS.Worksheet, c: CellSpec): void {
  const cell = ws.getCell(c.row, c.col);
  cell.value =
    c.formula !== undefined ? ({ formula: c.formula.replace(/^=/, '') } as ExcelJS.CellFormulaValue) : literal(c.value);
  if (c.style) cell.style = styleOf(c.style);
}

export function styleOf(s: CellStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.strike) font.strike = true;
  if (s.size) font.size = s.size;
  if (s.fontColor) font.color = { argb: argb(s.fontColor) };
  if (Object.keys(font).length) style.font = font;
  if (s.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.hAlign || s.vAlign || s.wrap) {
    style.alignment = {
      ...(s.hAlign ? { horizontal: s.hAlign } : {}),
      ...(s.vAlign ? { vertical: s.vAlign } : {}),
      ...(s.wrap ? { wrapText: true } : {}),
    };
  }
  if (s.numberFormat) style.numFmt = s.numberFormat;
  if (s.border) {
    const side = { style: s.border } as ExcelJS.Border;
    style.border = { top: side, bottom: side, left: side, right: side };
  }
  return style;
}

function setPage(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  const p = spec.pageSetup;
  const m = p.margins ?? { top: 0.75, bottom: 0.75, left: 0.5, right: 0.5 };
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: PAPER_A4 as ExcelJS.PageSetup['paperSize'],
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: p.printArea,
    ...(p.printTitleRows ? { printTitlesRow: p.printTitleRows.replace(/\$/g, '') } : {}),
    margins: { ...m, header: 0.3, footer: 0.3 },
  };
}

function activateSheet(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): void {
  const index = wb.worksheets.indexOf(ws);
  const views =
    wb.views && wb.views.length
      ? wb.views
      : [{ x: 0, y: 0, width: 10000, height: 20000, visibility: 'visible' } as ExcelJS.WorkbookView];
  views[0] = { ...views[0], activeTab: index, firstSheet: Math.min(views[0].firstSheet ?? 0, index) };
  wb.views = views;
  for (const other of wb.worksheets) {
    const v = other.views?.[0] as (Partial<ExcelJS.WorksheetView> & { tabSelected?: boolean }) | undefined;
    if (v) v.tabSelected = other === ws;
    else if (other === ws)
      other.views = [{ tabSelected: true } as Partial<ExcelJS.WorksheetView> as ExcelJS.WorksheetView];
  }
}

// ---------------------------------------------------------------- appended rows

type AppendRowsEdit = Extract<WorkbookEdit, { kind: 'appendRows' }>;

function appendRows(wb: ExcelJS.Workbook, edit: AppendRowsEdit): void {
  let ws = wb.getWorksheet(edit.sheet);
  // A new sheet, or an empty one (left so by an interrupted run), gets its header and widths first.
  if (!ws || lastUsedRow(ws) === 0) {
    ws = ws ?? wb.addWorksheet(edit.sheet);
    edit.columnWidths.forEach((w, i) => {
      ws!.getColumn(i + 1).width = w;
    });
    edit.header.forEach((h, i) => {
      const cell = ws!.getCell(1, i + 1);
      cell.value = h;
      cell.style = { font: { bold: true } };
    });
  }
  let row = lastUsedRow(ws);
  for (const values of edit.rows) {
    row++;
    values.forEach((v, i) => {
      const cell = ws!.getCell(row, i + 1);
      cell.value = literal(v);
      const fmt = edit.columnFormats?.[i];
      if (fmt) restyle(cell, { numFmt: fmt });
    });
  }
}

/** Last row holding a value (styled empty rows do not count). */
export function lastUsedRow(ws: ExcelJS.Worksheet): number {
  let last = 0;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    let used = false;
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.value !== null && cell.value !== undefined && cell.value !== '') used = true;
    });
    if (used) last = n;
  });
  return last;
}

// ---------------------------------------------------------------- settings

function writeSettings(wb: ExcelJS.Workbook, json: string): void {
  let ws = wb.getWorksheet(SETTINGS_SHEET);
  if (!ws) ws = wb.addWorksheet(SETTINGS_SHEET, { state: 'veryHidden' });
  ws.state = 'veryHidden';
  const old = lastUsedRow(ws);
  for (let r = 1; r <= old; r++) ws.getCell(r, 1).value = null;
  settingsChunks(json).forEach((chunk, i) => {
    ws!.getCell(i + 1, 1).value = chunk;
  });
}
