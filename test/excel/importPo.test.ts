// The import plan carried out in (the fake of) Excel: formats and formulas copied from the last line with
// Range.copyFrom, values written, the change log appended.
import { t } from '../../src/core/i18n';
import { planImport } from '../../src/core/po/importPo';
import { readPurchaseOrder } from '../../src/core/po/readPo';
import { understand } from '../../src/core/understand';
import { ExcelWorkbookPort, type ExcelRun } from '../../src/excel/port';
import { englishPo, orderSheet, workbook } from '../core/po/samples';
import { createFakeExcel } from '../fakes/excel-fake';

const TODAY = '2026-11-30';

test('Excel: 12 new lines in rows 9–20, amount formula continued, nothing above row 9 written', async () => {
  const s = orderSheet();
  const formulas: Record<string, string> = {};
  for (let r = 4; r <= 8; r++) formulas[`G${r}`] = `=E${r}*F${r}`;
  const fx = createFakeExcel([{ name: 'Orders', values: s.values, formats: s.formats!, formulas }]);
  const port = new ExcelWorkbookPort(fx.run as ExcelRun, { supports: () => true });
  const snap = await port.read();
  const u = understand(snap, { today: TODAY });
  const p = planImport(u, snap, readPurchaseOrder(workbook(englishPo()), { today: TODAY }), {
    lang: 'zh-CN',
    now: new Date(2026, 10, 30, 9, 0, 0),
    today: TODAY,
    applyChanges: false,
  });
  const before = fx.sheetValues('Orders').map((r) => r.slice());
  const syncsBefore = fx.stats.syncs;
  await port.apply(p.edits);
  expect(fx.stats.syncs - syncsBefore).toBeLessThanOrEqual(3); // look, last used row of the log, write
  expect(fx.formulaAt('Orders', 'G9')).toBe('=E9*F9');
  expect(fx.formulaAt('Orders', 'G20')).toBe('=E20*F20');
  expect(fx.formatAt('Orders', 'H9')).toBe('yyyy-mm-dd');
  const after = fx.sheetValues('Orders');
  expect(after.slice(0, 8)).toEqual(before.slice(0, 8));
  expect(after[19].slice(0, 3)).toEqual(['NW-4500123', 'Northwind Trading Ltd.', 'NW-111']);
  // The PO's messages are Chinese, the workbook English: the new log is the workbook's (issue 20).
  const log = fx.sheetValues('Change log');
  expect(log).toHaveLength(13);
  expect(log[1][1]).toBe(t('en-US', 'changelog.action.import'));
});

test('Excel: the order table is grown over the new lines (Table.resize, when ExcelApi 1.13 is there)', async () => {
  const s = orderSheet();
  const fx = createFakeExcel([
    { name: 'Orders', values: s.values, formats: s.formats!, tables: [{ name: 'Orders2026', range: 'A3:J8' }] },
  ]);
  const port = new ExcelWorkbookPort(fx.run as ExcelRun, { supports: () => true });
  const snap = await port.read();
  const u = understand(snap, { today: TODAY });
  const p = planImport(u, snap, readPurchaseOrder(workbook(englishPo()), { today: TODAY }), {
    lang: 'en-US',
    now: new Date(2026, 10, 30, 9, 0, 0),
    today: TODAY,
    applyChanges: false,
  });
  await port.apply(p.edits);
  expect(fx.sheet('Orders').tables).toEqual([{ name: 'Orders2026', range: 'A3:J20' }]);
  // Without Table.resize the table is left as it was (Excel may grow it itself; the plan does not rely on it).
  const fx2 = createFakeExcel([
    { name: 'Orders', values: s.values, formats: s.formats!, tables: [{ name: 'Orders2026', range: 'A3:J8' }] },
  ]);
  await new ExcelWorkbookPort(fx2.run as ExcelRun, { supports: (v) => v !== '1.13' }).apply(p.edits);
  expect(fx2.sheet('Orders').tables).toEqual([{ name: 'Orders2026', range: 'A3:J8' }]);
});
