import {
  checkOrder,
  issueCounts,
  issueRanges,
  planClearHighlight,
  planHighlight,
  sortIssues,
} from '../../src/core/checks';
import type { CellValue, Issue, IssueCode } from '../../src/core/types';
import { understand } from '../../src/core/understand';
import { serial, snapshotOf, type GridOptions } from './helpers/grid';

const TODAY = '2026-11-22';

// Columns: A orderNo, B customer, C item, D quantity, E unitPrice, F amount, G orderDate, H dueDate, I shippedQty, J status
const HEAD: CellValue[] = [
  'orderNo',
  'customer',
  'item',
  'quantity',
  'unitPrice',
  'amount',
  'orderDate',
  'dueDate',
  'shippedQty',
  'status',
];
const GOOD: CellValue[] = [
  'SO-1',
  'ACME',
  'X-1',
  10,
  2.5,
  25,
  serial('2026-11-01'),
  serial('2026-12-01'),
  null,
  'Open',
];

/** A good line with some fields replaced. */
function line(changes: Partial<Record<string, CellValue>>, base: CellValue[] = GOOD): CellValue[] {
  const out = base.slice();
  for (const [field, v] of Object.entries(changes)) out[HEAD.indexOf(field)] = v as CellValue;
  return out;
}

function check(
  rows: CellValue[][],
  opts: GridOptions & { lang?: 'zh-CN' | 'en-US'; only?: number[] } = {},
  head = HEAD,
): Issue[] {
  const u = understand(snapshotOf([head, ...rows], opts), { today: TODAY });
  return checkOrder(u, { lang: opts.lang ?? 'en-US', rows: opts.only });
}

const brief = (issues: Issue[]) => issues.map((i) => `${i.cell} ${i.code}`);

describe('checkOrder: clean lines', () => {
  test('a complete, consistent line gives no issue', () => {
    expect(check([GOOD, line({ orderNo: 'SO-2', shippedQty: 10, status: 'Shipped' })])).toEqual([]);
  });
});

describe('required.missing', () => {
  test('empty item, quantity, dueDate, orderNo and customer each give an error on their cell', () => {
    const issues = check([line({ orderNo: '', customer: '  ', item: null, quantity: null, dueDate: null })]);
    expect(brief(issues)).toEqual([
      'A2 required.missing',
      'B2 required.missing',
      'C2 required.missing',
      'D2 required.missing',
      'H2 required.missing',
    ]);
    expect(issues[0]).toEqual({
      cell: 'A2',
      row: 2,
      column: 'A',
      field: 'orderNo',
      code: 'required.missing',
      severity: 'error',
      message: 'Order no. is empty: fill it in.',
      value: '',
      fix: null,
    });
  });
  test('orderNo and customer are only required where the sheet has those columns', () => {
    const head: CellValue[] = [null, null, 'item', 'quantity', 'unitPrice', 'amount', 'orderDate', 'dueDate'];
    expect(check([['', '', 'X-1', 10, 2.5, 25, serial('2026-11-01'), serial('2026-12-01')]], {}, head)).toEqual([]);
  });
  test('a required cell holding only a full-width space (U+3000) is empty', () => {
    expect(brief(check([line({ customer: '\u3000', item: ' \u3000 ' })]))).toEqual([
      'B2 required.missing',
      'C2 required.missing',
    ]);
  });
  test('empty unit price, amount, status or order date are not required', () => {
    expect(check([line({ unitPrice: null, amount: null, orderDate: null, status: null })])).toEqual([]);
  });
});

