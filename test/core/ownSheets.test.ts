// The change log and the register are found by name and header: a clerk's own sheet called "Change log" or
// "Documents" is never appended to; ours is found in either language, also as "Name (2)".
import { changeLogSheetName, findChangeLogSheet } from '../../src/core/changelog';
import { registerSheet } from '../../src/core/documents/register';
import { changeLogHeader } from '../../src/core/changelog';
import { sheetFromGrid } from '../../src/core/snapshot';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/core/types';

const wbOf = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ sheets, dateSystem: 1900, activeSheet: null });
const clerksLog = sheetFromGrid('Change log', [
  ['Date', 'What changed'],
  ['2026-11-01', 'new supplier'],
]);
const clerksDocs = sheetFromGrid('Documents', [
  ['Contract', 'Signed'],
  ['C-1', 'yes'],
]);

test("a clerk's own 'Change log' sheet is left alone: the log goes to a new sheet", () => {
  const wb = wbOf(clerksLog);
  expect(findChangeLogSheet(wb)).toBeUndefined();
  expect(changeLogSheetName(wb, 'en-US')).toBe('Change log (2)');
});

test('our log is found by its header in either language, also under a numbered name', () => {
  const ours = sheetFromGrid('Change log (2)', [
    changeLogHeader('en-US'),
    ['2026-11-22 09:00:00', 'fix', 'Orders', 'C2', '60', 60],
  ]);
  expect(findChangeLogSheet(wbOf(clerksLog, ours))?.name).toBe('Change log (2)');
  const zh = sheetFromGrid('变更记录', [changeLogHeader('zh-CN')]);
  expect(changeLogSheetName(wbOf(zh), 'en-US')).toBe('变更记录');
});

test("a clerk's 'Documents' sheet is not our register; an empty one (an interrupted first write) is", () => {
  expect(registerSheet(wbOf(clerksDocs), 'en-US')).toMatchObject({
    name: 'Documents (2)',
    lang: 'en-US',
    exists: false,
  });
  expect(registerSheet(wbOf(sheetFromGrid('单据登记', [])), 'en-US')).toMatchObject({
    name: '单据登记',
    lang: 'zh-CN',
    exists: true,
  });
});
