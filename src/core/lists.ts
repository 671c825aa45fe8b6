// Long lists in one line or one cell: the first few items and how many more ("SO-1, SO-2 … and 1,234 more"), and
// row numbers as ranges ("10–1,048,575"), so a 200,000-line selection never makes a 700,000-character cell.

import { t } from './i18n';
import type { Lang } from './types';

/** Items shown before "… and N more". */
export const LIST_SHOWN = 20;

/** "a, b, c" when short; "a, b … and 1,234 more" when longer than `max` items. */
export function summariseList(items: readonly string[], lang: Lang, max = LIST_SHOWN, separator = ', '): string {
  if (items.length <= max) return items.join(separator);
  const more = items.length - max;
  return `${items.slice(0, max).join(separator)} ${t(lang, 'list.more', { count: groupThousands(more) })}`;
}

/** Ascending row numbers as ranges: [4, 5, 6, 9] → "4–6, 9". */
export function rowRanges(rows: readonly number[]): string[] {
  const sorted = Array.from(new Set(rows)).sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(j === i ? groupThousands(sorted[i]) : `${groupThousands(sorted[i])}–${groupThousands(sorted[j])}`);
    i = j + 1;
  }
  return out;
}

export function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
