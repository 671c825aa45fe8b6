// Node entry for reading a workbook file: only a regular file is read (a folder, a FIFO or a device is named as
// such, never opened for a blocking or endless read), up to a size limit; every failure is a clerk's message.

import { constants, promises as fs } from 'fs';
import { OrderClerkError } from '../core/errors';
import type { WorkbookSnapshot } from '../core/types';
import { readSnapshot } from './read';

/** Largest input file read: a 200,000-line order workbook is about 12 MB. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** The bytes of a regular file, or an OrderClerkError saying plainly why not. */
export async function readInputBytes(file: string, maxBytes = MAX_FILE_BYTES): Promise<Uint8Array> {
  let handle: fs.FileHandle | undefined;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer (the stat below then refuses it).
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new OrderClerkError('isFolder', { file });
    if (!stat.isFile()) throw new OrderClerkError('notRegularFile', { file });
    if (stat.size > maxBytes)
      throw new OrderClerkError('fileTooLarge', { file, limit: Math.round(maxBytes / 1048576) });
    const data = new Uint8Array(stat.size);
    let at = 0;
    while (at < data.length) {
      const { bytesRead } = await handle.read(data, at, data.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === data.length ? data : data.subarray(0, at);
  } catch (e) {
    if (e instanceof OrderClerkError) throw e;
    throw fileError(file, (e as NodeJS.ErrnoException).code);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function fileError(file: string, code: string | undefined): OrderClerkError {
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
    case 'ELOOP':
    case 'ENAMETOOLONG':
      return new OrderClerkError('fileNotFound', { file });
    case 'EISDIR':
      return new OrderClerkError('isFolder', { file });
    case 'EACCES':
    case 'EPERM':
      return new OrderClerkError('permissionDenied', { file });
    default:
      return new OrderClerkError('corruptFile', { file });
  }
}

/** Read a workbook file into a snapshot (streaming reader). */
export async function readWorkbookFile(file: string): Promise<{ snapshot: WorkbookSnapshot; bytes: Uint8Array }> {
  const bytes = await readInputBytes(file);
  return { snapshot: readSnapshot(bytes, file), bytes };
}
