// A tiny .xlsx package builder for tests: raw SpreadsheetML parts zipped with fflate, so a test can write exactly the
// XML a given writer family writes (prefixes, missing r=, strict namespaces, inline strings …) or a hostile one.

import { zipSync, type Zippable } from 'fflate';
import { columnLetter } from '../../src/core/address';

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
export const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

/** A cell as written: a value and how it is stored. */
export interface CellSpec {
  v?: string | number | boolean | null;
  /** s = shared string, inlineStr, str (formula text result), n, b, e, d (ISO date) */
  t?: 's' | 'inlineStr' | 'str' | 'n' | 'b' | 'e' | 'd';
  f?: string;
  /** raw XML inside <c> instead of the usual <v>/<is> (rich text, shared/array formulas) */
  inner?: string;
  s?: number;
}
export type Grid = (CellSpec | string | number | boolean | null | undefined)[][];

export interface SheetOptions {
  /** element prefix ("x" → <x:c>), as the .NET Open XML SDK writes */
  prefix?: string;
  /** leave out r= on rows and cells (positions implied by order) */
  noRefs?: boolean;
  /** XML before <sheetData> (dimension, sheetViews, cols …) and after it (mergeCells, validations …) */
  before?: string;
  after?: string;
  /** first sheet row of the grid */
  top?: number;
  strict?: boolean;
  /** write t="n" on numbers (openpyxl) */
  explicitNumbers?: boolean;
  /** extra attributes on every row (Excel's spans, x14ac:dyDescent …) */
  rowAttrs?: string;
}

export interface SheetDef {
  name: string;
  xml: string;
  state?: 'hidden' | 'veryHidden';
  rels?: { id: string; type: string; target: string }[];
}

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Shared strings collected while sheets are written. */
export class SharedStrings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  add(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
  xml(prefix = ''): string {
    const p = prefix ? `${prefix}:` : '';
    const ns = prefix ? `xmlns:${prefix}="${NS_MAIN}"` : `xmlns="${NS_MAIN}"`;
    const items = this.list.map((s) => `<${p}si><${p}t xml:space="preserve">${esc(s)}</${p}t></${p}si>`).join('');
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}sst ${ns} count="${this.list.length}" uniqueCount="${this.list.length}">${items}</${p}sst>`;
  }
}

/** Worksheet XML for a grid: strings go to `sst` when given, else inline. Numbers with s=1 are dates (numFmt 14). */
export function sheetXml(grid: Grid, sst: SharedStrings | null, o: SheetOptions = {}): string {
  const p = o.prefix ? `${o.prefix}:` : '';
  const ns = o.strict ? STRICT_MAIN : NS_MAIN;
  const rel = o.strict ? STRICT_REL : NS_REL;
  const rootNs = o.prefix ? `xmlns:${o.prefix}="${ns}"` : `xmlns="${ns}"`;
  const top = o.top ?? 1;
  const rows: string[] = [];
  grid.forEach((cells, i) => {
    const r = top + i;
    const cs: string[] = [];
    cells.forEach((raw, j) => {
      if (raw === null || raw === undefined) {
        // Without r= a gap is held by an empty cell, as writers that leave out references do.
        if (o.noRefs) cs.push(`<${p}c/>`);
        return;
      }
      const c: CellSpec = typeof raw === 'object' ? raw : { v: raw };
      const ref = o.noRefs ? '' : ` r="${columnLetter(j + 1)}${r}"`;
      const style = c.s !== undefined ? ` s="${c.s}"` : '';
      const f = c.f !== undefined ? `<${p}f>${esc(c.f)}</${p}f>` : '';
      if (c.inner !== undefined) {
        cs.push(`<${p}c${ref}${style}${c.t ? ` t="${c.t}"` : ''}>${c.inner}</${p}c>`);
        return;
      }
      const v = c.v;
      let t = c.t;
      if (t === undefined) t = typeof v === 'number' ? 'n' : typeof v === 'boolean' ? 'b' : sst ? 's' : 'inlineStr';
      if (t === 's') cs.push(`<${p}c${ref}${style} t="s">${f}<${p}v>${sst!.add(String(v))}</${p}v></${p}c>`);
      else if (t === 'inlineStr')
        cs.push(`<${p}c${ref}${style} t="inlineStr"><${p}is><${p}t>${esc(String(v ?? ''))}</${p}t></${p}is></${p}c>`);
      else if (t === 'b') cs.push(`<${p}c${ref}${style} t="b">${f}<${p}v>${v ? 1 : 0}</${p}v></${p}c>`);
      else if (t === 'n')
        cs.push(`<${p}c${ref}${style}${o.explicitNumbers ? ' t="n"' : ''}>${f}<${p}v>${v}</${p}v></${p}c>`);
      else cs.push(`<${p}c${ref}${style} t="${t}">${f}<${p}v>${esc(String(v))}</${p}v></${p}c>`);
    });
    rows.push(`<${p}row${o.noRefs ? '' : ` r="${r}"`}${o.rowAttrs ?? ''}>${cs.join('')}</${p}row>`);
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${rootNs} xmlns:r="${rel}">` +
    `${o.before ?? ''}<${p}sheetData>${rows.join('')}</${p}sheetData>${o.after ?? ''}</${p}worksheet>`
  );
}

