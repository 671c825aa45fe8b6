// The demo's options from its address: ?today=YYYY-MM-DD (a valid date), ?lang=zh-CN|en-US, ?theme=light|dark,
// ?rows=N (a large generated order sheet, 1–100,000 lines) and ?sample=en (the English sample), odd|empty
// (first-run states) or guessed (a quantity column found from its content).

import type { Lang } from '../core/types';
import type { SampleKind } from './sampleWorkbook';

/** The demo's "today" unless ?today= says otherwise (here, not in sampleWorkbook.ts: the first view loads no ExcelJS). */
export const DEMO_TODAY = '2026-11-22';

export interface DemoOptions {
  today: string;
  lang: Lang;
  theme: 'light' | 'dark';
  rows: number | null;
  sample: SampleKind;
}

export const MAX_DEMO_ROWS = 100000;

/**
 * The demo's clock: the demo's date (`today`, ?today=) with the real local time of day, so change-log times sit on the
 * day the demo shows. In Excel the pane keeps the real clock.
 */
export function demoClock(today: string, real: () => Date = () => new Date()): () => Date {
  const [y, m, d] = today.split('-').map(Number);
  return () => {
    const t = real();
    return new Date(y, m - 1, d, t.getHours(), t.getMinutes(), t.getSeconds(), t.getMilliseconds());
  };
}

export function demoOptionsFrom(search: string): DemoOptions {
  const q = new URLSearchParams(search);
  const today = q.get('today') ?? '';
  const lang = q.get('lang');
  const rows = Number(q.get('rows'));
  const sample = q.get('sample');
  return {
    today: /^\d{4}-\d{2}-\d{2}$/.test(today) && !Number.isNaN(Date.parse(today)) ? today : DEMO_TODAY,
    lang: lang === 'en-US' || lang === 'zh-CN' ? lang : 'zh-CN',
    theme: q.get('theme') === 'dark' ? 'dark' : 'light',
    rows: Number.isInteger(rows) && rows > 0 && rows <= MAX_DEMO_ROWS ? rows : null,
    sample: sample === 'en' || sample === 'odd' || sample === 'empty' || sample === 'guessed' ? sample : 'orders',
  };
}
