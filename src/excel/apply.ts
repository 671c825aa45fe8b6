// Carrying out a plan of WorkbookEdits with Office.js.
//   1. One sync looks: sheets, protection, tables, names, where appended rows land, and the number format of the
//      cells a text value is written into (a Text cell needs no quote prefix).
//   2. Only when the plan replaces conditional formats: one sync reads the rules in the order block — on its own,
//      because reading some clerk rules throws (OfficeDev/office-js#6827, #6835); then a narrower fallback.
//   3. The writes, as units packed into batches of at most REQUEST_BUDGET_BYTES of UTF-8; a batch Excel refuses for
//      its size is split in two and retried (nothing of a refused request ran).
// Units address everything by name, so a retried unit never uses a proxy from a failed batch.

import { cellAddress, parseRange, rangeAddress } from '../core/address';
import type {
  ApplyResult,
  ApplyWarning,
  CellStyle,
  ChangedArea,
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
import { cellsToAreas, columnsAddress, joinAreas, stripSheet } from './addresses';
import { REQUEST_BUDGET_BYTES, gridBytes, jsonBytes, utf8Length } from './chunks';
import { needsQuotePrefix, toExcelLiteral } from './literal';
import { isPayloadTooLarge } from './read';
import { lookUpTable, queueTableStep, tableStep, type TableLookup } from './tables';

export interface ApplyOptions {
  onProgress?: (p: Progress) => void;
  /** Request bytes per sync before the writes are split (tests lower it). */
  requestBudgetBytes?: number;
  /** Table.resize is there (ExcelApi 1.13): a reused table can grow over the order lines. */
  canResizeTables?: boolean;
}

/** Column width in characters → RangeFormat.columnWidth points (Calibri 11: ~5.3 pt per character plus padding). */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 5.3 + 5) * 100) / 100;
}

/** Excel limits: validation prompt/alert title 32 characters, message 255. */
function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max);
}

// Reference is silent on the request format. OfficeExtension sends, per range a unit touches, its object path and an
// instantiate action (~250 bytes of JSON), and per property set or method call an action record (~100 bytes) plus the
// value; the estimates err high so a batch stays under Excel on the web's 5 MB.
const RANGE_BYTES = 250;
const SET_BYTES = 100;
/** A call that creates or touches a few objects (a sheet, a table, a chart, a rule). */
const CALL_BYTES = RANGE_BYTES + 2 * SET_BYTES;
/** Cells and rows go in units of at most this much, so a refused batch can be split finely enough to pass. */
const UNIT_BYTES = 256_000;

/** One piece of the writes: queued in one go, so it is never split across batches. */
interface Unit {
  bytes: number;
  queue: () => void;
  /** Running it twice would not give the same workbook (adds something, deletes by position). */
  once?: boolean;
}

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

type CfEdit = Extract<WorkbookEdit, { kind: 'setConditionalFormats' }>;

