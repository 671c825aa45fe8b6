// New sheets in Excel (documents, the report, the change log), as units: values blocks with their number formats,
// formulas, styles grouped per distinct style, merges, column widths and row heights, page layout and charts.
// applyStyle and queueColumnWidths serve appended rows too.

import { cellAddress, rangeAddress } from '../core/address';
import type { CellStyle, ChartSpec, PageSetup, SheetSpec } from '../core/edits';
import { cellsToAreas, columnsAddress, joinAreas } from './addresses';
import { gridBytes, jsonBytes, utf8Length } from './chunks';
import { toExcelLiteral } from './literal';
import { CALL_BYTES, RANGE_BYTES, SET_BYTES, UNIT_BYTES, sliceRows, type Unit } from './units';

/** Column width in characters → RangeFormat.columnWidth points (Calibri 11: ~5.3 pt per character plus padding). */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 5.3 + 5) * 100) / 100;
}

/** Style properties other than numberFormat, as a stable key (numberFormat goes with the values block). */
function styleKey(s: CellStyle): string | null {
  const { numberFormat: _nf, ...rest } = s;
  const keys = Object.keys(rest).sort() as (keyof typeof rest)[];
  const parts = keys.filter((k) => rest[k] !== undefined).map((k) => `${k}=${String(rest[k])}`);
  return parts.length ? parts.join(';') : null;
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;
const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;

export function applyStyle(format: Excel.RangeFormat, s: CellStyle): void {
  if (s.bold !== undefined) format.font.bold = s.bold;
  if (s.italic !== undefined) format.font.italic = s.italic;
  if (s.strike !== undefined) format.font.strikethrough = s.strike;
  if (s.size !== undefined) format.font.size = s.size;
  if (s.fontName) format.font.name = s.fontName;
  if (s.fontColor) format.font.color = s.fontColor;
  if (s.fill) format.fill.color = s.fill;
  if (s.hAlign) format.horizontalAlignment = H_ALIGN[s.hAlign];
  if (s.vAlign) format.verticalAlignment = V_ALIGN[s.vAlign];
  if (s.wrap !== undefined) format.wrapText = s.wrap;
  if (s.border) {
    for (const edge of BORDER_EDGES) {
      const b = format.borders.getItem(edge);
      b.style = 'Continuous';
      b.weight = s.border === 'medium' ? 'Medium' : 'Thin';
    }
  }
}

/** The area a sheet spec's cells cover ("A1:F30"). */
export function specArea(spec: SheetSpec): string {
  const height = spec.cells.reduce((m, c) => Math.max(m, c.row), 0);
  const width = spec.cells.reduce((m, c) => Math.max(m, c.col), 0);
  return height > 0 && width > 0 ? rangeAddress(1, 1, height, width) : 'A1';
}

/**
 * A whole sheet spec as units: values blocks (with their number formats), formulas, grouped styles, layout.
 * Returns a function giving the page layout whose zoom was loaded back, when the spec sets a page setup.
 */
export function pushSheetSpec(
  units: Unit[],
  budget: number,
  name: string,
  spec: SheetSpec,
  sheet: (n: string) => Excel.Worksheet,
): (() => Excel.PageLayout | null) | null {
  const height = spec.cells.reduce((m, c) => Math.max(m, c.row), 0);
  const width = spec.cells.reduce((m, c) => Math.max(m, c.col), 0);
  if (height > 0 && width > 0) {
    const values: (string | number | boolean)[][] = Array.from({ length: height }, () => new Array(width).fill(''));
    const formats: string[][] = Array.from({ length: height }, () => new Array(width).fill('General'));
    for (const c of spec.cells) if (c.style?.numberFormat) formats[c.row - 1][c.col - 1] = c.style.numberFormat;
    for (const c of spec.cells)
      if (c.formula === undefined)
        values[c.row - 1][c.col - 1] = toExcelLiteral(c.value ?? null, formats[c.row - 1][c.col - 1]);
    // A new sheet's cells are General: only the other formats are written, per column run, before the values.
    for (const [a, b] of sliceRows(values, null, Math.min(budget / 2, UNIT_BYTES))) {
      const runs = formatRuns(formats, a, b);
      units.push({
        bytes:
          CALL_BYTES +
          gridBytes(values.slice(a, b)) +
          runs.reduce((n, r) => n + RANGE_BYTES + SET_BYTES + (r.bottom - r.top + 1) * (jsonBytes(r.format) + 3), 0),
        queue: () => {
          const ws = sheet(name);
          for (const r of runs)
            ws.getRange(rangeAddress(r.top, r.col, r.bottom, r.col)).numberFormat = Array.from(
              { length: r.bottom - r.top + 1 },
              () => [r.format],
            );
          ws.getRange(rangeAddress(a + 1, 1, b, width)).values = values.slice(a, b);
        },
      });
    }
  }
  const formulas = spec.cells.filter((c) => c.formula !== undefined);
  if (formulas.length) {
    units.push({
      bytes: formulas.reduce((n, c) => n + RANGE_BYTES + SET_BYTES + utf8Length(c.formula!), 0),
      queue: () => {
        const ws = sheet(name);
        for (const c of formulas) ws.getRange(cellAddress(c.row, c.col)).formulas = [[`=${c.formula}`]];
      },
    });
  }
  // One RangeAreas call set per distinct style, not one per cell.
  const groups = new Map<string, { style: CellStyle; cells: { row: number; col: number }[] }>();
  for (const c of spec.cells) {
    const key = c.style ? styleKey(c.style) : null;
    if (key === null) continue;
    const g = groups.get(key);
    if (g) g.cells.push({ row: c.row, col: c.col });
    else groups.set(key, { style: c.style!, cells: [{ row: c.row, col: c.col }] });
  }
  for (const g of groups.values()) {
    for (const address of joinAreas(cellsToAreas(g.cells))) {
      units.push({
        bytes: RANGE_BYTES + 16 * SET_BYTES + utf8Length(address),
        queue: () => applyStyle(sheet(name).getRanges(address).format, g.style),
      });
    }
  }
  const rowHeights = Object.entries(spec.rowHeights ?? {});
  units.push({
    bytes:
      spec.merges.length * (RANGE_BYTES + SET_BYTES) +
      (spec.columnWidths.length + rowHeights.length) * (RANGE_BYTES + SET_BYTES) +
      CALL_BYTES * 3,
    queue: () => {
      const ws = sheet(name);
      for (const m of spec.merges) ws.getRange(m).merge(false);
      queueColumnWidths(ws, spec.columnWidths);
      for (const [row, pts] of rowHeights) ws.getRange(`${row}:${row}`).format.rowHeight = pts;
      if (spec.showGridlines !== undefined) ws.showGridlines = spec.showGridlines;
      if (spec.freezeRows && spec.freezeRows > 0) ws.freezePanes.freezeRows(spec.freezeRows);
    },
  });
  let layout: Excel.PageLayout | null = null;
  units.push({
    bytes: CALL_BYTES * 3,
    queue: () => {
      layout = sheet(name).pageLayout;
      setPageLayout(layout, spec.pageSetup);
      // Worksheet.horizontalPageBreaks (ExcelApi 1.9): add "adds a page break before the top-left cell of the range".
      for (const r of spec.pageSetup.rowBreaks ?? []) sheet(name).horizontalPageBreaks.add(`A${r}`);
      // Read back in the same batch: did fit-to-one-page-wide take (OfficeDev/office-js#1860)?
      layout.load('zoom');
    },
  });
  if (spec.chart) {
    const chart = spec.chart;
    units.push({
      bytes: CALL_BYTES * 2 + utf8Length(chart.title),
      once: true,
      queue: () => addChart(sheet(name), chart),
    });
  }
  return () => layout;
}

/** Runs of one non-General format down a column, within rows [a, b) of the grid (1-based sheet rows out). */
function formatRuns(
  formats: string[][],
  a: number,
  b: number,
): { col: number; top: number; bottom: number; format: string }[] {
  const out: { col: number; top: number; bottom: number; format: string }[] = [];
  const width = formats[0]?.length ?? 0;
  for (let j = 0; j < width; j++) {
    let run: { col: number; top: number; bottom: number; format: string } | null = null;
    for (let i = a; i < b; i++) {
      const f = formats[i][j];
      if (run && f === run.format && run.bottom === i) run.bottom = i + 1;
      else {
        if (run) out.push(run);
        run = f === 'General' ? null : { col: j + 1, top: i + 1, bottom: i + 1, format: f };
      }
    }
    if (run) out.push(run);
  }
  return out;
}

export function queueColumnWidths(ws: Excel.Worksheet, widths: number[]): void {
  let i = 0;
  while (i < widths.length) {
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === widths[i]) j++;
    if (widths[i] > 0) ws.getRange(columnsAddress(i + 1, j + 1)).format.columnWidth = columnWidthPoints(widths[i]);
    i = j + 1;
  }
}

function setPageLayout(pl: Excel.PageLayout, p: PageSetup): void {
  pl.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  pl.paperSize = 'A4';
  pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  pl.setPrintArea(p.printArea);
  if (p.printTitleRows) pl.setPrintTitleRows(p.printTitleRows);
  // ExcelApi 1.9 PageLayout.headersFooters: &P and &N are Excel's page-number codes.
  if (p.footer) pl.headersFooters.defaultForAllPages.centerFooter = p.footer;
  if (p.margins) {
    // PageLayout margins are in points; the spec gives inches.
    pl.topMargin = p.margins.top * 72;
    pl.bottomMargin = p.margins.bottom * 72;
    pl.leftMargin = p.margins.left * 72;
    pl.rightMargin = p.margins.right * 72;
  }
}

function addChart(ws: Excel.Worksheet, c: ChartSpec): void {
  const chart = ws.charts.add(
    c.type === 'barClustered' ? 'BarClustered' : 'ColumnClustered',
    ws.getRange(c.dataRange),
    'Auto',
  );
  chart.title.text = c.title;
  chart.setPosition(c.anchor.from, c.anchor.to);
}
