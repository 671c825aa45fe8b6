// Carrying out a plan of WorkbookEdits with Office.js.
//   1. One sync looks: sheets, protection, tables, names, where appended rows land, and the number format of the
//      cells a text value is written into (a Text cell needs no quote prefix).
//   2. Only when the plan replaces conditional formats: one sync reads the rules in the order block — on its own,
//      because reading some clerk rules throws (OfficeDev/office-js#6827, #6835); then a narrower fallback.
//   3. The writes, as units packed into batches of at most REQUEST_BUDGET_BYTES of UTF-8; a batch Excel refuses for
//      its size is split in two and retried (nothing of a refused request ran).
// Units address everything by name, so a retried unit never uses a proxy from a failed batch.
// This file is the orchestration; the units and their batching are in units.ts, conditional formats in
// applyRules.ts, new sheets, styles and page layout in applySheet.ts, cells, appended rows and validation in
// applyCells.ts, the changed areas in changes.ts.

import type { ApplyResult, ApplyWarning, WorkbookEdit } from '../core/edits';
import { OrderClerkError } from '../core/errors';
import type { Progress } from '../core/port';
import { fitEditsToExcel } from '../core/limits';
import { SETTINGS_SHEET, settingsChunks } from '../core/settings';
import { uniqueSheetName } from '../core/sheetNames';
import { stripSheet } from './addresses';
import { pushAppendRows, pushCellWrites, setValidation } from './applyCells';
import { findOwnRules, pushRuleWrites, type CfEdit } from './applyRules';
import { pushSheetSpec, specArea } from './applySheet';
import { Changes } from './changes';
import { REQUEST_BUDGET_BYTES, jsonBytes, utf8Length } from './chunks';
import { needsQuotePrefix, toExcelLiteral } from './literal';
import { lookUpTable, queueTableStep, tableStep, type TableLookup } from './tables';
import { CALL_BYTES, RANGE_BYTES, SET_BYTES, runUnits, type Unit } from './units';

export interface ApplyOptions {
  onProgress?: (p: Progress) => void;
  /** Request bytes per sync before the writes are split (tests lower it). */
  requestBudgetBytes?: number;
  /** Table.resize is there (ExcelApi 1.13): a reused table can grow over the order lines. */
  canResizeTables?: boolean;
  /**
   * The sheets (name, protected) as a reading made in this action has them, nothing changed since (the port's change
   * events say so): appended rows' landing rows are looked up in the look sync, and a look that would load nothing but
   * the sheets is skipped (Excel still refuses a write to a sheet protected since: AccessDenied).
   */
  knownSheets?: { name: string; protected: boolean }[];
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
  const known = opts.knownSheets ? new Map(opts.knownSheets.map((k) => [k.name.toLowerCase(), k])) : null;
  const earlyUsed = new Map<string, Excel.Range>();
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
    } else if (e.kind === 'appendRows' && known?.has(e.sheet.toLowerCase())) {
      const k = known.get(e.sheet.toLowerCase())!;
      if (earlyUsed.has(k.name.toLowerCase())) return;
      const used = worksheets.getItem(k.name).getUsedRangeOrNullObject(true);
      used.load('rowIndex,rowCount');
      earlyUsed.set(k.name.toLowerCase(), used);
    } else if (e.kind === 'setValues') {
      // Only where a quote prefix would be written: is the cell formatted as Text?
      for (const c of e.cells) {
        if (c.numberFormat !== undefined || typeof c.value !== 'string' || !needsQuotePrefix(c.value)) continue;
        // A new line's cell takes its format from the line above (formatFrom): that cell's format is the one it gets.
        const at = c.formatFrom ?? c.address;
        const key = `${e.sheet.toLowerCase()}!${at.toUpperCase()}`;
        if (cellFormats.has(key)) continue;
        const r = worksheets.getItem(e.sheet).getRange(at);
        r.load('numberFormat');
        cellFormats.set(key, r);
      }
    }
  });
  const skipLook =
    opts.knownSheets !== undefined &&
    tableLookups.size === 0 &&
    cfScopes.size === 0 &&
    cellFormats.size === 0 &&
    earlyUsed.size === 0;
  if (!skipLook) {
    worksheets.load('items/name,items/protection/protected');
    try {
      await ctx.sync();
    } catch (err) {
      if ((err as { code?: string })?.code === 'ItemNotFound') await throwMissingItem(ctx, edits);
      throw err;
    }
  }
  const sheetItems = skipLook
    ? opts.knownSheets!
    : worksheets.items.map((ws) => ({ name: ws.name, protected: ws.protection.protected }));

  const existing = new Map(sheetItems.map((ws) => [ws.name.toLowerCase(), ws.name]));
  for (const e of edits) {
    const need = mustExist(e);
    if (need !== null && !existing.has(need.toLowerCase())) throw new OrderClerkError('sheetNotFound', { sheet: need });
  }
  const protectedSheets = new Set(sheetItems.filter((ws) => ws.protected).map((ws) => ws.name.toLowerCase()));
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
    // Looked up in the look sync already (knownSheets).
    const early = earlyUsed.get(name.toLowerCase());
    if (early) {
      nextRow.set(name.toLowerCase(), early.isNullObject ? 0 : early.rowIndex + early.rowCount + 1);
      continue;
    }
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
  const sheetNames = new Set(sheetItems.map((ws) => ws.name));
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
