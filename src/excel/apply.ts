// Carrying out a plan of WorkbookEdits: phase 1 is one sync that looks (sheets, protection, tables, our conditional
// formats); phase 2 queues every write and syncs once, splitting only when the request payload would pass the budget.

import { cellAddress, rangeAddress } from '../core/address';
import type {
  ApplyResult,
  CellStyle,
  ChartSpec,
  ConditionalRule,
  PageSetup,
  SheetSpec,
  ValidationRule,
  ValidationSpec,
  WorkbookEdit,
  WriteValue,
} from '../core/edits';
import { OrderClerkError } from '../core/errors';
import type { Progress } from '../core/port';
import { fitEditsToExcel } from '../core/limits';
import { SETTINGS_SHEET, settingsChunks } from '../core/settings';
import { uniqueSheetName } from '../core/sheetNames';
import { cellsToAreas, columnsAddress, joinAreas } from './addresses';
import { REQUEST_BUDGET_BYTES } from './chunks';
import { toExcelLiteral } from './literal';

export interface ApplyOptions {
  onProgress?: (p: Progress) => void;
  /** Request bytes per sync before the writes are split (tests lower it). */
  requestBudgetBytes?: number;
}

/** Column width in characters → RangeFormat.columnWidth points (Calibri 11: ~5.3 pt per character plus padding). */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 5.3 + 5) * 100) / 100;
}

/** Excel limits: validation prompt/alert title 32 characters, message 255. */
function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max);
}

/** Queue of writes that syncs only when the next write would pass the request budget. */
export class WriteBatch {
  bytes = 0;
  constructor(
    private ctx: Excel.RequestContext,
    readonly budget: number,
  ) {}
  async room(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.budget) await this.flush();
    this.bytes += bytes;
  }
  async flush(): Promise<void> {
    await this.ctx.sync();
    this.bytes = 0;
  }
}

// A queued call as Office.js serialises it (getRange + a property set with ids and paths): a few hundred bytes,
// so the batch budget errs high rather than pass Excel on the web's 5 MB request limit.
const OP_BYTES = 350;

/** Sheets an edit writes into that must already exist. */
function mustExist(e: WorkbookEdit): string | null {
  switch (e.kind) {
    case 'ensureTable':
    case 'setValues':
    case 'setDataValidation':
    case 'setConditionalFormats':
      return e.sheet;
    default:
      return null;
  }
}

/** Sheets an edit writes into when they exist (protection matters there). */
function touchedSheet(e: WorkbookEdit): string | null {
  if (e.kind === 'appendRows') return e.sheet;
  if (e.kind === 'writeSettings') return SETTINGS_SHEET;
  return mustExist(e);
}

type CfLookup = { items: Excel.ConditionalFormat[] } & Excel.ConditionalFormatCollection;