export async function applyEdits(
  ctx: Excel.RequestContext,
  plan: WorkbookEdit[],
  opts: ApplyOptions = {},
): Promise<ApplyResult> {
  // Excel's limits (core/limits.ts) hold here as in the .xlsx writer: over-long text cut, NaN/Infinity left empty.
  const { edits, limited } = fitEditsToExcel(plan);
  const budget = opts.requestBudgetBytes ?? REQUEST_BUDGET_BYTES;
  // ---- 1. Look.
  const worksheets = ctx.workbook.worksheets;
  worksheets.load('items/name,items/protection/protected');
  const tableLookups = new Map<number, TableLookup | null>();
  const cfScopes = new Map<number, Excel.Range>();
  const cellFormats = new Map<string, Excel.Range>();
  edits.forEach((e, i) => {
    if (e.kind === 'ensureTable') {
      tableLookups.set(i, lookUpTable(ctx, e));
    } else if (e.kind === 'setConditionalFormats' && e.scope === undefined) {
      const used = worksheets.getItem(e.sheet).getUsedRangeOrNullObject(false);
      used.load('address');
      cfScopes.set(i, used);
    } else if (e.kind === 'setValues') {
      // Only where a quote prefix would be written: is the cell formatted as Text?
      for (const c of e.cells) {
        if (c.numberFormat !== undefined || typeof c.value !== 'string' || !needsQuotePrefix(c.value)) continue;
        const key = `${e.sheet.toLowerCase()}!${c.address.toUpperCase()}`;
        if (cellFormats.has(key)) continue;
        const r = worksheets.getItem(e.sheet).getRange(c.address);
        r.load('numberFormat');
        cellFormats.set(key, r);
      }
    }
  });
  try {
    await ctx.sync();
  } catch (err) {
    if ((err as { code?: string })?.code === 'ItemNotFound') await throwMissingItem(ctx, edits);
    throw err;
  }

  const existing = new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), ws.name]));
  for (const e of edits) {
    const need = mustExist(e);
    if (need !== null && !existing.has(need.toLowerCase())) throw new OrderClerkError('sheetNotFound', { sheet: need });
  }
  const protectedSheets = new Set(
    worksheets.items.filter((ws) => ws.protection.protected).map((ws) => ws.name.toLowerCase()),
  );
  for (const e of edits) {
    const sheet = touchedSheet(e);
    if (sheet !== null && protectedSheets.has(sheet.toLowerCase()))
      throw new OrderClerkError('sheetProtected', { sheet: existing.get(sheet.toLowerCase()) ?? sheet });
  }
  const formatOf = (sheet: string, address: string): string | null => {
    const r = cellFormats.get(`${sheet.toLowerCase()}!${address.toUpperCase()}`);
    const f = r?.numberFormat?.[0]?.[0];
    return typeof f === 'string' ? f : null;
  };

  // Where rows are appended to existing sheets: their last used row (one more sync, only when there are any), so
  // rows land at a known place and a retried batch writes them there again, not twice.
  const nextRow = new Map<string, number>();
  const usedLookups = new Map<string, Excel.Range>();
  for (const e of edits) {
    if (e.kind !== 'appendRows') continue;
    const name = existing.get(e.sheet.toLowerCase());
    if (!name || usedLookups.has(name.toLowerCase())) continue;
    const used = worksheets.getItem(name).getUsedRangeOrNullObject(true);
    used.load('rowIndex,rowCount');
    usedLookups.set(name.toLowerCase(), used);
  }
  if (usedLookups.size > 0) {
    await ctx.sync();
    // An empty one (left so by an interrupted run) gets its header again.
    for (const [sheet, used] of usedLookups)
      nextRow.set(sheet, used.isNullObject ? 0 : used.rowIndex + used.rowCount + 1);
  }

  // ---- 2. The add-in's own conditional formats in each rule edit's scope, found by their marker.
  const warnings: ApplyWarning[] = [];
  const ownRules = new Map<number, { scope: string; positions: number[] } | null>();
  const cfEdits = edits
    .map((e, i) => [e, i] as const)
    .filter((x): x is [CfEdit, number] => x[0].kind === 'setConditionalFormats');
  if (cfEdits.length > 0) {
    const scopes = new Map<number, string | null>();
    for (const [e, i] of cfEdits) {
      const used = cfScopes.get(i);
      scopes.set(i, e.scope ?? (used && !used.isNullObject ? stripSheet(used.address) : null));
    }
    const found = await findOwnRules(ctx, cfEdits, scopes);
    for (const [e, i] of cfEdits) {
      const f = found.get(i);
      if (f === undefined) {
        // Excel could not read the rules: ours cannot be told from the clerk's. Leave them all and say so.
        warnings.push({ code: 'conditionalFormatsUnreadable', sheet: existing.get(e.sheet.toLowerCase()) ?? e.sheet });
        ownRules.set(i, null);
      } else ownRules.set(i, f);
    }
  }

  // ---- 3. The writes, as units.
  const units: Unit[] = [];
  const sheetNames = new Set(worksheets.items.map((ws) => ws.name));
  const result: ApplyResult = { createdSheets: [], table: null };
  const changed = new Changes();
  const zoomChecks: { sheet: string; layout: () => Excel.PageLayout | null }[] = [];
  const hasSheet = (n: string) => [...sheetNames].some((s) => s.toLowerCase() === n.toLowerCase());
  const sheet = (n: string) => ctx.workbook.worksheets.getItem(n);
  const addSheet = (n: string) => {
    sheetNames.add(n);
    result.createdSheets.push(n);
    units.push({ bytes: CALL_BYTES + utf8Length(n), once: true, queue: () => void ctx.workbook.worksheets.add(n) });
  };
  const nextRowOfNewSheet = new Map<string, number>([...nextRow].filter(([, r]) => r > 0));

  for (let i = 0; i < edits.length; i++) {
    const e = edits[i];
    switch (e.kind) {
      case 'ensureTable': {
        // Core decided create or reuse (core/orderTable.ts); the result says the table's name, or that it could not grow.
        const found = tableLookups.get(i) ?? null;
        const step = tableStep(e, found, !!opts.canResizeTables, result);
        if (step.do === 'none') break;
        units.push({
          bytes: CALL_BYTES * 2 + utf8Length(e.range) + utf8Length(e.name),
          once: true,
          queue: () => queueTableStep(sheet(e.sheet), e, found, step),
        });
        changed.tables(e.sheet);
        break;
      }
      case 'setValues':
        pushCellWrites(units, budget, e.sheet, e.cells, formatOf, sheet);
        changed.cells(
          e.sheet,
          e.cells.map((c) => c.address),
        );
        break;
      case 'setDataValidation':
        for (const spec of e.rules) {
          units.push({
            bytes: RANGE_BYTES + 4 * SET_BYTES + jsonBytes(spec),
            queue: () => setValidation(sheet(e.sheet).getRange(spec.range).dataValidation, spec),
          });
        }
        break;
      case 'setConditionalFormats': {
        const own = ownRules.get(i);
        if (own === null) break; // unreadable: told in the warnings, nothing changed
        pushRuleWrites(units, e, own ?? null, sheet);
        break;
      }
      case 'addSheet': {
        const name = uniqueSheetName(e.spec.name, sheetNames);
        addSheet(name);
        const layout = pushSheetSpec(units, budget, name, e.spec, sheet);
        if (layout) zoomChecks.push({ sheet: name, layout });
        if (e.activate) units.push({ bytes: CALL_BYTES, queue: () => sheet(name).activate() });
        changed.whole(name, specArea(e.spec), true);
        // Rows appended to it later in this plan (the register) land below what the spec wrote.
        nextRowOfNewSheet.set(name.toLowerCase(), e.spec.cells.reduce((m, c) => Math.max(m, c.row), 0) + 1);
        break;
      }
      case 'appendRows': {
        const target =
          existing.get(e.sheet.toLowerCase()) ?? [...sheetNames].find((s) => s.toLowerCase() === e.sheet.toLowerCase());
        const exists = hasSheet(e.sheet);
        const known = nextRow.get(e.sheet.toLowerCase());
        const name = target ?? e.sheet;
        if (!exists) addSheet(name);
        pushAppendRows(units, budget, e, name, {
          writeHeader: !exists || known === 0,
          nextRowOfNewSheet,
          sheet,
          changed,
        });
        break;
      }
      case 'writeSettings': {
        if (!hasSheet(SETTINGS_SHEET)) addSheet(SETTINGS_SHEET);
        const chunks = settingsChunks(e.json);
        units.push({
          bytes: CALL_BYTES * 2 + utf8Length(e.json) + chunks.length * 8,
          queue: () => {
            const ws = sheet(SETTINGS_SHEET);
            ws.visibility = 'VeryHidden';
            ws.getRange('A:A').clear('Contents');
            const r = ws.getRange(`A1:A${chunks.length}`);
            r.numberFormat = chunks.map(() => ['General']);
            r.values = chunks.map((c) => [toExcelLiteral(c, 'General')]);
          },
        });
        changed.whole(SETTINGS_SHEET, `A1:A${chunks.length}`);
        break;
      }
    }
  }

  await runUnits(ctx, units, budget, (done) => opts.onProgress?.({ done, total: units.length }));
  for (const z of zoomChecks) {
    const zoom = z.layout()?.zoom;
    // OfficeDev/office-js#1860: fit-to-width may not take unless the Page Layout tab was shown. Say so.
    if (!zoom || zoom.horizontalFitToPages !== 1) warnings.push({ code: 'fitToWidthNotApplied', sheet: z.sheet });
  }
  if (warnings.length) result.warnings = warnings;
  if (limited.length) result.limited = limited;
  result.changed = changed.list();
  opts.onProgress?.({ done: units.length, total: units.length });
  return result;
}

