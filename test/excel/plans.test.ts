// Reports and documents through the Office.js adapter on the recording fake: the sheets, the register row, print
// setup and the chart land, in a number of syncs that does not grow with the number of order lines.
import { applyWarningTexts } from '../../src/core/applyWarnings';
import { planDocuments } from '../../src/core/documents';
import { t } from '../../src/core/i18n';
import { planOverdueReport } from '../../src/core/report';
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
  expect(sheet.pageLayout.printArea).toBeTruthy();
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
  expect(fx.sheet(doc.sheet).pageLayout.printArea).toBeTruthy();
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
    const customer = u.lines[0].text.customer;
    const rows = u.lines.filter((l) => l.text.customer === customer).map((l) => l.row);
    const plan = planDocuments(u, wb, { type: 'packing-list', rows: rows.slice(0, 3), today: TODAY });
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
    expect(result.warnings).toEqual([{ code: 'fitToWidthNotApplied', sheet }]);
    expect(applyWarningTexts(result, 'zh-CN')[0]).toBe(t('zh-CN', 'apply.warning.fitToWidthNotApplied', { sheet }));
    expect(applyWarningTexts(result, 'en-US')[0]).toContain('one page wide');
  });
});
