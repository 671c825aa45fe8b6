// The hostile and odd input corpus (issues 16 and 21): each case is built here, from raw package parts, into a
// cache folder (test/output/hostile, gitignored; rebuilt when GENERATOR_VERSION changes). Every CLI command is then
// run on each case by hostile.test.ts in a child process with a time and memory budget.

import * as fs from 'fs';
import * as path from 'path';
import { Deflate, unzipSync } from 'fflate';
import type { ErrorCode } from '../../src/core/errors';
import {
  NS_MAIN,
  NS_PKG_REL,
  NS_REL,
  ORDER_HEADERS,
  SharedStrings,
  buildPackage,
  orderGrid,
  sheetXml,
  zip,
  type Grid,
} from './packageWriter';

/** Bump when a case changes, so cached files are rebuilt. */
export const GENERATOR_VERSION = 6;

export interface HostileCase {
  name: string;
  /** what it is, for the report table */
  what: string;
  /** answered (exit 0 or 1), or refused with this error's message */
  expect: 'answered' | ErrorCode;
  /** the file (built on demand), or a path that is not a file (folder, FIFO, device) */
  file: (dir: string) => string;
  /** a warning line every command must print (order-clerk: …) */
  warning?: RegExp;
}

function cached(dir: string, name: string, build: () => Uint8Array): string {
  const file = path.join(dir, `${name}.xlsx`);
  if (!fs.existsSync(file)) fs.writeFileSync(file, build());
  return file;
}

function settingsSheet(json: string) {
  return { name: '_order_clerk', state: 'veryHidden' as const, xml: sheetXml([[{ v: json, t: 'inlineStr' }]], null) };
}

function orderBook(
  grid: Grid,
  o: { before?: string; after?: string; extraRows?: string; sheets?: ReturnType<typeof settingsSheet>[] } = {},
) {
  const sst = new SharedStrings();
  let xml = sheetXml(grid, sst, { before: o.before, after: o.after });
  if (o.extraRows) xml = xml.replace('</sheetData>', `${o.extraRows}</sheetData>`);
  return buildPackage([{ name: 'Orders', xml }, ...(o.sheets ?? [])], { sst });
}

/** A deflated part of `size` bytes of spaces inside a sheet's XML, and the zip around it, with honest or lying sizes. */
function bombPackage(spaces: number, declaredSize: number | null): Uint8Array {
  const head = new TextEncoder().encode(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS_MAIN}"><sheetData>`,
  );
  const tail = new TextEncoder().encode('</sheetData></worksheet>');
  const chunks: Uint8Array[] = [];
  const d = new Deflate({ level: 9 }, (c) => chunks.push(c));
  d.push(head);
  const block = new Uint8Array(1 << 20).fill(32);
  for (let n = spaces; n > 0; n -= block.length) d.push(n >= block.length ? block : block.subarray(0, n));
  d.push(tail, true);
  const sheet = concat(chunks);
  const size = head.length + spaces + tail.length;
  const parts = unzipParts(orderBook(orderGrid(3)));
  // Replace the order sheet by the bomb (stored as a deflated entry built by hand).
  delete parts['xl/worksheets/sheet1.xml'];
  return rawZip(parts, { name: 'xl/worksheets/sheet1.xml', deflated: sheet, size: declaredSize ?? size });
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function unzipParts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

/** A zip written by hand: the given parts stored, plus one pre-deflated entry whose declared size may lie. */
function rawZip(
  parts: Record<string, Uint8Array>,
  bomb: { name: string; deflated: Uint8Array; size: number },
): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const add = (name: string, data: Uint8Array, method: number, size: number) => {
    const n = enc.encode(name);
    const lh = new Uint8Array(30 + n.length);
    const lv = new DataView(lh.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, method, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, size >>> 0, true);
    lv.setUint16(26, n.length, true);
    lh.set(n, 30);
    const ch = new Uint8Array(46 + n.length);
    const cv = new DataView(ch.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, method, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, size >>> 0, true);
    cv.setUint16(28, n.length, true);
    cv.setUint32(42, offset, true);
    ch.set(n, 46);
    locals.push(lh, data);
    central.push(ch);
    offset += lh.length + data.length;
  };
  for (const [name, data] of Object.entries(parts)) add(name, data, 0, data.length);
  add(bomb.name, bomb.deflated, 8, bomb.size);
  const cd = concat(central);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, central.length, true);
  ev.setUint16(10, central.length, true);
  ev.setUint32(12, cd.length, true);
  ev.setUint32(16, offset, true);
  return concat([...locals, cd, end]);
}

