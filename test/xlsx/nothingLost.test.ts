// SPEC 10 "Nothing of the clerk's workbook is lost", on the file path: every writing command run on a clerk's
// workbook full of things a model-based writer drops (test/xlsx/clerkWorkbook.ts). After each command:
// - every part no edit had a reason to touch is byte-identical;
// - every touched part still holds every element and attribute it had (but the few the edit concerns);
// - every original cell holds its value, except the fixes the clerk chose (each with its change-log row);
// - an .xlsm stays macro-enabled; naming its output .xlsx is refused with one clear line and no file.
// test/render/nothingLost.render.test.ts opens every output in LibreOffice.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SaxesParser } from 'saxes';
import type { FixedCell } from '../../src/core/fixes';
import type { WorkbookSnapshot } from '../../src/core/types';
import { readWorkbookBuffer } from '../../src/xlsx/exceljs';
import { expectPreserved } from '../property/invariants';
import { LITERAL_DATE_FORMAT, ORDER_SHEET, buildClerkWorkbook } from './clerkWorkbook';
import { WRITING_COMMANDS, runCli } from './clerkRuns';
import { partsOf } from './writeHelpers';

jest.setTimeout(120000);

/** Parts only ever changed with a reason: the order sheet, the workbook, its relationships, styles, content types. */
const MAY_CHANGE = new Set([
  '[Content_Types].xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  'xl/worksheets/sheet1.xml',
  'xl/worksheets/_rels/sheet1.xml.rels',
]);

/** Attributes an edit may renumber or set: counts, rule priorities, spans, the active tab, recalculation. */
const RENUMBERED = new Set(['count', 'priority', 'spans', 'activeTab', 'tabSelected', 'fullCalcOnLoad']);

/**
 * Every element of a part as "path|attributes|text", attributes the edit may renumber left out; the sheet's cells
 * are compared value by value instead (expectPreserved). saxes, not the writer's own scanner, reads the XML.
 */
