// Security: the task pane's Content-Security-Policy, and text from the sheet never becoming a formula anywhere we
// write (order sheet fixes, change log, register, documents, report) — in the written .xlsx and on the Excel fake.
// (Manifest permissions and AppDomains are asserted in test/manifest.test.ts; the request-watching browser test is
// in test/browser.)

import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { planDocuments, DOC_TYPES } from '../../src/core/documents';
import type { WorkbookEdit } from '../../src/core/edits';
import { planApply } from '../../src/core/plans';
import { planOverdueReport } from '../../src/core/report';
import type { CellValue } from '../../src/core/types';
import { understand } from '../../src/core/understand';
import { ExcelWorkbookPort, type ExcelRun } from '../../src/excel/port';
import { createFakeExcel } from '../fakes/excel-fake';
import { cli, makeTmp, saveWorkbook, TODAY_ARGS, NOW } from './cliHarness';

jest.setTimeout(60000);
const TODAY = '2026-11-22';
const ROOT = path.resolve(__dirname, '../..');

// ---------------------------------------------------------------- CSP

function cspOf(html: string): Map<string, string[]> {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  expect(meta).not.toBeNull();
  const out = new Map<string, string[]>();
  for (const part of meta![1].split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name, sources);
  }
  return out;
}

describe('task pane Content-Security-Policy', () => {
  const html = fs.readFileSync(path.join(ROOT, 'src/taskpane/taskpane.html'), 'utf8');
  const csp = cspOf(html);
  const OFFICE = 'https://appsforoffice.microsoft.com';

  it("allows scripts only from its own origin and Office's script host, never inline or eval", () => {
    expect(csp.get('script-src')).toEqual(["'self'", OFFICE]);
    expect(csp.get('default-src')).toEqual(["'self'", OFFICE]);
  });

  it('lets the pane talk to no other host and embed no plugins', () => {
    for (const d of ['connect-src', 'img-src', 'frame-src', 'style-src']) {
      for (const src of csp.get(d) ?? []) expect(["'self'", OFFICE, "'unsafe-inline'", 'data:']).toContain(src);
    }
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
  });

  it('loads scripts only from those origins', () => {
    const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/gi)].map((m) => m[1]);
    for (const s of scripts) expect(s.startsWith(`${OFFICE}/`) || !/^[a-z]+:\/\//i.test(s)).toBe(true);
  });
});

// ---------------------------------------------------------------- formula injection

const PAYLOADS = [
  '=1+1',
  '+x',
  '-x',
  '@x',
  '=HYPERLINK("http://example.invalid","click")',
  "=cmd|' /C calc'!A0",
  '@SUM(A1:A2)',
];
/** Words that would only be inside a formula if sheet text had become one. */
const PAYLOAD_MARKS = ['1+1', 'HYPERLINK', 'cmd|', 'calc', 'SUM(A1:A2)'];

/** An order sheet whose every text field is a formula-looking payload, plus text numbers and dates to fix. */
function hostileRows(): CellValue[][] {
  const rows: CellValue[][] = [
    ['Order No.', 'Customer', 'Item', 'Description', 'Qty', 'Unit Price', 'Due Date', 'Status', 'Remarks'],
  ];
  PAYLOADS.forEach((p, i) => {
    rows.push([
      p,
      '=1+1',
      p,
      p,
      i % 2 ? '1,200' : 5 + i,
      i % 3 ? 2.5 : '¥3.50',
      i % 2 ? '2026-11-20' : 46340 + i,
      p,
      p,
    ]);
  });
  return rows;
}

function hostileWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Orders');
  hostileRows().forEach((r, i) => {
    r.forEach((v, j) => {
      ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue;
      if (i > 0 && j === 6 && typeof v === 'number') ws.getCell(i + 1, j + 1).numFmt = 'yyyy-mm-dd';
    });
  });
  return wb;
}

/** Every formula in a written .xlsx, read from the sheet XML itself: sheet file → formula texts. */
async function formulasInFile(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    for (const m of xml.matchAll(/<f[^>]*>([^<]*)<\/f>/g)) out.push(m[1]);
  }
  return out;
}

