// Strings of the checks, fixes, change log, data-validation rules and field labels (SPEC 5, 9).
import type { CataloguePart } from './index';
import { glossaryEntries } from '../glossary';

export const checks: CataloguePart = {
  'zh-CN': {
    // Field and action names come from the glossary (core/glossary.ts), the one place for them.
    ...glossaryEntries('zh-CN'),

    'check.required.missing': '{field}为空：请填写{field}。',
    'check.number.invalid': '{field}“{value}”不是数字：请改为数字。',
    'check.text.number': '{field}是文本“{value}”：点击修正改为数字 {fix}',
    'check.quantity.notPositive': '{field}为 {value}：{field}必须大于 0，请核对后修改。',
    'check.unitPrice.negative': '{field}为负数 {value}：请改为 0 或正数。',
    'check.amount.mismatch':
      '{field} {value} 与{quantityField} × {unitPriceField} = {expected} 不符：请核对{field}、{quantityField}和{unitPriceField}。',
    'check.amount.missing': '{field}为空，{quantityField} × {unitPriceField} = {expected}：请填写{field}。',
    'check.date.invalid': '{field}“{value}”不是日期：请填写日期，如 2026-12-05。',
    'check.text.date': '{field}是文本“{value}”：点击修正改为日期 {fix}',
    'check.text.number.formula': '{field}的公式结果是文本“{value}”：无法自动修正，请修改公式，使其返回数字。',
    'check.text.date.formula': '{field}的公式结果是文本“{value}”：无法自动修正，请修改公式，使其返回日期。',
    'check.dueDate.beforeOrderDate': '{field} {due} 早于{orderDateField} {order}：请核对两个日期。',
    'check.shippedQty.exceedsQuantity': '{field} {value} 超过订单{quantityField} {quantity}：请核对{field}。',
    'check.cell.error': '{field}是错误值 {value}：请修正公式或重新填写。',
    'check.line.duplicate':
      '与第 {row} 行重复（{orderNoField}、{field}、{quantityField}、{dueDateField}相同）：如是重复粘贴，请删除其中一行。',
    'check.priceList.unknownItem': '{field}“{value}”不在价格表“{sheet}”中：请核对{field}，或在价格表中添加。',
    'check.priceList.priceDiffers': '{field} {value} 与价格表“{sheet}”的 {master} 不同：请核对{field}。',
    'check.priceList.unknownItem.plain': '{field}“{value}”不在价格表中：请核对{field}，或在价格表中添加。',
    'check.priceList.priceDiffers.plain': '{field} {value} 与价格表的 {master} 不同：请核对{field}。',
    'check.column.missing':
      '找不到{field}列，交期和检查结果都不可信：请在任务窗格“表格识别”的“列与字段”中为那一列选择“{field}”，或把表头改为“{field}”。',
    'checks.warn.columnMissing':
      '找不到{field}列，交期分类不可信：请在任务窗格“表格识别”的“列与字段”中为那一列选择“{field}”，或把表头改为“{field}”。',

    'changelog.sheet': '变更记录',
    'changelog.col.time': '时间',
    'changelog.col.action': '操作',
    'changelog.col.sheet': '工作表',
    'changelog.col.cell': '单元格',
    'changelog.col.old': '原值',
    'changelog.col.new': '新值',
    'changelog.action.fix': '修正',
    'changelog.action.undo': '撤销',
    'changelog.col.orderNo': '订单号',
    'changelog.col.item': '型号',
    'changelog.col.field': '字段',
    'changelog.col.document': '单据',
    'changelog.action.shipment': '出货',
    'changelog.action.void': '作废',
    'changelog.action.addColumn': '添加列',
    'changelog.action.receipt': '回单',
    'changelog.action.import': '导入订单',
    'changelog.action.orderChange': '订单变更',
    'po.log.added': '客户订单 {po}（{sheet} 第 {row} 行）新增',

    'validation.quantity.promptTitle': '数量',
    'validation.quantity.prompt': '请输入大于 0 的数字。',
    'validation.quantity.errorTitle': '数量无效',
    'validation.quantity.error': '数量必须是大于 0 的数字，请重新输入。',
    'validation.unitPrice.promptTitle': '单价',
    'validation.unitPrice.prompt': '请输入 0 或正数。',
    'validation.unitPrice.errorTitle': '单价无效',
    'validation.unitPrice.error': '单价必须是 0 或正数，请重新输入。',
    'validation.date.prompt': '请输入日期，如 2026-12-05（2000-01-01 至 2100-12-31）。',
    'validation.date.errorTitle': '日期无效',
    'validation.date.error': '请输入 2000-01-01 至 2100-12-31 之间的日期，如 2026-12-05。',
    'validation.status.prompt': '请从下拉列表中选择状态。',
    'validation.status.errorTitle': '状态不在列表中',
    'validation.status.error': '这个状态不在列表中：点“是”保留它，点“否”重新选择。常用的新状态词请在设置面板中添加。',
  },
  'en-US': {
    ...glossaryEntries('en-US'),

    'check.required.missing': '{field} is empty: fill it in.',
    'check.number.invalid': '{field} "{value}" is not a number: enter a number.',
    'check.text.number': '{field} is text "{value}": fix it to the number {fix}',
    'check.quantity.notPositive': '{field} is {value}: it must be greater than 0; check and correct it.',
    'check.unitPrice.negative': '{field} is negative ({value}): change it to 0 or more.',
    'check.amount.mismatch':
      '{field} {value} does not match {quantityField} × {unitPriceField} = {expected}: check all three cells.',
    'check.amount.missing': '{field} is empty while {quantityField} × {unitPriceField} = {expected}: fill it in.',
    'check.date.invalid': '{field} "{value}" is not a date: enter a date such as 2026-12-05.',
    'check.text.date': '{field} is text "{value}": fix it to the date {fix}',
    'check.text.number.formula':
      '{field} is a formula that returns the text "{value}": it cannot be fixed automatically; change the formula so it returns a number.',
    'check.text.date.formula':
      '{field} is a formula that returns the text "{value}": it cannot be fixed automatically; change the formula so it returns a date.',
    'check.dueDate.beforeOrderDate': '{field} {due} is before {orderDateField} {order}: check both dates.',
    'check.shippedQty.exceedsQuantity': '{field} {value} is more than {quantityField} {quantity}: check {field}.',
    'check.cell.error': '{field} is the error value {value}: fix the formula or type the value again.',
    'check.line.duplicate':
      'Same {orderNoField}, {field}, {quantityField} and {dueDateField} as row {row}: if it was pasted twice, delete one of the rows.',
    'check.priceList.unknownItem':
      '{field} "{value}" is not in the price list "{sheet}": check it, or add it to the price list.',
    'check.priceList.priceDiffers':
      '{field} {value} differs from {master} in the price list "{sheet}": check the price.',
    'check.priceList.unknownItem.plain':
      '{field} "{value}" is not in the price list: check it, or add it to the price list.',
    'check.priceList.priceDiffers.plain': '{field} {value} differs from {master} in the price list: check the price.',
    'check.column.missing':
      'No {field} column found, so delays and checks cannot be trusted: choose its column for "{field}" under "Columns and fields" in the task pane\'s Sheet panel, or name its header "{field}".',
    'checks.warn.columnMissing':
      'No {field} column found, so the delay classes cannot be trusted: choose its column for "{field}" under "Columns and fields" in the task pane\'s Sheet panel, or name its header "{field}".',

    'changelog.sheet': 'Change log',
    'changelog.col.time': 'Time',
    'changelog.col.action': 'Action',
    'changelog.col.sheet': 'Sheet',
    'changelog.col.cell': 'Cell',
    'changelog.col.old': 'Old value',
    'changelog.col.new': 'New value',
    'changelog.action.fix': 'fix',
    'changelog.action.undo': 'undo',
    'changelog.col.orderNo': 'Order No.',
    'changelog.col.item': 'Item',
    'changelog.col.field': 'Field',
    'changelog.col.document': 'Document',
    'changelog.action.shipment': 'Shipment',
    'changelog.action.void': 'Void',
    'changelog.action.addColumn': 'Add column',
    'changelog.action.receipt': 'Receipt',
    'changelog.action.import': 'PO import',
    'changelog.action.orderChange': 'Order change',
    'po.log.added': 'Added from PO {po} ({sheet} row {row})',

    'validation.quantity.promptTitle': 'Quantity',
    'validation.quantity.prompt': 'Enter a number greater than 0.',
    'validation.quantity.errorTitle': 'Invalid quantity',
    'validation.quantity.error': 'The quantity must be a number greater than 0. Type it again.',
    'validation.unitPrice.promptTitle': 'Unit price',
    'validation.unitPrice.prompt': 'Enter 0 or a positive number.',
    'validation.unitPrice.errorTitle': 'Invalid unit price',
    'validation.unitPrice.error': 'The unit price must be 0 or a positive number. Type it again.',
    'validation.date.prompt': 'Enter a date such as 2026-12-05 (2000-01-01 to 2100-12-31).',
    'validation.date.errorTitle': 'Invalid date',
    'validation.date.error': 'Enter a date between 2000-01-01 and 2100-12-31, such as 2026-12-05.',
    'validation.status.prompt': 'Pick a status from the drop-down list.',
    'validation.status.errorTitle': 'Status not in the list',
    'validation.status.error':
      'This status is not in the list: choose Yes to keep it, or No to pick another. Add new status words for good in the Settings panel.',
  },
};
