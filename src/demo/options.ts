// The demo's options from its address: ?today=YYYY-MM-DD (a valid date) and ?lang=zh-CN|en-US.

import type { Lang } from '../core/types';
import { DEMO_TODAY } from './sampleWorkbook';

export function demoOptionsFrom(search: string): { today: string; lang: Lang } {
  const q = new URLSearchParams(search);
  const today = q.get('today') ?? '';
  const lang = q.get('lang');
  return {
    today: /^\d{4}-\d{2}-\d{2}$/.test(today) && !Number.isNaN(Date.parse(today)) ? today : DEMO_TODAY,
    lang: lang === 'en-US' || lang === 'zh-CN' ? lang : 'zh-CN',
  };
}