export async function applyEdits(
  ctx: Excel.RequestContext,
  plan: WorkbookEdit[],
  opts: ApplyOptions = {},
): Promise<ApplyResult> {
  // Excel's limits (core/limits.ts) hold here as in the .xlsx writer: over-long text cut, NaN/Infinity left empty.
  const { edits, limited } = fitEditsToExcel(plan);
  // Phase 1: one sync to look.
  const worksheets = ctx.workbook.worksheets;
  worksheets.load('items/name,items/protection/protected');
  const tables = ctx.workbook.tables;
  tables.load('items/name');
  const names = ctx.workbook.names;
  names.load('items/name');
  const tableLookups = new Map<number, Excel.TableScopedCollection>();
  const cfLookups = new Map<number, Excel.ConditionalFormatCollection>();
  edits.forEach((e, i) => {
    if (e.kind === 'ensureTable') {
      const found = worksheets.getItem(e.sheet).getRange(e.range).getTables(false);
      found.load('items/name');
      tableLookups.set(i, found);
    } else if (e.kind === 'setConditionalFormats') {
      const cfs = worksheets.getItem(e.sheet).getRange().conditionalFormats;
      cfs.load('items/type,items/customOrNullObject/rule/formula');
      cfLookups.set(i, cfs);
    }
  });
  try {
    await ctx.sync();
  } catch (err) {
    if ((err as { code?: string })?.code === 'ItemNotFound') await throwMissingSheet(ctx, edits);
    throw err;
  }

  const existing = new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
  for (const e of edits) {
    const need = mustExist(e);
    if (need !== null && !existing.has(need.toLowerCase())) throw new OrderClerkError('sheetNotFound', { sheet: need });
  }
  for (const e of edits) {
    const sheet = touchedSheet(e);
    const ws = sheet === null ? undefined : existing.get(sheet.toLowerCase());
    if (ws && ws.protection.protected) throw new OrderClerkError('sheetProtected', { sheet: ws.name });
  }

  // Where existing sheets get rows appended, find their last used row (one more sync, only when there are any):
  // an empty one (left so by an interrupted run) gets its header again, and rows land at a known place.
  const nextRow = new Map<string, number>();
  const usedLookups = new Map<string, Excel.Range>();
  for (const e of edits) {
    if (e.kind !== 'appendRows') continue;
    const ws = existing.get(e.sheet.toLowerCase());
    if (!ws || usedLookups.has(e.sheet.toLowerCase())) continue;
    const used = worksheets.getItem(ws.name).getUsedRangeOrNullObject(true);
    used.load('rowIndex,rowCount');
    usedLookups.set(e.sheet.toLowerCase(), used);
  }
  if (usedLookups.size > 0) {
    await ctx.sync();
    for (const [sheet, used] of usedLookups)
      nextRow.set(sheet, used.isNullObject ? 0 : used.rowIndex + used.rowCount + 1);
  }

  // Phase 2: queue every write.
  const batch = new WriteBatch(ctx, opts.requestBudgetBytes ?? REQUEST_BUDGET_BYTES);
  const sheetNames = new Set(worksheets.items.map((ws) => ws.name));
  const takenTableNames = new Set([...tables.items, ...names.items].map((t) => t.name.toLowerCase()));
  const nextRowOfNewSheet = new Map<string, number>([...nextRow].filter(([, r]) => r > 0));
  const deleted = new Set<Excel.ConditionalFormat>();
  const result: ApplyResult = { createdSheets: [], table: null };
  const hasSheet = (n: string) => [...sheetNames].some((s) => s.toLowerCase() === n.toLowerCase());
  const addSheet = (n: string) => {
    const ws = worksheets.add(n);
    sheetNames.add(n);
    result.createdSheets.push(n);
    return ws;
  };

  for (let i = 0; i < edits.length; i++) {
    const e = edits[i];
    switch (e.kind) {
      case 'ensureTable': {
        const found = tableLookups.get(i)!;
        if (found.items.length > 0) {
          result.table = found.items[0].name;
          break;
        }
        const ws = worksheets.getItem(e.sheet);
        const name = uniqueTableName(e.name, takenTableNames);
        await batch.room(OP_BYTES * 2);
        const t = ws.tables.add(ws.getRange(e.range), true);
        t.name = name;
        takenTableNames.add(name.toLowerCase());
        result.table = name;
        break;
      }
      case 'setValues': {
        const ws = worksheets.getItem(e.sheet);
        for (const c of e.cells) {
          await batch.room(OP_BYTES + jsonLength(c.value));
          const r = ws.getRange(c.address);
          if (c.numberFormat !== undefined) r.numberFormat = [[c.numberFormat]];
          r.values = [[toExcelLiteral(c.value)]];
        }
        break;
      }
      case 'setDataValidation': {
        const ws = worksheets.getItem(e.sheet);
        for (const spec of e.rules) {
          await batch.room(OP_BYTES * 4 + spec.prompt.message.length + spec.errorAlert.message.length);
          setValidation(ws.getRange(spec.range).dataValidation, spec);
        }
        break;
      }
      case 'setConditionalFormats': {
        for (const cf of (cfLookups.get(i) as CfLookup).items) {
          if (deleted.has(cf) || cf.type !== 'Custom' || cf.customOrNullObject.isNullObject) continue;
          const formula = cf.customOrNullObject.rule.formula;
          // An empty custom rule is what an interrupted add leaves behind; it has no meaning to keep.
          if (formula.includes(e.marker) || formula.replace(/^=/, '').trim() === '') {
            cf.delete();
            deleted.add(cf);
          }
        }
        if (e.rules.length === 0 || e.ranges.length === 0) break;
        const ws = worksheets.getItem(e.sheet);
        const areas = ws.getRanges(e.ranges.join(','));
        for (let p = 0; p < e.rules.length; p++) {
          await batch.room(OP_BYTES * 5 + e.rules[p].formula.length);
          addConditionalFormat(areas, e.rules[p], p);
        }
        break;
      }
      case 'addSheet': {
        const name = uniqueSheetName(e.spec.name, sheetNames);
        const ws = addSheet(name);
        await writeSheetSpec(ws, e.spec, batch);
        if (e.activate) ws.activate();
        // Rows appended to it later in this plan (the register) land below what the spec wrote.
        nextRowOfNewSheet.set(name.toLowerCase(), e.spec.cells.reduce((m, c) => Math.max(m, c.row), 0) + 1);
        break;
      }
      case 'appendRows': {
        const known = nextRow.get(e.sheet.toLowerCase());
        await appendRows(e, batch, {
          exists: hasSheet(e.sheet),
          emptyExisting: known === 0,
          get: () => worksheets.getItem(e.sheet),
          create: () => addSheet(e.sheet),
          nextRowOfNewSheet,
        });
        break;
      }
      case 'writeSettings': {
        const ws = hasSheet(SETTINGS_SHEET) ? worksheets.getItem(SETTINGS_SHEET) : addSheet(SETTINGS_SHEET);
        const chunks = settingsChunks(e.json);
        await batch.room(OP_BYTES * 3 + e.json.length + chunks.length * 4);
        ws.visibility = 'VeryHidden';
        ws.getRange('A:A').clear('Contents');
        ws.getRange(`A1:A${chunks.length}`).values = chunks.map((c) => [toExcelLiteral(c)]);
        break;
      }
    }
    opts.onProgress?.({ done: i, total: edits.length });
  }
  await batch.flush();
  opts.onProgress?.({ done: edits.length, total: edits.length });
  if (limited.length) result.limited = limited;
  return result;
}

