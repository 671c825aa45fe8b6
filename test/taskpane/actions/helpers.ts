// A small order workbook as a clerk keeps it, on the .xlsx port the demo uses, and what the pane actions need to run
// on it. Rows 4–7 are order lines: row 5 has a quantity and a due date typed as text, row 7 a quantity "TBD".

import * as ExcelJS from 'exceljs';
import type { CellValue, WorkbookSnapshot } from '../../../src/core/types';
import type { ActionContext } from '../../../src/taskpane/actions';
import { XlsxWorkbookPort } from '../../../src/xlsx/port';

export const TODAY = '2026-11-22';
export const NOW = new Date(2026, 10, 22, 9, 30, 0);

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Sheet "Orders": a title line, the header in row 3, four order lines, a total row; sheet "Prices": a price list. */
export function orderBook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Orders');
  ws.getCell('A1').value = 'Order book 2026';
  ws.getRow(3).values = [
    'Order No.',
    'Customer',
    'Item',
    'Qty',
    'Unit Price',
    'Amount',
    'Order Date',
    'Due Date',
    'Status',
  ];
  const lines: unknown[][] = [
    ['SO-1', 'Acme', 'X-1', 10, 2.5, 25, day('2026-11-01'), day('2026-11-10'), 'Open'], // 4: overdue
    ['SO-1', 'Acme', 'X-2', '1,200', 2, 2400, day('2026-11-01'), '2026/11/25', 'Open'], // 5: text qty and due date
    ['SO-2', 'Bolt Co', 'X-1', 5, 2.5, 12.5, day('2026-11-02'), day('2026-12-20'), 'Shipped'], // 6
    ['SO-3', 'Bolt Co', 'X-3', 'TBD', 3, null, day('2026-11-03'), day('2026-12-01'), 'Open'], // 7: TBD
  ];
  lines.forEach((l, i) => {
    const row = ws.getRow(4 + i);
    row.values = l as ExcelJS.CellValue[];
    for (const c of [7, 8]) if (row.getCell(c).value instanceof Date) row.getCell(c).numFmt = 'yyyy-mm-dd';
  });
  ws.getRow(8).values = ['Total', null, null, 1215];
  const prices = wb.addWorksheet('Prices');
  prices.getRow(1).values = ['Item', 'Unit Price', 'PCS/CTN', 'N.W.', 'G.W.', 'Measurement'];
  prices.getRow(2).values = ['X-1', 2.5, 10, 5, 5.5, '40x30x20'];
  prices.getRow(3).values = ['X-2', 2, 100, 8, 9, '50x40x30'];
  prices.getRow(4).values = ['X-3', 3, 20, 6, 6.5, '40x40x40'];
  return wb;
}

/** The workbook on the .xlsx port, and an action context over it (English, today fixed, the clock fixed). */
export function onXlsxPort(book: ExcelJS.Workbook = orderBook()): { port: XlsxWorkbookPort; ctx: ActionContext } {
  const port = new XlsxWorkbookPort(book);
  return { port, ctx: contextOn(port) };
}

export function contextOn(port: ActionContext['port'], lang: ActionContext['lang'] = 'en-US'): ActionContext {
  return { port, lang, today: TODAY, sheet: null, now: () => NOW };
}

/** A sheet's cells as the port reads them now. */
export async function cellsOf(port: ActionContext['port'], sheet: string): Promise<CellValue[][]> {
  return sheetOf(await port.read(), sheet).values;
}

export function sheetOf(wb: WorkbookSnapshot, name: string) {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}
