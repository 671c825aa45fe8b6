// The demo's built-in workbook is the messy sheet the SPEC describes, with dates placed around "today".

import type * as ExcelJS from 'exceljs';
import { buildSampleWorkbook, CUSTOMER_SHEET, HEADER_ROW, ORDER_SHEET, PRODUCT_SHEET, SAMPLE_FACTS } from '../../src/demo/sampleWorkbook';
import { demoOptionsFrom } from '../../src/demo/options';

function values(ws: ExcelJS.Worksheet, col: number): unknown[] {
  const out: unknown[] = [];
  ws.getColumn(col).eachCell({ includeEmpty: false }, (c) => out.push(c.value));
  return out;
}

describe('sample workbook', () => {
  const wb = buildSampleWorkbook('2026-11-22');
  const ws = wb.getWorksheet(ORDER_SHEET) as ExcelJS.Worksheet;

  it('has the order sheet and both masters', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([ORDER_SHEET, PRODUCT_SHEET, CUSTOMER_SHEET]);
  });

  it('has a merged title, a 制表日期 line, a blank row and units in the headers', () => {
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.getCell('P1').master.address).toBe('A1');
    expect(String(ws.getCell('A2').value)).toMatch(/^制表日期：2026\/11\/22/);
    expect(ws.getRow(3).cellCount).toBe(0);
    expect(ws.getCell(HEADER_ROW, 2).value).toBe('订单号');
    expect(ws.getCell(HEADER_ROW, 10).value).toBe('单价(元)');
  });

  it('carries the mess a clerk leaves: text numbers and dates, 待定, #N/A, blank rows, a 合计 row', () => {
    const qty = values(ws, 8);
    expect(qty).toContain('1,200');
    expect(qty).toContain('待定');
    const price = values(ws, 10);
    expect(price).toContain('¥45.00');
    expect(price).toContainEqual({ error: '#N/A' });
    const due = values(ws, 12);
    expect(due).toContain('2026/12/8');
    expect(due).toContain('12月10日');
    const status = values(ws, 15);
    expect(status).toEqual(expect.arrayContaining(['已出货', '部分出货', '取消']));
    const col1 = values(ws, 1);
    expect(col1[col1.length - 1]).toBe('合计');
    // 40 numbered lines, 2 blank rows inside, then the total row.
    expect(SAMPLE_FACTS.lines).toBe(40);
    expect(ws.getCell(HEADER_ROW + 1 + 40 + 2, 1).value).toBe('合计');
    expect(ws.getRow(HEADER_ROW + 14).cellCount).toBe(0);
  });

  it('places dates relative to today', () => {
    const later = buildSampleWorkbook('2027-01-10').getWorksheet(ORDER_SHEET) as ExcelJS.Worksheet;
    expect(ws.getCell(HEADER_ROW + 1, 4).value).toEqual(new Date('2026-09-21T00:00:00Z'));
    expect(later.getCell(HEADER_ROW + 1, 4).value).toEqual(new Date('2026-11-09T00:00:00Z'));
  });

  it('has five customers with addresses and a price list with packing data', () => {
    const customers = wb.getWorksheet(CUSTOMER_SHEET) as ExcelJS.Worksheet;
    expect(customers.getRow(1).values).toEqual([undefined, '客户名称', '联系人', '电话', '送货地址']);
    expect(customers.rowCount).toBe(1 + SAMPLE_FACTS.customers);
    const products = wb.getWorksheet(PRODUCT_SHEET) as ExcelJS.Worksheet;
    expect(products.getCell('F1').value).toBe('每箱数量');
    expect(products.getCell('I2').value).toBe('62*44*48');
  });
});

describe('demo options', () => {
  it('takes ?today and ?lang when valid', () => {
    expect(demoOptionsFrom('?today=2026-12-01&lang=en-US')).toEqual({ today: '2026-12-01', lang: 'en-US' });
    expect(demoOptionsFrom('?today=tomorrow&lang=fr')).toEqual({ today: '2026-11-22', lang: 'zh-CN' });
    expect(demoOptionsFrom('')).toEqual({ today: '2026-11-22', lang: 'zh-CN' });
  });
});
