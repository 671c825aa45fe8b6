// Reports and documents through the Office.js adapter on the recording fake: the sheets, the register row, print
// setup and the chart land, in a number of syncs that does not grow with the number of order lines.
import { cellAddress } from '../../src/core/address';
import { planDocuments } from '../../src/core/documents';
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

test('a packing list of 200 lines: document sheet plus one register row, in the same syncs as for 5 lines', async () => {
  const syncsFor = async (n: number) => {
    const { fx, port, wb, u } = await setup(2000);
    const customer = u.lines[0].text.customer;
    const rows = u.lines
      .filter((l) => l.text.customer === customer)
      .slice(0, n)
      .map((l) => l.row);
    expect(rows).toHaveLength(n);
    const plan = planDocuments(u, wb, { type: 'packing-list', rows, today: TODAY });
    fx.resetStats();
    const result = await port.apply(plan.edits);
    return { fx, plan, result, syncs: fx.stats.syncs };
  };
  const five = await syncsFor(5);
  const many = await syncsFor(200);
  expect(many.syncs).toBe(five.syncs);
  const { fx, plan, result } = many;
  const doc = plan.documents[0];
  expect(result.createdSheets).toEqual(expect.arrayContaining([doc.sheet, '单据登记']));
  const register = fx.sheetValues('单据登记');
  expect(register).toHaveLength(2); // header + this document
  expect(register[1]).toEqual(expect.arrayContaining([doc.number, doc.sheet]));
  const docSpec = plan.edits.find((e) => e.kind === 'addSheet');
  if (docSpec?.kind !== 'addSheet') throw new Error('no document sheet planned');
  expect(fx.sheet(doc.sheet).pageLayout.printArea).toBe(docSpec.spec.pageSetup.printArea);
  expect(fx.sheet(doc.sheet).pageLayout.printArea).toBe(`A1:${usedCorner(fx.sheetValues(doc.sheet))}`);
});
