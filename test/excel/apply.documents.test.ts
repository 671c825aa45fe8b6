// Reports and documents through the Office.js adapter on the recording fake: the sheets, the register row, print
// setup and the chart land, in a number of syncs that does not grow with the number of order lines.
import { cellAddress } from '../../src/core/address';
import { applyWarningTexts } from '../../src/core/applyWarnings';
import { classifyLines } from '../../src/core/delay';
import { planDocuments } from '../../src/core/documents';
import { t } from '../../src/core/i18n';
import { planOverdueReport } from '../../src/core/report';
import type { CellValue } from '../../src/core/types';
import { understand } from '../../src/core/understand';
import { ExcelWorkbookPort } from '../../src/excel/port';
import { generateOrderSheet } from '../../bench/generateSheet';
import { createFakeExcel } from '../fakes/excel-fake';

const TODAY = '2026-11-22';

async function setup(rows: number) {
  const s = generateOrderSheet(rows, 7);
  const fx = createFakeExcel([{ name: s.name, values: s.values, formats: s.formats ?? undefined }]);
  const port = new ExcelWorkbookPort(fx.run, { supports: () => true });
  const wb = await port.read();
  return { fx, port, wb, u: understand(wb, { today: TODAY }) };
}

/** Bottom-right cell of the values written to a sheet ("K57"). */
function usedCorner(grid: CellValue[][]): string {
  let bottom = 0;
  let right = 0;
  grid.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v !== null && v !== '') {
        bottom = Math.max(bottom, i + 1);
        right = Math.max(right, j + 1);
      }
    }),
  );
  return cellAddress(bottom, right);
}

async function reportSyncs(rows: number) {
  const { fx, port, wb, u } = await setup(rows);
  const report = planOverdueReport(u, wb, { today: TODAY, lang: 'zh-CN' });
  fx.resetStats();
  const result = await port.apply(report.edits);
  return { fx, report, result, syncs: fx.stats.syncs };
}

test('the weekly report: a new print-ready sheet with its chart, in the same syncs for 100 or 3,000 lines', async () => {
  const small = await reportSyncs(100);
  const large = await reportSyncs(3000);
  expect(large.syncs).toBe(small.syncs);
  expect(small.syncs).toBeLessThanOrEqual(3);
  const { fx, report, result } = large;
  expect(result.createdSheets).toEqual([report.sheet]);
  const sheet = fx.sheet(report.sheet);
  const spec = report.edits.find((e) => e.kind === 'addSheet');
  if (spec?.kind !== 'addSheet') throw new Error('no report sheet planned');
  // The print area Excel got is the plan's: every cell of the report, A1 to its last row and column.
  expect(sheet.pageLayout.printArea).toBe(spec.spec.pageSetup.printArea);
  expect(sheet.pageLayout.printArea).toBe(`A1:${usedCorner(fx.sheetValues(report.sheet))}`);
  expect(sheet.charts).toHaveLength(1);
  const overdueRows = fx
    .sheetValues(report.sheet)
    .filter((r) => r.some((v) => typeof v === 'string' && /^SO\d+/.test(v)));
  expect(overdueRows.length).toBe(report.overdue.length + report.dueSoon.length);
});

/** n open lines of one customer (shipped and cancelled lines are refused on packing lists and delivery notes). */
function openRows(u: Awaited<ReturnType<typeof setup>>['u'], n: number): number[] {
  const open = new Set(
    classifyLines(u, TODAY)
      .filter((c) => c.class !== 'shipped' && c.class !== 'cancelled' && c.openQty > 0)
      .map((c) => c.row),
  );
  const customer = u.lines.find((l) => open.has(l.row))?.text.customer;
  return u.lines
    .filter((l) => open.has(l.row) && l.text.customer === customer && l.num.unitPrice?.kind !== 'error')
    .slice(0, n)
    .map((l) => l.row);
}

