// Carries out core's WorkbookEdit plans on an ExcelJS workbook (CLI, browser demo, end-to-end tests).
// Browser-safe: no Node APIs. Never turns a string into a formula; never touches a cell an edit does not name.

import * as ExcelJS from 'exceljs';
import { cellAddress, parseRange, rangeAddress } from '../core/address';
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
      result.table = ensureTable(sheetNamed(wb, edit.sheet), edit.range, edit.name, wb);
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

function overlaps(a: string, b: string): boolean {
  const p = parseRange(a);
  const q = parseRange(b);
  return p.left <= q.right && q.left <= p.right && p.top <= q.bottom && q.top <= p.bottom;
}

function covers(outer: string, inner: string): boolean {
  const p = parseRange(outer);
  const q = parseRange(inner);
  return p.left <= q.left && p.right >= q.right && p.top <= q.top && p.bottom >= q.bottom;
}

/** Reuse a table that covers (or starts on the same header row as) the range; else add one without touching a value. */
function ensureTable(ws: ExcelJS.Worksheet, range: string, name: string, wb: ExcelJS.Workbook): string | null {
  const tables = tablesOf(ws);
  for (const t of Object.values(tables)) {
    const ref = tableRange(t);
    if (!ref || !overlaps(ref, range)) continue;
    if (covers(ref, range)) return t.model.name;
    const r = parseRange(ref);
    const want = parseRange(range);
    // Same header row: grow the existing table over the data block instead of adding a second one.
    if (r.top === want.top && r.left === want.left && !mergesInside(ws, range)) {
      const grown = rangeAddress(r.top, r.left, Math.max(r.bottom, want.bottom), Math.max(r.right, want.right));
      setTableModel(t, ws, grown, t.model.name, t.model.columns);
      return t.model.name;
    }
    return t.model.name;
  }
  // Excel refuses tables over merged cells; leave the sheet as it is.
  if (mergesInside(ws, range)) return null;
  const unique = uniqueTableName(wb, name);
  const t = new (getTableClass())(ws);
  setTableModel(t, ws, range, unique, []);
  tables[unique] = t;
  // A sheet-level AutoFilter on the same cells would clash with the table's own filter.
  const internals = ws as unknown as WorksheetInternals;
  if (internals.autoFilter) internals.autoFilter = undefined;
  return unique;
}

function setTableModel(
  t: TableObject,
  ws: ExcelJS.Worksheet,
  range: string,
  name: string,
  oldColumns: { name: string }[],
): void {
  const r = parseRange(range);
  const columns = headerNames(ws, r.top, r.left, r.right).map((n, i) => ({
    ...(oldColumns[i] ?? {}),
    name: n,
    filterButton: true,
  }));
  t.model = {
    ...(t.model ?? {}),
    name,
    displayName: name,
    ref: cellAddress(r.top, r.left),
    headerRow: true,
    totalsRow: false,
    style: t.model?.style ?? { theme: 'TableStyleMedium2', showRowStripes: true },
    columns,
    rows: Array.from({ length: r.bottom - r.top }, () => []),
  };
  t.validate();
}

/** Table column names from the header cells: their text; a blank header gets Excel's "ColumnN" written in. */
function headerNames(ws: ExcelJS.Worksheet, row: number, left: number, right: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let c = left; c <= right; c++) {
    const cell = ws.getCell(row, c);
    // The column name must be the header cell's text exactly, or Excel "repairs" the file.
    let text = cellText(cell);
    if (text.trim() === '') {
      // Excel itself names an empty header cell this way when it makes a table.
      text = uniqueIn(`Column${c - left + 1}`, seen);
      cell.value = text;
    }
    const unique = uniqueIn(text, seen);
    seen.add(unique.toLowerCase());
    // Line breaks are stored the way Excel writes them in a column name.
    out.push(unique.replace(/\r?\n/g, '_x000a_'));
  }
  return out;
}

function uniqueIn(base: string, seen: Set<string>): string {
  if (!seen.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!seen.has(`${base}${i}`.toLowerCase())) return `${base}${i}`;
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((p) => p.text).join('');
  return cell.text ?? String(v);
}

function mergesInside(ws: ExcelJS.Worksheet, range: string): boolean {
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  return merges.some((m) => overlaps(m, range));
}

function uniqueTableName(wb: ExcelJS.Workbook, name: string): string {
  const taken = new Set<string>();
  for (const ws of wb.worksheets) for (const n of Object.keys(tablesOf(ws))) taken.add(n.toLowerCase());
  if (!taken.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) if (!taken.has(`${name}${i}`.toLowerCase())) return `${name}${i}`;
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
      if (covers(spec.range, key.replace(/\$/g, ''))) delete model[key];
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
  if (s.fontName) font.name = s.fontName;
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
  if (p.footer) ws.headerFooter = { ...ws.headerFooter, oddFooter: `&C${p.footer}` };
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
  const width = Math.max(edit.header.length, ...edit.rows.map((r) => r.length));
  const rowStyle = edit.rowStyle ? styleOf(edit.rowStyle) : null;
  for (const values of edit.rows) {
    row++;
    // A styled row covers the header's width, so borders frame empty cells too.
    const count = rowStyle ? width : values.length;
    for (let i = 0; i < count; i++) {
      const cell = ws!.getCell(row, i + 1);
      cell.value = literal(values[i] ?? null);
      const fmt = edit.columnFormats?.[i];
      if (rowStyle) cell.style = { ...rowStyle, ...(fmt ? { numFmt: fmt } : {}) };
      else if (fmt) restyle(cell, { numFmt: fmt });
    }
  }
  if (edit.extendPrintArea && row > 0)
    ws.pageSetup = { ...ws.pageSetup, printArea: rangeAddress(1, 1, row, Math.max(1, edit.header.length)) };
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
