// The same plan gives the same workbook in Excel and in the file: each clerk action's plan is carried out by the
// Office.js adapter on the recording fake (test/fakes/excel-fake.ts) and by the package writer on the same
// workbook, and what a clerk would see is compared: sheets and their order and visibility, every cell value,
// formula cells, tables, merges, column widths, frozen rows, validation rules and the delay-flag rules.

import * as fs from 'fs';
import * as path from 'path';
import { parseRange } from '../../src/core/address';
import { planDocuments } from '../../src/core/documents';
import type { WorkbookEdit } from '../../src/core/edits';
import { planApply } from '../../src/core/plans';
import { planOverdueReport } from '../../src/core/report';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/core/types';
import { understand } from '../../src/core/understand';
import { columnWidthPoints } from '../../src/excel/applySheet';
import { ExcelWorkbookPort } from '../../src/excel/port';
import { Package, readSheets } from '../../src/xlsx/package/parts';
import { openPackageForWrite } from '../../src/xlsx/package/open';
import { readWorkbookBuffer } from '../../src/xlsx/exceljs';
import { createFakeExcel, type FakeExcel, type FakeSheetInit } from '../fakes/excel-fake';
import { findAll, parseXml, partText, writeBytes, type XmlNode } from './writeHelpers';

jest.setTimeout(60000);

const SAMPLE = path.resolve(__dirname, '../../../shared/fixtures/samples/zh-factory.xlsx');
const TODAY = '2026-11-22';
const NOW = new Date(2026, 10, 22, 9, 30);

/** The fake's workbook from the file's snapshot (grids from A1, as the fake holds them). */
function fakeFrom(wb: WorkbookSnapshot): FakeExcel {
  const sheets: FakeSheetInit[] = wb.sheets.map((s) => {
    const rows = s.top - 1 + s.values.length;
    const cols = s.left - 1 + (s.values[0]?.length ?? 0);
    const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
    const formats: (string | null)[][] = Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null));
    s.values.forEach((row, i) =>
      row.forEach((v, j) => {
        values[s.top - 1 + i][s.left - 1 + j] = v;
        formats[s.top - 1 + i][s.left - 1 + j] = s.formats?.[i]?.[j] ?? null;
      }),
    );
    return {
      name: s.name,
      values,
      formats,
      visibility: s.visibility === 'visible' ? 'Visible' : s.visibility === 'hidden' ? 'Hidden' : 'VeryHidden',
      tables: s.tables,
      merges: s.merges,
    };
  });
  return createFakeExcel(sheets, { dateSystem: wb.dateSystem });
}

function valuesOf(fx: FakeExcel, name: string, skip: Set<string>): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  fx.sheetValues(name).forEach((row, i) =>
    row?.forEach((v, j) => {
      const a = `${letter(j + 1)}${i + 1}`;
      if (v !== null && v !== undefined && v !== '' && !fx.formulaAt(name, a) && !skip.has(a)) out.set(a, v);
    }),
  );
  return out;
}

function fileValues(s: SheetSnapshot, formulaCells: Set<string>): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  s.values.forEach((row, i) =>
    row.forEach((v, j) => {
      const a = `${letter(s.left + j)}${s.top + i}`;
      if (v !== null && v !== '' && !formulaCells.has(a)) out.set(a, v);
    }),
  );
  return out;
}

function letter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function cellsOfAreas(areas: string[] | undefined): Set<string> {
  const out = new Set<string>();
  for (const a of areas ?? []) {
    const r = parseRange(a);
    for (let row = r.top; row <= r.bottom; row++) for (let c = r.left; c <= r.right; c++) out.add(`${letter(c)}${row}`);
  }
  return out;
}

/** The worksheet XML of each sheet of the written package, by sheet name. */
async function sheetXmls(bytes: Uint8Array): Promise<Map<string, XmlNode>> {
  const pkg = new Package(await openPackageForWrite(bytes));
  const out = new Map<string, XmlNode>();
  for (const s of await readSheets(pkg, await pkg.workbookPath()))
    if (s.path) out.set(s.name, parseXml(await partText(bytes, s.path)));
  return out;
}

async function dxfs(bytes: Uint8Array): Promise<XmlNode[]> {
  const list = findAll(parseXml(await partText(bytes, 'xl/styles.xml')), 'dxfs')[0];
  return list ? findAll(list, 'dxf') : [];
}

