// WorkbookEdit: the closed set of declarative changes core asks an adapter to carry out.
// Core builds them; src/excel and src/xlsx each carry out every kind. Values in `value` are
// always literal: an adapter must never let a string that starts with = + - @ become a formula.

import type { CellValue } from './types';

/** Literal value an edit writes. Dates are written as serials in the workbook's date system plus a date numberFormat. */
export type WriteValue = number | string | boolean | null;

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  size?: number; // points
  /** Font name ("Microsoft YaHei"); documents name one font on every cell so every program prints the same face. */
  fontName?: string;
  fontColor?: string; // "#RRGGBB"
  fill?: string; // "#RRGGBB"
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  numberFormat?: string;
  /** Thin border on all four sides (printed forms). */
  border?: 'thin' | 'medium';
}

export interface CellSpec {
  row: number;
  col: number;
  /** Literal value (text stays text). Ignored when `formula` is set. */
  value?: WriteValue;
  /** Only formulas the generator builds itself, without the leading "=" (e.g. "SUM(E5:E9)"). */
  formula?: string;
  style?: CellStyle;
}

export interface PageSetup {
  paperSize: 'A4';
  orientation: 'portrait' | 'landscape';
  /** Fit to one page wide; height free. */
  fitToWidth: 1;
  /** A1 range, e.g. "A1:J30". */
  printArea: string;
  /** Rows that repeat on every printed page, e.g. "$4:$4"; null when none. */
  printTitleRows: string | null;
  margins?: { top: number; bottom: number; left: number; right: number }; // inches
  /** Centre footer on every page, in Excel's codes: &P page, &N pages ("第 &P 页 / 共 &N 页"). */
  footer?: string;
  /**
   * Manual page breaks: each number is the first row of a new printed page (ascending). Honoured with fit to one
   * page wide because the height is left free (fitToHeight 0, Excel's FitToPagesTall = False).
   */
  rowBreaks?: number[];
}

export interface ChartSpec {
  type: 'barClustered' | 'columnClustered';
  title: string;
  /** A1 range of the categories and values (two adjacent columns, header row included). */
  dataRange: string;
  /** Top-left and bottom-right cell the chart covers. */
  anchor: { from: string; to: string };
}

export interface SheetSpec {
  name: string;
  cells: CellSpec[];
  merges: string[]; // "A1:F1"
  /** Column widths in characters, index 0 = column A. */
  columnWidths: number[];
  rowHeights?: Record<number, number>; // points
  pageSetup: PageSetup;
  /** Freeze panes below this row (0 = none). */
  freezeRows?: number;
  /** A chart over a table of the sheet (Excel draws it; the .xlsx writer writes the same chart part). */
  chart?: ChartSpec;
  /** Show gridlines on screen (documents look like forms without them). */
  showGridlines?: boolean;
}

export type ValidationRule =
  | { kind: 'decimal'; operator: 'greaterThan' | 'greaterThanOrEqualTo'; value: number }
  | { kind: 'date'; between: [string, string] } // ISO dates
  | { kind: 'list'; values: string[] };

export interface ValidationSpec {
  /** A1 range of a mapped column inside the table's data rows, e.g. "H4:H15". */
  range: string;
  rule: ValidationRule;
  prompt: { title: string; message: string };
  errorAlert: {
    title: string;
    message: string;
    /** 'warning' lets the clerk keep a value outside the rule after a question (a new status word); default stop. */
    style?: 'stop' | 'warning';
  };
}

export interface ConditionalRule {
  /** Formula without "=", written relative to the first cell of the first range (A1 style). */
  formula: string;
  fill?: string;
  fontColor?: string;
  strike?: boolean;
}

/** One cell of a setValues edit. */
export interface SetValueCell {
  address: string;
  value: WriteValue;
  numberFormat?: string;
  /**
   * A cell of the same sheet whose formula this cell continues (a new order line's computed column): the formula is
   * copied with its relative row references moved, as Excel's fill-down does; `value` is then not written.
   */
  formulaFrom?: string;
  /** A cell of the same sheet whose format (font, fill, borders, number format) this cell takes before its value. */
  formatFrom?: string;
}

