// The one table of status words (SPEC 6) and recognising a status cell's kind.
// Matching mirrors what the live conditional formats can do in Excel: TRIM (ASCII spaces) + case-insensitive =,
// plus width folding (full-width Ｓｈｉｐｐｅｄ, 　 spaces) that only the add-in sees.

import type { Settings, StatusKind } from './types';

export const STATUS_KINDS: StatusKind[] = ['shipped', 'cancelled', 'partial'];

export const STATUS_WORDS: Record<StatusKind, string[]> = {
  shipped: [
    '已出货',
    '已出貨',
    '已发货',
    '已交货',
    '已完成',
    '完成',
    '结案',
    '結案',
    'Shipped',
    'Delivered',
    'Closed',
    'Done',
    'Complete',
    // SPEC 6 additions.
    '已关闭',
    '业务关闭',
    'Completed',
    'Fully Delivered',
    // Kingdee 业务终止 / 已出库; Digiwin 結案碼 自動結案 / 指定結案; 畅捷通 T+ 执行完 (docs/research/erp-captions.md).
    '业务终止',
    '已出库',
    '自動結案',
    '指定結案',
    '自动结案',
    '指定结案',
    '执行完',
  ],
  // Kingdee 已作废 (作废状态 B); 繁體 作廢.
  cancelled: ['取消', '已取消', '作废', 'Cancelled', 'Canceled', 'Void', '已作废', '已作廢', '作廢'],
  // Kingdee/WMS 部分出库; Odoo delivery status Partially Delivered; garment Partial Shipped.
  partial: [
    '部分出货',
    '部分出貨',
    '部分交货',
    'Partial',
    'Partially Shipped',
    '部分出库',
    '部分出庫',
    'Partially Delivered',
    'Partial Shipped',
  ],
};

/** Fold width, collapse runs of spaces, trim, lower-case: the form two status texts are compared in. */
export function normalizeStatus(text: string): string {
  return text.normalize('NFKC').replace(/ +/g, ' ').replace(/^ | $/g, '').toLowerCase();
}

/** Built-in words plus the clerk's extra words from settings, per kind (as written, de-duplicated). */
export function statusWords(
  settings: Pick<Settings, 'extraStatusWords'> | null | undefined,
): Record<StatusKind, string[]> {
  const out = {} as Record<StatusKind, string[]>;
  for (const kind of STATUS_KINDS) {
    const extra = (settings?.extraStatusWords?.[kind] ?? []).filter((w): w is string => typeof w === 'string');
    const seen = new Set<string>();
    out[kind] = [...STATUS_WORDS[kind], ...extra].filter((w) => {
      const n = normalizeStatus(w);
      if (n === '' || seen.has(n)) return false;
      seen.add(n);
      return true;
    });
  }
  return out;
}

/** A reusable recogniser (one map per settings), for classifying many lines. */
export function statusMatcher(
  settings?: Pick<Settings, 'extraStatusWords'> | null,
): (text: string | null | undefined) => StatusKind | null {
  const words = statusWords(settings);
  const byWord = new Map<string, StatusKind>();
  // Cancelled wins over shipped over partial when a clerk's word is in two lists.
  for (const kind of ['partial', 'shipped', 'cancelled'] as StatusKind[]) {
    for (const w of words[kind]) byWord.set(normalizeStatus(w), kind);
  }
  // Status columns hold a handful of distinct texts: normalise each once.
  const seen = new Map<string, StatusKind | null>();
  return (text) => {
    if (text === null || text === undefined) return null;
    const s = String(text);
    let kind = seen.get(s);
    if (kind === undefined) {
      kind = byWord.get(normalizeStatus(s)) ?? null;
      if (seen.size < 10000) seen.set(s, kind);
    }
    return kind;
  };
}

/** The kind a status text names, or null (case- and width-insensitive; extra words from settings). */
export function statusKind(
  text: string | null | undefined,
  settings?: Pick<Settings, 'extraStatusWords'> | null,
): StatusKind | null {
  return statusMatcher(settings)(text);
}
