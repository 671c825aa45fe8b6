// An order sheet whose quantity and due-date cells hold text: in row 2 as formula results (when the snapshot lists
// formula cells), in row 3 typed by hand. Shared by the checks and fixes tests of formula cells.

import { sheetFromGrid } from '../../../src/core/snapshot';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/types';

// D quantity, F due date. Row 2: both cells are formulas returning text; row 3: the same text typed by hand.
const GRID: CellValue[][] = [
  ['Order No.', 'Customer', 'Item', 'Qty', 'Unit Price', 'Due Date'],
  ['SO-1', 'ACME', 'X-1', '1,200', 2, '2026-12-05'],
  ['SO-2', 'ACME', 'X-2', '1,200', 2, '2026-12-05'],
];

export function formulaWorkbook(formulaCells?: string[]): WorkbookSnapshot {
  const sheet: SheetSnapshot = { ...sheetFromGrid('Orders', GRID), ...(formulaCells ? { formulaCells } : {}) };
  return { sheets: [sheet], dateSystem: 1900, activeSheet: null };
}
