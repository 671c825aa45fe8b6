// A small recording fake of the Excel object model the adapter uses, backed by in-memory grids.
// Like Office.js: calls queue actions that run at context.sync(); a property can be read only after load + sync
// (PropertyNotLoaded otherwise); *OrNullObject proxies know isNullObject after a sync. It counts syncs, proxies,
// writes and the request/response payload of each sync in UTF-8 bytes, enforces Excel on the web's 5 MB payload
// limits, can fail a sync part-way, and parses strings written through Range.values the way Excel parses typed input.
// Every behaviour modelled here cites the sentence of Microsoft's reference (or the OfficeDev/office-js issue) it
// follows; "reference is silent" marks a conservative guess. The Office.js reference quoted is the one shipped in
// @types/office-js (the same text as learn.microsoft.com/javascript/api/excel).
/* eslint-disable @typescript-eslint/no-explicit-any */

import { cellAddress, columnLetter, parseCell, quoteSheet } from '../../src/core/address';
import { shiftFormulaRows } from '../../src/core/po/formula';
import type { CellValue } from '../../src/core/types';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
// "Excel on the web has a payload size limit for requests and responses of 5MB" (Resource limits and performance
// optimization for Office Add-ins); counted as 5,000,000 bytes of UTF-8, the smaller reading of "5MB".
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
// Reference is silent on the request format: each queued action is counted at ~120 bytes (its action record and the
// object path it uses, as OfficeExtension serialises them) on top of the values it carries.
export const ACTION_BYTES = 120;

/** UTF-8 length of a string: what a JSON payload of it costs on the wire. */
export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message = code,
  ) {
    super(message);
    this.name = 'OfficeExtension.Error';
  }
}

export interface FakeSheetInit {
  name: string;
  values: CellValue[][];
  formats?: (string | null)[][];
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  protected?: boolean;
  tables?: { name: string; range: string }[];
  merges?: string[];
  /** Formula cells: address → formula ("=TEXT(1200,\"#,##0\")"); `values` holds their cached results. */
  formulas?: Record<string, string>;
}

export interface FakeOptions {
  dateSystem?: 1900 | 1904;
  active?: string;
  /** Response/request limit per sync in bytes (Excel on the web: 5 MB). */
  payloadLimitBytes?: number;
  /**
   * OfficeDev/office-js#1860: "horizontalFitToPages does not set if Page Layout tab is not selected" — setting
   * pageLayout.zoom to fit-to-pages is then silently ignored (the zoom reads back unchanged).
   */
  fitToPagesIgnored?: boolean;
}

export interface SyncStat {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  /** Actions that change the workbook (the rest load or navigate). */
  writes: number;
}

export interface FakeStats {
  syncs: number;
  /** Sum of every sync's request / response bytes. */
  requestBytes: number;
  responseBytes: number;
  proxies: number;
  writes: number;
  rangeReads: number;
  maxCellsPerRead: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  rejectedSyncs: number;
  perSync: SyncStat[];
  /** Cells whose values / number formats were read, per sheet. */
  valueCellsRead: Record<string, number>;
  formatCellsRead: Record<string, number>;
  /** Each conditional-format collection whose items were loaded: 'sheet' (getRange()) or the range's address. */
  cfCollectionsRead: string[];
  /** Every Range.values write, with the sync it ran in. */
  valueWrites: { sync: number; sheet: string; address: string }[];
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CfRecord {
  type: 'Custom' | 'DataBar' | 'CellValue';
  ranges: string[];
  formula: string;
  fill?: string;
  fontColor?: string;
  strike?: boolean;
  /**
   * OfficeDev/office-js#6827 ("Reading conditionalFormats items throws error after adding a second cellValue rule")
   * and #6835 ("unable to read properties of a formatCondition object" after duplicating a rule): loading this
   * rule's properties (rule, format) throws, which fails the whole sync.
   */
  unreadable?: boolean;
}

export interface SheetRecord {
  name: string;
  /** Worksheet.id: "Returns a value that uniquely identifies the worksheet in a given workbook." */
  id: string;
  grid: CellValue[][];
  formats: (string | null)[][];
  formulas: Map<string, string>;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  tables: { name: string; range: string }[];
  /** Conditional formats in priority order (index 0 first). */
  cfs: CfRecord[];
  validations: Map<string, any>;
  merges: string[];
  /** Every format property set: address → property path → value. */
  styles: { address: string; prop: string; value: unknown }[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  pageLayout: Record<string, unknown>;
  showGridlines: boolean;
  freezeRows: number;
  charts: { type: string; source: string; title?: string; from?: string; to?: string }[];
}

type Action = { run: () => void; requestBytes: number; write?: boolean };

// ---------- addresses ----------

function parseRect(address: string): Rect {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const a = bare.replace(/\$/g, '').trim();
  let m = /^([A-Z]+):([A-Z]+)$/i.exec(a);
  if (m) return { top: 1, bottom: MAX_ROWS, left: colNum(m[1]), right: colNum(m[2]) };
  m = /^(\d+):(\d+)$/.exec(a);
  if (m) return { top: Number(m[1]), bottom: Number(m[2]), left: 1, right: MAX_COLS };
  const [p, q] = a.split(':');
  const c1 = parseCell(p);
  const c2 = q ? parseCell(q) : c1;
  return {
    top: Math.min(c1.row, c2.row),
    bottom: Math.max(c1.row, c2.row),
    left: Math.min(c1.col, c2.col),
    right: Math.max(c1.col, c2.col),
  };
}

function colNum(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function rectAddress(r: Rect): string {
  // Whole columns and rows read back as Excel writes them ("C:C", "5:5").
  if (r.top === 1 && r.bottom === MAX_ROWS) return `${columnLetter(r.left)}:${columnLetter(r.right)}`;
  if (r.left === 1 && r.right === MAX_COLS) return `${r.top}:${r.bottom}`;
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : quoteSheet(name);
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function splitList(address: string): string[] {
  return address
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

// ---------- Excel's parsing of typed input ----------

const ERROR_LITERALS = new Set(['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NULL!', '#NUM!']);

/** What a cell holds after Range.values = [[v]] (or formulas): Excel reads strings as typed input. */
export function parseTyped(v: unknown, cellFormat: string | null): { value: CellValue; formula?: string } {
  if (v === null || v === undefined || v === '') return { value: null };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  const s = String(v);
  // Reference is silent; issue 13's review of Excel: a cell formatted as Text (@) keeps what is written as it is,
  // so a leading apostrophe stays a character of the value ('PO-123) instead of acting as the quote prefix.
  if (cellFormat === '@') return { value: s };
  // Excel's quote prefix: a leading apostrophe keeps the rest as text and is not part of the value.
  if (s.startsWith("'")) return { value: s.slice(1) };
  // "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value
  // as a formula." (Range.values)
  if (/^[=+\-@]/.test(s) && !/^[+-]?\d+(\.\d+)?$/.test(s)) {
    const formula = s.startsWith('=') ? s : `=${s}`;
    // The fake computes no formulas but one: NA() "returns the error value #N/A".
    return { value: /^=NA\(\)$/i.test(formula) ? { error: '#N/A' } : null, formula };
  }
  const num = s.replace(/,/g, '');
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(num)) return { value: Number(num) };
  const d = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (d) return { value: Math.round(Date.UTC(+d[1], +d[2] - 1, +d[3]) / 86400000) + 25569 };
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === 'true' };
  if (ERROR_LITERALS.has(s.toUpperCase())) return { value: { error: s.toUpperCase() } };
  return { value: s };
}

function typeOf(v: CellValue, formula: string | undefined): string {
  // A formula with a text (or error, boolean) result types as that result; written formulas read as numbers here.
  if (formula !== undefined && (v === null || typeof v === 'number')) return 'Double';
  if (v === null) return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'string') return 'String';
  return 'Error';
}

// ---------- the fake ----------

export class FakeExcel {
  readonly sheets: SheetRecord[] = [];
  readonly stats: FakeStats = emptyStats();
  readonly context: FakeContext;
  active: SheetRecord | null = null;
  selection: { sheet: string; address: string } | null = null;
  dateSystem: 1900 | 1904;
  payloadLimit: number;
  fitToPagesIgnored: boolean;
  workbookTables = 0;
  readonly selectionHandlers = new Set<(e: unknown) => Promise<unknown> | unknown>();
  private failAt: { sync: number; afterActions: number } | null = null;
  queue: Action[] = [];
  /** Excel.run and Excel.run(context, batch), as the port expects. */
  readonly run: any;
  readonly Excel: { run: any };

