import type { CataloguePart } from './index';

// Ribbon command notices (src/commands), what the Excel adapter reports (apply.warning.*), the Excel self-test page.
export const excel: CataloguePart = {
  'zh-CN': {
    'command.checked':
      '已检查 {rows} 行订单：{error} 个错误，{warning} 个提醒，{fixable} 个可一键修正。打开跟单助手查看详情。',
    'command.checkedClean': '已检查 {rows} 行订单，没有发现问题。',
    'command.flagged':
      '已标记交期：逾期 {overdue} 行，即将到期 {dueSoon} 行，正常 {onTrack} 行，无交期 {noDueDate} 行。颜色每天自动更新。',
    'command.failed': '操作没有完成：{detail}',
    'command.ok': '确定',
    'apply.warning.fitToWidthNotApplied':
      '「{sheet}」没有设成打印一页宽：Excel 只在显示过“页面布局”选项卡后才接受这个设置。请在“页面布局 › 调整为合适大小”里把宽度设为 1 页。',
    'apply.warning.conditionalFormatsUnreadable':
      'Excel 读不出「{sheet}」上的条件格式（Excel 的已知问题），跟单助手的颜色没有改动。请在“开始 › 条件格式 › 管理规则”里删掉重复的规则后再试。',
  },
  'en-US': {
    'command.checked':
      'Checked {rows} order lines: {error} errors, {warning} warnings, {fixable} fixable in one click. Open Order Clerk for details.',
    'command.checkedClean': 'Checked {rows} order lines: no problems found.',
    'command.flagged':
      'Delays flagged: {overdue} overdue, {dueSoon} due soon, {onTrack} on track, {noDueDate} without a due date. The colours update every day.',
    'command.failed': 'Not done: {detail}',
    'command.ok': 'OK',
    'apply.warning.fitToWidthNotApplied':
      '"{sheet}" is not set to print one page wide: Excel takes that setting only after the Page Layout tab has been shown. Set Width to 1 page under Page Layout › Scale to Fit.',
    'apply.warning.conditionalFormatsUnreadable':
      'Excel could not read the conditional formats on "{sheet}" (a known Excel problem), so Order Clerk left its colours as they were. Remove duplicated rules under Home › Conditional Formatting › Manage Rules and try again.',
  },
};
