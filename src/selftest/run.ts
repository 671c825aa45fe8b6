// The self-test for real Excel: in a blank workbook, make a small order sheet and run every WorkbookEdit kind and
// every pane action through the real adapter (ExcelWorkbookPort), then read Excel's answer back and compare it with
// what the recording fake says Excel does. Each check gives pass, warn (done, but Excel said something the clerk is
// told) or fail, with a one-line detail; a person sends the table from Windows, Mac or the web.
// The same runner passes on the fake (test/excel/selftest.test.ts): a check that fails in Excel marks a place where
// the fake — and so the adapter — is wrong about Excel.

import { applyWarningTexts } from '../core/applyWarnings';
import { checkOrder, planClearHighlight, planHighlight, planValidationRules } from '../core/checks';
import { planDelayRules } from '../core/delay';
import { planDocuments, type DocType } from '../core/documents';
import type { ApplyResult, CellSpec, SheetSpec, WorkbookEdit } from '../core/edits';
import { planFixes, planUndoLastFix } from '../core/fixes';
import { t } from '../core/i18n';
import { fixableIssues, planMakeTable } from '../core/plans';
import { planOverdueReport } from '../core/report';
import { SETTINGS_SHEET, planWriteSettings, readSettings } from '../core/settings';
import { cellAt, findSheet } from '../core/snapshot';
import type { CellValue, Lang, Understanding, WorkbookSnapshot } from '../core/types';
import { HEADER_SCAN_ROWS, understand } from '../core/understand';
import type { ExcelRun, ExcelWorkbookPort } from '../excel/port';

export type Outcome = 'pass' | 'warn' | 'fail';

export interface CheckResult {
  /** Catalogue key `selftest.check.<id>` names it. */
  id: string;
  outcome: Outcome;
  detail: string;
}

export interface SelfTestOptions {
  today: string; // YYYY-MM-DD
  now: Date;
  lang: Lang;
  onResult?: (r: CheckResult) => void;
}

/** The scratch order sheet's name (its own words, so it is never mistaken for a clerk's sheet). */
export const SCRATCH = 'OC selftest';
const DELAY_MARKER = 'order-clerk:delay';
const HIGHLIGHT_MARKER = 'order-clerk:highlight';

/** Serial of an ISO date in the 1900 system (the self-test sheet is new, so 1900 unless the workbook says 1904). */
function serial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** The scratch order sheet: lines that exercise text numbers and dates, statuses, formula-like text and an error. */
export function scratchSpec(today: string): SheetSpec {
  const base = serial(today);
  const header = ['订单号', '客户', '型号', '品名', '数量', '单价', '交期', '状态', '备注'];
  const lines: CellValue[][] = [
    ['SO-1', '华南贸易', 'FM-201', '风扇', 120, 2.5, base - 5, '生产中', '加急'],
    ['SO-2', '华南贸易', 'FM-202', '风扇', '1,200', 2.5, base + 3, '生产中', '=SUM(A1)'],
    ['SO-3', '华南贸易', 'FM-203', '灯', 60, 3, '2026-12-05', '已出货', '-5 pcs'],
    ['SO-4', '华南贸易', 'FM-204', '灯', 30, 3, base + 30, '取消', '#N/A'],
    ['SO-5', 'ACME Ltd.', 'FM-205', '开关', 10, 1.2, base + 1, '生产中', null],
    ['SO-6', 'ACME Ltd.', 'FM-206', '开关', 20, 1.2, null, null, null],
  ];
  const cells: CellSpec[] = [];
  header.forEach((h, j) => cells.push({ row: 1, col: j + 1, value: h, style: { bold: true } }));
  lines.forEach((line, i) =>
    line.forEach((v, j) => {
      if (v === null) return;
      const style = j === 6 && typeof v === 'number' ? { numberFormat: 'yyyy-mm-dd' } : undefined;
      cells.push({ row: i + 2, col: j + 1, value: v as string | number, style });
    }),
  );
  // A real error value next to the text "#N/A": the reader must tell them apart.
  cells.push({ row: 7, col: 9, formula: 'NA()' });
  return {
    name: SCRATCH,
    cells,
    merges: [],
    columnWidths: [10, 12, 10, 8, 8, 8, 12, 8, 12],
    pageSetup: { paperSize: 'A4', orientation: 'landscape', fitToWidth: 1, printArea: 'A1:I7', printTitleRows: null },
  };
}

