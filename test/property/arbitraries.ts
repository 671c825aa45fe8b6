// fast-check arbitraries for random order workbooks, and builders that turn one generated workbook into the three
// forms the product reads: a core WorkbookSnapshot, an ExcelJS workbook (the .xlsx adapter) and FakeExcel sheets
// (the Office.js adapter). Header words come from FIELD_DEFS (简体 / 繁體 / English mixed), so one place holds them.

import * as fc from 'fast-check';
import * as ExcelJS from 'exceljs';
import { cellAddress, columnLetter, parseRange } from '../../src/core/address';
import { DAYS_1904_OFFSET } from '../../src/core/dates';
import { FIELD_DEFS, NOTE_PREFIXES, TOTAL_WORDS } from '../../src/core/fields';
import { sheetFromGrid } from '../../src/core/snapshot';
import type { CellValue, DateField, FieldKey, NumericField, WorkbookSnapshot } from '../../src/core/types';
import { DATE_FIELDS, NUMERIC_FIELDS, isCellError } from '../../src/core/types';
import type { FakeSheetInit } from '../fakes/excel-fake';

export const DATE_FMT = 'yyyy-mm-dd';

/** One generated sheet: values from A1, number formats (same shape) and merged areas. */
export interface GenSheet {
  name: string;
  values: CellValue[][];
  formats: (string | null)[][];
  merges: string[];
  /** Order sheets only: the header row and what each row below it was generated as. */
  headerRow?: number;
  rowKinds?: Record<number, RowKind>;
}

export interface GenWorkbook {
  sheets: GenSheet[];
  dateSystem: 1900 | 1904;
}

// ---------------------------------------------------------------- cell kinds

/** Text that a spreadsheet could take for a formula; must always stay literal text. */
export const FORMULA_LOOKING = [
  '=1+1',
  '+x',
  '-x',
  '@x',
  '=HYPERLINK("http://example.invalid","x")',
  "=cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(A1:A2)',
];
const CJK_TEXT = [
  '华南贸易',
  '東莞製造',
  '深圳市星辰电子有限公司',
  '测试 客户',
  'ACME Ltd.',
  'Müller GmbH',
  '待定',
  'TBD',
  '急',
  '  spaced  ',
  'a\nb',
];
const TEXT_NUMBERS = [
  '1,200',
  '１２００',
  '¥35.00',
  '$12.40',
  '12.5元',
  'USD 12.50',
  '480 个',
  '480 pcs',
  '60',
  '0.5',
  '-3',
];
const INVALID_NUMBERS = ['待定', 'TBD', 'n/a', '?', '十'];
const TEXT_DATES = [
  '2026-12-05',
  '2026/12/8',
  '2026.12.05',
  '2026年11月21日',
  '12月10日',
  'Dec 3, 2026',
  '3 Dec 2026',
  '20261205',
  '12/25/2026',
  '25/12/2026',
  '2026-02-30',
];
const INVALID_DATES = ['急', 'TBD', 'ASAP', '下周', '0000-00-00'];
const ERRORS = ['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!'];

const errorCell: fc.Arbitrary<CellValue> = fc.constantFrom(...ERRORS).map((error) => ({ error }));
const finiteNumber = fc
  .double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
  .map((n) => (Object.is(n, -0) ? 0 : n));
const extremeNumber: fc.Arbitrary<CellValue> = fc.constantFrom(
  1e-300,
  1e300,
  -1e300,
  5e-324,
  9.99e307,
  -1,
  0,
  0.1 + 0.2,
  123456789.123,
);
const smallInt = fc.integer({ min: -5, max: 5000 });

/** Any cell a clerk's sheet could hold, every kind. */
export const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: smallInt },
  { weight: 1, arbitrary: finiteNumber },
  { weight: 1, arbitrary: extremeNumber },
  { weight: 2, arbitrary: fc.constantFrom(...CJK_TEXT, ...TEXT_NUMBERS, ...TEXT_DATES) },
  { weight: 1, arbitrary: fc.constantFrom(...FORMULA_LOOKING) },
  { weight: 1, arbitrary: errorCell },
  { weight: 1, arbitrary: fc.boolean() },
);

