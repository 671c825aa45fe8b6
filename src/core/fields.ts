// The one table of header words (简体, 繁體, English) for every field, and header matching (SPEC 2).

import type { FieldKey, MasterFieldKey } from './types';

export interface FieldDef {
  key: FieldKey | MasterFieldKey;
  words: string[];
}

/**
 * Header words per field. Words are matched after normalizeHeader, so case, spaces, punctuation,
 * full-width forms and bracketed unit suffixes do not matter here.
 * Ambiguous words live in AMBIGUOUS_WORDS below, not here.
 */
export const FIELD_DEFS: FieldDef[] = [
  {
    key: 'lineNo',
    words: ['序号', '序號', '项次', '項次', '行号', '行號', 'No.', '#', 'Line', 'Line No.', 'Seq', 'S/N', 'SN'],
  },
  {
    key: 'orderNo',
    words: [
      '订单号',
      '订单编号',
      '订单号码',
      '订单單號',
      '合同号',
      '合同编号',
      '销售订单号',
      '销售单号',
      '单号',
      '單號',
      '訂單號',
      '訂單號碼',
      '訂單編號',
      '合同號',
      '銷售訂單號',
      'Order No.',
      'Order Number',
      'Order #',
      'Order ID',
      'SO No.',
      'SO#',
      'SO Number',
      'Sales Order',
      'Sales Order No.',
      'Contract No.',
    ],
  },
  {
    key: 'customer',
    words: [
      '客户',
      '客户名称',
      '客户名',
      '客戶',
      '客戶名稱',
      '客人',
      '客商',
      '购买方',
      'Customer',
      'Customer Name',
      'Buyer',
      'Client',
      'Client Name',
      'Sold To',
    ],
  },
  {
    key: 'item',
    words: [
      '产品型号',
      '型号',
      '型號',
      '料号',
      '料號',
      '物料编码',
      '物料編碼',
      '物料号',
      '货号',
      '貨號',
      '品号',
      '品號',
      '品名代碼',
      '产品编号',
      '产品编码',
      '產品型號',
      '產品編號',
      '款号',
      '款號',
      '产品代码',
      'Item',
      'Item No.',
      'Item Number',
      'Item Code',
      'Part No.',
      'Part Number',
      'Part',
      'Model',
      'Model No.',
      'Style No.',
      'Style',
      'SKU',
      'Article No.',
      'Product Code',
      'Material',
      'Material No.',
      'P/N',
    ],
  },
  {
    key: 'description',
    words: [
      '品名',
      '品名规格',
      '品名規格',
      '产品名称',
      '產品名稱',
      '名称',
      '名稱',
      '描述',
      '规格描述',
      '規格描述',
      '产品描述',
      '货品名称',
      '物料名称',
      'Description',
      'Item Description',
      'Product Name',
      'Product Description',
      'Product',
      'Desc.',
    ],
  },
  {
    key: 'spec',
    words: ['规格', '規格', '规格型号', '規格型號', '尺寸规格', '尺寸', 'Spec', 'Specs', 'Specification', 'Size'],
  },
  {
    key: 'quantity',
    words: [
      '数量',
      '订单数量',
      '下单数量',
      '订货数量',
      '數量',
      '訂單數量',
      '订购数量',
      'Qty',
      'Quantity',
      'Order Qty',
      'Ordered Qty',
      'Order Quantity',
      "Q'ty",
    ],
  },
  { key: 'unit', words: ['单位', '單位', '计量单位', 'Unit', 'UOM', 'U/M', 'Units'] },
  {
    key: 'unitPrice',
    words: [
      '单价',
      '含税单价',
      '未税单价',
      '單價',
      '含稅單價',
      '价格',
      '價格',
      'Unit Price',
      'Price',
      'U/Price',
      'Unit Cost',
      'Price/Unit',
    ],
  },
  {
    key: 'amount',
    words: [
      '金额',
      '总价',
      '总金额',
      '小计金额',
      '金額',
      '總價',
      '總金額',
      '货款',
      'Amount',
      'Total',
      'Line Total',
      'Total Amount',
      'Total Price',
      'Extended Price',
      'Ext. Price',
      'Value',
    ],
  },
  { key: 'currency', words: ['币别', '币种', '幣別', '幣種', '货币', 'Currency', 'Curr.', 'CCY'] },
  {
    key: 'orderDate',
    words: [
      '下单日期',
      '订单日期',
      '接单日期',
      '下單日期',
      '訂單日期',
      '接單日期',
      '订货日期',
      '日期',
      'Order Date',
      'PO Date',
      'Date Ordered',
      'Date',
    ],
  },
  {
    key: 'dueDate',
    words: [
      '交期',
      '交货日期',
      '交貨日期',
      '要求交期',
      '客户交期',
      '交货期',
      '交期日期',
      '回复交期',
      '预计交期',
      '计划交期',
      '到货日期',
      '需求日期',
      'Delivery Date',
      'Due Date',
      'Req. Ship Date',
      'Requested Ship Date',
      'Required Date',
      'ETD',
      'Ex-Factory Date',
      'XF Date',
      'Delivery',
      'Due',
      'Need By',
      'Need By Date',
      'Promised Date',
      'Requested Date',
      'Ship By',
    ],
  },
  {
    key: 'shipDate',
    words: [
      '实际出货日期',
      '實際出貨日期',
      '发货日期',
      '發貨日期',
      '实际交货日期',
      '实际发货日期',
      '出货时间',
      'Actual Ship Date',
      'Shipped On',
      'Shipped Date',
      'Date Shipped',
      'Actual Delivery Date',
    ],
  },
  {
    key: 'shippedQty',
    words: [
      '已出货数量',
      '已出貨數量',
      '已交数量',
      '已交數量',
      '出货数量',
      '出貨數量',
      '已发货数量',
      '已交货数量',
      '实交数量',
      '发货数量',
      '已出货',
      'Shipped Qty',
      'Qty Shipped',
      'Delivered Qty',
      'Qty Delivered',
      'Shipped Quantity',
      'Shipped',
    ],
  },
  {
    key: 'status',
    words: ['状态', '订单状态', '狀態', '訂單狀態', '进度', '進度', '生产状态', 'Status', 'Order Status', 'State'],
  },
  {
    key: 'remarks',
    words: [
      '备注',
      '備註',
      '备注说明',
      '說明',
      '说明',
      '附注',
      'Remarks',
      'Remark',
      'Notes',
      'Note',
      'Comments',
      'Comment',
      'Memo',
    ],
  },
  {
    key: 'cartons',
    words: ['箱数', '箱數', '件数', '總箱數', '总箱数', 'CTNS', 'CTN', 'Cartons', 'No. of Cartons', 'Carton Qty'],
  },
  {
    key: 'qtyPerCarton',
    words: [
      '每箱数量',
      '每箱數量',
      '装箱数',
      '裝箱數',
      '装箱数量',
      '每箱',
      '箱规',
      '箱規',
      '入数',
      'PCS/CTN',
      'Qty/CTN',
      'Qty per Carton',
      'Pcs per Carton',
      'Units per Carton',
      'Carton Pack',
    ],
  },
  { key: 'netWeight', words: ['净重', '淨重', '单箱净重', 'N.W.', 'NW', 'Net Weight', 'Net Wt'] },
  { key: 'grossWeight', words: ['毛重', '单箱毛重', 'G.W.', 'GW', 'Gross Weight', 'Gross Wt'] },
  {
    key: 'cartonSize',
    words: [
      '外箱尺寸',
      '纸箱尺寸',
      '箱规尺寸',
      '外箱规格',
      'Measurement',
      'Meas.',
      'Carton Size',
      'Carton Dimensions',
      'Dimensions',
      'Carton Measurement',
    ],
  },
  { key: 'cbm', words: ['体积', '體積', '立方数', 'CBM', 'Volume', 'M3'] },
  // Master-only fields (customer master, SPEC 3).
  {
    key: 'address',
    words: [
      '送货地址',
      '送貨地址',
      '地址',
      '收货地址',
      '收貨地址',
      '交货地址',
      '客户地址',
      'Address',
      'Ship To',
      'Ship-to Address',
      'Delivery Address',
      'Shipping Address',
    ],
  },
  {
    key: 'contact',
    words: ['联系人', '聯絡人', '聯繫人', '收货人', '收貨人', 'Contact', 'Contact Person', 'Attn', 'Attention'],
  },
  {
    key: 'phone',
    words: [
      '电话',
      '電話',
      '联系电话',
      '聯絡電話',
      '手机',
      '手機',
      '联系方式',
      'Tel',
      'Telephone',
      'Phone',
      'Phone No.',
      'Mobile',
      'Contact No.',
    ],
  },
];

