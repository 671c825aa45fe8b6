// Column mapping: the clerk says which field a column holds (or none); kept in the workbook's settings.

import { columnLetter } from '../../core/address';
import { t } from '../../core/i18n';
import { planWriteSettings } from '../../core/settings';
import type { FieldKey } from '../../core/types';
import { fieldLabel, withColumnOverride } from '../model';
import { applyPlan, success, type ActionContext, type Notice } from './context';

export async function mapColumn(ctx: ActionContext, column: number, field: FieldKey | null): Promise<Notice> {
  const { lang } = ctx;
  await applyPlan(ctx, ({ u }) => ({ edits: [planWriteSettings(withColumnOverride(u, column, field))] }));
  return success(
    t(lang, 'pane.sheet.mappingSaved', {
      column: columnLetter(column),
      field: field ? fieldLabel(lang, field) : t(lang, 'pane.sheet.notMapped'),
    }),
  );
}
