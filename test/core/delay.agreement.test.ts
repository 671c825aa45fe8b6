// The live conditional formats must colour every row as classifyLines classifies it (DESIGN: "classes agree with
// the formulas' meaning"). Random rows are evaluated with a small Excel-semantics evaluator of the emitted formulas.

import fc from 'fast-check';
import {
  classifyLines,
  delayRuleFormulas,
  excelDelayClasses,
  planDelayRules,
  textDateRows,
  textNumberRows,
} from '../../src/core/delay';
import { STATUS_WORDS } from '../../src/core/status';
import type { CellValue, DelayClass, Understanding } from '../../src/core/types';
import { applies, parseFormula } from './helpers/delayFormula';
import { isoOf, serial, sheetOf, understandGrid } from './helpers/grid';

const TODAY = '2026-11-22';
const T = serial(TODAY);

const ALL_WORDS = [...STATUS_WORDS.shipped, ...STATUS_WORDS.cancelled, ...STATUS_WORDS.partial];
const EXTRA = { shipped: ['发走了'], cancelled: ['Dropped'], partial: ['部分 OK'] };

const fullWidth = (s: string): string =>
  s.replace(/[!-~ ]/g, (ch) => (ch === ' ' ? '\u3000' : String.fromCharCode(ch.charCodeAt(0) + 0xfee0)));

const spaces = fc.integer({ min: 0, max: 2 }).map((n) => ' '.repeat(n));
const casing = fc.constantFrom(
  (s: string) => s,
  (s: string) => s.toLowerCase(),
  (s: string) => s.toUpperCase(),
  (s: string) => [...s].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join(''),
);
const knownStatus = fc
  .tuple(
    fc.constantFrom(...ALL_WORDS, ...Object.values(EXTRA).flat()),
    casing,
    spaces,
    spaces,
    fc.boolean(),
    fc.boolean(),
  )
  .map(([w, c, l, r, wide, doubleInner]) => {
    const cased = c(w);
    if (wide) return fullWidth(cased);
    return l + (doubleInner ? cased.replace(/ /g, '   ') : cased) + r;
  });
const status = fc.oneof(
  { weight: 6, arbitrary: knownStatus },
  {
    weight: 2,
    // MATCH reads * ? ~ as wildcards: a status holding them must match nothing ("取?" is not "取消").
    arbitrary: fc.constantFrom<CellValue>(
      null,
      '',
      'Open',
      '生产中',
      '待排产',
      'shipped?',
      'Not shipped',
      12,
      '*',
      '取?',
      '已*',
      '~*',
      'Ship*',
    ),
  },
);

const qty = fc.oneof(
  fc.constant<CellValue>(null),
  fc.integer({ min: -5, max: 200 }),
  fc.constantFrom<CellValue>(0, 0.5, 12.5),
  fc.integer({ min: 0, max: 200 }).map((n) => String(n)),
  fc.constantFrom<CellValue>('1,080.00', '待定', 'TBD', ''),
);
const dateOffset = fc.integer({ min: -20, max: 20 });
const dateCell = fc.oneof(
  { weight: 2, arbitrary: fc.constant<CellValue>(null) },
  { weight: 6, arbitrary: dateOffset.map((d) => T + d) },
  { weight: 1, arbitrary: fc.tuple(dateOffset, fc.constantFrom(0.25, 0.75)).map(([d, f]) => T + d + f) },
  { weight: 2, arbitrary: dateOffset.map((d) => isoOf(T + d)) }, // text dates
  { weight: 1, arbitrary: fc.constantFrom<CellValue>('下周', 'TBD', '') },
);
const item = fc.oneof(
  { weight: 5, arbitrary: fc.constant<CellValue>('FM-201') },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>(null, '') },
);

const row = fc.record({ item, qty, shippedQty: qty, due: dateCell, shipDate: dateCell, status });
type Row = {
  item: CellValue;
  qty: CellValue;
  shippedQty: CellValue;
  due: CellValue;
  shipDate: CellValue;
  status: CellValue;
};

/**
 * What Excel's formulas can see: a number or date stored as text is just text to ISNUMBER. The same grid with every
 * such text replaced by a text nothing reads, understood the same way, gives the classes Excel's colours show.
 */
function excelView(grid: CellValue[][]): CellValue[][] {
  const seen = new Set(['quantity', 'shippedQty', 'dueDate', 'shipDate']);
  const blind = grid[0].map((f) => seen.has(String(f)));
  return grid.map((r, i) =>
    i === 0 ? r : r.map((v, j) => (blind[j] && typeof v === 'string' && v.trim() !== '' ? 'text' : v)),
  );
}

