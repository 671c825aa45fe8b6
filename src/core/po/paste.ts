// Cells the clerk copied from a PO (Excel, WPS or a web page put them on the clipboard as tab-separated text) as a
// one-sheet workbook, so the PO reader understands them like a PO file: header block, header row and lines.

import { sheetFromGrid } from '../snapshot';
import type { CellValue, WorkbookSnapshot } from '../types';

/** Rows split on line ends and cells on tabs; a cell in double quotes may hold tabs, line ends and "" (Excel's form). */
export function pastedCells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  while (i < text.length) {
    const c = text[i];
    if (atCellStart && c === '"') {
      // A quoted cell runs to the quote that is not doubled.
      let j = i + 1;
      let value = '';
      while (j < text.length) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += text[j++];
      }
      const next = text[j + 1];
      if (j < text.length && (next === undefined || next === '\t' || next === '\n' || next === '\r')) {
        cell = value;
        i = j + 1;
        atCellStart = false;
        continue;
      }
    }
    atCellStart = false;
    if (c === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else cell += c;
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The pasted text as a workbook with one sheet named `name` (empty cells as empty). */
export function pastedWorkbook(text: string, name = 'PO'): WorkbookSnapshot {
  const grid: CellValue[][] = pastedCells(text).map((r) => r.map((v) => (v.trim() === '' ? null : v)));
  return { sheets: [sheetFromGrid(name, grid)], dateSystem: 1900, activeSheet: null };
}