/** After ItemNotFound in phase 1: name the sheet that is missing (one extra sync on the failure path only). */
async function throwMissingSheet(ctx: Excel.RequestContext, edits: WorkbookEdit[]): Promise<never> {
  const ws = ctx.workbook.worksheets;
  ws.load('items/name');
  await ctx.sync();
  const have = new Set(ws.items.map((s) => s.name.toLowerCase()));
  const missing = edits.map(mustExist).find((n): n is string => n !== null && !have.has(n.toLowerCase()));
  throw new OrderClerkError('sheetNotFound', { sheet: missing ?? '' });
}

/** Table names: a letter or underscore first, then letters, digits, underscores, periods; unique in the workbook. */
export function uniqueTableName(wanted: string, taken: Set<string>): string {
  let base = wanted.replace(/[^\p{L}\p{N}_.]/gu, '_');
  if (!/^[\p{L}_]/u.test(base)) base = `_${base}`;
  base = base.slice(0, 250);
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const c = `${base}_${i}`;
    if (!taken.has(c.toLowerCase())) return c;
  }
}

function jsonLength(v: WriteValue): number {
  return typeof v === 'string' ? v.length + 2 : 12;
}

function validationRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.kind) {
    case 'decimal':
      return {
        decimal: {
          formula1: rule.value,
          operator: rule.operator === 'greaterThan' ? 'GreaterThan' : 'GreaterThanOrEqualTo',
        },
      };
    case 'date': {
      // DATE() keeps the bounds independent of the host's locale date format.
      const [a, b] = rule.between.map((iso) => {
        const [y, m, d] = iso.split('-').map(Number);
        return `=DATE(${y},${m},${d})`;
      });
      return { date: { formula1: a, formula2: b, operator: 'Between' } };
    }
    case 'list':
      return { list: { inCellDropDown: true, source: rule.values.join(',') } };
  }
}

function setValidation(dv: Excel.DataValidation, spec: ValidationSpec): void {
  dv.clear();
  dv.rule = validationRule(spec.rule);
  dv.prompt = { showPrompt: true, title: clip(spec.prompt.title, 32), message: clip(spec.prompt.message, 255) };
  dv.errorAlert = {
    showAlert: true,
    // DataValidationAlertStyle: "Stop" (the default) or "Warning", which asks and then keeps the value (ExcelApi 1.8).
    style: spec.errorAlert.style === 'warning' ? 'Warning' : 'Stop',
    title: clip(spec.errorAlert.title, 32),
    message: clip(spec.errorAlert.message, 255),
  };
}

function addConditionalFormat(areas: Excel.RangeAreas, rule: ConditionalRule, priority: number): void {
  const cf = areas.conditionalFormats.add('Custom');
  cf.custom.rule.formula = `=${rule.formula}`;
  if (rule.fill) cf.custom.format.fill.color = rule.fill;
  if (rule.fontColor) cf.custom.format.font.color = rule.fontColor;
  if (rule.strike) cf.custom.format.font.strikethrough = true;
  // A new rule lands on top; setting the priority keeps the plan's order.
  cf.priority = priority;
}

