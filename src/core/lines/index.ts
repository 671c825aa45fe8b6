// The order lines of an understood sheet: a line store read on demand (table.ts), its readings column by column
// (columns.ts) for checks and classes, and one object per line (sheetLine.ts) for documents and the pane.
// Hot loops import from ./columns itself: in CommonJS (the CLI) a re-export is a getter on every access.

export * from './columns';
export { LineTable, readLineTable } from './table';
export { linesOf } from './sheetLine';
