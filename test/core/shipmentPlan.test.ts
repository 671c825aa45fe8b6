// Shipment plan (SPEC 13): overdue first, then ISO weeks Monday–Sunday — across a month end, and across the year end
// through 2026-W53 (2026 has 53 ISO weeks: 2026-12-28 … 2027-01-03) — cartons, G.W. and CBM by the packing-list rules
// (a part carton counts and weighs its share plus the tare), unknown packing data counted, subtotals per customer.
import { planPacking } from '../../src/core/documents/packing';
import { mondayOf, planShipmentPlan, shipmentPlanGroups } from '../../src/core/shipmentPlan';
import type { CellValue } from '../../src/core/types';
import { addedSheets, docFixture, rowWith, texts } from './helpers/docs';
import { serial } from './helpers/grid';

const HEADER = ['orderNo', 'customer', 'item', 'description', 'quantity', 'shippedQty', 'dueDate', 'status', 'remarks'];
const PRODUCTS = {
  items: [
    // 20 per carton, N.W. 16 / G.W. 17.5 kg per carton, 50×40×35 cm = 0.07 m³.
    { item: 'FM-202', qtyPerCarton: 20, netWeight: 16, grossWeight: 17.5, cartonSize: '50x40x35' },
    { item: 'XM-11', qtyPerCarton: 1, netWeight: 45, grossWeight: 52, cartonSize: '85×55×60' },
  ],
};

function fixture(lines: CellValue[][]) {
  return docFixture([HEADER, ...lines], { lang: 'zh-CN', products: PRODUCTS });
}

const rowsOf = (g: { lines: { row: number }[] }): number[] => g.lines.map((l) => l.row);

describe('weeks', () => {
  it('Monday of a week', () => {
    expect(mondayOf(serial('2026-12-23'))).toBe(serial('2026-12-21'));
    expect(mondayOf(serial('2026-12-21'))).toBe(serial('2026-12-21'));
    expect(mondayOf(serial('2027-01-03'))).toBe(serial('2026-12-28'));
  });

  it('across the year end: 2026-W52, then 2026-W53 holding 2026-12-28 to 2027-01-03; 2027-W01 only with --weeks 3', () => {
    const { u, wb } = fixture([
      ['A', '甲', 'FM-202', '龙头', 100, 0, serial('2026-12-22'), null, '等配件'], // row 2: overdue (yesterday)
      ['A', '甲', 'FM-202', '龙头', 40, 0, serial('2026-12-27'), null, null], // 3: W52 (Sunday)
      ['B', '乙', 'XM-11', '浴室柜', 5, 0, serial('2026-12-23'), null, null], // 4: W52 (today)
      ['B', '乙', 'XM-11', '浴室柜', 5, 0, serial('2027-01-03'), null, null], // 5: W53 (Sunday, next year)
      ['A', '甲', 'FM-202', '龙头', 60, 0, serial('2026-12-31'), null, null], // 6: W53, month and year end
      ['A', '甲', 'FM-202', '龙头', 60, 0, serial('2026-12-28'), null, null], // 7: W53 Monday
      ['C', '丙', 'ZZ-1', '无资料', 9, 0, serial('2026-12-29'), null, null], // 8: W53, no packing data
      ['A', '甲', 'FM-202', '龙头', 60, 0, serial('2027-01-04'), null, null], // 9: 2027-W01
      ['A', '甲', 'FM-202', '龙头', 60, 60, serial('2026-12-24'), null, null], // 10: shipped
      ['A', '甲', 'FM-202', '龙头', 60, 0, serial('2026-12-24'), '已取消', null], // 11: cancelled
      ['A', '甲', 'FM-202', '龙头', 60, 0, null, null, null], // 12: no due date
    ]);
    const g = shipmentPlanGroups(u, wb, '2026-12-23', 2);
    expect(rowsOf(g.overdue)).toEqual([2]);
    expect(g.weeks.map((w) => [w.week, w.from, w.to, rowsOf(w)])).toEqual([
      ['2026-W52', '2026-12-21', '2026-12-27', [4, 3]],
      ['2026-W53', '2026-12-28', '2027-01-03', [7, 8, 6, 5]],
    ]);
    expect(g.noDueDate).toEqual([12]);
    const three = shipmentPlanGroups(u, wb, '2026-12-23', 3);
    expect(three.weeks.map((w) => [w.week, w.from, rowsOf(w)])).toEqual([
      ['2026-W52', '2026-12-21', [4, 3]],
      ['2026-W53', '2026-12-28', [7, 8, 6, 5]],
      ['2027-W01', '2027-01-04', [9]],
    ]);
    // W53: per customer — 甲 120 in 6 cartons, 乙 5 cartons, 丙 unknown and counted.
    const w53 = g.weeks[1];
    expect(w53.customers.map((c) => [c.customer, c.totals])).toEqual([
      ['甲', { openQty: 120, cartons: 6, grossWeight: 105, cbm: 0.42, unknownPacking: 0 }],
      ['丙', { openQty: 9, cartons: 0, grossWeight: 0, cbm: 0, unknownPacking: 1 }],
      ['乙', { openQty: 5, cartons: 5, grossWeight: 260, cbm: 1.403, unknownPacking: 0 }],
    ]);
    expect(w53.totals).toEqual({ openQty: 134, cartons: 11, grossWeight: 365, cbm: 1.823, unknownPacking: 1 });
  });

  it('across a month end: 2026-11-30 and 2026-12-01 are both in 2026-W49', () => {
    const { u, wb } = fixture([
      ['A', '甲', 'FM-202', '龙头', 20, 0, serial('2026-11-29'), null, null],
      ['A', '甲', 'FM-202', '龙头', 20, 0, serial('2026-11-30'), null, null],
      ['A', '甲', 'FM-202', '龙头', 20, 0, serial('2026-12-01'), null, null],
    ]);
    const g = shipmentPlanGroups(u, wb, '2026-11-25', 2);
    expect(g.weeks.map((w) => [w.week, rowsOf(w)])).toEqual([
      ['2026-W48', [2]],
      ['2026-W49', [3, 4]],
    ]);
  });
});

