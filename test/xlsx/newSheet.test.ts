// A new sheet's XML is written straight out (sheetSpecXml); it must be what patching the empty sheet cell by cell
// (SheetPart.writeCells, the path every other write takes) gives: the same rows, cells, dimension and cell formats.

import type { CellSpec, CellStyle, SheetSpec } from '../../src/core/edits';
import { emptySheetXml, sheetSpecBytes, sheetSpecXml } from '../../src/xlsx/package/newSheet';
import { SheetPart, type CellWrite } from '../../src/xlsx/package/sheet';
import { Styles } from '../../src/xlsx/package/styles';

/** The sheet as writeCells makes it: the reference. */
function byWriteCells(spec: SheetSpec, styles: Styles): { xml: string; formulas: boolean } {
  const sheet = new SheetPart(
    emptySheetXml({
      selected: true,
      showGridlines: spec.showGridlines,
      columnWidths: spec.columnWidths,
      rowHeights: spec.rowHeights,
      merges: spec.merges,
      pageSetup: spec.pageSetup,
    }),
  );
  const writes = new Map<number, Map<number, CellWrite>>();
  let formulas = false;
  for (const c of spec.cells) {
    const style = c.style ? styles.cellXf(c.style) : 0;
    const w: CellWrite = { style: () => style };
    if (c.formula !== undefined) {
      w.formula = c.formula.replace(/^=/, '');
      formulas = true;
    } else w.value = c.value ?? null;
    if (!writes.has(c.row)) writes.set(c.row, new Map());
    writes.get(c.row)!.set(c.col, w);
  }
  sheet.writeCells(writes);
  return { xml: sheet.xml, formulas };
}

function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

function spec(seed: number, sorted: boolean): SheetSpec {
  const rnd = random(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const shared: CellStyle[] = [{ bold: true }, { border: 'thin' }, { numberFormat: '#,##0.00', border: 'thin' }];
  const values = [null, '', 'text', ' lead', '单元格', 'a_x0001_b', 1.5, -0, 0, 42, NaN, Infinity, true, false];
  const cells: CellSpec[] = [];
  const n = 1 + Math.floor(rnd() * 60);
  for (let i = 0; i < n; i++) {
    const row = 1 + Math.floor(rnd() * 12);
    const col = 1 + Math.floor(rnd() * 6);
    const style = rnd() < 0.2 ? undefined : rnd() < 0.7 ? pick(shared) : { italic: rnd() < 0.5, size: 9 + i };
    if (rnd() < 0.1) cells.push({ row, col, formula: rnd() < 0.5 ? '=SUM(A1:A2)' : 'A1&"<x>"', style });
    else cells.push({ row, col, value: pick(values), style });
  }
  if (sorted) cells.sort((a, b) => a.row - b.row || a.col - b.col);
  const heights: Record<number, number> = {};
  for (let i = 0; i < 3; i++) heights[1 + Math.floor(rnd() * 15)] = 12 + Math.floor(rnd() * 20);
  return {
    name: 'S',
    cells,
    merges: rnd() < 0.5 ? ['A1:C1'] : [],
    columnWidths: [10, 0, 12.5],
    rowHeights: heights,
    showGridlines: false,
    pageSetup: {
      paperSize: 'A4',
      orientation: 'portrait',
      fitToWidth: 1,
      printArea: 'A1:F12',
      printTitleRows: null,
      margins: { top: 0.75, bottom: 0.75, left: 0.5, right: 0.5 },
    },
  };
}

describe('sheetSpecXml', () => {
  it('writes what writeCells writes into the empty sheet, sorted or not, with repeated cells and heights', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const s = spec(seed, seed % 2 === 0);
      const a = new Styles(null);
      const b = new Styles(null);
      expect(sheetSpecXml(s, a, true)).toEqual(byWriteCells(s, b));
      expect(a.result()).toEqual(b.result());
    }
  });

  it('an empty spec keeps the A1 dimension and its height rows', () => {
    const s = { ...spec(7, true), cells: [] };
    expect(sheetSpecXml(s, new Styles(null), true)).toEqual(byWriteCells(s, new Styles(null)));
  });
});

