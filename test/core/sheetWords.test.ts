// Issue 20 point 1: a message names a field by the header the clerk's own sheet has for its column (交货期, Ship By),
// falling back to the glossary's word (FIELD_TERMS) when the sheet has none, or none in the message's language.

import { checkOrder } from '../../src/core/checks';
import { planOverdueReport } from '../../src/core/report';
import { FIELD_TERMS } from '../../src/core/glossary';
import { fieldWord, headerWord } from '../../src/core/sheetWords';
import { sheetFromGrid } from '../../src/core/snapshot';
import type { CellValue, Issue, Lang } from '../../src/core/types';
import { understand } from '../../src/core/understand';
import { serial, workbookOf } from './helpers/grid';

const TODAY = '2026-11-22';

function check(header: CellValue[], rows: CellValue[][], lang: Lang): Issue[] {
  const u = understand(workbookOf([sheetFromGrid('Orders', [header, ...rows])]), { today: TODAY });
  return checkOrder(u, { lang });
}

const byCode = (issues: Issue[], code: string): string[] => issues.filter((i) => i.code === code).map((i) => i.message);

describe('messages name a field by the sheet’s own header word', () => {
  const ZH = ['订单号', '客户', '产品型号', '订货数量', '单价(元)', '金额', '下单日期', '交货期'];
  const zhRow = (due: CellValue, qty: CellValue = 10): CellValue[] => [
    'SO-1',
    '华强',
    'FM-201',
    qty,
    2.5,
    25,
    serial('2026-11-01'),
    due,
  ];

  test('a due-date column headed 交货期 gives messages that say 交货期', () => {
    const issues = check(ZH, [zhRow('2026/12/8'), zhRow('下周'), zhRow(serial('2026-10-01'))], 'zh-CN');
    expect(byCode(issues, 'text.date')).toEqual(['交货期是文本“2026/12/8”：点击修正改为日期 2026-12-08']);
    expect(byCode(issues, 'date.invalid')).toEqual(['交货期“下周”不是日期：请填写日期，如 2026-12-05。']);
    expect(byCode(issues, 'dueDate.beforeOrderDate')).toEqual([
      '交货期 2026-10-01 早于下单日期 2026-11-01：请核对两个日期。',
    ]);
    expect(issues.map((i) => i.message).join('\n')).not.toContain('交期');
  });

  test('every field a message names is the sheet’s word: 产品型号, 订货数量, and 单价 without its (元)', () => {
    const issues = check(ZH, [zhRow(serial('2026-12-01'), '60'), zhRow(serial('2026-12-01'), -5)], 'zh-CN');
    expect(byCode(issues, 'text.number')).toEqual(['订货数量是文本“60”：点击修正改为数字 60']);
    expect(byCode(issues, 'quantity.notPositive')).toEqual(['订货数量为 -5：订货数量必须大于 0，请核对后修改。']);
    const mismatch = check(
      ZH,
      [[...zhRow(serial('2026-12-01')).slice(0, 5), 99, serial('2026-11-01'), 46000]],
      'zh-CN',
    );
    expect(byCode(mismatch, 'amount.mismatch')).toEqual([
      '金额 99 与订货数量 × 单价 = 25 不符：请核对金额、订货数量和单价。',
    ]);
    const twice = check(ZH, [zhRow(serial('2026-12-01')), zhRow(serial('2026-12-01'))], 'zh-CN');
    expect(byCode(twice, 'line.duplicate')).toEqual([
      '与第 2 行重复（订单号、产品型号、订货数量、交货期相同）：如是重复粘贴，请删除其中一行。',
    ]);
  });

  test('an English sheet headed "Ship By" gets "Ship By" (and "Unit Price (USD)" is the glossary’s "Unit price": only the case and unit differ)', () => {
    const EN = ['Order No.', 'Customer', 'Item', 'Qty', 'Unit Price (USD)', 'Ship By'];
    const issues = check(
      EN,
      [
        ['SO-1', 'ACME', 'X-1', 10, 2.5, '12/8/2026'],
        ['SO-2', 'ACME', 'X-1', 10, -1, 'TBD'],
      ],
      'en-US',
    );
    expect(byCode(issues, 'text.date')).toEqual(['Ship By is text "12/8/2026": fix it to the date 2026-12-08']);
    expect(byCode(issues, 'date.invalid')).toEqual(['Ship By "TBD" is not a date: enter a date such as 2026-12-05.']);
    expect(byCode(issues, 'unitPrice.negative')).toEqual(['Unit price is negative (-1): change it to 0 or more.']);
  });

  test('a column the sheet does not have is named by the glossary’s word', () => {
    const issues = check(['订单号', '客户', '产品型号', '订货数量'], [['SO-1', '华强', 'FM-201', 10]], 'zh-CN');
    expect(byCode(issues, 'column.missing')[0]).toMatch(/^找不到交期列/);
  });

  test('a Chinese header in an English message, and an English one in a Chinese message, fall back to the glossary', () => {
    const zhSheetEnPane = check(ZH, [zhRow('2026/12/8')], 'en-US');
    expect(byCode(zhSheetEnPane, 'text.date')).toEqual(['Due date is text "2026/12/8": fix it to the date 2026-12-08']);
    const enSheetZhPane = check(
      ['Order No.', 'Customer', 'Item', 'Qty', 'Ship By'],
      [['SO-1', 'A', 'X', 1, '12/8/2026']],
      'zh-CN',
    );
    expect(byCode(enSheetZhPane, 'text.date')).toEqual(['交期是文本“12/8/2026”：点击修正改为日期 2026-12-08']);
  });
});