test.each(['packing-list', 'delivery-note'] as const)(
  'a %s of 200 lines: document sheet, register row (and the shipment recorded) in the same syncs as for 5 lines',
  async (type) => {
    const syncsFor = async (n: number) => {
      const { fx, port, wb, u } = await setup(2000);
      const rows = openRows(u, n);
      expect(rows).toHaveLength(n);
      const plan = planDocuments(u, wb, { type, rows, today: TODAY, company: '永兴小家电制品有限公司', force: true });
      fx.resetStats();
      const result = await port.apply(plan.edits);
      return { fx, plan, result, syncs: fx.stats.syncs, u };
    };
    const five = await syncsFor(5);
    const many = await syncsFor(200);
    expect(many.syncs).toBe(five.syncs);
    expect(many.syncs).toBeLessThanOrEqual(3);
    const { fx, plan, result } = many;
    const doc = plan.documents[0];
    expect(result.createdSheets).toEqual(expect.arrayContaining([doc.sheet, '单据登记']));
    const register = fx.sheetValues('单据登记');
    // Letterhead, title, header, then this document; its print area stretched over the new row.
    expect(register[0][0]).toBe('永兴小家电制品有限公司');
    const entry = register.findIndex((r) => r[0] === doc.number);
    expect(entry).toBe(register.length - 1);
    expect(register[entry]).toEqual(expect.arrayContaining([doc.number, doc.sheet, '有效']));
    expect(fx.sheet('单据登记').pageLayout.printArea).toBe(`A1:L${entry + 1}`);
    expect(fx.sheet(doc.sheet).pageLayout.printArea).toBeTruthy();
    if (type === 'delivery-note') {
      expect(plan.recorded).toHaveLength(200);
      expect(fx.sheetValues('出货记录')).toHaveLength(201);
      const log = fx.sheetValues('变更记录');
      expect(log.filter((r) => r[1] === '出货').length).toBeGreaterThanOrEqual(200);
    }
  },
);

test("three copies of a 60-line delivery note: Excel gets the plan's manual page breaks, in the same few syncs", async () => {
  const { fx, port, wb, u } = await setup(2000);
  const plan = planDocuments(u, wb, {
    type: 'delivery-note',
    rows: openRows(u, 60),
    today: TODAY,
    company: '永兴小家电制品有限公司',
    force: true,
    copies: 3,
  });
  const add = plan.edits.find((e) => e.kind === 'addSheet');
  if (add?.kind !== 'addSheet') throw new Error('no note sheet planned');
  const breaks = add.spec.pageSetup.rowBreaks ?? [];
  expect(breaks.length).toBeGreaterThanOrEqual(5); // copies 2 and 3, and each copy's table past a page
  fx.resetStats();
  await port.apply(plan.edits);
  expect(fx.sheet(plan.documents[0].sheet).pageLayout.rowBreaks).toEqual(breaks);
  expect(fx.stats.syncs).toBeLessThanOrEqual(3);
});

describe('fit to one page wide is read back (office-js#1860)', () => {
  async function packingList(fitToPagesIgnored: boolean) {
    const s = generateOrderSheet(50, 7);
    const fx = createFakeExcel([{ name: s.name, values: s.values, formats: s.formats ?? undefined }], {
      fitToPagesIgnored,
    });
    const port = new ExcelWorkbookPort(fx.run, { supports: () => true });
    const wb = await port.read();
    const u = understand(wb, { today: TODAY });
    const plan = planDocuments(u, wb, { type: 'packing-list', rows: openRows(u, 3), today: TODAY, force: true });
    fx.resetStats();
    return { fx, plan, result: await port.apply(plan.edits) };
  }

  test('when Excel took it: no warning, and the read-back costs no extra sync', async () => {
    const { fx, plan, result } = await packingList(false);
    expect(result.warnings).toBeUndefined();
    expect(fx.sheet(plan.documents[0].sheet).pageLayout.zoom).toEqual({
      horizontalFitToPages: 1,
      verticalFitToPages: 0,
    });
    expect(fx.stats.syncs).toBeLessThanOrEqual(3);
  });

  test('when Excel ignored it: the result says so, in the clerk’s language', async () => {
    const { plan, result } = await packingList(true);
    const sheet = plan.documents[0].sheet;
    // The document and the register (a print-ready sheet of its own since the letterhead) both say so.
    expect(result.warnings).toEqual([
      { code: 'fitToWidthNotApplied', sheet },
      { code: 'fitToWidthNotApplied', sheet: '单据登记' },
    ]);
    expect(applyWarningTexts(result, 'zh-CN')[0]).toBe(t('zh-CN', 'apply.warning.fitToWidthNotApplied', { sheet }));
    expect(applyWarningTexts(result, 'en-US')[0]).toContain('one page wide');
  });
});
