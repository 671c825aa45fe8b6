// Node entry for reading a workbook file: missing files and directories get a clerk's message, never a stack trace.

import { promises as fs } from 'fs';
import type ExcelJS from 'exceljs';
import { OrderClerkError } from '../core/errors';
import type { WorkbookSnapshot } from '../core/types';
import { readWorkbookBuffer } from './read';

export async function readWorkbookFile(
  path: string,
): Promise<{ workbook: ExcelJS.Workbook; snapshot: WorkbookSnapshot }> {
  let data: Uint8Array;
  try {
    data = await fs.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new OrderClerkError('notXlsx', { file: path });
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new OrderClerkError('fileNotFound', { file: path });
    throw new OrderClerkError('corruptFile', { file: path });
  }
  return readWorkbookBuffer(data, path);
}
