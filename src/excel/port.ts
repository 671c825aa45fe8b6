// ExcelWorkbookPort: the WorkbookPort the task pane and the ribbon commands use inside Excel.

import type { ApplyResult, WorkbookEdit } from '../core/edits';
import type { Progress, ReadScope, SelectionInfo, WorkbookPort } from '../core/port';
import type { WorkbookSnapshot } from '../core/types';
import { applyEdits } from './apply';
import { catchUpWorkbook } from './catchUp';
import { HeldSnapshot } from './held';
import { readWorkbook } from './read';
import { refreshWorkbook } from './refresh';
import { MERGED_AREAS_API, TABLE_RESIZE_API, isExcelApiSupported } from './requirements';
import { readSelection, selectRange } from './selection';
import { ChangeWatch } from './watch';

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
  /** What changed since the last reading (Excel's events). */
  private readonly watch = new ChangeWatch();
  /** The snapshot that reading is, once patched with every apply since. */
  private readonly held = new HeldSnapshot();
  /** Worksheet id → name, as of the last reading (events name sheets by id). */
  private sheetIds = new Map<string, string>();

  constructor(run?: ExcelRun, options: ExcelPortOptions = {}) {
    this.run = run ?? defaultRun();
    this.supports = options.supports ?? isExcelApiSupported;
  }

  read(onProgress?: (p: Progress) => void, scope?: ReadScope): Promise<WorkbookSnapshot> {
    const mergedAreas = this.supports(MERGED_AREAS_API);
    if (scope) return this.run((ctx) => readWorkbook(ctx, { mergedAreas, onProgress, scope }));
    // A full reading: the change events are registered in its first sync, and count from its start.
    this.held.forget();
    return this.run(async (ctx) => {
      this.watch.arm(ctx, this.supports);
      this.watch.reset();
      try {
        const wb = await readWorkbook(ctx, { mergedAreas, onProgress, onSheetIds: (ids) => (this.sheetIds = ids) });
        this.watch.armed();
        this.held.gave(wb);
        return wb;
      } catch (e) {
        this.watch.disarm();
        throw e;
      }
    });
  }

  /**
   * `held` up to date: when it is the last snapshot this port gave and Excel's change events say what changed since,
   * only the changed rows (and every formula's result) are read again, in one sync (catchUp.ts); else a full read.
   */
  async catchUp(held: WorkbookSnapshot, onProgress?: (p: Progress) => void): Promise<WorkbookSnapshot> {
    const pending = this.held.is(held) ? this.watch.take() : null;
    if (!pending || pending.full) return this.read(onProgress);
    const mergedAreas = this.supports(MERGED_AREAS_API);
    const got = await this.run((ctx) => catchUpWorkbook(ctx, held, pending, this.sheetIds, mergedAreas)).catch(
      () => null,
    );
    if (!got) return this.read(onProgress);
    this.sheetIds = got.ids;
    this.held.gave(got.wb);
    return got.wb;
  }

  /** The snapshot after `result`, reading back only what the apply changed (one sync); a full read when unknown. */
  async refresh(wb: WorkbookSnapshot, result: ApplyResult): Promise<WorkbookSnapshot> {
    if (!result.changed) return this.read();
    const out = await this.run((ctx) => refreshWorkbook(ctx, wb, result, (ids) => (this.sheetIds = ids)));
    if (!out) return this.read();
    this.held.refreshed(wb, result, out);
    return out;
  }

  apply(edits: WorkbookEdit[], onProgress?: (p: Progress) => void): Promise<ApplyResult> {
    const canResizeTables = this.supports(TABLE_RESIZE_API);
    // Sheets read or caught up in this action, nothing told since: apply need not look them up again.
    const fresh = this.watch.quiet() ? this.held.checkedNow() : null;
    const knownSheets = fresh?.sheets.map((s) => ({ name: s.name, protected: s.protected }));
    this.watch.writing();
    // Until refresh patches what this apply wrote into the held snapshot, it is no base to catch up from.
    this.held.applying();
    return this.run((ctx) => applyEdits(ctx, edits, { onProgress, canResizeTables, knownSheets })).then(
      (r) => {
        this.held.applied(r);
        return r;
      },
      (e: unknown) => {
        this.held.failed();
        throw e;
      },
    );
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
