// The Customers tab's statement in the pane: the letterhead note points to the Settings tab, never to the CLI's
// --company (which the pane has not).

import { makeStatement } from '../../../src/taskpane/actions/customers';
import { t } from '../../../src/core/i18n';
import { contextOn, onXlsxPort, orderBook } from './helpers';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function withShipDates() {
  const wb = orderBook();
  const ws = wb.getWorksheet('Orders')!;
  ws.getCell('J3').value = 'Ship Date';
  ws.getCell('J6').value = day('2026-11-05');
  ws.getCell('J6').numFmt = 'yyyy-mm-dd';
  return wb;
}

test.each(['en-US', 'zh-CN'] as const)(
  'a statement without a company profile says to fill it in on the Settings tab (%s)',
  async (lang) => {
    const { port } = onXlsxPort(withShipDates());
    const ctx = contextOn(port, lang);
    const n = await makeStatement(ctx, 'Bolt Co', { from: '2026-11-01', to: '2026-11-30' });
    expect(n.intent).toBe('warning');
    expect(n.details?.[0]).toBe(t(lang, 'pane.docs.companyNone'));
    expect((n.details ?? []).join('\n')).not.toContain('--');
  },
);