describe('packing figures agree with the packing list', () => {
  it('50 open of FM-202: 2 full cartons and a part carton of 10 — 3 cartons, G.W. 35 + 9.5 = 44.5 kg, 0.21 m³', () => {
    const { u, wb } = fixture([['A', '甲', 'FM-202', '龙头', 80, 30, serial('2026-11-26'), '部分出货', null]]);
    const [line] = shipmentPlanGroups(u, wb, '2026-11-25', 1).weeks[0].lines;
    expect([line.openQty, line.cartons, line.grossWeight, line.cbm]).toEqual([50, 3, 44.5, 0.21]);
    const packing = planPacking([...u.lines], u.masters, () => 50).totals;
    expect([packing.cartons, packing.grossWeight, packing.cbm]).toEqual([3, 44.5, 0.21]);
  });
});

describe('the sheet', () => {
  it('is print-ready, named by its first week, with group titles, subtotals and the unknown counted', () => {
    const { u, wb } = fixture([
      ['A', '甲', 'FM-202', '龙头', 100, 0, serial('2026-11-20'), null, '等配件'],
      ['C', '丙', 'ZZ-1', '无资料', 9, 0, serial('2026-11-26'), null, null],
      ['A', '甲', 'FM-202', '龙头', 40, 0, serial('2026-12-02'), null, null],
    ]);
    const p = planShipmentPlan(u, wb, { today: '2026-11-25', lang: 'zh-CN', company: { name: '永兴小家电' } });
    const [sheet] = addedSheets(p.edits);
    expect(sheet.name).toBe('出货计划 2026-W48');
    expect(texts(sheet)).toEqual(
      expect.arrayContaining([
        '永兴小家电',
        '出货计划 Shipment Plan',
        '逾期未出 Overdue',
        '2026-W48（2026-11-23 至 2026-11-29）',
        '2026-W49（2026-11-30 至 2026-12-06）',
        '小计 甲',
        '2026-W48 合计',
        '不含 1 行（缺装箱资料）',
        '等配件',
      ]),
    );
    const header = rowWith(sheet, '交期\nDue date');
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 'A4',
      orientation: 'landscape',
      fitToWidth: 1,
      printTitleRows: `$${header}:$${header}`,
    });
    expect(p.warnings).toEqual(['1 行缺少装箱资料（第 3 行）：箱数、毛重和体积留空，不计入合计。']);
  });
});
