// The ribbon's ExecuteFunction commands on the recording fake: "Check" changes nothing and selects the first
// problem cell; "Flag delays" writes the live rules once (twice = once) and reports the classes as of today.
import { checkOrdersCommand, flagDelaysCommand, failureMessage } from '../../src/commands/commands';
import { checkOrder, issueCounts } from '../../src/core/checks';
import { OrderClerkError } from '../../src/core/errors';
import type { CellValue } from '../../src/core/types';
import { HEADER_SCAN_ROWS, understand } from '../../src/core/understand';
import { t } from '../../src/core/i18n';
import { ExcelWorkbookPort } from '../../src/excel/port';
import { createFakeExcel } from '../fakes/excel-fake';

const TODAY = '2026-11-22';
const S = (iso: string) =>
  (Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) - Date.UTC(1899, 11, 30)) /
  86400000;

function fake() {
  const grid = [
    ['Order No.', 'Customer', 'Item', 'Qty', 'Order Date', 'Due Date', 'Status'],
    ['SO-1', 'Acme', 'X-1', 10, S('2026-11-01'), S('2026-11-10'), null], // overdue
    ['SO-2', 'Acme', 'X-2', '1,200', S('2026-11-01'), S('2026-11-25'), null], // due soon; quantity typed as text
    ['SO-3', 'Acme', 'X-3', 5, S('2026-11-01'), S('2026-12-20'), 'Shipped'],
  ];
  const formats = grid.map((r, i) => r.map((_, j) => (i > 0 && (j === 4 || j === 5) ? 'yyyy-mm-dd' : 'General')));
  const fx = createFakeExcel([{ name: 'Orders', values: grid, formats }]);
  return { fx, port: new ExcelWorkbookPort(fx.run, { supports: () => true }) };
}

test('Check reports the counts, selects the first problem cell and writes nothing', async () => {
  const { fx, port } = fake();
  const before = fx.sheetValues('Orders');
  const message = await checkOrdersCommand(port, { today: TODAY, lang: 'en-US' });
  expect(message).toBe(t('en-US', 'command.checked', { rows: 3, error: 0, warning: 0, fixable: 1 }));
  expect(fx.selection).toEqual({ sheet: 'Orders', address: 'D3' });
  // Only the selection moved: values, rules, validation and tables are as they were.
  expect(fx.sheetValues('Orders')).toEqual(before);
  const sheet = fx.sheet('Orders');
  expect([sheet.cfs.length, sheet.validations.size, sheet.tables.length, fx.sheets.length]).toEqual([0, 0, 0, 1]);
});

test('Flag delays writes one set of rules, also when run twice, and counts the classes', async () => {
  const { fx, port } = fake();
  const message = await flagDelaysCommand(port, { today: TODAY, lang: 'zh-CN' });
  expect(message).toBe(
    t('zh-CN', 'command.flagged', { overdue: 1, dueSoon: 1, onTrack: 0, noDueDate: 0, shipped: 1, cancelled: 0 }),
  );
  // One rule per class the sheet can show: cancelled and shipped (a status column), no due date, overdue, due soon,
  // on track — with the class colours, and the same six after a second run.
  const fills = () => fx.sheet('Orders').cfs.map((cf) => cf.fill);
  const six = ['#EDEDED', '#EDEDED', '#FCE4D6', '#FFC7CE', '#FFEB9C', '#C6EFCE'];
  expect(fills()).toEqual(six);
  await flagDelaysCommand(port, { today: TODAY, lang: 'zh-CN' });
  expect(fills()).toEqual(six);
});

test("a failure is told in the clerk's language", () => {
  expect(failureMessage(new OrderClerkError('noOrderTable'), 'zh-CN')).toBe(t('zh-CN', 'error.noOrderTable'));
  expect(failureMessage(new Error('boom'), 'en-US')).toBe(t('en-US', 'command.failed', { detail: 'boom' }));
});

describe('ribbon commands read the order sheet and the settings, not every used cell of every sheet', () => {
  function workbook(active: string) {
    const orders: CellValue[][] = [['订单号', '客户', '型号', '数量', '单价', '交期', '状态']];
    for (let i = 1; i <= 120; i++)
      orders.push([`SO-${i}`, '华南贸易', `FM-${i % 7}`, i, i % 10 === 0 ? 9.9 : 2.5, S('2026-11-01') + i, null]);
    const prices: CellValue[][] = [['型号', '品名', '单价', '每箱数量']];
    for (let i = 0; i < 7; i++) prices.push([`FM-${i}`, `风扇${i}`, 2.5, 50]);
    const archive: CellValue[][] = [['年份', '说明', '金额']];
    for (let i = 0; i < 3000; i++) archive.push([2000 + (i % 20), `旧账 ${i}`, i * 3]);
    const fx = createFakeExcel(
      [
        { name: '订单', values: orders },
        { name: '价格表', values: prices },
        { name: '旧数据', values: archive },
      ],
      { active },
    );
    return { fx, port: new ExcelWorkbookPort(fx.run, { supports: () => true }) };
  }

  test('Flag delays: the other sheets only as far as their header rows', async () => {
    const { fx, port } = workbook('订单');
    await flagDelaysCommand(port, { today: TODAY, lang: 'en-US' });
    expect(fx.stats.valueCellsRead['旧数据']).toBeLessThanOrEqual(HEADER_SCAN_ROWS * 3);
    expect(fx.stats.valueCellsRead['订单']).toBe(121 * 7);
  });

  test('Check: the price list in full too, and the same counts as reading everything', async () => {
    const { fx, port } = workbook('订单');
    const message = await checkOrdersCommand(port, { today: TODAY, lang: 'en-US' });
    expect(fx.stats.valueCellsRead['旧数据']).toBeLessThanOrEqual(HEADER_SCAN_ROWS * 3);
    const full = workbook('订单');
    const u = understand(await full.port.read(), { today: TODAY });
    const counts = issueCounts(checkOrder(u, { lang: 'en-US' }));
    expect(counts.warning).toBeGreaterThan(0); // the price-list checks found the 9.9 prices
    expect(message).toBe(t('en-US', 'command.checked', { rows: 120, ...counts }));
  });

  test('run from another sheet: the order sheet is found from its first rows, then read in full', async () => {
    const { fx, port } = workbook('旧数据');
    const message = await flagDelaysCommand(port, { today: TODAY, lang: 'en-US' });
    expect(fx.sheet('订单').cfs.length).toBeGreaterThan(0);
    expect(fx.sheet('订单').cfs[0].ranges).toEqual(['A2:G121']);
    expect(message).toMatch(/^Delays flagged/);
  });
});
