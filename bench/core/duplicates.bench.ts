// Beside src/core/checks/duplicates.ts: does the hashing duplicate finder pay? The plain way: one joined key string
// per line (order no., item, quantity, due date, texts normalised) in a Map. Both must find the same first lines.

import { DuplicateFinder } from '../../src/core/checks/duplicates';
import { keyText as normalizeKeyText } from '../../src/core/text';
import { okAt } from '../../src/core/lines/columns';
import type { Understanding } from '../../src/core/types';
import { understand } from '../../src/core/understand';
import { generateWorkbook } from '../generateSheet';
import { compare } from './timing';

const TODAY = '2026-11-22';

export interface DuplicatesBenchRow {
  rows: number;
  duplicates: number;
  joinedKeysMs: number;
  finderMs: number;
  /** How many times longer the joined keys take. */
  ratio: number;
}

function withFinder(u: Understanding): Int32Array {
  const finder = new DuplicateFinder(u.columns);
  const first = new Int32Array(u.columns.n);
  for (let k = 0; k < first.length; k++) first[k] = finder.firstWithKey(k);
  return first;
}

function withJoinedKeys(u: Understanding): Int32Array {
  const cols = u.columns;
  const [item, orderNo, qtyText, dueText] = ['item', 'orderNo', 'quantity', 'dueDate'].map((f) =>
    cols.field(f as 'item'),
  );
  const qty = cols.num('quantity');
  const due = cols.date('dueDate');
  const seen = new Map<string, number>();
  const first = new Int32Array(cols.n);
  for (let k = 0; k < cols.n; k++) {
    const it = normalizeKeyText(item.text(k) ?? '');
    if (it === '') {
      first[k] = -1;
      continue;
    }
    const q = okAt(qty, k);
    const d = okAt(due, k);
    const key = [
      it,
      normalizeKeyText(orderNo.text(k) ?? ''),
      q === null ? `t${normalizeKeyText(qtyText.text(k) ?? '')}` : `n${q === 0 ? 0 : q}`,
      d === null ? `t${normalizeKeyText(dueText.text(k) ?? '')}` : `n${d}`,
    ].join('\u0001');
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, k);
    first[k] = earlier ?? k;
  }
  return first;
}

export function benchDuplicates(rows: number): DuplicatesBenchRow {
  const u = understand(generateWorkbook(rows), { today: TODAY });
  const a = withFinder(u);
  const b = withJoinedKeys(u);
  if (a.some((v, k) => v !== b[k])) throw new Error('the finder and the joined keys disagree');
  const r = compare(
    () => withJoinedKeys(u),
    () => withFinder(u),
    rows >= 100000 ? 9 : 21,
  );
  const duplicates = a.filter((v, k) => v >= 0 && v !== k).length;
  return { rows, duplicates, joinedKeysMs: r.simpleMs, finderMs: r.keptMs, ratio: r.ratio };
}