/** Runs the units in batches under `budget`; a batch Excel refuses for its size is split in two and retried. */
async function runUnits(
  ctx: Excel.RequestContext,
  units: Unit[],
  budget: number,
  progress: (done: number) => void,
): Promise<void> {
  let done = 0;
  const run = async (batch: Unit[]): Promise<void> => {
    for (const u of batch) u.queue();
    try {
      await ctx.sync();
    } catch (e) {
      const code = (e as { code?: string })?.code;
      // "RequestPayloadSizeLimitExceeded: The request payload size has exceeded the limit" — refused before it ran.
      // For ResponsePayloadSizeLimitExceeded the reference is silent on whether the batch ran: retried only when
      // every unit in it can run twice.
      const retry =
        isPayloadTooLarge(e) &&
        batch.length > 1 &&
        (code === 'RequestPayloadSizeLimitExceeded' || batch.every((u) => !u.once));
      if (!retry) throw e;
      const half = Math.ceil(batch.length / 2);
      await run(batch.slice(0, half));
      await run(batch.slice(half));
      return;
    }
    done += batch.length;
    progress(done);
  };
  let start = 0;
  while (start < units.length) {
    let end = start;
    let bytes = 0;
    while (end < units.length && (end === start || bytes + units[end].bytes <= budget)) bytes += units[end++].bytes;
    await run(units.slice(start, end));
    start = end;
  }
}

