import {
  cartonCbm,
  cartonRange,
  parseCartonSize,
  planPacking,
  splitCartons,
} from '../../../src/core/documents/packing';
import { roundTo } from '../../../src/core/documents/lines';
import { docFixture, zhFixture } from '../helpers/docs';

describe('parseCartonSize', () => {
  it.each([
    ['50*40*30', [50, 40, 30]],
    ['50x40x30', [50, 40, 30]],
    ['50×40×30', [50, 40, 30]],
    ['50X40X30cm', [50, 40, 30]],
    ['50 x 40 x 30 CM', [50, 40, 30]],
    ['５０＊４０＊３０', [50, 40, 30]],
    ['L50*W40*H30', [50, 40, 30]],
    ['500*400*300mm', [50, 40, 30]],
    ['72.5x50x25', [72.5, 50, 25]],
  ])('reads %s', (text, [l, w, h]) => {
    expect(parseCartonSize(text)).toEqual({ length: l, width: w, height: h });
  });

  it.each(['', '50*40', 'big box', '0*40*30', '50*40*30*20'])('refuses %p', (text) => {
    expect(parseCartonSize(text)).toBeNull();
  });

  it('gives cubic metres per carton', () => {
    expect(roundTo(cartonCbm({ length: 72, width: 50, height: 25 }), 3)).toBe(0.09);
    expect(roundTo(cartonCbm({ length: 50, width: 40, height: 35 }), 3)).toBe(0.07);
  });
});

describe('splitCartons', () => {
  it('exact cartons have no rest', () => {
    expect(splitCartons(120, 20)).toEqual({ full: 6, rest: 0 });
  });
  it('a partial carton keeps the rest', () => {
    expect(splitCartons(125, 20)).toEqual({ full: 6, rest: 5 });
    expect(splitCartons(7, 20)).toEqual({ full: 0, rest: 7 });
  });
  it('is free of float noise', () => {
    expect(splitCartons(0.3, 0.1)).toEqual({ full: 3, rest: 0 });
  });
});

const HEAD = ['item', 'quantity', 'qtyPerCarton', 'netWeight', 'grossWeight', 'cartonSize'];

