// Never a silent all-clear (SPEC 3): the fields every check and flag needs — quantity and the due date — that no
// column of the order sheet holds (found by its words or set by the clerk).

import type { FieldKey, OrderSheet } from '../types';

/** The fields without which "no issues" and the delay classes would be a silent all-clear, in SPEC order. */
export const ESSENTIAL_FIELDS = ['quantity', 'dueDate'] as const satisfies readonly FieldKey[];
export type EssentialField = (typeof ESSENTIAL_FIELDS)[number];

/** Essential fields no column holds. */
export function missingFields(order: Pick<OrderSheet, 'columns'>): EssentialField[] {
  return ESSENTIAL_FIELDS.filter((f) => order.columns[f] === undefined);
}
