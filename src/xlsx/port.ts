// WorkbookPort over an .xlsx package: what the web page hands the task pane. Edits go through the
// package-preserving writer (the same one the CLI uses). Two kinds of port: over the clerk's own file (bytes +
// the streaming reader's snapshot, no ExcelJS: `fromBytes`), and over a workbook built in memory with ExcelJS (the
// built-in samples), whose grid also draws ExcelJS's styles. The reader, the writer and ExcelJS are loaded on
// demand (dynamic import), so the page's first view carries none of them. Browser-safe. The selection lives here
// (the page's grid sets it).

import type * as ExcelJS from 'exceljs';
import { parseRange } from '../core/address';
import type { ApplyResult, WorkbookEdit } from '../core/edits';
import type { Progress, SelectionInfo, WorkbookPort } from '../core/port';
import type { WorkbookSnapshot } from '../core/types';
import type { AppliedAndRead } from './applyAndRead';

/** Sheet rows covered by an A1 address ("A5:P9,B12"), ascending, de-duplicated. */
export function rowsOfAddress(address: string): number[] {
  const rows = new Set<number>();
  for (const area of address.split(',')) {
    const trimmed = area.trim();
    if (trimmed === '') continue;
    const r = parseRange(trimmed);
    for (let row = r.top; row <= r.bottom; row++) rows.add(row);
  }
  return Array.from(rows).sort((a, b) => a - b);
}

/** The streaming reader's snapshot, its XML parts inflated by the runtime's native inflater where it has one. */
async function readBytes(bytes: Uint8Array, fileName: string): Promise<WorkbookSnapshot> {
  return (await import('./applyAndRead')).readPackage(bytes, fileName);
}

/**
 * Applies a plan to a package and reads the new package. The web page gives its port one that runs in its worker
 * (src/demo/readInWorker.ts); by default both run here.
 */
export type ApplyAndRead = (bytes: Uint8Array, edits: WorkbookEdit[], fileName: string) => Promise<AppliedAndRead>;

const applyHere: ApplyAndRead = async (bytes, edits, fileName) =>
  (await import('./applyAndRead')).applyAndRead(bytes, edits, fileName);

export class XlsxWorkbookPort implements WorkbookPort {
  private selection: SelectionInfo | null = null;
  private active: string | null = null;
  private readonly selectionListeners = new Set<() => void>();
  private readonly changeListeners = new Set<() => void>();

  /** The package as last written; null until the first edit for a workbook built in memory (the demo's sample). */
  private bytes: Uint8Array | null;

  /** Edits applied since the file was opened or last saved (the page warns before closing). */
  private unsaved = 0;

  /**
   * @param workbook an ExcelJS workbook (the samples, tests), or null for a port over bytes + snapshot.
   * @param snapshot the streaming reader's snapshot of `bytes`, when `workbook` is null.
   */
  constructor(
    private book: ExcelJS.Workbook | null,
    bytes: Uint8Array | null = null,
    private snapshot: WorkbookSnapshot | null = null,
    /** The file name the clerk opened (the page offers it again on save). */
    public readonly fileName = 'workbook.xlsx',
    /** How a port over bytes applies a plan and reads the result (the web page: in its worker). */
    private readonly applyAndRead: ApplyAndRead = applyHere,
  ) {
    this.bytes = bytes;
    if (!book && (!bytes || !snapshot)) throw new Error('XlsxWorkbookPort: a workbook, or bytes and a snapshot');
  }

  /** The ExcelJS workbook of a port built over one (the samples, tests); throws on a port over bytes. */
  get workbook(): ExcelJS.Workbook {
    if (!this.book) throw new Error('XlsxWorkbookPort: this port has no ExcelJS workbook (opened from bytes)');
    return this.book;
  }

  /** The ExcelJS workbook, or null for a port over bytes + snapshot (the grid then draws values and formats only). */
  get excelWorkbook(): ExcelJS.Workbook | null {
    return this.book;
  }

  /** A port over a workbook file's bytes, read with ExcelJS (its grid draws styles). */
  static async open(bytes: Uint8Array, label = 'workbook.xlsx'): Promise<XlsxWorkbookPort> {
    const { readWorkbookBuffer } = await import('./exceljs');
    const { workbook } = await readWorkbookBuffer(bytes, label);
    return new XlsxWorkbookPort(workbook, bytes, null, label);
  }

