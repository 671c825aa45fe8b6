// SPEC 10, the bad-input catalogue: one test per case. Each failure is asserted in BOTH languages, as the pane
// shows it (core's OrderClerkError through the pane's errorText) and as the CLI prints it (one `order-clerk:` line
// on stderr, exit 2; LANG=zh_CN gives the Chinese line). The workbook (or input file) is always left as it was.

import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ruleCounts } from '../../src/cli/commands';
import { checkOrder } from '../../src/core/checks';
import { OrderClerkError, type ErrorCode } from '../../src/core/errors';
import { t } from '../../src/core/i18n';
import { planApply } from '../../src/core/plans';
import { planDocuments } from '../../src/core/documents';
import { MAX_SHEET_NAME, cleanSheetName, uniqueSheetName } from '../../src/core/sheetNames';
import { cellAt, findSheet } from '../../src/core/snapshot';
import type { Lang, WorkbookSnapshot } from '../../src/core/types';
import { understand } from '../../src/core/understand';
import { ExcelWorkbookPort, type ExcelRun } from '../../src/excel/port';
import { errorText } from '../../src/taskpane/model';
import { readWorkbookBuffer, snapshotOf as snapshotOfExcelJs } from '../../src/xlsx/exceljs';
import { writeWorkbookBuffer } from '../../src/xlsx/write';
import { createFakeExcel } from '../fakes/excel-fake';
import { NOW, TODAY_ARGS, cli, expectOneLineFailure, makeTmp, readBack, saveWorkbook, sha256 } from './cliHarness';

jest.setTimeout(60000);

const TODAY = '2026-11-22';
const LANGS: Lang[] = ['zh-CN', 'en-US'];
const REAL_WORLD = path.resolve(__dirname, '../../../shared/fixtures/real-world');