describe('numbers', () => {
  test('text that is not a number is number.invalid, and the amount is not compared', () => {
    const issues = check([line({ quantity: 'TBD' })]);
    expect(brief(issues)).toEqual(['D2 number.invalid']);
    expect(issues[0].message).toBe('Qty "TBD" is not a number: enter a number.'); // the sheet's header word
    expect(issues[0].value).toBe('TBD');
  });
  test('number.invalid covers unit price, amount and shipped qty', () => {
    expect(brief(check([line({ unitPrice: '待定', amount: 'n/a', shippedQty: 'some' })]))).toEqual([
      'E2 number.invalid',
      'F2 number.invalid',
      'I2 number.invalid',
    ]);
  });
  test('a number followed by a word that is not a unit ("12 TBD", "50 待定") is number.invalid, not fixable', () => {
    expect(brief(check([line({ quantity: '12 TBD', unitPrice: '50 待定' })]))).toEqual([
      'D2 number.invalid',
      'E2 number.invalid',
    ]);
  });
  test('a number stored as text is fixable, with the number as its fix, and still counts as that number', () => {
    const issues = check([line({ quantity: '60', amount: 150 })]);
    expect(issues).toEqual([
      {
        cell: 'D2',
        row: 2,
        column: 'D',
        field: 'quantity',
        code: 'text.number',
        severity: 'fixable',
        message: 'Qty is text "60": fix it to the number 60',
        value: '60',
        fix: { value: 60 },
      },
    ]);
  });
  test('zh-CN message says what to do', () => {
    const [i] = check([line({ quantity: '60', amount: 150 })], { lang: 'zh-CN' });
    expect(i.message).toBe('数量是文本“60”：点击修正改为数字 60');
  });
  test('the message writes the fixed number with thousands separators, as the cell will show it (1,200, not 1200)', () => {
    const rows = [line({ quantity: '1200', amount: 3000 })];
    expect(check(rows)[0].message).toBe('Qty is text "1200": fix it to the number 1,200');
    expect(check(rows, { lang: 'zh-CN' })[0].message).toBe('数量是文本“1200”：点击修正改为数字 1,200');
    expect(check(rows)[0].fix).toEqual({ value: 1200 });
  });
  test('thousands separators: "1,080.00" is fixed to 1080 and the amount uses it', () => {
    const issues = check([line({ quantity: 30, unitPrice: '1,080.00', amount: 32400 })]);
    expect(issues.map((i) => [i.cell, i.code, i.fix])).toEqual([['E2', 'text.number', { value: 1080 }]]);
  });
  test('quantity ≤ 0 is an error and then no amount.mismatch or shipped-qty check is made', () => {
    expect(brief(check([line({ quantity: 0, amount: 5 })]))).toEqual(['D2 quantity.notPositive']);
    const [neg] = check([line({ quantity: -5, amount: 10, shippedQty: 3 })]);
    expect(brief([neg])).toEqual(['D2 quantity.notPositive']);
    expect(neg.message).toBe('Qty is -5: it must be greater than 0; check and correct it.');
    expect(check([line({ quantity: -5, amount: 10, shippedQty: 3 })])).toHaveLength(1);
  });
  test('a negative unit price is an error; 0 is fine', () => {
    expect(brief(check([line({ unitPrice: -52, amount: -520 })]))).toEqual(['E2 unitPrice.negative']);
    expect(check([line({ unitPrice: 0, amount: 0 })])).toEqual([]);
  });
});