  /** A port over a workbook file's bytes, read with the streaming reader only (no ExcelJS): the clerk's own file. */
  static async fromBytes(bytes: Uint8Array, fileName = 'workbook.xlsx'): Promise<XlsxWorkbookPort> {
    return new XlsxWorkbookPort(null, bytes, await readBytes(bytes, fileName), fileName);
  }

  async read(onProgress?: (p: Progress) => void): Promise<WorkbookSnapshot> {
    const snapshot = this.book ? (await import('./exceljs')).snapshotOf(this.book) : this.snapshot!;
    onProgress?.({ done: 1, total: 1 });
    return { ...snapshot, activeSheet: this.activeSheet() };
  }

  async apply(edits: WorkbookEdit[], onProgress?: (p: Progress) => void): Promise<ApplyResult> {
    let result: ApplyResult;
    if (this.book) {
      // A workbook built in memory becomes a package once; from then on only the writer changes it.
      const { applyEditsToPackage } = await import('./package/writer');
      const input = this.bytes ?? (await (await import('./write')).writeWorkbookBuffer(this.book));
      const { bytes, createdSheets, table, limited } = await applyEditsToPackage(input, edits);
      this.bytes = bytes;
      this.book = (await (await import('./exceljs')).readWorkbookBuffer(bytes, 'workbook.xlsx')).workbook;
      result = { createdSheets, table, ...(limited.length ? { limited } : {}) };
    } else {
      const applied = await this.applyAndRead(this.bytes!, edits, this.fileName);
      this.bytes = applied.bytes;
      this.snapshot = applied.snapshot;
      result = applied.result;
    }
    if (edits.length) this.unsaved++;
    onProgress?.({ done: edits.length, total: edits.length });
    const activated = edits.filter((e) => e.kind === 'addSheet' && e.activate).pop();
    if (activated && activated.kind === 'addSheet') this.active = activated.spec.name;
    this.notify(this.changeListeners);
    return result;
  }

  async select(sheet: string, address: string): Promise<void> {
    this.setSelection(sheet, address);
  }

  async getSelection(): Promise<SelectionInfo | null> {
    return this.selection;
  }

  onSelectionChanged(listener: () => void): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  /** The demo grid calls this when the clerk clicks or drags; it also makes `sheet` the active sheet. */
  setSelection(sheet: string, address: string): void {
    this.active = sheet;
    this.selection = { sheet, address, rows: rowsOfAddress(address) };
    this.notify(this.selectionListeners);
  }

  clearSelection(): void {
    this.selection = null;
    this.notify(this.selectionListeners);
  }

  /** The sheet the demo shows (the "active sheet" understanding starts from). */
  setActiveSheet(sheet: string): void {
    if (this.active === sheet) return;
    this.active = sheet;
    this.selection = null;
    this.notify(this.selectionListeners);
    this.notify(this.changeListeners);
  }

  activeSheet(): string | null {
    if (this.book) {
      if (this.active && this.book.getWorksheet(this.active)) return this.active;
      const first = this.book.worksheets.find((ws) => ws.state === 'visible');
      return first ? first.name : null;
    }
    const sheets = this.snapshot!.sheets;
    if (this.active && sheets.some((s) => s.name === this.active)) return this.active;
    const first = sheets.find((s) => s.visibility === 'visible');
    return first ? first.name : null;
  }

  /** Whether edits were applied since the file was opened or last saved. */
  hasUnsavedChanges(): boolean {
    return this.unsaved > 0;
  }

  /**
   * The page calls this once `saved` (bytes it took from `toBuffer`) are written. An edit that finished after they
   * were taken (the page stays free while its worker writes) is still unsaved.
   */
  markSaved(saved: Uint8Array): void {
    if (saved === this.bytes) this.unsaved = 0;
  }

  /** Re-render hook for the demo: called after every apply and active-sheet change. */
  subscribe(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** The workbook's bytes: the package as the writer left it. */
  async toBuffer(): Promise<Uint8Array> {
    return this.bytes ?? (await import('./write')).writeWorkbookBuffer(this.book!);
  }

  private notify(listeners: Set<() => void>): void {
    for (const l of Array.from(listeners)) l();
  }
}
