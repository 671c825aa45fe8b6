// The plain data the pure core works on. Rows and columns are 1-based sheet numbers, as Excel shows them.

import type { LineColumns } from './lines/columns';

export interface CellError {
  error: string; // "#N/A", "#REF!" …
}
export type CellValue = number | string | boolean | null | CellError;

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && typeof (v as CellError).error === 'string';
}

/** One sheet's used range, as read by an adapter. Raw values: date cells are serials in the workbook's date system. */
export interface SheetSnapshot {
  name: string;
  /** Sheet row / column number of values[0][0]. */
  top: number;
  left: number;
  /** Rectangular: every row has the same length. */
  values: CellValue[][];
  /** Number format per cell, same shape as values, or null when the adapter could not read it. */
  formats: (string | null)[][] | null;
  /** Merged areas as A1 ranges ("A1:P1"). */
  merges: string[];
  /** Existing Excel tables on this sheet. */
  tables: { name: string; range: string }[];
  visibility: 'visible' | 'hidden' | 'veryHidden';
  protected: boolean;
  /**
   * Cells holding formulas, as A1 cells or areas ("D2", "D2:D9"); absent when the adapter could not tell (or none).
   * values carry a formula's result only, so fixes must know not to write over these.
   */
  formulaCells?: string[];
  /** Cells present in the file but left out of `values` (a lone cell far to the right of a long sheet), if any. */
  omittedCells?: { count: number; beyondColumn: string };
  /** Only the sheet's first rows were read (a scoped read): its lines and lists are incomplete. */
  partial?: boolean;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  dateSystem: 1900 | 1904;
  /** Name of the sheet the clerk is on (Excel) or null (CLI). */
  activeSheet: string | null;
  /** Defined names as the file holds them (the .xlsx reader; absent when unknown). sheet: its scope, null = workbook. */
  definedNames?: { name: string; sheet: string | null; formula: string }[];
}

export type Lang = 'zh-CN' | 'en-US';

export type FieldKey =
  | 'lineNo'
  | 'orderNo'
  | 'customerPo'
  | 'customer'
  | 'item'
  | 'description'
  | 'spec'
  | 'quantity'
  | 'unit'
  | 'unitPrice'
  | 'amount'
  | 'currency'
  | 'orderDate'
  | 'dueDate'
  | 'shipDate'
  | 'shippedQty'
  | 'openQty'
  | 'requestedDate'
  | 'status'
  | 'remarks'
  | 'cartons'
  | 'qtyPerCarton'
  | 'netWeight'
  | 'grossWeight'
  | 'cartonSize'
  | 'cbm';

/** Fields that only master sheets carry. */
export type MasterFieldKey = 'address' | 'contact' | 'phone';

export type SkipReason = 'blank' | 'subtotal' | 'note';

/** Result of understanding the order sheet. */
export interface OrderSheet {
  sheet: string;
  headerRow: number;
  /** field → sheet column number. */
  columns: Partial<Record<FieldKey, number>>;
  /** Every non-empty header cell, mapped or not. */
  headers: { column: number; header: string; field: FieldKey | null }[];
  /** First and last column of the header block (the table's width). */
  firstColumn: number;
  lastColumn: number;
  /** First row after the header and last row holding an order line (the data block; the table spans it). */
  firstDataRow: number;
  lastDataRow: number;
  /** Order-line rows, ascending. */
  dataRows: number[];
  /** Rows inside the data block that are not order lines. */
  skippedRows: { row: number; reason: SkipReason }[];
  masters: { products: string | null; customers: string | null };
  /** Sheet's language, from its header words: Chinese headers → zh-CN. */
  lang: Lang;
  /** Columns mapped from their content, not their words (SPEC 3); they are in `columns` too. */
  inferred?: Partial<Record<FieldKey, number>>;
}

export interface ProductInfo {
  item: string;
  row: number;
  description?: string;
  spec?: string;
  unit?: string;
  unitPrice?: number;
  qtyPerCarton?: number;
  netWeight?: number;
  grossWeight?: number;
  cartonSize?: string;
  cbm?: number;
}

export interface CustomerInfo {
  customer: string;
  row: number;
  address?: string;
  contact?: string;
  phone?: string;
}

export interface Masters {
  products: { sheet: string; byItem: Map<string, ProductInfo> } | null;
  customers: { sheet: string; byName: Map<string, CustomerInfo> } | null;
}

export type Severity = 'error' | 'warning' | 'fixable';

export type IssueCode =
  | 'required.missing'
  | 'number.invalid'
  | 'text.number'
  | 'quantity.notPositive'
  | 'unitPrice.negative'
  | 'amount.mismatch'
  | 'date.invalid'
  | 'text.date'
  | 'dueDate.beforeOrderDate'
  | 'shippedQty.exceedsQuantity'
  | 'cell.error'
  | 'line.duplicate'
  | 'priceList.unknownItem'
  | 'priceList.priceDiffers'
  | 'column.missing'
  | 'amount.missing';

