// The pane's state: one read of the workbook, what core understood of it, the clerk's selection, and one action at a
// time. Actions (./actions) do the work over the port; this hook runs them, shows their notice and progress, and
// patches its reading after an action that wrote (or reads again when it cannot). Each action starts from the held
// reading caught up with what changed since (WorkbookPort.catchUp; a full read where the port cannot tell).

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { applyWarningTexts } from '../core/applyWarnings';
import { classifyLines } from '../core/delay';
import type { Progress, SelectionInfo, WorkbookPort } from '../core/port';
import type { DelayRow, Lang, OrderLine, Understanding, WorkbookSnapshot } from '../core/types';
import {
  readOrders,
  refreshedAfter,
  settingsNotice,
  trackWrites,
  understandFor,
  type ActionContext,
  type Notice,
  type Step,
} from './actions';
import { errorText, lineIndex, selectedOrderRows } from './model';
import { yieldToBrowser } from './schedule';

export type { Notice, Step } from './actions';

/** A pane action: work over the port, then the notice to show (null: none). */
export type PaneAction = (ctx: ActionContext) => Promise<Notice | null | void>;

/** What every panel needs to act: the language, whether an action runs, how to run one and how to select cells. */
export interface PaneActions {
  lang: Lang;
  /** Label of the action running, or null. */
  busy: string | null;
  /** Run one action; refused while another runs. The workbook is read again when it wrote. */
  run(label: string, action: PaneAction): Promise<void>;
  /** Select a range on a sheet (Excel's or the demo grid's); a failure becomes a notice. */
  select(sheet: string, address: string): void;
}

export interface Pane {
  actions: PaneActions;
  wb: WorkbookSnapshot | null;
  u: Understanding | null;
  /** Order lines by row. */
  lines: Map<number, OrderLine>;
  /** Delay class of every line, computed after each read off the render path (null while computing). */
  delays: DelayRow[] | null;
  delaysError: string | null;
  /** Why understanding failed (the first-run state explains it), and the failure itself. */
  readError: string | null;
  readFailure: unknown;
  /** The clerk's selection, followed live; and the order lines in it. */
  selection: SelectionInfo | null;
  selectedRows: number[];
  step: Step | null;
  progress: Progress | null;
  notice: Notice | null;
  setNotice(n: Notice | null): void;
  /** Read the workbook again (the "Read again" button). */
  refresh(): Promise<void>;
  /** Forget the order sheet and understand the active one. */
  switchToActiveSheet(): Promise<void>;
  /** Understand this sheet from now on (after the clerk pointed at its header row). */
  pinSheet(sheet: string): void;
}

