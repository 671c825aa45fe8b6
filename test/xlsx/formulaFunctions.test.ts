// SPEC 16: every formula the product writes uses only functions that Excel 2010+, WPS and LibreOffice Calc all have.
// Each kind of plan (apply with fixes: table, validation and delay-flag rules; the error highlight; the weekly
// report; every document; a statement; the shipment plan; a PO import that continues the sheet's own formula) is
// made by the core planners on the two samples (and the PO-import order sheet), carried out by the package writer,
// and every formula of the written package is listed: cell formulas, conditional-format rules, data-validation
// formulas (the Excel adapter writes the same DATE() bounds: src/excel/applyCells.ts), defined names. The test
// fails on a function outside ALLOWED — then change the generator, not the list.

import * as fs from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { checkOrder, planHighlight } from '../../src/core/checks';
import { classifyLines } from '../../src/core/delay';
import { DOC_TYPES, planDocuments } from '../../src/core/documents';
import { knownCustomers, planStatement } from '../../src/core/documents/statement';
import type { WorkbookEdit } from '../../src/core/edits';
import { planApply } from '../../src/core/plans';
import { planImport } from '../../src/core/po/importPo';
import { readPurchaseOrder } from '../../src/core/po/readPo';
import { planOverdueReport } from '../../src/core/report';
import { planShipmentPlan } from '../../src/core/shipmentPlan';
import type { WorkbookSnapshot } from '../../src/core/types';
import { understand } from '../../src/core/understand';
import { readSnapshot } from '../../src/xlsx/read';
import { orderXlsx, poXlsx } from './poWorkbooks';
import { writeBytes } from './writeHelpers';

jest.setTimeout(60000);

/**
 * Worksheet functions present in Excel 2010, in WPS Spreadsheets and in LibreOffice Calc under the same name. Kept
 * to what the product (and a clerk's usual order sheet) needs; grow it only with functions of Excel 2010's list that
 * WPS and Calc also have. Not allowed, for example: IFS, SWITCH, MAXIFS, MINIFS, CONCAT, TEXTJOIN (Excel 2019),
 * XLOOKUP, XMATCH, FILTER, SORT, UNIQUE, SEQUENCE, LET, LAMBDA (Excel 365, dynamic arrays) — Excel 2010 reads them as
 * #NAME? and older WPS/Calc do too.
 */
const ALLOWED = new Set([
  // logic
  'AND', 'OR', 'NOT', 'IF', 'IFERROR', 'TRUE', 'FALSE',
  // information
  'ISNUMBER', 'ISTEXT', 'ISBLANK', 'ISERROR', 'ISNA', 'N',
  // text
  'TRIM', 'SUBSTITUTE', 'LEN', 'LEFT', 'RIGHT', 'MID', 'UPPER', 'LOWER', 'TEXT', 'VALUE', 'CONCATENATE', 'FIND', 'SEARCH',
  // dates
  'TODAY', 'DATE', 'YEAR', 'MONTH', 'DAY', 'WEEKDAY', 'EDATE', 'EOMONTH', 'NETWORKDAYS', 'WORKDAY',
  // lookup
  'MATCH', 'INDEX', 'VLOOKUP', 'HLOOKUP', 'ROW', 'COLUMN',
  // maths
  'SUM', 'SUMIF', 'SUMIFS', 'SUMPRODUCT', 'COUNT', 'COUNTA', 'COUNTIF', 'COUNTIFS', 'AVERAGE', 'MIN', 'MAX', 'ROUND',
  'ROUNDUP', 'ROUNDDOWN', 'INT', 'ABS', 'MOD', 'SUBTOTAL',
]); // prettier-ignore

/** Upper-case names of the functions a formula calls (text in "…" and sheet names in '…' skipped; _xlfn. kept off). */
function functionsIn(formula: string): string[] {
  const bare = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'/g, "''");
  const out: string[] = [];
  for (const m of bare.matchAll(/(?<![A-Za-z0-9_.$])((?:_xlfn\.|_xlws\.)?[A-Za-z_][A-Za-z0-9_.]*)\s*\(/g))
    out.push(m[1].replace(/^_xl(?:fn|ws)\./i, '').toUpperCase());
  return out;
}

/** Every formula of a package: <f> of cells, <formula>/<formula1>/<formula2> of rules, <definedName>s. */
async function packageFormulas(bytes: Uint8Array): Promise<{ part: string; formula: string }[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: { part: string; formula: string }[] = [];
  const tag = /<(?:\w+:)?(f|formula|formula1|formula2|definedName)(?:\s[^>]*)?>([^<]*)</g;
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir || !/^xl\/(workbook|worksheets\/[^/]+)\.xml$/.test(name)) continue;
    const xml = await file.async('string');
    for (const m of xml.matchAll(tag)) {
      const formula = m[2]
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
      if (formula.trim() !== '') out.push({ part: name, formula });
    }
  }
  return out;
}

/** Formulas a plan carries itself (cells of new sheets, conditional-format rules). */
function planFormulas(edits: WorkbookEdit[]): string[] {
  const out: string[] = [];
  for (const e of edits) {
    if (e.kind === 'addSheet') for (const c of e.spec.cells) if (c.formula !== undefined) out.push(c.formula);
    if (e.kind === 'setConditionalFormats') for (const r of e.rules) out.push(r.formula);
  }
  return out;
}

const SAMPLES = path.resolve(__dirname, '../../../shared/fixtures/samples');
const TODAY = '2026-11-22';
const NOW = new Date(2026, 10, 22, 9, 30);