function colourOf(node: XmlNode | undefined): string | undefined {
  const rgb = node?.attrs.rgb;
  return rgb ? `#${rgb.slice(2)}` : undefined;
}

/** Charts of a sheet as the fake records them: Office.js type, source range, title and anchor cells. */
async function chartsOf(
  bytes: Uint8Array,
  sheet: string,
): Promise<{ type: string; source: string; title?: string; from?: string; to?: string }[]> {
  const pkg = new Package(await openPackageForWrite(bytes));
  const entry = (await readSheets(pkg, await pkg.workbookPath())).find((s) => s.name === sheet)!;
  const out: { type: string; source: string; title?: string; from?: string; to?: string }[] = [];
  for (const d of (await pkg.relationships(entry.path!)).filter((r) => r.type.endsWith('/drawing'))) {
    const drawingPath = Package.resolve(entry.path!, d.target);
    const drawing = parseXml(await partText(bytes, drawingPath));
    for (const anchor of findAll(drawing, 'twoCellAnchor')) {
      const cellOf = (tag: string) => {
        const m = findAll(anchor, tag)[0];
        const col = Number(findAll(m, 'col')[0].text);
        const row = Number(findAll(m, 'row')[0].text);
        return `${letter(col + 1)}${row + 1}`;
      };
      const rel = (await pkg.relationships(drawingPath))[0];
      const chart = parseXml(await partText(bytes, Package.resolve(drawingPath, rel.target)));
      const dir = findAll(chart, 'barDir')[0].attrs.val;
      const cat = findAll(findAll(chart, 'cat')[0], 'f')[0].text;
      const vals = findAll(chart, 'val').map((v) => findAll(v, 'f')[0].text);
      const first = /!\$?([A-Z]+)\$?(\d+)/.exec(cat)!;
      const last = /:\$?([A-Z]+)\$?(\d+)$/.exec(vals[vals.length - 1])!;
      out.push({
        type: dir === 'bar' ? 'BarClustered' : 'ColumnClustered',
        source: `${first[1]}${Number(first[2]) - 1}:${last[1]}${last[2]}`,
        title: findAll(findAll(chart, 'title')[0], 't')[0].text,
        from: cellOf('from'),
        to: cellOf('to'),
      });
    }
  }
  return out;
}

interface Plan {
  name: string;
  edits: (wb: WorkbookSnapshot) => WorkbookEdit[];
}

const PLANS: Plan[] = [
  {
    name: 'apply with fixes',
    edits: (wb) => planApply(understand(wb, { today: TODAY }), { lang: 'zh-CN', fix: true, now: NOW, wb }).edits,
  },
  {
    name: 'the weekly report',
    edits: (wb) => planOverdueReport(understand(wb, { today: TODAY }), wb, { today: TODAY, lang: 'zh-CN' }).edits,
  },
  {
    name: 'a packing list',
    edits: (wb) =>
      planDocuments(understand(wb, { today: TODAY }), wb, { type: 'packing-list', rows: [6, 7], today: TODAY }).edits,
  },
  {
    name: 'a delivery note (register and settings)',
    edits: (wb) =>
      planDocuments(understand(wb, { today: TODAY }), wb, { type: 'delivery-note', rows: [6], today: TODAY }).edits,
  },
];

