// The pane's state: one read of the workbook, what core understood of it, the clerk's selection, and one
// action at a time. Long work is cut into steps (read, understand, classify) with a yield between them.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { applyWarningTexts } from '../core/applyWarnings';
import { classifyLines } from '../core/delay';
import { understand } from '../core/understand';
import type { ApplyResult, WorkbookEdit } from '../core/edits';
import type { Progress, SelectionInfo, WorkbookPort } from '../core/port';
import type { DelayRow, Lang, OrderLine, Understanding, WorkbookSnapshot } from '../core/types';
import { errorText, lineIndex, selectedOrderRows } from './model';
import { yieldToBrowser } from './schedule';

export type Notice = { intent: 'success' | 'error' | 'warning' | 'info'; text: string; details?: string[] };

/** What the pane is doing right now, for the progress line (catalogue key `pane.step.<step>`). */
export type Step = 'read' | 'understand' | 'check' | 'apply' | 'render';

export interface PaneContext {
  port: WorkbookPort;
  lang: Lang;
  today: string;
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
  /** Label of the action running, or null. */
  busy: string | null;
  step: Step | null;
  progress: Progress | null;
  notice: Notice | null;
  setNotice(n: Notice | null): void;
  setStep(step: Step | null): void;
  reload(): Promise<{ wb: WorkbookSnapshot; u: Understanding | null }>;
  /** Re-read the workbook for an action; throws why when there is no order table. */
  fresh(): Promise<{ wb: WorkbookSnapshot; u: Understanding }>;
  /** Forget the order sheet and understand the active one. */
  switchToActiveSheet(): Promise<void>;
  /** Understand this sheet from now on (after the clerk pointed at its header row). */
  pinSheet(sheet: string): void;
  /** Run one action; refused while another runs. Its return value becomes a notice. */
  run(label: string, action: () => Promise<Notice | string | null | void>): Promise<void>;
  /** Apply a plan through the port with progress. */
  apply(edits: WorkbookEdit[]): Promise<ApplyResult>;
}

/**
 * Stay on the order sheet understood before (generated sheets get activated and must not take its place);
 * the first time, or after "use this sheet", take the active sheet, else the first with an order table.
 */
function understandPinned(wb: WorkbookSnapshot, today: string, pinned: string | null): Understanding {
  if (pinned && wb.sheets.some((s) => s.name === pinned)) return understand(wb, { today, sheet: pinned });
  return understand(wb, { today });
}

export function usePane(port: WorkbookPort, lang: Lang, today: string): PaneContext {
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
  /** What Excel did not do in this action's applies (ApplyResult.warnings), added to its notice. */
  const applyWarnings = useRef<string[]>([]);
  const pinned = useRef<string | null>(null);
  const langRef = useRef(lang);
  langRef.current = lang;

  /** Read with progress, then understand after a yield; the understanding or why it failed. */
  const readAndUnderstand = useCallback(async () => {
    setStep('read');
    const snapshot = await port.read(setProgress);
    setProgress(null);
    setStep('understand');
    await yieldToBrowser();
    try {
      const understood = understandPinned(snapshot, today, pinned.current);
      pinned.current = understood.order.sheet;
      return { snapshot, understood, failure: null as unknown };
    } catch (e) {
      return { snapshot, understood: null, failure: e };
    } finally {
      setStep('render');
    }
  }, [port, today]);

  const reload = useCallback(async () => {
    const r = await readAndUnderstand();
    setReadFailure(r.failure);
    setWb(r.snapshot);
    setU(r.understood);
    await yieldToBrowser();
    return { wb: r.snapshot, u: r.understood };
  }, [readAndUnderstand]);

  const fresh = useCallback(async () => {
    const r = await readAndUnderstand();
    setReadFailure(r.failure);
    setWb(r.snapshot);
    setU(r.understood);
    if (!r.understood) throw r.failure;
    return { wb: r.snapshot, u: r.understood };
  }, [readAndUnderstand]);

  const switchToActiveSheet = useCallback(async () => {
    pinned.current = null;
    await reload();
  }, [reload]);

  const pinSheet = useCallback((sheet: string) => {
    pinned.current = sheet;
  }, []);

  const run = useCallback(async (label: string, action: () => Promise<Notice | string | null | void>) => {
    if (running.current) return; // one action at a time
    running.current = true;
    setBusy(label);
    setNotice(null);
    applyWarnings.current = [];
    try {
      const result = await action();
      const told = typeof result === 'string' ? { intent: 'success' as const, text: result } : result || null;
      const warnings = applyWarnings.current;
      if (warnings.length)
        setNotice({
          intent: 'warning',
          text: told?.text ?? warnings[0],
          details: [...(told?.details ?? []), ...warnings],
        });
      else if (told) setNotice(told);
    } catch (e) {
      setNotice({ intent: 'error', text: errorText(e, langRef.current) });
    } finally {
      running.current = false;
      setBusy(null);
      setStep(null);
      setProgress(null);
    }
  }, []);

  const apply = useCallback(
    async (edits: WorkbookEdit[]) => {
      setStep('apply');
      await yieldToBrowser();
      const r = await port.apply(edits, setProgress);
      setProgress(null);
      applyWarnings.current.push(...applyWarningTexts(r, langRef.current));
      return r;
    },
    [port],
  );

  useEffect(() => {
    void run('read', async () => {
      await reload();
    });
  }, [run, reload]);

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
    const refresh = () => {
      port.getSelection().then(
        (sel) => alive && setSelection(sel),
        () => alive && setSelection(null),
      );
    };
    refresh();
    const off = port.onSelectionChanged(refresh);
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
  const readError = readFailure ? errorText(readFailure, lang) : null;
  const delaysError = delays.error ? errorText(delays.error, lang) : null;
  return {
    port,
    lang,
    today,
    wb,
    u,
    lines,
    delays: delays.rows,
    delaysError,
    readError,
    readFailure,
    selection,
    selectedRows,
    busy,
    step,
    progress,
    notice,
    setNotice,
    setStep,
    reload,
    fresh,
    switchToActiveSheet,
    pinSheet,
    run,
    apply,
  };
}
