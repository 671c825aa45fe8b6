// SPEC 9: the status column's validation lets a new word through after a warning (Excel asks "Continue?") and its
// message points to the Settings panel; every other rule stops a wrong value.
import { planValidationRules } from '../../src/core/validation';
import { understandGrid } from './helpers/grid';

const u = understandGrid([
  ['orderNo', 'quantity', 'dueDate', 'status'],
  ['A', 1, 46350, '生产中'],
]);

describe('status validation', () => {
  it('warns instead of stopping, and says where to add the word', () => {
    const e = planValidationRules(u, 'zh-CN');
    if (e.kind !== 'setDataValidation') throw new Error(e.kind);
    const status = e.rules.find((r) => r.rule.kind === 'list')!;
    expect(status.errorAlert).toEqual({
      title: '状态不在列表中',
      message: '这个状态不在列表中：点“是”保留它，点“否”重新选择。常用的新状态词请在设置面板中添加。',
      style: 'warning',
    });
    expect(e.rules.filter((r) => r !== status).map((r) => r.errorAlert.style)).toEqual([undefined, undefined]);
    const en = planValidationRules(u, 'en-US');
    if (en.kind !== 'setDataValidation') throw new Error(en.kind);
    expect(en.rules.find((r) => r.rule.kind === 'list')!.errorAlert.message).toMatch(/Settings panel/);
  });
});