describe('text from the sheet never becomes a formula', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = makeTmp('security');
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('in every .xlsx the CLI writes (apply --fix, report, each document)', async () => {
    const file = await saveWorkbook(hostileWorkbook(), path.join(tmp, 'hostile.xlsx'));
    const rows = hostileRows()
      .slice(1)
      .map((_, i) => i + 2);
    const outputs: [string, string[]][] = [
      ['apply.xlsx', ['apply', file, '--fix']],
      ['report.xlsx', ['report', file]],
      ...DOC_TYPES.map((d): [string, string[]] => [
        `${d}.xlsx`,
        ['generate', file, '--doc', d, '--rows', rows.join(','), '--per-customer'],
      ]),
    ];
    for (const [out, args] of outputs) {
      const target = path.join(tmp, out);
      const r = await cli([...args, '-o', target, ...TODAY_ARGS]);
      expect({ out, code: r.code, err: r.stderr }).toEqual({ out, code: 0, err: r.stderr });
      const formulas = await formulasInFile(target);
      for (const f of formulas)
        for (const mark of PAYLOAD_MARKS)
          expect({ out, f, hasPayload: f.includes(mark) }).toEqual({ out, f, hasPayload: false });
      // Each payload is still there as literal text.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(target) as unknown as ArrayBuffer);
      const texts = new Set<string>();
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((c) => {
            if (c.type === ExcelJS.ValueType.String) texts.add(String(c.value));
          }),
        ),
      );
      expect(texts.has('=1+1')).toBe(true);
      const orders = wb.getWorksheet('Orders')!;
      for (let i = 0; i < PAYLOADS.length; i++) {
        expect(orders.getCell(i + 2, 1).type).toBe(ExcelJS.ValueType.String);
        expect(orders.getCell(i + 2, 1).value).toBe(PAYLOADS[i]);
      }
    }
  });

  it('on the Excel fake: no formula is recorded but the ones generators build (totals)', async () => {
    const fx = createFakeExcel([
      {
        name: 'Orders',
        values: hostileRows(),
        formats: hostileRows().map((r, i) =>
          r.map((v, j) => (i > 0 && j === 6 && typeof v === 'number' ? 'yyyy-mm-dd' : 'General')),
        ),
      },
    ]);
    const port = new ExcelWorkbookPort(fx.run as ExcelRun, { supports: () => true });
    const built = new Set<string>();
    const run = async (edits: WorkbookEdit[]) => {
      for (const e of edits)
        if (e.kind === 'addSheet')
          for (const c of e.spec.cells) if (c.formula) built.add(`${e.spec.name}!${c.formula}`);
      await port.apply(edits);
    };
    let wb = await port.read();
    let u = understand(wb, { today: TODAY });
    const applied = planApply(u, { lang: 'en-US', fix: true, now: NOW, wb });
    expect(applied.fixed.length).toBeGreaterThan(0);
    await run(applied.edits);
    wb = await port.read();
    u = understand(wb, { today: TODAY });
    await run(planOverdueReport(u, wb, { today: TODAY, lang: 'en-US' }).edits);
    for (const type of DOC_TYPES) {
      wb = await port.read();
      u = understand(wb, { today: TODAY });
      await run(planDocuments(u, wb, { type, rows: u.order.dataRows, today: TODAY, perCustomer: true }).edits);
    }
    expect(fx.sheets.length).toBeGreaterThanOrEqual(7);
    const recorded = fx.sheets.flatMap((s) =>
      [...s.formulas.entries()].map(([, f]) => `${s.name}!${f.replace(/^=/, '')}`),
    );
    expect(recorded.filter((f) => !built.has(f))).toEqual([]);
    for (const f of recorded) for (const mark of PAYLOAD_MARKS) expect(f).not.toContain(mark);
    // The payloads sit in the generated sheets as text.
    const docText = fx.sheets
      .filter((s) => s.name !== 'Orders')
      .flatMap((s) => s.grid.flat())
      .filter((v) => typeof v === 'string');
    for (const p of ['=1+1', '+x', '@x']) expect(docText).toContain(p);
    expect(fx.sheetValues('Orders').map((r) => r[0])).toEqual(['Order No.', ...PAYLOADS]);
  });
});