/**
 * Reads the rules in each edit's scope (positions in priority order) and returns, per edit, the positions of the
 * add-in's own: rules whose formula carries the marker, and empty custom rules an interrupted add left behind.
 * An edit is missing from the map when Excel could not read its rules even in the fallback.
 */
async function findOwnRules(
  ctx: Excel.RequestContext,
  cfEdits: [CfEdit, number][],
  scopes: Map<number, string | null>,
): Promise<Map<number, { scope: string; positions: number[] }>> {
  const out = new Map<number, { scope: string; positions: number[] }>();
  const pending = cfEdits.filter(([, i]) => scopes.get(i) !== null);
  for (const [, i] of cfEdits) if (scopes.get(i) === null) out.set(i, { scope: '', positions: [] }); // empty sheet
  const collection = (e: CfEdit, i: number) =>
    ctx.workbook.worksheets.getItem(e.sheet).getRange(scopes.get(i)!).conditionalFormats;
  const ours = (formula: string, marker: string) => formula.includes(marker) || formula.replace(/^=/, '').trim() === '';

  // The whole pre-read in one sync; customOrNullObject, because loading `custom` fails when other rule types are
  // there (OfficeDev/office-js#2180).
  const all = pending.map(([e, i]) => {
    const c = collection(e, i);
    c.load('items/type,items/customOrNullObject/rule/formula');
    return { e, i, c };
  });
  try {
    if (all.length) await ctx.sync();
    for (const { e, i, c } of all) {
      const positions: number[] = [];
      c.items.forEach((cf, k) => {
        if (
          cf.type === 'Custom' &&
          !cf.customOrNullObject.isNullObject &&
          ours(cf.customOrNullObject.rule.formula, e.marker)
        )
          positions.push(k);
      });
      out.set(i, { scope: scopes.get(i)!, positions });
    }
    return out;
  } catch {
    // OfficeDev/office-js#6827, #6835: reading some rules' properties throws. Fallback per edit: the types alone,
    // then the formulas of the custom rules only (the reported failures are cellValue and duplicated rules).
  }
  for (const [e, i] of pending) {
    try {
      const c = collection(e, i);
      c.load('items/type');
      await ctx.sync();
      const custom = c.items.map((cf, k) => ({ cf, k })).filter((x) => x.cf.type === 'Custom');
      for (const x of custom) x.cf.customOrNullObject.load('rule/formula');
      if (custom.length) await ctx.sync();
      const positions = custom
        .filter((x) => !x.cf.customOrNullObject.isNullObject && ours(x.cf.customOrNullObject.rule.formula, e.marker))
        .map((x) => x.k);
      out.set(i, { scope: scopes.get(i)!, positions });
    } catch {
      // Still unreadable: the caller leaves this edit's rules alone and warns.
    }
  }
  return out;
}

