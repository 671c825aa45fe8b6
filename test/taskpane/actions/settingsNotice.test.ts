// Issue 16.2 in the pane: after reading, the settings fields ignored are the notice (one line each); the pane still
// works with the rest, and saving a setting keeps the fields this version does not know.

import { readSettings, SETTINGS_SHEET } from '../../../src/core/settings';
import { saveDueSoonDays, settingsNotice } from '../../../src/taskpane/actions';
import { onXlsxPort, orderBook } from './helpers';

function withSettings(json: string) {
  const book = orderBook();
  const ws = book.addWorksheet(SETTINGS_SHEET, { state: 'veryHidden' });
  ws.getCell('A1').value = json;
  return onXlsxPort(book);
}

test('names each ignored setting in a warning notice after reading, in the clerk language', async () => {
  const { port } = withSettings('{"version":1,"dueSoonDays":"10","marks":"BRAND","future":1}');
  const wb = await port.read();
  expect(settingsNotice(wb, 'en-US')).toEqual({
    intent: 'warning',
    text: 'The setting "dueSoonDays" in the hidden sheet _order_clerk could not be read: it was ignored (its default is used); the other settings are used.',
    details: [
      'The setting "marks" in the hidden sheet _order_clerk could not be read: it was ignored (its default is used); the other settings are used.',
    ],
  });
  expect(settingsNotice(wb, 'zh-CN')?.text).toContain('“dueSoonDays”');
});

test('says nothing for good settings or none', async () => {
  expect(settingsNotice(await onXlsxPort().port.read(), 'en-US')).toBeNull();
  expect(settingsNotice(await withSettings('{"version":1,"dueSoonDays":3}').port.read(), 'en-US')).toBeNull();
});

test('saving a setting over bad settings keeps the unknown fields and the ignored value, and ends the warning', async () => {
  const { port, ctx } = withSettings('{"version":1,"dueSoonDays":"10","future":{"a":[1]}}');
  await saveDueSoonDays(ctx, 5);
  const wb = await port.read();
  expect(readSettings(wb).dueSoonDays).toBe(5);
  // The clerk's "10" is kept under ignoredSettings: a settings write loses nothing.
  expect(readSettings(wb).kept).toEqual({ future: { a: [1] }, ignoredSettings: { dueSoonDays: '10' } });
  expect(settingsNotice(wb, 'en-US')).toBeNull();
});
