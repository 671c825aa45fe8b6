// The change log is the workbook's sheet, not the pane's (issue 20): an English pane on a Chinese workbook starts
// 变更记录 (the order sheet's headers are Chinese), an existing log in either language is reused whatever the pane's
// language, and every notice names the log sheet as it exists in the workbook.

import type * as ExcelJS from 'exceljs';
import { findChangeLogSheet, readChangeLog } from '../../../src/core/changelog';
import { checkSheet, fixIssues, undoLastFix } from '../../../src/taskpane/actions';
import { contextOn, orderBook, sheetOf } from './helpers';
import { XlsxWorkbookPort } from '../../../src/xlsx/port';

/** The helpers' order book with the clerk's headers in Chinese. */
function chineseBook(): ExcelJS.Workbook {
  const wb = orderBook();
  wb.getWorksheet('Orders')!.getRow(3).values = [
    '订单号',
    '客户',
    '型号',
    '数量',
    '单价',
    '金额',
    '下单日期',
    '交期',
    '状态',
  ];
  return wb;
}

async function fixAll(port: XlsxWorkbookPort, lang: 'zh-CN' | 'en-US') {
  const ctx = contextOn(port, lang);
  return fixIssues(ctx, (await checkSheet(ctx, 'sheet')).issues);
}

test('an English pane on a Chinese workbook starts the log as 变更记录 in Chinese, and its notices name 变更记录', async () => {
  const port = new XlsxWorkbookPort(chineseBook());
  const ctx = contextOn(port, 'en-US');
  expect(await undoLastFix(ctx)).toEqual({
    intent: 'info',
    text: 'Nothing to undo: no cell has been fixed in this workbook yet.', // no log yet, none named
  });
  expect(await fixAll(port, 'en-US')).toEqual({
    intent: 'success',
    text: 'Fixed 2 cells. The old values are in the "变更记录" sheet, so you can undo.',
  });
  const wb = await port.read();
  expect(wb.sheets.map((s) => s.name)).not.toContain('Change log');
  expect(findChangeLogSheet(wb)?.name).toBe('变更记录');
  expect(sheetOf(wb, '变更记录').values[0].slice(0, 6)).toEqual(['时间', '操作', '工作表', '单元格', '原值', '新值']);
  expect(sheetOf(wb, '变更记录').values[1][1]).toBe('修正');
  expect((await undoLastFix(ctx)).intent).toBe('success');
  expect(readChangeLog(await port.read()).map((r) => r.action)).toEqual(['fix', 'fix', 'undo', 'undo']);
  expect(await undoLastFix(ctx)).toEqual({ intent: 'info', text: 'The "变更记录" sheet has no fix to undo.' });
});

test('an existing English log in a Chinese workbook is reused from either pane and named as it is', async () => {
  // A log an English pane started before this version named logs in the workbook's language.
  const book = chineseBook();
  book.addWorksheet('Change log').getRow(1).values = ['Time', 'Action', 'Sheet', 'Cell', 'Old value', 'New value'];
  const withLog = new XlsxWorkbookPort(book);
  expect((await fixAll(withLog, 'zh-CN')).text).toBe('已修正 2 个单元格，原值已记入“Change log”，可以撤销。');
  const wb = await withLog.read();
  expect(wb.sheets.filter((s) => /变更记录|change log/i.test(s.name)).map((s) => s.name)).toEqual(['Change log']);
  // Its rows stay in the log's language.
  expect(sheetOf(wb, 'Change log').values[1][1]).toBe('fix');
});

test('a Chinese pane on an English workbook starts "Change log" and names it so', async () => {
  const port = new XlsxWorkbookPort(orderBook());
  expect((await fixAll(port, 'zh-CN')).text).toBe('已修正 2 个单元格，原值已记入“Change log”，可以撤销。');
  expect(findChangeLogSheet(await port.read())?.name).toBe('Change log');
});