/** A date serial in the workbook's own system, between 2020 and 2030, sometimes with a time of day. */
function dateSerial(dateSystem: 1900 | 1904): fc.Arbitrary<number> {
  return fc
    .tuple(fc.integer({ min: 43831, max: 47484 }), fc.constantFrom(0, 0, 0, 0.5, 0.25))
    .map(([d, f]) => d + f - (dateSystem === 1904 ? DAYS_1904_OFFSET : 0));
}

interface GenCell {
  value: CellValue;
  format: string | null;
}

const plain = (value: CellValue): GenCell => ({ value, format: null });

function numericCell(): fc.Arbitrary<GenCell> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 5000 }).map(plain) },
    { weight: 2, arbitrary: finiteNumber.map(plain) },
    { weight: 1, arbitrary: extremeNumber.map(plain) },
    { weight: 2, arbitrary: fc.constantFrom(...TEXT_NUMBERS).map(plain) },
    { weight: 1, arbitrary: fc.constantFrom(...INVALID_NUMBERS).map(plain) },
    { weight: 1, arbitrary: errorCell.map(plain) },
    { weight: 1, arbitrary: fc.constant(plain(null)) },
    { weight: 1, arbitrary: fc.boolean().map(plain) },
    { weight: 1, arbitrary: fc.constantFrom(...FORMULA_LOOKING).map(plain) },
  );
}

function dateCell(dateSystem: 1900 | 1904): fc.Arbitrary<GenCell> {
  return fc.oneof(
    { weight: 6, arbitrary: dateSerial(dateSystem).map((v): GenCell => ({ value: v, format: DATE_FMT })) },
    { weight: 1, arbitrary: dateSerial(dateSystem).map((v): GenCell => ({ value: v, format: 'm/d/yyyy h:mm' })) },
    { weight: 1, arbitrary: dateSerial(dateSystem).map(plain) }, // a serial without a date format
    { weight: 3, arbitrary: fc.constantFrom(...TEXT_DATES).map(plain) },
    { weight: 1, arbitrary: fc.constantFrom(...INVALID_DATES).map(plain) },
    { weight: 1, arbitrary: errorCell.map(plain) },
    { weight: 1, arbitrary: fc.constant(plain(null)) },
    { weight: 1, arbitrary: fc.constantFrom(...FORMULA_LOOKING).map(plain) },
  );
}

function textCell(field: FieldKey): fc.Arbitrary<GenCell> {
  const codes = fc
    .integer({ min: 1, max: 40 })
    .map((n) => `${field === 'item' ? 'FM-' : field === 'orderNo' ? 'SO-' : ''}${200 + n}`);
  const customers = fc.constantFrom('华南贸易', 'ACME Ltd.', '東莞製造', 'Müller GmbH');
  const statuses = fc.constantFrom('已出货', '部分出货', '取消', 'Shipped', 'Open', '生产中', '');
  const base: fc.Arbitrary<CellValue> =
    field === 'customer'
      ? customers
      : field === 'status'
        ? statuses
        : field === 'item' || field === 'orderNo'
          ? codes
          : fc.constantFrom(...CJK_TEXT);
  return fc.oneof(
    { weight: 8, arbitrary: base.map(plain) },
    { weight: 1, arbitrary: fc.constantFrom(...FORMULA_LOOKING).map(plain) },
    { weight: 1, arbitrary: anyCell.map(plain) },
  );
}

function cellFor(field: FieldKey | null, dateSystem: 1900 | 1904): fc.Arbitrary<GenCell> {
  if (field === null) return anyCell.map(plain);
  if ((NUMERIC_FIELDS as FieldKey[]).includes(field)) return numericCell();
  if ((DATE_FIELDS as FieldKey[]).includes(field)) return dateCell(dateSystem);
  return textCell(field);
}

