import type { CataloguePart } from './index';

export const common: CataloguePart = {
  'zh-CN': {
    'error.emptyWorkbook': '工作簿是空的：请先粘贴或打开订单表。',
    'error.noOrderTable': '没有找到订单表：需要一行表头（如 订单号、型号、数量、交期），下面是订单行。',
    'error.headersWithoutData': '找到了表头（第 {row} 行），但下面没有订单行：请先粘贴订单数据。',
    'error.sheetNotFound': '找不到工作表“{sheet}”：请检查名称。',
    'error.sheetProtected': '工作表“{sheet}”受保护：请先撤销保护再操作，未做任何修改。',
    'error.notXlsx': '“{file}”不是 .xlsx 工作簿（可能是 .xls 或其他文件）：请在 Excel 中另存为 .xlsx。',
    'error.corruptFile': '“{file}”已损坏，无法读取：请在 Excel 中打开并另存为 .xlsx。',
    'error.fileNotFound': '找不到文件“{file}”：请检查路径。',
    'error.outputIsInput': '输出文件不能是输入文件：请用 -o 指定另一个文件名。',
    'error.noRowsSelected': '没有选中订单行：请先在订单表中选中要处理的行。',
    'error.rowsNotOrderLines': '第 {rows} 行不是订单行：请选择订单表中的数据行。',
    'error.mixedCustomers': '所选行属于不同客户（{customers}）：请按客户分别生成，或勾选“每个客户一份”。',
    'error.apiNotSupported': '此版本的 Excel 不支持所需功能（ExcelApi {version}）：请更新 Excel 或使用网页版 Excel。',
    'error.badUsage': '{detail}',
    'error.writeFailed': '无法写入“{file}”：{detail}',
    'error.tableHeadersInvalid':
      '没有建表：{detail}。Excel 建表时会改写这些表头单元格，为不改动您的数据已跳过；请先修改表头后再建表。',
    'table.problem.blank': '表头 {cells} 是空的',
    'table.problem.duplicate': '表头“{header}”重复（{cells}）',
    'table.problem.notText': '表头 {cells} 不是文字',
    'table.problem.merged': '表格区域内有合并单元格（{cells}）',
    'error.shipRefused':
      '没有生成单据：{detail}。请先改正订单表，或用 --ship 指定本次数量；确需照出时加 --force（会记入单据登记的备注）。',
    'error.documentNotFound': '单据登记中没有单号“{number}”：请检查单号（如 DN-20261122-001）。',
    'error.alreadyVoid': '单据 {number} 已经作废：未做任何修改。',
    'error.macrosNeedXlsm': '“{file}”含有宏：输出文件请以 .xlsm 结尾（如 {suggest}），否则宏会丢失。未写入任何文件。',
    'error.noMacrosNeedXlsx':
      '“{file}”不含宏：输出文件请以 .xlsx 结尾（如 {suggest}），Excel 不打开以 .xlsm 命名的无宏工作簿。未写入任何文件。',
    'limit.truncated': '{cell} 的文字超过 Excel 单元格上限 32,767 个字符，已截断并以“…”结尾。',
    'limit.notFinite': '{cell} 的计算结果不是有效数字（溢出），已留空。',
    'limit.formulaTooLong': '{cell} 的公式或规则超过 Excel 上限 8,192 个字符，未写入。',
    'limit.listTooLong': '{cell} 的下拉列表超过 Excel 上限 255 个字符，未写入该数据验证。',
  },
  'en-US': {
    'error.emptyWorkbook': 'The workbook is empty: paste or open an order sheet first.',
    'error.noOrderTable':
      'No order table found: it needs a header row (such as Order No., Item, Qty, Due Date) with order lines below it.',
    'error.headersWithoutData':
      'Found the header row (row {row}) but no order lines below it: paste the order data first.',
    'error.sheetNotFound': 'There is no sheet named "{sheet}": check the name.',
    'error.sheetProtected': 'Sheet "{sheet}" is protected: unprotect it and try again. Nothing was changed.',
    'error.notXlsx': '"{file}" is not an .xlsx workbook (it may be .xls or another file): save it as .xlsx in Excel.',
    'error.corruptFile': '"{file}" is damaged and cannot be read: open it in Excel and save it again as .xlsx.',
    'error.fileNotFound': 'File "{file}" not found: check the path.',
    'error.outputIsInput': 'The output file must not be the input file: name another file with -o.',
    'error.noRowsSelected': 'No order lines selected: select the rows to use on the order sheet first.',
    'error.rowsNotOrderLines': 'Row(s) {rows} are not order lines: select data rows of the order table.',
    'error.mixedCustomers': 'The selected rows belong to different customers ({customers}): make one per customer.',
    'error.apiNotSupported':
      'This version of Excel lacks what the add-in needs (ExcelApi {version}): update Excel or use Excel on the web.',
    'error.badUsage': '{detail}',
    'error.writeFailed': 'Could not write "{file}": {detail}',
    'error.tableHeadersInvalid':
      'No table made: {detail}. Excel would rewrite those header cells when making a table, so it was skipped to keep your data as it is; correct the headers, then make the table.',
    'table.problem.blank': 'header cell(s) {cells} are empty',
    'table.problem.duplicate': 'the header "{header}" appears more than once ({cells})',
    'table.problem.notText': 'header cell(s) {cells} are not text',
    'table.problem.merged': 'the table area holds merged cells ({cells})',
    'error.shipRefused':
      "No document made: {detail}. Correct the order sheet first, or give this shipment's quantity with --ship; to make it anyway add --force (it is noted in the document register).",
    'error.documentNotFound':
      'The document register has no number "{number}": check the number (e.g. DN-20261122-001).',
    'error.alreadyVoid': 'Document {number} is already void: nothing was changed.',
    'error.macrosNeedXlsm':
      '"{file}" contains macros: name the output .xlsm (for example {suggest}) so they are kept. No file was written.',
    'error.noMacrosNeedXlsx':
      '"{file}" has no macros: name the output .xlsx (for example {suggest}); Excel does not open a macro-free workbook named .xlsm. No file was written.',
    'limit.truncated':
      'The text for {cell} is longer than an Excel cell holds (32,767 characters): it was cut and ends in "…".',
    'limit.notFinite': 'The value for {cell} is not a valid number (it overflowed): the cell was left empty.',
    'limit.formulaTooLong':
      'The formula or rule for {cell} is longer than Excel allows (8,192 characters): it was not written.',
    'limit.listTooLong':
      'The drop-down list for {cell} is longer than Excel allows (255 characters): that validation rule was not written.',
  },
};
