// Column mapping: the clerk says which field a column holds (or none); kept in the workbook's settings. A field lives
// in one column, so taking it for one column takes it from the column that had it — the notice says which (issue 11,
// point 8), and so does the pane next to the control.

import { columnLetter } from '../../core/address';
import { t } from '../../core/i18n';
import { planWriteSettings } from '../../core/settings';
import type { FieldKey, Lang, Understanding } from '../../core/types';
import { fieldLabel, withColumnOverride } from '../model';
import { applyPlan, type ActionContext, type Notice } from './context';

/** The column that held a field before the clerk gave the field to another column. */
export interface LostField {
  field: FieldKey;
  column: number;
  header: string;
}

export type MappingNotice = Notice & {
  /** The other column that lost the field (null: no other column had it). */
  lost: LostField | null;
  /** What the pane shows next to the control: the same words as the notice. */
  nextToControl: string;
};

/** Which other column holds `field` as understood now (by its words, the clerk's mapping or a guess). */
export function columnLosing(u: Understanding, column: number, field: FieldKey | null): LostField | null {
  if (!field) return null;
  const h = u.order.headers.find((x) => x.field === field && x.column !== column);
  return h ? { field, column: h.column, header: h.header } : null;
}

/** "Column D (Qty) no longer holds Quantity." in the clerk's language. */
export function lostText(lang: Lang, lost: LostField): string {
  return t(lang, 'pane.sheet.fieldMoved', {
    field: fieldLabel(lang, lost.field),
    column: columnLetter(lost.column),
    header: lost.header,
  });
}

export async function mapColumn(ctx: ActionContext, column: number, field: FieldKey | null): Promise<MappingNotice> {
  const { lang } = ctx;
  const { reading } = await applyPlan(ctx, ({ u }) => ({
    edits: [planWriteSettings(withColumnOverride(u, column, field))],
  }));
  const lost = columnLosing(reading.u, column, field);
  const saved = t(lang, 'pane.sheet.mappingSaved', {
    column: columnLetter(column),
    field: field ? fieldLabel(lang, field) : t(lang, 'pane.sheet.notMapped'),
  });
  const moved = lost ? lostText(lang, lost) : null;
  return {
    intent: lost ? 'warning' : 'success',
    text: moved ? `${saved}${lang === 'zh-CN' ? '' : ' '}${moved}` : saved,
    lost,
    nextToControl: moved ?? saved,
  };
}

/** The clerk confirms a guessed column: its field is saved like any mapping, so it is no longer a guess. */
export async function confirmColumn(ctx: ActionContext, column: number, field: FieldKey): Promise<Notice> {
  const { lang } = ctx;
  await applyPlan(ctx, ({ u }) => ({ edits: [planWriteSettings(withColumnOverride(u, column, field))] }));
  return {
    intent: 'success',
    text: t(lang, 'pane.sheet.confirmed', { column: columnLetter(column), field: fieldLabel(lang, field) }),
  };
}
