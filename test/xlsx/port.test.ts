import * as ExcelJS from 'exceljs';
import { applyAndRead } from '../../src/xlsx/applyAndRead';
import { XlsxWorkbookPort, rowsOfAddress, type ApplyAndRead } from '../../src/xlsx/port';

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Orders');
  ws.getRow(1).values = ['Order No.', 'Qty'];
  ws.getRow(2).values = ['PO-1', 5];
  wb.addWorksheet('Other');
  return wb;
}

describe('rowsOfAddress', () => {
  it('lists the rows of every area, ascending and once', () => {
    expect(rowsOfAddress('A5:P9,B12, C7')).toEqual([5, 6, 7, 8, 9, 12]);
    expect(rowsOfAddress('D3')).toEqual([3]);
  });
});

describe('XlsxWorkbookPort', () => {
  it('keeps the selection the grid sets, tells listeners, and stops after unsubscribe', async () => {
    const port = new XlsxWorkbookPort(workbook());
    expect(await port.getSelection()).toBeNull();
    const heard: string[] = [];
    const off = port.onSelectionChanged(() => heard.push('sel'));
    port.setSelection('Orders', 'A2:B3');
    expect(await port.getSelection()).toEqual({ sheet: 'Orders', address: 'A2:B3', rows: [2, 3] });
    await port.select('Other', 'C4');
    expect(await port.getSelection()).toEqual({ sheet: 'Other', address: 'C4', rows: [4] });
    expect(port.activeSheet()).toBe('Other');
    off();
    port.setSelection('Orders', 'A1');
    expect(heard).toEqual(['sel', 'sel']);
  });

  it('applies edits, notifies subscribers, activates a new sheet and reads it back', async () => {
    const port = new XlsxWorkbookPort(workbook());
    let changes = 0;
    port.subscribe(() => changes++);
    const result = await port.apply([
      { kind: 'setValues', sheet: 'Orders', cells: [{ address: 'B2', value: '=1+1' }] },
      {
        kind: 'addSheet',
        activate: true,
        spec: {
          name: 'Report',
          cells: [{ row: 1, col: 1, value: 'Hi' }],
          merges: [],
          columnWidths: [10],
          pageSetup: {
            paperSize: 'A4',
            orientation: 'portrait',
            fitToWidth: 1,
            printArea: 'A1:A1',
            printTitleRows: null,
          },
        },
      },
    ]);
    expect(result).toEqual({ createdSheets: ['Report'], table: null });
    expect(changes).toBe(1);
    expect(port.activeSheet()).toBe('Report');
    const snap = await port.read();
    expect(snap.activeSheet).toBe('Report');
    const orders = snap.sheets.find((s) => s.name === 'Orders')!;
    expect(orders.values[2 - orders.top][2 - orders.left]).toBe('=1+1');
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(await port.toBuffer()) as unknown as ArrayBuffer);
    expect(back.getWorksheet('Report')!.getCell('A1').value).toBe('Hi');
  });

  it('works from bytes and the streaming reader alone: reads, applies, tracks unsaved edits, saves the package', async () => {
    const bytes = new Uint8Array(await workbook().xlsx.writeBuffer());
    const port = await XlsxWorkbookPort.fromBytes(bytes, 'orders.xlsx');
    expect(port.excelWorkbook).toBeNull();
    expect(() => port.workbook).toThrow(/no ExcelJS workbook/);
    expect(port.fileName).toBe('orders.xlsx');
    expect(port.activeSheet()).toBe('Orders');
    const before = await port.read();
    expect(before.sheets.map((s) => s.name)).toEqual(['Orders', 'Other']);
    expect(port.hasUnsavedChanges()).toBe(false);
    expect(await port.toBuffer()).toBe(bytes); // untouched: the clerk's own bytes
    let changes = 0;
    port.subscribe(() => changes++);
    await port.apply([{ kind: 'setValues', sheet: 'Orders', cells: [{ address: 'B2', value: 7 }] }]);
    expect(changes).toBe(1);
    expect(port.hasUnsavedChanges()).toBe(true);
    const orders = (await port.read()).sheets.find((s) => s.name === 'Orders')!;
    expect(orders.values[2 - orders.top][2 - orders.left]).toBe(7);
    port.markSaved(await port.toBuffer());
    expect(port.hasUnsavedChanges()).toBe(false);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(await port.toBuffer()) as unknown as ArrayBuffer);
    expect(back.getWorksheet('Orders')!.getCell('B2').value).toBe(7);
  });

  it('keeps an edit unsaved when the bytes saved were taken before it finished (the page saves while its worker writes)', async () => {
    const bytes = new Uint8Array(await workbook().xlsx.writeBuffer());
    const opened = await XlsxWorkbookPort.fromBytes(bytes, 'orders.xlsx');
    let finish: () => void = () => undefined;
    const slow: ApplyAndRead = async (input, edits, name) => {
      await new Promise<void>((resolve) => (finish = resolve));
      return applyAndRead(input, edits, name);
    };
    const port = new XlsxWorkbookPort(null, bytes, await opened.read(), 'orders.xlsx', slow);
    const editing = port.apply([{ kind: 'setValues', sheet: 'Orders', cells: [{ address: 'B2', value: 7 }] }]);
    const saved = await port.toBuffer(); // "Save as…" clicked while the edit is still in the worker
    await new Promise((resolve) => setTimeout(resolve, 0));
    finish();
    await editing;
    port.markSaved(saved);
    expect(port.hasUnsavedChanges()).toBe(true);
    port.markSaved(await port.toBuffer());
    expect(port.hasUnsavedChanges()).toBe(false);
  });
});
