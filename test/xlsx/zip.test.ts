// The zip layer: parts are inflated chunk by chunk and refused past a size or ratio limit before memory grows.

import { promises as fsp } from 'fs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { zipSync } from 'fflate';
import { OrderClerkError } from '../../src/core/errors';
import { readInputBytes } from '../../src/xlsx/readFile';
import { openPackage } from '../../src/xlsx/zip';
import { thrown } from './thrown';

const enc = new TextEncoder();
const spaces = (n: number) => new Uint8Array(n).fill(32);

describe('openPackage', () => {
  const bytes = zipSync({
    'a.xml': [enc.encode('<a>héllo</a>'), { level: 6 }],
    'stored.bin': [new Uint8Array([1, 2, 3]), { level: 0 }],
    'big.xml': [spaces(3 * 1024 * 1024), { level: 9 }],
  });

  it('lists parts, finds them case-insensitively, gives bytes, text and stored data', () => {
    const pkg = openPackage(bytes);
    expect(pkg.names).toEqual(['a.xml', 'stored.bin', 'big.xml']);
    expect(pkg.find('/A.XML')).toBe('a.xml');
    expect(pkg.text('a.xml')).toBe('<a>héllo</a>');
    expect(Array.from(pkg.bytes('stored.bin'))).toEqual([1, 2, 3]);
    expect(pkg.stored('stored.bin')).toMatchObject({ method: 0, size: 3, compressedSize: 3 });
    expect(pkg.stored('big.xml').method).toBe(8);
  });

  it("inflates only a part's head when that is enough, and the whole part when it never is", () => {
    const rows = Array.from(
      { length: 50000 },
      (_, i) => `<row r="${i + 1}"><c><v>${(i * 7919) % 100003}</v></c></row>`,
    );
    const text = `<worksheet><sheetViews/><sheetData>${rows.join('')}</sheetData></worksheet>`;
    const pkg = openPackage(zipSync({ 's.xml': [enc.encode(text), { level: 6 }] }));
    const holds = (b: Uint8Array) => new TextDecoder().decode(b).includes('<sheetData>');
    const head = pkg.head('s.xml', holds);
    expect(holds(head)).toBe(true);
    expect(head.length).toBeLessThan(text.length / 10);
    expect(new TextDecoder().decode(head)).toBe(text.slice(0, head.length));
    expect(new TextDecoder().decode(pkg.head('s.xml', () => false))).toBe(text);
    expect(Array.from(openPackage(bytes).head('stored.bin', () => false))).toEqual([1, 2, 3]);
  });

  it('hands a part over in chunks as it inflates, never all at once', () => {
    const noise = new Uint8Array(1024 * 1024);
    let x = 2463534242;
    for (let i = 0; i < noise.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      noise[i] = x & 0xff;
    }
    const sizes: number[] = [];
    openPackage(zipSync({ 'n.bin': [noise, { level: 6 }] })).stream('n.bin', (c) => sizes.push(c.length));
    expect(sizes.length).toBeGreaterThan(4);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(noise.length);
  });

  it('refuses a part over the size limit, by its declared size and by the bytes it really inflates to', () => {
    const e = thrown(() => openPackage(bytes, { maxPartBytes: 1024 * 1024 }, 'f.xlsx').bytes('big.xml'));
    expect(e).toMatchObject({ code: 'partTooLarge', params: { file: 'f.xlsx', part: 'big.xml', limit: 1 } });
    // A lying central directory (the size field says 10 bytes): counted as it inflates.
    const lying = bytes.slice();
    const view = new DataView(lying.buffer);
    const eocd = lying.length - 22;
    let p = view.getUint32(eocd + 16, true);
    for (let k = 0; k < 3; k++) {
      const nameLen = view.getUint16(p + 28, true);
      if (new TextDecoder().decode(lying.subarray(p + 46, p + 46 + nameLen)) === 'big.xml')
        view.setUint32(p + 24, 10, true);
      p += 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    }
    const chunks: number[] = [];
    const e2 = thrown(() =>
      openPackage(lying, { maxPartBytes: 1024 * 1024 }, 'f.xlsx').stream('big.xml', (c) => chunks.push(c.length)),
    );
    expect(e2).toMatchObject({ code: 'partTooLarge' });
    expect(chunks.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1024 * 1024);
  });

  it('refuses a part whose inflated size is out of all proportion to its compressed size (a zip bomb)', () => {
    const e = thrown(() => openPackage(bytes, { maxRatio: 100, ratioGraceBytes: 1024 }, 'f.xlsx').bytes('big.xml'));
    expect(e).toMatchObject({ code: 'zipBomb', params: { part: 'big.xml' } });
  });

  it('refuses when the parts read together pass the total limit', () => {
    const pkg = openPackage(bytes, { maxTotalBytes: 4 * 1024 * 1024, maxRatio: 1e9 });
    pkg.bytes('big.xml');
    expect(thrown(() => pkg.bytes('big.xml'))).toMatchObject({ code: 'partTooLarge' });
  });

  it('not a zip, an empty zip, a cut zip, zip-level encryption', () => {
    expect(thrown(() => openPackage(enc.encode('hello')))).toMatchObject({ code: 'notXlsx' });
    const empty = new Uint8Array(22);
    new DataView(empty.buffer).setUint32(0, 0x06054b50, true);
    expect(thrown(() => openPackage(empty))).toMatchObject({ code: 'corruptFile' });
    expect(thrown(() => openPackage(bytes.subarray(0, bytes.length - 30)))).toMatchObject({ code: 'corruptFile' });
    const locked = bytes.slice();
    const view = new DataView(locked.buffer);
    const cd = view.getUint32(locked.length - 22 + 16, true);
    view.setUint16(cd + 8, view.getUint16(cd + 8, true) | 1, true);
    expect(thrown(() => openPackage(locked).text('a.xml'))).toMatchObject({ code: 'encrypted' });
  });
});

describe('readInputBytes: only a regular file is read', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-readfile-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a folder, a FIFO and a device are named, never read', async () => {
    await expect(readInputBytes(dir)).rejects.toMatchObject({ code: 'isFolder' });
    const fifo = path.join(dir, 'p.xlsx');
    require('child_process').execFileSync('mkfifo', [fifo]); // eslint-disable-line @typescript-eslint/no-require-imports
    await expect(readInputBytes(fifo)).rejects.toMatchObject({ code: 'notRegularFile' });
    await expect(readInputBytes('/dev/zero')).rejects.toMatchObject({ code: 'notRegularFile' });
  });

  it('a missing file, a file over the size limit, and permission denied (as a non-root user sees it)', async () => {
    await expect(readInputBytes(path.join(dir, 'none.xlsx'))).rejects.toMatchObject({ code: 'fileNotFound' });
    fs.writeFileSync(path.join(dir, 'big.xlsx'), new Uint8Array(2048));
    await expect(readInputBytes(path.join(dir, 'big.xlsx'), 1024)).rejects.toMatchObject({ code: 'fileTooLarge' });
    // The tests run as root here, which reads anything: the operating system's answer is simulated.
    const open = jest.spyOn(fsp, 'open').mockRejectedValueOnce(Object.assign(new Error('EACCES'), { code: 'EACCES' }));
    const e = await readInputBytes(path.join(dir, 'big.xlsx')).catch((x: unknown) => x);
    open.mockRestore();
    expect(e).toBeInstanceOf(OrderClerkError);
    expect(e).toMatchObject({ code: 'permissionDenied' });
  });
});
