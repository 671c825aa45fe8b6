// Statement of account (SPEC 12) in core: the period, the numbering, the record's voided rows (in the record or only in
// the register) left out, print-ready sheet, English sheets without 大写.
import {
  customerShortName,
  planStatement,
  previousMonth,
  statementPeriod,
} from '../../../src/core/documents/statement';
import type { CellValue } from '../../../src/core/types';
import { addedSheets, rowOf, rowWith, texts, zhFixture, docFixture } from '../helpers/docs';
import { serial } from '../helpers/grid';

// A record as the first version wrote it (料号, before the glossary said 型号): still read as the clerk's record.
const RECORD_HEADER = [
  '日期',
  '送货单号',
  '来源行',
  '订单号',
  '客户订单号',
  '客户',
  '料号',
  '单位',
  '出货数量',
  '单价',
  '金额',
  '状态',
];
const REGISTER_HEADER = [
  '单号',
  '类型',
  '日期',
  '客户',
  '订单号',
  '来源行',
  '工作表',
  '数量合计',
  '金额合计',
  '状态',
  '回单日期',
  '备注',
];

function record(rows: CellValue[][]): { name: string; grid: CellValue[][] } {
  return { name: '出货记录', grid: [RECORD_HEADER, ...rows] };
}

describe('the period', () => {
  it('defaults to the previous calendar month, across a year end and a leap February', () => {
    expect(previousMonth('2026-12-03')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(previousMonth('2027-01-15')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(previousMonth('2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(statementPeriod('2026-12-03', '2026-10-01')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(statementPeriod('2026-12-03', undefined, '2026-10-20')).toEqual({ from: '2026-10-01', to: '2026-10-20' });
  });

  it('short customer names drop company suffixes', () => {
    expect(customerShortName('佛山美家家居有限公司')).toBe('佛山美家家居');
    expect(customerShortName('ACME Trading Co., Ltd.')).toBe('ACME Trading');
    expect(customerShortName('有限公司')).toBe('有限公司');
  });
});

describe('planStatement', () => {
  const rows: CellValue[][] = [
    [
      serial('2026-11-05'),
      'DN-20261105-001',
      5,
      'XS-261001',
      'PO-88',
      '佛山美家',
      'FM-202',
      '个',
      60,
      88,
      5280,
      '有效',
    ],
    [serial('2026-11-12'), 'DN-20261112-001', 4, 'XS-261001', null, '佛山美家', 'FM-201', '套', 10, 310, 3100, '作废'],
    // Voided in the register only (the record row still says valid): still left out.
    [serial('2026-11-13'), 'DN-20261113-001', 4, 'XS-261001', null, '佛山美家', 'FM-201', '套', 5, 310, 1550, '有效'],
    [serial('2026-11-30'), 'DN-20261130-001', 4, 'XS-261001', null, '佛山美家', 'FM-201', '套', 20, 310, 6200, '有效'],
    [serial('2026-12-01'), 'DN-20261201-001', 4, 'XS-261001', null, '佛山美家', 'FM-201', '套', 1, 310, 310, '有效'],
    [serial('2026-11-20'), 'DN-20261120-001', 6, 'XS-261002', null, '厦门海景', 'XM-11', '套', 1, 1250, 1250, '有效'],
  ];
  const register = {
    name: '单据登记',
    grid: [
      REGISTER_HEADER,
      ['DN-20261113-001', '送货单', serial('2026-11-13'), '佛山美家', 'XS-261001', '4', 'x', 5, 1550, '作废'],
    ],
  };

  it('lists the valid November deliveries of the customer, in date order, totalled, with 大写', () => {
    const { u, wb } = zhFixture({ extraSheets: [record(rows), register] });
    const s = planStatement(u, wb, { customer: '佛山美家', today: '2026-12-03', company: '永兴小家电制品有限公司' });
    expect(s.lines.map((l) => [l.number, l.quantity, l.amount, l.description])).toEqual([
      ['DN-20261105-001', 60, 5280, '龙头'],
      ['DN-20261130-001', 20, 6200, '不锈钢水槽'],
    ]);
    expect(s.totals).toEqual({ quantity: 80, amount: 11480 });
    expect(s.number).toBe('ST-202611-001');
    expect(s.warnings.join('\n')).toMatch(/DN-20261112-001, DN-20261113-001 不计入对账单/);
    const [sheet] = addedSheets(s.edits);
    expect(sheet.name).toBe('对账单 佛山美家 2026-11');
    expect(texts(sheet)).toEqual(
      expect.arrayContaining(['永兴小家电制品有限公司', '人民币壹万壹仟肆佰捌拾元整', 'PO-88']),
    );
    // Print-ready: A4 portrait, one page wide, the table header repeating, print area over everything.
    const header = rowWith(sheet, '序号\nNo.');
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 'A4',
      orientation: 'portrait',
      fitToWidth: 1,
      printTitleRows: `$${header}:$${header}`,
    });
    expect(sheet.pageSetup.printArea).toMatch(new RegExp(`^A1:[A-Z]+${Math.max(...sheet.cells.map((c) => c.row))}$`));
    // The register row and the settings' last number are planned with it.
    expect(s.edits.map((e) => e.kind)).toEqual(['addSheet', 'appendRows', 'writeSettings']);
    const settings = s.edits.find((e) => e.kind === 'writeSettings');
    expect(settings && settings.kind === 'writeSettings' && JSON.parse(settings.json).lastNumbers).toEqual({
      'ST-202611': 1,
    });
  });

  it('English sheets print no 大写, and an empty period still makes a statement that says so', () => {
    const grid: CellValue[][] = [
      ['orderNo', 'customer', 'item', 'quantity', 'unitPrice', 'dueDate', 'shipDate'],
      ['PO-1', 'ACME Ltd.', 'A-1', 100, 2.5, serial('2026-11-01'), serial('2026-10-30')],
    ];
    const { u, wb } = docFixture(grid);
    const s = planStatement(u, wb, { customer: 'acme ltd.', today: '2026-12-03' });
    expect(s.lines).toEqual([]);
    expect(s.totals).toEqual({ quantity: 0, amount: 0 });
    expect(s.warnings.join('\n')).toMatch(/ACME Ltd. has no valid deliveries from 2026-11-01 to 2026-11-30/);
    const [sheet] = addedSheets(s.edits);
    expect(sheet.name).toBe('Statement ACME 2026-11');
    expect(texts(sheet)).toContain('No deliveries in this period 本期没有出货');
    expect(texts(sheet).join('\n')).not.toMatch(/人民币/);
    const total = rowWith(sheet, 'Total 合计');
    expect(rowOf(sheet, total).filter((v) => typeof v === 'number')).toEqual([0, 0]);
  });
});