/** Delete ours from the highest position down (a delete moves every later rule up one), then add the new rules. */
function pushRuleWrites(
  units: Unit[],
  e: CfEdit,
  own: { scope: string; positions: number[] } | null,
  sheet: (n: string) => Excel.Worksheet,
): void {
  if (own && own.positions.length > 0) {
    const positions = own.positions.slice().sort((a, b) => b - a);
    units.push({
      bytes: RANGE_BYTES + positions.length * (SET_BYTES * 2),
      once: true,
      queue: () => {
        const c = sheet(e.sheet).getRange(own.scope).conditionalFormats;
        for (const p of positions) c.getItemAt(p).delete();
      },
    });
  }
  if (e.rules.length === 0 || e.ranges.length === 0) return;
  const address = e.ranges.join(',');
  units.push({
    bytes: RANGE_BYTES + utf8Length(address) + e.rules.reduce((n, r) => n + SET_BYTES * 6 + utf8Length(r.formula), 0),
    once: true,
    queue: () => {
      const areas = sheet(e.sheet).getRanges(address);
      e.rules.forEach((rule, p) => addConditionalFormat(areas, rule, p));
    },
  });
}

function addConditionalFormat(areas: Excel.RangeAreas, rule: ConditionalRule, priority: number): void {
  // "Adds a new conditional format to the collection at the first/top priority."
  const cf = areas.conditionalFormats.add('Custom');
  cf.custom.rule.formula = `=${rule.formula}`;
  if (rule.fill) cf.custom.format.fill.color = rule.fill;
  if (rule.fontColor) cf.custom.format.font.color = rule.fontColor;
  if (rule.strike) cf.custom.format.font.strikethrough = true;
  // Set last: after a priority change "you have to re-fetch a new copy of the object" to change it further.
  cf.priority = priority;
}

/** Single cells (fixes, undo), in units that stay under the budget; Text cells get no quote prefix. */
function pushCellWrites(
  units: Unit[],
  budget: number,
  sheetName: string,
  cells: { address: string; value: WriteValue; numberFormat?: string }[],
  formatOf: (sheet: string, address: string) => string | null,
  sheet: (n: string) => Excel.Worksheet,
): void {
  let batch: typeof cells = [];
  let bytes = 0;
  const flush = () => {
    if (!batch.length) return;
    const these = batch;
    units.push({
      bytes,
      queue: () => {
        const ws = sheet(sheetName);
        for (const c of these) {
          const r = ws.getRange(c.address);
          if (c.numberFormat !== undefined) r.numberFormat = [[c.numberFormat]];
          const format = c.numberFormat ?? formatOf(sheetName, c.address);
          r.values = [[toExcelLiteral(c.value, format)]];
        }
      },
    });
    batch = [];
    bytes = 0;
  };
  for (const c of cells) {
    const cost =
      RANGE_BYTES +
      SET_BYTES +
      jsonBytes(c.value) +
      (c.numberFormat !== undefined ? SET_BYTES + jsonBytes(c.numberFormat) : 0) +
      utf8Length(c.address);
    if (batch.length && bytes + cost > Math.min(budget / 2, UNIT_BYTES)) flush();
    batch.push(c);
    bytes += cost;
  }
  flush();
}

