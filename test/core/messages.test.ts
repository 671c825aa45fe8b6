// Customer progress message (SPEC 14): one customer with a late partly shipped line (with the clerk's reason), lines
// due tomorrow and in a few days, one on schedule into next year, one without a due date, one cancelled, one shipped
// lately and one shipped long ago — in Chinese and in English. The expected texts were written first, read aloud.
import { progressMessage } from '../../src/core/messages';
import type { CellValue, Lang } from '../../src/core/types';
import { docFixture } from './helpers/docs';
import { serial } from './helpers/grid';

const HEADER = [
  'orderNo',
  'customerPo',
  'customer',
  'item',
  'description',
  'quantity',
  'unit',
  'shippedQty',
  'dueDate',
  'shipDate',
  'status',
  'remarks',
];
const d = serial;

function fixture(lang: Lang) {
  const zh = lang === 'zh-CN';
  const c = zh ? '佛山美家' : 'ACME Ltd.';
  const unit = zh ? '个' : 'pcs';
  const grid: CellValue[][] = [
    HEADER,
    [
      'PO-1',
      'AC-77',
      c,
      'A-1',
      zh ? '电水壶' : 'Kettle',
      100,
      unit,
      30,
      d('2026-11-20'),
      null,
      zh ? '部分出货' : 'Partial',
      zh ? '纸箱未到' : 'waiting for cartons',
    ],
    [
      'PO-2',
      null,
      c,
      'A-3',
      zh ? '多士炉' : 'Toaster',
      40,
      unit,
      0,
      d('2026-11-23'),
      null,
      null,
      zh ? '内部：加急' : 'internal: rush',
    ],
    ['PO-2', null, c, 'A-4', zh ? '搅拌机' : 'Blender', 1500, unit, null, d('2026-11-25'), null, null, null],
    ['PO-3', null, c, 'A-5', zh ? '打蛋器' : 'Mixer', 10, unit, null, d('2027-01-05'), null, null, null],
    [
      'PO-3',
      null,
      c,
      'A-6',
      zh ? '风扇' : 'Fan',
      20,
      unit,
      null,
      d('2026-11-10'),
      null,
      zh ? '已取消' : 'Cancelled',
      null,
    ],
    ['PO-1', null, c, 'A-2', zh ? '烤炉' : 'Grill', 60, unit, 60, d('2026-11-19'), d('2026-11-18'), null, null],
    ['PO-0', null, c, 'A-9', zh ? '旧款' : 'Old model', 5, unit, 5, d('2026-10-01'), d('2026-10-01'), null, null],
    ['PO-4', null, c, 'A-7', zh ? '暖风机' : 'Heater', 8, unit, null, null, null, null, null],
    ['PO-9', null, zh ? '厦门海景' : 'Other Co.', 'B-1', 'x', 5, unit, null, d('2026-11-01'), null, null, null],
  ];
  return docFixture(grid, { lang });
}

describe('progress message', () => {
  it('in Chinese reads as a clerk would write it', () => {
    const { u, wb } = fixture('zh-CN');
    const m = progressMessage(u, wb, { customer: '佛山美家', today: '2026-11-22', signature: '永兴小家电' });
    expect(m.text).toBe(
      [
        '佛山美家您好！',
        '',
        '截至11月22日，贵司订单的进度如下：',
        '1. 订单 PO-1（贵司单号 AC-77） A-1 电水壶：共100个，已出30个，余70个；余下部分交期11月20日，已延误2天，原因：纸箱未到。',
        '2. 订单 PO-2 A-3 多士炉：共40个，尚未出货；明天（11月23日）交货。',
        '3. 订单 PO-2 A-4 搅拌机：共1,500个，尚未出货；交期11月25日，还有3天。',
        '4. 订单 PO-3 A-5 打蛋器：共10个，尚未出货；交期2027年1月5日，生产按计划进行。',
        '5. 订单 PO-4 A-7 暖风机：共8个，尚未出货；交期待定。',
        '6. 订单 PO-1 A-2 烤炉：共60个，已于11月18日全部出货。',
        '',
        '如有疑问，请随时联系我们。谢谢！',
        '永兴小家电',
      ].join('\n'),
    );
    expect(m.leftOut).toEqual({ cancelled: 1, shippedLongAgo: 1, shippedUndated: 0 });
    expect(m.text).not.toMatch(/加急|风扇|旧款|厦门/);
  });

  it('in English, with plurals and the year only when it is not this year', () => {
    const { u, wb } = fixture('en-US');
    const m = progressMessage(u, wb, { customer: 'acme  LTD.', today: '2026-11-22', signature: 'Yongxing Appliances' });
    // The name matches whatever its case, width and spacing.
    expect(m.customer).toBe('ACME Ltd.');
    expect(m.text).toBe(
      [
        'Dear ACME Ltd.,',
        '',
        'Here is where your orders stand as of 22 Nov:',
        '1. Order PO-1 (your PO AC-77) A-1 Kettle: 100 pcs ordered, 30 pcs shipped, 70 pcs to go; the rest was due 20 Nov and is now 2 days late (reason: waiting for cartons).',
        '2. Order PO-2 A-3 Toaster: 40 pcs ordered, none shipped yet; due tomorrow (23 Nov).',
        '3. Order PO-2 A-4 Blender: 1,500 pcs ordered, none shipped yet; due 25 Nov, in 3 days.',
        '4. Order PO-3 A-5 Mixer: 10 pcs ordered, none shipped yet; due 5 Jan 2027, on schedule.',
        '5. Order PO-4 A-7 Heater: 8 pcs ordered, none shipped yet; due date still to be confirmed.',
        '6. Order PO-1 A-2 Grill: 60 pcs, shipped in full on 18 Nov.',
        '',
        'Please let me know if you have any questions.',
        'Best regards,',
        'Yongxing Appliances',
      ].join('\n'),
    );
    expect(m.lines.map((l) => [l.row, l.state, l.partial, l.daysLate, l.open])).toEqual([
      [2, 'late', true, 2, 70],
      [3, 'dueSoon', false, 0, 40],
      [4, 'dueSoon', false, 0, 1500],
      [5, 'onSchedule', false, 0, 10],
      [9, 'noDueDate', false, 0, 8],
      [7, 'shipped', false, 0, 0],
    ]);
  });

  it('one day late is "1 day", a line due today says so, and a customer with nothing open is told so', () => {
    const { u, wb } = fixture('en-US');
    const m = progressMessage(u, wb, { customer: 'ACME Ltd.', today: '2026-11-21' });
    expect(m.text).toMatch(/is now 1 day late/);
    const t2 = progressMessage(u, wb, { customer: 'ACME Ltd.', today: '2026-11-23' }).text;
    expect(t2).toMatch(/A-3 Toaster: 40 pcs ordered, none shipped yet; due today \(23 Nov\)\./);
    expect(t2).not.toMatch(/Best regards/); // no signature without a company name
    const other = progressMessage(u, wb, { customer: 'Other Co.', today: '2027-02-01', lang: 'en-US' });
    expect(other.text).toMatch(/B-1 x: 5 pcs ordered, none shipped yet; due 1 Nov 2026, now 92 days late\./);
  });

  it('an unknown customer is refused, naming the known ones', () => {
    const { u, wb } = fixture('zh-CN');
    expect(() => progressMessage(u, wb, { customer: '美家', today: '2026-11-22' })).toThrow(/佛山美家, 厦门海景/);
  });
});
