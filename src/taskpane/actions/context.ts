// What every pane action works with, and the one write path they share: the workbook as it is now (the pane's held
// reading caught up with what changed since — WorkbookPort.catchUp — or a full read), understand the order sheet, plan
// from that, apply the plan. The pane patches its reading after an action that wrote (usePane: refreshedAfter).

import type { ApplyResult, WorkbookEdit } from '../../core/edits';
import type { Progress, WorkbookPort } from '../../core/port';
import type { Lang, Understanding, WorkbookSnapshot } from '../../core/types';
import { readSettingsChecked, settingsWarnings } from '../../core/settings';
import { understand } from '../../core/understand';

/** A message for the clerk after an action: success, partial success (warning), information or failure. */
export type Notice = { intent: 'success' | 'error' | 'warning' | 'info'; text: string; details?: string[] };

/** What the pane is doing right now, for the progress line (catalogue key `pane.step.<step>`). */
export type Step = 'read' | 'understand' | 'check' | 'apply' | 'render';

export interface ActionContext {
  port: WorkbookPort;
  /** Language of the notice and of the words written into the workbook (prompts, change log). */
  lang: Lang;
  /** ISO date the action treats as today. */
  today: string;
  /** The order sheet the pane is on (documents it generated get activated and must not take its place). */
  sheet: string | null;
  /** The clock for change-log times. */
  now(): Date;
  /** Told each step, with the port's progress, for the pane's progress line. */
  onStep?(step: Step, progress?: Progress): void;
  /** Let the browser paint between long steps (the pane yields a macrotask; tests need not). */
  pause?(): Promise<void>;
  /** Told every reading, understood or not (the pane shows the workbook as the action found it). */
  onRead?(r: { wb: WorkbookSnapshot; u: Understanding | null; failure: unknown }): void;
  /** How this caller reads (the ribbon reads only the sheets it needs: commands.ts readForCommand); default: all. */
  readOrders?(): Promise<Reading>;
  /** The reading the pane holds (the port catches it up instead of reading everything again); absent: read in full. */
  held?(): WorkbookSnapshot | null;
}

export interface Reading {
  wb: WorkbookSnapshot;
  u: Understanding;
}

/**
 * The order sheet understood from the workbook as it is now: the pane's sheet when it still exists, else the active
 * sheet, else the first with an order table. Throws why (an OrderClerkError) when there is none.
 */
export function understandFor(wb: WorkbookSnapshot, today: string, sheet: string | null): Understanding {
  if (sheet && wb.sheets.some((s) => s.name === sheet)) return understand(wb, { today, sheet });
  return understand(wb, { today });
}

/**
 * The workbook as it is now, its order sheet understood (never from a reading older than this action): the pane's held
 * reading caught up by the port when it can tell what changed since, else read in full.
 */
export async function readOrders(ctx: ActionContext): Promise<Reading> {
  if (ctx.readOrders) return ctx.readOrders();
  ctx.onStep?.('read');
  await ctx.pause?.(); // let "reading" paint before a read that may hold the page for a while
  const held = ctx.held?.() ?? null;
  const progress = (p: Progress) => ctx.onStep?.('read', p);
  const wb = held && ctx.port.catchUp ? await ctx.port.catchUp(held, progress) : await ctx.port.read(progress);
  ctx.onStep?.('understand');
  await ctx.pause?.();
  let u: Understanding;
  try {
    u = understandFor(wb, ctx.today, ctx.sheet);
  } catch (failure) {
    ctx.onRead?.({ wb, u: null, failure });
    throw failure;
  }
  ctx.onRead?.({ wb, u, failure: null });
  return { wb, u };
}

/** Carry out edits through the port, with progress; nothing is sent for an empty plan. */
export async function applyEdits(ctx: ActionContext, edits: WorkbookEdit[]): Promise<ApplyResult | null> {
  if (edits.length === 0) return null;
  ctx.onStep?.('apply');
  await ctx.pause?.();
  return ctx.port.apply(edits, (p) => ctx.onStep?.('apply', p));
}

/** The one write path: read fresh, plan from that reading, apply the plan's edits. */
export async function applyPlan<P extends { edits: WorkbookEdit[] }>(
  ctx: ActionContext,
  plan: (r: Reading) => P,
): Promise<{ reading: Reading; planned: P; applied: ApplyResult | null }> {
  const reading = await readOrders(ctx);
  const planned = plan(reading);
  const applied = await applyEdits(ctx, planned.edits);
  return { reading, planned, applied };
}

export const success = (text: string): Notice => ({ intent: 'success', text });
export const info = (text: string): Notice => ({ intent: 'info', text });

/**
 * A port that remembers what an action wrote: every apply's result, and the last full reading before the writes that
 * followed it (an action reads fresh, plans, applies; a reading after a write starts again).
 */
export function trackWrites(port: WorkbookPort): {
  port: WorkbookPort;
  wrote(): boolean;
  /** Every apply's result, in order. */
  results: ApplyResult[];
  /** The last full reading, and the results of the applies made after it. */
  sinceRead(): { base: WorkbookSnapshot | null; results: ApplyResult[] };
} {
  const results: ApplyResult[] = [];
  let base: WorkbookSnapshot | null = null;
  let pending: ApplyResult[] = [];
  return {
    wrote: () => results.length > 0,
    results,
    sinceRead: () => ({ base, results: pending }),
    port: {
      read: async (p, scope) => {
        const wb = await port.read(p, scope);
        // A scoped reading (some sheets only) is no base to patch.
        if (!scope) {
          base = wb;
          pending = [];
        }
        return wb;
      },
      // A caught-up reading is the whole workbook as it is now, like a full one.
      ...(port.catchUp
        ? {
            catchUp: async (held: WorkbookSnapshot, p?: (p: Progress) => void) => {
              const wb = await port.catchUp!(held, p);
              base = wb;
              pending = [];
              return wb;
            },
          }
        : {}),
      apply: async (edits, p) => {
        const r = await port.apply(edits, p);
        results.push(r);
        pending.push(r);
        return r;
      },
      select: (sheet, address) => port.select(sheet, address),
      getSelection: () => port.getSelection(),
      onSelectionChanged: (listener) => port.onSelectionChanged(listener),
      ...(port.refresh ? { refresh: port.refresh.bind(port) } : {}),
    },
  };
}

/**
 * The workbook after an action's writes without reading it all again: the reading the writes were planned from,
 * patched with what each apply changed (WorkbookPort.refresh: in Excel, only the changed cells are read back, with
 * every formula's result, which Excel recomputed). Null when the port has no refresh (the .xlsx port reads from memory
 * anyway), when there was no full reading before the writes, when an apply does not say what it changed, or when
 * refreshing fails: then the caller reads everything.
 */
export async function refreshedAfter(
  port: WorkbookPort,
  since: { base: WorkbookSnapshot | null; results: ApplyResult[] },
): Promise<WorkbookSnapshot | null> {
  const { base, results } = since;
  if (!port.refresh || !base || results.length === 0 || results.some((r) => r.changed === undefined)) return null;
  try {
    let wb = base;
    for (const r of results) wb = await port.refresh(wb, r);
    return wb;
  } catch {
    return null;
  }
}

/** After reading: the settings fields ignored (issue 16.2), one line each, as a warning notice; null when none. */
export function settingsNotice(wb: WorkbookSnapshot, lang: Lang): Notice | null {
  const [first, ...rest] = settingsWarnings(readSettingsChecked(wb), lang);
  return first === undefined ? null : { intent: 'warning', text: first, details: rest };
}
