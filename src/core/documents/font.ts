// One named font for every cell of a generated sheet (SPEC 7), so Excel, WPS and LibreOffice print the same face:
// a cell without a font name prints in each program's own default (a serif face in LibreOffice and WPS).

import type { CellSpec, CellStyle } from '../edits';
import type { Lang } from '../types';

/** Microsoft YaHei ships with every Windows since Vista and with Office for Mac; Arial everywhere. */
export const DOCUMENT_FONT: Record<Lang, string> = { 'zh-CN': 'Microsoft YaHei', 'en-US': 'Arial' };

export function documentFont(lang: Lang): string {
  return DOCUMENT_FONT[lang];
}

/**
 * The cells with the font named on every one (a style of its own where a cell had none). The cells are the
 * caller's own (fresh from SheetGrid.cells()): each gets its styled copy in place, so a 200,000-line report does not
 * copy a million cells.
 */
export function withFont(cells: CellSpec[], font: string): CellSpec[] {
  // Cells sharing one style object share one styled copy (a report's lines share a handful of styles).
  const plain: CellStyle = { fontName: font };
  const styled = new Map<CellStyle, CellStyle>();
  for (const c of cells) {
    if (!c.style) {
      c.style = plain;
      continue;
    }
    let s = styled.get(c.style);
    if (!s) styled.set(c.style, (s = { ...c.style, fontName: font } as CellStyle));
    c.style = s;
  }
  return cells;
}
