// What ships now, void and signed receipts from the pane (issue 14), on the zh-factory sample over the .xlsx port:
// row 5 has 120 ordered and 60 shipped (已交数量 M5), row 14 is cancelled.

import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { readChangeLog } from '../../../src/core/changelog';
import { readRegister } from '../../../src/core/documents';
import { outstandingReceipts } from '../../../src/core/shipments/receipts';
import { cellAt, findSheet } from '../../../src/core/snapshot';
import { makeDocuments, markReceived, voidDocument } from '../../../src/taskpane/actions';
import { XlsxWorkbookPort } from '../../../src/xlsx/port';
import { contextOn } from './helpers';

const SAMPLE = path.resolve(__dirname, '../../../../shared/fixtures/samples/zh-factory.xlsx');
const ORDERS = '2026订单';
const M = 13; // 已交数量
const CHOICES = { docLang: null, withoutPrices: false, perCustomer: false };

async function zhFactory(lang: 'zh-CN' | 'en-US' = 'en-US') {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE);
  const port = new XlsxWorkbookPort(book);
  return { port, ctx: contextOn(port, lang) };
}

async function shippedOf(port: XlsxWorkbookPort, row: number) {
  return cellAt(findSheet(await port.read(), ORDERS)!, row, M);
}

test('ships the edited 40 of row 5 (60 open), then voiding the note restores 60', async () => {
  const { port, ctx } = await zhFactory();
  port.setSelection(ORDERS, 'A5');
  const r = await makeDocuments(ctx, 'delivery-note', { ...CHOICES, ship: { 5: 40 } });
  expect(r.notice.intent).not.toBe('error');
  expect(r.docs).toHaveLength(1);
  const dn = r.docs[0];
  expect(dn.lines).toEqual([{ row: 5, ordered: 120, ship: 40, owedAfter: 20 }]);
  expect(await shippedOf(port, 5)).toBe(100);
  expect(readChangeLog(await port.read())).toContainEqual(
    expect.objectContaining({ cell: 'M5', old: 60, new: 100, document: dn.number }),
  );

  const v = await voidDocument(ctx, dn.number);
  expect(v).toMatchObject({ intent: 'success', text: `${dn.number} is void now.` });
  expect(v.details).toContain('Row 5: shipped 100 → 60');
  expect(await shippedOf(port, 5)).toBe(60);
  expect(readRegister(await port.read()).rows.find((x) => x.number === dn.number)?.state).toBe('void');
  // Voiding twice is refused by the core, and nothing changes.
  await expect(voidDocument(ctx, dn.number)).rejects.toMatchObject({ code: 'alreadyVoid' });
  expect(await shippedOf(port, 5)).toBe(60);
});

test('more than open and a cancelled line make no document; the notice names each line in the pane words', async () => {
  const { port, ctx } = await zhFactory();
  port.setSelection(ORDERS, 'A5');
  const over = await makeDocuments(ctx, 'delivery-note', { ...CHOICES, ship: { 5: 70 } });
  expect(over.docs).toEqual([]);
  expect(over.notice).toMatchObject({
    intent: 'error',
    text: expect.stringMatching(/^No document made: 1 line cannot/),
  });
  expect(over.notice.details).toEqual(['row 5 (FM-202): 70 is more than the 60 still open (ordered 120)']);
  expect(over.notice.text).not.toMatch(/--/); // no CLI flag in the pane
  port.setSelection(ORDERS, 'A14');
  const cancelled = await makeDocuments(ctx, 'delivery-note', CHOICES);
  expect(cancelled.notice.details).toEqual([expect.stringMatching(/^row 14 .*a cancelled line does not ship$/)]);
  expect(await shippedOf(port, 5)).toBe(60);
  expect(readRegister(await port.read()).rows).toEqual([]);
});

test('the receipts list shows the note after receiptDays, oldest first, and not once it is received', async () => {
  const { port, ctx } = await zhFactory('zh-CN');
  port.setSelection(ORDERS, 'A5');
  const dn = (await makeDocuments(ctx, 'delivery-note', CHOICES)).docs[0];
  expect(dn.lines[0]).toMatchObject({ ship: 60, owedAfter: 0 });
  const list = async (today: string) => outstandingReceipts(await port.read(), today, 7).outstanding;
  expect(await list('2026-11-29')).toEqual([]); // 7 days out: not yet
  expect(await list('2026-11-30')).toEqual([
    expect.objectContaining({ number: dn.number, customer: '佛山美家', daysOut: 8 }),
  ]);
  const later = { ...ctx, today: '2026-11-30' };
  const n = await markReceived(later, dn.number);
  expect(n).toEqual({ intent: 'success', text: `已记录 ${dn.number} 的回单，收回日期 2026-11-30。` });
  expect(await list('2026-11-30')).toEqual([]);
  expect(readRegister(await port.read()).rows[0]).toMatchObject({ number: dn.number, returned: true });
});

test('a delivery note written in English on a Chinese workbook starts the change log as 变更记录 (the workbook’s)', async () => {
  const { port, ctx } = await zhFactory('en-US');
  port.setSelection(ORDERS, 'A5');
  const r = await makeDocuments(ctx, 'delivery-note', { ...CHOICES, docLang: 'en-US', ship: { 5: 40 } });
  expect(r.notice.intent).not.toBe('error');
  const names = (await port.read()).sheets.map((s) => s.name);
  expect(names).toContain('变更记录');
  expect(names).not.toContain('Change log');
});
