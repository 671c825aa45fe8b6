// The demo's stand-in for Excel's grid: sheet tabs, row/column headers, values as Excel shows them, merged
// cells, tables, the add-in's delay colours and highlights. Click, shift-click, ctrl-click and drag select.

import * as React from 'react';
import type * as ExcelJS from 'exceljs';
import { columnLetter } from '../core/address';
import { cellText } from '../core/cells';
import { HIGHLIGHT_FILL, HIGHLIGHT_MARKER } from '../core/checks';
import { DELAY_MARKER } from '../core/delay';
import { t } from '../core/i18n';
import { formatAt, cellAt, findSheet, lastColumn, lastRow } from '../core/snapshot';
import type { Lang, SheetSnapshot, WorkbookSnapshot } from '../core/types';
import type { SelectionInfo } from '../core/port';
import { cellLookAt, lookOf } from '../xlsx/look';
import type { XlsxWorkbookPort } from '../xlsx/port';
import {
  areaAddress,
  columnPixels,
  cssColour,
  delayRowColours,
  formatNumber,
  inAreas,
  lookStyle,
  mergeMap,
  parseAreas,
  scrollToShow,
  tabToShow,
  type Area,
  type CellPos,
  type DelayColours,
} from './gridModel';

/** Up to this many rows the grid draws every row at its own height; beyond it only the rows in view (virtualised). */
const STATIC_ROWS = 400;
/** A virtualised row's height in CSS pixels (custom row heights are not drawn there). */
const ROW_PX = 22;
const OVERSCAN = 15;
const MAX_COLS = 40;
const MIN_ROWS = 30;
const MIN_COLS = 12;

interface CfEntry {
  ref: string;
  rules: { formulae?: unknown[]; style?: { fill?: { bgColor?: { argb?: string }; fgColor?: { argb?: string } } } }[];
}

function conditionalFormats(ws: ExcelJS.Worksheet | undefined): CfEntry[] {
  return ((ws as unknown as { conditionalFormattings?: CfEntry[] })?.conditionalFormattings ?? []) as CfEntry[];
}

function hasMarker(cf: CfEntry, marker: string): boolean {
  return cf.rules.some((r) => (r.formulae ?? []).some((f) => typeof f === 'string' && f.includes(marker)));
}

/** Row → delay colours, when the add-in put its delay rules on this sheet (as Excel would evaluate them). */
function delayColours(
  wb: WorkbookSnapshot,
  sheet: string,
  ws: ExcelJS.Worksheet | undefined,
  today: string,
): DelayColours | null {
  if (!conditionalFormats(ws).some((cf) => hasMarker(cf, DELAY_MARKER))) return null;
  return delayRowColours(wb, sheet, today);
}

function highlightAreas(ws: ExcelJS.Worksheet | undefined): { areas: Area[]; fill: string } {
  const cfs = conditionalFormats(ws).filter((cf) => hasMarker(cf, HIGHLIGHT_MARKER));
  const fill = cssColour(cfs[0]?.rules[0]?.style?.fill?.bgColor?.argb) ?? HIGHLIGHT_FILL;
  return { areas: parseAreas(cfs.map((cf) => cf.ref).join(' ')), fill };
}

function displayText(s: SheetSnapshot, row: number, col: number, dateSystem: 1900 | 1904): string {
  const v = cellAt(s, row, col);
  if (v === null) return '';
  if (typeof v === 'number') {
    const shown = formatNumber(v, formatAt(s, row, col));
    if (shown !== null) return shown;
  }
  try {
    return cellText(v, formatAt(s, row, col), dateSystem);
  } catch {
    return typeof v === 'object' ? v.error : String(v);
  }
}

interface Props {
  port: XlsxWorkbookPort;
  lang: Lang;
  today: string;
}

