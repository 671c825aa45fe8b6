// Live Excel data-validation rules for future typing (SPEC 5): quantity > 0, unit price ≥ 0, dates in a sane
// range, status from a list. Prompts and alerts in the UI language.

import { rangeAddress } from './address';
import type { ValidationRule, ValidationSpec, WorkbookEdit } from './edits';
import { t } from './i18n';
import { normalizeStatus, STATUS_KINDS, statusWords } from './status';
import type { DateField, FieldKey, Lang, Understanding } from './types';

export const VALIDATION_DATE_RANGE: [string, string] = ['2000-01-01', '2100-12-31'];
/** Excel refuses a typed list source longer than 255 characters. */
const MAX_LIST_CHARS = 255;
/** Excel's limits on prompt/alert titles and messages. */
const MAX_TITLE = 32;
const MAX_MESSAGE = 255;
const DATE_FIELDS: DateField[] = ['orderDate', 'dueDate', 'shipDate'];
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Excel data-validation rules for the table's mapped columns (SPEC 5), replacing earlier ones. */
export function planValidationRules(u: Understanding, lang: Lang): WorkbookEdit {
  const rules: ValidationSpec[] = [];
  const { firstDataRow, lastDataRow, columns } = u.order;
  const range = (col: number) => rangeAddress(firstDataRow, col, lastDataRow, col);
  const add = (field: FieldKey, rule: ValidationRule, key: string) => {
    const col = columns[field];
    if (col === undefined || lastDataRow < firstDataRow) return;
    rules.push({ range: range(col), rule, ...texts(lang, field, key) });
  };
  add('quantity', { kind: 'decimal', operator: 'greaterThan', value: 0 }, 'quantity');
  add('unitPrice', { kind: 'decimal', operator: 'greaterThanOrEqualTo', value: 0 }, 'unitPrice');
  for (const f of DATE_FIELDS)
    add(f, { kind: 'date', between: [...VALIDATION_DATE_RANGE] as [string, string] }, 'date');
  add('status', { kind: 'list', values: statusList(u) }, 'status');
  // A new status word is let through after a warning (SPEC 9): the message points to the settings to add it for good.
  const status = rules.find((r) => r.rule.kind === 'list');
  if (status) status.errorAlert = { ...status.errorAlert, style: 'warning' };
  return { kind: 'setDataValidation', sheet: u.order.sheet, rules };
}

function texts(lang: Lang, field: FieldKey, key: string): Pick<ValidationSpec, 'prompt' | 'errorAlert'> {
  const label = t(lang, `checks.field.${field}`);
  const promptTitle = key === 'quantity' || key === 'unitPrice' ? t(lang, `validation.${key}.promptTitle`) : label;
  return {
    prompt: { title: clip(promptTitle, MAX_TITLE), message: clip(t(lang, `validation.${key}.prompt`), MAX_MESSAGE) },
    errorAlert: {
      title: clip(t(lang, `validation.${key}.errorTitle`), MAX_TITLE),
      message: clip(t(lang, `validation.${key}.error`), MAX_MESSAGE),
    },
  };
}

/**
 * The drop-down words: statuses already used in the column first (so the clerk's own words such as 生产中 stay
 * valid), then the known words in the sheet's script, then the other known words while they fit Excel's limit.
 */
export function statusList(u: Understanding): string[] {
  const known = statusWords(u.settings);
  const all = STATUS_KINDS.flatMap((k) => known[k]);
  const zh = u.order.lang === 'zh-CN';
  const sameScript = all.filter((w) => CJK.test(w) === zh);
  const otherScript = all.filter((w) => CJK.test(w) !== zh);
  // Read column-wise: building each line's views for its status was 3 s at 200,000 lines.
  const status = u.columns.field('status');
  const used: string[] = [];
  for (let k = 0; k < u.columns.n; k++) {
    const s = status.text(k) ?? '';
    if (s !== '') used.push(s);
  }
  const out: string[] = [];
  const seen = new Set<string>();
  let chars = 0;
  for (const w of [...used, ...sameScript, ...otherScript]) {
    const word = w.trim();
    const n = normalizeStatus(word);
    if (n === '' || seen.has(n) || word.includes(',') || word.startsWith('=')) continue;
    const cost = word.length + (out.length ? 1 : 0);
    if (chars + cost > MAX_LIST_CHARS) continue;
    seen.add(n);
    out.push(word);
    chars += cost;
  }
  return out;
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max);
}