describe('amount.mismatch', () => {
  test('more than 0.01 off quantity × price is an error on the amount cell', () => {
    const [i] = check([line({ amount: 25.02 })]);
    expect([i.cell, i.code, i.severity, i.fix]).toEqual(['F2', 'amount.mismatch', 'error', null]);
    expect(i.message).toBe('Amount 25.02 does not match Qty × Unit price = 25: check all three cells.');
  });
  test('exactly 0.01 off, or float noise, is not a mismatch', () => {
    expect(check([line({ amount: 25.01 })])).toEqual([]);
    expect(check([line({ quantity: 12000, unitPrice: 0.09, amount: 1080 })])).toEqual([]);
  });
  test('the tolerance grows with very large amounts (10^-12 of the amount), and a cent still counts below that', () => {
    // 12,345 × 81,000,000,001.23 = 999,945,000,015,184.35: Excel keeps 15 significant digits, so the amount a clerk
    // types (or pastes as a value) is 999,945,000,015,184 — 0.25 off in a double, which is no mismatch.
    expect(check([line({ quantity: 12345, unitPrice: 81000000001.23, amount: 999945000015184 })])).toEqual([]);
    // At 10^14 the tolerance is 100: a difference of 1,000 is still a mismatch.
    expect(brief(check([line({ quantity: 1, unitPrice: 1e14, amount: 1e14 + 1000 })]))).toEqual(['F2 amount.mismatch']);
    // Below ten billion it stays a cent.
    expect(brief(check([line({ quantity: 1000, unitPrice: 1000000, amount: 1000000000.02 })]))).toEqual([
      'F2 amount.mismatch',
    ]);
  });
  test('an empty quantity or price is not compared', () => {
    expect(brief(check([line({ unitPrice: null, amount: 99 })]))).toEqual([]);
  });
  test('an empty amount beside a numeric quantity and price is amount.missing, a warning giving the product', () => {
    const issues = check([line({ amount: null })]);
    expect(brief(issues)).toEqual(['F2 amount.missing']);
    expect(issues[0].severity).toBe('warning');
    // A price typed as text is not "present" until fixed: its own issue comes first (zh-factory J9/K9).
    expect(brief(check([line({ unitPrice: '3.40', amount: null })]))).toEqual(['E2 text.number']);
    expect(brief(check([line({ unitPrice: null, amount: null })]))).toEqual([]);
  });
  test('text numbers take part: "3.40" × 800 = 2720 matches, × 12000 does not', () => {
    expect(brief(check([line({ quantity: 800, unitPrice: '3.40', amount: 2720 })]))).toEqual(['E2 text.number']);
    expect(brief(check([line({ quantity: 12000, unitPrice: '3.40', amount: 2720 })]))).toEqual([
      'E2 text.number',
      'F2 amount.mismatch',
    ]);
  });
});

describe('dates', () => {
  test('unreadable date text is date.invalid in each date column', () => {
    const issues = check([line({ orderDate: '急', dueDate: 'TBD' })]);
    expect(brief(issues)).toEqual(['G2 date.invalid', 'H2 date.invalid']);
    expect(issues[1].message).toBe('Due date "TBD" is not a date: enter a date such as 2026-12-05.');
  });
  test('a text date is fixable with the ISO date as fix', () => {
    const [i] = check([line({ dueDate: '2026/12/8' })]);
    expect(i).toEqual({
      cell: 'H2',
      row: 2,
      column: 'H',
      field: 'dueDate',
      code: 'text.date',
      severity: 'fixable',
      message: 'Due date is text "2026/12/8": fix it to the date 2026-12-08',
      value: '2026/12/8',
      fix: { value: '2026-12-08' },
    });
    const [zh] = check([line({ dueDate: '2026年12月8日' })], { lang: 'zh-CN' });
    expect(zh.message).toBe('交期是文本“2026年12月8日”：点击修正改为日期 2026-12-08');
  });
  test('due date before order date is an error on the due-date cell; the same day is fine', () => {
    const [i] = check([line({ orderDate: serial('2026-11-10'), dueDate: serial('2026-11-05') })]);
    expect([i.cell, i.code, i.message]).toEqual([
      'H2',
      'dueDate.beforeOrderDate',
      'Due date 2026-11-05 is before Order date 2026-11-10: check both dates.',
    ]);
    expect(check([line({ orderDate: serial('2026-11-10'), dueDate: serial('2026-11-10') })])).toEqual([]);
  });
  test('a time of day does not make a due date earlier than an order date of the same day', () => {
    expect(check([line({ orderDate: serial('2026-11-10') + 0.75, dueDate: serial('2026-11-10') + 0.25 })])).toEqual([]);
  });
  test('a text date is also used for dueDate.beforeOrderDate', () => {
    expect(brief(check([line({ orderDate: serial('2026-12-10'), dueDate: '2026-12-05' })]))).toEqual([
      'H2 text.date',
      'H2 dueDate.beforeOrderDate',
    ]);
  });
});

describe('shippedQty.exceedsQuantity', () => {
  test('shipped more than ordered is an error on the shipped-qty cell; equal is fine', () => {
    const [i] = check([line({ shippedQty: 12 })]);
    expect([i.cell, i.code, i.message]).toEqual([
      'I2',
      'shippedQty.exceedsQuantity',
      'Shipped qty 12 is more than Qty 10: check Shipped qty.',
    ]);
    expect(check([line({ shippedQty: 10 })])).toEqual([]);
  });
});

