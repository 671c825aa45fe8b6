// Serialise an ExcelJS workbook to .xlsx bytes. Browser-safe (the demo downloads these bytes).

import type * as ExcelJS from 'exceljs';

export async function writeWorkbookBuffer(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  // Excel recalculates the formulas we wrote without cached results (document totals) when it opens the file.
  workbook.calcProperties = { ...(workbook.calcProperties ?? {}), fullCalcOnLoad: true };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
