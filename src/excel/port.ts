// ExcelWorkbookPort: the WorkbookPort the task pane and the ribbon commands use inside Excel.

import type { ApplyResult, WorkbookEdit } from '../core/edits';
import type { Progress, ReadScope, SelectionInfo, WorkbookPort } from '../core/port';
import type { WorkbookSnapshot } from '../core/types';
import { applyEdits } from './apply';
import { readWorkbook } from './read';
import { refreshWorkbook } from './refresh';
import { MERGED_AREAS_API, TABLE_RESIZE_API, isExcelApiSupported } from './requirements';
import { readSelection, selectRange } from './selection';

/** Excel.run, or a fake with the same two forms (a new batch, or a batch on an existing context). */
export interface ExcelRun {
  <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  <T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface ExcelPortOptions {
  /** Is this ExcelApi requirement set available? Defaults to Office.context.requirements. */
  supports?: (version: string) => boolean;
}

function defaultRun(): ExcelRun {
  if (typeof Excel === 'undefined') throw new Error('Office.js (Excel) is not loaded');
  return Excel.run as ExcelRun;
}

export class ExcelWorkbookPort implements WorkbookPort {
  private readonly run: ExcelRun;
  private readonly supports: (version: string) => boolean;

  constructor(run?: ExcelRun, options: ExcelPortOptions = {}) {
    this.run = run ?? defaultRun();
    this.supports = options.supports ?? isExcelApiSupported;
  }

  read(onProgress?: (p: Progress) => void, scope?: ReadScope): Promise<WorkbookSnapshot> {
    const mergedAreas = this.supports(MERGED_AREAS_API);
    return this.run((ctx) => readWorkbook(ctx, { mergedAreas, onProgress, scope }));
  }

  /** The snapshot after `result`, reading back only what the apply changed (one sync); a full read when unknown. */
  refresh(wb: WorkbookSnapshot, result: ApplyResult): Promise<WorkbookSnapshot> {
    if (!result.changed) return this.read();
    return this.run((ctx) => refreshWorkbook(ctx, wb, result));
  }

  apply(edits: WorkbookEdit[], onProgress?: (p: Progress) => void): Promise<ApplyResult> {
    const canResizeTables = this.supports(TABLE_RESIZE_API);
    return this.run((ctx) => applyEdits(ctx, edits, { onProgress, canResizeTables }));
  }

  select(sheet: string, address: string): Promise<void> {
    return this.run((ctx) => selectRange(ctx, sheet, address));
  }

  getSelection(): Promise<SelectionInfo | null> {
    return this.run((ctx) => readSelection(ctx));
  }

  onSelectionChanged(listener: () => void): () => void {
    let removed = false;
    const registered = this.run(async (ctx) => {
      const handle = ctx.workbook.onSelectionChanged.add(async () => {
        if (!removed) listener();
      });
      await ctx.sync();
      return handle;
    });
    registered.catch(() => undefined);
    return () => {
      removed = true;
      void registered
        .then((handle) =>
          this.run(handle.context, async (ctx) => {
            handle.remove();
            await ctx.sync();
          }),
        )
        .catch(() => undefined);
    };
  }
}