describe('cell.error', () => {
  test('an error value in any mapped column is cell.error and nothing else on that cell', () => {
    const issues = check([line({ quantity: { error: '#N/A' }, status: { error: '#REF!' } })]);
    expect(brief(issues)).toEqual(['D2 cell.error', 'J2 cell.error']);
    expect(issues[0].value).toEqual({ error: '#N/A' });
    expect(issues[0].message).toBe('Qty is the error value #N/A: fix the formula or type the value again.');
  });
});

describe('line.duplicate', () => {
  const twin = line({});
  test('the later of two lines with the same orderNo, item, quantity and due date gets a warning', () => {
    const issues = check([twin, line({ item: 'X-2' }), line({ item: ' x-1 ', amount: 25 })]);
    expect(issues.map((i) => [i.cell, i.code, i.severity])).toEqual([['C4', 'line.duplicate', 'warning']]);
    expect(issues[0].message).toBe(
      'Same Order no., Item, Qty and Due date as row 2: if it was pasted twice, delete one of the rows.',
    );
  });
  test('a different quantity, due date or order number is not a duplicate', () => {
    expect(
      check([
        twin,
        line({ quantity: 11, amount: 27.5 }),
        line({ dueDate: serial('2026-12-02') }),
        line({ orderNo: 'SO-9' }),
      ]),
    ).toEqual([]);
  });
  test('a text due date equals the real date it reads as', () => {
    expect(brief(check([twin, line({ dueDate: '2026-12-01' })]))).toEqual(['C3 line.duplicate', 'H3 text.date']);
  });
  test('three equal lines: the second and third refer to the first', () => {
    expect(check([twin, twin, twin]).map((i) => i.message.match(/row (\d+)/)?.[1])).toEqual(['2', '2']);
  });
});

describe('checking selected rows', () => {
  const rows = [line({}), line({ item: 'X-2', quantity: 'x' }), line({})];
  test('only the given rows are reported, duplicates are found against every line', () => {
    expect(brief(check(rows, { only: [4] }))).toEqual(['C4 line.duplicate']);
    expect(brief(check(rows, { only: [3] }))).toEqual(['D3 number.invalid']);
    expect(brief(check(rows))).toEqual(['D3 number.invalid', 'C4 line.duplicate']);
  });
  test('a selected row whose twin comes later outside the selection is reported itself', () => {
    const [i] = check(rows, { only: [2] });
    expect([i.cell, i.code, i.message.includes('row 4')]).toEqual(['C2', 'line.duplicate', true]);
  });
  test('a pair inside the selection is reported once, on the later row', () => {
    expect(brief(check(rows, { only: [2, 4] }))).toEqual(['C4 line.duplicate']);
  });
});

describe('price list', () => {
  const products = { sheet: '价格表', items: [{ item: 'X-1', unitPrice: 2.5 }, { item: 'X-3' }] };
  test('no product master: no price-list checks', () => {
    expect(check([line({ item: 'NOPE' })])).toEqual([]);
  });
  test('an item missing from the master is a warning on the item cell', () => {
    const [i] = check([line({ item: 'Y-9' })], { products });
    expect([i.cell, i.code, i.severity, i.message]).toEqual([
      'C2',
      'priceList.unknownItem',
      'warning',
      'Item "Y-9" is not in the price list "价格表": check it, or add it to the price list.',
    ]);
  });
  test('lookup ignores case, spaces and full width', () => {
    expect(check([line({ item: ' x-1' }), line({ item: 'Ｘ－１', orderNo: 'SO-2' })], { products })).toEqual([]);
  });
  test('a price more than 0.005 off the master is a warning on the unit-price cell', () => {
    const issues = check(
      [line({ unitPrice: 2.6, amount: 26 }), line({ orderNo: 'SO-2', unitPrice: 2.504, amount: 25.04 })],
      { products },
    );
    expect(issues.map((i) => [i.cell, i.code, i.message])).toEqual([
      ['E2', 'priceList.priceDiffers', 'Unit price 2.6 differs from 2.5 in the price list "价格表": check the price.'],
    ]);
  });
  test('a master item without a price, an empty item or a negative price is not compared', () => {
    expect(check([line({ item: 'X-3', unitPrice: 9, amount: 90 })], { products })).toEqual([]);
    expect(brief(check([line({ item: '' })], { products }))).toEqual(['C2 required.missing']);
    expect(brief(check([line({ unitPrice: -1, amount: -10 })], { products }))).toEqual(['E2 unitPrice.negative']);
  });
});

