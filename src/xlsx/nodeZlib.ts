// Node only (CLI): Node's zlib for the .xlsx path, several times faster than fflate's JavaScript inflate and deflate
// on a 100,000-line sheet. The bytes of every part are the same; only the compressed bytes of parts we write differ.

import * as zlib from 'zlib';
import { setNativeZlib, type NativeZlib } from './zip';

const NODE_ZLIB: NativeZlib = {
  inflateRaw(data, maxBytes) {
    try {
      return zlib.inflateRawSync(data, { maxOutputLength: maxBytes + 1 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
      throw e;
    }
  },
  deflateRaw: (data) => zlib.deflateRawSync(data, { level: 6 }),
  crc32: (data) => zlib.crc32(data),
};

export function setNodeZlib(): void {
  setNativeZlib(NODE_ZLIB);
}