/** Style properties other than numberFormat, as a stable key (numberFormat goes with the values block). */
function styleKey(s: CellStyle): string | null {
  const { numberFormat: _nf, ...rest } = s;
  const keys = Object.keys(rest).sort() as (keyof typeof rest)[];
  const parts = keys.filter((k) => rest[k] !== undefined).map((k) => `${k}=${String(rest[k])}`);
  return parts.length ? parts.join(';') : null;
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;
const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;

function applyStyle(format: Excel.RangeFormat, s: CellStyle): void {
  if (s.bold !== undefined) format.font.bold = s.bold;
  if (s.italic !== undefined) format.font.italic = s.italic;
  if (s.strike !== undefined) format.font.strikethrough = s.strike;
  if (s.size !== undefined) format.font.size = s.size;
  if (s.fontName) format.font.name = s.fontName;
  if (s.fontColor) format.font.color = s.fontColor;
  if (s.fill) format.fill.color = s.fill;
  if (s.hAlign) format.horizontalAlignment = H_ALIGN[s.hAlign];
  if (s.vAlign) format.verticalAlignment = V_ALIGN[s.vAlign];
  if (s.wrap !== undefined) format.wrapText = s.wrap;
  if (s.border) {
    for (const edge of BORDER_EDGES) {
      const b = format.borders.getItem(edge);
      b.style = 'Continuous';
      b.weight = s.border === 'medium' ? 'Medium' : 'Thin';
    }
  }
}

/** Write a whole sheet spec: one values block (plus its number formats), formulas, grouped styles, layout. */
export async function writeSheetSpec(ws: Excel.Worksheet, spec: SheetSpec, batch: WriteBatch): Promise<void> {
  const height = spec.cells.reduce((m, c) => Math.max(m, c.row), 0);
  const width = spec.cells.reduce((m, c) => Math.max(m, c.col), 0);
  if (height > 0 && width > 0) {
    const values: (string | number | boolean)[][] = Array.from({ length: height }, () => new Array(width).fill(''));
    const formats: string[][] = Array.from({ length: height }, () => new Array(width).fill('General'));
    for (const c of spec.cells) {
      if (c.formula === undefined) values[c.row - 1][c.col - 1] = toExcelLiteral(c.value ?? null);
      if (c.style?.numberFormat) formats[c.row - 1][c.col - 1] = c.style.numberFormat;
    }
    await writeBlock(ws, 1, 1, values, formats, batch);
  }
  for (const c of spec.cells) {
    if (c.formula === undefined) continue;
    await batch.room(OP_BYTES + c.formula.length);
    ws.getRange(cellAddress(c.row, c.col)).formulas = [[`=${c.formula}`]];
  }
  // One RangeAreas call set per distinct style, not one per cell.
  const groups = new Map<string, { style: CellStyle; cells: { row: number; col: number }[] }>();
  for (const c of spec.cells) {
    const key = c.style ? styleKey(c.style) : null;
    if (key === null) continue;
    const g = groups.get(key);
    if (g) g.cells.push({ row: c.row, col: c.col });
    else groups.set(key, { style: c.style!, cells: [{ row: c.row, col: c.col }] });
  }
  for (const g of groups.values()) {
    for (const address of joinAreas(cellsToAreas(g.cells))) {
      await batch.room(OP_BYTES * 4 + address.length);
      applyStyle(ws.getRanges(address).format, g.style);
    }
  }
  for (const m of spec.merges) {
    await batch.room(OP_BYTES);
    ws.getRange(m).merge(false);
  }
  await setColumnWidths(ws, spec.columnWidths, batch);
  for (const [row, pts] of Object.entries(spec.rowHeights ?? {})) {
    await batch.room(OP_BYTES);
    ws.getRange(`${row}:${row}`).format.rowHeight = pts;
  }
  await batch.room(OP_BYTES * 7);
  setPageLayout(ws.pageLayout, spec.pageSetup);
  if (spec.showGridlines !== undefined) ws.showGridlines = spec.showGridlines;
  if (spec.freezeRows && spec.freezeRows > 0) ws.freezePanes.freezeRows(spec.freezeRows);
  if (spec.chart) addChart(ws, spec.chart);
}

/** Values (and number formats) in row slices that each stay under the request budget. */
async function writeBlock(
  ws: Excel.Worksheet,
  top: number,
  left: number,
  values: (string | number | boolean)[][],
  formats: string[][] | null,
  batch: WriteBatch,
): Promise<void> {
  const width = values[0]?.length ?? 0;
  if (width === 0) return;
  let start = 0;
  while (start < values.length) {
    let end = start;
    let bytes = 0;
    const budget = Math.max(1, batch.budget - OP_BYTES * 2);
    while (end < values.length) {
      const rowBytes = JSON.stringify(values[end]).length + (formats ? JSON.stringify(formats[end]).length : 0);
      if (end > start && bytes + rowBytes > budget) break;
      bytes += rowBytes;
      end++;
    }
    await batch.room(bytes + OP_BYTES * 2);
    const r = ws.getRange(rangeAddress(top + start, left, top + end - 1, left + width - 1));
    if (formats) r.numberFormat = formats.slice(start, end);
    r.values = values.slice(start, end);
    start = end;
  }
}

async function setColumnWidths(ws: Excel.Worksheet, widths: number[], batch: WriteBatch): Promise<void> {
  let i = 0;
  while (i < widths.length) {
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === widths[i]) j++;
    if (widths[i] > 0) {
      await batch.room(OP_BYTES);
      ws.getRange(columnsAddress(i + 1, j + 1)).format.columnWidth = columnWidthPoints(widths[i]);
    }
    i = j + 1;
  }
}

