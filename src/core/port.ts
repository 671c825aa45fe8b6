// The one small port the task pane talks to. Excel (src/excel) and the .xlsx demo (src/xlsx) implement it.

import type { ApplyResult, WorkbookEdit } from './edits';
import type { WorkbookSnapshot } from './types';

export interface Progress {
  done: number;
  total: number;
}

export interface SelectionInfo {
  sheet: string;
  /** A1 address of the selection, e.g. "A5:P9" (may be several areas joined by ","). */
  address: string;
  /** Sheet row numbers covered by the selection, ascending, de-duplicated. */
  rows: number[];
}

/** A narrower read: these sheets in full (the settings sheet always), every other sheet's first `headRows` rows. */
export interface ReadScope {
  /** 'active': the sheet the clerk is on. */
  sheets: 'active' | string[];
  headRows: number;
}

export interface WorkbookPort {
  /**
   * Read every sheet (values, formats, merges, tables) in a bounded number of round trips. With a scope, sheets
   * outside it are read only in part and marked `partial` (a port may also read everything).
   */
  read(onProgress?: (p: Progress) => void, scope?: ReadScope): Promise<WorkbookSnapshot>;
  /**
   * The snapshot after `apply`, re-reading only what it changed (`result.changed`), in one round trip. Absent, or
   * when the result does not say what changed: read() again.
   */
  refresh?(wb: WorkbookSnapshot, result: ApplyResult): Promise<WorkbookSnapshot>;
  /**
   * `held` (a snapshot this port gave) as the workbook is now: a port that knows what changed since (Excel's change
   * events) reads only that again; when it cannot tell, read() in full. Absent: read().
   */
  catchUp?(held: WorkbookSnapshot, onProgress?: (p: Progress) => void): Promise<WorkbookSnapshot>;
  /** Carry out a plan in a bounded number of round trips. */
  apply(edits: WorkbookEdit[], onProgress?: (p: Progress) => void): Promise<ApplyResult>;
  /** Select a range (and activate its sheet). */
  select(sheet: string, address: string): Promise<void>;
  /** The clerk's current selection, or null when there is none. */
  getSelection(): Promise<SelectionInfo | null>;
  /** Call `listener` when the selection changes; returns an unsubscribe function. */
  onSelectionChanged(listener: () => void): () => void;
}
