// Property, .xlsx adapter: importing a customer PO into a random order workbook (written and read back) changes no
// cell outside the appended rows and the accepted changes; every other sheet keeps its cells; importing the same PO
// again adds nothing (and, once its changes are accepted, changes nothing). When the sheet cannot take the import
// (no order-number/item column, rows under the last line in use) the refusal is said and nothing is planned.
// Runs: IMPORT_RUNS random workbooks × random POs, both date systems.

import * as fc from 'fast-check';
import { cellAddress } from '../../src/core/address';
import { OrderClerkError } from '../../src/core/errors';
import { planImport } from '../../src/core/po/importPo';
import { readPurchaseOrder } from '../../src/core/po/readPo';
import { cellAt, findSheet, lastColumn, lastRow, sheetFromGrid } from '../../src/core/snapshot';
import type { CellValue, WorkbookSnapshot } from '../../src/core/types';
import { understand } from '../../src/core/understand';
import { readWorkbookBuffer } from '../../src/xlsx/exceljs';
import { applyEditsToPackage } from '../../src/xlsx/package/writer';
import { writeWorkbookBuffer } from '../../src/xlsx/write';
import { orderWorkbookArb, toExcelJs, type GenWorkbook } from './arbitraries';
import { NOW, TODAY, sameCell } from './invariants';

const IMPORT_RUNS = 25;
jest.setTimeout(180000);

interface PoSpec {
  /** Take the PO number from the order sheet's first line (so lines match) or use a new one. */
  existingNumber: boolean;
  /** Existing lines of that number the PO keeps (by index), with a quantity change or not. */
  keep: { pick: number; qtyDelta: number }[];
  newItems: number;
  apply: boolean;
}

const keysArb = fc.record({
  on: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x < 0.85),
  zh: fc.boolean(),
  picks: fc.array(fc.nat(9), { minLength: 1, maxLength: 10 }),
});

const poSpecArb: fc.Arbitrary<PoSpec> = fc.record({
  existingNumber: fc.boolean(),
  keep: fc.array(fc.record({ pick: fc.nat(20), qtyDelta: fc.constantFrom(0, 0, 5, -1) }), { maxLength: 4 }),
  newItems: fc.integer({ min: 0, max: 4 }),
  apply: fc.boolean(),
});

/** A PO form: header block (PO No.:, Buyer:) and a table of item, qty, unit price, due date. */
function poWorkbook(before: WorkbookSnapshot, spec: PoSpec): WorkbookSnapshot | null {
  let u;
  try {
    u = understand(before, { today: TODAY });
  } catch {
    return null;
  }
  const key = u.order.columns.customerPo !== undefined ? 'customerPo' : 'orderNo';
  const first = u.lines.find((l) => (l.text[key] ?? '') !== '' && (l.text.item ?? '') !== '');
  const number = spec.existingNumber && first ? first.text[key]! : 'PO-PROP-1';
  const same = u.lines.filter((l) => l.text[key] === number && (l.text.item ?? '') !== '');
  const rows: CellValue[][] = [
    ['PO No.:', number],
    ['Buyer:', 'Prop Buyer Ltd.'],
    [],
    ['Item', 'Qty', 'Unit Price', 'Due Date'],
  ];
  const used = new Set<number>();
  for (const k of spec.keep) {
    if (!same.length) break;
    const i = k.pick % same.length;
    if (used.has(i)) continue;
    used.add(i);
    const l = same[i];
    const q = l.num.quantity?.kind === 'ok' ? l.num.quantity.value : 10;
    rows.push([l.text.item!, q + k.qtyDelta, null, null]);
  }
  for (let i = 0; i < spec.newItems; i++) rows.push([`PROP-NEW-${i + 1}`, 10 * (i + 1), 1.5, '2027-01-15']);
  if (rows.length === 4) rows.push(['PROP-NEW-0', 1, 1, '2027-01-15']);
  return { sheets: [sheetFromGrid('PO', rows)], dateSystem: 1900, activeSheet: null };
}

/**
 * Most random sheets have an order-number and an item column (appended on the right, words in either language);
 * their data rows get a few order numbers and items, so that PO lines match, change and drop.
 */