function setPageLayout(pl: Excel.PageLayout, p: PageSetup): void {
  pl.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  pl.paperSize = 'A4';
  pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  pl.setPrintArea(p.printArea);
  if (p.printTitleRows) pl.setPrintTitleRows(p.printTitleRows);
  // ExcelApi 1.9 PageLayout.headersFooters: &P and &N are Excel's page-number codes.
  if (p.footer) pl.headersFooters.defaultForAllPages.centerFooter = p.footer;
  if (p.margins) {
    // PageLayout margins are in points; the spec gives inches.
    pl.topMargin = p.margins.top * 72;
    pl.bottomMargin = p.margins.bottom * 72;
    pl.leftMargin = p.margins.left * 72;
    pl.rightMargin = p.margins.right * 72;
  }
}

function addChart(ws: Excel.Worksheet, c: ChartSpec): void {
  const chart = ws.charts.add(
    c.type === 'barClustered' ? 'BarClustered' : 'ColumnClustered',
    ws.getRange(c.dataRange),
    'Auto',
  );
  chart.title.text = c.title;
  chart.setPosition(c.anchor.from, c.anchor.to);
}

interface AppendTarget {
  exists: boolean;
  /** The sheet exists but holds nothing: write the header as for a new sheet. */
  emptyExisting: boolean;
  get: () => Excel.Worksheet;
  create: () => Excel.Worksheet;
  nextRowOfNewSheet: Map<string, number>;
}

async function appendRows(
  e: Extract<WorkbookEdit, { kind: 'appendRows' }>,
  batch: WriteBatch,
  t: AppendTarget,
): Promise<void> {
  const width = Math.max(e.header.length, ...e.rows.map((r) => r.length), 1);
  const pad = (r: WriteValue[]) => Array.from({ length: width }, (_, j) => toExcelLiteral(r[j] ?? null));
  let ws: Excel.Worksheet;
  let firstRow: number | null = null;
  if (!t.exists || t.emptyExisting) {
    ws = t.exists ? t.get() : t.create();
    await batch.room(OP_BYTES * 3 + JSON.stringify(e.header).length);
    const head = ws.getRange(rangeAddress(1, 1, 1, width));
    head.values = [pad(e.header)];
    head.format.font.bold = true;
    await setColumnWidths(ws, e.columnWidths, batch);
    t.nextRowOfNewSheet.set(e.sheet.toLowerCase(), 2);
  } else ws = t.get();
  const known = t.nextRowOfNewSheet.get(e.sheet.toLowerCase());
  if (known !== undefined) firstRow = known;
  if (e.rows.length === 0) return;
  const rows = e.rows.map(pad);
  await batch.room(JSON.stringify(rows).length + OP_BYTES * (3 + width));
  // Below the last used row: worked out by Excel inside the same batch when we do not know it.
  const target =
    firstRow !== null
      ? ws.getRange(rangeAddress(firstRow, 1, firstRow + rows.length - 1, width))
      : ws
          .getUsedRange(true)
          .getLastRow()
          .getEntireRow()
          .getCell(0, 0)
          .getOffsetRange(1, 0)
          .getResizedRange(rows.length - 1, width - 1);
  e.columnFormats?.forEach((f, j) => {
    if (f && j < width) target.getColumn(j).numberFormat = rows.map(() => [f]);
  });
  target.values = rows;
  if (e.rowStyle) {
    await batch.room(OP_BYTES * 8);
    applyStyle(target.format, e.rowStyle);
  }
  if (firstRow !== null) t.nextRowOfNewSheet.set(e.sheet.toLowerCase(), firstRow + rows.length);
  if (e.extendPrintArea && firstRow !== null) {
    await batch.room(OP_BYTES);
    ws.pageLayout.setPrintArea(rangeAddress(1, 1, firstRow + rows.length - 1, Math.max(1, e.header.length)));
  }
}