interface AppendTarget {
  writeHeader: boolean;
  nextRowOfNewSheet: Map<string, number>;
  sheet: (n: string) => Excel.Worksheet;
  changed: Changes;
}

/** Header (for a new or emptied sheet) and rows below the last used row, in slices under the budget. */
function pushAppendRows(
  units: Unit[],
  budget: number,
  e: Extract<WorkbookEdit, { kind: 'appendRows' }>,
  name: string,
  t: AppendTarget,
): void {
  const width = Math.max(e.header.length, ...e.rows.map((r) => r.length), 1);
  // Our rows are written with known formats (the column's, else General), so the quote prefix always means text.
  const formatAt = (j: number) => e.columnFormats?.[j] ?? 'General';
  const pad = (r: WriteValue[]) => Array.from({ length: width }, (_, j) => toExcelLiteral(r[j] ?? null, formatAt(j)));
  const key = e.sheet.toLowerCase();
  if (t.writeHeader) {
    const head = [pad(e.header)];
    units.push({
      bytes: CALL_BYTES + gridBytes(head) + e.columnWidths.length * (RANGE_BYTES + SET_BYTES),
      queue: () => {
        const ws = t.sheet(name);
        const r = ws.getRange(rangeAddress(1, 1, 1, width));
        r.numberFormat = [head[0].map((_, j) => formatAt(j))];
        r.values = head;
        r.format.font.bold = true;
        queueColumnWidths(ws, e.columnWidths);
      },
    });
    t.changed.cells(name, [rangeAddress(1, 1, 1, width)]);
    t.nextRowOfNewSheet.set(key, 2);
  }
  if (e.rows.length === 0) return;
  const first = t.nextRowOfNewSheet.get(key) ?? 2;
  const rows = e.rows.map(pad);
  const formats = rows.map((r) => r.map((_, j) => formatAt(j)));
  for (const [a, b] of sliceRows(rows, formats, Math.min(budget / 2, UNIT_BYTES))) {
    const top = first + a;
    units.push({
      bytes: CALL_BYTES + gridBytes(rows.slice(a, b)) + gridBytes(formats.slice(a, b)),
      queue: () => {
        const r = t.sheet(name).getRange(rangeAddress(top, 1, first + b - 1, width));
        r.numberFormat = formats.slice(a, b);
        r.values = rows.slice(a, b);
      },
    });
  }
  const last = first + rows.length - 1;
  if (e.rowStyle) {
    const style = e.rowStyle;
    units.push({
      bytes: RANGE_BYTES + 8 * SET_BYTES,
      queue: () => applyStyle(t.sheet(name).getRange(rangeAddress(first, 1, last, width)).format, style),
    });
  }
  if (e.extendPrintArea) {
    const area = rangeAddress(1, 1, last, Math.max(1, e.header.length));
    units.push({ bytes: CALL_BYTES + utf8Length(area), queue: () => t.sheet(name).pageLayout.setPrintArea(area) });
  }
  t.changed.cells(name, [rangeAddress(first, 1, last, width)]);
  t.nextRowOfNewSheet.set(key, first + rows.length);
}

/** [start, end) row slices whose values (and formats) stay under `budget` bytes; at least one row each. */
function sliceRows(values: unknown[][], formats: unknown[][] | null, budget: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  while (start < values.length) {
    let end = start;
    let bytes = 0;
    while (end < values.length) {
      const row = gridBytes([values[end]]) + (formats ? gridBytes([formats[end]]) : 0);
      if (end > start && bytes + row > budget) break;
      bytes += row;
      end++;
    }
    out.push([start, end]);
    start = end;
  }
  return out;
}