function build(rows: Row[], withShippedQty: boolean, dueSoonDays: number): { u: Understanding; grid: CellValue[][] } {
  const header: CellValue[] = withShippedQty
    ? ['orderNo', 'item', 'quantity', 'shippedQty', 'dueDate', 'shipDate', 'status']
    : ['orderNo', 'item', 'quantity', 'dueDate', 'shipDate', 'status'];
  // Every line has an order number, so no generated row is blank (blank rows are not order lines).
  const grid: CellValue[][] = [
    header,
    ...rows.map((r) =>
      withShippedQty
        ? ['SO-1', r.item, r.qty, r.shippedQty, r.due, r.shipDate, r.status]
        : ['SO-1', r.item, r.qty, r.due, r.shipDate, r.status],
    ),
  ];
  return { u: understandGrid(grid, gridOptions(dueSoonDays), TODAY), grid };
}

const gridOptions = (dueSoonDays: number) => ({ headerRow: 3, settings: { dueSoonDays, extraStatusWords: EXTRA } });

function formulaClasses(u: Understanding, grid: CellValue[][], row: number): DelayClass[] {
  const sheet = sheetOf(grid, { headerRow: u.order.headerRow });
  return delayRuleFormulas(u)
    .filter(({ formula }) => applies(parseFormula(formula), { sheet, rowOffset: row - u.order.firstDataRow, today: T }))
    .map(({ cls }) => cls);
}

describe('live delay rules agree with classifyLines', () => {
  test('on random rows (≥ 500), with and without a shippedQty column', () => {
    let checked = 0;
    let exact = 0;
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 10 }),
        (rows, withShippedQty, soon) => {
          const { u, grid } = build(rows, withShippedQty, soon);
          const classes = classifyLines(u, TODAY);
          const excelClasses = classifyLines(understandGrid(excelView(grid), gridOptions(soon), TODAY), TODAY);
          const blindRows = new Set([...textDateRows(u), ...textNumberRows(u)]);
          u.lines.forEach((line, k) => {
            const got = formulaClasses(u, grid, line.row);
            // Rules are mutually exclusive: at most one colour per row.
            expect(got.length).toBeLessThanOrEqual(1);
            const coloured = (line.text.item ?? '') !== '' || line.date.dueDate?.kind !== 'empty';
            const expected = coloured ? excelClasses[k].class : undefined;
            expect([line.row, got[0]]).toEqual([line.row, expected]);
            // Where nothing is stored as text, Excel shows exactly the add-in's class.
            if (coloured && !blindRows.has(line.row)) {
              expect(got[0]).toBe(classes[k].class);
              exact++;
            }
            checked++;
          });
        },
      ),
      { numRuns: 200, seed: 20261122 },
    );
    expect(checked).toBeGreaterThanOrEqual(500);
    expect(exact).toBeGreaterThanOrEqual(300);
  });

  test('excelDelayClasses is the colour the formulas show on every row, error values and text dates included', () => {
    const withError = <T>(a: fc.Arbitrary<T>) =>
      fc.oneof({ weight: 8, arbitrary: a }, { weight: 1, arbitrary: fc.constant<CellValue>({ error: '#N/A' }) });
    const rowWithErrors = fc.record({
      item: withError(item),
      qty: withError(qty),
      shippedQty: withError(qty),
      due: withError(dateCell),
      shipDate: withError(dateCell),
      status: withError(status),
    });
    let checked = 0;
    let uncoloured = 0;
    fc.assert(
      fc.property(
        fc.array(rowWithErrors, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 10 }),
        (rows, withShippedQty, soon) => {
          const { u, grid } = build(rows as Row[], withShippedQty, soon);
          const shown = excelDelayClasses(u, TODAY);
          u.lines.forEach((line, k) => {
            expect([line.row, shown[k]]).toEqual([line.row, formulaClasses(u, grid, line.row)[0] ?? null]);
            if (shown[k] === null) uncoloured++;
            checked++;
          });
        },
      ),
      { numRuns: 200, seed: 20261201 },
    );
    expect(checked).toBeGreaterThanOrEqual(500);
    expect(uncoloured).toBeGreaterThanOrEqual(50);
  });

  test('every emitted formula parses and carries the marker', () => {
    const { u } = build([{ item: 'X', qty: 1, shippedQty: null, due: T, shipDate: null, status: null }], true, 7);
    const edit = planDelayRules(u);
    if (edit.kind !== 'setConditionalFormats') throw new Error(edit.kind);
    for (const r of edit.rules) {
      expect(() => parseFormula(r.formula)).not.toThrow();
      expect(r.formula.startsWith('AND(N("order-clerk:delay")=0,')).toBe(true);
    }
  });
});
