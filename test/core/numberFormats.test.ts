// Number formats we write show the same in Excel, WPS and LibreOffice (no bare trailing '.'), and a fixed cell
// shows as its neighbours do (SPEC 5, 7; issue 20).

import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { understand } from '../../src/core/understand';
import { checkOrder } from '../../src/core/checks';
import { planFixes } from '../../src/core/fixes';
import {
  decimalsOf,
  endsInBareDot,
  isDateFormat,
  neighbourNumberFormat,
  quantityColumnFormat,
} from '../../src/core/numberFormats';
import { sheetQuantityFormat } from '../../src/core/documents/context';
import type { CellValue } from '../../src/core/types';
import { serial, snapshotOf } from './helpers/grid';

describe('formats without a bare decimal point', () => {
  it('knows which formats show "400." for 400', () => {
    expect(endsInBareDot('#,##0.###')).toBe(true);
    expect(endsInBareDot('0.##;-0.##')).toBe(true);
    expect(endsInBareDot('#,##0.00##')).toBe(false);
    expect(endsInBareDot('#,##0')).toBe(false);
    expect(endsInBareDot('#,##0.0')).toBe(false);
  });

  it('gives a quantity column the fixed decimals its most precise value needs', () => {
    expect(quantityColumnFormat([400, 1200, null])).toBe('#,##0');
    expect(quantityColumnFormat([400, 12.5])).toBe('#,##0.0');
    expect(quantityColumnFormat([0.1 + 0.2, 3])).toBe('#,##0.0');
    expect(quantityColumnFormat([1.23456])).toBe('#,##0.0000');
    expect(decimalsOf(2.75)).toBe(2);
  });

  it('writes a document quantity from a sheet format of optional decimals without the bare dot', () => {
    expect(sheetQuantityFormat('0.###', 400)).toBe('#,##0');
    expect(sheetQuantityFormat('0.###', 12.5)).toBe('#,##0.0');
    expect(sheetQuantityFormat('#,##0.00', 400)).toBe('#,##0.00');
  });

  it('no number format literal in core ends in a bare dot', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(join(__dirname, '../../src/core'));
    const bad: string[] = [];
    for (const f of files)
      for (const m of readFileSync(f, 'utf8')
        .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
        .matchAll(/'([#0,]+\.[#0]+[^']*)'/g))
        if (endsInBareDot(m[1])) bad.push(`${f}: ${m[1]}`);
    expect(bad).toEqual([]);
  });
});

describe('a fixed cell shows as its neighbours do', () => {
  const HEAD: CellValue[] = ['orderNo', 'item', 'quantity', 'unitPrice', 'dueDate'];
  const ROWS: CellValue[][] = [
    ['SO-1', 'X-1', 1000, 45, serial('2026-12-01')],
    ['SO-2', 'X-2', '1200', '45', '2026/12/8'],
    ['SO-3', 'X-3', 3000, 46.5, serial('2026-12-03')],
  ];
  function setup(formats: (string | null)[][]) {
    const wb = snapshotOf([HEAD, ...ROWS]);
    wb.sheets[0].formats = formats;
    const u = understand(wb, { today: '2026-11-22' });
    const issues = checkOrder(u, { lang: 'en-US' });
    return planFixes(u, issues, { lang: 'en-US', now: new Date(2026, 10, 22), wb });
  }
  const cellsOf = (plan: ReturnType<typeof setup>) => {
    const e = plan.edits.find((x) => x.kind === 'setValues');
    return e && e.kind === 'setValues' ? Object.fromEntries(e.cells.map((c) => [c.address, c])) : {};
  };

  it('takes the thousands separator, the currency format and the date format of the column', () => {
    const row = ['@', '@', '#,##0', '"¥"#,##0.00', 'yyyy/m/d'];
    const cells = cellsOf(setup([row, row, ['@', '@', '@', '@', '@'], row]));
    expect(cells.C3).toEqual({ address: 'C3', value: 1200, numberFormat: '#,##0' });
    expect(cells.D3).toEqual({ address: 'D3', value: 45, numberFormat: '"¥"#,##0.00' });
    expect(cells.E3.numberFormat).toBe('yyyy/m/d');
  });

  it('writes no format where the neighbours show General, and the date format where they show none', () => {
    const row = ['General', 'General', 'General', 'General', 'General'];
    const cells = cellsOf(setup([row, row, row, row]));
    expect(cells.C3).toEqual({ address: 'C3', value: 1200 });
    expect(cells.E3.numberFormat).toBe('yyyy-mm-dd');
  });

  it('finds the nearest neighbour and tells dates from numbers', () => {
    const wb = snapshotOf([HEAD, ...ROWS]);
    wb.sheets[0].formats = [[], [null, null, '0.0'], [], [null, null, '#,##0']];
    expect(neighbourNumberFormat(wb.sheets[0], 3, 3, 2, 4)).toBe('0.0');
    expect(isDateFormat('yyyy/m/d')).toBe(true);
    expect(isDateFormat('[Red]"¥"#,##0.00')).toBe(false);
  });
});
