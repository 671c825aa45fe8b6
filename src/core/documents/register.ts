// The document register (SPEC 7): one appended row per generated document. An existing register
// (单据登记 or Documents) is reused, so numbering and history stay in one place.

import { DATE_FORMAT } from '../dates';
import type { WorkbookEdit, WriteValue } from '../edits';
import { t } from '../i18n';
import type { Lang, WorkbookSnapshot } from '../types';
import { ownSheetName, type OwnSheetKind } from '../ownSheets';

const REGISTER_KEY = 'doc.register.sheet';
const LANGS: Lang[] = ['zh-CN', 'en-US'];

/** Both languages' register names: 单据登记, Documents. */
export const REGISTER_SHEET_NAMES: string[] = LANGS.map((l) => t(l, REGISTER_KEY));

const COLUMN_KEYS = [
  'doc.register.number',
  'doc.register.type',
  'doc.register.date',
  'doc.register.customer',
  'doc.register.orderNos',
  'doc.register.rows',
  'doc.register.sheetName',
];
const COLUMN_WIDTHS = [18, 14, 12, 24, 24, 14, 30];
const DATE_COLUMN = 2;

export interface RegisterEntry {
  number: string;
  typeLabel: string;
  /** Serial in the workbook's date system. */
  dateSerial: number;
  customer: string;
  orderNos: string;
  rows: string;
  sheet: string;
}

/** The register in use: an existing one (Excel compares names case-insensitively), else a new one in `lang`. */
const REGISTER_KIND: OwnSheetKind<Lang> = {
  names: { 'zh-CN': t('zh-CN', REGISTER_KEY), 'en-US': t('en-US', REGISTER_KEY) },
  headers: { 'zh-CN': COLUMN_KEYS.map((k) => t('zh-CN', k)), 'en-US': COLUMN_KEYS.map((k) => t('en-US', k)) },
};

/** Our register (by name and header row, either language), else a new one no clerk's sheet already holds. */
export function registerSheet(wb: WorkbookSnapshot, lang: Lang): { name: string; lang: Lang } {
  return ownSheetName(wb, REGISTER_KIND, lang);
}

export function planRegisterRows(sheet: { name: string; lang: Lang }, entries: RegisterEntry[]): WorkbookEdit {
  const rows: WriteValue[][] = entries.map((e) => [
    e.number,
    e.typeLabel,
    e.dateSerial,
    e.customer,
    e.orderNos,
    e.rows,
    e.sheet,
  ]);
  return {
    kind: 'appendRows',
    sheet: sheet.name,
    header: COLUMN_KEYS.map((k) => t(sheet.lang, k)),
    columnWidths: COLUMN_WIDTHS,
    rows,
    columnFormats: COLUMN_KEYS.map((_, i) => (i === DATE_COLUMN ? DATE_FORMAT : null)),
  };
}
