import * as path from 'path';
import { promises as fs, readdirSync } from 'fs';
import { OrderClerkError } from '../../src/core/errors';
import { understand } from '../../src/core/understand';
import { cellAt } from '../../src/core/snapshot';
import { loadExcelJsWorkbook } from '../../src/xlsx/exceljs';
import { readSnapshot } from '../../src/xlsx/read';
import { readWorkbookFile } from '../../src/xlsx/readFile';
import { columnLetter } from '../../src/core/address';
import { goldenOf, REAL_WORLD_GOLDEN, type Golden } from '../reliability/corpus.golden';
import { thrown } from './thrown';

const FIX = path.resolve(__dirname, '../../../shared/fixtures');
const sample = (n: string) => path.join(FIX, 'samples', n);
const real = (n: string) => path.join(FIX, 'real-world', n);
const TODAY = '2026-11-22';

function letters(cols: Record<string, number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(cols)) if (v !== undefined) out[k] = columnLetter(v);
  return out;
}

describe('zh-factory.xlsx', () => {
  it('understands the order sheet, its rows, columns and masters', async () => {
    const { snapshot } = await readWorkbookFile(sample('zh-factory.xlsx'));
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['2026订单', '价格表', '客户信息']);
    expect(snapshot.dateSystem).toBe(1900);
    const u = understand(snapshot, { today: TODAY });
    expect(u.order.sheet).toBe('2026订单');
    expect(u.order.headerRow).toBe(3);
    expect(u.order.dataRows).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(u.order.firstDataRow).toBe(4);
    expect(u.order.lastDataRow).toBe(15);
    expect(u.order.skippedRows).toEqual([{ row: 16, reason: 'subtotal' }]);
    expect(letters(u.order.columns)).toEqual({
      lineNo: 'A',
      orderNo: 'B',
      customer: 'C',
      orderDate: 'D',
      item: 'E',
      description: 'F',
      spec: 'G',
      quantity: 'H',
      unit: 'I',
      unitPrice: 'J',
      amount: 'K',
      dueDate: 'L',
      shippedQty: 'M',
      shipDate: 'N',
      status: 'O',
      remarks: 'P',
    });
    expect(u.order.lang).toBe('zh-CN');
    expect(u.order.masters).toEqual({ products: '价格表', customers: '客户信息' });
    expect(u.masters.products!.byItem.get('FM-201')).toEqual({
      item: 'FM-201',
      row: 2,
      description: '不锈钢水槽',
      unitPrice: 310,
      qtyPerCarton: 2,
      netWeight: 18.5,
      grossWeight: 20,
      cartonSize: '72x50x25',
    });
    expect(u.masters.customers!.byName.get('佛山美家')).toEqual({
      customer: '佛山美家',
      row: 2,
      address: '广东省佛山市顺德区乐从镇腾冲工业区3号',
      contact: '黄生',
      phone: '0757-2888 1234',
    });
  });

  it('reads merges, formulas by result, rich text and dates as serials', async () => {
    const { snapshot } = await readWorkbookFile(sample('zh-factory.xlsx'));
    const s = snapshot.sheets[0];
    expect(s.merges).toEqual(['A1:P1']);
    expect(cellAt(s, 1, 1)).toBe('业务部 订单明细及出货跟踪');
    expect(cellAt(s, 1, 2)).toBeNull(); // merged-away cell holds nothing, as in Excel
    expect(cellAt(s, 4, 11)).toBe(37200); // K4 = H4*J4
    expect(cellAt(s, 4, 4)).toBe(46303); // D4 2026-10-08
    expect(cellAt(s, 6, 7)).toBe('800宽');
    expect(cellAt(s, 16, 1)).toBe('小计');
  });

  it('reads order lines: text numbers and text dates are fixable readings', async () => {
    const { snapshot } = await readWorkbookFile(sample('zh-factory.xlsx'));
    const u = understand(snapshot, { today: TODAY });
    const line = (row: number) => u.lines.find((l) => l.row === row)!;
    expect(line(7).num.quantity).toEqual({ kind: 'ok', value: 60, fromText: true });
    expect(line(7).date.dueDate).toEqual({ kind: 'ok', value: 46353, fromText: true });
    expect(line(7).text.dueDate).toBe('2026-11-27');
    expect(line(9).num.unitPrice).toEqual({ kind: 'ok', value: 1080, fromText: true });
    expect(line(11).text.dueDate).toBe('2026-11-20');
    expect(line(12).date.dueDate).toEqual({ kind: 'invalid', text: '下周' });
    expect(line(4).date.orderDate).toEqual({ kind: 'ok', value: 46303, fromText: false });
    expect(line(4).text.orderDate).toBe('2026-10-08');
    expect(line(5).text.remarks).toBe('余下60个下周');
    expect(line(4).num.amount).toEqual({ kind: 'ok', value: 37200, fromText: false });
  });
});

