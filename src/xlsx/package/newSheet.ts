// Worksheet XML for a sheet the plan creates (documents, the report, the change log, the register, settings).
// Written in CT_Worksheet's element order; cells go through SheetPart so new and patched cells are written alike.

import { cellAddress } from '../../core/address';
import type { SheetSpec } from '../../core/edits';
import { escapeAttr, escapeText } from './xml';
import { SheetPart, type CellWrite } from './sheet';
import type { Styles } from './styles';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const A4 = 9;

export interface NewSheetOptions {
  selected?: boolean;
  freezeRows?: number;
  showGridlines?: boolean;
  columnWidths?: number[];
  rowHeights?: Record<number, number>;
  merges?: string[];
  pageSetup?: SheetSpec['pageSetup'];
}

/** An empty worksheet with the given view, widths and page setup; cells are added with `writeCells`. */
export function emptySheetXml(o: NewSheetOptions): string {
  const parts: string[] = [];
  if (o.pageSetup) parts.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  parts.push('<dimension ref="A1"/>');
  const view: string[] = ['<sheetView'];
  if (o.selected) view.push(' tabSelected="1"');
  if (o.showGridlines === false) view.push(' showGridLines="0"');
  view.push(' workbookViewId="0"');
  const freeze = o.freezeRows ?? 0;
  if (freeze > 0) {
    const below = cellAddress(freeze + 1, 1);
    view.push(
      `><pane ySplit="${freeze}" topLeftCell="${below}" activePane="bottomLeft" state="frozen"/>`,
      `<selection pane="bottomLeft" activeCell="${below}" sqref="${below}"/></sheetView>`,
    );
  } else view.push('/>');
  parts.push(`<sheetViews>${view.join('')}</sheetViews>`);
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  const widths = o.columnWidths ?? [];
  if (widths.length) {
    const cols = widths
      .map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${round(w)}" customWidth="1"/>` : ''))
      .join('');
    if (cols) parts.push(`<cols>${cols}</cols>`);
  }
  const heights = Object.entries(o.rowHeights ?? {})
    .map(([r, h]) => [Number(r), h] as const)
    .filter(([r, h]) => r >= 1 && h > 0)
    .sort((a, b) => a[0] - b[0]);
  parts.push(
    `<sheetData>${heights.map(([r, h]) => `<row r="${r}" ht="${round(h)}" customHeight="1"/>`).join('')}</sheetData>`,
  );
  const merges = o.merges ?? [];
  if (merges.length)
    parts.push(
      `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${escapeAttr(m)}"/>`).join('')}</mergeCells>`,
    );
  const p = o.pageSetup;
  const m = p?.margins ?? { top: 0.75, bottom: 0.75, left: 0.5, right: 0.5 };
  parts.push(
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="0.3" footer="0.3"/>`,
  );
  if (p) parts.push(`<pageSetup paperSize="${A4}" orientation="${p.orientation}" fitToWidth="1" fitToHeight="0"/>`);
  if (p?.footer) parts.push(`<headerFooter><oddFooter>${escapeText(`&C${p.footer}`)}</oddFooter></headerFooter>`);
  // CT_Worksheet: rowBreaks follow headerFooter; a brk's id is the zero-based row the break is above, i.e. the
  // one-based number of the last row before it (ECMA-376 Part 1, 18.3.1.3 brk).
  const breaks = (p?.rowBreaks ?? []).filter((r) => r > 1);
  if (breaks.length)
    parts.push(
      `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">` +
        breaks.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join('') +
        '</rowBreaks>',
    );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${parts.join('')}</worksheet>`
  );
}

/** The worksheet XML of a sheet spec (cells styled through `styles`). */
export function sheetSpecXml(spec: SheetSpec, styles: Styles, selected: boolean): { xml: string; formulas: boolean } {
  const sheet = new SheetPart(
    emptySheetXml({
      selected,
      freezeRows: spec.freezeRows,
      showGridlines: spec.showGridlines,
      columnWidths: spec.columnWidths,
      rowHeights: spec.rowHeights,
      merges: spec.merges,
      pageSetup: spec.pageSetup,
    }),
  );
  const writes = new Map<number, Map<number, CellWrite>>();
  let formulas = false;
  for (const c of spec.cells) {
    const style = c.style ? styles.cellXf(c.style) : 0;
    const w: CellWrite = { style: () => style };
    if (c.formula !== undefined) {
      w.formula = c.formula.replace(/^=/, '');
      formulas = true;
    } else w.value = c.value ?? null;
    let row = writes.get(c.row);
    if (!row) writes.set(c.row, (row = new Map()));
    row.set(c.col, w);
  }
  sheet.writeCells(writes);
  return { xml: sheet.xml, formulas };
}

function round(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}