describe.each(PLANS)('$name', ({ edits }) => {
  it('gives the same workbook in Excel (the fake) and in the written file', async () => {
    const input = new Uint8Array(fs.readFileSync(SAMPLE));
    const start = (await readWorkbookBuffer(input, 'in.xlsx')).snapshot;
    const plan = edits(start);
    const fx = fakeFrom(start);
    const excel = await new ExcelWorkbookPort(fx.run, { supports: () => true }).apply(plan);
    const file = await writeBytes(input, plan);
    expect({ created: file.result.createdSheets, table: file.result.table }).toEqual({
      created: excel.createdSheets,
      table: excel.table,
    });
    // Sheets, order and visibility.
    expect(file.snapshot.sheets.map((s) => [s.name, s.visibility])).toEqual(
      fx.sheets.map((s) => [s.name, s.visibility.charAt(0).toLowerCase() + s.visibility.slice(1)]),
    );
    const xmls = await sheetXmls(file.bytes);
    const styleDxfs = await dxfs(file.bytes);
    for (const s of file.snapshot.sheets) {
      const rec = fx.sheet(s.name);
      // Values (formula cells compared as formulas below: the file keeps no cached result for new ones).
      const formulaCells = cellsOfAreas(s.formulaCells);
      const had = cellsOfAreas(start.sheets.find((o) => o.name === s.name)?.formulaCells);
      expect({ sheet: s.name, values: Object.fromEntries(fileValues(s, formulaCells)) }).toEqual({
        sheet: s.name,
        values: Object.fromEntries(valuesOf(fx, s.name, had)),
      });
      // Formulas the plan wrote (the fake starts without the clerk's own formulas).
      expect({ sheet: s.name, formulas: [...formulaCells].filter((a) => !had.has(a)).sort() }).toEqual({
        sheet: s.name,
        formulas: [...rec.formulas.keys()].sort(),
      });
      expect({ sheet: s.name, tables: s.tables }).toEqual({ sheet: s.name, tables: rec.tables });
      expect({ sheet: s.name, merges: [...s.merges].sort() }).toEqual({
        sheet: s.name,
        merges: [...rec.merges].sort(),
      });
      const ws = xmls.get(s.name)!;
      // Column widths and frozen rows of new sheets.
      for (const [col, points] of rec.columnWidths) {
        const c = findAll(ws, 'col').find((x) => Number(x.attrs.min) <= col && Number(x.attrs.max) >= col);
        // The file holds characters; Office.js sets points.
        expect({ sheet: s.name, col, points: c && columnWidthPoints(Number(c.attrs.width)) }).toEqual({
          sheet: s.name,
          col,
          points,
        });
      }
      // Charts: the same kind over the same cells, placed over the same cells.
      expect({ sheet: s.name, charts: await chartsOf(file.bytes, s.name) }).toEqual({
        sheet: s.name,
        charts: rec.charts.map((c) => ({ type: c.type, source: c.source, title: c.title, from: c.from, to: c.to })),
      });
      const pane = findAll(ws, 'pane')[0];
      expect({ sheet: s.name, freeze: pane?.attrs.state === 'frozen' ? Number(pane.attrs.ySplit) : 0 }).toEqual({
        sheet: s.name,
        freeze: rec.freezeRows,
      });
      // Validation: the same ranges, kinds and messages.
      const dv = findAll(ws, 'dataValidation').map((d) => ({
        range: d.attrs.sqref,
        type: d.attrs.type,
        prompt: [d.attrs.promptTitle, d.attrs.prompt],
        error: [d.attrs.errorTitle, d.attrs.error, d.attrs.errorStyle ?? 'stop'],
      }));
      const fakeDv = [...rec.validations].map(([range, v]) => ({
        range,
        type: Object.keys(v.rule)[0],
        prompt: [v.prompt.title, v.prompt.message],
        error: [v.errorAlert.title, v.errorAlert.message, String(v.errorAlert.style).toLowerCase()],
      }));
      const byRange = (a: { range: string }, b: { range: string }) => a.range.localeCompare(b.range);
      expect({ sheet: s.name, dv: dv.sort(byRange) }).toEqual({ sheet: s.name, dv: fakeDv.sort(byRange) });
      // Delay flags: the same rules, areas and colours, in priority order.
      const rules = findAll(ws, 'conditionalFormatting')
        .flatMap((cf) =>
          findAll(cf, 'cfRule').map((r) => {
            const dxf = styleDxfs[Number(r.attrs.dxfId)];
            const fill = findAll(dxf, 'bgColor')[0];
            const font = findAll(dxf, 'font')[0];
            return {
              priority: Number(r.attrs.priority),
              ranges: cf.attrs.sqref.split(' '),
              formula: `=${findAll(r, 'formula')[0].text}`,
              fill: colourOf(fill),
              fontColor: colourOf(font && findAll(font, 'color')[0]),
              strike: font ? findAll(font, 'strike').length > 0 || undefined : undefined,
            };
          }),
        )
        .sort((a, b) => a.priority - b.priority)
        .map(({ priority: _p, ...r }) => r);
      const fakeRules = rec.cfs.map((c) => ({
        ranges: c.ranges,
        formula: c.formula,
        fill: c.fill,
        fontColor: c.fontColor,
        strike: c.strike,
      }));
      expect({ sheet: s.name, rules: JSON.parse(JSON.stringify(rules)) }).toEqual({
        sheet: s.name,
        rules: JSON.parse(JSON.stringify(fakeRules)),
      });
    }
  });
});
