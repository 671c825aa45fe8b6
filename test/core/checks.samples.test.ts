// The two sample workbooks (../shared/fixtures/README.md) read with the .xlsx reader and understood for real:
// exactly the issues the README lists, and nothing else.
import * as path from 'path';
import { checkOrder, planHighlight, planValidationRules } from '../../src/core/checks';
import { planFixes } from '../../src/core/fixes';
import { understand } from '../../src/core/understand';
import type { Understanding, WorkbookSnapshot } from '../../src/core/types';
import { readWorkbookFile } from '../../src/xlsx/readFile';

const SAMPLES = path.resolve(__dirname, '../../../shared/fixtures/samples');
const TODAY = '2026-11-22';

async function load(file: string): Promise<{ wb: WorkbookSnapshot; u: Understanding }> {
  const { snapshot: wb } = await readWorkbookFile(path.join(SAMPLES, file));
  return { wb, u: understand(wb, { today: TODAY }) };
}

const brief = (u: Understanding) =>
  checkOrder(u, { lang: 'en-US' }).map((i) => [i.cell, i.code, i.fix === null ? null : i.fix.value]);

describe('zh-factory.xlsx', () => {
  test('issues are exactly the README list, by row then column', async () => {
    const { u } = await load('zh-factory.xlsx');
    expect(brief(u)).toEqual([
      ['H7', 'text.number', 60],
      ['J7', 'priceList.priceDiffers', null],
      ['L7', 'text.date', '2026-11-27'],
      ['E8', 'priceList.unknownItem', null],
      ['H8', 'quantity.notPositive', null],
      ['E9', 'priceList.unknownItem', null],
      ['J9', 'text.number', 1080],
      ['K10', 'amount.mismatch', null],
      ['E11', 'priceList.unknownItem', null],
      ['L11', 'text.date', '2026-11-20'],
      ['E12', 'priceList.unknownItem', null],
      ['L12', 'date.invalid', null],
      ['E13', 'priceList.unknownItem', null],
      ['L13', 'dueDate.beforeOrderDate', null],
      ['E14', 'priceList.unknownItem', null],
      ['J14', 'unitPrice.negative', null],
      ['E15', 'priceList.unknownItem', null],
    ]);
  });

  test('zh-CN messages say what to do', async () => {
    const { u } = await load('zh-factory.xlsx');
    const issues = checkOrder(u, { lang: 'zh-CN' });
    const msg = (cell: string) => issues.find((i) => i.cell === cell)?.message;
    expect(msg('H7')).toBe('数量是文本“60”：点击修正改为数字 60');
    expect(msg('J7')).toBe('含税单价 420 与价格表的 400 不同：请核对含税单价。'); // a sheet named 价格表 is not named twice
    expect(msg('L11')).toBe('要求交期是文本“11月20日”：点击修正改为日期 2026-11-20'); // the sheet's header word
    expect(msg('K10')).toBe('金额 26000 与数量 × 含税单价 = 25000 不符：请核对金额、数量和含税单价。');
  });

  test('checking rows 7-9 only reports those rows', async () => {
    const { u } = await load('zh-factory.xlsx');
    expect(checkOrder(u, { lang: 'en-US', rows: [7, 8, 9] }).map((i) => i.cell)).toEqual([
      'H7',
      'J7',
      'L7',
      'E8',
      'H8',
      'E9',
      'J9',
    ]);
  });

  test('fixing writes 60, 1080 and two dates, and logs them in 变更记录', async () => {
    const { wb, u } = await load('zh-factory.xlsx');
    const { edits, fixed } = planFixes(u, checkOrder(u, { lang: 'zh-CN' }), {
      lang: 'zh-CN',
      now: new Date(2026, 10, 22, 9, 0, 0),
      wb,
    });
    expect(fixed).toEqual([
      { cell: 'H7', old: '60', new: 60 },
      { cell: 'L7', old: '2026-11-27', new: '2026-11-27' },
      { cell: 'J9', old: '1,080.00', new: 1080 },
      { cell: 'L11', old: '11月20日', new: '2026-11-20' },
    ]);
    expect(edits.map((e) => [e.kind, 'sheet' in e ? e.sheet : ''])).toEqual([
      ['appendRows', '变更记录'],
      ['setValues', '2026订单'],
    ]);
  });

  test('validation rules cover rows 4-15 of the mapped columns; highlight covers the issue cells', async () => {
    const { u } = await load('zh-factory.xlsx');
    const v = planValidationRules(u, 'zh-CN');
    expect(v.kind === 'setDataValidation' && v.rules.map((r) => r.range)).toEqual([
      'H4:H15',
      'J4:J15',
      'D4:D15',
      'L4:L15',
      'N4:N15',
      'O4:O15',
    ]);
    const h = planHighlight(u, checkOrder(u, { lang: 'zh-CN' }));
    expect(h.kind === 'setConditionalFormats' && h.ranges).toEqual([
      'E8:E9',
      'E11:E15',
      'H7:H8',
      'J7',
      'J9',
      'J14',
      'K10',
      'L7',
      'L11:L13',
    ]);
  });
});

describe('en-po.xlsx', () => {
  test('issues are exactly the README list', async () => {
    const { u } = await load('en-po.xlsx');
    expect(brief(u)).toEqual([
      ['G4', 'text.number', 3.4],
      ['J4', 'text.date', '2026-11-26'],
      ['H5', 'amount.mismatch', null],
      ['E6', 'required.missing', null],
      ['J7', 'text.date', '2026-12-02'],
      ['L8', 'shippedQty.exceedsQuantity', null],
    ]);
  });
});
