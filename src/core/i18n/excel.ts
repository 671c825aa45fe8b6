import type { CataloguePart } from './index';

// Ribbon command notices (src/commands).
export const excel: CataloguePart = {
  'zh-CN': {
    'command.checked':
      '已检查 {rows} 行订单：{error} 个错误，{warning} 个提醒，{fixable} 个可一键修正。打开跟单助手查看详情。',
    'command.checkedClean': '已检查 {rows} 行订单，没有发现问题。',
    'command.flagged':
      '已标记交期：逾期 {overdue} 行，即将到期 {dueSoon} 行，正常 {onTrack} 行，无交期 {noDueDate} 行。颜色每天自动更新。',
    'command.failed': '操作没有完成：{detail}',
    'command.ok': '确定',
  },
  'en-US': {
    'command.checked':
      'Checked {rows} order lines: {error} errors, {warning} warnings, {fixable} fixable in one click. Open Order Clerk for details.',
    'command.checkedClean': 'Checked {rows} order lines: no problems found.',
    'command.flagged':
      'Delays flagged: {overdue} overdue, {dueSoon} due soon, {onTrack} on track, {noDueDate} without a due date. The colours update every day.',
    'command.failed': 'Not done: {detail}',
    'command.ok': 'OK',
  },
};
