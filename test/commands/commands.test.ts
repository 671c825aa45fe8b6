// The ribbon's ExecuteFunction commands on the recording fake: "Check" changes nothing and selects the first
// problem cell; "Flag delays" writes the live rules once (twice = once) and reports the classes as of today.
import { checkOrdersCommand, flagDelaysCommand, failureMessage } from '../../src/commands/commands';
import { OrderClerkError } from '../../src/core/errors';
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
