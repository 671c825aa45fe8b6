// The web page's grid draws a clerk's own file as it looks: the reader, asked for looks, gives each sheet its column
// widths and each cell its bold, italic, text colour, solid fill and alignment; asked for nothing, it gives none.

import ExcelJS from 'exceljs';
import { cellLookAt, lookOf } from '../../src/xlsx/look';
import { readSnapshot } from '../../src/xlsx/read';

async function styledWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('订单');
  ws.getColumn(1).width = 12;
  ws.getColumn(2).width = 30;
  ws.getCell('A1').value = '2026年订单';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ['订单号', '客户', '数量'].forEach((h, i) => {
    const c = ws.getCell(2, i + 1);
    c.value = h;
    c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } };
    c.alignment = { horizontal: 'center' };
  });
  ws.getCell('A3').value = 'SO-1';
  ws.getCell('B3').value = '佛山美家';
  ws.getCell('B3').font = { italic: true, color: { argb: 'FF9C0006' } };
  ws.getCell('C3').value = 120;
  ws.getCell('C3').numFmt = '#,##0';
  ws.getCell('A4').value = 'SO-2';
  ws.getCell('B4').fill = { type: 'pattern', pattern: 'darkGray', fgColor: { argb: 'FFFF0000' } };
  ws.getCell('B4').value = '厦门海景';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('reading a sheet’s look for the web page', () => {
  it('gives column widths, fonts, solid fills and alignment as the file has them', async () => {
    const sheet = readSnapshot(await styledWorkbook(), 'a.xlsx', { looks: true }).sheets[0];
    expect(lookOf(sheet)?.widths).toEqual({ 1: 12, 2: 30 });
    expect(cellLookAt(sheet, 1, 1)).toEqual({ bold: true });
    expect(cellLookAt(sheet, 2, 2)).toEqual({ bold: true, colour: '#FFFFFF', fill: '#1F4E78', align: 'center' });
    expect(cellLookAt(sheet, 3, 2)).toEqual({ italic: true, colour: '#9C0006' });
    // A plain cell, a number format alone, and a patterned (not solid) fill draw plain.
    expect(cellLookAt(sheet, 3, 1)).toBeUndefined();
    expect(cellLookAt(sheet, 3, 3)).toBeUndefined();
    expect(cellLookAt(sheet, 4, 2)).toBeUndefined();
    // The values are the same as without looks.
    const plain = readSnapshot(await styledWorkbook(), 'a.xlsx').sheets[0];
    expect(sheet.values).toEqual(plain.values);
    expect(sheet.formats).toEqual(plain.formats);
  });

  it('reads no look unless asked (the CLI and the pane never carry one)', async () => {
    const sheet = readSnapshot(await styledWorkbook(), 'a.xlsx').sheets[0];
    expect(lookOf(sheet)).toBeUndefined();
    expect(cellLookAt(sheet, 2, 2)).toBeUndefined();
  });
});
