// The pane's state: one read of the workbook, what core understood of it, and one action at a time.

import { useCallback, useEffect, useRef, useState } from 'react';
import { understand } from '../core/understand';
import type { ApplyResult, WorkbookEdit } from '../core/edits';
import type { Progress, WorkbookPort } from '../core/port';
import type { Lang, Understanding, WorkbookSnapshot } from '../core/types';
import { errorText } from './model';

export type Notice = { intent: 'success' | 'error' | 'warning' | 'info'; text: string; details?: string[] };

export interface PaneContext {
  port: WorkbookPort;
  lang: Lang;
  today: string;
  wb: WorkbookSnapshot | null;
  u: Understanding | null;
  /** Why understanding failed (shown on the Sheet tab). */
  readError: string | null;
  /** Label of the action running, or null. */
  busy: string | null;
  progress: Progress | null;
  notice: Notice | null;
  setNotice(n: Notice | null): void;
  reload(): Promise<{ wb: WorkbookSnapshot; u: Understanding | null }>;
  /** Re-read the workbook for an action; throws why when there is no order table. */
  fresh(): Promise<{ wb: WorkbookSnapshot; u: Understanding }>;
  /** Forget the order sheet and understand the active one. */
  switchToActiveSheet(): Promise<void>;
  /** Run one action; refused while another runs. Its return value becomes a success notice. */
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
  const [progress, setProgress] = useState<Progress | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const running = useRef(false);
  const pinned = useRef<string | null>(null);
  const langRef = useRef(lang);
  langRef.current = lang;

  const reload = useCallback(async () => {
    const snapshot = await port.read(setProgress);
    setProgress(null);
    let understood: Understanding | null = null;
    try {
      understood = understandPinned(snapshot, today, pinned.current);
      pinned.current = understood.order.sheet;
      setReadFailure(null);
    } catch (e) {
      setReadFailure(e);
    }
    setWb(snapshot);
    setU(understood);
    return { wb: snapshot, u: understood };
  }, [port, today]);

  const fresh = useCallback(async () => {
    const snapshot = await port.read(setProgress);
    setProgress(null);
    try {
      const understood = understandPinned(snapshot, today, pinned.current);
      pinned.current = understood.order.sheet;
      setReadFailure(null);
      setWb(snapshot);
      setU(understood);
      return { wb: snapshot, u: understood };
    } catch (e) {
      setReadFailure(e);
      setWb(snapshot);
      setU(null);
      throw e;
    }
  }, [port, today]);

  const switchToActiveSheet = useCallback(async () => {
    pinned.current = null;
    await reload();
  }, [reload]);

  const run = useCallback(
    async (label: string, action: () => Promise<Notice | string | null | void>) => {
      if (running.current) return; // one action at a time
      running.current = true;
      setBusy(label);
      setNotice(null);
      try {
        const result = await action();
        if (typeof result === 'string') setNotice({ intent: 'success', text: result });
        else if (result) setNotice(result);
      } catch (e) {
        setNotice({ intent: 'error', text: errorText(e, langRef.current) });
      } finally {
        running.current = false;
        setBusy(null);
        setProgress(null);
      }
    },
    [],
  );

  const apply = useCallback(
    async (edits: WorkbookEdit[]) => {
      const r = await port.apply(edits, setProgress);
      setProgress(null);
      return r;
    },
    [port],
  );

  useEffect(() => {
    void run('read', async () => {
      await reload();
    });
  }, [run, reload]);

  const readError = readFailure ? errorText(readFailure, lang) : null;
  return { port, lang, today, wb, u, readError, busy, progress, notice, setNotice, reload, fresh, switchToActiveSheet, run, apply };
}
