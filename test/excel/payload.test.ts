// Request sizes in UTF-8 bytes, as Excel on the web counts its 5 MB: Chinese text is 3 bytes a character. A batch
// Excel refuses for its size is split and retried; a change-log row is never written in a later batch than its value.
import { parseRange } from '../../src/core/address';
import type { WorkbookEdit } from '../../src/core/edits';
import { applyEdits } from '../../src/excel/apply';
import { ExcelWorkbookPort, type ExcelRun } from '../../src/excel/port';
import type { CellValue } from '../../src/core/types';
import { createFakeExcel, utf8Bytes, type FakeExcel } from '../fakes/excel-fake';

const LOG = '变更记录';

function orders(rows: number): CellValue[][] {
  const out: CellValue[][] = [['订单号', '型号', '数量', '备注']];
  for (let i = 1; i <= rows; i++) out.push([`SO-${i}`, `FM-${i}`, i, null]);
  return out;
}

/** An undo-like plan: each cell gets long Chinese text back, each with its change-log row first. */
function restorePlan(cells: number, chars: number): WorkbookEdit[] {
  const text = (i: number) => `第${i}行：${'客户要求改包装和交期'.repeat(Math.ceil(chars / 10)).slice(0, chars)}`;
  const rows = Array.from({ length: cells }, (_, i) => [
    '2026-11-22 09:30:00',
    '撤销',
    '订单',
    `D${i + 2}`,
    null,
    text(i),
  ]);
  return [
    {
      kind: 'appendRows',
      sheet: LOG,
      header: ['时间', '操作', '工作表', '单元格', '原值', '新值'],
      columnWidths: [18, 8, 10, 8, 20, 20],
      rows,
    },
    {
      kind: 'setValues',
      sheet: '订单',
      cells: rows.map((r, i) => ({ address: String(r[3]), value: text(i), numberFormat: '@' })),
    },
  ];
}

function fake(rows: number, payloadLimitBytes?: number): { fx: FakeExcel; port: ExcelWorkbookPort } {
  const fx = createFakeExcel([{ name: '订单', values: orders(rows) }], { payloadLimitBytes });
  return { fx, port: new ExcelWorkbookPort(fx.run as ExcelRun, { supports: () => true }) };
}

/** For every written cell of the order sheet: the sync of its value and of the change-log row naming it. */
function writeSyncs(fx: FakeExcel): { cell: string; value: number; log: number }[] {
  const log = fx.sheetValues(LOG);
  const syncOf = (sheet: string, row: number, col: number) =>
    fx.stats.valueWrites.find((w) => {
      const r = parseRange(w.address);
      return w.sheet === sheet && row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
    })!.sync;
  return log.slice(1).map((r, i) => {
    const cell = String(r[3]);
    const at = parseRange(cell);
    return { cell, value: syncOf('订单', at.top, at.left), log: syncOf(LOG, i + 2, 1) };
  });
}

describe('write batches in UTF-8 bytes', () => {
  test('2,000 cells of Chinese text (under 4 MB counted as characters, over 5 MB as UTF-8) go through without a refusal', async () => {
    const { fx, port } = fake(2000);
    const plan = restorePlan(2000, 600);
    const chars = JSON.stringify(plan).length;
    expect(chars).toBeLessThan(4_000_000); // what counting characters saw: "fits one batch"
    expect(utf8Bytes(JSON.stringify(plan))).toBeGreaterThan(5_000_000); // what Excel on the web counts
    await port.apply(plan);
    expect(fx.stats.rejectedSyncs).toBe(0);
    expect(fx.stats.maxRequestBytes).toBeLessThanOrEqual(5_000_000);
    expect(fx.sheetValues('订单')[2000][3]).toMatch(/^第1999行：客户要求/);
    expect(fx.sheetValues(LOG)).toHaveLength(2001);
  });

  test('a batch Excel refuses for its size is split and retried, and every cell and log row lands once', async () => {
    // Excel's limit below our budget (a host with a smaller limit, or an estimate that erred low).
    const { fx, port } = fake(300, 600_000);
    await port.apply(restorePlan(300, 1000));
    expect(fx.stats.rejectedSyncs).toBeGreaterThan(0);
    const log = fx.sheetValues(LOG);
    expect(log).toHaveLength(301);
    expect(new Set(log.slice(1).map((r) => r[3])).size).toBe(300);
    expect(fx.sheetValues('订单')[300][3]).toMatch(/^第299行：/);
  });

  test('a change-log row is written in the same batch as its value, or in an earlier one — never later', async () => {
    const { fx, port } = fake(1500);
    await port.apply(restorePlan(1500, 800));
    const syncs = writeSyncs(fx);
    expect(new Set(syncs.map((s) => s.value)).size).toBeGreaterThan(1); // the plan spans several batches
    for (const s of syncs) expect(s.log).toBeLessThanOrEqual(s.value);
    // When a cell and its row fit one batch, they share it.
    const small = fake(10);
    await small.port.apply(restorePlan(10, 20));
    for (const s of writeSyncs(small.fx)) expect(s.log).toBe(s.value);
  });

  test('a refused response in a write batch is not retried when the batch adds something (it may have run)', async () => {
    const { fx } = fake(5);
    let syncs = 0;
    // Every sync after the look-up answers ResponsePayloadSizeLimitExceeded after running.
    const sync = fx.sync.bind(fx);
    fx.sync = async () => {
      await sync();
      if (++syncs >= 2) throw Object.assign(new Error('too big'), { code: 'ResponsePayloadSizeLimitExceeded' });
    };
    const plan: WorkbookEdit[] = [
      { kind: 'setValues', sheet: '订单', cells: [{ address: 'D2', value: 'x' }] },
      { kind: 'ensureTable', sheet: '订单', range: 'A1:D6', name: 'T', mode: 'create' },
    ];
    const err = await (fx.run as ExcelRun)((ctx) => applyEdits(ctx, plan)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(fx.sheet('订单').tables).toHaveLength(1); // ran once, not twice
  });
});