// ---------------------------------------------------------------- header rows

/** Order-sheet fields that random headers may carry (lineNo and packing fields included). */
const HEADER_FIELDS: FieldKey[] = [
  'lineNo',
  'orderNo',
  'customer',
  'description',
  'spec',
  'unit',
  'unitPrice',
  'amount',
  'currency',
  'orderDate',
  'dueDate',
  'shipDate',
  'shippedQty',
  'status',
  'remarks',
  'cartons',
  'qtyPerCarton',
  'netWeight',
  'grossWeight',
  'cartonSize',
];
const UNMAPPED_HEADERS = ['其他', '负责人', 'Misc', 'Owner', '工厂', 'Factory'];

function wordsOf(field: FieldKey): string[] {
  return FIELD_DEFS.find((d) => d.key === field)!.words;
}

/** Header words and the field each column is meant for (always item + quantity, a random subset of the rest). */
export const headerArb: fc.Arbitrary<{ words: string[]; fields: (FieldKey | null)[] }> = fc
  .tuple(fc.subarray(HEADER_FIELDS, { minLength: 1, maxLength: 9 }), fc.integer({ min: 0, max: 1 }))
  .chain(([others, unmapped]) => {
    const fields: (FieldKey | null)[] = ['item', 'quantity', ...others];
    for (let i = 0; i < unmapped; i++) fields.push(null);
    return fc
      .tuple(
        fc.shuffledSubarray(fields, { minLength: fields.length, maxLength: fields.length }),
        fc.array(fc.nat(), { minLength: fields.length, maxLength: fields.length }),
      )
      .map(([order, picks]) => ({
        fields: order,
        words: order.map(
          (f, i) =>
            (f === null ? UNMAPPED_HEADERS : wordsOf(f))[
              picks[i] % (f === null ? UNMAPPED_HEADERS : wordsOf(f)).length
            ],
        ),
      }));
  });

// ---------------------------------------------------------------- rows

export type RowKind = 'data' | 'blank' | 'subtotal' | 'note';
const rowKindArb: fc.Arbitrary<RowKind> = fc.oneof(
  { weight: 10, arbitrary: fc.constant<RowKind>('data') },
  { weight: 1, arbitrary: fc.constant<RowKind>('blank') },
  { weight: 1, arbitrary: fc.constant<RowKind>('subtotal') },
  { weight: 1, arbitrary: fc.constant<RowKind>('note') },
);

function rowArb(kind: RowKind, fields: (FieldKey | null)[], dateSystem: 1900 | 1904): fc.Arbitrary<GenCell[]> {
  const width = fields.length;
  const empty = (): GenCell[] => Array.from({ length: width }, () => plain(null));
  if (kind === 'blank') return fc.constant(null).map(empty);
  if (kind === 'subtotal') {
    return fc.tuple(fc.constantFrom(...TOTAL_WORDS), fc.integer({ min: 1, max: 99999 })).map(([w, n]) => {
      const row = empty();
      row[0] = plain(w);
      const q = fields.indexOf('quantity');
      if (q > 0) row[q] = plain(n);
      return row;
    });
  }
  if (kind === 'note') {
    return fc
      .tuple(fc.constantFrom(...NOTE_PREFIXES), fc.constantFrom('价格含税', 'Prices ex works', '=1+1'))
      .map(([p, t]) => {
        const row = empty();
        row[0] = plain(`${p}${t}`);
        return row;
      });
  }
  // A data row carries at least one value under a known header; a row whose only value sits in an
  // unmapped column is not an order line (understand reports "headers without data" for it).
  return fc
    .tuple(...fields.map((f) => cellFor(f, dateSystem)))
    .filter((row) =>
      row.some(
        (c, i) => fields[i] !== null && c.value !== null && !(typeof c.value === 'string' && /^\s*$/.test(c.value)),
      ),
    );
}

