// The zip layer of the .xlsx path: open a package (the central directory only), then inflate a part on demand,
// chunk by chunk, counting bytes as they come, so a zip bomb is refused before memory grows (SPEC 10).
// Browser-safe (no Node APIs). fflate does the inflating; the central directory is read here because no library
// gives lazy, per-part, abortable access to it.

import { Inflate } from 'fflate';
import { OrderClerkError } from '../core/errors';

/**
 * Raw deflate and inflate faster than fflate's JavaScript, where the platform has them: the CLI sets Node's zlib
 * (nodeZlib.ts); the browser keeps fflate. Output is the same bytes of each part either way.
 */
export interface NativeZlib {
  /** The inflated bytes, or null when they would pass `maxBytes` (nothing more is inflated then). */
  inflateRaw(data: Uint8Array, maxBytes: number, sizeHint: number): Uint8Array | null;
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

let nativeZlib: NativeZlib | null = null;

/** Use `z` for every package read or written from now on (null: back to fflate). */
export function setNativeZlib(z: NativeZlib | null): void {
  nativeZlib = z;
}

export function currentNativeZlib(): NativeZlib | null {
  return nativeZlib;
}

/** What a package may cost to read. Every size is of inflated bytes. */
export interface PackageLimits {
  /** Largest inflated size of one part. */
  maxPartBytes: number;
  /** Largest inflated size of all the parts read from one package together. */
  maxTotalBytes: number;
  /** Largest inflated ÷ compressed ratio of one part, checked once the part has passed ratioGraceBytes. */
  maxRatio: number;
  ratioGraceBytes: number;
  /** Most entries a package may list. */
  maxEntries: number;
}

const MB = 1024 * 1024;

// A 200,000-line order sheet inflates to about 60 MB; the ratio of real sheet XML stays under 100 (Apache POI's
// default minimum inflate ratio is 0.01 for the same reason); deflate itself tops out near 1,032.
export const DEFAULT_LIMITS: PackageLimits = {
  maxPartBytes: 256 * MB,
  maxTotalBytes: 512 * MB,
  maxRatio: 200,
  ratioGraceBytes: 4 * MB,
  maxEntries: 10000,
};

/** One part as stored: for copying it unchanged into a written package. */
export interface StoredPart {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** The stored (compressed) bytes, a view into the package. */
  data: Uint8Array;
  /** General-purpose flags, DOS time and date as the central directory has them. */
  flags: number;
  time: number;
  date: number;
}

export interface OpenPackage {
  /** Part names as stored, without a leading slash, in central-directory order. */
  readonly names: string[];
  /** The stored name of a part, matched case-insensitively (OPC part names are), or null. */
  find(name: string): string | null;
  has(name: string): boolean;
  /** The part's inflated bytes (limits applied). */
  bytes(name: string): Uint8Array;
  /** The part as text (UTF-8, or UTF-16 with a BOM). */
  text(name: string): string;
  /**
   * The part's first bytes: inflated a little at a time until `enough` says they hold what the caller looks for
   * (a worksheet's head before <sheetData>), or the whole part when they never do. Limits applied.
   */
  head(name: string, enough: (first: Uint8Array) => boolean): Uint8Array;
  /** Inflate the part chunk by chunk; the limits are checked before each chunk is handed over. */
  stream(name: string, onChunk: (chunk: Uint8Array) => void): void;
  /** The part's stored bytes and header facts, for writing it back byte for byte. */
  stored(name: string): StoredPart;
  /** Inflated bytes read so far from this package. */
  readonly bytesRead: number;
}

interface Entry {
  name: string;
  flags: number;
  time: number;
  date: number;
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Record signatures of the zip format (APPNOTE 4.3), read here and written by the package writer's zip. */
export const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_LOCAL = 0x04034b50;
const PUSH_BYTES = 64 * 1024;
// Handed over in pieces small enough that their text is made in the young generation (recycled pages), not in
// large-object space (fresh pages for each piece: page faults were a third of reading a 200,000-line sheet).
const NATIVE_CHUNK = 32 * 1024;
const HEAD_PUSH_BYTES = 4 * 1024;

/**
 * Open a zip package. `file` names it in messages. Throws OrderClerkError: notXlsx (not a zip), corruptFile
 * (a damaged zip), encrypted (zip-level encryption), partTooLarge / zipBomb (limits). `inflated` holds parts the
 * caller has already inflated (by stored name; the browser's native inflater, inflateNative.ts): a part there of the
 * size its header declares is taken from it instead of inflated here, chunk by chunk and counted the same way.
 */
export function openPackage(
  bytes: Uint8Array,
  limits: Partial<PackageLimits> = {},
  file = 'workbook',
  inflated?: ReadonlyMap<string, Uint8Array>,
): OpenPackage {
  const lim: PackageLimits = { ...DEFAULT_LIMITS, ...limits };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4 || view.getUint32(0, true) !== SIG_LOCAL) {
    // An empty zip (only an end record) is a zip, but not a workbook.
    throw new OrderClerkError(bytes.length >= 22 && view.getUint32(0, true) === SIG_EOCD ? 'corruptFile' : 'notXlsx', {
      file,
    });
  }
  const entries = readCentralDirectory(bytes, view, lim, file);
  const byLower = new Map<string, Entry>();
  const byName = new Map<string, Entry>();
  for (const e of entries) {
    if (!byLower.has(e.name.toLowerCase())) byLower.set(e.name.toLowerCase(), e);
    if (!byName.has(e.name)) byName.set(e.name, e);
  }
  let total = 0;

