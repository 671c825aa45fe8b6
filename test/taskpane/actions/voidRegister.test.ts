// Void from the pane for any delivery note of the register (issue 14): a note the CLI made in an earlier session is
// listed in the Documents tab and voided there with the same core as `order-clerk void`; a second void is refused.

import * as path from 'path';
import { readChangeLog } from '../../../src/core/changelog';
import { readRegister } from '../../../src/core/documents';
import { voidableNotes } from '../../../src/core/shipments/voidDocument';
import { cellAt, findSheet } from '../../../src/core/snapshot';
import { voidDocument } from '../../../src/taskpane/actions';
import { XlsxWorkbookPort } from '../../../src/xlsx/port';
import { cli, makeTmp, readBack, TODAY_ARGS } from '../../reliability/cliHarness';
import { contextOn } from './helpers';

const SAMPLE = path.resolve(__dirname, '../../../../shared/fixtures/samples/zh-factory.xlsx');
const ORDERS = '2026订单';
const M = 13; // 已交数量

test('a delivery note made by the CLI is offered for Void in the pane, voided, and refused a second time', async () => {
  const tmp = makeTmp('pane-void');
  const out = path.join(tmp, 'out.xlsx');
  // Row 5: 120 ordered, 60 shipped; the CLI ships the 60 open and writes another file, read in a new pane session.
  const first = await cli(['generate', SAMPLE, '--doc', 'delivery-note', '--rows', '5', '-o', out, ...TODAY_ARGS]);
  expect(first.code).toBe(0);
  const { workbook } = await readBack(out);
  const port = new XlsxWorkbookPort(workbook);
  const ctx = contextOn(port);

  const wb = await port.read();
  const notes = voidableNotes(wb);
  expect(notes).toEqual([
    {
      number: 'DN-20261122-001',
      date: '2026-11-22',
      customer: '佛山美家',
      sheet: expect.stringContaining('DN-20261122-001'),
    },
  ]);
  expect(cellAt(findSheet(wb, ORDERS)!, 5, M)).toBe(120);

  const v = await voidDocument(ctx, notes[0].number);
  expect(v).toMatchObject({ intent: 'success', text: 'DN-20261122-001 is void now.' });
  expect(v.details).toContain('Row 5: shipped 120 → 60');
  const after = await port.read();
  expect(cellAt(findSheet(after, ORDERS)!, 5, M)).toBe(60);
  expect(readRegister(after).rows[0].state).toBe('void');
  expect(readChangeLog(after)).toContainEqual(
    expect.objectContaining({ cell: 'M5', old: 120, new: 60, document: 'DN-20261122-001' }),
  );
  // Void: no longer offered, and a second void (a stale pane) is refused with nothing changed.
  expect(voidableNotes(after)).toEqual([]);
  await expect(voidDocument(ctx, 'DN-20261122-001')).rejects.toMatchObject({ code: 'alreadyVoid' });
  expect(cellAt(findSheet(await port.read(), ORDERS)!, 5, M)).toBe(60);
});