function withKeys(g: GenWorkbook, keys: { on: boolean; zh: boolean; picks: number[] }): GenWorkbook {
  if (!keys.on) return g;
  const [order, ...rest] = g.sheets;
  const header = order.headerRow!;
  const width = order.values.reduce((w, r) => Math.max(w, r.length), 0);
  const values = order.values.map((r, i) => {
    const row = [...r, ...Array<CellValue>(width - r.length).fill(null)];
    const n = i + 1;
    if (n === header) return [...row, keys.zh ? '订单号' : 'Order No.', keys.zh ? '型号' : 'Item No.'];
    if (n > header && order.rowKinds?.[n] === 'data') {
      const k = keys.picks[i % keys.picks.length] ?? 0;
      return [...row, `SO-${1 + (k % 2)}`, `IT-${1 + (k % 5)}`];
    }
    return [...row, null, null];
  });
  const formats = values.map((r, i) => r.map((_, j) => order.formats[i]?.[j] ?? null));
  return { ...g, sheets: [{ ...order, values, formats }, ...rest] };
}

async function roundTrip(bytes: Uint8Array): Promise<{ bytes: Uint8Array; snapshot: WorkbookSnapshot }> {
  return { bytes, snapshot: (await readWorkbookBuffer(bytes, 'roundtrip.xlsx')).snapshot };
}

function changedCells(before: WorkbookSnapshot, after: WorkbookSnapshot, orderSheet: string): string[] {
  const out: string[] = [];
  for (const s of before.sheets) {
    const t = findSheet(after, s.name);
    if (!t) {
      out.push(`sheet ${s.name} is gone`);
      continue;
    }
    // The order sheet is compared over both used ranges (a cell gaining a value counts); others over before's.
    const strict = s.name === orderSheet;
    const bottom = strict ? Math.max(lastRow(s), lastRow(t)) : lastRow(s);
    const right = strict ? Math.max(lastColumn(s), lastColumn(t)) : lastColumn(s);
    for (let r = 1; r <= bottom; r++)
      for (let c = 1; c <= right; c++)
        if (!sameCell(cellAt(s, r, c), cellAt(t, r, c))) out.push(`${s.name}!${cellAddress(r, c)}`);
  }
  return out;
}

test(`import changes only the appended rows and the accepted changes; twice adds nothing (${IMPORT_RUNS} runs)`, async () => {
  await fc.assert(
    fc.asyncProperty(orderWorkbookArb(), keysArb, poSpecArb, async (g0, keys, spec) => {
      const g = withKeys(g0, keys);
      const start = await roundTrip(await writeWorkbookBuffer(toExcelJs(g)));
      const poWb = poWorkbook(start.snapshot, spec);
      if (!poWb) return;
      const u = understand(start.snapshot, { today: TODAY });
      const po = readPurchaseOrder(poWb, { today: TODAY });
      const opts = { lang: 'en-US' as const, now: NOW, today: TODAY, applyChanges: spec.apply };
      let p;
      try {
        p = planImport(u, start.snapshot, po, opts);
      } catch (e) {
        expect(e).toBeInstanceOf(OrderClerkError);
        expect(['poNoKeyColumn', 'poNoRoom']).toContain((e as OrderClerkError).code);
        return;
      }
      const after = await roundTrip((await applyEditsToPackage(start.bytes, p.edits)).bytes);
      const o = u.order;
      const allowed = new Set<string>();
      for (const a of p.added)
        for (let c = o.firstColumn; c <= o.lastColumn; c++) allowed.add(`${o.sheet}!${cellAddress(a.row, c)}`);
      for (const c of p.changed) if (c.applied) allowed.add(`${o.sheet}!${c.cell}`);
      expect(changedCells(start.snapshot, after.snapshot, o.sheet).filter((x) => !allowed.has(x))).toEqual([]);
      // Every appended row holds the PO's item; every accepted change holds its new value.
      const s = findSheet(after.snapshot, o.sheet)!;
      for (const a of p.added) expect(String(cellAt(s, a.row, o.columns.item!))).toBe(a.item);
      for (const c of p.changed.filter((x) => x.applied && x.field === 'quantity'))
        expect(cellAt(s, c.row, o.columns.quantity!)).toBe(c.new);

      const u2 = understand(after.snapshot, { today: TODAY });
      const again = planImport(u2, after.snapshot, po, opts);
      expect(again.added).toEqual([]);
      if (spec.apply) expect(again.changed.filter((c) => c.applied)).toEqual([]);
      expect(again.dropped).toEqual(p.dropped);
    }),
    { numRuns: IMPORT_RUNS },
  );
});