  constructor(init: FakeSheetInit[], opts: FakeOptions = {}) {
    this.dateSystem = opts.dateSystem ?? 1900;
    this.payloadLimit = opts.payloadLimitBytes ?? PAYLOAD_LIMIT_BYTES;
    this.fitToPagesIgnored = opts.fitToPagesIgnored ?? false;
    for (const s of init) this.sheets.push(newSheet(s));
    this.active = this.sheets.find((s) => s.name === opts.active) ?? this.sheets[0] ?? null;
    this.context = new FakeContext(this);
    this.run = async (a: any, b?: any) => {
      const batch = typeof a === 'function' ? a : b;
      return batch(this.context);
    };
    this.Excel = { run: this.run };
  }

  // ----- test controls -----

  /** Fail sync number `sync` (1-based, as counted in stats.syncs) after running `afterActions` of its actions. */
  failSync(sync: number, afterActions = 0): void {
    this.failAt = { sync, afterActions };
  }
  protect(name: string, on = true): void {
    this.sheet(name).protected = on;
  }
  setSelection(sheet: string, address: string): void {
    this.selection = { sheet, address };
    this.active = this.sheet(sheet);
  }
  async fireSelectionChanged(): Promise<void> {
    for (const h of [...this.selectionHandlers]) await h({ type: 'WorkbookSelectionChanged' });
  }
  resetStats(): void {
    Object.assign(this.stats, emptyStats());
  }
  sheet(name: string): SheetRecord {
    const s = this.findSheet(name);
    if (!s) throw new Error(`fake: no sheet ${name}`);
    return s;
  }
  findSheet(name: string): SheetRecord | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  /** WorksheetCollection.getItem(key): "Gets a worksheet object using its name or ID." */
  findSheetByKey(key: string): SheetRecord | undefined {
    return this.findSheet(key) ?? this.sheets.find((s) => s.id === key);
  }

  // ----- change events (WorksheetCollection.onChanged …) and the clerk's own edits -----

  /** Handlers per event name ('onChanged', 'onFormatChanged', 'onAdded', 'onDeleted', 'onNameChanged', …). */
  readonly eventHandlers = new Map<string, Set<(e: any) => unknown>>();
  /** Events raised by the add-in's writes in the running sync, delivered when it ends. */
  private raised: [string, any][] = [];
  raise(event: string, args: any): void {
    this.raised.push([event, args]);
  }
  async deliver(events: [string, any][]): Promise<void> {
    for (const [event, args] of events) for (const h of [...(this.eventHandlers.get(event) ?? [])]) await h(args);
  }
  /**
   * The clerk types `values` at `address` (top-left cell, or an area the size of `values`). `silent`: no event
   * arrives — OfficeDev/office-js#420 ("onChanged event does not trigger on cells filled by the list data validation")
   * and #3729 ("Text to Columns" does not trigger onChanged).
   */
  async clerkEdit(
    sheet: string,
    address: string,
    values: CellValue[][],
    opts: { silent?: boolean } = {},
  ): Promise<void> {
    const s = this.sheet(sheet);
    const at = parseRect(address);
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        (s.grid[at.top - 1 + i] ??= [])[at.left - 1 + j] = v;
        s.formulas.delete(cellAddress(at.top + i, at.left + j));
      }),
    );
    const rect = {
      top: at.top,
      left: at.left,
      bottom: at.top + values.length - 1,
      right: at.left + values[0].length - 1,
    };
    // WorksheetChangedEventArgs: address "the changed area", changeType RangeEdited "triggered by a range being
    // edited", source Local, and triggerSource "Unknown": "The event trigger source is unknown or currently unsupported."
    if (!opts.silent) await this.deliver([['onChanged', changedArgs(s, rect, 'RangeEdited', 'Unknown')]]);
  }
  /** The clerk inserts `count` empty rows above row `at` (RowInserted: "triggered by inserting new rows"). */
  async clerkInsertRows(sheet: string, at: number, count: number): Promise<void> {
    const s = this.sheet(sheet);
    s.grid.splice(at - 1, 0, ...Array.from({ length: count }, () => [] as CellValue[]));
    s.formats.splice(at - 1, 0, ...Array.from({ length: count }, () => [] as (string | null)[]));
    const rect = { top: at, bottom: at + count - 1, left: 1, right: MAX_COLS };
    await this.deliver([['onChanged', changedArgs(s, rect, 'RowInserted', 'Unknown')]]);
  }
  /** The clerk adds a sheet (onAdded: "Occurs when a new worksheet is added to the workbook."). */
  async clerkAddSheet(name: string, values: CellValue[][] = []): Promise<void> {
    const rec = newSheet({ name, values });
    this.sheets.push(rec);
    await this.deliver([['onAdded', { type: 'WorksheetAdded', source: 'Local', worksheetId: rec.id }]]);
  }
  /** The clerk protects a sheet (onProtectionChanged: "Occurs when the worksheet protection state is changed."). */
  async clerkProtect(name: string): Promise<void> {
    const s = this.sheet(name);
    s.protected = true;
    const args = { type: 'WorksheetProtectionChanged', source: 'Local', worksheetId: s.id, isProtected: true };
    await this.deliver([['onProtectionChanged', args]]);
  }
  /** The clerk renames a sheet; `silent` before ExcelApi 1.17 (onNameChanged: "[Api set: ExcelApi 1.17]"). */
  async clerkRename(from: string, to: string, opts: { silent?: boolean } = {}): Promise<void> {
    const s = this.sheet(from);
    s.name = to;
    const args = { type: 'WorksheetNameChanged', source: 'Local', worksheetId: s.id, nameBefore: from, nameAfter: to };
    if (!opts.silent) await this.deliver([['onNameChanged', args]]);
  }
  /** The sheet's grid from A1 to its last used cell, errors as {error}. */
  sheetValues(name: string): CellValue[][] {
    const s = this.sheet(name);
    const used = usedRect(s);
    if (!used) return [];
    const out: CellValue[][] = [];
    for (let r = 1; r <= used.bottom; r++) {
      const row: CellValue[] = [];
      for (let c = 1; c <= used.right; c++) row.push(s.grid[r - 1]?.[c - 1] ?? null);
      out.push(row);
    }
    return out;
  }
  formulaAt(sheet: string, address: string): string | undefined {
    return this.sheet(sheet).formulas.get(address);
  }
  formatAt(sheet: string, address: string): string {
    const { row, col } = parseCell(address);
    return this.sheet(sheet).formats[row - 1]?.[col - 1] ?? 'General';
  }

  // ----- queue -----

  enqueue(run: () => void, requestBytes = 0): void {
    this.queue.push({ run, requestBytes: requestBytes + ACTION_BYTES });
  }
  write(run: () => void, requestBytes: number): void {
    this.enqueue(() => {
      run();
      this.stats.writes++;
    }, requestBytes);
    this.queue[this.queue.length - 1].write = true;
  }
  response = 0;

  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    this.stats.syncs++;
    const stat: SyncStat = {
      requestBytes: actions.reduce((n, a) => n + a.requestBytes, 0),
      responseBytes: 0,
      actions: actions.length,
      writes: actions.filter((a) => a.write).length,
    };
    this.stats.perSync.push(stat);
    this.stats.requestBytes += stat.requestBytes;
    this.stats.maxRequestBytes = Math.max(this.stats.maxRequestBytes, stat.requestBytes);
    // A refused request is refused before it runs: none of its actions happen (reference is silent; a request over
    // the limit cannot be accepted to be run).
    if (stat.requestBytes > this.payloadLimit) {
      this.stats.rejectedSyncs++;
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded');
    }
    this.response = 0;
    const fail = this.failAt && this.failAt.sync === this.stats.syncs ? this.failAt : null;
    // Office.js batches are not transactional: an action that fails stops the batch, and what ran before it stays.
    for (let i = 0; i < actions.length; i++) {
      if (fail && i === fail.afterActions) {
        this.failAt = null;
        throw new FakeOfficeError('GeneralException', 'fake: sync failed part-way');
      }
      actions[i].run();
    }
    // Reference is silent on when events reach the add-in (OfficeDev/office-js#521: "sometimes A1 won't update for 10+
    // seconds"); the fake delivers the add-in's own at the end of the sync that raised them.
    const raised = this.raised;
    this.raised = [];
    await this.deliver(raised);
    stat.responseBytes = this.response;
    this.stats.responseBytes += stat.responseBytes;
    this.stats.maxResponseBytes = Math.max(this.stats.maxResponseBytes, stat.responseBytes);
    // Reference is silent on whether the actions of a batch whose response is refused ran: conservatively they did.
    if (stat.responseBytes > this.payloadLimit) {
      this.stats.rejectedSyncs++;
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded');
    }
  }
}