export function usePane(port: WorkbookPort, lang: Lang, today: string, now: () => Date = () => new Date()): Pane {
  const [wb, setWb] = useState<WorkbookSnapshot | null>(null);
  const [u, setU] = useState<Understanding | null>(null);
  const [readFailure, setReadFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [step, setStep] = useState<Step | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [delays, setDelays] = useState<{ rows: DelayRow[] | null; error: unknown }>({ rows: null, error: null });
  const [selection, setSelection] = useState<SelectionInfo | null>(null);
  const running = useRef(false);
  /** The order sheet the pane stays on (generated sheets get activated and must not take its place). */
  const pinned = useRef<string | null>(null);
  const langRef = useRef(lang);
  langRef.current = lang;
  const nowRef = useRef(now);
  nowRef.current = now;

  /** The reading the pane holds: the next action has the port catch it up rather than read everything again. */
  const held = useRef<WorkbookSnapshot | null>(null);

  /** Every reading an action makes becomes the pane's state, so the pane never shows an older one. */
  const adopt = useCallback((r: { wb: WorkbookSnapshot; u: Understanding | null; failure: unknown }) => {
    held.current = r.wb;
    if (r.u) pinned.current = r.u.order.sheet;
    setReadFailure(r.failure);
    setWb(r.wb);
    setU(r.u);
  }, []);

  const contextFor = useCallback(
    (p: WorkbookPort): ActionContext => ({
      port: p,
      lang: langRef.current,
      today,
      sheet: pinned.current,
      now: () => nowRef.current(),
      onStep: (s, pr) => {
        setStep(s);
        setProgress(pr ?? null);
      },
      pause: yieldToBrowser,
      onRead: adopt,
      held: () => held.current,
    }),
    [today, adopt],
  );

  /** Read and understand the workbook as it is now; a failure to understand is state (first run), not an error. */
  const reload = useCallback(async (): Promise<WorkbookSnapshot | null> => {
    let read: WorkbookSnapshot | null = null;
    try {
      await readOrders({
        ...contextFor(port),
        held: undefined, // "Read again", the first reading and one after a failed write: everything
        onRead: (r) => {
          read = r.wb;
          adopt(r);
        },
      });
    } catch (e) {
      if (!read) throw e; // the port failed: let the caller say it
    } finally {
      setStep('render');
      setProgress(null);
    }
    await yieldToBrowser();
    return read;
  }, [port, contextFor, adopt]);

  /** Show a workbook refreshed after a write (not read again): understood as a reading would be. */
  const adoptRefreshed = useCallback(
    async (wb: WorkbookSnapshot) => {
      setStep('understand');
      let u: Understanding | null = null;
      let failure: unknown = null;
      try {
        u = understandFor(wb, today, pinned.current);
      } catch (e) {
        failure = e;
      }
      adopt({ wb, u, failure });
      setStep('render');
      await yieldToBrowser();
    },
    [today, adopt],
  );

  /** Reading the workbook (first read, "Read again", another sheet) says which settings fields were ignored. */
  const readAndTell = useCallback(async () => {
    const read = await reload();
    return read ? settingsNotice(read, langRef.current) : null;
  }, [reload]);

  const run = useCallback(
    async (label: string, action: PaneAction) => {
      if (running.current) return; // one action at a time
      running.current = true;
      setBusy(label);
      setNotice(null);
      const w = trackWrites(port);
      try {
        const result = await action(contextFor(w.port));
        if (w.wrote()) {
          // Excel reads back only what the action changed (ExcelWorkbookPort.refresh); else everything again.
          const wb = await refreshedAfter(port, w.sinceRead());
          if (wb) await adoptRefreshed(wb);
          else await reload();
        }
        // What Excel did not do although the plan ran (ApplyResult.warnings, limits) is added to the notice.
        const warnings = w.results.flatMap((r) => applyWarningTexts(r, langRef.current));
        if (warnings.length)
          setNotice({
            intent: 'warning',
            text: result?.text ?? warnings[0],
            details: [...(result?.details ?? []), ...warnings],
          });
        else if (result) setNotice(result);
      } catch (e) {
        // A plan Excel stopped part-way may have written: show the workbook as it is now.
        if (w.wrote()) await reload().catch(() => undefined);
        setNotice({ intent: 'error', text: errorText(e, langRef.current) });
      } finally {
        running.current = false;
        setBusy(null);
        setStep(null);
        setProgress(null);
      }
    },
    [port, contextFor, reload, adoptRefreshed],
  );

  const select = useCallback(
    (sheet: string, address: string) => {
      port.select(sheet, address).catch((e) => setNotice({ intent: 'error', text: errorText(e, langRef.current) }));
    },
    [port],
  );

  const refresh = useCallback(() => run('refresh', readAndTell), [run, readAndTell]);

  const switchToActiveSheet = useCallback(
    () =>
      run('switch', async () => {
        pinned.current = null;
        return readAndTell();
      }),
    [run, readAndTell],
  );

  const pinSheet = useCallback((sheet: string) => {
    pinned.current = sheet;
  }, []);

  useEffect(() => {
    void run('read', readAndTell);
  }, [run, readAndTell]);

  // Delay classes follow every read, computed after a yield so the new understanding paints first.
  useEffect(() => {
    let alive = true;
    setDelays({ rows: null, error: null });
    if (!u) return;
    void yieldToBrowser().then(() => {
      if (!alive) return;
      try {
        setDelays({ rows: classifyLines(u, today), error: null });
      } catch (e) {
        setDelays({ rows: [], error: e });
      }
    });
    return () => {
      alive = false;
    };
  }, [u, today]);

  // Follow the clerk's selection (Excel's or the demo grid's).
  useEffect(() => {
    let alive = true;
    const follow = () => {
      port.getSelection().then(
        (sel) => alive && setSelection(sel),
        () => alive && setSelection(null),
      );
    };
    follow();
    const off = port.onSelectionChanged(follow);
    return () => {
      alive = false;
      off();
    };
  }, [port]);

  const lines = useMemo(() => lineIndex(u), [u]);
  const selectedRows = useMemo(
    () => (u && selection ? selectedOrderRows(u.order, selection.sheet, selection.rows) : []),
    [u, selection],
  );
  const actions = useMemo<PaneActions>(() => ({ lang, busy, run, select }), [lang, busy, run, select]);
  return {
    actions,
    wb,
    u,
    lines,
    delays: delays.rows,
    delaysError: delays.error ? errorText(delays.error, lang) : null,
    readError: readFailure ? errorText(readFailure, lang) : null,
    readFailure,
    selection,
    selectedRows,
    step,
    progress,
    notice,
    setNotice,
    refresh,
    switchToActiveSheet,
    pinSheet,
  };
}
