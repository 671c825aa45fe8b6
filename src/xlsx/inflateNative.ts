// A package's XML parts inflated by the browser's own DecompressionStream ('deflate-raw': native zlib), ahead of the
// synchronous reader, which then takes them instead of inflating them with fflate (ReadOptions.inflated): on a page's
// first read, before the JIT has warmed fflate's JavaScript, this is most of the inflating time saved. The reader
// still counts every byte against its limits. A part left out here — no DecompressionStream in this runtime, not
// deflated, a declared size over the limits, a stream that fails or yields another size than its header declares —
// is inflated by fflate as before, with the same errors. Browser-safe; Node 20 has DecompressionStream too.

import { DEFAULT_LIMITS, openPackage, type PackageLimits } from './zip';

/** The parts the reader may read: XML and relationships (never images, binaries or VBA). */
const XML_PART = /\.(xml|rels)$/i;

/** The XML parts of `bytes` inflated natively, by stored name; empty when the runtime cannot or the zip is damaged. */
export async function inflateXmlParts(
  bytes: Uint8Array,
  limits: Partial<PackageLimits> = {},
): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  if (typeof DecompressionStream !== 'function') return out;
  const lim = { ...DEFAULT_LIMITS, ...limits };
  let pkg: ReturnType<typeof openPackage>;
  try {
    pkg = openPackage(bytes, lim);
  } catch {
    return out; // the reader says what is wrong with it
  }
  let budget = lim.maxTotalBytes;
  const jobs: Promise<void>[] = [];
  for (const name of pkg.names.filter((n) => XML_PART.test(n))) {
    let part: ReturnType<typeof pkg.stored>;
    try {
      part = pkg.stored(name);
    } catch {
      continue;
    }
    const overRatio = part.size > lim.ratioGraceBytes && part.size > lim.maxRatio * Math.max(part.compressedSize, 1);
    if (part.method !== 8 || part.size > lim.maxPartBytes || part.size > budget || overRatio) continue;
    budget -= part.size;
    jobs.push(
      inflateRaw(part.data, part.size).then((plain) => {
        if (plain) out.set(part.name, plain);
      }),
    );
  }
  await Promise.all(jobs);
  return out;
}

/** Raw deflate data inflated into exactly `size` bytes, or null (a failing stream, or any other size). */
async function inflateRaw(data: Uint8Array, size: number): Promise<Uint8Array | null> {
  try {
    const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    const reader = stream.getReader();
    const out = new Uint8Array(size);
    let at = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (at + value.length > size) {
        await reader.cancel();
        return null; // more than the header declares: the reader's own count refuses it
      }
      out.set(value, at);
      at += value.length;
    }
    return at === size ? out : null;
  } catch {
    return null;
  }
}