export type WorkbookEdit =
  /**
   * The Excel table over the order block, decided by core (core/orderTable.ts). `create`: add a table named exactly
   * `name` over exactly `range` (core has refused blank, duplicate, non-text, formula and merged header cells and made
   * the name unique). `reuse`: the table `name` exists; when it does not cover `range`, grow it to cover it (grow
   * only; core has checked the new header cells). An adapter never writes a header cell.
   */
  | { kind: 'ensureTable'; sheet: string; range: string; name: string; mode: 'create' | 'reuse' }
  /** Overwrite single cells (chosen fixes, undo). Always paired with a change-log appendRows in the same plan. */
  | { kind: 'setValues'; sheet: string; cells: SetValueCell[] }
  /** Replace the data-validation rules of these ranges (clear, then set). */
  | { kind: 'setDataValidation'; sheet: string; rules: ValidationSpec[] }
  /**
   * Replace the add-in's own conditional formats on the sheet: delete every rule whose formula contains
   * `marker`, then add `rules` (in priority order) over `ranges` (one or more A1 areas). rules = [] only clears.
   */
  | {
      kind: 'setConditionalFormats';
      sheet: string;
      marker: string;
      ranges: string[];
      rules: ConditionalRule[];
      /** A1 area the add-in's earlier rules are looked for in (the order block); absent: the sheet's used range. */
      scope?: string;
    }
  /** Create a new sheet (name already unique) from a spec, and optionally activate it. */
  | { kind: 'addSheet'; spec: SheetSpec; activate?: boolean }
  /**
   * Append rows below the last used row of a sheet (register, change log). When the sheet does not exist it is
   * created with `header` in row 1 and `columnWidths`.
   */
  | {
      kind: 'appendRows';
      sheet: string;
      header: string[];
      columnWidths: number[];
      rows: WriteValue[][];
      /** Number formats per column (index 0 = column A), e.g. a date format for the time column. */
      columnFormats?: (string | null)[];
      /** Style of every appended cell (a printed list: borders and the document font); number formats still apply. */
      rowStyle?: CellStyle;
      /** Set the sheet's print area to A1 through the last appended row, across the header's width (printed lists). */
      extendPrintArea?: boolean;
    }
  /** Write the settings JSON into the very hidden `_order_clerk` sheet (created when missing). */
  | { kind: 'writeSettings'; json: string };

export type EditKind = WorkbookEdit['kind'];

/** Something Excel did not do as asked, told to the clerk (catalogue key `apply.warning.<code>`). */
export interface ApplyWarning {
  code: 'fitToWidthNotApplied' | 'conditionalFormatsUnreadable';
  sheet: string;
}

/** Cells an apply wrote, so a port can re-read just those instead of the whole workbook. */
export interface ChangedArea {
  sheet: string;
  /** A1 areas written ("H7", "A2:F40"). */
  areas: string[];
  /** The sheet's cells are exactly `areas` now (a new sheet, or one whose contents were replaced). */
  whole?: boolean;
  /** A document or report the add-in made: core reads only its name, so its cells need not be read back. */
  generated?: boolean;
  /** The sheet's tables changed (made or renamed). */
  tables?: boolean;
}

export interface ApplyResult {
  /** Name of each sheet created, in order. */
  createdSheets: string[];
  /** Table name used or created, when the plan had ensureTable. */
  table: string | null;
  /** A reuse this Excel could not grow (no Table.resize before ExcelApi 1.13): the table is left at `range`. */
  tableNotGrown?: { name: string; range: string };
  /** Cells whose value was cut or left empty to stay inside Excel's limits (core/limits.ts); absent when none. */
  limited?: { target: string; what: 'truncated' | 'notFinite' | 'formulaTooLong' | 'listTooLong' }[];
  /** What did not take effect although the plan was carried out (absent: nothing). */
  warnings?: ApplyWarning[];
  /** What was written (absent: the adapter does not say; re-read the workbook). */
  changed?: ChangedArea[];
}

/** Value as a clerk would see it typed back, for change-log cells. */
export function describeValue(v: CellValue): WriteValue {
  if (v === null) return null;
  if (typeof v === 'object') return v.error;
  return v;
}
