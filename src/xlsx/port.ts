// WorkbookPort over an in-memory ExcelJS workbook: what the browser demo hands the task pane.
// Browser-safe. The selection lives here (the demo's grid sets it); listeners hear about changes.

import type * as ExcelJS from 'exceljs';
import { parseRange } from '../core/address';
import type { ApplyResult, WorkbookEdit } from '../core/edits';
import type { Progress, SelectionInfo, WorkbookPort } from '../core/port';
import type { WorkbookSnapshot } from '../core/types';
import { applyEdits } from './apply';
import { snapshotOf } from './exceljs';
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

  constructor(readonly workbook: ExcelJS.Workbook) {}

  async read(onProgress?: (p: Progress) => void): Promise<WorkbookSnapshot> {
    const snapshot = snapshotOf(this.workbook);
    onProgress?.({ done: 1, total: 1 });
    return { ...snapshot, activeSheet: this.activeSheet() };
  }

  async apply(edits: WorkbookEdit[], onProgress?: (p: Progress) => void): Promise<ApplyResult> {
    const result = applyEdits(this.workbook, edits, this.dateSystem());
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
    if (this.active && this.workbook.getWorksheet(this.active)) return this.active;
    const first = this.workbook.worksheets.find((ws) => ws.state === 'visible');
    return first ? first.name : null;
  }

  /** Re-render hook for the demo: called after every apply and active-sheet change. */
  subscribe(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  toBuffer(): Promise<Uint8Array> {
    return writeWorkbookBuffer(this.workbook);
  }

  private dateSystem(): 1900 | 1904 {
    return this.workbook.properties?.date1904 ? 1904 : 1900;
  }

  private notify(listeners: Set<() => void>): void {
    for (const l of Array.from(listeners)) l();
  }
}