  const entry = (name: string): Entry => {
    const e = byLower.get(stripSlash(name).toLowerCase());
    if (!e) throw new OrderClerkError('corruptFile', { file });
    return e;
  };

  const dataOf = (e: Entry): Uint8Array => {
    const o = e.localOffset;
    if (o + 30 > bytes.length || view.getUint32(o, true) !== SIG_LOCAL)
      throw new OrderClerkError('corruptFile', { file });
    const start = o + 30 + view.getUint16(o + 26, true) + view.getUint16(o + 28, true);
    const end = start + e.compressedSize;
    if (end > bytes.length) throw new OrderClerkError('corruptFile', { file });
    return bytes.subarray(start, end);
  };

  const stream = (name: string, onChunk: (chunk: Uint8Array) => void): void => {
    const e = entry(name);
    if (e.flags & 1) throw new OrderClerkError('encrypted', { file });
    // The declared size is checked first (cheap); the real size is counted as it inflates (headers can lie).
    refuseIfOver(e.size, e.compressedSize, e.name, true);
    const data = dataOf(e);
    let got = 0;
    const take = (chunk: Uint8Array): void => {
      if (chunk.length === 0) return;
      got += chunk.length;
      total += chunk.length;
      refuseIfOver(got, e.compressedSize, e.name, false);
      onChunk(chunk);
    };
    const ready = e.method === 8 ? inflated?.get(e.name) : undefined;
    const plain = e.method === 0 ? data : ready && ready.length === e.size ? ready : null;
    if (plain) {
      for (let i = 0; i < plain.length; i += PUSH_BYTES)
        take(plain.subarray(i, Math.min(plain.length, i + PUSH_BYTES)));
      return;
    }
    if (e.method !== 8) throw new OrderClerkError('corruptFile', { file });
    if (nativeZlib) return streamNative(nativeZlib, e, data, take);
    const inflate = new Inflate((chunk) => take(chunk));
    try {
      if (data.length === 0) inflate.push(new Uint8Array(0), true);
      for (let i = 0; i < data.length; i += PUSH_BYTES) {
        const end = Math.min(data.length, i + PUSH_BYTES);
        inflate.push(data.subarray(i, end), end === data.length);
      }
    } catch (err) {
      if (err instanceof OrderClerkError) throw err;
      throw new OrderClerkError('corruptFile', { file });
    }
  };

  const head = (name: string, enough: (first: Uint8Array) => boolean): Uint8Array => {
    const e = entry(name);
    if (e.flags & 1) throw new OrderClerkError('encrypted', { file });
    refuseIfOver(e.size, e.compressedSize, e.name, true);
    const data = dataOf(e);
    if (e.method === 0) return data;
    if (e.method !== 8) throw new OrderClerkError('corruptFile', { file });
    let buf = new Uint8Array(HEAD_PUSH_BYTES * 8);
    let n = 0;
    let checkAt = HEAD_PUSH_BYTES;
    let done = false;
    // fflate here even where native zlib is set: only the first few kilobytes are inflated. The buffer doubles and
    // `enough` is asked each time the bytes have doubled, so a part without what it looks for stays linear.
    const inflate = new Inflate((chunk) => {
      if (n + chunk.length > buf.length) {
        const grown = new Uint8Array(Math.max(buf.length * 2, n + chunk.length));
        grown.set(buf.subarray(0, n));
        buf = grown;
      }
      buf.set(chunk, n);
      n += chunk.length;
      refuseIfOver(n, e.compressedSize, e.name, false);
    });
    try {
      if (data.length === 0) inflate.push(new Uint8Array(0), true);
      for (let i = 0; i < data.length && !done; i += HEAD_PUSH_BYTES) {
        const end = Math.min(data.length, i + HEAD_PUSH_BYTES);
        inflate.push(data.subarray(i, end), end === data.length);
        if (n >= checkAt) {
          done = enough(buf.subarray(0, n));
          checkAt = n * 2;
        }
      }
    } catch (err) {
      if (err instanceof OrderClerkError) throw err;
      throw new OrderClerkError('corruptFile', { file });
    }
    return buf.subarray(0, n);
  };

  /** The whole part at once, capped where the first limit would refuse it, then handed over in chunks. */
  const streamNative = (z: NativeZlib, e: Entry, data: Uint8Array, take: (chunk: Uint8Array) => void): void => {
    const allowedByRatio = Math.max(lim.ratioGraceBytes, lim.maxRatio * Math.max(e.compressedSize, 1));
    const cap = Math.max(0, Math.min(lim.maxPartBytes, allowedByRatio, lim.maxTotalBytes - total));
    let out: Uint8Array | null;
    try {
      out = z.inflateRaw(data, cap, e.size);
    } catch {
      throw new OrderClerkError('corruptFile', { file });
    }
    // Past the cap: the same refusal the chunked inflate gives when its count first passes a limit.
    if (out === null) {
      total += cap + 1;
      refuseIfOver(cap + 1, e.compressedSize, e.name, false);
      throw new OrderClerkError('zipBomb', { file, part: e.name });
    }
    for (let i = 0; i < out.length; i += NATIVE_CHUNK) take(out.subarray(i, Math.min(out.length, i + NATIVE_CHUNK)));
  };

