// Delay classes, live rules and the weekly report on the two sample workbooks (../shared/fixtures/README.md),
// read with the .xlsx reader and understood for real, today 2026-11-22.
import * as path from 'path';
import {
  classifyLines,
  delayCounts,
  delayRuleFormulas,
  planDelayRules,
  textDateRows,
  textNumberRows,
} from '../../src/core/delay';
import { planOverdueReport } from '../../src/core/report';
import { findSheet } from '../../src/core/snapshot';
import type { DelayClass, Understanding, WorkbookSnapshot } from '../../src/core/types';
import { understand } from '../../src/core/understand';
import { readWorkbookFile } from '../../src/xlsx/readFile';
import { applies, parseFormula } from './helpers/delayFormula';
import { serial } from './helpers/grid';

const SAMPLES = path.resolve(__dirname, '../../../shared/fixtures/samples');
const TODAY = '2026-11-22';

async function load(file: string): Promise<{ wb: WorkbookSnapshot; u: Understanding }> {
  const { snapshot: wb } = await readWorkbookFile(path.join(SAMPLES, file));
  return { wb, u: understand(wb, { today: TODAY }) };
}

/** The colour Excel would show on each order line, by evaluating the emitted rules on the sheet's own cells. */
function excelColours(wb: WorkbookSnapshot, u: Understanding): Map<number, DelayClass | null> {
  const sheet = findSheet(wb, u.order.sheet)!;
  const rules = delayRuleFormulas(u).map((r) => ({ cls: r.cls, node: parseFormula(r.formula) }));
  const out = new Map<number, DelayClass | null>();
  for (const line of u.lines) {
    const hit = rules.filter((r) =>
      applies(r.node, { sheet, rowOffset: line.row - u.order.firstDataRow, today: serial(TODAY) }),
    );
    expect(hit.length).toBeLessThanOrEqual(1);
    out.set(line.row, hit[0]?.cls ?? null);
  }
  return out;
}

describe('zh-factory.xlsx', () => {
  test('classes, daysLate and openQty (README)', async () => {
    const { u } = await load('zh-factory.xlsx');
    expect(classifyLines(u, TODAY).map((r) => [r.row, r.class, r.daysLate, r.openQty])).toEqual([
      [4, 'shipped', 0, 0],
      [5, 'overdue', 7, 60],
      [6, 'overdue', 4, 40],
      [7, 'dueSoon', 0, 60],
      [8, 'onTrack', 0, 0],
      [9, 'onTrack', 0, 30],
      [10, 'dueSoon', 0, 2000],
      [11, 'overdue', 2, 300],
      [12, 'noDueDate', 0, 500],
      [13, 'overdue', 17, 800],
      [14, 'cancelled', 0, 200],
      [15, 'shipped', 0, 0],
    ]);
  });

  test('live rules: one edit over A4:P15; Excel shows the same classes except on text dates', async () => {
    const { wb, u } = await load('zh-factory.xlsx');
    const edit = planDelayRules(u);
    expect(edit).toMatchObject({ kind: 'setConditionalFormats', sheet: '2026订单', ranges: ['A4:P15'] });
    expect(textDateRows(u)).toEqual([7, 11]);
    expect(textNumberRows(u)).toEqual([7]);
    const colours = excelColours(wb, u);
    for (const r of classifyLines(u, TODAY)) {
      expect([r.row, colours.get(r.row)]).toEqual([r.row, [7, 11].includes(r.row) ? 'noDueDate' : r.class]);
    }
  });

  test('weekly report', async () => {
    const { wb, u } = await load('zh-factory.xlsx');
    const report = planOverdueReport(u, wb, { today: TODAY, lang: 'zh-CN' });
    expect(report.sheet).toBe('逾期周报 2026-W47');
    expect(report.counts).toEqual({ overdue: 4, dueSoon: 2, onTrack: 2, noDueDate: 1, shipped: 2, cancelled: 1 });
    expect(report.overdue.map((l) => [l.row, l.orderNo, l.customer, l.item, l.dueDate, l.daysLate, l.openQty])).toEqual(
      [
        [13, 'XS-261009', '佛山美家', 'FM-220', '2026-11-05', 17, 800],
        [5, 'XS-261001', '佛山美家', 'FM-202', '2026-11-15', 7, 60],
        [6, 'XS-261002', '厦门海景', 'XM-11', '2026-11-18', 4, 40],
        [11, 'XS-261007', '厦门海景', 'XM-20', '2026-11-20', 2, 300],
      ],
    );
    expect(report.dueSoon.map((l) => [l.row, l.dueDate])).toEqual([
      [10, '2026-11-24'],
      [7, '2026-11-27'],
    ]);
    expect(report.openQtyOverdue).toBe(1200);
    expect(report.amountOverdue).toBe(800 * 9.6 + 60 * 88 + 40 * 1250 + 300 * 45);
    const e = report.edits[0];
    if (e.kind !== 'addSheet') throw new Error(e.kind);
    expect(e.spec.cells.filter((c) => c.formula !== undefined)).toEqual([]);
    expect(e.spec.pageSetup).toMatchObject({ paperSize: 'A4', fitToWidth: 1 });
  });
});

describe('en-po.xlsx', () => {
  test('classes (README rows 2–5 and 7; rows 6 and 8 by the rules)', async () => {
    const { u } = await load('en-po.xlsx');
    expect(classifyLines(u, TODAY).map((r) => [r.row, r.class, r.daysLate, r.openQty])).toEqual([
      [2, 'shipped', 0, 0],
      [3, 'overdue', 3, 5000],
      [4, 'dueSoon', 0, 800],
      [5, 'onTrack', 0, 12000],
      [6, 'onTrack', 0, 0], // quantity missing, due 2026-12-01 (9 days out)
      [7, 'onTrack', 0, 150],
      [8, 'shipped', 0, 0], // status Partial, but 6000 shipped of 5000 ordered
    ]);
  });

  test('live rules over A2:N8 agree except on text dates; report', async () => {
    const { wb, u } = await load('en-po.xlsx');
    expect(planDelayRules(u)).toMatchObject({ sheet: 'Orders', ranges: ['A2:N8'] });
    expect(textDateRows(u)).toEqual([4, 7]);
    const colours = excelColours(wb, u);
    for (const r of classifyLines(u, TODAY)) {
      expect([r.row, colours.get(r.row)]).toEqual([r.row, [4, 7].includes(r.row) ? 'noDueDate' : r.class]);
    }
    const report = planOverdueReport(u, wb, { today: TODAY, lang: 'en-US' });
    expect(report.sheet).toBe('Overdue report 2026-W47');
    expect(delayCounts(classifyLines(u, TODAY))).toEqual(report.counts);
    expect(report.overdue).toEqual([
      {
        row: 3,
        orderNo: 'SO-9002',
        customer: 'Harbor Supply Co.',
        item: 'HS-2',
        dueDate: '2026-11-19',
        daysLate: 3,
        openQty: 5000,
      },
    ]);
    expect(report.amountOverdue).toBe(250);
  });
});