export function SheetGrid({ port, lang, today }: Props): React.JSX.Element {
  const [wb, setWb] = React.useState<WorkbookSnapshot | null>(null);
  const [selection, setSelection] = React.useState<SelectionInfo | null>(null);
  const [drag, setDrag] = React.useState<{
    anchor: CellPos;
    focus: CellPos;
    extra: string[];
    whole?: 'row' | 'col';
  } | null>(null);
  const anchorRef = React.useRef<CellPos | null>(null);
  const scrollRef = React.useRef<HTMLDivElement>(null);
  const tabsRef = React.useRef<HTMLDivElement>(null);
  /** The address the grid itself selected last (a click needs no scrolling), and a cell still to bring into view. */
  const committed = React.useRef<string | null>(null);
  const pending = React.useRef<{ sheet: string; row: number; col: number; scrolled?: boolean } | null>(null);
  const shownTabs = React.useRef<{ names: string[]; active: string | null } | null>(null);
  const [view, setView] = React.useState({ top: 0, height: 900 });
  const onScroll = React.useCallback((e: React.UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    setView((v) =>
      v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight },
    );
  }, []);

  React.useEffect(() => {
    let alive = true;
    const refresh = () => {
      void port.read().then((s) => alive && setWb(s));
      void port.getSelection().then((s) => alive && setSelection(s));
    };
    refresh();
    const offChange = port.subscribe(refresh);
    const offSel = port.onSelectionChanged(refresh);
    return () => {
      alive = false;
      offChange();
      offSel();
    };
  }, [port]);

  const sheetName = wb?.activeSheet ?? null;
  const sheet = wb && sheetName ? findSheet(wb, sheetName) : undefined;
  const ws = sheetName ? port.excelWorkbook?.getWorksheet(sheetName) : undefined;

  const derived = React.useMemo(() => {
    if (!wb || !sheet) return null;
    return {
      merges: mergeMap(sheet.merges),
      mergeAreas: parseAreas(sheet.merges.join(',')),
      tables: sheet.tables.map((tb) => ({ name: tb.name, area: parseAreas(tb.range)[0] })).filter((x) => x.area),
      delays: delayColours(wb, sheet.name, ws, today),
      highlight: highlightAreas(ws),
    };
  }, [wb, sheet, ws, today]);

  // Commit a drag when the mouse is released anywhere.
  React.useEffect(() => {
    if (!drag) return;
    const up = () => {
      if (sheetName) {
        committed.current = [...drag.extra, areaAddress(drag.anchor, drag.focus)].join(',');
        port.setSelection(sheetName, committed.current);
      }
      setDrag(null);
    };
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, [drag, port, sheetName]);

  // A selection made elsewhere (the pane selecting an issue's cell) is brought into view, as Excel does; one the
  // grid made itself (a click) is not scrolled.
  const seenSelection = React.useRef<SelectionInfo | null>(null);
  React.useLayoutEffect(() => {
    if (selection && selection !== seenSelection.current) {
      const own = selection.address === committed.current;
      committed.current = null;
      const a = parseAreas(selection.address)[0];
      pending.current = own || !a ? null : { sheet: selection.sheet, row: a.top, col: a.left };
    }
    seenSelection.current = selection;
    const target = pending.current;
    const el = scrollRef.current;
    if (!target || !el || target.sheet !== sheetName) return;
    const cell = el.querySelector<HTMLElement>(`[data-cell="${columnLetter(target.col)}${target.row}"]`);
    if (!cell) {
      // Beyond the rows drawn (a long sheet): scroll to where the row is; the next render draws it.
      if (el.querySelector('tr.spacer') && !target.scrolled) {
        target.scrolled = true;
        el.scrollTop = Math.max(0, (target.row - 1) * ROW_PX - el.clientHeight / 2);
        setView({ top: el.scrollTop, height: el.clientHeight });
      } else pending.current = null;
      return;
    }
    pending.current = null;
    const headH = el.querySelector('thead')?.getBoundingClientRect().height ?? ROW_PX;
    const box = el.getBoundingClientRect();
    const r = cell.getBoundingClientRect();
    const top = r.top - box.top + el.scrollTop;
    const left = r.left - box.left + el.scrollLeft;
    const to = scrollToShow(
      { top, left, bottom: top + r.height, right: left + r.width },
      { scrollTop: el.scrollTop, scrollLeft: el.scrollLeft, width: el.clientWidth, height: el.clientHeight },
      { top: headH, left: 42 },
    );
    if (to) {
      el.scrollTop = to.top;
      el.scrollLeft = to.left;
      setView({ top: el.scrollTop, height: el.clientHeight });
    }
  }, [selection, sheetName, view, wb]);

  // A new sheet (a document just made) or a newly active one gets its tab scrolled into view.
  const tabNames = wb ? wb.sheets.filter((s) => s.visibility === 'visible').map((s) => s.name) : [];
  const tabKey = tabNames.join('\n');
  React.useEffect(() => {
    const before = shownTabs.current;
    shownTabs.current = { names: tabKey === '' ? [] : tabKey.split('\n'), active: sheetName };
    const strip = tabsRef.current;
    if (!before || !strip) return;
    const name = tabToShow(before.names, shownTabs.current.names, before.active, sheetName);
    const tab = name === null ? undefined : [...strip.children].find((b) => b.textContent === name);
    if (!(tab instanceof HTMLElement)) return;
    if (tab.offsetLeft < strip.scrollLeft) strip.scrollLeft = tab.offsetLeft - 8;
    else if (tab.offsetLeft + tab.offsetWidth > strip.scrollLeft + strip.clientWidth)
      strip.scrollLeft = tab.offsetLeft + tab.offsetWidth - strip.clientWidth + 8;
  }, [tabKey, sheetName]);

  if (!wb) return <div className="grid-empty">{t(lang, 'demo.loading')}</div>;

  const visible = wb.sheets.filter((s) => s.visibility === 'visible');
  const rowsUsed = sheet ? lastRow(sheet) : 0;
  const colsUsed = sheet ? lastColumn(sheet) : 0;
  const nRows = Math.max(rowsUsed + 3, MIN_ROWS);
  // Every row of the sheet scrolls by; a long sheet draws only the rows in view (and a few around them).
  const virtual = nRows > STATIC_ROWS;
  const first = virtual ? Math.min(nRows, Math.max(1, Math.floor(view.top / ROW_PX) - OVERSCAN)) : 1;
  const last = virtual ? Math.min(nRows, Math.ceil((view.top + view.height) / ROW_PX) + OVERSCAN) : nRows;
  const nCols = Math.min(Math.max(colsUsed + 1, MIN_COLS), MAX_COLS);

  const selAreas: Area[] = drag
    ? parseAreas([...drag.extra, areaAddress(drag.anchor, drag.focus)].join(','))
    : selection && selection.sheet === sheetName
      ? parseAreas(selection.address)
      : [];

  const begin = (pos: CellPos, e: React.MouseEvent, whole?: 'row' | 'col') => {
    e.preventDefault();
    const full = (p: CellPos, side: 'start' | 'end'): CellPos =>
      whole === 'row'
        ? { row: p.row, col: side === 'start' ? 1 : Math.max(colsUsed, 1) }
        : whole === 'col'
          ? { row: side === 'start' ? 1 : Math.max(rowsUsed, 1), col: p.col }
          : p;
    const extra =
      (e.ctrlKey || e.metaKey) && selection && selection.sheet === sheetName ? selection.address.split(',') : [];
    const anchor = e.shiftKey && anchorRef.current ? anchorRef.current : pos;
    anchorRef.current = anchor;
    setDrag({ anchor: full(anchor, 'start'), focus: full(pos, 'end'), extra, whole });
  };
  const extend = (pos: CellPos) => {
    if (!drag) return;
    const whole = drag.whole;
    const focus =
      whole === 'row'
        ? { row: pos.row, col: Math.max(colsUsed, 1) }
        : whole === 'col'
          ? { row: Math.max(rowsUsed, 1), col: pos.col }
          : pos;
    if (focus.row !== drag.focus.row || focus.col !== drag.focus.col) setDrag({ ...drag, focus });
  };

  // ws.columns, not getColumn(): reading must not add column definitions to the clerk's workbook.
  const defined = ws?.columns ?? [];
  const widths = sheet ? lookOf(sheet)?.widths : undefined;
  const colWidths = Array.from({ length: nCols }, (_, i) => columnPixels(defined[i]?.width ?? widths?.[i + 1]));

  const rows: React.ReactNode[] = [];
  const spacer = (key: string, count: number) =>
    count > 0 && (
      <tr key={key} className="spacer" style={{ height: `${count * ROW_PX}px` }}>
        <td colSpan={nCols + 1} />
      </tr>
    );
  if (virtual) rows.push(spacer('above', first - 1));
  for (let r = first; r <= last; r++) {
    const cells: React.ReactNode[] = [];
    const rowSelected = selAreas.some((a) => r >= a.top && r <= a.bottom);
    cells.push(
      <th
        key="h"
        className={`rowhead${rowSelected ? ' sel' : ''}`}
        onMouseDown={(e) => begin({ row: r, col: 1 }, e, 'row')}
        onMouseEnter={() => extend({ row: r, col: 1 })}
      >
        {r}
      </th>,
    );
    for (let c = 1; c <= nCols; c++) {
      const key = `${r},${c}`;
      let span = derived?.merges.spans.get(key);
      if (derived?.merges.covered.has(key)) {
        // A merge that starts above the first drawn row is drawn from that row on.
        const cut =
          r === first ? derived.mergeAreas.find((m) => m.top < r && m.bottom >= r && m.left === c) : undefined;
        if (!cut) continue;
        span = { rowSpan: cut.bottom - r + 1, colSpan: cut.right - cut.left + 1 };
      }
      if (span && r + span.rowSpan - 1 > last) span = { ...span, rowSpan: last - r + 1 };
      const text = sheet ? displayText(sheet, r, c, wb.dateSystem) : '';
      const v = sheet ? cellAt(sheet, r, c) : null;
      const style: React.CSSProperties = {};
      const classes = ['cell'];
      const xc = (ws as unknown as { findCell?: (r: number, c: number) => ExcelJS.Cell | undefined })?.findCell?.(r, c);
      if (xc) {
        const font = xc.font;
        if (font?.bold) style.fontWeight = 600;
        if (font?.italic) style.fontStyle = 'italic';
        if (font?.size && font.size > 12) style.fontSize = `${Math.round(font.size * 1.1)}px`;
        const colour = cssColour(font?.color?.argb);
        if (colour) style.color = colour;
        const fill = xc.fill as ExcelJS.FillPattern | undefined;
        const bg =
          fill && fill.type === 'pattern' && fill.pattern === 'solid' ? cssColour(fill.fgColor?.argb) : undefined;
        if (bg) style.backgroundColor = bg;
        const h = xc.alignment?.horizontal;
        if (h === 'center' || h === 'centerContinuous') style.textAlign = 'center';
        else if (h === 'right') style.textAlign = 'right';
        else if (h === 'left') style.textAlign = 'left';
        if (xc.alignment?.wrapText) style.whiteSpace = 'normal';
        if (xc.border?.top?.style === 'medium' || xc.border?.bottom?.style === 'medium') classes.push('border-medium');
        else if (xc.border?.top || xc.border?.bottom) classes.push('border-thin');
      } else if (sheet && !ws) {
        // The clerk's own file: its fonts, fills and alignment as the reader found them.
        const look = cellLookAt(sheet, r, c);
        if (look) Object.assign(style, lookStyle(look));
      }
      if (!style.textAlign && typeof v === 'number') style.textAlign = 'right';
      // Like Excel, left-aligned text runs on over empty cells to its right instead of being cut.
      if (typeof v === 'string' && !span && !style.whiteSpace && (!style.textAlign || style.textAlign === 'left')) {
        const next = sheet ? cellAt(sheet, r, c + 1) : null;
        if (next === null || next === '') classes.push('spill');
      }
      if (v !== null && typeof v === 'object') classes.push('error');
      const table = derived?.tables.find(
        (tb) => r >= tb.area.top && r <= tb.area.bottom && c >= tb.area.left && c <= tb.area.right,
      );
      if (table) {
        if (r === table.area.top) classes.push('table-header');
        else if ((r - table.area.top) % 2 === 0) classes.push('table-band');
        else classes.push('table-row');
      }
      const delay = derived?.delays;
      if (delay && c >= delay.cols[0] && c <= delay.cols[1]) {
        const colours = delay.rows.get(r);
        if (colours) {
          style.backgroundColor = colours.fill;
          style.color = colours.font;
          if (colours.strike) style.textDecoration = 'line-through';
          classes.push(`delay`);
        }
      }
      if (derived && inAreas(derived.highlight.areas, r, c)) {
        style.backgroundColor = derived.highlight.fill;
        classes.push('highlight');
      }
      if (inAreas(selAreas, r, c)) classes.push('selected');
      cells.push(
        <td
          key={c}
          className={classes.join(' ')}
          style={style}
          rowSpan={span?.rowSpan}
          colSpan={span?.colSpan}
          data-cell={`${columnLetter(c)}${r}`}
          title={text.length > 12 ? text : undefined}
          onMouseDown={(e) => begin({ row: r, col: c }, e)}
          onMouseEnter={() => extend({ row: r, col: c })}
        >
          {text}
        </td>,
      );
    }
    const height = virtual ? ROW_PX / 1.33 : ws?.findRow(r)?.height;
    rows.push(
      <tr key={r} style={height ? { height: `${Math.round(height * 1.33)}px` } : undefined}>
        {cells}
      </tr>,
    );
  }
  if (virtual) rows.push(spacer('below', nRows - last));

  return (
    <div className="grid-wrap">
      <div
        ref={scrollRef}
        className="grid-scroll"
        data-testid="sheet-grid"
        data-sheet={sheetName ?? ''}
        data-rows={nRows}
        onScroll={onScroll}
        tabIndex={0}
        role="region"
        aria-label={sheetName ?? t(lang, 'demo.sheetTabs')}
      >
        <table
          className="grid"
          role="grid"
          aria-label={sheetName ?? ''}
          style={{ width: `${42 + colWidths.reduce((a, b) => a + b, 0)}px` }}
        >
          <colgroup>
            <col style={{ width: '42px' }} />
            {colWidths.map((w, i) => (
              <col key={i} style={{ width: `${w}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className="corner" />
              {colWidths.map((_, i) => {
                const c = i + 1;
                const sel = selAreas.some((a) => c >= a.left && c <= a.right);
                return (
                  <th
                    key={c}
                    className={`colhead${sel ? ' sel' : ''}`}
                    onMouseDown={(e) => begin({ row: 1, col: c }, e, 'col')}
                    onMouseEnter={() => extend({ row: 1, col: c })}
                  >
                    {columnLetter(c)}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>{rows}</tbody>
        </table>
      </div>
      <div ref={tabsRef} className="sheet-tabs" role="tablist" aria-label={t(lang, 'demo.sheetTabs')}>
        {visible.map((s) => (
          <button
            key={s.name}
            role="tab"
            aria-selected={s.name === sheetName}
            className={`sheet-tab${s.name === sheetName ? ' active' : ''}`}
            onClick={() => port.setActiveSheet(s.name)}
          >
            {s.name}
          </button>
        ))}
      </div>
    </div>
  );
}
