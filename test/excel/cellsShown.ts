// What a reading shows of each sheet, for comparing a refreshed reading with a full one: the cells without trailing
// empty rows (they are not part of what a used range reports), the tables and the visibility; only the name and the
// visibility for the sheets in `namesOnly` (read by name, not by cell).

import type { WorkbookSnapshot } from '../../src/core/types';

export function cellsShown(wb: WorkbookSnapshot, namesOnly: Set<string> = new Set()) {
  return wb.sheets.map((s) => {
    if (namesOnly.has(s.name)) return { name: s.name, visibility: s.visibility };
    const rows = s.values.map((r) => [...r]);
    while (rows.length && rows[rows.length - 1].every((v) => v === null)) rows.pop();
    return { name: s.name, top: s.top, left: s.left, rows, tables: s.tables, visibility: s.visibility };
  });
}