/**
 * EventHandlers.add: "Adds a function to be called when the event is triggered." — queued like every call, so the
 * handler runs for events after the sync that carried it.
 */
function handlers(fx: FakeExcel, event: string): { add(h: (e: any) => unknown): any } {
  return {
    add: (h) => {
      fx.enqueue(() => {
        const set = fx.eventHandlers.get(event) ?? new Set();
        set.add(h);
        fx.eventHandlers.set(event, set);
      });
      return { context: fx.context, remove: () => fx.enqueue(() => fx.eventHandlers.get(event)?.delete(h)) };
    },
  };
}

function changedArgs(sheet: SheetRecord, rect: Rect, changeType: string, triggerSource: string): any {
  const address = rectAddress(rect);
  return { type: 'WorksheetChanged', changeType, source: 'Local', address, worksheetId: sheet.id, triggerSource };
}

function formatArgs(sheet: SheetRecord, rect: Rect): any {
  return { type: 'WorksheetFormatChanged', source: 'Local', address: rectAddress(rect), worksheetId: sheet.id };
}

function emptyStats(): FakeStats {
  return {
    syncs: 0,
    requestBytes: 0,
    responseBytes: 0,
    proxies: 0,
    writes: 0,
    rangeReads: 0,
    maxCellsPerRead: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    rejectedSyncs: 0,
    perSync: [],
    valueCellsRead: {},
    formatCellsRead: {},
    cfCollectionsRead: [],
    valueWrites: [],
  };
}

let sheetIds = 0;

function newSheet(s: FakeSheetInit): SheetRecord {
  return {
    name: s.name,
    id: `{fake-sheet-${++sheetIds}}`,
    grid: s.values.map((r) => r.slice()),
    formats: s.formats ? s.formats.map((r) => r.slice()) : [],
    formulas: new Map(Object.entries(s.formulas ?? {}).map(([a, f]) => [a.replace(/\$/g, '').toUpperCase(), f])),
    visibility: s.visibility ?? 'Visible',
    protected: s.protected ?? false,
    tables: (s.tables ?? []).map((t) => ({ ...t })),
    cfs: [],
    validations: new Map(),
    merges: (s.merges ?? []).slice(),
    styles: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    pageLayout: {},
    showGridlines: true,
    freezeRows: 0,
    charts: [],
  };
}

function usedRect(s: SheetRecord): Rect | null {
  let top = Infinity,
    left = Infinity,
    bottom = 0,
    right = 0;
  s.grid.forEach((row, i) => {
    if (!row) return;
    for (let j = 0; j < row.length; j++) {
      if (row[j] === null || row[j] === undefined || row[j] === '') {
        if (!s.formulas.has(cellAddress(i + 1, j + 1))) continue;
      }
      top = Math.min(top, i + 1);
      bottom = Math.max(bottom, i + 1);
      left = Math.min(left, j + 1);
      right = Math.max(right, j + 1);
    }
  });
  return bottom === 0 ? null : { top, left, bottom, right };
}

// ---------- proxies ----------

function parsePaths(props?: string | string[]): string[][] {
  const list = props === undefined ? [] : Array.isArray(props) ? props : props.split(',');
  return list
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.split('/'));
}

abstract class FakeProxy {
  _loaded = new Map<string, unknown>();
  _navs = new Map<string, FakeProxy>();
  _null: boolean | undefined;
  constructor(
    readonly _fx: FakeExcel,
    readonly _resolve: () => any,
  ) {
    _fx.stats.proxies++;
  }
  get context(): FakeContext {
    return this._fx.context;
  }
  get isNullObject(): boolean {
    if (this._null === undefined)
      throw new FakeOfficeError('PropertyNotLoaded', 'isNullObject: call context.sync() first');
    return this._null;
  }
  /** Mark as an *OrNullObject proxy: isNullObject is known after the next sync. */
  _nullable(): this {
    this._fx.enqueue(() => {
      this._null = this._resolve() == null;
    });
    return this;
  }
  load(props?: string | string[]): this {
    const paths = parsePaths(props);
    this._fx.enqueue(() => {
      const t = this._resolve();
      this._null = t == null;
      if (t != null) fill(this, t, paths);
    });
    return this;
  }
  _get<T>(name: string): T {
    if (!this._loaded.has(name))
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${name}' is not available. Call load and context.sync() first.`,
      );
    return this._loaded.get(name) as T;
  }
  _scalar(_t: any, name: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `fake: cannot load ${this.constructor.name}.${name}`);
  }
  _child(name: string): FakeProxy {
    throw new FakeOfficeError('InvalidArgument', `fake: no navigation ${this.constructor.name}.${name}`);
  }
  _items(_t: any): { target: any; proxy: FakeProxy }[] {
    throw new FakeOfficeError('InvalidArgument', `fake: ${this.constructor.name} is not a collection`);
  }
  get items(): any[] {
    return this._get('items');
  }
  _nav<T extends FakeProxy>(name: string, make: () => T): T {
    let p = this._navs.get(name) as T | undefined;
    if (!p) {
      p = make();
      this._navs.set(name, p);
    }
    return p;
  }
}

function fill(proxy: FakeProxy, target: any, paths: string[][]): void {
  const groups = new Map<string, string[][]>();
  for (const p of paths) {
    const [head, ...rest] = p;
    const g = groups.get(head) ?? [];
    if (rest.length) g.push(rest);
    groups.set(head, g);
  }
  for (const [head, rest] of groups) {
    if (head === 'items') {
      const items = proxy._items(target);
      proxy._loaded.set(
        'items',
        items.map((i) => i.proxy),
      );
      for (const i of items) {
        i.proxy._null = false;
        fill(i.proxy, i.target, rest);
      }
    } else if (rest.length === 0) {
      const v = proxy._scalar(target, head);
      proxy._fx.response += utf8Bytes(JSON.stringify(v ?? null)) + head.length + 4;
      proxy._loaded.set(head, v);
    } else {
      const child = proxy._child(head);
      const ct = child._resolve();
      child._null = ct == null;
      if (ct != null) fill(child, ct, rest);
    }
  }
}

/** A write-only object (format, page layout, data validation …): every property set is queued as one write. */
function recorder(
  fx: FakeExcel,
  path: string,
  onSet: (prop: string, value: unknown) => void,
  methods: Record<string, (...a: any[]) => unknown> = {},
): any {
  fx.stats.proxies++;
  const kids = new Map<string, unknown>();
  return new Proxy(
    {},
    {
      get(_o, name: string) {
        if (name in methods) return methods[name];
        if (name === 'getItem') return (k: string) => recorder(fx, `${path}${k}.`, onSet);
        if (!kids.has(name)) kids.set(name, recorder(fx, `${path}${name}.`, onSet));
        return kids.get(name);
      },
      set(_o, name: string, value: unknown) {
        fx.write(() => onSet(`${path}${name}`, value), utf8Bytes(JSON.stringify(value ?? null)) + 40);
        return true;
      },
    },
  );
}

export class FakeContext {
  readonly workbook: FakeWorkbook;
  constructor(readonly fx: FakeExcel) {
    this.workbook = new FakeWorkbook(fx);
  }
  sync(): Promise<void> {
    return this.fx.sync();
  }
}

class FakeWorkbook extends FakeProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeWorkbookTables;
  readonly names: FakeNames;
  readonly functions: any;
  readonly onSelectionChanged: any;
  constructor(fx: FakeExcel) {
    super(fx, () => fx);
    this.worksheets = new FakeWorksheetCollection(fx);
    this.tables = new FakeWorkbookTables(fx);
    this.names = new FakeNames(fx);
    this.functions = {
      date: (y: number, m: number, d: number) =>
        new FakeFunctionResult(fx, () => {
          const serial = Math.round(Date.UTC(y, m - 1, d) / 86400000) + 25569;
          return fx.dateSystem === 1904 ? serial - 1462 : serial;
        }),
    };
    this.onSelectionChanged = {
      add: (handler: (e: unknown) => unknown) => {
        fx.enqueue(() => fx.selectionHandlers.add(handler));
        return {
          context: fx.context,
          remove: () => fx.enqueue(() => fx.selectionHandlers.delete(handler)),
        };
      },
    };
  }
  getSelectedRanges(): FakeRangeAreas {
    return new FakeRangeAreas(this._fx, () => {
      const sel = this._fx.selection;
      if (!sel) throw new FakeOfficeError('InvalidSelection');
      return { sheet: this._fx.sheet(sel.sheet), areas: splitList(sel.address).map(parseRect) };
    });
  }
}

