// Highlight: one marked conditional format over the problem cells (none of their values touched), and its removal.

import { HIGHLIGHT_MARKER } from '../../../src/core/checks';
import { clearHighlight, highlightIssues } from '../../../src/taskpane/actions';
import { cellsOf, onXlsxPort } from './helpers';

type CfEntry = { ref: string; rules: { formulae?: unknown[] }[] };
const ours = (port: ReturnType<typeof onXlsxPort>['port']): CfEntry[] =>
  (
    (port.workbook.getWorksheet('Orders') as unknown as { conditionalFormattings?: CfEntry[] })
      .conditionalFormattings ?? []
  ).filter((cf) => cf.rules.some((r) => String(r.formulae?.[0]).includes(HIGHLIGHT_MARKER)));

test('marks the problem cells of the whole sheet or of some rows, and clears them', async () => {
  const { port, ctx } = onXlsxPort();
  const before = await cellsOf(port, 'Orders');
  expect(await highlightIssues(ctx, null)).toEqual({ intent: 'success', text: 'Highlighted 3 problem cells.' });
  expect(ours(port).map((cf) => cf.ref)).toEqual(['D5 D7 H5']);
  expect(await highlightIssues(ctx, [7])).toEqual({ intent: 'success', text: 'Highlighted 1 problem cell.' });
  expect(ours(port).map((cf) => cf.ref)).toEqual(['D7']);
  expect(await clearHighlight(ctx)).toEqual({ intent: 'success', text: 'Problem highlight cleared.' });
  expect(ours(port)).toEqual([]);
  expect(await cellsOf(port, 'Orders')).toEqual(before);
});