/** Title rows above the header: a merged title, a "制表日期" line, blank rows. */
function titleRowsArb(width: number): fc.Arbitrary<{ rows: GenCell[][]; merges: string[] }> {
  const titles = fc.constantFrom('2026年订单跟踪表', 'Order book 2026', '東莞製造 訂單明細', '=SUM(A1)');
  const line = fc.oneof(
    titles.map((t) => ({ kind: 'title' as const, t })),
    fc.constant({ kind: 'made' as const, t: '制表日期：2026-11-01  更新日期：2026-11-20' }),
    fc.constant({ kind: 'blank' as const, t: '' }),
  );
  return fc.array(line, { maxLength: 3 }).map((lines) => {
    const rows: GenCell[][] = [];
    const merges: string[] = [];
    lines.forEach((l, i) => {
      const row = Array.from({ length: width }, () => plain(null));
      if (l.kind !== 'blank') row[0] = plain(l.t);
      if (l.kind === 'title' && width > 1) merges.push(`A${i + 1}:${columnLetter(width)}${i + 1}`);
      rows.push(row);
    });
    return { rows, merges };
  });
}

// ---------------------------------------------------------------- sheets and workbooks

export interface OrderSheetOptions {
  /** Minimum data-row count (0 allows headers without data). */
  minRows?: number;
  maxRows?: number;
}

export function orderSheetArb(dateSystem: 1900 | 1904, opts: OrderSheetOptions = {}): fc.Arbitrary<GenSheet> {
  return headerArb.chain(({ words, fields }) =>
    fc
      .tuple(
        titleRowsArb(words.length),
        fc.array(rowKindArb, { minLength: opts.minRows ?? 1, maxLength: opts.maxRows ?? 10 }),
        fc.constantFrom('订单', '2026订单', 'Orders', '訂單明細', 'PO list'),
        fc.integer({ min: 0, max: 2 }), // blank columns on the left
      )
      .chain(([title, kinds, name, pad]) => {
        // At least one data row when rows are required.
        const ks = (opts.minRows ?? 1) > 0 && !kinds.includes('data') ? ['data' as RowKind, ...kinds] : kinds;
        return fc.tuple(...ks.map((k) => rowArb(k, fields, dateSystem))).map((body) => {
          const header = words.map((w) => plain(w));
          const grid = [...title.rows, header, ...(body as GenCell[][])].map((r) => [
            ...Array.from({ length: pad }, () => plain(null)),
            ...r,
          ]);
          return {
            name,
            values: grid.map((r) => r.map((c) => c.value)),
            formats: grid.map((r) => r.map((c) => c.format)),
            merges: title.merges.map((m) => shiftRange(m, pad)),
            headerRow: title.rows.length + 1,
            rowKinds: Object.fromEntries(ks.map((k, i) => [title.rows.length + 2 + i, k])),
          };
        });
      }),
  );
}

function shiftRange(a1: string, cols: number): string {
  const r = parseRange(a1);
  return `${cellAddress(r.top, r.left + cols)}:${cellAddress(r.bottom, r.right + cols)}`;
}

/** A small product master (item + price + packing) so price-list checks and packing lists have data. */
const productMasterArb: fc.Arbitrary<GenSheet> = fc
  .tuple(
    fc.constantFrom('价格表', 'Price list'),
    fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 500 })), {
      minLength: 1,
      maxLength: 6,
    }),
  )
  .map(([name, items]) => {
    const grid: CellValue[][] = [['型号', '单价', '每箱数量', '净重', '毛重', '外箱尺寸']];
    for (const [n, p] of items) grid.push([`FM-${200 + n}`, p / 10, 1 + (n % 20), 10 + n / 2, 12 + n / 2, '50*40*30']);
    return { name, values: grid, formats: grid.map((r) => r.map(() => null)), merges: [] };
  });

