export { ExcelWorkbookPort, type ExcelRun, type ExcelPortOptions } from './port';
export { excelApiSupported, isExcelApiSupported, REQUIRED_EXCEL_API, MERGED_AREAS_API } from './requirements';
export { toExcelLiteral, needsQuotePrefix } from './literal';
