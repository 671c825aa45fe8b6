// WorkbookPort over an .xlsx package: what the browser demo hands the task pane. Edits go through the
// package-preserving writer (the same one the CLI uses); the ExcelJS workbook is only what the demo's grid
// renders, read back from the written bytes. Browser-safe. The selection lives here (the demo's grid sets it).

import type * as ExcelJS from 'exceljs';
import { parseRange } from '../core/address';
import type { ApplyResult, WorkbookEdit } from '../core/edits';
import type { Progress, SelectionInfo, WorkbookPort } from '../core/port';
import type { WorkbookSnapshot } from '../core/types';
import { applyEditsToPackage } from './package/writer';
import { readWorkbookBuffer, snapshotOf } from './exceljs';
import { writeWorkbookBuffer } from './write';

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

export class XlsxWorkbookPort implements WorkbookPort {
  private selection: SelectionInfo | null = null;
  private active: string | null = null;
  private readonly selectionListeners = new Set<() => void>();
  private readonly changeListeners = new Set<() => void>();

  /** The package as last written; null until the first edit for a workbook built in memory (the demo's sample). */
  private bytes: Uint8Array | null;

  constructor(
    public workbook: ExcelJS.Workbook,
    bytes: Uint8Array | null = null,
  ) {
    this.bytes = bytes;
  }

  /** A port over a workbook file's bytes. */
  static async open(bytes: Uint8Array, label = 'workbook.xlsx'): Promise<XlsxWorkbookPort> {
    const { workbook } = await readWorkbookBuffer(bytes, label);
    return new XlsxWorkbookPort(workbook, bytes);
  }

  async read(onProgress?: (p: Progress) => void): Promise<WorkbookSnapshot> {
    const snapshot = snapshotOf(this.workbook);
    onProgress?.({ done: 1, total: 1 });
    return { ...snapshot, activeSheet: this.activeSheet() };
  }

  async apply(edits: WorkbookEdit[], onProgress?: (p: Progress) => void): Promise<ApplyResult> {
    // A workbook built in memory becomes a package once; from then on only the writer changes it.
    const input = this.bytes ?? (await writeWorkbookBuffer(this.workbook));
    const { bytes, ...result } = await applyEditsToPackage(input, edits);
    this.bytes = bytes;
    this.workbook = (await readWorkbookBuffer(bytes, 'workbook.xlsx')).workbook;
    onProgress?.({ done: edits.length, total: edits.length });
    const activated = edits.filter((e) => e.kind === 'addSheet' && e.activate).pop();
    if (activated && activated.kind === 'addSheet') this.active = activated.spec.name;
    this.notify(this.changeListeners);
    return {
      createdSheets: result.createdSheets,
      table: result.table,
      ...(result.limited.length ? { limited: result.limited } : {}),
    };
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
    if (this.active && this.workbook.getWorksheet(this.active)) return this.active;
    const first = this.workbook.worksheets.find((ws) => ws.state === 'visible');
    return first ? first.name : null;
  }

  /** Re-render hook for the demo: called after every apply and active-sheet change. */
  subscribe(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** The workbook's bytes: the package as the writer left it. */
  async toBuffer(): Promise<Uint8Array> {
    return this.bytes ?? writeWorkbookBuffer(this.workbook);
  }

  private notify(listeners: Set<() => void>): void {
    for (const l of Array.from(listeners)) l();
  }
}
