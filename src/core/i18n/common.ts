import type { CataloguePart } from './index';

export const common: CataloguePart = {
  'zh-CN': {
    'error.emptyWorkbook': '工作簿是空的：请先粘贴或打开订单表。',
    'error.noOrderTable': '没有找到订单表：需要一行表头（如订单号、型号、数量、交期），下面是订单行。',
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
    'error.poNoKeyColumn':
      '订单表“{sheet}”没有订单号（或客户订单号）列和型号列：无法对照客户订单的行，未导入。请先添加这些列。',
    'error.poNoRoom':
      '订单表“{sheet}”最后一个订单行下面的第 {row} 行不是空行：新订单行要写在第 {first}–{last} 行，未导入（不移动您的任何内容）。请先腾出这些行。',
    'error.writeFailed': '无法写入“{file}”：{detail}',
    'error.tableHeadersInvalid':
      '没有建表：{detail}。Excel 建表时会改写这些表头单元格，为不改动您的数据已跳过；请先修改表头后再建表。',
    'error.encrypted': '“{file}”设置了打开密码：请在 Excel 中打开它，删除密码（文件 → 信息 → 保护工作簿）后保存。',
    'error.xlsbFile': '“{file}”是二进制工作簿（.xlsb）：请在 Excel 中打开，另存为“Excel 工作簿（*.xlsx）”。',
    'error.xlsFile': '“{file}”是旧版 Excel 97-2003 工作簿（.xls）：请在 Excel 中打开，另存为“Excel 工作簿（*.xlsx）”。',
    'error.odsFile': '“{file}”是 OpenDocument 表格（.ods）：请在 LibreOffice 或 Excel 中打开，另存为 .xlsx。',
    'error.csvFile': '“{file}”是文本（CSV）文件，不是工作簿：请在 Excel 中打开，另存为“Excel 工作簿（*.xlsx）”。',
    'error.permissionDenied': '没有权限读取“{file}”：请向文件所有者要读取权限，或把文件复制到您能读取的位置。',
    'error.isFolder': '“{file}”是一个文件夹，不是工作簿：请指定文件夹里的 .xlsx 文件。',
    'error.notRegularFile': '“{file}”不是普通文件（是设备或管道）：请指定一个 .xlsx 文件。',
    'error.fileTooLarge': '“{file}”超过 {limit} MB，太大，无法安全读取：请把订单拆分到较小的工作簿中。',
    'error.partTooLarge':
      '“{file}”解压后的内容（{part}）超过 {limit} MB，为保护这台电脑没有读取：请在 Excel 中打开并另存，或拆分成较小的工作簿。',
    'error.zipBomb':
      '“{file}”中的 {part} 解压后比压缩前大得不合常理（疑似“压缩炸弹”），为保护这台电脑没有读取：请确认文件来源，或在 Excel 中打开并另存。',
    'list.more': '… 等，另有 {count} 项',
    'table.problem.blank': '表头 {cells} 是空的',
    'table.problem.duplicate': '表头“{header}”重复（{cells}）',
    'table.problem.notText': '表头 {cells} 不是文字',
    'table.problem.merged': '表格区域内有合并单元格（{cells}）',
    'table.problem.formula': '表头 {cells} 是公式',
    'error.tableNotGrown':
      '表格 {table} 保持原样（{range}），没有扩大到全部订单行：{detail}。扩大表格时 Excel 会改写这些表头单元格；请先修改表头后再建表。',
    'error.tableConflict': '没有建表：{detail}。原有表格保持不变。',
    'error.tableNotFound': '找不到表格“{table}”（可能刚被删除）：请重新读取后再试，未做任何修改。',
    'table.problem.severalTables': '订单区域与多个表格重叠（{tables}）',
    'table.problem.otherHeaderRow': '表格 {table}（{range}）的表头不在订单表头所在的第 {row} 行',
    'table.problem.wouldOverlap': '扩大表格 {table} 会与表格 {other} 重叠',
    'error.shipRefused': '没有生成单据：{detail}。{hint}',
    'ship.refuse.hint.force':
      '请先改正订单表，或用 --ship 指定本次数量；确需照出时加 --force（会记入单据登记的备注）。',
    'ship.refuse.hint.fix': '请先改正订单表，或用 --ship 指定本次数量（--force 也不能照出这些行）。',
    'error.documentNotFound': '单据登记中没有单号“{number}”：请检查单号（如 DN-20261122-001）。',
    'error.alreadyVoid': '单据 {number} 已经作废：未做任何修改。',
    'error.customerNotFound': '订单表和出货记录中都没有客户“{customer}”（已有的客户：{known}）：请检查名称。',
    'error.macrosNeedXlsm': '“{file}”含有宏：输出文件请以 .xlsm 结尾（如 {suggest}），否则宏会丢失。未写入任何文件。',
    'error.noMacrosNeedXlsx':
      '“{file}”不含宏：输出文件请以 .xlsx 结尾（如 {suggest}），Excel 不打开以 .xlsm 命名的无宏工作簿。未写入任何文件。',
    'limit.truncated': '{cell} 的文字超过 Excel 单元格上限 32,767 个字符，已截断并以“…”结尾。',
    'limit.notFinite': '{cell} 的计算结果不是有效数字（溢出），已留空。',
    'limit.formulaTooLong': '{cell} 的公式或规则超过 Excel 上限 8,192 个字符，未写入。',
    'limit.listTooLong': '{cell} 的下拉列表超过 Excel 上限 255 个字符，未写入该数据验证。',
    'settings.warn.ignored': '隐藏的设置表 {sheet} 中的设置“{field}”无法读取，已忽略（使用默认值），其余设置照常使用。',
    'settings.warn.unreadable': '隐藏的设置表 {sheet} 中的设置无法读取，全部使用默认值；原内容保留在该表中。',
    'settings.warn.more': '设置表 {sheet} 中另有 {count} 项设置无法读取，已忽略。',
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
    'error.rowsNotOrderLines': 'Not order lines (row {rows}): select data rows of the order table.',
    'error.mixedCustomers': 'The selected rows belong to different customers ({customers}): make one per customer.',
    'error.apiNotSupported':
      'This version of Excel lacks what the add-in needs (ExcelApi {version}): update Excel or use Excel on the web.',
    'error.badUsage': '{detail}',
    'error.poNoKeyColumn':
      'The order sheet "{sheet}" has no order-number (or customer-PO) column and item column: the PO lines cannot be matched, so nothing was imported. Add those columns first.',
    'error.poNoRoom':
      'Row {row} under the last order line of "{sheet}" is not empty: the new PO lines go in rows {first}–{last}, so nothing was imported (nothing of yours is moved). Make room under the last order line first.',
    'error.writeFailed': 'Could not write "{file}": {detail}',
    'error.tableHeadersInvalid':
      'No table made: {detail}. Excel would rewrite those header cells when making a table, so it was skipped to keep your data as it is; correct the headers, then make the table.',
    'error.encrypted':
      '"{file}" is protected with a password: open it in Excel, remove the password (File → Info → Protect Workbook) and save.',
    'error.xlsbFile':
      '"{file}" is a binary workbook (.xlsb): open it in Excel and save it as an Excel Workbook (.xlsx).',
    'error.xlsFile':
      '"{file}" is an old Excel 97-2003 workbook (.xls): open it in Excel and save it as an Excel Workbook (.xlsx).',
    'error.odsFile':
      '"{file}" is an OpenDocument spreadsheet (.ods): open it in LibreOffice or Excel and save it as .xlsx.',
    'error.csvFile':
      '"{file}" is a text (CSV) file, not a workbook: open it in Excel and save it as an Excel Workbook (.xlsx).',
    'error.permissionDenied':
      'Cannot read "{file}": permission denied. Ask its owner for read access, or copy it somewhere you can read it.',
    'error.isFolder': '"{file}" is a folder, not a workbook: name an .xlsx file inside it.',
    'error.notRegularFile': '"{file}" is not a regular file (it is a device or a pipe): name an .xlsx file.',
    'error.fileTooLarge':
      '"{file}" is larger than {limit} MB, too large to read safely: split the orders into smaller workbooks.',
    'error.partTooLarge':
      '"{file}" unpacks to more than {limit} MB ({part}), so it was not read, to protect this computer: open it in Excel and save it again, or split it into smaller workbooks.',
    'error.zipBomb':
      '"{file}" unpacks {part} to far more than a workbook of its size can hold (a zip bomb?), so it was not read, to protect this computer: check where it came from, or open it in Excel and save it again.',
    'list.more': '… and {count} more',
    'table.problem.blank': 'the header is empty in {cells}',
    'table.problem.duplicate': 'the header "{header}" appears more than once ({cells})',
    'table.problem.notText': 'the header is not text in {cells}',
    'table.problem.merged': 'the table area holds merged cells ({cells})',
    'table.problem.formula': 'the header is a formula in {cells}',
    'error.tableNotGrown':
      'Table {table} was left as it is ({range}) and does not cover every order line: {detail}. Excel would rewrite those header cells when growing the table; correct the headers, then make the table again.',
    'error.tableConflict': 'No table made: {detail}. Your tables were left as they are.',
    'error.tableNotFound':
      'Table "{table}" is not there any more (it may have just been deleted): read the sheet again and retry. Nothing was changed.',
    'table.problem.severalTables': 'the order lines overlap several tables ({tables})',
    'table.problem.otherHeaderRow':
      'table {table} ({range}) does not have its header in row {row}, the order header row',
    'table.problem.wouldOverlap': 'growing table {table} would overlap table {other}',
    'error.shipRefused': 'No document made: {detail}. {hint}',
    'ship.refuse.hint.force':
      "Correct the order sheet first, or give this shipment's quantity with --ship; to make it anyway add --force (it is noted in the document register).",
    'ship.refuse.hint.fix':
      "Correct the order sheet first, or give this shipment's quantity with --ship (--force cannot make these lines).",
    'error.documentNotFound':
      'The document register has no number "{number}": check the number (e.g. DN-20261122-001).',
    'error.alreadyVoid': 'Document {number} is already void: nothing was changed.',
    'error.customerNotFound':
      'Neither the order sheet nor the shipments record has a customer "{customer}" (known customers: {known}): check the name.',
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
    'settings.warn.ignored':
      'The setting "{field}" in the hidden sheet {sheet} could not be read: it was ignored (its default is used); the other settings are used.',
    'settings.warn.unreadable':
      'The settings in the hidden sheet {sheet} could not be read: the defaults are used, and the text is kept in that sheet.',
    'settings.warn.more':
      '{count, plural, one {# more setting} other {# more settings}} in the hidden sheet {sheet} could not be read: ignored.',
  },
};