/** Words whose field depends on the other columns of the sheet (SPEC 2 rules). */
export type AmbiguousKind = 'shipOrDue' | 'poNumber';
export const AMBIGUOUS_WORDS: Record<AmbiguousKind, string[]> = {
  // dueDate when no other due-date column exists, else shipDate.
  shipOrDue: ['出货日期', '出貨日期', '出货日', '出货期', 'Ship Date', 'Shipping Date', 'Ship Dt'],
  // orderNo unless a separate orderNo column exists, then customerPo.
  poNumber: [
    '客户订单号',
    '客户单号',
    '客戶單號',
    '客戶訂單號',
    '客户PO',
    '客户PO号',
    '客户采购单号',
    '采购单号',
    '採購單號',
    'Customer PO',
    'Customer PO No.',
    'Cust PO',
    'PO No.',
    'PO#',
    'PO',
    'PO Number',
    'Purchase Order',
    'Purchase Order No.',
    'Buyer PO',
  ],
};

/** Master-only field keys. */
export const MASTER_FIELDS: MasterFieldKey[] = ['address', 'contact', 'phone'];

/** Words that start a subtotal/total row and a trailing note line (SPEC 3). */
export const TOTAL_WORDS: string[] = [
  '合计',
  '合計',
  '小计',
  '小計',
  '总计',
  '總計',
  '共计',
  '共計',
  '总数',
  'Grand Total',
  'Subtotal',
  'Sub-total',
  'Sub Total',
  'Total',
  'Totals',
  'Sum',
];
export const NOTE_PREFIXES: string[] = [
  '备注:',
  '備註:',
  '备注：',
  '備註：',
  '注:',
  '注：',
  '说明:',
  '说明：',
  '說明:',
  '說明：',
  'Note:',
  'Notes:',
  'Remark:',
  'Remarks:',
  'NB:',
  'PS:',
];

