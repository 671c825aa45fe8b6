// Lines by customer, for documents (one per customer) and the weekly report (overdue lines per customer): one group
// per customer however its name is spaced, cased or width-folded, in order of first appearance, named as first written.

import { keyText } from './text';

export function groupByCustomer<T>(
  items: readonly T[],
  customerOf: (item: T) => string,
): { customer: string; lines: T[] }[] {
  const groups = new Map<string, { customer: string; lines: T[] }>();
  for (const item of items) {
    const name = customerOf(item);
    const key = keyText(name);
    const g = groups.get(key);
    if (g) g.lines.push(item);
    else groups.set(key, { customer: name, lines: [item] });
  }
  return Array.from(groups.values());
}
