// The streaming reader, value by value: what each odd but valid storage reads back as, and that ranges are kept
// as written (never expanded).

import * as fs from 'fs';
import { unzipSync, zipSync } from 'fflate';
import { checkOrder } from '../../src/core/checks';
import { OrderClerkError } from '../../src/core/errors';
import { cellAt, formatAt } from '../../src/core/snapshot';
import { isDateFormat } from '../../src/core/dates';
import { readSettings } from '../../src/core/settings';
import { understand } from '../../src/core/understand';
import { readSnapshot } from '../../src/xlsx/read';
import { resolveTarget } from '../../src/xlsx/relationships';
import { decodeEscapes } from '../../src/xlsx/sheetSink';
import {
  NS_MAIN,
  NS_PKG_REL,
  NS_REL,
  SharedStrings,
  buildPackage,
  orderGrid,
  sheetXml,
  zip,
  type Grid,
} from '../hostile/packageWriter';
import { thrown } from './thrown';

const TODAY = '2026-11-22';
const one = (grid: Grid, o: Parameters<typeof sheetXml>[2] = {}) =>
  readSnapshot(buildPackage([{ name: 'S', xml: sheetXml(grid, null, o) }]), 't.xlsx').sheets[0];

describe('text', () => {
  it('_xHHHH_ escapes come back as the characters; _x005F_ keeps a literal escape', () => {
    expect(decodeEscapes('a_x0001_b_x001F_')).toBe('a\u0001b\u001f');
    expect(decodeEscapes('_x005F_x0001_')).toBe('_x0001_');
    const sst = new SharedStrings();
    const s = readSnapshot(
      buildPackage([{ name: 'S', xml: sheetXml([['note_x0001_', { v: 'in_x0002_line', t: 'inlineStr' }]], sst) }], {
        sst,
      }),
      't.xlsx',
    ).sheets[0];
    expect(s.values[0]).toEqual(['note\u0001', 'in\u0002line']);
  });

  it('an empty inline string is an empty string, not an empty cell', () => {
    const s = one([[{ v: '', t: 'inlineStr' }, { t: 'inlineStr', inner: '<is/>' }, 'x']]);
    expect(s.values[0]).toEqual(['', '', 'x']);
  });

  it('rich runs are joined and phonetic text is left out, in shared and inline strings', () => {
    const sst =
      `<sst xmlns="${NS_MAIN}"><si><r><t>FM-</t></r><r><rPr><b/></rPr><t xml:space="preserve">201 </t></r>` +
      `<rPh sb="0" eb="2"><t>フリガナ</t></rPh><phoneticPr fontId="1"/></si></sst>`;
    const bytes = buildPackage(
      [
        {
          name: 'S',
          xml: sheetXml(
            [
              [
                { t: 's', inner: '<v>0</v>' },
                { t: 'inlineStr', inner: '<is><r><t>Ac</t></r><r><t>me</t></r><rPh><t>x</t></rPh></is>' },
              ],
            ],
            null,
          ),
        },
      ],
      { sst: new SharedStrings(), extraParts: { 'xl/sharedStrings.xml': sst } },
    );
    expect(readSnapshot(bytes, 't.xlsx').sheets[0].values[0]).toEqual(['FM-201 ', 'Acme']);
  });

  it('entities, character references, CDATA and CR LF line ends', () => {
    const s = one([[{ t: 'inlineStr', inner: '<is><t>a&amp;b &#x41;&#66;\r\nc<![CDATA[<d>]]></t></is>' }]]);
    expect(s.values[0][0]).toBe('a&b AB\nc<d>');
  });

  it('a part in UTF-16 with a byte-order mark', () => {
    const xml = sheetXml([['中文', 1]], null);
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) {
      utf16[2 + 2 * i] = xml.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = xml.charCodeAt(i) >> 8;
    }
    const bytes = buildPackage([{ name: 'S', xml: 'placeholder' }], {
      extraParts: { 'xl/worksheets/sheet1.xml': utf16 },
    });
    expect(readSnapshot(bytes, 't.xlsx').sheets[0].values[0]).toEqual(['中文', 1]);
  });
});