/** A sheet of random cells (not an order table), with a random merge. */
const noiseSheetArb: fc.Arbitrary<GenSheet> = fc
  .tuple(
    fc.constantFrom('Notes', '说明', 'Sheet3'),
    fc.array(fc.array(anyCell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
  )
  .map(([name, rows]) => {
    const snap = sheetFromGrid(name, rows);
    return { name, values: snap.values, formats: snap.values.map((r) => r.map(() => null)), merges: [] };
  });

/** An order workbook: the order sheet first, maybe a product master, maybe a noise sheet; either date system. */
export function orderWorkbookArb(opts: OrderSheetOptions = {}): fc.Arbitrary<GenWorkbook> {
  return fc.constantFrom<1900 | 1904>(1900, 1904).chain((dateSystem) =>
    fc
      .tuple(
        orderSheetArb(dateSystem, opts),
        fc.option(productMasterArb, { freq: 2 }),
        fc.option(noiseSheetArb, { freq: 3 }),
      )
      .map(([order, master, noise]) => {
        const sheets = [order];
        for (const s of [master, noise]) if (s && !sheets.some((x) => x.name === s.name)) sheets.push(s);
        return { sheets, dateSystem };
      }),
  );
}

/** Any workbook at all: random grids, random merges, maybe empty, for "understanding never throws". */
export const randomWorkbookArb: fc.Arbitrary<GenWorkbook> = fc.oneof(
  { weight: 3, arbitrary: orderWorkbookArb({ minRows: 0 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom<1900 | 1904>(1900, 1904),
        fc.array(fc.array(fc.array(anyCell, { maxLength: 6 }), { maxLength: 8 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 })), { maxLength: 2 }),
      )
      .map(([dateSystem, grids, mergeAt]) => ({
        dateSystem,
        sheets: grids.map((g, i) => {
          const snap = sheetFromGrid(`S${i + 1}`, g);
          return {
            name: `S${i + 1}`,
            values: snap.values,
            formats: snap.values.map((r) => r.map(() => null)),
            merges: i === 0 ? mergeAt.map(([r, c]) => `${cellAddress(r, c)}:${cellAddress(r, c + 1)}`) : [],
          };
        }),
      })),
  },
);

// ---------------------------------------------------------------- builders

export function toSnapshot(g: GenWorkbook): WorkbookSnapshot {
  return {
    dateSystem: g.dateSystem,
    activeSheet: null,
    sheets: g.sheets.map((s) => ({ ...sheetFromGrid(s.name, s.values, s.formats), merges: s.merges.slice() })),
  };
}

/** The same workbook in ExcelJS: numbers, text, booleans, error values, date formats, merges, the date system. */
export function toExcelJs(g: GenWorkbook): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  if (g.dateSystem === 1904) wb.properties.date1904 = true;
  for (const s of g.sheets) {
    const ws = wb.addWorksheet(s.name);
    s.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null) return;
        const cell = ws.getCell(i + 1, j + 1);
        cell.value = isCellError(v) ? ({ error: v.error } as ExcelJS.CellErrorValue) : v;
        const f = s.formats[i]?.[j];
        if (f) cell.numFmt = f;
      }),
    );
    // Merged-away cells hold nothing (the generator leaves them empty or ExcelJS empties them).
    for (const m of s.merges) ws.mergeCells(m);
  }
  return wb;
}

/** The same workbook as FakeExcel sheets (Office.js adapter). Merged-away cells are emptied as Excel does. */
export function toFakeSheets(g: GenWorkbook): FakeSheetInit[] {
  return g.sheets.map((s) => {
    const values = s.values.map((r) => r.slice());
    for (const m of s.merges) {
      const r = parseRange(m);
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++)
          if ((row !== r.top || col !== r.left) && values[row - 1]) values[row - 1][col - 1] = null;
    }
    return {
      name: s.name,
      values,
      formats: s.formats.map((r) => r.map((f) => f ?? 'General')),
      merges: s.merges.slice(),
    };
  });
}

export type { DateField, NumericField };