describe('en-po.xlsx', () => {
  it('understands Orders with a blank row and a Grand Total', async () => {
    const { snapshot } = await readWorkbookFile(sample('en-po.xlsx'));
    const u = understand(snapshot, { today: TODAY });
    expect(u.order.sheet).toBe('Orders');
    expect(u.order.headerRow).toBe(1);
    expect(u.order.dataRows).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(u.order.skippedRows).toEqual([
      { row: 9, reason: 'blank' },
      { row: 10, reason: 'subtotal' },
    ]);
    expect(letters(u.order.columns)).toEqual({
      orderNo: 'A',
      customer: 'B',
      item: 'C',
      description: 'D',
      quantity: 'E',
      unit: 'F',
      unitPrice: 'G',
      amount: 'H',
      orderDate: 'I',
      dueDate: 'J',
      shipDate: 'K',
      shippedQty: 'L',
      status: 'M',
      remarks: 'N',
    });
    expect(u.order.lang).toBe('en-US');
    expect(u.masters).toEqual({ products: null, customers: null });
    const line = (row: number) => u.lines.find((l) => l.row === row)!;
    expect(line(4).num.unitPrice).toEqual({ kind: 'ok', value: 3.4, fromText: true });
    expect(line(4).text.dueDate).toBe('2026-11-26');
    expect(line(7).text.dueDate).toBe('2026-12-02');
    expect(line(6).num.quantity).toEqual({ kind: 'empty' });
  });
});

describe('bad files', () => {
  it('a missing file is fileNotFound', async () => {
    await expect(readWorkbookFile(real('no-such-file.xlsx'))).rejects.toMatchObject({ code: 'fileNotFound' });
  });
  it('an encrypted package under an .xlsx name is named as protected with a password', async () => {
    // An OLE2 compound file holding EncryptedPackage and DataSpaces streams (Office encryption), not an .xls.
    await expect(readWorkbookFile(real('officedev-copilot-Test.xlsx'))).rejects.toMatchObject({ code: 'encrypted' });
  });
  it('malformed XML is corruptFile', async () => {
    await expect(readWorkbookFile(real('exceljs-invalid-xml.xlsx'))).rejects.toMatchObject({ code: 'corruptFile' });
  });
  it('comma-separated text is named a CSV file', () => {
    expect(thrown(() => readSnapshot(new TextEncoder().encode('a,b,c\n1,2,3'), 'x.csv'))).toMatchObject({
      code: 'csvFile',
      params: { file: 'x.csv' },
    });
  });
  it('a truncated zip is corruptFile', async () => {
    const data = await fs.readFile(sample('en-po.xlsx'));
    expect(thrown(() => readSnapshot(data.subarray(0, 2000), 'cut.xlsx'))).toMatchObject({ code: 'corruptFile' });
  });
});

describe('real-world corpus', () => {
  it('the 1904 workbook reports its date system', async () => {
    const { snapshot } = await readWorkbookFile(real('exceljs-1904.xlsx'));
    expect(snapshot.dateSystem).toBe(1904);
  });
  it('issue-176: 1,024 styled columns are trimmed to the cells that hold values', async () => {
    const { snapshot } = await readWorkbookFile(real('exceljs-test-issue-176.xlsx'));
    expect(snapshot.sheets[0].values[0].length).toBeLessThanOrEqual(2);
  });

  it('issue-1842: a validation over A1:XFD1048576 loads quickly and is kept as one range', async () => {
    const { bytes } = await readWorkbookFile(real('exceljs-test-issue-1842.xlsx'));
    const workbook = await loadExcelJsWorkbook(bytes, 'issue-1842.xlsx');
    const model = (
      workbook.worksheets[0] as unknown as { dataValidations: { model: Record<string, { prompt?: string }> } }
    ).dataValidations.model;
    expect(Object.keys(model)).toEqual(['A1:XFD1048576']);
    expect(model['A1:XFD1048576'].prompt).toBe('Foo message');
  });
  it('tables, hidden sheets and protection are reported', async () => {
    const t = (await readWorkbookFile(real('exceljs-test-issue-988.xlsx'))).snapshot.sheets[0].tables;
    expect(t.length).toBe(1);
    const s880 = (await readWorkbookFile(real('exceljs-test-issue-880.xlsx'))).snapshot.sheets;
    expect(s880.map((s) => s.visibility)).toEqual(['visible', 'hidden', 'hidden', 'hidden', 'hidden']);
    // <sheetProtection /> with no attributes: the schema's default for `sheet` is false, so the sheet is not locked.
    const k = (await readWorkbookFile(real('exceljs-1519293514-KRISHNAPATNAM_LINE_UP.xlsx'))).snapshot.sheets[0];
    expect(k.protected).toBe(false);
  });

  const files = readdirSync(path.join(FIX, 'real-world')) as string[];
  it('lists every real-world file in the golden table', () => {
    expect(files.slice().sort()).toEqual(Object.keys(REAL_WORLD_GOLDEN).sort());
  });
  it.each(files)(
    '%s: the order sheet and header row, or the error, of the golden table',
    async (f) => {
      let result: Golden;
      try {
        const { snapshot } = await readWorkbookFile(real(f));
        const { order } = understand(snapshot, { today: TODAY });
        result = { sheet: order.sheet, headerRow: order.headerRow };
      } catch (e) {
        if (!(e instanceof OrderClerkError)) throw e;
        result = { error: e.code };
      }
      expect(result).toEqual(goldenOf(f));
    },
    20000,
  );
});
