// The "this shipment" inputs of the Documents tab: what the clerk types becomes the core's ship quantities.

import { parseShipInputs } from '../../src/taskpane/ShipTable';

test('numbers typed with thousands separators or full-width digits are read; empty means the open quantity', () => {
  expect(parseShipInputs({ 5: '1,200', 6: '３００', 7: '', 8: ' 2.5 ' }, [5, 6, 7, 8])).toEqual({
    ship: { 5: 1200, 6: 300, 8: 2.5 },
    bad: new Map(),
  });
});

test('text, negatives and rows no longer selected are not quantities', () => {
  const r = parseShipInputs({ 5: '六十', 6: '-3', 7: '40' }, [5, 6]);
  expect(r.ship).toEqual({});
  expect([...r.bad]).toEqual([
    [5, '六十'],
    [6, '-3'],
  ]);
});
