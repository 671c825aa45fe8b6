// The Documents tab's company prompt (SPEC 7, issue 14): with no profile saved, the first document asks for the
// company — the name prefilled from the order sheet's title row — and "Save and continue" saves the profile in the
// workbook's settings before making the document; "Skip this time" makes it with the guess, as before.

import { guessCompanyName } from '../../../src/core/company';
import { readSettings } from '../../../src/core/settings';
import { makeDocuments, readOrders, saveCompanyAndMakeDocuments } from '../../../src/taskpane/actions';
import { cellsOf, onXlsxPort, orderBook } from './helpers';

const CHOICES = { docLang: null, withoutPrices: false, perCustomer: false };
const NAME = 'Yongxing Small Appliances Co., Ltd.';

/** The helpers' order book with a company named in its title row. */
function titledBook() {
  const book = orderBook();
  book.getWorksheet('Orders')!.getCell('A1').value = `${NAME} order book 2026`;
  return book;
}

test('the prompt is prefilled from the title row; Save and continue saves the profile, then the note carries it', async () => {
  const { port, ctx } = onXlsxPort(titledBook());
  const { wb, u } = await readOrders(ctx);
  expect(u.settings.company).toBeUndefined(); // no profile: the pane asks
  expect(guessCompanyName(wb, u.order)).toBe(NAME);

  port.setSelection('Orders', 'A4');
  const r = await saveCompanyAndMakeDocuments(
    ctx,
    { name: ` ${NAME} `, address: '8 Harbour Road, Foshan', phone: '0757-8888 1234' },
    'delivery-note',
    CHOICES,
  );
  expect(r.docs).toHaveLength(1);
  expect(r.notice.details?.[0]).toBe(`Company profile "${NAME}" saved in the workbook's settings.`);
  expect(r.notice.details?.join('\n')).not.toMatch(/title|No company profile/);
  expect(readSettings(await port.read()).company).toEqual({
    name: NAME,
    address: '8 Harbour Road, Foshan',
    phone: '0757-8888 1234',
  });
  const note = await cellsOf(port, r.docs[0].sheet);
  expect(note[0][0]).toBe(NAME);
  expect(String(note[1][0])).toMatch(/Add: 8 Harbour Road, Foshan\s+Tel: 0757-8888 1234/);

  // The next document is made without asking: the profile is saved, and no guess is said.
  expect((await readOrders(ctx)).u.settings.company?.name).toBe(NAME);
  const next = await makeDocuments(ctx, 'work-order', CHOICES);
  expect(next.notice.intent).toBe('success');
});

test('Skip this time: the note uses the guessed name, says so, and saves no profile', async () => {
  const { port, ctx } = onXlsxPort(titledBook());
  port.setSelection('Orders', 'A4');
  const r = await makeDocuments(ctx, 'delivery-note', CHOICES);
  expect(r.docs).toHaveLength(1);
  expect(r.notice.details).toContainEqual(expect.stringContaining(`"${NAME}" from the order sheet's title`));
  expect((await cellsOf(port, r.docs[0].sheet))[0][0]).toBe(NAME);
  expect(readSettings(await port.read()).company).toBeUndefined();
});

test('a blank name saves nothing and makes no document', async () => {
  const { port, ctx } = onXlsxPort();
  port.setSelection('Orders', 'A4');
  const before = (await port.read()).sheets.map((s) => s.name);
  const r = await saveCompanyAndMakeDocuments(ctx, { name: '  ', phone: '123' }, 'delivery-note', CHOICES);
  expect(r).toEqual({ docs: [], notice: { intent: 'error', text: expect.stringContaining('company name') } });
  expect((await port.read()).sheets.map((s) => s.name)).toEqual(before);
});