describe('ordering, counts and messages', () => {
  test('issues come by row, then column, across several lines', () => {
    const issues = check([
      line({ dueDate: 'TBD', quantity: '5', amount: 12.5 }),
      line({ orderNo: 'SO-2', item: null }),
    ]);
    expect(brief(issues)).toEqual(['D2 text.number', 'H2 date.invalid', 'C3 required.missing']);
  });
  test('column AA sorts after Z', () => {
    const mk = (cell: string, row: number, column: string): Issue => ({
      cell,
      row,
      column,
      field: 'item',
      code: 'required.missing',
      severity: 'error',
      message: '',
      value: null,
      fix: null,
    });
    expect(sortIssues([mk('AA2', 2, 'AA'), mk('Z2', 2, 'Z'), mk('B1', 1, 'B')]).map((i) => i.cell)).toEqual([
      'B1',
      'Z2',
      'AA2',
    ]);
  });
  test('issueCounts counts per severity', () => {
    expect(issueCounts(check([line({ quantity: '10', item: null, dueDate: 'x' })]))).toEqual({
      error: 2,
      warning: 0,
      fixable: 1,
    });
  });
  test('every code has a filled-in message in both languages', () => {
    const rows = [
      line({
        quantity: '10',
        unitPrice: -1,
        orderDate: '2026-11-01',
        dueDate: 'x',
        customer: null,
        status: { error: '#N/A' },
      }),
      line({ quantity: 'q', amount: 'a', item: 'Z-1' }),
      line({ quantity: 0, shippedQty: 0 }),
      line({ amount: 99, shippedQty: 20, orderDate: serial('2026-12-05'), unitPrice: 3 }),
      line({ amount: 99, shippedQty: 20, orderDate: serial('2026-12-05'), unitPrice: 3 }),
    ];
    const products = { items: [{ item: 'X-1', unitPrice: 2.5 }] };
    const seen = new Set<IssueCode>();
    for (const lang of ['zh-CN', 'en-US'] as const) {
      for (const i of check(rows, { lang, products })) {
        seen.add(i.code);
        expect(i.message).not.toMatch(/[{}]|check\./);
        if (lang === 'zh-CN') expect(i.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(seen.size).toBe(14);
  });
});

describe('highlight', () => {
  const u = understand(snapshotOf([HEAD, GOOD], { sheet: '2026订单' }), { today: TODAY });
  const at = (cell: string): Issue => {
    const m = /^([A-Z]+)(\d+)$/.exec(cell) as RegExpExecArray;
    return {
      cell,
      row: Number(m[2]),
      column: m[1],
      field: 'item',
      code: 'required.missing',
      severity: 'error',
      message: '',
      value: null,
      fix: null,
    };
  };
  test('issue cells become A1 areas, adjacent rows in a column merged, one always-true marked rule', () => {
    const edit = planHighlight(u, ['L12', 'H7', 'J7', 'H9', 'H8', 'H11', 'H7', 'AA3'].map(at));
    expect(edit).toEqual({
      kind: 'setConditionalFormats',
      sheet: '2026订单',
      marker: 'order-clerk:highlight',
      ranges: ['H7:H9', 'H11', 'J7', 'L12', 'AA3'],
      rules: [{ formula: 'N("order-clerk:highlight")=0', fill: '#F8CBAD' }],
      // Earlier highlight rules are looked for in the order block only, not the whole sheet.
      scope: 'A1:J2',
    });
  });
  test('clear removes the marked rules only; no issues also clears', () => {
    const clear = {
      kind: 'setConditionalFormats',
      sheet: '2026订单',
      marker: 'order-clerk:highlight',
      ranges: [],
      rules: [],
      scope: 'A1:J2',
    };
    expect(planClearHighlight(u)).toEqual(clear);
    expect(planHighlight(u, [])).toEqual(clear);
  });
  test('issueRanges of a single cell', () => {
    expect(issueRanges([at('E8')])).toEqual(['E8']);
  });
});