export interface Issue {
  cell: string; // "H7"
  row: number;
  column: string; // "H"
  field: FieldKey;
  code: IssueCode;
  severity: Severity;
  message: string;
  value: CellValue;
  fix: { value: number | string } | null; // number, or date as YYYY-MM-DD
}

export type DelayClass = 'cancelled' | 'shipped' | 'noDueDate' | 'overdue' | 'dueSoon' | 'onTrack';
export const DELAY_CLASSES: DelayClass[] = ['overdue', 'dueSoon', 'onTrack', 'noDueDate', 'shipped', 'cancelled'];

export interface DelayRow {
  row: number;
  class: DelayClass;
  daysLate: number;
  openQty: number;
  /** Only where a requestedDate column exists: the confirmed dueDate − requestedDate when positive, else 0 (SPEC 6). */
  daysBehindRequest?: number;
}

export type StatusKind = 'shipped' | 'cancelled' | 'partial';

/** Settings kept in the very hidden `_order_clerk` sheet (SPEC 9). */
export interface Settings {
  version: 1;
  /** Per order sheet name: header text or column letter → field (or null: "not mapped"). Keyed by column letter. */
  columnOverrides: Record<string, Record<string, FieldKey | null>>;
  /** Sheet row the clerk pointed at as the header row, per sheet. */
  headerRowOverrides: Record<string, number>;
  dueSoonDays: number;
  extraStatusWords: Partial<Record<StatusKind, string[]>>;
  /** Language of generated documents; null: the order sheet's language. */
  documentLang: Lang | null;
  /** D/M/Y for ambiguous slashed dates. */
  dayFirstDates: boolean;
  /**
   * Last document sequence used per type and day, e.g. "DN-20261122" → 3, so a number is never reused even after
   * the clerk deleted both the document sheet and its register row. Absent until the first document.
   */
  lastNumbers?: Record<string, number>;
  /** The clerk's company, printed as the letterhead of every document, report and register (SPEC 7, 9). */
  company?: CompanyProfile;
  /** Days a delivery note's signed receipt (回单) may be out before `receipts` lists it (SPEC 11). */
  receiptDays: number;
  /** Export packing lists: default ports (SPEC 7), used when the clerk gives none. */
  ports?: { loading?: string; destination?: string };
  /** Extra lines of the shipping marks block (e.g. a brand), printed under the customer/PO/C/NO. lines. */
  marks?: string[];
  /** Fields of the settings JSON this version does not know: written back as they were, so nothing is lost. */
  kept?: Record<string, unknown>;
}

/** SPEC 9 company profile. Only `name` is needed for a letterhead; the rest prints when given. */
export interface CompanyProfile {
  name: string;
  address?: string;
  phone?: string;
  fax?: string;
  taxNo?: string;
}

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  columnOverrides: {},
  headerRowOverrides: {},
  dueSoonDays: 7,
  extraStatusWords: {},
  documentLang: null,
  dayFirstDates: false,
  receiptDays: 7,
};

/** What reading one cell as a number or a date gave. Dates are serials in the 1900 system. */
export type Reading =
  | { kind: 'empty' }
  | { kind: 'ok'; value: number; fromText: boolean }
  | { kind: 'invalid'; text: string }
  | { kind: 'error'; error: string };

export type NumericField =
  | 'quantity'
  | 'unitPrice'
  | 'amount'
  | 'shippedQty'
  | 'openQty'
  | 'cartons'
  | 'qtyPerCarton'
  | 'netWeight'
  | 'grossWeight'
  | 'cbm';
export type DateField = 'orderDate' | 'dueDate' | 'shipDate' | 'requestedDate';

export const NUMERIC_FIELDS: NumericField[] = [
  'quantity',
  'unitPrice',
  'amount',
  'shippedQty',
  'openQty',
  'cartons',
  'qtyPerCarton',
  'netWeight',
  'grossWeight',
  'cbm',
];
export const DATE_FIELDS: DateField[] = ['orderDate', 'dueDate', 'shipDate', 'requestedDate'];

/** One order line as read from the order sheet: every mapped cell, plus numbers and dates read per SPEC 4. */
export interface OrderLine {
  row: number;
  /** Raw cell value of each mapped field. */
  raw: Partial<Record<FieldKey, CellValue>>;
  /** Trimmed display text of each mapped field ('' for empty; error text for errors; dates as YYYY-MM-DD). */
  text: Partial<Record<FieldKey, string>>;
  /** Numeric fields that are mapped. */
  num: Partial<Record<NumericField, Reading>>;
  /** Date fields that are mapped; `ok.value` is a 1900-system serial. */
  date: Partial<Record<DateField, Reading>>;
}

/** Everything core derives from one read of the workbook. */
export interface Understanding {
  readonly order: OrderSheet;
  /** The order lines, one object each (made on first use). */
  readonly lines: readonly OrderLine[];
  /** The same lines column by column: what checks and delay classes read. */
  readonly columns: LineColumns;
  readonly masters: Masters;
  readonly settings: Settings;
  readonly dateSystem: 1900 | 1904;
  /** Whether a cell of the order sheet holds a formula (absent: none known). Its value is the formula's result. */
  readonly isFormula?: (row: number, col: number) => boolean;
}