let tmp: string;
beforeAll(() => {
  tmp = makeTmp('bad-input');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const at = (f: string) => path.join(tmp, f);

function msg(code: ErrorCode, params: Record<string, string | number>, lang: Lang): string {
  return new OrderClerkError(code, params).messageIn(lang);
}

/** What the pane shows for a failure, in both languages, equals the catalogue message; and it is Chinese / English. */
function expectPaneMessage(e: unknown, code: ErrorCode, params: Record<string, string | number>): void {
  expect(e).toBeInstanceOf(OrderClerkError);
  expect((e as OrderClerkError).code).toBe(code);
  for (const lang of LANGS) expect(errorText(e, lang)).toBe(msg(code, params, lang));
  expect(errorText(e, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
  expect(errorText(e, 'en-US')).not.toMatch(/[\u4e00-\u9fff]/);
}

function caught(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

async function caughtAsync(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

/** The CLI answers `args` with exactly `code`'s message in both languages and writes no output file. */
async function expectCliFailure(
  args: string[],
  code: ErrorCode,
  params: Record<string, string | number>,
  output?: string,
): Promise<void> {
  expectOneLineFailure(await cli([...args, ...TODAY_ARGS]), msg(code, params, 'en-US'));
  expectOneLineFailure(await cli([...args, ...TODAY_ARGS], 'zh'), msg(code, params, 'zh-CN'));
  expectOneLineFailure(await cli([...args, ...TODAY_ARGS, '--lang', 'zh-CN']), msg(code, params, 'zh-CN'));
  if (output) expect(fs.existsSync(output)).toBe(false);
}

async function snapshotOf(wb: ExcelJS.Workbook): Promise<WorkbookSnapshot> {
  return (await readWorkbookBuffer(await writeWorkbookBuffer(wb), 'test.xlsx')).snapshot;
}

/** A small English order sheet: header row `headerRow`, then `rows` lines. */
function orderWorkbook(rows = 3, headerRow = 1, sheet = 'Orders'): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.getRow(headerRow).values = ['Order No.', 'Customer', 'Item', 'Qty', 'Unit Price', 'Amount', 'Due Date', 'Status'];
  for (let i = 1; i <= rows; i++) {
    ws.getRow(headerRow + i).values = [
      `SO-${i}`,
      'ACME Ltd.',
      `FM-20${i}`,
      10 * i,
      2.5,
      25 * i,
      new Date(Date.UTC(2026, 10, 15 + i * 5)),
      'Open',
    ];
    ws.getCell(headerRow + i, 7).numFmt = 'yyyy-mm-dd';
  }
  return wb;
}

// ---------------------------------------------------------------- the catalogue

describe('empty workbook', () => {
  it('says so in both languages, in the pane and on the CLI', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    expectPaneMessage(
      caught(() => understand(snapshotOfSync(wb), { today: TODAY })),
      'emptyWorkbook',
      {},
    );
    const file = await saveWorkbook(wb, at('empty.xlsx'));
    await expectCliFailure(['inspect', file], 'emptyWorkbook', {});
    await expectCliFailure(['apply', file, '-o', at('empty-out.xlsx')], 'emptyWorkbook', {}, at('empty-out.xlsx'));
  });
});

/** Snapshot without a file round trip (ExcelJS in memory). */
function snapshotOfSync(wb: ExcelJS.Workbook): WorkbookSnapshot {
  return snapshotOfExcelJs(wb);
}

describe('no order table', () => {
  it('says what an order table needs, in both languages', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Notes');
    ws.getRow(1).values = ['Name', 'Age', 'City'];
    ws.getRow(2).values = ['Bob', 31, 'Shenzhen'];
    expectPaneMessage(
      caught(() => understand(snapshotOfSync(wb), { today: TODAY })),
      'noOrderTable',
      {},
    );
    const file = await saveWorkbook(wb, at('no-table.xlsx'));
    for (const cmd of ['inspect', 'validate', 'flag']) await expectCliFailure([cmd, file], 'noOrderTable', {});
    await expectCliFailure(['report', file, '-o', at('nt-r.xlsx')], 'noOrderTable', {}, at('nt-r.xlsx'));
  });
});

describe('headers without data', () => {
  it('names the header row and asks for data, in both languages', async () => {
    const wb = orderWorkbook(0, 3);
    wb.getWorksheet('Orders')!.getCell('A1').value = 'Order book 2026';
    const e = caught(() => understand(snapshotOfSync(wb), { today: TODAY }));
    expectPaneMessage(e, 'headersWithoutData', { row: 3, sheet: 'Orders' });
    expect(errorText(e, 'en-US')).toContain('row 3');
    const file = await saveWorkbook(wb, at('headers-only.xlsx'));
    await expectCliFailure(['inspect', file], 'headersWithoutData', { row: 3, sheet: 'Orders' });
  });
});

describe('merged header cells', () => {
  /** Title merged over A1:H1; "Due Date" merged over G2:H2; data below. */
  function mergedWorkbook(): ExcelJS.Workbook {
    const wb = orderWorkbook(3, 2);
    const ws = wb.getWorksheet('Orders')!;
    ws.getCell('A1').value = '2026 订单跟踪表';
    ws.mergeCells('A1:H1');
    ws.getCell('H2').value = null;
    ws.mergeCells('G2:H2');
    return wb;
  }

  it('is understood; apply makes no table, says why in both languages and changes no value', async () => {
    const wb = mergedWorkbook();
    const u = understand(snapshotOfSync(wb), { today: TODAY });
    expect(u.order.headerRow).toBe(2);
    expect(u.order.dataRows).toEqual([3, 4, 5]);
    expect(u.order.columns.dueDate).toBe(7);
    const file = await saveWorkbook(wb, at('merged.xlsx'));
    const before = (await readBack(file)).snapshot;
    for (const [lang, l] of [
      ['en', 'en-US'],
      ['zh', 'zh-CN'],
    ] as const) {
      const out = at(`merged-${lang}.xlsx`);
      const r = await cli(['apply', file, '-o', out, ...TODAY_ARGS], lang);
      expect(r.code).toBe(0);
      // One line says why there is no table: Excel cannot make one over merged cells.
      const why = t(l, 'error.tableHeadersInvalid', { detail: t(l, 'table.problem.merged', { cells: 'G2:H2' }) });
      expect(r.stderr).toBe(`order-clerk: ${why}\n`);
      const rules = ruleCounts(planApply(u, { lang: l, fix: false, now: NOW, wb: before }).edits);
      expect(r.stdout.trim()).toBe(
        t(l, 'cli.apply.noTable', {
          file: out,
          table: '',
          validation: rules.dataValidation,
          flags: rules.conditionalFormats,
        }),
      );
      const after = (await readBack(out)).snapshot;
      expect(findSheet(after, 'Orders')!.tables).toEqual([]);
      expect(findSheet(after, 'Orders')!.values).toEqual(findSheet(before, 'Orders')!.values);
      expect(findSheet(after, 'Orders')!.merges.sort()).toEqual(['A1:H1', 'G2:H2']);
    }
  });
});

describe('formulas and error values', () => {
  function formulaWorkbook(): ExcelJS.Workbook {
    const wb = orderWorkbook(3);
    const ws = wb.getWorksheet('Orders')!;
    ws.getCell('D2').value = { formula: '2*5', result: 10 } as ExcelJS.CellFormulaValue;
    ws.getCell('F2').value = { formula: 'D2*E2', result: 25 } as ExcelJS.CellFormulaValue;
    ws.getCell('G3').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    ws.getCell('E4').value = { formula: '1/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue;
    return wb;
  }

  it('reads formulas by value and reports error values as cell.error in both languages; formulas survive apply', async () => {
    const wb = formulaWorkbook();
    const u = understand(snapshotOfSync(wb), { today: TODAY });
    expect(u.lines[0].num.quantity).toEqual({ kind: 'ok', value: 10, fromText: false });
    for (const lang of LANGS) {
      const errs = checkOrder(u, { lang }).filter((i) => i.code === 'cell.error');
      expect(errs.map((i) => [i.cell, i.value])).toEqual([
        ['G3', { error: '#N/A' }],
        ['E4', { error: '#DIV/0!' }],
      ]);
      for (const i of errs) expect(i.message).toContain(i.cell === 'G3' ? '#N/A' : '#DIV/0!');
      expect(/[\u4e00-\u9fff]/.test(errs[0].message)).toBe(lang === 'zh-CN');
    }
    const file = await saveWorkbook(wb, at('formulas.xlsx'));
    const zh = await cli(['validate', file, ...TODAY_ARGS, '--json'], 'zh');
    expect(zh.code).toBe(1);
    const zhIssues = JSON.parse(zh.stdout).issues.filter((i: { code: string }) => i.code === 'cell.error');
    expect(zhIssues.map((i: { message: string }) => i.message)).toEqual(
      checkOrder(u, { lang: 'zh-CN' })
        .filter((i) => i.code === 'cell.error')
        .map((i) => i.message),
    );
    const en = await cli(['validate', file, ...TODAY_ARGS]);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain(checkOrder(u, { lang: 'en-US' }).find((i) => i.cell === 'G3')!.message);

    const out = at('formulas-out.xlsx');
    expect((await cli(['apply', file, '-o', out, '--fix', ...TODAY_ARGS])).code).toBe(0);
    const back = (await readBack(out)).workbook.getWorksheet('Orders')!;
    expect(back.getCell('D2').formula).toBe('2*5');
    expect(back.getCell('F2').formula).toBe('D2*E2');
    expect(back.getCell('G3').value).toEqual({ error: '#N/A' });
  });
});

describe('hidden rows and columns', () => {
  it('hidden order lines are still order lines; apply keeps them hidden and unchanged', async () => {
    const wb = orderWorkbook(4);
    const ws = wb.getWorksheet('Orders')!;
    ws.getRow(3).hidden = true;
    ws.getColumn(8).hidden = true;
    const u = understand(snapshotOfSync(wb), { today: TODAY });
    expect(u.order.dataRows).toEqual([2, 3, 4, 5]);
    expect(u.order.columns.status).toBe(8);
    const file = await saveWorkbook(wb, at('hidden.xlsx'));
    const out = at('hidden-out.xlsx');
    expect((await cli(['apply', file, '-o', out, ...TODAY_ARGS])).code).toBe(0);
    const back = await readBack(out);
    const bws = back.workbook.getWorksheet('Orders')!;
    expect(bws.getRow(3).hidden).toBe(true);
    expect(bws.getColumn(8).hidden).toBe(true);
    expect(findSheet(back.snapshot, 'Orders')!.values).toEqual(
      findSheet((await readBack(file)).snapshot, 'Orders')!.values,
    );
  });

  it('a hidden order sheet is not picked on its own, but --sheet reaches it', async () => {
    const wb = orderWorkbook(2);
    wb.getWorksheet('Orders')!.state = 'hidden';
    wb.addWorksheet('Cover').getCell('A1').value = 'Cover page';
    const file = await saveWorkbook(wb, at('hidden-sheet.xlsx'));
    await expectCliFailure(['inspect', file], 'noOrderTable', {});
    const r = await cli(['inspect', file, '--sheet', 'Orders', '--json', ...TODAY_ARGS]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).dataRows).toEqual({ first: 2, last: 3, count: 2 });
  });
});

describe('protected sheet', () => {
  it('the Excel adapter reports it in both languages and writes nothing', async () => {
    const snap = await snapshotOf(orderWorkbook(3));
    const s = findSheet(snap, 'Orders')!;
    const fx = createFakeExcel([{ name: 'Orders', values: s.values, formats: s.formats ?? undefined }]);
    const port = new ExcelWorkbookPort(fx.run as ExcelRun, { supports: () => true });
    const wb = await port.read();
    const u = understand(wb, { today: TODAY });
    const { edits } = planApply(u, { lang: 'en-US', fix: true, now: NOW, wb });
    fx.protect('Orders');
    const values = JSON.stringify(fx.sheetValues('Orders'));
    const writes = fx.stats.writes;
    const sheets = fx.sheets.map((x) => x.name);
    expectPaneMessage(await caughtAsync(port.apply(edits)), 'sheetProtected', { sheet: 'Orders' });
    expect(fx.stats.writes).toBe(writes);
    expect(JSON.stringify(fx.sheetValues('Orders'))).toBe(values);
    expect(fx.sheets.map((x) => x.name)).toEqual(sheets);
    expect(fx.sheet('Orders').tables).toEqual([]);
  });

  it('the CLI refuses apply on a protected order sheet in both languages and writes no file', async () => {
    const wb = orderWorkbook(3);
    await wb.getWorksheet('Orders')!.protect('', {});
    const file = await saveWorkbook(wb, at('protected.xlsx'));
    expect((await readBack(file)).snapshot.sheets[0].protected).toBe(true);
    await expectCliFailure(
      ['apply', file, '-o', at('protected-out.xlsx')],
      'sheetProtected',
      { sheet: 'Orders' },
      at('protected-out.xlsx'),
    );
  });
});

describe('sheet name already taken', () => {
  it('the report gets the next free name when its name is taken (in any letter case)', async () => {
    const wb = orderWorkbook(3);
    const name = t('en-US', 'report.sheetName', { week: '2026-W47' });
    wb.addWorksheet(name.toUpperCase()).getCell('A1').value = 'kept';
    const file = await saveWorkbook(wb, at('taken.xlsx'));
    const out = at('taken-out.xlsx');
    const r = await cli(['report', file, '-o', out, '--json', ...TODAY_ARGS]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).sheet).toBe(`${name} (2)`);
    const back = (await readBack(out)).snapshot;
    expect(cellAt(findSheet(back, name.toUpperCase())!, 1, 1)).toBe('kept');
  });

  it('the Excel adapter picks a free name when the sheet appeared between read and apply', async () => {
    const snap = await snapshotOf(orderWorkbook(3));
    const s = findSheet(snap, 'Orders')!;
    const fx = createFakeExcel([{ name: 'Orders', values: s.values, formats: s.formats ?? undefined }]);
    const port = new ExcelWorkbookPort(fx.run as ExcelRun, { supports: () => true });
    const wb = await port.read();
    const planned = planDocuments(understand(wb, { today: TODAY }), wb, {
      type: 'delivery-note',
      rows: [2],
      today: TODAY,
    });
    const docName = planned.documents[0].sheet;
    // The clerk adds the sheet in Excel, which raises onAdded (the port's change events tell apply to look again).
    await fx.clerkAddSheet(docName, [['clerk typed this']]);
    const result = await port.apply(planned.edits);
    const made = result.createdSheets.find((n) => n.startsWith(docName.slice(0, 20)) && n !== docName)!;
    expect(made).toBe(uniqueSheetName(docName, [docName]));
    expect(fx.sheetValues(docName)).toEqual([['clerk typed this']]);
  });
});

describe('31-character and forbidden-character sheet names', () => {
  it('generated names drop forbidden characters and stay within 31 characters even when made unique', () => {
    expect(cleanSheetName('订单:2026/11*?[A]\\B')).toBe('订单-2026-11---A--B');
    const long = 'Delivery note DN-20261122-001 extra words';
    const taken = [cleanSheetName(long)];
    const next = uniqueSheetName(long, taken);
    expect(next.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(next).toBe(`${cleanSheetName(long).slice(0, MAX_SHEET_NAME - 4)} (2)`);
  });

  it('an order sheet with a 31-character name full of quotes and spaces works through apply --fix, report and generate', async () => {
    const name = "Bob's PO list 2026 (东莞) – v2 xy";
    expect(name.length).toBe(31);
    const wb = orderWorkbook(3, 1, name);
    wb.getWorksheet(name)!.getCell('D3').value = '1,200';
    const file = await saveWorkbook(wb, at('long-name.xlsx'));
    const fixed = await cli(['apply', file, '-o', at('ln-apply.xlsx'), '--fix', '--json', ...TODAY_ARGS]);
    expect(fixed.code).toBe(0);
    expect(JSON.parse(fixed.stdout).fixed).toEqual([{ cell: 'D3', old: '1,200', new: 1200 }]);
    const log = (await readBack(at('ln-apply.xlsx'))).snapshot.sheets.find(
      (s) => s.name === t('en-US', 'changelog.sheet'),
    )!;
    expect(cellAt(log, 2, 3)).toBe(name);
    const gen = await cli([
      'generate',
      file,
      '--doc',
      'packing-list',
      '--rows',
      '2-4',
      '-o',
      at('ln-gen.xlsx'),
      '--json',
      ...TODAY_ARGS,
    ]);
    expect(gen.code).toBe(0);
    const back = (await readBack(at('ln-gen.xlsx'))).snapshot;
    for (const s of back.sheets) expect(s.name.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect((await cli(['report', file, '-o', at('ln-report.xlsx'), ...TODAY_ARGS])).code).toBe(0);
  });
});

/** A minimal OLE2 compound file whose directory names one stream (what tells .xls from an encrypted package). */
function oleFile(stream: string): Uint8Array {
  const b = new Uint8Array(1536);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 0; i < stream.length; i++) b[1024 + 2 * i] = stream.charCodeAt(i);
  return b;
}

describe('files that are not .xlsx, or are corrupt', () => {
  async function expectFileRefused(file: string, code: ErrorCode): Promise<void> {
    const bytes = fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file) : null;
    if (bytes) expectPaneMessage(await caughtAsync(readWorkbookBuffer(bytes, file)), code, { file });
    await expectCliFailure(['inspect', file], code, { file });
    const hash = bytes ? sha256(file) : null;
    await expectCliFailure(['apply', file, '-o', at('refused-out.xlsx')], code, { file }, at('refused-out.xlsx'));
    if (hash) expect(sha256(file)).toBe(hash);
  }

  it('.xls (an old workbook, whatever its name says) is named as one', async () => {
    fs.writeFileSync(at('old.xlsx'), oleFile('Workbook'));
    await expectFileRefused(at('old.xlsx'), 'xlsFile');
  });

  it('an encrypted workbook is named as protected with a password, whatever its name says', async () => {
    // The real-world file is Office's encryption: an OLE2 compound file with EncryptedPackage and DataSpaces.
    const enc = at('locked.xls');
    fs.copyFileSync(path.join(REAL_WORLD, 'officedev-copilot-Test.xlsx'), enc);
    await expectFileRefused(enc, 'encrypted');
    await expectFileRefused(path.join(REAL_WORLD, 'officedev-copilot-Test.xlsx'), 'encrypted');
  });

  it('a corrupt .xlsx (truncated)', async () => {
    const good = await writeWorkbookBuffer(orderWorkbook(3));
    fs.writeFileSync(at('truncated.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
    await expectFileRefused(at('truncated.xlsx'), 'corruptFile');
  });

  it('a Word document (a zip package without a workbook) renamed to .xlsx is not a workbook', async () => {
    const zip = new JSZip();
    zip.file(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    );
    zip.file(
      'word/document.xml',
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
    );
    fs.writeFileSync(at('letter.docx.xlsx'), await zip.generateAsync({ type: 'uint8array' }));
    await expectFileRefused(at('letter.docx.xlsx'), 'notXlsx');
  });

  it('a text file, an empty file, a directory and a missing file', async () => {
    fs.writeFileSync(at('orders.csv'), 'Order No.,Item,Qty\nSO-1,FM-201,10\n');
    await expectFileRefused(at('orders.csv'), 'csvFile');
    fs.writeFileSync(at('notes.xlsx'), 'just a note without separators\n');
    await expectFileRefused(at('notes.xlsx'), 'notXlsx');
    fs.writeFileSync(at('empty-file.xlsx'), '');
    await expectFileRefused(at('empty-file.xlsx'), 'notXlsx');
    fs.mkdirSync(at('folder.xlsx'));
    await expectCliFailure(['inspect', at('folder.xlsx')], 'isFolder', { file: at('folder.xlsx') });
    await expectCliFailure(['inspect', at('missing.xlsx')], 'fileNotFound', { file: at('missing.xlsx') });
  });
});

describe('workbooks from Google Sheets and LibreOffice', () => {
  const FILES = [
    'exceljs-hidden-test-google-sheets.xlsx',
    'exceljs-hidden-test-libre-calc-as-excel-2007-365.xlsx',
    'exceljs-hidden-test-libre-calc-as-office-open-xml-spreadsheet.xlsx',
  ];
  it.each(FILES)('%s gets a clean answer in both languages', async (f) => {
    const file = path.join(REAL_WORLD, f);
    const snap = (await readWorkbookBuffer(fs.readFileSync(file), file)).snapshot;
    let expected: { code: ErrorCode; params: Record<string, string | number> } | null = null;
    try {
      understand(snap, { today: TODAY });
    } catch (e) {
      expect(e).toBeInstanceOf(OrderClerkError);
      expected = { code: (e as OrderClerkError).code, params: (e as OrderClerkError).params };
    }
    if (expected) await expectCliFailure(['inspect', file], expected.code, expected.params);
    else expect((await cli(['inspect', file, ...TODAY_ARGS])).code).toBe(0);
  });

  it("an order sheet whose package names LibreOffice as its application reads like Excel's", async () => {
    const file = await saveWorkbook(orderWorkbook(3), at('lo.xlsx'));
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    // LibreOffice and Google Sheets write the app name differently; the reader must not care.
    zip.file(
      'docProps/app.xml',
      '<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>LibreOffice/7.6</Application></Properties>',
    );
    fs.writeFileSync(at('lo2.xlsx'), await zip.generateAsync({ type: 'uint8array' }));
    const r = await cli(['inspect', at('lo2.xlsx'), '--json', ...TODAY_ARGS]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).dataRows).toEqual({ first: 2, last: 4, count: 3 });
  });
});

describe('the 1904 date system', () => {
  /** The same order sheet in either date system: due dates as serials of that system with a date format. */
  function datedWorkbook(date1904: boolean): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    if (date1904) wb.properties.date1904 = true;
    const ws = wb.addWorksheet('Orders');
    ws.getRow(1).values = ['Order No.', 'Item', 'Qty', 'Order Date', 'Due Date', 'Status'];
    const shift = date1904 ? 1462 : 0;
    // 46340 = 2026-11-15, 46349 = 2026-11-24, 46380 = 2026-12-25 (1900 system).
    const lines: [string, string, number, number, number | string][] = [
      ['SO-1', 'FM-201', 10, 46300, 46340],
      ['SO-2', 'FM-202', 20, 46300, 46349],
      ['SO-3', 'FM-203', 30, 46300, 46380],
      ['SO-4', 'FM-204', 40, 46300, '2026-12-05'],
    ];
    lines.forEach(([o, i, q, od, due], n) => {
      ws.getRow(n + 2).values = [o, i, q, od - shift, typeof due === 'number' ? due - shift : due, 'Open'];
      ws.getCell(n + 2, 4).numFmt = 'yyyy-mm-dd';
      if (typeof due === 'number') ws.getCell(n + 2, 5).numFmt = 'yyyy-mm-dd';
    });
    return wb;
  }

  it('classes and fixes are the same as in the 1900 system; the fixed date is a 1904 serial', async () => {
    const f1900 = await saveWorkbook(datedWorkbook(false), at('d1900.xlsx'));
    const f1904 = await saveWorkbook(datedWorkbook(true), at('d1904.xlsx'));
    const flag1900 = await cli(['flag', f1900, '--json', ...TODAY_ARGS]);
    const flag1904 = await cli(['flag', f1904, '--json', ...TODAY_ARGS]);
    expect(flag1904.code).toBe(0);
    expect(JSON.parse(flag1904.stdout)).toEqual(JSON.parse(flag1900.stdout));
    expect(JSON.parse(flag1904.stdout).rows.map((r: { class: string }) => r.class)).toEqual([
      'overdue',
      'dueSoon',
      'onTrack',
      'onTrack',
    ]);
    const out = at('d1904-fixed.xlsx');
    const r = await cli(['apply', f1904, '-o', out, '--fix', '--json', ...TODAY_ARGS]);
    expect(JSON.parse(r.stdout).fixed).toEqual([{ cell: 'E5', old: '2026-12-05', new: '2026-12-05' }]);
    const back = await readBack(out);
    expect(back.snapshot.dateSystem).toBe(1904);
    expect(cellAt(findSheet(back.snapshot, 'Orders')!, 5, 5)).toBe(46361 - 1462);
    const reread = understand(back.snapshot, { today: TODAY });
    expect(reread.lines[3].text.dueDate).toBe('2026-12-05');
  });

  it('the real-world 1904 workbook gets a clean answer on every read-only command', async () => {
    const file = path.join(REAL_WORLD, 'exceljs-1904.xlsx');
    for (const cmd of ['inspect', 'validate', 'flag']) {
      const r = await cli([cmd, file, ...TODAY_ARGS]);
      expect([0, 1, 2]).toContain(r.code);
      expect(r.errLines.length).toBeLessThanOrEqual(1);
    }
  });
});