/** A minimal OLE2 compound file whose directory names the given streams. */
export function oleFile(streams: string[]): Uint8Array {
  const b = new Uint8Array(512 + 128 * Math.max(4, streams.length));
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  streams.forEach((s, k) => {
    for (let i = 0; i < s.length; i++) b[512 + 128 * k + 2 * i] = s.charCodeAt(i);
  });
  return b;
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The order sheet with something odd added to its XML. */
function oddOrders(name: string, o: Parameters<typeof orderBook>[1], grid: Grid = orderGrid(10)) {
  return (dir: string) => cached(dir, name, () => orderBook(grid, o));
}

export const CASES: HostileCase[] = [
  // ---- bounded work: ranges are never expanded (16.1)
  {
    name: 'merge-to-xfd1048576',
    what: '<mergeCell ref="A20:XFD1048576"/> under 10 order lines (the ExcelJS writer leaves the merge out: 15.1)',
    expect: 'answered',
    file: oddOrders('merge-to-xfd1048576', {
      after: '<mergeCells count="1"><mergeCell ref="A20:XFD1048576"/></mergeCells>',
    }),
  },
  {
    name: 'merge-whole-column',
    what: 'a whole-column merge N1:N1048576 (the ExcelJS writer leaves the merge out: 15.1)',
    expect: 'answered',
    file: oddOrders('merge-whole-column', {
      after: '<mergeCells count="1"><mergeCell ref="N1:N1048576"/></mergeCells>',
    }),
  },
  {
    name: 'merges-5000',
    what: '5,000 small merges below the lines',
    expect: 'answered',
    file: oddOrders('merges-5000', {
      after: `<mergeCells count="5000">${Array.from({ length: 5000 }, (_, i) => `<mergeCell ref="M${20 + i * 2}:N${21 + i * 2}"/>`).join('')}</mergeCells>`,
    }),
  },
  {
    name: 'validation-whole-sheet',
    what: 'a list validation over A1:XFD1048576',
    expect: 'answered',
    file: oddOrders('validation-whole-sheet', {
      after:
        '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>',
    }),
  },
  {
    name: 'cf-whole-sheet',
    what: 'a conditional format over A1:XFD1048576',
    expect: 'answered',
    file: oddOrders('cf-whole-sheet', {
      after:
        '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="containsText" priority="1" operator="containsText" text="急" dxfId="0"><formula>NOT(ISERROR(SEARCH("急",A1)))</formula></cfRule></conditionalFormatting>',
    }),
  },
  {
    name: 'dimension-whole-sheet',
    what: '<dimension ref="A1:XFD1048576"/> on a 10-line sheet',
    expect: 'answered',
    file: oddOrders('dimension-whole-sheet', { before: '<dimension ref="A1:XFD1048576"/>' }),
  },
  {
    name: 'sparse-1048576-rows',
    what: '10 lines, a note every 4,096th row and one at row 1,048,576',
    expect: 'answered',
    file: oddOrders('sparse-1048576-rows', {
      extraRows: Array.from({ length: 256 }, (_, k) => {
        const r = 4096 * (k + 1);
        return `<row r="${r}"><c r="K${r}" t="inlineStr"><is><t>note ${k}</t></is></c></row>`;
      }).join(''),
    }),
  },
  {
    name: 'columns-16384',
    what: 'a row of numbers across all 16,384 columns, and a cell in XFD on each line',
    expect: 'answered',
    file: oddOrders('columns-16384', {
      extraRows: `<row r="30">${Array.from({ length: 16384 }, (_, i) => `<c r="${colName(i + 1)}30"><v>${i}</v></c>`).join('')}</row>`,
    }),
  },
  {
    name: 'wide-and-long',
    what: '1,300 lines, each with a cell in XFD (rows × width past 20 million cells)',
    expect: 'answered',
    warning: /cells right of column \w+ were not read/,
    file: (dir) =>
      cached(dir, 'wide-and-long', () => {
        const sst = new SharedStrings();
        const xml = sheetXml(orderGrid(1300), sst).replace(
          /<\/row>/g,
          (m, at: number, all: string) => `<c r="XFD${rowNumberBefore(all, at)}"><v>1</v></c>${m}`,
        );
        return buildPackage([{ name: 'Orders', xml }], { sst });
      }),
  },
  {
    name: 'lines-200000',
    what: '200,000 real order lines (shared strings, date styles)',
    expect: 'answered',
    // Every command runs, report and apply too (issue 16.4). Measured 2026-12-01 (load about 2), CPU time (user +
    // system) of the CLI: report 7.0–8.5 → 5.4–5.8 s, apply --fix 4.9–5.8 → 4.2–4.4 s (README, Performance).
    file: (dir) => cached(dir, 'lines-200000', () => orderBook(orderGrid(200000))),
  },
  // ---- zip bombs and package limits (16.1)
  {
    name: 'zip-bomb-ratio',
    what: 'a sheet part of 100 MB of spaces deflated to ~100 KB (honest sizes)',
    expect: 'zipBomb',
    file: (dir) => cached(dir, 'zip-bomb-ratio', () => bombPackage(100 * 1024 * 1024, null)),
  },
  {
    name: 'zip-part-300mb',
    what: 'a sheet part of 300 MB (honest sizes)',
    expect: 'partTooLarge',
    file: (dir) => cached(dir, 'zip-part-300mb', () => bombPackage(300 * 1024 * 1024, null)),
  },
  {
    name: 'zip-bomb-lying-size',
    what: 'the same bomb whose central directory claims 2 KB',
    expect: 'zipBomb',
    file: (dir) => cached(dir, 'zip-bomb-lying-size', () => bombPackage(300 * 1024 * 1024, 2048)),
  },
  {
    name: 'zip-declared-4gb',
    what: 'a part whose central directory claims 4 GB',
    expect: 'partTooLarge',
    file: (dir) => cached(dir, 'zip-declared-4gb', () => bombPackage(1024, 0xfffffff0)),
  },
  // ---- settings are untrusted input (16.2: never a crash)
  {
    name: 'settings-wrong-types',
    what: '_order_clerk with objects where lists are expected and text where numbers are',
    expect: 'answered',
    file: oddOrders('settings-wrong-types', {
      sheets: [
        settingsSheet(
          '{"version":1,"extraStatusWords":{"shipped":{"oops":1},"cancelled":"x"},"columnOverrides":{"Orders":["Qty"],"x":{"A":"bogus"}},"headerRowOverrides":{"Orders":"1"},"dueSoonDays":"7","documentLang":5,"lastNumbers":[1]}',
        ),
      ],
    }),
  },
  {
    name: 'settings-lastnumbers-1e300',
    what: 'lastNumbers holding 1e300 and -4',
    expect: 'answered',
    file: oddOrders('settings-lastnumbers-1e300', {
      sheets: [settingsSheet('{"version":1,"lastNumbers":{"PL-20261122":1e300,"WO-20261122":-4}}')],
    }),
  },
  {
    name: 'settings-not-an-object',
    what: '_order_clerk holding a JSON list',
    expect: 'answered',
    file: oddOrders('settings-not-an-object', { sheets: [settingsSheet('[1,2,3]')] }),
  },
  {
    name: 'settings-broken-json',
    what: '_order_clerk holding cut-off JSON',
    expect: 'answered',
    file: oddOrders('settings-broken-json', { sheets: [settingsSheet('{"version":1,"dueSoonDays":')] }),
  },
  // ---- values that must come back as they are
  {
    name: 'cell-40000-chars',
    what: 'a remark of 40,000 characters',
    expect: 'answered',
    file: (dir) =>
      cached(dir, 'cell-40000-chars', () =>
        orderBook(orderGrid(10, { remark: (i) => (i === 2 ? 'x'.repeat(40000) : '') })),
      ),
  },
  {
    name: 'control-chars-escaped',
    what: 'control characters stored as _x0001_ escapes',
    expect: 'answered',
    file: (dir) =>
      cached(dir, 'control-chars-escaped', () =>
        orderBook(orderGrid(10, { remark: (i) => (i < 3 ? `note_x0001_${i}_x001F_` : '') })),
      ),
  },
  {
    name: 'empty-inline-strings',
    what: 'status cells holding empty inline strings',
    expect: 'answered',
    file: (dir) =>
      cached(dir, 'empty-inline-strings', () => {
        const grid = orderGrid(10);
        for (let r = 1; r < grid.length; r++) grid[r][9] = { v: '', t: 'inlineStr' };
        return buildPackage([{ name: 'Orders', xml: sheetXml(grid, null) }]);
      }),
  },
  {
    name: 'formulas-shared-and-array',
    what: 'amounts as a shared formula, a total as an array formula, with cached values',
    expect: 'answered',
    file: (dir) => cached(dir, 'formulas-shared-and-array', () => formulaBook()),
  },
  {
    name: 'rich-and-phonetic-strings',
    what: 'shared strings with rich runs and phonetic text; inline rich strings',
    expect: 'answered',
    file: (dir) => cached(dir, 'rich-and-phonetic-strings', () => richBook()),
  },
  {
    name: 'strict-ooxml',
    what: 'strict OOXML namespaces, dates as t="d"',
    expect: 'answered',
    file: (dir) => cached(dir, 'strict-ooxml', () => strictBook()),
  },
  {
    name: 'date-1904',
    what: 'the 1904 date system',
    expect: 'answered',
    file: (dir) =>
      cached(dir, 'date-1904', () => {
        const sst = new SharedStrings();
        return buildPackage([{ name: 'Orders', xml: sheetXml(orderGrid(10, { date1904: true }), sst) }], {
          sst,
          date1904: true,
        });
      }),
  },
  {
    name: 'dates-before-1900-and-serial-60',
    what: 'due dates of 0, -5, 60 (the phantom 1900-02-29) and "1899-12-31" as t="d"',
    expect: 'answered',
    file: (dir) =>
      cached(dir, 'dates-before-1900-and-serial-60', () => {
        const grid = orderGrid(10);
        grid[1][7] = { v: 0, s: 1 };
        grid[2][7] = { v: -5, s: 1 };
        grid[3][7] = { v: 60, s: 1 };
        grid[4][7] = { v: '1899-12-31T00:00:00', t: 'd', s: 2 };
        return orderBook(grid);
      }),
  },
  {
    name: 'dotnet-prefixed-no-refs',
    what: '<x:c> prefixes and no r= attributes (Open XML SDK, streaming writers)',
    expect: 'answered',
    file: (dir) =>
      cached(dir, 'dotnet-prefixed-no-refs', () => {
        const sst = new SharedStrings();
        const xml = sheetXml(orderGrid(10), sst, { prefix: 'x', noRefs: true });
        return buildPackage([{ name: 'Orders', xml }], { sst, prefix: 'x' });
      }),
  },
  {
    name: 'numbers-1e308',
    what: 'a quantity and a price of 1e308',
    expect: 'answered',
    file: (dir) =>
      cached(dir, 'numbers-1e308', () => {
        const grid = orderGrid(10);
        grid[1][3] = 1e308;
        grid[1][4] = 1e308;
        return orderBook(grid);
      }),
  },
  {
    name: 'sheets-300',
    what: '300 sheets',
    expect: 'answered',
    file: (dir) =>
      cached(dir, 'sheets-300', () => {
        const sst = new SharedStrings();
        const sheets = [{ name: 'Orders', xml: sheetXml(orderGrid(10), sst) }];
        for (let i = 1; i < 300; i++) sheets.push({ name: `S${i}`, xml: sheetXml([[`sheet ${i}`, i]], sst) });
        return buildPackage(sheets, { sst });
      }),
  },
  // ---- refused, each by name (21.3) or as damaged (10)
  {
    name: 'encrypted',
    what: 'an encrypted package (OLE2 with EncryptionInfo, EncryptedPackage)',
    expect: 'encrypted',
    file: (dir) => cached(dir, 'encrypted', () => oleFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage'])),
  },
  {
    name: 'xls',
    what: 'an Excel 97-2003 workbook under an .xlsx name',
    expect: 'xlsFile',
    file: (dir) => cached(dir, 'xls', () => oleFile(['Root Entry', 'Workbook', 'SummaryInformation'])),
  },
  {
    name: 'xlsb',
    what: 'a binary workbook (xl/workbook.bin)',
    expect: 'xlsbFile',
    file: (dir) =>
      cached(dir, 'xlsb', () =>
        zip({
          '[Content_Types].xml': `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>`,
          '_rels/.rels': `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.bin"/></Relationships>`,
          'xl/workbook.bin': new Uint8Array([0x83, 0x01, 0x00]),
        }),
      ),
  },
  {
    name: 'ods',
    what: 'an OpenDocument spreadsheet',
    expect: 'odsFile',
    file: (dir) =>
      cached(dir, 'ods', () =>
        zip(
          {
            mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
            'content.xml': `${XML_DECL}<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>`,
          },
          0,
        ),
      ),
  },
  {
    name: 'csv',
    what: 'a CSV export under an .xlsx name',
    expect: 'csvFile',
    file: (dir) =>
      cached(dir, 'csv', () => new TextEncoder().encode(`${ORDER_HEADERS.join(',')}\nSO-1,Acme,FM-201,10\n`)),
  },
  {
    name: 'empty-file',
    what: 'a zero-byte file',
    expect: 'notXlsx',
    file: (dir) => cached(dir, 'empty-file', () => new Uint8Array(0)),
  },
  {
    name: 'truncated',
    what: 'a package cut in half',
    expect: 'corruptFile',
    file: (dir) =>
      cached(dir, 'truncated', () => {
        const b = orderBook(orderGrid(50));
        return b.subarray(0, b.length >> 1);
      }),
  },
  {
    name: 'xxe',
    what: 'a DOCTYPE with an external entity in workbook.xml',
    expect: 'corruptFile',
    file: (dir) =>
      cached(dir, 'xxe', () => {
        const parts = unzipParts(orderBook(orderGrid(3)));
        const wb = new TextDecoder().decode(parts['xl/workbook.xml']);
        parts['xl/workbook.xml'] = new TextEncoder().encode(
          wb
            .replace('<workbook', '<!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><workbook')
            .replace('name="Orders"', 'name="&xxe;"'),
        );
        return zip(parts as Record<string, Uint8Array>);
      }),
  },
  {
    name: 'billion-laughs',
    what: 'nested entity definitions in a sheet',
    expect: 'corruptFile',
    file: (dir) =>
      cached(dir, 'billion-laughs', () => {
        const ents = ['<!ENTITY lol0 "lol">'];
        for (let i = 1; i < 10; i++) ents.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
        const parts = unzipParts(orderBook(orderGrid(3)));
        const xml = new TextDecoder().decode(parts['xl/worksheets/sheet1.xml']);
        parts['xl/worksheets/sheet1.xml'] = new TextEncoder().encode(
          xml.replace('<worksheet', `<!DOCTYPE worksheet [${ents.join('')}]><worksheet`).replace('SO-1000', '&lol9;'),
        );
        return zip(parts as Record<string, Uint8Array>);
      }),
  },
  {
    name: 'bad-cell-reference',
    what: 'a cell at r="XFE1" (past the last column)',
    expect: 'corruptFile',
    file: oddOrders('bad-cell-reference', { extraRows: '<row r="40"><c r="XFE40"><v>1</v></c></row>' }),
  },
  {
    name: 'shared-string-out-of-range',
    what: 'a cell pointing at shared string 99,999',
    expect: 'corruptFile',
    file: oddOrders('shared-string-out-of-range', { extraRows: '<row r="40"><c r="A40" t="s"><v>99999</v></c></row>' }),
  },
  {
    name: 'word-document',
    what: 'a .docx renamed to .xlsx',
    expect: 'notXlsx',
    file: (dir) =>
      cached(dir, 'word-document', () =>
        zip({
          '[Content_Types].xml': `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
          'word/document.xml': `${XML_DECL}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`,
        }),
      ),
  },
  {
    name: 'folder',
    what: 'a folder named orders.xlsx',
    expect: 'isFolder',
    file: (dir) => {
      const f = path.join(dir, 'folder.xlsx');
      fs.mkdirSync(f, { recursive: true });
      return f;
    },
  },
  {
    name: 'fifo',
    what: 'a named pipe (FIFO)',
    expect: 'notRegularFile',
    file: (dir) => {
      const f = path.join(dir, 'pipe.xlsx');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      if (!fs.existsSync(f)) require('child_process').execFileSync('mkfifo', [f]);
      return f;
    },
  },
  {
    name: 'dev-zero',
    what: '/dev/zero (a device that never ends)',
    expect: 'notRegularFile',
    file: () => '/dev/zero',
  },
];

/** The r= of the row whose end tag is at `at`. */
function rowNumberBefore(xml: string, at: number): number {
  const start = xml.lastIndexOf('<row r="', at);
  return Number(xml.slice(start + 8, xml.indexOf('"', start + 8)));
}

function colName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** Amount (F) as a shared formula D*E down the lines; a quantity total as an array formula. */
function formulaBook(): Uint8Array {
  const grid = orderGrid(10);
  for (let r = 1; r <= 10; r++) {
    const row = r + 1;
    const cached = (grid[r][5] as { v: number }).v;
    grid[r][5] = {
      inner:
        r === 1
          ? `<f t="shared" ref="F2:F11" si="0">D2*E2</f><v>${cached}</v>`
          : `<f t="shared" si="0"/><v>${cached}</v>`,
    };
    void row;
  }
  grid.push([
    { v: 'Total', t: 'inlineStr' },
    null,
    null,
    { inner: '<f t="array" ref="D12">SUM(D2:D11)</f><v>999</v>' },
  ]);
  return buildPackage([{ name: 'Orders', xml: sheetXml(grid, null) }]);
}

/** Items as rich shared strings with phonetic runs; customers as inline rich strings. */
function richBook(): Uint8Array {
  const grid = orderGrid(10);
  const items: string[] = [];
  for (let r = 1; r <= 10; r++) {
    const item = (grid[r][2] as string).split('-');
    items.push(
      `<si><r><t>${item[0]}-</t></r><r><rPr><b/><sz val="11"/></rPr><t>${item[1]}</t></r><rPh sb="0" eb="2"><t>フリガナ</t></rPh><phoneticPr fontId="1"/></si>`,
    );
    grid[r][2] = { t: 's', inner: `<v>${r - 1}</v>` };
    const customer = grid[r][1] as string;
    grid[r][1] = {
      t: 'inlineStr',
      inner: `<is><r><t>${customer.slice(0, 3)}</t></r><r><rPr><i/></rPr><t>${customer.slice(3)}</t></r></is>`,
    };
  }
  const sstXml = `${XML_DECL}<sst xmlns="${NS_MAIN}" count="10" uniqueCount="10">${items.join('')}</sst>`;
  const sst = new SharedStrings();
  for (let i = 0; i < 10; i++) sst.add(`placeholder ${i}`);
  const bytes = buildPackage([{ name: 'Orders', xml: sheetXml(grid, null) }], { sst });
  const parts = unzipParts(bytes);
  parts['xl/sharedStrings.xml'] = new TextEncoder().encode(sstXml);
  return zip(parts as Record<string, Uint8Array>);
}

/** Strict OOXML: purl.oclc.org namespaces and relationship types; due dates stored as ISO dates (t="d"). */
function strictBook(): Uint8Array {
  const grid = orderGrid(10);
  for (let r = 1; r <= 10; r++) {
    const serial = (grid[r][7] as { v: number }).v;
    const d = new Date(Date.UTC(1899, 11, 30) + serial * 86400000).toISOString().slice(0, 10);
    grid[r][7] = { v: `${d}T00:00:00`, t: 'd', s: 2 };
  }
  return buildPackage([{ name: 'Orders', xml: sheetXml(grid, null, { strict: true }) }], { strict: true });
}
