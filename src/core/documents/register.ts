// The document register 单据登记 / Documents (SPEC 7, 11): one appended row per generated document — number, type,
// date, customer, order numbers, source rows, sheet name, total quantity, total amount, state (有效 / 作废), receipt
// date (回单日期) and note. An existing register (either language, header in row 1 or below its letterhead) is
// reused, so numbering and history stay in one place; a new one is print-ready: letterhead, title, repeating header.

import { quantityColumnFormat } from '../numberFormats';
import { cellAddress, rangeAddress } from '../address';
import { letterheadLines } from '../company';
import { DATE_FORMAT, toSerial1900 } from '../dates';
import type { CellSpec, CellStyle, WorkbookEdit, WriteValue } from '../edits';
import { t } from '../i18n';
import { findOwnSheet, ownSheetName, type OwnSheetKind } from '../ownSheets';
import { titleRows } from '../printSetup';
import { cellAt, lastRow } from '../snapshot';
import type { CellValue, CompanyProfile, Lang, WorkbookSnapshot } from '../types';
import { documentFont } from './font';

const REGISTER_KEY = 'doc.register.sheet';
const LANGS: Lang[] = ['zh-CN', 'en-US'];

/** Both languages' register names: 单据登记, Documents. */
export const REGISTER_SHEET_NAMES: string[] = LANGS.map((l) => t(l, REGISTER_KEY));

/** The first seven columns identify a register (registers written before the later columns existed stay ours). */
const KEY_COLUMNS = ['number', 'type', 'date', 'customer', 'orderNos', 'rows', 'sheetName'] as const;
const COLUMNS = [...KEY_COLUMNS, 'quantity', 'amount', 'state', 'receiptDate', 'note'] as const;
type Column = (typeof COLUMNS)[number];
const COLUMN_WIDTHS = [18, 10, 12, 20, 24, 9, 24, 11, 13, 7, 12, 26];
const COLUMN_FORMATS: (string | null)[] = [
  '@',
  '@',
  DATE_FORMAT,
  '@',
  '@',
  '@',
  '@',
  null, // the quantity column's format follows its values: quantityColumnFormat
  '#,##0.00',
  '@',
  DATE_FORMAT,
  '@',
];
export const REGISTER_COLUMN: Record<Column, number> = Object.fromEntries(COLUMNS.map((c, i) => [c, i + 1])) as Record<
  Column,
  number
>;

const header = (lang: Lang): string[] => COLUMNS.map((c) => t(lang, `doc.register.${c}`));

const REGISTER_KIND: OwnSheetKind<Lang> = {
  names: { 'zh-CN': t('zh-CN', REGISTER_KEY), 'en-US': t('en-US', REGISTER_KEY) },
  headers: {
    'zh-CN': KEY_COLUMNS.map((k) => t('zh-CN', `doc.register.${k}`)),
    'en-US': KEY_COLUMNS.map((k) => t('en-US', `doc.register.${k}`)),
  },
};

export interface RegisterEntry {
  number: string;
  typeLabel: string;
  /** Serial in the workbook's date system. */
  dateSerial: number;
  customer: string;
  orderNos: string;
  rows: string;
  sheet: string;
  quantity: number | null;
  amount: number | null;
  /** Register note, e.g. what the clerk forced (SPEC 7). */
  note: string;
}

export interface RegisterSheet {
  name: string;
  lang: Lang;
  /** Whether the workbook has it already, and its header row there. */
  exists: boolean;
  headerRow: number;
}

/** Our register (by name and header row, either language), else a new one no clerk's sheet already holds. */
export function registerSheet(wb: WorkbookSnapshot, lang: Lang): RegisterSheet {
  const found = findOwnSheet(wb, REGISTER_KIND);
  if (found) return { name: found.sheet.name, lang: found.lang ?? lang, exists: true, headerRow: found.headerRow };
  return { ...ownSheetName(wb, REGISTER_KIND, lang), exists: false, headerRow: 1 };
}

/** The state word (有效 / 作废 · valid / void) in the register's language. */
export function registerState(lang: Lang, state: 'valid' | 'void'): string {
  return t(lang, `shipments.state.${state}`);
}

/**
 * Rows for the register: on a new register, first the print-ready sheet (letterhead, title, header); on an old one
 * written before the quantity … note columns, their header cells; then the rows, bordered, in the document font.
 */