/** After ItemNotFound in phase 1: name the sheet or table that is missing (one extra sync on the failure path only). */
async function throwMissingItem(ctx: Excel.RequestContext, edits: WorkbookEdit[]): Promise<never> {
  const ws = ctx.workbook.worksheets;
  ws.load('items/name');
  const tables = ctx.workbook.tables;
  tables.load('items/name');
  await ctx.sync();
  const have = new Set(ws.items.map((s) => s.name.toLowerCase()));
  const missing = edits.map(mustExist).find((n): n is string => n !== null && !have.has(n.toLowerCase()));
  if (missing !== undefined) throw new OrderClerkError('sheetNotFound', { sheet: missing });
  const tableNames = new Set(tables.items.map((t) => t.name.toLowerCase()));
  const table = edits.find(
    (e) => e.kind === 'ensureTable' && e.mode === 'reuse' && !tableNames.has(e.name.toLowerCase()),
  );
  if (table && table.kind === 'ensureTable') throw new OrderClerkError('tableNotFound', { table: table.name });
  throw new OrderClerkError('sheetNotFound', { sheet: '' });
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
    style: 'Stop',
    title: clip(spec.errorAlert.title, 32),
    message: clip(spec.errorAlert.message, 255),
  };
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

/** The area a sheet spec's cells cover ("A1:F30"). */
function specArea(spec: SheetSpec): string {
  const height = spec.cells.reduce((m, c) => Math.max(m, c.row), 0);
  const width = spec.cells.reduce((m, c) => Math.max(m, c.col), 0);
  return height > 0 && width > 0 ? rangeAddress(1, 1, height, width) : 'A1';
}

/**
 * A whole sheet spec as units: values blocks (with their number formats), formulas, grouped styles, layout.
 * Returns a function giving the page layout whose zoom was loaded back, when the spec sets a page setup.
 */
function pushSheetSpec(
  units: Unit[],
  budget: number,
  name: string,
  spec: SheetSpec,
  sheet: (n: string) => Excel.Worksheet,
): (() => Excel.PageLayout | null) | null {
  const height = spec.cells.reduce((m, c) => Math.max(m, c.row), 0);
  const width = spec.cells.reduce((m, c) => Math.max(m, c.col), 0);
  if (height > 0 && width > 0) {
    const values: (string | number | boolean)[][] = Array.from({ length: height }, () => new Array(width).fill(''));
    const formats: string[][] = Array.from({ length: height }, () => new Array(width).fill('General'));
    for (const c of spec.cells) if (c.style?.numberFormat) formats[c.row - 1][c.col - 1] = c.style.numberFormat;
    for (const c of spec.cells)
      if (c.formula === undefined)
        values[c.row - 1][c.col - 1] = toExcelLiteral(c.value ?? null, formats[c.row - 1][c.col - 1]);
    // A new sheet's cells are General: only the other formats are written, per column run, before the values.
    for (const [a, b] of sliceRows(values, null, Math.min(budget / 2, UNIT_BYTES))) {
      const runs = formatRuns(formats, a, b);
      units.push({
        bytes:
          CALL_BYTES +
          gridBytes(values.slice(a, b)) +
          runs.reduce((n, r) => n + RANGE_BYTES + SET_BYTES + (r.bottom - r.top + 1) * (jsonBytes(r.format) + 3), 0),
        queue: () => {
          const ws = sheet(name);
          for (const r of runs)
            ws.getRange(rangeAddress(r.top, r.col, r.bottom, r.col)).numberFormat = Array.from(
              { length: r.bottom - r.top + 1 },
              () => [r.format],
            );
          ws.getRange(rangeAddress(a + 1, 1, b, width)).values = values.slice(a, b);
        },
      });
    }
  }
  const formulas = spec.cells.filter((c) => c.formula !== undefined);
  if (formulas.length) {
    units.push({
      bytes: formulas.reduce((n, c) => n + RANGE_BYTES + SET_BYTES + utf8Length(c.formula!), 0),
      queue: () => {
        const ws = sheet(name);
        for (const c of formulas) ws.getRange(cellAddress(c.row, c.col)).formulas = [[`=${c.formula}`]];
      },
    });
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
      units.push({
        bytes: RANGE_BYTES + 16 * SET_BYTES + utf8Length(address),
        queue: () => applyStyle(sheet(name).getRanges(address).format, g.style),
      });
    }
  }
  const rowHeights = Object.entries(spec.rowHeights ?? {});
  units.push({
    bytes:
      spec.merges.length * (RANGE_BYTES + SET_BYTES) +
      (spec.columnWidths.length + rowHeights.length) * (RANGE_BYTES + SET_BYTES) +
      CALL_BYTES * 3,
    queue: () => {
      const ws = sheet(name);
      for (const m of spec.merges) ws.getRange(m).merge(false);
      queueColumnWidths(ws, spec.columnWidths);
      for (const [row, pts] of rowHeights) ws.getRange(`${row}:${row}`).format.rowHeight = pts;
      if (spec.showGridlines !== undefined) ws.showGridlines = spec.showGridlines;
      if (spec.freezeRows && spec.freezeRows > 0) ws.freezePanes.freezeRows(spec.freezeRows);
    },
  });
  let layout: Excel.PageLayout | null = null;
  units.push({
    bytes: CALL_BYTES * 3,
    queue: () => {
      layout = sheet(name).pageLayout;
      setPageLayout(layout, spec.pageSetup);
      // Read back in the same batch: did fit-to-one-page-wide take (OfficeDev/office-js#1860)?
      layout.load('zoom');
    },
  });
  if (spec.chart) {
    const chart = spec.chart;
    units.push({
      bytes: CALL_BYTES * 2 + utf8Length(chart.title),
      once: true,
      queue: () => addChart(sheet(name), chart),
    });
  }
  return () => layout;
}

