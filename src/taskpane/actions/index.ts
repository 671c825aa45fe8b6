// The clerk's actions, one function each over the WorkbookPort, each returning a notice (tested on the .xlsx port in
// test/taskpane/actions). The task pane's panels and the ribbon commands call these; none holds React state.

export * from './context';
export { checkSheet, missingList, type CheckResult } from './check';
export { fixIssues, fixTextDates } from './fix';
export { undoLastFix } from './undo';
export { clearHighlight, highlightIssues } from './highlight';
export { applyValidationRules } from './rules';
export { applyDelayFlags, saveDueSoonDays } from './flags';
export { writeOverdueReport } from './report';
export { makeDocuments, markReceived, saveCompanyAndMakeDocuments, voidDocument, type DocChoices } from './documents';
export { makeTable } from './table';
export { columnLosing, confirmColumn, lostText, mapColumn, type LostField, type MappingNotice } from './mapping';
export { pickHeaderRow } from './headerRow';
export { importPo } from './importPo';