describe('planPacking', () => {
  it('zh-factory rows 4 and 5: 60 + 6 cartons, 1206 / 1305 kg, 5.82 CBM', () => {
    const { u } = zhFixture();
    const plan = planPacking(u.lines.slice(0, 2), u.masters);
    expect(plan.rows.map((r) => [cartonRange(r), r.cartons, r.quantity, r.netTotal, r.grossTotal, r.cbm])).toEqual([
      ['1-60', 60, 120, 1110, 1200, 5.4],
      ['61-66', 6, 120, 96, 105, 0.42],
    ]);
    expect(plan.totals).toEqual({ quantity: 240, cartons: 66, netWeight: 1206, grossWeight: 1305, cbm: 5.82 });
    expect(plan.warnings).toEqual([]);
  });

  it('a partial last carton gets its own line, number, prorated N.W. and N.W. + tare G.W.', () => {
    const { u } = docFixture([HEAD, ['A-1', 125, 20, 16, 17.5, '50*40*35']]);
    const plan = planPacking([...u.lines], u.masters);
    expect(plan.rows).toHaveLength(2);
    const [full, part] = plan.rows;
    expect([
      cartonRange(full),
      full.cartons,
      full.quantity,
      full.netPerCarton,
      full.grossPerCarton,
      full.netTotal,
      full.grossTotal,
      full.cbm,
    ]).toEqual(['1-6', 6, 120, 16, 17.5, 96, 105, 0.42]);
    expect([
      cartonRange(part),
      part.partial,
      part.qtyPerCarton,
      part.cartons,
      part.quantity,
      part.netPerCarton,
      part.grossPerCarton,
      part.netTotal,
      part.grossTotal,
      part.cbm,
    ]).toEqual(['7', true, 5, 1, 5, 4, 5.5, 4, 5.5, 0.07]);
    expect(plan.totals).toEqual({ quantity: 125, cartons: 7, netWeight: 100, grossWeight: 110.5, cbm: 0.49 });
  });

  it('a quantity below one carton is a single partial carton', () => {
    const { u } = docFixture([HEAD, ['A-1', 3, 7, 10, 11, '30*30*30']]);
    const plan = planPacking([...u.lines], u.masters);
    expect(plan.rows.map((r) => [cartonRange(r), r.cartons, r.quantity, r.netTotal, r.grossTotal, r.cbm])).toEqual([
      ['1', 1, 3, 4.29, 5.29, 0.027],
    ]);
  });

  it('carton numbers run on across items from 1', () => {
    const { u } = docFixture([
      HEAD,
      ['A', 10, 4, 1, 2, '10*10*10'],
      ['B', 6, 3, 1, 2, '10*10*10'],
      ['C', 1, 5, 1, 2, '10*10*10'],
    ]);
    expect(planPacking([...u.lines], u.masters).rows.map(cartonRange)).toEqual(['1-2', '3', '4-5', '6']);
  });

  it('the order sheet own packing columns win over the product master', () => {
    const { u } = docFixture([HEAD, ['FM-202', 40, 10, 8, 9, '40x30x20']], {
      products: {
        items: [{ item: 'FM-202', qtyPerCarton: 20, netWeight: 16, grossWeight: 17.5, cartonSize: '50x40x35' }],
      },
    });
    const plan = planPacking([...u.lines], u.masters);
    expect(plan.totals).toEqual({ quantity: 40, cartons: 4, netWeight: 32, grossWeight: 36, cbm: 0.096 });
  });

  it('falls back to the master field by field and matches items ignoring case and width', () => {
    const { u } = docFixture(
      [
        ['item', 'quantity', 'netWeight'],
        ['ｆｍ-202', 40, 10],
      ],
      {
        products: {
          items: [{ item: 'FM-202', qtyPerCarton: 20, netWeight: 16, grossWeight: 17.5, cartonSize: '50x40x35' }],
        },
      },
    );
    const plan = planPacking([...u.lines], u.masters);
    expect(plan.rows[0]).toMatchObject({
      cartons: 2,
      netPerCarton: 10,
      grossPerCarton: 17.5,
      netTotal: 20,
      grossTotal: 35,
      cbm: 0.14,
    });
  });

  it('rounds weights to 2 and CBM to 3 decimals without float noise', () => {
    const { u } = docFixture([HEAD, ['A', 30, 1, 0.1, 0.7, '45*35*60'], ['B', 3, 1, 1.005, 1.2, '10*10*10']]);
    const plan = planPacking([...u.lines], u.masters);
    expect(plan.rows.map((r) => [r.netTotal, r.grossTotal, r.cbm])).toEqual([
      [3, 21, 2.835],
      [3.02, 3.6, 0.003],
    ]);
    expect(plan.totals).toEqual({ quantity: 33, cartons: 33, netWeight: 6.02, grossWeight: 24.6, cbm: 2.838 });
  });

  it('missing packing data leaves cells empty, totals null and a warning naming the item', () => {
    const { u } = docFixture([HEAD, ['A', 10, null, 1, 2, '10*10*10'], ['B', 6, 3, null, null, 'n/a']]);
    const plan = planPacking([...u.lines], u.masters);
    expect(plan.rows[0]).toMatchObject({ firstCarton: null, cartons: null, quantity: 10, netTotal: null, cbm: null });
    expect(plan.rows[1]).toMatchObject({
      firstCarton: null,
      cartons: 2,
      netTotal: null,
      grossTotal: null,
      cbm: null,
      cartonSize: 'n/a',
    });
    expect(plan.totals).toEqual({ quantity: 16, cartons: null, netWeight: null, grossWeight: null, cbm: null });
    expect(plan.warnings).toEqual([
      { code: 'noQtyPerCarton', row: 2, item: 'A' },
      { code: 'noNetWeight', row: 3, item: 'B' },
      { code: 'noGrossWeight', row: 3, item: 'B' },
      { code: 'noCartonSize', row: 3, item: 'B' },
      { code: 'cartonNumbersOpen', row: 3, item: 'B' },
    ]);
  });

  it('a quantity that is not a number gives no cartons and a warning', () => {
    const { u } = docFixture([HEAD, ['A', '待定', 4, 1, 2, '10*10*10']]);
    const plan = planPacking([...u.lines], u.masters);
    expect(plan.rows[0]).toMatchObject({ quantity: null, quantityText: '待定', cartons: null });
    expect(plan.totals.cartons).toBeNull();
    expect(plan.warnings).toEqual([{ code: 'quantityUnknown', row: 2, item: 'A' }]);
  });
});
