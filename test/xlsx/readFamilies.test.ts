// Golden test per writer family (issue 21.2): the same order sheet as Excel, LibreOffice, Google Sheets, the .NET
// Open XML SDK, a streaming writer and openpyxl each write it — shared or inline strings, prefixes, missing r=,
// absolute relationship targets, explicit t="n", other date styles — reads to the same values, the same
// understanding and the same issues.

import { inspectJson } from '../../src/cli/commands';
import { checkOrder } from '../../src/core/checks';
import { isDateFormat } from '../../src/core/dates';
import type { WorkbookSnapshot } from '../../src/core/types';
import { understand } from '../../src/core/understand';
import { readSnapshot } from '../../src/xlsx/read';
import { SharedStrings, buildPackage, orderGrid, sheetXml, type CellSpec, type Grid } from '../hostile/packageWriter';

const TODAY = '2026-11-22';

/** 12 lines with what a clerk's sheet has: a text number, a text date, a formula amount, a blank row, a total. */
function clerkGrid(dateStyle: number): Grid {
  const grid = orderGrid(12);
  grid[3][3] = '1,200'; // text number
  grid[4][7] = '2026-12-05'; // text date
  grid[5][5] = { v: 999, f: 'D6*E6' }; // formula with a cached (wrong) result
  grid.push([]);
  grid.push(['Total', null, null, { v: 5000, f: 'SUM(D2:D13)' }]);
  return grid.map((row) =>
    row.map((c) => (c && typeof c === 'object' && (c as CellSpec).s === 1 ? { ...(c as CellSpec), s: dateStyle } : c)),
  );
}

const FAMILIES: Record<string, () => Uint8Array> = {
  excel: () => {
    const sst = new SharedStrings();
    const xml = sheetXml(clerkGrid(1), sst, {
      rowAttrs: ' spans="1:11"',
      before:
        '<dimension ref="A1:K15"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>',
      after: '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    });
    return buildPackage([{ name: 'Orders', xml }], { sst });
  },
  libreoffice: () => {
    const sst = new SharedStrings();
    const xml = sheetXml(clerkGrid(2), sst, {
      before: '<sheetPr filterMode="false"><pageSetUpPr fitToPage="false"/></sheetPr><dimension ref="A1:K15"/>',
    });
    return buildPackage([{ name: 'Orders', xml }], { sst });
  },
  'google-sheets': () => {
    const sst = new SharedStrings();
    const xml = sheetXml(clerkGrid(2), sst, {
      before:
        '<sheetPr><outlinePr summaryBelow="0" summaryRight="0"/></sheetPr><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr customHeight="1" defaultRowHeight="15.75"/><cols><col customWidth="1" min="1" max="11" width="14.43"/></cols>',
    });
    return buildPackage([{ name: 'Orders', xml }], { sst });
  },
  'dotnet-open-xml-sdk': () => {
    const sst = new SharedStrings();
    const xml = sheetXml(clerkGrid(1), sst, { prefix: 'x', noRefs: true });
    return buildPackage([{ name: 'Orders', xml }], { sst, prefix: 'x', absoluteTargets: true });
  },
  'streaming-writer': () => {
    const xml = sheetXml(clerkGrid(3), null, { noRefs: true });
    return buildPackage([{ name: 'Orders', xml }]);
  },
  openpyxl: () => {
    const sst = new SharedStrings();
    const xml = sheetXml(clerkGrid(1), sst, { explicitNumbers: true });
    return buildPackage([{ name: 'Orders', xml }], { sst, absoluteTargets: true });
  },
};

function summary(wb: WorkbookSnapshot) {
  const s = wb.sheets[0];
  const u = understand(wb, { today: TODAY });
  return {
    values: s.values,
    dates: s.values.map((r, i) => r.map((_, j) => isDateFormat(s.formats?.[i]?.[j]))),
    formulaCells: s.formulaCells,
    inspect: inspectJson(u),
    issues: checkOrder(u, { lang: 'en-US' }).map((i) => `${i.cell} ${i.code}`),
  };
}

describe('every writer family reads like Excel', () => {
  const excel = summary(readSnapshot(FAMILIES.excel(), 'excel.xlsx'));

  it('the Excel-style workbook itself: header, lines, the blank row and the total, the issues', () => {
    expect(excel.inspect.headerRow).toBe(1);
    expect(excel.inspect.dataRows).toEqual({ first: 2, last: 13, count: 12 });
    expect(excel.inspect.skippedRows).toEqual([
      { row: 14, reason: 'blank' },
      { row: 15, reason: 'subtotal' },
    ]);
    expect(excel.formulaCells).toEqual(['F6', 'D15']);
    expect(excel.issues).toEqual(expect.arrayContaining(['D4 text.number', 'H5 text.date']));
  });

  it.each(Object.keys(FAMILIES).filter((f) => f !== 'excel'))('%s', (family) => {
    const s = summary(readSnapshot(FAMILIES[family](), `${family}.xlsx`));
    expect(s).toEqual(excel);
  });
});