/** Every plan a clerk can make on a workbook, by name (the ones that write something). */
function plans(wb: WorkbookSnapshot): [string, WorkbookEdit[]][] {
  const u = understand(wb, { today: TODAY });
  const lang = u.order.lang;
  // Lines with something left to ship (a document refuses the others even with force).
  const rows = classifyLines(u, TODAY)
    .filter((l) => l.openQty > 0 && l.class !== 'cancelled')
    .map((l) => l.row);
  const out: [string, WorkbookEdit[]][] = [
    ['apply with fixes', planApply(u, { lang, fix: true, now: NOW, wb }).edits],
    ['error highlight', [planHighlight(u, checkOrder(u, { lang }))]],
    ['weekly report', planOverdueReport(u, wb, { today: TODAY, lang }).edits],
    ['shipment plan', planShipmentPlan(u, wb, { today: TODAY, lang }).edits],
  ];
  for (const type of DOC_TYPES)
    out.push([type, planDocuments(u, wb, { type, rows, today: TODAY, force: true, perCustomer: true }).edits]);
  const customer = knownCustomers(u, wb)[0];
  out.push(['statement', planStatement(u, wb, { customer, today: TODAY, from: '2026-01-01', to: TODAY }).edits]);
  return out;
}

async function sampleCases(): Promise<{ name: string; bytes: Uint8Array; edits: WorkbookEdit[] }[]> {
  const out: { name: string; bytes: Uint8Array; edits: WorkbookEdit[] }[] = [];
  for (const file of ['zh-factory.xlsx', 'en-po.xlsx']) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(SAMPLES, file)));
    for (const [name, edits] of plans(readSnapshot(bytes, file))) out.push({ name: `${file}: ${name}`, bytes, edits });
  }
  // The PO import appends lines that continue the sheet's own amount formula (formulaFrom).
  const order = await orderXlsx();
  const snap = readSnapshot(order, 'orders.xlsx');
  const po = readPurchaseOrder(readSnapshot(await poXlsx('en'), 'po.xlsx'), { today: TODAY });
  const imported = planImport(understand(snap, { today: TODAY }), snap, po, {
    lang: 'en-US',
    now: NOW,
    today: TODAY,
    applyChanges: true,
  });
  out.push({ name: 'PO import', bytes: order, edits: imported.edits });
  return out;
}

describe('functionsIn', () => {
  test('lists the functions called, nested ones too, upper-cased and without the _xlfn. prefix', () => {
    expect(functionsIn('AND(ISNUMBER($H4),$H4<TODAY())')).toEqual(['AND', 'ISNUMBER', 'TODAY']);
    expect(functionsIn('_xlfn.IFS(A1>0,1,TRUE,2)+xlookup(1,A:A,B:B)')).toEqual(['IFS', 'XLOOKUP']);
  });

  test('skips text and quoted sheet names that look like calls', () => {
    expect(functionsIn('N("IFS(")=0')).toEqual(['N']);
    expect(functionsIn("SUM('LET(x)'!A1:A3)")).toEqual(['SUM']);
    expect(functionsIn('E9*F9')).toEqual([]);
  });
});

describe('every formula we write uses only functions of Excel 2010, WPS and LibreOffice', () => {
  let cases: { name: string; bytes: Uint8Array; edits: WorkbookEdit[] }[];
  beforeAll(async () => {
    cases = await sampleCases();
  });

  test('the plans make formulas of every kind (rules, validation, continued cells), so the check is not empty', async () => {
    const kinds = new Set<string>();
    for (const c of cases) {
      const written = await writeBytes(c.bytes, c.edits);
      for (const f of await packageFormulas(written.bytes)) {
        if (/worksheets/.test(f.part)) kinds.add(functionsIn(f.formula).length > 0 ? 'call' : 'plain');
      }
      for (const e of c.edits) {
        if (e.kind === 'setDataValidation') kinds.add('validation');
        if (e.kind === 'setConditionalFormats') kinds.add('rule');
        if (e.kind === 'setValues' && e.cells.some((x) => x.formulaFrom)) kinds.add('formulaFrom');
      }
    }
    expect([...kinds].sort()).toEqual(['call', 'formulaFrom', 'plain', 'rule', 'validation']);
  });

  test('no function outside the allowed set, in the plans or in the written packages', async () => {
    const outside: string[] = [];
    let count = 0;
    for (const c of cases) {
      const formulas = [
        ...planFormulas(c.edits).map((formula) => ({ part: 'plan', formula })),
        ...(await packageFormulas((await writeBytes(c.bytes, c.edits)).bytes)),
      ];
      for (const f of formulas) {
        count++;
        for (const fn of functionsIn(f.formula))
          if (!ALLOWED.has(fn)) outside.push(`${c.name} ${f.part}: ${fn} in ${f.formula.slice(0, 120)}`);
      }
    }
    expect(count).toBeGreaterThan(100);
    expect(outside).toEqual([]);
  });

  test('the validation of dates is written with DATE(), and the delay flags with the functions delay.ts names', async () => {
    const zh = cases.find((c) => c.name === 'zh-factory.xlsx: apply with fixes')!;
    const written = await packageFormulas((await writeBytes(zh.bytes, zh.edits)).bytes);
    const used = new Set(written.flatMap((f) => functionsIn(f.formula)));
    expect(used).toEqual(
      new Set(['SUM', 'DATE', 'AND', 'OR', 'NOT', 'ISNUMBER', 'TRIM', 'N', 'TODAY', 'MATCH', 'SUBSTITUTE']),
    );
  });
});
