// A delivery note of 40 lines in three copies (`--copies 3`, SPEC 7), written by the CLI: each copy starts a printed
// page, and where a copy's table runs onto another page that page starts with the table's header row — manual row
// breaks in the package, honoured with fit to one page wide because the height is left free (fitToHeight 0).
// The written file is left in test/output/copies/ for rendering with LibreOffice.

import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { tablePageStarts } from '../../../src/core/documents/pages';
import { t } from '../../../src/core/i18n';
import { cellAt } from '../../../src/core/snapshot';
import { cli, readBack, saveWorkbook, TODAY_ARGS } from '../../reliability/cliHarness';

const OUT = path.resolve(__dirname, '../../output/copies');
const COMPANY = '永兴小家电制品有限公司';

async function longOrder(lines: number): Promise<string> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('订单');
  ws.addRow(['订单号', '客户', '产品型号', '品名', '数量', '单位', '单价', '交期', '状态']);
  for (let i = 1; i <= lines; i++)
    ws.addRow([
      'SO-2026-0901',
      '佛山美家',
      `FM-${String(i).padStart(3, '0')}`,
      i % 7 === 0 ? '不锈钢电热水壶 1.7L 双层防烫 304 内胆（带温控）' : '电热水壶 1.7L',
      100 + i,
      '个',
      45.5,
      new Date(Date.UTC(2026, 11, 10)),
      '未出货',
    ]);
  ws.getColumn(8).numFmt = 'yyyy-mm-dd';
  fs.mkdirSync(OUT, { recursive: true });
  return saveWorkbook(book, path.join(OUT, `order-${lines}.xlsx`));
}

/** The note's worksheet XML in the written package (the one sheet with row breaks), and its break rows. */
async function rowBreaksOf(file: string): Promise<{ breaks: number[]; xml: string }> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  for (const name of sheets) {
    const xml = await zip.file(name)!.async('string');
    const m = /<rowBreaks[^>]*>(.*?)<\/rowBreaks>/.exec(xml);
    if (m) return { breaks: [...m[1].matchAll(/<brk id="(\d+)"/g)].map((b) => Number(b[1]) + 1), xml };
  }
  return { breaks: [], xml: '' };
}

/** Write a three-copy delivery note of `rows` with the CLI; the note sheet's rows whose column A starts with each text. */
async function threeCopies(
  input: string,
  rows: string,
  out: string,
  starts: string[],
  extra: string[] = [],
): Promise<number[][]> {
  const r = await cli([
    'generate',
    input,
    '--doc',
    'delivery-note',
    '--rows',
    rows,
    '--copies',
    '3',
    '-o',
    out,
    ...extra,
    ...TODAY_ARGS,
  ]);
  expect(r.code).toBe(0);
  const { snapshot } = await readBack(out);
  const sheet = snapshot.sheets.find((s) => s.name.startsWith('送货单'))!;
  const found = starts.map(() => [] as number[]);
  for (let row = 1; row <= sheet.values.length + sheet.top; row++) {
    const a = String(cellAt(sheet, row, 1) ?? '');
    starts.forEach((text, i) => {
      if (a.startsWith(text)) found[i].push(row);
    });
  }
  return found;
}

test('40 lines in three copies: each copy starts a page, every page of a table starts with its header row', async () => {
  const input = await longOrder(40);
  const out = path.join(OUT, 'dn-40-lines-3-copies.xlsx');
  // Every row that starts a copy (the company's name) and every header row of a line table.
  const [copyTops, headerRows] = await threeCopies(
    input,
    '2-41',
    out,
    [COMPANY, t('zh-CN', 'doc.col.lineNo')],
    ['--company', COMPANY],
  );
  expect(copyTops).toHaveLength(3);

  const { breaks, xml } = await rowBreaksOf(out);
  // Copies 2 and 3 start pages; every other break starts a page with the header row repeated.
  expect(breaks).toEqual(expect.arrayContaining(copyTops.slice(1)));
  const tableBreaks = breaks.filter((b) => !copyTops.includes(b));
  expect(tableBreaks.length).toBeGreaterThanOrEqual(3); // 40 lines do not fit one page: each copy breaks
  for (const b of tableBreaks) expect(headerRows).toContain(b);
  // Each copy breaks the same way: as many table pages per copy.
  const perCopy = copyTops.map((top, i) => tableBreaks.filter((b) => b > top && b < (copyTops[i + 1] ?? Infinity)));
  expect(perCopy.map((x) => x.length)).toEqual([perCopy[0].length, perCopy[0].length, perCopy[0].length]);
  // One page wide with the height free (fitToHeight 0): the manual breaks are honoured.
  expect(xml).toMatch(/<pageSetup [^>]*fitToWidth="1" fitToHeight="0"/);
});

test('a short note in three copies keeps each copy whole: no table breaks, only a copy that would not fit starts a page', async () => {
  const input = await longOrder(2);
  const out = path.join(OUT, 'dn-1-line-3-copies.xlsx');
  const [tops] = await threeCopies(input, '2', out, [t('zh-CN', 'doc.title.delivery-note')]);
  expect(tops).toHaveLength(3);
  const { breaks } = await rowBreaksOf(out);
  expect(breaks.length).toBeLessThanOrEqual(2);
  for (const b of breaks) expect(tops.slice(1)).toContain(b);
});

describe('tablePageStarts', () => {
  it('breaks before the line that would overrun the page, and keeps the totals with the last line', () => {
    // Page 100: head 30 + header 10 leave 60 for lines of 10 on the first page, 90 on the next.
    expect(tablePageStarts({ page: 100, head: 30, header: 10, lines: Array(6).fill(10), tail: 0 })).toEqual([]);
    expect(tablePageStarts({ page: 100, head: 30, header: 10, lines: Array(7).fill(10), tail: 0 })).toEqual([6]);
    // Six lines fit, but not with a tail of 20: the sixth line goes over with it.
    expect(tablePageStarts({ page: 100, head: 30, header: 10, lines: Array(6).fill(10), tail: 20 })).toEqual([5]);
    expect(tablePageStarts({ page: 100, head: 30, header: 10, lines: Array(20).fill(10), tail: 0 })).toEqual([6, 15]);
  });
});