/** Runs every check in order; a check that throws fails with the error's message and the next one still runs. */
export async function runSelfTest(
  run: ExcelRun,
  port: ExcelWorkbookPort,
  opts: SelfTestOptions,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const { today, lang } = opts;
  const say = (key: string, params: Record<string, string | number> = {}) => t(lang, `selftest.detail.${key}`, params);
  const check = async (id: string, body: () => Promise<{ outcome: Outcome; detail: string }>) => {
    let r: CheckResult;
    try {
      r = { id, ...(await body()) };
    } catch (e) {
      r = { id, outcome: 'fail', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
    }
    results.push(r);
    opts.onResult?.(r);
    return r;
  };
  const expectAll = (problems: string[], warnings: string[] = []) =>
    problems.length
      ? { outcome: 'fail' as const, detail: problems.join('; ') }
      : warnings.length
        ? { outcome: 'warn' as const, detail: warnings.join('; ') }
        : { outcome: 'pass' as const, detail: say('ok') };
  let wb: WorkbookSnapshot = { sheets: [], dateSystem: 1900, activeSheet: null };
  let u: Understanding | null = null;
  const fresh = async () => {
    wb = await port.read();
    u = understand(wb, { today, sheet: SCRATCH });
    return { wb, u };
  };
  const apply = async (edits: WorkbookEdit[]): Promise<ApplyResult> => port.apply(edits);
  const scratchCell = (row: number, col: number) => cellAt(findSheet(wb, SCRATCH)!, row, col);

  const blank = await check('blankWorkbook', async () => {
    const used = await run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      await ctx.sync();
      const ranges = sheets.items.map((s) => s.getUsedRangeOrNullObject(true));
      await ctx.sync();
      return sheets.items.filter((_, i) => !ranges[i].isNullObject).map((s) => s.name);
    });
    return used.length ? { outcome: 'fail', detail: say('notBlank', { sheets: used.join(', ') }) } : expectAll([]);
  });
  if (blank.outcome !== 'pass') return results;

  // addSheet: the scratch order sheet, with its page setup read back.
  await check('addSheet', async () => {
    const result = await apply([{ kind: 'addSheet', spec: scratchSpec(today), activate: true }]);
    await fresh();
    const problems: string[] = [];
    const want: [number, number, CellValue][] = [
      [3, 5, '1,200'],
      [3, 9, '=SUM(A1)'],
      [4, 7, '2026-12-05'],
      [4, 9, '-5 pcs'],
      [5, 9, '#N/A'],
      [2, 5, 120],
    ];
    for (const [r, c, v] of want) {
      const got = scratchCell(r, c);
      if (got !== v) problems.push(say('cell', { row: r, col: c, want: JSON.stringify(v), got: JSON.stringify(got) }));
    }
    const err = scratchCell(7, 9);
    if (!(err && typeof err === 'object' && err.error === '#N/A'))
      problems.push(say('errorCell', { got: JSON.stringify(err) }));
    if (findSheet(wb, SCRATCH)?.formulaCells?.join(',') !== 'I7') problems.push(say('formulaCells'));
    return expectAll(problems, applyWarningTexts(result, lang));
  });

  await check('read', async () => {
    const { u: now } = await fresh();
    const problems: string[] = [];
    if (now.order.dataRows.length !== 6) problems.push(say('lines', { want: 6, got: now.order.dataRows.length }));
    // The scoped read the ribbon commands use: the active sheet in full.
    const scoped = await port.read(undefined, { sheets: 'active', headRows: HEADER_SCAN_ROWS });
    if (understand(scoped, { today, sheet: SCRATCH }).order.dataRows.length !== 6) problems.push(say('scopedRead'));
    return expectAll(problems);
  });

  await check('ensureTable', async () => {
    const { u: now, wb: before } = await fresh();
    const result = await apply([planMakeTable(now, before, lang)]);
    await fresh();
    const tables = findSheet(wb, SCRATCH)!.tables;
    const problems: string[] = [];
    if (tables.length !== 1 || tables[0].range !== 'A1:I7')
      problems.push(say('table', { got: JSON.stringify(tables) }));
    const header = findSheet(wb, SCRATCH)!.values[0];
    if (header.join('|') !== findSheet(before, SCRATCH)!.values[0].join('|')) problems.push(say('headerChanged'));
    if (result.table !== tables[0]?.name) problems.push(say('tableName', { got: String(result.table) }));
    return expectAll(problems);
  });

  await check('setDataValidation', async () => {
    const { u: now } = await fresh();
    await apply([planValidationRules(now, lang)]);
    const rule = await run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem(SCRATCH).getRange('E2:E7').dataValidation;
      dv.load('rule');
      await ctx.sync();
      return dv.rule;
    });
    return expectAll(rule?.decimal ? [] : [say('validation', { got: JSON.stringify(rule) })]);
  });

  const ruleCounts = () =>
    run(async (ctx) => {
      const c = ctx.workbook.worksheets.getItem(SCRATCH).getRange('A1:I7').conditionalFormats;
      c.load('items/type,items/customOrNullObject/rule/formula');
      await ctx.sync();
      const formulas = c.items.map((i) => (i.customOrNullObject.isNullObject ? '' : i.customOrNullObject.rule.formula));
      return {
        delay: formulas.filter((f) => f.includes(DELAY_MARKER)).length,
        highlight: formulas.filter((f) => f.includes(HIGHLIGHT_MARKER)).length,
        clerk: formulas.filter((f) => !f.includes('order-clerk:')).length,
      };
    });

  await check('highlight', async () => {
    const { u: now } = await fresh();
    const issues = checkOrder(now, { lang });
    await apply([planHighlight(now, issues)]);
    await apply([planHighlight(now, issues)]);
    const on = await ruleCounts();
    await apply([planClearHighlight(now)]);
    const off = await ruleCounts();
    return expectAll(
      on.highlight === 1 && off.highlight === 0 ? [] : [say('highlight', { on: on.highlight, off: off.highlight })],
    );
  });

  await check('fixAll', async () => {
    const { u: now, wb: before } = await fresh();
    const plan = planFixes(now, fixableIssues(checkOrder(now, { lang })), { lang, now: opts.now, wb: before });
    const result = await apply(plan.edits);
    const refreshed = await port.refresh(before, result);
    await fresh();
    const problems: string[] = [];
    if (scratchCell(3, 5) !== 1200)
      problems.push(say('cell', { row: 3, col: 5, want: 1200, got: JSON.stringify(scratchCell(3, 5)) }));
    if (scratchCell(4, 7) !== serial('2026-12-05') + (wb.dateSystem === 1904 ? -1462 : 0))
      problems.push(say('cell', { row: 4, col: 7, want: '2026-12-05', got: JSON.stringify(scratchCell(4, 7)) }));
    const log = wb.sheets.find((s) => s.name !== SCRATCH && s.name !== SETTINGS_SHEET && /变更|change/i.test(s.name));
    if (!log || log.values.length < 1 + plan.fixed.length) problems.push(say('changeLog'));
    // The pane's refresh reads back only what was written: it must equal a full read.
    const a = findSheet(refreshed, SCRATCH)!.values;
    const b = findSheet(wb, SCRATCH)!.values;
    if (JSON.stringify(a) !== JSON.stringify(b)) problems.push(say('refresh'));
    return expectAll(problems);
  });

  await check('undo', async () => {
    const { u: now, wb: before } = await fresh();
    await apply(planUndoLastFix(before, now, { lang, now: opts.now }).edits);
    await fresh();
    const got = scratchCell(3, 5);
    // Text put back into a Text (@) cell: exactly "1,200", no apostrophe kept as a character.
    return expectAll(
      got === '1,200' ? [] : [say('cell', { row: 3, col: 5, want: '"1,200"', got: JSON.stringify(got) })],
    );
  });

  await check('delayFlags', async () => {
    // Two rules of the clerk's own on the block first, then our flags three times.
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(SCRATCH);
      for (const [range, formula] of [
        ['E2:E7', '=$E2>100'],
        ['G2:G7', '=$G2=""'],
      ]) {
        const cf = ws.getRange(range).conditionalFormats.add('Custom');
        cf.custom.rule.formula = formula;
        cf.custom.format.font.bold = true;
      }
      await ctx.sync();
    });
    for (let k = 0; k < 3; k++) {
      const { u: now } = await fresh();
      await apply([planDelayRules(now)]);
    }
    const n = await ruleCounts();
    return expectAll(n.clerk === 2 && n.delay === 6 ? [] : [say('rules', { clerk: n.clerk, ours: n.delay })]);
  });

  await check('writeSettings', async () => {
    const { wb: before } = await fresh();
    await apply([planWriteSettings({ ...readSettings(before), dueSoonDays: 5 })]);
    await fresh();
    const s = findSheet(wb, SETTINGS_SHEET);
    const problems: string[] = [];
    if (!s || s.visibility !== 'veryHidden') problems.push(say('settingsHidden'));
    if (readSettings(wb).dueSoonDays !== 5) problems.push(say('settingsValue'));
    return expectAll(problems);
  });

  await check('weeklyReport', async () => {
    const { u: now, wb: before } = await fresh();
    const report = planOverdueReport(now, before, { today, lang });
    const result = await apply(report.edits);
    const sheet = result.createdSheets[0];
    const charts = await run(async (ctx) => {
      const n = ctx.workbook.worksheets.getItem(sheet).charts.getCount();
      await ctx.sync();
      return n.value;
    });
    return expectAll(charts === 1 ? [] : [say('chart', { got: charts })], applyWarningTexts(result, lang));
  });

  for (const type of ['work-order', 'packing-list', 'delivery-note'] as DocType[]) {
    await check(type, async () => {
      const { u: now, wb: before } = await fresh();
      const rows = now.order.dataRows.slice(0, 2); // two lines of one customer
      const plan = planDocuments(now, before, { type, rows, today });
      const result = await apply(plan.edits);
      await fresh();
      const problems: string[] = [];
      const doc = plan.documents[0];
      if (!findSheet(wb, result.createdSheets[0] ?? doc.sheet)) problems.push(say('docSheet', { sheet: doc.sheet }));
      if ((readSettings(wb).lastNumbers ?? {})[doc.number.replace(/-\d+$/, '')] === undefined)
        problems.push(say('lastNumbers'));
      return expectAll(problems, applyWarningTexts(result, lang));
    });
  }

  await check('selection', async () => {
    await port.select(SCRATCH, 'C4');
    const sel = await port.getSelection();
    return expectAll(
      sel?.sheet === SCRATCH && sel.address === 'C4' ? [] : [say('selection', { got: JSON.stringify(sel) })],
    );
  });

  await check('largeWrite', async () => {
    // ~2 MB of Chinese text in UTF-8 (Excel on the web counts 5 MB per request): split into batches by size.
    const cells: CellSpec[] = [];
    for (let r = 1; r <= 3000; r++)
      for (let c = 1; c <= 4; c++)
        cells.push({ row: r, col: c, value: `第${r}行第${c}列：客户要求改包装和交期，请跟进` });
    const spec: SheetSpec = {
      name: 'OC selftest large',
      cells,
      merges: [],
      columnWidths: [],
      pageSetup: {
        paperSize: 'A4',
        orientation: 'portrait',
        fitToWidth: 1,
        printArea: 'A1:D3000',
        printTitleRows: null,
      },
    };
    const result = await apply([{ kind: 'addSheet', spec }]);
    await fresh();
    const got = cellAt(findSheet(wb, result.createdSheets[0])!, 3000, 4);
    return expectAll(
      got === cells[cells.length - 1].value
        ? []
        : [say('cell', { row: 3000, col: 4, want: '…', got: JSON.stringify(got) })],
    );
  });

  return results;
}