function elementSignatures(xml: string, part: string): Map<string, number> {
  const out = new Map<string, number>();
  const stack: { name: string; attrs: string; text: string }[] = [];
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (tag) => {
    const attrs = Object.entries(tag.attributes as Record<string, string>)
      .filter(([k]) => !RENUMBERED.has(k))
      // A clerk's validation keeps every attribute but the cells the add-in's own rule now covers.
      .filter(([k]) => !(tag.name === 'dataValidation' && k === 'sqref'))
      .filter(([k]) => !(tag.name === 'dimension' && k === 'ref'))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    stack.push({ name: tag.name, attrs, text: '' });
  });
  parser.on('text', (t) => {
    if (stack.length) stack[stack.length - 1].text += t;
  });
  parser.on('closetag', () => {
    const el = stack.pop()!;
    const where = [...stack.map((s) => s.name), el.name].join('/');
    if (part.includes('worksheets/sheet') && where.includes('/sheetData')) return;
    const key = `${where}|${el.attrs}|${el.text.trim()}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  });
  parser.write(xml).close();
  return out;
}

function missingElements(before: string, after: string, part: string): string[] {
  const a = elementSignatures(before, part);
  const b = elementSignatures(after, part);
  const missing: string[] = [];
  for (const [k, n] of a) if ((b.get(k) ?? 0) < n) missing.push(k);
  return missing;
}

const decoder = new TextDecoder();

async function expectNothingLost(input: Uint8Array, output: Uint8Array, fixed: FixedCell[], additive: boolean) {
  const before = await partsOf(input);
  const after = await partsOf(output);
  const changed: string[] = [];
  for (const [name, bytes] of before) {
    const out = after.get(name);
    expect({ part: name, present: out !== undefined }).toEqual({ part: name, present: true });
    if (Buffer.compare(Buffer.from(bytes), Buffer.from(out!)) === 0) continue;
    changed.push(name);
    expect({ part: name, mayChange: MAY_CHANGE.has(name) }).toEqual({ part: name, mayChange: true });
    expect({ part: name, missing: missingElements(decoder.decode(bytes), decoder.decode(out!), name) }).toEqual({
      part: name,
      missing: [],
    });
  }
  const snapBefore = (await readWorkbookBuffer(input, 'in.xlsx')).snapshot;
  const snapAfter = (await readWorkbookBuffer(output, 'out.xlsx')).snapshot;
  expectCells(snapBefore, snapAfter, fixed, additive);
  return { changed, added: [...after.keys()].filter((n) => !before.has(n)) };
}

function expectCells(before: WorkbookSnapshot, after: WorkbookSnapshot, fixed: FixedCell[], additive: boolean) {
  for (const s of before.sheets) expect(after.sheets.map((x) => x.name)).toContain(s.name);
  expectPreserved(before, after, ORDER_SHEET, fixed, undefined, additive);
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'order-clerk-lost-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe.each([
  { label: 'a clerk workbook (.xlsx)', file: 'clerk.xlsx', opts: {} },
  { label: 'the same with the order block already a table', file: 'clerk-table.xlsx', opts: { orderTable: true } },
  { label: 'a macro workbook (.xlsm)', file: 'clerk.xlsm', opts: { macros: true } },
])('$label', ({ file, opts }) => {
  let input: Uint8Array;
  beforeAll(async () => {
    input = await buildClerkWorkbook(opts);
    fs.writeFileSync(path.join(tmp, file), input);
  });

  it.each(WRITING_COMMANDS)('$name keeps every part, element and cell it had no reason to change', async (cmd) => {
    const ext = path.extname(file);
    const out = path.join(tmp, `${path.basename(file, ext)}-${cmd.name}${ext}`);
    const r = await runCli([...cmd.args, path.join(tmp, file), '-o', out, '--today', '2026-11-22', '--json']);
    expect(r.stderr.split('\n').filter((l) => l && !l.startsWith('order-clerk: '))).toEqual([]);
    expect(r.code).toBe(0);
    const fixed: FixedCell[] = cmd.name === 'apply-fix' ? JSON.parse(r.stdout).fixed : [];
    if (cmd.name === 'apply-fix') expect(fixed.map((f) => f.cell).sort()).toEqual(['E5', 'H6']);
    const output = new Uint8Array(fs.readFileSync(out));
    const documents = ['work-order', 'packing-list', 'delivery-note'].includes(cmd.name);
    const { changed, added } = await expectNothingLost(input, output, fixed, documents);
    // The things the issue saw lost, by name.
    const parts = await partsOf(output);
    const text = (n: string) => decoder.decode(parts.get(n)!);
    expect(text('xl/workbook.xml')).toContain('<definedName name="汇率" comment="美元兑人民币">7.12</definedName>');
    expect(text('xl/worksheets/sheet1.xml')).toContain('<cfRule type="containsText" dxfId="0" priority="');
    expect(text('xl/worksheets/sheet1.xml')).toMatch(
      /operator="containsText" text="急"><formula>NOT\(ISERROR\(SEARCH\("急",K4\)\)\)<\/formula>/,
    );
    expect(text('xl/styles.xml')).toContain('formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"');
    expect(LITERAL_DATE_FORMAT).toBe('yyyy"年"m"月"d"日"');
    for (const kept of [
      'xl/charts/chart1.xml',
      'xl/media/image1.png',
      'xl/comments1.xml',
      'xl/pivotTables/pivotTable1.xml',
    ])
      expect(changed).not.toContain(kept);
    if (opts.macros) {
      expect(text('[Content_Types].xml')).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
      expect(parts.has('xl/vbaProject.bin')).toBe(true);
    }
    if (cmd.name.startsWith('apply'))
      expect(added.filter((n) => n.startsWith('xl/worksheets/sheet'))).toEqual(
        cmd.name === 'apply-fix' ? [expect.stringMatching(/^xl\/worksheets\/sheet\d+\.xml$/)] : [],
      );
  });
});

describe('output extension', () => {
  it('an .xlsm written to -o x.xlsx is refused with one line saying to use .xlsm (both languages), and no file', async () => {
    const input = path.join(tmp, 'macro.xlsm');
    fs.writeFileSync(input, await buildClerkWorkbook({ macros: true }));
    const out = path.join(tmp, 'macro-out.xlsx');
    const en = await runCli(['apply', input, '-o', out, '--today', '2026-11-22']);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(
      /^order-clerk: .*contains macros: name the output \.xlsm \(for example .*macro-out\.xlsm\)/,
    );
    expect(en.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(out)).toBe(false);
    const zh = await runCli(['apply', input, '-o', out, '--today', '2026-11-22', '--lang', 'zh-CN']);
    expect(zh.stderr).toMatch(/^order-clerk: .*含有宏：输出文件请以 \.xlsm 结尾/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('a workbook without macros written to -o x.xlsm is refused the same way (Excel would not open it)', async () => {
    const input = path.join(tmp, 'plain.xlsx');
    fs.writeFileSync(input, await buildClerkWorkbook());
    const out = path.join(tmp, 'plain-out.xlsm');
    const r = await runCli(['report', input, '-o', out, '--today', '2026-11-22']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^order-clerk: .*has no macros: name the output \.xlsx/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
