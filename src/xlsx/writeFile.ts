// Node only (CLI): write a workbook to a file without ever leaving a half-written file at the target:
// write a temporary file beside it, then rename it into place.

import { promises as fs } from 'fs';
import * as path from 'path';
import type * as ExcelJS from 'exceljs';
import { OrderClerkError } from '../core/errors';
import { writeWorkbookBuffer } from './write';

export async function writeWorkbookFile(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  await writeBytesFile(() => writeWorkbookBuffer(workbook), file);
}

/** Write package bytes (made by `make`, so a failure there also leaves nothing behind) to `file`. */
export async function writeBytesFile(make: () => Promise<Uint8Array> | Uint8Array, file: string): Promise<void> {
  const target = path.resolve(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    const bytes = await make();
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    if (e instanceof OrderClerkError) throw e;
    throw new OrderClerkError('writeFailed', { file, detail: firstLine(e) });
  }
}

function firstLine(e: unknown): string {
  const code = (e as { code?: string }).code;
  const msg = e instanceof Error ? e.message : String(e);
  return (code ? `${code}` : msg.split('\n')[0]).slice(0, 200);
}