export function planRegisterRows(
  wb: WorkbookSnapshot,
  sheet: RegisterSheet,
  entries: RegisterEntry[],
  company: CompanyProfile | null,
): WorkbookEdit[] {
  const edits: WorkbookEdit[] = [];
  const words = header(sheet.lang);
  const font = documentFont(sheet.lang);
  if (!sheet.exists) edits.push({ kind: 'addSheet', spec: newRegisterSpec(sheet, company) });
  else {
    const found = findOwnSheet(wb, REGISTER_KIND);
    const cells: { address: string; value: WriteValue }[] = [];
    if (found) {
      for (let c = KEY_COLUMNS.length + 1; c <= COLUMNS.length; c++) {
        const v = cellAt(found.sheet, found.headerRow, c);
        if (v === null || v === '') cells.push({ address: cellAddress(found.headerRow, c), value: words[c - 1] });
      }
    }
    if (cells.length) edits.push({ kind: 'setValues', sheet: sheet.name, cells });
  }
  const valid = registerState(sheet.lang, 'valid');
  edits.push({
    kind: 'appendRows',
    sheet: sheet.name,
    header: words,
    columnWidths: COLUMN_WIDTHS,
    columnFormats: COLUMN_FORMATS.map((f, i) =>
      i === COLUMNS.indexOf('quantity') ? quantityColumnFormat(entries.map((e) => e.quantity)) : f,
    ),
    rows: entries.map((e) => [
      e.number,
      e.typeLabel,
      e.dateSerial,
      e.customer,
      e.orderNos,
      e.rows,
      e.sheet,
      e.quantity,
      e.amount,
      valid,
      null,
      e.note === '' ? null : e.note,
    ]),
    rowStyle: { border: 'thin', vAlign: 'middle', fontName: font },
    extendPrintArea: true,
  });
  return edits;
}

/** A new register: letterhead (when the company is known), title, header row; A4 landscape, header repeating. */
function newRegisterSpec(sheet: RegisterSheet, company: CompanyProfile | null) {
  const width = COLUMNS.length;
  const font = documentFont(sheet.lang);
  const cells: CellSpec[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  let row = 1;
  const line = (text: string, style: CellStyle, height: number) => {
    cells.push({ row, col: 1, value: text, style: { ...style, fontName: font } });
    merges.push(rangeAddress(row, 1, row, width));
    rowHeights[row] = height;
    row++;
  };
  if (company) {
    const head = letterheadLines(company, sheet.lang);
    line(head.name, { bold: true, size: 16, hAlign: 'center', vAlign: 'middle' }, 26);
    if (head.contact) line(head.contact, { size: 9, hAlign: 'center', vAlign: 'middle' }, 15);
  }
  line(
    `${t(sheet.lang, REGISTER_KEY)} ${t(sheet.lang === 'zh-CN' ? 'en-US' : 'zh-CN', REGISTER_KEY)}`,
    {
      bold: true,
      size: 14,
      hAlign: 'center',
      vAlign: 'middle',
    },
    24,
  );
  const headerRow = row;
  header(sheet.lang).forEach((h, i) =>
    cells.push({
      row: headerRow,
      col: i + 1,
      value: h,
      style: {
        bold: true,
        fill: '#D9D9D9',
        border: 'thin',
        hAlign: 'center',
        vAlign: 'middle',
        wrap: true,
        fontName: font,
      },
    }),
  );
  return {
    name: sheet.name,
    cells,
    merges,
    columnWidths: COLUMN_WIDTHS,
    rowHeights,
    pageSetup: {
      paperSize: 'A4' as const,
      orientation: 'landscape' as const,
      fitToWidth: 1 as const,
      printArea: rangeAddress(1, 1, headerRow, width),
      printTitleRows: titleRows(headerRow),
      margins: { top: 0.6, bottom: 0.6, left: 0.4, right: 0.4 },
    },
    freezeRows: headerRow,
    showGridlines: false,
  };
}

export interface RegisterRow {
  /** Row in the register sheet. */
  sheetRow: number;
  number: string;
  typeLabel: string;
  /** 1900-system serial, or null when unreadable. */
  date: number | null;
  customer: string;
  sheet: string;
  state: 'valid' | 'void';
  receiptDate: number | null;
  /** The receipt cell holds anything (a date, or a date the clerk typed as text). */
  returned: boolean;
  note: string;
}

function text(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'object') return v.error;
  return String(v).trim();
}

/** The register's rows (those holding a document number), in order; the sheet's name and header row. */
export function readRegister(wb: WorkbookSnapshot): { sheet: string | null; lang: Lang | null; rows: RegisterRow[] } {
  const found = findOwnSheet(wb, REGISTER_KIND);
  if (!found) return { sheet: null, lang: null, rows: [] };
  const s = found.sheet;
  const voidWords = new Set(LANGS.map((l) => registerState(l, 'void').toLowerCase()));
  const out: RegisterRow[] = [];
  for (let r = found.headerRow + 1; r <= lastRow(s); r++) {
    const v = (c: Column) => cellAt(s, r, REGISTER_COLUMN[c]);
    const number = text(v('number'));
    if (!/^[A-Z]{2}-\d{8}-\d{3,}$/.test(number)) continue;
    const date = v('date');
    const receipt = v('receiptDate');
    out.push({
      sheetRow: r,
      number,
      typeLabel: text(v('type')),
      date: typeof date === 'number' ? toSerial1900(date, wb.dateSystem) : null,
      customer: text(v('customer')),
      sheet: text(v('sheetName')),
      state: voidWords.has(text(v('state')).toLowerCase()) ? 'void' : 'valid',
      receiptDate: typeof receipt === 'number' ? toSerial1900(receipt, wb.dateSystem) : null,
      returned: text(receipt) !== '',
      note: text(v('note')),
    });
  }
  return { sheet: s.name, lang: found.lang, rows: out };
}
