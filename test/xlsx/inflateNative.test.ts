// The web page's read: a package's XML parts inflated by the runtime's DecompressionStream ahead of the reader, which
// takes them instead of inflating them itself — the same snapshot, the same limits, the same errors.

import { zipSync } from 'fflate';
import { inflateXmlParts } from '../../src/xlsx/inflateNative';
import { readSnapshot } from '../../src/xlsx/read';
import { openPackage } from '../../src/xlsx/zip';
import { buildClerkWorkbook } from './clerkWorkbook';
import { thrown } from './thrown';

const enc = new TextEncoder();

describe('inflateXmlParts', () => {
  it('inflates every XML and relationships part of a workbook to the bytes fflate gives, and nothing else', async () => {
    const bytes = await buildClerkWorkbook();
    const pkg = openPackage(bytes);
    const inflated = await inflateXmlParts(bytes);
    const xml = pkg.names.filter((n) => /\.(xml|rels)$/i.test(n) && pkg.stored(n).method === 8);
    expect(xml.length).toBeGreaterThan(10);
    expect([...inflated.keys()].sort()).toEqual([...xml].sort());
    for (const n of xml)
      expect({ n, same: Buffer.compare(inflated.get(n)!, pkg.bytes(n)) === 0 }).toEqual({ n, same: true });
  });

  it('gives the reader the same snapshot as its own inflating', async () => {
    const bytes = await buildClerkWorkbook();
    const inflated = await inflateXmlParts(bytes);
    expect(readSnapshot(bytes, 'a.xlsx', { inflated })).toEqual(readSnapshot(bytes, 'a.xlsx'));
  });

  it('leaves out a part over the size limit, so the reader refuses it as before', async () => {
    const bytes = zipSync({
      'a.xml': [enc.encode('<a/>'), { level: 6 }],
      'big.xml': [new Uint8Array(3 << 20).fill(32), {}],
    });
    const limits = { maxPartBytes: 1 << 20 };
    const inflated = await inflateXmlParts(bytes, limits);
    expect([...inflated.keys()]).toEqual(['a.xml']);
    const e = thrown(() => openPackage(bytes, limits, 'f.xlsx', inflated).bytes('big.xml'));
    expect(e).toMatchObject({ code: 'partTooLarge', params: { part: 'big.xml' } });
  });

  it('a damaged part is left to the reader, which calls the file damaged', async () => {
    const bytes = zipSync({ 'a.xml': [enc.encode('<a>' + 'x'.repeat(5000) + '</a>'), { level: 6 }] });
    const pkg = openPackage(bytes);
    const data = pkg.stored('a.xml').data;
    data.fill(0xff, 0, 40); // inside the package's bytes: the deflate stream no longer makes sense
    const inflated = await inflateXmlParts(bytes);
    expect(inflated.size).toBe(0);
    expect(thrown(() => openPackage(bytes, {}, 'f.xlsx', inflated).bytes('a.xml'))).toMatchObject({
      code: 'corruptFile',
    });
  });
});

describe('openPackage with parts inflated ahead', () => {
  const bytes = zipSync({ 'a.xml': [enc.encode('<a>héllo</a>'), { level: 6 }] });

  it('takes a part of its declared size from them, counted against the limits', () => {
    const ahead = new Map([['a.xml', enc.encode('<b>héllo</b>')]]); // same size, other bytes: taken as given
    expect(openPackage(bytes, {}, 'f', ahead).text('a.xml')).toBe('<b>héllo</b>');
    const pkg = openPackage(bytes, {}, 'f', ahead);
    pkg.bytes('a.xml');
    expect(pkg.bytesRead).toBe(enc.encode('<a>héllo</a>').length);
  });

  it('inflates a part itself when what it was given is of another size than the header declares', () => {
    const ahead = new Map([['a.xml', enc.encode('<a>x</a>')]]);
    expect(openPackage(bytes, {}, 'f', ahead).text('a.xml')).toBe('<a>héllo</a>');
  });
});