/** OfficeExtension.ClientResult: its `value` is there after the sync, without a load. */
function clientResult<T>(fx: FakeExcel, compute: () => T): { value: T } {
  let done = false;
  let v: T;
  fx.enqueue(() => {
    v = compute();
    fx.response += utf8Bytes(JSON.stringify(v ?? null)) + 4;
    done = true;
  });
  return {
    get value(): T {
      if (!done) throw new FakeOfficeError('PropertyNotLoaded', 'ClientResult.value: call context.sync() first');
      return v;
    },
  };
}

class FakeFunctionResult extends FakeProxy {
  constructor(fx: FakeExcel, compute: () => number) {
    super(fx, () => ({ value: compute() }));
  }
  override _scalar(t: any, name: string): unknown {
    if (name === 'value') return t.value;
    return super._scalar(t, name);
  }
  get value(): number {
    return this._get('value');
  }
}

class FakeNames extends FakeProxy {
  constructor(fx: FakeExcel) {
    super(fx, () => []);
  }
  override _items(): { target: any; proxy: FakeProxy }[] {
    return [];
  }
}

class FakeWorkbookTables extends FakeProxy {
  constructor(fx: FakeExcel) {
    super(fx, () => fx.sheets.flatMap((s) => s.tables));
  }
  override _items(t: any[]): { target: any; proxy: FakeProxy }[] {
    return t.map((rec) => ({ target: rec, proxy: new FakeTable(this._fx, () => rec, null) }));
  }
  /** TableCollection.getItem: "Gets a table by name or ID." (names compare without case, as Excel's do) */
  getItem(key: string): FakeTable {
    return new FakeTable(
      this._fx,
      () => {
        const rec = this._fx.sheets.flatMap((s) => s.tables).find((x) => x.name.toLowerCase() === key.toLowerCase());
        if (!rec) throw new FakeOfficeError('ItemNotFound', `fake: no table ${key}`);
        return rec;
      },
      null,
    );
  }
}

class FakeWorksheetCollection extends FakeProxy {
  readonly onChanged = handlers(this._fx, 'onChanged');
  readonly onFormatChanged = handlers(this._fx, 'onFormatChanged');
  readonly onAdded = handlers(this._fx, 'onAdded');
  readonly onDeleted = handlers(this._fx, 'onDeleted');
  readonly onNameChanged = handlers(this._fx, 'onNameChanged');
  readonly onProtectionChanged = handlers(this._fx, 'onProtectionChanged');
  readonly onRowSorted = handlers(this._fx, 'onRowSorted');
  readonly onColumnSorted = handlers(this._fx, 'onColumnSorted');
  constructor(fx: FakeExcel) {
    super(fx, () => fx.sheets);
  }
  override _items(t: SheetRecord[]): { target: any; proxy: FakeProxy }[] {
    return t.map((rec) => ({ target: rec, proxy: new FakeWorksheet(this._fx, () => rec) }));
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this._fx, () => {
      const s = this._fx.findSheetByKey(name);
      if (!s) throw new FakeOfficeError('ItemNotFound', `fake: no sheet ${name}`);
      return s;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this._fx, () => this._fx.findSheet(name) ?? null)._nullable();
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this._fx, () => this._fx.active);
  }
  add(name: string): FakeWorksheet {
    let rec: SheetRecord | null = null;
    this._fx.write(() => {
      // "If specified, the name should be unique." (WorksheetCollection.add); Excel compares names ignoring case.
      if (this._fx.findSheet(name)) throw new FakeOfficeError('ItemAlreadyExists', `fake: sheet ${name} exists`);
      if (!validSheetName(name)) throw new FakeOfficeError('InvalidArgument', `fake: bad sheet name ${name}`);
      rec = newSheet({ name, values: [] });
      this._fx.sheets.push(rec);
      // onAdded fires for a sheet the add-in adds too (WorksheetAddedEventArgs carries no triggerSource).
      this._fx.raise('onAdded', { type: 'WorksheetAdded', source: 'Local', worksheetId: rec.id });
    }, name.length + 40);
    return new FakeWorksheet(this._fx, () => rec);
  }
}

/**
 * Reference is silent in Office.js; Excel's own rules (Microsoft Support, "Rename a worksheet"): a name can't be
 * blank, contain more than 31 characters, contain / \\ ? * : [ ], begin or end with an apostrophe, or be "History".
 */
