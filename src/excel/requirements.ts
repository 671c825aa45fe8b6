// Which Office.js requirement sets the adapter needs. The manifest's <Requirements> states the same number.
//
// API used                                               ExcelApi
// Excel.run, Range.values/numberFormat/valueTypes/formulas  1.1
// TableCollection.getItem, Table.getRange, Table.name        1.1
// Range.select, getCell, getEntireRow, getOffsetRange, clear 1.1
// worksheets.add/getActiveWorksheet, tables.add, charts.add 1.1
// Workbook.functions.date (date-system probe)                1.2
// Workbook.onSelectionChanged, Worksheet.protection          1.2
// Range.merge, getResizedRange, getUsedRange(valuesOnly)     1.2
// RangeFormat.columnWidth/rowHeight                          1.2
// Worksheet.getUsedRangeOrNullObject, getItemOrNullObject    1.4
// Range.conditionalFormats, custom conditional formats,
//   ConditionalFormatCollection.getItemAt, delete            1.6
// Worksheet.freezePanes                                      1.7
// Range.dataValidation, Worksheet.showGridlines              1.8
// Worksheet.getRanges (RangeAreas), RangeAreas.format/
//   conditionalFormats, Workbook.getSelectedRanges,
//   Worksheet.pageLayout (zoom read back), Range.getTables,
//   Worksheet.horizontalPageBreaks (three-copy notes),
//   Range.copyFrom,
//   Range.getSpecialCellsOrNullObject (formula and error cells) 1.9   ← the highest one we cannot do without
// WorksheetCollection.onChanged/onFormatChanged/onAdded/
//   onDeleted (the pane's catch-up, watch.ts)                1.9
// Optional: onRowSorted/onColumnSorted 1.10, onProtectionChanged 1.14, onNameChanged 1.17 (watch.ts; without
//   them a sort is not told, apply looks the sheets up itself, a rename shows only in the catch-up's name check)
// Optional: Range.getMergedAreasOrNullObject                 1.13  (merges are read only when supported)
// Optional: Table.resize                                     1.13  (without it a reused table is not grown over new
//                                                                   or imported lines, and the pane says so)

export const REQUIRED_EXCEL_API = '1.9';
export const MERGED_AREAS_API = '1.13';
export const TABLE_RESIZE_API = '1.13';

/** Asks Office whether a requirement set is there; false outside Office (tests, demo). */
export function isExcelApiSupported(version: string): boolean {
  if (typeof Office === 'undefined' || !Office.context?.requirements) return false;
  return Office.context.requirements.isSetSupported('ExcelApi', version);
}

/** True when this Excel can run the add-in (ExcelApi REQUIRED_EXCEL_API). */
export function excelApiSupported(): boolean {
  return isExcelApiSupported(REQUIRED_EXCEL_API);
}
