// The formula a cell of a sheet part holds, as text without "=": its own <f>, or — for a cell of a shared formula
// (ECMA-376 Part 1, 18.3.1.40: a shared <f> with only `si` takes the master's formula, moved to its own place) —
// the master's formula moved by the rows between them.

import { shiftFormulaRows } from '../../core/po/formula';
import type { SheetPart } from './sheet';
import { attr, firstChild, textOf, unescapeCellText } from './xml';

/** null when the cell holds no formula, or a shared one across columns (which this does not move). */
export function formulaAt(sheet: SheetPart, row: number, col: number): string | null {
  const f = fElement(sheet, row, col);
  if (!f) return null;
  const text = unescapeCellText(textOf(sheet.rowsXml, f.el));
  if (attr(sheet.rowsXml, f.el, 't') !== 'shared' || text !== '') return text === '' ? null : text;
  const si = attr(sheet.rowsXml, f.el, 'si');
  let master: { row: number; col: number; text: string } | null = null;
  sheet.rows((n, rowEl) => {
    sheet.cells(rowEl, (c, cell) => {
      if (master) return;
      const g = firstChild(sheet.rowsXml, cell, 'f');
      if (!g || attr(sheet.rowsXml, g, 't') !== 'shared' || attr(sheet.rowsXml, g, 'si') !== si) return;
      const t = textOf(sheet.rowsXml, g);
      if (t !== '') master = { row: n, col: c, text: unescapeCellText(t) };
    });
    return master === null && n < row;
  });
  const m = master as { row: number; col: number; text: string } | null;
  if (!m || m.col !== col) return null;
  return shiftFormulaRows(m.text, row - m.row);
}

function fElement(
  sheet: SheetPart,
  row: number,
  col: number,
): { el: NonNullable<ReturnType<typeof firstChild>> } | null {
  let found: { el: NonNullable<ReturnType<typeof firstChild>> } | null = null;
  sheet.rows((n, rowEl) => {
    if (n < row) return true;
    if (n === row)
      sheet.cells(rowEl, (c, cell) => {
        if (c !== col) return;
        const f = firstChild(sheet.rowsXml, cell, 'f');
        if (f) found = { el: f };
      });
    return false;
  });
  return found;
}