describe('sheetSpecBytes', () => {
  it('is the UTF-8 of sheetSpecXml, across many blocks of rows and with text outside ASCII', () => {
    const cells: CellSpec[] = [];
    const style: CellStyle = { border: 'thin' };
    for (let r = 1; r <= 3000; r++) {
      cells.push({ row: r, col: 1, value: r % 3 === 0 ? `客户 ${r} 𠀀` : `SO-${r}`, style });
      cells.push({ row: r, col: 2, value: r * 1.5 });
    }
    const s: SheetSpec = { ...spec(3, true), cells };
    const { xml, formulas } = sheetSpecXml(s, new Styles(null), false);
    const bytes = sheetSpecBytes(s, new Styles(null), false);
    expect(xml.length).toBeGreaterThan(200000);
    expect(bytes.formulas).toBe(formulas);
    expect(new TextDecoder().decode(bytes.bytes)).toBe(xml);
  });

  it("puts the chart's <drawing> where SheetPart.setChild puts it (last, in CT_Worksheet's order)", () => {
    const s = spec(11, true);
    const drawing = '<drawing r:id="rId1"/>';
    const sheet = new SheetPart(sheetSpecXml(s, new Styles(null), true).xml);
    sheet.setChild('drawing', drawing);
    expect(sheetSpecXml(s, new Styles(null), true, drawing).xml).toBe(sheet.xml);
    expect(new TextDecoder().decode(sheetSpecBytes(s, new Styles(null), true, drawing).bytes)).toBe(sheet.xml);
  });
});

describe('SheetPart: rows kept apart from the rest of the worksheet', () => {
  const rows = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>é</t></is></c></row></sheetData>';
  const xml = `<?xml version="1.0"?>\n<worksheet xmlns="m"><dimension ref="A1"/>${rows}<pageMargins left="1"/></worksheet>`;
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const text = (b: Uint8Array) => new TextDecoder().decode(b);

  it('gives back the same worksheet, whole and as bytes, from its text or its bytes (with or without a BOM)', () => {
    for (const bytes of [undefined, utf8(xml), new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(xml)])]) {
      const sheet = new SheetPart(xml, bytes);
      expect(sheet.xml).toBe(xml);
      expect(sheet.is(xml)).toBe(true);
      expect(text(sheet.bytes())).toBe(xml);
    }
  });

  it('writes rows it cannot place in the bytes read (invalid UTF-8 before them) from their text, not shifted bytes', () => {
    // A stray byte 0xE9 (Latin-1 é) in the head decodes to U+FFFD, three bytes in UTF-8: the rows' bytes can no
    // longer be found by encoding the text before them.
    const wide = xml.replace('<t>é</t>', '<t>急急急急</t>'); // rows longer in bytes than in characters
    const head = utf8(wide.slice(0, wide.indexOf('<dimension')));
    const rest = utf8(wide.slice(wide.indexOf('<dimension')));
    const bytes = new Uint8Array([...head.slice(0, -1), 0xe9, ...head.slice(-1), ...rest]);
    const decoded = text(bytes);
    const sheet = new SheetPart(decoded, bytes);
    expect(text(sheet.bytes())).toBe(decoded);
  });

  it('top-level edits (text outside ASCII) and cell writes each land where whole-text edits put them', () => {
    const sheet = new SheetPart(xml, utf8(xml));
    sheet.setChild('conditionalFormatting', '<conditionalFormatting sqref="A1">急</conditionalFormatting>');
    expect(sheet.top).not.toContain('<row');
    expect(text(sheet.bytes())).toBe(sheet.xml);
    expect(sheet.xml).toBe(
      xml.replace('<pageMargins', '<conditionalFormatting sqref="A1">急</conditionalFormatting><pageMargins'),
    );
    sheet.writeCells(new Map([[3, new Map([[2, { value: 'ü' }]])]]));
    expect(sheet.xml).toContain('<row r="3"><c r="B3" t="inlineStr"><is><t>ü</t></is></c></row></sheetData>');
    expect(sheet.xml).toContain('<dimension ref="A1:B3"/>');
    expect(text(sheet.bytes())).toBe(sheet.xml);
    expect(sheet.is(xml)).toBe(false);
  });

  it('a worksheet without <sheetData> gets one when a cell is written', () => {
    const bare = '<worksheet xmlns="m"><dimension ref="A1"/><pageMargins left="1"/></worksheet>';
    const sheet = new SheetPart(bare);
    expect(sheet.bytes()).toEqual(utf8(bare));
    sheet.writeCells(new Map([[1, new Map([[1, { value: 1 }]])]]));
    expect(sheet.xml).toBe(
      '<worksheet xmlns="m"><dimension ref="A1"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><pageMargins left="1"/></worksheet>',
    );
  });
});