/** Styles: cellXfs 0 = General, 1 = numFmt 14 (a date), 2 = custom yyyy-mm-dd, 3 = custom yyyy"年"m"月"d"日". */
export function stylesXml(prefix = '', strict = false): string {
  const p = prefix ? `${prefix}:` : '';
  const ns = prefix
    ? `xmlns:${prefix}="${strict ? STRICT_MAIN : NS_MAIN}"`
    : `xmlns="${strict ? STRICT_MAIN : NS_MAIN}"`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}styleSheet ${ns}>` +
    `<${p}numFmts count="2"><${p}numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>` +
    `<${p}numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></${p}numFmts>` +
    `<${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font></${p}fonts>` +
    `<${p}fills count="1"><${p}fill><${p}patternFill patternType="none"/></${p}fill></${p}fills>` +
    `<${p}borders count="1"><${p}border/></${p}borders>` +
    `<${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs>` +
    `<${p}cellXfs count="4"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    `<${p}xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
    `<${p}xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
    `<${p}xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></${p}cellXfs>` +
    `</${p}styleSheet>`
  );
}

export interface WorkbookOptions {
  date1904?: boolean;
  strict?: boolean;
  prefix?: string;
  sst?: SharedStrings | null;
  definedNames?: string;
  /** extra parts (name → content) */
  extraParts?: Record<string, string | Uint8Array>;
  /** workbook part name (default xl/workbook.xml) */
  workbookPart?: string;
  /** relationship targets written from the package root ("/xl/worksheets/sheet1.xml"), as openpyxl and the SDK do */
  absoluteTargets?: boolean;
}

/** A whole package: content types, relationships, workbook, styles, shared strings, the sheets. */
export function buildPackage(sheets: SheetDef[], o: WorkbookOptions = {}): Uint8Array {
  const p = o.prefix ? `${o.prefix}:` : '';
  const main = o.strict ? STRICT_MAIN : NS_MAIN;
  const rel = o.strict ? STRICT_REL : NS_REL;
  const relType = (kind: string) => `${rel}/${kind}`;
  const wbPart = o.workbookPart ?? 'xl/workbook.xml';
  const files: Record<string, string | Uint8Array> = {};
  const overrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  files['[Content_Types].xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/${wbPart}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    `${overrides}</Types>`;
  files['_rels/.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}">` +
    `<Relationship Id="rId1" Type="${o.strict ? 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument' : 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument'}" Target="${wbPart}"/></Relationships>`;
  const wbRels = sheets.map(
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${relType('worksheet')}" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  wbRels.push(`<Relationship Id="rIdS" Type="${relType('styles')}" Target="styles.xml"/>`);
  if (o.sst) wbRels.push(`<Relationship Id="rIdT" Type="${relType('sharedStrings')}" Target="sharedStrings.xml"/>`);
  const folder = wbPart.slice(0, wbPart.lastIndexOf('/') + 1);
  files[`${folder}_rels/${wbPart.slice(folder.length)}.rels`] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}">${wbRels.join('')}</Relationships>`;
  const ns = o.prefix ? `xmlns:${o.prefix}="${main}"` : `xmlns="${main}"`;
  files[wbPart] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}workbook ${ns} xmlns:r="${rel}">` +
    `<${p}workbookPr${o.date1904 ? ' date1904="1"' : ''}/><${p}sheets>` +
    sheets
      .map(
        (s, i) =>
          `<${p}sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
      )
      .join('') +
    `</${p}sheets>${o.definedNames ?? ''}</${p}workbook>`;
  files[`${folder}styles.xml`] = stylesXml(o.prefix, o.strict);
  sheets.forEach((s, i) => {
    files[`${folder}worksheets/sheet${i + 1}.xml`] = s.xml;
    if (s.rels)
      files[`${folder}worksheets/_rels/sheet${i + 1}.xml.rels`] =
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}">` +
        s.rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join('') +
        `</Relationships>`;
  });
  if (o.sst) files[`${folder}sharedStrings.xml`] = o.sst.xml(o.prefix);
  Object.assign(files, o.extraParts ?? {});
  return zip(files);
}

export function zip(files: Record<string, string | Uint8Array>, level: 0 | 1 | 6 | 9 = 6): Uint8Array {
  const z: Zippable = {};
  const enc = new TextEncoder();
  for (const [name, content] of Object.entries(files))
    z[name] = [typeof content === 'string' ? enc.encode(content) : content, { level }];
  return zipSync(z);
}

// ---------------------------------------------------------------- a plain order sheet

export const ORDER_HEADERS = [
  'Order No.',
  'Customer',
  'Item',
  'Qty',
  'Unit Price',
  'Amount',
  'Order Date',
  'Due Date',
  'Shipped Qty',
  'Status',
  'Remarks',
];

/** 2026-11-01 as a 1900-system serial. */
export const NOV_1 = 46327;

/** The order lines of a clerk's sheet: header row, then `n` lines (dates as serials with a date style). */
export function orderGrid(n: number, o: { date1904?: boolean; remark?: (i: number) => string } = {}): Grid {
  const shift = o.date1904 ? 1462 : 0;
  const grid: Grid = [ORDER_HEADERS];
  for (let i = 0; i < n; i++) {
    const qty = 10 + (i % 50) * 5;
    const price = 1 + (i % 17) * 0.5;
    grid.push([
      `SO-${1000 + i}`,
      ['Acme Ltd', 'Foshan Meijia', 'Globex'][i % 3],
      `FM-${200 + (i % 40)}`,
      qty,
      price,
      { v: Math.round(qty * price * 100) / 100 },
      { v: NOV_1 - 20 + (i % 15) - shift, s: 1 },
      { v: NOV_1 + (i % 60) - shift, s: 1 },
      i % 7 === 0 ? qty : 0,
      i % 7 === 0 ? 'Shipped' : null,
      (o.remark && o.remark(i)) || null,
    ]);
  }
  return grid;
}
