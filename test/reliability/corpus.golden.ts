// What the add-in makes of every workbook of ../shared/fixtures (the real-world corpus and the two samples): the
// order sheet and its header row, or the error code the clerk is told. A change in any of these answers fails the
// tests that read this table (test/xlsx/read, test/reliability/corpus, test/cli) until it is written down here.
// The corpus holds no order sheet: each file must be refused with the right reason, never with a crash.

import type { ErrorCode } from '../../src/core/errors';

export type Golden = { sheet: string; headerRow: number } | { error: ErrorCode };

export const REAL_WORLD_GOLDEN: Record<string, Golden> = {
  'exceljs-1519293514-KRISHNAPATNAM_LINE_UP.xlsx': { error: 'noOrderTable' }, // a vessel line-up: QTY, REMARKS only
  'exceljs-1904.xlsx': { error: 'noOrderTable' },
  'exceljs-bogus-defined-name.xlsx': { error: 'noOrderTable' },
  'exceljs-chart-sheet.xlsx': { error: 'noOrderTable' },
  'exceljs-comments.xlsx': { error: 'noOrderTable' },
  'exceljs-dateIssue.xlsx': { error: 'noOrderTable' },
  'exceljs-duplicateRowTest.xlsx': { error: 'emptyWorkbook' },
  'exceljs-fibonacci.xlsx': { error: 'noOrderTable' },
  'exceljs-formulas.xlsx': { error: 'noOrderTable' },
  'exceljs-gold.xlsx': { error: 'noOrderTable' },
  'exceljs-hidden-test-google-sheets.xlsx': { error: 'noOrderTable' },
  'exceljs-hidden-test-libre-calc-as-excel-2007-365.xlsx': { error: 'noOrderTable' },
  'exceljs-hidden-test-libre-calc-as-office-open-xml-spreadsheet.xlsx': { error: 'noOrderTable' },
  'exceljs-images.xlsx': { error: 'emptyWorkbook' },
  'exceljs-invalid-xml.xlsx': { error: 'corruptFile' },
  'exceljs-many-columns.xlsx': { error: 'noOrderTable' },
  'exceljs-missing-bits.xlsx': { error: 'corruptFile' },
  'exceljs-shared_string_with_escape.xlsx': { error: 'noOrderTable' },
  'exceljs-test-default-font.xlsx': { error: 'noOrderTable' },
  'exceljs-test-issue-1364.xlsx': { error: 'noOrderTable' },
  'exceljs-test-issue-1575.xlsx': { error: 'noOrderTable' },
  'exceljs-test-issue-163.xlsx': { error: 'noOrderTable' },
  'exceljs-test-issue-1669.xlsx': { error: 'noOrderTable' },
  'exceljs-test-issue-176.xlsx': { error: 'noOrderTable' },
  'exceljs-test-issue-1842.xlsx': { error: 'emptyWorkbook' },
  'exceljs-test-issue-257.xlsx': { error: 'emptyWorkbook' },
  'exceljs-test-issue-623.xlsx': { error: 'emptyWorkbook' },
  'exceljs-test-issue-771.xlsx': { error: 'emptyWorkbook' },
  'exceljs-test-issue-877.xlsx': { error: 'noOrderTable' },
  'exceljs-test-issue-880.xlsx': { error: 'noOrderTable' },
  'exceljs-test-issue-988.xlsx': { error: 'noOrderTable' },
  'exceljs-test-pr-1204.xlsx': { error: 'noOrderTable' },
  'exceljs-test-pr-1220.xlsx': { error: 'noOrderTable' },
  'exceljs-test-pr-567.xlsx': { error: 'noOrderTable' },
  'exceljs-test-pr-728.xlsx': { error: 'noOrderTable' },
  'exceljs-test-row-styles.xlsx': { error: 'noOrderTable' },
  'officedev-SalesTemplate.xlsx': { error: 'noOrderTable' },
  'officedev-copilot-Test.xlsx': { error: 'encrypted' }, // an OLE2 EncryptedPackage (DRM-protected)
};

export const SAMPLES_GOLDEN: Record<string, Golden> = {
  'en-po.xlsx': { sheet: 'Orders', headerRow: 1 },
  'zh-factory.xlsx': { sheet: '2026订单', headerRow: 3 },
};

/** The golden answer of a fixture by file name; throws for a file the table does not list yet. */
export function goldenOf(file: string): Golden {
  const g = REAL_WORLD_GOLDEN[file] ?? SAMPLES_GOLDEN[file];
  if (!g) throw new Error(`${file} is not in test/reliability/corpus.golden.ts: add what the add-in should make of it`);
  return g;
}
