import { planValidationRules } from '../../src/core/checks';
import type { ValidationSpec, WorkbookEdit } from '../../src/core/edits';
import { STATUS_WORDS } from '../../src/core/status';
import type { CellValue } from '../../src/core/types';
import { understandGrid } from './helpers/grid';

// A lineNo, B item, C quantity, D unitPrice, E orderDate, F dueDate, G shipDate, H status, I remarks — header in row 3.
const HEAD: CellValue[] = [
  'lineNo',
  'item',
  'quantity',
  'unitPrice',
  'orderDate',
  'dueDate',
  'shipDate',
  'status',
  'remarks',
];
const rows = (statuses: CellValue[]): CellValue[][] =>
  statuses.map((s, i) => [i + 1, `X-${i}`, 1, 1, 46000, 46010, null, s, null]);

function rules(edit: WorkbookEdit): ValidationSpec[] {
  if (edit.kind !== 'setDataValidation') throw new Error(edit.kind);
  return edit.rules;
}

describe('planValidationRules', () => {
  const u = understandGrid([HEAD, ...rows(['生产中', null, '已完成', '生产中', '待排产'])], {
    sheet: '2026订单',
    headerRow: 3,
    lang: 'zh-CN',
  });

  test('one edit over the data rows of each mapped column, with the SPEC rules', () => {
    const edit = planValidationRules(u, 'zh-CN');
    expect(edit.kind).toBe('setDataValidation');
    expect(edit).toMatchObject({ sheet: '2026订单' });
    expect(rules(edit).map((r) => [r.range, r.rule.kind === 'list' ? 'list' : r.rule])).toEqual([
      ['C4:C8', { kind: 'decimal', operator: 'greaterThan', value: 0 }],
      ['D4:D8', { kind: 'decimal', operator: 'greaterThanOrEqualTo', value: 0 }],
      ['E4:E8', { kind: 'date', between: ['2000-01-01', '2100-12-31'] }],
      ['F4:F8', { kind: 'date', between: ['2000-01-01', '2100-12-31'] }],
      ['G4:G8', { kind: 'date', between: ['2000-01-01', '2100-12-31'] }],
      ['H4:H8', 'list'],
    ]);
  });

  test('prompts and error alerts in the UI language, within Excel limits', () => {
    const zh = rules(planValidationRules(u, 'zh-CN'));
    expect(zh[0].prompt).toEqual({ title: '数量', message: '请输入大于 0 的数字。' });
    expect(zh[0].errorAlert).toEqual({ title: '数量无效', message: '数量必须是大于 0 的数字，请重新输入。' });
    expect(zh[3].prompt.title).toBe('交期');
    const en = rules(planValidationRules(u, 'en-US'));
    expect(en[1].prompt).toEqual({ title: 'Unit price', message: 'Enter 0 or a positive number.' });
    expect(en[2].errorAlert).toEqual({
      title: 'Invalid date',
      message: 'Enter a date between 2000-01-01 and 2100-12-31, such as 2026-12-05.',
    });
    expect(en[5].prompt.title).toBe('Status');
    for (const r of [...zh, ...en]) {
      expect(r.prompt.title.length).toBeLessThanOrEqual(32);
      expect(r.errorAlert.title.length).toBeLessThanOrEqual(32);
      expect(r.prompt.message.length).toBeLessThanOrEqual(255);
      expect(r.errorAlert.message.length).toBeLessThanOrEqual(255);
    }
  });

  test('status list: words in use first, then the known words of the sheet script, then the rest while they fit 255 characters', () => {
    const list = rules(planValidationRules(u, 'zh-CN'))[5].rule;
    if (list.kind !== 'list') throw new Error('not a list');
    expect(list.values.slice(0, 7)).toEqual(['生产中', '已完成', '待排产', '已出货', '已出貨', '已发货', '已交货']);
    for (const w of [...STATUS_WORDS.shipped, ...STATUS_WORDS.cancelled, ...STATUS_WORDS.partial].filter((x) =>
      /[\u4e00-\u9fff]/.test(x),
    )) {
      expect(list.values).toContain(w);
    }
    expect(list.values.join(',').length).toBeLessThanOrEqual(255);
    expect(new Set(list.values.map((v) => v.toLowerCase())).size).toBe(list.values.length);
  });

  test('an English sheet lists English words first, extra words from settings, and no word twice', () => {
    const en = understandGrid([HEAD, ...rows(['open', 'Shipped', 'SHIPPED', 'a,b'])], {
      settings: { extraStatusWords: { shipped: ['Sent'] } },
    });
    const list = rules(planValidationRules(en, 'en-US'))[5].rule;
    if (list.kind !== 'list') throw new Error('not a list');
    expect(list.values.slice(0, 4)).toEqual(['open', 'Shipped', 'Delivered', 'Closed']);
    expect(list.values).toContain('Sent');
    expect(list.values).not.toContain('SHIPPED');
    expect(list.values).not.toContain('a,b');
  });

  test('unmapped columns get no rule', () => {
    const small = understandGrid([
      ['item', 'quantity'],
      ['X', 1],
      ['Y', 2],
    ]);
    expect(planValidationRules(small, 'en-US')).toEqual({
      kind: 'setDataValidation',
      sheet: 'Orders',
      rules: [
        expect.objectContaining({ range: 'B2:B3', rule: { kind: 'decimal', operator: 'greaterThan', value: 0 } }),
      ],
    });
  });
});
