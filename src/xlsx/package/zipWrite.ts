// The output zip of the package writer. Browser-safe. An untouched part is copied as stored — its compressed
// bytes, CRC and sizes — never inflated or deflated again; a changed or added part is deflated (level 6) by Node's
// zlib in the CLI (zip.ts setNativeZlib) or fflate in the browser. Hand-written because no library we have copies
// an entry's compressed bytes except JSZip, whose JavaScript deflate and stream pipeline were most of a write.
// No ZIP64: a package over 4 GB is refused (the reader's limits keep every input far below that).

import { deflateSync } from 'fflate';
import { currentNativeZlib, SIG_CENTRAL, SIG_EOCD, SIG_LOCAL, type StoredPart } from '../zip';

/** One entry of the output: stored bytes copied as they are, or new content to deflate. */
export type ZipEntryOut = { stored: StoredPart } | { name: string; content: Uint8Array };

const UTF8_FLAG = 0x0800;
const DESCRIPTOR_FLAG = 0x0008;

interface Prepared {
  name: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc32: number;
  size: number;
  data: Uint8Array;
  offset: number;
}

export function writeZip(entries: ZipEntryOut[], now = new Date()): Uint8Array {
  const encoder = new TextEncoder();
  const { time, date } = dosTime(now);
  const prepared: Prepared[] = [];
  let offset = 0;
  for (const e of entries) {
    let p: Prepared;
    if ('stored' in e) {
      const s = e.stored;
      const name = encoder.encode(s.name);
      // Sizes go in the local header, so no data descriptor follows the data.
      const flags = (s.flags & ~DESCRIPTOR_FLAG) | (isAscii(s.name) ? 0 : UTF8_FLAG);
      p = {
        name,
        flags,
        method: s.method,
        time: s.time,
        date: s.date,
        crc32: s.crc32,
        size: s.size,
        data: s.data,
        offset,
      };
    } else {
      const name = encoder.encode(e.name);
      const flags = isAscii(e.name) ? 0 : UTF8_FLAG;
      p = {
        name,
        flags,
        method: 8,
        time,
        date,
        crc32: crc32(e.content),
        size: e.content.length,
        data: deflate(e.content),
        offset,
      };
    }
    prepared.push(p);
    offset += 30 + p.name.length + p.data.length;
  }
  const cdStart = offset;
  const cdSize = prepared.reduce((n, p) => n + 46 + p.name.length, 0);
  const total = cdStart + cdSize + 22;
  if (total > 0xffffffff || prepared.length > 0xffff) throw new Error('package too large for a zip without ZIP64');
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  for (const p of prepared) {
    let at = p.offset;
    view.setUint32(at, SIG_LOCAL, true);
    view.setUint16(at + 4, 20, true);
    common(view, at + 6, p);
    view.setUint16(at + 26, p.name.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(p.name, at + 30);
    at += 30 + p.name.length;
    out.set(p.data, at);
  }
  let at = cdStart;
  for (const p of prepared) {
    view.setUint32(at, SIG_CENTRAL, true);
    view.setUint16(at + 4, 20, true); // made by: MS-DOS, 2.0
    view.setUint16(at + 6, 20, true);
    common(view, at + 8, p);
    view.setUint16(at + 28, p.name.length, true);
    // extra, comment, disk number, internal and external attributes: 0
    view.setUint32(at + 42, p.offset, true);
    out.set(p.name, at + 46);
    at += 46 + p.name.length;
  }
  view.setUint32(at, SIG_EOCD, true);
  view.setUint16(at + 8, prepared.length, true);
  view.setUint16(at + 10, prepared.length, true);
  view.setUint32(at + 12, cdSize, true);
  view.setUint32(at + 16, cdStart, true);
  return out;
}

/** flags, method, time, date, CRC, compressed and uncompressed size: the same run in both headers. */
function common(view: DataView, at: number, p: Prepared): void {
  view.setUint16(at, p.flags, true);
  view.setUint16(at + 2, p.method, true);
  view.setUint16(at + 4, p.time, true);
  view.setUint16(at + 6, p.date, true);
  view.setUint32(at + 8, p.crc32 >>> 0, true);
  view.setUint32(at + 12, p.data.length, true);
  view.setUint32(at + 16, p.size, true);
}

function deflate(data: Uint8Array): Uint8Array {
  const z = currentNativeZlib();
  return z ? z.deflateRaw(data) : deflateSync(data, { level: 6 });
}

let table: Int32Array | null = null;

function crc32(data: Uint8Array): number {
  const z = currentNativeZlib();
  if (z) return z.crc32(data);
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

function isAscii(s: string): boolean {
  return /^[\x20-\x7e]*$/.test(s);
}

function dosTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
