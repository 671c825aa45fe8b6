// SPEC 9 end to end through the .xlsx adapter: the last document number lives in the workbook settings, so a
// number is never reused even after the clerk deleted both the document sheet and its register row.

import * as fs from 'fs';
import * as path from 'path';
import { planDocuments } from '../../src/core/documents';
import { readSettings } from '../../src/core/settings';
import { understand } from '../../src/core/understand';
import { readWorkbookBuffer } from '../../src/xlsx/exceljs';
import { writeWorkbookBuffer } from '../../src/xlsx/write';
import { writeBytes } from './writeHelpers';

const SAMPLE = path.resolve(__dirname, '../../../shared/fixtures/samples/zh-factory.xlsx');
const TODAY = '2026-11-22';

it('a deleted delivery note and register row do not free its number: the next one is 002', async () => {
  const start = await readWorkbookBuffer(fs.readFileSync(SAMPLE), SAMPLE);
  const u = understand(start.snapshot, { today: TODAY });
  const rows = [6]; // an open line (row 4 has shipped in full)
  // Not recorded: this test is about numbering, and a recorded line would have nothing left to ship the second time.
  const first = planDocuments(u, start.snapshot, { type: 'delivery-note', rows, today: TODAY, record: false });
  expect(first.documents[0].number).toBe('DN-20261122-001');
  const written = await writeBytes(new Uint8Array(fs.readFileSync(SAMPLE)), first.edits);

  // The clerk deletes the document sheet and the register row (in Excel; here with ExcelJS).
  const wb = written.workbook;
  wb.removeWorksheet(wb.getWorksheet(first.documents[0].sheet)!.id);
  const register = wb.worksheets.find((ws) => ws.name === '单据登记')!;
  let entry = 0;
  register.eachRow((row, n) => {
    if (String(row.getCell(1).value).startsWith('DN-')) entry = n;
  });
  register.spliceRows(entry, 1);
  const after = await readWorkbookBuffer(await writeWorkbookBuffer(wb), 'after.xlsx');
  expect(after.snapshot.sheets.some((s) => s.name.includes('DN-20261122-001'))).toBe(false);
  expect(JSON.stringify(after.snapshot.sheets.find((s) => s.name === '单据登记')!.values)).not.toContain('DN-');
  expect(readSettings(after.snapshot).lastNumbers).toEqual({ 'DN-20261122': 1 });

  const u2 = understand(after.snapshot, { today: TODAY });
  const second = planDocuments(u2, after.snapshot, { type: 'delivery-note', rows, today: TODAY, record: false });
  expect(second.documents[0].number).toBe('DN-20261122-002');
});
