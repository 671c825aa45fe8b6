// The import plan carried out by the package writer: new lines in rows 9–20 with the last line's styles, the
// shared amount formula continued, the change log written; everything else of the sheet as it was.
import { planImport } from '../../src/core/po/importPo';
import { readPurchaseOrder } from '../../src/core/po/readPo';
import { understand } from '../../src/core/understand';
import { readSnapshot } from '../../src/xlsx/read';
import { d } from '../core/po/samples';
import { orderXlsx, poXlsx } from './poWorkbooks';
import { writeBytes } from './writeHelpers';

const TODAY = '2026-11-30';
const NOW = new Date(2026, 10, 30, 9, 0, 0);

async function imported() {
  const bytes = await orderXlsx();
  const order = readSnapshot(bytes, 'orders.xlsx');
  const po = readPurchaseOrder(readSnapshot(await poXlsx('en'), 'po.xlsx'), { today: TODAY });
  const u = understand(order, { today: TODAY });
  const p = planImport(u, order, po, { lang: 'en-US', now: NOW, today: TODAY, applyChanges: false });
  return { before: order, plan: p, written: await writeBytes(bytes, p.edits) };
}

describe('PO import through the package writer', () => {
  test('the shared amount formula goes on as E9*F9 … E20*F20 and the new lines look like the last one', async () => {
    const { written } = await imported();
    const ws = written.workbook.getWorksheet('Orders')!;
    expect((ws.getCell('G9').value as { formula: string }).formula).toBe('E9*F9');
    expect((ws.getCell('G20').value as { formula: string }).formula).toBe('E20*F20');
    expect(ws.getCell('G9').numFmt).toBe('#,##0.00');
    expect(ws.getCell('C9').border?.bottom?.style).toBe('thin');
    expect(ws.getCell('H9').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('A20').value).toBe('NW-4500123');
    expect(ws.getCell('C20').value).toBe('NW-111');
    expect(ws.getCell('I9').value).toBeNull();
  });

  test('no cell outside rows 9–20 of the order sheet changes; the change log holds one row per new line', async () => {
    const { before, written } = await imported();
    const b = before.sheets.find((s) => s.name === 'Orders')!;
    const a = written.snapshot.sheets.find((s) => s.name === 'Orders')!;
    for (let r = 1; r <= 8; r++) expect(a.values[r - 1]).toEqual(b.values[r - 1]);
    expect(a.values[8][7]).toBe(d('2026-12-20'));
    const log = written.snapshot.sheets.find((s) => s.name === 'Change log')!;
    expect(log.values.length).toBe(13);
  });

  test('read back, the imported sheet has 17 order lines and importing again adds nothing', async () => {
    const { written } = await imported();
    const u = understand(written.snapshot, { today: TODAY });
    expect(u.order.dataRows).toHaveLength(17);
    const po = readPurchaseOrder(readSnapshot(await poXlsx('en'), 'po.xlsx'), { today: TODAY });
    const again = planImport(u, written.snapshot, po, { lang: 'en-US', now: NOW, today: TODAY, applyChanges: false });
    expect(again.added).toEqual([]);
    expect(again.unchanged).toBe(12);
    expect(again.edits).toEqual([]);
  });
});