describe('numbers, dates and formulas', () => {
  it('booleans, errors, formula text results, numbers with General and date styles', () => {
    const s = one([
      [
        true,
        { v: '#N/A', t: 'e' },
        { v: 'ok', t: 'str', f: 'IF(1,"ok")' },
        12.5,
        { v: 46327, s: 1 },
        { v: 46327, s: 3 },
      ],
    ]);
    expect(s.values[0]).toEqual([true, { error: '#N/A' }, 'ok', 12.5, 46327, 46327]);
    expect(formatAt(s, 1, 4)).toBeNull();
    expect(isDateFormat(formatAt(s, 1, 5))).toBe(true);
    expect(isDateFormat(formatAt(s, 1, 6))).toBe(true); // yyyy"年"m"月"d"日"
    expect(s.formulaCells).toEqual(['C1']);
  });

  it('shared and array formulas: cached values read, every formula cell listed', () => {
    const s = one([
      [2, 3, { inner: '<f t="shared" ref="C1:C3" si="0">A1*B1</f><v>6</v>' }],
      [4, 5, { inner: '<f t="shared" si="0"/><v>20</v>' }],
      [6, 7, { inner: '<f t="shared" si="0"/><v>42</v>' }],
      [{ inner: '<f t="array" ref="A4">SUM(A1:A3)</f><v>12</v>' }],
      [{ inner: '<f>NOW()</f>' }],
    ]);
    expect(s.values.map((r) => r[2])).toEqual([6, 20, 42, null]); // NOW() has no cached value: no value, still a formula
    expect(cellAt(s, 4, 1)).toBe(12);
    expect(s.formulaCells).toEqual(['C1:C3', 'A4:A5']);
  });

  it('cells of type d (strict OOXML, ISO dates) are date serials; a date before 1900 stays its text', () => {
    const s = one([
      [
        { v: '2026-11-01T00:00:00', t: 'd' },
        { v: '2026-11-01T12:00:00', t: 'd' },
        { v: '1899-12-31', t: 'd' },
      ],
    ]);
    expect(s.values[0]).toEqual([46327, 46327.5, '1899-12-31']);
    expect(isDateFormat(formatAt(s, 1, 1))).toBe(true);
  });

  it('numbers Excel cannot hold (NaN, INF) read as nothing', () => {
    const s = one([[{ inner: '<v>NaN</v>' }, { inner: '<v>1e400</v>' }, 1]]);
    expect([cellAt(s, 1, 1), cellAt(s, 1, 2), cellAt(s, 1, 3)]).toEqual([null, null, 1]);
  });

  it('the 1904 date system is reported and serials are kept raw', () => {
    const sst = new SharedStrings();
    const wb = readSnapshot(
      buildPackage([{ name: 'Orders', xml: sheetXml(orderGrid(3, { date1904: true }), sst) }], { sst, date1904: true }),
      't.xlsx',
    );
    expect(wb.dateSystem).toBe(1904);
    const u = understand(wb, { today: TODAY });
    expect(u.lines[0].text.dueDate).toBe('2026-11-01');
  });

  it('serial 60 (the phantom 1900-02-29), 0 and negative serials in a date column are date.invalid', () => {
    const grid = orderGrid(4);
    grid[1][7] = { v: 60, s: 1 };
    grid[2][7] = { v: 0, s: 1 };
    grid[3][7] = { v: -5, s: 1 };
    const sst = new SharedStrings();
    const wb = readSnapshot(buildPackage([{ name: 'Orders', xml: sheetXml(grid, sst) }], { sst }), 't.xlsx');
    const issues = checkOrder(understand(wb, { today: TODAY }), { lang: 'en-US' });
    expect(issues.filter((i) => i.code === 'date.invalid').map((i) => i.cell)).toEqual(['H2', 'H3', 'H4']);
  });
});