const BRACKETED = /[([{<【〔（][^()[\]{}<>【】〔〕（）]*[)\]}>】〕）]/g;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** Lower-case, drop spaces/punctuation, fold full-width forms, strip unit suffixes like (元) (USD) (kg) (pcs). */
export function normalizeHeader(text: string): string {
  // NFKC folds full-width letters, digits and brackets to their ASCII forms.
  const folded = String(text).normalize('NFKC').toLowerCase().replace(/#/g, 'no');
  const stripped = squeeze(folded.replace(BRACKETED, ' '));
  // A header that is nothing but a bracketed word ("(kg)") keeps its content.
  return stripped !== '' ? stripped : squeeze(folded);
}

function squeeze(s: string): string {
  return s.replace(NON_WORD, '');
}

type MatchKey = FieldKey | MasterFieldKey | AmbiguousKind;
const WORD_INDEX: Map<string, MatchKey> = buildIndex();

function buildIndex(): Map<string, MatchKey> {
  const m = new Map<string, MatchKey>();
  for (const d of FIELD_DEFS) for (const w of d.words) if (!m.has(normalizeHeader(w))) m.set(normalizeHeader(w), d.key);
  // Ambiguous words win over anything above (the rules decide later).
  for (const k of Object.keys(AMBIGUOUS_WORDS) as AmbiguousKind[])
    for (const w of AMBIGUOUS_WORDS[k]) m.set(normalizeHeader(w), k);
  return m;
}

function isMasterKey(k: MatchKey): k is MasterFieldKey {
  return k === 'address' || k === 'contact' || k === 'phone';
}

/** Raw match of one header: a field, an ambiguous kind, or null. */
export function matchHeaderWord(header: string, includeMaster = false): MatchKey | null {
  if (typeof header !== 'string' || header.length > 60) return null; // a long sentence is not a header
  const k = WORD_INDEX.get(normalizeHeader(header));
  if (k === undefined) return null;
  if (!includeMaster && isMasterKey(k)) return null;
  return k;
}

/** The field a header names, or null. Order-sheet fields only unless `includeMaster`. Ambiguous words get their lone-column meaning. */
export function matchField(header: string, includeMaster?: boolean): FieldKey | MasterFieldKey | null {
  const k = matchHeaderWord(header, includeMaster === true);
  if (k === 'shipOrDue') return 'dueDate';
  if (k === 'poNumber') return 'orderNo';
  return k;
}

/**
 * Map a row of header texts (index = position) to fields with the SPEC 2 rules: 出货日期 is dueDate unless another
 * due-date column exists; a PO column is customerPo only beside a separate orderNo column; first column wins a field.
 */
export function mapHeaders(headers: (string | null)[], includeMaster = false): (FieldKey | MasterFieldKey | null)[] {
  const raw = headers.map((h) => (h ? matchHeaderWord(h, includeMaster) : null));
  const hasDue = raw.includes('dueDate');
  const hasOrderNo = raw.includes('orderNo');
  const out: (FieldKey | MasterFieldKey | null)[] = [];
  const taken = new Set<string>();
  for (const k of raw) {
    let f: FieldKey | MasterFieldKey | null;
    if (k === 'shipOrDue') f = hasDue || taken.has('dueDate') ? 'shipDate' : 'dueDate';
    else if (k === 'poNumber') f = hasOrderNo || taken.has('orderNo') ? 'customerPo' : 'orderNo';
    else f = k;
    if (f !== null && taken.has(f)) f = null; // two columns never map to the same field
    if (f !== null) taken.add(f);
    out.push(f);
  }
  return out;
}

/** True when a (trimmed) first cell starts a subtotal/total row. */
export function isTotalText(text: string): boolean {
  const s = foldText(text);
  for (const w of TOTAL_WORDS_FOLDED) {
    if (!s.startsWith(w)) continue;
    if (/[\u0080-\uffff]/.test(w)) return true; // 合计金额, 小计: …
    // "Total:", "Total 12", "Total amount" are totals; "Totalis GmbH" and "Total Supply Co." are names.
    const rest = s.slice(w.length).trimStart();
    if (rest === '' || !/^[a-z]/.test(rest)) return true;
    if (s.charAt(w.length) !== ' ') continue;
    const word = /^[a-z]+/.exec(rest)![0];
    if (TOTAL_FOLLOWERS.has(word)) return true;
  }
  return false;
}

/** True when a first cell starts a note line (备注: …). */
export function isNoteText(text: string): boolean {
  const s = foldText(text);
  for (const p of NOTE_PREFIXES_FOLDED) if (s.startsWith(p)) return true;
  return false;
}

const TOTAL_FOLLOWERS = new Set([
  'amount',
  'qty',
  'quantity',
  'value',
  'of',
  'for',
  'usd',
  'rmb',
  'cny',
  'eur',
  'price',
  'pcs',
  'cartons',
]);

function foldText(text: string): string {
  const t = text.trim();
  return (/[\u0080-\uffff]/.test(t) ? t.normalize('NFKC') : t).toLowerCase();
}

const TOTAL_WORDS_FOLDED = TOTAL_WORDS.map((w) => w.normalize('NFKC').toLowerCase());
const NOTE_PREFIXES_FOLDED = Array.from(new Set(NOTE_PREFIXES.map((w) => w.normalize('NFKC').toLowerCase())));
