// What changed in the workbook since the port's last reading, told by Excel's events: the clerk's edits become dirty
// areas per worksheet (read again alone before the next action, catchUp.ts); whatever the held reading cannot be
// patched for — rows or columns inserted or deleted, a sheet deleted or renamed, an event of a kind we do not know —
// makes the next reading a full one. The add-in's own writes are read back by refresh and not counted here.
// Registered on the first full read (in its first sync: no sync of its own); hosts without the events read in full.

import { parseRange, type Area } from '../core/address';
import { splitAreas, stripSheet } from './addresses';
import { MAX_COLUMNS as MAX_COLS, MAX_ROWS } from '../core/limits';

/** WorksheetCollection.onChanged and onFormatChanged: "[Api set: ExcelApi 1.9]". */
export const CHANGE_EVENTS_API = '1.9';
/** WorksheetCollection.onNameChanged: "[Api set: ExcelApi 1.17]". */
export const NAME_EVENTS_API = '1.17';
/** WorksheetCollection.onRowSorted / onColumnSorted: "[Api set: ExcelApi 1.10]". */
export const SORT_EVENTS_API = '1.10';
/** WorksheetCollection.onProtectionChanged: "[Api set: ExcelApi 1.14]". */
export const PROTECTION_EVENTS_API = '1.14';

/** What happened since the last reading. */
export interface Pending {
  /** Why the next reading must be a full one, or null. */
  full: string | null;
  /** Areas changed by the clerk (or a co-author), per worksheet id. */
  dirty: Map<string, Area[]>;
  /** Worksheets added since (ids): they must be sheets the held reading already has (documents the add-in made). */
  added: Set<string>;
}

const fresh = (): Pending => ({ full: null, dirty: new Map(), added: new Set() });

type Args = { worksheetId?: string; address?: string; changeType?: string; triggerSource?: string; type?: string };

export class ChangeWatch {
  private state: 'off' | 'arming' | 'on' = 'off';
  private pending: Pending = fresh();
  /** Protection events are registered (quiet() can vouch for the sheets' protection). */
  private protectionWatched = false;
  /** A sheet's protection changed since the last reading (the catch-up reads protection anyway). */
  private touched = false;
  /** This port applied a plan since the last reading: its own writes are refreshed, not dirty. */
  private ownWrites = false;

  /**
   * Queue the event handlers on `ctx` (they go with the caller's next sync) when not registered yet and the host has
   * the events; the caller says armed() after that sync, or disarm() when it failed.
   */
  arm(ctx: Excel.RequestContext, supports: (v: string) => boolean): void {
    if (this.state !== 'off' || !supports(CHANGE_EVENTS_API)) return;
    const sheets = ctx.workbook.worksheets;
    sheets.onChanged.add(async (e) => this.changed(e));
    // onFormatChanged: "Occurs when any worksheet in the workbook has a format changed." — a number format decides
    // whether a number is a date; its args carry no triggerSource, so the add-in's own formats count as dirty too.
    sheets.onFormatChanged.add(async (e) => this.mark(e.worksheetId, e.address));
    // onAdded: "Occurs when a new worksheet is added to the workbook." (the add-in's documents too: checked by name).
    sheets.onAdded.add(async (e) => {
      this.pending.added.add(e.worksheetId);
    });
    // onDeleted: "Occurs when a worksheet is deleted from the workbook." The add-in deletes no sheet.
    sheets.onDeleted.add(async () => this.fullRead('sheet deleted'));
    if (supports(NAME_EVENTS_API)) sheets.onNameChanged.add(async () => this.fullRead('sheet renamed'));
    // onProtectionChanged: "Occurs when the worksheet protection state is changed."
    if (supports(PROTECTION_EVENTS_API)) {
      sheets.onProtectionChanged.add(async () => {
        this.touched = true;
      });
      this.protectionWatched = true;
    }
    if (supports(SORT_EVENTS_API)) {
      // WorksheetRowSortedEventArgs.address: "Only rows changed as a result of the sort operation are returned."
      sheets.onRowSorted.add(async (e) => this.mark(e.worksheetId, e.address));
      sheets.onColumnSorted.add(async (e) => this.mark(e.worksheetId, e.address));
    }
    this.state = 'arming';
  }

  armed(): void {
    if (this.state === 'arming') this.state = 'on';
  }

  disarm(): void {
    if (this.state === 'arming') this.state = 'off';
  }

  /** A full reading starts: what happened before it is in that reading. */
  reset(): void {
    this.pending = fresh();
    this.touched = false;
    this.ownWrites = false;
  }

  /** The port is about to apply a plan (refresh reads back what it writes). */
  writing(): void {
    this.ownWrites = true;
  }

  /** Nothing at all happened since the last reading, and sheets added, deleted, renamed or protected would have said so. */
  quiet(): boolean {
    const p = this.pending;
    return (
      this.state === 'on' &&
      this.protectionWatched &&
      !this.touched &&
      p.full === null &&
      p.dirty.size === 0 &&
      p.added.size === 0
    );
  }

  /** What happened since the last reading (and start counting again), or null when the events are not registered. */
  take(): Pending | null {
    if (this.state !== 'on') return null;
    const p = this.pending;
    this.pending = fresh();
    this.touched = false;
    this.ownWrites = false;
    return p;
  }

  /** Handler of WorksheetCollection.onChanged ("Occurs when any worksheet in the workbook is changed."). */
  changed(e: Args): void {
    // EventTriggerSource.thisLocalAddin: "The event is triggered by the Office JS API of the current add-in." — our own
    // writes, read back by refresh, but only while this port has applied since the last reading: "the current
    // add-in" may be another of its runtimes (a ribbon command), whose writes no refresh reads. Without triggerSource
    // (ExcelApi < 1.14), and for late events, our writes count as the clerk's: read again, not lost.
    if (e.triggerSource === 'ThisLocalAddin' && this.ownWrites) return;
    // DataChangeType.rangeEdited: "the data change event is triggered by a range being edited." Every other kind
    // moves cells (rows, columns or cells inserted or deleted) or is "not one of the listed types" (Unknown); and
    // OfficeDev/office-js#669 reports an inserted first column typed RowInserted: any of them → a full read.
    if (e.changeType === 'RangeEdited') this.mark(e.worksheetId, e.address);
    else this.fullRead(`cells moved (${e.changeType ?? 'unknown'})`);
  }

  private mark(sheetId: string | undefined, address: string | undefined): void {
    if (!sheetId || !address) return this.fullRead('change without an address');
    const list = this.pending.dirty.get(sheetId) ?? [];
    for (const a of splitAreas(address)) {
      const area = wholeAware(stripSheet(a));
      if (!area) return this.fullRead(`unreadable address ${address}`);
      list.push(area);
    }
    this.pending.dirty.set(sheetId, list);
  }

  private fullRead(why: string): void {
    this.pending.full ??= why;
  }
}

/** "B3:C9", "C:C" (whole columns) or "4:6" (whole rows) as an area; null when not an address. */
function wholeAware(a: string): Area | null {
  let m = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(a);
  if (m) {
    const r = parseRange(`${m[1]}1:${m[2]}1`);
    return { top: 1, bottom: MAX_ROWS, left: r.left, right: r.right };
  }
  m = /^(\d+):(\d+)$/.exec(a);
  if (m) return { top: Number(m[1]), bottom: Number(m[2]), left: 1, right: MAX_COLS };
  if (!/^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/i.test(a)) return null;
  return parseRange(a.toUpperCase());
}