describe('bounded work: ranges are kept as written', () => {
  it('a merge to XFD1048576, a whole-column merge, a huge dimension and validation are never expanded', () => {
    const t0 = Date.now();
    const s = one(orderGrid(3), {
      before: '<dimension ref="A1:XFD1048576"/>',
      after:
        '<mergeCells count="2"><mergeCell ref="A20:XFD1048576"/><mergeCell ref="$N$1:$N$1048576"/></mergeCells>' +
        '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a"</formula1></dataValidation></dataValidations>',
    });
    expect(s.merges).toEqual(['A20:XFD1048576', 'N1:N1048576']);
    expect(s.values.length).toBe(4);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('a stray cell at row 1,048,576: blank rows share one array (memory follows the rows present)', () => {
    const s = readSnapshot(
      buildPackage([
        {
          name: 'S',
          xml: sheetXml([['a', 1]], null).replace(
            '</sheetData>',
            '<row r="1048576"><c r="B1048576"><v>2</v></c></row></sheetData>',
          ),
        },
      ]),
      't.xlsx',
    ).sheets[0];
    expect(s.values.length).toBe(1048576);
    expect(cellAt(s, 1048576, 2)).toBe(2);
    expect(s.values[1]).toBe(s.values[500000]);
    expect(s.values[1]).toEqual([null, null]);
  });

  it('cells without r= follow their row and the cell before them; rows without r= follow the row before', () => {
    const s = one(
      [
        ['a', null, 'c'],
        [null, 'e'],
      ],
      { noRefs: true },
    );
    expect(s.values).toEqual([
      ['a', null, 'c'],
      [null, 'e', null],
    ]);
  });

  it('a reference past XFD or row 1,048,576, or a shared string that does not exist, is a damaged file', () => {
    const bad = (row: string) =>
      thrown(() =>
        readSnapshot(
          buildPackage([{ name: 'S', xml: sheetXml([['a']], null).replace('</sheetData>', `${row}</sheetData>`) }]),
          'bad.xlsx',
        ),
      );
    for (const row of [
      '<row r="2"><c r="XFE2"><v>1</v></c></row>',
      '<row r="1048577"><c><v>1</v></c></row>',
      '<row r="3"><c r="A3" t="s"><v>7</v></c></row>',
      '<row r="4"><c r="A4x"><v>1</v></c></row>',
    ])
      expect(bad(row)).toMatchObject({ code: 'corruptFile' });
  });
});

describe('the workbook around the cells', () => {
  it('sheet names and states, protection, tables through their relationships, defined names, chart sheets', () => {
    const tableXml = `<?xml version="1.0"?><table xmlns="${NS_MAIN}" id="1" name="Table1" displayName="订单表" ref="A1:B3"><autoFilter ref="A1:B3"/><tableColumns count="2"><tableColumn id="1" name="a"/><tableColumn id="2" name="b"/></tableColumns></table>`;
    const bytes = buildPackage(
      [
        {
          name: 'Orders',
          xml: sheetXml(
            [
              ['a', 'b'],
              [1, 2],
              [3, 4],
            ],
            null,
            {
              after: `<sheetProtection sheet="1" objects="1"/><tableParts count="1"><tablePart r:id="rT1"/></tableParts>`,
            },
          ).replace('<sheetData>', '<sheetData>'),
          rels: [{ id: 'rT1', type: `${NS_REL}/table`, target: '../tables/table1.xml' }],
        },
        { name: 'Hidden', xml: sheetXml([['h']], null), state: 'hidden' },
        { name: '_order_clerk', xml: sheetXml([['{"version":1,"dueSoonDays":3}']], null), state: 'veryHidden' },
      ],
      {
        definedNames:
          '<definedNames><definedName name="汇率">7.12</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">Orders!$A$1:$B$3</definedName></definedNames>',
        extraParts: { 'xl/tables/table1.xml': tableXml },
      },
    );
    const wb = readSnapshot(bytes, 't.xlsx');
    expect(wb.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Orders', 'visible'],
      ['Hidden', 'hidden'],
      ['_order_clerk', 'veryHidden'],
    ]);
    expect(wb.sheets[0].protected).toBe(true);
    expect(wb.sheets[0].tables).toEqual([{ name: '订单表', range: 'A1:B3' }]);
    expect(wb.definedNames).toEqual([
      { name: '汇率', sheet: null, formula: '7.12' },
      { name: '_xlnm.Print_Area', sheet: 'Orders', formula: 'Orders!$A$1:$B$3' },
    ]);
    expect(readSettings(wb).dueSoonDays).toBe(3);
  });

  it('a workbook part elsewhere than xl/workbook.xml is found through the root relationships', () => {
    const bytes = buildPackage([{ name: 'S', xml: sheetXml([['x']], null) }], { workbookPart: 'book/main.xml' });
    expect(readSnapshot(bytes, 't.xlsx').sheets[0].values).toEqual([['x']]);
  });

  it('relationship targets: relative, parent folders, absolute and percent-encoded', () => {
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../tables/table1.xml')).toBe('xl/tables/table1.xml');
    expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/workbook.xml', 'worksheets/my%20sheet.xml')).toBe('xl/worksheets/my sheet.xml');
  });

  it('a chart sheet is listed by name with no cells', () => {
    const bytes = buildPackage([{ name: 'S', xml: sheetXml([['x']], null) }]);
    const parts = unzipSync(bytes);
    const dec = (n: string) => new TextDecoder().decode(parts[n]);
    parts['xl/workbook.xml'] = new TextEncoder().encode(
      dec('xl/workbook.xml').replace('</sheets>', '<sheet name="Chart1" sheetId="9" r:id="rC"/></sheets>'),
    );
    parts['xl/_rels/workbook.xml.rels'] = new TextEncoder().encode(
      dec('xl/_rels/workbook.xml.rels').replace(
        '</Relationships>',
        `<Relationship Id="rC" Type="${NS_REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
      ),
    );
    const wb = readSnapshot(zipSync(parts), 't.xlsx');
    expect(wb.sheets.map((s) => [s.name, s.values.length])).toEqual([
      ['S', 1],
      ['Chart1', 0],
    ]);
  });

  it('malformed XML (a tag closed by another, text outside the root, a DOCTYPE) is a damaged file', () => {
    for (const xml of [
      `<worksheet xmlns="${NS_MAIN}"><sheetData></row></sheetData></worksheet>`,
      `junk<worksheet xmlns="${NS_MAIN}"><sheetData/></worksheet>`,
      `<!DOCTYPE x [<!ENTITY a "b">]><worksheet xmlns="${NS_MAIN}"><sheetData/></worksheet>`,
      `<worksheet xmlns="${NS_MAIN}"><sheetData>`,
    ]) {
      const bytes = buildPackage([{ name: 'S', xml }]);
      const e = thrown(() => readSnapshot(bytes, 'bad.xlsx'));
      expect(e).toBeInstanceOf(OrderClerkError);
      expect((e as OrderClerkError).code).toBe('corruptFile');
    }
  });

  it('an OpenDocument spreadsheet and a binary workbook are named', () => {
    const ods = zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }, 0);
    expect(thrown(() => readSnapshot(ods, 'a.ods'))).toMatchObject({ code: 'odsFile' });
    const xlsb = zip({
      '_rels/.rels': `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="r" Type="${NS_REL}/officeDocument" Target="xl/workbook.bin"/></Relationships>`,
      'xl/workbook.bin': new Uint8Array([1, 2]),
    });
    expect(thrown(() => readSnapshot(xlsb, 'a.xlsb'))).toMatchObject({ code: 'xlsbFile' });
  });
});

describe('the reader runs in the browser too', () => {
  it('read.ts and what it imports use no Node API and no ExcelJS', () => {
    for (const f of ['read.ts', 'zip.ts', 'xml.ts', 'fileKind.ts']) {
      const src = fs.readFileSync(`${__dirname}/../../src/xlsx/${f}`, 'utf8');
      const imports = Array.from(src.matchAll(/from '([^']+)'/g), (m) => m[1]);
      for (const i of imports) expect(i).toMatch(/^(\.\/|\.\.\/core\/|fflate$)/);
      expect(src).not.toMatch(/\bBuffer\b|\bprocess\./);
    }
  });
});