  const refuseIfOver = (size: number, compressed: number, part: string, declared: boolean): void => {
    if (size > lim.maxPartBytes || (!declared && total > lim.maxTotalBytes))
      throw new OrderClerkError('partTooLarge', { file, part, limit: Math.round(lim.maxPartBytes / MB) });
    if (size > lim.ratioGraceBytes && size > lim.maxRatio * Math.max(compressed, 1))
      throw new OrderClerkError('zipBomb', { file, part });
  };

  const bytesOf = (name: string): Uint8Array => {
    const chunks: Uint8Array[] = [];
    stream(name, (c) => chunks.push(c));
    return joinChunks(chunks);
  };

  return {
    names: entries.map((e) => e.name),
    find: (name) => byLower.get(stripSlash(name).toLowerCase())?.name ?? null,
    has: (name) => byLower.has(stripSlash(name).toLowerCase()),
    bytes: bytesOf,
    text: (name) => decodeText(bytesOf(name)),
    head,
    stream,
    stored: (name) => {
      const e = byName.get(stripSlash(name)) ?? entry(name);
      return {
        name: e.name,
        method: e.method,
        crc32: e.crc32,
        compressedSize: e.compressedSize,
        size: e.size,
        data: dataOf(e),
        flags: e.flags,
        time: e.time,
        date: e.date,
      };
    },
    get bytesRead() {
      return total;
    },
  };
}

function stripSlash(name: string): string {
  return name.startsWith('/') ? name.slice(1) : name;
}

function readCentralDirectory(bytes: Uint8Array, view: DataView, lim: PackageLimits, file: string): Entry[] {
  const corrupt = () => new OrderClerkError('corruptFile', { file });
  // The end record sits in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt();
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || view.getUint32(loc, true) !== SIG_EOCD64_LOCATOR) throw corrupt();
    const at = u64(view, loc + 8);
    if (at + 56 > bytes.length || view.getUint32(at, true) !== SIG_EOCD64) throw corrupt();
    count = u64(view, at + 32);
    cdSize = u64(view, at + 40);
    cdOffset = u64(view, at + 48);
  }
  if (count > lim.maxEntries) throw new OrderClerkError('corruptFile', { file });
  if (cdOffset + cdSize > bytes.length) throw corrupt();
  const out: Entry[] = [];
  let p = cdOffset;
  const utf8 = new TextDecoder('utf-8');
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== SIG_CENTRAL) throw corrupt();
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const time = view.getUint16(p + 12, true);
    const date = view.getUint16(p + 14, true);
    const crc32 = view.getUint32(p + 16, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen + extraLen > bytes.length) throw corrupt();
    // Part names are ASCII or UTF-8 in every writer we know (CP437 names decode the same for ASCII).
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // ZIP64 extra field (0x0001): the 64-bit values, in this order, for the fields that overflowed.
      let x = p + 46 + nameLen;
      const xEnd = x + extraLen;
      while (x + 4 <= xEnd) {
        const id = view.getUint16(x, true);
        const len = view.getUint16(x + 2, true);
        if (id === 1) {
          let q = x + 4;
          if (size === 0xffffffff) {
            size = u64(view, q);
            q += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(view, q);
            q += 8;
          }
          if (localOffset === 0xffffffff) localOffset = u64(view, q);
          break;
        }
        x += 4 + len;
      }
    }
    out.push({
      name: stripSlash(name.replace(/\\/g, '/')),
      flags,
      time,
      date,
      method,
      crc32,
      compressedSize,
      size,
      localOffset,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function u64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 0x100000000;
}

/** Text of a part: UTF-8 unless a BOM says UTF-16. */
export function decodeText(b: Uint8Array): string {
  return textDecoderFor(b).decode(b);
}

/** The decoder a part's first bytes call for (a BOM is dropped by the decoder itself). */
export function textDecoderFor(first: Uint8Array): TextDecoder {
  if (first.length >= 2 && first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le');
  if (first.length >= 2 && first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be');
  return new TextDecoder('utf-8');
}

/**
 * Chunks of a part as one array: the chunk itself when there is one; the buffer they are consecutive views of when
 * handed over that way (native inflate, stored parts); else a copy.
 */
export function joinChunks(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const n = chunks.reduce((sum, c) => sum + c.length, 0);
  const first = chunks[0];
  if (!first) return new Uint8Array(0);
  let next = first.byteOffset;
  let views = true;
  for (const c of chunks) {
    views = views && c.buffer === first.buffer && c.byteOffset === next;
    next += c.length;
  }
  if (views) return new Uint8Array(first.buffer, first.byteOffset, n);
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
