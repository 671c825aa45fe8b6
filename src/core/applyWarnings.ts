// What Excel did not do although the plan was carried out (ApplyResult.warnings), in the clerk's language.

import type { ApplyResult } from './edits';
import { t } from './i18n';
import type { Lang } from './types';

export function applyWarningTexts(result: Pick<ApplyResult, 'warnings' | 'limited'>, lang: Lang): string[] {
  return [
    ...(result.warnings ?? []).map((w) => t(lang, `apply.warning.${w.code}`, { sheet: w.sheet })),
    // Cells cut or left empty to stay inside Excel's limits (core/limits.ts).
    ...(result.limited ?? []).map((l) => t(lang, `limit.${l.what}`, { cell: l.target })),
  ];
}
