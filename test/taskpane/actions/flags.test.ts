// Delay flags: the live TODAY()-based rules once, however often applied; the classes as of today; due-soon days saved.

import { DELAY_MARKER } from '../../../src/core/delay';
import { readSettings } from '../../../src/core/settings';
import { applyDelayFlags, saveDueSoonDays } from '../../../src/taskpane/actions';
import { onXlsxPort } from './helpers';

type CfEntry = { ref: string; rules: { formulae?: unknown[] }[] };
const delayRules = (port: ReturnType<typeof onXlsxPort>['port']): CfEntry[] =>
  (
    (port.workbook.getWorksheet('Orders') as unknown as { conditionalFormattings?: CfEntry[] })
      .conditionalFormattings ?? []
  ).filter((cf) => cf.rules.some((r) => String(r.formulae?.[0]).includes(DELAY_MARKER)));

test('writes one set of rules over the order lines and counts the classes', async () => {
  const { port, ctx } = onXlsxPort();
  const r = await applyDelayFlags(ctx);
  expect(r.notice).toEqual({
    intent: 'success',
    text: 'Delay colours set on 4 order lines; Excel updates them each day the workbook is opened.',
  });
  // Row 4 overdue, 5 due soon (its text date counts for the add-in), 6 shipped, 7 on track.
  expect(r.counts).toEqual({ overdue: 1, dueSoon: 1, onTrack: 1, noDueDate: 0, shipped: 1, cancelled: 0 });
  expect(delayRules(port).map((cf) => [cf.ref, cf.rules.length])).toEqual([['A4:I7', 6]]);
  await applyDelayFlags(ctx);
  expect(delayRules(port)).toHaveLength(1);
});

test('the due-soon days are kept in the workbook and change the classes', async () => {
  const { port, ctx } = onXlsxPort();
  expect(await saveDueSoonDays(ctx, 10)).toEqual({
    intent: 'success',
    text: 'Saved: warn 10 days before the due date.',
  });
  expect(readSettings(await port.read()).dueSoonDays).toBe(10);
  expect((await applyDelayFlags(ctx)).counts).toMatchObject({ dueSoon: 2, onTrack: 0 });
});