/** Runs of one non-General format down a column, within rows [a, b) of the grid (1-based sheet rows out). */
function formatRuns(
  formats: string[][],
  a: number,
  b: number,
): { col: number; top: number; bottom: number; format: string }[] {
  const out: { col: number; top: number; bottom: number; format: string }[] = [];
  const width = formats[0]?.length ?? 0;
  for (let j = 0; j < width; j++) {
    let run: { col: number; top: number; bottom: number; format: string } | null = null;
    for (let i = a; i < b; i++) {
      const f = formats[i][j];
      if (run && f === run.format && run.bottom === i) run.bottom = i + 1;
      else {
        if (run) out.push(run);
        run = f === 'General' ? null : { col: j + 1, top: i + 1, bottom: i + 1, format: f };
      }
    }
    if (run) out.push(run);
  }
  return out;
}

function queueColumnWidths(ws: Excel.Worksheet, widths: number[]): void {
  let i = 0;
  while (i < widths.length) {
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === widths[i]) j++;
    if (widths[i] > 0) ws.getRange(columnsAddress(i + 1, j + 1)).format.columnWidth = columnWidthPoints(widths[i]);
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

/** The areas written, per sheet, merged into the ChangedArea list a port refreshes from. */
class Changes {
  private bySheet = new Map<string, ChangedArea>();
  private entry(sheet: string): ChangedArea {
    const key = sheet.toLowerCase();
    let e = this.bySheet.get(key);
    if (!e) {
      e = { sheet, areas: [] };
      this.bySheet.set(key, e);
    }
    return e;
  }
  cells(sheet: string, areas: string[]): void {
    const e = this.entry(sheet);
    if (e.whole) return;
    e.areas.push(...areas);
  }
  whole(sheet: string, area: string, generated = false): void {
    const e = this.entry(sheet);
    e.whole = true;
    e.areas = [area];
    if (generated) e.generated = true;
  }
  tables(sheet: string): void {
    this.entry(sheet).tables = true;
  }
  list(): ChangedArea[] {
    return [...this.bySheet.values()].map((e) => ({ ...e, areas: mergeCells(e.areas) }));
  }
}

/** Single cells merged into rectangles (a fix-all of 6,000 cells is a few hundred areas); areas kept as they are. */
function mergeCells(areas: string[]): string[] {
  const singles: { row: number; col: number }[] = [];
  const rest: string[] = [];
  for (const a of areas) {
    if (a.includes(':')) rest.push(a);
    else {
      const r = parseRange(a);
      singles.push({ row: r.top, col: r.left });
    }
  }
  return [...rest, ...cellsToAreas(singles)];
}