describe('fieldWord and headerWord', () => {
  const order = (header: string, inferred = false) => ({
    columns: { dueDate: 3 },
    headers: [{ column: 3, header, field: 'dueDate' as const }],
    ...(inferred ? { inferred: { dueDate: 3 } } : {}),
  });

  test('without a sheet, or without the column, the glossary’s word', () => {
    expect(fieldWord('zh-CN', 'dueDate')).toBe(FIELD_TERMS.dueDate['zh-CN']);
    expect(fieldWord('en-US', 'quantity', order('交货期'))).toBe('Quantity');
  });

  test('a column found from its content, or mapped by hand under another field’s word, keeps the glossary’s word', () => {
    expect(fieldWord('zh-CN', 'dueDate', order('哪天走', true))).toBe('交期');
    expect(fieldWord('zh-CN', 'dueDate', order('备注'))).toBe('交期');
  });

  test('the header as a word: padding spaces, units in brackets and identifiers', () => {
    expect(headerWord('交  期', 'zh-CN')).toBe('交期');
    expect(headerWord('单价（元）', 'zh-CN')).toBe('单价');
    expect(headerWord('Unit Price (USD)', 'en-US')).toBe('Unit Price');
    expect(headerWord('dueDate', 'en-US')).toBeNull();
    expect(headerWord('DUE_DATE', 'en-US')).toBeNull();
    expect(headerWord('交期', 'en-US')).toBeNull();
    expect(headerWord('Ship By', 'zh-CN')).toBeNull();
  });

  test('a header that differs from the glossary only in case is written as the glossary writes it', () => {
    expect(fieldWord('en-US', 'dueDate', order('Due Date'))).toBe('Due date');
    expect(fieldWord('zh-CN', 'dueDate', order('交货期'))).toBe('交货期');
  });
});

describe('the weekly report heads the columns it copies with the sheet’s own words', () => {
  test('产品型号, 交货期 and 单价 (without its 元) from the sheet; 未交金额 is the report’s own column', () => {
    const header = ['订单号', '客户', '产品型号', '数量', '单价(元)', '交货期'];
    const wb = workbookOf([sheetFromGrid('订单', [header, ['SO-1', '华强', 'FM-201', 10, 2.5, serial('2026-11-01')]])]);
    const r = planOverdueReport(understand(wb, { today: TODAY }), wb, { today: TODAY, lang: 'zh-CN' });
    const edit = r.edits[0];
    if (edit.kind !== 'addSheet') throw new Error(edit.kind);
    const row = edit.spec.cells.find((c) => c.value === '逾期天数')!.row;
    const heads = edit.spec.cells
      .filter((c) => c.row === row)
      .sort((a, b) => a.col - b.col)
      .map((c) => c.value);
    expect(heads).toEqual([
      '客户',
      '订单号',
      '产品型号',
      '交货期',
      '逾期天数',
      '未交数量',
      '单价',
      '未交金额',
      '订单表行号',
    ]);
  });
});
