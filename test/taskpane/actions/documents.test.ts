// Documents from the selected lines: one numbered sheet per document, registered; the order sheet unchanged.

import { makeDocuments } from '../../../src/taskpane/actions';
import { cellsOf, onXlsxPort } from './helpers';

const CHOICES = { docLang: null, withoutPrices: false, perCustomer: false };

test('a work order for two selected lines of one customer', async () => {
  const { port, ctx } = onXlsxPort();
  const before = await cellsOf(port, 'Orders');
  port.setSelection('Orders', 'A4:I5');
  const r = await makeDocuments(ctx, 'work-order', CHOICES);
  expect(r.docs).toHaveLength(1);
  // No company profile in this workbook: the letterhead is missing, and the notice says where to fill it in.
  expect(r.notice).toEqual({
    intent: 'warning',
    text: `Created 1 document: ${r.docs[0].number}, with these warnings:`,
    details: [
      'No company profile: the documents have no letterhead. Fill in the company name, address and phone on the Settings tab.',
    ],
  });
  expect(port.workbook.getWorksheet(r.docs[0].sheet)).toBeDefined();
  expect(await cellsOf(port, 'Orders')).toEqual(before);
});

test('with a company profile in the settings, a document is a plain success', async () => {
  const { port, ctx } = onXlsxPort();
  await port.apply([
    { kind: 'writeSettings', json: JSON.stringify({ version: 1, company: { name: 'Acme Trading Co., Ltd.' } }) },
  ]);
  port.setSelection('Orders', 'A4:I5');
  const r = await makeDocuments(ctx, 'work-order', CHOICES);
  expect(r.notice).toMatchObject({ intent: 'success', text: `Created 1 document: ${r.docs[0].number}` });
});

test('lines of two customers are refused unless one document per customer is asked for', async () => {
  const { port, ctx } = onXlsxPort();
  port.setSelection('Orders', 'A4:I6');
  await expect(makeDocuments(ctx, 'delivery-note', CHOICES)).rejects.toMatchObject({ code: 'mixedCustomers' });
  const r = await makeDocuments(ctx, 'delivery-note', { ...CHOICES, perCustomer: true });
  expect(r.docs.map((d) => d.customer)).toEqual(['Acme', 'Bolt Co']);
});

test('no order line selected', async () => {
  const { port, ctx } = onXlsxPort();
  port.setSelection('Orders', 'A1');
  await expect(makeDocuments(ctx, 'packing-list', CHOICES)).rejects.toMatchObject({ code: 'noRowsSelected' });
});
