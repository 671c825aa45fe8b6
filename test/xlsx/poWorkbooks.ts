// .xlsx files for the PO import tests: the order sheet of test/core/po/samples (Amount as a shared formula,
// bordered lines, date-formatted Due Date) and the customer POs, written with ExcelJS.
import * as ExcelJS from 'exceljs';
import type { CellValue, SheetSnapshot } from '../../src/core/types';
import { writeWorkbookBuffer } from '../../src/xlsx/write';
import { chinesePo, englishPo, orderSheet } from '../core/po/samples';

const EPOCH = Date.UTC(1899, 11, 30);
const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function put(ws: ExcelJS.Worksheet, s: SheetSnapshot, dateRow: (row: number, col: number) => boolean): void {
  s.values.forEach((r, i) =>
    r.forEach((v: CellValue, j) => {
      if (v === null) return;
      const cell = ws.getCell(i + 1, j + 1);
      if (typeof v === 'number' && dateRow(i + 1, j + 1)) {
        cell.value = new Date(EPOCH + v * 86400000);
        cell.numFmt = 'yyyy-mm-dd';
      } else cell.value = v as ExcelJS.CellValue;
    }),
  );
}

/** The order sheet: header row 3, lines 4–8, G = E*F (a shared formula), borders on header and lines. */
export async function orderXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Orders');
  const s = orderSheet();
  put(ws, s, (row, col) => col === 8 && row >= 4);
  ws.getCell('A1').font = { bold: true, size: 14 };
  for (let r = 4; r <= 8; r++) {
    const result = (s.values[r - 1][4] as number) * (s.values[r - 1][5] as number);
    ws.getCell(`G${r}`).value =
      r === 4 ? { formula: 'E4*F4', result } : ({ sharedFormula: 'G4', result } as ExcelJS.CellValue);
    ws.getCell(`G${r}`).numFmt = '#,##0.00';
  }
  for (let r = 3; r <= 8; r++) for (let c = 1; c <= 10; c++) ws.getCell(r, c).border = thin;
  for (let c = 1; c <= 10; c++) ws.getCell(3, c).font = { bold: true };
  ws.columns = [14, 24, 10, 20, 8, 10, 12, 12, 9, 9].map((width) => ({ width }));
  return writeWorkbookBuffer(wb);
}

export async function poXlsx(which: 'en' | 'zh', sheet: SheetSnapshot = which === 'en' ? englishPo() : chinesePo()) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet.name);
  const header = which === 'en' ? 8 : 5;
  const dateCol = which === 'en' ? 8 : 9;
  put(ws, sheet, (row, col) => (row > header && col === dateCol) || (which === 'en' && row === 5 && col === 2));
  return writeWorkbookBuffer(wb);
}