export function validSheetName(name: string): boolean {
  if (name.trim() === '' || name.length > 31) return false;
  if (/[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) return false;
  return name.toLowerCase() !== 'history';
}

function guardWrite(s: SheetRecord): void {
  if (s.protected) throw new FakeOfficeError('AccessDenied', `fake: sheet ${s.name} is protected`);
}

class FakeWorksheet extends FakeProxy {
  override _scalar(t: SheetRecord, name: string): unknown {
    switch (name) {
      case 'name':
        return t.name;
      case 'id':
        return t.id;
      case 'visibility':
        return t.visibility;
      case 'showGridlines':
        return t.showGridlines;
      default:
        return super._scalar(t, name);
    }
  }
  override _child(name: string): FakeProxy {
    if (name === 'protection') return this.protection;
    if (name === 'tables') return this.tables;
    return super._child(name);
  }
  get name(): string {
    return this._get('name');
  }
  get id(): string {
    return this._get('id');
  }
  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(v: string) {
    this._fx.write(() => {
      this._resolve().visibility = v;
    }, 40);
  }
  set showGridlines(v: boolean) {
    this._fx.write(() => {
      this._resolve().showGridlines = v;
    }, 40);
  }
  get protection(): FakeProtection {
    return this._nav('protection', () => new FakeProtection(this._fx, () => this._resolve()));
  }
  get tables(): FakeSheetTables {
    return this._nav('tables', () => new FakeSheetTables(this._fx, () => this._resolve()));
  }
  get pageLayout(): FakePageLayout {
    return this._nav('pageLayout', () => new FakePageLayout(this._fx, () => this._resolve()));
  }
  /** Worksheet.horizontalPageBreaks (ExcelApi 1.9): add "adds a page break before the top-left cell of the range specified." */
  get horizontalPageBreaks(): { add(range: string): void } {
    return {
      add: (range: string) =>
        this._fx.write(() => {
          const s = this._resolve();
          s.pageLayout.rowBreaks = [
            ...((s.pageLayout.rowBreaks as number[] | undefined) ?? []),
            parseInt(range.replace(/^[A-Z]+/, ''), 10),
          ];
        }, 60),
    };
  }
  get freezePanes(): any {
    return {
      freezeRows: (n: number) =>
        this._fx.write(() => {
          this._resolve().freezeRows = n;
        }, 40),
    };
  }
  get charts(): any {
    return {
      /** ChartCollection.getCount: "Returns the number of charts in the worksheet." */
      getCount: () => clientResult(this._fx, () => this._resolve().charts.length),
      add: (type: string, source: FakeRange, _seriesBy: string) => {
        let chart: SheetRecord['charts'][number] | null = null;
        this._fx.write(() => {
          const r = source._resolve();
          chart = { type, source: rectAddress(r.rect) };
          this._resolve().charts.push(chart);
        }, 80);
        return recorder(
          this._fx,
          '',
          (p, v) => {
            if (p === 'title.text') chart!.title = String(v);
          },
          {
            setPosition: (from: string, to: string) =>
              this._fx.write(() => {
                chart!.from = from;
                chart!.to = to;
              }, 60),
          },
        );
      },
    };
  }
  activate(): void {
    this._fx.write(() => {
      this._fx.active = this._resolve();
    }, 20);
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this._fx, () => {
      const sheet: SheetRecord = this._resolve();
      if (!sheet) throw new FakeOfficeError('ItemNotFound');
      return { sheet, rect: address ? parseRect(address) : { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS } };
    });
  }
  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this._fx, () => ({ sheet: this._resolve(), areas: splitList(address).map(parseRect) }));
  }
  getUsedRange(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this._fx, () => {
      const sheet: SheetRecord = this._resolve();
      return { sheet, rect: usedRect(sheet) ?? { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this._fx, () => {
      const sheet: SheetRecord = this._resolve();
      const rect = usedRect(sheet);
      return rect ? { sheet, rect } : null;
    })._nullable();
  }
}

/**
 * Range.dataValidation, kept per range address. DataValidation.rule: "Data validation rule that contains different
 * type of data validation criteria." — loaded back as it was set (reference is silent on a range that spans several
 * rules; the fake answers for the exact range set).
 */
class FakeDataValidation extends FakeProxy {
  declare _resolve: () => RangeTarget;
  override _scalar(t: RangeTarget, name: string): unknown {
    const v = t.sheet.validations.get(rectAddress(t.rect)) ?? {};
    if (name === 'rule' || name === 'prompt' || name === 'errorAlert') return v[name] ?? null;
    return super._scalar(t, name);
  }
  get rule(): any {
    return this._get('rule');
  }
  private setKey(key: string, v: unknown): void {
    this._fx.write(
      () => {
        const { sheet, rect } = this._resolve();
        guardWrite(sheet);
        const k = rectAddress(rect);
        sheet.validations.set(k, { ...(sheet.validations.get(k) ?? {}), [key]: v });
      },
      utf8Bytes(JSON.stringify(v ?? null)) + 40,
    );
  }
  set rule(v: unknown) {
    this.setKey('rule', v);
  }
  set prompt(v: unknown) {
    this.setKey('prompt', v);
  }
  set errorAlert(v: unknown) {
    this.setKey('errorAlert', v);
  }
  clear(): void {
    this._fx.write(() => {
      const { sheet, rect } = this._resolve();
      sheet.validations.delete(rectAddress(rect));
    }, 30);
  }
}

/** Worksheet.pageLayout: every property set is recorded; `zoom` can be loaded back. */
class FakePageLayout extends FakeProxy {
  declare _resolve: () => SheetRecord;
  override _scalar(t: SheetRecord, name: string): unknown {
    // PageLayout.zoom: "The worksheet's print zoom options."; a sheet never set prints at 100%.
    if (name === 'zoom') return t.pageLayout.zoom ?? { scale: 100 };
    return super._scalar(t, name);
  }
  get zoom(): any {
    return this._get('zoom');
  }
  set zoom(v: any) {
    this._fx.write(
      () => {
        const fits = v && (v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined);
        // OfficeDev/office-js#1860: fit-to-pages "does not set if Page Layout tab is not selected".
        if (fits && this._fx.fitToPagesIgnored) return;
        this._resolve().pageLayout.zoom = v;
      },
      utf8Bytes(JSON.stringify(v)) + 40,
    );
  }
  setPrintArea(a: string): void {
    this._fx.write(() => {
      this._resolve().pageLayout.printArea = a;
    }, 60);
  }
  setPrintTitleRows(a: string): void {
    this._fx.write(() => {
      this._resolve().pageLayout.printTitleRows = a;
    }, 60);
  }
  /** PageLayout.headersFooters (ExcelApi 1.9): "Header and footer configuration for the worksheet." */
  get headersFooters(): { defaultForAllPages: { centerFooter: string } } {
    const write = (v: string) =>
      this._fx.write(
        () => {
          this._resolve().pageLayout.centerFooter = v;
        },
        utf8Bytes(v) + 60,
      );
    const footer = {} as { centerFooter: string };
    // HeaderFooter.centerFooter: "The center footer of the worksheet." Written only here; never read back.
    Object.defineProperty(footer, 'centerFooter', { set: write, enumerable: true });
    return { defaultForAllPages: footer };
  }
}
for (const prop of ['orientation', 'paperSize', 'topMargin', 'bottomMargin', 'leftMargin', 'rightMargin']) {
  Object.defineProperty(FakePageLayout.prototype, prop, {
    set(this: FakePageLayout, v: unknown) {
      this._fx.write(
        () => {
          this._resolve().pageLayout[prop] = v;
        },
        utf8Bytes(JSON.stringify(v)) + 40,
      );
    },
  });
}

class FakeHolder extends FakeProxy {
  constructor(fx: FakeExcel) {
    super(fx, () => null);
  }
}

class FakeProtection extends FakeProxy {
  override _scalar(t: SheetRecord, name: string): unknown {
    if (name === 'protected') return t.protected;
    return super._scalar(t, name);
  }
  get protected(): boolean {
    return this._get('protected');
  }
}

class FakeSheetTables extends FakeProxy {
  override _items(t: SheetRecord): { target: any; proxy: FakeProxy }[] {
    return t.tables.map((rec) => ({ target: rec, proxy: new FakeTable(this._fx, () => rec, t) }));
  }
  add(range: FakeRange | string, hasHeaders: boolean): FakeTable {
    let rec: { name: string; range: string } | null = null;
    const owner = () => this._resolve() as SheetRecord;
    this._fx.write(() => {
      const sheet = owner();
      guardWrite(sheet);
      const rect = typeof range === 'string' ? parseRect(range) : range._resolve().rect;
      // "If the table cannot be added (e.g., because the address is invalid, or the table would overlap with another
      // table), an error will be thrown." (TableCollection.add)
      if (sheet.tables.some((t) => overlaps(parseRect(t.range), rect)))
        throw new FakeOfficeError('InvalidOperation', 'fake: tables cannot overlap');
      // Reference is silent; Excel refuses a table over merged cells (its UI says so), so the fake throws too.
      if (sheet.merges.some((m) => overlaps(parseRect(m), rect)))
        throw new FakeOfficeError('InvalidOperation', 'fake: a table cannot contain merged cells');
      if (hasHeaders) renameTableHeaders(sheet, rect);
      this._fx.workbookTables++;
      rec = { name: `Table${this._fx.workbookTables}`, range: rectAddress(rect) };
      sheet.tables.push(rec);
    }, 60);
    return new FakeTable(this._fx, () => rec, null, owner);
  }
}

/**
 * What Excel does to a header row when it makes a table. Reference is silent in Office.js; Excel's documented table
 * behaviour (Microsoft Support, "Overview of Excel tables" / "Turn Excel table headers on or off"): headers are text,
 * a blank header gets a default name (Column1, Column2 …) and a header that repeats another gets a number appended.
 */
export function renameTableHeaders(sheet: SheetRecord, rect: Rect): void {
  const r = rect.top - 1;
  const row = (sheet.grid[r] ??= []);
  const seen = new Set<string>();
  for (let c = rect.left; c <= rect.right; c++) {
    const v = row[c - 1] ?? null;
    let text = v === null ? '' : typeof v === 'object' ? v.error : String(v);
    if (text.trim() === '') text = `Column${c - rect.left + 1}`;
    let name = text;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${text}${n}`;
    seen.add(name.toLowerCase());
    if (name !== v) {
      row[c - 1] = name;
      sheet.formulas.delete(cellAddress(rect.top, c));
    }
  }
}

class FakeTable extends FakeProxy {
  constructor(
    fx: FakeExcel,
    resolve: () => any,
    private sheet: SheetRecord | null,
    private owner?: () => SheetRecord,
  ) {
    super(fx, resolve);
  }
  override _scalar(t: { name: string }, name: string): unknown {
    if (name === 'name') return t.name;
    return super._scalar(t, name);
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._fx.write(() => {
      // Reference is silent in Office.js; Excel's table-name rules (Microsoft Support, "Rename an Excel table"): a
      // letter, underscore or backslash first, then letters, digits, periods and underscores; no spaces; at most 255
      // characters; not a cell reference; unique in the workbook.
      if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(v) || v.length > 255 || /^[A-Za-z]{1,3}\d+$/.test(v))
        throw new FakeOfficeError('InvalidArgument', `fake: bad table name ${v}`);
      const all = this._fx.sheets.flatMap((s) => s.tables);
      if (all.some((t) => t !== this._resolve() && t.name.toLowerCase() === v.toLowerCase()))
        throw new FakeOfficeError('InvalidArgument', 'fake: table name taken');
      this._resolve().name = v;
    }, v.length + 30);
  }
  getRange(): FakeRange {
    return new FakeRange(this._fx, () => {
      const t = this._resolve();
      const sheet = this.sheet ?? this.owner?.() ?? this._fx.sheets.find((s) => s.tables.includes(t))!;
      return { sheet, rect: parseRect(t.range) };
    });
  }
  // Table.resize (ExcelApi 1.13): "The new range must overlap with the original table range and the headers (or the
  // top of the table) must be in the same row." Tables never overlap (TableCollection.add says the same).
  resize(range: FakeRange | string): void {
    this._fx.write(() => {
      const t = this._resolve();
      const sheet = this.sheet ?? this.owner?.() ?? this._fx.sheets.find((s) => s.tables.includes(t))!;
      const rect = typeof range === 'string' ? parseRect(range) : range._resolve().rect;
      const old = parseRect(t.range);
      if (!overlaps(old, rect) || rect.top !== old.top)
        throw new FakeOfficeError('InvalidArgument', 'fake: resize must overlap and keep the header row');
      if (sheet.tables.some((x) => x !== t && overlaps(parseRect(x.range), rect)))
        throw new FakeOfficeError('InvalidOperation', 'fake: tables cannot overlap');
      t.range = rectAddress(rect);
    }, 60);
  }
}

type RangeTarget = { sheet: SheetRecord; rect: Rect };

class FakeRange extends FakeProxy {
  declare _resolve: () => RangeTarget;
  override _scalar(t: RangeTarget, name: string): unknown {
    const { sheet, rect } = t;
    const rows = rect.bottom - rect.top + 1;
    const cols = rect.right - rect.left + 1;
    switch (name) {
      case 'address':
        return `${sheetPrefix(sheet.name)}!${rectAddress(rect)}`;
      case 'rowIndex':
        return rect.top - 1;
      case 'columnIndex':
        return rect.left - 1;
      case 'rowCount':
        return rows;
      case 'columnCount':
        return cols;
      case 'values':
      case 'numberFormat':
      case 'valueTypes':
      case 'formulas': {
        const st = this._fx.stats;
        if (name === 'values') {
          st.rangeReads++;
          st.maxCellsPerRead = Math.max(st.maxCellsPerRead, rows * cols);
          st.valueCellsRead[sheet.name] = (st.valueCellsRead[sheet.name] ?? 0) + rows * cols;
        }
        if (name === 'numberFormat')
          st.formatCellsRead[sheet.name] = (st.formatCellsRead[sheet.name] ?? 0) + rows * cols;
        if (rows * cols > 5_000_000) throw new FakeOfficeError('RangeExceedsLimit');
        return gridOf(sheet, rect, name);
      }
      default:
        return super._scalar(t, name);
    }
  }
  override _child(name: string): FakeProxy {
    if (name === 'conditionalFormats') return this.conditionalFormats;
    return super._child(name);
  }
  get address(): string {
    return this._get('address');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get values(): any[][] {
    return this._get('values');
  }
  get numberFormat(): any[][] {
    return this._get('numberFormat');
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }
  get formulas(): any[][] {
    return this._get('formulas');
  }
  set values(v: any[][]) {
    this._setGrid('values', v);
  }
  set formulas(v: any[][]) {
    this._setGrid('formulas', v);
  }
  set numberFormat(v: any[][]) {
    this._setGrid('numberFormat', v);
  }
  private _setGrid(kind: 'values' | 'formulas' | 'numberFormat', v: any[][]): void {
    this._fx.write(
      () => {
        const { sheet, rect } = this._resolve();
        guardWrite(sheet);
        // The add-in's own write: onChanged with triggerSource ThisLocalAddin ("The event is triggered by the Office
        // JS API of the current add-in."); a number format raises onFormatChanged, whose args have no triggerSource.
        if (kind === 'numberFormat') this._fx.raise('onFormatChanged', formatArgs(sheet, rect));
        else this._fx.raise('onChanged', changedArgs(sheet, rect, 'RangeEdited', 'ThisLocalAddin'));
        if (kind === 'values')
          this._fx.stats.valueWrites.push({
            sync: this._fx.stats.syncs,
            sheet: sheet.name,
            address: rectAddress(rect),
          });
        const rows = rect.bottom - rect.top + 1;
        const cols = rect.right - rect.left + 1;
        const single = v.length === 1 && v[0].length === 1;
        if (!single && (v.length !== rows || v.some((r) => r.length !== cols))) {
          throw new FakeOfficeError(
            'InvalidArgument',
            `fake: ${kind} is ${v.length}x${v[0]?.length} for ${rectAddress(rect)}`,
          );
        }
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) {
            const x = single ? v[0][0] : v[i][j];
            const r = rect.top + i - 1;
            const c = rect.left + j - 1;
            if (kind === 'numberFormat') {
              (sheet.formats[r] ??= [])[c] = x;
              continue;
            }
            const addr = cellAddress(r + 1, c + 1);
            const parsed = parseTyped(x, sheet.formats[r]?.[c] ?? null);
            (sheet.grid[r] ??= [])[c] = parsed.value;
            if (parsed.formula !== undefined) sheet.formulas.set(addr, parsed.formula);
            else sheet.formulas.delete(addr);
          }
        }
      },
      utf8Bytes(JSON.stringify(v)) + 40,
    );
  }
  /**
   * Range.copyFrom (ExcelApi 1.9) for one cell from one cell of the same sheet: "Formats" copies the number format and
   * the format properties set on the source; "Formulas" copies its formula with relative rows moved (the reference's
   * sample "Copy a range preserving the formulas … non-formula values are copied over as is"; it does not spell out
   * relative references — they move as in Excel's paste, which this follows).
   */
  copyFrom(source: string | FakeRange, copyType: string): void {
    this._fx.write(() => {
      const { sheet, rect } = this._resolve();
      guardWrite(sheet);
      this._fx.raise(
        copyType === 'Formats' ? 'onFormatChanged' : 'onChanged',
        copyType === 'Formats' ? formatArgs(sheet, rect) : changedArgs(sheet, rect, 'RangeEdited', 'ThisLocalAddin'),
      );
      let src: ReturnType<typeof parseRect>;
      if (typeof source === 'string') src = parseRect(source);
      else {
        const from = source._resolve();
        // Only a source on the same sheet is modelled; the adapter never copies across sheets.
        if (from.sheet !== sheet) throw new Error('fake: copyFrom across sheets is not modelled');
        src = from.rect;
      }
      const r = rect.top - 1;
      const c = rect.left - 1;
      const addr = cellAddress(rect.top, rect.left);
      const from = cellAddress(src.top, src.left);
      if (copyType === 'Formats') {
        (sheet.formats[r] ??= [])[c] = sheet.formats[src.top - 1]?.[src.left - 1] ?? null;
        for (const st of sheet.styles.filter((x) => x.address === from))
          sheet.styles.push({ address: addr, prop: st.prop, value: st.value });
        return;
      }
      const f = sheet.formulas.get(from);
      if (f === undefined) {
        (sheet.grid[r] ??= [])[c] = sheet.grid[src.top - 1]?.[src.left - 1] ?? null;
        sheet.formulas.delete(addr);
        return;
      }
      const moved = '=' + shiftFormulaRows(f.replace(/^=/, ''), rect.top - src.top);
      const parsed = parseTyped(moved, sheet.formats[r]?.[c] ?? null);
      (sheet.grid[r] ??= [])[c] = parsed.value;
      sheet.formulas.set(addr, parsed.formula ?? moved);
    }, 120);
  }
  get format(): any {
    return this._nav('format', () =>
      Object.assign(new FakeHolder(this._fx), {
        rec: recorder(this._fx, '', (p, v) => {
          const t = this._resolve();
          styleRange(t, p, v);
          this._fx.raise('onFormatChanged', formatArgs(t.sheet, t.rect));
        }),
      }),
    ).rec;
  }
  get dataValidation(): FakeDataValidation {
    return this._nav('dv', () => new FakeDataValidation(this._fx, () => this._resolve()));
  }
  get conditionalFormats(): FakeCfCollection {
    return this._nav(
      'conditionalFormats',
      () =>
        new FakeCfCollection(this._fx, () => {
          const t = this._resolve();
          const whole =
            t.rect.top === 1 && t.rect.left === 1 && t.rect.bottom === MAX_ROWS && t.rect.right === MAX_COLS;
          return { sheet: t.sheet, areas: [t.rect], whole };
        }),
    );
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this._fx, () => {
      const { sheet, rect } = this._resolve();
      const hit = sheet.merges.map(parseRect).filter((m) => overlaps(m, rect));
      return hit.length ? { sheet, areas: hit } : null;
    })._nullable();
  }
  /**
   * 'Formulas' and 'Constants', optionally narrowed by value type ('Errors', 'Numbers', 'Text', 'Logical'): the cells
   * inside the range, as runs down each column (null: none). Range.getSpecialCellsOrNullObject: "Gets the RangeAreas
   * object, comprising one or more ranges, that represents all the cells that match the specified type and value."
   */
  getSpecialCellsOrNullObject(cellType: string, valueType?: string): FakeRangeAreas {
    if (cellType !== 'Formulas' && cellType !== 'Constants')
      throw new FakeOfficeError('NotImplemented', `fake: getSpecialCells(${cellType})`);
    const kinds = valueKinds(valueType);
    return new FakeRangeAreas(this._fx, () => {
      const { sheet, rect } = this._resolve();
      const cells: Rect[] = [];
      if (cellType === 'Formulas') {
        for (const a of sheet.formulas.keys()) {
          const c = parseRect(a);
          const v = sheet.grid[c.top - 1]?.[c.left - 1] ?? null;
          if (overlaps(c, rect) && kinds.has(kindOf(v))) cells.push(c);
        }
      } else {
        for (let r = rect.top; r <= Math.min(rect.bottom, sheet.grid.length); r++) {
          const row = sheet.grid[r - 1];
          if (!row) continue;
          for (let c = rect.left; c <= Math.min(rect.right, row.length); c++) {
            const v = row[c - 1];
            if (v === null || v === undefined || v === '') continue;
            if (sheet.formulas.has(cellAddress(r, c)) || !kinds.has(kindOf(v))) continue;
            cells.push({ top: r, bottom: r, left: c, right: c });
          }
        }
      }
      cells.sort((a, b) => a.left - b.left || a.top - b.top);
      const areas: Rect[] = [];
      for (const c of cells) {
        const last = areas[areas.length - 1];
        if (last && last.left === c.left && last.bottom === c.top - 1) last.bottom = c.top;
        else areas.push({ ...c });
      }
      return areas.length ? { sheet, areas } : null;
    })._nullable();
  }
  getTables(_fullyContained?: boolean): FakeScopedTables {
    return new FakeScopedTables(this._fx, () => {
      const { sheet, rect } = this._resolve();
      return { sheet, tables: sheet.tables.filter((t) => overlaps(parseRect(t.range), rect)) };
    });
  }
  merge(_across?: boolean): void {
    this._fx.write(() => {
      const { sheet, rect } = this._resolve();
      guardWrite(sheet);
      sheet.merges.push(rectAddress(rect));
    }, 40);
  }
  select(): void {
    this._fx.write(() => {
      const { sheet, rect } = this._resolve();
      this._fx.selection = { sheet: sheet.name, address: rectAddress(rect) };
      this._fx.active = sheet;
    }, 30);
  }
  clear(_applyTo?: string): void {
    this._fx.write(() => {
      const { sheet, rect } = this._resolve();
      guardWrite(sheet);
      this._fx.raise('onChanged', changedArgs(sheet, rect, 'RangeEdited', 'ThisLocalAddin'));
      for (let r = rect.top; r <= Math.min(rect.bottom, sheet.grid.length); r++) {
        const row = sheet.grid[r - 1];
        if (!row) continue;
        for (let c = rect.left; c <= Math.min(rect.right, row.length); c++) {
          row[c - 1] = null;
          sheet.formulas.delete(cellAddress(r, c));
        }
      }
    }, 40);
  }
  private derive(f: (t: RangeTarget) => Rect): FakeRange {
    return new FakeRange(this._fx, () => {
      const t = this._resolve();
      return { sheet: t.sheet, rect: f(t) };
    });
  }
  getCell(row: number, col: number): FakeRange {
    return this.derive(({ rect }) => ({
      top: rect.top + row,
      bottom: rect.top + row,
      left: rect.left + col,
      right: rect.left + col,
    }));
  }
  getColumn(col: number): FakeRange {
    return this.derive(({ rect }) => ({
      top: rect.top,
      bottom: rect.bottom,
      left: rect.left + col,
      right: rect.left + col,
    }));
  }
  getLastRow(): FakeRange {
    return this.derive(({ rect }) => ({ ...rect, top: rect.bottom }));
  }
  getEntireRow(): FakeRange {
    return this.derive(({ rect }) => ({ ...rect, left: 1, right: MAX_COLS }));
  }
  getOffsetRange(dr: number, dc: number): FakeRange {
    return this.derive(({ rect }) => ({
      top: rect.top + dr,
      bottom: rect.bottom + dr,
      left: rect.left + dc,
      right: rect.right + dc,
    }));
  }
  getResizedRange(dr: number, dc: number): FakeRange {
    return this.derive(({ rect }) => ({ ...rect, bottom: rect.bottom + dr, right: rect.right + dc }));
  }
}

type ValueKind = 'error' | 'number' | 'text' | 'logical';

function kindOf(v: CellValue): ValueKind {
  if (typeof v === 'number' || v === null) return 'number';
  if (typeof v === 'boolean') return 'logical';
  if (typeof v === 'string') return 'text';
  return 'error';
}

/** Excel.SpecialCellValueType → the value kinds it selects ("Errors": "Cells that have errors." …; default "All"). */
function valueKinds(t: string | undefined): Set<ValueKind> {
  const all: ValueKind[] = ['error', 'number', 'text', 'logical'];
  if (!t || t === 'All') return new Set(all);
  const out = new Set<ValueKind>();
  if (t.includes('Errors')) out.add('error');
  if (t.includes('Logical')) out.add('logical');
  if (t.includes('Number')) out.add('number');
  if (t.includes('Text')) out.add('text');
  return out;
}

function gridOf(sheet: SheetRecord, rect: Rect, kind: string): unknown[][] {
  const out: unknown[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row = sheet.grid[r - 1];
    const frow = sheet.formats[r - 1];
    const line: unknown[] = new Array(rect.right - rect.left + 1);
    for (let c = rect.left; c <= rect.right; c++) {
      const v = row?.[c - 1] ?? null;
      const i = c - rect.left;
      if (kind === 'numberFormat') line[i] = frow?.[c - 1] ?? 'General';
      else {
        const formula = sheet.formulas.size ? sheet.formulas.get(cellAddress(r, c)) : undefined;
        if (kind === 'valueTypes') line[i] = typeOf(v, formula);
        else if (kind === 'formulas' && formula !== undefined) line[i] = formula;
        else line[i] = v === null ? (formula !== undefined ? 0 : '') : typeof v === 'object' ? v.error : v;
      }
    }
    out.push(line);
  }
  return out;
}

function styleRange(t: RangeTarget, prop: string, value: unknown): void {
  const { sheet, rect } = t;
  guardWrite(sheet);
  if (prop === 'columnWidth') {
    for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, value as number);
    return;
  }
  if (prop === 'rowHeight') {
    for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights.set(r, value as number);
    return;
  }
  const address =
    rect.left === 1 && rect.right === MAX_COLS
      ? `${rect.top}:${rect.bottom}`
      : rect.top === 1 && rect.bottom === MAX_ROWS
        ? `${columnLetter(rect.left)}:${columnLetter(rect.right)}`
        : rectAddress(rect);
  sheet.styles.push({ address, prop, value });
}

type AreasTarget = { sheet: SheetRecord; areas: Rect[] };

class FakeRangeAreas extends FakeProxy {
  declare _resolve: () => AreasTarget | null;
  override _scalar(t: AreasTarget, name: string): unknown {
    if (name === 'address') return t.areas.map((a) => `${sheetPrefix(t.sheet.name)}!${rectAddress(a)}`).join(',');
    if (name === 'areaCount') return t.areas.length;
    return super._scalar(t, name);
  }
  override _child(name: string): FakeProxy {
    if (name === 'areas') return this.areas;
    return super._child(name);
  }
  get address(): string {
    return this._get('address');
  }
  get areas(): FakeRangeCollection {
    return this._nav('areas', () => new FakeRangeCollection(this._fx, () => this._resolve()));
  }
  get format(): any {
    return this._nav('format', () =>
      Object.assign(new FakeHolder(this._fx), {
        rec: recorder(this._fx, '', (p, v) => {
          const t = this._resolve()!;
          for (const rect of t.areas) styleRange({ sheet: t.sheet, rect }, p, v);
        }),
      }),
    ).rec;
  }
  get conditionalFormats(): FakeCfCollection {
    return this._nav('conditionalFormats', () => new FakeCfCollection(this._fx, () => this._resolve()));
  }
}

class FakeRangeCollection extends FakeProxy {
  override _items(t: AreasTarget): { target: any; proxy: FakeProxy }[] {
    return t.areas.map((rect) => {
      const target = { sheet: t.sheet, rect };
      return { target, proxy: new FakeRange(this._fx, () => target) };
    });
  }
}

class FakeScopedTables extends FakeProxy {
  override _items(t: {
    sheet: SheetRecord;
    tables: { name: string; range: string }[];
  }): { target: any; proxy: FakeProxy }[] {
    return t.tables.map((rec) => ({ target: rec, proxy: new FakeTable(this._fx, () => rec, t.sheet) }));
  }
}

type CfTarget = AreasTarget & { whole?: boolean };

/**
 * Range(Areas).conditionalFormats: "Represents a collection of all the conditional formats that are overlap the
 * range.", in priority order. Items are addressed by position: ConditionalFormat.id is documented as "The priority
 * of the conditional format in the current `ConditionalFormatCollection`", so a loaded item, getItemAt(i) and
 * getItem(id) all mean "the rule at that position when the batch runs" — after a delete, the same proxy addresses
 * the next rule (OfficeDev/office-js#5222 shows deletes by position).
 */
class FakeCfCollection extends FakeProxy {
  declare _resolve: () => CfTarget;
  list(t: CfTarget): CfRecord[] {
    return t.sheet.cfs.filter((cf) => cf.ranges.some((r) => t.areas.some((a) => overlaps(parseRect(r), a))));
  }
  at(index: number): FakeConditionalFormat {
    return new FakeConditionalFormat(this._fx, this, index);
  }
  override _items(t: CfTarget): { target: any; proxy: FakeProxy }[] {
    this._fx.stats.cfCollectionsRead.push(t.whole ? 'sheet' : t.areas.map(rectAddress).join(','));
    return this.list(t).map((rec, i) => ({ target: rec, proxy: this.at(i) }));
  }
  /** "Returns a conditional format at the given index." */
  getItemAt(index: number): FakeConditionalFormat {
    return this.at(index);
  }
  /** "Returns a conditional format for the given ID." — the ID being its priority. */
  getItem(id: string): FakeConditionalFormat {
    return this.at(Number(id));
  }
  /** "Returns the number of conditional formats in the workbook." (the collection's count, as read here) */
  getCount(): { value: number } {
    return clientResult(this._fx, () => this.list(this._resolve()).length);
  }
  /** "Adds a new conditional format to the collection at the first/top priority." */
  add(type: string): FakeConditionalFormat {
    this._fx.write(() => {
      const t = this._resolve();
      guardWrite(t.sheet);
      const rec: CfRecord = { type: type as CfRecord['type'], ranges: t.areas.map(rectAddress), formula: '' };
      const first = this.list(t)[0];
      // On top of the collection, which is on top of the sheet's rules it overlaps.
      t.sheet.cfs.splice(first ? t.sheet.cfs.indexOf(first) : 0, 0, rec);
    }, 40);
    // The object add() returns is the rule at the top: after its priority changes, "you have to re-fetch a new copy
    // of the object at that new priority location if you want to make further changes to it" (ConditionalFormat.priority).
    return this.at(0);
  }
}

class FakeConditionalFormat extends FakeProxy {
  constructor(
    fx: FakeExcel,
    readonly collection: FakeCfCollection,
    readonly position: number,
  ) {
    super(fx, () => {
      const rec = collection.list(collection._resolve())[position];
      if (!rec) throw new FakeOfficeError('ItemNotFound', `fake: no conditional format at ${position}`);
      return rec;
    });
  }
  private sheet(): SheetRecord {
    return this.collection._resolve().sheet;
  }
  override _scalar(t: CfRecord, name: string): unknown {
    if (name === 'type') return t.type;
    if (name === 'id') return String(this.collection.list(this.collection._resolve()).indexOf(t));
    if (name === 'priority') return this.collection.list(this.collection._resolve()).indexOf(t);
    return super._scalar(t, name);
  }
  override _child(name: string): FakeProxy {
    // office-js#6827/#6835: loading anything of such a rule beyond its type throws.
    if ((this._resolve() as CfRecord).unreadable)
      throw new FakeOfficeError('GeneralException', 'fake: reading this rule throws (office-js#6827, #6835)');
    if (name === 'customOrNullObject')
      return this._nav(
        'customOrNull',
        () =>
          new FakeCustomCf(this._fx, () => {
            const t = this._resolve() as CfRecord;
            return t.type === 'Custom' ? t : null;
          }),
      );
    return super._child(name);
  }
  get type(): string {
    return this._get('type');
  }
  get id(): string {
    return this._get('id');
  }
  get customOrNullObject(): FakeCustomCf {
    return this._child('customOrNullObject') as FakeCustomCf;
  }
  get custom(): any {
    return recorder(this._fx, '', (p, v) => {
      const t = this._resolve() as CfRecord;
      if (p === 'rule.formula') t.formula = String(v);
      else if (p === 'format.fill.color') t.fill = String(v);
      else if (p === 'format.font.color') t.fontColor = String(v);
      else if (p === 'format.font.strikethrough') t.strike = Boolean(v);
    });
  }
  /**
   * "The priority (or index) within the conditional format collection that this conditional format currently exists
   * in. Changing this also changes other conditional formats' priorities, to allow for a contiguous priority order.
   * Use a negative priority to begin from the back. Priorities greater than the bounds will get and set to the
   * maximum (or minimum if negative) priority."
   */
  set priority(p: number) {
    this._fx.write(() => {
      const t = this._resolve() as CfRecord;
      const sheet = this.sheet();
      const others = this.collection.list(this.collection._resolve()).filter((x) => x !== t);
      let at = p < 0 ? others.length + 1 + p : p;
      at = Math.max(0, Math.min(others.length, at));
      sheet.cfs.splice(sheet.cfs.indexOf(t), 1);
      const before = others[at];
      sheet.cfs.splice(before ? sheet.cfs.indexOf(before) : sheet.cfs.length, 0, t);
    }, 30);
  }
  delete(): void {
    this._fx.write(() => {
      const t = this._resolve() as CfRecord;
      const sheet = this.sheet();
      guardWrite(sheet);
      // OfficeDev/office-js#5222: getRange().conditionalFormats.getItemAt(0).delete() throws "Item Not Found" when
      // two rules cover the same cell — modelled for the whole sheet's collection.
      if (this.collection._resolve().whole && sheetRulesShareACell(sheet, t))
        throw new FakeOfficeError('ItemNotFound', 'fake: Item Not Found (office-js#5222)');
      sheet.cfs.splice(sheet.cfs.indexOf(t), 1);
    }, 20);
  }
}

function sheetRulesShareACell(sheet: SheetRecord, rule: CfRecord): boolean {
  const mine = rule.ranges.map(parseRect);
  return sheet.cfs.some((o) => o !== rule && o.ranges.some((r) => mine.some((m) => overlaps(parseRect(r), m))));
}

class FakeCustomCf extends FakeProxy {
  override _child(name: string): FakeProxy {
    if (name === 'rule') return this.rule;
    return super._child(name);
  }
  get rule(): FakeCfRule {
    return this._nav('rule', () => new FakeCfRule(this._fx, () => this._resolve()));
  }
}

class FakeCfRule extends FakeProxy {
  override _scalar(t: CfRecord, name: string): unknown {
    if (t.unreadable)
      throw new FakeOfficeError('GeneralException', 'fake: reading this rule throws (office-js#6827, #6835)');
    if (name === 'formula') return t.formula;
    return super._scalar(t, name);
  }
  get formula(): string {
    return this._get('formula');
  }
}

/** A fake Excel over these sheets: `run` replaces Excel.run; `stats` counts what the code did. */
export function createFakeExcel(sheets: FakeSheetInit[], opts: FakeOptions = {}): FakeExcel {
  return new FakeExcel(sheets, opts);
}

/** Add a conditional format directly (a clerk's own rule, or one from an earlier run). */
export function seedConditionalFormat(fx: FakeExcel, sheet: string, rec: CfRecord): void {
  fx.sheet(sheet).cfs.push({ ...rec });
}
