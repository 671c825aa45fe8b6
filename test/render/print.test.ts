// Print check with a real spreadsheet program: every generated document and the weekly report, written by the CLI,
// rendered to PDF by LibreOffice, must come out on A4 and one page wide (these small selections: one page).
// PNGs of each page go to test/output/render/ for a person to look at.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';

jest.setTimeout(240000);

const ROOT = path.resolve(__dirname, '../..');
const SAMPLES = path.resolve(ROOT, '../shared/fixtures/samples');
const OUT = path.join(ROOT, 'test/output/render');
const A4 = { w: 595.3, h: 841.9 };

interface Case {
  name: string;
  args: string[];
  sheetPrefix: string;
}
const CASES: Case[] = [
  {
    name: 'work-order',
    args: ['generate', 'zh-factory.xlsx', '--doc', 'work-order', '--rows', '4-5'],
    sheetPrefix: '生产工单',
  },
  {
    name: 'packing-list',
    args: ['generate', 'zh-factory.xlsx', '--doc', 'packing-list', '--rows', '4,5'],
    sheetPrefix: '装箱单',
  },
  {
    name: 'delivery-note',
    args: ['generate', 'zh-factory.xlsx', '--doc', 'delivery-note', '--rows', '4,5'],
    sheetPrefix: '送货单',
  },
  {
    name: 'delivery-note-en',
    args: ['generate', 'en-po.xlsx', '--doc', 'delivery-note', '--rows', '4-5'],
    sheetPrefix: 'Delivery',
  },
  { name: 'report', args: ['report', 'zh-factory.xlsx'], sheetPrefix: '逾期周报' },
];

let tmp: string;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'order-clerk-print-'));
  fs.mkdirSync(OUT, { recursive: true });
  for (const c of CASES) {
    const out = path.join(tmp, `${c.name}-full.xlsx`);
    const r = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'bin/order-clerk.js'),
        ...c.args.map((a) => (a.endsWith('.xlsx') ? path.join(SAMPLES, a) : a)),
        '-o',
        out,
        '--today',
        '2026-11-22',
      ],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`${c.name}: exit ${r.status} ${r.stderr}`);
    // Keep only the generated sheet so the PDF holds just its pages.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    for (const ws of [...book.worksheets]) if (!ws.name.startsWith(c.sheetPrefix)) book.removeWorksheet(ws.id);
    expect(book.worksheets).toHaveLength(1);
    await book.xlsx.writeFile(path.join(tmp, `${c.name}.xlsx`));
  }
  execFileSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${tmp}/lo-profile`,
      '--convert-to',
      'pdf',
      '--outdir',
      tmp,
      ...CASES.map((c) => path.join(tmp, `${c.name}.xlsx`)),
    ],
    { stdio: 'ignore', timeout: 180000 },
  );
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function pdfPages(pdf: string): { pages: number; width: number; height: number } {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const m = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
  return { pages, width: Number(m?.[1]), height: Number(m?.[2]) };
}

test.each(CASES.map((c) => [c.name]))('%s prints on one A4 page', (name) => {
  const pdf = path.join(tmp, `${name}.pdf`);
  const { pages, width, height } = pdfPages(pdf);
  const [short, long] = [Math.min(width, height), Math.max(width, height)];
  expect(short).toBeCloseTo(A4.w, 0);
  expect(long).toBeCloseTo(A4.h, 0);
  expect(pages).toBe(1);
  execFileSync('pdftoppm', ['-png', '-r', '70', pdf, path.join(OUT, name)]);
  expect(fs.existsSync(path.join(OUT, `${name}-1.png`))).toBe(true);
});
