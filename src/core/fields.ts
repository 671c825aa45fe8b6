// The one table of header words (简体, 繁體, English) for every field, and the words of total and note rows
// (SPEC 2, 3). How a header is matched against them lives in understand/headerWords.ts.

import { LATER_FIELD_DEFS } from './fieldWordsLater';
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
      // ERP exports (docs/research/erp-captions.md): Kingdee 单据编号 (FBillNo); Odoo sale.order.line order_id.
      '单据编号',
      '單據編號',
      'Order Reference',
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
      // Yonyou U8 客户简称 (cCusAbbName, SPEC 2); Digiwin/Taiwanese ERPs 客戶簡稱; Guangdong factory sheets 客名.
      '客户简称',
      '客戶簡稱',
      '客名',
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
      // Yonyou U8 存货编码 (cInvCode); Guangdong factory words 货品 (SPEC 2).
      '存货编码',
      '存貨編碼',
      '货品',
      '貨品',
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
      'Desc.',
      // Yonyou U8 存货名称 (cInvName); ERPNext Item Name (sales_order_item.json).
      '存货名称',
      '存貨名稱',
      'Item Name',
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
      // Kingdee 销售数量 (FQty); Digiwin 訂購數量; garment/trading sheets Total Qty / Ttl Qty / PO Qty (SPEC 2).
      '销售数量',
      '銷售數量',
      '訂購數量',
      'Total Qty',
      'Ttl Qty',
      'PO Qty',
    ],
  },
  {
    key: 'unit',
    words: [
      '单位',
      '單位',
      '计量单位',
      'Unit',
      'UOM',
      'U/M',
      'Units',
      // Kingdee 销售单位 (FUnitID); Yonyou U8 主计量单位 (cComUnitCode).
      '销售单位',
      '銷售單位',
      '主计量单位',
      '主計量單位',
    ],
  },
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
      // Yonyou U8 原币含税单价 (iTaxUnitPrice); Guangdong 单价USD; garment FOB / FOB Price; ERPNext Rate.
      '原币含税单价',
      '单价USD',
      'FOB',
      'FOB Price',
      'Rate',
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
      // Kingdee / Yonyou 价税合计 (FAllAmount / iSum); Guangdong 金额USD; Odoo Subtotal (price_subtotal).
      '价税合计',
      '價稅合計',
      '原币价税合计',
      '金额USD',
      'Subtotal',
    ],
  },
  { key: 'currency', words: ['币别', '币种', '幣別', '幣種', '货币', 'Currency', 'Curr.', 'CCY'] },
  ...LATER_FIELD_DEFS,
];

/** Words whose field depends on the other columns of the sheet (SPEC 2 rules). */
export type AmbiguousKind = 'shipOrDue' | 'poNumber' | 'requestedOrDue';
export const AMBIGUOUS_WORDS: Record<AmbiguousKind, string[]> = {
  // dueDate when no other due-date column exists, else shipDate.
  shipOrDue: ['出货日期', '出貨日期', '出货日', '出货期', 'Ship Date', 'Shipping Date', 'Ship Dt'],
  // requestedDate when a confirmed due-date column exists, else dueDate (SPEC 2). Guangdong 客要求走货期 beside 走货期
  // (docs/research/erp-captions.md, section 7); Digiwin 客戶需求日.
  requestedOrDue: [
    '客户交期',
    '客戶交期',
    '要求交期',
    '客户要求交期',
    '客戶要求交期',
    '客要求走货期',
    '客戶需求日',
    'Requested Date',
    'Customer Request Date',
    'Customer Requested Date',
  ],
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

/**
 * Words that name a field only when no other column of the header row names it with a word of FIELD_DEFS (SPEC 2:
 * an exact word beats a column that merely could be). First field free wins: "Product" is the item when no item
 * column exists (Odoo exports `[FM-201] Desk fan`), else the description when none exists, else nothing.
 */
export const WEAK_WORDS: { word: string; fields: FieldKey[] }[] = [
  { word: 'Product', fields: ['item', 'description'] },
];

/** Fields that belong to the customer list only (address, contact, phone), not to an order line. */
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
