// Print check with a real spreadsheet program: every generated document, the weekly report, the register, the
// statement and the shipment plan, written by the CLI, rendered to PDF by LibreOffice, must come out on A4 and one
// page wide (these small selections: one page; three copies of a note: two), carry the company letterhead, and print
// in one font face.
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
  /** Printed pages (default 1). */
  pages?: number;
  /** The letterhead's company name (the profile in the workbook's settings, or --company). */
  company: string;
  /** Run on the workbook another case wrote (its name; that case runs first), instead of the sample. */
  from?: string;
}
const ZH_COMPANY = '永兴小家电制品有限公司';
const CASES: Case[] = [
  {
    name: 'work-order',
    args: ['generate', 'zh-company.xlsx', '--doc', 'work-order', '--rows', '4-5'],
    sheetPrefix: '生产工单',
    company: ZH_COMPANY,
  },
  {
    name: 'packing-list',
    args: ['generate', 'zh-company.xlsx', '--doc', 'packing-list', '--rows', '4,5', '--ship', '4=120,5=120', '--force'],
    sheetPrefix: '装箱单',
    company: ZH_COMPANY,
  },
  {
    name: 'delivery-note',
    args: ['generate', 'zh-company.xlsx', '--doc', 'delivery-note', '--rows', '5,10', '--ship', '10=1500'],
    sheetPrefix: '送货单',
    company: ZH_COMPANY,
  },
  {
    name: 'delivery-note-3-copies',
    args: ['generate', 'zh-company.xlsx', '--doc', 'delivery-note', '--rows', '5', '--copies', '3'],
    sheetPrefix: '送货单',
    pages: 2, // two whole copies on the first page; the third does not fit what is left and starts the second
    company: ZH_COMPANY,
  },
  {
    name: 'register',
    args: ['generate', 'zh-company.xlsx', '--doc', 'delivery-note', '--rows', '5,10'],
    sheetPrefix: '单据登记',
    company: ZH_COMPANY,
  },
  {
    name: 'delivery-note-en',
    args: ['generate', 'en-po.xlsx', '--doc', 'delivery-note', '--rows', '4-5', '--company', 'Acme Trading Co., Ltd.'],
    sheetPrefix: 'Delivery',
    company: 'Acme Trading Co., Ltd.',
  },
  {
    name: 'packing-list-en',
    args: [
      'generate',
      'zh-company.xlsx',
      '--doc',
      'packing-list',
      '--rows',
      '10',
      '--lang',
      'en-US',
      '--port-of-loading',
      'Ningbo',
      '--port-of-destination',
      'Hamburg',
    ],
    sheetPrefix: 'Packing',
    company: ZH_COMPANY,
  },
  { name: 'report', args: ['report', 'zh-company.xlsx'], sheetPrefix: '逾期周报', company: ZH_COMPANY },
  {
    // The month-end statement of the delivery note above (SPEC 12): read from its shipments record.
    name: 'statement',
    args: ['statement', 'FROM', '--customer', '佛山美家', '--from', '2026-11-01', '--to', '2026-11-30'],
    from: 'delivery-note',
    sheetPrefix: '对账单',
    company: ZH_COMPANY,
  },
  {
    // The shipment plan (SPEC 13): A4 landscape, one page wide.
    name: 'plan',
    args: ['plan', 'zh-company.xlsx', '--weeks', '2'],
    sheetPrefix: '出货计划',
    company: ZH_COMPANY,
  },
];

let tmp: string;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'order-clerk-print-'));
  fs.mkdirSync(OUT, { recursive: true });
  // zh-factory with a company profile in its settings (SPEC 9), as the pane's Settings would save it.
  const zh = new ExcelJS.Workbook();
  await zh.xlsx.readFile(path.join(SAMPLES, 'zh-factory.xlsx'));
  const settings = zh.addWorksheet('_order_clerk', { state: 'veryHidden' });
  settings.getCell('A1').value = JSON.stringify({
    version: 1,
    company: {
      name: ZH_COMPANY,
      address: '广东省佛山市顺德区容桂街道华口工业区8号',
      phone: '0757-2838 6618',
      fax: '0757-2838 6619',
      taxNo: '91440606MA4UJ8XX3K',
    },
  });
  await zh.xlsx.writeFile(path.join(tmp, 'zh-company.xlsx'));
  for (const c of CASES) {
    const out = path.join(tmp, `${c.name}-full.xlsx`);
    const r = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'bin/order-clerk.js'),
        ...c.args.map((a) =>
          a === 'FROM'
            ? path.join(tmp, `${c.from}-full.xlsx`)
            : a === 'zh-company.xlsx'
              ? path.join(tmp, a)
              : a.endsWith('.xlsx')
                ? path.join(SAMPLES, a)
                : a,
        ),
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

/** Font faces embedded in the PDF, without the subset prefix ("ABCDEF+NotoSansCJK-Regular" → "NotoSansCJK-Regular"). */
function pdfFontFaces(pdf: string): string[] {
  const out = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2);
  return [...new Set(out.filter((l) => l.trim()).map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, '')))];
}

test.each(CASES.map((c) => [c.name, c]))(
  '%s prints on A4, one page wide, with the letterhead, in one face',
  (name, c) => {
    const pdf = path.join(tmp, `${name}.pdf`);
    const { pages, width, height } = pdfPages(pdf);
    const [short, long] = [Math.min(width, height), Math.max(width, height)];
    expect(short).toBeCloseTo(A4.w, 0);
    expect(long).toBeCloseTo(A4.h, 0);
    expect(pages).toBe((c as Case).pages ?? 1);
    // The letterhead is the first thing on the page.
    const text = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
    expect(text.trim().split('\n')[0].trim()).toBe((c as Case).company);
    // One named font on every cell: no serif fallback face, one sans family (Latin and CJK glyphs of the same design
    // family where the named font is not installed), bold and regular of it.
    const faces = pdfFontFaces(pdf);
    expect(faces.filter((f) => /serif/i.test(f) && !/sans/i.test(f))).toEqual([]);
    expect(new Set(faces.map((f) => f.replace(/[-,].*$/, '').replace(/CJK.*$/, ''))).size).toBeLessThanOrEqual(2);
    execFileSync('pdftoppm', ['-png', '-r', '70', pdf, path.join(OUT, name)]);
    expect(fs.existsSync(path.join(OUT, `${name}-1.png`))).toBe(true);
  },
);
