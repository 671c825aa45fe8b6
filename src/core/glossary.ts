// The glossary: the one word per thing the clerk sees, for every field and every action, in zh-CN and en-US
// (issue 20). The catalogue takes its field and action names from here; `avoid` lists the other words for the
// same thing that must not appear anywhere in the catalogue of that language (test/core/languageReview.test.ts).
// Chinese words follow Excel's own Chinese UI where Excel has one (数据验证, 套用表格格式, 撤销).

import type { FieldKey, Lang } from './types';

export interface Term {
  'zh-CN': string;
  'en-US': string;
  /** Other words for the same thing, per language, that the catalogue must not use. */
  avoid?: Partial<Record<Lang, string[]>>;
}

/** The name of each order-sheet field, as the pane, messages, documents, report and CLI say it. */
export const FIELD_TERMS: Record<FieldKey, Term> = {
  lineNo: { 'zh-CN': '序号', 'en-US': 'Line no.' },
  orderNo: { 'zh-CN': '订单号', 'en-US': 'Order no.' },
  customerPo: { 'zh-CN': '客户订单号', 'en-US': 'Customer PO' },
  customer: { 'zh-CN': '客户', 'en-US': 'Customer' },
  // SPEC 2 lists 产品型号, 型号, 料号 … as header words of one field; we say 型号 everywhere.
  item: { 'zh-CN': '型号', 'en-US': 'Item', avoid: { 'zh-CN': ['料号', '产品型号'] } },
  description: { 'zh-CN': '品名', 'en-US': 'Description' },
  spec: { 'zh-CN': '规格', 'en-US': 'Spec' },
  quantity: { 'zh-CN': '数量', 'en-US': 'Quantity' },
  unit: { 'zh-CN': '单位', 'en-US': 'Unit' },
  unitPrice: { 'zh-CN': '单价', 'en-US': 'Unit price' },
  amount: { 'zh-CN': '金额', 'en-US': 'Amount' },
  currency: { 'zh-CN': '币别', 'en-US': 'Currency' },
  orderDate: { 'zh-CN': '下单日期', 'en-US': 'Order date' },
  dueDate: { 'zh-CN': '交期', 'en-US': 'Due date' },
  shipDate: { 'zh-CN': '出货日期', 'en-US': 'Ship date' },
  shippedQty: { 'zh-CN': '已出货数量', 'en-US': 'Shipped qty' },
  openQty: { 'zh-CN': '未交数量', 'en-US': 'Open qty' },
  requestedDate: { 'zh-CN': '客户要求交期', 'en-US': 'Requested date' },
  status: { 'zh-CN': '状态', 'en-US': 'Status' },
  remarks: { 'zh-CN': '备注', 'en-US': 'Remarks' },
  cartons: { 'zh-CN': '箱数', 'en-US': 'Cartons' },
  qtyPerCarton: { 'zh-CN': '每箱数量', 'en-US': 'Qty per carton' },
  netWeight: { 'zh-CN': '净重', 'en-US': 'N.W.' },
  grossWeight: { 'zh-CN': '毛重', 'en-US': 'G.W.' },
  cartonSize: { 'zh-CN': '外箱尺寸', 'en-US': 'Carton size' },
  cbm: { 'zh-CN': '体积', 'en-US': 'CBM' },
};

/** The actions and things the add-in names, one word each. */
export const ACTION_TERMS = {
  // A fixable issue is 修正d, in the pane, the change log and every message.
  fix: { 'zh-CN': '修正', 'en-US': 'Fix', avoid: { 'zh-CN': ['修复'] } },
  undo: { 'zh-CN': '撤销', 'en-US': 'Undo' },
  // Excel's Chinese name for Data Validation (数据 → 数据验证).
  dataValidation: { 'zh-CN': '数据验证', 'en-US': 'Data validation', avoid: { 'zh-CN': ['校验', '有效性'] } },
  changeLog: { 'zh-CN': '变更记录', 'en-US': 'Change log' },
  // Excel's command: 开始 → 套用表格格式 / Home → Format as Table.
  formatAsTable: { 'zh-CN': '套用表格格式', 'en-US': 'Format as Table', avoid: { 'en-US': ['Make table'] } },
} satisfies Record<string, Term>;

export type ActionTerm = keyof typeof ACTION_TERMS;

/** Catalogue entries `checks.field.<key>` and `glossary.<action>` in one language. */
export function glossaryEntries(lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, term] of Object.entries(FIELD_TERMS)) out[`checks.field.${key}`] = term[lang];
  for (const [key, term] of Object.entries(ACTION_TERMS)) out[`glossary.${key}`] = term[lang];
  return out;
}

/** Every term with words to avoid, for the language review. */
export function allTerms(): Term[] {
  return [...Object.values(FIELD_TERMS), ...Object.values(ACTION_TERMS)];
}

/** Field names as one list in the clerk's language: 数量、交期 · Quantity, Due date. */
export function fieldNameList(lang: Lang, fields: readonly FieldKey[]): string {
  return fields.map((f) => FIELD_TERMS[f][lang]).join(lang === 'zh-CN' ? '、' : ', ');
}
