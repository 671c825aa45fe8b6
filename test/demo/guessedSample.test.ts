// The demo's ?sample=guessed: the order sheet with its quantity header renamed to a word no vocabulary knows, which the
// pane then shows as guessed (the browser test clicks its Confirm button).
import { understand } from '../../src/core/understand';
import { demoOptionsFrom } from '../../src/demo/options';
import { buildSampleWorkbook, GUESSED_HEADER } from '../../src/demo/sampleWorkbook';
import { XlsxWorkbookPort } from '../../src/xlsx/port';

test('the guessed sample: quantity is inferred from quantity × price = amount, nothing is missing', async () => {
  const wb = await new XlsxWorkbookPort(buildSampleWorkbook('2026-11-22', { kind: 'guessed' })).read();
  const o = understand(wb, { today: '2026-11-22' }).order;
  expect(o.headers.find((h) => h.header === GUESSED_HEADER)).toMatchObject({ column: 8, field: 'quantity' });
  expect(o.inferred).toEqual({ quantity: 8 });
});

test('?sample=guessed chooses it', () => {
  expect(demoOptionsFrom('?sample=guessed').sample).toBe('guessed');
});
